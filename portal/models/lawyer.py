"""Lawyers' profiles and the law firms they practise at."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Column, Text
from sqlmodel import Field, SQLModel

from portal.models.types import utcnow


class ApplicationStatus(StrEnum):
    """The status of a lawyer's credential application."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    MORE_INFO_REQUESTED = "more_info_requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    SUSPENDED = "suspended"


class LawFirm(SQLModel, table=True):
    """A law firm; approved lawyers list under it."""

    __tablename__ = "law_firm"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    normalized_name: str = Field(max_length=100, index=True)
    uscc: str = Field(max_length=18, index=True)
    created_at: datetime = Field(default_factory=utcnow)


class LawyerProfile(SQLModel, table=True):
    """A lawyer account's credentials and review status, one per account."""

    __tablename__ = "lawyer_profile"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", unique=True)
    status: str = Field(default=ApplicationStatus.DRAFT, max_length=24, index=True)
    real_name: str = Field(default="", max_length=40)
    licence_no: str = Field(default="", max_length=17, index=True)
    firm_id: int | None = Field(default=None, foreign_key="law_firm.id", index=True)
    region: str = Field(default="", max_length=40)
    areas: str = Field(default="", max_length=200)
    years_in_practice: int = 0
    statement: str = Field(
        default="", sa_column=Column(Text, nullable=False, default="")
    )
    reviewer_message: str = Field(default="", max_length=1000)
    submitted_at: datetime | None = None
    decided_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class PracticeArea(StrEnum):
    """Fields of law an applicant may list; stored comma-separated in ``areas``."""

    CONSUMER_DISPUTES = "consumer_disputes"
    CONTRACTS = "contracts"
    PRODUCT_LIABILITY = "product_liability"
    FOOD_SAFETY = "food_safety"
    ECOMMERCE = "ecommerce"
    FINANCE = "finance"
    OTHER = "other"


# Mainland provincial-level divisions a lawyer may practise in, stored by code.
PRACTICE_REGIONS = (
    "beijing", "tianjin", "hebei", "shanxi", "inner_mongolia", "liaoning", "jilin",
    "heilongjiang", "shanghai", "jiangsu", "zhejiang", "anhui", "fujian", "jiangxi",
    "shandong", "henan", "hubei", "hunan", "guangdong", "guangxi", "hainan",
    "chongqing", "sichuan", "guizhou", "yunnan", "tibet", "shaanxi", "gansu",
    "qinghai", "ningxia", "xinjiang",
)  # fmt: skip
