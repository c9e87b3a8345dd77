"""Complaint trends across merchants and categories, for admins."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import desc, func
from sqlmodel import Session, select

from portal.models import Case, CaseStatus, Complaint, Merchant
from portal.models.types import utcnow
from portal.services.actors import Actor
from portal.services.errors import PermissionDenied

WINDOWS_DAYS = (30, 90, 365)
FINISHED = (
    CaseStatus.RESOLVED,
    CaseStatus.CLOSED,
    CaseStatus.WITHDRAWN,
    CaseStatus.REJECTED,
)


@dataclass(frozen=True)
class TrendRow:
    """A count of complaints filed in the window, and how many are still open."""

    label: str
    total: int
    still_open: int


@dataclass(frozen=True)
class Trends:
    """Complaints per category and the merchants with the most complaints."""

    days: int
    total: int
    by_category: list[TrendRow]
    top_merchants: list[TrendRow]


def complaint_trends(
    db: Session, actor: Actor, days: int = 30, limit: int = 10
) -> Trends:
    """Count complaints filed in the last ``days`` days (30, 90 or 365).

    Raises:
        PermissionDenied: the actor is not an admin.
    """
    if not actor.is_admin:
        raise PermissionDenied()
    days = days if days in WINDOWS_DAYS else WINDOWS_DAYS[0]
    since = utcnow() - timedelta(days=days)
    open_count = func.sum(func.cast(Case.status.not_in(FINISHED), Complaint.id.type))
    base = (
        select(func.count(Complaint.id), open_count)
        .join(Case, Case.complaint_id == Complaint.id)
        .where(Complaint.created_at >= since)
    )
    total = db.exec(base).one()[0]
    by_category = db.exec(
        base.add_columns(Complaint.category)
        .group_by(Complaint.category)
        .order_by(desc(func.count(Complaint.id)))
    ).all()
    by_merchant = db.exec(
        base.add_columns(Merchant.name)
        .join(Merchant, Merchant.id == Complaint.merchant_id)
        .group_by(Merchant.id, Merchant.name)
        .order_by(desc(func.count(Complaint.id)))
        .limit(limit)
    ).all()
    return Trends(
        days=days,
        total=total,
        by_category=[
            TrendRow(label, count, int(opened or 0))
            for count, opened, label in by_category
        ],
        top_merchants=[
            TrendRow(label, count, int(opened or 0))
            for count, opened, label in by_merchant
        ],
    )
