"""The lawyer's agency list: open requests in their areas and their engagements."""

import reflex as rx

from portal.components.layout import page
from portal.components.text import tr
from portal.state.litigation import LawyerLitigationState as S


def _request_row(row: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.link(row["number"], href=row["href"], class_name="request-link")
        ),
        rx.table.cell(row["merchant"]),
        rx.table.cell(row["type"]),
        rx.table.cell(row["claimed"]),
        rx.table.cell(row["cap"]),
        rx.table.cell(row["created_at"]),
    )


def _requests() -> rx.Component:
    return rx.cond(
        S.requests.length() > 0,
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    rx.table.column_header_cell(tr("litigation.case")),
                    rx.table.column_header_cell(tr("collective.merchant")),
                    rx.table.column_header_cell(tr("litigation.field.litigation_type")),
                    rx.table.column_header_cell(tr("litigation.claimed")),
                    rx.table.column_header_cell(tr("litigation.cap")),
                    rx.table.column_header_cell(""),
                )
            ),
            rx.table.body(rx.foreach(S.requests, _request_row)),
            width="100%",
        ),
        rx.text(tr("litigation.lawyer.none"), color_scheme="gray"),
    )


def lawyer_litigation() -> rx.Component:
    return page(
        rx.heading(tr("litigation.lawyer.title"), size="7"),
        rx.cond(
            S.allowed,
            rx.vstack(
                rx.heading(tr("litigation.lawyer.open_requests"), size="4"),
                _requests(),
                rx.heading(tr("litigation.lawyer.engagements"), size="4"),
                rx.foreach(
                    S.engagements,
                    lambda row: rx.link(
                        row["created_at"], " · ", row["status_label"], href=row["href"]
                    ),
                ),
                width="100%",
                spacing="3",
            ),
            rx.callout(tr("auth.lawyer_pending"), icon="hourglass"),
        ),
        max_width="1100px",
    )
