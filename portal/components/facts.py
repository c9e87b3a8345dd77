"""A labelled value on a detail page."""

import reflex as rx

from portal.components.text import tr


def fact_row(
    label_key: str, value: rx.Var | rx.Component, id_: str = ""
) -> rx.Component:
    """Show the label ``label_key`` beside ``value``; ``id_`` marks the value."""
    return rx.hstack(
        rx.text(tr(label_key), size="2", color_scheme="gray", min_width="160px"),
        rx.text(value, size="2", white_space="pre-wrap", id=id_ or None),
        align="start",
    )
