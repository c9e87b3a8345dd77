"""The admin's complaint review queue, oldest first."""

import reflex as rx

from portal.components.case_table import case_table, pager
from portal.components.forms import native_select
from portal.components.layout import page
from portal.components.text import tr
from portal.models import CaseStatus
from portal.state.cases import CaseListState

STATUS_OPTIONS = [(s.value, f"status.{s.value}") for s in CaseStatus]


def review_queue() -> rx.Component:
    return page(
        rx.heading(tr("queue.title"), size="7"),
        rx.text(tr("queue.hint"), color_scheme="gray"),
        rx.form(
            rx.hstack(
                rx.box(
                    native_select("status", STATUS_OPTIONS, "nav.review_queue"),
                    width="220px",
                ),
                rx.button(
                    rx.icon("filter", size=16),
                    type="submit",
                    variant="soft",
                    id="queue-filter",
                ),
                align="center",
            ),
            on_submit=CaseListState.filter_queue,
        ),
        case_table(CaseListState.rows, "queue.empty"),
        pager(
            CaseListState.page,
            CaseListState.pages,
            CaseListState.total,
            CaseListState.queue_page,
        ),
        max_width="1100px",
    )
