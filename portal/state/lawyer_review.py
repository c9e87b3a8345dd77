"""Admin states of credential review: the queue, one application, the log."""

from datetime import timedelta

import reflex as rx

from portal import realtime, routes
from portal.models import ApplicationStatus
from portal.services import credential_review
from portal.services.credential_transitions import TRANSITIONS
from portal.services.errors import NotFound, ServiceError, ValidationFailed
from portal.state.base import SessionState
from portal.state.lawyer_application import file_rows, option_label


def _waiting_text(state: SessionState, waiting: timedelta | None) -> str:
    if waiting is None:
        return state._msg("common.none")
    seconds = waiting.total_seconds()
    hours = int(seconds // 3600)
    if hours >= 48:
        return state._msg("lawyer.waiting.days", days=hours // 24)
    if hours >= 1:
        return state._msg("lawyer.waiting.hours", hours=hours)
    return state._msg("lawyer.waiting.minutes", minutes=max(0, int(seconds // 60)))


class LawyerQueueState(SessionState):
    """Applications waiting for review, oldest first, or those of one status."""

    rows: list[dict[str, str]] = []
    status_filter: str = ""

    def _load(self):
        actor, redirect = self._require("admin")
        if actor is None:
            return redirect
        result = self._run(
            lambda db: credential_review.review_queue(db, actor, self.status_filter)
        )
        self.rows = [
            {
                "href": routes.lawyer_review_path(row.profile_id),
                "real_name": row.real_name or row.account_name,
                "account": row.account_name,
                "firm": row.firm_name,
                "status": row.status,
                "status_label": self._msg(f"lawyer.status.{row.status}"),
                "submitted_at": self._format_time(row.submitted_at),
                "waiting": _waiting_text(self, row.waiting),
            }
            for row in result
        ]
        return None

    @rx.event
    def open_queue(self):
        self.status_filter = ""
        return self._load()

    @rx.event
    def filter_queue(self, form: dict):
        status = str(form.get("status") or "")
        valid = {item.value for item in ApplicationStatus}
        self.status_filter = status if status in valid else ""
        return self._load()


class LawyerReviewState(SessionState):
    """One application on the review desk, with findings, history and actions."""

    profile_id: int = 0
    found: bool = False
    facts: dict[str, str] = {}
    areas: list[str] = []
    files: list[dict[str, str]] = []
    findings: list[dict[str, str]] = []
    history: list[dict[str, str]] = []
    actions: list[dict[str, str]] = []
    errors: dict[str, str] = {}

    _applicant_id: int = 0

    def _load(self, actor) -> None:
        try:
            detail = self._run(
                lambda db: credential_review.review_detail(db, actor, self.profile_id)
            )
        except NotFound:
            self.found = False
            return
        self.found = True
        self._applicant_id = detail.account_id
        view = detail.application
        self.facts = {
            "status": view.status,
            "status_label": self._msg(f"lawyer.status.{view.status}"),
            "real_name": view.real_name,
            "account": detail.account_name,
            "contact": detail.account_contact,
            "licence_no": view.licence_no,
            "firm_name": view.firm_name,
            "firm_uscc": view.firm_uscc,
            "firm_href": routes.law_firm_path(view.firm_id) if view.firm_id else "",
            "region": option_label(self, "region", view.region),
            "years": str(view.years_in_practice),
            "statement": view.statement,
            "reviewer_message": view.reviewer_message,
            "submitted_at": self._format_time(view.submitted_at),
            "profile_href": routes.lawyer_profile_path(view.profile_id),
        }
        self.areas = [option_label(self, "area", area) for area in view.areas]
        self.files = file_rows(self, view.files)
        self.findings = [
            {"level": item.level, "text": self._msg(item.key, **item.params)}
            for item in detail.findings
        ]
        self.history = [log_row(self, entry) for entry in detail.history]
        self.actions = [self._action_row(action) for action in detail.actions]

    def _action_row(self, action: str) -> dict[str, str]:
        needs_reason = TRANSITIONS[action].reason_required
        return {
            "action": action,
            "label": self._msg(f"lawyer.action.{action}"),
            "needs_reason": "1" if needs_reason else "",
            "reason_label": self._msg(f"lawyer.action.{action}.reason")
            if needs_reason
            else "",
        }

    @rx.event
    def open_review(self):
        self.errors = {}
        actor, redirect = self._require("admin")
        if actor is None:
            return redirect
        try:
            self.profile_id = int(self.router.page.params.get("profile_id", "0"))
        except ValueError:
            self.profile_id = 0
        self._load(actor)
        return None

    @rx.event
    async def decide(self, form: dict):
        self.errors = {}
        actor, redirect = self._require("admin")
        if actor is None:
            return redirect
        action = str(form.get("action") or "")
        reason = str(form.get("reason") or "")[:2000]
        try:
            status = self._run(
                lambda db: credential_review.decide(
                    db, actor, self.profile_id, action, reason
                )
            )
        except ValidationFailed as failure:
            self.errors = {
                f"reason_{action}": self._error_text(error)
                for error in failure.errors.values()
            }
            return None
        except ServiceError as error:
            self._load(actor)
            return rx.toast.error(self._error_text(error))
        except Exception as error:  # noqa: BLE001  (logged; the user sees a plain message)
            return self._unexpected(error)
        self._load(actor)
        if action == "suspend":
            # Chat pages of the lawyer's consultations show them queued again.
            await realtime.broker().publish(
                realtime.QUEUE_CHANNEL,
                {"kind": "queue", "released_lawyer": self._applicant_id},
            )
        return [
            rx.set_value(f"reason-{action}", ""),
            rx.toast.success(
                self._msg("lawyer.decided", status=self._msg(f"lawyer.status.{status}"))
            ),
        ]


def log_row(state: SessionState, entry: credential_review.LogEntry) -> dict[str, str]:
    """Turn a review log entry into a row of the log table or the history."""
    return {
        "at": state._format_time(entry.at),
        "who": f"{state._msg('role.' + entry.actor_role)} {entry.actor_name}",
        "applicant": entry.applicant,
        "href": routes.lawyer_review_path(entry.profile_id),
        "action": state._msg(f"lawyer.action.{entry.action}"),
        "change": (
            f"{state._msg('lawyer.status.' + entry.from_status)} → "
            f"{state._msg('lawyer.status.' + entry.to_status)}"
        ),
        "reason": entry.reason,
    }


class ReviewLogState(SessionState):
    """The review log, newest first. This state offers no event that changes it."""

    entries: list[dict[str, str]] = []

    @rx.event
    def open_log(self):
        actor, redirect = self._require("admin")
        if actor is None:
            return redirect
        entries = self._run(lambda db: credential_review.audit_log(db, actor))
        self.entries = [log_row(self, entry) for entry in entries]
        return None
