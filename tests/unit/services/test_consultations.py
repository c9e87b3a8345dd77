"""Consultations: queue, pick-up race, closing, rating and who may see what."""

import threading

import pytest
from sqlmodel import Session, select

from portal.models import CaseEvent, Consultation
from portal.services import cases, consultations
from portal.services.errors import (
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from tests.unit.services.consultation_fixtures import (
    PNG,
    active,
    consumer,
    filed_case,
    lawyer,
    on_duty_lawyer,
    waiting,
)


def _status(db, consultation_id: int) -> str:
    db.expire_all()
    return db.get(Consultation, consultation_id).status


def test_start_queues_question(db):
    asker = consumer(db)
    consultation_id = waiting(db, asker)
    assert _status(db, consultation_id) == "waiting"


def test_start_rejects_empty_question_and_unknown_topic(db):
    asker = consumer(db)
    with pytest.raises(ValidationFailed) as caught:
        consultations.start(db, asker, "astrology", "  ")
    assert set(caught.value.errors) == {"topic", "question"}


def test_start_rejects_lawyer(db):
    answerer = lawyer(db)
    with pytest.raises(PermissionDenied):
        consultations.start(db, answerer, "other", "问题")


def test_start_rejects_other_consumers_case(db):
    owner = consumer(db)
    stranger = consumer(db, "13800138001", "李四")
    case_id = filed_case(db, owner)
    with pytest.raises(ValidationFailed) as caught:
        consultations.start(db, stranger, "other", "问题", case_id=case_id)
    assert "case_id" in caught.value.errors


def test_queue_position_counts_earlier_waiting(db):
    waiting(db, consumer(db))
    second_asker = consumer(db, "13800138001", "李四")
    second = waiting(db, second_asker)
    place = consultations.queue_place(db, second_asker, second)
    assert place.position == 2


def test_queue_place_gone_after_pick_up(db):
    asker = consumer(db)
    consultation_id = active(db, asker, on_duty_lawyer(db))
    assert consultations.queue_place(db, asker, consultation_id) is None


def test_queue_estimate_is_at_least_one_minute(db):
    asker = consumer(db)
    consultation_id = waiting(db, asker)
    place = consultations.queue_place(db, asker, consultation_id)
    assert place.estimated_minutes >= 1


def test_cancel_while_waiting(db):
    asker = consumer(db)
    consultation_id = waiting(db, asker)
    consultations.cancel(db, asker, consultation_id)
    db.commit()
    assert _status(db, consultation_id) == "cancelled"


def test_cancel_after_pick_up_rejected(db):
    asker = consumer(db)
    consultation_id = active(db, asker, on_duty_lawyer(db))
    with pytest.raises(ServiceError) as caught:
        consultations.cancel(db, asker, consultation_id)
    assert caught.value.key == "consultation.error.not_waiting"


def test_queue_needs_duty(db):
    answerer = lawyer(db)
    with pytest.raises(PermissionDenied):
        consultations.waiting_queue(db, answerer)


def test_queue_lists_waiting_for_on_duty_lawyer(db):
    consultation_id = waiting(db, consumer(db))
    entries = consultations.waiting_queue(db, on_duty_lawyer(db))
    assert [entry.id for entry in entries] == [consultation_id]


@pytest.mark.parametrize("status", ["submitted", "suspended", "rejected"])
def test_unapproved_lawyer_cannot_go_on_duty(db, status):
    answerer = lawyer(db, status=status)
    with pytest.raises(PermissionDenied):
        consultations.set_duty(db, answerer, True)


def test_suspended_lawyer_loses_queue(db):
    from portal.models import LawyerProfile

    answerer = on_duty_lawyer(db)
    waiting(db, consumer(db))
    profile = db.exec(
        select(LawyerProfile).where(LawyerProfile.user_id == answerer.user_id)
    ).one()
    profile.status = "suspended"
    db.commit()
    with pytest.raises(PermissionDenied):
        consultations.waiting_queue(db, answerer)


def test_pick_up_assigns_lawyer(db):
    answerer = on_duty_lawyer(db)
    consultation_id = active(db, consumer(db), answerer)
    db.expire_all()
    assert db.get(Consultation, consultation_id).lawyer_id == answerer.user_id


def test_second_pick_up_rejected(db):
    first = on_duty_lawyer(db)
    second = on_duty_lawyer(db, "second@x.test")
    consultation_id = active(db, consumer(db), first)
    with pytest.raises(ServiceError) as caught:
        consultations.pick_up(db, second, consultation_id)
    assert caught.value.key == "consultation.error.already_taken"


def test_pick_up_race_has_one_winner(db, engine):
    lawyers = [on_duty_lawyer(db, f"l{index}@x.test") for index in range(4)]
    consultation_id = waiting(db, consumer(db))
    barrier = threading.Barrier(len(lawyers))
    outcomes: list[str] = []

    def attempt(actor) -> None:
        with Session(engine) as session:
            barrier.wait()
            try:
                consultations.pick_up(session, actor, consultation_id)
                session.commit()
                outcomes.append("won")
            except ServiceError as error:
                session.rollback()
                outcomes.append(error.key)

    threads = [threading.Thread(target=attempt, args=(a,)) for a in lawyers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("won") == 1
    assert outcomes.count("consultation.error.already_taken") == len(lawyers) - 1


def test_unapproved_lawyer_cannot_pick_up(db):
    answerer = lawyer(db, status="submitted")
    consultation_id = waiting(db, consumer(db))
    with pytest.raises(PermissionDenied):
        consultations.pick_up(db, answerer, consultation_id)
    db.rollback()
    assert _status(db, consultation_id) == "waiting"


def test_third_consumer_cannot_read(db):
    consultation_id = active(db, consumer(db), on_duty_lawyer(db))
    stranger = consumer(db, "13800138009", "路人")
    with pytest.raises(NotFound):
        consultations.get(db, stranger, consultation_id)


def test_other_lawyer_cannot_read(db):
    consultation_id = active(db, consumer(db), on_duty_lawyer(db))
    other = on_duty_lawyer(db, "other@x.test")
    with pytest.raises(NotFound):
        consultations.get(db, other, consultation_id)


def test_suspended_lawyer_cannot_read_own(db):
    from portal.models import LawyerProfile

    answerer = on_duty_lawyer(db)
    consultation_id = active(db, consumer(db), answerer)
    profile = db.exec(
        select(LawyerProfile).where(LawyerProfile.user_id == answerer.user_id)
    ).one()
    profile.status = "suspended"
    db.commit()
    with pytest.raises(NotFound):
        consultations.get(db, answerer, consultation_id)


def test_close_records_recommendation_on_case(db):
    asker = consumer(db)
    answerer = on_duty_lawyer(db)
    case_id = filed_case(db, asker)
    view = consultations.start(db, asker, "ecommerce", "怎么办?", case_id=case_id)
    consultations.pick_up(db, answerer, view.id)
    consultations.close(db, answerer, view.id, "建议投诉。", "file_complaint")
    db.commit()
    kinds = db.exec(select(CaseEvent.kind).where(CaseEvent.case_id == case_id)).all()
    assert "consultation_file_complaint" in kinds


def test_pick_up_links_lawyer_to_case(db):
    from portal.services import case_lawyers

    asker = consumer(db)
    answerer = on_duty_lawyer(db)
    case_id = filed_case(db, asker)
    view = consultations.start(db, asker, "ecommerce", "怎么办?", case_id=case_id)
    assert not case_lawyers.handles_case(db, answerer, case_id)
    consultations.pick_up(db, answerer, view.id)
    assert case_lawyers.handles_case(db, answerer, case_id)


def test_close_rejects_unknown_recommendation(db):
    answerer = on_duty_lawyer(db)
    consultation_id = active(db, consumer(db), answerer)
    with pytest.raises(ValidationFailed) as caught:
        consultations.close(db, answerer, consultation_id, "总结", "pray")
    assert "recommendation" in caught.value.errors


def test_close_by_consumer_rejected(db):
    asker = consumer(db)
    consultation_id = active(db, asker, on_duty_lawyer(db))
    with pytest.raises(PermissionDenied):
        consultations.close(db, asker, consultation_id, "总结", "resolved_by_advice")
    db.rollback()
    assert _status(db, consultation_id) == "active"


def test_linked_lawyer_reads_case(db):
    asker = consumer(db)
    answerer = on_duty_lawyer(db)
    case_id = filed_case(db, asker)
    view = consultations.start(db, asker, "ecommerce", "怎么办?", case_id=case_id)
    consultations.pick_up(db, answerer, view.id)
    db.commit()
    assert cases.case_detail(db, answerer, case_id).case_id == case_id


def test_unlinked_lawyer_cannot_read_case(db):
    asker = consumer(db)
    case_id = filed_case(db, asker)
    with pytest.raises(NotFound):
        cases.case_detail(db, on_duty_lawyer(db), case_id)


def test_rate_closed_consultation(db):
    asker = consumer(db)
    answerer = on_duty_lawyer(db)
    consultation_id = active(db, asker, answerer)
    consultations.close(db, answerer, consultation_id, "总结", "resolved_by_advice")
    view = consultations.rate(db, asker, consultation_id, 5, "很有帮助")
    assert view.rating == 5


@pytest.mark.parametrize("stars", [0, 6])
def test_rate_rejects_out_of_range(db, stars):
    asker = consumer(db)
    answerer = on_duty_lawyer(db)
    consultation_id = active(db, asker, answerer)
    consultations.close(db, answerer, consultation_id, "总结", "resolved_by_advice")
    with pytest.raises(ValidationFailed):
        consultations.rate(db, asker, consultation_id, stars)


def test_rate_twice_rejected(db):
    asker = consumer(db)
    answerer = on_duty_lawyer(db)
    consultation_id = active(db, asker, answerer)
    consultations.close(db, answerer, consultation_id, "总结", "resolved_by_advice")
    consultations.rate(db, asker, consultation_id, 4)
    with pytest.raises(ServiceError) as caught:
        consultations.rate(db, asker, consultation_id, 1)
    assert caught.value.key == "consultation.error.already_rated"


def test_rate_active_rejected(db):
    asker = consumer(db)
    consultation_id = active(db, asker, on_duty_lawyer(db))
    with pytest.raises(ServiceError) as caught:
        consultations.rate(db, asker, consultation_id, 4)
    assert caught.value.key == "consultation.error.not_closed"


def _case_with_evidence(db, owner) -> tuple[int, int]:
    from portal.services import complaints

    case_id = filed_case(db, owner)
    view = complaints.attach_evidence(db, owner, case_id, "receipt.png", PNG)
    db.commit()
    return case_id, view.id


def test_linked_lawyer_reads_evidence(db):
    from portal.services import evidence

    asker = consumer(db)
    answerer = on_duty_lawyer(db)
    case_id, evidence_id = _case_with_evidence(db, asker)
    view = consultations.start(db, asker, "ecommerce", "怎么办?", case_id=case_id)
    consultations.pick_up(db, answerer, view.id)
    db.commit()
    download = evidence.open_for_download(db, answerer, evidence_id)
    assert download.content_type == "image/png"


def test_unlinked_lawyer_cannot_read_evidence(db):
    from portal.services import evidence

    asker = consumer(db)
    _case_id, evidence_id = _case_with_evidence(db, asker)
    with pytest.raises(NotFound):
        evidence.open_for_download(db, on_duty_lawyer(db), evidence_id)


def test_suspension_returns_active_chats_to_queue(db):
    from portal.models import LawyerProfile
    from portal.services import credential_review
    from tests.unit.services.documents_setup import admin

    answerer = on_duty_lawyer(db)
    other = on_duty_lawyer(db, "other@x.test")
    asker = consumer(db)
    suspended_chat = active(db, asker, answerer)
    other_chat = active(db, asker, other)
    profile = db.exec(
        select(LawyerProfile).where(LawyerProfile.user_id == answerer.user_id)
    ).one()

    credential_review.decide(db, admin(db), profile.id, "suspend", "核实期间暂停")
    db.commit()
    db.expire_all()

    returned = db.get(Consultation, suspended_chat)
    assert returned.status == "waiting"
    assert returned.lawyer_id is None
    assert consultations.queue_place(db, asker, suspended_chat).position == 1
    assert db.get(Consultation, other_chat).lawyer_id == other.user_id
    assert db.get(Consultation, other_chat).status == "active"


def test_only_admins_return_chats_to_queue(db):
    answerer = on_duty_lawyer(db)
    suspended_chat = active(db, consumer(db), answerer)
    with pytest.raises(PermissionDenied):
        consultations.return_to_queue(db, answerer, answerer.user_id)
    assert _status(db, suspended_chat) == "active"


def test_list_note_names_the_limit():
    from portal.i18n import catalogue

    for language in ("zh", "en"):
        note = catalogue(language)["consultation.list_truncated"]
        assert str(consultations.LIST_LIMIT) in note
