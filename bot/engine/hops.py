"""Questions that name a year by an event: "In the year Yeltsin won the election, when did Russia
recognise Kazakhstan?", "What was trade the year after the Customs Union started?", "Кеден одағы
жұмыс істей бастағаннан кейінгі жылы сауда қанша болды?".

The engine answers the event first, takes its year (plus or minus one), and asks the rest of the
question of that year. The patterns are word order in each language, kept here rather than in the
lexicon because they are grammar, not vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class YearHop:
    """A question split into the event that names the year and what is asked of that year."""

    event: str
    ask: str
    offset: int


_AFTER = r"(?:after|following)"
_BEFORE = r"(?:before|preceding)"
# (pattern, offset): each has the groups `event` and `ask`, in either order.
_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = tuple((re.compile(p, re.IGNORECASE), o) for p, o in (
    # English
    (rf"^(?:in )?the year {_AFTER} (?P<event>[^,?]+?)\s*,\s*(?P<ask>.+)$", 1),
    (rf"^(?P<ask>.+?)\s+(?:in )?the year {_AFTER} (?P<event>[^,?]+)\??$", 1),
    (rf"^(?:in )?the year {_BEFORE} (?P<event>[^,?]+?)\s*,\s*(?P<ask>.+)$", -1),
    (rf"^(?P<ask>.+?)\s+(?:in )?the year {_BEFORE} (?P<event>[^,?]+)\??$", -1),
    (r"^(?:in )?the (?:same )?year (?:when |that |in which )?(?P<event>[^,?]+?)\s*,\s*(?P<ask>.+)$", 0),
    (r"^(?P<ask>.+?)\s+in the (?:same )?year (?:when |that |in which )?(?P<event>[^,?]+)\??$", 0),
    # Russian
    (r"^(?:через год|на следующий год|в следующем году) после (?P<event>[^,?]+?)\s*,\s*(?P<ask>.+)$", 1),
    (r"^(?P<ask>.+?)\s+(?:через год|на следующий год|в следующем году) после (?P<event>[^,?]+)\??$", 1),
    (r"^за год до (?P<event>[^,?]+?)\s*,\s*(?P<ask>.+)$", -1),
    (r"^(?P<ask>.+?)\s+за год до (?P<event>[^,?]+)\??$", -1),
    (r"^в (?:том )?год(?:у)?,? (?:когда |в котором )(?P<event>[^,?]+?)\s*,\s*(?P<ask>.+)$", 0),
    (r"^(?P<ask>.+?)\s+в (?:том )?год(?:у)?,? (?:когда |в котором )(?P<event>[^,?]+)\??$", 0),
    # Kazakh (Cyrillic, typed on a Russian keyboard, Latin)
    (r"^(?P<event>.+?)\s+(?:кейінгі|кейинги|keiıngı|keiingi|keyingi)\s+(?:жылы|jyly|zhyly),?\s+(?P<ask>.+)$", 1),
    (r"^(?P<event>.+?)\s+(?:алдыңғы|алдынгы|aldyñğy|aldyngy)\s+(?:жылы|jyly|zhyly),?\s+(?P<ask>.+)$", -1),
    (r"^(?P<event>.+?(?:ған|ген|қан|кен|ган|кан|ğan|gen|qan|ken))\s+(?:жылы|jyly|zhyly),\s*(?P<ask>.+)$", 0),
))
_MIN_WORDS = 2


def year_hop(question: str) -> YearHop | None:
    """The event and the asked part of a question that names its year by an event, or None."""
    text = " ".join(question.split())
    for pattern, offset in _PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        event, ask = match.group("event").strip(" ,?"), match.group("ask").strip(" ,")
        if len(event.split()) >= _MIN_WORDS and len(ask.split()) >= _MIN_WORDS:
            return YearHop(event, ask, offset)
    return None
