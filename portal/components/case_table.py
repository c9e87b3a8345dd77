"""A table of cases with status badges and paging."""

import reflex as rx

from portal.components.text import tr

STATUS_COLORS = {
    "submitted": "blue",
    "under_review": "amber",
    "rejected": "red",
    "forwarded": "violet",
    "merchant_replied": "cyan",
    "resolved": "green",
    "unresolved": "orange",
    "withdrawn": "gray",
    "closed": "gray",
}


def status_badge(
    status: rx.Var, label: rx.Var, colors: dict[str, str] = STATUS_COLORS
) -> rx.Component:
    """Show ``label`` in the colour that ``colors`` gives ``status`` (gray if none)."""
    return rx.badge(
        label,
        color_scheme=rx.match(status, *colors.items(), "gray"),
        class_name="status-badge",
    )


def case_table(rows: rx.Var, empty_key: str) -> rx.Component:
    def row(item: rx.Var) -> rx.Component:
        return rx.table.row(
            rx.table.cell(
                rx.link(item["number"], href=item["href"], class_name="case-link")
            ),
            rx.table.cell(item["merchant"]),
            rx.table.cell(item["category"]),
            rx.table.cell(status_badge(item["status"], item["status_label"])),
            rx.table.cell(item["amount"]),
            rx.table.cell(item["created_at"]),
            class_name="case-row",
        )

    return rx.cond(
        rows.length() > 0,
        rx.box(
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        *[
                            rx.table.column_header_cell(tr(key))
                            for key in (
                                "list.number",
                                "list.merchant",
                                "list.category",
                                "list.status",
                                "list.amount",
                                "list.filed_at",
                            )
                        ]
                    )
                ),
                rx.table.body(rx.foreach(rows, row)),
                width="100%",
                white_space="nowrap",
                id="case-table",
            ),
            width="100%",
            overflow_x="auto",
        ),
        rx.text(tr(empty_key), color_scheme="gray", id="list-empty"),
    )


def pager(page: rx.Var, pages: rx.Var, total: rx.Var, on_move) -> rx.Component:
    """Previous and next buttons; ``on_move`` takes the step, -1 or 1."""
    return rx.hstack(
        rx.text(total, " ", tr("list.total_suffix"), size="2", id="list-total"),
        rx.spacer(),
        rx.button(
            tr("list.prev"),
            on_click=on_move(-1),
            disabled=page <= 1,
            variant="soft",
            size="1",
        ),
        rx.text(page, " / ", pages, size="2"),
        rx.button(
            tr("list.next"),
            on_click=on_move(1),
            disabled=page >= pages,
            variant="soft",
            size="1",
        ),
        width="100%",
        align="center",
    )
