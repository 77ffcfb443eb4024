"""A fact's first sentence: the short form a list line or an anniversary line shows.

A dot does not always end a sentence in our texts ("1998 г. Президенты", "Н. Назарбаев"), so the
cut skips abbreviations and initials."""

from __future__ import annotations

import re

_MESSAGE_SENTENCE = re.compile(r"[^.!?]+[.!?]*")
_SENTENCE_END = re.compile(r"(\S*)[.!?]\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"(])")
_NOT_AN_END = frozenset({"г", "гг", "ж", "жж", "см", "т", "e.g", "i.e", "no", "st", "mr", "dr"})
"""Words a dot follows without ending the sentence: "1998 г. Президенты", "1998 ж. Президенттер"."""


def first_sentence(text: str, limit: int) -> str:
    """A text cut to its first sentence (and to `limit` characters, with an ellipsis)."""
    text = text.strip()
    first = text
    for match in _SENTENCE_END.finditer(text):
        word = match.group(1).lower()
        if word not in _NOT_AN_END and not (len(word) == 1 and word.isalpha()):  # not "г." nor an initial
            first = text[: match.start() + len(match.group(0).rstrip())]
            break
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def message_sentences(text: str) -> list[str]:
    """A message's sentences, each with the marks that close it, so one that asks keeps its "?"."""
    return _MESSAGE_SENTENCE.findall(text)


def asks(sentence: str) -> bool:
    """Whether a sentence of a message asks (ends in "?")."""
    return sentence.rstrip().endswith("?")
