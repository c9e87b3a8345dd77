"""Runtime settings, read once from environment variables.

Every variable is listed in the README. Nothing here imports Reflex, so the
command-line tools and the services can read settings without starting the app.
"""

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Deployment settings of one portal process."""

    database_url: str
    redis_url: str | None
    port: int
    public_url: str
    allowed_origins: tuple[str, ...]
    storage_dir: Path
    session_days: int


def _default_database_url() -> str:
    return f"sqlite:///{PROJECT_ROOT / 'data' / 'portal.db'}"


@lru_cache
def get_settings() -> Settings:
    """Read the settings from the environment; cached for the process lifetime."""
    port = int(os.environ.get("FANGXIN_PORT", "3000"))
    public_url = os.environ.get("FANGXIN_PUBLIC_URL", f"http://localhost:{port}")
    origins = os.environ.get("FANGXIN_ALLOWED_ORIGINS", public_url)
    storage = Path(
        os.environ.get("FANGXIN_STORAGE_DIR", str(PROJECT_ROOT / "data" / "files"))
    )
    return Settings(
        database_url=os.environ.get("DATABASE_URL") or _default_database_url(),
        redis_url=os.environ.get("REDIS_URL") or None,
        port=port,
        public_url=public_url.rstrip("/"),
        allowed_origins=tuple(o.strip() for o in origins.split(",") if o.strip()),
        storage_dir=storage.resolve(),
        session_days=int(os.environ.get("FANGXIN_SESSION_DAYS", "14")),
    )


@dataclass(frozen=True)
class SmtpSettings:
    """The SMTP server that sends document emails; ``host`` None turns sending off."""

    host: str | None
    port: int
    security: str
    username: str
    password: str
    sender: str
    timeout_seconds: float


SMTP_SECURITY = ("starttls", "ssl", "none")


def smtp_settings() -> SmtpSettings:
    """Read the SMTP settings from the environment on every call.

    Not cached, so an operator's change applies to the next send and tests
    can point it at their own loopback server.

    Raises:
        ValueError: ``FANGXIN_SMTP_SECURITY`` is not starttls, ssl or none.
    """
    security = os.environ.get("FANGXIN_SMTP_SECURITY", "starttls").strip().lower()
    if security not in SMTP_SECURITY:
        raise ValueError(f"FANGXIN_SMTP_SECURITY must be one of {SMTP_SECURITY}")
    default_port = {"ssl": "465", "starttls": "587", "none": "25"}[security]
    return SmtpSettings(
        host=os.environ.get("FANGXIN_SMTP_HOST") or None,
        port=int(os.environ.get("FANGXIN_SMTP_PORT") or default_port),
        security=security,
        username=os.environ.get("FANGXIN_SMTP_USER", ""),
        password=os.environ.get("FANGXIN_SMTP_PASSWORD", ""),
        sender=os.environ.get("FANGXIN_SMTP_FROM", "noreply@fangxin.local"),
        timeout_seconds=float(os.environ.get("FANGXIN_SMTP_TIMEOUT", "15")),
    )
