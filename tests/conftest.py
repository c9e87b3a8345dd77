"""Shared fixtures: real databases (SQLite and PostgreSQL), a real portal server
started with ``reflex run``, and Debian's Chromium driven by Playwright."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, SQLModel

_STORAGE = tempfile.mkdtemp(prefix="fangxin-test-files-")
os.environ["FANGXIN_STORAGE_DIR"] = _STORAGE

from portal.db import make_engine  # noqa: E402
from portal.migrations import upgrade_database  # noqa: E402
from portal.settings import PROJECT_ROOT, get_settings  # noqa: E402

get_settings.cache_clear()

SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"
POSTGRES_URL = os.environ.get(
    "FANGXIN_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
CHROMIUM = os.environ.get("FANGXIN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ADMIN_EMAIL = "admin@fangxin.test"
ADMIN_PASSWORD = "管理员密码-test-2026"


def postgres_available() -> bool:
    """Tell whether a PostgreSQL server answers at ``POSTGRES_URL``."""
    try:
        engine = make_engine(POSTGRES_URL)
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
        return True
    except Exception:  # noqa: BLE001  (any failure means: no server to test against)
        return False


def _fresh_postgres_database() -> str:
    """Create an empty database on the test server and return its URL."""
    name = f"fangxin_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return (
        make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    )


def _drop_postgres_database(url: str) -> None:
    name = make_url(url).database
    admin = make_engine(POSTGRES_URL).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request, tmp_path_factory) -> Iterator[str]:
    """A migrated, empty database on each backend; PostgreSQL is skipped if absent."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'portal.db'}"
        upgrade_database(url)
        yield url
        return
    if not postgres_available():
        pytest.skip(f"no PostgreSQL server answers at {POSTGRES_URL}")
    url = _fresh_postgres_database()
    upgrade_database(url)
    yield url
    _drop_postgres_database(url)


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def _empty_tables(engine: Engine) -> None:
    tables = [table.name for table in reversed(SQLModel.metadata.sorted_tables)]
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            quoted = ", ".join(f'"{name}"' for name in tables)
            connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
        else:
            for name in tables:
                # Table names come from SQLModel.metadata, not from input.
                connection.execute(text(f'DELETE FROM "{name}"'))  # noqa: S608


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """A session on an emptied database; committed work is visible to other sessions."""
    _empty_tables(engine)
    with Session(engine, expire_on_commit=False) as session:
        yield session
        session.rollback()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_environment(port: int, database_url: str, storage: Path) -> dict[str, str]:
    bun_bin = PROJECT_ROOT / ".tools" / "node_modules" / ".bin"
    return {
        **os.environ,
        "PATH": f"{bun_bin}:{os.environ.get('PATH', '')}",
        "FANGXIN_PORT": str(port),
        "DATABASE_URL": database_url,
        "FANGXIN_STORAGE_DIR": str(storage),
        "FANGXIN_ADMIN_EMAIL": ADMIN_EMAIL,
        "FANGXIN_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "REFLEX_USE_SYSTEM_BUN": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_CHECK_LATEST_VERSION": "0",
    }


class PortalServer:
    """A running portal: its URL, its database and its process."""

    def __init__(
        self, url: str, database_url: str, process: subprocess.Popen, log: Path
    ):
        self.url = url
        self.database_url = database_url
        self.process = process
        self.log = log
        self.engine = make_engine(database_url)

    def session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)


def _wait_until_serving(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"portal exited with {process.returncode}:\n{log.read_text()[-3000:]}"
            )
        try:
            if httpx.get(f"{url}/", timeout=2).status_code == 200:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise RuntimeError(f"portal did not serve within 600 s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def portal_server(tmp_path_factory) -> Iterator[PortalServer]:
    """Start ``reflex run --env prod --single-port`` on a fresh SQLite database."""
    folder = tmp_path_factory.mktemp("server")
    database_url = f"sqlite:///{folder / 'portal.db'}"
    port = free_port()
    env = _server_environment(port, database_url, folder / "files")
    python = sys.executable
    for command in (["migrate"], ["create-admin"]):
        subprocess.run(
            [python, "-m", "portal", *command], env=env, cwd=PROJECT_ROOT, check=True
        )
    log = folder / "server.log"
    reflex = shutil.which("reflex", path=str(Path(python).parent)) or "reflex"
    process = subprocess.Popen(
        [reflex, "run", "--env", "prod", "--single-port"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = PortalServer(f"http://localhost:{port}", database_url, process, log)
    try:
        _wait_until_serving(server.url, process, log)
        yield server
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        server.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """Open pages in fresh browser contexts (own cookies), closed after the test."""
    contexts = []

    def open_page():
        context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()
