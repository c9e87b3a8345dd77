"""The link between a case and the lawyers who handle it.

A lawyer handles a case once a feature links them: an admin's assignment here,
and later a consultation or a litigation mandate through ``link_lawyer``. A
handling lawyer who is approved now may read the case, its evidence and its
documents, and may draft and issue the documents a lawyer signs.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal.models import (
    ApplicationStatus,
    Case,
    CaseLawyer,
    Complaint,
    Evidence,
    LawFirm,
    LawyerProfile,
    Merchant,
    Role,
    User,
)
from portal.services import evidence, workflow
from portal.services.actors import Actor
from portal.services.errors import FieldError, NotFound, PermissionDenied
from portal.services.lawyer_access import approved_profile, require_approved_lawyer

logger = logging.getLogger(__name__)

SOURCE_ADMIN = "admin"


def handles_case(db: Session, actor: Actor, case_id: int) -> bool:
    """Tell whether ``actor`` is an approved lawyer linked to the case."""
    if approved_profile(db, actor) is None:
        return False
    link = db.exec(
        select(CaseLawyer.id).where(
            CaseLawyer.case_id == case_id, CaseLawyer.lawyer_id == actor.user_id
        )
    ).first()
    return link is not None


def link_lawyer(
    db: Session,
    case_id: int,
    lawyer_id: int,
    source: str,
    assigned_by: int | None = None,
) -> CaseLawyer:
    """Link a lawyer account to a case; linking twice returns the first link.

    Callers check the acting user's rights first, as with
    ``workflow.record_event``; this only writes the row. Consultations and
    litigation call it when a lawyer takes the case on.
    """
    existing = db.exec(
        select(CaseLawyer).where(
            CaseLawyer.case_id == case_id, CaseLawyer.lawyer_id == lawyer_id
        )
    ).first()
    if existing is not None:
        return existing
    link = CaseLawyer(
        case_id=case_id, lawyer_id=lawyer_id, source=source, assigned_by=assigned_by
    )
    try:
        with db.begin_nested():
            db.add(link)
    except IntegrityError:
        # Another request linked the same lawyer a moment earlier.
        return db.exec(
            select(CaseLawyer).where(
                CaseLawyer.case_id == case_id, CaseLawyer.lawyer_id == lawyer_id
            )
        ).one()
    logger.info("lawyer %s linked to case %s by %s", lawyer_id, case_id, source)
    return link


def assign_case_lawyer(
    db: Session, actor: Actor, case_id: int, lawyer_id: int
) -> CaseLawyer:
    """Assign an approved lawyer to a case and note it on the timeline. Admins only.

    Raises:
        PermissionDenied: the actor is not an admin.
        NotFound: no such case.
        FieldError: ``lawyer_id`` is not an approved lawyer.
    """
    if not actor.is_admin:
        logger.warning(
            "account %s denied lawyer assignment: not an admin", actor.user_id
        )
        raise PermissionDenied()
    if db.get(Case, case_id) is None:
        raise NotFound()
    user = db.get(User, lawyer_id)
    lawyer = Actor(lawyer_id, Role.LAWYER, user.display_name) if user else None
    profile = (
        approved_profile(db, lawyer) if user and user.role == Role.LAWYER else None
    )
    if profile is None:
        raise FieldError("lawyer", "documents.error.lawyer_not_approved")
    link = link_lawyer(db, case_id, lawyer_id, SOURCE_ADMIN, actor.user_id)
    workflow.record_event(db, case_id, actor, "lawyer_assigned", profile.real_name)
    return link


@dataclass(frozen=True)
class LawyerOption:
    """An approved lawyer an admin may assign."""

    user_id: int
    real_name: str
    firm_name: str


def approved_lawyers(db: Session, actor: Actor) -> list[LawyerOption]:
    """List approved lawyers by name, for an admin's assignment. Admins only.

    Raises:
        PermissionDenied: the actor is not an admin.
    """
    if not actor.is_admin:
        raise PermissionDenied()
    rows = db.exec(
        select(LawyerProfile, LawFirm)
        .join(LawFirm, LawFirm.id == LawyerProfile.firm_id, isouter=True)
        .where(LawyerProfile.status == ApplicationStatus.APPROVED)
        .order_by(LawyerProfile.real_name, LawyerProfile.user_id)
    ).all()
    return [
        LawyerOption(profile.user_id, profile.real_name, firm.name if firm else "")
        for profile, firm in rows
    ]


def case_handlers(db: Session, actor: Actor, case_id: int) -> list[str]:
    """List the names of the approved lawyers who handle a case the actor may read.

    Raises:
        NotFound: the actor may not read the case.
    """
    workflow.load_case(db, actor, case_id)
    rows = db.exec(
        select(LawyerProfile.real_name)
        .join(CaseLawyer, CaseLawyer.lawyer_id == LawyerProfile.user_id)
        .where(
            CaseLawyer.case_id == case_id,
            LawyerProfile.status == ApplicationStatus.APPROVED,
        )
        .order_by(CaseLawyer.assigned_at, CaseLawyer.id)
    ).all()
    return list(rows)


@dataclass(frozen=True)
class HandledCase:
    """One case a lawyer handles, as their list shows it."""

    case_id: int
    number: str
    merchant_name: str
    status: str
    assigned_at: datetime


def list_handled_cases(db: Session, actor: Actor) -> list[HandledCase]:
    """List the cases the acting approved lawyer handles, newest link first.

    Raises:
        PermissionDenied: the actor is not an approved lawyer.
    """
    require_approved_lawyer(db, actor)
    rows = db.exec(
        select(CaseLawyer, Case, Complaint, Merchant)
        .join(Case, Case.id == CaseLawyer.case_id)
        .join(Complaint, Complaint.id == Case.complaint_id)
        .join(Merchant, Merchant.id == Complaint.merchant_id)
        .where(CaseLawyer.lawyer_id == actor.user_id)
        .order_by(CaseLawyer.assigned_at.desc(), CaseLawyer.id.desc())
    ).all()
    return [
        HandledCase(
            case.id, complaint.number, merchant.name, case.status, link.assigned_at
        )
        for link, case, complaint, merchant in rows
    ]


def _reads_case(db: Session, actor: Actor, case: Case, _complaint: Complaint) -> bool:
    return actor.role == Role.LAWYER and handles_case(db, actor, case.id)


def _reads_evidence(db: Session, actor: Actor, row: Evidence) -> bool:
    if actor.role != Role.LAWYER or row.complaint_id is None:
        return False
    case = db.exec(select(Case).where(Case.complaint_id == row.complaint_id)).first()
    return case is not None and handles_case(db, actor, case.id)


workflow.CASE_READ_RULES.append(_reads_case)
evidence.READ_RULES.append(_reads_evidence)
