"""The complaint form."""

import reflex as rx

from portal.components.forms import (
    field,
    field_error,
    form_error,
    native_select,
    text_input,
)
from portal.components.layout import page
from portal.components.text import tr
from portal.models import Category, Demand
from portal.state.complaint_form import UPLOAD_ID, ComplaintFormState

E = ComplaintFormState.errors
CATEGORY_OPTIONS = [(c.value, f"category.{c.value}") for c in Category]
DEMAND_OPTIONS = [(d.value, f"demand.{d.value}") for d in Demand]


def _section(title_key: str, *children: rx.Component) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(tr(title_key), size="4"), *children, spacing="3", width="100%"
        ),
        width="100%",
    )


def _staged_file(item: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.icon("paperclip", size=16),
        rx.text(item["name"], size="2"),
        rx.text(item["size"], size="1", color_scheme="gray"),
        rx.button(
            tr("complaint.evidence.remove"),
            size="1",
            variant="ghost",
            color_scheme="red",
            type="button",
            on_click=ComplaintFormState.remove_staged(item["id"]),
        ),
        align="center",
        class_name="staged-file",
    )


def _evidence_section() -> rx.Component:
    return _section(
        "complaint.section.evidence",
        rx.upload.root(
            rx.vstack(
                rx.icon("upload"),
                rx.text(tr("complaint.evidence.choose"), size="2"),
                align="center",
                padding="4",
            ),
            id=UPLOAD_ID,
            multiple=True,
            on_drop=ComplaintFormState.handle_upload(
                rx.upload_files(
                    upload_id=UPLOAD_ID,
                    on_upload_progress=ComplaintFormState.upload_started,
                )
            ),
            border="1px dashed var(--gray-7)",
            border_radius="var(--radius-3)",
            width="100%",
            cursor="pointer",
        ),
        rx.text(tr("complaint.evidence.hint"), size="1", color_scheme="gray"),
        rx.cond(
            ComplaintFormState.uploading,
            rx.progress(
                value=ComplaintFormState.upload_progress,
                width="100%",
                id="upload-progress",
            ),
        ),
        rx.foreach(
            ComplaintFormState.upload_errors,
            lambda message: rx.text(
                message, color_scheme="red", size="2", class_name="upload-error"
            ),
        ),
        rx.foreach(ComplaintFormState.staged, _staged_file),
        field_error(E, "evidence"),
    )


def new_complaint() -> rx.Component:
    return page(
        rx.heading(tr("complaint.title"), size="7"),
        _evidence_section(),
        rx.form(
            rx.vstack(
                _section(
                    "complaint.section.merchant",
                    field(
                        "complaint.merchant_name",
                        text_input("merchant_name"),
                        E,
                        "merchant_name",
                    ),
                    field(
                        "complaint.merchant_uscc",
                        text_input("merchant_uscc", max_length=18),
                        E,
                        "merchant_uscc",
                        "complaint.merchant_uscc.hint",
                    ),
                ),
                _section(
                    "complaint.section.purchase",
                    field(
                        "complaint.purchase_channel",
                        text_input("purchase_channel"),
                        E,
                        "purchase_channel",
                    ),
                    field(
                        "complaint.category",
                        native_select("category", CATEGORY_OPTIONS, "complaint.choose"),
                        E,
                        "category",
                    ),
                    rx.grid(
                        field(
                            "complaint.order_no", text_input("order_no"), E, "order_no"
                        ),
                        field("complaint.product", text_input("product"), E, "product"),
                        field(
                            "complaint.amount_paid",
                            text_input("amount_paid", input_mode="decimal"),
                            E,
                            "amount_paid",
                        ),
                        field(
                            "complaint.purchase_date",
                            text_input("purchase_date", type="date"),
                            E,
                            "purchase_date",
                        ),
                        columns=rx.breakpoints(initial="1", sm="2"),
                        spacing="3",
                        width="100%",
                    ),
                ),
                _section(
                    "complaint.section.problem",
                    field(
                        "complaint.description",
                        rx.text_area(
                            name="description", id="description", rows="6", width="100%"
                        ),
                        E,
                        "description",
                        "complaint.description.hint",
                    ),
                    rx.grid(
                        field(
                            "complaint.demand",
                            native_select("demand", DEMAND_OPTIONS, "complaint.choose"),
                            E,
                            "demand",
                        ),
                        field(
                            "complaint.demand_amount",
                            text_input("demand_amount", input_mode="decimal"),
                            E,
                            "demand_amount",
                        ),
                        columns=rx.breakpoints(initial="1", sm="2"),
                        spacing="3",
                        width="100%",
                    ),
                    field(
                        "complaint.demand_detail",
                        text_input("demand_detail"),
                        E,
                        "demand_detail",
                    ),
                ),
                rx.vstack(
                    rx.el.label(
                        rx.el.input(type="checkbox", name="consent", id="consent"),
                        " ",
                        tr("complaint.consent"),
                        style={"font_size": "14px"},
                    ),
                    field_error(E, "consent"),
                    width="100%",
                ),
                form_error(ComplaintFormState.form_error),
                rx.button(
                    tr("complaint.submit"),
                    type="submit",
                    size="3",
                    id="complaint-submit",
                ),
                spacing="4",
                width="100%",
            ),
            on_submit=ComplaintFormState.submit,
            width="100%",
        ),
    )
