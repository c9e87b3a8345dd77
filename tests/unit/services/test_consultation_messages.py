"""Consultation messages: order, deduplication, paging, reading and files."""

import threading

import pytest
from sqlmodel import Session, select

from portal.models import ConsultationMessage
from portal.services import consultation_messages as messages
from portal.services import consultations
from portal.services.errors import FieldError, NotFound, ServiceError
from tests.unit.services.consultation_fixtures import (
    PNG,
    active,
    consumer,
    lawyer,
    on_duty_lawyer,
    waiting,
)


@pytest.fixture
def chat(db):
    asker = consumer(db)
    answerer = on_duty_lawyer(db)
    return asker, answerer, active(db, asker, answerer)


def test_send_assigns_increasing_seq(db, chat):
    asker, answerer, consultation_id = chat
    first = messages.send(db, asker, consultation_id, "c1", "你好")
    second = messages.send(db, answerer, consultation_id, "l1", "您好")
    assert (first.seq, second.seq) == (1, 2)


def test_resend_stored_once(db, chat):
    asker, _answerer, consultation_id = chat
    first = messages.send(db, asker, consultation_id, "c1", "你好")
    again = messages.send(db, asker, consultation_id, "c1", "你好")
    db.commit()
    count = len(db.exec(select(ConsultationMessage)).all())
    assert again.seq == first.seq
    assert count == 1


def test_resend_leaves_no_seq_gap(db, chat):
    asker, _answerer, consultation_id = chat
    messages.send(db, asker, consultation_id, "c1", "一")
    messages.send(db, asker, consultation_id, "c1", "一")
    third = messages.send(db, asker, consultation_id, "c2", "二")
    assert third.seq == 2


def test_same_client_id_from_each_side_kept(db, chat):
    asker, answerer, consultation_id = chat
    messages.send(db, asker, consultation_id, "same", "一")
    reply = messages.send(db, answerer, consultation_id, "same", "二")
    assert reply.seq == 2


def test_concurrent_senders_get_distinct_seqs(db, engine, chat):
    asker, answerer, consultation_id = chat
    barrier = threading.Barrier(2)
    errors: list[Exception] = []

    def burst(actor, prefix: str) -> None:
        barrier.wait()
        for index in range(10):
            with Session(engine) as session:
                try:
                    messages.send(
                        session, actor, consultation_id, f"{prefix}{index}", "x"
                    )
                    session.commit()
                except Exception as error:  # noqa: BLE001
                    errors.append(error)

    threads = [
        threading.Thread(target=burst, args=(asker, "c")),
        threading.Thread(target=burst, args=(answerer, "l")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    db.expire_all()
    seqs = sorted(db.exec(select(ConsultationMessage.seq)).all())
    assert errors == []
    assert seqs == list(range(1, 21))


def test_text_kept_verbatim(db, chat):
    asker, _answerer, consultation_id = chat
    body = "<b>加粗</b> **不是** <script>alert(1)</script>"
    assert messages.send(db, asker, consultation_id, "c1", body).body == body


def test_empty_message_rejected(db, chat):
    asker, _answerer, consultation_id = chat
    with pytest.raises(FieldError) as caught:
        messages.send(db, asker, consultation_id, "c1", "   ")
    assert caught.value.field == "body"


def test_missing_client_id_rejected(db, chat):
    asker, _answerer, consultation_id = chat
    with pytest.raises(FieldError) as caught:
        messages.send(db, asker, consultation_id, "", "你好")
    assert caught.value.field == "client_id"


def test_send_while_waiting_rejected(db):
    asker = consumer(db)
    consultation_id = waiting(db, asker)
    with pytest.raises(ServiceError) as caught:
        messages.send(db, asker, consultation_id, "c1", "你好")
    assert caught.value.key == "consultation.error.not_active"


def test_third_consumer_cannot_send_or_read(db, chat):
    asker, _answerer, consultation_id = chat
    messages.send(db, asker, consultation_id, "c1", "私密")
    db.commit()
    stranger = consumer(db, "13800138009", "路人")
    with pytest.raises(NotFound):
        messages.send(db, stranger, consultation_id, "s1", "插话")
    with pytest.raises(NotFound):
        messages.history(db, stranger, consultation_id)
    db.rollback()
    assert len(db.exec(select(ConsultationMessage)).all()) == 1


def test_unapproved_lawyer_cannot_read(db, chat):
    _asker, _answerer, consultation_id = chat
    applicant = lawyer(db, "applicant@x.test", status="submitted")
    with pytest.raises(NotFound):
        messages.history(db, applicant, consultation_id)


def test_admin_reads_history(db, chat):
    from portal.models import Role
    from portal.services.actors import Actor

    asker, _answerer, consultation_id = chat
    messages.send(db, asker, consultation_id, "c1", "你好")
    admin = Actor(user_id=999, role=Role.ADMIN, display_name="admin")
    assert len(messages.history(db, admin, consultation_id)) == 1


def test_history_pages_backwards(db, chat):
    asker, _answerer, consultation_id = chat
    for index in range(7):
        messages.send(db, asker, consultation_id, f"c{index}", str(index))
    newest = messages.history(db, asker, consultation_id, limit=3)
    older = messages.history(db, asker, consultation_id, before_seq=5, limit=3)
    assert [m.seq for m in newest] == [5, 6, 7]
    assert [m.seq for m in older] == [2, 3, 4]


def test_history_after_seq_returns_new(db, chat):
    asker, _answerer, consultation_id = chat
    for index in range(4):
        messages.send(db, asker, consultation_id, f"c{index}", str(index))
    assert [
        m.seq for m in messages.history(db, asker, consultation_id, after_seq=2)
    ] == [
        3,
        4,
    ]


def test_unread_counts_other_side_only(db, chat):
    asker, answerer, consultation_id = chat
    messages.send(db, asker, consultation_id, "c1", "一")
    messages.send(db, asker, consultation_id, "c2", "二")
    messages.send(db, answerer, consultation_id, "l1", "三")
    db.commit()
    rows = consultations.list_mine(db, answerer)
    assert rows[0].unread == 2


def test_mark_read_clears_unread(db, chat):
    asker, answerer, consultation_id = chat
    messages.send(db, asker, consultation_id, "c1", "一")
    messages.mark_read(db, answerer, consultation_id, 1)
    db.commit()
    assert consultations.list_mine(db, answerer)[0].unread == 0


def test_mark_read_never_moves_back(db, chat):
    asker, answerer, consultation_id = chat
    messages.send(db, asker, consultation_id, "c1", "一")
    messages.send(db, asker, consultation_id, "c2", "二")
    messages.mark_read(db, answerer, consultation_id, 2)
    assert messages.mark_read(db, answerer, consultation_id, 1) == 2


def test_mark_read_capped_at_newest(db, chat):
    asker, answerer, consultation_id = chat
    messages.send(db, asker, consultation_id, "c1", "一")
    assert messages.mark_read(db, answerer, consultation_id, 99) == 1


def test_attach_png_and_send(db, chat):
    asker, _answerer, consultation_id = chat
    file_id = messages.attach_file(db, asker, consultation_id, "<img>.png", PNG)
    sent = messages.send(db, asker, consultation_id, "c1", "", file_id=file_id)
    assert sent.file_name == "<img>.png"
    assert sent.file_type == "image/png"


def test_attach_rejects_other_types(db, chat):
    asker, _answerer, consultation_id = chat
    with pytest.raises(FieldError) as caught:
        messages.attach_file(db, asker, consultation_id, "a.exe", b"MZ\x90\x00")
    assert caught.value.key == "error.evidence.type"


def test_send_rejects_other_senders_file(db, chat):
    asker, answerer, consultation_id = chat
    file_id = messages.attach_file(db, asker, consultation_id, "a.png", PNG)
    with pytest.raises(NotFound):
        messages.send(db, answerer, consultation_id, "l1", "", file_id=file_id)


def test_open_file_for_participant_only(db, chat):
    asker, answerer, consultation_id = chat
    file_id = messages.attach_file(db, asker, consultation_id, "a.png", PNG)
    db.commit()
    assert messages.open_file(db, answerer, file_id).content_type == "image/png"
    with pytest.raises(NotFound):
        messages.open_file(db, consumer(db, "13800138009", "路人"), file_id)


def test_lawyer_named_by_licence_name(db, chat):
    asker, answerer, consultation_id = chat
    sent = messages.send(db, answerer, consultation_id, "l1", "您好")
    messages.send(db, asker, consultation_id, "c1", "你好")
    history = messages.history(db, asker, consultation_id)

    assert sent.sender_name == "王律师"
    assert [view.sender_name for view in history] == ["王律师", "张三"]
