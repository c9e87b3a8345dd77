"""lawyers

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "law_firm",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column(
            "normalized_name",
            sqlmodel.sql.sqltypes.AutoString(length=100),
            nullable=False,
        ),
        sa.Column("uscc", sqlmodel.sql.sqltypes.AutoString(length=18), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("law_firm", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_law_firm_normalized_name"), ["normalized_name"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_law_firm_uscc"), ["uscc"], unique=False)

    op.create_table(
        "lawyer_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "status", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False
        ),
        sa.Column(
            "real_name", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False
        ),
        sa.Column(
            "licence_no", sqlmodel.sql.sqltypes.AutoString(length=17), nullable=False
        ),
        sa.Column("firm_id", sa.Integer(), nullable=True),
        sa.Column(
            "region", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False
        ),
        sa.Column(
            "areas", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False
        ),
        sa.Column("years_in_practice", sa.Integer(), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column(
            "reviewer_message",
            sqlmodel.sql.sqltypes.AutoString(length=1000),
            nullable=False,
        ),
        sa.Column("submitted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("decided_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["firm_id"],
            ["law_firm.id"],
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id"),
    )
    with op.batch_alter_table("lawyer_profile", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_lawyer_profile_firm_id"), ["firm_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_lawyer_profile_licence_no"), ["licence_no"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_lawyer_profile_status"), ["status"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("lawyer_profile", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lawyer_profile_status"))
        batch_op.drop_index(batch_op.f("ix_lawyer_profile_licence_no"))
        batch_op.drop_index(batch_op.f("ix_lawyer_profile_firm_id"))

    op.drop_table("lawyer_profile")
    with op.batch_alter_table("law_firm", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_law_firm_uscc"))
        batch_op.drop_index(batch_op.f("ix_law_firm_normalized_name"))

    op.drop_table("law_firm")
