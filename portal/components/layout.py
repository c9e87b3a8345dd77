"""The page frame: header with navigation by role, language switch and sign-out."""

import reflex as rx

from portal import routes
from portal.components.text import tr
from portal.state.base import SessionState


def _nav_link(key: str, href: str) -> rx.Component:
    return rx.link(tr(key), href=href, size="2", weight="medium")


def _role_links() -> rx.Component:
    return rx.match(
        SessionState.user_role,
        (
            "consumer",
            rx.hstack(
                _nav_link("nav.new_complaint", routes.NEW_COMPLAINT),
                _nav_link("nav.my_complaints", routes.MY_COMPLAINTS),
                _nav_link("collective.nav", routes.COLLECTIVE_LIST),
                _nav_link("consultation.nav.consumer", routes.CONSULTATIONS),
                spacing="4",
            ),
        ),
        (
            "admin",
            rx.hstack(
                _nav_link("nav.review_queue", routes.ADMIN_QUEUE),
                _nav_link("nav.trends", routes.ADMIN_TRENDS),
                _nav_link("lawyer.nav.review_queue", routes.ADMIN_LAWYERS),
                _nav_link("collective.nav", routes.ADMIN_COLLECTIVE),
                _nav_link("consultation.nav.admin", routes.ADMIN_CONSULTATIONS),
                spacing="4",
            ),
        ),
        (
            "lawyer",
            rx.hstack(
                _nav_link("nav.account", routes.LAWYER_HOME),
                _nav_link("lawyer.nav.application", routes.LAWYER_APPLICATION),
                _nav_link("litigation.nav", routes.LAWYER_LITIGATION),
                _nav_link("collective.nav", routes.COLLECTIVE_LIST),
                _nav_link("documents.nav.my_cases", routes.LAWYER_CASES),
                _nav_link("consultation.nav.lawyer", routes.LAWYER_CONSULTATIONS),
                spacing="4",
            ),
        ),
        rx.fragment(),
    )


def header() -> rx.Component:
    return rx.hstack(
        rx.link(
            rx.heading(
                tr("app.name"), size="5", color_scheme="teal", white_space="nowrap"
            ),
            href=routes.HOME,
            underline="none",
        ),
        _role_links(),
        _nav_link("documents.nav.calculator", routes.CALCULATOR),
        rx.spacer(),
        rx.button(
            tr("nav.language"),
            on_click=SessionState.toggle_language,
            variant="ghost",
            size="1",
            id="language-toggle",
        ),
        rx.cond(
            SessionState.signed_in,
            rx.hstack(
                rx.link(SessionState.user_name, href=routes.ACCOUNT, size="2"),
                rx.button(
                    tr("nav.sign_out"),
                    on_click=SessionState.sign_out,
                    variant="soft",
                    size="1",
                    id="sign-out",
                ),
                align="center",
            ),
            rx.hstack(
                _nav_link("nav.sign_in", routes.SIGN_IN),
                _nav_link("nav.register", routes.REGISTER),
                spacing="4",
            ),
        ),
        width="100%",
        align="center",
        spacing="5",
        wrap="wrap",
        padding="12px 24px",
        border_bottom="1px solid var(--gray-5)",
    )


def page(*children: rx.Component, max_width: str = "960px") -> rx.Component:
    """Wrap page content in the portal frame."""
    return rx.box(
        header(),
        rx.container(
            rx.vstack(*children, spacing="5", width="100%", padding_y="5"),
            max_width=max_width,
        ),
        lang=SessionState.lang,
    )
