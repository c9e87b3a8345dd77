"""The 0006 migration creates exactly the litigation and collective tables."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from alembic import command
from portal.db import make_engine
from portal.migrations import alembic_config, upgrade_database

TABLES = {
    "agency_request",
    "agency_offer",
    "engagement",
    "collective_action",
    "collective_member",
    "representative_vote",
    "collective_update",
}


def _diffs_on_tables(url: str) -> list:
    engine = make_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection)
        diffs = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    return [diff for diff in diffs if any(name in repr(diff) for name in TABLES)]


def test_migration_matches_models(tmp_path):
    url = f"sqlite:///{tmp_path / 'portal.db'}"
    upgrade_database(url)
    assert _diffs_on_tables(url) == []


def test_migration_downgrade_drops_tables(tmp_path):
    url = f"sqlite:///{tmp_path / 'portal.db'}"
    upgrade_database(url)
    command.downgrade(alembic_config(url), "0002")
    engine = make_engine(url)
    remaining = set(inspect(engine).get_table_names()) & TABLES
    engine.dispose()
    assert remaining == set()
