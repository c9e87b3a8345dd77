"""Public pages of approved lawyers and their law firms.

Anyone may read them, signed in or not. They show name, firm, region, areas
and years in practice, and the licence number only masked: never the full
number, a phone number or an ID document.
"""

import logging
from dataclasses import dataclass

from sqlmodel import Session, select

from portal.models import ApplicationStatus, LawFirm, LawyerProfile
from portal.services.actors import Actor
from portal.services.errors import NotFound
from portal.services.lawyer_application import split_areas

logger = logging.getLogger(__name__)

VISIBLE_LEADING_DIGITS = 4
VISIBLE_TRAILING_DIGITS = 2


@dataclass(frozen=True)
class PublicProfile:
    """The fields of an approved lawyer that the public profile page shows."""

    profile_id: int
    real_name: str
    masked_licence_no: str
    firm_id: int | None
    firm_name: str
    region: str
    areas: tuple[str, ...]
    years_in_practice: int


@dataclass(frozen=True)
class FirmPage:
    """A law firm and its approved lawyers."""

    firm_id: int
    name: str
    uscc: str
    lawyers: list[PublicProfile]


def mask_licence_number(number: str) -> str:
    """Keep the first four and last two digits of a licence number; star the rest."""
    hidden = len(number) - VISIBLE_LEADING_DIGITS - VISIBLE_TRAILING_DIGITS
    if hidden <= 0:
        return "*" * len(number)
    return (
        number[:VISIBLE_LEADING_DIGITS]
        + "*" * hidden
        + number[-VISIBLE_TRAILING_DIGITS:]
    )


def _to_public(profile: LawyerProfile, firm: LawFirm | None) -> PublicProfile:
    return PublicProfile(
        profile_id=profile.id,
        real_name=profile.real_name,
        masked_licence_no=mask_licence_number(profile.licence_no),
        firm_id=firm.id if firm else None,
        firm_name=firm.name if firm else "",
        region=profile.region,
        areas=split_areas(profile.areas),
        years_in_practice=profile.years_in_practice,
    )


def public_profile(db: Session, actor: Actor | None, profile_id: int) -> PublicProfile:
    """Return the public profile of an approved lawyer.

    ``actor`` may be None: the page is public.

    Raises:
        NotFound: no such profile, or it is not approved (pending, rejected or
            suspended lawyers have no public page).
    """
    profile = db.get(LawyerProfile, profile_id)
    if profile is None or profile.status != ApplicationStatus.APPROVED:
        raise NotFound()
    firm = db.get(LawFirm, profile.firm_id) if profile.firm_id else None
    return _to_public(profile, firm)


def firm_page(db: Session, actor: Actor | None, firm_id: int) -> FirmPage:
    """Return a law firm with its approved lawyers, by name.

    Raises:
        NotFound: no such firm.
    """
    firm = db.get(LawFirm, firm_id)
    if firm is None:
        raise NotFound()
    profiles = db.exec(
        select(LawyerProfile)
        .where(
            LawyerProfile.firm_id == firm_id,
            LawyerProfile.status == ApplicationStatus.APPROVED,
        )
        .order_by(LawyerProfile.real_name, LawyerProfile.id)
    ).all()
    return FirmPage(
        firm_id=firm.id,
        name=firm.name,
        uscc=firm.uscc,
        lawyers=[_to_public(profile, firm) for profile in profiles],
    )
