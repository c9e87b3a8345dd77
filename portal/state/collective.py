"""Collective actions: admin candidates, the action page, lists and merchant pages."""

import reflex as rx

from portal import routes
from portal.services import collective, collective_groups
from portal.services.errors import NotFound, ServiceError, ValidationFailed
from portal.state.actions import run_action
from portal.state.base import SessionState
from portal.state.litigation import _int_param


class CollectiveAdminState(SessionState):
    """Candidate groups of ten or more, each with a form to open an action."""

    groups: list[dict[str, str]] = []
    errors: dict[str, str] = {}

    def _load(self, actor) -> None:
        groups = self._run(lambda db: collective_groups.candidate_groups(db, actor))
        self.groups = [
            {
                "key": f"{group.merchant_id}-{group.category}",
                "merchant_id": str(group.merchant_id),
                "merchant": group.merchant_name,
                "category": group.category,
                "category_label": self._msg(f"category.{group.category}"),
                "size": str(group.size),
                "period": f"{group.first_date.isoformat()} ~ "
                f"{group.last_date.isoformat()}",
                "action_href": routes.collective_action_path(group.open_action_id)
                if group.open_action_id
                else "",
            }
            for group in groups
        ]

    @rx.event
    def open_page(self):
        self.errors = {}
        actor, redirect = self._require("admin")
        if actor is None:
            return redirect
        self._load(actor)
        return None

    @rx.event
    def open_action(self, form: dict):
        self.errors = {}
        actor, redirect = self._require("admin")
        if actor is None:
            return redirect
        try:
            merchant_id = int(form.get("merchant_id", "0"))
        except (TypeError, ValueError):
            merchant_id = 0
        key = f"{merchant_id}-{form.get('category', '')}"
        try:
            action = self._run(
                lambda db: collective.open_action(db, actor, merchant_id, form)
            )
        except ValidationFailed as failure:
            self.errors = {
                f"{key}-{field}": text
                for field, text in self._field_errors(failure).items()
            }
            return None
        except ServiceError as error:
            return rx.toast.error(self._error_text(error))
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)
        return [
            rx.toast.success(self._msg("collective.opened")),
            rx.redirect(routes.collective_action_path(action.id)),
        ]


class CollectiveState(SessionState):
    """One collective action as the signed-in user may see it."""

    action_id: int = 0
    found: bool = False
    summary: dict[str, str] = {}
    updates: list[dict[str, str]] = []
    candidates: list[dict[str, str]] = []
    members: list[dict[str, str]] = []
    joinable: list[dict[str, str]] = []
    my_status: str = ""
    my_candidate: bool = False
    is_lead: bool = False
    may_manage: bool = False
    may_lead: bool = False
    errors: dict[str, str] = {}

    def _load(self, actor) -> None:
        try:
            detail = self._run(
                lambda db: collective.action_detail(db, actor, self.action_id)
            )
        except NotFound:
            self.found = False
            return
        self.found = True
        s = detail.summary
        self.summary = {
            "title": s.title,
            "description": s.description,
            "merchant": s.merchant_name,
            "merchant_href": routes.merchant_path(s.merchant_id),
            "category": self._msg(f"category.{s.category}"),
            "status": s.status,
            "status_label": self._msg(f"collective.status.{s.status}"),
            "member_count": str(s.member_count),
            "claimed_total": self._format_money(s.claimed_total),
            "lead": s.lead_lawyer_name,
            "fee_per_member": self._format_money(s.fee_per_member)
            if s.fee_per_member is not None
            else "",
            "fee_terms": s.fee_terms,
        }
        self.updates = [
            {"at": self._format_time(at), "body": body} for at, body in detail.updates
        ]
        self.candidates = [
            {
                "id": str(row.member_id),
                "alias": f"{self._msg('collective.member_alias')} #{row.member_id}",
                "votes": str(row.votes),
                "representative": "1" if row.representative else "",
                "mine": "1" if row.member_id in detail.my_votes else "",
            }
            for row in detail.candidates
        ]
        self.members = [
            {
                "alias": f"#{row.member_id}",
                "name": row.consumer_name,
                "number": row.complaint_number,
                "href": routes.case_path(row.case_id),
                "claimed": self._format_money(row.claimed),
                "status_label": self._msg(f"collective.status.{row.status}"),
                "representative": "1" if row.representative else "",
            }
            for row in detail.members
        ]
        self.my_status = detail.my_status
        self.my_candidate = detail.my_candidate
        self.is_lead = detail.is_lead
        self.may_manage = detail.may_manage
        self.may_lead = actor.role.value == "lawyer" and not s.lead_lawyer_name
        joinable = self._run(
            lambda db: collective.joinable_complaints(db, actor, self.action_id)
        )
        self.joinable = [
            {"id": str(complaint_id), "number": number}
            for complaint_id, number in joinable
        ]

    def _act(self, action, success_key: str):
        return run_action(self, action, success_key)

    def open_action(self):
        self.errors = {}
        actor, redirect = self._require()
        if actor is None:
            return redirect
        self.action_id = _int_param(self, "action_id")
        self._load(actor)
        return None

    @rx.event
    def join(self, form: dict):
        try:
            complaint_id = int(form.get("complaint_id", "0"))
        except (TypeError, ValueError):
            complaint_id = 0
        return self._act(
            lambda db, actor: collective.join_action(
                db, actor, self.action_id, complaint_id
            ),
            "collective.joined",
        )

    @rx.event
    def leave(self):
        return self._act(
            lambda db, actor: collective.leave_action(db, actor, self.action_id),
            "collective.left",
        )

    @rx.event
    def stand(self, standing: bool):
        return self._act(
            lambda db, actor: collective.stand_as_candidate(
                db, actor, self.action_id, bool(standing)
            ),
            "common.saved",
        )

    @rx.event
    def vote(self, form: dict):
        chosen = []
        for name, value in form.items():
            if name.startswith("vote-") and value:
                try:
                    chosen.append(int(name.removeprefix("vote-")))
                except ValueError:
                    continue
        return self._act(
            lambda db, actor: collective.vote(db, actor, self.action_id, chosen),
            "collective.voted",
        )

    @rx.event
    def take_lead(self, form: dict):
        return self._act(
            lambda db, actor: collective.take_lead(db, actor, self.action_id, form),
            "common.saved",
        )

    @rx.event
    def post_update(self, form: dict):
        return self._act(
            lambda db, actor: collective.post_update(
                db, actor, self.action_id, str(form.get("body", ""))
            ),
            "collective.posted",
        )

    @rx.event
    def elect(self, form: dict):
        try:
            seats = int(form.get("seats", "0"))
        except (TypeError, ValueError):
            seats = 0
        return self._act(
            lambda db, actor: collective.elect_representatives(
                db, actor, self.action_id, seats
            ),
            "collective.elected",
        )


def _summary_row(state: SessionState, summary, place: str = "") -> dict[str, str]:
    return {
        "href": routes.collective_action_path(summary.action_id),
        "title": summary.title,
        "merchant": summary.merchant_name,
        "category": state._msg(f"category.{summary.category}"),
        "member_count": str(summary.member_count),
        "claimed_total": state._format_money(summary.claimed_total),
        "place": state._msg(f"collective.status.{place}") if place else "",
    }


class CollectiveListState(SessionState):
    """The consumer's invitations and actions, or every open action for others."""

    rows: list[dict[str, str]] = []

    @rx.event
    def open_list(self):
        actor, redirect = self._require()
        if actor is None:
            return redirect
        rows = self._run(lambda db: collective.my_actions(db, actor))
        self.rows = [_summary_row(self, summary, place) for summary, place in rows]
        return None


class MerchantState(SessionState):
    """A merchant's public page with its open collective actions."""

    found: bool = False
    name: str = ""
    actions: list[dict[str, str]] = []

    @rx.event
    def open_merchant(self):
        actor = self._actor()
        merchant_id = _int_param(self, "merchant_id")
        try:
            name, actions = self._run(
                lambda db: collective.actions_for_merchant(db, actor, merchant_id)
            )
        except NotFound:
            self.found = False
            return
        self.found = True
        self.name = name
        self.actions = [_summary_row(self, summary) for summary in actions]
