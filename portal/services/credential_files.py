"""Licence and photo ID scans of lawyer applications.

Files are checked and stored like evidence (private folder, random names) and
leave the server only through ``open_credential_file``, which serves them to
the applicant and to admins alone.
"""

import logging
from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from portal.models import (
    ApplicationStatus,
    CredentialFile,
    CredentialKind,
    LawyerProfile,
    Role,
)
from portal.services.actors import Actor
from portal.services.errors import (
    FieldError,
    NotFound,
    PermissionDenied,
    ServiceError,
)
from portal.services.evidence import Download, storage_path, write_checked_file

logger = logging.getLogger(__name__)

MAX_FILES_PER_KIND = 5
EDITABLE = frozenset(
    {
        ApplicationStatus.DRAFT,
        ApplicationStatus.MORE_INFO_REQUESTED,
        ApplicationStatus.REJECTED,
    }
)


@dataclass(frozen=True)
class CredentialFileView:
    """The part of a credential file row that pages may show (no storage name)."""

    id: int
    kind: str
    name: str
    content_type: str
    size_bytes: int


def _to_view(row: CredentialFile) -> CredentialFileView:
    return CredentialFileView(
        id=row.id,
        kind=row.kind,
        name=row.original_name,
        content_type=row.content_type,
        size_bytes=row.size_bytes,
    )


def own_profile(db: Session, actor: Actor, *, create: bool = False) -> LawyerProfile:
    """Return the lawyer's own profile, creating a draft when ``create`` is set.

    Raises:
        PermissionDenied: the actor is not a lawyer.
        NotFound: there is no profile yet and ``create`` is not set.
    """
    if actor.role != Role.LAWYER:
        logger.warning(
            "access denied to lawyer application for account %s (%s)",
            actor.user_id,
            actor.role,
        )
        raise PermissionDenied()
    profile = db.exec(
        select(LawyerProfile).where(LawyerProfile.user_id == actor.user_id)
    ).first()
    if profile is None and create:
        profile = LawyerProfile(user_id=actor.user_id)
        db.add(profile)
        db.flush()
        logger.info("account %s started application %s", actor.user_id, profile.id)
    if profile is None:
        raise NotFound()
    return profile


def require_editable(profile: LawyerProfile) -> None:
    """Raise ``error.lawyer.locked`` unless the applicant may change the application."""
    if profile.status not in EDITABLE:
        raise ServiceError("error.lawyer.locked", status=profile.status)


def count_files(db: Session, profile_id: int, kind: str) -> int:
    """Count the files of ``kind`` on an application."""
    return db.exec(
        select(func.count())
        .select_from(CredentialFile)
        .where(CredentialFile.profile_id == profile_id, CredentialFile.kind == kind)
    ).one()


def list_files(db: Session, profile_id: int) -> list[CredentialFileView]:
    """List an application's files, oldest first. Callers check access."""
    rows = db.exec(
        select(CredentialFile)
        .where(CredentialFile.profile_id == profile_id)
        .order_by(CredentialFile.id)
    ).all()
    return [_to_view(row) for row in rows]


def add_credential_file(
    db: Session, actor: Actor, kind: str, name: str, data: bytes
) -> CredentialFileView:
    """Store a licence page or photo ID scan on the lawyer's own application.

    Raises:
        PermissionDenied: the actor is not a lawyer.
        ServiceError: the application is waiting for or past a decision.
        FieldError: unknown kind, five files of that kind already, or the
            file is empty, over 10 MB, or not JPEG, PNG or PDF by content.
    """
    field = f"{kind}_files"
    if kind not in {k.value for k in CredentialKind}:
        raise FieldError("files", "error.choice.invalid", value=kind)
    profile = own_profile(db, actor, create=True)
    require_editable(profile)
    if count_files(db, profile.id, kind) >= MAX_FILES_PER_KIND:
        raise FieldError(field, "error.lawyer.too_many_files", max=MAX_FILES_PER_KIND)

    stored = write_checked_file(actor, name, data, field=field)
    row = CredentialFile(profile_id=profile.id, kind=kind, **stored.columns())
    db.add(row)
    db.flush()
    logger.info(
        "stored credential file %s (%s) for application %s", row.id, kind, profile.id
    )
    return _to_view(row)


def remove_credential_file(db: Session, actor: Actor, file_id: int) -> None:
    """Delete a file from the lawyer's own application while it may be edited.

    Raises:
        NotFound: no such file on the actor's application.
        ServiceError: the application is waiting for or past a decision.
    """
    profile = own_profile(db, actor)
    row = db.get(CredentialFile, file_id)
    if row is None or row.profile_id != profile.id:
        logger.warning(
            "rejected removal of credential file by account %s: file %s",
            actor.user_id,
            file_id,
        )
        raise NotFound()
    require_editable(profile)
    storage_path(row.stored_name).unlink(missing_ok=True)
    db.delete(row)
    logger.info("removed credential file %s of application %s", file_id, profile.id)


def open_credential_file(db: Session, actor: Actor | None, file_id: int) -> Download:
    """Return the credential file ``file_id`` if ``actor`` may read it.

    Only the applicant and admins may; for anyone else, and for a signed-out
    browser, the file looks missing so ids cannot be probed.

    Raises:
        NotFound: no such file, or the actor may not read it.
    """
    row = db.get(CredentialFile, file_id)
    profile = db.get(LawyerProfile, row.profile_id) if row else None
    allowed = (
        actor is not None
        and profile is not None
        and (actor.is_admin or profile.user_id == actor.user_id)
    )
    if not allowed:
        logger.warning(
            "access denied to credential file %s for account %s",
            file_id,
            actor.user_id if actor else None,
        )
        raise NotFound()
    return Download(storage_path(row.stored_name), row.content_type, row.original_name)
