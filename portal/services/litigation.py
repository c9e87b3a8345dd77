"""Full-risk litigation agency: the consumer's request, lawyers' offers, acceptance.

A consumer requests agency on one of their cases. Approved lawyers whose
practice areas match make offers: a share of what is recovered, with expenses
stated up front. The consumer accepts one offer and the others close.
Engagements, from the agreement to the fee, live in
``portal.services.engagements``.
"""

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, NoReturn

from sqlalchemy import update
from sqlmodel import Session, select

from portal.models import (
    AgencyOffer,
    AgencyRequest,
    Case,
    CaseStatus,
    Complaint,
    Engagement,
    LawyerProfile,
    LitigationType,
    Merchant,
    OfferStatus,
    PracticeArea,
    RequestStatus,
    User,
)
from portal.services import case_lawyers, workflow
from portal.services.actors import Actor
from portal.services.contingency_fees import (
    BASIS_POINTS_PER_PERCENT,
    MAX_RATE_PERCENT,
    fee_cap,
    rate_within_cap,
)
from portal.services.engagements import draft_agreement
from portal.services.errors import (
    FieldError,
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from portal.services.lawyer_access import require_approved_lawyer
from portal.services.validators import (
    MAX_LITIGATION_YUAN,
    parse_amount,
    parse_choice,
    validate_text,
)

logger = logging.getLogger(__name__)

T = LitigationType
# Types on which full-risk fees are not allowed, and the catalogue key naming why.
BARRED_TYPES: dict[LitigationType, str] = {
    T.CRIMINAL: "error.litigation.barred.criminal",
    T.ADMINISTRATIVE: "error.litigation.barred.administrative",
    T.STATE_COMPENSATION: "error.litigation.barred.state_compensation",
    T.COLLECTIVE: "error.litigation.barred.collective",
    T.MARRIAGE: "error.litigation.barred.marriage",
    T.INHERITANCE: "error.litigation.barred.inheritance",
    T.SOCIAL_INSURANCE: "error.litigation.barred.social_insurance",
    T.MINIMUM_LIVING: "error.litigation.barred.minimum_living",
    T.SUPPORT_PENSION_RELIEF_INJURY: "error.litigation.barred.support",
    T.LABOUR_REMUNERATION: "error.litigation.barred.labour_remuneration",
}
CLOSED_CASE_STATUSES = (CaseStatus.WITHDRAWN, CaseStatus.CLOSED)
ACTIVE_REQUEST_STATUSES = (RequestStatus.OPEN, RequestStatus.ENGAGED)


@dataclass(frozen=True)
class OfferView:
    """One offer, shown to the consumer comparing offers or to its own lawyer."""

    offer_id: int
    lawyer_name: str
    fee_percent: Decimal
    expenses: Decimal
    expenses_detail: str
    message: str
    status: str
    fee_on_claim: Decimal
    created_at: datetime


@dataclass(frozen=True)
class RequestView:
    """A request for agency with the case facts a lawyer needs to make an offer."""

    request_id: int
    case_id: int
    complaint_number: str
    merchant_name: str
    category: str
    description: str
    litigation_type: str
    area: str
    claimed_amount: Decimal
    cap: Decimal
    max_percent: Decimal
    summary: str
    status: str
    created_at: datetime
    is_owner: bool
    offers: list[OfferView]
    engagement_id: int | None


def barred_reason(litigation_type: str) -> str | None:
    """Return the catalogue key naming why full-risk terms are barred, or None."""
    try:
        return BARRED_TYPES.get(LitigationType(litigation_type))
    except ValueError:
        return None


def max_percent_for(amount: Decimal) -> Decimal:
    """Return the largest whole-basis-point percentage within the cap on ``amount``."""
    if amount <= 0:
        return MAX_RATE_PERCENT
    percent = (fee_cap(amount) * 100 / amount).quantize(Decimal("0.01"))
    while percent > 0 and not rate_within_cap(amount, _basis_points(percent)):
        percent -= Decimal("0.01")
    return min(percent, MAX_RATE_PERCENT)


def _basis_points(percent: Decimal) -> int:
    return int(percent * BASIS_POINTS_PER_PERCENT)


def _lawyer_areas(profile: LawyerProfile) -> set[str]:
    return {area.strip() for area in profile.areas.split(",") if area.strip()}


def _validate_request(raw: Mapping[str, Any]) -> dict[str, Any]:
    errors: dict[str, FieldError] = {}
    values: dict[str, Any] = {}
    checks = {
        "litigation_type": lambda: parse_choice(
            raw.get("litigation_type"), "litigation_type", LitigationType
        ),
        "area": lambda: parse_choice(raw.get("area"), "area", PracticeArea),
        "claimed_amount": lambda: _required_amount(raw.get("claimed_amount")),
        "summary": lambda: validate_text(
            raw.get("summary"), "summary", min_chars=10, max_chars=2000
        ),
    }
    for field, check in checks.items():
        try:
            values[field] = check()
        except FieldError as error:
            errors[field] = error
    if "litigation_type" in values and (
        reason := barred_reason(values["litigation_type"])
    ):
        errors["litigation_type"] = FieldError("litigation_type", reason)
    if errors:
        raise ValidationFailed(errors)
    return values


def _required_amount(raw: Any) -> Decimal:
    amount = parse_amount(raw, "claimed_amount", max_yuan=MAX_LITIGATION_YUAN)
    if amount is None:
        raise FieldError("claimed_amount", "error.required")
    return amount


def request_agency(
    db: Session, actor: Actor, case_id: int, raw: Mapping[str, Any]
) -> AgencyRequest:
    """Open a request for full-risk agency on the consumer's own case.

    Raises:
        NotFound: the case is not the actor's.
        ValidationFailed: a field is invalid, or the litigation type bars
            full-risk terms (the error names the reason).
        ServiceError: the case is withdrawn or closed, or already has an open
            or engaged request.
    """
    if not actor.is_consumer:
        logger.warning(
            "agency request denied to account %s: not a consumer", actor.user_id
        )
        raise PermissionDenied()
    case, complaint = workflow.load_case(db, actor, case_id, lock=True)
    if complaint.consumer_id != actor.user_id:
        raise NotFound()
    values = _validate_request(raw)
    if case.status in CLOSED_CASE_STATUSES:
        raise ServiceError("error.litigation.case_closed")
    if _active_request(db, case.id) is not None:
        raise ServiceError("error.litigation.request_exists")
    request = AgencyRequest(case_id=case.id, consumer_id=actor.user_id, **values)
    db.add(request)
    db.flush()
    workflow.record_event(db, case.id, actor, "agency_requested", values["summary"])
    logger.info("agency request %s opened on case %s", request.id, case.id)
    return request


def _active_request(db: Session, case_id: int) -> AgencyRequest | None:
    return db.exec(
        select(AgencyRequest).where(
            AgencyRequest.case_id == case_id,
            AgencyRequest.status.in_(ACTIVE_REQUEST_STATUSES),
        )
    ).first()


def request_for_case(db: Session, actor: Actor, case_id: int) -> int | None:
    """Return the id of the case's open or engaged request, if the actor may see it.

    Raises:
        NotFound: the actor may not see the case.
    """
    workflow.load_case(db, actor, case_id)
    request = _active_request(db, case_id)
    if request is None or not _may_read_request(db, actor, request):
        return None
    return request.id


def list_open_requests(db: Session, actor: Actor) -> list[RequestView]:
    """List open requests in the approved lawyer's practice areas, newest first.

    Raises:
        PermissionDenied: the actor is not an approved lawyer.
    """
    profile = require_approved_lawyer(db, actor)
    areas = _lawyer_areas(profile)
    requests = db.exec(
        select(AgencyRequest)
        .where(AgencyRequest.status == RequestStatus.OPEN)
        .where(AgencyRequest.area.in_(areas))
        .order_by(AgencyRequest.created_at.desc(), AgencyRequest.id.desc())
    ).all()
    return [_to_view(db, actor, request) for request in requests]


def _may_read_request(db: Session, actor: Actor, request: AgencyRequest) -> bool:
    if actor.is_admin or request.consumer_id == actor.user_id:
        return True
    engagement = _engagement_of(db, request.id)
    if engagement is not None and engagement.lawyer_id == actor.user_id:
        return True
    try:
        profile = require_approved_lawyer(db, actor)
    except PermissionDenied:
        return False
    return request.status == RequestStatus.OPEN and request.area in _lawyer_areas(
        profile
    )


def _engagement_of(db: Session, request_id: int) -> Engagement | None:
    return db.exec(
        select(Engagement).where(Engagement.request_id == request_id)
    ).first()


def load_request(db: Session, actor: Actor, request_id: int) -> AgencyRequest:
    """Load a request the actor may read.

    Raises:
        NotFound: no such request, or the actor may not see it.
    """
    request = db.get(AgencyRequest, request_id)
    if request is None or not _may_read_request(db, actor, request):
        logger.warning(
            "denied agency request %s to account %s", request_id, actor.user_id
        )
        raise NotFound()
    return request


def request_detail(db: Session, actor: Actor, request_id: int) -> RequestView:
    """Load a request with the offers the actor may see.

    The consumer and admins see every offer; a lawyer gets only their own.

    Raises:
        NotFound: no such request, or the actor may not see it.
    """
    return _to_view(db, actor, load_request(db, actor, request_id))


def _to_view(db: Session, actor: Actor, request: AgencyRequest) -> RequestView:
    case = db.get(Case, request.case_id)
    complaint = db.get(Complaint, case.complaint_id)
    merchant = db.get(Merchant, complaint.merchant_id)
    query = (
        select(AgencyOffer, User)
        .join(User, User.id == AgencyOffer.lawyer_id)
        .where(AgencyOffer.request_id == request.id)
        .order_by(AgencyOffer.created_at, AgencyOffer.id)
    )
    is_owner = request.consumer_id == actor.user_id
    if not (is_owner or actor.is_admin):
        query = query.where(AgencyOffer.lawyer_id == actor.user_id)
    offers = [_offer_view(offer, user, request) for offer, user in db.exec(query)]
    engagement = _engagement_of(db, request.id)
    return RequestView(
        request_id=request.id,
        case_id=case.id,
        complaint_number=complaint.number,
        merchant_name=merchant.name,
        category=complaint.category,
        description=complaint.description,
        litigation_type=request.litigation_type,
        area=request.area,
        claimed_amount=request.claimed_amount,
        cap=fee_cap(request.claimed_amount),
        max_percent=max_percent_for(request.claimed_amount),
        summary=request.summary,
        status=request.status,
        created_at=request.created_at,
        is_owner=is_owner,
        offers=offers,
        engagement_id=engagement.id if engagement else None,
    )


def _offer_view(offer: AgencyOffer, lawyer: User, request: AgencyRequest) -> OfferView:
    percent = Decimal(offer.fee_basis_points) / BASIS_POINTS_PER_PERCENT
    return OfferView(
        offer_id=offer.id,
        lawyer_name=lawyer.display_name,
        fee_percent=percent.quantize(Decimal("0.01")),
        expenses=offer.expenses,
        expenses_detail=offer.expenses_detail,
        message=offer.message,
        status=offer.status,
        fee_on_claim=min(
            (request.claimed_amount * percent / 100).quantize(Decimal("0.01")),
            fee_cap(request.claimed_amount),
        ),
        created_at=offer.created_at,
    )


def parse_percent(raw: Any, field: str = "fee_percent") -> Decimal:
    """Parse a fee percentage: above 0, at most two decimal places.

    Raises:
        FieldError: missing, not a number, not positive or too precise.
    """
    text = str(raw if raw is not None else "").strip().rstrip("%％")
    if not text:
        raise FieldError(field, "error.required")
    try:
        percent = Decimal(text)
    except InvalidOperation:
        raise FieldError(field, "error.amount.not_a_number") from None
    if not percent.is_finite():
        raise FieldError(field, "error.amount.not_a_number")
    if percent <= 0:
        raise FieldError(field, "error.amount.not_positive")
    if percent != percent.quantize(Decimal("0.01")):
        raise FieldError(field, "error.amount.too_many_places")
    return percent


def _parse_expenses(raw: Any) -> Decimal:
    text = str(raw if raw is not None else "").strip()
    if text in ("", "0", "0.0", "0.00"):
        return Decimal("0.00")
    return parse_amount(text, "expenses") or Decimal("0.00")


def _validate_offer(raw: Mapping[str, Any], claimed: Decimal) -> dict[str, Any]:
    errors: dict[str, FieldError] = {}
    values: dict[str, Any] = {}
    checks = {
        "fee_percent": lambda: parse_percent(raw.get("fee_percent")),
        "expenses": lambda: _parse_expenses(raw.get("expenses")),
        "expenses_detail": lambda: validate_text(
            raw.get("expenses_detail"), "expenses_detail", max_chars=500
        ),
        "message": lambda: validate_text(
            raw.get("message"), "message", min_chars=1, max_chars=2000
        ),
    }
    for field, check in checks.items():
        try:
            values[field] = check()
        except FieldError as error:
            errors[field] = error
    percent = values.get("fee_percent")
    if percent is not None and (
        percent > MAX_RATE_PERCENT
        or not rate_within_cap(claimed, _basis_points(percent))
    ):
        errors["fee_percent"] = FieldError(
            "fee_percent",
            "error.litigation.over_cap",
            cap=f"{fee_cap(claimed):,.2f}",
            max_percent=str(max_percent_for(claimed)),
        )
    if errors:
        raise ValidationFailed(errors)
    return values


def make_offer(
    db: Session, actor: Actor, request_id: int, raw: Mapping[str, Any]
) -> AgencyOffer:
    """Make a full-risk offer on an open request in the lawyer's practice areas.

    The percentage times the claimed amount may not exceed the statutory cap.

    Raises:
        PermissionDenied: the actor is not an approved lawyer.
        NotFound: the request is not open in the lawyer's areas.
        ValidationFailed: a field is invalid or the fee exceeds the cap.
        ServiceError: the lawyer already has a pending offer on it, or the
            request's type bars full-risk terms.
    """
    require_approved_lawyer(db, actor)
    request = load_request(db, actor, request_id)
    if request.status != RequestStatus.OPEN:
        raise ServiceError("error.litigation.request_not_open")
    if reason := barred_reason(request.litigation_type):
        raise ServiceError(reason)
    values = _validate_offer(raw, request.claimed_amount)
    existing = db.exec(
        select(AgencyOffer).where(
            AgencyOffer.request_id == request.id,
            AgencyOffer.lawyer_id == actor.user_id,
            AgencyOffer.status == OfferStatus.PENDING,
        )
    ).first()
    if existing is not None:
        raise ServiceError("error.litigation.offer_exists")
    offer = AgencyOffer(
        request_id=request.id,
        lawyer_id=actor.user_id,
        fee_basis_points=_basis_points(values["fee_percent"]),
        expenses=values["expenses"],
        expenses_detail=values["expenses_detail"],
        message=values["message"],
    )
    db.add(offer)
    db.flush()
    workflow.record_event(db, request.case_id, actor, "agency_offer_made")
    logger.info(
        "offer %s made on request %s by account %s", offer.id, request.id, actor.user_id
    )
    return offer


def accept_offer(db: Session, actor: Actor, offer_id: int) -> Engagement:
    """Accept one offer: the request becomes engaged and every other offer closes.

    Only the conditional UPDATE of the request row decides, so of two
    acceptances at once exactly one changes the row and wins. The other sees no
    row changed and gets the error that another offer was accepted.

    Raises:
        PermissionDenied: the actor is not a consumer.
        NotFound: no such offer on a request of the actor.
        ServiceError: another offer was accepted first, or the request was
            withdrawn.
    """
    if not actor.is_consumer:
        logger.warning(
            "offer acceptance denied to account %s: not a consumer", actor.user_id
        )
        raise PermissionDenied()
    offer = db.get(AgencyOffer, offer_id)
    if offer is None:
        raise NotFound()
    pending = (
        select(AgencyOffer.id)
        .where(
            AgencyOffer.id == offer.id,
            AgencyOffer.request_id == AgencyRequest.id,
            AgencyOffer.status == OfferStatus.PENDING,
        )
        .exists()
    )
    claimed = db.exec(
        update(AgencyRequest)
        .where(
            AgencyRequest.id == offer.request_id,
            AgencyRequest.consumer_id == actor.user_id,
            AgencyRequest.status == RequestStatus.OPEN,
            pending,
        )
        .values(status=RequestStatus.ENGAGED, accepted_offer_id=offer.id)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        _raise_not_accepted(db, actor, offer)
    db.exec(
        update(AgencyOffer)
        .where(AgencyOffer.request_id == offer.request_id)
        .values(status=OfferStatus.CLOSED)
        .execution_options(synchronize_session=False)
    )
    db.exec(
        update(AgencyOffer)
        .where(AgencyOffer.id == offer.id)
        .values(status=OfferStatus.ACCEPTED)
        .execution_options(synchronize_session=False)
    )
    request = db.get(AgencyRequest, offer.request_id)
    db.refresh(request)
    engagement = Engagement(
        request_id=request.id,
        offer_id=offer.id,
        case_id=request.case_id,
        consumer_id=request.consumer_id,
        lawyer_id=offer.lawyer_id,
        fee_basis_points=offer.fee_basis_points,
        agreement_text=draft_agreement(db, request, offer),
    )
    db.add(engagement)
    db.flush()
    # The engaged lawyer now handles the case, so may draft and sign its letters.
    case_lawyers.link_lawyer(db, request.case_id, offer.lawyer_id, "litigation")
    workflow.record_event(db, request.case_id, actor, "agency_offer_accepted")
    logger.info("offer %s accepted; engagement %s", offer.id, engagement.id)
    return engagement


def _raise_not_accepted(db: Session, actor: Actor, offer: AgencyOffer) -> NoReturn:
    """Raise the reason an acceptance changed no row, read after the UPDATE."""
    request = db.get(AgencyRequest, offer.request_id)
    db.refresh(request)
    if request.consumer_id != actor.user_id:
        logger.warning("offer %s denied to account %s", offer.id, actor.user_id)
        raise NotFound()
    if request.status == RequestStatus.ENGAGED:
        raise ServiceError("error.litigation.already_engaged")
    raise ServiceError("error.litigation.request_not_open")


def withdraw_request(db: Session, actor: Actor, request_id: int) -> None:
    """Withdraw the consumer's open request; pending offers close.

    Raises:
        NotFound: the request is not the actor's.
        ServiceError: the request is no longer open.
    """
    request = load_request(db, actor, request_id)
    if request.consumer_id != actor.user_id:
        raise NotFound()
    changed = db.exec(
        update(AgencyRequest)
        .where(
            AgencyRequest.id == request.id, AgencyRequest.status == RequestStatus.OPEN
        )
        .values(status=RequestStatus.WITHDRAWN)
        .execution_options(synchronize_session=False)
    )
    if changed.rowcount != 1:
        raise ServiceError("error.litigation.request_not_open")
    db.exec(
        update(AgencyOffer)
        .where(AgencyOffer.request_id == request.id)
        .values(status=OfferStatus.CLOSED)
        .execution_options(synchronize_session=False)
    )
    workflow.record_event(db, request.case_id, actor, "agency_withdrawn")
