"""Status rules of a lawyer application and the append-only review log.

Every status change goes through ``apply_transition``, which checks the rule
for the action and writes the log entry in the same transaction.
"""

import logging
from dataclasses import dataclass

from sqlmodel import Session

from portal.models import (
    ApplicationStatus,
    CredentialAuditEntry,
    LawyerProfile,
    Role,
)
from portal.models.types import utcnow
from portal.services.actors import Actor
from portal.services.errors import (
    FieldError,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from portal.services.validators import validate_text

logger = logging.getLogger(__name__)

A = ApplicationStatus
MAX_REASON_CHARS = 1000
REVIEWABLE = frozenset({A.SUBMITTED, A.UNDER_REVIEW})


@dataclass(frozen=True)
class Transition:
    """The role that may take an action, its start statuses, and if a reason is due."""

    role: Role
    sources: frozenset[str]
    target: str
    reason_required: bool = False
    decision: bool = False


TRANSITIONS: dict[str, Transition] = {
    "submit": Transition(Role.LAWYER, frozenset({A.DRAFT}), A.SUBMITTED),
    "answer": Transition(
        Role.LAWYER, frozenset({A.MORE_INFO_REQUESTED}), A.SUBMITTED, True
    ),
    "resubmit": Transition(Role.LAWYER, frozenset({A.REJECTED}), A.SUBMITTED),
    "start_review": Transition(Role.ADMIN, frozenset({A.SUBMITTED}), A.UNDER_REVIEW),
    "request_info": Transition(
        Role.ADMIN, REVIEWABLE, A.MORE_INFO_REQUESTED, True, True
    ),
    "approve": Transition(Role.ADMIN, REVIEWABLE, A.APPROVED, decision=True),
    "reject": Transition(Role.ADMIN, REVIEWABLE, A.REJECTED, True, True),
    "suspend": Transition(Role.ADMIN, frozenset({A.APPROVED}), A.SUSPENDED, True, True),
    "reinstate": Transition(
        Role.ADMIN, frozenset({A.SUSPENDED}), A.APPROVED, True, True
    ),
}
ADMIN_ACTIONS = tuple(
    name for name, rule in TRANSITIONS.items() if rule.role == Role.ADMIN
)


def allowed_actions(status: str, role: Role) -> list[str]:
    """List the actions a user of ``role`` may take on an application in ``status``."""
    return [
        name
        for name, rule in TRANSITIONS.items()
        if rule.role == role and status in rule.sources
    ]


def _check_reason(rule: Transition, reason: str, field: str) -> str:
    try:
        return validate_text(
            reason,
            field,
            min_chars=1 if rule.reason_required else 0,
            max_chars=MAX_REASON_CHARS,
        )
    except FieldError as error:
        if error.key == "error.required":
            error = FieldError(field, f"error.lawyer.{field}_required")
        raise ValidationFailed({field: error}) from None


def apply_transition(
    db: Session,
    actor: Actor,
    profile: LawyerProfile,
    action: str,
    reason: str = "",
    *,
    field: str = "reason",
) -> CredentialAuditEntry:
    """Move ``profile`` by ``action`` and append the log entry.

    The caller has checked that ``actor`` may act on this profile at all; this
    checks the role the action needs and the status it starts from.

    Raises:
        PermissionDenied: the action belongs to another role.
        ServiceError: ``error.lawyer.transition`` when the application's status
            does not allow the action.
        ValidationFailed: a reason is required and missing, or too long.
    """
    rule = TRANSITIONS.get(action)
    if rule is None or actor.role != rule.role:
        logger.warning(
            "rejected action by account %s (%s): %r on application %s",
            actor.user_id,
            actor.role,
            action,
            profile.id,
        )
        raise PermissionDenied()
    if profile.status not in rule.sources:
        raise ServiceError(
            "error.lawyer.transition", status=profile.status, action=action
        )
    text = _check_reason(rule, reason, field)

    now = utcnow()
    entry = CredentialAuditEntry(
        profile_id=profile.id,
        at=now,
        actor_id=actor.user_id,
        actor_role=actor.role.value,
        action=action,
        from_status=profile.status,
        to_status=rule.target,
        reason=text,
    )
    profile.status = rule.target
    profile.updated_at = now
    if rule.target == A.SUBMITTED:
        profile.submitted_at = now
    if rule.decision:
        profile.reviewer_message = text
        profile.decided_at = now
    db.add(entry)
    db.add(profile)
    db.flush()
    logger.info(
        "application %s: %s by account %s, %s -> %s",
        profile.id,
        action,
        actor.user_id,
        entry.from_status,
        entry.to_status,
    )
    return entry
