"""Live legal consultations: the conversation, its messages and lawyers' duty."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from portal.models.types import utcnow


class ConsultationStatus(StrEnum):
    """The status of a consultation: queued, being answered, or over."""

    WAITING = "waiting"
    ACTIVE = "active"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class ConsultationTopic(StrEnum):
    """The area of law a consumer asks about."""

    CONSUMER_DISPUTES = "consumer_disputes"
    ECOMMERCE = "ecommerce"
    CONTRACTS = "contracts"
    PRODUCT_QUALITY = "product_quality"
    FINANCE = "finance"
    HOUSING = "housing"
    OTHER = "other"


class Recommendation(StrEnum):
    """The lawyer's advice on what the consumer should do next."""

    RESOLVED_BY_ADVICE = "resolved_by_advice"
    FILE_COMPLAINT = "file_complaint"
    ESCALATE_COMPLAINT = "escalate_complaint"
    DRAFT_DOCUMENT = "draft_document"
    LITIGATION_ADVISED = "litigation_advised"


class Consultation(SQLModel, table=True):
    """One consumer's question and the lawyer's live answers to it.

    ``last_seq`` is the sequence number of the newest message; each side's
    ``*_read_seq`` is the newest message that side has seen.
    """

    __table_args__ = (
        Index("ix_consultation_status_created", "status", "created_at"),
        Index("ix_consultation_consumer_created", "consumer_id", "created_at"),
        Index("ix_consultation_lawyer_status", "lawyer_id", "status"),
    )

    id: int | None = Field(default=None, primary_key=True)
    consumer_id: int = Field(foreign_key="user_account.id")
    lawyer_id: int | None = Field(default=None, foreign_key="user_account.id")
    case_id: int | None = Field(
        default=None, foreign_key="complaint_case.id", index=True
    )
    topic: str = Field(max_length=32)
    question: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(default=ConsultationStatus.WAITING, max_length=16)
    created_at: datetime = Field(default_factory=utcnow)
    picked_up_at: datetime | None = None
    closed_at: datetime | None = None
    summary: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    recommendation: str = Field(default="", max_length=32)
    rating: int | None = None
    rating_comment: str = Field(default="", max_length=500)
    rated_at: datetime | None = None
    last_seq: int = 0
    consumer_read_seq: int = 0
    lawyer_read_seq: int = 0


class ConsultationFile(SQLModel, table=True):
    """A file sent in a consultation, checked by the same rules as evidence."""

    __tablename__ = "consultation_file"

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int = Field(foreign_key="consultation.id", index=True)
    owner_id: int = Field(foreign_key="user_account.id")
    original_name: str = Field(max_length=255)
    stored_name: str = Field(max_length=64, unique=True)
    content_type: str = Field(max_length=40)
    size_bytes: int
    sha256: str = Field(max_length=64)
    uploaded_at: datetime = Field(default_factory=utcnow)


class ConsultationMessage(SQLModel, table=True):
    """One message. ``seq`` orders a consultation's messages, not the clock."""

    __tablename__ = "consultation_message"
    __table_args__ = (
        UniqueConstraint("consultation_id", "seq", name="uq_consultation_message_seq"),
        UniqueConstraint(
            "consultation_id",
            "sender_id",
            "client_id",
            name="uq_consultation_message_client_id",
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    consultation_id: int = Field(foreign_key="consultation.id")
    seq: int
    sender_id: int = Field(foreign_key="user_account.id")
    client_id: str = Field(max_length=64)
    body: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    file_id: int | None = Field(default=None, foreign_key="consultation_file.id")
    created_at: datetime = Field(default_factory=utcnow)


class LawyerDuty(SQLModel, table=True):
    """Whether an approved lawyer is taking consultations now."""

    __tablename__ = "lawyer_duty"

    user_id: int = Field(foreign_key="user_account.id", primary_key=True)
    on_duty: bool = False
    changed_at: datetime = Field(default_factory=utcnow)
