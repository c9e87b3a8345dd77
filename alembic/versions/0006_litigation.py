"""litigation

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel

from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "collective_action",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.Integer(), nullable=False),
        sa.Column(
            "category", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False
        ),
        sa.Column(
            "title", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False
        ),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("lead_lawyer_id", sa.Integer(), nullable=True),
        sa.Column("fee_per_member", sa.BigInteger(), nullable=True),
        sa.Column("fee_terms", sa.Text(), nullable=False),
        sa.Column("representative_seats", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user_account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["lead_lawyer_id"],
            ["user_account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["merchant_id"],
            ["merchant.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("collective_action", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_collective_action_merchant_id"),
            ["merchant_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_collective_action_status"), ["status"], unique=False
        )

    op.create_table(
        "collective_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("consumer_id", sa.Integer(), nullable=False),
        sa.Column(
            "status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False
        ),
        sa.Column("candidate", sa.Boolean(), nullable=False),
        sa.Column("representative", sa.Boolean(), nullable=False),
        sa.Column("invited_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("joined_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("left_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["collective_action.id"],
        ),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaint.id"],
        ),
        sa.ForeignKeyConstraint(
            ["consumer_id"],
            ["user_account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("action_id", "complaint_id", name="uq_collective_member"),
    )
    with op.batch_alter_table("collective_member", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_collective_member_action_id"), ["action_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_collective_member_complaint_id"),
            ["complaint_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_collective_member_consumer_id"),
            ["consumer_id"],
            unique=False,
        )

    op.create_table(
        "collective_update",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("posted_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["collective_action.id"],
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["user_account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("collective_update", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_collective_update_action_id"), ["action_id"], unique=False
        )

    op.create_table(
        "agency_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("consumer_id", sa.Integer(), nullable=False),
        sa.Column(
            "litigation_type",
            sqlmodel.sql.sqltypes.AutoString(length=40),
            nullable=False,
        ),
        sa.Column("area", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("claimed_amount", sa.BigInteger(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column(
            "status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False
        ),
        sa.Column("accepted_offer_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["complaint_case.id"],
        ),
        sa.ForeignKeyConstraint(
            ["consumer_id"],
            ["user_account.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agency_request", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agency_request_case_id"), ["case_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agency_request_consumer_id"), ["consumer_id"], unique=False
        )
        batch_op.create_index(
            "ix_agency_request_status_area", ["status", "area"], unique=False
        )

    op.create_table(
        "representative_vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action_id", sa.Integer(), nullable=False),
        sa.Column("voter_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("cast_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["action_id"],
            ["collective_action.id"],
        ),
        sa.ForeignKeyConstraint(
            ["candidate_id"],
            ["collective_member.id"],
        ),
        sa.ForeignKeyConstraint(
            ["voter_id"],
            ["collective_member.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("voter_id", "candidate_id", name="uq_representative_vote"),
    )
    with op.batch_alter_table("representative_vote", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_representative_vote_action_id"), ["action_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_representative_vote_voter_id"), ["voter_id"], unique=False
        )

    op.create_table(
        "agency_offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("lawyer_id", sa.Integer(), nullable=False),
        sa.Column("fee_basis_points", sa.Integer(), nullable=False),
        sa.Column("expenses", sa.BigInteger(), nullable=False),
        sa.Column(
            "expenses_detail",
            sqlmodel.sql.sqltypes.AutoString(length=500),
            nullable=False,
        ),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column(
            "status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False
        ),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lawyer_id"],
            ["user_account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["agency_request.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("agency_offer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agency_offer_lawyer_id"), ["lawyer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agency_offer_request_id"), ["request_id"], unique=False
        )

    op.create_table(
        "engagement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("consumer_id", sa.Integer(), nullable=False),
        sa.Column("lawyer_id", sa.Integer(), nullable=False),
        sa.Column("fee_basis_points", sa.Integer(), nullable=False),
        sa.Column("agreement_text", sa.Text(), nullable=False),
        sa.Column(
            "consumer_confirmed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True
        ),
        sa.Column(
            "lawyer_confirmed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True
        ),
        sa.Column(
            "status", sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False
        ),
        sa.Column("recovered_amount", sa.BigInteger(), nullable=True),
        sa.Column("fee_due", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("closed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("settled_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["complaint_case.id"],
        ),
        sa.ForeignKeyConstraint(
            ["consumer_id"],
            ["user_account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["lawyer_id"],
            ["user_account.id"],
        ),
        sa.ForeignKeyConstraint(
            ["offer_id"],
            ["agency_offer.id"],
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["agency_request.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("offer_id"),
        sa.UniqueConstraint("request_id"),
    )
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_engagement_case_id"), ["case_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_engagement_consumer_id"), ["consumer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_engagement_lawyer_id"), ["lawyer_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_engagement_lawyer_id"))
        batch_op.drop_index(batch_op.f("ix_engagement_consumer_id"))
        batch_op.drop_index(batch_op.f("ix_engagement_case_id"))

    op.drop_table("engagement")
    with op.batch_alter_table("agency_offer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agency_offer_request_id"))
        batch_op.drop_index(batch_op.f("ix_agency_offer_lawyer_id"))

    op.drop_table("agency_offer")
    with op.batch_alter_table("representative_vote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_representative_vote_voter_id"))
        batch_op.drop_index(batch_op.f("ix_representative_vote_action_id"))

    op.drop_table("representative_vote")
    with op.batch_alter_table("agency_request", schema=None) as batch_op:
        batch_op.drop_index("ix_agency_request_status_area")
        batch_op.drop_index(batch_op.f("ix_agency_request_consumer_id"))
        batch_op.drop_index(batch_op.f("ix_agency_request_case_id"))

    op.drop_table("agency_request")
    with op.batch_alter_table("collective_update", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collective_update_action_id"))

    op.drop_table("collective_update")
    with op.batch_alter_table("collective_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collective_member_consumer_id"))
        batch_op.drop_index(batch_op.f("ix_collective_member_complaint_id"))
        batch_op.drop_index(batch_op.f("ix_collective_member_action_id"))

    op.drop_table("collective_member")
    with op.batch_alter_table("collective_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_collective_action_status"))
        batch_op.drop_index(batch_op.f("ix_collective_action_merchant_id"))

    op.drop_table("collective_action")
