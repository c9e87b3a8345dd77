"""The consumer's request for full-risk litigation agency on one case."""

import reflex as rx

from portal.components.forms import field, native_select, text_input
from portal.components.layout import page
from portal.components.text import tr
from portal.models import LitigationType, PracticeArea
from portal.state.litigation import AgencyRequestFormState as S

TYPE_OPTIONS = [(t.value, f"litigation.type.{t.value}") for t in LitigationType]
AREA_OPTIONS = [(a.value, f"litigation.area.{a.value}") for a in PracticeArea]


def agency_request() -> rx.Component:
    return page(
        rx.heading(tr("litigation.request.title"), size="7"),
        rx.text(S.case_number, color_scheme="gray", id="agency-case-number"),
        rx.callout(tr("litigation.request.hint"), icon="info", width="100%"),
        rx.form(
            rx.vstack(
                field(
                    "litigation.field.litigation_type",
                    native_select("litigation_type", TYPE_OPTIONS, "litigation.choose"),
                    S.errors,
                    "litigation_type",
                ),
                field(
                    "litigation.field.area",
                    native_select("area", AREA_OPTIONS, "litigation.choose"),
                    S.errors,
                    "area",
                ),
                field(
                    "litigation.field.claimed_amount",
                    text_input("claimed_amount", inputmode="decimal"),
                    S.errors,
                    "claimed_amount",
                ),
                field(
                    "litigation.field.summary",
                    rx.text_area(name="summary", id="summary", width="100%", rows="5"),
                    S.errors,
                    "summary",
                ),
                rx.button(
                    tr("litigation.submit_request"), type="submit", id="agency-submit"
                ),
                spacing="4",
                width="100%",
            ),
            on_submit=S.submit,
            width="100%",
        ),
        max_width="720px",
    )
