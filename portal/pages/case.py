"""The case page for the consumer who filed it, admins and consulted lawyers."""

import reflex as rx

from portal import routes
from portal.components.case_table import status_badge
from portal.components.documents_link import documents_link
from portal.components.forms import field_error
from portal.components.layout import page
from portal.components.litigation_links import litigation_links
from portal.components.text import tr
from portal.state.cases import CaseState

F = CaseState.facts


def _fact(label_key: str, value: rx.Var) -> rx.Component:
    return rx.cond(
        value != "",
        rx.hstack(
            rx.text(tr(label_key), size="2", color_scheme="gray", min_width="140px"),
            rx.text(value, size="2", white_space="pre-wrap"),
            align="start",
        ),
    )


def _facts() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(tr("case.facts"), size="4"),
            _fact("complaint.merchant_name", F["merchant"]),
            _fact("fact.merchant_uscc", F["merchant_uscc"]),
            _fact("fact.purchase_channel", F["purchase_channel"]),
            _fact("complaint.category", F["category"]),
            _fact("complaint.order_no", F["order_no"]),
            _fact("complaint.product", F["product"]),
            _fact("fact.amount_paid", F["amount_paid"]),
            _fact("complaint.purchase_date", F["purchase_date"]),
            _fact("complaint.description", F["description"]),
            _fact("complaint.demand", F["demand"]),
            _fact("fact.demand_amount", F["demand_amount"]),
            _fact("fact.demand_detail", F["demand_detail"]),
            _fact("queue.consumer", F["consumer"]),
            _fact("case.source", F["source"]),
            spacing="2",
            width="100%",
        ),
        width="100%",
    )


def _timeline_entry(entry: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.box(
            width="10px",
            height="10px",
            border_radius="50%",
            background="var(--teal-9)",
            margin_top="6px",
        ),
        rx.vstack(
            rx.hstack(
                rx.text(entry["title"], weight="bold", size="2"),
                rx.cond(
                    entry["status"] != "", rx.badge(entry["status"], variant="soft")
                ),
                rx.cond(
                    entry["internal"] != "",
                    rx.badge(tr("event.note"), color_scheme="amber"),
                ),
                align="center",
            ),
            rx.text(entry["at"], " · ", entry["who"], size="1", color_scheme="gray"),
            rx.cond(
                entry["note"] != "",
                rx.text(entry["note"], size="2", white_space="pre-wrap"),
            ),
            spacing="1",
        ),
        align="start",
        class_name="timeline-entry",
    )


def _evidence() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(tr("case.evidence"), size="4"),
            rx.cond(
                CaseState.evidence.length() > 0,
                rx.foreach(
                    CaseState.evidence,
                    lambda item: rx.link(
                        rx.hstack(rx.icon("file", size=16), rx.text(item["name"])),
                        href=item["href"],
                        is_external=True,
                        class_name="evidence-link",
                    ),
                ),
                rx.text(tr("case.no_evidence"), color_scheme="gray", size="2"),
            ),
            rx.cond(
                CaseState.is_owner & CaseState.open_for_information,
                rx.vstack(
                    rx.upload.root(
                        rx.button(
                            tr("case.add_evidence"),
                            variant="soft",
                            size="1",
                            type="button",
                        ),
                        id="case_evidence",
                        multiple=True,
                        on_drop=CaseState.add_evidence(
                            rx.upload_files(upload_id="case_evidence")
                        ),
                    ),
                    rx.foreach(
                        CaseState.upload_errors,
                        lambda m: rx.text(m, color_scheme="red", size="2"),
                    ),
                ),
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
    )


def _move_form(move: rx.Var) -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.el.input(type="hidden", name="status", value=move["status"]),
            rx.cond(
                move["needs_note"] != "",
                rx.text_area(
                    name="note",
                    placeholder=move["note_label"],
                    width="100%",
                    id="move-note-" + move["status"],
                ),
            ),
            rx.cond(
                move["status"] == "withdrawn",
                rx.el.label(
                    rx.el.input(type="checkbox", name="confirm", id="confirm-withdraw"),
                    " ",
                    tr("case.withdraw.confirm"),
                    style={"font_size": "14px"},
                ),
            ),
            rx.button(
                move["label"],
                type="submit",
                variant="soft",
                id="move-" + move["status"],
            ),
            field_error(CaseState.errors, "move_" + move["status"]),
            spacing="2",
            width="100%",
        ),
        on_submit=CaseState.move,
        width="100%",
    )


def _note_form(label_key: str, submit_key: str) -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.text_area(
                name="note", placeholder=tr(label_key), width="100%", id="case-note"
            ),
            field_error(CaseState.errors, "note"),
            rx.button(
                tr(submit_key), type="submit", variant="outline", id="case-note-submit"
            ),
            width="100%",
        ),
        on_submit=CaseState.add_note,
        width="100%",
    )


def _actions() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(tr("case.actions"), size="4"),
            rx.foreach(CaseState.moves, _move_form),
            rx.cond(
                CaseState.user_role == "admin",
                _note_form("case.admin_note", "case.admin_note.submit"),
                rx.cond(
                    CaseState.is_owner & CaseState.open_for_information,
                    _note_form("case.add_information", "case.add_information.submit"),
                ),
            ),
            rx.cond(
                CaseState.is_owner,
                rx.link(
                    tr("consultation.ask_about_case"),
                    href=routes.CONSULTATIONS
                    + "?case="
                    + CaseState.case_id.to_string(),
                    id="ask-lawyer",
                ),
            ),
            spacing="3",
            width="100%",
        ),
        width="100%",
    )


def case_page() -> rx.Component:
    return page(
        rx.cond(
            CaseState.found,
            rx.vstack(
                rx.hstack(
                    rx.heading(F["number"], size="7", id="case-number"),
                    status_badge(F["status"], F["status_label"]),
                    align="center",
                ),
                litigation_links(),
                rx.cond(
                    F["status_reason"] != "",
                    rx.callout(F["status_reason"], icon="info", width="100%"),
                ),
                rx.grid(
                    rx.vstack(_facts(), _evidence(), documents_link(), width="100%"),
                    rx.vstack(
                        _actions(),
                        rx.card(
                            rx.vstack(
                                rx.heading(tr("case.timeline"), size="4"),
                                rx.foreach(CaseState.timeline, _timeline_entry),
                                spacing="3",
                                id="timeline",
                            ),
                            width="100%",
                        ),
                        width="100%",
                    ),
                    columns=rx.breakpoints(initial="1", md="2"),
                    spacing="4",
                    width="100%",
                ),
                width="100%",
                spacing="4",
            ),
            rx.text(tr("case.not_found"), id="case-not-found"),
        ),
        max_width="1100px",
    )
