"""Message catalogues: every UI string, keyed, in Simplified Chinese and English.

Catalogues are JSON files, one per language, with flat dotted keys. A feature
may add its own file ``<feature>.<lang>.json``; all files of a language merge.
"""

import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"
_FOLDER = Path(__file__).parent


@lru_cache
def catalogue(lang: str) -> dict[str, str]:
    """Return every message of ``lang`` (``zh`` when the language is unknown)."""
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    messages: dict[str, str] = {}
    for path in sorted(_FOLDER.glob(f"*{lang}.json")):
        if path.name != f"{lang}.json" and not path.name.endswith(f".{lang}.json"):
            continue
        messages.update(json.loads(path.read_text(encoding="utf-8")))
    return messages


def translate(lang: str, key: str, **params: Any) -> str:
    """Format the message ``key`` in ``lang``; a missing key falls back to Chinese."""
    template = catalogue(lang).get(key) or catalogue(DEFAULT_LANGUAGE).get(key)
    if template is None:
        logger.error("missing message key %s", key)
        return key
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        logger.exception("message %s does not fit parameters %s", key, sorted(params))
        return template
