"""Legal documents on a case: who may draft them, numbered versions and PDFs.

Documents belong to the case. Its consumer, the approved lawyers who handle
it and admins may read them. The consumer drafts the complaint letter, only
an approved handling lawyer drafts and issues the lawyer's letter, and either
of them may draft the civil complaint. Admins read but do not draft.
"""

import hashlib
import logging
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal.models import (
    Case,
    Complaint,
    DocumentKind,
    DocumentSend,
    DocumentVersion,
    Evidence,
    LawFirm,
    LawyerProfile,
    LegalDocument,
    Merchant,
    Role,
    User,
)
from portal.models.types import utcnow
from portal.services import calculator, case_lawyers, document_drafts, document_pdf
from portal.services.actors import Actor
from portal.services.complaints import today_in_shanghai
from portal.services.document_forms import (
    clean_fields,
    dump_fields,
    load_fields,
    require_complete,
)
from portal.services.errors import FieldError, NotFound, PermissionDenied, ServiceError
from portal.services.evidence import Download, storage_path
from portal.services.lawyer_access import approved_profile, require_approved_lawyer
from portal.services.workflow import load_case, record_event

logger = logging.getLogger(__name__)

K = DocumentKind
SENDABLE = (K.COMPLAINT_LETTER, K.LAWYER_LETTER)
CLAIM_RULES = ("", "fraud", "food")


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


def _document(db: Session, case_id: int, kind: DocumentKind) -> LegalDocument | None:
    return db.exec(
        select(LegalDocument).where(
            LegalDocument.case_id == case_id, LegalDocument.kind == kind
        )
    ).first()


def _versions(db: Session, document: LegalDocument | None) -> list[DocumentVersion]:
    if document is None:
        return []
    return list(
        db.exec(
            select(DocumentVersion)
            .where(DocumentVersion.document_id == document.id)
            .order_by(DocumentVersion.number)
        ).all()
    )


def _version_view(db: Session, row: DocumentVersion) -> VersionView:
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
        versions = _versions(db, _document(db, case.id, kind))
        editable = may_edit(db, actor, case, complaint, kind)
        views.append(
            DocumentView(
                kind=kind.value,
                may_edit=editable,
                may_send=editable and kind in SENDABLE,
                fields=load_fields(versions[-1].fields) if versions else {},
                versions=[_version_view(db, row) for row in versions],
                sends=_send_views(db, versions),
            )
        )
    return views


def case_claim(complaint: Complaint, rule: str) -> calculator.Claim | None:
    """Apply the calculator rule ``rule`` to the price the consumer paid."""
    if rule not in CLAIM_RULES:
        raise FieldError("rule", "error.choice.invalid", value=rule)
    if not rule or complaint.amount_paid is None:
        return None
    if rule == "food":
        return calculator.food_safety_claim(complaint.amount_paid)
    return calculator.fraud_claim(complaint.amount_paid)


def _case_facts(
    db: Session, complaint: Complaint, rule: str
) -> document_drafts.CaseFacts:
    names = db.exec(
        select(Evidence.original_name)
        .where(Evidence.complaint_id == complaint.id)
        .order_by(Evidence.id)
    ).all()
    return document_drafts.CaseFacts(
        complaint=complaint,
        merchant=db.get(Merchant, complaint.merchant_id),
        consumer=db.get(User, complaint.consumer_id),
        evidence_names=list(names),
        claim=case_claim(complaint, rule),
        today=today_in_shanghai(),
    )


def _lawyer_and_firm(db: Session, actor: Actor) -> tuple[LawyerProfile, LawFirm | None]:
    profile = approved_profile(db, actor)
    if profile is None:
        raise PermissionDenied("error.lawyer.not_approved")
    firm = db.get(LawFirm, profile.firm_id) if profile.firm_id else None
    return profile, firm


def draft_document(
    db: Session, actor: Actor, case_id: int, kind: str, rule: str = ""
) -> dict[str, str]:
    """Draft the fields of a new version from the case; nothing is saved.

    ``rule`` picks the calculator figures the requests use: ``fraud``
    (Consumer Rights Protection Law Art. 55), ``food`` (Food Safety Law
    Art. 148), or empty for a refund of the price only.

    Raises:
        NotFound: the actor may not read the case, or an unknown kind.
        PermissionDenied: the actor may not write this kind.
        FieldError: an unknown rule.
    """
    kind = parse_kind(kind)
    _case, complaint = load_for_edit(db, actor, case_id, kind)
    facts = _case_facts(db, complaint, rule)
    if kind == K.COMPLAINT_LETTER:
        return document_drafts.draft_complaint_letter(facts)
    if kind == K.CIVIL_COMPLAINT:
        return document_drafts.draft_civil_complaint(facts)
    return document_drafts.draft_lawyer_letter(facts, *_lawyer_and_firm(db, actor))


def _document_for_write(
    db: Session, actor: Actor, case_id: int, kind: DocumentKind
) -> LegalDocument:
    document = _document(db, case_id, kind)
    if document is not None:
        return document
    document = LegalDocument(case_id=case_id, kind=kind, created_by=actor.user_id)
    try:
        with db.begin_nested():
            db.add(document)
    except IntegrityError:
        # A save from another tab created it a moment earlier.
        return _document(db, case_id, kind)
    return document


def save_version(
    db: Session, actor: Actor, case_id: int, kind: str, raw: dict[str, object]
) -> VersionView:
    """Save the edited fields as the document's next numbered version.

    Blank fields are allowed in a draft; rendering names them. The fields of
    a lawyer's letter that identify the lawyer come from the approved
    profile of the acting lawyer, never from ``raw``.

    Raises:
        NotFound: the actor may not read the case, or an unknown kind.
        PermissionDenied: the actor may not write this kind.
        ValidationFailed: a field is too long or badly formed.
        ServiceError: another save took the same number; reload and retry.
    """
    kind = parse_kind(kind)
    case, _complaint = load_for_edit(db, actor, case_id, kind)
    fields = clean_fields(kind, raw)
    if kind == K.LAWYER_LETTER:
        identity = document_drafts.lawyer_identity(*_lawyer_and_firm(db, actor))
        fields.update(identity)

    document = _document_for_write(db, actor, case.id, kind)
    number = (
        db.exec(
            select(func.max(DocumentVersion.number)).where(
                DocumentVersion.document_id == document.id
            )
        ).one()
        or 0
    ) + 1
    row = DocumentVersion(
        document_id=document.id,
        number=number,
        fields=dump_fields(fields),
        author_id=actor.user_id,
    )
    try:
        with db.begin_nested():
            db.add(row)
    except IntegrityError:
        raise ServiceError("documents.error.concurrent_save") from None
    document.updated_at = utcnow()
    db.add(document)
    logger.info(
        "%s v%s saved on case %s by account %s", kind, number, case.id, actor.user_id
    )
    return _version_view(db, row)


def find_version(
    db: Session, case_id: int, kind: DocumentKind, number: int
) -> DocumentVersion:
    """Return version ``number`` of the case's document of ``kind``.

    Raises:
        NotFound: no such document or version.
    """
    document = _document(db, case_id, kind)
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


def render_version(
    db: Session, actor: Actor, case_id: int, kind: str, number: int
) -> VersionView:
    """Render a saved version to PDF and keep the file on the case.

    A version renders once; rendering it again returns the same file.

    Raises:
        NotFound: the actor may not read the case, or no such version.
        PermissionDenied: the actor may not write this kind.
        ValidationFailed: names every empty field the document needs.
    """
    kind = parse_kind(kind)
    case, complaint = load_for_edit(db, actor, case_id, kind)
    row = find_version(db, case.id, kind, number)
    if row.pdf_stored_name is not None:
        return _version_view(db, row)
    fields = load_fields(row.fields)
    require_complete(kind, fields)

    data = document_pdf.render_pdf(kind, fields, f"{complaint.number} v{number}")
    stored_name = f"{secrets.token_hex(16)}.pdf"
    path = storage_path(stored_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    row.pdf_stored_name = stored_name
    row.pdf_sha256 = hashlib.sha256(data).hexdigest()
    row.rendered_at = utcnow()
    db.add(row)
    record_event(db, case.id, actor, "document_rendered", version_label(kind, number))
    logger.info(
        "%s v%s of case %s rendered (%s bytes)", kind, number, case.id, len(data)
    )
    return _version_view(db, row)


def version_label(kind: DocumentKind, number: int) -> str:
    """Name a version in Chinese for the timeline, such as ``律师函 第 2 版``."""
    return f"{document_pdf.TITLES[kind]} 第 {number} 版"


def pdf_filename(kind: DocumentKind, case_number: str, number: int) -> str:
    return f"{document_pdf.TITLES[kind]}-{case_number}-v{number}.pdf"


def open_document_pdf(db: Session, actor: Actor | None, version_id: int) -> Download:
    """Return the PDF of a rendered version if ``actor`` may read its case.

    Raises:
        NotFound: no such rendered version, or the actor may not read the case
            (the two look the same, so ids cannot be probed).
    """
    row = db.get(DocumentVersion, version_id)
    document = db.get(LegalDocument, row.document_id) if row else None
    if document is None or row.pdf_stored_name is None or actor is None:
        logger.warning("document version %s not found or not rendered", version_id)
        raise NotFound()
    _case, complaint = load_case(db, actor, document.case_id)
    kind = DocumentKind(document.kind)
    return Download(
        storage_path(row.pdf_stored_name),
        "application/pdf",
        pdf_filename(kind, complaint.number, row.number),
    )
