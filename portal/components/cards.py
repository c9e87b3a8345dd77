"""Cards with a heading, the building block of most portal pages."""

import reflex as rx

from portal.components.text import tr


def titled_card(
    title_key: str, *children: rx.Component, spacing: str = "3", **props
) -> rx.Component:
    """Wrap ``children`` in a full-width card headed by the message ``title_key``."""
    return rx.card(
        rx.vstack(
            rx.heading(tr(title_key), size="4"),
            *children,
            spacing=spacing,
            width="100%",
        ),
        width="100%",
        **props,
    )
