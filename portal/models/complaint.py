"""Complaints, the cases that track them, their timelines and evidence files."""

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from portal.models.types import Money, utcnow


class Category(StrEnum):
    """The kind of purchase a complaint is about."""

    ECOMMERCE = "ecommerce"
    FOOD = "food"
    TRAVEL = "travel"
    EDUCATION = "education"
    TELECOM = "telecom"
    FINANCE = "finance"
    HOUSING = "housing"
    AUTOMOBILE = "automobile"
    HEALTH_BEAUTY = "health_beauty"
    HOME_SERVICES = "home_services"
    OTHER = "other"


class Demand(StrEnum):
    """The remedy the consumer wants from the merchant."""

    REFUND = "refund"
    REPLACEMENT = "replacement"
    REPAIR = "repair"
    COMPENSATION = "compensation"
    APOLOGY = "apology"
    OTHER = "other"


class CaseStatus(StrEnum):
    """The status of a case. Allowed moves are in ``portal.services.workflow``."""

    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    REJECTED = "rejected"
    FORWARDED = "forwarded"
    MERCHANT_REPLIED = "merchant_replied"
    RESOLVED = "resolved"
    UNRESOLVED = "unresolved"
    WITHDRAWN = "withdrawn"
    CLOSED = "closed"


class Complaint(SQLModel, table=True):
    """The facts a consumer filed, as filed."""

    __table_args__ = (
        UniqueConstraint("source", "source_ref", name="uq_complaint_source_ref"),
        Index("ix_complaint_consumer_created", "consumer_id", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    number: str | None = Field(default=None, max_length=20, unique=True)
    consumer_id: int = Field(foreign_key="user_account.id")
    merchant_id: int = Field(foreign_key="merchant.id", index=True)
    purchase_channel: str = Field(default="", max_length=100)
    category: str = Field(max_length=20, index=True)
    order_no: str = Field(default="", max_length=64)
    product: str = Field(default="", max_length=100)
    amount_paid: Decimal | None = Field(default=None, sa_column=Column(Money()))
    purchase_date: date | None = None
    description: str = Field(sa_column=Column(Text, nullable=False))
    demand: str = Field(max_length=20)
    demand_amount: Decimal | None = Field(default=None, sa_column=Column(Money()))
    demand_detail: str = Field(default="", max_length=500)
    consent_at: datetime
    source: str = Field(default="web", max_length=40)
    source_ref: str | None = Field(default=None, max_length=80)
    created_at: datetime = Field(default_factory=utcnow, index=True)


class Case(SQLModel, table=True):
    """The handling of one complaint: its status and who may act next."""

    __tablename__ = "complaint_case"
    __table_args__ = (Index("ix_case_status_opened", "status", "opened_at"),)

    id: int | None = Field(default=None, primary_key=True)
    complaint_id: int = Field(foreign_key="complaint.id", unique=True)
    status: str = Field(default=CaseStatus.SUBMITTED, max_length=20)
    status_reason: str = Field(default="", max_length=1000)
    opened_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class CaseEvent(SQLModel, table=True):
    """One entry on a case timeline. Rows are only ever added."""

    __tablename__ = "case_event"
    __table_args__ = (Index("ix_case_event_case_at", "case_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="complaint_case.id")
    at: datetime = Field(default_factory=utcnow)
    actor_id: int | None = Field(default=None, foreign_key="user_account.id")
    actor_role: str = Field(max_length=16)
    kind: str = Field(max_length=32)
    from_status: str | None = Field(default=None, max_length=20)
    to_status: str | None = Field(default=None, max_length=20)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    internal: bool = False


class Evidence(SQLModel, table=True):
    """An uploaded file. Staged (no complaint yet) until the complaint is saved."""

    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(foreign_key="user_account.id", index=True)
    complaint_id: int | None = Field(
        default=None, foreign_key="complaint.id", index=True
    )
    original_name: str = Field(max_length=255)
    stored_name: str = Field(max_length=64, unique=True)
    content_type: str = Field(max_length=40)
    size_bytes: int
    sha256: str = Field(max_length=64)
    uploaded_at: datetime = Field(default_factory=utcnow)
