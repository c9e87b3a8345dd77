"""Reading cases: the consumer's list, the admin queue and the case page."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import func, or_
from sqlmodel import Session, select

from portal.models import (
    Case,
    CaseEvent,
    CaseStatus,
    Complaint,
    Evidence,
    Merchant,
    User,
)
from portal.services.actors import Actor
from portal.services.errors import PermissionDenied
from portal.services.evidence import EvidenceView, to_view
from portal.services.workflow import allowed_moves, load_case

PAGE_SIZE = 20
QUEUE_STATUSES = (CaseStatus.SUBMITTED, CaseStatus.UNDER_REVIEW)


@dataclass(frozen=True)
class CaseRow:
    """One line of a case list."""

    case_id: int
    number: str
    merchant_name: str
    category: str
    status: str
    created_at: datetime
    amount_paid: Decimal | None


@dataclass(frozen=True)
class CasePage:
    """One page of a case list and the total count across pages."""

    rows: list[CaseRow]
    total: int
    page: int
    page_size: int


@dataclass(frozen=True)
class TimelineEntry:
    """One event on a case timeline as the reader may see it."""

    at: datetime
    actor_role: str
    actor_name: str
    kind: str
    from_status: str | None
    to_status: str | None
    note: str
    internal: bool


@dataclass(frozen=True)
class CaseDetail:
    """Everything the case page shows to the acting user."""

    case_id: int
    number: str
    status: str
    status_reason: str
    merchant_name: str
    merchant_uscc: str | None
    purchase_channel: str
    category: str
    order_no: str
    product: str
    amount_paid: Decimal | None
    purchase_date: date | None
    description: str
    demand: str
    demand_amount: Decimal | None
    demand_detail: str
    created_at: datetime
    consumer_name: str
    source: str
    timeline: list[TimelineEntry]
    evidence: list[EvidenceView]
    allowed_moves: list[str]
    is_owner: bool


def _rows_query():
    return (
        select(Case, Complaint, Merchant)
        .join(Complaint, Complaint.id == Case.complaint_id)
        .join(Merchant, Merchant.id == Complaint.merchant_id)
    )


def _to_row(case: Case, complaint: Complaint, merchant: Merchant) -> CaseRow:
    return CaseRow(
        case_id=case.id,
        number=complaint.number,
        merchant_name=merchant.name,
        category=complaint.category,
        status=case.status,
        created_at=complaint.created_at,
        amount_paid=complaint.amount_paid,
    )


def _page(db: Session, query, total: int, order, page: int, page_size: int) -> CasePage:
    page = max(1, page)
    rows = db.exec(
        query.order_by(*order).offset((page - 1) * page_size).limit(page_size)
    ).all()
    return CasePage([_to_row(*row) for row in rows], total, page, page_size)


def list_my_cases(
    db: Session,
    actor: Actor,
    *,
    status: str = "",
    search: str = "",
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> CasePage:
    """List the actor's own complaints, newest first.

    ``status`` filters by case status; ``search`` matches the complaint number
    or part of the merchant name.
    """
    query = _rows_query().where(Complaint.consumer_id == actor.user_id)
    if status:
        query = query.where(Case.status == status)
    if term := search.strip():
        query = query.where(
            or_(
                Complaint.number == term.upper(),
                Merchant.name.contains(term, autoescape=True),
            )
        )
    total = db.exec(select(func.count()).select_from(query.subquery())).one()
    order = (Complaint.created_at.desc(), Complaint.id.desc())
    return _page(db, query, total, order, page, page_size)


def review_queue(
    db: Session,
    actor: Actor,
    *,
    page: int = 1,
    page_size: int = PAGE_SIZE,
    status: str = "",
) -> CasePage:
    """List cases waiting for an admin, oldest first. Admins only.

    With ``status`` empty the queue contains submitted and under-review cases;
    any other status lists the cases in that status.

    Raises:
        PermissionDenied: the actor is not an admin.
    """
    if not actor.is_admin:
        raise PermissionDenied()
    if status:
        condition = Case.status == status
    else:
        condition = Case.status.in_(QUEUE_STATUSES)
    # Counted on the case table alone, so the count uses the status index.
    total = db.exec(select(func.count()).select_from(Case).where(condition)).one()
    query = _rows_query().where(condition)
    return _page(db, query, total, (Case.opened_at, Case.id), page, page_size)


def case_detail(db: Session, actor: Actor, case_id: int) -> CaseDetail:
    """Load the case page for ``actor``; internal notes only for admins.

    Raises:
        NotFound: no such case, or the actor may not see it.
    """
    case, complaint = load_case(db, actor, case_id)
    merchant = db.get(Merchant, complaint.merchant_id)
    consumer = db.get(User, complaint.consumer_id)
    events = db.exec(
        select(CaseEvent, User)
        .join(User, User.id == CaseEvent.actor_id, isouter=True)
        .where(CaseEvent.case_id == case.id)
        .order_by(CaseEvent.at, CaseEvent.id)
    ).all()
    timeline = [
        TimelineEntry(
            at=event.at,
            actor_role=event.actor_role,
            actor_name=user.display_name if user else "",
            kind=event.kind,
            from_status=event.from_status,
            to_status=event.to_status,
            note=event.note,
            internal=event.internal,
        )
        for event, user in events
        if actor.is_admin or not event.internal
    ]
    evidence = db.exec(
        select(Evidence)
        .where(Evidence.complaint_id == complaint.id)
        .order_by(Evidence.id)
    ).all()
    return CaseDetail(
        case_id=case.id,
        number=complaint.number,
        status=case.status,
        status_reason=case.status_reason,
        merchant_name=merchant.name,
        merchant_uscc=merchant.uscc,
        purchase_channel=complaint.purchase_channel,
        category=complaint.category,
        order_no=complaint.order_no,
        product=complaint.product,
        amount_paid=complaint.amount_paid,
        purchase_date=complaint.purchase_date,
        description=complaint.description,
        demand=complaint.demand,
        demand_amount=complaint.demand_amount,
        demand_detail=complaint.demand_detail,
        created_at=complaint.created_at,
        consumer_name=consumer.display_name if consumer else "",
        source=complaint.source,
        timeline=timeline,
        evidence=[to_view(row) for row in evidence],
        allowed_moves=[move.value for move in allowed_moves(actor, case, complaint)],
        is_owner=complaint.consumer_id == actor.user_id,
    )
