"""The public profile of an approved lawyer: no phone, ID or full licence number."""

import reflex as rx

from portal.components.layout import page
from portal.components.text import tr
from portal.state.lawyer_directory import PublicProfileState

P = PublicProfileState.profile


def profile_facts(profile: rx.Var) -> rx.Component:
    """List what the public may see of a lawyer, from a profile card Var."""

    def fact(label_key: str, value: rx.Var, name: str) -> rx.Component:
        return rx.hstack(
            rx.text(tr(label_key), size="2", color_scheme="gray", min_width="120px"),
            rx.text(value, size="2", class_name=f"profile-{name}"),
        )

    return rx.vstack(
        rx.hstack(
            rx.text(
                tr("lawyer.firm_name"), size="2", color_scheme="gray", min_width="120px"
            ),
            rx.link(
                profile["firm_name"],
                href=profile["firm_href"],
                size="2",
                class_name="profile-firm",
            ),
        ),
        fact("lawyer.region", profile["region"], "region"),
        fact("lawyer.practice_areas", profile["areas"], "areas"),
        fact("lawyer.years_in_practice", profile["years"], "years"),
        fact("lawyer.licence_no", profile["licence_no"], "licence"),
        spacing="2",
    )


def lawyer_profile() -> rx.Component:
    return page(
        rx.cond(
            PublicProfileState.found,
            rx.card(
                rx.vstack(
                    rx.hstack(
                        rx.icon("badge-check", color="var(--teal-9)"),
                        rx.heading(P["real_name"], size="7", id="profile-name"),
                        rx.badge(tr("lawyer.profile.verified"), color_scheme="teal"),
                        align="center",
                    ),
                    profile_facts(P),
                    spacing="4",
                ),
                width="100%",
                id="public-profile",
            ),
            rx.text(tr("lawyer.profile.not_found"), id="profile-not-found"),
        ),
    )
