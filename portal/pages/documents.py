"""The legal documents page of a case: calculator, editor, versions and sends."""

import reflex as rx

from portal.components.calculator import INPUT_STYLE, calculator_card
from portal.components.forms import form_error, native_select
from portal.components.layout import page
from portal.components.text import tr
from portal.state.documents import DocumentsState as S

RULE_OPTIONS = [
    ("", "documents.draft.rule.none"),
    ("fraud", "documents.draft.rule.fraud"),
    ("food", "documents.draft.rule.food"),
]
SEND_COLORS = {"sent": "green", "failed": "red", "sending": "amber"}


def _var_error(name: rx.Var) -> rx.Component:
    return rx.cond(
        S.errors.contains(name),
        rx.text(S.errors[name], color_scheme="red", size="2", id="error-" + name),
    )


def _field_row(item: rx.Var) -> rx.Component:
    control_id = "doc-field-" + item["name"]
    return rx.vstack(
        rx.el.label(
            rx.text(item["label"], size="2", weight="medium"), html_for=control_id
        ),
        rx.cond(
            item["multiline"] != "",
            rx.el.textarea(
                name=item["name"],
                id=control_id,
                default_value=item["value"],
                rows=6,
                style=INPUT_STYLE,
            ),
            rx.el.input(
                name=item["name"],
                id=control_id,
                default_value=item["value"],
                style=INPUT_STYLE,
            ),
        ),
        _var_error(item["name"]),
        spacing="1",
        width="100%",
    )


def _draft_form() -> rx.Component:
    return rx.form(
        rx.hstack(
            rx.text(tr("documents.draft.rule"), size="2"),
            rx.box(native_select("rule", RULE_OPTIONS), width="220px"),
            rx.button(
                tr("documents.draft.submit"),
                type="submit",
                variant="soft",
                id="doc-draft",
            ),
            align="center",
            wrap="wrap",
        ),
        on_submit=S.draft,
    )


def _editor() -> rx.Component:
    return rx.vstack(
        _draft_form(),
        form_error(S.form_error),
        rx.form(
            rx.vstack(
                rx.foreach(S.editor, _field_row),
                rx.cond(
                    S.signature != "",
                    rx.text(S.signature, size="2", weight="medium", id="doc-signature"),
                ),
                rx.button(tr("documents.editor.save"), type="submit", id="doc-save"),
                spacing="3",
                width="100%",
            ),
            on_submit=S.save,
            key=S.editor_revision,
            width="100%",
        ),
        spacing="3",
        width="100%",
    )


def _read_only() -> rx.Component:
    return rx.vstack(
        rx.text(tr("documents.read_only"), size="2", color_scheme="gray"),
        rx.foreach(
            S.read_fields,
            lambda item: rx.vstack(
                rx.text(item["label"], size="1", color_scheme="gray"),
                rx.text(item["value"], size="2", white_space="pre-wrap"),
                spacing="0",
            ),
        ),
        rx.cond(S.signature != "", rx.text(S.signature, size="2", id="doc-signature")),
        spacing="2",
        width="100%",
    )


def _tab(item: rx.Var) -> rx.Component:
    return rx.button(
        item["title"],
        on_click=S.choose_kind(item["kind"]),
        variant=rx.cond(item["kind"] == S.kind, "solid", "soft"),
        id="doc-kind-" + item["kind"],
    )


def _version(item: rx.Var) -> rx.Component:
    rendered = item["rendered"] != ""
    return rx.hstack(
        rx.text(item["label"], weight="bold", size="2"),
        rx.text(item["at"], " · ", item["author"], size="1", color_scheme="gray"),
        rx.spacer(),
        rx.button(
            tr("documents.show_version"),
            on_click=S.show_version(item["number"]),
            size="1",
            variant="ghost",
            id="doc-show-" + item["number"],
        ),
        rx.cond(
            rendered,
            rx.link(
                tr("documents.download"),
                href=item["href"],
                is_external=True,
                size="2",
                id="doc-download-" + item["number"],
            ),
            rx.cond(
                S.may_edit,
                rx.button(
                    tr("documents.render"),
                    on_click=S.render(item["number"]),
                    size="1",
                    id="doc-render-" + item["number"],
                ),
            ),
        ),
        rx.cond(
            rendered & S.may_send,
            rx.button(
                tr("documents.send"),
                on_click=S.send(item["number"]),
                size="1",
                variant="outline",
                id="doc-send-" + item["number"],
            ),
        ),
        width="100%",
        align="center",
        class_name="doc-version",
    )


def _send(item: rx.Var) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.badge(
                item["status_label"],
                color_scheme=rx.match(item["status"], *SEND_COLORS.items(), "gray"),
            ),
            rx.text(item["version"], " → ", item["recipient"], size="2"),
            rx.text(item["at"], size="1", color_scheme="gray"),
            rx.cond(
                (item["status"] == "failed") & S.may_send,
                rx.button(
                    tr("documents.retry"),
                    on_click=S.send(item["number"]),
                    size="1",
                    variant="soft",
                    class_name="doc-retry",
                ),
            ),
            align="center",
            wrap="wrap",
        ),
        rx.cond(
            item["error"] != "",
            rx.text(item["error"], size="1", color_scheme="red"),
        ),
        spacing="1",
        class_name="doc-send-row",
    )


def _list_card(
    title_key: str, items: rx.Var, row, empty_key: str, card_id: str
) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(tr(title_key), size="4"),
            rx.cond(
                items.length() > 0,
                rx.foreach(items, row),
                rx.text(tr(empty_key), size="2", color_scheme="gray"),
            ),
            spacing="2",
            width="100%",
            id=card_id,
        ),
        width="100%",
    )


def _history() -> rx.Component:
    return rx.grid(
        _list_card(
            "documents.versions",
            S.versions,
            _version,
            "documents.not_started",
            "doc-versions",
        ),
        _list_card(
            "documents.sends", S.sends, _send, "documents.sends.empty", "doc-sends"
        ),
        columns=rx.breakpoints(initial="1", md="2"),
        spacing="4",
        width="100%",
    )


def _admin_tools() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.form(
                rx.hstack(
                    rx.el.input(
                        name="merchant_email",
                        id="merchant_email",
                        default_value=S.merchant_email,
                        placeholder=tr("documents.merchant_email"),
                        style=INPUT_STYLE,
                    ),
                    rx.button(
                        tr("documents.merchant_email.save"),
                        type="submit",
                        variant="soft",
                        id="merchant-email-save",
                    ),
                    align="center",
                    width="100%",
                ),
                _var_error("merchant_email"),
                on_submit=S.save_merchant_email,
                key=S.merchant_email,
                width="100%",
            ),
            rx.form(
                rx.hstack(
                    rx.text(tr("documents.assign.title"), size="2"),
                    rx.el.select(
                        rx.foreach(
                            S.lawyers,
                            lambda item: rx.el.option(item["name"], value=item["id"]),
                        ),
                        name="lawyer",
                        id="lawyer",
                        style=INPUT_STYLE,
                    ),
                    rx.button(
                        tr("documents.assign.submit"),
                        type="submit",
                        variant="soft",
                        id="assign-lawyer",
                    ),
                    align="center",
                    width="100%",
                ),
                _var_error("lawyer"),
                on_submit=S.assign_lawyer,
                width="100%",
            ),
            spacing="3",
            width="100%",
        ),
        width="100%",
    )


def _documents_card() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(rx.foreach(S.tabs, _tab), wrap="wrap"),
            rx.text(S.kind_hint, size="2", color_scheme="gray", id="doc-kind-hint"),
            rx.cond(S.may_edit, _editor(), _read_only()),
            spacing="3",
            width="100%",
        ),
        width="100%",
    )


def case_documents() -> rx.Component:
    return page(
        rx.cond(
            S.found,
            rx.vstack(
                rx.hstack(
                    rx.heading(tr("documents.title"), size="7"),
                    rx.text(S.case_number, size="4", id="doc-case-number"),
                    rx.spacer(),
                    rx.link(tr("documents.back_to_case"), href=S.case_href),
                    align="center",
                    width="100%",
                ),
                rx.cond(
                    S.handlers != "",
                    rx.text(S.handlers, size="2", id="doc-handlers"),
                ),
                calculator_card(),
                _documents_card(),
                _history(),
                rx.cond(S.is_admin, _admin_tools()),
                spacing="4",
                width="100%",
            ),
            rx.text(tr("case.not_found"), id="case-not-found"),
        ),
        max_width="1100px",
    )
