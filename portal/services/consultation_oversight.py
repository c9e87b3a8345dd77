"""What admins see of consultations: every one, by status, with its rating.

Admins read each chat through the consultation page itself; this module lists
them and counts them, so an admin can see how long people wait and how
lawyers' advice is rated.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from portal.models import Consultation, ConsultationStatus, LawyerProfile, User
from portal.services.actors import Actor
from portal.services.errors import FieldError, PermissionDenied

PAGE_SIZE = 30


@dataclass(frozen=True)
class OversightRow:
    """One consultation in the admin list."""

    id: int
    status: str
    topic: str
    question: str
    consumer_name: str
    lawyer_name: str
    created_at: datetime
    messages: int
    rating: int | None


@dataclass(frozen=True)
class OversightPage:
    """One page of the admin list, with counts over all consultations."""

    rows: list[OversightRow]
    total: int
    page: int
    pages: int
    counts: dict[str, int]
    average_rating: Decimal | None
    rated: int


def _status_filter(status: str) -> str:
    value = (status or "").strip()
    if value and value not in {item.value for item in ConsultationStatus}:
        raise FieldError("status", "consultation.error.status_filter")
    return value


def overview(
    db: Session, actor: Actor, *, status: str = "", page: int = 1
) -> OversightPage:
    """List consultations newest first, optionally of one status. Admins only.

    Raises:
        PermissionDenied: the actor is not an admin.
        FieldError: ``status`` is not a consultation status.
    """
    if not actor.is_admin:
        raise PermissionDenied()
    status = _status_filter(status)
    counts = dict(
        db.exec(
            select(Consultation.status, func.count()).group_by(Consultation.status)
        ).all()
    )
    rated, average = db.exec(
        select(func.count(Consultation.rating), func.avg(Consultation.rating))
    ).one()
    total = counts.get(status, 0) if status else sum(counts.values())
    pages = max(1, -(-total // PAGE_SIZE))
    page = max(1, min(int(page), pages))

    consumer = aliased(User)
    lawyer = aliased(User)
    query = (
        select(
            Consultation,
            consumer.display_name,
            lawyer.display_name,
            LawyerProfile.real_name,
        )
        .join(consumer, consumer.id == Consultation.consumer_id)
        .join(lawyer, lawyer.id == Consultation.lawyer_id, isouter=True)
        .join(
            LawyerProfile,
            LawyerProfile.user_id == Consultation.lawyer_id,
            isouter=True,
        )
    )
    if status:
        query = query.where(Consultation.status == status)
    found = db.exec(
        query.order_by(Consultation.created_at.desc(), Consultation.id.desc())
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    ).all()
    rows = [
        OversightRow(
            id=row.id,
            status=row.status,
            topic=row.topic,
            question=row.question,
            consumer_name=consumer_name,
            lawyer_name=real_name or lawyer_name or "",
            created_at=row.created_at,
            messages=row.last_seq,
            rating=row.rating,
        )
        for row, consumer_name, lawyer_name, real_name in found
    ]
    return OversightPage(
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        counts={item.value: counts.get(item.value, 0) for item in ConsultationStatus},
        average_rating=Decimal(str(average)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
        if rated
        else None,
        rated=rated,
    )
