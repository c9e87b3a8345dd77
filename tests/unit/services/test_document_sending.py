"""Sending documents through a real SMTP server on loopback (aiosmtpd)."""

import email
from datetime import timedelta
from email import policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from sqlmodel import select

from portal.models import CaseEvent, DocumentSend, DocumentVersion, Merchant
from portal.models.types import utcnow
from portal.services import document_sending, documents
from portal.services.errors import FieldError, PermissionDenied
from portal.services.evidence import storage_path
from tests.conftest import free_port
from tests.unit.services import documents_setup as setup

MERCHANT_EMAIL = "service@merchant.test"


class Inbox(Message):
    """Keeps every message the SMTP server accepts."""

    def __init__(self) -> None:
        super().__init__(message_class=EmailMessage)
        self.messages: list[EmailMessage] = []
        self.port = 0

    def handle_message(self, message: EmailMessage) -> None:
        self.messages.append(message)


@pytest.fixture
def inbox(monkeypatch):
    handler = Inbox()
    handler.port = port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    monkeypatch.setenv("FANGXIN_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("FANGXIN_SMTP_PORT", str(port))
    monkeypatch.setenv("FANGXIN_SMTP_SECURITY", "none")
    monkeypatch.setenv("FANGXIN_SMTP_FROM", "letters@fangxin.test")
    yield handler
    controller.stop()


@pytest.fixture
def owner(db):
    return setup.consumer(db)


@pytest.fixture
def case_id(db, owner):
    return setup.file_case(db, owner)


def _rendered_letter(db, owner, case_id, recipient: str = MERCHANT_EMAIL) -> int:
    fields = documents.draft_document(db, owner, case_id, "complaint_letter", "fraud")
    fields["recipient_email"] = recipient
    version = documents.save_version(db, owner, case_id, "complaint_letter", fields)
    documents.render_version(db, owner, case_id, "complaint_letter", version.number)
    return version.number


def _pdf_attachments(message: EmailMessage) -> list:
    parsed = email.message_from_bytes(message.as_bytes(), policy=policy.default)
    return [
        part
        for part in parsed.iter_attachments()
        if part.get_content_type() == "application/pdf"
    ]


def test_send_delivers_pdf_attachment(db, owner, case_id, inbox):
    number = _rendered_letter(db, owner, case_id)
    outcome = document_sending.send_version(
        db, owner, case_id, "complaint_letter", number
    )
    assert outcome.send.status == "sent"
    assert len(inbox.messages) == 1
    message = inbox.messages[0]
    assert message["To"] == MERCHANT_EMAIL
    attachments = _pdf_attachments(message)
    assert len(attachments) == 1
    assert attachments[0].get_content().startswith(b"%PDF-")
    assert attachments[0].get_filename().endswith("-v1.pdf")


def test_send_uses_merchant_email_on_record(db, owner, case_id, inbox):
    merchant = db.exec(select(Merchant)).one()
    merchant.email = "shop@merchant.test"
    db.add(merchant)
    number = _rendered_letter(db, owner, case_id, recipient="")
    document_sending.send_version(db, owner, case_id, "complaint_letter", number)
    assert inbox.messages[0]["To"] == "shop@merchant.test"


def test_send_twice_delivers_once(db, owner, case_id, inbox):
    number = _rendered_letter(db, owner, case_id)
    document_sending.send_version(db, owner, case_id, "complaint_letter", number)
    again = document_sending.send_version(
        db, owner, case_id, "complaint_letter", number
    )
    assert not again.delivered_now
    assert len(inbox.messages) == 1
    assert len(db.exec(select(DocumentSend)).all()) == 1


def test_send_records_timeline_event(db, owner, case_id, inbox):
    number = _rendered_letter(db, owner, case_id)
    document_sending.send_version(db, owner, case_id, "complaint_letter", number)
    event = db.exec(select(CaseEvent).where(CaseEvent.kind == "document_sent")).one()
    assert event.note == f"投诉书 第 1 版 → {MERCHANT_EMAIL}"
    assert event.actor_id == owner.user_id


def test_failed_send_says_why_and_retries(db, owner, case_id, inbox, monkeypatch):
    number = _rendered_letter(db, owner, case_id)
    monkeypatch.setenv("FANGXIN_SMTP_PORT", str(free_port()))
    failed = document_sending.send_version(
        db, owner, case_id, "complaint_letter", number
    )
    assert failed.send.status == "failed"
    assert failed.send.error == "unreachable"
    monkeypatch.setenv("FANGXIN_SMTP_PORT", str(inbox.port))
    retried = document_sending.send_version(
        db, owner, case_id, "complaint_letter", number
    )
    assert retried.send.status == "sent"
    assert retried.send.attempts == 2
    assert len(inbox.messages) == 1


def test_failed_send_on_timeline(db, owner, case_id, monkeypatch):
    number = _rendered_letter(db, owner, case_id)
    monkeypatch.delenv("FANGXIN_SMTP_HOST", raising=False)
    document_sending.send_version(db, owner, case_id, "complaint_letter", number)
    event = db.exec(
        select(CaseEvent).where(CaseEvent.kind == "document_send_failed")
    ).one()
    assert event.note.startswith("投诉书")
    assert db.exec(select(DocumentSend)).one().error == "not_configured"


def test_send_without_recipient_is_refused(db, owner, case_id, inbox):
    number = _rendered_letter(db, owner, case_id, recipient="")
    with pytest.raises(FieldError) as caught:
        document_sending.send_version(db, owner, case_id, "complaint_letter", number)
    assert caught.value.key == "documents.error.no_recipient"
    assert inbox.messages == []


def test_send_unrendered_version_is_refused(db, owner, case_id, inbox):
    fields = documents.draft_document(db, owner, case_id, "complaint_letter")
    fields["recipient_email"] = MERCHANT_EMAIL
    version = documents.save_version(db, owner, case_id, "complaint_letter", fields)
    with pytest.raises(FieldError) as caught:
        document_sending.send_version(
            db, owner, case_id, "complaint_letter", version.number
        )
    assert caught.value.key == "documents.error.not_rendered"


def test_merchant_email_set_by_admin(db, owner, case_id):
    admin = setup.admin(db)
    document_sending.set_merchant_email(db, admin, case_id, " Shop@Merchant.test ")
    assert db.exec(select(Merchant)).one().email == "shop@merchant.test"


def test_merchant_email_refused_to_consumer(db, owner, case_id):
    with pytest.raises(PermissionDenied):
        document_sending.set_merchant_email(db, owner, case_id, "x@merchant.test")
    assert db.exec(select(Merchant)).one().email is None


def test_invalid_smtp_security_fails_with_reason(db, owner, case_id, monkeypatch):
    number = _rendered_letter(db, owner, case_id)
    monkeypatch.setenv("FANGXIN_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("FANGXIN_SMTP_SECURITY", "tls-please")
    outcome = document_sending.send_version(
        db, owner, case_id, "complaint_letter", number
    )
    assert outcome.send.status == "failed"
    assert outcome.send.error == "settings"


def test_sent_message_has_date_header(db, owner, case_id, inbox):
    number = _rendered_letter(db, owner, case_id)
    document_sending.send_version(db, owner, case_id, "complaint_letter", number)
    assert inbox.messages[0]["Date"]


def test_missing_pdf_file_fails_with_reason(db, owner, case_id, inbox):
    number = _rendered_letter(db, owner, case_id)
    version = db.exec(select(DocumentVersion)).one()
    storage_path(version.pdf_stored_name).unlink()
    outcome = document_sending.send_version(
        db, owner, case_id, "complaint_letter", number
    )
    assert outcome.send.status == "failed"
    assert inbox.messages == []


def _claim_elsewhere(db, owner, case_id: int, minutes_ago: int) -> None:
    """Insert the row another tab's send would hold while it talks to SMTP."""
    version = db.exec(select(DocumentVersion)).one()
    db.add(
        DocumentSend(
            version_id=version.id,
            case_id=case_id,
            recipient=MERCHANT_EMAIL,
            sender_id=owner.user_id,
            requested_at=utcnow() - timedelta(minutes=minutes_ago),
        )
    )
    db.commit()


def test_send_in_progress_elsewhere_not_repeated(db, owner, case_id, inbox):
    number = _rendered_letter(db, owner, case_id)
    _claim_elsewhere(db, owner, case_id, minutes_ago=0)
    outcome = document_sending.send_version(
        db, owner, case_id, "complaint_letter", number
    )
    assert not outcome.delivered_now
    assert outcome.send.status == "sending"
    assert inbox.messages == []


def test_stale_sending_is_retried(db, owner, case_id, inbox):
    number = _rendered_letter(db, owner, case_id)
    _claim_elsewhere(db, owner, case_id, minutes_ago=11)
    outcome = document_sending.send_version(
        db, owner, case_id, "complaint_letter", number
    )
    assert outcome.delivered_now
    assert outcome.send.attempts == 2
    assert len(inbox.messages) == 1
