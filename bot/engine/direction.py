"""Which side a question's visit or goods go to: "приехал в Москву", "came to Astana", "Ресейге
барды", "Ресей нарығына жібереді", "imports from Russia".

A visit fact is about one direction (Medvedev to Kazakhstan, Nazarbayev to Moscow), and so is a
fact about the goods one side sells the other; the words of both are much alike, so the direction
the question names decides between them. The patterns are case endings and prepositions, kept here
like the hops' word order: grammar, not vocabulary.
"""

from __future__ import annotations

import re
from typing import Literal

Side = Literal["russia", "kazakhstan"]

_RU = r"(?:russia|rusia|russa|rossia|russsia)"
_KZ = r"(?:kazakhstan|kazahstan|kazakstan|kazkhstan|kazakhsta|kazakshtan|qazaqstan)"
"""The English names of the two sides, as people mistype them ("invested in rusia")."""

_TO: dict[Side, re.Pattern[str]] = {
    "russia": re.compile(
        rf"\b(?:в|во)\s+(?:москв[уа]|росси[юя]|рф|кремль)\b|\b(?:to|into)\s+(?:moscow|{_RU}|the\s+kremlin)\b"
        r"|\binto\s+(?:the\s+)?russian\s+economy|в\s+(?:экономику\s+россии|российскую\s+экономику)"
        r"|(?:ресей|resei)\s+(?:экономикасына|ekonomikasyna)"
        r"|(?:мәскеуге|маскеуге|ресейге|кремльге|mäskeuge|maskeuge|reseige|reseyge|kremlge)"
        r"|ресей\s+нарығына|ресей\s+нарыгына|resei\s+naryğyna|на\s+российский\s+рынок|russian\s+market", re.IGNORECASE),
    "kazakhstan": re.compile(
        rf"\b(?:в|во)\s+(?:астан[уа]|алматы|казахстан|рк|акорд[уа])\b|\b(?:to|into)\s+(?:astana|almaty|{_KZ}|akorda)\b"
        r"|\binto\s+(?:the\s+)?kazakh(?:stan'?s|stani)?\s+economy|в\s+(?:экономику\s+казахстана|казахстанскую\s+экономику)"
        r"|(?:қазақстан|казакстан|qazaqstan)\s+(?:экономикасына|ekonomikasyna)"
        r"|(?:астанаға|астанага|алматыға|алматыга|қазақстанға|казакстанга|ақордаға|акордага"
        r"|qazaqstanğa|kazakstanga|qazaqstanga|astanağa|astanaga|almatyğa|almatyga)"
        r"|\b(?:бізге|бизге|bizge|bızge)\b"  # "Ресей бізге не сатады?": the asker speaks for Kazakhstan
        r"|\b(?:біздің|биздин|bızdıñ|bizdin)\s+(?:экономика|ekonomika)\w*|экономикамызға|экономикамызга|ekonomikamyzğa"
        r"|ekonomikamyzga", re.IGNORECASE),  # … and for its economy ("Ресей біздің экономикаға қанша салды?")
}


_FROM: dict[Side, re.Pattern[str]] = {
    "russia": re.compile(rf"\bиз\s+росси[иі]\b|\bfrom\s+{_RU}\b|ресейден|reseiden", re.IGNORECASE),
    "kazakhstan": re.compile(rf"\bиз\s+казахстана\b|\bfrom\s+{_KZ}\b|қазақстаннан|казакстаннан|qazaqstannan",
                             re.IGNORECASE),
}
# Where money or goods end up: "инвестиции в России", "Ресейде" (not "Ресейден", from Russia). Not for
# visits: "in Russia" there says where two leaders met, which a follow-up ("and in November?") carries on.
_IN: dict[Side, re.Pattern[str]] = {
    "russia": re.compile(rf"\bв\s+(?:москве|россии|рф)\b|\bin\s+(?:moscow|{_RU})\b"
                         r"|(?:мәскеуде|маскеуде|ресейде|mäskeude|maskeude|reseide)(?![нn])", re.IGNORECASE),
    "kazakhstan": re.compile(rf"\bв\s+(?:астане|алматы|казахстане)\b|\bin\s+(?:astana|almaty|{_KZ})\b"
                             r"|(?:қазақстанда|казакстанда|qazaqstanda|kazakstanda)(?![нn])", re.IGNORECASE),
}
_OTHER: dict[Side, Side] = {"russia": "kazakhstan", "kazakhstan": "russia"}
_WE_TRADE: dict[Side, re.Pattern[str]] = {
    "russia": re.compile(r"\b(?:сатамыз|satamyz)\b", re.IGNORECASE),
    "kazakhstan": re.compile(r"\b(?:сатып\s+аламыз|satyp\s+alamyz)\b", re.IGNORECASE),
}
"""Goods "we" sell or buy, said by the Kazakh verb's ending ("Ал біз оларға не сатамыз?"): the asker speaks for Kazakhstan,
as the bot's users do, so what "we" sell goes to Russia and what "we" buy comes from it."""


_BUYS_RE = re.compile(r"\b(?:закупа\w*|покупа\w*|купил\w*|закупил\w*|buys?|bought|purchas\w*)\b|сатып\s+ал|satyp\s+al",
                      re.IGNORECASE)
"""Buying: goods bought "в России" (in Russia) come from there, so where the buying happens says nothing of where they go."""


def destination(text: str, located: bool = False) -> Side | None:
    """The side a question's visit or goods go to ("to Moscow", or the other side of "from
    Russia"; with `located`, also where they are: "in Russia"), or None when it names neither or both."""
    found = {side for side, pattern in _TO.items() if pattern.search(text)}
    if located:
        if not _BUYS_RE.search(text):
            found |= {side for side, pattern in _IN.items() if pattern.search(text)}
        found |= {side for side, pattern in _WE_TRADE.items() if pattern.search(text)}
    found |= {_OTHER[side] for side, pattern in _FROM.items() if pattern.search(text)}
    return next(iter(found)) if len(found) == 1 else None


_SIDE_STEM = r"(?:росси|рф|рк|казахстан|москв|астан|алмат|russia|kazakhstan|moscow|astana|almaty)"
_WAY_RE = re.compile(rf"\b(?:в|во|из|to|from|into)\s+(?={_SIDE_STEM})"
                     r"|\b(?P<side>ресей|resei|мәскеу|маскеу|mäskeu|астана|алматы|astana|almaty|қазақстан|казакстан"
                     r"|qazaqstan|kazakstan)(?:ге|ға|га|ке|қа|ка|ден|дан|нан|нен|тан|тен|ge|ğa|ga|den|dan|nan|nen)\b",
                     re.IGNORECASE)


def without_direction(text: str) -> str:
    """The text with its sides named without a way ("в РФ" → "РФ", "Ресейге" → "Ресей"): for a
    follow-up that names the other direction of trade, which the old way would contradict."""
    return " ".join(_WAY_RE.sub(lambda m: m.group("side") or "", text).split())


_SIDE_WORD_RE = re.compile(
    r"\b(?P<side>(?P<ru>росси\w*|рф|ресей\w*|resei\w*|reseı\w*|russia\w*|rusia\w*|moscow|москв\w*|мәскеу\w*|maskeu\w*"
    r"|кремл\w*|kreml\w*|северн\w*\s+сосед\w*|northern\s+neighbou?r\w*|солтүстік\s+көрші\w*|солтустик\s+корши\w*"
    r"|soltüstık\s+körşı\w*|soltustik\s+korshi\w*)|(?P<kz>казахстан\w*|қазақстан\w*|казакстан\w*|qazaqstan\w*|kazakstan\w*|kazakhstan\w*|kazahstan\w*"
    r"|рк|astana|астан\w*|акорд\w*|ақорд\w*|akorda))\b",
    re.IGNORECASE)
"""A side named in any language and script, with its case ending ("Россией", "Қазақстанның", "Reseidı"), or as
Kazakhstan's northern neighbour."""
_AGENT_RE = re.compile(r"^(?:россией|казахстаном|москвой|астаной)$", re.IGNORECASE)
_OBJECT_RE = re.compile(r"^(?:россию|москву|астану|ресейді|ресейди|reseidi|reseıdı|reseidı|қазақстанды|казакстанды|qazaqstandy"
                        r"|kazakstandy)$", re.IGNORECASE)
"""A side in the accusative ("Россию", "Қазақстанды"): what is acted on, wherever it stands ("Россию Казахстан признал")."""
"""A side in the instrumental ("признана Россией"): the doer of a Russian passive, wherever it stands."""


def acting_side(text: str) -> Side | None:
    """The side a sentence names first, as the one that acts ("When did Kazakhstan recognise Russia?": Kazakhstan),
    unless it is in the accusative ("Россию Казахстан признал"), or the doer a passive names ("recognised by Russia",
    "признана Россией"); None when no side is named."""
    by = re.search(r"\bby\s+(?:the\s+)?(?P<side>\w+)", text, re.IGNORECASE)
    agent = _SIDE_WORD_RE.fullmatch(by.group("side")) if by is not None else None
    if agent is not None:
        return _side_of(agent)
    named = list(_SIDE_WORD_RE.finditer(text))
    doers = {_side_of(m) for m in named if _AGENT_RE.match(m.group("side"))}
    if len(doers) == 1:
        return doers.pop()
    subjects = [m for m in named if not _OBJECT_RE.match(m.group("side"))]
    return _side_of(subjects[0]) if subjects else _side_of(named[0]) if named else None


def _side_of(match: re.Match[str]) -> Side:
    return "russia" if match.group("ru") else "kazakhstan"
