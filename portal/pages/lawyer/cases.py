"""The cases an approved lawyer handles, with links to their documents."""

import reflex as rx

from portal.components.case_table import status_badge
from portal.components.layout import page
from portal.components.text import tr
from portal.state.lawyer_cases import LawyerCasesState


def _row(item: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.link(item["number"], href=item["href"], class_name="case-link")
        ),
        rx.table.cell(item["merchant"]),
        rx.table.cell(status_badge(item["status"], item["status_label"])),
        rx.table.cell(item["assigned_at"]),
        rx.table.cell(
            rx.link(
                tr("documents.case_link.open"),
                href=item["documents_href"],
                class_name="documents-link",
            )
        ),
    )


def lawyer_cases() -> rx.Component:
    return page(
        rx.heading(tr("documents.lawyer_cases.title"), size="7"),
        rx.cond(
            LawyerCasesState.rows.length() > 0,
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        *[
                            rx.table.column_header_cell(tr(key))
                            for key in (
                                "list.number",
                                "list.merchant",
                                "list.status",
                                "documents.lawyer_cases.assigned_at",
                                "documents.title",
                            )
                        ]
                    )
                ),
                rx.table.body(rx.foreach(LawyerCasesState.rows, _row)),
                width="100%",
                id="lawyer-cases",
            ),
            rx.text(tr("documents.lawyer_cases.empty"), color_scheme="gray"),
        ),
    )
