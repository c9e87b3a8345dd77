"""Free legal consultation: ask a question and list the consumer's consultations."""

import reflex as rx

from portal.components.consultation import consultation_table
from portal.components.forms import field, native_select
from portal.components.layout import page
from portal.components.text import tr
from portal.models import ConsultationTopic
from portal.state.consultations import ConsultationListState

TOPIC_OPTIONS = [(t.value, f"consultation.topic.{t.value}") for t in ConsultationTopic]


def _case_select() -> rx.Component:
    return rx.el.select(
        rx.el.option(tr("consultation.no_case"), value=""),
        rx.foreach(
            ConsultationListState.case_options,
            lambda option: rx.el.option(option["label"], value=option["value"]),
        ),
        name="case_id",
        id="case_id",
        default_value=ConsultationListState.chosen_case,
        key=ConsultationListState.chosen_case,
        style={
            "width": "100%",
            "padding": "6px 8px",
            "border": "1px solid var(--gray-7)",
            "border_radius": "var(--radius-2)",
            "background": "var(--color-surface)",
        },
    )


def _ask_form() -> rx.Component:
    errors = ConsultationListState.errors
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading(tr("consultation.ask"), size="4"),
                field(
                    "consultation.topic",
                    native_select("topic", TOPIC_OPTIONS, "consultation.topic.choose"),
                    errors,
                    "topic",
                ),
                field(
                    "consultation.case",
                    _case_select(),
                    errors,
                    "case_id",
                    "consultation.case_hint",
                ),
                field(
                    "consultation.question",
                    rx.text_area(
                        name="question", id="question", width="100%", rows="5"
                    ),
                    errors,
                    "question",
                    "consultation.question_hint",
                ),
                rx.button(tr("consultation.ask_submit"), type="submit", id="ask"),
                spacing="3",
                width="100%",
            ),
            on_submit=ConsultationListState.start,
            width="100%",
        ),
        width="100%",
    )


def consultations_page() -> rx.Component:
    return page(
        rx.heading(tr("consultation.title"), size="7"),
        rx.text(tr("consultation.intro"), color_scheme="gray"),
        _ask_form(),
        rx.heading(tr("consultation.mine"), size="5"),
        consultation_table(ConsultationListState.rows, "consultation.lawyer"),
        rx.cond(
            ConsultationListState.truncated,
            rx.text(
                tr("consultation.list_truncated"),
                size="2",
                color_scheme="gray",
                id="list-truncated",
            ),
        ),
    )
