"""Compensation calculator: worked cases, minimums and boundaries of each rule."""

from datetime import date
from decimal import Decimal

import pytest

from portal.services import calculator

D = Decimal


def _amounts(claim: calculator.Claim) -> dict[str, Decimal]:
    return {figure.label: figure.amount for figure in claim.figures}


def test_fraud_trebles_price_above_minimum():
    claim = calculator.fraud_claim(D("1000"))
    assert _amounts(claim)["documents.calc.fraud_compensation"] == D("3000.00")
    assert claim.total == D("4000.00")


def test_fraud_minimum_is_500():
    claim = calculator.fraud_claim(D("100"))
    assert _amounts(claim)["documents.calc.fraud_compensation"] == D("500.00")
    assert claim.total == D("600.00")


@pytest.mark.parametrize(
    ("price", "compensation"),
    [
        (D("166.66"), D("500.00")),
        (D("166.67"), D("500.01")),
        (D("166.666"), D("500.00")),
        (D("0"), D("500.00")),
    ],
)
def test_fraud_minimum_boundary(price, compensation):
    claim = calculator.fraud_claim(price)
    assert _amounts(claim)["documents.calc.fraud_compensation"] == compensation


def test_fraud_rounds_to_fen_at_end_only():
    claim = calculator.fraud_claim(D("200.005"))
    # 3 x 200.005 = 600.015 rounds to 600.02; rounding the price first
    # would give 3 x 200.01 = 600.03.
    assert _amounts(claim)["documents.calc.fraud_compensation"] == D("600.02")
    assert claim.total == D("800.02")


def test_fraud_cites_article_55():
    claim = calculator.fraud_claim(D("10"))
    assert {f.article for f in claim.figures} == {calculator.ARTICLE_FRAUD}


def test_fraud_rejects_negative_price():
    with pytest.raises(ValueError):
        calculator.fraud_claim(D("-1"))


def test_food_tenfold_price():
    claim = calculator.food_safety_claim(D("298"))
    assert _amounts(claim)["documents.calc.food_damages"] == D("2980.00")
    assert claim.total == D("3278.00")


def test_food_threefold_loss_when_larger():
    claim = calculator.food_safety_claim(D("50"), D("2000"))
    amounts = _amounts(claim)
    assert amounts["documents.calc.food_damages"] == D("6000.00")
    assert amounts["documents.calc.loss"] == D("2000.00")
    assert claim.total == D("8050.00")


def test_food_minimum_is_1000():
    claim = calculator.food_safety_claim(D("30"), D("100"))
    assert _amounts(claim)["documents.calc.food_damages"] == D("1000.00")


@pytest.mark.parametrize(
    ("price", "damages"),
    [
        (D("99.99"), D("1000.00")),
        (D("100.00"), D("1000.00")),
        (D("100.01"), D("1000.10")),
    ],
)
def test_food_minimum_boundary(price, damages):
    claim = calculator.food_safety_claim(price)
    assert _amounts(claim)["documents.calc.food_damages"] == damages


def test_food_without_loss_lists_no_loss_figure():
    claim = calculator.food_safety_claim(D("200"))
    assert "documents.calc.loss" not in _amounts(claim)


def test_food_labelling_flaw_excluded():
    claim = calculator.food_safety_claim(D("500"), labelling_flaw_only=True)
    assert not claim.applicable
    assert claim.figures == ()
    assert claim.reason == "documents.calc.labelling_excluded"


def test_food_cites_article_148():
    claim = calculator.food_safety_claim(D("10"))
    assert {f.article for f in claim.figures} == {calculator.ARTICLE_FOOD}


def test_return_plain_working_day():
    window = calculator.seven_day_return("online", date(2026, 9, 22))
    assert window.eligible
    assert window.deadline.start == date(2026, 9, 23)
    assert window.deadline.last_day == date(2026, 9, 29)
    assert not window.deadline.moved


def test_return_moves_past_national_day():
    window = calculator.seven_day_return("online", date(2026, 9, 24))
    assert window.deadline.nominal_last_day == date(2026, 10, 1)
    assert window.deadline.last_day == date(2026, 10, 8)
    assert not window.deadline.estimated


def test_return_make_up_working_saturday_stays():
    window = calculator.seven_day_return("phone", date(2026, 10, 3))
    assert window.deadline.last_day == date(2026, 10, 10)
    assert not window.deadline.moved


def test_return_moves_past_sunday():
    window = calculator.seven_day_return("tv", date(2026, 10, 4))
    assert window.deadline.last_day == date(2026, 10, 12)


def test_return_past_schedule_data_is_estimated():
    window = calculator.seven_day_return("mail_order", date(2026, 12, 27))
    assert window.deadline.nominal_last_day == date(2027, 1, 3)
    assert window.deadline.last_day == date(2027, 1, 4)
    assert window.deadline.estimated


def test_return_in_store_not_eligible():
    window = calculator.seven_day_return("in_store", date(2026, 9, 22))
    assert not window.eligible
    assert window.reasons == ("documents.calc.not_remote",)


@pytest.mark.parametrize("exclusion", calculator.RETURN_EXCLUSIONS)
def test_return_each_exclusion(exclusion):
    window = calculator.seven_day_return("online", date(2026, 9, 22), {exclusion})
    assert not window.eligible
    assert window.reasons == (f"documents.calc.exclusion.{exclusion}",)


def test_return_rejects_unknown_exclusion():
    with pytest.raises(ValueError):
        calculator.seven_day_return("online", date(2026, 9, 22), {"opened"})


def test_return_rejects_unknown_channel():
    with pytest.raises(ValueError):
        calculator.seven_day_return("street", date(2026, 9, 22))


def test_limitation_three_years_to_corresponding_day():
    deadline = calculator.limitation_period(date(2023, 6, 14))
    assert deadline.start == date(2023, 6, 15)
    assert deadline.nominal_last_day == date(2026, 6, 14)
    assert deadline.last_day == date(2026, 6, 15)


def test_limitation_working_day_unchanged():
    deadline = calculator.limitation_period(date(2023, 6, 16))
    assert deadline.last_day == date(2026, 6, 16)
    assert not deadline.moved


def test_limitation_moves_past_holiday():
    deadline = calculator.limitation_period(date(2023, 10, 1))
    assert deadline.last_day == date(2026, 10, 8)


def test_limitation_leap_day_ends_february_28():
    deadline = calculator.limitation_period(date(2024, 2, 29))
    assert deadline.nominal_last_day == date(2027, 2, 28)


def test_limitation_beyond_schedule_is_estimated():
    deadline = calculator.limitation_period(date(2026, 3, 10))
    assert deadline.nominal_last_day == date(2029, 3, 10)
    assert deadline.last_day == date(2029, 3, 12)
    assert deadline.estimated


def test_limitation_cites_article_188():
    deadline = calculator.limitation_period(date(2024, 1, 2))
    assert deadline.article == calculator.ARTICLE_LIMITATION
