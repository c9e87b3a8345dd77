"""The landing page."""

import reflex as rx

from portal import routes
from portal.components.layout import page
from portal.components.text import tr


def _point(icon: str, key: str) -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.icon(icon, color="var(--teal-9)"), rx.text(tr(key)), align="center"
        )
    )


def home() -> rx.Component:
    return page(
        rx.heading(tr("app.name"), size="9", color_scheme="teal"),
        rx.text(tr("app.tagline"), size="5"),
        rx.link(rx.button(tr("home.cta"), size="3"), href=routes.NEW_COMPLAINT),
        rx.grid(
            _point("file-pen", "home.point.file"),
            _point("list-checks", "home.point.track"),
            _point("scale", "home.point.lawyer"),
            columns=rx.breakpoints(initial="1", sm="3"),
            spacing="4",
            width="100%",
        ),
    )
