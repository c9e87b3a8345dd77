"""Import complaints from a partner channel's JSON Lines file.

Each line is one JSON object shaped like the 12365auto and Heimao exports:
``id`` and ``merchant`` are required, ``text`` is the description and ``date``
the purchase date. Every line passes the same validation as the web form.
"""

import json
import logging
import secrets
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, select

from portal.models import Complaint, Demand, Role, User
from portal.services.auth import password_context
from portal.services.complaints import (
    save_complaint,
    today_in_shanghai,
    validate_complaint,
)
from portal.services.errors import ValidationFailed

logger = logging.getLogger(__name__)

# Words in a free-text demand and the demand they mean; the earliest match wins.
_DEMAND_WORDS = (
    ("退", Demand.REFUND),
    ("换", Demand.REPLACEMENT),
    ("修", Demand.REPAIR),
    ("赔", Demand.COMPENSATION),
    ("道歉", Demand.APOLOGY),
    ("refund", Demand.REFUND),
    ("replace", Demand.REPLACEMENT),
    ("repair", Demand.REPAIR),
    ("compensat", Demand.COMPENSATION),
    ("apolog", Demand.APOLOGY),
)


@dataclass(frozen=True)
class Rejection:
    """One rejected line: its number, the field and the catalogue key of the reason."""

    line_no: int
    field: str
    reason: str


@dataclass
class ImportResult:
    """Counts of one import run and the rejected lines."""

    imported: int = 0
    duplicates: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len({rejection.line_no for rejection in self.rejections})


def interpret_demand(raw: str | None) -> tuple[str, str]:
    """Map a demand to ``(demand value, detail text)``.

    A value of the ``Demand`` enum is kept as it is. Free text such as
    "退还多余担保费" maps to the earliest keyword it contains (else ``other``)
    and is kept as the detail.
    """
    text = (raw or "").strip()
    if not text:
        return Demand.OTHER.value, ""
    if text in {demand.value for demand in Demand}:
        return text, ""
    lowered = text.lower()
    matches = [
        (lowered.find(word), demand)
        for word, demand in _DEMAND_WORDS
        if word in lowered
    ]
    demand = min(matches)[1] if matches else Demand.OTHER
    return demand.value, text[:500]


def _form_fields(record: dict[str, Any]) -> dict[str, Any]:
    demand, detail = interpret_demand(record.get("demand"))
    return {
        "merchant_name": record.get("merchant"),
        "merchant_uscc": record.get("merchant_uscc"),
        "purchase_channel": record.get("source") or "",
        "category": record.get("category") or "other",
        "order_no": record.get("order_no") or "",
        "product": record.get("product") or "",
        "amount_paid": record.get("amount"),
        "purchase_date": record.get("date"),
        "description": record.get("text"),
        "demand": demand,
        "demand_amount": record.get("demand_amount"),
        "demand_detail": detail,
    }


def _channel_account(db: Session, source: str) -> int:
    """Return the account that owns complaints of a partner channel.

    It has a random, discarded password, so it cannot sign in.
    """
    email = f"{source.lower()}@partners.fangxin.invalid"
    user = db.exec(select(User).where(User.email == email)).first()
    if user is None:
        user = User(
            email=email,
            display_name=f"合作渠道 {source}"[:60],
            password_hash=password_context.hash(secrets.token_urlsafe(32)),
            role=Role.CONSUMER,
        )
        db.add(user)
        db.flush()
    return user.id


def _parse_lines(
    lines: Iterable[str],
) -> Iterator[tuple[int, dict | None, Rejection | None]]:
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            yield line_no, None, Rejection(line_no, "line", "error.import.not_json")
            continue
        if not isinstance(record, dict):
            yield line_no, None, Rejection(line_no, "line", "error.import.not_object")
            continue
        yield line_no, record, None


def import_lines(db: Session, lines: Iterable[str]) -> ImportResult:
    """Validate and save each line; each is committed on its own."""
    result = ImportResult()
    today = today_in_shanghai()
    accounts: dict[str, int] = {}
    for line_no, record, rejection in _parse_lines(lines):
        if rejection:
            result.rejections.append(rejection)
            continue
        source = str(record.get("source") or "partner").strip()[:40]
        ref = str(record.get("id") or "").strip()[:80]
        if not ref:
            result.rejections.append(Rejection(line_no, "id", "error.required"))
            continue
        exists = db.exec(
            select(Complaint.id).where(
                Complaint.source == source, Complaint.source_ref == ref
            )
        ).first()
        if exists:
            result.duplicates += 1
            continue
        try:
            data = validate_complaint(_form_fields(record), today)
        except ValidationFailed as failure:
            for name, error in failure.errors.items():
                result.rejections.append(Rejection(line_no, name, error.key))
            continue
        if source not in accounts:
            accounts[source] = _channel_account(db, source)
        save_complaint(db, accounts[source], data, source=source, source_ref=ref)
        db.commit()
        result.imported += 1
    logger.info(
        "import finished: imported %s, duplicates %s, rejected %s",
        result.imported,
        result.duplicates,
        result.rejected,
    )
    return result
