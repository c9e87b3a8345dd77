"""Migrations from an empty database on SQLite and PostgreSQL."""

from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from alembic import command
from portal.db import make_engine
from portal.migrations import alembic_config, upgrade_database


def test_models_match_migrations(database_url):
    command.check(alembic_config(database_url))


def test_every_table_created(database_url):
    engine = make_engine(database_url)
    tables = set(inspect(engine).get_table_names())
    engine.dispose()
    for name in (
        "user_account",
        "auth_session",
        "complaint",
        "complaint_case",
        "case_event",
        "evidence",
        "merchant",
    ):
        assert name in tables


def test_upgrade_again_changes_nothing(database_url):
    upgrade_database(database_url)
    command.check(alembic_config(database_url))


def test_single_head():
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1
