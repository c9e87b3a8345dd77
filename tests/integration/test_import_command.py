"""``python -m portal import-complaints`` on real partner records."""

import json
import os
import subprocess
import sys

import pytest
from sqlmodel import Session, func, select

from portal.db import make_engine
from portal.models import Complaint, Role, User
from portal.services import cases
from portal.services.auth import to_actor
from portal.settings import PROJECT_ROOT
from tests.conftest import SHARED_DATA

ZH_FILE = SHARED_DATA / "complaints_zh.jsonl"


def _run(database_url: str, path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "portal", "import-complaints", str(path)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def empty_url(database_url, engine):
    from tests.conftest import _empty_tables

    _empty_tables(engine)
    return database_url


def test_import_all_real_records_then_none_twice(empty_url):
    first = _run(empty_url, ZH_FILE)
    assert first.returncode == 0, first.stderr
    assert (
        first.stdout.strip().splitlines()[-1]
        == "imported 1000, duplicates 0, rejected 0"
    )
    second = _run(empty_url, ZH_FILE)
    assert second.returncode == 0
    assert (
        second.stdout.strip().splitlines()[-1]
        == "imported 0, duplicates 1000, rejected 0"
    )


def test_imported_records_in_admin_queue(empty_url):
    result = _run(empty_url, ZH_FILE)
    assert result.returncode == 0, result.stderr
    engine = make_engine(empty_url)
    with Session(engine) as db:
        admin = User(
            phone="13600000000",
            display_name="管理员",
            password_hash="x",
            role=Role.ADMIN,
        )
        db.add(admin)
        db.commit()
        queue = cases.review_queue(db, to_actor(admin), page_size=5)
        complaint_count = db.exec(select(func.count()).select_from(Complaint)).one()
    engine.dispose()
    assert queue.total == 1000
    assert complaint_count == 1000
    assert queue.rows[0].merchant_name == "东风日产"


def test_import_reports_rejected_lines(empty_url, tmp_path):
    lines = [
        {
            "id": "p-1",
            "source": "partner",
            "text": "手机屏幕出现坏点要求退货",
            "merchant": "某电商",
            "date": "2026-11-01",
            "amount": "2999",
        },
        {
            "id": "p-2",
            "source": "partner",
            "text": "短",
            "merchant": "某电商",
            "date": "2026-11-01",
        },
        {
            "id": "p-3",
            "source": "partner",
            "text": "收费超过合同约定的金额",
            "merchant": "",
            "date": "2999-01-01",
            "amount": "-1",
        },
    ]
    path = tmp_path / "partner.jsonl"
    path.write_text(
        "\n".join(json.dumps(line, ensure_ascii=False) for line in lines)
        + "\nnot json\n",
        encoding="utf-8",
    )
    result = _run(empty_url, path)
    assert result.returncode == 1
    output = result.stdout.splitlines()
    assert output[-1] == "imported 1, duplicates 0, rejected 3"
    assert any(line.startswith("line 2: description:") for line in output)
    assert any(line.startswith("line 3: merchant_name:") for line in output)
    assert any(line.startswith("line 3: purchase_date:") for line in output)
    assert any(line.startswith("line 3: amount_paid:") for line in output)
    assert any(line.startswith("line 4: line:") for line in output)


def test_import_unreadable_file_exits_2(empty_url, tmp_path):
    result = _run(empty_url, tmp_path / "missing.jsonl")
    assert result.returncode == 2
    assert "cannot read" in result.stderr


def test_import_migrates_an_empty_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    source = tmp_path / "one.jsonl"
    with ZH_FILE.open(encoding="utf-8") as handle:
        source.write_text(handle.readline(), encoding="utf-8")
    result = _run(url, source)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("imported 1, duplicates 0, rejected 0")
