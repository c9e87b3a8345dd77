"""The approved lawyer's workspace. Unapproved lawyers are sent to their application.

Later features add their sections here: consultations, cases and documents.
"""

import reflex as rx

from portal import routes
from portal.components.layout import page
from portal.components.text import tr
from portal.state.lawyer_directory import WorkspaceState

# (section id, lucide icon): each shows its title and what is there so far.
WORKSPACE_SECTIONS = (
    ("consultations", "messages-square"),
    ("cases", "briefcase"),
    ("documents", "file-text"),
)


def _section(section: str, icon: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.icon(icon, color="var(--teal-9)"),
                rx.heading(tr(f"lawyer.workspace.{section}"), size="4"),
                align="center",
            ),
            rx.text(
                tr(f"lawyer.workspace.{section}.empty"), size="2", color_scheme="gray"
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
        id=f"workspace-{section}",
    )


def lawyer_home() -> rx.Component:
    return page(
        rx.heading(tr("lawyer.workspace.title"), size="7", id="lawyer-workspace"),
        rx.text(WorkspaceState.real_name, size="4"),
        rx.hstack(
            rx.link(
                tr("lawyer.workspace.public_profile"),
                href=WorkspaceState.profile_href,
                id="public-profile-link",
            ),
            rx.cond(
                WorkspaceState.firm_href != "",
                rx.link(tr("lawyer.workspace.firm"), href=WorkspaceState.firm_href),
            ),
            rx.link(tr("lawyer.workspace.application"), href=routes.LAWYER_APPLICATION),
            spacing="5",
        ),
        rx.grid(
            *[_section(section, icon) for section, icon in WORKSPACE_SECTIONS],
            columns=rx.breakpoints(initial="1", sm="3"),
            spacing="4",
            width="100%",
        ),
    )
