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

from portal.models.consultation import (  # noqa: E402
    Consultation,
    ConsultationFile,
    ConsultationMessage,
    ConsultationStatus,
    ConsultationTopic,
    LawyerDuty,
    Recommendation,
)

__all__ += [
    "Consultation",
    "ConsultationFile",
    "ConsultationMessage",
    "ConsultationStatus",
    "ConsultationTopic",
    "LawyerDuty",
    "Recommendation",
]
