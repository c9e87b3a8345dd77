"""Grouping complaints, collective actions, membership and member privacy."""

import json
from datetime import date, timedelta
from decimal import Decimal
from itertools import islice

import pytest
from sqlmodel import func, select

from portal.models import (
    CaseEvent,
    CollectiveAction,
    CollectiveMember,
    CollectiveUpdate,
    Complaint,
)
from portal.services import collective, collective_groups, workflow
from portal.services.errors import (
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from portal.services.importer import import_lines
from portal.services.validators import uscc_check_character
from tests.conftest import SHARED_DATA
from tests.unit.services import litigation_factories as make

USCC_FIRST17 = "91330100MA27XY012"
START = date(2026, 1, 1)
OPENING = {
    "category": "ecommerce",
    "title": "好物电器空调质量问题",
    "description": "多名消费者购买的空调在一个月内出现相同故障。",
}
TERMS = {
    "fee_per_member": "300",
    "fee_terms": "每位成员固定收取律师费，不按追回金额收费。",
}


def _valid_uscc() -> str:
    return USCC_FIRST17 + uscc_check_character(USCC_FIRST17)


def _filings(db, count, merchant="好物电器有限公司", **options):
    owners, cases = [], []
    for offset in range(count):
        owner = make.consumer(db, name=f"成员{offset}")
        purchased = START + timedelta(days=offset)
        cases.append(
            make.complaint(db, owner, merchant, purchased=purchased, **options)
        )
        owners.append(owner)
    return owners, cases


def _group_sizes(db) -> list[int]:
    return [group.size for group in collective_groups.find_groups(db)]


def _merchant_id(db, case_id) -> int:
    case, complaint = workflow.load_case(db, make.admin(db), case_id)
    return complaint.merchant_id


def _opened(db, count=10):
    owners, cases = _filings(db, count)
    admin = make.admin(db)
    action = collective.open_action(db, admin, _merchant_id(db, cases[0]), OPENING)
    return owners, cases, admin, action


def _joined(db, count=10):
    owners, cases, admin, action = _opened(db, count)
    for owner, case_id in zip(owners, cases, strict=True):
        complaint_id = workflow.load_case(db, owner, case_id)[1].id
        collective.join_action(db, owner, action.id, complaint_id)
    return owners, cases, admin, action


def _events(db, case_id, kind) -> int:
    return db.exec(
        select(func.count())
        .select_from(CaseEvent)
        .where(CaseEvent.case_id == case_id, CaseEvent.kind == kind)
    ).one()


def test_group_by_name_variants(db):
    _filings(db, 3, "好物电器有限公司")
    _filings(db, 2, "好物电器 官方旗舰店")
    assert _group_sizes(db) == [5]


def test_group_by_same_credit_code(db):
    code = _valid_uscc()
    _filings(db, 2, "好物电器有限公司", uscc=code)
    _filings(db, 2, "杭州好物科技", uscc=code)
    assert _group_sizes(db) == [4]


def test_group_separates_categories(db):
    _filings(db, 2, category="ecommerce")
    _filings(db, 3, category="food")
    assert sorted(_group_sizes(db)) == [2, 3]


def test_group_window_180_days_inclusive(db):
    first, last = make.consumer(db), make.consumer(db)
    make.complaint(db, first, purchased=START)
    make.complaint(db, last, purchased=START + timedelta(days=180))
    assert _group_sizes(db) == [2]


def test_group_window_excludes_day_181(db):
    first, last = make.consumer(db), make.consumer(db)
    make.complaint(db, first, purchased=START)
    make.complaint(db, last, purchased=START + timedelta(days=181))
    assert _group_sizes(db) == [1]


def test_candidates_need_ten(db):
    _filings(db, 9)
    assert collective_groups.candidate_groups(db, make.admin(db)) == []


def test_candidates_at_ten(db):
    _filings(db, 10)
    groups = collective_groups.candidate_groups(db, make.admin(db))
    assert [group.size for group in groups] == [10]


def test_candidates_refused_to_consumer(db):
    with pytest.raises(PermissionDenied):
        collective_groups.candidate_groups(db, make.consumer(db))


def test_candidates_from_shared_data(db):
    path = SHARED_DATA / "complaints_zh.jsonl"
    with path.open(encoding="utf-8") as lines:
        import_lines(db, islice(lines, 400))
    groups = collective_groups.candidate_groups(db, make.admin(db))
    assert groups, "the first 400 shared records hold a group of ten"
    assert all(group.size >= 10 for group in groups)


def test_open_action_invites_group(db):
    _owners, cases, _admin, action = _opened(db)
    assert _events(db, cases[0], "collective_invited") == 1


def test_open_action_small_group_refused(db):
    _owners, cases = _filings(db, 9)
    with pytest.raises(ServiceError) as caught:
        collective.open_action(db, make.admin(db), _merchant_id(db, cases[0]), OPENING)
    assert caught.value.key == "error.collective.group_too_small"


def test_open_action_by_lawyer_refused(db):
    _owners, cases = _filings(db, 10)
    with pytest.raises(PermissionDenied):
        collective.open_action(db, make.lawyer(db), _merchant_id(db, cases[0]), OPENING)
    assert db.exec(select(func.count()).select_from(CollectiveAction)).one() == 0


def test_open_action_twice_refused(db):
    _owners, cases, admin, _action = _opened(db)
    with pytest.raises(ServiceError) as caught:
        collective.open_action(db, admin, _merchant_id(db, cases[0]), OPENING)
    assert caught.value.key == "error.collective.already_open"


def test_ten_members_join(db):
    _owners, _cases, admin, action = _joined(db)
    detail = collective.action_detail(db, admin, action.id)
    assert detail.summary.member_count == 10


def test_claimed_total_sums_members(db):
    _owners, _cases, admin, action = _joined(db)
    detail = collective.action_detail(db, admin, action.id)
    assert detail.summary.claimed_total == Decimal("10000.00")


def test_join_on_timeline(db):
    _owners, cases, _admin, _action = _joined(db)
    assert _events(db, cases[3], "collective_joined") == 1


def test_leave_on_timeline(db):
    owners, cases, _admin, action = _joined(db)
    collective.leave_action(db, owners[2], action.id)
    assert _events(db, cases[2], "collective_left") == 1


def test_leave_lowers_member_count(db):
    owners, _cases, admin, action = _joined(db)
    collective.leave_action(db, owners[2], action.id)
    assert collective.action_detail(db, admin, action.id).summary.member_count == 9


def test_leave_without_membership_refused(db):
    _owners, _cases, _admin, action = _joined(db)
    with pytest.raises(NotFound):
        collective.leave_action(db, make.consumer(db), action.id)


def test_join_with_other_consumers_complaint_refused(db):
    owners, cases, _admin, action = _opened(db)
    complaint_id = workflow.load_case(db, owners[0], cases[0])[1].id
    with pytest.raises(NotFound):
        collective.join_action(db, owners[1], action.id, complaint_id)
    member = db.exec(
        select(CollectiveMember).where(CollectiveMember.complaint_id == complaint_id)
    ).one()
    assert member.status == "invited"


def test_join_with_other_merchant_refused(db):
    _owners, _cases, _admin, action = _opened(db)
    stranger = make.consumer(db)
    case_id = make.complaint(db, stranger, "别家商店有限公司")
    complaint_id = workflow.load_case(db, stranger, case_id)[1].id
    with pytest.raises(ServiceError) as caught:
        collective.join_action(db, stranger, action.id, complaint_id)
    assert caught.value.key == "error.collective.complaint_not_matching"


def test_join_late_complaint_from_merchant_page(db):
    _owners, cases, _admin, action = _opened(db)
    latecomer = make.consumer(db)
    case_id = make.complaint(db, latecomer, "好物电器", purchased=START)
    complaint_id = workflow.load_case(db, latecomer, case_id)[1].id
    _name, actions = collective.actions_for_merchant(
        db, None, _merchant_id(db, cases[0])
    )
    collective.join_action(db, latecomer, actions[0].action_id, complaint_id)
    assert _events(db, case_id, "collective_joined") == 1


def test_member_sees_no_personal_data(db):
    owners, _cases, _admin, action = _joined(db)
    detail = collective.action_detail(db, owners[0], action.id)
    assert detail.members == []


def test_member_detail_names_no_other_member(db):
    owners, _cases, _admin, action = _joined(db)
    detail = collective.action_detail(db, owners[0], action.id)
    assert "成员1" not in json.dumps(detail, default=str, ensure_ascii=False)


def test_admin_sees_member_names(db):
    _owners, _cases, admin, action = _joined(db)
    detail = collective.action_detail(db, admin, action.id)
    assert "成员1" in [row.consumer_name for row in detail.members]


def test_unlead_lawyer_sees_no_personal_data(db):
    _owners, _cases, _admin, action = _joined(db)
    detail = collective.action_detail(db, make.lawyer(db), action.id)
    assert detail.members == []


def test_member_cannot_read_other_members_case(db):
    owners, cases, _admin, _action = _joined(db)
    with pytest.raises(NotFound):
        workflow.load_case(db, owners[0], cases[1])


def test_lead_lawyer_sees_member_names(db):
    _owners, _cases, _admin, action = _joined(db)
    counsel = make.lawyer(db)
    collective.take_lead(db, counsel, action.id, TERMS)
    detail = collective.action_detail(db, counsel, action.id)
    assert len(detail.members) == 10


def test_lead_lawyer_reads_member_case(db):
    _owners, cases, _admin, action = _joined(db)
    counsel = make.lawyer(db)
    collective.take_lead(db, counsel, action.id, TERMS)
    case, _complaint = workflow.load_case(db, counsel, cases[4])
    assert case.id == cases[4]


def test_take_lead_by_unapproved_lawyer_refused(db):
    _owners, _cases, _admin, action = _opened(db)
    with pytest.raises(PermissionDenied):
        collective.take_lead(db, make.lawyer(db, status="suspended"), action.id, TERMS)
    db.refresh(action)
    assert action.lead_lawyer_id is None


def test_take_lead_twice_refused(db):
    _owners, _cases, _admin, action = _opened(db)
    collective.take_lead(db, make.lawyer(db), action.id, TERMS)
    with pytest.raises(ServiceError) as caught:
        collective.take_lead(db, make.lawyer(db), action.id, TERMS)
    assert caught.value.key == "error.collective.lead_taken"


def test_take_lead_requires_fixed_fee(db):
    _owners, _cases, _admin, action = _opened(db)
    with pytest.raises(ValidationFailed) as caught:
        collective.take_lead(
            db, make.lawyer(db), action.id, {**TERMS, "fee_per_member": ""}
        )
    assert caught.value.errors["fee_per_member"].key == "error.required"


def test_update_reaches_every_member(db):
    _owners, cases, _admin, action = _joined(db)
    counsel = make.lawyer(db)
    collective.take_lead(db, counsel, action.id, TERMS)
    collective.post_update(db, counsel, action.id, "已向法院提交起诉状。")
    assert [_events(db, case_id, "collective_update") for case_id in cases] == [1] * 10


def test_update_by_member_refused(db):
    owners, _cases, _admin, action = _joined(db)
    collective.take_lead(db, make.lawyer(db), action.id, TERMS)
    with pytest.raises(PermissionDenied):
        collective.post_update(db, owners[0], action.id, "伪造的进展")
    assert db.exec(select(func.count()).select_from(CollectiveUpdate)).one() == 0


def test_update_by_other_lawyer_refused(db):
    _owners, _cases, _admin, action = _joined(db)
    collective.take_lead(db, make.lawyer(db), action.id, TERMS)
    with pytest.raises(PermissionDenied):
        collective.post_update(db, make.lawyer(db), action.id, "伪造的进展")
    assert db.exec(select(func.count()).select_from(CollectiveUpdate)).one() == 0


def _stand(db, owners, action, count):
    members = []
    for owner in owners[:count]:
        members.append(collective.stand_as_candidate(db, owner, action.id, True).id)
    return members


def test_representatives_top_votes(db):
    owners, _cases, admin, action = _joined(db)
    candidates = _stand(db, owners, action, 3)
    for owner in owners:
        collective.vote(db, owner, action.id, [candidates[1], candidates[2]])
    elected = collective.elect_representatives(db, admin, action.id, 2)
    assert elected == [candidates[1], candidates[2]]


@pytest.mark.parametrize("seats", [1, 6])
def test_representative_seats_bounds(db, seats):
    owners, _cases, admin, action = _joined(db)
    _stand(db, owners, action, 6)
    with pytest.raises(ValidationFailed) as caught:
        collective.elect_representatives(db, admin, action.id, seats)
    assert caught.value.errors["seats"].key == "error.collective.seats"


def test_representatives_need_candidates(db):
    owners, _cases, admin, action = _joined(db)
    _stand(db, owners, action, 1)
    with pytest.raises(ValidationFailed) as caught:
        collective.elect_representatives(db, admin, action.id, 2)
    assert caught.value.errors["seats"].key == "error.collective.few_candidates"


def test_elect_by_member_refused(db):
    owners, _cases, _admin, action = _joined(db)
    _stand(db, owners, action, 3)
    with pytest.raises(PermissionDenied):
        collective.elect_representatives(db, owners[0], action.id, 2)


def test_vote_for_non_candidate_refused(db):
    owners, _cases, _admin, action = _joined(db)
    outsider = collective.action_detail(db, owners[5], action.id).my_member_id
    with pytest.raises(ValidationFailed) as caught:
        collective.vote(db, owners[0], action.id, [outsider])
    assert caught.value.errors["votes"].key == "error.collective.not_a_candidate"


def test_vote_by_non_member_refused(db):
    owners, _cases, _admin, action = _joined(db)
    candidates = _stand(db, owners, action, 2)
    with pytest.raises(NotFound):
        collective.vote(db, make.consumer(db), action.id, candidates)


def test_invited_complaint_counts_once(db):
    _owners, _cases, _admin, action = _opened(db)
    invited = db.exec(
        select(func.count())
        .select_from(CollectiveMember)
        .where(CollectiveMember.action_id == action.id)
    ).one()
    assert invited == db.exec(select(func.count()).select_from(Complaint)).one()


def test_outsider_sees_no_updates(db):
    _owners, _cases, _admin, action = _joined(db)
    counsel = make.lawyer(db)
    collective.take_lead(db, counsel, action.id, TERMS)
    collective.post_update(db, counsel, action.id, "已向法院提交起诉状。")
    detail = collective.action_detail(db, make.consumer(db), action.id)
    assert detail.updates == []


def test_member_sees_updates(db):
    owners, _cases, _admin, action = _joined(db)
    counsel = make.lawyer(db)
    collective.take_lead(db, counsel, action.id, TERMS)
    collective.post_update(db, counsel, action.id, "已向法院提交起诉状。")
    detail = collective.action_detail(db, owners[0], action.id)
    assert [body for _at, body in detail.updates] == ["已向法院提交起诉状。"]


def test_member_sees_candidates_by_alias(db):
    owners, _cases, _admin, action = _joined(db)
    candidates = _stand(db, owners, action, 2)
    detail = collective.action_detail(db, owners[5], action.id)
    assert [row.member_id for row in detail.candidates] == candidates
