"""Tables. Importing this package registers every table on ``SQLModel.metadata``."""

from portal.models.complaint import (
    Case,
    CaseEvent,
    CaseStatus,
    Category,
    Complaint,
    Demand,
    Evidence,
)
from portal.models.lawyer import ApplicationStatus, LawFirm, LawyerProfile
from portal.models.merchant import Merchant
from portal.models.user import AuthSession, Role, SignInThrottle, User

__all__ = [
    "ApplicationStatus",
    "LawFirm",
    "LawyerProfile",
    "AuthSession",
    "Case",
    "CaseEvent",
    "CaseStatus",
    "Category",
    "Complaint",
    "Demand",
    "Evidence",
    "Merchant",
    "Role",
    "SignInThrottle",
    "User",
]

from portal.models.credential import (  # noqa: E402
    CredentialAuditEntry,
    CredentialFile,
    CredentialKind,
)
from portal.models.lawyer import PRACTICE_REGIONS, PracticeArea  # noqa: E402

__all__ += [
    "CredentialAuditEntry",
    "CredentialFile",
    "CredentialKind",
    "PRACTICE_REGIONS",
    "PracticeArea",
]
