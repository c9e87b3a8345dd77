"""The statutory cap on contingency (full-risk) fees, and the fee due at close.

The cap is progressive on the recovered amount, like income-tax brackets: 18% of
the part up to 1,000,000 yuan, 15% of the part from 1 to 5 million, 12% from 5
to 10 million, 9% from 10 to 50 million and 6% above 50 million.
"""

from decimal import ROUND_DOWN, Decimal

FEN = Decimal("0.01")
BASIS_POINTS_PER_PERCENT = 100

# (upper bound of the tier in yuan, or None for no bound; rate)
CAP_TIERS: tuple[tuple[Decimal | None, Decimal], ...] = (
    (Decimal("1000000"), Decimal("0.18")),
    (Decimal("5000000"), Decimal("0.15")),
    (Decimal("10000000"), Decimal("0.12")),
    (Decimal("50000000"), Decimal("0.09")),
    (None, Decimal("0.06")),
)
MAX_RATE_PERCENT = Decimal("18")


def fee_cap(amount: Decimal) -> Decimal:
    """Return the largest contingency fee allowed on ``amount`` yuan, in yuan.

    Each tier's rate applies only to the part of ``amount`` inside that tier.
    The result is rounded down to the fen so it never exceeds the cap.
    """
    total = Decimal("0")
    lower = Decimal("0")
    for upper, rate in CAP_TIERS:
        if amount <= lower:
            break
        top = amount if upper is None else min(amount, upper)
        total += (top - lower) * rate
        if upper is None:
            break
        lower = upper
    return total.quantize(FEN, rounding=ROUND_DOWN)


def rate_from_basis_points(basis_points: int) -> Decimal:
    """Return a fee rate given in basis points (1/100 of a percent) as a fraction."""
    return Decimal(basis_points) / Decimal(10000)


def fee_for_rate(amount: Decimal, basis_points: int) -> Decimal:
    """Return ``amount`` times the agreed rate, rounded down to the fen."""
    return (amount * rate_from_basis_points(basis_points)).quantize(
        FEN, rounding=ROUND_DOWN
    )


def fee_due(recovered: Decimal, basis_points: int) -> Decimal:
    """Return the fee due: the agreed share of ``recovered``, at most the cap.

    Nothing recovered means no fee.
    """
    if recovered <= 0:
        return Decimal("0.00")
    return min(fee_for_rate(recovered, basis_points), fee_cap(recovered))


def rate_within_cap(amount: Decimal, basis_points: int) -> bool:
    """Tell whether the agreed rate on ``amount`` stays within the cap."""
    return fee_for_rate(amount, basis_points) <= fee_cap(amount)
