"""The per-language message catalogue: every user-facing text is looked up here by key."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.model import LANGS

LOCALES = Path(__file__).resolve().parent / "locales"
DEFAULT_LANG = "en"


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """The flat key → text mapping of one language, read once."""
    with (LOCALES / f"{lang}.yaml").open(encoding="utf-8") as fh:
        data: Any = yaml.safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{LOCALES / f'{lang}.yaml'}: expected a mapping of keys to texts")
    return {str(k): str(v) for k, v in data.items()}


def t(lang: str, key: str, /, **values: object) -> str:
    """The text for key in lang (falling back to English), with {placeholders} filled in."""
    table = catalogue(lang if lang in LANGS else DEFAULT_LANG)
    template = table.get(key) or catalogue(DEFAULT_LANG)[key]
    return template.format(**values) if values else template


def pick_lang(*candidates: str | None) -> str:
    """The first candidate that is one of ours; Telegram's codes like 'ru-RU' count as 'ru'."""
    for cand in candidates:
        if cand:
            code = cand.lower().split("-")[0].split("_")[0]
            if code in LANGS:
                return code
    return DEFAULT_LANG
