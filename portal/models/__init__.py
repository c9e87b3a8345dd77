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

from portal.models.collective import (  # noqa: E402
    ActionStatus,
    CollectiveAction,
    CollectiveMember,
    CollectiveUpdate,
    MemberStatus,
    RepresentativeVote,
)
from portal.models.litigation import (  # noqa: E402
    AgencyOffer,
    AgencyRequest,
    Engagement,
    EngagementStatus,
    LitigationType,
    OfferStatus,
    PracticeArea,
    RequestStatus,
)

__all__ += [
    "ActionStatus",
    "AgencyOffer",
    "AgencyRequest",
    "CollectiveAction",
    "CollectiveMember",
    "CollectiveUpdate",
    "Engagement",
    "EngagementStatus",
    "LitigationType",
    "MemberStatus",
    "OfferStatus",
    "PracticeArea",
    "RepresentativeVote",
    "RequestStatus",
]
