"""Form fields that show their label, hint and error beside the input."""

import reflex as rx

from portal.components.text import tr


def field_error(errors: rx.Var, name: str) -> rx.Component:
    """Show the error of field ``name`` from an ``errors`` dict Var, if any."""
    return rx.cond(
        errors.contains(name),
        rx.text(errors[name], color_scheme="red", size="2", id=f"error-{name}"),
    )


def field(
    label_key: str,
    control: rx.Component,
    errors: rx.Var,
    name: str,
    hint_key: str | None = None,
) -> rx.Component:
    """Lay out one labelled form control with its hint and error."""
    return rx.vstack(
        rx.el.label(rx.text(tr(label_key), size="2", weight="medium"), html_for=name),
        control,
        rx.text(tr(hint_key), size="1", color_scheme="gray")
        if hint_key
        else rx.fragment(),
        field_error(errors, name),
        spacing="1",
        width="100%",
    )


def text_input(name: str, **props) -> rx.Component:
    return rx.input(name=name, id=name, width="100%", **props)


def native_select(
    name: str,
    options: list[tuple[str, str]],
    placeholder_key: str | None = None,
    **props,
) -> rx.Component:
    """Build a plain ``<select>``, keyboard friendly and easy to drive from tests.

    ``options`` are ``(value, catalogue key)`` pairs; ``props`` go to the
    element, for example ``default_value``.
    """
    items = [rx.el.option(tr(placeholder_key), value="")] if placeholder_key else []
    items += [rx.el.option(tr(key), value=value) for value, key in options]
    return rx.el.select(
        *items,
        name=name,
        id=name,
        style={
            "width": "100%",
            "padding": "6px 8px",
            "border": "1px solid var(--gray-7)",
            "border_radius": "var(--radius-2)",
            "background": "var(--color-surface)",
        },
        **props,
    )


def form_error(message: rx.Var) -> rx.Component:
    return rx.cond(
        message != "",
        rx.callout(
            message,
            color_scheme="red",
            icon="triangle_alert",
            width="100%",
            id="form-error",
        ),
    )


def status_filter(
    options: list[tuple[str, str]],
    placeholder_key: str,
    on_submit,
    button_id: str,
    *extra: rx.Component,
) -> rx.Component:
    """Build the one-select form that filters a list by status.

    ``extra`` components, such as the field's error, go below the row.
    """
    return rx.form(
        rx.hstack(
            rx.box(native_select("status", options, placeholder_key), width="240px"),
            rx.button(
                rx.icon("filter", size=16),
                type="submit",
                variant="soft",
                id=button_id,
                title=tr("list.filter"),
                aria_label=tr("list.filter"),
            ),
            align="center",
        ),
        *extra,
        on_submit=on_submit,
    )
