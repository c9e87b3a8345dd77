"""Registration, sign-in, sessions and password changes."""

import hashlib
import logging
import secrets
from datetime import timedelta

from passlib.context import CryptContext
from sqlalchemy import update
from sqlmodel import Session, select

from portal.models import AuthSession, Role, SignInThrottle, User
from portal.models.types import utcnow
from portal.services.actors import Actor
from portal.services.errors import FieldError, ServiceError, ValidationFailed
from portal.services.validators import (
    parse_sign_in_identifier,
    validate_password,
    validate_text,
)
from portal.settings import get_settings

logger = logging.getLogger(__name__)

password_context = CryptContext(schemes=["argon2"], argon2__type="ID")

MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_DURATION = timedelta(minutes=15)
SELF_REGISTERED_ROLES = (Role.CONSUMER, Role.LAWYER)

# Verified against when no account matches, so a missing account costs the same
# time as a wrong password and timing does not reveal which one it was.
_UNUSED_HASH = password_context.hash(secrets.token_urlsafe(16))


def hash_token(token: str) -> str:
    """Return the SHA-256 hex digest under which a session token is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def _find_user(db: Session, kind: str, value: str) -> User | None:
    column = User.phone if kind == "phone" else User.email
    return db.exec(select(User).where(column == value)).first()


def to_actor(user: User) -> Actor:
    """Build the ``Actor`` a service call needs from an account row."""
    return Actor(user_id=user.id, role=Role(user.role), display_name=user.display_name)


def register(
    db: Session, identifier: str, password: str, display_name: str, role: Role
) -> Actor:
    """Create a consumer account or a lawyer applicant account.

    Raises:
        ValidationFailed: a field is invalid, or the phone or email is taken.
    """
    errors: dict[str, FieldError] = {}
    kind = value = ""
    try:
        kind, value = parse_sign_in_identifier(identifier)
    except FieldError as error:
        errors["identifier"] = error
    try:
        validate_password(password)
    except FieldError as error:
        errors["password"] = error
    try:
        name = validate_text(display_name, "display_name", min_chars=1, max_chars=60)
    except FieldError as error:
        errors["display_name"] = error
    if role not in SELF_REGISTERED_ROLES:
        errors["role"] = FieldError("role", "error.choice.invalid", value=str(role))
    if value and _find_user(db, kind, value):
        errors["identifier"] = FieldError("identifier", "error.identifier.taken")
    if errors:
        raise ValidationFailed(errors)

    user = User(
        display_name=name,
        password_hash=password_context.hash(password),
        role=role,
        **{kind: value},
    )
    db.add(user)
    db.flush()
    logger.info("account %s registered with role %s", user.id, role)
    return to_actor(user)


def _throttle(db: Session, identifier: str) -> SignInThrottle:
    row = db.get(SignInThrottle, identifier, with_for_update=True)
    if row is None:
        row = SignInThrottle(identifier=identifier, failures=0)
        db.add(row)
    return row


def _raise_if_locked(row: SignInThrottle) -> None:
    now = utcnow()
    if row.locked_until and row.locked_until > now:
        minutes = max(1, int((row.locked_until - now).total_seconds() // 60) + 1)
        raise ServiceError("error.sign_in.locked", minutes=minutes)


def _record_failure(row: SignInThrottle) -> None:
    now = utcnow()
    if now - row.window_started_at > FAILURE_WINDOW:
        row.failures = 0
        row.window_started_at = now
    row.failures += 1
    if row.failures >= MAX_FAILURES:
        row.locked_until = now + LOCK_DURATION
        row.failures = 0
        row.window_started_at = now
        logger.warning(
            "sign-in locked for %s after %s failures", row.identifier[:3], MAX_FAILURES
        )


def sign_in(db: Session, identifier: str, password: str) -> tuple[Actor, str]:
    """Check the password and open a session; return the actor and the raw token.

    Failures are counted per identifier whether or not an account exists, so the
    error never reveals which identifiers are registered.

    Raises:
        ServiceError: ``error.sign_in.failed`` for any wrong identifier or
            password, ``error.sign_in.locked`` after five failures in 15 minutes.
    """
    try:
        kind, value = parse_sign_in_identifier(identifier)
    except FieldError:
        raise ServiceError("error.sign_in.failed") from None
    row = _throttle(db, f"{kind}:{value}")
    _raise_if_locked(row)

    user = _find_user(db, kind, value)
    valid = password_context.verify(
        password, user.password_hash if user else _UNUSED_HASH
    )
    if not (user and valid and user.is_active):
        _record_failure(row)
        db.commit()
        _raise_if_locked(row)
        raise ServiceError("error.sign_in.failed")

    db.delete(row)
    token = _open_session(db, user)
    logger.info("account %s signed in", user.id)
    return to_actor(user), token


def open_session(db: Session, actor: Actor) -> str:
    """Open a session for an account that just proved who it is; return the token.

    Used right after registration, which sets the password, so no sign-in
    throttle applies.
    """
    return _open_session(db, db.get(User, actor.user_id))


def _open_session(db: Session, user: User) -> str:
    token = secrets.token_urlsafe(32)
    days = get_settings().session_days
    db.add(
        AuthSession(
            user_id=user.id,
            token_hash=hash_token(token),
            expires_at=utcnow() + timedelta(days=days),
        )
    )
    db.flush()
    return token


def resolve_session(db: Session, token: str) -> Actor | None:
    """Return the actor signed in with ``token``, or None if it is unknown or ended."""
    if not token:
        return None
    row = db.exec(
        select(AuthSession, User)
        .join(User, User.id == AuthSession.user_id)
        .where(AuthSession.token_hash == hash_token(token))
    ).first()
    if row is None:
        return None
    auth_session, user = row
    if auth_session.revoked_at or auth_session.expires_at <= utcnow():
        return None
    if not user.is_active:
        return None
    return to_actor(user)


def sign_out(db: Session, token: str) -> None:
    """Revoke the session of ``token``; an unknown token is ignored."""
    db.exec(
        update(AuthSession)
        .where(AuthSession.token_hash == hash_token(token))
        .where(AuthSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def revoke_all_sessions(db: Session, user_id: int) -> None:
    """End every open session of an account, for example on suspension."""
    db.exec(
        update(AuthSession)
        .where(AuthSession.user_id == user_id)
        .where(AuthSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def change_password(
    db: Session, actor: Actor, current_password: str, new_password: str
) -> str:
    """Replace the password, end every session, and return a fresh token.

    Raises:
        ValidationFailed: the current password is wrong or the new one invalid.
    """
    user = db.get(User, actor.user_id)
    errors: dict[str, FieldError] = {}
    if not password_context.verify(current_password, user.password_hash):
        errors["current_password"] = FieldError(
            "current_password", "error.password.wrong"
        )
    try:
        validate_password(new_password, "new_password")
    except FieldError as error:
        errors["new_password"] = error
    if errors:
        raise ValidationFailed(errors)

    user.password_hash = password_context.hash(new_password)
    user.password_changed_at = utcnow()
    revoke_all_sessions(db, user.id)
    logger.info("account %s changed its password; sessions revoked", user.id)
    return _open_session(db, user)


def ensure_admin(
    db: Session, email: str, password: str | None
) -> tuple[bool, str | None]:
    """Create the first admin unless an admin exists.

    Returns whether an admin was created, and the generated password when none
    was given, so the caller can print it once.

    Raises:
        FieldError: the email or the given password is invalid.
    """
    if db.exec(select(User).where(User.role == Role.ADMIN)).first():
        return False, None
    generated = None
    if not password:
        generated = password = secrets.token_urlsafe(12)
    validate_password(password, "FANGXIN_ADMIN_PASSWORD")
    address = parse_sign_in_identifier(email, "FANGXIN_ADMIN_EMAIL")
    db.add(
        User(
            display_name="管理员",
            password_hash=password_context.hash(password),
            role=Role.ADMIN,
            **{address[0]: address[1]},
        )
    )
    db.flush()
    logger.info("first admin account created")
    return True, generated
