"""The message catalogues: every key in kk, ru and en, every text filled, the same placeholders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from bot.i18n import catalogue, pick_lang, t
from bot.model import LANGS

ROOT = Path(__file__).resolve().parents[2]
# t(lang, "group.key", …) with a literal key, however the language argument is spelled.
KEY_USE = re.compile(r"\bt\(\s*[^,()]+(?:\([^()]*\))?,\s*\"([a-z_]+\.[a-z_.0-9]+)\"")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_exists_in_kk_ru_and_en() -> None:
    keys = {lang: set(catalogue(lang)) for lang in LANGS}
    for lang in LANGS:
        assert keys[lang] == keys["en"], (lang, sorted(keys[lang] ^ keys["en"]))


@pytest.mark.parametrize("lang", LANGS)
def test_every_text_is_filled_and_has_the_same_placeholders_as_english(lang: str) -> None:
    for key, text in catalogue(lang).items():
        assert text.strip(), f"{lang}.yaml: {key} is empty"
        assert placeholders(text) == placeholders(catalogue("en")[key]), f"{lang}.yaml: {key}"


def test_every_key_the_code_uses_is_in_the_catalogue() -> None:
    used = {key for folder in ("bot", "handlers") for path in (ROOT / folder).rglob("*.py")
            for key in KEY_USE.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 30
    assert used <= set(catalogue("en")), sorted(used - set(catalogue("en")))


def test_kazakh_and_russian_texts_are_not_english_copies() -> None:
    en = catalogue("en")
    for lang in ("kk", "ru"):
        same = [k for k, text in catalogue(lang).items() if text == en[k] and re.search(r"[a-z]{4}", text)]
        assert not same, (lang, same)


def test_lookup_falls_back_to_english_and_fills_values() -> None:
    assert t("de", "answer.disputed", n=2) == t("en", "answer.disputed", n=2)
    assert "3" in t("ru", "answer.disputed", n=3)


@pytest.mark.parametrize(("codes", "lang"), [(("ru-RU",), "ru"), (("kk",), "kk"), ((None, "de", "en-GB"), "en"),
                                             (("uz",), "en"), ((), "en")])
def test_telegram_language_codes_map_to_ours(codes: tuple[str | None, ...], lang: str) -> None:
    assert pick_lang(*codes) == lang
