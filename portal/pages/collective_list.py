"""Collective actions: a consumer's own, or every open one for lawyers and admins."""

import reflex as rx

from portal.components.layout import page
from portal.components.text import tr
from portal.state.collective import CollectiveListState as S


def action_card(row: rx.Var) -> rx.Component:
    """Build the card of one action: title, merchant, category, members, total."""
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.link(row["title"], href=row["href"], class_name="action-link"),
                rx.cond(row["place"] != "", rx.badge(row["place"])),
                align="center",
            ),
            rx.text(row["merchant"], " · ", row["category"], size="2"),
            rx.text(
                tr("collective.members"),
                ": ",
                row["member_count"],
                " · ",
                tr("collective.claimed_total"),
                ": ",
                row["claimed_total"],
                size="2",
                color_scheme="gray",
            ),
            spacing="1",
        ),
        width="100%",
    )


def collective_list() -> rx.Component:
    return page(
        rx.heading(tr("collective.mine"), size="7"),
        rx.cond(
            S.rows.length() > 0,
            rx.foreach(S.rows, action_card),
            rx.text(tr("collective.none"), color_scheme="gray"),
        ),
    )
