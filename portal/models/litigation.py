"""Full-risk (contingency) litigation agency: requests, offers and engagements."""

from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from portal.models.types import Money, utcnow


class LitigationType(StrEnum):
    """The kind of lawsuit a case would be; it decides whether full-risk is allowed."""

    CIVIL_CONSUMER = "civil_consumer"
    CIVIL_CONTRACT = "civil_contract"
    PRODUCT_LIABILITY = "product_liability"
    CRIMINAL = "criminal"
    ADMINISTRATIVE = "administrative"
    STATE_COMPENSATION = "state_compensation"
    COLLECTIVE = "collective"
    MARRIAGE = "marriage"
    INHERITANCE = "inheritance"
    SOCIAL_INSURANCE = "social_insurance"
    MINIMUM_LIVING = "minimum_living"
    SUPPORT_PENSION_RELIEF_INJURY = "support_pension_relief_injury"
    LABOUR_REMUNERATION = "labour_remuneration"


class RequestStatus(StrEnum):
    """The status of a consumer's request for agency."""

    OPEN = "open"
    ENGAGED = "engaged"
    WITHDRAWN = "withdrawn"


class OfferStatus(StrEnum):
    """The status of a lawyer's offer."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    CLOSED = "closed"


class EngagementStatus(StrEnum):
    """The status of an engagement, from the agreement to the settled fee."""

    AGREEMENT_PENDING = "agreement_pending"
    ACTIVE = "active"
    FEE_COMPUTED = "fee_computed"
    SETTLED = "settled"


class AgencyRequest(SQLModel, table=True):
    """A consumer's request for a lawyer to litigate a case on full-risk terms."""

    __tablename__ = "agency_request"
    __table_args__ = (Index("ix_agency_request_status_area", "status", "area"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="complaint_case.id", index=True)
    consumer_id: int = Field(foreign_key="user_account.id", index=True)
    litigation_type: str = Field(max_length=40)
    area: str = Field(max_length=40)
    claimed_amount: Decimal = Field(sa_column=Column(Money(), nullable=False))
    summary: str = Field(sa_column=Column(Text, nullable=False, default=""))
    status: str = Field(default=RequestStatus.OPEN, max_length=20)
    accepted_offer_id: int | None = None
    created_at: datetime = Field(default_factory=utcnow)


class AgencyOffer(SQLModel, table=True):
    """A lawyer's full-risk offer: a share of what is recovered, expenses stated."""

    __tablename__ = "agency_offer"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="agency_request.id", index=True)
    lawyer_id: int = Field(foreign_key="user_account.id", index=True)
    fee_basis_points: int
    expenses: Decimal = Field(sa_column=Column(Money(), nullable=False))
    expenses_detail: str = Field(default="", max_length=500)
    message: str = Field(sa_column=Column(Text, nullable=False, default=""))
    status: str = Field(default=OfferStatus.PENDING, max_length=20)
    created_at: datetime = Field(default_factory=utcnow)


class Engagement(SQLModel, table=True):
    """An accepted offer: the risk-agency agreement and the fee at close."""

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="agency_request.id", unique=True)
    offer_id: int = Field(foreign_key="agency_offer.id", unique=True)
    case_id: int = Field(foreign_key="complaint_case.id", index=True)
    consumer_id: int = Field(foreign_key="user_account.id", index=True)
    lawyer_id: int = Field(foreign_key="user_account.id", index=True)
    fee_basis_points: int
    agreement_text: str = Field(sa_column=Column(Text, nullable=False))
    consumer_confirmed_at: datetime | None = None
    lawyer_confirmed_at: datetime | None = None
    status: str = Field(default=EngagementStatus.AGREEMENT_PENDING, max_length=24)
    recovered_amount: Decimal | None = Field(default=None, sa_column=Column(Money()))
    fee_due: Decimal | None = Field(default=None, sa_column=Column(Money()))
    created_at: datetime = Field(default_factory=utcnow)
    closed_at: datetime | None = None
    settled_at: datetime | None = None
