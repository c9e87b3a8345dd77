"""Message catalogues: both languages complete, every key used in code present."""

import json
import re
from pathlib import Path

import pytest

from portal.i18n import LANGUAGES, catalogue, translate
from portal.models import CaseStatus, Category, Demand
from portal.services.workflow import TRANSITIONS

PORTAL = Path(__file__).resolve().parents[3] / "portal"
DOTTED_LITERAL = re.compile(r"""["']([a-z_]+(?:\.[a-z_]+)+)["']""")


def _keys_in_code() -> set[str]:
    """Collect string literals shaped like catalogue keys under a known prefix."""
    prefixes = {key.split(".")[0] for key in catalogue("zh")}
    keys: set[str] = set()
    for path in PORTAL.rglob("*.py"):
        for literal in DOTTED_LITERAL.findall(path.read_text(encoding="utf-8")):
            if literal.split(".")[0] in prefixes and not literal.endswith(".id"):
                keys.add(literal)
    return keys


def _dynamic_keys() -> set[str]:
    keys = {f"status.{s.value}" for s in CaseStatus}
    keys |= {f"category.{c.value}" for c in Category}
    keys |= {f"demand.{d.value}" for d in Demand}
    keys |= {f"event.{s.value}" for s in CaseStatus if s != CaseStatus.SUBMITTED}
    keys |= {f"case.action.{target.value}" for _source, target in TRANSITIONS}
    keys |= {
        "event.submitted",
        "event.note",
        "event.information_added",
        "event.evidence_added",
    }
    keys |= {"role.consumer", "role.lawyer", "role.admin", "role.system"}
    return keys


def test_key_scan_finds_keys():
    assert len(_keys_in_code()) > 100


def test_languages_have_same_keys():
    assert set(catalogue("zh")) == set(catalogue("en"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_used_key_exists(lang):
    missing = (_keys_in_code() | _dynamic_keys()) - set(catalogue(lang))
    assert missing == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_match_between_languages(lang):
    placeholder = re.compile(r"{(\w+)}")
    other = "en" if lang == "zh" else "zh"
    for key, text in catalogue(lang).items():
        assert set(placeholder.findall(text)) == set(
            placeholder.findall(catalogue(other)[key])
        ), key


def test_catalogue_files_are_valid_json():
    for path in (PORTAL / "i18n").glob("*.json"):
        assert isinstance(json.loads(path.read_text(encoding="utf-8")), dict), path.name


def test_translate_formats_parameters():
    assert (
        translate("en", "error.password.too_short", min=8)
        == "The password needs at least 8 characters."
    )


def test_unknown_language_falls_back_to_chinese():
    assert translate("fr", "nav.sign_in") == "登录"
