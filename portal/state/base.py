"""The root of every portal state: the session cookie, language and messages."""

import logging
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import reflex as rx
from sqlmodel import Session

from portal import routes
from portal.db import session_scope
from portal.i18n import DEFAULT_LANGUAGE, LANGUAGES, catalogue, translate
from portal.services.actors import Actor
from portal.services.auth import resolve_session
from portal.services.errors import InvalidTransition, ServiceError, ValidationFailed
from portal.settings import get_settings

logger = logging.getLogger(__name__)

SHANGHAI = ZoneInfo("Asia/Shanghai")
T = TypeVar("T")


def format_size(size_bytes: int) -> str:
    """Format a file size for people: bytes below 1 KB, then KB and MB."""
    if size_bytes < 1024:
        return f"{size_bytes} B"
    if size_bytes < 1024 * 1024:
        return f"{size_bytes / 1024:,.1f} KB"
    return f"{size_bytes / 1024 / 1024:,.1f} MB"


class SessionState(rx.State):
    """The signed-in account of this browser and the UI language."""

    # NOTE: Reflex writes state cookies from the page's JavaScript, so this one
    # cannot be HttpOnly. SameSite=Strict and rendering user text only as text
    # (never as HTML) limit what a script could do with it.
    session_token: str = rx.Cookie(
        "",
        name="fx_session",
        max_age=get_settings().session_days * 86400,
        same_site="strict",
    )
    lang: str = rx.Cookie(DEFAULT_LANGUAGE, name="fx_lang", max_age=365 * 86400)
    user_name: str = ""
    user_role: str = ""

    @rx.var
    def t(self) -> dict[str, str]:
        """Return all messages in the current language."""
        return catalogue(self.lang)

    @rx.var
    def signed_in(self) -> bool:
        return self.user_role != ""

    def _actor(self) -> Actor | None:
        """Resolve the session cookie on every call, so revocation acts at once."""
        with session_scope() as db:
            actor = resolve_session(db, self.session_token)
        self.user_name = actor.display_name if actor else ""
        self.user_role = actor.role.value if actor else ""
        return actor

    def _msg(self, key: str, **params: Any) -> str:
        return translate(self.lang, key, **params)

    def _error_text(self, error: ServiceError) -> str:
        params = dict(error.params)
        if isinstance(error, InvalidTransition):
            params["from_status"] = self._msg(f"status.{error.from_status}")
            params["to_status"] = self._msg(f"status.{error.to_status}")
        return self._msg(error.key, **params)

    def _field_errors(self, failure: ValidationFailed) -> dict[str, str]:
        return {
            field: self._error_text(error) for field, error in failure.errors.items()
        }

    def _run(self, action: Callable[[Session], T]) -> T:
        """Run ``action`` in one transaction that rolls back on any error."""
        with session_scope() as db:
            return action(db)

    def _format_time(self, value: datetime | None) -> str:
        if value is None:
            return ""
        return value.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")

    def _format_money(self, value: Decimal | None) -> str:
        if value is None:
            return self._msg("common.none")
        return self._msg("common.yuan", amount=f"{value:,.2f}")

    @rx.event
    def toggle_language(self):
        index = LANGUAGES.index(self.lang) if self.lang in LANGUAGES else 0
        self.lang = LANGUAGES[(index + 1) % len(LANGUAGES)]

    @rx.event
    def refresh_session(self):
        """Load who is signed in; pages that need no sign-in call this on load."""
        self._actor()

    @rx.event
    def sign_out(self):
        from portal.services.auth import sign_out

        if self.session_token:
            self._run(lambda db: sign_out(db, self.session_token))
        self.session_token = ""
        self.user_name = ""
        self.user_role = ""
        return rx.redirect(routes.SIGN_IN)

    def _require(self, *roles: str) -> tuple[Actor | None, Any]:
        """Return the actor, or None and the redirect that sends the browser away.

        A signed-out browser goes to sign-in; a user of another role goes home.
        """
        actor = self._actor()
        if actor is None:
            return None, rx.redirect(f"{routes.SIGN_IN}?next={self.router.url.path}")
        if roles and actor.role.value not in roles:
            logger.warning(
                "access denied to page %s for account %s (%s)",
                self.router.url.path,
                actor.user_id,
                actor.role,
            )
            return None, rx.redirect(routes.home_for(actor.role.value))
        return actor, None

    def _unexpected(self, error: Exception) -> Any:
        logger.exception("unexpected error in %s: %s", type(self).__name__, error)
        return rx.toast.error(self._msg("error.unexpected"))
