"""Two backend workers on PostgreSQL and Redis: a chat crosses between them.

Each worker is the portal's ASGI app served by granian with one worker
process, which is what ``reflex run --env prod --backend-only`` starts. No
frontend is built: headless clients speak Reflex's websocket protocol, the
consumer to one worker and the lawyer to the other.
"""

import os
import subprocess
from pathlib import Path

import pytest

from benchmarks.reflex_client import ChatClient
from benchmarks.workers import start_worker, stop_worker, wait_healthy
from portal.db import make_engine, session_scope
from portal.migrations import upgrade_database
from tests.asyncio_thread import run_coroutine
from tests.conftest import (
    _drop_postgres_database,
    _fresh_postgres_database,
    _server_environment,
    free_port,
    postgres_available,
)
from tests.unit.services.consultation_fixtures import active, consumer, on_duty_lawyer

REDIS_URL = os.environ.get("FANGXIN_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")

pytestmark = pytest.mark.postgres


def _redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping())
    except redis.RedisError:
        return False


def _start_worker(port: int, database_url: str, folder: Path) -> subprocess.Popen:
    env = {
        **_server_environment(port, database_url, folder / "files"),
        "REDIS_URL": REDIS_URL,
    }
    return start_worker(port, env, folder / f"worker-{port}.log")


@pytest.fixture
def two_workers(tmp_path):
    """Two workers sharing a fresh PostgreSQL database and the local Redis."""
    if not postgres_available():
        pytest.skip("no PostgreSQL server for the two-worker test")
    if not _redis_available():
        pytest.skip(f"no Redis server answers at {REDIS_URL}")
    database_url = _fresh_postgres_database()
    upgrade_database(database_url)
    processes = []
    try:
        urls = []
        for _ in range(2):
            port = free_port()
            process = _start_worker(port, database_url, tmp_path)
            processes.append(process)
            urls.append(f"http://localhost:{port}")
            wait_healthy(urls[-1], process)
        yield urls, database_url
    finally:
        for process in processes:
            stop_worker(process)
        _drop_postgres_database(database_url)


def _arrange_chat(database_url: str) -> tuple[int, str, str]:
    """Create a consumer, an approved lawyer and an active consultation."""
    from portal.services import auth

    engine = make_engine(database_url)
    with session_scope(engine) as db:
        asker = consumer(db)
        answerer = on_duty_lawyer(db)
        consultation_id = active(db, asker, answerer)
        _actor, consumer_token = auth.sign_in(db, "13800138000", "password-1")
        _actor, lawyer_token = auth.sign_in(db, "lawyer@x.test", "password-1")
    engine.dispose()
    return consultation_id, consumer_token, lawyer_token


async def _chat(urls: list[str], consultation_id: int, tokens: tuple[str, str]):
    consumer_page = ChatClient(urls[0], tokens[0], consultation_id)
    lawyer_page = ChatClient(urls[1], tokens[1], consultation_id)
    await consumer_page.connect()
    await lawyer_page.connect()
    try:
        await consumer_page.send("来自一号进程的问题")
        await lawyer_page.wait_for_text("来自一号进程的问题", timeout=10)
        await lawyer_page.send("来自二号进程的回答")
        await consumer_page.wait_for_text("来自二号进程的回答", timeout=10)
    finally:
        await consumer_page.close()
        await lawyer_page.close()
    return consumer_page.messages, lawyer_page.messages


def test_chat_crosses_workers(two_workers):
    urls, database_url = two_workers
    consultation_id, consumer_token, lawyer_token = _arrange_chat(database_url)
    chat = _chat(urls, consultation_id, (consumer_token, lawyer_token))
    consumer_view, lawyer_view = run_coroutine(chat)
    assert [row["seq"] for row in consumer_view] == ["1", "2"]
    assert [row["seq"] for row in lawyer_view] == ["1", "2"]
