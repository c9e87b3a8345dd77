"""The calculator form: input checks and which rules run."""

from datetime import date
from decimal import Decimal

import pytest

from portal.services import calculator_form
from portal.services.errors import ValidationFailed

TODAY = date(2026, 12, 5)


def _run(**raw):
    data = calculator_form.parse_input(raw, TODAY)
    return calculator_form.calculate(data)


def test_form_fraud_ticked_runs_fraud():
    result = _run(price="299", fraud="on")
    assert [claim.rule for claim in result.claims] == ["fraud"]
    assert result.claims[0].total == Decimal("1196.00")


def test_form_both_rules_run_both():
    result = _run(price="50", fraud="on", unsafe_food="on", loss="10")
    assert [claim.rule for claim in result.claims] == ["fraud", "food"]


def test_form_nothing_ticked_runs_nothing():
    result = _run(price="299")
    assert result.claims == ()
    assert result.return_window is None
    assert result.limitation is None


def test_form_dates_run_deadlines():
    result = _run(signed_for_on="2026-09-24", known_on="2026-03-10")
    assert result.return_window.deadline.last_day == date(2026, 10, 8)
    assert result.limitation.estimated


def test_form_exclusion_ticked_excludes():
    result = _run(signed_for_on="2026-09-24", perishable="on")
    assert not result.return_window.eligible


def test_form_rule_without_price_names_price():
    with pytest.raises(ValidationFailed) as caught:
        calculator_form.parse_input({"unsafe_food": "on"}, TODAY)
    assert caught.value.errors["price"].key == "documents.error.price_needed"


@pytest.mark.parametrize(
    ("field", "value", "key"),
    [
        ("price", "abc", "error.amount.not_a_number"),
        ("loss", "-5", "error.amount.not_positive"),
        ("signed_for_on", "2026-12-06", "error.date.future"),
        ("known_on", "03/10/2026", "error.date.format"),
        ("channel", "street", "error.choice.invalid"),
    ],
)
def test_form_rejects_bad_input(field, value, key):
    with pytest.raises(ValidationFailed) as caught:
        calculator_form.parse_input({field: value}, TODAY)
    assert caught.value.errors[field].key == key
