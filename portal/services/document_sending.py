"""Sending a rendered document to the merchant by email, once.

Each send of a version to a recipient is one ``DocumentSend`` row. The row is
claimed and committed before the SMTP call, so a second click or a second tab
finds it and does not send again. A failed row can be claimed again to retry.
Every attempt's result goes on the case timeline.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal.models import Complaint, DocumentSend, Merchant, SendStatus, User
from portal.models.types import utcnow
from portal.services import mailer
from portal.services.actors import Actor
from portal.services.document_access import SENDABLE, load_for_edit, parse_kind
from portal.services.document_forms import load_fields
from portal.services.document_pdf import TITLES
from portal.services.document_views import SendView, find_version, send_view
from portal.services.documents import pdf_filename, version_label
from portal.services.errors import FieldError, NotFound, PermissionDenied
from portal.services.evidence import storage_path
from portal.services.validators import normalize_email
from portal.services.workflow import load_case, record_event

logger = logging.getLogger(__name__)

# NOTE: a send still marked "sending" after this long is taken to have died
# with its process and may be retried. The SMTP server may have accepted it
# before the process died, so that retry can deliver a second copy.
STALE_SENDING = timedelta(minutes=10)


@dataclass(frozen=True)
class SendOutcome:
    """The send row after a request, and whether this request delivered it."""

    send: SendView
    delivered_now: bool


def _recipient(fields: dict[str, str], merchant: Merchant) -> str:
    recipient = fields.get("recipient_email") or merchant.email or ""
    if not recipient:
        raise FieldError("recipient", "documents.error.no_recipient")
    return recipient


def _find(db: Session, version_id: int, recipient: str) -> DocumentSend | None:
    return db.exec(
        select(DocumentSend).where(
            DocumentSend.version_id == version_id, DocumentSend.recipient == recipient
        )
    ).first()


def _claim(
    db: Session, actor: Actor, version_id: int, case_id: int, recipient: str
) -> tuple[DocumentSend, bool]:
    """Return the send row and whether this request now owns the delivery."""
    row = _find(db, version_id, recipient)
    now = utcnow()
    if row is None:
        row = DocumentSend(
            version_id=version_id,
            case_id=case_id,
            recipient=recipient,
            sender_id=actor.user_id,
            requested_at=now,
        )
        try:
            with db.begin_nested():
                db.add(row)
        except IntegrityError:
            return _find(db, version_id, recipient), False
        return row, True
    stale = row.status == SendStatus.SENDING and now - row.requested_at > STALE_SENDING
    if row.status != SendStatus.FAILED and not stale:
        return row, False
    claimed = db.exec(
        update(DocumentSend)
        .where(
            DocumentSend.id == row.id,
            DocumentSend.status == row.status,
            DocumentSend.attempts == row.attempts,
        )
        .values(
            status=SendStatus.SENDING,
            attempts=row.attempts + 1,
            error="",
            sender_id=actor.user_id,
            requested_at=now,
            finished_at=None,
        )
    )
    db.refresh(row)
    return row, claimed.rowcount == 1


def _message(
    db: Session, actor: Actor, kind, complaint: Complaint, version, recipient: str
):
    title = TITLES[kind]
    sender = db.get(User, actor.user_id)
    body = (
        "您好：\n\n"
        f"附件是{sender.display_name if sender else ''}通过放心平台发送的{title}"
        f"（案件编号 {complaint.number}，第 {version.number} 版），"
        "请查阅并及时回复。\n\n放心 Fangxin\n"
    )
    try:
        data = storage_path(version.pdf_stored_name).read_bytes()
    except OSError as error:
        logger.error("PDF of version %s unreadable: %s", version.id, error)
        raise mailer.DeliveryFailed(
            "the PDF file is missing on the server", "pdf_missing"
        ) from error
    return mailer.build_message(
        recipient,
        f"{title}（案件编号 {complaint.number}）",
        body,
        data,
        pdf_filename(kind, complaint.number, version.number),
    )


def send_version(
    db: Session, actor: Actor, case_id: int, kind: str, number: int
) -> SendOutcome:
    """Email a rendered version to its recipient unless it was sent already.

    The recipient is the version's ``recipient_email``, else the merchant's
    email on record. Commits the claim before the SMTP call and the result
    after it, so both are on the case whatever the caller does next.

    Raises:
        NotFound: the actor may not read the case, or no such version.
        PermissionDenied: the actor may not send this kind.
        FieldError: the version has no PDF yet, or there is no recipient.
    """
    kind = parse_kind(kind)
    case, complaint = load_for_edit(db, actor, case_id, kind)
    if kind not in SENDABLE:
        raise PermissionDenied("documents.error.not_sendable")
    version = find_version(db, case.id, kind, number)
    if version.pdf_stored_name is None:
        raise FieldError("version", "documents.error.not_rendered")
    merchant = db.get(Merchant, complaint.merchant_id)
    recipient = _recipient(load_fields(version.fields), merchant)

    row, owns = _claim(db, actor, version.id, case.id, recipient)
    db.commit()
    if not owns:
        logger.info("send %s of case %s not repeated (%s)", row.id, case.id, row.status)
        return SendOutcome(send_view(row, number), False)

    label = f"{version_label(kind, number)} → {recipient}"
    try:
        mailer.deliver(_message(db, actor, kind, complaint, version, recipient))
    except mailer.DeliveryFailed as failure:
        row.status, row.error = SendStatus.FAILED, failure.code
        record_event(db, case.id, actor, "document_send_failed", label)
    else:
        row.status = SendStatus.SENT
        record_event(db, case.id, actor, "document_sent", label)
    row.finished_at = utcnow()
    db.add(row)
    db.commit()
    return SendOutcome(send_view(row, number), True)


def set_merchant_email(db: Session, actor: Actor, case_id: int, email: str) -> str:
    """Set the email address of the case's merchant. Admins only.

    The merchant record is shared by every case against that merchant, so
    consumers set a recipient on their own letter instead.

    Raises:
        PermissionDenied: the actor is not an admin.
        NotFound: no such case.
        FieldError: ``email`` is not an email address.
    """
    if not actor.is_admin:
        logger.warning(
            "account %s denied merchant email change: not an admin", actor.user_id
        )
        raise PermissionDenied()
    _case, complaint = load_case(db, actor, case_id)
    address = normalize_email(email.strip())
    if address is None:
        raise FieldError("merchant_email", "documents.error.email")
    merchant = db.get(Merchant, complaint.merchant_id)
    if merchant is None:
        raise NotFound()
    merchant.email = address
    db.add(merchant)
    logger.info("merchant %s email set by admin %s", merchant.id, actor.user_id)
    return address
