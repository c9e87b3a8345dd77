"""The compensation calculator: what a consumer may claim, and by which deadline.

Pure functions of their inputs, with no database and no actor, so the public
page and the case page share them. Money is ``Decimal`` yuan computed exactly
and rounded to the fen (half up) only in the figures returned. Every figure
and date carries the catalogue key of the article behind it.

Rules, in the wording of the statutes:

- Consumer Rights Protection Law (消费者权益保护法) Art. 55(1): for fraud, the
  merchant refunds the price and pays extra compensation of three times the
  price, at least 500 yuan.
- Food Safety Law (食品安全法) Art. 148(2): for food that does not meet food
  safety standards, ten times the price or three times the loss, at least
  1,000 yuan, besides the loss itself. Labelling flaws that neither affect
  food safety nor mislead consumers are excluded.
- Consumer Rights Protection Law Art. 25: seven days to return goods bought
  online, on TV, by phone or by mail order, counted from the day after
  delivery is signed for, with five exclusions.
- Civil Code (民法典) Art. 188: a three-year limitation period from the day the
  consumer knew, or should have known, of the harm and of who caused it.
- Civil Code Art. 201 to 203: a period starts the day after its event, a period
  in years ends on the corresponding day (the month's last day when there is
  none), and a last day that is a statutory rest day moves to the day after.
"""

import calendar
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import chinese_calendar

logger = logging.getLogger(__name__)

FEN = Decimal("0.01")
FRAUD_MULTIPLE = 3
FRAUD_MINIMUM = Decimal("500")
FOOD_PRICE_MULTIPLE = 10
FOOD_LOSS_MULTIPLE = 3
FOOD_MINIMUM = Decimal("1000")
RETURN_DAYS = 7
LIMITATION_YEARS = 3

ARTICLE_FRAUD = "documents.article.cprl_55"
ARTICLE_FOOD = "documents.article.food_148"
ARTICLE_RETURN = "documents.article.cprl_25"
ARTICLE_LIMITATION = "documents.article.civil_188"
ARTICLE_PERIOD_END = "documents.article.civil_203"

# Purchase channels for which Art. 25 applies, and one for shop counters.
REMOTE_CHANNELS = ("online", "tv", "phone", "mail_order")
CHANNELS = (*REMOTE_CHANNELS, "in_store")

# Art. 25(1) exclusions, in the order the statute lists them.
RETURN_EXCLUSIONS = (
    "made_to_order",
    "perishable",
    "digital_unsealed",
    "newspapers",
    "confirmed_not_returnable",
)


@dataclass(frozen=True)
class Figure:
    """One amount the consumer may claim and its legal basis."""

    label: str
    amount: Decimal
    article: str


@dataclass(frozen=True)
class Claim:
    """The result of one money rule: its figures and their total.

    ``reason`` is the catalogue key that explains why the rule does not apply
    when ``applicable`` is false; the figures are then empty.
    """

    rule: str
    applicable: bool
    figures: tuple[Figure, ...]
    total: Decimal
    reason: str = ""


@dataclass(frozen=True)
class Deadline:
    """A period's last day, after any move past statutory rest days.

    ``nominal_last_day`` is the day the counting rule gives; ``last_day`` is
    later when that day is a rest day. ``estimated`` is true when the State
    Council schedule for a year involved is not known yet, so only weekends
    were treated as rest days.
    """

    start: date
    nominal_last_day: date
    last_day: date
    article: str
    estimated: bool

    @property
    def moved(self) -> bool:
        return self.last_day != self.nominal_last_day


@dataclass(frozen=True)
class ReturnWindow:
    """Whether the seven-day return applies, and its deadline.

    ``reasons`` lists the catalogue keys of every ground that excludes it.
    """

    eligible: bool
    reasons: tuple[str, ...]
    deadline: Deadline


def _fen(amount: Decimal) -> Decimal:
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def _require_non_negative(amount: Decimal, name: str) -> None:
    if amount < 0:
        raise ValueError(f"{name} must not be negative, got {amount}")


def fraud_claim(price: Decimal) -> Claim:
    """Compute the refund and the treble compensation for merchant fraud.

    Args:
        price: what the consumer paid, in yuan, unrounded.

    Raises:
        ValueError: ``price`` is negative.
    """
    _require_non_negative(price, "price")
    compensation = max(price * FRAUD_MULTIPLE, FRAUD_MINIMUM)
    figures = (
        Figure("documents.calc.refund", _fen(price), ARTICLE_FRAUD),
        Figure("documents.calc.fraud_compensation", _fen(compensation), ARTICLE_FRAUD),
    )
    return Claim("fraud", True, figures, _fen(price + compensation))


def food_safety_claim(
    price: Decimal, loss: Decimal = Decimal(0), *, labelling_flaw_only: bool = False
) -> Claim:
    """Compute the loss and the punitive damages for unsafe food.

    The damages are the larger of ten times the price and three times the
    loss, at least 1,000 yuan. The loss itself is claimed on top.

    Args:
        price: what the consumer paid for the food, in yuan.
        loss: the consumer's other proven loss, in yuan (medical costs, for
            example); zero when there is none.
        labelling_flaw_only: the only defect is a label or instruction flaw that
            neither affects food safety nor misleads; Art. 148 then excludes
            the damages.

    Raises:
        ValueError: ``price`` or ``loss`` is negative.
    """
    _require_non_negative(price, "price")
    _require_non_negative(loss, "loss")
    if labelling_flaw_only:
        return Claim(
            "food", False, (), Decimal("0.00"), "documents.calc.labelling_excluded"
        )
    damages = max(price * FOOD_PRICE_MULTIPLE, loss * FOOD_LOSS_MULTIPLE, FOOD_MINIMUM)
    figures = [Figure("documents.calc.refund", _fen(price), ARTICLE_FOOD)]
    if loss > 0:
        figures.append(Figure("documents.calc.loss", _fen(loss), ARTICLE_FOOD))
    figures.append(Figure("documents.calc.food_damages", _fen(damages), ARTICLE_FOOD))
    return Claim("food", True, tuple(figures), _fen(price + loss + damages))


def is_rest_day(day: date) -> tuple[bool, bool]:
    """Tell whether ``day`` is a statutory rest day, and whether that is a guess.

    Uses the State Council holiday schedule (``chinese-calendar``), which lists
    statutory holidays and the weekend days made working days. For a year it
    has no data for, only Saturdays and Sundays count as rest days and the
    second value is True.
    """
    try:
        return not chinese_calendar.is_workday(day), False
    except NotImplementedError:
        return day.weekday() >= 5, True


def move_past_rest_days(nominal: date) -> tuple[date, bool]:
    """Move a period's last day past rest days (Civil Code Art. 203).

    Returns the last day and whether any day checked was outside the
    holiday schedule's data.
    """
    day = nominal
    estimated = False
    while True:
        rest, guessed = is_rest_day(day)
        estimated = estimated or guessed
        if not rest:
            return day, estimated
        day += timedelta(days=1)


def _deadline(start: date, nominal: date, article: str) -> Deadline:
    last_day, estimated = move_past_rest_days(nominal)
    if estimated:
        logger.info("deadline %s estimated with weekends only", nominal)
    return Deadline(start, nominal, last_day, article, estimated)


def seven_day_return(
    channel: str,
    signed_for_on: date,
    exclusions: frozenset[str] | set[str] = frozenset(),
) -> ReturnWindow:
    """Check the seven-day return without reason and find its last day.

    Args:
        channel: one of ``CHANNELS``; only the remote ones qualify.
        signed_for_on: the day the consumer signed for the delivery.
        exclusions: the ``RETURN_EXCLUSIONS`` that describe the goods.

    Raises:
        ValueError: an unknown channel or exclusion.
    """
    if channel not in CHANNELS:
        raise ValueError(f"unknown purchase channel {channel!r}")
    unknown = set(exclusions) - set(RETURN_EXCLUSIONS)
    if unknown:
        raise ValueError(f"unknown exclusions {sorted(unknown)}")
    reasons = [] if channel in REMOTE_CHANNELS else ["documents.calc.not_remote"]
    reasons += [
        f"documents.calc.exclusion.{name}"
        for name in RETURN_EXCLUSIONS
        if name in exclusions
    ]
    start = signed_for_on + timedelta(days=1)
    nominal = signed_for_on + timedelta(days=RETURN_DAYS)
    deadline = _deadline(start, nominal, ARTICLE_RETURN)
    return ReturnWindow(not reasons, tuple(reasons), deadline)


def add_years(day: date, years: int) -> date:
    """Return the corresponding day ``years`` later, or that month's last day.

    Civil Code Art. 202: 29 February plus a year is 28 February.
    """
    year = day.year + years
    last = calendar.monthrange(year, day.month)[1]
    return date(year, day.month, min(day.day, last))


def limitation_period(known_on: date) -> Deadline:
    """Find the last day of the three-year limitation period (Art. 188).

    Args:
        known_on: the day the consumer knew, or should have known, of the harm
            and of who caused it. Counting starts the next day (Art. 201).
    """
    start = known_on + timedelta(days=1)
    nominal = add_years(known_on, LIMITATION_YEARS)
    return _deadline(start, nominal, ARTICLE_LIMITATION)
