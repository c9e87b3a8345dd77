"""Reflex configuration, built from the portal's environment settings."""

import os

import reflex as rx

from portal.settings import PROJECT_ROOT, get_settings

settings = get_settings()

if settings.redis_url:
    # A tab's socket stays on one worker, so that worker may keep the tab's
    # state for a few seconds between events instead of reading and writing
    # Redis for each one. Another worker that needs the state takes it over.
    os.environ.setdefault("REFLEX_OPLOCK_ENABLED", "true")

config = rx.Config(
    app_name="portal",
    app_module_import="portal.app",
    frontend_port=settings.port,
    backend_port=settings.port,
    api_url=settings.public_url,
    deploy_url=settings.public_url,
    cors_allowed_origins=list(settings.allowed_origins),
    redis_url=settings.redis_url,
    # One process keeps tab states in memory. Reflex's disk manager would
    # pickle each state to a file and scan every file on each write cycle. A
    # tab that reconnects after a restart hydrates again from its cookies.
    state_manager_mode="redis" if settings.redis_url else "memory",
    telemetry_enabled=False,
    bun_path=PROJECT_ROOT / ".tools" / "node_modules" / "bun" / "bin" / "bun.exe",
    show_built_with_reflex=False,
    plugins=[rx.plugins.RadixThemesPlugin()],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
