"""The lawyer's credential application: the form, files and status."""

import reflex as rx

from portal.components.cards import titled_card
from portal.components.credential_files import file_list
from portal.components.forms import (
    field,
    field_error,
    form_error,
    native_select,
    text_input,
)
from portal.components.lawyer_status import application_badge
from portal.components.layout import page
from portal.components.text import tr
from portal.models import PRACTICE_REGIONS, CredentialKind, PracticeArea
from portal.state.lawyer_application import ApplicationState

S = ApplicationState
E = ApplicationState.errors
V = ApplicationState.values
REGION_OPTIONS = [(code, f"lawyer.region.{code}") for code in PRACTICE_REGIONS]
UPLOAD_HANDLERS = {
    CredentialKind.LICENCE: ApplicationState.upload_licence,
    CredentialKind.ID_DOCUMENT: ApplicationState.upload_id_document,
}


def _status_card() -> rx.Component:
    return titled_card(
        "lawyer.application.status",
        rx.hstack(
            application_badge(S.status, S.status_label),
            rx.cond(
                S.submitted_at != "",
                rx.text(tr("lawyer.submitted_at"), " ", S.submitted_at, size="2"),
            ),
            align="center",
            id="application-status",
        ),
        rx.text(tr("lawyer.explain." + S.status), size="2", id="status-explain"),
        rx.cond(
            S.reviewer_message != "",
            rx.callout(
                rx.vstack(
                    rx.text(tr("lawyer.reviewer_message"), weight="bold"),
                    rx.text(S.reviewer_message, white_space="pre-wrap"),
                    spacing="1",
                ),
                icon="message-square",
                color_scheme="orange",
                width="100%",
                id="reviewer-message",
            ),
        ),
    )


def _area_box(area: PracticeArea) -> rx.Component:
    return rx.el.label(
        rx.el.input(
            type="checkbox",
            name=f"area_{area.value}",
            id=f"area_{area.value}",
            default_checked=S.areas.contains(area.value),
        ),
        " ",
        tr(f"lawyer.area.{area.value}"),
        style={"font_size": "14px", "margin_right": "12px"},
    )


def _details_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.grid(
                field(
                    "lawyer.real_name",
                    text_input("real_name", default_value=V["real_name"]),
                    E,
                    "real_name",
                ),
                field(
                    "lawyer.licence_no",
                    text_input(
                        "licence_no",
                        default_value=V["licence_no"],
                        input_mode="numeric",
                    ),
                    E,
                    "licence_no",
                    "lawyer.licence_no.hint",
                ),
                field(
                    "lawyer.firm_name",
                    text_input("firm_name", default_value=V["firm_name"]),
                    E,
                    "firm_name",
                ),
                field(
                    "lawyer.firm_uscc",
                    text_input(
                        "firm_uscc", default_value=V["firm_uscc"], max_length=18
                    ),
                    E,
                    "firm_uscc",
                    "lawyer.firm_uscc.hint",
                ),
                field(
                    "lawyer.region",
                    native_select(
                        "region",
                        REGION_OPTIONS,
                        "lawyer.choose",
                        default_value=V["region"],
                    ),
                    E,
                    "region",
                ),
                field(
                    "lawyer.years_in_practice",
                    text_input(
                        "years_in_practice",
                        default_value=V["years_in_practice"],
                        input_mode="numeric",
                    ),
                    E,
                    "years_in_practice",
                ),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="3",
                width="100%",
            ),
            rx.vstack(
                rx.text(tr("lawyer.areas"), size="2", weight="medium"),
                rx.flex(*[_area_box(area) for area in PracticeArea], wrap="wrap"),
                field_error(E, "areas"),
                spacing="1",
                width="100%",
            ),
            field(
                "lawyer.statement",
                rx.text_area(
                    name="statement",
                    id="statement",
                    rows="4",
                    width="100%",
                    default_value=V["statement"],
                ),
                E,
                "statement",
                "lawyer.statement.hint",
            ),
            rx.button(
                tr("lawyer.save"), type="submit", variant="soft", id="application-save"
            ),
            spacing="4",
            width="100%",
        ),
        on_submit=ApplicationState.save,
        width="100%",
    )


def _upload(kind: CredentialKind) -> rx.Component:
    upload_id = f"{kind.value}_files"
    return rx.vstack(
        rx.text(tr(f"lawyer.file.{kind.value}"), size="2", weight="medium"),
        rx.upload.root(
            rx.vstack(
                rx.icon("upload", size=18),
                rx.text(tr("lawyer.files.choose"), size="2"),
                align="center",
                padding="3",
            ),
            id=upload_id,
            multiple=True,
            on_drop=UPLOAD_HANDLERS[kind](rx.upload_files(upload_id=upload_id)),
            border="1px dashed var(--gray-7)",
            border_radius="var(--radius-3)",
            width="100%",
            cursor="pointer",
        ),
        field_error(E, upload_id),
        width="100%",
    )


def _remove_button(item: rx.Var) -> rx.Component:
    return rx.button(
        tr("lawyer.files.remove"),
        " ",
        item["name"],
        size="1",
        variant="ghost",
        color_scheme="red",
        type="button",
        on_click=ApplicationState.remove_file(item["id"]),
        class_name="remove-credential",
    )


def _files_section() -> rx.Component:
    return titled_card(
        "lawyer.files",
        rx.cond(
            S.editable,
            rx.vstack(
                rx.text(tr("lawyer.files.hint"), size="1", color_scheme="gray"),
                rx.grid(
                    _upload(CredentialKind.LICENCE),
                    _upload(CredentialKind.ID_DOCUMENT),
                    columns=rx.breakpoints(initial="1", sm="2"),
                    spacing="3",
                    width="100%",
                ),
                rx.foreach(
                    S.upload_errors,
                    lambda message: rx.text(
                        message, color_scheme="red", size="2", class_name="upload-error"
                    ),
                ),
                rx.flex(rx.foreach(S.files, _remove_button), wrap="wrap", gap="8px"),
                width="100%",
            ),
        ),
        file_list(S.files, "lawyer.files.none"),
        id="credential-files",
    )


def _submit_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.cond(
                S.status == "more_info_requested",
                field(
                    "lawyer.reply",
                    rx.text_area(name="reply", id="reply", rows="3", width="100%"),
                    E,
                    "reply",
                    "lawyer.reply.hint",
                ),
            ),
            field_error(E, "form"),
            form_error(S.form_error),
            rx.button(
                tr("lawyer.submit." + S.status),
                type="submit",
                size="3",
                id="application-submit",
            ),
            spacing="3",
            width="100%",
        ),
        on_submit=ApplicationState.submit,
        reset_on_submit=True,
        width="100%",
    )


def _summary() -> rx.Component:
    def row(label_key: str, value: rx.Var) -> rx.Component:
        return rx.hstack(
            rx.text(tr(label_key), size="2", color_scheme="gray", min_width="140px"),
            rx.text(value, size="2", white_space="pre-wrap"),
        )

    return titled_card(
        "lawyer.application.details",
        row("lawyer.real_name", V["real_name"]),
        row("lawyer.licence_no", V["licence_no"]),
        row("lawyer.firm_name", V["firm_name"]),
        row("lawyer.firm_uscc", V["firm_uscc"]),
        row("lawyer.years_in_practice", V["years_in_practice"]),
        row("lawyer.statement", V["statement"]),
        id="application-summary",
    )


def lawyer_application_page() -> rx.Component:
    return page(
        rx.heading(tr("lawyer.application.title"), size="7"),
        rx.cond(
            S.loaded,
            rx.vstack(
                _status_card(),
                rx.cond(
                    S.editable,
                    rx.vstack(
                        titled_card("lawyer.application.details", _details_form()),
                        _files_section(),
                        titled_card("lawyer.application.send", _submit_form()),
                        spacing="4",
                        width="100%",
                    ),
                    rx.vstack(_summary(), _files_section(), spacing="4", width="100%"),
                ),
                spacing="4",
                width="100%",
            ),
            rx.text(tr("common.loading")),
        ),
    )
