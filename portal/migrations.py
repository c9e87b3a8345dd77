"""Apply alembic migrations from code, for ``make run``, the CLI and the tests."""

import logging

from alembic.config import Config

from alembic import command
from portal.settings import PROJECT_ROOT, get_settings

logger = logging.getLogger(__name__)


def alembic_config(database_url: str | None = None) -> Config:
    """Build the alembic configuration from pyproject.toml for ``database_url``."""
    config = Config(toml_file=str(PROJECT_ROOT / "pyproject.toml"))
    config.attributes["database_url"] = database_url or get_settings().database_url
    return config


def upgrade_database(database_url: str | None = None) -> None:
    """Apply every migration not yet applied; existing rows are kept."""
    url = database_url or get_settings().database_url
    if url.startswith("sqlite:///"):
        (PROJECT_ROOT / "data").mkdir(exist_ok=True)
    logger.info("applying migrations")
    command.upgrade(alembic_config(url), "heads")
