"""Small talk: greetings, thanks, "who are you", "what can you do" and goodbyes get a short
reply in kind, never a fact and never a decline. Matched on the whole message (after any
leading greeting), so "thanks to the treaty…" is still a question."""

from __future__ import annotations

import re

from bot.engine.lexicon import Lexicon, normalise

ORDER = ("who", "abilities", "bye", "thanks", "greeting")
_NOISE_RE = re.compile(r"[^\w\s]+", re.UNICODE)


def smalltalk_kind(text: str, lex: Lexicon) -> str | None:
    """The kind of small talk a message is, or None when it is (or holds) a question."""
    norm = normalise(_NOISE_RE.sub(" ", text))
    if not norm or len(norm) > 60:
        return None
    kind = _whole(norm, lex)
    if kind:
        return kind
    # "Hi! Who are you?", "привет, что умеешь", "рақмет, сау бол": a greeting or thanks, then small talk.
    for lead in ("greeting", "thanks"):
        for phrase in sorted(lex.smalltalk[lead], key=len, reverse=True):
            if norm.startswith(phrase + " "):
                rest = _whole(norm[len(phrase) + 1:].strip(), lex)
                if rest:
                    return rest
    return None


def _whole(norm: str, lex: Lexicon) -> str | None:
    for kind in ORDER:
        if norm in lex.smalltalk[kind]:
            return kind
    return None
