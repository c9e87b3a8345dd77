"""Accounts, sign-in sessions and the sign-in throttle."""

from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from portal.models.types import utcnow


class Role(StrEnum):
    """The role of an account, which decides what it may do."""

    CONSUMER = "consumer"
    LAWYER = "lawyer"
    ADMIN = "admin"


class User(SQLModel, table=True):
    """An account. Consumers, lawyers and admins share this table."""

    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    email: str | None = Field(default=None, max_length=254, unique=True)
    phone: str | None = Field(default=None, max_length=11, unique=True)
    display_name: str = Field(max_length=60)
    password_hash: str = Field(max_length=255)
    role: str = Field(max_length=16, index=True)
    is_active: bool = Field(default=True)
    created_at: datetime = Field(default_factory=utcnow)
    password_changed_at: datetime = Field(default_factory=utcnow)


class AuthSession(SQLModel, table=True):
    """A signed-in browser. Only the SHA-256 of its token is stored."""

    __tablename__ = "auth_session"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked_at: datetime | None = None


class SignInThrottle(SQLModel, table=True):
    """Failed sign-ins per identifier, kept whether or not an account exists."""

    __tablename__ = "sign_in_throttle"

    identifier: str = Field(primary_key=True, max_length=254)
    failures: int = 0
    window_started_at: datetime = Field(default_factory=utcnow)
    locked_until: datetime | None = None
