"""Collective actions: opening, invitations, joining, leading and updates.

Members see an action's progress, member count and claimed total. Personal data
of members (names, complaint numbers, amounts) is shown only to the lead lawyer
and admins; members appear to each other only as ``#<member id>``.
"""

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, func, or_, update
from sqlmodel import Session, select

from portal.models import (
    ActionStatus,
    Case,
    CaseStatus,
    Category,
    CollectiveAction,
    CollectiveMember,
    CollectiveUpdate,
    Complaint,
    MemberStatus,
    Merchant,
    RepresentativeVote,
    User,
)
from portal.models.types import utcnow
from portal.services import workflow
from portal.services.actors import Actor
from portal.services.collective_groups import (
    CANDIDATE_MIN_SIZE,
    EXCLUDED_STATUSES,
    group_for,
)
from portal.services.errors import (
    FieldError,
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from portal.services.lawyer_access import approved_profile, require_approved_lawyer
from portal.services.validators import parse_amount, parse_choice, validate_text

logger = logging.getLogger(__name__)

MIN_SEATS = 2
MAX_SEATS = 5


@dataclass(frozen=True)
class MemberRow:
    """A member with personal data, shown only to the lead lawyer and admins."""

    member_id: int
    consumer_name: str
    complaint_number: str
    case_id: int
    claimed: Decimal
    status: str
    representative: bool


@dataclass(frozen=True)
class CandidateRow:
    """A member standing as representative, known to other members by alias."""

    member_id: int
    votes: int
    representative: bool


@dataclass(frozen=True)
class ActionSummary:
    """The public part of a collective action: anyone may read it."""

    action_id: int
    merchant_id: int
    merchant_name: str
    category: str
    title: str
    description: str
    status: str
    member_count: int
    claimed_total: Decimal
    lead_lawyer_name: str
    fee_per_member: Decimal | None
    fee_terms: str
    created_at: datetime


@dataclass(frozen=True)
class ActionDetail:
    """A collective action as the acting user may see it."""

    summary: ActionSummary
    updates: list[tuple[datetime, str]]
    candidates: list[CandidateRow]
    my_member_id: int | None
    my_status: str
    my_candidate: bool
    my_votes: list[int]
    is_lead: bool
    may_manage: bool
    members: list[MemberRow]


def _claimed(complaint: Complaint) -> Decimal:
    return complaint.demand_amount or complaint.amount_paid or Decimal("0.00")


def _load_action(db: Session, action_id: int, *, lock: bool = False):
    action = db.get(CollectiveAction, action_id, with_for_update=lock)
    if action is None:
        raise NotFound()
    return action


def _merchant_name_key(db: Session, action: CollectiveAction) -> str:
    return db.get(Merchant, action.merchant_id).normalized_name


def _validate_opening(raw: Mapping[str, Any]) -> dict[str, str]:
    errors: dict[str, FieldError] = {}
    values: dict[str, str] = {}
    checks = {
        "category": lambda: parse_choice(raw.get("category"), "category", Category),
        "title": lambda: validate_text(
            raw.get("title"), "title", min_chars=4, max_chars=100
        ),
        "description": lambda: validate_text(
            raw.get("description"), "description", min_chars=10, max_chars=5000
        ),
    }
    for field, check in checks.items():
        try:
            values[field] = check()
        except FieldError as error:
            errors[field] = error
    if errors:
        raise ValidationFailed(errors)
    return values


def open_action(
    db: Session, actor: Actor, merchant_id: int, raw: Mapping[str, Any]
) -> CollectiveAction:
    """Open a collective action for a candidate group and invite its complaints.

    Raises:
        PermissionDenied: the actor is not an admin.
        NotFound: no such merchant.
        ValidationFailed: the title or description is invalid.
        ServiceError: the group has fewer than ten complaints, or an open
            action already covers it.
    """
    if not actor.is_admin:
        logger.warning(
            "opening a collective action denied to account %s", actor.user_id
        )
        raise PermissionDenied()
    merchant = db.get(Merchant, merchant_id)
    if merchant is None:
        raise NotFound()
    values = _validate_opening(raw)
    group = group_for(db, merchant.normalized_name, values["category"])
    if group is None or group.size < CANDIDATE_MIN_SIZE:
        raise ServiceError("error.collective.group_too_small", min=CANDIDATE_MIN_SIZE)
    if _open_action_for(db, merchant.normalized_name, values["category"]):
        raise ServiceError("error.collective.already_open")
    action = CollectiveAction(
        merchant_id=merchant.id, created_by=actor.user_id, **values
    )
    db.add(action)
    db.flush()
    _invite(db, actor, action, group.complaint_ids)
    logger.info(
        "collective action %s opened by account %s with %s invitations",
        action.id,
        actor.user_id,
        group.size,
    )
    return action


def _open_action_for(db: Session, normalized_name: str, category: str) -> int | None:
    return db.exec(
        select(CollectiveAction.id)
        .join(Merchant, Merchant.id == CollectiveAction.merchant_id)
        .where(
            Merchant.normalized_name == normalized_name,
            CollectiveAction.category == category,
            CollectiveAction.status == ActionStatus.OPEN,
        )
    ).first()


def _invite(
    db: Session, actor: Actor, action: CollectiveAction, complaint_ids: list[int]
) -> None:
    now = utcnow()
    rows = db.exec(
        select(Complaint, Case)
        .join(Case, Case.complaint_id == Complaint.id)
        .where(Complaint.id.in_(complaint_ids))
    ).all()
    for complaint, case in rows:
        db.add(
            CollectiveMember(
                action_id=action.id,
                complaint_id=complaint.id,
                consumer_id=complaint.consumer_id,
                invited_at=now,
            )
        )
        workflow.record_event(db, case.id, actor, "collective_invited", action.title)


def _summary(db: Session, action: CollectiveAction) -> ActionSummary:
    merchant = db.get(Merchant, action.merchant_id)
    joined = db.exec(
        select(Complaint)
        .join(CollectiveMember, CollectiveMember.complaint_id == Complaint.id)
        .where(
            CollectiveMember.action_id == action.id,
            CollectiveMember.status == MemberStatus.JOINED,
        )
    ).all()
    lead = db.get(User, action.lead_lawyer_id) if action.lead_lawyer_id else None
    return ActionSummary(
        action_id=action.id,
        merchant_id=merchant.id,
        merchant_name=merchant.name,
        category=action.category,
        title=action.title,
        description=action.description,
        status=action.status,
        member_count=len(joined),
        claimed_total=sum((_claimed(c) for c in joined), Decimal("0.00")),
        lead_lawyer_name=lead.display_name if lead else "",
        fee_per_member=action.fee_per_member,
        fee_terms=action.fee_terms,
        created_at=action.created_at,
    )


def actions_for_merchant(
    db: Session, actor: Actor | None, merchant_id: int
) -> tuple[str, list[ActionSummary]]:
    """Return the merchant's name and its open collective actions; public.

    Actions against any merchant record of the same normalised name count.

    Raises:
        NotFound: no such merchant.
    """
    merchant = db.get(Merchant, merchant_id)
    if merchant is None:
        raise NotFound()
    actions = db.exec(
        select(CollectiveAction)
        .join(Merchant, Merchant.id == CollectiveAction.merchant_id)
        .where(
            Merchant.normalized_name == merchant.normalized_name,
            CollectiveAction.status == ActionStatus.OPEN,
        )
        .order_by(CollectiveAction.created_at.desc())
    ).all()
    return merchant.name, [_summary(db, action) for action in actions]


def joinable_complaints(
    db: Session, actor: Actor, action_id: int
) -> list[tuple[int, str]]:
    """List ``(complaint id, number)`` of the consumer's complaints that may join."""
    if not actor.is_consumer:
        return []
    action = _load_action(db, action_id)
    name_key = _merchant_name_key(db, action)
    rows = db.exec(
        select(Complaint)
        .join(Merchant, Merchant.id == Complaint.merchant_id)
        .join(Case, Case.complaint_id == Complaint.id)
        .where(
            Complaint.consumer_id == actor.user_id,
            Complaint.category == action.category,
            Merchant.normalized_name == name_key,
            Case.status.not_in(EXCLUDED_STATUSES),
        )
        .order_by(Complaint.created_at.desc())
    ).all()
    joined = set(
        db.exec(
            select(CollectiveMember.complaint_id).where(
                CollectiveMember.action_id == action.id,
                CollectiveMember.status == MemberStatus.JOINED,
            )
        ).all()
    )
    return [(c.id, c.number) for c in rows if c.id not in joined]


def join_action(
    db: Session, actor: Actor, action_id: int, complaint_id: int
) -> CollectiveMember:
    """Join an open action with one of the consumer's matching complaints.

    Raises:
        PermissionDenied: the actor is not a consumer.
        NotFound: no such action, or the complaint is not the actor's.
        ServiceError: the action is closed, the complaint is against another
            merchant or category, or it already joined.
    """
    if not actor.is_consumer:
        logger.warning(
            "joining action %s denied to account %s", action_id, actor.user_id
        )
        raise PermissionDenied()
    action = _load_action(db, action_id, lock=True)
    complaint = db.get(Complaint, complaint_id)
    if complaint is None or complaint.consumer_id != actor.user_id:
        logger.warning(
            "joining with complaint %s denied to account %s",
            complaint_id,
            actor.user_id,
        )
        raise NotFound()
    if action.status != ActionStatus.OPEN:
        raise ServiceError("error.collective.closed")
    if complaint_id not in {
        cid for cid, _ in joinable_complaints(db, actor, action.id)
    }:
        raise ServiceError("error.collective.complaint_not_matching")
    member = db.exec(
        select(CollectiveMember).where(
            CollectiveMember.action_id == action.id,
            CollectiveMember.complaint_id == complaint.id,
        )
    ).first() or CollectiveMember(
        action_id=action.id, complaint_id=complaint.id, consumer_id=actor.user_id
    )
    member.status = MemberStatus.JOINED
    member.joined_at = utcnow()
    member.left_at = None
    db.add(member)
    db.flush()
    case = db.exec(select(Case).where(Case.complaint_id == complaint.id)).one()
    workflow.record_event(db, case.id, actor, "collective_joined", action.title)
    logger.info("member %s joined collective action %s", member.id, action.id)
    return member


def _my_member(
    db: Session, actor: Actor, action_id: int, statuses=(MemberStatus.JOINED,)
) -> CollectiveMember | None:
    return db.exec(
        select(CollectiveMember)
        .where(
            CollectiveMember.action_id == action_id,
            CollectiveMember.consumer_id == actor.user_id,
            CollectiveMember.status.in_(statuses),
        )
        .order_by(CollectiveMember.id)
    ).first()


def leave_action(db: Session, actor: Actor, action_id: int) -> CollectiveMember:
    """Leave an action; the member's votes and candidacy are withdrawn.

    Raises:
        NotFound: the actor is not a member of the action.
    """
    action = _load_action(db, action_id, lock=True)
    member = _my_member(db, actor, action.id)
    if member is None:
        logger.warning(
            "leaving action %s denied to account %s", action_id, actor.user_id
        )
        raise NotFound()
    member.status = MemberStatus.LEFT
    member.left_at = utcnow()
    member.candidate = False
    member.representative = False
    db.add(member)
    db.exec(
        delete(RepresentativeVote).where(
            or_(
                RepresentativeVote.voter_id == member.id,
                RepresentativeVote.candidate_id == member.id,
            )
        )
    )
    case = db.exec(select(Case).where(Case.complaint_id == member.complaint_id)).one()
    workflow.record_event(db, case.id, actor, "collective_left", action.title)
    logger.info("member %s left collective action %s", member.id, action.id)
    return member


def _validate_terms(raw: Mapping[str, Any]) -> tuple[Decimal, str]:
    errors: dict[str, FieldError] = {}
    fee = terms = None
    try:
        fee = parse_amount(raw.get("fee_per_member"), "fee_per_member")
        if fee is None:
            raise FieldError("fee_per_member", "error.required")
    except FieldError as error:
        errors["fee_per_member"] = error
    try:
        terms = validate_text(
            raw.get("fee_terms"), "fee_terms", min_chars=10, max_chars=2000
        )
    except FieldError as error:
        errors["fee_terms"] = error
    if errors:
        raise ValidationFailed(errors)
    return fee, terms


def take_lead(
    db: Session, actor: Actor, action_id: int, raw: Mapping[str, Any]
) -> CollectiveAction:
    """Make the approved lawyer the lead, on ordinary terms: a fixed fee per member.

    Full-risk terms are not allowed in collective litigation, so the fee is a
    stated amount per member, never a share of what is recovered.

    Raises:
        PermissionDenied: the actor is not an approved lawyer.
        ValidationFailed: the fee or terms are missing or invalid.
        ServiceError: the action is closed or already has a lead lawyer.
    """
    require_approved_lawyer(db, actor)
    action = _load_action(db, action_id)
    if action.status != ActionStatus.OPEN:
        raise ServiceError("error.collective.closed")
    fee, terms = _validate_terms(raw)
    taken = db.exec(
        update(CollectiveAction)
        .where(
            CollectiveAction.id == action.id,
            CollectiveAction.lead_lawyer_id.is_(None),
        )
        .values(lead_lawyer_id=actor.user_id, fee_per_member=fee, fee_terms=terms)
        .execution_options(synchronize_session=False)
    )
    if taken.rowcount != 1:
        raise ServiceError("error.collective.lead_taken")
    db.refresh(action)
    _announce(db, actor, action, "collective_lead_assigned", actor.display_name)
    return action


def _joined_cases(db: Session, action_id: int) -> list[int]:
    return list(
        db.exec(
            select(Case.id)
            .join(CollectiveMember, CollectiveMember.complaint_id == Case.complaint_id)
            .where(
                CollectiveMember.action_id == action_id,
                CollectiveMember.status == MemberStatus.JOINED,
            )
        ).all()
    )


def _announce(
    db: Session, actor: Actor | None, action: CollectiveAction, kind: str, note: str
) -> int:
    cases = _joined_cases(db, action.id)
    for case_id in cases:
        workflow.record_event(db, case_id, actor, kind, note)
    return len(cases)


def _require_lead(db: Session, actor: Actor, action: CollectiveAction) -> None:
    profile = approved_profile(db, actor)
    if profile is None or action.lead_lawyer_id != actor.user_id:
        logger.warning(
            "lead step on action %s denied to account %s", action.id, actor.user_id
        )
        raise PermissionDenied()


def post_update(
    db: Session, actor: Actor, action_id: int, body: str
) -> CollectiveUpdate:
    """Post the lead lawyer's update; it goes on every member's case timeline.

    Raises:
        PermissionDenied: the actor is not the action's approved lead lawyer.
        ValidationFailed: the text is empty or longer than 2,000 characters.
    """
    action = _load_action(db, action_id)
    _require_lead(db, actor, action)
    try:
        text = validate_text(body, "body", min_chars=1, max_chars=2000)
    except FieldError as error:
        raise ValidationFailed({"body": error}) from None
    update_row = CollectiveUpdate(
        action_id=action.id, author_id=actor.user_id, body=text
    )
    db.add(update_row)
    reached = _announce(db, actor, action, "collective_update", text)
    logger.info("update on action %s reached %s members", action.id, reached)
    return update_row


def stand_as_candidate(
    db: Session, actor: Actor, action_id: int, standing: bool
) -> CollectiveMember:
    """Put the member forward as a representative, or withdraw.

    Raises:
        NotFound: the actor is not a member.
    """
    member = _my_member(db, actor, action_id)
    if member is None:
        raise NotFound()
    member.candidate = standing
    db.add(member)
    if not standing:
        db.exec(
            delete(RepresentativeVote).where(
                RepresentativeVote.candidate_id == member.id
            )
        )
    return member


def vote(
    db: Session, actor: Actor, action_id: int, candidate_ids: list[int]
) -> list[int]:
    """Replace the member's ballot with votes for up to five candidates.

    Raises:
        NotFound: the actor is not a member.
        ValidationFailed: more than five candidates, or one is not standing.
    """
    member = _my_member(db, actor, action_id)
    if member is None:
        raise NotFound()
    chosen = list(dict.fromkeys(int(c) for c in candidate_ids))
    if len(chosen) > MAX_SEATS:
        raise ValidationFailed(
            {
                "votes": FieldError(
                    "votes", "error.collective.too_many_votes", max=MAX_SEATS
                )
            }
        )
    standing = set(
        db.exec(
            select(CollectiveMember.id).where(
                CollectiveMember.action_id == action_id,
                CollectiveMember.status == MemberStatus.JOINED,
                CollectiveMember.candidate.is_(True),
            )
        ).all()
    )
    if not set(chosen) <= standing:
        raise ValidationFailed(
            {"votes": FieldError("votes", "error.collective.not_a_candidate")}
        )
    db.exec(delete(RepresentativeVote).where(RepresentativeVote.voter_id == member.id))
    for candidate_id in chosen:
        db.add(
            RepresentativeVote(
                action_id=action_id, voter_id=member.id, candidate_id=candidate_id
            )
        )
    return chosen


def _tally(db: Session, action_id: int) -> list[CandidateRow]:
    counts = dict(
        db.exec(
            select(RepresentativeVote.candidate_id, func.count())
            .where(RepresentativeVote.action_id == action_id)
            .group_by(RepresentativeVote.candidate_id)
        ).all()
    )
    candidates = db.exec(
        select(CollectiveMember)
        .where(
            CollectiveMember.action_id == action_id,
            CollectiveMember.status == MemberStatus.JOINED,
            CollectiveMember.candidate.is_(True),
        )
        .order_by(CollectiveMember.id)
    ).all()
    rows = [
        CandidateRow(m.id, counts.get(m.id, 0), m.representative) for m in candidates
    ]
    return sorted(rows, key=lambda row: (-row.votes, row.member_id))


def elect_representatives(
    db: Session, actor: Actor, action_id: int, seats: int
) -> list[int]:
    """Mark the ``seats`` candidates with most votes as representatives.

    Ties go to the member who joined first (the lower member id). Only the lead
    lawyer or an admin closes the vote; every member's timeline records it.

    Raises:
        PermissionDenied: the actor is neither the lead lawyer nor an admin.
        ValidationFailed: ``seats`` is not 2 to 5, or fewer candidates stand.
    """
    action = _load_action(db, action_id, lock=True)
    if not actor.is_admin:
        _require_lead(db, actor, action)
    if not MIN_SEATS <= int(seats) <= MAX_SEATS:
        raise ValidationFailed(
            {
                "seats": FieldError(
                    "seats", "error.collective.seats", min=MIN_SEATS, max=MAX_SEATS
                )
            }
        )
    tally = _tally(db, action.id)
    if len(tally) < int(seats):
        raise ValidationFailed(
            {
                "seats": FieldError(
                    "seats", "error.collective.few_candidates", seats=seats
                )
            }
        )
    elected = [row.member_id for row in tally[: int(seats)]]
    db.exec(
        update(CollectiveMember)
        .where(CollectiveMember.action_id == action.id)
        .values(representative=CollectiveMember.id.in_(elected))
        .execution_options(synchronize_session=False)
    )
    action.representative_seats = int(seats)
    db.add(action)
    aliases = ", ".join(f"#{member_id}" for member_id in elected)
    _announce(db, actor, action, "collective_representatives", aliases)
    return elected


def _may_manage(db: Session, actor: Actor, action: CollectiveAction) -> bool:
    if actor.is_admin:
        return True
    return (
        action.lead_lawyer_id == actor.user_id
        and approved_profile(db, actor) is not None
    )


def _member_rows(db: Session, action_id: int) -> list[MemberRow]:
    rows = db.exec(
        select(CollectiveMember, Complaint, User, Case)
        .join(Complaint, Complaint.id == CollectiveMember.complaint_id)
        .join(User, User.id == CollectiveMember.consumer_id)
        .join(Case, Case.complaint_id == Complaint.id)
        .where(CollectiveMember.action_id == action_id)
        .order_by(CollectiveMember.id)
    ).all()
    return [
        MemberRow(
            member_id=member.id,
            consumer_name=user.display_name,
            complaint_number=complaint.number,
            case_id=case.id,
            claimed=_claimed(complaint),
            status=member.status,
            representative=member.representative,
        )
        for member, complaint, user, case in rows
    ]


def action_detail(db: Session, actor: Actor, action_id: int) -> ActionDetail:
    """Load an action: members' personal data only for the lead lawyer and admins.

    Updates and the vote are shown to members, the lead lawyer and admins;
    anyone else gets the public summary only.

    Raises:
        NotFound: no such action.
    """
    action = _load_action(db, action_id)
    member = _my_member(
        db, actor, action.id, (MemberStatus.JOINED, MemberStatus.INVITED)
    )
    my_votes = []
    if member is not None:
        my_votes = list(
            db.exec(
                select(RepresentativeVote.candidate_id).where(
                    RepresentativeVote.voter_id == member.id
                )
            ).all()
        )
    manage = _may_manage(db, actor, action)
    inside = manage or member is not None
    updates = db.exec(
        select(CollectiveUpdate)
        .where(CollectiveUpdate.action_id == action.id)
        .order_by(CollectiveUpdate.posted_at.desc(), CollectiveUpdate.id.desc())
    ).all()
    return ActionDetail(
        summary=_summary(db, action),
        updates=[(row.posted_at, row.body) for row in updates] if inside else [],
        candidates=_tally(db, action.id) if inside else [],
        my_member_id=member.id if member else None,
        my_status=member.status if member else "",
        my_candidate=bool(member and member.candidate),
        my_votes=my_votes,
        is_lead=action.lead_lawyer_id == actor.user_id,
        may_manage=manage,
        members=_member_rows(db, action.id) if manage else [],
    )


def my_actions(db: Session, actor: Actor) -> list[tuple[ActionSummary, str]]:
    """List actions with the actor's place in them.

    Consumers get the actions they are invited to or joined; lawyers and
    admins get every open action, with "lead" where the actor leads it.
    """
    if actor.is_consumer:
        rows = db.exec(
            select(CollectiveAction, CollectiveMember)
            .join(CollectiveMember, CollectiveMember.action_id == CollectiveAction.id)
            .where(
                CollectiveMember.consumer_id == actor.user_id,
                CollectiveMember.status != MemberStatus.LEFT,
            )
            .order_by(CollectiveAction.created_at.desc())
        ).all()
        seen: dict[int, tuple[ActionSummary, str]] = {}
        for action, member in rows:
            if action.id not in seen or member.status == MemberStatus.JOINED:
                seen[action.id] = (_summary(db, action), member.status)
        return list(seen.values())
    actions = db.exec(
        select(CollectiveAction)
        .where(CollectiveAction.status == ActionStatus.OPEN)
        .order_by(CollectiveAction.created_at.desc())
    ).all()
    return [
        (_summary(db, a), "lead" if a.lead_lawyer_id == actor.user_id else "")
        for a in actions
    ]


def _lead_lawyer_reads_case(
    db: Session, actor: Actor, case: Case, complaint: Complaint
) -> bool:
    if case.status == CaseStatus.WITHDRAWN:
        return False
    return (
        db.exec(
            select(CollectiveMember.id)
            .join(CollectiveAction, CollectiveAction.id == CollectiveMember.action_id)
            .where(
                CollectiveMember.complaint_id == complaint.id,
                CollectiveMember.status == MemberStatus.JOINED,
                CollectiveAction.lead_lawyer_id == actor.user_id,
            )
        ).first()
        is not None
        and approved_profile(db, actor) is not None
    )


workflow.CASE_READ_RULES.append(_lead_lawyer_reads_case)
