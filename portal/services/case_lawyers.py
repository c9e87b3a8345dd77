"""Which lawyers handle a case: the link other features write and read.

A lawyer handles a case once a feature links them: an admin's assignment here,
and later a consultation or a litigation mandate through ``link_lawyer``. A
handling lawyer who is approved now may read the case, its evidence and its
documents, and may draft and issue the documents a lawyer signs.
"""

import logging

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal.models import Case, CaseLawyer, Complaint, Evidence, Role, User
from portal.services import evidence, workflow
from portal.services.actors import Actor
from portal.services.errors import FieldError, NotFound, PermissionDenied
from portal.services.lawyer_access import approved_profile

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
        logger.warning("account %s refused lawyer assignment", actor.user_id)
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


def _reads_case(db: Session, actor: Actor, case: Case, _complaint: Complaint) -> bool:
    return actor.role == Role.LAWYER and handles_case(db, actor, case.id)


def _reads_evidence(db: Session, actor: Actor, row: Evidence) -> bool:
    if actor.role != Role.LAWYER or row.complaint_id is None:
        return False
    case = db.exec(select(Case).where(Case.complaint_id == row.complaint_id)).first()
    return case is not None and handles_case(db, actor, case.id)


workflow.CASE_READ_RULES.append(_reads_case)
evidence.READ_RULES.append(_reads_evidence)
