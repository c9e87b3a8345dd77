"""Pieces of the consultation pages: status badges and the consultation table."""

import reflex as rx

from portal.components.text import tr, tr_var

STATUS_COLORS = {
    "waiting": "amber",
    "active": "green",
    "closed": "gray",
    "cancelled": "gray",
}


def consultation_badge(status: rx.Var, label: rx.Var) -> rx.Component:
    return rx.badge(
        label,
        color_scheme=rx.match(status, *STATUS_COLORS.items(), "gray"),
        class_name="consultation-status",
    )


def unread_badge(count: rx.Var) -> rx.Component:
    return rx.cond(
        count != "",
        rx.badge(count, color_scheme="red", variant="solid", class_name="unread"),
    )


def consultation_table(rows: rx.Var, other_key: str) -> rx.Component:
    """Lay out consultations in a table; ``other_key`` labels the other participant."""

    def row(item: rx.Var) -> rx.Component:
        return rx.table.row(
            rx.table.cell(
                rx.link(
                    item["question"], href=item["href"], class_name="consultation-link"
                )
            ),
            rx.table.cell(tr_var(item["topic"])),
            rx.table.cell(
                consultation_badge(item["status"], tr_var(item["status_label"]))
            ),
            rx.table.cell(item["other"]),
            rx.table.cell(unread_badge(item["unread"])),
            rx.table.cell(item["created_at"]),
            class_name="consultation-row",
        )

    return rx.cond(
        rows.length() > 0,
        rx.table.root(
            rx.table.header(
                rx.table.row(
                    *[
                        rx.table.column_header_cell(tr(key))
                        for key in (
                            "consultation.question",
                            "consultation.topic",
                            "consultation.status",
                            other_key,
                            "consultation.unread",
                            "consultation.asked_at",
                        )
                    ]
                )
            ),
            rx.table.body(rx.foreach(rows, row)),
            width="100%",
            id="consultation-table",
        ),
        rx.text(tr("consultation.none_yet"), color_scheme="gray"),
    )
