"""Merchant records, matched by credit code or by normalised name."""

import re
import unicodedata

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal.models import Merchant

# Legal-form suffixes that name the same business in different spellings,
# longest first so "股份有限公司" is removed before "有限公司" could match.
_SUFFIXES = (
    "股份有限公司",
    "有限责任公司",
    "官方旗舰店",
    "有限公司",
    "旗舰店",
    "专卖店",
    "集团",
    "公司",
    "co.,ltd",
    "co.ltd",
    "coltd",
    "limited",
    "ltd",
    "inc",
)


def normalize_name(name: str) -> str:
    """Fold a merchant name so spelling variants of one business compare equal.

    Applies NFKC (full-width to half-width), lower-cases, drops whitespace and
    punctuation, then strips one legal-form suffix such as 有限公司 or Ltd.
    """
    folded = unicodedata.normalize("NFKC", name).lower()
    folded = "".join(
        ch for ch in folded if not unicodedata.category(ch).startswith(("P", "S", "Z"))
    )
    folded = re.sub(r"\s+", "", folded)
    for suffix in _SUFFIXES:
        bare = re.sub(r"[^\w]", "", suffix)
        if folded.endswith(bare) and len(folded) > len(bare):
            return folded[: -len(bare)]
    return folded


def find_or_create_merchant(db: Session, name: str, uscc: str | None) -> Merchant:
    """Return the merchant for ``uscc``, else the one of the same normalised name.

    A name match without a code gains ``uscc`` when one is given. A new record
    is created when nothing matches.
    """
    normalized = normalize_name(name)
    if uscc:
        merchant = db.exec(select(Merchant).where(Merchant.uscc == uscc)).first()
        if merchant:
            return merchant
    merchant = db.exec(
        select(Merchant)
        .where(Merchant.normalized_name == normalized)
        .where(Merchant.uscc.is_(None) if uscc else Merchant.id.is_not(None))
        .order_by(Merchant.id)
    ).first()
    if merchant:
        if uscc:
            merchant.uscc = uscc
        return merchant
    merchant = Merchant(name=name, normalized_name=normalized, uscc=uscc)
    try:
        with db.begin_nested():
            db.add(merchant)
    except IntegrityError:
        # Another request created the same credit code a moment earlier.
        return db.exec(select(Merchant).where(Merchant.uscc == uscc)).one()
    return merchant
