"""The admin's review page of one lawyer application."""

import reflex as rx

from portal import routes
from portal.components.cards import titled_card
from portal.components.credential_files import file_list
from portal.components.forms import field_error
from portal.components.lawyer_status import application_badge
from portal.components.layout import page
from portal.components.text import tr
from portal.state.lawyer_review import LawyerReviewState

S = LawyerReviewState
F = LawyerReviewState.facts
FINDING_COLORS = {"ok": "green", "info": "blue", "warning": "orange"}


def _fact(label_key: str, value: rx.Var, **props) -> rx.Component:
    return rx.hstack(
        rx.text(tr(label_key), size="2", color_scheme="gray", min_width="130px"),
        rx.text(value, size="2", white_space="pre-wrap", **props),
        align="start",
    )


def _facts() -> rx.Component:
    return titled_card(
        "lawyer.application.details",
        _fact("lawyer.real_name", F["real_name"], id="review-real-name"),
        _fact("lawyer.review.account", F["account"]),
        _fact("lawyer.review.contact", F["contact"]),
        _fact("lawyer.licence_no", F["licence_no"], id="review-licence"),
        _fact("lawyer.firm_name", F["firm_name"]),
        _fact("lawyer.firm_uscc", F["firm_uscc"]),
        _fact("lawyer.region", F["region"]),
        _fact("lawyer.practice_areas", S.areas.join(tr("common.list_separator"))),
        _fact("lawyer.years_in_practice", F["years"]),
        _fact("lawyer.statement", F["statement"]),
        _fact("lawyer.submitted_at", F["submitted_at"]),
    )


def _finding(item: rx.Var) -> rx.Component:
    return rx.callout(
        item["text"],
        icon="info",
        color_scheme=rx.match(item["level"], *FINDING_COLORS.items(), "gray"),
        size="1",
        width="100%",
        class_name=rx.match(
            item["level"],
            ("warning", "finding finding-warning"),
            "finding",
        ),
    )


def _action_form(item: rx.Var) -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.el.input(type="hidden", name="action", value=item["action"]),
            rx.cond(
                item["needs_reason"] != "",
                rx.text_area(
                    name="reason",
                    placeholder=item["reason_label"],
                    width="100%",
                    id="reason-" + item["action"],
                ),
            ),
            rx.button(
                item["label"],
                type="submit",
                variant="soft",
                id="action-" + item["action"],
            ),
            field_error(S.errors, "reason_" + item["action"]),
            spacing="2",
            width="100%",
        ),
        on_submit=LawyerReviewState.decide,
        width="100%",
    )


def _history_entry(entry: rx.Var) -> rx.Component:
    return rx.vstack(
        rx.text(entry["action"], " · ", entry["change"], weight="bold", size="2"),
        rx.text(entry["at"], " · ", entry["who"], size="1", color_scheme="gray"),
        rx.cond(
            entry["reason"] != "",
            rx.text(entry["reason"], size="2", white_space="pre-wrap"),
        ),
        spacing="1",
        class_name="history-entry",
    )


def _side() -> rx.Component:
    return rx.vstack(
        titled_card(
            "lawyer.review.findings",
            rx.foreach(S.findings, _finding),
            id="findings",
        ),
        titled_card(
            "lawyer.review.actions",
            rx.cond(
                S.actions.length() > 0,
                rx.foreach(S.actions, _action_form),
                rx.text(tr("lawyer.review.no_actions"), size="2", color_scheme="gray"),
            ),
            id="review-actions",
        ),
        titled_card(
            "lawyer.review.history",
            rx.foreach(S.history, _history_entry),
            id="review-history",
        ),
        width="100%",
    )


def lawyer_review() -> rx.Component:
    return page(
        rx.link(tr("lawyer.queue.title"), href=routes.ADMIN_LAWYERS, size="2"),
        rx.cond(
            S.found,
            rx.vstack(
                rx.hstack(
                    rx.heading(F["real_name"], size="7"),
                    application_badge(F["status"], F["status_label"]),
                    align="center",
                    id="review-status",
                ),
                rx.cond(
                    F["status"] == "approved",
                    rx.link(
                        tr("lawyer.workspace.public_profile"), href=F["profile_href"]
                    ),
                ),
                rx.grid(
                    rx.vstack(
                        _facts(),
                        titled_card(
                            "lawyer.files",
                            file_list(S.files, "lawyer.files.none"),
                            id="review-files",
                        ),
                        width="100%",
                    ),
                    _side(),
                    columns=rx.breakpoints(initial="1", md="2"),
                    spacing="4",
                    width="100%",
                ),
                spacing="4",
                width="100%",
            ),
            rx.text(tr("lawyer.review.not_found"), id="review-not-found"),
        ),
        max_width="1200px",
    )
