"""The consultation page: live chat between the consumer and the lawyer.

The page contains at most ``MAX_VISIBLE`` messages. Older ones are fetched
a page at a time when the reader scrolls to the top. A background task per open
page listens for notes (``portal.realtime``), so delivery works across workers
whenever the broker does. A message note carries the stored message: the
reader checks its access, moves its read mark and shows the message without
reading it back, and loads from the database only when a sequence number was
skipped.
"""

import asyncio
import logging
import time
import uuid
from collections.abc import Callable
from datetime import datetime

import reflex as rx
from sqlmodel import Session

from portal import realtime, routes
from portal.services import consultation_messages as chat_messages
from portal.services import consultations, evidence
from portal.services.actors import Actor
from portal.services.auth import resolve_session
from portal.services.errors import (
    FieldError,
    NotFound,
    ServiceError,
    ValidationFailed,
)
from portal.state.base import SessionState

logger = logging.getLogger(__name__)

MAX_VISIBLE = 200
TYPING_SHOWN_SECONDS = 4.0
TYPING_SENT_EVERY_SECONDS = 2.0
# A listener wakes at least this often to check that its tab is still there.
IDLE_CHECK_SECONDS = 15.0
UPLOAD_ID = "chat_file"
MESSAGE_BOX_ID = "message-body"
SCROLL_TO_END = (
    "var log = document.getElementById('chat-log');"
    " if (log) { log.scrollTop = log.scrollHeight; }"
)


async def _tab_connected(token: str) -> bool:
    """Tell whether the browser tab ``token`` still has a socket on any worker."""
    from reflex.utils.prerequisites import get_app

    namespace = get_app().app.event_namespace
    if namespace is None:
        return False
    # NOTE: _token_manager is private Reflex API (0.10.1), used because it is
    # the only record of whether a tab is still connected.
    return await namespace._token_manager.is_token_connected(token)


async def _next_note(inbox: asyncio.Queue, typing_until: float | None) -> dict | None:
    """Wait for a note; None once the typing indicator is due to hide or when idle."""
    timeout = IDLE_CHECK_SECONDS
    if typing_until is not None:
        timeout = max(0.05, typing_until - time.monotonic())
    try:
        return await asyncio.wait_for(inbox.get(), timeout)
    except TimeoutError:
        return None


def _message_note(view: chat_messages.MessageView) -> dict:
    """Return a stored message as plain JSON values, to travel in a note."""
    return {
        "seq": view.seq,
        "sender_id": view.sender_id,
        "sender_name": view.sender_name,
        "client_id": view.client_id,
        "body": view.body,
        "file_id": view.file_id,
        "file_name": view.file_name,
        "file_type": view.file_type,
        "created_at": view.created_at.isoformat(),
    }


def _noted_message(data: object) -> chat_messages.MessageView | None:
    """Rebuild the message a note carries; None if it has none or it is invalid."""
    if not isinstance(data, dict):
        return None
    try:
        return chat_messages.MessageView(
            **{**data, "created_at": datetime.fromisoformat(data["created_at"])}
        )
    except (KeyError, TypeError, ValueError):
        logger.warning("ignored a malformed message note: %r", data)
        return None


def _releases(note: dict, participant_ids: list[int]) -> bool:
    """Tell whether a queue note returns this consultation's lawyer's chats."""
    released = note.get("released_lawyer")
    return released is not None and released in participant_ids[1:]


def _is_irrelevant(
    note: dict, tab: str, waiting: bool, participant_ids: list[int]
) -> bool:
    """Tell whether a note can be dropped without taking the state lock.

    This tab has already shown the effect of its own notes. Queue changes
    matter only to a page that is waiting in the queue, or whose lawyer was
    suspended.
    """
    if note.get("tab") == tab and note.get("kind") != "status":
        return True
    if note.get("kind") != "queue":
        return False
    return not waiting and not _releases(note, participant_ids)


class ChatState(SessionState):
    """One consultation, as shown to its consumer, its lawyer or an admin."""

    consultation_id: int = 0
    found: bool = False
    status: str = ""
    my_part: str = ""
    info: dict[str, str] = {}
    messages: list[dict[str, str]] = []
    has_older: bool = False
    peer_typing: bool = False
    queue_position: int = 0
    queue_minutes: int = 0
    draft_id: str = ""
    peer_read_seq: int = 0
    errors: dict[str, str] = {}

    _listen_generation: int = 0
    _last_seq: int = 0
    _typing_until: float = 0.0
    _typing_sent_at: float = 0.0
    _participant_ids: list[int] = []
    _user_id: int = 0

    def _message_row(
        self, actor: Actor, view: chat_messages.MessageView
    ) -> dict[str, str]:
        mine = view.sender_id == actor.user_id
        return {
            "seq": str(view.seq),
            "mine": "1" if mine else "",
            "sender": view.sender_name,
            "body": view.body,
            "at": self._format_time(view.created_at),
            "file_name": view.file_name,
            "file_href": routes.consultation_file_path(view.file_id)
            if view.file_id
            else "",
            "is_image": "1" if view.file_type.startswith("image/") else "",
        }

    def _fill_info(self, actor: Actor, view: consultations.ConsultationView) -> None:
        self._user_id = actor.user_id
        if view.consumer_id == actor.user_id:
            self.my_part = "consumer"
            self.peer_read_seq = view.lawyer_read_seq
        elif view.lawyer_id == actor.user_id:
            self.my_part = "lawyer"
            self.peer_read_seq = view.consumer_read_seq
        else:
            self.my_part = "admin"
            self.peer_read_seq = 0
        self.status = view.status
        self._participant_ids = [view.consumer_id] + (
            [view.lawyer_id] if view.lawyer_id else []
        )
        self.info = {
            "topic": f"consultation.topic.{view.topic}",
            "question": view.question,
            "status_label": f"consultation.status.{view.status}",
            "case_number": view.case_number,
            "case_href": routes.case_path(view.case_id) if view.case_id else "",
            "consumer": view.consumer_name,
            "lawyer": view.lawyer_name,
            "created_at": self._format_time(view.created_at),
            "summary": view.summary,
            "recommendation": f"consultation.recommendation.{view.recommendation}"
            if view.recommendation
            else "",
            "rating": str(view.rating or ""),
            "rating_comment": view.rating_comment,
        }

    def _load_info(self, db, actor: Actor) -> None:
        view = consultations.get(db, actor, self.consultation_id)
        self._fill_info(actor, view)
        place = (
            consultations.queue_place(db, actor, self.consultation_id)
            if view.status == "waiting"
            else None
        )
        self.queue_position = place.position if place else 0
        self.queue_minutes = place.estimated_minutes if place else 0

    def _load_newest(self, db, actor: Actor) -> None:
        page = chat_messages.history(db, actor, self.consultation_id)
        self.messages = [self._message_row(actor, view) for view in page]
        self.has_older = bool(page) and page[0].seq > 1
        self._last_seq = page[-1].seq if page else 0

    def _append(self, actor: Actor, views: list[chat_messages.MessageView]) -> None:
        """Append messages newer than the newest shown, keeping MAX_VISIBLE."""
        fresh = [view for view in views if view.seq > self._last_seq]
        if not fresh:
            return
        rows = self.messages + [self._message_row(actor, view) for view in fresh]
        if len(rows) > MAX_VISIBLE:
            rows = rows[-MAX_VISIBLE:]
            self.has_older = True
        self.messages = rows
        self._last_seq = fresh[-1].seq

    def _mark_read(self, db, actor: Actor) -> int:
        if self.my_part == "admin" or not self._last_seq:
            return 0
        return chat_messages.mark_read(db, actor, self.consultation_id, self._last_seq)

    async def _announce(self, actor: Actor, kind: str, **fields) -> None:
        """Publish a note about this consultation for the other side's pages."""
        note = {
            "kind": kind,
            "from": actor.user_id,
            "tab": self.router.session.client_token,
            **fields,
        }
        notes = [(realtime.consultation_channel(self.consultation_id), note)]
        if kind in ("message", "status", "read"):
            # Lists of consultations need the counts only, not the message.
            brief = {key: value for key, value in note.items() if key != "message"}
            notes += [
                (realtime.user_channel(user_id), brief)
                for user_id in self._participant_ids
            ]
        if kind == "status":
            notes.append((realtime.QUEUE_CHANNEL, {**note, "kind": "queue"}))
        await realtime.broker().publish_all(notes)

    @rx.event
    async def open(self):
        """Load the consultation named in the URL and start listening for notes."""
        self.errors = {}
        self.peer_typing = False
        self._lose_access()
        # Any listener of the page this tab showed before stops at its next note.
        self._listen_generation += 1
        actor, redirect = self._require()
        if actor is None:
            return redirect
        try:
            self.consultation_id = int(
                self.router.page.params.get("consultation_id", "0")
            )
        except ValueError:
            self.consultation_id = 0

        def load(db):
            self._load_info(db, actor)
            self._load_newest(db, actor)
            return self._mark_read(db, actor)

        try:
            read_seq = self._run(load)
        except NotFound:
            return None
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)
        self.found = True
        self.draft_id = uuid.uuid4().hex
        if read_seq:
            await self._announce(actor, "read", seq=read_seq)
        return [ChatState.listen, rx.call_script(SCROLL_TO_END)]

    @rx.event(background=True)
    async def listen(self):
        """Apply notes about this consultation until the tab leaves or closes."""
        async with self:
            generation = self._listen_generation
            consultation_id = self.consultation_id
            token = self.router.session.client_token
            waiting = self.status == "waiting"
            participant_ids = list(self._participant_ids)
        channels = (
            realtime.consultation_channel(consultation_id),
            realtime.QUEUE_CHANNEL,
        )
        typing_until: float | None = None
        async with realtime.broker().subscribe(*channels) as inbox:
            while True:
                note = await _next_note(inbox, typing_until)
                idle = note is None and typing_until is None
                if idle and not await _tab_connected(token):
                    logger.info(
                        "stopped listening to consultation %s: tab closed",
                        consultation_id,
                    )
                    return
                if note is not None and _is_irrelevant(
                    note, token, waiting, participant_ids
                ):
                    continue
                try:
                    async with self:
                        if self._listen_generation != generation or not self.found:
                            return
                        await self._apply(note)
                        typing_until = self._typing_until if self.peer_typing else None
                        waiting = self.status == "waiting"
                        participant_ids = list(self._participant_ids)
                except Exception:  # noqa: BLE001  (one failed note must not end it)
                    # The state was not saved, so the next message note loads
                    # everything after the last message this page shows.
                    logger.exception(
                        "consultation %s: applying a note failed", consultation_id
                    )

    async def _apply(self, note: dict | None) -> None:
        """Update the page for one note, or for a quiet interval without one."""
        kind = note.get("kind") if note else None
        from_me = bool(note) and note.get("from") == self._user_id
        if kind is None or (kind in ("typing", "read") and from_me):
            if self.peer_typing and time.monotonic() >= self._typing_until:
                self.peer_typing = False
        elif kind == "typing":
            self.peer_typing = True
            self._typing_until = time.monotonic() + TYPING_SHOWN_SECONDS
        elif kind == "read":
            self.peer_read_seq = max(self.peer_read_seq, int(note.get("seq", 0)))
        elif kind == "message":
            await self._receive(_noted_message(note.get("message")))
        elif (
            kind == "status"
            or (kind == "queue" and self.status == "waiting")
            or (kind == "queue" and _releases(note, self._participant_ids))
        ):
            actor = self._actor()
            if actor is None:
                self._lose_access()
                return
            await self._reload_info(actor)

    def _fetch_new(self, db: Session, actor: Actor) -> chat_messages.Delivery:
        return chat_messages.receive(db, actor, self.consultation_id, self._last_seq)

    async def _receive(self, noted: chat_messages.MessageView | None) -> None:
        """Show a new message to the signed-in reader, in one transaction.

        The noted message is shown as it came when it is the next one in
        sequence; otherwise everything after the last message shown is loaded.
        """
        if noted is not None and noted.seq <= self._last_seq:
            return

        def load(db: Session):
            actor = resolve_session(db, self.session_token)
            if actor is None:
                return None, None
            if noted is not None and noted.seq == self._last_seq + 1:
                read_seq = chat_messages.mark_read(
                    db, actor, self.consultation_id, noted.seq
                )
                return actor, chat_messages.Delivery([noted], read_seq)
            return actor, self._fetch_new(db, actor)

        try:
            actor, delivery = self._run(load)
        except NotFound:
            delivery = None
        if delivery is None:
            self._lose_access()
            return
        await self._show(actor, delivery)

    async def _show(self, actor: Actor, delivery: chat_messages.Delivery) -> None:
        """Show delivered messages and tell the other side they were read."""
        if any(view.sender_id != actor.user_id for view in delivery.messages):
            self.peer_typing = False
        self._append(actor, delivery.messages)
        if delivery.read_seq and self.my_part != "admin":
            await self._announce(actor, "read", seq=delivery.read_seq)

    async def _reload_info(self, actor: Actor) -> None:
        try:
            self._run(lambda db: self._load_info(db, actor))
        except NotFound:
            self._lose_access()

    def _lose_access(self) -> None:
        """Clear the page, for a reader who signed out or lost access."""
        self.found = False
        self.info = {}
        self.messages = []
        self.has_older = False
        self._last_seq = 0

    @rx.event
    async def send(self, form: dict):
        """Store a message; it shows as sent only after the database has it."""
        self.errors = {}
        client_id = str(form.get("client_id", ""))
        body = str(form.get("body", ""))

        def store(db: Session):
            # The session is resolved in the same transaction as the write,
            # because this runs for every message.
            actor = resolve_session(db, self.session_token)
            if actor is None:
                return None, None
            view = chat_messages.send(db, actor, self.consultation_id, client_id, body)
            if view.seq <= self._last_seq + 1:
                return actor, chat_messages.Delivery([view], 0)
            # A message from the other side came first and is not shown yet.
            return actor, self._fetch_new(db, actor)

        # The form clears itself on submit, so a message that was not stored
        # goes back into the box for the writer to fix or send again.
        restore = rx.set_value(MESSAGE_BOX_ID, body)
        try:
            actor, delivery = self._run(store)
        except FieldError as error:
            self.errors = {error.field: self._error_text(error)}
            return restore
        except ServiceError as error:
            return [restore, rx.toast.error(self._error_text(error))]
        except Exception as error:  # noqa: BLE001
            return [restore, self._unexpected(error)]
        if actor is None:
            return self._require()[1]
        await self._after_send(actor, delivery)
        return None

    async def _after_send(self, actor: Actor, delivery: chat_messages.Delivery) -> None:
        """Show what was stored, with any message that arrived just before it."""
        self.draft_id = uuid.uuid4().hex
        await self._show(actor, delivery)
        sent = [view for view in delivery.messages if view.sender_id == actor.user_id]
        for view in sent:
            await self._announce(
                actor, "message", seq=view.seq, message=_message_note(view)
            )

    @rx.event
    async def send_files(self, files: list[rx.UploadFile]):
        """Store each file by the evidence rules and send it as a message."""
        self.errors = {}
        actor, redirect = self._require()
        if actor is None:
            return redirect
        events = [rx.clear_selected_files(UPLOAD_ID)]
        stored = 0
        for file in files:
            name = file.name or "file"
            data = await file.read(evidence.MAX_FILE_BYTES + 1)
            try:
                self._run(
                    lambda db, name=name, data=data: chat_messages.send(
                        db,
                        actor,
                        self.consultation_id,
                        uuid.uuid4().hex,
                        "",
                        file_id=chat_messages.attach_file(
                            db, actor, self.consultation_id, name, data
                        ),
                    )
                )
            except FieldError as error:
                self.errors = {"file": self._error_text(error)}
                break
            except ServiceError as error:
                events.append(rx.toast.error(self._error_text(error)))
                break
            except Exception as error:  # noqa: BLE001
                events.append(self._unexpected(error))
                break
            stored += 1
        if stored:
            # Files stored before a refused one are sent all the same.
            delivery = self._run(lambda db: self._fetch_new(db, actor))
            await self._after_send(actor, delivery)
        return events

    @rx.event
    async def typing(self, _value: str = ""):
        """Tell the other side that this participant is typing, at most every 2 s."""
        now = time.monotonic()
        if now - self._typing_sent_at < TYPING_SENT_EVERY_SECONDS:
            return
        actor = self._actor()
        if actor is None or self.my_part not in ("consumer", "lawyer"):
            return
        self._typing_sent_at = now
        await self._announce(actor, "typing")

    @rx.event
    def scrolled(self, scroll_top: int):
        """Load the previous page once the reader scrolls near the top."""
        try:
            near_top = int(scroll_top) < 40
        except (TypeError, ValueError):
            return None
        if near_top and self.has_older:
            return self.load_older()
        return None

    @rx.event
    def load_older(self):
        """Prepend the page of messages before the oldest one shown."""
        actor, redirect = self._require()
        if actor is None:
            return redirect
        if not self.messages:
            return None
        oldest = int(self.messages[0]["seq"])
        try:
            page = self._run(
                lambda db: chat_messages.history(
                    db, actor, self.consultation_id, before_seq=oldest
                )
            )
        except NotFound:
            self._lose_access()
            return None
        rows = [self._message_row(actor, view) for view in page] + self.messages
        # The reader is looking at old messages, so the page drops the newest.
        self.messages = rows[:MAX_VISIBLE]
        if len(rows) > MAX_VISIBLE:
            self._last_seq = int(self.messages[-1]["seq"])
        self.has_older = bool(page) and page[0].seq > 1
        # Keep the message that was at the top in view, once the page has
        # rendered the older ones above it.
        return rx.call_script(
            "setTimeout(function () {"
            f" var kept = document.querySelector('#chat-log [data-seq=\"{oldest}\"]');"
            " if (kept) { kept.scrollIntoView({block: 'start'}); } }, 50)"
        )

    async def _change(self, action: Callable[[Session, Actor], object]):
        """Run a status change, reload the page and tell the other side."""
        self.errors = {}
        actor, redirect = self._require()
        if actor is None:
            return redirect
        try:
            self._run(lambda db: action(db, actor))
        except ValidationFailed as failure:
            self.errors = self._field_errors(failure)
            return None
        except ServiceError as error:
            return rx.toast.error(self._error_text(error))
        except Exception as error:  # noqa: BLE001
            return self._unexpected(error)
        await self._reload_info(actor)
        await self._announce(actor, "status")
        return rx.toast.success(self._msg("common.saved"))

    @rx.event
    async def cancel(self):
        """Withdraw the consumer's waiting consultation."""
        return await self._change(
            lambda db, actor: consultations.cancel(db, actor, self.consultation_id)
        )

    @rx.event
    async def close(self, form: dict):
        """Close the consultation with the lawyer's summary and recommendation."""
        summary = str(form.get("summary", ""))
        recommendation = str(form.get("recommendation", ""))
        return await self._change(
            lambda db, actor: consultations.close(
                db, actor, self.consultation_id, summary, recommendation
            )
        )

    @rx.event
    async def rate(self, form: dict):
        """Record the consumer's rating of the closed consultation."""
        try:
            stars = int(str(form.get("rating", "")))
        except ValueError:
            self.errors = {"rating": self._msg("consultation.error.rating_range")}
            return None
        comment = str(form.get("rating_comment", ""))
        return await self._change(
            lambda db, actor: consultations.rate(
                db, actor, self.consultation_id, stars, comment
            )
        )
