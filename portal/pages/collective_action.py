"""One collective action: progress for members, management for the lawyer and admins.

Members appear to each other only as "Member #id"; the member list with names
is rendered only when the service returned it (lead lawyer and admins).
"""

import reflex as rx

from portal.components.facts import fact_row
from portal.components.forms import field, text_input
from portal.components.layout import page
from portal.components.text import tr
from portal.state.collective import CollectiveState as S

M = S.summary


def _overview() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(M["description"], white_space="pre-wrap"),
            rx.hstack(
                rx.text(tr("collective.merchant"), size="2", color_scheme="gray"),
                rx.link(M["merchant"], href=M["merchant_href"], size="2"),
            ),
            fact_row("collective.category", M["category"]),
            fact_row("collective.members", M["member_count"], "member-count"),
            fact_row("collective.claimed_total", M["claimed_total"], "claimed-total"),
            fact_row(
                "collective.lead",
                rx.cond(M["lead"] != "", M["lead"], tr("collective.no_lead")),
                "lead-lawyer",
            ),
            rx.cond(
                M["fee_per_member"] != "",
                fact_row("collective.field.fee_per_member", M["fee_per_member"]),
            ),
            rx.cond(M["fee_terms"] != "", fact_row("collective.terms", M["fee_terms"])),
            rx.cond(
                S.my_status != "",
                rx.badge(
                    tr("collective.my_status"),
                    ": ",
                    rx.match(
                        S.my_status,
                        ("invited", tr("collective.status.invited")),
                        ("joined", tr("collective.status.joined")),
                        S.my_status,
                    ),
                    id="my-status",
                ),
            ),
            spacing="2",
            width="100%",
        ),
        width="100%",
    )


def _membership() -> rx.Component:
    join_form = rx.form(
        rx.hstack(
            rx.el.select(
                rx.foreach(
                    S.joinable,
                    lambda c: rx.el.option(c["number"], value=c["id"]),
                ),
                name="complaint_id",
                id="complaint_id",
            ),
            rx.button(tr("collective.join"), type="submit", id="join"),
            align="center",
        ),
        on_submit=S.join,
    )
    return rx.vstack(
        rx.cond(
            (S.my_status != "joined") & (S.joinable.length() > 0),
            join_form,
        ),
        rx.cond(
            S.my_status == "joined",
            rx.hstack(
                rx.button(
                    tr("collective.leave"),
                    on_click=S.leave,
                    variant="outline",
                    color_scheme="gray",
                    id="leave",
                ),
                rx.cond(
                    S.my_candidate,
                    rx.button(
                        tr("collective.unstand"),
                        on_click=S.stand(False),
                        variant="soft",
                        id="unstand",
                    ),
                    rx.button(
                        tr("collective.stand"), on_click=S.stand(True), id="stand"
                    ),
                ),
            ),
        ),
    )


def _candidate(row: rx.Var) -> rx.Component:
    return rx.hstack(
        rx.cond(
            S.my_status == "joined",
            rx.el.input(
                type="checkbox",
                name="vote-" + row["id"],
                id="vote-" + row["id"],
                default_checked=row["mine"] != "",
            ),
        ),
        rx.text(row["alias"]),
        rx.text(row["votes"], " ", tr("collective.votes"), color_scheme="gray"),
        rx.cond(
            row["representative"] != "",
            rx.badge(tr("collective.representatives"), color_scheme="teal"),
        ),
        align="center",
        class_name="candidate",
    )


def _representatives() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(tr("collective.candidates_vote"), size="4"),
            rx.form(
                rx.vstack(
                    rx.foreach(S.candidates, _candidate),
                    rx.cond(
                        (S.my_status == "joined") & (S.candidates.length() > 0),
                        rx.button(tr("collective.vote"), type="submit", id="vote"),
                    ),
                    rx.cond(
                        S.errors.contains("votes"),
                        rx.text(S.errors["votes"], color_scheme="red", size="2"),
                    ),
                ),
                on_submit=S.vote,
            ),
            rx.cond(
                S.may_manage,
                rx.form(
                    rx.hstack(
                        field(
                            "collective.field.seats",
                            text_input("seats", inputmode="numeric"),
                            S.errors,
                            "seats",
                        ),
                        rx.button(tr("collective.elect"), type="submit", id="elect"),
                        align="end",
                    ),
                    on_submit=S.elect,
                ),
            ),
            width="100%",
        ),
        width="100%",
    )


def _updates() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(tr("collective.updates"), size="4"),
            rx.cond(
                S.is_lead,
                rx.form(
                    rx.vstack(
                        field(
                            "collective.field.body",
                            rx.text_area(name="body", id="body", width="100%"),
                            S.errors,
                            "body",
                        ),
                        rx.button(
                            tr("collective.post_update"),
                            type="submit",
                            id="post-update",
                        ),
                        width="100%",
                    ),
                    on_submit=S.post_update,
                    reset_on_submit=True,
                    width="100%",
                ),
            ),
            rx.cond(
                S.updates.length() > 0,
                rx.foreach(
                    S.updates,
                    lambda u: rx.vstack(
                        rx.text(u["at"], size="1", color_scheme="gray"),
                        rx.text(u["body"], size="2", white_space="pre-wrap"),
                        spacing="0",
                        class_name="collective-update",
                    ),
                ),
                rx.text(tr("collective.no_updates"), color_scheme="gray", size="2"),
            ),
            width="100%",
        ),
        width="100%",
    )


def _lead_form() -> rx.Component:
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading(tr("collective.take_lead"), size="4"),
                field(
                    "collective.field.fee_per_member",
                    text_input("fee_per_member", inputmode="decimal"),
                    S.errors,
                    "fee_per_member",
                ),
                field(
                    "collective.field.fee_terms",
                    rx.text_area(name="fee_terms", id="fee_terms", width="100%"),
                    S.errors,
                    "fee_terms",
                ),
                rx.button(tr("collective.take_lead"), type="submit", id="take-lead"),
                width="100%",
            ),
            on_submit=S.take_lead,
            width="100%",
        ),
        width="100%",
    )


def _member_list() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(tr("collective.member_list"), size="4"),
            rx.foreach(
                S.members,
                lambda m: rx.hstack(
                    rx.text(m["alias"]),
                    rx.text(m["name"]),
                    rx.link(m["number"], href=m["href"]),
                    rx.text(m["claimed"]),
                    rx.badge(m["status_label"]),
                    class_name="member-row",
                ),
            ),
            width="100%",
        ),
        width="100%",
    )


def collective_action() -> rx.Component:
    return page(
        rx.cond(
            S.found,
            rx.vstack(
                rx.hstack(
                    rx.heading(M["title"], size="7", id="action-title"),
                    rx.badge(M["status_label"]),
                    align="center",
                ),
                _overview(),
                _membership(),
                rx.cond(S.may_lead, _lead_form()),
                _updates(),
                _representatives(),
                rx.cond(S.may_manage, _member_list()),
                width="100%",
                spacing="4",
            ),
            rx.text(tr("collective.not_found"), id="action-not-found"),
        ),
    )
