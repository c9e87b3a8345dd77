"""The admin list of consultations: counts by status, mean rating, every chat."""

import reflex as rx

from portal.components.case_table import pager
from portal.components.consultation import consultation_badge
from portal.components.forms import field_error, status_filter
from portal.components.layout import page
from portal.components.text import tr, tr_var
from portal.models import ConsultationStatus
from portal.state.consultation_oversight import ConsultationOversightState as S

STATUS_OPTIONS = [
    (status.value, f"consultation.status.{status.value}")
    for status in ConsultationStatus
]


def _count(item: rx.Var) -> rx.Component:
    return rx.card(
        rx.text(tr_var(item["label"]), size="2", color_scheme="gray"),
        rx.text(item["n"], size="6", weight="bold"),
        class_name="oversight-count",
        id=f"count-{item['status']}",
    )


def _summary() -> rx.Component:
    return rx.hstack(
        rx.foreach(S.counts, _count),
        rx.card(
            rx.text(tr("consultation.oversight.average_rating"), size="2"),
            rx.text(
                rx.cond(S.average_rating != "", S.average_rating, "–"),
                size="6",
                weight="bold",
                id="average-rating",
            ),
            rx.text(
                tr("consultation.oversight.rated"),
                " ",
                S.rated,
                size="1",
                color_scheme="gray",
            ),
        ),
        spacing="3",
        wrap="wrap",
    )


def _row(item: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(
            rx.link(item["question"], href=item["href"], class_name="consultation-link")
        ),
        rx.table.cell(tr_var(item["topic"])),
        rx.table.cell(consultation_badge(item["status"], tr_var(item["status_label"]))),
        rx.table.cell(item["consumer"]),
        rx.table.cell(item["lawyer"]),
        rx.table.cell(item["messages"]),
        rx.table.cell(item["rating"]),
        rx.table.cell(item["created_at"]),
        class_name="oversight-row",
    )


def _table() -> rx.Component:
    headers = (
        "consultation.question",
        "consultation.topic",
        "consultation.status",
        "consultation.consumer",
        "consultation.lawyer",
        "consultation.oversight.messages",
        "consultation.oversight.rating",
        "consultation.asked_at",
    )
    return rx.cond(
        S.rows.length() > 0,
        rx.table.root(
            rx.table.header(
                rx.table.row(*[rx.table.column_header_cell(tr(key)) for key in headers])
            ),
            rx.table.body(rx.foreach(S.rows, _row)),
            width="100%",
            id="oversight-table",
        ),
        rx.text(tr("consultation.none_yet"), color_scheme="gray"),
    )


def consultation_oversight() -> rx.Component:
    return page(
        rx.heading(tr("consultation.oversight.title"), size="7"),
        _summary(),
        status_filter(
            STATUS_OPTIONS,
            "consultation.oversight.all",
            S.filter,
            "oversight-filter",
            field_error(S.errors, "status"),
        ),
        _table(),
        pager(S.page, S.pages, S.total, S.move),
        max_width="1100px",
    )
