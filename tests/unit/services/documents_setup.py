"""Accounts, lawyers and cases that the documents tests arrange."""

from sqlmodel import Session, select

from portal.models import LawFirm, LawyerProfile, Role, User
from portal.services import auth, case_lawyers, complaints
from portal.services.actors import Actor

PASSWORD = "password-1"
VALID_USCC = "91110000100000000R"


def consumer(db: Session, phone: str = "13800138000", name: str = "张三") -> Actor:
    return auth.register(db, phone, PASSWORD, name, Role.CONSUMER)


def lawyer(
    db: Session,
    phone: str = "13900139000",
    name: str = "李律师",
    status: str = "approved",
) -> Actor:
    """Register a lawyer account with a profile in ``status`` at a law firm."""
    actor = auth.register(db, phone, PASSWORD, name, Role.LAWYER)
    firm = LawFirm(
        name="北京明理律师事务所", normalized_name="北京明理", uscc=VALID_USCC
    )
    db.add(firm)
    db.flush()
    db.add(
        LawyerProfile(
            user_id=actor.user_id,
            status=status,
            real_name=name,
            licence_no="11101201810012345",
            firm_id=firm.id,
        )
    )
    db.flush()
    return actor


def admin(db: Session) -> Actor:
    auth.ensure_admin(db, "admin@fangxin.test", "admin-pass-1")
    user = db.exec(select(User).where(User.role == Role.ADMIN)).one()
    return auth.to_actor(user)


def file_case(db: Session, owner: Actor, **overrides) -> int:
    """File a complaint for ``owner`` and return its case id."""
    raw = {
        "merchant_name": "某某电器有限公司",
        "merchant_uscc": VALID_USCC,
        "purchase_channel": "某电商平台",
        "category": "ecommerce",
        "order_no": "SN20261101",
        "product": "电饭煲",
        "amount_paid": "299.00",
        "purchase_date": "2026-11-01",
        "description": "商家宣称是进口原装正品，收到后发现是翻新机，要求退货被拒。",
        "demand": "refund",
        **overrides,
    }
    return complaints.file_complaint(db, owner, raw, [], True).case_id


def link(db: Session, case_id: int, handler: Actor) -> None:
    case_lawyers.link_lawyer(db, case_id, handler.user_id, "consultation")
