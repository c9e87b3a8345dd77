"""Builders for accounts and complaints, through the real services."""

import itertools

from sqlmodel import Session

from portal.models import Role, User
from portal.services import auth
from portal.services.actors import Actor
from portal.services.complaints import FiledComplaint, file_complaint

_phones = itertools.count(13700000000)
PASSWORD = "测试密码-password"

# A real 12365auto complaint, in the form's field names.
SAMPLE_FORM = {
    "merchant_name": "东风日产",
    "merchant_uscc": "",
    "purchase_channel": "4S店",
    "category": "automobile",
    "order_no": "DF-2020-0605",
    "product": "逍客",
    "amount_paid": "129800",
    "purchase_date": "2020-06-05",
    "description": "东风日产逍客变速箱报故障码P17F1",
    "demand": "repair",
    "demand_amount": "",
    "demand_detail": "",
}


def make_user(db: Session, role: Role = Role.CONSUMER, name: str = "消费者") -> Actor:
    """Register an account of ``role``; admins are inserted, as no form makes them."""
    if role == Role.ADMIN:
        user = User(
            phone=str(next(_phones)),
            display_name=name,
            password_hash=auth.password_context.hash(PASSWORD),
            role=Role.ADMIN,
        )
        db.add(user)
        db.commit()
        return auth.to_actor(user)
    actor = auth.register(db, str(next(_phones)), PASSWORD, name, role)
    db.commit()
    return actor


def file_sample(db: Session, consumer: Actor, **changes: str) -> FiledComplaint:
    """File the sample complaint, with ``changes`` applied to its fields."""
    filed = file_complaint(db, consumer, {**SAMPLE_FORM, **changes}, [], consent=True)
    db.commit()
    return filed
