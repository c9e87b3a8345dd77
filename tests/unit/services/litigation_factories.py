"""Accounts, complaints and engagements that the litigation tests arrange."""

import itertools
from datetime import date
from decimal import Decimal

from sqlmodel import Session

from portal.models import LawyerProfile, Role, User
from portal.services import auth, engagements, litigation
from portal.services.actors import Actor
from portal.services.complaints import ComplaintInput, save_complaint

_numbers = itertools.count(1)
PASSWORD = "test-password-1"


def _account(db: Session, role: Role, name: str) -> Actor:
    """Insert an account directly; hashing a password per member slows group tests."""
    user = User(
        email=f"{role.value}{next(_numbers)}@x.test",
        display_name=name,
        password_hash="not-a-hash",
        role=role,
    )
    db.add(user)
    db.flush()
    return auth.to_actor(user)


def consumer(db: Session, name: str = "消费者") -> Actor:
    return _account(db, Role.CONSUMER, name)


def lawyer(
    db: Session,
    status: str = "approved",
    areas: str = "consumer_disputes,contracts",
    name: str = "律师",
) -> Actor:
    actor = auth.register(db, f"l{next(_numbers)}@x.test", PASSWORD, name, Role.LAWYER)
    db.add(
        LawyerProfile(user_id=actor.user_id, status=status, real_name=name, areas=areas)
    )
    db.flush()
    return actor


def admin(db: Session) -> Actor:
    return _account(db, Role.ADMIN, "管理员")


def complaint(
    db: Session,
    owner: Actor,
    merchant: str = "好物电器有限公司",
    *,
    uscc: str | None = None,
    category: str = "ecommerce",
    purchased: date | None = None,
    demand_amount: Decimal | None = Decimal("1000.00"),
) -> int:
    """Save a complaint for ``owner`` and return its case id."""
    data = ComplaintInput(
        merchant_name=merchant,
        merchant_uscc=uscc,
        purchase_channel="",
        category=category,
        order_no="",
        product="",
        amount_paid=demand_amount,
        purchase_date=purchased,
        description="买到的商品有质量问题，商家拒绝退款。",
        demand="refund",
        demand_amount=demand_amount,
        demand_detail="",
    )
    filed = save_complaint(db, owner.user_id, data)
    db.flush()
    return filed.case_id


REQUEST = {
    "litigation_type": "civil_consumer",
    "area": "consumer_disputes",
    "claimed_amount": "2000000",
    "summary": "请求商家退还货款并三倍赔偿。",
}
OFFER = {
    "fee_percent": "15",
    "expenses": "800",
    "expenses_detail": "诉讼费、差旅费",
    "message": "我有多年消费纠纷诉讼经验。",
}


def open_request(db: Session, owner: Actor, **overrides) -> int:
    case_id = complaint(db, owner)
    request = litigation.request_agency(db, owner, case_id, {**REQUEST, **overrides})
    db.flush()
    return request.id


def active_engagement(db: Session) -> tuple[Actor, Actor, int]:
    """Return (consumer, lawyer, engagement id) with the agreement in force."""
    owner = consumer(db)
    counsel = lawyer(db)
    request_id = open_request(db, owner)
    offer = litigation.make_offer(db, counsel, request_id, OFFER)
    engagement = litigation.accept_offer(db, owner, offer.id)
    engagements.confirm_agreement(db, owner, engagement.id)
    engagements.confirm_agreement(db, counsel, engagement.id)
    db.flush()
    return owner, counsel, engagement.id
