"""A law firm's public page listing its approved lawyers."""

import reflex as rx

from portal.components.layout import page
from portal.components.text import tr
from portal.state.lawyer_directory import LawFirmState


def _lawyer(item: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.link(item["real_name"], href=item["href"], weight="bold"),
            rx.text(item["region"], " · ", item["years"], size="2"),
            rx.text(item["areas"], size="2", color_scheme="gray"),
            spacing="1",
        ),
        width="100%",
        class_name="firm-lawyer",
    )


def law_firm() -> rx.Component:
    return page(
        rx.cond(
            LawFirmState.found,
            rx.vstack(
                rx.heading(LawFirmState.firm["name"], size="7", id="firm-name"),
                rx.text(
                    tr("lawyer.firm_uscc"), ": ", LawFirmState.firm["uscc"], size="2"
                ),
                rx.heading(tr("lawyer.firm.lawyers"), size="4"),
                rx.cond(
                    LawFirmState.lawyers.length() > 0,
                    rx.grid(
                        rx.foreach(LawFirmState.lawyers, _lawyer),
                        columns=rx.breakpoints(initial="1", sm="2"),
                        spacing="3",
                        width="100%",
                    ),
                    rx.text(tr("lawyer.firm.no_lawyers"), color_scheme="gray"),
                ),
                spacing="3",
                width="100%",
            ),
            rx.text(tr("lawyer.firm.not_found"), id="firm-not-found"),
        ),
    )
