"""The admin's candidate groups for collective action, each with an opening form."""

import reflex as rx

from portal.components.layout import page
from portal.components.text import tr
from portal.state.collective import CollectiveAdminState as S


def _error(key: rx.Var) -> rx.Component:
    return rx.cond(
        S.errors.contains(key), rx.text(S.errors[key], color_scheme="red", size="2")
    )


def _open_form(group: rx.Var) -> rx.Component:
    key = group["key"]
    return rx.form(
        rx.vstack(
            rx.el.input(type="hidden", name="merchant_id", value=group["merchant_id"]),
            rx.el.input(type="hidden", name="category", value=group["category"]),
            rx.input(
                name="title",
                placeholder=tr("collective.field.title"),
                width="100%",
                id="title-" + key,
            ),
            _error(key + "-title"),
            rx.text_area(
                name="description",
                placeholder=tr("collective.field.description"),
                width="100%",
                id="description-" + key,
            ),
            _error(key + "-description"),
            rx.button(tr("collective.open"), type="submit", id="open-" + key),
            width="100%",
        ),
        on_submit=S.open_action,
        width="100%",
    )


def _group(group: rx.Var) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(group["merchant"], size="4"),
                rx.badge(group["category_label"]),
                rx.badge(
                    tr("collective.size"), " ", group["size"], color_scheme="teal"
                ),
                align="center",
            ),
            rx.text(tr("collective.period"), ": ", group["period"], size="2"),
            rx.cond(
                group["action_href"] != "",
                rx.link(tr("collective.already_open"), href=group["action_href"]),
                _open_form(group),
            ),
            width="100%",
        ),
        width="100%",
        class_name="candidate-group",
    )


def collective_candidates() -> rx.Component:
    return page(
        rx.heading(tr("collective.title"), size="7"),
        rx.text(tr("collective.candidates"), color_scheme="gray"),
        rx.cond(
            S.groups.length() > 0,
            rx.foreach(S.groups, _group),
            rx.text(tr("collective.no_candidates"), id="no-candidates"),
        ),
        max_width="960px",
    )
