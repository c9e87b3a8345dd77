"""Requests for full-risk agency, offers, acceptance and engagements."""

import threading
from decimal import Decimal

import pytest
from sqlmodel import Session, func, select

from portal.models import (
    AgencyOffer,
    AgencyRequest,
    CaseEvent,
    Engagement,
    LawyerProfile,
    OfferStatus,
    RequestStatus,
)
from portal.services import engagements, litigation, workflow
from portal.services.errors import (
    NotFound,
    PermissionDenied,
    ServiceError,
    ValidationFailed,
)
from tests.unit.services import litigation_factories as make

BARRED = [
    ("criminal", "error.litigation.barred.criminal"),
    ("administrative", "error.litigation.barred.administrative"),
    ("state_compensation", "error.litigation.barred.state_compensation"),
    ("collective", "error.litigation.barred.collective"),
    ("marriage", "error.litigation.barred.marriage"),
    ("inheritance", "error.litigation.barred.inheritance"),
    ("social_insurance", "error.litigation.barred.social_insurance"),
    ("minimum_living", "error.litigation.barred.minimum_living"),
    ("support_pension_relief_injury", "error.litigation.barred.support"),
    ("labour_remuneration", "error.litigation.barred.labour_remuneration"),
]


def _suspend(db, lawyer) -> None:
    profile = db.exec(
        select(LawyerProfile).where(LawyerProfile.user_id == lawyer.user_id)
    ).one()
    profile.status = "suspended"
    db.add(profile)
    db.flush()


def _count(db, model) -> int:
    return db.exec(select(func.count()).select_from(model)).one()


@pytest.mark.parametrize(("litigation_type", "key"), BARRED)
def test_request_barred_type_names_reason(db, litigation_type, key):
    owner = make.consumer(db)
    case_id = make.complaint(db, owner)
    with pytest.raises(ValidationFailed) as caught:
        litigation.request_agency(
            db, owner, case_id, {**make.REQUEST, "litigation_type": litigation_type}
        )
    assert caught.value.errors["litigation_type"].key == key
    assert _count(db, AgencyRequest) == 0


def test_request_civil_consumer_allowed(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    assert db.get(AgencyRequest, request_id).status == RequestStatus.OPEN


def test_request_on_other_consumers_case_refused(db):
    owner = make.consumer(db)
    case_id = make.complaint(db, owner)
    stranger = make.consumer(db)
    with pytest.raises(NotFound):
        litigation.request_agency(db, stranger, case_id, make.REQUEST)
    assert _count(db, AgencyRequest) == 0


def test_request_by_lawyer_refused(db):
    owner = make.consumer(db)
    case_id = make.complaint(db, owner)
    with pytest.raises(PermissionDenied):
        litigation.request_agency(db, make.lawyer(db), case_id, make.REQUEST)
    assert _count(db, AgencyRequest) == 0


def test_request_twice_refused(db):
    owner = make.consumer(db)
    case_id = make.complaint(db, owner)
    litigation.request_agency(db, owner, case_id, make.REQUEST)
    with pytest.raises(ServiceError) as caught:
        litigation.request_agency(db, owner, case_id, make.REQUEST)
    assert caught.value.key == "error.litigation.request_exists"


def test_request_missing_amount_at_field(db):
    owner = make.consumer(db)
    case_id = make.complaint(db, owner)
    with pytest.raises(ValidationFailed) as caught:
        litigation.request_agency(
            db, owner, case_id, {**make.REQUEST, "claimed_amount": ""}
        )
    assert caught.value.errors["claimed_amount"].key == "error.required"


def test_open_requests_match_lawyer_areas(db):
    owner = make.consumer(db)
    make.open_request(db, owner)
    food_lawyer = make.lawyer(db, areas="food_safety")
    assert litigation.list_open_requests(db, food_lawyer) == []


def test_open_requests_listed_for_matching_lawyer(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    rows = litigation.list_open_requests(db, make.lawyer(db))
    assert [row.request_id for row in rows] == [request_id]


def test_request_view_shows_cap_of_claim(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    view = litigation.request_detail(db, make.lawyer(db), request_id)
    assert view.cap == Decimal("330000.00")


def test_request_view_max_percent(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    view = litigation.request_detail(db, make.lawyer(db), request_id)
    assert view.max_percent == Decimal("16.50")


def test_offer_over_cap_refused(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    with pytest.raises(ValidationFailed) as caught:
        litigation.make_offer(
            db, make.lawyer(db), request_id, {**make.OFFER, "fee_percent": "16.51"}
        )
    assert caught.value.errors["fee_percent"].key == "error.litigation.over_cap"
    assert _count(db, AgencyOffer) == 0


def test_offer_at_cap_accepted(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    offer = litigation.make_offer(
        db, make.lawyer(db), request_id, {**make.OFFER, "fee_percent": "16.50"}
    )
    assert offer.fee_basis_points == 1650


def test_offer_above_eighteen_percent_refused_small_claim(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner, claimed_amount="5000")
    with pytest.raises(ValidationFailed) as caught:
        litigation.make_offer(
            db, make.lawyer(db), request_id, {**make.OFFER, "fee_percent": "18.01"}
        )
    assert caught.value.errors["fee_percent"].key == "error.litigation.over_cap"


@pytest.mark.parametrize("status", ["submitted", "suspended", "rejected"])
def test_offer_by_unapproved_lawyer_refused(db, status):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    with pytest.raises(PermissionDenied):
        litigation.make_offer(
            db, make.lawyer(db, status=status), request_id, make.OFFER
        )
    assert _count(db, AgencyOffer) == 0


def test_offer_by_consumer_refused(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    with pytest.raises(PermissionDenied):
        litigation.make_offer(db, make.consumer(db), request_id, make.OFFER)
    assert _count(db, AgencyOffer) == 0


def test_offer_outside_areas_refused(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    with pytest.raises(NotFound):
        litigation.make_offer(
            db, make.lawyer(db, areas="finance"), request_id, make.OFFER
        )
    assert _count(db, AgencyOffer) == 0


def test_lawyer_sees_only_own_offer(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    first, second = make.lawyer(db), make.lawyer(db)
    litigation.make_offer(db, first, request_id, make.OFFER)
    litigation.make_offer(db, second, request_id, make.OFFER)
    view = litigation.request_detail(db, second, request_id)
    assert len(view.offers) == 1


def test_accept_closes_other_offers(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    chosen = litigation.make_offer(db, make.lawyer(db), request_id, make.OFFER)
    other = litigation.make_offer(db, make.lawyer(db), request_id, make.OFFER)
    litigation.accept_offer(db, owner, chosen.id)
    db.refresh(other)
    assert other.status == OfferStatus.CLOSED


def test_accept_marks_chosen_offer(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    chosen = litigation.make_offer(db, make.lawyer(db), request_id, make.OFFER)
    litigation.accept_offer(db, owner, chosen.id)
    db.refresh(chosen)
    assert chosen.status == OfferStatus.ACCEPTED


def test_accept_links_lawyer_to_case(db):
    from portal.models import AgencyRequest
    from portal.services import case_lawyers

    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    lawyer = make.lawyer(db)
    chosen = litigation.make_offer(db, lawyer, request_id, make.OFFER)
    litigation.accept_offer(db, owner, chosen.id)
    case_id = db.get(AgencyRequest, request_id).case_id
    assert case_lawyers.handles_case(db, lawyer, case_id)


def test_accept_by_other_consumer_refused(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    offer = litigation.make_offer(db, make.lawyer(db), request_id, make.OFFER)
    with pytest.raises(NotFound):
        litigation.accept_offer(db, make.consumer(db), offer.id)
    assert db.get(AgencyRequest, request_id).status == RequestStatus.OPEN
    assert _count(db, Engagement) == 0


def test_agreement_states_cap_and_no_fee(db):
    _owner, _counsel, engagement_id = make.active_engagement(db)
    text = db.get(Engagement, engagement_id).agreement_text
    assert "330,000.00" in text
    assert "不支付律师费" in text


def test_offer_race_one_acceptance_wins(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    offers = [
        litigation.make_offer(db, make.lawyer(db), request_id, make.OFFER).id
        for _ in range(2)
    ]
    db.commit()
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def accept(offer_id: int) -> None:
        with Session(db.get_bind(), expire_on_commit=False) as session:
            barrier.wait()
            try:
                litigation.accept_offer(session, owner, offer_id)
                session.commit()
                outcomes.append("won")
            except ServiceError as error:
                session.rollback()
                outcomes.append(error.key)
            except Exception as error:  # noqa: BLE001  (shown in the assert below)
                session.rollback()
                outcomes.append(repr(error))

    threads = [threading.Thread(target=accept, args=(oid,)) for oid in offers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["error.litigation.already_engaged", "won"]
    assert _count(db, Engagement) == 1


def test_milestone_before_agreement_refused(db):
    owner = make.consumer(db)
    counsel = make.lawyer(db)
    request_id = make.open_request(db, owner)
    offer = litigation.make_offer(db, counsel, request_id, make.OFFER)
    engagement = litigation.accept_offer(db, owner, offer.id)
    with pytest.raises(ServiceError) as caught:
        engagements.record_milestone(
            db,
            counsel,
            engagement.id,
            "filed",
            {"court": "某法院", "court_case_no": "1"},
        )
    assert caught.value.key == "error.litigation.wrong_stage"


def test_milestone_filed_on_timeline(db):
    _owner, counsel, engagement_id = make.active_engagement(db)
    event = engagements.record_milestone(
        db,
        counsel,
        engagement_id,
        "filed",
        {"court": "杭州互联网法院", "court_case_no": "(2026)浙0192民初1号"},
    )
    assert event.note == "杭州互联网法院 · (2026)浙0192民初1号"


def test_milestone_missing_court_at_field(db):
    _owner, counsel, engagement_id = make.active_engagement(db)
    with pytest.raises(ValidationFailed) as caught:
        engagements.record_milestone(
            db, counsel, engagement_id, "filed", {"court_case_no": "1"}
        )
    assert caught.value.errors["court"].key == "error.required"


def test_milestone_by_other_lawyer_refused(db):
    _owner, _counsel, engagement_id = make.active_engagement(db)
    before = _count(db, CaseEvent)
    with pytest.raises(NotFound):
        engagements.record_milestone(
            db, make.lawyer(db), engagement_id, "judgment", {"note": "胜诉"}
        )
    assert _count(db, CaseEvent) == before


def test_milestone_by_consumer_refused(db):
    owner, _counsel, engagement_id = make.active_engagement(db)
    before = _count(db, CaseEvent)
    with pytest.raises(NotFound):
        engagements.record_milestone(
            db, owner, engagement_id, "judgment", {"note": "胜诉"}
        )
    assert _count(db, CaseEvent) == before


def test_close_computes_capped_fee(db):
    _owner, counsel, engagement_id = make.active_engagement(db)
    engagement = engagements.close_engagement(db, counsel, engagement_id, "2000000")
    assert engagement.fee_due == Decimal("300000.00")


def test_close_nothing_recovered_no_fee(db):
    _owner, counsel, engagement_id = make.active_engagement(db)
    engagement = engagements.close_engagement(db, counsel, engagement_id, "0")
    assert engagement.fee_due == Decimal("0.00")


def test_close_above_fifty_million_uses_top_tier(db):
    _owner, counsel, engagement_id = make.active_engagement(db)
    engagement = engagements.close_engagement(db, counsel, engagement_id, "60,000,000")
    # 15% of 60 million is 9 million; the cap is 180,000 + 600,000 + 600,000
    # + 3,600,000 + 600,000 across the five tiers.
    assert engagement.recovered_amount == Decimal("60000000.00")
    assert engagement.fee_due == Decimal("5580000.00")


def test_close_negative_recovery_rejected(db):
    _owner, counsel, engagement_id = make.active_engagement(db)
    with pytest.raises(ValidationFailed) as caught:
        engagements.close_engagement(db, counsel, engagement_id, "-1")
    assert caught.value.errors["recovered_amount"].key == "error.amount.negative"


def test_close_by_consumer_refused(db):
    owner, _counsel, engagement_id = make.active_engagement(db)
    with pytest.raises(NotFound):
        engagements.close_engagement(db, owner, engagement_id, "1000")
    assert db.get(Engagement, engagement_id).fee_due is None


def test_settle_after_close(db):
    owner, counsel, engagement_id = make.active_engagement(db)
    engagements.close_engagement(db, counsel, engagement_id, "1000")
    engagement = engagements.confirm_settlement(db, owner, engagement_id)
    assert engagement.status == "settled"


def test_settle_by_lawyer_refused(db):
    _owner, counsel, engagement_id = make.active_engagement(db)
    engagements.close_engagement(db, counsel, engagement_id, "1000")
    with pytest.raises(NotFound):
        engagements.confirm_settlement(db, counsel, engagement_id)
    assert db.get(Engagement, engagement_id).status == "fee_computed"


def test_engaged_lawyer_reads_case(db):
    _owner, counsel, engagement_id = make.active_engagement(db)
    case_id = db.get(Engagement, engagement_id).case_id
    case, _complaint = workflow.load_case(db, counsel, case_id)
    assert case.id == case_id


def test_other_lawyer_cannot_read_engaged_case(db):
    _owner, _counsel, engagement_id = make.active_engagement(db)
    case_id = db.get(Engagement, engagement_id).case_id
    with pytest.raises(NotFound):
        workflow.load_case(db, make.lawyer(db), case_id)


def test_request_detail_other_consumer_refused(db):
    request_id = make.open_request(db, make.consumer(db))
    with pytest.raises(NotFound):
        litigation.request_detail(db, make.consumer(db), request_id)


def test_request_detail_lawyer_outside_areas_refused(db):
    request_id = make.open_request(db, make.consumer(db))
    with pytest.raises(NotFound):
        litigation.request_detail(db, make.lawyer(db, areas="finance"), request_id)


def test_request_detail_suspended_lawyer_refused(db):
    request_id = make.open_request(db, make.consumer(db))
    with pytest.raises(NotFound):
        litigation.request_detail(db, make.lawyer(db, status="suspended"), request_id)


def test_accept_by_lawyer_refused(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    counsel = make.lawyer(db)
    offer = litigation.make_offer(db, counsel, request_id, make.OFFER)
    with pytest.raises(PermissionDenied):
        litigation.accept_offer(db, counsel, offer.id)
    assert db.get(AgencyRequest, request_id).status == RequestStatus.OPEN


def test_withdraw_by_other_consumer_refused(db):
    request_id = make.open_request(db, make.consumer(db))
    with pytest.raises(NotFound):
        litigation.withdraw_request(db, make.consumer(db), request_id)
    assert db.get(AgencyRequest, request_id).status == RequestStatus.OPEN


def test_withdraw_closes_offers(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    offer = litigation.make_offer(db, make.lawyer(db), request_id, make.OFFER)
    litigation.withdraw_request(db, owner, request_id)
    db.refresh(offer)
    assert offer.status == OfferStatus.CLOSED


def test_confirm_agreement_by_stranger_refused(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    offer = litigation.make_offer(db, make.lawyer(db), request_id, make.OFFER)
    engagement = litigation.accept_offer(db, owner, offer.id)
    with pytest.raises(NotFound):
        engagements.confirm_agreement(db, make.consumer(db), engagement.id)
    db.refresh(engagement)
    assert engagement.consumer_confirmed_at is None


def test_engagement_detail_other_consumer_refused(db):
    _owner, _counsel, engagement_id = make.active_engagement(db)
    with pytest.raises(NotFound):
        engagements.engagement_detail(db, make.consumer(db), engagement_id)


def test_milestone_by_suspended_engaged_lawyer_loses_case(db):
    _owner, counsel, engagement_id = make.active_engagement(db)
    _suspend(db, counsel)
    case_id = db.get(Engagement, engagement_id).case_id
    with pytest.raises(NotFound):
        workflow.load_case(db, counsel, case_id)


def test_close_by_suspended_lawyer_refused(db):
    _owner, counsel, engagement_id = make.active_engagement(db)
    _suspend(db, counsel)
    with pytest.raises(NotFound):
        engagements.close_engagement(db, counsel, engagement_id, "1000")
    assert db.get(Engagement, engagement_id).fee_due is None


def test_request_for_case_owner_gets_id(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    case_id = db.get(AgencyRequest, request_id).case_id
    assert litigation.request_for_case(db, owner, case_id) == request_id


def test_accept_after_other_acceptance_refused(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    first = litigation.make_offer(db, make.lawyer(db), request_id, make.OFFER)
    second = litigation.make_offer(db, make.lawyer(db), request_id, make.OFFER)
    litigation.accept_offer(db, owner, first.id)
    with pytest.raises(ServiceError) as caught:
        litigation.accept_offer(db, owner, second.id)
    assert caught.value.key == "error.litigation.already_engaged"


def test_accept_after_withdrawal_refused(db):
    owner = make.consumer(db)
    request_id = make.open_request(db, owner)
    offer = litigation.make_offer(db, make.lawyer(db), request_id, make.OFFER)
    litigation.withdraw_request(db, owner, request_id)
    with pytest.raises(ServiceError) as caught:
        litigation.accept_offer(db, owner, offer.id)
    assert caught.value.key == "error.litigation.request_not_open"
    assert _count(db, Engagement) == 0
