"""The credential review log: every decision, newest first, read-only."""

import reflex as rx

from portal.components.layout import page
from portal.components.text import tr
from portal.state.lawyer_review import ReviewLogState

COLUMNS = (
    "lawyer.log.at",
    "lawyer.log.who",
    "lawyer.queue.applicant",
    "lawyer.log.action",
    "lawyer.log.change",
    "lawyer.log.reason",
)


def _row(entry: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(entry["at"]),
        rx.table.cell(entry["who"]),
        rx.table.cell(rx.link(entry["applicant"], href=entry["href"])),
        rx.table.cell(entry["action"]),
        rx.table.cell(entry["change"]),
        rx.table.cell(rx.text(entry["reason"], white_space="pre-wrap")),
        class_name="log-row",
    )


def review_log() -> rx.Component:
    return page(
        rx.heading(tr("lawyer.log.title"), size="7"),
        rx.text(tr("lawyer.log.hint"), color_scheme="gray"),
        rx.table.root(
            rx.table.header(
                rx.table.row(*[rx.table.column_header_cell(tr(key)) for key in COLUMNS])
            ),
            rx.table.body(rx.foreach(ReviewLogState.entries, _row)),
            width="100%",
            id="review-log",
        ),
        max_width="1100px",
    )
