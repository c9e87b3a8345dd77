"""The admin's complaint review queue, oldest first."""

import reflex as rx

from portal.components.case_table import case_table, pager
from portal.components.forms import status_filter
from portal.components.layout import page
from portal.components.text import tr
from portal.models import CaseStatus
from portal.state.cases import CaseListState

STATUS_OPTIONS = [(s.value, f"status.{s.value}") for s in CaseStatus]


def review_queue() -> rx.Component:
    return page(
        rx.heading(tr("queue.title"), size="7"),
        rx.text(tr("queue.hint"), color_scheme="gray"),
        status_filter(
            STATUS_OPTIONS,
            "nav.review_queue",
            CaseListState.filter_queue,
            "queue-filter",
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
