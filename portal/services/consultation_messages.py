"""Consultation messages: ordered, deduplicated, paged, with read receipts.

Each consultation numbers its messages itself (``Consultation.last_seq``), so
order never depends on clocks. A message carries the sender's client id, and
a resend with the same id returns the stored message instead of a second one.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import Session, select

from portal.models import (
    Consultation,
    ConsultationFile,
    ConsultationMessage,
    ConsultationStatus,
    LawyerProfile,
    Role,
    User,
)
from portal.services.actors import Actor
from portal.services.consultations import lawyer_name, load_consultation
from portal.services.errors import FieldError, NotFound, ServiceError
from portal.services.evidence import Download, write_checked_file
from portal.services.lawyer_access import require_approved_lawyer
from portal.services.validators import validate_text

logger = logging.getLogger(__name__)

BODY_MAX_CHARS = 4000
CLIENT_ID_MAX_CHARS = 64
PAGE_SIZE = 30
MAX_PAGE_SIZE = 100
MAX_FILES_PER_CONSULTATION = 20


@dataclass(frozen=True)
class MessageView:
    """One message as a reader sees it."""

    seq: int
    sender_id: int
    sender_name: str
    client_id: str
    body: str
    file_id: int | None
    file_name: str
    file_type: str
    created_at: datetime


def _require_sender(db: Session, actor: Actor, row: Consultation) -> None:
    """Only the two participants write, and only while the consultation is active."""
    if row.lawyer_id == actor.user_id:
        require_approved_lawyer(db, actor)
    elif row.consumer_id != actor.user_id:
        logger.warning(
            "account %s denied writing to consultation %s", actor.user_id, row.id
        )
        raise NotFound()
    if row.status != ConsultationStatus.ACTIVE:
        raise ServiceError("consultation.error.not_active")


def _client_id(raw: str) -> str:
    value = (raw or "").strip()
    if not value or len(value) > CLIENT_ID_MAX_CHARS:
        raise FieldError("client_id", "consultation.error.client_id")
    return value


def _existing(
    db: Session, consultation_id: int, sender_id: int, client_id: str
) -> ConsultationMessage | None:
    return db.exec(
        select(ConsultationMessage).where(
            ConsultationMessage.consultation_id == consultation_id,
            ConsultationMessage.sender_id == sender_id,
            ConsultationMessage.client_id == client_id,
        )
    ).first()


def _next_seq(db: Session, consultation_id: int) -> int:
    """Take the next sequence number.

    The UPDATE takes the row lock on PostgreSQL and the write lock on SQLite,
    so concurrent senders queue here and get distinct numbers.
    """
    return db.exec(
        update(Consultation)
        .where(Consultation.id == consultation_id)
        .values(last_seq=Consultation.last_seq + 1)
        .returning(Consultation.last_seq)
    ).one()[0]


def send(
    db: Session,
    actor: Actor,
    consultation_id: int,
    client_id: str,
    body: str,
    *,
    file_id: int | None = None,
) -> MessageView:
    """Store a message from a participant and return it with its sequence number.

    A second call with the same ``client_id`` from the same sender returns the
    first message unchanged.

    Raises:
        NotFound: the actor may not read the consultation, or the file is not
            one the actor attached to it.
        ServiceError: the consultation is not active.
        FieldError: the text is empty (without a file) or over 4,000
            characters, or the client id is missing or over 64 characters.
    """
    row = load_consultation(db, actor, consultation_id)
    _require_sender(db, actor, row)
    client_id = _client_id(client_id)
    text = validate_text(
        body, "body", min_chars=0 if file_id else 1, max_chars=BODY_MAX_CHARS
    )
    if file_id is not None:
        _require_own_file(db, actor, row.id, file_id)

    seq = _next_seq(db, row.id)
    duplicate = _existing(db, row.id, actor.user_id, client_id)
    if duplicate is not None:
        # The sequence row is still locked by this transaction, so handing the
        # number back leaves no gap.
        db.exec(
            update(Consultation)
            .where(Consultation.id == row.id)
            .values(last_seq=Consultation.last_seq - 1)
        )
        logger.info(
            "consultation %s: resend of client id %r stored once", row.id, client_id
        )
        return _to_view(db, duplicate)
    message = ConsultationMessage(
        consultation_id=row.id,
        seq=seq,
        sender_id=actor.user_id,
        client_id=client_id,
        body=text,
        file_id=file_id,
    )
    db.add(message)
    db.flush()
    return _to_view(db, message)


def _require_own_file(db: Session, actor: Actor, consultation_id: int, file_id: int):
    stored = db.get(ConsultationFile, file_id)
    if (
        stored is None
        or stored.consultation_id != consultation_id
        or stored.owner_id != actor.user_id
    ):
        raise NotFound()


def attach_file(
    db: Session, actor: Actor, consultation_id: int, name: str, data: bytes
) -> int:
    """Check and store a file for a message, by the evidence rules; returns its id.

    Raises:
        NotFound: the actor may not read the consultation.
        ServiceError: the consultation is not active.
        FieldError: the file is empty, over 10 MB, not JPEG, PNG or PDF by
            content, or would be file number 21 in this consultation.
    """
    row = load_consultation(db, actor, consultation_id)
    _require_sender(db, actor, row)
    count = db.exec(
        select(func.count())
        .select_from(ConsultationFile)
        .where(ConsultationFile.consultation_id == row.id)
    ).one()
    if count >= MAX_FILES_PER_CONSULTATION:
        raise FieldError(
            "file", "error.evidence.too_many", max=MAX_FILES_PER_CONSULTATION
        )
    stored = write_checked_file(actor, name, data, field="file")
    file_row = ConsultationFile(
        consultation_id=row.id,
        owner_id=actor.user_id,
        original_name=stored.name,
        stored_name=stored.stored_name,
        content_type=stored.content_type,
        size_bytes=stored.size_bytes,
        sha256=stored.sha256,
    )
    db.add(file_row)
    db.flush()
    logger.info(
        "consultation %s: file %s (%s bytes) from account %s",
        row.id,
        file_row.id,
        stored.size_bytes,
        actor.user_id,
    )
    return file_row.id


def open_file(db: Session, actor: Actor | None, file_id: int) -> Download:
    """Return a consultation file for a participant or an admin.

    Raises:
        NotFound: no such file, or the actor may not read its consultation.
    """
    from portal.services.evidence import storage_path

    stored = db.get(ConsultationFile, file_id)
    if stored is None:
        raise NotFound()
    load_consultation(db, actor, stored.consultation_id)
    return Download(
        storage_path(stored.stored_name), stored.content_type, stored.original_name
    )


def _sender_name(display_name: str | None, real_name: str | None) -> str:
    """Name a lawyer by the real name on their licence, as the chat header does."""
    return real_name or display_name or ""


def _to_view(db: Session, message: ConsultationMessage) -> MessageView:
    sender = db.get(User, message.sender_id)
    if sender is not None and sender.role == Role.LAWYER:
        # Only lawyers' names need the profile, so a consumer's send skips it.
        name = lawyer_name(db, sender.id)
    else:
        name = sender.display_name if sender else ""
    stored = db.get(ConsultationFile, message.file_id) if message.file_id else None
    return _view(message, name, stored)


def _view(
    message: ConsultationMessage, sender_name: str, stored: ConsultationFile | None
) -> MessageView:
    return MessageView(
        seq=message.seq,
        sender_id=message.sender_id,
        sender_name=sender_name,
        client_id=message.client_id,
        body=message.body,
        file_id=message.file_id,
        file_name=stored.original_name if stored else "",
        file_type=stored.content_type if stored else "",
        created_at=message.created_at,
    )


def _page_query(consultation_id: int):
    """Select messages with their sender's names and file in one query."""
    return (
        select(
            ConsultationMessage,
            User.display_name,
            LawyerProfile.real_name,
            ConsultationFile,
        )
        .join(User, User.id == ConsultationMessage.sender_id)
        .join(
            LawyerProfile,
            LawyerProfile.user_id == ConsultationMessage.sender_id,
            isouter=True,
        )
        .join(
            ConsultationFile,
            ConsultationFile.id == ConsultationMessage.file_id,
            isouter=True,
        )
        .where(ConsultationMessage.consultation_id == consultation_id)
    )


def _after(db: Session, consultation_id: int, after_seq: int, limit: int):
    rows = db.exec(
        _page_query(consultation_id)
        .where(ConsultationMessage.seq > after_seq)
        .order_by(ConsultationMessage.seq)
        .limit(limit)
    ).all()
    return [
        _view(message, _sender_name(display_name, real_name), stored)
        for message, display_name, real_name, stored in rows
    ]


def history(
    db: Session,
    actor: Actor,
    consultation_id: int,
    *,
    before_seq: int | None = None,
    after_seq: int | None = None,
    limit: int = PAGE_SIZE,
) -> list[MessageView]:
    """Return one page of messages in sequence order, oldest first.

    With ``after_seq`` the page contains the messages after it (new ones).
    Otherwise it contains the newest ones before ``before_seq``, or the newest
    of all.

    Raises:
        NotFound: the actor may not read the consultation.
    """
    row = load_consultation(db, actor, consultation_id)
    limit = max(1, min(MAX_PAGE_SIZE, int(limit)))
    if after_seq is not None:
        return _after(db, row.id, after_seq, limit)
    query = _page_query(row.id)
    if before_seq is not None:
        query = query.where(ConsultationMessage.seq < before_seq)
    newest = db.exec(query.order_by(ConsultationMessage.seq.desc()).limit(limit)).all()
    return [
        _view(message, _sender_name(display_name, real_name), stored)
        for message, display_name, real_name, stored in reversed(newest)
    ]


@dataclass(frozen=True)
class Delivery:
    """Messages new to a reader, and the reader's read mark after seeing them."""

    messages: list[MessageView]
    read_seq: int


def receive(
    db: Session, actor: Actor, consultation_id: int, after_seq: int
) -> Delivery:
    """Return the messages after ``after_seq`` and mark them read by the actor.

    One access check and one transaction serve both steps, because this runs
    for every message delivered to an open page.

    Raises:
        NotFound: the actor may not read the consultation.
    """
    row = load_consultation(db, actor, consultation_id)
    fresh = _after(db, row.id, after_seq, MAX_PAGE_SIZE)
    read_seq = _advance_read_mark(db, actor, row, fresh[-1].seq) if fresh else 0
    return Delivery(messages=fresh, read_seq=read_seq)


def mark_read(db: Session, actor: Actor, consultation_id: int, seq: int) -> int:
    """Record that a participant has seen messages up to ``seq``; returns the mark.

    The mark only moves forward and never past the newest message. Admins
    reading a consultation leave no mark.

    Raises:
        NotFound: the actor may not read the consultation.
    """
    row = load_consultation(db, actor, consultation_id)
    return _advance_read_mark(db, actor, row, seq)


def _advance_read_mark(db: Session, actor: Actor, row: Consultation, seq: int) -> int:
    if row.consumer_id == actor.user_id:
        column = Consultation.consumer_read_seq
    elif row.lawyer_id == actor.user_id:
        column = Consultation.lawyer_read_seq
    else:
        return 0
    target = min(int(seq), row.last_seq)
    db.exec(
        update(Consultation)
        .where(Consultation.id == row.id, column < target)
        .values({column: target})
    )
    return max(getattr(row, column.key), target)


def count_unread(db: Session, actor: Actor, row: Consultation) -> int:
    """Count messages from the other participant after the actor's read mark."""
    if row.consumer_id == actor.user_id:
        read_seq = row.consumer_read_seq
    elif row.lawyer_id == actor.user_id:
        read_seq = row.lawyer_read_seq
    else:
        return 0
    return db.exec(
        select(func.count())
        .select_from(ConsultationMessage)
        .where(
            ConsultationMessage.consultation_id == row.id,
            ConsultationMessage.seq > read_seq,
            ConsultationMessage.sender_id != actor.user_id,
        )
    ).one()
