"""Accounts, sign-in throttle and sessions against a real database."""

from datetime import timedelta

import pytest
from sqlmodel import select

from portal.models import AuthSession, Role, SignInThrottle, User
from portal.services import auth
from portal.services.errors import ServiceError, ValidationFailed

LONG_PREFIX = "这是一个很长的中文密码前缀用来测试截断问题" * 4


def test_register_and_sign_in_by_phone(db):
    auth.register(db, "138 0013 8000", "密码密码密码密码", "张三", Role.CONSUMER)
    actor, token = auth.sign_in(db, "+8613800138000", "密码密码密码密码")
    assert actor.role == Role.CONSUMER
    assert auth.resolve_session(db, token) == actor


def test_register_and_sign_in_by_email(db):
    auth.register(db, "Li.Si@Example.com", "correct horse", "李四", Role.CONSUMER)
    actor, _token = auth.sign_in(db, "li.si@example.com", "correct horse")
    assert actor.display_name == "李四"


def test_long_chinese_passwords_sharing_prefix_differ(db):
    first = LONG_PREFIX + "甲"
    second = LONG_PREFIX + "乙"
    assert len(first.encode()) > 72
    auth.register(db, "13900139000", first, "王五", Role.CONSUMER)
    with pytest.raises(ServiceError) as caught:
        auth.sign_in(db, "13900139000", second)
    assert caught.value.key == "error.sign_in.failed"
    auth.sign_in(db, "13900139000", first)


def test_password_stored_as_argon2id(db):
    auth.register(db, "13900139001", "password-1", "赵六", Role.CONSUMER)
    user = db.exec(select(User).where(User.phone == "13900139001")).one()
    assert user.password_hash.startswith("$argon2id$")


@pytest.mark.parametrize(
    ("identifier", "password", "name", "field"),
    [
        ("12800138000", "password-1", "甲", "identifier"),
        ("1380013800", "password-1", "甲", "identifier"),
        ("not-an-email", "password-1", "甲", "identifier"),
        ("13800138000", "short", "甲", "password"),
        ("13800138000", "x" * 129, "甲", "password"),
        ("13800138000", "password-1", "", "display_name"),
    ],
)
def test_register_rejects_invalid_fields(db, identifier, password, name, field):
    with pytest.raises(ValidationFailed) as caught:
        auth.register(db, identifier, password, name, Role.CONSUMER)
    assert field in caught.value.errors


def test_register_rejects_taken_identifier(db):
    auth.register(db, "13800138000", "password-1", "甲", Role.CONSUMER)
    with pytest.raises(ValidationFailed) as caught:
        auth.register(db, "13800138000", "password-2", "乙", Role.CONSUMER)
    assert caught.value.errors["identifier"].key == "error.identifier.taken"


def test_register_rejects_admin_role(db):
    with pytest.raises(ValidationFailed) as caught:
        auth.register(db, "13800138000", "password-1", "甲", Role.ADMIN)
    assert "role" in caught.value.errors


def test_unknown_account_and_wrong_password_look_alike(db):
    auth.register(db, "13800138000", "password-1", "甲", Role.CONSUMER)
    with pytest.raises(ServiceError) as wrong_password:
        auth.sign_in(db, "13800138000", "password-2")
    with pytest.raises(ServiceError) as unknown:
        auth.sign_in(db, "13800138009", "password-2")
    assert wrong_password.value.key == unknown.value.key
    assert wrong_password.value.params == unknown.value.params


def test_five_failures_lock_for_fifteen_minutes(db):
    auth.register(db, "13800138000", "password-1", "甲", Role.CONSUMER)
    for _ in range(4):
        with pytest.raises(ServiceError) as caught:
            auth.sign_in(db, "13800138000", "wrong-password")
        assert caught.value.key == "error.sign_in.failed"
    with pytest.raises(ServiceError) as fifth:
        auth.sign_in(db, "13800138000", "wrong-password")
    assert fifth.value.key == "error.sign_in.locked"
    assert fifth.value.params["minutes"] == 15
    with pytest.raises(ServiceError) as correct_but_locked:
        auth.sign_in(db, "13800138000", "password-1")
    assert correct_but_locked.value.key == "error.sign_in.locked"


def test_lock_expires_after_fifteen_minutes(db):
    auth.register(db, "13800138000", "password-1", "甲", Role.CONSUMER)
    for _ in range(5):
        with pytest.raises(ServiceError):
            auth.sign_in(db, "13800138000", "wrong-password")
    row = db.get(SignInThrottle, "phone:13800138000")
    row.locked_until -= timedelta(minutes=15, seconds=1)
    db.commit()
    auth.sign_in(db, "13800138000", "password-1")


def test_unknown_identifier_locks_the_same_way(db):
    for _ in range(5):
        with pytest.raises(ServiceError) as caught:
            auth.sign_in(db, "nobody@example.com", "wrong-password")
    assert caught.value.key == "error.sign_in.locked"


def test_registration_session_ignores_sign_in_lock(db):
    for _ in range(5):
        with pytest.raises(ServiceError):
            auth.sign_in(db, "new@example.com", "wrong-password")
    actor = auth.register(db, "new@example.com", "password-1", "新用户", Role.CONSUMER)
    token = auth.open_session(db, actor)
    assert auth.resolve_session(db, token) == actor


def test_sign_out_revokes_session(db):
    auth.register(db, "13800138000", "password-1", "甲", Role.CONSUMER)
    _actor, token = auth.sign_in(db, "13800138000", "password-1")
    auth.sign_out(db, token)
    assert auth.resolve_session(db, token) is None


def test_expired_session_is_rejected(db):
    auth.register(db, "13800138000", "password-1", "甲", Role.CONSUMER)
    _actor, token = auth.sign_in(db, "13800138000", "password-1")
    row = db.exec(
        select(AuthSession).where(AuthSession.token_hash == auth.hash_token(token))
    ).one()
    row.expires_at -= timedelta(days=365)
    db.commit()
    assert auth.resolve_session(db, token) is None


def test_password_change_revokes_every_session(db):
    auth.register(db, "13800138000", "password-1", "甲", Role.CONSUMER)
    actor, first = auth.sign_in(db, "13800138000", "password-1")
    _actor, second = auth.sign_in(db, "13800138000", "password-1")
    fresh = auth.change_password(db, actor, "password-1", "password-2")
    assert auth.resolve_session(db, first) is None
    assert auth.resolve_session(db, second) is None
    assert auth.resolve_session(db, fresh) == actor
    auth.sign_in(db, "13800138000", "password-2")


def test_password_change_needs_current_password(db):
    auth.register(db, "13800138000", "password-1", "甲", Role.CONSUMER)
    actor, _token = auth.sign_in(db, "13800138000", "password-1")
    with pytest.raises(ValidationFailed) as caught:
        auth.change_password(db, actor, "wrong-one", "password-2")
    assert "current_password" in caught.value.errors


def test_session_token_stored_only_as_hash(db):
    auth.register(db, "13800138000", "password-1", "甲", Role.CONSUMER)
    _actor, token = auth.sign_in(db, "13800138000", "password-1")
    stored = db.exec(select(AuthSession.token_hash)).all()
    assert token not in stored
    assert auth.hash_token(token) in stored
