"""Badges for lawyer application statuses."""

import reflex as rx

APPLICATION_STATUS_COLORS = {
    "draft": "gray",
    "submitted": "blue",
    "under_review": "amber",
    "more_info_requested": "orange",
    "approved": "green",
    "rejected": "red",
    "suspended": "crimson",
}


def application_badge(status: rx.Var, label: rx.Var) -> rx.Component:
    return rx.badge(
        label,
        color_scheme=rx.match(status, *APPLICATION_STATUS_COLORS.items(), "gray"),
        class_name="application-status",
    )
