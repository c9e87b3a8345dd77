"""Read models of the documents page: each kind's latest fields, versions, sends.

Documents belong to the case, so anyone who may read the case (its consumer,
the approved lawyers who handle it and admins) may read them.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlmodel import Session, select

from portal.models import (
    DocumentKind,
    DocumentSend,
    DocumentVersion,
    LegalDocument,
    Merchant,
    User,
)
from portal.services.actors import Actor
from portal.services.document_access import SENDABLE, may_edit, parse_kind
from portal.services.document_forms import load_fields
from portal.services.errors import NotFound
from portal.services.workflow import load_case


@dataclass(frozen=True)
class VersionView:
    """One saved version as the page lists it."""

    id: int
    number: int
    created_at: datetime
    author_name: str
    rendered: bool


@dataclass(frozen=True)
class SendView:
    """One email send of a version, with its latest result."""

    id: int
    version_number: int
    recipient: str
    status: str
    error: str
    attempts: int
    requested_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class DocumentView:
    """One kind of document on a case, as the acting user may see it."""

    kind: str
    may_edit: bool
    may_send: bool
    fields: dict[str, str]
    versions: list[VersionView] = field(default_factory=list)
    sends: list[SendView] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentCase:
    """The case facts the documents page shows and the calculator starts from.

    ``merchant_email`` is set for admins only, who may change it.
    """

    case_id: int
    number: str
    merchant_name: str
    merchant_email: str | None
    category: str
    amount_paid: Decimal | None


def document_case(db: Session, actor: Actor, case_id: int) -> DocumentCase:
    """Load the header of the documents page.

    Raises:
        NotFound: the actor may not read the case.
    """
    case, complaint = load_case(db, actor, case_id)
    merchant = db.get(Merchant, complaint.merchant_id)
    return DocumentCase(
        case.id,
        complaint.number,
        merchant.name,
        (merchant.email or "") if actor.is_admin else None,
        complaint.category,
        complaint.amount_paid,
    )


def find_document(
    db: Session, case_id: int, kind: DocumentKind
) -> LegalDocument | None:
    return db.exec(
        select(LegalDocument).where(
            LegalDocument.case_id == case_id, LegalDocument.kind == kind
        )
    ).first()


def list_versions(db: Session, document: LegalDocument | None) -> list[DocumentVersion]:
    if document is None:
        return []
    return list(
        db.exec(
            select(DocumentVersion)
            .where(DocumentVersion.document_id == document.id)
            .order_by(DocumentVersion.number)
        ).all()
    )


def version_view(db: Session, row: DocumentVersion) -> VersionView:
    author = db.get(User, row.author_id)
    return VersionView(
        row.id,
        row.number,
        row.created_at,
        author.display_name if author else "",
        row.pdf_stored_name is not None,
    )


def send_view(row: DocumentSend, version_number: int) -> SendView:
    """Build the view of one send row of version ``version_number``."""
    return SendView(
        row.id,
        version_number,
        row.recipient,
        row.status,
        row.error,
        row.attempts,
        row.requested_at,
        row.finished_at,
    )


def _send_views(db: Session, versions: list[DocumentVersion]) -> list[SendView]:
    numbers = {row.id: row.number for row in versions}
    if not numbers:
        return []
    rows = db.exec(
        select(DocumentSend)
        .where(DocumentSend.version_id.in_(list(numbers)))
        .order_by(DocumentSend.requested_at.desc(), DocumentSend.id.desc())
    ).all()
    return [send_view(row, numbers[row.version_id]) for row in rows]


def case_documents(db: Session, actor: Actor, case_id: int) -> list[DocumentView]:
    """List each kind of document on the case with its latest fields and history.

    Raises:
        NotFound: the actor may not read the case.
    """
    case, complaint = load_case(db, actor, case_id)
    views = []
    for kind in DocumentKind:
        versions = list_versions(db, find_document(db, case.id, kind))
        editable = may_edit(db, actor, case, complaint, kind)
        views.append(
            DocumentView(
                kind=kind.value,
                may_edit=editable,
                may_send=editable and kind in SENDABLE,
                fields=load_fields(versions[-1].fields) if versions else {},
                versions=[version_view(db, row) for row in versions],
                sends=_send_views(db, versions),
            )
        )
    return views


def find_version(
    db: Session, case_id: int, kind: DocumentKind, number: int
) -> DocumentVersion:
    """Return version ``number`` of the case's document of ``kind``.

    Raises:
        NotFound: no such document or version.
    """
    document = find_document(db, case_id, kind)
    row = (
        db.exec(
            select(DocumentVersion).where(
                DocumentVersion.document_id == document.id,
                DocumentVersion.number == number,
            )
        ).first()
        if document
        else None
    )
    if row is None:
        raise NotFound()
    return row


def version_fields(
    db: Session, actor: Actor, case_id: int, kind: str, number: int
) -> dict[str, str]:
    """Return the fields of one saved version for a user who may read the case.

    Raises:
        NotFound: the actor may not read the case, or no such version.
    """
    case, _complaint = load_case(db, actor, case_id)
    return load_fields(find_version(db, case.id, parse_kind(kind), number).fields)
