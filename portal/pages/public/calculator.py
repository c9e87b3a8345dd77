"""The public compensation calculator: no sign-in needed."""

import reflex as rx

from portal.components.calculator import calculator_card
from portal.components.layout import page


def calculator_page() -> rx.Component:
    return page(calculator_card(), max_width="1100px")
