"""Links from the case page to litigation agency and the merchant's page."""

import reflex as rx

from portal.components.text import tr
from portal.state.litigation import CaseLitigationLinkState as S


def litigation_links() -> rx.Component:
    """Show the agency link (request or view) and the merchant page link."""
    return rx.hstack(
        rx.cond(
            S.agency_href != "",
            rx.link(
                rx.button(
                    rx.cond(
                        S.agency_key == "open",
                        tr("litigation.request.open"),
                        tr("litigation.request.view"),
                    ),
                    variant="soft",
                    color_scheme="teal",
                ),
                href=S.agency_href,
                id="agency-link",
            ),
        ),
        rx.cond(
            S.merchant_href != "",
            rx.link(
                tr("collective.merchant_link"), href=S.merchant_href, id="merchant-link"
            ),
        ),
        spacing="4",
        align="center",
        on_mount=S.load_links,
    )
