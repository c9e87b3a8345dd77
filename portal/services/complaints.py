"""Filing complaints: validation shared by the form and the import, and saving."""

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, update
from sqlmodel import Session, select

from portal.models import (
    Case,
    CaseEvent,
    CaseStatus,
    Category,
    Complaint,
    Demand,
    Evidence,
)
from portal.models.types import utcnow
from portal.services import evidence, workflow
from portal.services.actors import Actor
from portal.services.errors import FieldError, PermissionDenied, ValidationFailed
from portal.services.evidence import MAX_FILES_PER_COMPLAINT
from portal.services.merchants import find_or_create_merchant
from portal.services.validators import (
    parse_amount,
    parse_choice,
    parse_past_date,
    validate_text,
    validate_uscc,
)

logger = logging.getLogger(__name__)

SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class ComplaintInput:
    """A complaint whose every field passed validation."""

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


def today_in_shanghai() -> date:
    """Return today's date on the consumer's clock (Asia/Shanghai)."""
    return utcnow().astimezone(SHANGHAI).date()


def _collect(
    errors: dict[str, FieldError], field: str, check: Callable[[], Any]
) -> Any:
    try:
        return check()
    except FieldError as error:
        errors[field] = error
        return None


def validate_complaint(raw: Mapping[str, Any], today: date) -> ComplaintInput:
    """Validate every complaint field at once and report all errors together.

    Raises:
        ValidationFailed: one or more fields are invalid; nothing was saved.
    """
    errors: dict[str, FieldError] = {}

    def text(field: str, *, min_chars: int = 0, max_chars: int) -> str:
        return _collect(
            errors,
            field,
            lambda: validate_text(
                raw.get(field), field, min_chars=min_chars, max_chars=max_chars
            ),
        )

    values = {
        "merchant_name": text("merchant_name", min_chars=1, max_chars=100),
        "merchant_uscc": _collect(
            errors,
            "merchant_uscc",
            lambda: validate_uscc(raw.get("merchant_uscc") or ""),
        ),
        "purchase_channel": text("purchase_channel", max_chars=100),
        "category": _collect(
            errors,
            "category",
            lambda: parse_choice(raw.get("category"), "category", Category),
        ),
        "order_no": text("order_no", max_chars=64),
        "product": text("product", max_chars=100),
        "amount_paid": _collect(
            errors,
            "amount_paid",
            lambda: parse_amount(raw.get("amount_paid"), "amount_paid"),
        ),
        "purchase_date": _collect(
            errors,
            "purchase_date",
            lambda: parse_past_date(raw.get("purchase_date"), "purchase_date", today),
        ),
        "description": text("description", min_chars=5, max_chars=5000),
        "demand": _collect(
            errors, "demand", lambda: parse_choice(raw.get("demand"), "demand", Demand)
        ),
        "demand_amount": _collect(
            errors,
            "demand_amount",
            lambda: parse_amount(raw.get("demand_amount"), "demand_amount"),
        ),
        "demand_detail": text("demand_detail", max_chars=500),
    }
    if errors:
        raise ValidationFailed(errors)
    return ComplaintInput(**values)


@dataclass(frozen=True)
class FiledComplaint:
    """The identifiers of a newly saved complaint."""

    complaint_id: int
    case_id: int
    number: str


def complaint_number(complaint_id: int, created_year: int) -> str:
    """Format the public number, such as ``FX-2026-000123``."""
    return f"FX-{created_year}-{complaint_id:06d}"


def save_complaint(
    db: Session,
    consumer_id: int,
    data: ComplaintInput,
    *,
    source: str = "web",
    source_ref: str | None = None,
) -> FiledComplaint:
    """Insert the complaint, its case and the first timeline event."""
    merchant = find_or_create_merchant(db, data.merchant_name, data.merchant_uscc)
    now = utcnow()
    complaint = Complaint(
        consumer_id=consumer_id,
        merchant_id=merchant.id,
        purchase_channel=data.purchase_channel,
        category=data.category,
        order_no=data.order_no,
        product=data.product,
        amount_paid=data.amount_paid,
        purchase_date=data.purchase_date,
        description=data.description,
        demand=data.demand,
        demand_amount=data.demand_amount,
        demand_detail=data.demand_detail,
        consent_at=now,
        source=source,
        source_ref=source_ref,
        created_at=now,
    )
    db.add(complaint)
    db.flush()
    complaint.number = complaint_number(complaint.id, now.astimezone(SHANGHAI).year)
    case = Case(complaint_id=complaint.id, opened_at=now, updated_at=now)
    db.add(case)
    db.flush()
    db.add(
        CaseEvent(
            case_id=case.id,
            at=now,
            actor_id=consumer_id,
            actor_role="consumer",
            kind="submitted",
            to_status=CaseStatus.SUBMITTED,
        )
    )
    return FiledComplaint(complaint.id, case.id, complaint.number)


def file_complaint(
    db: Session,
    actor: Actor,
    raw: Mapping[str, Any],
    evidence_ids: list[int],
    consent: bool,
) -> FiledComplaint:
    """File a complaint for a consumer, attaching files the consumer staged.

    Raises:
        PermissionDenied: the actor is not a consumer.
        ValidationFailed: a field is invalid, consent is missing, or an evidence
            id is not a staged file of this consumer. Nothing is saved.
    """
    if not actor.is_consumer:
        raise PermissionDenied()
    errors: dict[str, FieldError] = {}
    try:
        data = validate_complaint(raw, today_in_shanghai())
    except ValidationFailed as failure:
        errors.update(failure.errors)
    if not consent:
        errors["consent"] = FieldError("consent", "error.consent.required")
    evidence = _staged_evidence(db, actor, evidence_ids, errors)
    if errors:
        raise ValidationFailed(errors)

    filed = save_complaint(db, actor.user_id, data)
    if evidence:
        db.exec(
            update(Evidence)
            .where(Evidence.id.in_([row.id for row in evidence]))
            .values(complaint_id=filed.complaint_id)
        )
    logger.info("complaint %s filed by account %s", filed.number, actor.user_id)
    return filed


def _staged_evidence(
    db: Session, actor: Actor, ids: list[int], errors: dict[str, FieldError]
) -> list[Evidence]:
    unique_ids = list(dict.fromkeys(int(i) for i in ids))
    if len(unique_ids) > MAX_FILES_PER_COMPLAINT:
        errors["evidence"] = FieldError(
            "evidence", "error.evidence.too_many", max=MAX_FILES_PER_COMPLAINT
        )
        return []
    if not unique_ids:
        return []
    rows = db.exec(
        select(Evidence).where(
            Evidence.id.in_(unique_ids),
            Evidence.owner_id == actor.user_id,
            Evidence.complaint_id.is_(None),
        )
    ).all()
    if len(rows) != len(unique_ids):
        errors["evidence"] = FieldError("evidence", "error.evidence.unknown")
    return list(rows)


def attach_evidence(db: Session, actor: Actor, case_id: int, name: str, data: bytes):
    """Add a file to the consumer's own open case, within the nine-file limit.

    Raises:
        NotFound: the actor may not see the case.
        PermissionDenied: the actor may see the case but did not file it.
        FieldError: the file is rejected, or the case is closed for information.
    """
    case, complaint = workflow.load_case(db, actor, case_id, lock=True)
    if complaint.consumer_id != actor.user_id:
        raise PermissionDenied()
    if case.status not in workflow.STATUSES_OPEN_FOR_INFORMATION:
        raise FieldError("evidence", "error.case.closed_for_information")
    count = db.exec(
        select(func.count())
        .select_from(Evidence)
        .where(Evidence.complaint_id == complaint.id)
    ).one()
    view = evidence.store_file(
        db, actor, name, data, complaint_id=complaint.id, already_attached=count
    )
    workflow.record_event(db, case.id, actor, "evidence_added", view.name)
    return view
