"""A request for litigation agency, shared by its consumer, lawyers and admins."""

import reflex as rx

from portal.components.facts import fact_row
from portal.components.forms import field, field_error, native_select, text_input
from portal.components.layout import page
from portal.components.text import tr
from portal.state.litigation import LitigationState as S

F = S.facts
E = S.engagement
MILESTONE_OPTIONS = [
    (kind, f"litigation.milestone.{kind}")
    for kind in ("filed", "hearing", "judgment", "mediation", "settlement", "recovered")
]


def _facts() -> rx.Component:
    return rx.card(
        rx.vstack(
            fact_row("collective.merchant", F["merchant"]),
            fact_row("collective.category", F["category"]),
            fact_row("complaint.description", F["description"]),
            fact_row("litigation.field.litigation_type", F["type"]),
            fact_row("litigation.field.area", F["area"]),
            fact_row("litigation.claimed", F["claimed"], "claimed-amount"),
            fact_row("litigation.cap", F["cap"], "offer-cap"),
            fact_row("litigation.max_percent", F["max_percent"], "max-percent"),
            fact_row("litigation.field.summary", F["summary"]),
            spacing="2",
            width="100%",
        ),
        width="100%",
    )


def _offer(offer: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text(offer["lawyer"], weight="bold"),
                rx.badge(offer["status_label"], variant="soft"),
                align="center",
            ),
            fact_row("litigation.offer.fee", offer["fee"]),
            fact_row("litigation.offer.fee_on_claim", offer["fee_on_claim"]),
            fact_row("litigation.offer.expenses", offer["expenses"]),
            rx.text(offer["expenses_detail"], size="2", color_scheme="gray"),
            rx.text(offer["message"], size="2", white_space="pre-wrap"),
            rx.cond(
                S.is_owner & (F["status"] == "open") & (offer["status"] == "pending"),
                rx.button(
                    tr("litigation.offer.accept"),
                    on_click=S.accept(offer["id"]),
                    id="accept-" + offer["id"],
                    class_name="accept-offer",
                ),
            ),
            spacing="1",
            width="100%",
        ),
        width="100%",
        class_name="offer-card",
    )


def _offer_form() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading(tr("litigation.offer.make"), size="4"),
                rx.callout(tr("litigation.offer.no_fee"), icon="info", width="100%"),
                rx.text(tr("litigation.cap"), ": ", F["cap"], " · ", F["max_percent"]),
                field(
                    "litigation.field.fee_percent",
                    text_input("fee_percent", inputmode="decimal"),
                    S.errors,
                    "fee_percent",
                ),
                field(
                    "litigation.field.expenses",
                    text_input("expenses", inputmode="decimal"),
                    S.errors,
                    "expenses",
                ),
                field(
                    "litigation.field.expenses_detail",
                    text_input("expenses_detail"),
                    S.errors,
                    "expenses_detail",
                ),
                field(
                    "litigation.field.message",
                    rx.text_area(name="message", id="message", width="100%"),
                    S.errors,
                    "message",
                ),
                rx.button(
                    tr("litigation.offer.submit"), type="submit", id="offer-submit"
                ),
                width="100%",
            ),
            on_submit=S.make_offer,
            width="100%",
        ),
        width="100%",
    )


def _offers() -> rx.Component:
    return rx.vstack(
        rx.heading(tr("litigation.offers"), size="4"),
        rx.cond(
            S.offers.length() > 0,
            rx.foreach(S.offers, _offer),
            rx.text(tr("litigation.no_offers"), color_scheme="gray"),
        ),
        rx.cond(S.can_offer, _offer_form()),
        rx.cond(
            S.is_owner & (F["status"] == "open"),
            rx.button(
                tr("litigation.withdraw"),
                on_click=S.withdraw,
                variant="outline",
                color_scheme="gray",
                id="withdraw-request",
            ),
        ),
        width="100%",
    )


def _milestone_form() -> rx.Component:
    def input_field(name: str) -> rx.Component:
        return field(f"litigation.field.{name}", text_input(name), S.errors, name)

    return rx.form(
        rx.vstack(
            rx.heading(tr("litigation.milestone.record"), size="3"),
            field(
                "litigation.field.kind",
                native_select("kind", MILESTONE_OPTIONS),
                S.errors,
                "kind",
            ),
            input_field("court"),
            input_field("court_case_no"),
            input_field("hearing_date"),
            input_field("note"),
            input_field("amount"),
            input_field("detail"),
            rx.button(
                tr("litigation.milestone.record"), type="submit", id="milestone-submit"
            ),
            width="100%",
        ),
        on_submit=S.record_milestone,
        reset_on_submit=True,
        width="100%",
    )


def _close_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            field(
                "litigation.field.recovered_amount",
                text_input("recovered_amount", inputmode="decimal"),
                S.errors,
                "recovered_amount",
            ),
            rx.button(
                tr("litigation.close"), type="submit", color_scheme="orange", id="close"
            ),
            width="100%",
        ),
        on_submit=S.close,
        width="100%",
    )


def _confirmations() -> rx.Component:
    def line(label_key: str, value: rx.Var) -> rx.Component:
        return rx.text(
            tr(label_key),
            ": ",
            rx.cond(value != "", value, tr("litigation.agreement.waiting")),
            size="2",
        )

    return rx.vstack(
        line("litigation.agreement.consumer_confirmed", E["consumer_confirmed"]),
        line("litigation.agreement.lawyer_confirmed", E["lawyer_confirmed"]),
        rx.cond(
            E["may_confirm"] != "",
            rx.button(
                tr("litigation.agreement.confirm"),
                on_click=S.confirm_agreement,
                id="confirm-agreement",
            ),
        ),
        spacing="1",
    )


def _engagement() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(tr("litigation.engagement"), size="4"),
                rx.badge(E["status_label"], id="engagement-status"),
                align="center",
            ),
            fact_row("role.lawyer", E["lawyer"]),
            fact_row("litigation.offer.fee", E["fee_percent"]),
            rx.heading(tr("litigation.agreement"), size="3"),
            rx.box(
                rx.text(E["agreement"], size="2", white_space="pre-wrap"),
                id="agreement-text",
                padding="12px",
                border="1px solid var(--gray-6)",
                border_radius="var(--radius-2)",
                width="100%",
            ),
            _confirmations(),
            rx.cond(
                E["fee_due"] != "",
                rx.vstack(
                    fact_row("litigation.recovered", E["recovered"], "recovered"),
                    fact_row("litigation.fee_due", E["fee_due"], "fee-due"),
                ),
            ),
            rx.cond(
                (E["status"] == "active") & (E["is_lawyer"] != ""),
                rx.vstack(_milestone_form(), _close_form(), width="100%"),
            ),
            rx.cond(
                (E["status"] == "fee_computed") & (E["is_consumer"] != ""),
                rx.button(tr("litigation.settle"), on_click=S.settle, id="settle"),
            ),
            field_error(S.errors, "kind"),
            spacing="3",
            width="100%",
        ),
        width="100%",
    )


def _milestones() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(tr("litigation.milestones"), size="4"),
            rx.foreach(
                S.milestones,
                lambda m: rx.vstack(
                    rx.text(m["title"], weight="bold", size="2"),
                    rx.text(m["at"], size="1", color_scheme="gray"),
                    rx.text(m["note"], size="2"),
                    spacing="0",
                    class_name="milestone",
                ),
            ),
            spacing="2",
            id="milestones",
        ),
        width="100%",
    )


def litigation_request() -> rx.Component:
    return page(
        rx.cond(
            S.found,
            rx.vstack(
                rx.hstack(
                    rx.heading(tr("litigation.page.title"), size="7"),
                    rx.link(F["number"], href=F["case_href"]),
                    rx.badge(F["status_label"], id="request-status"),
                    align="center",
                ),
                _facts(),
                rx.cond(S.engagement.contains("id"), _engagement(), _offers()),
                rx.cond(S.milestones.length() > 0, _milestones()),
                width="100%",
                spacing="4",
            ),
            rx.text(tr("litigation.not_found"), id="request-not-found"),
        ),
        max_width="960px",
    )
