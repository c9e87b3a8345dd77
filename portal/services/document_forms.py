"""The fields of each legal document and the checks they pass.

A document version stores its fields as a JSON object of strings. Saving a
draft checks lengths and formats only, so a half-written draft is kept.
Rendering a PDF also requires every field a party, claim or signature needs.
"""

import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from portal.models import DocumentKind
from portal.services.errors import FieldError, ValidationFailed
from portal.services.validators import (
    normalize_email,
    parse_amount,
    validate_text,
    validate_uscc,
)

K = DocumentKind


@dataclass(frozen=True)
class FieldSpec:
    """One field of a document form; its label is ``documents.field.<name>``."""

    name: str
    required: bool
    multiline: bool = False
    max_chars: int = 200


def _line(name: str, required: bool = True, max_chars: int = 200) -> FieldSpec:
    return FieldSpec(name, required, False, max_chars)


def _block(name: str, required: bool = True, max_chars: int = 5000) -> FieldSpec:
    return FieldSpec(name, required, True, max_chars)


SPECS: dict[DocumentKind, tuple[FieldSpec, ...]] = {
    K.COMPLAINT_LETTER: (
        _line("recipient_name", max_chars=100),
        _line("recipient_email", required=False, max_chars=254),
        _line("complainant_name", max_chars=60),
        _line("complainant_contact", max_chars=100),
        _line("respondent_name", max_chars=100),
        _block("order_info", required=False, max_chars=500),
        _block("facts"),
        _block("requests", max_chars=2000),
        _line("signed_on", max_chars=20),
    ),
    K.LAWYER_LETTER: (
        _line("recipient_name", max_chars=100),
        _line("recipient_email", required=False, max_chars=254),
        _line("client_name", max_chars=60),
        _block("facts"),
        _block("legal_opinion"),
        _block("requests", max_chars=2000),
        _line("reply_days", max_chars=3),
        _line("signed_on", max_chars=20),
    ),
    K.CIVIL_COMPLAINT: (
        _line("plaintiff_name", max_chars=60),
        _line("plaintiff_id_no", required=False, max_chars=18),
        _line("plaintiff_address", max_chars=200),
        _line("plaintiff_phone", max_chars=30),
        _line("defendant_name", max_chars=100),
        _line("defendant_uscc", max_chars=18),
        _line("defendant_address", max_chars=200),
        _line("defendant_representative", required=False, max_chars=60),
        _block("claims", max_chars=2000),
        _block("facts_and_reasons"),
        _block("evidence_list", required=False, max_chars=3000),
        _line("court", max_chars=100),
        _line("signed_on", max_chars=20),
    ),
}

# Fields the service fills from the lawyer's approved profile; user input for
# them is ignored.
LAWYER_FIELDS = ("lawyer_name", "law_firm", "licence_no")

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Resident identity card number (GB 11643): 17 digits and a digit or X.
_ID_NUMBER = re.compile(r"^\d{17}[\dX]$")
MAX_REPLY_DAYS = 90


@dataclass(frozen=True)
class ClaimLine:
    """One request in a civil complaint, with its amount when it is money."""

    text: str
    amount: Decimal | None


def parse_claims(raw: str, field: str = "claims") -> list[ClaimLine]:
    """Parse one claim a line, written ``request | amount`` or just ``request``.

    Raises:
        FieldError: an amount is not a valid yuan amount; the message names
            the line.
    """
    claims = []
    for number, line in enumerate(raw.splitlines(), start=1):
        text, _, amount_text = line.partition("|")
        if not text.strip():
            continue
        try:
            amount = parse_amount(amount_text, field)
        except FieldError as error:
            raise FieldError(
                field, "documents.error.claim_amount", line=number, text=text.strip()
            ) from error
        claims.append(ClaimLine(text.strip(), amount))
    return claims


def format_claims(claims: list[ClaimLine]) -> str:
    """Write claims back in the ``request | amount`` form the editor shows."""
    return "\n".join(
        f"{claim.text} | {claim.amount}" if claim.amount is not None else claim.text
        for claim in claims
    )


def _check_date(name: str, value: str) -> None:
    try:
        if not _DATE.match(value):
            raise ValueError(value)
        date.fromisoformat(value)
    except ValueError:
        raise FieldError(name, "error.date.format") from None


def _check_format(name: str, value: str) -> None:
    if not value:
        return
    if name == "recipient_email" and normalize_email(value) is None:
        raise FieldError(name, "documents.error.email")
    if name == "signed_on":
        _check_date(name, value)
    if name == "defendant_uscc":
        validate_uscc(value, name)
    if name == "plaintiff_id_no" and not _ID_NUMBER.match(value.upper()):
        raise FieldError(name, "documents.error.id_number")
    if name == "reply_days" and not (
        value.isdigit() and 1 <= int(value) <= MAX_REPLY_DAYS
    ):
        raise FieldError(name, "documents.error.reply_days", max=MAX_REPLY_DAYS)
    if name == "claims":
        parse_claims(value)


def clean_fields(kind: DocumentKind, raw: dict[str, object]) -> dict[str, str]:
    """Check a draft's fields and return them stripped; blanks are allowed.

    Raises:
        ValidationFailed: a field is too long or badly formed; nothing is saved.
    """
    errors: dict[str, FieldError] = {}
    values: dict[str, str] = {}
    for spec in SPECS[kind]:
        try:
            value = validate_text(
                str(raw.get(spec.name) or ""), spec.name, max_chars=spec.max_chars
            )
            if spec.name == "recipient_email":
                value = normalize_email(value) or value
            if spec.name in ("defendant_uscc", "plaintiff_id_no"):
                value = value.upper()
            _check_format(spec.name, value)
            values[spec.name] = value
        except FieldError as error:
            errors[spec.name] = error
    if errors:
        raise ValidationFailed(errors)
    return values


def require_complete(kind: DocumentKind, fields: dict[str, str]) -> None:
    """Check that every field the rendered document needs is filled in.

    Raises:
        ValidationFailed: names each empty required field, and a civil
            complaint whose claims hold no request.
    """
    errors = {
        spec.name: FieldError(spec.name, "documents.error.required_for_pdf")
        for spec in SPECS[kind]
        if spec.required and not fields.get(spec.name, "").strip()
    }
    for name in LAWYER_FIELDS if kind == K.LAWYER_LETTER else ():
        if not fields.get(name, "").strip():
            errors[name] = FieldError(name, "documents.error.lawyer_profile")
    if errors:
        raise ValidationFailed(errors)


def dump_fields(fields: dict[str, str]) -> str:
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


def load_fields(stored: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in json.loads(stored).items()}
