"""Checks of a lawyer's practice licence number and law firm credit code.

Practice licence numbers (执业证号) issued since 2008 have 17 digits: the
first digit is 1, digits 6 to 9 are the year of first licensing and digit 10
is the practice category. Real numbers exist that break this pattern, so an
odd structure becomes a finding for the reviewer instead of an input error.
Older licences carry 12 digits and are accepted as they are.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from portal.services.errors import FieldError
from portal.services.validators import validate_uscc

LICENCE_DIGITS = 17
OLD_LICENCE_DIGITS = 12
FIRST_LICENCE_YEAR = 1980
LAW_FIRM_USCC_PREFIX = "31"
_SEPARATORS = re.compile(r"[\s-]")


@dataclass(frozen=True)
class Finding:
    """One automatic observation for the reviewer.

    ``level`` is ``ok``, ``info`` or ``warning``; ``key`` names the catalogue
    message and ``params`` fill it.
    """

    key: str
    level: str
    params: dict[str, Any] = field(default_factory=dict)


def normalize_licence_number(raw: str, field_name: str = "licence_no") -> str:
    """Return the licence number without spaces or hyphens.

    Raises:
        FieldError: it is missing, contains anything but digits, or is neither
            17 nor 12 digits long.
    """
    number = _SEPARATORS.sub("", raw or "")
    if not number:
        raise FieldError(field_name, "error.required")
    if not number.isdigit() or len(number) not in (LICENCE_DIGITS, OLD_LICENCE_DIGITS):
        raise FieldError(field_name, "error.lawyer.licence_format", length=len(number))
    return number


def licence_findings(number: str, today: date) -> list[Finding]:
    """Describe how a normalized licence number fits the 17-digit structure."""
    if len(number) == OLD_LICENCE_DIGITS:
        return [Finding("lawyer.finding.licence_old_format", "info")]
    findings = []
    if number[0] != "1":
        findings.append(
            Finding(
                "lawyer.finding.licence_first_digit", "warning", {"digit": number[0]}
            )
        )
    year = int(number[5:9])
    if not FIRST_LICENCE_YEAR <= year <= today.year:
        findings.append(
            Finding(
                "lawyer.finding.licence_year",
                "warning",
                {"year": year, "first": FIRST_LICENCE_YEAR, "last": today.year},
            )
        )
    if number[9] == "0":
        findings.append(Finding("lawyer.finding.licence_category", "warning"))
    if not findings:
        findings.append(
            Finding(
                "lawyer.finding.licence_ok", "ok", {"year": year, "category": number[9]}
            )
        )
    return findings


def normalize_firm_code(raw: str, field_name: str = "firm_uscc") -> str:
    """Return the firm's unified social credit code, upper-cased.

    Raises:
        FieldError: it is missing, malformed, or its check character is wrong.
    """
    code = validate_uscc(raw or "", field_name)
    if code is None:
        raise FieldError(field_name, "error.required")
    return code


def firm_code_findings(code: str) -> list[Finding]:
    """Describe the firm code: check character and the law-firm prefix ``31``."""
    findings = [Finding("lawyer.finding.firm_check_ok", "ok")]
    if not code.startswith(LAW_FIRM_USCC_PREFIX):
        findings.append(
            Finding("lawyer.finding.firm_prefix", "warning", {"prefix": code[:2]})
        )
    return findings
