"""A websocket client that sends hand-made Reflex events, as a hostile browser could.

It signs in with a real session token through the same client-storage update
a browser makes from its cookie, then calls any event handler by name with any
arguments. Tests use it to prove the services refuse what the UI never offers.
"""

import asyncio
import uuid
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import socketio

from portal.state.base import SessionState

EVENT_NAMESPACE = "/_event"
T = TypeVar("T")


class CraftedClient:
    """One forged browser session against a running portal."""

    def __init__(self, base_url: str, session_token: str) -> None:
        self.base_url = base_url
        self.session_token = session_token
        self.client_token = str(uuid.uuid4())
        self.deltas: list[dict[str, Any]] = []
        self._sio = socketio.AsyncClient(reconnection=False)
        self._sio.on("event", self._record, namespace=EVENT_NAMESPACE)

    async def _record(self, data: dict[str, Any]) -> None:
        self.deltas.append(data)

    async def __aenter__(self) -> "CraftedClient":
        await self._sio.connect(
            f"{self.base_url}?token={self.client_token}",
            socketio_path="/_event",
            namespaces=[EVENT_NAMESPACE],
            transports=["websocket"],
        )
        cookie_var = f"{SessionState.get_full_name()}.session_token"
        await self.send(
            "reflex___state____state.reflex___state____update_vars_internal_state"
            ".update_vars_internal",
            {"vars": {cookie_var: self.session_token}},
        )
        return self

    async def __aexit__(self, *_exc) -> None:
        await self._sio.disconnect()

    async def send(
        self,
        handler: str,
        payload: dict[str, Any],
        pathname: str = "/",
        query: dict[str, str] | None = None,
        settle_seconds: float = 1.0,
    ) -> None:
        """Emit one event to ``handler`` (its full dotted name) and wait for replies."""
        await self._sio.emit(
            "event",
            namespace=EVENT_NAMESPACE,
            data={
                "name": handler,
                "payload": payload,
                "router_data": {
                    "pathname": pathname,
                    "asPath": pathname,
                    "query": query or {},
                },
            },
        )
        await asyncio.sleep(settle_seconds)

    def delivered_values(self, var: str) -> list[Any]:
        """Return every value of ``var`` (a short name) found in the received deltas."""
        values = []
        for message in self.deltas:
            for state_values in (message.get("delta") or {}).values():
                for key, value in state_values.items():
                    if key.removesuffix("_rx_state_") == var:
                        values.append(value)
        return values


def handler_name(state: type, method: str) -> str:
    """Return the full event name of ``state.method``."""
    return f"{state.get_full_name()}.{method}"


def run_isolated(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` on a fresh event loop in its own thread.

    Playwright's sync API keeps an event loop running in the test thread, so
    ``asyncio.run`` cannot be called there once a browser has started.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
