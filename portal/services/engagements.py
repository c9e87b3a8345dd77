"""Engagements: the risk-agency agreement, milestones and the fee at close.

An engagement starts when a consumer accepts an offer, and both parties then
confirm the drafted agreement. The lawyer records milestones on the case
timeline and closes with the amount recovered. The consumer confirms the
settlement last.
"""

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlmodel import Session, select

from portal.i18n import DEFAULT_LANGUAGE, translate
from portal.models import (
    AgencyOffer,
    AgencyRequest,
    Case,
    CaseEvent,
    Complaint,
    Engagement,
    EngagementStatus,
    Merchant,
    User,
)
from portal.models.types import utcnow
from portal.services import workflow
from portal.services.actors import Actor
from portal.services.contingency_fees import (
    BASIS_POINTS_PER_PERCENT,
    fee_cap,
    fee_due,
)
from portal.services.errors import (
    FieldError,
    NotFound,
    ServiceError,
    ValidationFailed,
)
from portal.services.lawyer_access import approved_profile
from portal.services.validators import (
    MAX_LITIGATION_YUAN,
    parse_amount,
    validate_text,
)

logger = logging.getLogger(__name__)

E = EngagementStatus
# Milestones a lawyer records, and the fields each one requires.
MILESTONE_FIELDS: dict[str, tuple[str, ...]] = {
    "filed": ("court", "court_case_no"),
    "hearing": ("hearing_date",),
    "judgment": ("note",),
    "mediation": ("note",),
    "settlement": ("note",),
    "recovered": ("amount",),
}


@dataclass(frozen=True)
class EngagementView:
    """The engagement shown to its consumer, its lawyer or an admin."""

    engagement_id: int
    request_id: int
    case_id: int
    complaint_number: str
    consumer_name: str
    lawyer_name: str
    fee_percent: Decimal
    expenses: Decimal
    agreement_text: str
    consumer_confirmed_at: datetime | None
    lawyer_confirmed_at: datetime | None
    status: str
    recovered_amount: Decimal | None
    fee_due: Decimal | None
    is_consumer: bool
    is_lawyer: bool
    milestones: list[CaseEvent]


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def draft_agreement(db: Session, request: AgencyRequest, offer: AgencyOffer) -> str:
    """Draft the risk-agency agreement text from the case and the accepted offer.

    The text is in Chinese, the language of the agreement's legal effect, and is
    stored as drafted so later catalogue edits do not change a signed text.
    """
    # NOTE: the agreement is plain text shown in the portal; no PDF is rendered.
    case = db.get(Case, request.case_id)
    complaint = db.get(Complaint, case.complaint_id)
    merchant = db.get(Merchant, complaint.merchant_id)
    consumer = db.get(User, request.consumer_id)
    lawyer = db.get(User, offer.lawyer_id)
    percent = Decimal(offer.fee_basis_points) / BASIS_POINTS_PER_PERCENT
    return translate(
        DEFAULT_LANGUAGE,
        "litigation.agreement.text",
        consumer=consumer.display_name,
        lawyer=lawyer.display_name,
        number=complaint.number,
        merchant=merchant.name,
        litigation_type=translate(
            DEFAULT_LANGUAGE, f"litigation.type.{request.litigation_type}"
        ),
        claimed=_money(request.claimed_amount),
        percent=f"{percent:.2f}",
        cap=_money(fee_cap(request.claimed_amount)),
        expenses=_money(offer.expenses),
        expenses_detail=offer.expenses_detail or "-",
    )


def _load(db: Session, actor: Actor, engagement_id: int) -> Engagement:
    engagement = db.get(Engagement, engagement_id, with_for_update=True)
    if engagement is None or not (
        actor.is_admin
        or actor.user_id in (engagement.consumer_id, engagement.lawyer_id)
    ):
        logger.warning(
            "denied engagement %s to account %s", engagement_id, actor.user_id
        )
        raise NotFound()
    return engagement


def _require_lawyer(db: Session, engagement: Engagement, actor: Actor) -> None:
    """Let only the engaged lawyer act, and only while still approved."""
    if actor.user_id != engagement.lawyer_id or approved_profile(db, actor) is None:
        logger.warning(
            "lawyer step on engagement %s denied to account %s",
            engagement.id,
            actor.user_id,
        )
        raise NotFound()


def _require_consumer(engagement: Engagement, actor: Actor) -> None:
    if actor.user_id != engagement.consumer_id:
        logger.warning(
            "consumer step on engagement %s denied to account %s",
            engagement.id,
            actor.user_id,
        )
        raise NotFound()


def _require_status(engagement: Engagement, status: EngagementStatus) -> None:
    if engagement.status != status:
        raise ServiceError("error.litigation.wrong_stage", status=engagement.status)


def confirm_agreement(db: Session, actor: Actor, engagement_id: int) -> Engagement:
    """Record the actor's confirmation; with both parties confirmed it is active.

    Raises:
        NotFound: the actor is neither the consumer nor the lawyer.
        ServiceError: the agreement is no longer awaiting confirmation.
    """
    engagement = _load(db, actor, engagement_id)
    if actor.user_id == engagement.lawyer_id:
        _require_lawyer(db, engagement, actor)
    elif actor.user_id != engagement.consumer_id:
        raise NotFound()
    _require_status(engagement, E.AGREEMENT_PENDING)
    now = utcnow()
    if actor.user_id == engagement.consumer_id:
        engagement.consumer_confirmed_at = engagement.consumer_confirmed_at or now
    else:
        engagement.lawyer_confirmed_at = engagement.lawyer_confirmed_at or now
    workflow.record_event(db, engagement.case_id, actor, "agreement_confirmed")
    if engagement.consumer_confirmed_at and engagement.lawyer_confirmed_at:
        engagement.status = E.ACTIVE
        workflow.record_event(db, engagement.case_id, None, "agreement_in_force")
    db.add(engagement)
    return engagement


def _milestone_note(kind: str, raw: Mapping[str, Any]) -> tuple[str, Decimal | None]:
    errors: dict[str, FieldError] = {}
    parts: list[str] = []
    amount = None
    for field in MILESTONE_FIELDS[kind]:
        try:
            if field == "amount":
                amount = parse_amount(raw.get("amount"), "amount")
                if amount is None:
                    raise FieldError("amount", "error.required")
                parts.append(_money(amount))
            elif field == "hearing_date":
                parts.append(_parse_date(raw.get("hearing_date")).isoformat())
            else:
                parts.append(
                    validate_text(raw.get(field), field, min_chars=1, max_chars=200)
                )
        except FieldError as error:
            errors[field] = error
    if errors:
        raise ValidationFailed(errors)
    extra = validate_text(raw.get("detail"), "detail", max_chars=1000)
    return " · ".join([*parts, extra] if extra else parts), amount


def _parse_date(raw: Any) -> date:
    text = str(raw or "").strip()
    if not text:
        raise FieldError("hearing_date", "error.required")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise FieldError("hearing_date", "error.date.format") from None


def record_milestone(
    db: Session, actor: Actor, engagement_id: int, kind: str, raw: Mapping[str, Any]
) -> CaseEvent:
    """Record a milestone on the case timeline; only the engaged lawyer may.

    Kinds and their fields: filed (court, court_case_no), hearing
    (hearing_date), judgment, mediation and settlement (note), recovered
    (amount, the total recovered so far in yuan).

    Raises:
        NotFound: the actor is not the engagement's lawyer.
        ServiceError: the agreement is not in force yet, or the case is closed.
        ValidationFailed: an unknown kind or a missing or invalid field.
    """
    engagement = _load(db, actor, engagement_id)
    _require_lawyer(db, engagement, actor)
    _require_status(engagement, E.ACTIVE)
    if kind not in MILESTONE_FIELDS:
        raise ValidationFailed(
            {"kind": FieldError("kind", "error.choice.invalid", value=kind)}
        )
    note, amount = _milestone_note(kind, raw)
    if amount is not None:
        engagement.recovered_amount = amount
        db.add(engagement)
    return workflow.record_event(
        db, engagement.case_id, actor, f"litigation_{kind}", note
    )


def _parse_recovered(raw: Any) -> Decimal:
    amount = parse_amount(
        raw, "recovered_amount", max_yuan=MAX_LITIGATION_YUAN, allow_zero=True
    )
    if amount is None:
        raise FieldError("recovered_amount", "error.required")
    return amount


def close_engagement(
    db: Session, actor: Actor, engagement_id: int, recovered: Any
) -> Engagement:
    """Close the case with the total recovered and compute the fee due.

    The fee is the agreed share of ``recovered``, at most the statutory cap on
    it; nothing recovered means no fee.

    Raises:
        NotFound: the actor is not the engagement's lawyer.
        ServiceError: the agreement is not in force.
        ValidationFailed: the amount is invalid.
    """
    engagement = _load(db, actor, engagement_id)
    _require_lawyer(db, engagement, actor)
    _require_status(engagement, E.ACTIVE)
    try:
        amount = _parse_recovered(recovered)
    except FieldError as error:
        raise ValidationFailed({"recovered_amount": error}) from None
    engagement.recovered_amount = amount
    engagement.fee_due = fee_due(amount, engagement.fee_basis_points)
    engagement.status = E.FEE_COMPUTED
    engagement.closed_at = utcnow()
    db.add(engagement)
    note = translate(
        DEFAULT_LANGUAGE,
        "litigation.closed_note",
        recovered=_money(amount),
        fee=_money(engagement.fee_due),
    )
    workflow.record_event(db, engagement.case_id, actor, "litigation_closed", note)
    logger.info(
        "engagement %s closed: recovered %s, fee %s",
        engagement.id,
        amount,
        engagement.fee_due,
    )
    return engagement


def confirm_settlement(db: Session, actor: Actor, engagement_id: int) -> Engagement:
    """Record the consumer's confirmation of the recovered amount and fee.

    Raises:
        NotFound: the actor is not the engagement's consumer.
        ServiceError: the fee has not been computed yet, or was already settled.
    """
    engagement = _load(db, actor, engagement_id)
    _require_consumer(engagement, actor)
    _require_status(engagement, E.FEE_COMPUTED)
    engagement.status = E.SETTLED
    engagement.settled_at = utcnow()
    db.add(engagement)
    workflow.record_event(db, engagement.case_id, actor, "litigation_settled")
    return engagement


def engagement_detail(db: Session, actor: Actor, engagement_id: int) -> EngagementView:
    """Load an engagement for its consumer, its lawyer or an admin.

    Raises:
        NotFound: anyone else.
    """
    engagement = _load(db, actor, engagement_id)
    case = db.get(Case, engagement.case_id)
    complaint = db.get(Complaint, case.complaint_id)
    offer = db.get(AgencyOffer, engagement.offer_id)
    consumer = db.get(User, engagement.consumer_id)
    lawyer = db.get(User, engagement.lawyer_id)
    milestones = db.exec(
        select(CaseEvent)
        .where(CaseEvent.case_id == case.id, CaseEvent.kind.startswith("litigation_"))
        .order_by(CaseEvent.at, CaseEvent.id)
    ).all()
    return EngagementView(
        engagement_id=engagement.id,
        request_id=engagement.request_id,
        case_id=case.id,
        complaint_number=complaint.number,
        consumer_name=consumer.display_name,
        lawyer_name=lawyer.display_name,
        fee_percent=Decimal(engagement.fee_basis_points) / BASIS_POINTS_PER_PERCENT,
        expenses=offer.expenses,
        agreement_text=engagement.agreement_text,
        consumer_confirmed_at=engagement.consumer_confirmed_at,
        lawyer_confirmed_at=engagement.lawyer_confirmed_at,
        status=engagement.status,
        recovered_amount=engagement.recovered_amount,
        fee_due=engagement.fee_due,
        is_consumer=actor.user_id == engagement.consumer_id,
        is_lawyer=actor.user_id == engagement.lawyer_id,
        milestones=list(milestones),
    )


def list_lawyer_engagements(db: Session, actor: Actor) -> list[Engagement]:
    """List the lawyer's own engagements, newest first."""
    return list(
        db.exec(
            select(Engagement)
            .where(Engagement.lawyer_id == actor.user_id)
            .order_by(Engagement.created_at.desc(), Engagement.id.desc())
        ).all()
    )


def _engaged_lawyer_reads_case(
    db: Session, actor: Actor, case: Case, complaint: Complaint
) -> bool:
    if approved_profile(db, actor) is None:
        return False
    return (
        db.exec(
            select(Engagement.id).where(
                Engagement.case_id == case.id, Engagement.lawyer_id == actor.user_id
            )
        ).first()
        is not None
    )


workflow.CASE_READ_RULES.append(_engaged_lawyer_reads_case)
