"""Consultations: asking, the lawyers' queue, pick-up, closing and rating.

Messages live in ``portal.services.consultation_messages``. Every lawyer action
first calls ``require_approved_lawyer``, so a suspended lawyer loses access on
the next call.
"""

import logging
import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import Session, select

from portal.models import (
    Case,
    Complaint,
    Consultation,
    ConsultationStatus,
    ConsultationTopic,
    LawyerDuty,
    LawyerProfile,
    Recommendation,
    Role,
    User,
)
from portal.models.types import utcnow
from portal.services import case_lawyers, evidence, workflow
from portal.services.actors import Actor
from portal.services.errors import (
    FieldError,
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from portal.services.lawyer_access import approved_profile, require_approved_lawyer
from portal.services.validators import parse_choice, validate_text

logger = logging.getLogger(__name__)

S = ConsultationStatus
QUESTION_MAX_CHARS = 2000
SUMMARY_MAX_CHARS = 4000
RATING_COMMENT_MAX_CHARS = 500
# Estimated minutes per queue place until a pick-up has been measured. The
# measured average replaces it.
DEFAULT_MINUTES_PER_PICK_UP = 5
RECENT_PICK_UPS = 20
LIST_LIMIT = 50


@dataclass(frozen=True)
class ConsultationView:
    """A consultation as a participant or an admin may see it."""

    id: int
    status: str
    topic: str
    question: str
    case_id: int | None
    case_number: str
    consumer_id: int
    consumer_name: str
    lawyer_id: int | None
    lawyer_name: str
    created_at: datetime
    picked_up_at: datetime | None
    closed_at: datetime | None
    summary: str
    recommendation: str
    rating: int | None
    rating_comment: str
    last_seq: int
    consumer_read_seq: int
    lawyer_read_seq: int


@dataclass(frozen=True)
class QueueEntry:
    """A waiting consultation as shown to on-duty lawyers in the queue."""

    id: int
    topic: str
    question: str
    created_at: datetime
    case_number: str


@dataclass(frozen=True)
class QueuePlace:
    """A waiting consultation's queue position (1 is next) and estimated wait."""

    position: int
    estimated_minutes: int


@dataclass(frozen=True)
class ConsultationRow:
    """One line of a consultation list, with the reader's unread count."""

    id: int
    status: str
    topic: str
    question: str
    created_at: datetime
    other_name: str
    unread: int


def _case_number(db: Session, case_id: int | None) -> str:
    if case_id is None:
        return ""
    case = db.get(Case, case_id)
    complaint = db.get(Complaint, case.complaint_id) if case else None
    return complaint.number or "" if complaint else ""


def _name(db: Session, user_id: int | None) -> str:
    user = db.get(User, user_id) if user_id else None
    return user.display_name if user else ""


def to_view(db: Session, row: Consultation) -> ConsultationView:
    """Build what a reader of ``row`` may see."""
    return ConsultationView(
        id=row.id,
        status=row.status,
        topic=row.topic,
        question=row.question,
        case_id=row.case_id,
        case_number=_case_number(db, row.case_id),
        consumer_id=row.consumer_id,
        consumer_name=_name(db, row.consumer_id),
        lawyer_id=row.lawyer_id,
        lawyer_name=lawyer_name(db, row.lawyer_id),
        created_at=row.created_at,
        picked_up_at=row.picked_up_at,
        closed_at=row.closed_at,
        summary=row.summary,
        recommendation=row.recommendation,
        rating=row.rating,
        rating_comment=row.rating_comment,
        last_seq=row.last_seq,
        consumer_read_seq=row.consumer_read_seq,
        lawyer_read_seq=row.lawyer_read_seq,
    )


def lawyer_name(db: Session, user_id: int | None) -> str:
    """Return a lawyer's real name from their licence, else the account's name."""
    if user_id is None:
        return ""
    profile = db.exec(
        select(LawyerProfile).where(LawyerProfile.user_id == user_id)
    ).first()
    return profile.real_name if profile and profile.real_name else _name(db, user_id)


def is_participant(db: Session, actor: Actor, row: Consultation) -> bool:
    """Tell whether ``actor`` may read ``row``: its consumer, its approved lawyer
    or an admin."""
    if actor.is_admin or row.consumer_id == actor.user_id:
        return True
    if row.lawyer_id != actor.user_id:
        return False
    return approved_profile(db, actor) is not None


def load_consultation(
    db: Session, actor: Actor | None, consultation_id: int, *, lock: bool = False
) -> Consultation:
    """Load a consultation ``actor`` may read.

    Raises:
        NotFound: no such consultation, or the actor may not read it (the two
            look the same, so ids cannot be probed).
    """
    row = db.get(Consultation, consultation_id, with_for_update=lock)
    if row is None or actor is None or not is_participant(db, actor, row):
        logger.warning(
            "denied consultation %s to account %s",
            consultation_id,
            actor.user_id if actor else None,
        )
        raise NotFound()
    return row


def _require_consumer(actor: Actor) -> None:
    if not actor.is_consumer:
        logger.warning("account %s denied: not a consumer", actor.user_id)
        raise PermissionDenied()


def _linked_case(db: Session, actor: Actor, case_id: int | None) -> int | None:
    if case_id is None:
        return None
    case = db.get(Case, case_id)
    complaint = db.get(Complaint, case.complaint_id) if case else None
    if complaint is None or complaint.consumer_id != actor.user_id:
        raise FieldError("case_id", "consultation.error.case_not_yours")
    return case.id


def start(
    db: Session,
    actor: Actor,
    topic: str,
    question: str,
    case_id: int | None = None,
) -> ConsultationView:
    """Put a consumer's question in the queue, optionally linked to their case.

    Raises:
        PermissionDenied: the actor is not a consumer.
        ValidationFailed: the topic is unknown, the question is empty or over
            2,000 characters, or the case is not the consumer's own.
    """
    _require_consumer(actor)
    errors: dict[str, FieldError] = {}
    checked: dict[str, object] = {}
    checks = {
        "topic": lambda: parse_choice(topic, "topic", ConsultationTopic),
        "question": lambda: validate_text(
            question, "question", min_chars=1, max_chars=QUESTION_MAX_CHARS
        ),
        "case_id": lambda: _linked_case(db, actor, case_id),
    }
    for field, check in checks.items():
        try:
            checked[field] = check()
        except FieldError as error:
            errors[field] = error
    if errors:
        raise ValidationFailed(errors)

    row = Consultation(
        consumer_id=actor.user_id,
        case_id=checked["case_id"],
        topic=checked["topic"],
        question=checked["question"],
    )
    db.add(row)
    db.flush()
    logger.info("consultation %s queued by account %s", row.id, actor.user_id)
    return to_view(db, row)


def cancel(db: Session, actor: Actor, consultation_id: int) -> ConsultationView:
    """Withdraw a consumer's consultation that no lawyer has picked up yet.

    Raises:
        NotFound: not the actor's consultation.
        ServiceError: a lawyer has already picked it up, or it is over.
    """
    row = load_consultation(db, actor, consultation_id, lock=True)
    if row.consumer_id != actor.user_id:
        raise NotFound()
    cancelled = db.exec(
        update(Consultation)
        .where(Consultation.id == row.id, Consultation.status == S.WAITING)
        .values(status=S.CANCELLED, closed_at=utcnow())
    )
    if cancelled.rowcount != 1:
        raise ServiceError("consultation.error.not_waiting")
    db.refresh(row)
    logger.info("consultation %s cancelled by account %s", row.id, actor.user_id)
    return to_view(db, row)


def queue_place(db: Session, actor: Actor, consultation_id: int) -> QueuePlace | None:
    """Return the queue position and estimated wait, or None once not waiting.

    The estimate is the average wait of the last 20 pick-ups (5 minutes
    before any) times the position, divided by the lawyers on duty.
    """
    row = load_consultation(db, actor, consultation_id)
    if row.status != S.WAITING:
        return None
    ahead = db.exec(
        select(func.count())
        .select_from(Consultation)
        .where(Consultation.status == S.WAITING, Consultation.id < row.id)
    ).one()
    position = ahead + 1
    on_duty = max(1, _count_on_duty(db))
    minutes = math.ceil(position * _minutes_per_pick_up(db) / on_duty)
    return QueuePlace(position=position, estimated_minutes=max(1, minutes))


def _count_on_duty(db: Session) -> int:
    return db.exec(
        select(func.count())
        .select_from(LawyerDuty)
        .join(LawyerProfile, LawyerProfile.user_id == LawyerDuty.user_id)
        .where(LawyerDuty.on_duty, LawyerProfile.status == "approved")
    ).one()


def _minutes_per_pick_up(db: Session) -> float:
    rows = db.exec(
        select(Consultation.created_at, Consultation.picked_up_at)
        .where(Consultation.picked_up_at.is_not(None))
        .order_by(Consultation.picked_up_at.desc())
        .limit(RECENT_PICK_UPS)
    ).all()
    if not rows:
        return DEFAULT_MINUTES_PER_PICK_UP
    waits = [(picked - created).total_seconds() / 60 for created, picked in rows]
    return max(1.0, sum(waits) / len(waits))


def set_duty(db: Session, actor: Actor, on_duty: bool) -> bool:
    """Set an approved lawyer on or off duty; returns the new setting.

    Raises:
        PermissionDenied: the actor is not an approved lawyer.
    """
    require_approved_lawyer(db, actor)
    row = db.get(LawyerDuty, actor.user_id) or LawyerDuty(user_id=actor.user_id)
    row.on_duty = bool(on_duty)
    row.changed_at = utcnow()
    db.add(row)
    logger.info("lawyer %s on duty: %s", actor.user_id, row.on_duty)
    return row.on_duty


def is_on_duty(db: Session, actor: Actor) -> bool:
    """Tell whether an approved lawyer is on duty.

    Raises:
        PermissionDenied: the actor is not an approved lawyer.
    """
    require_approved_lawyer(db, actor)
    row = db.get(LawyerDuty, actor.user_id)
    return bool(row and row.on_duty)


def _require_on_duty(db: Session, actor: Actor) -> None:
    if not is_on_duty(db, actor):
        logger.warning("lawyer %s denied the queue: off duty", actor.user_id)
        raise PermissionDenied("consultation.error.off_duty")


def waiting_queue(db: Session, actor: Actor) -> list[QueueEntry]:
    """List waiting consultations, oldest first, for an on-duty approved lawyer.

    Raises:
        PermissionDenied: the actor is not an approved lawyer, or is off duty.
    """
    _require_on_duty(db, actor)
    rows = db.exec(
        select(Consultation)
        .where(Consultation.status == S.WAITING)
        .order_by(Consultation.id)
        .limit(LIST_LIMIT)
    ).all()
    return [
        QueueEntry(
            id=row.id,
            topic=row.topic,
            question=row.question,
            created_at=row.created_at,
            case_number=_case_number(db, row.case_id),
        )
        for row in rows
    ]


def pick_up(db: Session, actor: Actor, consultation_id: int) -> ConsultationView:
    """Assign a waiting consultation to an on-duty approved lawyer.

    One conditional UPDATE makes the move, so when two lawyers pick up the same
    consultation at once exactly one of them gets it.

    Raises:
        PermissionDenied: the actor is not an approved lawyer, or is off duty.
        ServiceError: another lawyer took it first, or the consumer cancelled.
    """
    _require_on_duty(db, actor)
    assigned = db.exec(
        update(Consultation)
        .where(Consultation.id == consultation_id, Consultation.status == S.WAITING)
        .values(status=S.ACTIVE, lawyer_id=actor.user_id, picked_up_at=utcnow())
    )
    if assigned.rowcount != 1:
        logger.info(
            "lawyer %s missed consultation %s: no longer waiting",
            actor.user_id,
            consultation_id,
        )
        raise ServiceError("consultation.error.already_taken")
    row = db.get(Consultation, consultation_id)
    db.refresh(row)
    if row.case_id is not None:
        # Advising on a case makes the lawyer one who handles it, for documents.
        case_lawyers.link_lawyer(db, row.case_id, actor.user_id, "consultation")
    logger.info("consultation %s picked up by lawyer %s", row.id, actor.user_id)
    return to_view(db, row)


def return_to_queue(db: Session, actor: Actor, lawyer_id: int) -> list[int]:
    """Put a lawyer's active consultations back in the queue; returns their ids.

    An admin calls this when suspending the lawyer, so that the consumers are
    not left writing to someone who may no longer read. Each consultation
    keeps its place in the queue by the time it was asked.

    Raises:
        PermissionDenied: the actor is not an admin.
    """
    if not actor.is_admin:
        logger.warning("account %s denied returning consultations", actor.user_id)
        raise PermissionDenied()
    active_ids = db.exec(
        select(Consultation.id).where(
            Consultation.lawyer_id == lawyer_id, Consultation.status == S.ACTIVE
        )
    ).all()
    if active_ids:
        db.exec(
            update(Consultation)
            .where(Consultation.id.in_(active_ids))
            .values(
                status=S.WAITING, lawyer_id=None, picked_up_at=None, lawyer_read_seq=0
            )
        )
        logger.info(
            "consultations %s of lawyer %s returned to the queue", active_ids, lawyer_id
        )
    return list(active_ids)


def _require_own_lawyer(db: Session, actor: Actor, row: Consultation) -> None:
    require_approved_lawyer(db, actor)
    if row.lawyer_id != actor.user_id:
        raise NotFound()


def close(
    db: Session,
    actor: Actor,
    consultation_id: int,
    summary: str,
    recommendation: str,
) -> ConsultationView:
    """Close an active consultation with the lawyer's summary and recommendation.

    A linked case gets a timeline entry naming the recommendation.

    Raises:
        PermissionDenied: the actor is not an approved lawyer.
        NotFound: not this lawyer's consultation.
        ValidationFailed: the summary is empty or over 4,000 characters, or the
            recommendation is unknown.
        ServiceError: the consultation is not active.
    """
    require_approved_lawyer(db, actor)
    row = load_consultation(db, actor, consultation_id, lock=True)
    _require_own_lawyer(db, actor, row)
    errors: dict[str, FieldError] = {}
    try:
        summary = validate_text(
            summary, "summary", min_chars=1, max_chars=SUMMARY_MAX_CHARS
        )
    except FieldError as error:
        errors["summary"] = error
    try:
        recommendation = parse_choice(recommendation, "recommendation", Recommendation)
    except FieldError as error:
        errors["recommendation"] = error
    if errors:
        raise ValidationFailed(errors)
    if row.status != S.ACTIVE:
        raise ServiceError("consultation.error.not_active")

    row.status = S.CLOSED
    row.summary = summary
    row.recommendation = recommendation
    row.closed_at = utcnow()
    db.add(row)
    if row.case_id is not None:
        workflow.record_event(
            db, row.case_id, actor, f"consultation_{recommendation}", summary
        )
    logger.info(
        "consultation %s closed by lawyer %s: %s", row.id, actor.user_id, recommendation
    )
    return to_view(db, row)


def rate(
    db: Session, actor: Actor, consultation_id: int, stars: int, comment: str = ""
) -> ConsultationView:
    """Record the consumer's rating (1 to 5) of a closed consultation, once.

    Raises:
        NotFound: not the actor's consultation.
        ValidationFailed: the rating is not 1 to 5, or the comment is over 500
            characters.
        ServiceError: the consultation is not closed, or is already rated.
    """
    row = load_consultation(db, actor, consultation_id, lock=True)
    if row.consumer_id != actor.user_id:
        raise NotFound()
    errors: dict[str, FieldError] = {}
    if not isinstance(stars, int) or not 1 <= stars <= 5:
        errors["rating"] = FieldError("rating", "consultation.error.rating_range")
    try:
        comment = validate_text(
            comment, "rating_comment", max_chars=RATING_COMMENT_MAX_CHARS
        )
    except FieldError as error:
        errors["rating_comment"] = error
    if errors:
        raise ValidationFailed(errors)
    if row.status != S.CLOSED:
        raise ServiceError("consultation.error.not_closed")
    if row.rating is not None:
        raise ServiceError("consultation.error.already_rated")

    row.rating = stars
    row.rating_comment = comment
    row.rated_at = utcnow()
    db.add(row)
    logger.info("consultation %s rated %s by account %s", row.id, stars, actor.user_id)
    return to_view(db, row)


def get(db: Session, actor: Actor, consultation_id: int) -> ConsultationView:
    """Load one consultation for a participant or an admin.

    Raises:
        NotFound: no such consultation, or the actor may not read it.
    """
    return to_view(db, load_consultation(db, actor, consultation_id))


def _unread_count(db: Session, actor: Actor, row: Consultation) -> int:
    from portal.services.consultation_messages import count_unread

    return count_unread(db, actor, row)


def list_mine(db: Session, actor: Actor) -> list[ConsultationRow]:
    """List the consumer's or the lawyer's consultations, open ones first.

    Raises:
        PermissionDenied: the actor is a lawyer who is not approved, or an admin.
    """
    if actor.role == Role.LAWYER:
        require_approved_lawyer(db, actor)
        owner = Consultation.lawyer_id
    elif actor.is_consumer:
        owner = Consultation.consumer_id
    else:
        raise PermissionDenied()
    rows = db.exec(
        select(Consultation)
        .where(owner == actor.user_id)
        .order_by(Consultation.closed_at.is_not(None), Consultation.id.desc())
        .limit(LIST_LIMIT)
    ).all()
    return [
        ConsultationRow(
            id=row.id,
            status=row.status,
            topic=row.topic,
            question=row.question,
            created_at=row.created_at,
            other_name=_name(db, row.consumer_id)
            if actor.role == Role.LAWYER
            else lawyer_name(db, row.lawyer_id),
            unread=_unread_count(db, actor, row),
        )
        for row in rows
    ]


def participants(db: Session, consultation_id: int) -> tuple[int, int | None]:
    """Return the consumer's and the lawyer's account ids, for notifications only."""
    row = db.get(Consultation, consultation_id)
    if row is None:
        raise NotFound()
    return row.consumer_id, row.lawyer_id


def lawyer_reads_case(
    db: Session, actor: Actor, case: Case, _complaint: Complaint
) -> bool:
    """Case read rule: an approved lawyer on a consultation linked to the case."""
    if actor.role != Role.LAWYER:
        return False
    linked = db.exec(
        select(Consultation.id).where(
            Consultation.case_id == case.id,
            Consultation.lawyer_id == actor.user_id,
            Consultation.status.in_((S.ACTIVE, S.CLOSED)),
        )
    ).first()
    return linked is not None and approved_profile(db, actor) is not None


def lawyer_reads_evidence(db: Session, actor: Actor, row) -> bool:
    """Evidence read rule: the lawyer may read the case the file belongs to."""
    if actor.role != Role.LAWYER or row.complaint_id is None:
        return False
    case = db.exec(select(Case).where(Case.complaint_id == row.complaint_id)).first()
    return case is not None and lawyer_reads_case(db, actor, case, None)


workflow.CASE_READ_RULES.append(lawyer_reads_case)
evidence.READ_RULES.append(lawyer_reads_evidence)
