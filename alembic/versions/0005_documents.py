"""documents

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "case_lawyer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("lawyer_id", sa.Integer(), nullable=False),
        sa.Column(
            "source", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False
        ),
        sa.Column("assigned_by", sa.Integer(), nullable=True),
        sa.Column("assigned_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assigned_by"],
            ["user_account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["complaint_case.id"],
        ),
        sa.ForeignKeyConstraint(
            ["lawyer_id"],
            ["user_account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id", "lawyer_id", name="uq_case_lawyer"),
    )
    with op.batch_alter_table("case_lawyer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_case_lawyer_case_id"), ["case_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_case_lawyer_lawyer_id"), ["lawyer_id"], unique=False
        )

    op.create_table(
        "legal_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["complaint_case.id"],
        ),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user_account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id", "kind", name="uq_document_kind"),
    )
    with op.batch_alter_table("legal_document", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_legal_document_case_id"), ["case_id"], unique=False
        )

    op.create_table(
        "document_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column(
            "pdf_stored_name",
            sqlmodel.sql.sqltypes.AutoString(length=64),
            nullable=True,
        ),
        sa.Column(
            "pdf_sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True
        ),
        sa.Column("rendered_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["user_account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["legal_document.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "number", name="uq_document_version"),
        sa.UniqueConstraint("pdf_stored_name"),
    )
    with op.batch_alter_table("document_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_document_version_document_id"), ["document_id"], unique=False
        )

    op.create_table(
        "document_send",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column(
            "recipient", sqlmodel.sql.sqltypes.AutoString(length=254), nullable=False
        ),
        sa.Column(
            "status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False
        ),
        sa.Column(
            "error", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False
        ),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("sender_id", sa.Integer(), nullable=False),
        sa.Column("requested_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("finished_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["complaint_case.id"],
        ),
        sa.ForeignKeyConstraint(
            ["sender_id"],
            ["user_account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["document_version.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("version_id", "recipient", name="uq_document_send"),
    )
    with op.batch_alter_table("document_send", schema=None) as batch_op:
        batch_op.create_index(
            "ix_document_send_case", ["case_id", "requested_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("document_send", schema=None) as batch_op:
        batch_op.drop_index("ix_document_send_case")

    op.drop_table("document_send")
    with op.batch_alter_table("document_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_version_document_id"))

    op.drop_table("document_version")
    with op.batch_alter_table("legal_document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_legal_document_case_id"))

    op.drop_table("legal_document")
    with op.batch_alter_table("case_lawyer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_lawyer_lawyer_id"))
        batch_op.drop_index(batch_op.f("ix_case_lawyer_case_id"))

    op.drop_table("case_lawyer")
