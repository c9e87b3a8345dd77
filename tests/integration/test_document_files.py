"""HTTP download of document PDFs: only readers of the case get the file."""

import pytest
from sqlmodel import Session
from starlette.testclient import TestClient

from portal.db import get_engine, make_engine
from portal.http import SESSION_COOKIE, build_routes
from portal.migrations import upgrade_database
from portal.services import auth, documents
from portal.settings import get_settings
from tests.unit.services import documents_setup as setup


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'portal.db'}"
    upgrade_database(url)
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    get_engine.cache_clear()
    engine = make_engine(url)
    yield engine
    engine.dispose()
    get_settings.cache_clear()
    get_engine.cache_clear()


@pytest.fixture
def rendered(database):
    """A rendered complaint letter; returns its version id and the case id."""
    with Session(database, expire_on_commit=False) as db:
        owner = setup.consumer(db)
        case_id = setup.file_case(db, owner)
        fields = documents.draft_document(db, owner, case_id, "complaint_letter")
        version = documents.save_version(db, owner, case_id, "complaint_letter", fields)
        documents.render_version(db, owner, case_id, "complaint_letter", 1)
        db.commit()
    return version.id, case_id


def _token(database, phone: str) -> str:
    with Session(database) as db:
        _actor, token = auth.sign_in(db, phone, setup.PASSWORD)
        db.commit()
    return token


def _get(version_id: int, token: str = ""):
    client = TestClient(build_routes())
    if token:
        client.cookies.set(SESSION_COOKIE, token)
    return client.get(f"/files/documents/{version_id}")


def test_owner_downloads_pdf(database, rendered):
    version_id, _case_id = rendered
    response = _get(version_id, _token(database, "13800138000"))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert response.headers["content-type"] == "application/pdf"


def test_signed_out_gets_404(database, rendered):
    version_id, _case_id = rendered
    assert _get(version_id).status_code == 404


def test_other_consumer_gets_404(database, rendered):
    version_id, _case_id = rendered
    with Session(database) as db:
        setup.consumer(db, phone="13600136000", name="赵六")
        db.commit()
    assert _get(version_id, _token(database, "13600136000")).status_code == 404


def test_handling_lawyer_downloads_pdf(database, rendered):
    version_id, case_id = rendered
    with Session(database) as db:
        handler = setup.lawyer(db)
        setup.link(db, case_id, handler)
        db.commit()
    assert _get(version_id, _token(database, "13900139000")).status_code == 200


def test_lawyer_not_on_case_gets_404(database, rendered):
    version_id, _case_id = rendered
    with Session(database) as db:
        setup.lawyer(db)
        db.commit()
    assert _get(version_id, _token(database, "13900139000")).status_code == 404


def test_unknown_version_gets_404(database, rendered):
    _version_id, _case_id = rendered
    assert _get(999, _token(database, "13800138000")).status_code == 404


def test_pdf_downloads_as_attachment(database, rendered):
    version_id, _case_id = rendered
    response = _get(version_id, _token(database, "13800138000"))
    assert response.headers["content-disposition"].startswith("attachment;")
