"""The one check every lawyer feature makes: is this an approved lawyer now?

Approval is read from the database on every call, so a suspension takes
effect on the next event a suspended lawyer's browser sends.
"""

import logging

from sqlmodel import Session, select

from portal.models import ApplicationStatus, LawyerProfile, Role
from portal.services.actors import Actor
from portal.services.errors import PermissionDenied

logger = logging.getLogger(__name__)


def approved_profile(db: Session, actor: Actor | None) -> LawyerProfile | None:
    """Return the actor's lawyer profile if it is approved, else None."""
    if actor is None or actor.role != Role.LAWYER:
        return None
    profile = db.exec(
        select(LawyerProfile).where(LawyerProfile.user_id == actor.user_id)
    ).first()
    if profile is None or profile.status != ApplicationStatus.APPROVED:
        return None
    return profile


def require_approved_lawyer(db: Session, actor: Actor) -> LawyerProfile:
    """Return the approved profile of ``actor``.

    Raises:
        PermissionDenied: the actor is not a lawyer, or not approved (pending,
            rejected or suspended).
    """
    profile = approved_profile(db, actor)
    if profile is None:
        logger.warning(
            "access denied to account %s: not an approved lawyer", actor.user_id
        )
        raise PermissionDenied("error.lawyer.not_approved")
    return profile
