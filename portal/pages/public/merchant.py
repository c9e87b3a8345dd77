"""A merchant's public page: its open collective actions, which anyone can find."""

import reflex as rx

from portal.components.layout import page
from portal.components.text import tr
from portal.pages.collective_list import action_card
from portal.state.collective import MerchantState as S


def merchant_page() -> rx.Component:
    return page(
        rx.cond(
            S.found,
            rx.vstack(
                rx.text(tr("collective.merchant_page"), color_scheme="gray"),
                rx.heading(S.name, size="7", id="merchant-name"),
                rx.heading(tr("collective.merchant_actions"), size="4"),
                rx.cond(
                    S.actions.length() > 0,
                    rx.foreach(S.actions, action_card),
                    rx.text(tr("collective.merchant_none"), color_scheme="gray"),
                ),
                rx.cond(
                    ~S.signed_in,
                    rx.text(tr("collective.sign_in_to_join"), size="2"),
                ),
                width="100%",
                spacing="3",
            ),
            rx.text(tr("collective.not_found")),
        ),
    )
