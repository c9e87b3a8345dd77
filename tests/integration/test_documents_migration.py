"""The documents migration: applies on top of the lawyer tables and reverts."""

from sqlalchemy import inspect

from alembic import command
from portal.db import make_engine
from portal.migrations import alembic_config, upgrade_database

DOCUMENT_TABLES = {"case_lawyer", "legal_document", "document_version", "document_send"}


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_creates_document_tables(tmp_path):
    url = f"sqlite:///{tmp_path / 'portal.db'}"
    upgrade_database(url)
    assert DOCUMENT_TABLES <= _tables(url)


def test_downgrade_to_lawyers_drops_them(tmp_path):
    url = f"sqlite:///{tmp_path / 'portal.db'}"
    upgrade_database(url)
    command.downgrade(alembic_config(url), "0002")
    tables = _tables(url)
    assert not DOCUMENT_TABLES & tables
    assert "lawyer_profile" in tables
