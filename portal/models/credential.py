"""Credential files of lawyer applications and the append-only review log."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, Index, Text, event
from sqlmodel import Field, SQLModel

from portal.models.types import utcnow


class CredentialKind(StrEnum):
    """The kind of document an uploaded credential file shows."""

    LICENCE = "licence"
    ID_DOCUMENT = "id_document"


class CredentialFile(SQLModel, table=True):
    """A licence page or photo ID scan, stored privately like evidence files."""

    __tablename__ = "credential_file"

    id: int | None = Field(default=None, primary_key=True)
    profile_id: int = Field(foreign_key="lawyer_profile.id", index=True)
    kind: str = Field(max_length=16)
    original_name: str = Field(max_length=255)
    stored_name: str = Field(max_length=64, unique=True)
    content_type: str = Field(max_length=40)
    size_bytes: int
    sha256: str = Field(max_length=64)
    uploaded_at: datetime = Field(default_factory=utcnow)


class CredentialAuditEntry(SQLModel, table=True):
    """One status change of a lawyer application: who, when, what and why.

    Rows are only ever added. The ORM refuses to update or delete them, and the
    migration adds a trigger that rejects UPDATE statements in the database.
    """

    __tablename__ = "credential_audit_log"
    __table_args__ = (Index("ix_credential_audit_profile_at", "profile_id", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    profile_id: int = Field(foreign_key="lawyer_profile.id")
    at: datetime = Field(default_factory=utcnow)
    actor_id: int = Field(foreign_key="user_account.id")
    actor_role: str = Field(max_length=16)
    action: str = Field(max_length=24)
    from_status: str = Field(max_length=24)
    to_status: str = Field(max_length=24)
    reason: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class AuditLogImmutable(Exception):
    """Raised when code tries to change or remove a review log entry."""


@event.listens_for(CredentialAuditEntry, "before_update")
@event.listens_for(CredentialAuditEntry, "before_delete")
def _refuse_change(_mapper, _connection, target: CredentialAuditEntry) -> None:
    raise AuditLogImmutable(f"audit entry {target.id} is append-only")
