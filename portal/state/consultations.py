"""The consumer's consultations with the question form, and the lawyer's desk."""

import asyncio
import logging

import reflex as rx

from portal import realtime, routes
from portal.models.types import utcnow
from portal.services import cases, consultations
from portal.services.actors import Actor
from portal.services.errors import (
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from portal.state.base import SessionState
from portal.state.consultation_chat import IDLE_CHECK_SECONDS, _tab_connected

logger = logging.getLogger(__name__)

QUESTION_PREVIEW_CHARS = 80


def question_preview(text: str) -> str:
    if len(text) <= QUESTION_PREVIEW_CHARS:
        return text
    return text[:QUESTION_PREVIEW_CHARS] + "…"


def _list_row(
    state: SessionState, row: consultations.ConsultationRow
) -> dict[str, str]:
    return {
        "id": str(row.id),
        "href": routes.consultation_path(row.id),
        "topic": f"consultation.topic.{row.topic}",
        "question": question_preview(row.question),
        "status": row.status,
        "status_label": f"consultation.status.{row.status}",
        "other": row.other_name,
        "created_at": state._format_time(row.created_at),
        "unread": str(row.unread) if row.unread else "",
    }


class ConsultationListState(SessionState):
    """The consumer's consultations and the form for a new question."""

    rows: list[dict[str, str]] = []
    truncated: bool = False
    case_options: list[dict[str, str]] = []
    chosen_case: str = ""
    errors: dict[str, str] = {}

    def _load(self, actor: Actor) -> None:
        def load(db):
            mine = consultations.list_mine(db, actor)
            own_cases = cases.list_my_cases(db, actor, page_size=100).rows
            return mine, own_cases

        mine, own_cases = self._run(load)
        self.rows = [_list_row(self, row) for row in mine]
        self.truncated = len(mine) >= consultations.LIST_LIMIT
        self.case_options = [
            {"value": str(row.case_id), "label": f"{row.number} · {row.merchant_name}"}
            for row in own_cases
        ]

    @rx.event
    def open(self):
        """Load the list; ``?case=ID`` preselects the case to ask about."""
        self.errors = {}
        actor, redirect = self._require("consumer")
        if actor is None:
            return redirect
        self.chosen_case = str(self.router.page.params.get("case", ""))[:12]
        self._load(actor)
        return None

    @rx.event
    async def start(self, form: dict):
        """Queue the question and open its consultation page."""
        self.errors = {}
        actor, redirect = self._require("consumer")
        if actor is None:
            return redirect
        raw_case = str(form.get("case_id", "")).strip()
        if raw_case and not raw_case.isdigit():
            self.errors = {"case_id": self._msg("consultation.error.case_not_yours")}
            return None
        try:
            view = self._run(
                lambda db: consultations.start(
                    db,
                    actor,
                    str(form.get("topic", "")),
                    str(form.get("question", "")),
                    int(raw_case) if raw_case else None,
                )
            )
        except ValidationFailed as failure:
            self.errors = self._field_errors(failure)
            return None
        except ServiceError as error:
            return rx.toast.error(self._error_text(error))
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)
        await realtime.broker().publish(
            realtime.QUEUE_CHANNEL, {"kind": "queue", "from": actor.user_id}
        )
        return rx.redirect(routes.consultation_path(view.id))


class LawyerDeskState(SessionState):
    """An approved lawyer's duty switch, the waiting queue and open consultations."""

    approved: bool = False
    on_duty: bool = False
    queue: list[dict[str, str]] = []
    mine: list[dict[str, str]] = []

    _listen_generation: int = 0

    def _load(self, actor: Actor) -> None:
        def load(db):
            on_duty = consultations.is_on_duty(db, actor)
            queue = consultations.waiting_queue(db, actor) if on_duty else []
            return on_duty, queue, consultations.list_mine(db, actor)

        try:
            self.on_duty, queue, mine = self._run(load)
        except PermissionDenied:
            self.approved = False
            self.on_duty = False
            self.queue = []
            self.mine = []
            return
        self.approved = True
        self.queue = [
            {
                "id": str(entry.id),
                "topic": f"consultation.topic.{entry.topic}",
                "question": question_preview(entry.question),
                "waiting_since": self._format_time(entry.created_at),
                "waited_minutes": str(
                    int((utcnow() - entry.created_at).total_seconds() // 60)
                ),
                "case_number": entry.case_number,
            }
            for entry in queue
        ]
        self.mine = [_list_row(self, row) for row in mine if row.status == "active"]

    @rx.event
    def open(self):
        """Load the desk and start listening for queue changes and messages."""
        actor, redirect = self._require("lawyer")
        if actor is None:
            return redirect
        self._load(actor)
        if not self.approved:
            return None
        self._listen_generation += 1
        return LawyerDeskState.listen

    @rx.event(background=True)
    async def listen(self):
        """Reload the desk on every queue or message note, until the tab leaves."""
        async with self:
            generation = self._listen_generation
            token = self.router.session.client_token
            actor = self._actor()
        if actor is None:
            return
        channels = (realtime.QUEUE_CHANNEL, realtime.user_channel(actor.user_id))
        async with realtime.broker().subscribe(*channels) as inbox:
            while True:
                try:
                    await asyncio.wait_for(inbox.get(), IDLE_CHECK_SECONDS)
                except TimeoutError:
                    if not await _tab_connected(token):
                        return
                    continue
                async with self:
                    if self._listen_generation != generation:
                        return
                    self._load(actor)

    @rx.event
    async def set_duty(self, on_duty: bool):
        """Go on or off duty."""
        actor, redirect = self._require("lawyer")
        if actor is None:
            return redirect
        try:
            self._run(lambda db: consultations.set_duty(db, actor, bool(on_duty)))
        except ServiceError as error:
            return rx.toast.error(self._error_text(error))
        self._load(actor)
        return None

    @rx.event
    async def pick_up(self, consultation_id: str):
        """Take a waiting consultation; only one lawyer gets each."""
        actor, redirect = self._require("lawyer")
        if actor is None:
            return redirect
        try:
            view = self._run(
                lambda db: consultations.pick_up(db, actor, int(consultation_id))
            )
        except ValueError:
            return None
        except ServiceError as error:
            self._load(actor)
            return rx.toast.error(self._error_text(error))
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)
        broker = realtime.broker()
        note = {"kind": "status", "from": actor.user_id}
        await broker.publish(realtime.consultation_channel(view.id), note)
        await broker.publish(realtime.QUEUE_CHANNEL, {**note, "kind": "queue"})
        return rx.redirect(routes.consultation_path(view.id))
