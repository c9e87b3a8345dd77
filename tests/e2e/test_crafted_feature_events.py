"""Forged websocket events against admin, lawyer review and litigation handlers."""

from sqlmodel import func, select

from portal.models import AgencyOffer, CredentialAuditEntry, LawyerProfile, Role
from portal.services import auth, consultations, litigation
from portal.state.consultation_oversight import ConsultationOversightState
from portal.state.lawyer_review import LawyerReviewState
from portal.state.litigation import LitigationState
from tests.e2e.crafted import CraftedClient, handler_name, run_isolated
from tests.factories import make_user
from tests.unit.services import litigation_factories as make


def _token(server, actor) -> str:
    with server.session() as db:
        token = auth.open_session(db, actor)
        db.commit()
    return token


def _send_decision(server, actor, profile_id: int) -> None:
    path = f"/admin/lawyers/{profile_id}"
    query = {"profile_id": str(profile_id)}

    async def act():
        async with CraftedClient(server.url, _token(server, actor)) as client:
            await client.send(
                handler_name(LawyerReviewState, "open_review"), {}, path, query
            )
            await client.send(
                handler_name(LawyerReviewState, "decide"),
                {"form": {"action": "approve", "reason": ""}},
                path,
                query,
            )

    run_isolated(act())


def test_review_decision_refused_for_consumer_and_lawyer(portal_server):
    with portal_server.session() as db:
        consumer = make_user(db, name="消费者")
        lawyer = make.lawyer(db)
        admin = make_user(db, Role.ADMIN, "审核员")
        applicant = make.lawyer(db, status="submitted", name="申请人")
        profile = db.exec(
            select(LawyerProfile).where(LawyerProfile.user_id == applicant.user_id)
        ).one()
        db.commit()
        audit_before = db.exec(
            select(func.count()).select_from(CredentialAuditEntry)
        ).one()

    for intruder in (consumer, lawyer):
        _send_decision(portal_server, intruder, profile.id)
    with portal_server.session() as db:
        assert db.get(LawyerProfile, profile.id).status == "submitted"
        audit_after = db.exec(
            select(func.count()).select_from(CredentialAuditEntry)
        ).one()
    assert audit_after == audit_before

    _send_decision(portal_server, admin, profile.id)
    with portal_server.session() as db:
        assert db.get(LawyerProfile, profile.id).status == "approved"


def _send_accept(server, actor, request_id: int, offer_id: int) -> None:
    path = f"/litigation/{request_id}"
    query = {"request_id": str(request_id)}

    async def act():
        async with CraftedClient(server.url, _token(server, actor)) as client:
            await client.send(
                handler_name(LitigationState, "open_request"), {}, path, query
            )
            await client.send(
                handler_name(LitigationState, "accept"),
                {"offer_id": str(offer_id)},
                path,
                query,
            )

    run_isolated(act())


def test_offer_accept_refused_for_other_consumer(portal_server):
    with portal_server.session() as db:
        owner = make.consumer(db)
        other = make.consumer(db, name="旁人")
        request_id = make.open_request(db, owner)
        offer = litigation.make_offer(db, make.lawyer(db), request_id, make.OFFER)
        db.commit()

    _send_accept(portal_server, other, request_id, offer.id)
    with portal_server.session() as db:
        assert db.get(AgencyOffer, offer.id).status == "pending"

    _send_accept(portal_server, owner, request_id, offer.id)
    with portal_server.session() as db:
        assert db.get(AgencyOffer, offer.id).status == "accepted"


def _oversight_rows(server, actor) -> list:
    async def act():
        async with CraftedClient(server.url, _token(server, actor)) as client:
            for method, payload in (
                ("open", {}),
                ("filter", {"form": {"status": "waiting"}}),
            ):
                await client.send(
                    handler_name(ConsultationOversightState, method),
                    payload,
                    "/admin/consultations",
                )
            return client.delivered_values("rows")

    return run_isolated(act())


def test_consultation_list_withheld_from_non_admins(portal_server):
    with portal_server.session() as db:
        asker = make.consumer(db, name="提问人")
        asked = consultations.start(db, asker, "other", "只给管理员看的咨询列表")
        # Cancelled at once, so later browser tests find the queue as they left it.
        consultations.cancel(db, asker, asked.id)
        lawyer = make.lawyer(db)
        admin = make_user(db, Role.ADMIN, "监督员")
        db.commit()

    for intruder in (asker, lawyer):
        assert all(rows == [] for rows in _oversight_rows(portal_server, intruder))

    admin_rows = _oversight_rows(portal_server, admin)
    assert any(
        row["question"] == "只给管理员看的咨询列表"
        for rows in admin_rows
        for row in rows
    )
