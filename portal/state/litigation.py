"""Litigation agency: the request form, the request page and the lawyer's list."""

import reflex as rx

from portal import routes
from portal.services import engagements, litigation, workflow
from portal.services.errors import NotFound, ServiceError, ValidationFailed
from portal.state.actions import run_action
from portal.state.base import SessionState


def _int_param(state: SessionState, name: str) -> int:
    try:
        return int(state.router.page.params.get(name, "0"))
    except (TypeError, ValueError):
        return 0


class AgencyRequestFormState(SessionState):
    """The consumer's form that requests full-risk agency on a case."""

    case_id: int = 0
    case_number: str = ""
    errors: dict[str, str] = {}

    @rx.event
    def open_form(self):
        self.errors = {}
        actor, redirect = self._require("consumer")
        if actor is None:
            return redirect
        self.case_id = _int_param(self, "case_id")
        try:
            existing = self._run(
                lambda db: litigation.request_for_case(db, actor, self.case_id)
            )
            _case, complaint = self._run(
                lambda db: workflow.load_case(db, actor, self.case_id)
            )
        except NotFound:
            self.case_number = ""
            return None
        if existing:
            return rx.redirect(routes.litigation_request_path(existing))
        self.case_number = complaint.number
        return None

    @rx.event
    def submit(self, form: dict):
        self.errors = {}
        actor, redirect = self._require("consumer")
        if actor is None:
            return redirect
        try:
            request = self._run(
                lambda db: litigation.request_agency(db, actor, self.case_id, form)
            )
        except ValidationFailed as failure:
            self.errors = self._field_errors(failure)
            return None
        except ServiceError as error:
            return rx.toast.error(self._error_text(error))
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)
        return [
            rx.toast.success(self._msg("litigation.requested")),
            rx.redirect(routes.litigation_request_path(request.id)),
        ]


class LitigationState(SessionState):
    """One request for agency: offers, the engagement, milestones and the fee."""

    request_id: int = 0
    found: bool = False
    facts: dict[str, str] = {}
    is_owner: bool = False
    offers: list[dict[str, str]] = []
    can_offer: bool = False
    engagement: dict[str, str] = {}
    milestones: list[dict[str, str]] = []
    errors: dict[str, str] = {}

    def _money(self, value) -> str:
        return self._format_money(value)

    def _load(self, actor) -> None:
        try:
            view = self._run(
                lambda db: litigation.request_detail(db, actor, self.request_id)
            )
        except NotFound:
            self.found = False
            return
        self.found = True
        self.is_owner = view.is_owner
        self.facts = {
            "number": view.complaint_number,
            "case_href": routes.case_path(view.case_id),
            "merchant": view.merchant_name,
            "category": self._msg(f"category.{view.category}"),
            "description": view.description,
            "type": self._msg(f"litigation.type.{view.litigation_type}"),
            "area": self._msg(f"litigation.area.{view.area}"),
            "claimed": self._money(view.claimed_amount),
            "cap": self._money(view.cap),
            "max_percent": f"{view.max_percent}%",
            "summary": view.summary,
            "status": view.status,
            "status_label": self._msg(f"litigation.status.{view.status}"),
        }
        self.offers = [
            {
                "id": str(offer.offer_id),
                "lawyer": offer.lawyer_name,
                "fee": f"{offer.fee_percent}%",
                "fee_on_claim": self._money(offer.fee_on_claim),
                "expenses": self._money(offer.expenses),
                "expenses_detail": offer.expenses_detail,
                "message": offer.message,
                "status": offer.status,
                "status_label": self._msg(f"litigation.status.{offer.status}"),
            }
            for offer in view.offers
        ]
        self.can_offer = (
            actor.role.value == "lawyer"
            and view.status == "open"
            and not any(offer.status == "pending" for offer in view.offers)
        )
        self._load_engagement(actor, view.engagement_id)

    def _load_engagement(self, actor, engagement_id: int | None) -> None:
        self.engagement = {}
        self.milestones = []
        if engagement_id is None:
            return
        try:
            detail = self._run(
                lambda db: engagements.engagement_detail(db, actor, engagement_id)
            )
        except NotFound:
            return
        self.engagement = {
            "id": str(detail.engagement_id),
            "status": detail.status,
            "status_label": self._msg(f"litigation.status.{detail.status}"),
            "lawyer": detail.lawyer_name,
            "consumer": detail.consumer_name,
            "fee_percent": f"{detail.fee_percent:.2f}%",
            "agreement": detail.agreement_text,
            "consumer_confirmed": self._format_time(detail.consumer_confirmed_at),
            "lawyer_confirmed": self._format_time(detail.lawyer_confirmed_at),
            "recovered": self._money(detail.recovered_amount)
            if detail.recovered_amount is not None
            else "",
            "fee_due": self._money(detail.fee_due)
            if detail.fee_due is not None
            else "",
            "is_consumer": "1" if detail.is_consumer else "",
            "is_lawyer": "1" if detail.is_lawyer else "",
            "may_confirm": "1"
            if detail.status == "agreement_pending"
            and (
                (detail.is_consumer and detail.consumer_confirmed_at is None)
                or (detail.is_lawyer and detail.lawyer_confirmed_at is None)
            )
            else "",
        }
        self.milestones = [
            {
                "at": self._format_time(event.at),
                "title": self._msg(f"event.{event.kind}"),
                "note": event.note,
            }
            for event in reversed(detail.milestones)
        ]

    def _act(self, action, success_key: str, role: str | None = None):
        return run_action(self, action, success_key, *([role] if role else []))

    def _engagement_id(self) -> int:
        try:
            return int(self.engagement.get("id", "0"))
        except ValueError:
            return 0

    @rx.event
    def open_request(self):
        self.errors = {}
        actor, redirect = self._require()
        if actor is None:
            return redirect
        self.request_id = _int_param(self, "request_id")
        self._load(actor)
        return None

    @rx.event
    def make_offer(self, form: dict):
        return self._act(
            lambda db, actor: litigation.make_offer(db, actor, self.request_id, form),
            "litigation.offer_made",
            "lawyer",
        )

    @rx.event
    def accept(self, offer_id: str):
        try:
            chosen = int(offer_id)
        except (TypeError, ValueError):
            chosen = 0
        return self._act(
            lambda db, actor: litigation.accept_offer(db, actor, chosen),
            "litigation.accepted",
            "consumer",
        )

    @rx.event
    def withdraw(self):
        return self._act(
            lambda db, actor: litigation.withdraw_request(db, actor, self.request_id),
            "litigation.withdrawn",
            "consumer",
        )

    @rx.event
    def confirm_agreement(self):
        engagement_id = self._engagement_id()
        return self._act(
            lambda db, actor: engagements.confirm_agreement(db, actor, engagement_id),
            "litigation.confirmed",
        )

    @rx.event
    def record_milestone(self, form: dict):
        engagement_id = self._engagement_id()
        kind = str(form.get("kind", ""))
        return self._act(
            lambda db, actor: engagements.record_milestone(
                db, actor, engagement_id, kind, form
            ),
            "litigation.recorded",
            "lawyer",
        )

    @rx.event
    def close(self, form: dict):
        engagement_id = self._engagement_id()
        return self._act(
            lambda db, actor: engagements.close_engagement(
                db, actor, engagement_id, form.get("recovered_amount")
            ),
            "litigation.closed",
            "lawyer",
        )

    @rx.event
    def settle(self):
        engagement_id = self._engagement_id()
        return self._act(
            lambda db, actor: engagements.confirm_settlement(db, actor, engagement_id),
            "litigation.settled",
            "consumer",
        )


class LawyerLitigationState(SessionState):
    """The lawyer's list: open requests in their areas and their engagements."""

    requests: list[dict[str, str]] = []
    engagements: list[dict[str, str]] = []
    allowed: bool = False

    @rx.event
    def open_list(self):
        actor, redirect = self._require("lawyer")
        if actor is None:
            return redirect
        try:
            rows = self._run(lambda db: litigation.list_open_requests(db, actor))
        except ServiceError:
            self.allowed = False
            self.requests = []
            self.engagements = []
            return None
        self.allowed = True
        self.requests = [
            {
                "href": routes.litigation_request_path(row.request_id),
                "number": row.complaint_number,
                "merchant": row.merchant_name,
                "type": self._msg(f"litigation.type.{row.litigation_type}"),
                "claimed": self._format_money(row.claimed_amount),
                "cap": self._format_money(row.cap),
                "created_at": self._format_time(row.created_at),
            }
            for row in rows
        ]
        owned = self._run(lambda db: engagements.list_lawyer_engagements(db, actor))
        self.engagements = [
            {
                "href": routes.litigation_request_path(row.request_id),
                "status_label": self._msg(f"litigation.status.{row.status}"),
                "created_at": self._format_time(row.created_at),
            }
            for row in owned
        ]
        return None


class CaseLitigationLinkState(SessionState):
    """Links from the case page to its agency request and its merchant's page."""

    agency_href: str = ""
    agency_key: str = ""
    merchant_href: str = ""

    @rx.event
    def load_links(self):
        self.agency_href = ""
        self.merchant_href = ""
        actor = self._actor()
        if actor is None:
            return
        case_id = _int_param(self, "case_id")
        try:
            request_id = self._run(
                lambda db: litigation.request_for_case(db, actor, case_id)
            )
            _case, complaint = self._run(
                lambda db: workflow.load_case(db, actor, case_id)
            )
        except NotFound:
            return
        self.merchant_href = routes.merchant_path(complaint.merchant_id)
        if request_id:
            self.agency_href = routes.litigation_request_path(request_id)
            self.agency_key = "view"
        elif complaint.consumer_id == actor.user_id:
            self.agency_href = routes.agency_request_path(case_id)
            self.agency_key = "open"
