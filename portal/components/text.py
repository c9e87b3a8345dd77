"""Catalogue lookups for components."""

import reflex as rx

from portal.state.base import SessionState


def tr(key: str) -> rx.Var:
    """Return the message ``key`` in the current language, as a Var."""
    return SessionState.t[key]


def tr_var(key: rx.Var) -> rx.Var:
    """Return the message whose key a state var holds, in the current language.

    Labels translated this way follow the language switch without a reload.
    """
    return SessionState.t[key]


def page_title(key: str) -> rx.Var:
    """Return a browser tab title: the page's name and the portal's, translated."""
    if key == "title.home":
        return SessionState.t[key]
    return SessionState.t[key] + " · " + SessionState.t["app.name"]
