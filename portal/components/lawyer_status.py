"""Badges for lawyer application statuses."""

import reflex as rx

from portal.components.case_table import status_badge

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
    return status_badge(status, label, APPLICATION_STATUS_COLORS)
