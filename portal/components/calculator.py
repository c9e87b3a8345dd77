"""The compensation calculator card: its form and the figures with their articles."""

import reflex as rx

from portal.components.forms import field
from portal.components.text import tr
from portal.services import calculator
from portal.state.calculator import CalculatorState as C

INPUT_STYLE = {
    "width": "100%",
    "padding": "6px 8px",
    "border": "1px solid var(--gray-7)",
    "border_radius": "var(--radius-2)",
    "background": "var(--color-surface)",
}


def _input(name: str, placeholder: str = "") -> rx.Component:
    return rx.el.input(
        name=name,
        id=name,
        default_value=C.defaults[name],
        placeholder=placeholder,
        style=INPUT_STYLE,
    )


def _checkbox(name: str, label_key: str) -> rx.Component:
    return rx.el.label(
        rx.hstack(
            rx.el.input(
                type="checkbox",
                name=name,
                id=f"calc-{name}",
                default_checked=C.defaults[name] == "1",
            ),
            rx.text(tr(label_key), size="2"),
            align="center",
        ),
        html_for=f"calc-{name}",
    )


def _channel_select() -> rx.Component:
    return rx.el.select(
        *[
            rx.el.option(tr(f"documents.calc.channel.{channel}"), value=channel)
            for channel in calculator.CHANNELS
        ],
        name="channel",
        id="channel",
        default_value=C.defaults["channel"],
        style=INPUT_STYLE,
    )


def _form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.heading(tr("documents.calc.section.money"), size="3"),
            field(
                "documents.calc.field.price",
                _input("price", "199.00"),
                C.errors,
                "price",
            ),
            field("documents.calc.field.loss", _input("loss"), C.errors, "loss"),
            _checkbox("fraud", "documents.calc.field.fraud"),
            _checkbox("unsafe_food", "documents.calc.field.unsafe_food"),
            _checkbox(
                "labelling_flaw_only", "documents.calc.field.labelling_flaw_only"
            ),
            rx.heading(tr("documents.calc.section.return"), size="3"),
            field(
                "documents.calc.field.channel", _channel_select(), C.errors, "channel"
            ),
            field(
                "documents.calc.field.signed_for_on",
                _input("signed_for_on", "2026-11-30"),
                C.errors,
                "signed_for_on",
            ),
            rx.text(tr("documents.calc.field.exclusions"), size="2", weight="medium"),
            *[
                _checkbox(name, f"documents.calc.exclusion.{name}")
                for name in calculator.RETURN_EXCLUSIONS
            ],
            rx.heading(tr("documents.calc.section.limitation"), size="3"),
            field(
                "documents.calc.field.known_on",
                _input("known_on", "2026-11-30"),
                C.errors,
                "known_on",
            ),
            rx.button(tr("documents.calc.submit"), type="submit", id="calc-submit"),
            spacing="2",
            width="100%",
        ),
        on_submit=C.calculate,
        key=C.form_revision,
        width="100%",
    )


def _figure(item: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(item["label"]),
        rx.table.cell(item["amount"], class_name="calc-amount"),
        rx.table.cell(rx.text(item["article"], size="1", color_scheme="gray")),
        class_name="calc-figure",
    )


def _claim(item: rx.Var) -> rx.Component:
    return rx.vstack(
        rx.text(item["title"], weight="bold", size="2"),
        rx.cond(
            item["total"] != "",
            rx.text(
                tr("documents.calc.total"), "：", item["total"], class_name="calc-total"
            ),
            rx.text(item["reason"], color_scheme="orange", size="2"),
        ),
        spacing="1",
    )


def _deadline(data: rx.Var, title_key: str, verdict: rx.Component) -> rx.Component:
    return rx.cond(
        data.contains("sentence"),
        rx.vstack(
            rx.text(tr(title_key), weight="bold", size="2"),
            verdict,
            rx.text(data["sentence"], size="2", class_name="calc-deadline"),
            rx.cond(
                data["moved"] != "",
                rx.text(data["moved"], size="2", color_scheme="gray"),
            ),
            rx.cond(
                data["estimated"] != "",
                rx.callout(
                    data["estimated"],
                    icon="triangle_alert",
                    color_scheme="amber",
                    size="1",
                    class_name="calc-estimated",
                ),
            ),
            rx.text(data["article"], size="1", color_scheme="gray"),
            spacing="1",
            width="100%",
        ),
    )


def _return_verdict() -> rx.Component:
    window = C.return_window
    return rx.vstack(
        rx.badge(
            window["verdict"],
            color_scheme=rx.cond(window["eligible"] != "", "green", "red"),
            id="calc-return-verdict",
        ),
        rx.cond(
            window["reasons"] != "",
            rx.text(window["reasons"], size="2", color_scheme="orange"),
        ),
        spacing="1",
    )


def _results() -> rx.Component:
    return rx.cond(
        C.calculated,
        rx.vstack(
            rx.foreach(C.claims, _claim),
            rx.cond(
                C.figures.length() > 0,
                rx.table.root(
                    rx.table.body(rx.foreach(C.figures, _figure)),
                    width="100%",
                    size="1",
                    id="calc-figures",
                ),
            ),
            _deadline(
                C.return_window, "documents.calc.section.return", _return_verdict()
            ),
            _deadline(C.limitation, "documents.calc.section.limitation", rx.fragment()),
            rx.cond(
                (C.claims.length() == 0)
                & ~C.return_window.contains("sentence")
                & ~C.limitation.contains("sentence"),
                rx.text(tr("documents.calc.nothing"), size="2", color_scheme="gray"),
            ),
            spacing="3",
            width="100%",
            id="calc-results",
        ),
    )


def calculator_card() -> rx.Component:
    """Lay out the calculator form beside its results."""
    return rx.card(
        rx.vstack(
            rx.heading(tr("documents.calc.title"), size="5"),
            rx.text(tr("documents.calc.intro"), size="2", color_scheme="gray"),
            rx.grid(
                # The page's load event fills the form and remounts it, which
                # would wipe anything typed before then, so it shows after.
                rx.cond(rx.State.is_hydrated, _form(), rx.spinner(size="3")),
                _results(),
                columns=rx.breakpoints(initial="1", md="2"),
                spacing="5",
                width="100%",
            ),
            spacing="3",
            width="100%",
        ),
        width="100%",
        id="calculator",
    )
