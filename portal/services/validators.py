"""Field validators shared by the web forms and the partner import.

Each validator takes raw user input, returns the normalised value, and raises
``FieldError`` naming the field and a catalogue key for the fix.
"""

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from portal.services.errors import FieldError

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
USCC_PATTERN = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$")

MAINLAND_MOBILE = re.compile(r"^1[3-9]\d{9}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$")

PASSWORD_MIN_CHARS = 8
PASSWORD_MAX_CHARS = 128
MAX_AMOUNT_YUAN = Decimal("10000000")
# Court claims and recoveries reach far past a purchase price; the fee cap has
# tiers up to and above 50 million yuan.
MAX_LITIGATION_YUAN = Decimal("100000000000")
TWO_PLACES = Decimal("0.01")
PLAIN_DECIMAL = re.compile(r"^-?\d+(\.\d+)?$")
THOUSANDS_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d*)?$")


def uscc_check_character(first17: str) -> str:
    """Compute the 18th character of a unified social credit code (GB 32100-2015)."""
    total = sum(
        USCC_ALPHABET.index(char) * weight
        for char, weight in zip(first17, USCC_WEIGHTS, strict=True)
    )
    return USCC_ALPHABET[(31 - total % 31) % 31]


def validate_uscc(raw: str, field: str = "merchant_uscc") -> str | None:
    """Return the upper-cased code, or None when empty.

    Raises:
        FieldError: the code is not 18 characters of the GB 32100-2015 alphabet,
            or its check character does not match.
    """
    code = raw.strip().upper()
    if not code:
        return None
    if not USCC_PATTERN.match(code):
        raise FieldError(field, "error.uscc.format")
    if uscc_check_character(code[:17]) != code[17]:
        raise FieldError(
            field, "error.uscc.check", expected=uscc_check_character(code[:17])
        )
    return code


def normalize_phone(raw: str) -> str | None:
    """Return the 11-digit mainland mobile number in ``raw``, or None if it is not one.

    Spaces, hyphens and a leading +86 or 86 are accepted and dropped.
    """
    digits = re.sub(r"[\s-]", "", raw)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits if MAINLAND_MOBILE.match(digits) else None


def normalize_email(raw: str) -> str | None:
    """Return ``raw`` lower-cased if it looks like an email address, else None."""
    email = raw.strip().lower()
    return email if EMAIL_PATTERN.match(email) and len(email) <= 254 else None


def parse_sign_in_identifier(raw: str, field: str = "identifier") -> tuple[str, str]:
    """Split a sign-in name into ``("phone", number)`` or ``("email", address)``.

    Raises:
        FieldError: it is neither a mainland mobile number nor an email address.
    """
    if phone := normalize_phone(raw):
        return "phone", phone
    if email := normalize_email(raw):
        return "email", email
    raise FieldError(field, "error.identifier.format")


def validate_password(raw: str, field: str = "password") -> str:
    """Accept 8 to 128 characters of any script; whitespace is kept as typed.

    Raises:
        FieldError: the password is shorter or longer than allowed.
    """
    if len(raw) < PASSWORD_MIN_CHARS:
        raise FieldError(field, "error.password.too_short", min=PASSWORD_MIN_CHARS)
    if len(raw) > PASSWORD_MAX_CHARS:
        raise FieldError(field, "error.password.too_long", max=PASSWORD_MAX_CHARS)
    return raw


def validate_text(
    raw: str | None, field: str, *, min_chars: int = 0, max_chars: int
) -> str:
    """Strip ``raw`` and check its length in characters.

    Raises:
        FieldError: the text is missing, too short or too long.
    """
    text = (raw or "").strip()
    if min_chars and not text:
        raise FieldError(field, "error.required")
    if len(text) < min_chars:
        raise FieldError(field, "error.text.too_short", min=min_chars, length=len(text))
    if len(text) > max_chars:
        raise FieldError(field, "error.text.too_long", max=max_chars, length=len(text))
    return text


def parse_amount(
    raw: str | int | float | Decimal | None,
    field: str,
    *,
    max_yuan: Decimal = MAX_AMOUNT_YUAN,
    allow_zero: bool = False,
) -> Decimal | None:
    """Parse a yuan amount: above 0, at most ``max_yuan``, at most two places.

    Thousands separators and a leading ¥ are accepted. Returns None when empty.
    ``allow_zero`` admits 0, for amounts such as "nothing was recovered".

    Raises:
        FieldError: the amount is not a number, not positive, too large, or has
            more than two decimal places.
    """
    if raw is None:
        return None
    if isinstance(raw, float):
        raw = repr(raw)
    text = str(raw).strip().replace("，", ",").lstrip("¥￥").strip()
    if not text:
        return None
    if "," in text:
        if not THOUSANDS_GROUPED.match(text):
            raise FieldError(field, "error.amount.not_a_number")
        text = text.replace(",", "")
    if not PLAIN_DECIMAL.match(text):
        raise FieldError(field, "error.amount.not_a_number")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise FieldError(field, "error.amount.not_a_number") from None
    if not amount.is_finite():
        raise FieldError(field, "error.amount.not_a_number")
    if amount < 0 and allow_zero:
        raise FieldError(field, "error.amount.negative")
    if amount < 0 or (amount == 0 and not allow_zero):
        raise FieldError(field, "error.amount.not_positive")
    if amount > max_yuan:
        raise FieldError(field, "error.amount.too_large", max=f"{max_yuan:,.0f}")
    if amount != amount.quantize(TWO_PLACES):
        raise FieldError(field, "error.amount.too_many_places")
    return amount.quantize(TWO_PLACES)


def parse_past_date(raw: str | None, field: str, today: date) -> date | None:
    """Parse ``YYYY-MM-DD`` that is not after ``today``; None when empty.

    Raises:
        FieldError: the text is not a valid date, or the date is in the future.
    """
    text = (raw or "").strip()
    if not text:
        return None
    try:
        value = date.fromisoformat(text)
    except ValueError:
        raise FieldError(field, "error.date.format") from None
    if value > today:
        raise FieldError(field, "error.date.future")
    return value


def parse_choice(raw: str | None, field: str, choices: type) -> str:
    """Return ``raw`` if it is one of the values of the StrEnum ``choices``.

    Raises:
        FieldError: the value is missing or not one of the choices.
    """
    value = (raw or "").strip()
    if not value:
        raise FieldError(field, "error.required")
    if value not in {choice.value for choice in choices}:
        raise FieldError(field, "error.choice.invalid", value=value)
    return value
