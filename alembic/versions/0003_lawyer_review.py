"""lawyer credential review: credential files and the review log

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "credential_audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column(
            "actor_role", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False
        ),
        sa.Column(
            "action", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False
        ),
        sa.Column(
            "from_status", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False
        ),
        sa.Column(
            "to_status", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["user_account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["lawyer_profile.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("credential_audit_log", schema=None) as batch_op:
        batch_op.create_index(
            "ix_credential_audit_profile_at", ["profile_id", "at"], unique=False
        )

    op.create_table(
        "credential_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column(
            "original_name",
            sqlmodel.sql.sqltypes.AutoString(length=255),
            nullable=False,
        ),
        sa.Column(
            "stored_name", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False
        ),
        sa.Column(
            "content_type", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False
        ),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column(
            "sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False
        ),
        sa.Column("uploaded_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["lawyer_profile.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("stored_name"),
    )
    with op.batch_alter_table("credential_file", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_credential_file_profile_id"), ["profile_id"], unique=False
        )

    _forbid_audit_updates()


def _forbid_audit_updates() -> None:
    # The review log is append-only: reject UPDATE in the database itself.
    # DELETE stays possible on SQLite so tests can empty their tables.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION credential_audit_log_append_only() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION 'credential_audit_log is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER credential_audit_log_no_update "
            "BEFORE UPDATE OR DELETE ON credential_audit_log "
            "FOR EACH ROW EXECUTE FUNCTION credential_audit_log_append_only()"
        )
        return
    op.execute(
        "CREATE TRIGGER credential_audit_log_no_update "
        "BEFORE UPDATE ON credential_audit_log "
        "BEGIN SELECT RAISE(ABORT, 'credential_audit_log is append-only'); END"
    )


def _drop_audit_trigger() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "DROP TRIGGER IF EXISTS credential_audit_log_no_update "
            "ON credential_audit_log"
        )
        op.execute("DROP FUNCTION IF EXISTS credential_audit_log_append_only()")
        return
    op.execute("DROP TRIGGER IF EXISTS credential_audit_log_no_update")


def downgrade() -> None:
    _drop_audit_trigger()
    with op.batch_alter_table("credential_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_credential_file_profile_id"))

    op.drop_table("credential_file")
    with op.batch_alter_table("credential_audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_credential_audit_profile_at")

    op.drop_table("credential_audit_log")
