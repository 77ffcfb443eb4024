"""Spellings of Latin-script Kazakh that the fold cannot tell apart by itself.

The 2021 alphabet writes і as "ı" and ы as "y" ("jyly", "bırlesıp"); people typing on a Turkish
keyboard write ы as "ı" and і as "i" ("jılı", "boldı", "arasında"). Folding "ı" one way breaks the
other, so each word with a dotless i is read the 2021 way unless only the keyboard reading is a word
the engine knows: then its "ı" not after a vowel (after one it is й, "aınalım") stands for ы.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.text import tokens

_WORD_RE = re.compile(r"[^\W\d_]*ı[^\W\d_]*", re.UNICODE)
_YERU_RE = re.compile(r"(?<![aeiouäöüūıAEIOUÄÖÜŪ])ı")


class DotlessI:
    """Reads Turkish-keyboard Kazakh ("jılı") as the 2021 spelling ("jyly") where only that is known."""

    def __init__(self, known: Iterable[str]) -> None:
        self.known = frozenset(known)

    def read(self, text: str) -> str:
        if "ı" not in text:
            return text
        return _WORD_RE.sub(self._word, text)

    def _word(self, match: re.Match[str]) -> str:
        word = match.group()
        if self._knows(word):
            return word
        keyboard = _YERU_RE.sub("y", word)
        return keyboard if keyboard != word and self._knows(keyboard) else word

    def _knows(self, word: str) -> bool:
        toks = tokens(word)
        return bool(toks) and all(tok in self.known for tok in toks)
