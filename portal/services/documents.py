"""Drafting legal documents from a case, numbered versions and their PDFs.

Access rules are in ``document_access`` and the page's read models in
``document_views``.
"""

import hashlib
import logging
import secrets

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal.models import (
    Complaint,
    DocumentKind,
    DocumentVersion,
    Evidence,
    LawFirm,
    LawyerProfile,
    LegalDocument,
    Merchant,
    User,
)
from portal.models.types import utcnow
from portal.services import calculator, document_drafts, document_pdf
from portal.services.actors import Actor
from portal.services.complaints import today_in_shanghai
from portal.services.document_access import K, load_for_edit, parse_kind
from portal.services.document_forms import (
    clean_fields,
    dump_fields,
    load_fields,
    require_complete,
)
from portal.services.document_views import (
    VersionView,
    find_document,
    find_version,
    version_view,
)
from portal.services.errors import FieldError, NotFound, PermissionDenied, ServiceError
from portal.services.evidence import Download, storage_path
from portal.services.lawyer_access import approved_profile
from portal.services.workflow import load_case, record_event

logger = logging.getLogger(__name__)

CLAIM_RULES = ("", "fraud", "food")


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


def signer_fields(db: Session, actor: Actor) -> dict[str, str]:
    """Return the name, firm and licence a lawyer's letter saved by ``actor`` carries.

    Empty for anyone who is not an approved lawyer.
    """
    if approved_profile(db, actor) is None:
        return {}
    return document_drafts.lawyer_identity(*_lawyer_and_firm(db, actor))


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
    document = find_document(db, case_id, kind)
    if document is not None:
        return document
    document = LegalDocument(case_id=case_id, kind=kind, created_by=actor.user_id)
    try:
        with db.begin_nested():
            db.add(document)
    except IntegrityError:
        # A save from another tab created it a moment earlier.
        return find_document(db, case_id, kind)
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
    return version_view(db, row)


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
        return version_view(db, row)
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
    return version_view(db, row)


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
