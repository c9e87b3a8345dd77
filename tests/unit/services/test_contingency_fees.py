"""The progressive statutory cap on contingency fees."""

from decimal import Decimal

import pytest

from portal.services.contingency_fees import fee_cap, fee_due, rate_within_cap

CAP_CASES = [
    ("0", "0.00"),
    ("0.01", "0.00"),
    ("100", "18.00"),
    ("999999.99", "179999.99"),
    ("1000000", "180000.00"),
    ("1000000.01", "180000.00"),
    ("1000100", "180015.00"),
    ("2000000", "330000.00"),
    ("5000000", "780000.00"),
    ("5000100", "780012.00"),
    ("10000000", "1380000.00"),
    ("10000100", "1380009.00"),
    ("50000000", "4980000.00"),
    ("50000100", "4980006.00"),
    ("100000000", "7980000.00"),
]


@pytest.mark.parametrize(("amount", "cap"), CAP_CASES)
def test_fee_cap_at_tier_boundaries(amount, cap):
    assert fee_cap(Decimal(amount)) == Decimal(cap)


def test_fee_cap_worked_case():
    assert fee_cap(Decimal("2000000")) == Decimal("330000.00")


def test_fee_due_limited_by_cap():
    # 18% of 2,000,000 is 360,000, above the 330,000 cap.
    assert fee_due(Decimal("2000000"), 1800) == Decimal("330000.00")


def test_fee_due_agreed_rate_below_cap():
    assert fee_due(Decimal("2000000"), 1000) == Decimal("200000.00")


def test_fee_due_nothing_recovered():
    assert fee_due(Decimal("0"), 1500) == Decimal("0.00")


def test_rate_within_cap_small_amount():
    assert rate_within_cap(Decimal("50000"), 1800)


def test_rate_over_cap_across_boundary():
    assert not rate_within_cap(Decimal("1000100"), 1800)


def test_rate_within_cap_across_boundary():
    # 16.5% of 2,000,000 is exactly 330,000, the cap.
    assert rate_within_cap(Decimal("2000000"), 1650)
