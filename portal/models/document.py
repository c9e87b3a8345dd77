"""Legal documents drafted on a case, their versions and their sends,
and the link between a case and the lawyers who handle it."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from portal.models.types import utcnow


class DocumentKind(StrEnum):
    """The documents Fangxin drafts from a case."""

    COMPLAINT_LETTER = "complaint_letter"
    LAWYER_LETTER = "lawyer_letter"
    CIVIL_COMPLAINT = "civil_complaint"


class SendStatus(StrEnum):
    """The state of one email send of a document version."""

    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class CaseLawyer(SQLModel, table=True):
    """A lawyer who handles a case, written by the feature that assigned them.

    ``source`` names that feature: ``admin`` for an admin's assignment, and
    for example ``consultation`` or ``litigation`` for later features.
    """

    __tablename__ = "case_lawyer"
    __table_args__ = (UniqueConstraint("case_id", "lawyer_id", name="uq_case_lawyer"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="complaint_case.id", index=True)
    lawyer_id: int = Field(foreign_key="user_account.id", index=True)
    source: str = Field(max_length=20)
    assigned_by: int | None = Field(default=None, foreign_key="user_account.id")
    assigned_at: datetime = Field(default_factory=utcnow)


class LegalDocument(SQLModel, table=True):
    """One document of a kind on a case; its text lives in numbered versions."""

    __tablename__ = "legal_document"
    __table_args__ = (UniqueConstraint("case_id", "kind", name="uq_document_kind"),)

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="complaint_case.id", index=True)
    kind: str = Field(max_length=24)
    created_by: int = Field(foreign_key="user_account.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class DocumentVersion(SQLModel, table=True):
    """A saved state of a document. Rows are never changed except to add the PDF."""

    __tablename__ = "document_version"
    __table_args__ = (
        UniqueConstraint("document_id", "number", name="uq_document_version"),
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="legal_document.id", index=True)
    number: int
    fields: str = Field(sa_column=Column(Text, nullable=False))
    author_id: int = Field(foreign_key="user_account.id")
    created_at: datetime = Field(default_factory=utcnow)
    pdf_stored_name: str | None = Field(default=None, max_length=64, unique=True)
    pdf_sha256: str | None = Field(default=None, max_length=64)
    rendered_at: datetime | None = None


class DocumentSend(SQLModel, table=True):
    """One email of a document version to one recipient, with its attempts.

    The unique pair of version and recipient is what stops a double click from
    sending twice: a retry reuses the failed row.
    """

    __tablename__ = "document_send"
    __table_args__ = (
        UniqueConstraint("version_id", "recipient", name="uq_document_send"),
        Index("ix_document_send_case", "case_id", "requested_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    version_id: int = Field(foreign_key="document_version.id")
    case_id: int = Field(foreign_key="complaint_case.id")
    recipient: str = Field(max_length=254)
    status: str = Field(default=SendStatus.SENDING, max_length=12)
    error: str = Field(default="", max_length=500)
    attempts: int = 1
    sender_id: int = Field(foreign_key="user_account.id")
    requested_at: datetime = Field(default_factory=utcnow)
    finished_at: datetime | None = None
