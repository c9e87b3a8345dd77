"""A headless portal client that speaks Reflex's websocket protocol.

It does what the browser does for a consultation page, without a browser:
connect to ``/_event`` with a tab token, send ``hydrate_and_load`` with the
session cookie's value, send ``ChatState.send`` events and read the state
deltas the server pushes. The protocol details come from the installed
Reflex 0.10.1 (``reflex_base/.templates/web/utils/state.js`` and
``reflex/state.py``); another Reflex version may need changes here.
"""

import asyncio
import time
import uuid
from collections.abc import Callable
from typing import Any

import socketio

from portal.state.base import SessionState
from portal.state.consultation_chat import ChatState

ROOT_STATE = SessionState.get_parent_state().get_full_name()
SESSION_VAR = f"{SessionState.get_full_name()}.session_token"
CHAT_STATE = ChatState.get_full_name()
# Reflex serves socket.io at /_event and uses the same path as the namespace.
EVENT_PATH = "/_event"


def _field(delta: dict[str, Any], name: str) -> Any:
    """Return a var from a state delta, whatever suffix the version gives it."""
    for key, value in delta.items():
        if key == name or key.startswith(name + "_rx_state"):
            return value
    return None


class ChatClient:
    """One participant's open consultation page."""

    def __init__(
        self,
        base_url: str,
        session_token: str,
        consultation_id: int,
        on_messages: Callable[[list[dict[str, str]]], None] | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.session_token = session_token
        self.consultation_id = consultation_id
        self.on_messages = on_messages
        self.tab_token = str(uuid.uuid4())
        self.messages: list[dict[str, str]] = []
        self.status = ""
        self.found = asyncio.Event()
        self.draft_id = ""
        self._socket = socketio.AsyncClient(reconnection=False)
        self._socket.on("event", self._receive, namespace=EVENT_PATH)

    def _router_data(self) -> dict[str, Any]:
        path = f"/consultations/{self.consultation_id}"
        return {
            "pathname": path,
            "asPath": path,
            "query": {"consultation_id": str(self.consultation_id)},
        }

    async def connect(self, timeout: float = 30.0) -> None:
        """Open the socket, hydrate the page and wait until the chat is loaded."""
        await self._socket.connect(
            f"{self.base_url}?token={self.tab_token}",
            socketio_path=EVENT_PATH,
            namespaces=[EVENT_PATH],
            transports=["websocket"],
            headers={"Origin": self.base_url},
            wait_timeout=timeout,
        )
        await self._emit(
            f"{ROOT_STATE}.hydrate_and_load",
            {"vars": {SESSION_VAR: self.session_token}},
        )
        await asyncio.wait_for(self.found.wait(), timeout)

    async def _emit(self, name: str, payload: dict[str, Any]) -> None:
        await self._socket.emit(
            "event",
            {"name": name, "payload": payload, "router_data": self._router_data()},
            namespace=EVENT_PATH,
        )

    async def send(self, body: str, client_id: str | None = None) -> str:
        """Send a text message; returns the client id it was sent under."""
        client_id = client_id or uuid.uuid4().hex
        await self._emit(
            f"{CHAT_STATE}.send", {"form": {"client_id": client_id, "body": body}}
        )
        return client_id

    async def _receive(self, update: dict[str, Any]) -> None:
        delta = (update or {}).get("delta", {}).get(CHAT_STATE)
        if not delta:
            return
        status = _field(delta, "status")
        if status is not None:
            self.status = status
        messages = _field(delta, "messages")
        if messages is not None:
            self.messages = messages
            if self.on_messages is not None:
                self.on_messages(messages)
        if _field(delta, "found") is True:
            self.found.set()

    async def wait_for_text(self, text: str, timeout: float = 10.0) -> float:
        """Wait until a message containing ``text`` is shown; returns seconds."""
        started = time.perf_counter()
        while not any(text in row.get("body", "") for row in self.messages):
            if time.perf_counter() - started > timeout:
                raise TimeoutError(f"no message containing {text!r} within {timeout} s")
            await asyncio.sleep(0.01)
        return time.perf_counter() - started

    async def close(self) -> None:
        await self._socket.disconnect()
