"""Evidence files: type check by content, private storage and access checks.

Files are stored under random names in the storage folder, outside Reflex's
public upload folder, and leave the server only through ``open_for_download``.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from portal.models import Complaint, Evidence
from portal.models.types import utcnow
from portal.services.actors import Actor
from portal.services.errors import FieldError, NotFound, PermissionDenied
from portal.settings import get_settings

logger = logging.getLogger(__name__)

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES_PER_COMPLAINT = 9
MAX_NAME_CHARS = 255

# Leading bytes of each accepted type; the extension a user gave is ignored.
_SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"%PDF-", "application/pdf", "pdf"),
)


@dataclass(frozen=True)
class EvidenceView:
    """The fields of an evidence file that the UI may show."""

    id: int
    name: str
    content_type: str
    size_bytes: int


def sniff_content_type(head: bytes) -> tuple[str, str] | None:
    """Return ``(mime type, extension)`` for JPEG, PNG or PDF content, else None."""
    for signature, mime, extension in _SIGNATURES:
        if head.startswith(signature):
            return mime, extension
    return None


def storage_path(stored_name: str) -> Path:
    """Return the private path of a stored file."""
    return get_settings().storage_dir / stored_name[:2] / stored_name


def _clean_name(name: str) -> str:
    base = Path(name.replace("\\", "/")).name.strip() or "file"
    base = "".join(ch for ch in base if ch.isprintable())
    if len(base) <= MAX_NAME_CHARS:
        return base
    suffix = Path(base).suffix[:16]
    return base[: MAX_NAME_CHARS - len(suffix)] + suffix


def to_view(row: Evidence) -> EvidenceView:
    """Build the public view of an evidence row."""
    return EvidenceView(
        id=row.id,
        name=row.original_name,
        content_type=row.content_type,
        size_bytes=row.size_bytes,
    )


def count_staged(db: Session, actor: Actor) -> int:
    """Count files ``actor`` uploaded that are not attached to a complaint yet."""
    return db.exec(
        select(func.count())
        .select_from(Evidence)
        .where(Evidence.owner_id == actor.user_id, Evidence.complaint_id.is_(None))
    ).one()


@dataclass(frozen=True)
class StoredFile:
    """A checked upload written to private storage, before any row records it."""

    name: str
    stored_name: str
    content_type: str
    size_bytes: int
    sha256: str

    def columns(self) -> dict[str, str | int]:
        """Return the file columns that evidence and credential file rows share."""
        return {
            "original_name": self.name,
            "stored_name": self.stored_name,
            "content_type": self.content_type,
            "size_bytes": self.size_bytes,
            "sha256": self.sha256,
        }


def write_checked_file(
    actor: Actor, name: str, data: bytes, *, field: str = "evidence"
) -> StoredFile:
    """Check one uploaded file by size and content, then write it to storage.

    Raises:
        FieldError: the file is empty, over 10 MB, or not JPEG, PNG or PDF by
            content.
    """
    display_name = _clean_name(name)
    if not data:
        raise FieldError(field, "error.evidence.empty", name=display_name)
    if len(data) > MAX_FILE_BYTES:
        raise FieldError(
            field, "error.evidence.too_large", name=display_name, max_mb=10
        )
    sniffed = sniff_content_type(data[:16])
    if sniffed is None:
        logger.warning(
            "rejected upload %r from account %s: unknown content",
            display_name,
            actor.user_id,
        )
        raise FieldError(field, "error.evidence.type", name=display_name)
    mime, extension = sniffed

    stored_name = f"{secrets.token_hex(16)}.{extension}"
    path = storage_path(stored_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return StoredFile(
        name=display_name,
        stored_name=stored_name,
        content_type=mime,
        size_bytes=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def store_file(
    db: Session,
    actor: Actor,
    name: str,
    data: bytes,
    *,
    complaint_id: int | None = None,
    already_attached: int = 0,
    field: str = "evidence",
) -> EvidenceView:
    """Check and store one uploaded file for ``actor``.

    ``already_attached`` is how many files the target complaint (or the
    staging area) already holds, so the nine-file limit counts them.

    Raises:
        FieldError: the file is empty, over 10 MB, not JPEG, PNG or PDF by
            content, or would be file number ten.
    """
    if already_attached >= MAX_FILES_PER_COMPLAINT:
        raise FieldError(field, "error.evidence.too_many", max=MAX_FILES_PER_COMPLAINT)
    stored = write_checked_file(actor, name, data, field=field)
    row = Evidence(
        owner_id=actor.user_id,
        complaint_id=complaint_id,
        **stored.columns(),
    )
    db.add(row)
    db.flush()
    logger.info(
        "stored evidence %s (%s bytes) for account %s",
        row.id,
        stored.size_bytes,
        actor.user_id,
    )
    return to_view(row)


def stage_upload(db: Session, actor: Actor, name: str, data: bytes) -> EvidenceView:
    """Store a file for a complaint the consumer has not submitted yet."""
    return store_file(db, actor, name, data, already_attached=count_staged(db, actor))


def discard_staged(db: Session, actor: Actor, evidence_id: int) -> None:
    """Delete a staged file of ``actor``; files on a saved complaint stay."""
    row = db.get(Evidence, evidence_id)
    if row is None or row.owner_id != actor.user_id or row.complaint_id is not None:
        raise NotFound()
    storage_path(row.stored_name).unlink(missing_ok=True)
    db.delete(row)


def purge_stale_staged(db: Session, older_than: timedelta) -> int:
    """Delete staged files no complaint took within ``older_than``; return the count.

    A maintenance task with no acting user: it touches only files that no
    complaint holds, so nothing a user filed can be lost.
    """
    cutoff = utcnow() - older_than
    rows = db.exec(
        select(Evidence).where(
            Evidence.complaint_id.is_(None), Evidence.uploaded_at < cutoff
        )
    ).all()
    for row in rows:
        storage_path(row.stored_name).unlink(missing_ok=True)
        db.delete(row)
    if rows:
        logger.info("purged %s staged evidence files older than %s", len(rows), cutoff)
    return len(rows)


def list_staged(db: Session, actor: Actor) -> list[EvidenceView]:
    """List the files ``actor`` staged for the complaint being written."""
    rows = db.exec(
        select(Evidence)
        .where(Evidence.owner_id == actor.user_id, Evidence.complaint_id.is_(None))
        .order_by(Evidence.id)
    ).all()
    return [to_view(row) for row in rows]


@dataclass(frozen=True)
class Download:
    """A file the acting user may read, with the headers to send it under."""

    path: Path
    content_type: str
    name: str


def open_for_download(db: Session, actor: Actor | None, evidence_id: int) -> Download:
    """Return the file of ``evidence_id`` if ``actor`` may read it.

    The uploader and admins may read any file; other users may read a file
    only through a rule that a later feature registers in ``READ_RULES``.

    Raises:
        NotFound: no such file, or the actor may not read it (the two look the
            same, so ids cannot be probed).
    """
    row = db.get(Evidence, evidence_id)
    if row is None or actor is None or not _may_read(db, actor, row):
        logger.warning(
            "access denied to evidence %s for account %s",
            evidence_id,
            actor.user_id if actor else None,
        )
        raise NotFound()
    return Download(storage_path(row.stored_name), row.content_type, row.original_name)


def _may_read(db: Session, actor: Actor, row: Evidence) -> bool:
    if actor.is_admin or row.owner_id == actor.user_id:
        return True
    if row.complaint_id is None:
        return False
    complaint = db.get(Complaint, row.complaint_id)
    if complaint is not None and complaint.consumer_id == actor.user_id:
        return True
    return any(rule(db, actor, row) for rule in READ_RULES)


# Extra read rules, each ``(db, actor, evidence) -> bool``, for example a lawyer
# working the case. Registered by the features that grant such access.
READ_RULES: list = []


def require_owner_or_admin(actor: Actor, owner_id: int) -> None:
    """Raise PermissionDenied unless ``actor`` is the owner or an admin."""
    if not (actor.is_admin or actor.user_id == owner_id):
        raise PermissionDenied()
