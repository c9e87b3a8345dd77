"""Write access to the legal documents of a case.

The consumer drafts the complaint letter, only an approved lawyer who handles
the case drafts and issues the lawyer's letter, and either of them may draft
the civil complaint. Admins read but do not draft.
"""

import logging

from sqlmodel import Session

from portal.models import Case, Complaint, DocumentKind, Role
from portal.services import case_lawyers
from portal.services.actors import Actor
from portal.services.errors import NotFound, PermissionDenied
from portal.services.lawyer_access import require_approved_lawyer
from portal.services.workflow import load_case

logger = logging.getLogger(__name__)

K = DocumentKind
SENDABLE = (K.COMPLAINT_LETTER, K.LAWYER_LETTER)


def parse_kind(kind: str) -> DocumentKind:
    """Return the document kind named ``kind``.

    Raises:
        NotFound: no such kind.
    """
    try:
        return DocumentKind(kind)
    except ValueError:
        raise NotFound() from None


def may_edit(db: Session, actor: Actor, case: Case, complaint: Complaint, kind) -> bool:
    """Tell whether ``actor`` may draft, save, render and send ``kind`` on the case."""
    is_owner = actor.is_consumer and complaint.consumer_id == actor.user_id
    is_handler = actor.role == Role.LAWYER and case_lawyers.handles_case(
        db, actor, case.id
    )
    if kind == K.COMPLAINT_LETTER:
        return is_owner
    if kind == K.LAWYER_LETTER:
        return is_handler
    return is_owner or is_handler


def load_for_edit(
    db: Session, actor: Actor, case_id: int, kind: DocumentKind
) -> tuple[Case, Complaint]:
    """Load a case on which ``actor`` may write documents of ``kind``.

    Raises:
        NotFound: the actor may not read the case.
        PermissionDenied: the actor may read but not write this kind; for a
            lawyer's letter, also when the lawyer is not approved now.
    """
    case, complaint = load_case(db, actor, case_id)
    if kind == K.LAWYER_LETTER:
        require_approved_lawyer(db, actor)
    if not may_edit(db, actor, case, complaint, kind):
        logger.warning(
            "account %s (%s) denied writing %s on case %s",
            actor.user_id,
            actor.role,
            kind,
            case_id,
        )
        raise PermissionDenied("documents.error.may_not_edit")
    return case, complaint
