"""Case status rules: who may move a case from which status to which.

Every move is checked against ``TRANSITIONS`` and recorded on the timeline in
the same transaction as the status change.
"""

import logging
from collections.abc import Callable

from sqlmodel import Session

from portal.models import Case, CaseEvent, CaseStatus, Complaint, Role
from portal.models.types import utcnow
from portal.services.actors import Actor
from portal.services.errors import (
    FieldError,
    InvalidTransition,
    NotFound,
    ValidationFailed,
)
from portal.services.validators import validate_text

logger = logging.getLogger(__name__)

S = CaseStatus
OPEN_FOR_WITHDRAWAL = (
    S.SUBMITTED,
    S.UNDER_REVIEW,
    S.FORWARDED,
    S.MERCHANT_REPLIED,
    S.UNRESOLVED,
)

# (from, to) -> the role allowed to make the move.
TRANSITIONS: dict[tuple[CaseStatus, CaseStatus], Role] = {
    (S.SUBMITTED, S.UNDER_REVIEW): Role.ADMIN,
    (S.SUBMITTED, S.FORWARDED): Role.ADMIN,
    (S.SUBMITTED, S.REJECTED): Role.ADMIN,
    (S.UNDER_REVIEW, S.FORWARDED): Role.ADMIN,
    (S.UNDER_REVIEW, S.REJECTED): Role.ADMIN,
    (S.FORWARDED, S.MERCHANT_REPLIED): Role.ADMIN,
    (S.MERCHANT_REPLIED, S.RESOLVED): Role.CONSUMER,
    (S.MERCHANT_REPLIED, S.UNRESOLVED): Role.CONSUMER,
    (S.UNRESOLVED, S.FORWARDED): Role.ADMIN,
    (S.REJECTED, S.CLOSED): Role.ADMIN,
    (S.RESOLVED, S.CLOSED): Role.ADMIN,
    (S.UNRESOLVED, S.CLOSED): Role.ADMIN,
    (S.WITHDRAWN, S.CLOSED): Role.ADMIN,
    **{(status, S.WITHDRAWN): Role.CONSUMER for status in OPEN_FOR_WITHDRAWAL},
}

# Moves whose note is required, and the catalogue key of the field's label.
NOTE_REQUIRED = {S.REJECTED: "reason", S.MERCHANT_REPLIED: "merchant_reply"}
STATUSES_OPEN_FOR_INFORMATION = (
    S.SUBMITTED,
    S.UNDER_REVIEW,
    S.FORWARDED,
    S.MERCHANT_REPLIED,
    S.UNRESOLVED,
)

# Extra rules, each ``(db, actor, case, complaint) -> bool``, that let a user
# other than the consumer and admins read a case. Later features register here.
CASE_READ_RULES: list[Callable[[Session, Actor, Case, Complaint], bool]] = []


def may_read_case(db: Session, actor: Actor, case: Case, complaint: Complaint) -> bool:
    """Tell whether ``actor`` may see the case: its consumer, admins, or a rule."""
    if actor.is_admin or complaint.consumer_id == actor.user_id:
        return True
    return any(rule(db, actor, case, complaint) for rule in CASE_READ_RULES)


def load_case(
    db: Session, actor: Actor, case_id: int, *, lock: bool = False
) -> tuple[Case, Complaint]:
    """Load a case the actor may read.

    Raises:
        NotFound: no such case, or the actor may not see it.
    """
    case = db.get(Case, case_id, with_for_update=lock)
    complaint = db.get(Complaint, case.complaint_id) if case else None
    if case is None or not may_read_case(db, actor, case, complaint):
        logger.warning(
            "access denied to case %s for account %s", case_id, actor.user_id
        )
        raise NotFound()
    return case, complaint


def allowed_moves(actor: Actor, case: Case, complaint: Complaint) -> list[CaseStatus]:
    """List the statuses ``actor`` may move the case to now."""
    current = CaseStatus(case.status)
    moves = []
    for (source, target), role in TRANSITIONS.items():
        if source != current or role != actor.role:
            continue
        if role == Role.CONSUMER and complaint.consumer_id != actor.user_id:
            continue
        moves.append(target)
    return moves


def move_case(
    db: Session, actor: Actor, case_id: int, to_status: str, note: str = ""
) -> Case:
    """Move a case to ``to_status`` and add the timeline event.

    Raises:
        NotFound: the actor may not see the case.
        InvalidTransition: the move is not allowed from the current status, or
            not for this actor.
        ValidationFailed: a required reason or reply is missing or too long.
    """
    case, complaint = load_case(db, actor, case_id, lock=True)
    try:
        target = CaseStatus(to_status)
    except ValueError:
        raise InvalidTransition(case.status, str(to_status)) from None
    if target not in allowed_moves(actor, case, complaint):
        logger.warning(
            "rejected move of case %s from %s to %s by account %s",
            case.id,
            case.status,
            target,
            actor.user_id,
        )
        raise InvalidTransition(case.status, target)
    field = NOTE_REQUIRED.get(target, "note")
    try:
        text = validate_text(
            note, field, min_chars=1 if target in NOTE_REQUIRED else 0, max_chars=1000
        )
    except FieldError as error:
        raise ValidationFailed({field: error}) from None

    now = utcnow()
    db.add(
        CaseEvent(
            case_id=case.id,
            at=now,
            actor_id=actor.user_id,
            actor_role=actor.role,
            kind=target.value,
            from_status=case.status,
            to_status=target,
            note=text,
        )
    )
    case.status = target
    case.status_reason = text if target in NOTE_REQUIRED else case.status_reason
    case.updated_at = now
    db.add(case)
    logger.info("case %s moved to %s by account %s", case.id, target, actor.user_id)
    return case


def add_note(db: Session, actor: Actor, case_id: int, note: str) -> CaseEvent:
    """Add a note: an admin's is internal, a consumer's adds information to the case.

    Raises:
        NotFound: the actor may not see the case.
        ValidationFailed: the note is empty or longer than 2,000 characters, or
            the consumer's case is no longer open.
    """
    case, complaint = load_case(db, actor, case_id)
    try:
        text = validate_text(note, "note", min_chars=1, max_chars=2000)
    except FieldError as error:
        raise ValidationFailed({"note": error}) from None
    if not actor.is_admin:
        if complaint.consumer_id != actor.user_id:
            raise NotFound()
        if case.status not in STATUSES_OPEN_FOR_INFORMATION:
            raise ValidationFailed(
                {"note": FieldError("note", "error.case.closed_for_information")}
            )
    event = CaseEvent(
        case_id=case.id,
        actor_id=actor.user_id,
        actor_role=actor.role,
        kind="note" if actor.is_admin else "information_added",
        note=text,
        internal=actor.is_admin,
    )
    db.add(event)
    case.updated_at = utcnow()
    db.add(case)
    return event


def record_event(
    db: Session, case_id: int, actor: Actor | None, kind: str, note: str = ""
) -> CaseEvent:
    """Append a visible timeline event without changing the status.

    Callers check the actor's rights first; this only writes the row.
    """
    event = CaseEvent(
        case_id=case_id,
        actor_id=actor.user_id if actor else None,
        actor_role=actor.role if actor else "system",
        kind=kind,
        note=note,
    )
    db.add(event)
    return event
