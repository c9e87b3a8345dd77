"""Tables. Importing this package registers every table on ``SQLModel.metadata``."""

from portal.models.collective import (
    ActionStatus,
    CollectiveAction,
    CollectiveMember,
    CollectiveUpdate,
    MemberStatus,
    RepresentativeVote,
)
from portal.models.complaint import (
    Case,
    CaseEvent,
    CaseStatus,
    Category,
    Complaint,
    Demand,
    Evidence,
)
from portal.models.consultation import (
    Consultation,
    ConsultationFile,
    ConsultationMessage,
    ConsultationStatus,
    ConsultationTopic,
    LawyerDuty,
    Recommendation,
)
from portal.models.credential import (
    CredentialAuditEntry,
    CredentialFile,
    CredentialKind,
)
from portal.models.document import (
    CaseLawyer,
    DocumentKind,
    DocumentSend,
    DocumentVersion,
    LegalDocument,
    SendStatus,
)
from portal.models.lawyer import (
    PRACTICE_REGIONS,
    ApplicationStatus,
    LawFirm,
    LawyerProfile,
    PracticeArea,
)
from portal.models.litigation import (
    AgencyOffer,
    AgencyRequest,
    Engagement,
    EngagementStatus,
    LitigationType,
    OfferStatus,
    RequestStatus,
)
from portal.models.merchant import (
    Merchant,
)
from portal.models.user import (
    AuthSession,
    Role,
    SignInThrottle,
    User,
)

__all__ = [
    "ActionStatus",
    "AgencyOffer",
    "AgencyRequest",
    "ApplicationStatus",
    "AuthSession",
    "Case",
    "CaseEvent",
    "CaseLawyer",
    "CaseStatus",
    "Category",
    "CollectiveAction",
    "CollectiveMember",
    "CollectiveUpdate",
    "Complaint",
    "Consultation",
    "ConsultationFile",
    "ConsultationMessage",
    "ConsultationStatus",
    "ConsultationTopic",
    "CredentialAuditEntry",
    "CredentialFile",
    "CredentialKind",
    "Demand",
    "DocumentKind",
    "DocumentSend",
    "DocumentVersion",
    "Engagement",
    "EngagementStatus",
    "Evidence",
    "LawFirm",
    "LawyerDuty",
    "LawyerProfile",
    "LegalDocument",
    "LitigationType",
    "MemberStatus",
    "Merchant",
    "OfferStatus",
    "PRACTICE_REGIONS",
    "PracticeArea",
    "Recommendation",
    "RepresentativeVote",
    "RequestStatus",
    "Role",
    "SendStatus",
    "SignInThrottle",
    "User",
]
