"""The calculator form: parse what a visitor typed and run every rule that applies.

Anyone may use the calculator, signed in or not, so this takes no actor and
reads nothing from the database.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from portal.services import calculator
from portal.services.errors import FieldError, ValidationFailed
from portal.services.validators import parse_amount, parse_past_date


@dataclass(frozen=True)
class CalculatorInput:
    """Checked calculator inputs; each date or flag left out skips its rule."""

    price: Decimal | None
    loss: Decimal | None
    fraud: bool
    unsafe_food: bool
    labelling_flaw_only: bool
    channel: str
    signed_for_on: date | None
    exclusions: frozenset[str]
    known_on: date | None


@dataclass(frozen=True)
class CalculatorResult:
    """Every rule the input asked for; None where a rule was not asked for."""

    claims: tuple[calculator.Claim, ...]
    return_window: calculator.ReturnWindow | None
    limitation: calculator.Deadline | None


def _flag(raw: Mapping[str, Any], name: str) -> bool:
    return str(raw.get(name, "")).lower() in ("on", "true", "1", "yes")


def parse_input(raw: Mapping[str, Any], today: date) -> CalculatorInput:
    """Check the calculator form and report every error at once.

    Raises:
        ValidationFailed: an amount or date is invalid, a channel is unknown,
            or a money rule is ticked without the price.
    """
    errors: dict[str, FieldError] = {}

    def collect(field: str, parse):
        try:
            return parse()
        except FieldError as error:
            errors[field] = error
            return None

    price = collect("price", lambda: parse_amount(raw.get("price"), "price"))
    loss = collect("loss", lambda: parse_amount(raw.get("loss"), "loss"))
    signed = collect(
        "signed_for_on",
        lambda: parse_past_date(raw.get("signed_for_on"), "signed_for_on", today),
    )
    known = collect(
        "known_on", lambda: parse_past_date(raw.get("known_on"), "known_on", today)
    )
    channel = str(raw.get("channel") or "online")
    if channel not in calculator.CHANNELS:
        errors["channel"] = FieldError("channel", "error.choice.invalid", value=channel)
    fraud, food = _flag(raw, "fraud"), _flag(raw, "unsafe_food")
    if (fraud or food) and price is None and "price" not in errors:
        errors["price"] = FieldError("price", "documents.error.price_needed")
    if errors:
        raise ValidationFailed(errors)
    return CalculatorInput(
        price=price,
        loss=loss,
        fraud=fraud,
        unsafe_food=food,
        labelling_flaw_only=_flag(raw, "labelling_flaw_only"),
        channel=channel,
        signed_for_on=signed,
        exclusions=frozenset(
            name for name in calculator.RETURN_EXCLUSIONS if _flag(raw, name)
        ),
        known_on=known,
    )


def calculate(data: CalculatorInput) -> CalculatorResult:
    """Run the rules the input requests."""
    claims = []
    if data.fraud:
        claims.append(calculator.fraud_claim(data.price))
    if data.unsafe_food:
        claims.append(
            calculator.food_safety_claim(
                data.price,
                data.loss or Decimal(0),
                labelling_flaw_only=data.labelling_flaw_only,
            )
        )
    window = (
        calculator.seven_day_return(data.channel, data.signed_for_on, data.exclusions)
        if data.signed_for_on
        else None
    )
    limitation = calculator.limitation_period(data.known_on) if data.known_on else None
    return CalculatorResult(tuple(claims), window, limitation)
