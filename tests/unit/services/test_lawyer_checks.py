"""Licence number structure and law firm credit code checks."""

from datetime import date

import pytest

from portal.services.errors import FieldError
from portal.services.lawyer_checks import (
    firm_code_findings,
    licence_findings,
    normalize_firm_code,
    normalize_licence_number,
)
from tests.unit.services.lawyer_fixtures import firm_code

TODAY = date(2026, 12, 4)


def _keys(findings) -> list[str]:
    return [finding.key for finding in findings]


def test_licence_spaces_and_hyphens_dropped():
    assert normalize_licence_number("13101 2015-10123456") == "13101201510123456"


@pytest.mark.parametrize(
    "raw", ["1310120151012345", "131012015101234567", "1310A201510123456"]
)
def test_licence_wrong_shape_rejected(raw):
    with pytest.raises(FieldError) as caught:
        normalize_licence_number(raw)
    assert caught.value.key == "error.lawyer.licence_format"


def test_licence_missing_rejected():
    with pytest.raises(FieldError) as caught:
        normalize_licence_number("  ")
    assert caught.value.key == "error.required"


def test_licence_twelve_digits_accepted():
    assert normalize_licence_number("110120051234") == "110120051234"


def test_licence_twelve_digits_noted_as_old():
    assert _keys(licence_findings("110120051234", TODAY)) == [
        "lawyer.finding.licence_old_format"
    ]


def test_licence_good_structure_ok():
    findings = licence_findings("13101201510123456", TODAY)
    assert _keys(findings) == ["lawyer.finding.licence_ok"]
    assert findings[0].params == {"year": 2015, "category": "1"}


@pytest.mark.parametrize(
    ("number", "key"),
    [
        ("23101201510123456", "lawyer.finding.licence_first_digit"),
        ("13101197910123456", "lawyer.finding.licence_year"),
        ("13101202710123456", "lawyer.finding.licence_year"),
        ("13101201500123456", "lawyer.finding.licence_category"),
    ],
)
def test_licence_odd_structure_flagged(number, key):
    assert _keys(licence_findings(number, TODAY)) == [key]


def test_licence_odd_number_still_accepted():
    assert normalize_licence_number("23101197900123456") == "23101197900123456"


def test_licence_year_bounds_inclusive():
    assert _keys(licence_findings("13101198010123456", TODAY)) == [
        "lawyer.finding.licence_ok"
    ]
    assert _keys(licence_findings("13101202610123456", TODAY)) == [
        "lawyer.finding.licence_ok"
    ]


def test_licence_all_odd_parts_flagged_together():
    assert len(licence_findings("93101290000123456", TODAY)) == 3


def test_firm_code_lower_case_accepted():
    assert normalize_firm_code(firm_code().lower()) == firm_code()


def test_firm_code_wrong_check_character_rejected():
    code = firm_code()
    wrong = code[:17] + ("0" if code[17] != "0" else "1")
    with pytest.raises(FieldError) as caught:
        normalize_firm_code(wrong)
    assert caught.value.key == "error.uscc.check"


def test_firm_code_bad_format_rejected():
    with pytest.raises(FieldError) as caught:
        normalize_firm_code("31IO0000400001234X")
    assert caught.value.key == "error.uscc.format"


def test_firm_code_missing_rejected():
    with pytest.raises(FieldError) as caught:
        normalize_firm_code("")
    assert caught.value.field == "firm_uscc"


def test_firm_code_law_firm_prefix_ok():
    assert _keys(firm_code_findings(firm_code())) == ["lawyer.finding.firm_check_ok"]


def test_firm_code_other_prefix_flagged():
    findings = firm_code_findings(firm_code("91310000400001234"))
    assert _keys(findings)[-1] == "lawyer.finding.firm_prefix"
    assert findings[-1].params == {"prefix": "91"}
