"""Which side a question's visit goes to: "приехал в Москву", "came to Astana", "Ресейге барды".

A visit fact is about one direction (Medvedev to Kazakhstan, Nazarbayev to Moscow); the words of
both are much alike, so the direction the question names decides between them. The patterns are
case endings and prepositions, kept here like the hops' word order: grammar, not vocabulary.
"""

from __future__ import annotations

import re
from typing import Literal

Side = Literal["russia", "kazakhstan"]

_TO: dict[Side, re.Pattern[str]] = {
    "russia": re.compile(
        r"\b(?:в|во)\s+(?:москв[уа]|росси[юя]|рф|кремль)\b|\bto\s+(?:moscow|russia|the\s+kremlin)\b"
        r"|(?:мәскеуге|маскеуге|ресейге|кремльге|mäskeuge|maskeuge|reseige|reseyge|kremlge)", re.IGNORECASE),
    "kazakhstan": re.compile(
        r"\b(?:в|во)\s+(?:астан[уа]|алматы|казахстан|рк|акорд[уа])\b|\bto\s+(?:astana|almaty|kazakhstan|akorda)\b"
        r"|(?:астанаға|астанага|алматыға|алматыга|қазақстанға|казакстанга|ақордаға|акордага"
        r"|qazaqstanğa|kazakstanga|qazaqstanga|astanağa|astanaga|almatyğa|almatyga)", re.IGNORECASE),
}


def destination(text: str) -> Side | None:
    """The side a question's visit goes to, or None when it names neither or both."""
    found = [side for side, pattern in _TO.items() if pattern.search(text)]
    return found[0] if len(found) == 1 else None
