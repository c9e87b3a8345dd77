"""My complaints: the consumer's cases with a status filter and search."""

import reflex as rx

from portal.components.case_table import case_table, pager
from portal.components.forms import native_select
from portal.components.layout import page
from portal.components.text import tr
from portal.models import CaseStatus
from portal.state.cases import CaseListState

STATUS_OPTIONS = [(s.value, f"status.{s.value}") for s in CaseStatus]


def my_complaints() -> rx.Component:
    return page(
        rx.heading(tr("list.title"), size="7"),
        rx.form(
            rx.hstack(
                rx.box(
                    native_select("status", STATUS_OPTIONS, "status.all"), width="200px"
                ),
                rx.input(
                    name="search",
                    id="search",
                    placeholder=tr("list.search"),
                    width="260px",
                ),
                rx.button(
                    rx.icon("search", size=16),
                    type="submit",
                    variant="soft",
                    id="search-submit",
                ),
                align="center",
                wrap="wrap",
            ),
            on_submit=CaseListState.filter_mine,
        ),
        rx.cond(
            CaseListState.filtered,
            case_table(CaseListState.rows, "list.no_match"),
            case_table(CaseListState.rows, "list.empty"),
        ),
        pager(
            CaseListState.page,
            CaseListState.pages,
            CaseListState.total,
            CaseListState.mine_page,
        ),
    )
