"""One service call from a page event: errors at fields, toasts, then a reload."""

from collections.abc import Callable
from typing import Any

import reflex as rx
from sqlmodel import Session

from portal.services.actors import Actor
from portal.services.errors import ServiceError, ValidationFailed


def run_action(
    state: Any,
    action: Callable[[Session, Actor], Any],
    success_key: str,
    *roles: str,
) -> Any:
    """Run ``action`` for the signed-in user of ``state`` and reload the page data.

    Invalid fields go to ``state.errors``. A denied or impossible step shows
    its message as a toast. Any other error is logged and shown as a plain one.
    """
    state.errors = {}
    actor, redirect = state._require(*roles)
    if actor is None:
        return redirect
    try:
        state._run(lambda db: action(db, actor))
    except ValidationFailed as failure:
        state.errors = state._field_errors(failure)
        return None
    except ServiceError as error:
        state._load(actor)
        return rx.toast.error(state._error_text(error))
    except Exception as error:  # noqa: BLE001
        return state._unexpected(error)
    state._load(actor)
    return rx.toast.success(state._msg(success_key))
