"""The admin's queue of lawyer applications, oldest submission first."""

import reflex as rx

from portal import routes
from portal.components.forms import status_filter
from portal.components.lawyer_status import application_badge
from portal.components.layout import page
from portal.components.text import tr
from portal.models import ApplicationStatus
from portal.state.lawyer_review import LawyerQueueState

STATUS_OPTIONS = [(s.value, f"lawyer.status.{s.value}") for s in ApplicationStatus]
COLUMNS = (
    "lawyer.queue.applicant",
    "lawyer.firm_name",
    "lawyer.queue.status",
    "lawyer.submitted_at",
    "lawyer.queue.waiting",
)


def _row(item: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.link(item["real_name"], href=item["href"], class_name="application-link")
        ),
        rx.table.cell(item["firm"]),
        rx.table.cell(application_badge(item["status"], item["status_label"])),
        rx.table.cell(item["submitted_at"]),
        rx.table.cell(item["waiting"]),
        class_name="application-row",
    )


def lawyer_queue() -> rx.Component:
    return page(
        rx.heading(tr("lawyer.queue.title"), size="7"),
        rx.hstack(
            rx.text(tr("lawyer.queue.hint"), color_scheme="gray"),
            rx.spacer(),
            rx.link(
                tr("lawyer.log.title"), href=routes.ADMIN_REVIEW_LOG, id="log-link"
            ),
            width="100%",
        ),
        status_filter(
            STATUS_OPTIONS,
            "lawyer.queue.waiting_filter",
            LawyerQueueState.filter_queue,
            "lawyer-queue-filter",
        ),
        rx.cond(
            LawyerQueueState.rows.length() > 0,
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        *[rx.table.column_header_cell(tr(key)) for key in COLUMNS]
                    )
                ),
                rx.table.body(rx.foreach(LawyerQueueState.rows, _row)),
                width="100%",
                id="lawyer-queue",
            ),
            rx.text(tr("lawyer.queue.empty"), color_scheme="gray", id="queue-empty"),
        ),
        max_width="1100px",
    )
