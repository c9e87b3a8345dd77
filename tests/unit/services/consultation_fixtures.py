"""Accounts and consultations that the consultation tests arrange."""

from sqlmodel import Session

from portal.models import LawyerProfile, Role
from portal.services import auth, consultations
from portal.services.actors import Actor

PASSWORD = "password-1"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def consumer(db: Session, phone: str = "13800138000", name: str = "张三") -> Actor:
    actor = auth.register(db, phone, PASSWORD, name, Role.CONSUMER)
    db.commit()
    return actor


def lawyer(
    db: Session, email: str = "lawyer@x.test", status: str = "approved"
) -> Actor:
    """Register a lawyer account with a profile in ``status``."""
    actor = auth.register(db, email, PASSWORD, "律师" + email[:3], Role.LAWYER)
    db.add(
        LawyerProfile(
            user_id=actor.user_id,
            status=status,
            real_name="王律师",
            areas="consumer_disputes",
        )
    )
    db.commit()
    return actor


def on_duty_lawyer(db: Session, email: str = "lawyer@x.test") -> Actor:
    actor = lawyer(db, email)
    consultations.set_duty(db, actor, True)
    db.commit()
    return actor


def waiting(db: Session, asker: Actor, question: str = "商家不退款怎么办?") -> int:
    view = consultations.start(db, asker, "consumer_disputes", question)
    db.commit()
    return view.id


def active(db: Session, asker: Actor, answerer: Actor) -> int:
    consultation_id = waiting(db, asker)
    consultations.pick_up(db, answerer, consultation_id)
    db.commit()
    return consultation_id


def filed_case(db: Session, owner: Actor) -> int:
    """File a complaint for ``owner`` and return its case id."""
    from portal.services import complaints

    filed = complaints.file_complaint(
        db,
        owner,
        {
            "merchant_name": "某某电器旗舰店",
            "category": "ecommerce",
            "description": "购买的电饭煲收到即损坏，商家拒绝退款。",
            "demand": "refund",
        },
        [],
        True,
    )
    db.commit()
    return filed.case_id
