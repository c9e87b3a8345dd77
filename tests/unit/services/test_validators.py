"""Field validators: credit codes, phone numbers, amounts and dates."""

from datetime import date
from decimal import Decimal

import pytest

from portal.services.errors import FieldError
from portal.services.validators import (
    normalize_email,
    normalize_phone,
    parse_amount,
    parse_past_date,
    uscc_check_character,
    validate_password,
    validate_uscc,
)

# Codes published on business licences, with correct check characters.
VALID_USCC = [
    "91350100M000100Y43",
    "91110000802100433B",
    "91440300708461136T",
    "311100004005693352",
]


@pytest.mark.parametrize("code", VALID_USCC)
def test_uscc_accepts_valid_code(code):
    assert validate_uscc(code) == code


def test_uscc_accepts_lower_case_and_spaces():
    assert validate_uscc("  91350100m000100y43 ") == "91350100M000100Y43"


@pytest.mark.parametrize("code", VALID_USCC)
def test_uscc_rejects_wrong_check_character(code):
    wrong = "0" if code[-1] != "0" else "1"
    with pytest.raises(FieldError) as caught:
        validate_uscc(code[:17] + wrong)
    assert caught.value.key == "error.uscc.check"
    assert caught.value.params["expected"] == code[-1]


@pytest.mark.parametrize(
    "code",
    [
        "9135010",
        "91350100M000100Y4",
        "91350100M000100Y433",
        "9135010OM000100Y43",
        "ABCDEFGHIJKLMNOPQR",
    ],
)
def test_uscc_rejects_bad_format(code):
    with pytest.raises(FieldError) as caught:
        validate_uscc(code)
    assert caught.value.key == "error.uscc.format"


def test_uscc_empty_is_none():
    assert validate_uscc("") is None


def test_uscc_check_character_known_value():
    assert uscc_check_character("91350100M000100Y4") == "3"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("13800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("+86 13800138000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("19912345678", "19912345678"),
    ],
)
def test_phone_accepts_mainland_mobile(raw, expected):
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize(
    "raw", ["12800138000", "1380013800", "138001380001", "23800138000", "abc", ""]
)
def test_phone_rejects_others(raw):
    assert normalize_phone(raw) is None


def test_email_lower_cased():
    assert normalize_email(" Wang@Example.COM ") == "wang@example.com"


@pytest.mark.parametrize(
    "raw", ["wang", "wang@", "@example.com", "wang@example", "a b@example.com"]
)
def test_email_rejects_invalid(raw):
    assert normalize_email(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("199", Decimal("199.00")),
        ("199.9", Decimal("199.90")),
        ("1,299.50", Decimal("1299.50")),
        ("1，299", Decimal("1299.00")),
        ("9,999,999.99", Decimal("9999999.99")),
        ("¥88", Decimal("88.00")),
        ("0.01", Decimal("0.01")),
        ("10000000", Decimal("10000000.00")),
        (Decimal("5.5"), Decimal("5.50")),
    ],
)
def test_amount_accepts(raw, expected):
    assert parse_amount(raw, "amount_paid") == expected


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("abc", "error.amount.not_a_number"),
        ("1,0", "error.amount.not_a_number"),
        ("1e3", "error.amount.not_a_number"),
        ("0x10", "error.amount.not_a_number"),
        ("12,34.5", "error.amount.not_a_number"),
        ("NaN", "error.amount.not_a_number"),
        ("Infinity", "error.amount.not_a_number"),
        ("0", "error.amount.not_positive"),
        ("-5", "error.amount.not_positive"),
        ("10000000.01", "error.amount.too_large"),
        ("1.234", "error.amount.too_many_places"),
    ],
)
def test_amount_rejects(raw, key):
    with pytest.raises(FieldError) as caught:
        parse_amount(raw, "amount_paid")
    assert caught.value.key == key
    assert caught.value.field == "amount_paid"


def test_amount_empty_is_none():
    assert parse_amount("  ", "amount_paid") is None


def test_date_today_accepted():
    assert parse_past_date("2026-12-04", "purchase_date", date(2026, 12, 4)) == date(
        2026, 12, 4
    )


def test_date_tomorrow_rejected():
    with pytest.raises(FieldError) as caught:
        parse_past_date("2026-12-05", "purchase_date", date(2026, 12, 4))
    assert caught.value.key == "error.date.future"


@pytest.mark.parametrize("raw", ["2026-13-01", "2026-02-30", "04/12/2026", "yesterday"])
def test_date_rejects_malformed(raw):
    with pytest.raises(FieldError) as caught:
        parse_past_date(raw, "purchase_date", date(2026, 12, 4))
    assert caught.value.key == "error.date.format"


def test_password_boundaries():
    assert validate_password("八个字的中文密码") == "八个字的中文密码"
    assert validate_password("x" * 128) == "x" * 128
    with pytest.raises(FieldError):
        validate_password("七个字的中文密")
    with pytest.raises(FieldError):
        validate_password("x" * 129)
