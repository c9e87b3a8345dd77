"""Column types and clock helpers shared by every table."""

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import BigInteger
from sqlalchemy.types import TypeDecorator

FEN_PER_YUAN = 100


def utcnow() -> datetime:
    """Return the current time as an aware UTC datetime, the form every table stores."""
    return datetime.now(UTC)


class Money(TypeDecorator):
    """A yuan amount stored exactly as a whole number of fen.

    Python code gets ``Decimal`` yuan with two places and the database stores
    a ``BIGINT`` of fen, so sums in SQL stay exact on SQLite and PostgreSQL alike.
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect) -> int | None:
        if value is None:
            return None
        fen = Decimal(value) * FEN_PER_YUAN
        if fen != fen.to_integral_value():
            raise ValueError(f"amount {value} has more than two decimal places")
        return int(fen)

    def process_result_value(self, value: int | None, dialect) -> Decimal | None:
        if value is None:
            return None
        return (Decimal(value) / FEN_PER_YUAN).quantize(Decimal("0.01"))
