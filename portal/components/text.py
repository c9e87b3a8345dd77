"""Catalogue lookups for components."""

import reflex as rx

from portal.state.base import SessionState


def tr(key: str) -> rx.Var:
    """Return the message ``key`` in the current language, as a Var."""
    return SessionState.t[key]
