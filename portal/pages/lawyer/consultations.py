"""The lawyer's consultation desk: duty switch, waiting queue, open consultations."""

import reflex as rx

from portal.components.consultation import consultation_table
from portal.components.layout import page
from portal.components.text import tr, tr_var
from portal.state.consultations import LawyerDeskState


def _duty() -> rx.Component:
    return rx.hstack(
        rx.text(
            rx.cond(
                LawyerDeskState.on_duty,
                tr("consultation.on_duty"),
                tr("consultation.off_duty"),
            ),
            weight="bold",
            id="duty-status",
        ),
        rx.cond(
            LawyerDeskState.on_duty,
            rx.button(
                tr("consultation.go_off_duty"),
                on_click=LawyerDeskState.set_duty(False),
                variant="soft",
                id="go-off-duty",
            ),
            rx.button(
                tr("consultation.go_on_duty"),
                on_click=LawyerDeskState.set_duty(True),
                id="go-on-duty",
            ),
        ),
        align="center",
        spacing="4",
    )


def _queue_entry(entry: rx.Var) -> rx.Component:
    return rx.table.row(
        rx.table.cell(tr_var(entry["topic"])),
        rx.table.cell(entry["question"]),
        rx.table.cell(
            entry["waited_minutes"],
            " ",
            tr("consultation.minutes"),
            " (",
            entry["waiting_since"],
            ")",
        ),
        rx.table.cell(entry["case_number"]),
        rx.table.cell(
            rx.button(
                tr("consultation.pick_up"),
                on_click=LawyerDeskState.pick_up(entry["id"]),
                size="1",
                class_name="pick-up",
            )
        ),
        class_name="queue-row",
    )


def _queue() -> rx.Component:
    return rx.cond(
        LawyerDeskState.on_duty,
        rx.cond(
            LawyerDeskState.queue.length() > 0,
            rx.table.root(
                rx.table.header(
                    rx.table.row(
                        *[
                            rx.table.column_header_cell(tr(key))
                            for key in (
                                "consultation.topic",
                                "consultation.question",
                                "consultation.waiting_since",
                                "consultation.case",
                                "consultation.action",
                            )
                        ]
                    )
                ),
                rx.table.body(rx.foreach(LawyerDeskState.queue, _queue_entry)),
                width="100%",
                id="queue-table",
            ),
            rx.text(tr("consultation.queue_empty"), color_scheme="gray"),
        ),
        rx.text(tr("consultation.queue_off_duty"), color_scheme="gray"),
    )


def lawyer_consultations() -> rx.Component:
    return page(
        rx.heading(tr("consultation.desk"), size="7"),
        rx.cond(
            LawyerDeskState.approved,
            rx.vstack(
                _duty(),
                rx.heading(tr("consultation.queue"), size="5"),
                _queue(),
                rx.heading(tr("consultation.open_mine"), size="5"),
                consultation_table(LawyerDeskState.mine, "consultation.consumer"),
                spacing="4",
                width="100%",
            ),
            rx.callout(
                tr("consultation.not_approved"), icon="lock", id="desk-not-approved"
            ),
        ),
    )
