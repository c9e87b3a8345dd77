"""The 0003 migration: tables, the append-only trigger, and its downgrade."""

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DatabaseError

from alembic import command
from portal.db import make_engine
from portal.migrations import alembic_config, upgrade_database


@pytest.fixture
def database_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'portal.db'}"
    upgrade_database(url)
    return url


def _tables(url: str) -> set[str]:
    engine = make_engine(url)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    return names


def test_upgrade_creates_review_tables(database_url):
    assert {"credential_file", "credential_audit_log"} <= _tables(database_url)


def test_downgrade_drops_review_tables(database_url):
    command.downgrade(alembic_config(database_url), "0002")
    assert not {"credential_file", "credential_audit_log"} & _tables(database_url)


def test_trigger_rejects_log_update(database_url):
    engine = make_engine(database_url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO user_account (display_name, password_hash, role, "
                "is_active, created_at, password_changed_at) VALUES "
                "('a', 'x', 'lawyer', 1, '2026-01-01', '2026-01-01')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO lawyer_profile (user_id, status, real_name, licence_no, "
                "region, areas, years_in_practice, statement, reviewer_message, "
                "created_at, updated_at) VALUES (1, 'draft', '', '', '', '', 0, '', "
                "'', '2026-01-01', '2026-01-01')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO credential_audit_log (profile_id, at, actor_id, "
                "actor_role, action, from_status, to_status, reason) VALUES "
                "(1, '2026-01-01', 1, 'lawyer', 'submit', 'draft', 'submitted', '')"
            )
        )
    with pytest.raises(DatabaseError, match="append-only"):
        with engine.begin() as connection:
            connection.execute(text("UPDATE credential_audit_log SET reason = 'x'"))
    engine.dispose()
