"""Complaint trends across categories and merchants."""

import reflex as rx

from portal.components.layout import page
from portal.components.text import tr
from portal.services.trends import WINDOWS_DAYS
from portal.state.trends import TrendsState


def _bar_table(title_key: str, rows: rx.Var, table_id: str) -> rx.Component:
    def row(item: rx.Var) -> rx.Component:
        return rx.table.row(
            rx.table.cell(item["label"]),
            rx.table.cell(
                rx.box(
                    height="10px",
                    width=item["width"],
                    background="var(--teal-9)",
                    border_radius="3px",
                ),
                width="40%",
            ),
            rx.table.cell(item["total"]),
            rx.table.cell(item["open"]),
        )

    return rx.card(
        rx.vstack(
            rx.heading(tr(title_key), size="4"),
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        rx.table.column_header_cell(tr("trends.name")),
                        rx.table.column_header_cell(""),
                        rx.table.column_header_cell(tr("trends.total")),
                        rx.table.column_header_cell(tr("trends.open")),
                    )
                ),
                rx.table.body(rx.foreach(rows, row)),
                width="100%",
                white_space="nowrap",
                id=table_id,
            ),
            width="100%",
        ),
        width="100%",
    )


def trends_page() -> rx.Component:
    return page(
        rx.heading(tr("trends.title"), size="7"),
        rx.hstack(
            *[
                rx.button(
                    tr(f"trends.window.{days}"),
                    on_click=TrendsState.choose_window(str(days)),
                    variant=rx.cond(TrendsState.days == days, "solid", "soft"),
                    size="1",
                    id=f"window-{days}",
                )
                for days in WINDOWS_DAYS
            ],
            rx.spacer(),
            rx.text(tr("trends.filed"), " ", TrendsState.total, id="trends-total"),
            width="100%",
            align="center",
        ),
        rx.grid(
            _bar_table(
                "trends.by_category", TrendsState.by_category, "trends-categories"
            ),
            _bar_table(
                "trends.top_merchants", TrendsState.top_merchants, "trends-merchants"
            ),
            columns=rx.breakpoints(initial="1", md="2"),
            spacing="4",
            width="100%",
        ),
        max_width="1100px",
    )
