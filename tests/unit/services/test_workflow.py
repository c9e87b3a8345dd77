"""Case status transitions: every allowed move and every refused one."""

import pytest
from sqlmodel import select

from portal.models import Case, CaseEvent, CaseStatus, Role
from portal.services import workflow
from portal.services.errors import InvalidTransition, NotFound, ValidationFailed
from tests.factories import file_sample, make_user

S = CaseStatus
NOTES = {S.REJECTED: "材料不足", S.MERCHANT_REPLIED: "商家同意免费维修"}


def _case_in(db, status: CaseStatus, consumer):
    filed = file_sample(db, consumer)
    case = db.get(Case, filed.case_id)
    case.status = status
    db.add(case)
    db.commit()
    return case.id


@pytest.mark.parametrize(("source", "target"), list(workflow.TRANSITIONS))
def test_allowed_move(db, source, target):
    consumer = make_user(db)
    admin = make_user(db, Role.ADMIN, "管理员")
    actor = (
        consumer if workflow.TRANSITIONS[(source, target)] == Role.CONSUMER else admin
    )
    case_id = _case_in(db, source, consumer)
    workflow.move_case(db, actor, case_id, target, NOTES.get(target, ""))
    db.commit()
    assert db.get(Case, case_id).status == target
    event = db.exec(
        select(CaseEvent)
        .where(CaseEvent.case_id == case_id)
        .order_by(CaseEvent.id.desc())
    ).first()
    assert event.from_status == source
    assert event.to_status == target


REFUSED = [
    (source, target)
    for source in S
    for target in S
    if source != target and (source, target) not in workflow.TRANSITIONS
]


@pytest.mark.parametrize(("source", "target"), REFUSED)
def test_refused_move(db, source, target):
    consumer = make_user(db)
    admin = make_user(db, Role.ADMIN, "管理员")
    case_id = _case_in(db, source, consumer)
    for actor in (consumer, admin):
        with pytest.raises(InvalidTransition):
            workflow.move_case(db, actor, case_id, target, "说明")
        db.rollback()
    assert db.get(Case, case_id).status == source


@pytest.mark.parametrize(("source", "target"), list(workflow.TRANSITIONS))
def test_move_refused_for_wrong_role(db, source, target):
    consumer = make_user(db)
    admin = make_user(db, Role.ADMIN, "管理员")
    wrong = (
        admin if workflow.TRANSITIONS[(source, target)] == Role.CONSUMER else consumer
    )
    case_id = _case_in(db, source, consumer)
    with pytest.raises(InvalidTransition):
        workflow.move_case(db, wrong, case_id, target, NOTES.get(target, "说明"))
    db.rollback()
    assert db.get(Case, case_id).status == source


def test_reject_needs_reason(db):
    consumer = make_user(db)
    admin = make_user(db, Role.ADMIN)
    case_id = _case_in(db, S.SUBMITTED, consumer)
    with pytest.raises(ValidationFailed) as caught:
        workflow.move_case(db, admin, case_id, S.REJECTED, "  ")
    assert "reason" in caught.value.errors
    db.rollback()
    assert db.get(Case, case_id).status == S.SUBMITTED


def test_reject_reason_shown_on_case(db):
    consumer = make_user(db)
    admin = make_user(db, Role.ADMIN)
    case_id = _case_in(db, S.SUBMITTED, consumer)
    workflow.move_case(db, admin, case_id, S.REJECTED, "材料不足")
    db.commit()
    assert db.get(Case, case_id).status_reason == "材料不足"


def test_unknown_status_is_invalid(db):
    consumer = make_user(db)
    admin = make_user(db, Role.ADMIN)
    case_id = _case_in(db, S.SUBMITTED, consumer)
    with pytest.raises(InvalidTransition):
        workflow.move_case(db, admin, case_id, "teleported")


def test_other_consumer_cannot_withdraw(db):
    owner = make_user(db)
    other = make_user(db, name="乙")
    case_id = _case_in(db, S.SUBMITTED, owner)
    with pytest.raises(NotFound):
        workflow.move_case(db, other, case_id, S.WITHDRAWN)
    db.rollback()
    assert db.get(Case, case_id).status == S.SUBMITTED


def test_other_consumer_cannot_add_note(db):
    owner = make_user(db)
    other = make_user(db, name="乙")
    case_id = _case_in(db, S.SUBMITTED, owner)
    with pytest.raises(NotFound):
        workflow.add_note(db, other, case_id, "我来插一句")
    db.rollback()
    count = len(db.exec(select(CaseEvent).where(CaseEvent.case_id == case_id)).all())
    assert count == 1


def test_admin_note_is_internal(db):
    consumer = make_user(db)
    admin = make_user(db, Role.ADMIN)
    case_id = _case_in(db, S.SUBMITTED, consumer)
    event = workflow.add_note(db, admin, case_id, "先核实订单")
    db.commit()
    assert event.internal is True


def test_consumer_information_closed_case_refused(db):
    consumer = make_user(db)
    case_id = _case_in(db, S.CLOSED, consumer)
    with pytest.raises(ValidationFailed):
        workflow.add_note(db, consumer, case_id, "补充一点")
