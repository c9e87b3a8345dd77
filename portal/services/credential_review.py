"""The admin's credential review desk: queue, findings, decisions and the log."""

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from portal.models import (
    CredentialAuditEntry,
    LawFirm,
    LawyerProfile,
    Role,
    User,
)
from portal.models.types import utcnow
from portal.services.actors import Actor
from portal.services.auth import revoke_all_sessions
from portal.services.consultations import return_to_queue
from portal.services.credential_transitions import (
    ADMIN_ACTIONS,
    REVIEWABLE,
    allowed_actions,
    apply_transition,
)
from portal.services.errors import NotFound, PermissionDenied
from portal.services.lawyer_application import ApplicationView, application_view
from portal.services.lawyer_checks import (
    Finding,
    firm_code_findings,
    licence_findings,
)

logger = logging.getLogger(__name__)

MAX_LOG_ENTRIES = 500


@dataclass(frozen=True)
class QueueRow:
    """One application in the review queue; ``waiting`` is None once decided."""

    profile_id: int
    real_name: str
    account_name: str
    firm_name: str
    status: str
    submitted_at: datetime | None
    waiting: timedelta | None


@dataclass(frozen=True)
class LogEntry:
    """One entry of the review log as admins read it."""

    id: int
    profile_id: int
    applicant: str
    at: datetime
    actor_name: str
    actor_role: str
    action: str
    from_status: str
    to_status: str
    reason: str


@dataclass(frozen=True)
class ReviewDetail:
    """Everything the review page shows about one application."""

    application: ApplicationView
    account_id: int
    account_name: str
    account_contact: str
    findings: list[Finding]
    history: list[LogEntry]
    actions: list[str]


def require_admin(actor: Actor, target: str) -> None:
    """Raise PermissionDenied, and log it, unless ``actor`` is an admin."""
    if not actor.is_admin:
        logger.warning(
            "access denied for account %s (%s): %s", actor.user_id, actor.role, target
        )
        raise PermissionDenied()


def _waiting(profile: LawyerProfile, now: datetime) -> timedelta | None:
    if profile.status not in REVIEWABLE or profile.submitted_at is None:
        return None
    return now - profile.submitted_at


def review_queue(db: Session, actor: Actor, status: str = "") -> list[QueueRow]:
    """List applications waiting for review, oldest submission first.

    An empty ``status`` lists submitted and under-review applications; any
    other application status lists only that one, for example approved
    lawyers to suspend.

    Raises:
        PermissionDenied: the actor is not an admin.
    """
    require_admin(actor, "the lawyer review queue")
    statuses = [status] if status else sorted(REVIEWABLE)
    rows = db.exec(
        select(LawyerProfile, User, LawFirm)
        .join(User, User.id == LawyerProfile.user_id)
        .join(LawFirm, LawFirm.id == LawyerProfile.firm_id, isouter=True)
        .where(LawyerProfile.status.in_(statuses))
        .order_by(LawyerProfile.submitted_at, LawyerProfile.id)
    ).all()
    now = utcnow()
    return [
        QueueRow(
            profile_id=profile.id,
            real_name=profile.real_name,
            account_name=user.display_name,
            firm_name=firm.name if firm else "",
            status=profile.status,
            submitted_at=profile.submitted_at,
            waiting=_waiting(profile, now),
        )
        for profile, user, firm in rows
    ]


def _duplicate_findings(
    db: Session, profile: LawyerProfile, firm: LawFirm | None
) -> list[Finding]:
    findings = []
    if profile.licence_no:
        others = db.exec(
            select(func.count())
            .select_from(LawyerProfile)
            .where(
                LawyerProfile.licence_no == profile.licence_no,
                LawyerProfile.id != profile.id,
            )
        ).one()
        if others:
            findings.append(
                Finding(
                    "lawyer.finding.licence_duplicate", "warning", {"count": others}
                )
            )
    if firm is not None:
        names = db.exec(
            select(LawFirm.name).where(LawFirm.uscc == firm.uscc, LawFirm.id != firm.id)
        ).all()
        if names:
            findings.append(
                Finding(
                    "lawyer.finding.firm_other_name",
                    "warning",
                    {"names": "、".join(sorted(set(names)))},
                )
            )
    return findings


def findings_for(db: Session, profile: LawyerProfile, today: date) -> list[Finding]:
    """Run every automatic check on an application. Callers check access."""
    firm = db.get(LawFirm, profile.firm_id) if profile.firm_id else None
    findings = licence_findings(profile.licence_no, today) if profile.licence_no else []
    if firm is not None:
        findings += firm_code_findings(firm.uscc)
    return findings + _duplicate_findings(db, profile, firm)


def _log_entries(db: Session, *conditions) -> list[LogEntry]:
    rows = db.exec(
        select(CredentialAuditEntry, User, LawyerProfile)
        .join(User, User.id == CredentialAuditEntry.actor_id)
        .join(LawyerProfile, LawyerProfile.id == CredentialAuditEntry.profile_id)
        .where(*conditions)
        .order_by(CredentialAuditEntry.id.desc())
        .limit(MAX_LOG_ENTRIES)
    ).all()
    return [
        LogEntry(
            id=entry.id,
            profile_id=entry.profile_id,
            applicant=profile.real_name,
            at=entry.at,
            actor_name=user.display_name,
            actor_role=entry.actor_role,
            action=entry.action,
            from_status=entry.from_status,
            to_status=entry.to_status,
            reason=entry.reason,
        )
        for entry, user, profile in rows
    ]


def audit_log(db: Session, actor: Actor) -> list[LogEntry]:
    """Return the newest 500 review log entries, newest first.

    Raises:
        PermissionDenied: the actor is not an admin.
    """
    require_admin(actor, "the review log")
    return _log_entries(db)


def _load_profile(db: Session, profile_id: int) -> LawyerProfile:
    profile = db.get(LawyerProfile, profile_id)
    if profile is None:
        raise NotFound()
    return profile


def review_detail(db: Session, actor: Actor, profile_id: int) -> ReviewDetail:
    """Return one application with its files, findings and history.

    Raises:
        PermissionDenied: the actor is not an admin.
        NotFound: there is no such application.
    """
    require_admin(actor, f"application {profile_id}")
    profile = _load_profile(db, profile_id)
    user = db.get(User, profile.user_id)
    return ReviewDetail(
        application=application_view(db, profile),
        account_id=user.id,
        account_name=user.display_name,
        account_contact=user.email or user.phone or "",
        findings=findings_for(db, profile, utcnow().date()),
        history=_log_entries(db, CredentialAuditEntry.profile_id == profile.id),
        actions=allowed_actions(profile.status, Role.ADMIN),
    )


def decide(
    db: Session, actor: Actor, profile_id: int, action: str, reason: str = ""
) -> str:
    """Take a review action on an application and log it; return the new status.

    ``action`` is one of ``ADMIN_ACTIONS``. Reject, request more information,
    suspend and reinstate need a reason. Suspension also ends every open
    session of the lawyer at once and puts their active consultations back in
    the queue.

    Raises:
        PermissionDenied: the actor is not an admin, or the action is unknown.
        NotFound: there is no such application.
        ServiceError: the application's status does not allow the action.
        ValidationFailed: the reason is required and missing, or too long.
    """
    require_admin(actor, f"{action!r} on application {profile_id}")
    if action not in ADMIN_ACTIONS:
        logger.warning("account %s sent unknown action %r", actor.user_id, action)
        raise PermissionDenied()
    profile = db.get(LawyerProfile, profile_id, with_for_update=True)
    if profile is None:
        raise NotFound()
    apply_transition(db, actor, profile, action, reason)
    if action == "suspend":
        revoke_all_sessions(db, profile.user_id)
        logger.info("sessions of account %s revoked on suspension", profile.user_id)
        return_to_queue(db, actor, profile.user_id)
    return profile.status
