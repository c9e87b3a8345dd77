"""Hand-made websocket events from the wrong user change nothing."""

from sqlmodel import select

from portal.models import Case, CaseEvent, Role, User
from portal.services import auth
from portal.state.cases import CaseListState, CaseState
from tests.e2e.crafted import CraftedClient, handler_name, run_isolated
from tests.factories import file_sample, make_user


def _token(server, actor_phone: str) -> str:
    with server.session() as db:
        _actor, token = auth.sign_in(db, actor_phone, "测试密码-password")
        db.commit()
    return token


def _setup(server):
    with server.session() as db:
        owner = make_user(db, name="甲")
        intruder = make_user(db, name="乙")
        filed = file_sample(db, owner)
        owner_phone = db.get(User, owner.user_id).phone
        intruder_phone = db.get(User, intruder.user_id).phone
    return filed, owner_phone, intruder_phone


def test_other_consumer_cannot_move_or_read_case(portal_server):
    filed, _owner_phone, intruder_phone = _setup(portal_server)
    token = _token(portal_server, intruder_phone)
    path = f"/cases/{filed.case_id}"

    async def attack():
        async with CraftedClient(portal_server.url, token) as client:
            query = {"case_id": str(filed.case_id)}
            await client.send(handler_name(CaseState, "open_case"), {}, path, query)
            await client.send(
                handler_name(CaseState, "move"),
                {"form": {"status": "withdrawn", "confirm": "on"}},
                path,
                query,
            )
            await client.send(
                handler_name(CaseState, "add_note"),
                {"form": {"note": "插一句"}},
                path,
                query,
            )
            return client

    client = run_isolated(attack())
    with portal_server.session() as db:
        assert db.get(Case, filed.case_id).status == "submitted"
        events = db.exec(
            select(CaseEvent).where(CaseEvent.case_id == filed.case_id)
        ).all()
    assert len(events) == 1
    assert all(value in ({}, None) for value in client.delivered_values("facts"))
    assert True not in client.delivered_values("found")


def test_consumer_cannot_load_admin_queue(portal_server):
    _filed, owner_phone, _intruder_phone = _setup(portal_server)
    token = _token(portal_server, owner_phone)

    async def attack():
        async with CraftedClient(portal_server.url, token) as client:
            await client.send(
                handler_name(CaseListState, "open_queue"), {}, "/admin/queue"
            )
            await client.send(
                handler_name(CaseListState, "filter_queue"),
                {"form": {"status": "submitted"}},
                "/admin/queue",
            )
            return client

    client = run_isolated(attack())
    delivered_rows = [rows for rows in client.delivered_values("rows") if rows]
    assert delivered_rows == []


def test_consumer_cannot_forward_own_case(portal_server):
    filed, owner_phone, _intruder_phone = _setup(portal_server)
    token = _token(portal_server, owner_phone)
    path = f"/cases/{filed.case_id}"

    async def attack():
        async with CraftedClient(portal_server.url, token) as client:
            query = {"case_id": str(filed.case_id)}
            await client.send(handler_name(CaseState, "open_case"), {}, path, query)
            await client.send(
                handler_name(CaseState, "move"),
                {"form": {"status": "forwarded"}},
                path,
                query,
            )

    run_isolated(attack())
    with portal_server.session() as db:
        assert db.get(Case, filed.case_id).status == "submitted"


def test_admin_role_cannot_be_registered(portal_server):
    from portal.state.auth import AuthFormState

    async def attack():
        async with CraftedClient(portal_server.url, "") as client:
            await client.send(
                handler_name(AuthFormState, "register"),
                {
                    "form": {
                        "identifier": "13811112222",
                        "password": "password-admin",
                        "display_name": "假管理员",
                        "role": "admin",
                    }
                },
                "/register",
            )

    run_isolated(attack())
    with portal_server.session() as db:
        from portal.models import User

        user = db.exec(select(User).where(User.phone == "13811112222")).first()
    assert user is not None
    assert user.role == Role.CONSUMER


def test_owner_event_does_change_case(portal_server):
    """The forged client works: the same event from the owner withdraws the case."""
    filed, owner_phone, _intruder_phone = _setup(portal_server)
    token = _token(portal_server, owner_phone)
    path = f"/cases/{filed.case_id}"

    async def act():
        async with CraftedClient(portal_server.url, token) as client:
            query = {"case_id": str(filed.case_id)}
            await client.send(handler_name(CaseState, "open_case"), {}, path, query)
            await client.send(
                handler_name(CaseState, "move"),
                {"form": {"status": "withdrawn", "confirm": "on"}},
                path,
                query,
            )

    run_isolated(act())
    with portal_server.session() as db:
        assert db.get(Case, filed.case_id).status == "withdrawn"
