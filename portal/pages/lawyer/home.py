"""The lawyer's landing page. Until credentials are approved it shows the wait."""

import reflex as rx

from portal.components.layout import page
from portal.components.text import tr


def lawyer_home() -> rx.Component:
    return page(
        rx.heading(tr("role.lawyer"), size="7"),
        rx.callout(tr("auth.lawyer_pending"), icon="hourglass", id="lawyer-pending"),
    )
