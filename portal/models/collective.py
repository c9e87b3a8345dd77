"""Collective actions: consumers with the same merchant and problem acting together."""

from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from portal.models.types import Money, utcnow


class ActionStatus(StrEnum):
    """Whether a collective action takes members."""

    OPEN = "open"
    CLOSED = "closed"


class MemberStatus(StrEnum):
    """A complaint's place in a collective action."""

    INVITED = "invited"
    JOINED = "joined"
    LEFT = "left"


class CollectiveAction(SQLModel, table=True):
    """A collective action against one merchant over one category of problem."""

    __tablename__ = "collective_action"

    id: int | None = Field(default=None, primary_key=True)
    merchant_id: int = Field(foreign_key="merchant.id", index=True)
    category: str = Field(max_length=20)
    title: str = Field(max_length=100)
    description: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(default=ActionStatus.OPEN, max_length=20, index=True)
    created_by: int = Field(foreign_key="user_account.id")
    lead_lawyer_id: int | None = Field(default=None, foreign_key="user_account.id")
    fee_per_member: Decimal | None = Field(default=None, sa_column=Column(Money()))
    fee_terms: str = Field(sa_column=Column(Text, nullable=False, default=""))
    representative_seats: int = 0
    created_at: datetime = Field(default_factory=utcnow)


class CollectiveMember(SQLModel, table=True):
    """One complaint invited to, joined to or gone from a collective action."""

    __tablename__ = "collective_member"
    __table_args__ = (
        UniqueConstraint("action_id", "complaint_id", name="uq_collective_member"),
    )

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="collective_action.id", index=True)
    complaint_id: int = Field(foreign_key="complaint.id", index=True)
    consumer_id: int = Field(foreign_key="user_account.id", index=True)
    status: str = Field(default=MemberStatus.INVITED, max_length=20)
    candidate: bool = False
    representative: bool = False
    invited_at: datetime | None = None
    joined_at: datetime | None = None
    left_at: datetime | None = None


class RepresentativeVote(SQLModel, table=True):
    """One member's vote for one candidate representative."""

    __tablename__ = "representative_vote"
    __table_args__ = (
        UniqueConstraint("voter_id", "candidate_id", name="uq_representative_vote"),
    )

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="collective_action.id", index=True)
    voter_id: int = Field(foreign_key="collective_member.id", index=True)
    candidate_id: int = Field(foreign_key="collective_member.id")
    cast_at: datetime = Field(default_factory=utcnow)


class CollectiveUpdate(SQLModel, table=True):
    """A progress update the lead lawyer posted to every member."""

    __tablename__ = "collective_update"

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = Field(foreign_key="collective_action.id", index=True)
    author_id: int = Field(foreign_key="user_account.id")
    body: str = Field(sa_column=Column(Text, nullable=False))
    posted_at: datetime = Field(default_factory=utcnow)
