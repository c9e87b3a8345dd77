"""The case page's way into the calculator and the legal documents of the case."""

import reflex as rx

from portal.components.text import tr
from portal.state.cases import CaseState


def documents_link() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(tr("documents.case_link.title"), size="4"),
            rx.text(tr("documents.case_link.text"), size="2", color_scheme="gray"),
            rx.link(
                rx.button(tr("documents.case_link.open"), variant="soft"),
                href=f"/cases/{CaseState.case_id}/documents",
                id="case-documents-link",
            ),
            spacing="2",
        ),
        width="100%",
    )
