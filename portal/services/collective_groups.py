"""Finding complaints that could act together: same merchant, category and period.

Complaints group when their merchants share a credit code (then they are one
merchant record) or the same normalised name, their category is the same, and
their dates fall within one 180-day span. A complaint's date is its purchase
date, or the day it was filed when the purchase date is unknown.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from portal.models import (
    ActionStatus,
    Case,
    CaseStatus,
    CollectiveAction,
    Complaint,
    Merchant,
)
from portal.services.actors import Actor
from portal.services.errors import PermissionDenied

WINDOW_DAYS = 180
CANDIDATE_MIN_SIZE = 10
# Cases in these statuses no longer speak for a consumer, so they never count.
EXCLUDED_STATUSES = (CaseStatus.WITHDRAWN, CaseStatus.REJECTED)


@dataclass(frozen=True)
class ComplaintGroup:
    """Complaints against one merchant in one category within one 180-day span."""

    normalized_name: str
    merchant_id: int
    merchant_name: str
    category: str
    first_date: date
    last_date: date
    complaint_ids: list[int]
    open_action_id: int | None

    @property
    def size(self) -> int:
        return len(self.complaint_ids)


def complaint_date(complaint: Complaint) -> date:
    """Return the date a complaint groups by: purchase date, else filing date."""
    return complaint.purchase_date or complaint.created_at.date()


def _largest_window(rows: list[tuple[date, int]]) -> list[tuple[date, int]]:
    """Return the most complaints whose dates fit in one ``WINDOW_DAYS`` span.

    ``rows`` are sorted by date; among windows of equal size the latest wins.
    """
    best: list[tuple[date, int]] = []
    start = 0
    span = timedelta(days=WINDOW_DAYS)
    for end in range(len(rows)):
        while rows[end][0] - rows[start][0] > span:
            start += 1
        if end - start + 1 >= len(best):
            best = rows[start : end + 1]
    return best


def _grouped_complaints(
    db: Session, normalized_name: str | None = None, category: str | None = None
) -> dict[tuple[str, str], list[tuple[Complaint, Merchant]]]:
    query = (
        select(Complaint, Merchant)
        .join(Merchant, Merchant.id == Complaint.merchant_id)
        .join(Case, Case.complaint_id == Complaint.id)
        .where(Case.status.not_in(EXCLUDED_STATUSES))
    )
    if normalized_name is not None:
        query = query.where(Merchant.normalized_name == normalized_name)
    if category is not None:
        query = query.where(Complaint.category == category)
    groups: dict[tuple[str, str], list[tuple[Complaint, Merchant]]] = defaultdict(list)
    for complaint, merchant in db.exec(query):
        groups[(merchant.normalized_name, complaint.category)].append(
            (complaint, merchant)
        )
    return groups


def _open_actions(db: Session) -> dict[tuple[str, str], int]:
    rows = db.exec(
        select(CollectiveAction, Merchant)
        .join(Merchant, Merchant.id == CollectiveAction.merchant_id)
        .where(CollectiveAction.status == ActionStatus.OPEN)
    ).all()
    return {
        (merchant.normalized_name, action.category): action.id
        for action, merchant in rows
    }


def _to_group(
    key: tuple[str, str], members: list[tuple[Complaint, Merchant]], action_id
) -> ComplaintGroup:
    rows = sorted((complaint_date(c), c.id) for c, _ in members)
    window = _largest_window(rows)
    merchants = [m for c, m in members if c.id in {cid for _, cid in window}]
    merchant = min(merchants, key=lambda m: m.id)
    return ComplaintGroup(
        normalized_name=key[0],
        merchant_id=merchant.id,
        merchant_name=merchant.name,
        category=key[1],
        first_date=window[0][0],
        last_date=window[-1][0],
        complaint_ids=[cid for _, cid in window],
        open_action_id=action_id,
    )


def find_groups(db: Session, min_size: int = 1) -> list[ComplaintGroup]:
    """Group every complaint; return groups of at least ``min_size``, largest first.

    This is the grouping rule itself; callers check who may see the result.
    """
    # NOTE: this reads every complaint row on each call; no benchmark has
    # measured it on a large table.
    actions = _open_actions(db)
    groups = [
        _to_group(key, members, actions.get(key))
        for key, members in _grouped_complaints(db).items()
    ]
    groups = [group for group in groups if group.size >= min_size]
    return sorted(groups, key=lambda g: (-g.size, g.normalized_name, g.category))


def candidate_groups(db: Session, actor: Actor) -> list[ComplaintGroup]:
    """List groups of ten or more complaints, the candidates for collective action.

    Raises:
        PermissionDenied: the actor is not an admin.
    """
    if not actor.is_admin:
        raise PermissionDenied()
    return find_groups(db, CANDIDATE_MIN_SIZE)


def group_for(
    db: Session, normalized_name: str, category: str
) -> ComplaintGroup | None:
    """Return the group of one merchant name and category, or None if empty."""
    members = _grouped_complaints(db, normalized_name, category).get(
        (normalized_name, category)
    )
    if not members:
        return None
    return _to_group((normalized_name, category), members, None)
