"""The review desk: status transitions, permissions, findings and the log."""

from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlmodel import select

from portal.models import (
    ApplicationStatus,
    AuthSession,
    CredentialAuditEntry,
    LawyerProfile,
    Role,
)
from portal.models.credential import AuditLogImmutable
from portal.models.types import utcnow
from portal.services import credential_review, lawyer_application
from portal.services.auth import hash_token, resolve_session
from portal.services.credential_transitions import ADMIN_ACTIONS, TRANSITIONS
from portal.services.errors import (
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from portal.services.lawyer_access import require_approved_lawyer
from tests.unit.services.lawyer_fixtures import (
    complete_application,
    firm_code,
    make_user,
)

S = ApplicationStatus
ALL_STATUSES = [status.value for status in S]


@pytest.fixture
def admin(db):
    return make_user(db, Role.ADMIN, "Admin")


@pytest.fixture
def lawyer(db):
    return make_user(db, Role.LAWYER, "Lawyer")


def _submitted(db, lawyer) -> LawyerProfile:
    complete_application(db, lawyer)
    lawyer_application.submit_application(db, lawyer)
    return _profile(db, lawyer)


def _profile(db, actor) -> LawyerProfile:
    return db.exec(
        select(LawyerProfile).where(LawyerProfile.user_id == actor.user_id)
    ).one()


def _set_status(db, profile: LawyerProfile, status: str) -> None:
    profile.status = status
    db.add(profile)
    db.flush()


def _log(db) -> list[CredentialAuditEntry]:
    return db.exec(select(CredentialAuditEntry).order_by(CredentialAuditEntry.id)).all()


def _reason(action: str) -> str:
    return "原因说明" if TRANSITIONS[action].reason_required else ""


ALLOWED = [
    (action, source)
    for action in ADMIN_ACTIONS
    for source in sorted(TRANSITIONS[action].sources)
]
REFUSED = [
    (action, source)
    for action in ADMIN_ACTIONS
    for source in ALL_STATUSES
    if source not in TRANSITIONS[action].sources
]


@pytest.mark.parametrize(("action", "source"), ALLOWED)
def test_admin_transition_allowed(db, admin, lawyer, action, source):
    profile = _submitted(db, lawyer)
    _set_status(db, profile, source)
    status = credential_review.decide(db, admin, profile.id, action, _reason(action))
    assert status == TRANSITIONS[action].target


@pytest.mark.parametrize(("action", "source"), REFUSED)
def test_admin_transition_refused(db, admin, lawyer, action, source):
    profile = _submitted(db, lawyer)
    _set_status(db, profile, source)
    before = len(_log(db))
    with pytest.raises(ServiceError) as caught:
        credential_review.decide(db, admin, profile.id, action, _reason(action))
    assert caught.value.key == "error.lawyer.transition"
    assert _profile(db, lawyer).status == source
    assert len(_log(db)) == before


@pytest.mark.parametrize(
    ("source", "action"),
    [("draft", "submit"), ("more_info_requested", "answer"), ("rejected", "resubmit")],
)
def test_applicant_transition_allowed(db, lawyer, source, action):
    profile = _submitted(db, lawyer)
    _set_status(db, profile, source)
    assert lawyer_application.submit_application(db, lawyer, "补充材料") == action
    assert _profile(db, lawyer).status == "submitted"


@pytest.mark.parametrize(
    "source", ["submitted", "under_review", "approved", "suspended"]
)
def test_applicant_transition_refused(db, lawyer, source):
    profile = _submitted(db, lawyer)
    _set_status(db, profile, source)
    with pytest.raises(ServiceError):
        lawyer_application.submit_application(db, lawyer, "补充材料")
    assert _profile(db, lawyer).status == source


def test_answer_needs_reply(db, admin, lawyer):
    profile = _submitted(db, lawyer)
    credential_review.decide(db, admin, profile.id, "request_info", "请补充身份证背面")
    with pytest.raises(ValidationFailed) as caught:
        lawyer_application.submit_application(db, lawyer, "  ")
    assert caught.value.errors["reply"].key == "error.lawyer.reply_required"
    assert _profile(db, lawyer).status == "more_info_requested"


@pytest.mark.parametrize("action", ["reject", "request_info", "suspend", "reinstate"])
def test_reason_required(db, admin, lawyer, action):
    profile = _submitted(db, lawyer)
    source = sorted(TRANSITIONS[action].sources)[0]
    _set_status(db, profile, source)
    with pytest.raises(ValidationFailed) as caught:
        credential_review.decide(db, admin, profile.id, action, " ")
    assert caught.value.errors["reason"].key == "error.lawyer.reason_required"
    assert _profile(db, lawyer).status == source


@pytest.mark.parametrize("role", [Role.CONSUMER, Role.LAWYER])
@pytest.mark.parametrize("action", ADMIN_ACTIONS)
def test_review_action_refused_to_non_admin(db, lawyer, role, action):
    profile = _submitted(db, lawyer)
    source = sorted(TRANSITIONS[action].sources)[0]
    _set_status(db, profile, source)
    intruder = make_user(db, role, f"Intruder{role.value}")
    if role == Role.LAWYER:
        intruder_profile = _submitted(db, intruder)
        _set_status(db, intruder_profile, S.APPROVED)
    before = len(_log(db))
    with pytest.raises(PermissionDenied):
        credential_review.decide(db, intruder, profile.id, action, "原因说明")
    assert _profile(db, lawyer).status == source
    assert len(_log(db)) == before


def test_applicant_cannot_decide_own_application(db, lawyer):
    profile = _submitted(db, lawyer)
    with pytest.raises(PermissionDenied):
        credential_review.decide(db, lawyer, profile.id, "approve")
    assert _profile(db, lawyer).status == "submitted"


def test_unknown_action_refused(db, admin, lawyer):
    profile = _submitted(db, lawyer)
    with pytest.raises(PermissionDenied):
        credential_review.decide(db, admin, profile.id, "submit")
    assert _profile(db, lawyer).status == "submitted"


def test_decide_unknown_application_not_found(db, admin):
    with pytest.raises(NotFound):
        credential_review.decide(db, admin, 999, "approve")


@pytest.mark.parametrize("role", [Role.CONSUMER, Role.LAWYER])
def test_queue_refused_to_non_admin(db, role):
    with pytest.raises(PermissionDenied):
        credential_review.review_queue(db, make_user(db, role, "Intruder"))


@pytest.mark.parametrize("role", [Role.CONSUMER, Role.LAWYER])
def test_detail_refused_to_non_admin(db, lawyer, role):
    profile = _submitted(db, lawyer)
    with pytest.raises(PermissionDenied):
        credential_review.review_detail(db, make_user(db, role, "Intruder"), profile.id)


@pytest.mark.parametrize("role", [Role.CONSUMER, Role.LAWYER])
def test_log_refused_to_non_admin(db, lawyer, role):
    _submitted(db, lawyer)
    with pytest.raises(PermissionDenied):
        credential_review.audit_log(db, make_user(db, role, "Intruder"))


@pytest.mark.parametrize("action", ADMIN_ACTIONS)
def test_decision_written_to_log(db, admin, lawyer, action):
    profile = _submitted(db, lawyer)
    source = sorted(TRANSITIONS[action].sources)[0]
    _set_status(db, profile, source)
    credential_review.decide(db, admin, profile.id, action, _reason(action))
    entry = _log(db)[-1]
    assert entry.actor_id == admin.user_id
    assert entry.profile_id == profile.id
    assert (entry.action, entry.from_status) == (action, source)
    assert entry.to_status == TRANSITIONS[action].target
    assert entry.reason == _reason(action)
    assert entry.at is not None


def test_log_lists_newest_first(db, admin, lawyer):
    profile = _submitted(db, lawyer)
    credential_review.decide(db, admin, profile.id, "start_review")
    credential_review.decide(db, admin, profile.id, "reject", "执业证照片模糊")
    actions = [entry.action for entry in credential_review.audit_log(db, admin)]
    assert actions == ["reject", "start_review", "submit"]


def test_log_entry_update_refused_by_orm(db, admin, lawyer):
    _submitted(db, lawyer)
    entry = _log(db)[0]
    entry.reason = "改写"
    db.add(entry)
    with pytest.raises(AuditLogImmutable):
        db.flush()


def test_log_entry_delete_refused_by_orm(db, admin, lawyer):
    _submitted(db, lawyer)
    db.delete(_log(db)[0])
    with pytest.raises(AuditLogImmutable):
        db.flush()


def test_log_entry_update_refused_by_database(db, lawyer):
    _submitted(db, lawyer)
    db.commit()
    with pytest.raises(Exception, match="append-only"):
        db.execute(text("UPDATE credential_audit_log SET reason = 'x'"))
    db.rollback()
    assert _log(db)[0].reason == ""


def test_reject_shows_reason_to_applicant(db, admin, lawyer):
    profile = _submitted(db, lawyer)
    credential_review.decide(db, admin, profile.id, "reject", "执业证照片模糊")
    view = lawyer_application.my_application(db, lawyer)
    assert view.reviewer_message == "执业证照片模糊"


def test_approve_passes_lawyer_gate(db, admin, lawyer):
    profile = _submitted(db, lawyer)
    credential_review.decide(db, admin, profile.id, "approve")
    assert require_approved_lawyer(db, lawyer).id == profile.id


def test_suspend_closes_lawyer_gate(db, admin, lawyer):
    profile = _submitted(db, lawyer)
    credential_review.decide(db, admin, profile.id, "approve")
    credential_review.decide(db, admin, profile.id, "suspend", "投诉核实")
    with pytest.raises(PermissionDenied):
        require_approved_lawyer(db, lawyer)


def test_suspend_revokes_open_sessions(db, admin, lawyer):
    profile = _submitted(db, lawyer)
    credential_review.decide(db, admin, profile.id, "approve")
    db.add(
        AuthSession(
            user_id=lawyer.user_id,
            token_hash=hash_token("tok"),
            expires_at=utcnow() + timedelta(days=1),
        )
    )
    db.flush()
    credential_review.decide(db, admin, profile.id, "suspend", "投诉核实")
    assert resolve_session(db, "tok") is None


def test_queue_oldest_first_with_waiting(db, admin, lawyer):
    other = make_user(db, Role.LAWYER, "Other")
    first = _submitted(db, lawyer)
    second = _submitted(db, other)
    first.submitted_at = utcnow() - timedelta(hours=5)
    db.add(first)
    db.flush()
    rows = credential_review.review_queue(db, admin)
    assert [row.profile_id for row in rows] == [first.id, second.id]
    assert rows[0].waiting >= timedelta(hours=5)


def test_queue_leaves_out_drafts_and_decided(db, admin, lawyer):
    other = make_user(db, Role.LAWYER, "Other")
    complete_application(db, other)
    profile = _submitted(db, lawyer)
    credential_review.decide(db, admin, profile.id, "approve")
    assert credential_review.review_queue(db, admin) == []


def test_queue_filters_by_status(db, admin, lawyer):
    profile = _submitted(db, lawyer)
    credential_review.decide(db, admin, profile.id, "approve")
    rows = credential_review.review_queue(db, admin, "approved")
    assert [row.profile_id for row in rows] == [profile.id]


def test_queue_decided_has_no_waiting(db, admin, lawyer):
    profile = _submitted(db, lawyer)
    credential_review.decide(db, admin, profile.id, "approve")
    assert credential_review.review_queue(db, admin, "approved")[0].waiting is None


def _finding_keys(db, admin, profile) -> list[str]:
    detail = credential_review.review_detail(db, admin, profile.id)
    return [finding.key for finding in detail.findings]


def test_findings_clean_application(db, admin, lawyer):
    profile = _submitted(db, lawyer)
    assert _finding_keys(db, admin, profile) == [
        "lawyer.finding.licence_ok",
        "lawyer.finding.firm_check_ok",
    ]


def test_findings_duplicate_licence(db, admin, lawyer):
    other = make_user(db, Role.LAWYER, "Other")
    _submitted(db, other)
    profile = _submitted(db, lawyer)
    assert "lawyer.finding.licence_duplicate" in _finding_keys(db, admin, profile)


def test_findings_firm_code_under_other_name(db, admin, lawyer):
    other = make_user(db, Role.LAWYER, "Other")
    complete_application(db, other, firm_name="另一家律师事务所")
    profile = _submitted(db, lawyer)
    detail = credential_review.review_detail(db, admin, profile.id)
    finding = detail.findings[-1]
    assert finding.key == "lawyer.finding.firm_other_name"
    assert finding.params == {"names": "另一家律师事务所"}


def test_findings_odd_licence_and_firm_prefix(db, admin, lawyer):
    complete_application(
        db,
        lawyer,
        licence_no="13101201500123456",
        firm_uscc=firm_code("91310000400001234"),
    )
    lawyer_application.submit_application(db, lawyer)
    keys = _finding_keys(db, admin, _profile(db, lawyer))
    assert "lawyer.finding.licence_category" in keys
    assert "lawyer.finding.firm_prefix" in keys


def test_detail_lists_actions_for_status(db, admin, lawyer):
    profile = _submitted(db, lawyer)
    detail = credential_review.review_detail(db, admin, profile.id)
    assert detail.actions == ["start_review", "request_info", "approve", "reject"]


def test_detail_history_includes_applicant_reply(db, admin, lawyer):
    profile = _submitted(db, lawyer)
    credential_review.decide(db, admin, profile.id, "request_info", "请补充身份证背面")
    lawyer_application.submit_application(db, lawyer, "已上传背面")
    detail = credential_review.review_detail(db, admin, profile.id)
    assert detail.history[0].reason == "已上传背面"
