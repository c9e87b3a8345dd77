"""Merchants that complaints are filed against."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from portal.models.types import utcnow


class Merchant(SQLModel, table=True):
    """A business. Complaints group by it through ``normalized_name`` or ``uscc``."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    normalized_name: str = Field(max_length=100, index=True)
    uscc: str | None = Field(default=None, max_length=18, unique=True)
    email: str | None = Field(default=None, max_length=254)
    address: str | None = Field(default=None, max_length=200)
    created_at: datetime = Field(default_factory=utcnow)
