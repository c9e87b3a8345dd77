"""Accounts and applications that the lawyer review tests share."""

from sqlmodel import Session

from portal.models import Role, User
from portal.services.actors import Actor
from portal.services.auth import to_actor
from portal.services.credential_files import add_credential_file
from portal.services.lawyer_application import ApplicationForm, save_application
from portal.services.validators import uscc_check_character

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%test\n"
LICENCE_NO = "13101201510123456"


def firm_code(first17: str = "31310000400001234") -> str:
    """Return a credit code with a valid check character."""
    return first17 + uscc_check_character(first17)


def make_user(db: Session, role: Role, name: str) -> Actor:
    """Insert an account directly (no password hashing) and return its actor."""
    user = User(
        email=f"{name.lower()}@example.test",
        display_name=name,
        password_hash="unused",
        role=role,
    )
    db.add(user)
    db.flush()
    return to_actor(user)


def application_form(**changes: str) -> ApplicationForm:
    """Return a valid application form, with ``changes`` applied."""
    values = {
        "real_name": "王律师",
        "licence_no": LICENCE_NO,
        "firm_name": "上海放心律师事务所",
        "firm_uscc": firm_code(),
        "region": "shanghai",
        "areas": ("consumer_disputes", "contracts"),
        "years_in_practice": "8",
        "statement": "专注消费者权益保护八年，办理多起食品安全纠纷。",
    }
    values.update(changes)
    return ApplicationForm(**values)


def complete_application(db: Session, lawyer: Actor, **changes: str) -> None:
    """Save a valid form and both kinds of credential file for ``lawyer``."""
    save_application(db, lawyer, application_form(**changes))
    add_credential_file(db, lawyer, "licence", "licence.png", PNG)
    add_credential_file(db, lawyer, "id_document", "id.pdf", PDF)
