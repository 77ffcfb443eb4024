"""Answers as the engine composes them: statements, each with its own numbered citations.

One fact told in full; a list (a year, a keyword query, "which agreements …"); a comparison of
two years' figures with the change computed from the stored values; a short overview of a
topic; small talk; and declines, including the near miss that names what the sources don't say
and gives the closest fact. Nothing here knows about Telegram: rendering lives in handlers/.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from bot.dates import format_date, format_period
from bot.i18n import t
from bot.model import SCALES, Citation, Claim, Fact, Source
from bot.sentences import first_sentence

Status = Literal["fact", "decline"]
Kind = Literal["fact", "list", "compare", "overview", "smalltalk", "decline"]
Script = Literal["cyrl", "latn"]

MAX_LIST = 6
RATIO_SHOWN = 1.5  # from this ratio of two figures on, a comparison says "×2.1" as well
FULL_TEXT_BUDGET = 650  # characters of fact texts a list may spend before it shows titles only
AFTER_EVENT_BUDGET = 800  # characters an answer led by the event that dates it may tell, "see also" included
EVENT_LEAD_MIN = 120  # characters the event leading a long answer keeps of its first sentence
SHORT_LIST = 3  # a list this short shows each fact's first sentence when the whole texts are too long
REPLY_LIMIT = 900
"""Characters a reply's body stays under (a few lines on a phone screen, its source list apart): past it the
"see also" lines go first, then the suggestions, then the later statements keep their first sentence, then
the last of them are left to "…and n more"."""
KIND_ORDER = {"treaty": 0, "visit": 1, "event": 2, "figure": 3, "trade": 4}


@dataclass(frozen=True, slots=True)
class Reference:
    """A numbered entry of an answer's source list: one source and the lines cited from it."""

    n: int
    source: Source
    lines: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Segment:
    """One statement of an answer and the reference numbers that back it."""

    text: str
    refs: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Answer:
    """What the engine says: body segments with numbered references, or a decline with suggestions.

    `kind` says how it was composed; `script` is the script a Kazakh reply is shown in (a question
    typed in Latin gets a Latin answer), in plain ASCII letters where `plain_latin` (the asker typed
    "shilde", not "şılde") or with і dotted where `dotted_i` ("şilde"); `intro` is a lead line above the segments."""

    query: str
    lang: str
    status: Status
    segments: tuple[Segment, ...]
    references: tuple[Reference, ...]
    facts: tuple[Fact, ...]
    suggestions: tuple[Fact, ...] = ()
    heading: str = ""
    when: str = ""
    related: tuple[Segment, ...] = ()
    kind: Kind = "fact"
    script: Script = "cyrl"
    plain_latin: bool = False
    dotted_i: bool = False
    intro: str = ""
    more: int = 0

    @property
    def answered(self) -> bool:
        return self.status != "decline"


class RefNumbering:
    """Numbers sources in the order a message first cites them: [1], [2], …"""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.sources = sources
        self.order: dict[str, int] = {}
        self.lines: dict[str, list[int]] = defaultdict(list)

    def add(self, cites: Iterable[Citation]) -> tuple[int, ...]:
        out: list[int] = []
        for cite in cites:
            n = self.order.setdefault(cite.source, len(self.order) + 1)
            if cite.line not in self.lines[cite.source]:
                self.lines[cite.source].append(cite.line)
            if n not in out:
                out.append(n)
        return tuple(out)

    def references(self) -> tuple[Reference, ...]:
        return tuple(Reference(n, self.sources[sid], tuple(sorted(self.lines[sid])))
                     for sid, n in sorted(self.order.items(), key=lambda kv: kv[1]))


def fact_when(fact: Fact, lang: str) -> str:
    """The date of a fact as a reader sees it (a period, a date, or the versions in dispute)."""
    if fact.start and fact.end:
        return format_period(fact.start, fact.end, lang)
    if fact.date or fact.start:
        return format_date(fact.date or fact.start, lang)  # type: ignore[arg-type]
    dated = sorted({c.date for c in fact.claims if c.date})
    return " / ".join(format_date(d, lang) for d in dated)


_YEAR_ONLY_RE = re.compile(r"\d{4}(?:\s*(?:ж|г)\.)?")


def _led_by_date(fact: Fact, lang: str, words: str) -> str:
    """`words` (a fact's title or text) led by the fact's date, unless they already name it."""
    when = fact_when(fact, lang)
    if not when or when in words or (_YEAR_ONLY_RE.fullmatch(when) and when[:4] in words):
        return words
    return f"{when} — {words}"


def list_line(fact: Fact, lang: str) -> str:
    """A fact as one line of a list: its date first, unless the title already names it."""
    return _led_by_date(fact, lang, fact.title[lang])


def dated_text(fact: Fact, lang: str) -> str:
    """A fact's text as one of several told in full: led by its date, unless the text already gives it
    ("май 2008 г. — … в мае 2008 г." names the month as a reader looks it up)."""
    return _led_by_date(fact, lang, fact.text[lang])


def importance(fact: Fact) -> tuple[int, int, tuple[int, int, int]]:
    """Most important first within a year: treaties, visits, events, then figures; precise dates first."""
    when = fact.when
    return (KIND_ORDER.get(fact.kind, 5), 0 if when and when.day else 1, when.key if when else (9999, 0, 0))


class Composer:
    """Builds Answers over one store's sources."""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.sources = sources

    def fact(self, fact: Fact, lang: str, question: str = "", related: Iterable[Fact] = (),
             intro: str = "", status: Status = "fact", kind: Kind = "fact") -> Answer:
        """One fact told in full (each source's version where they disagree), then close matches."""
        refs = RefNumbering(self.sources)
        segments: list[Segment] = []
        segments.append(Segment(fact.text[lang], refs.add(fact.cite)))
        if fact.claims:
            segments.append(Segment(t(lang, "answer.disputed", n=len(fact.claims)), ()))
            for claim in fact.claims:
                segments.append(Segment(claim.note[lang], refs.add(claim.cite)))
        others = tuple(related)
        see_also = tuple(Segment(list_line(f, lang), refs.add(f.citations())) for f in others)
        return Answer(question, lang, status, tuple(segments), refs.references(), (fact, *others),
                      heading=fact.title[lang], when=fact_when(fact, lang), related=see_also, kind=kind,
                      intro=intro)

    @staticmethod
    def office_holder(names: str, year: int, lang: str, count: int = 1) -> str:
        """The line that names who held an office in a year, before the fact that shows him in it."""
        return t(lang, "answer.office_holder" if count == 1 else "answer.office_holders", name=names, year=year)

    def with_spread(self, answer: Answer, lang: str) -> Answer:
        """A fact whose sources give different figures in one unit, asked how far apart they are ("how
        many km do the sources differ by?"): the gap between the largest and the others, worked out."""
        fact = answer.facts[0]
        valued = sorted({c.value * SCALES.get(c.scale or "", 1) for c in fact.claims
                         if c.value is not None and c.unit == fact.claims[0].unit}, reverse=True)
        if len(valued) < 2 or fact.claims[0].unit is None:
            return answer
        unit = t(lang, f"unit.{fact.claims[0].unit}")
        gaps = ", ".join(f"{_number(valued[0], lang)} − {_number(v, lang)} = {_number(valued[0] - v, lang)} {unit}"
                         for v in valued[1:])
        return replace(answer, segments=(*answer.segments, Segment(t(lang, "answer.claims_apart", gaps=gaps), ())))

    def provenance(self, facts: Sequence[Fact], lang: str, question: str) -> Answer:
        """"Who wrote this?" after an answer: the sources its facts cite, each with who wrote or published it."""
        refs = RefNumbering(self.sources)
        for fact in facts:
            refs.add(fact.citations())
        segments = tuple(Segment(f"{who}, «{ref.source.title[lang]}»" if (who := ref.source.who(lang))
                                 else f"«{ref.source.title[lang]}»", (ref.n,)) for ref in refs.references())
        return Answer(question, lang, "fact", segments, refs.references(), tuple(facts),
                      heading=facts[0].title[lang], intro=t(lang, "answer.sources_intro"))

    def other_year(self, fact: Fact, lang: str, question: str) -> Answer:
        """A claim checked against the sources, which date its fact to another year: the fact,
        led by that note (answered: the claim's question is settled by it)."""
        return self.fact(fact, lang, question, intro=t(lang, "answer.other_year"))

    def near_miss(self, fact: Fact, lang: str, question: str, missing: str) -> Answer:
        """The sources hold a close fact but not the asked detail: say so, then give the fact.
        Counted as a decline: the question itself is not answered."""
        intro = t(lang, "answer.not_said", what=t(lang, f"missing.{missing}"))
        return self.fact(fact, lang, question, intro=intro, status="decline", kind="decline")

    def listing(self, facts: Sequence[Fact], lang: str, question: str, heading: str,
                in_full: int = 0, dated: bool = False) -> Answer:
        """Several facts, one line each with its own citation (the first `in_full` told in full, as
        far as FULL_TEXT_BUDGET goes: the first always, the next only while they fit). `dated`: every
        fact as its date and title, however short ("which came first?" asks the dates)."""
        refs = RefNumbering(self.sources)
        shown = list(facts[:MAX_LIST])
        leads: list[str] | None = None
        if dated:
            in_full = 0
        elif sum(len(f.text[lang]) for f in shown) <= FULL_TEXT_BUDGET:
            in_full = len(shown)  # a short list is told in full: the details are what was asked
        elif not in_full and len(shown) <= SHORT_LIST:
            # a few facts too long to tell whole: each one's first sentence, where the details are; if one must
            # be cut, each is its date and title, which name what it is ("… туралы хаттамаларға" ends a sentence)
            leads = [first_sentence(f.text[lang], FULL_TEXT_BUDGET // len(shown)) for f in shown]
            if any(lead.endswith("…") for lead in leads):
                leads = None
        segments: list[Segment] = []
        spent = 0
        for k, fact in enumerate(shown):
            if leads is not None:
                text = leads[k]
            elif k < in_full and (k == 0 or spent + _told_length(fact, lang) <= FULL_TEXT_BUDGET):
                # A fact whose sources disagree says so in its text; each version follows, as in a fact's answer.
                segments.append(Segment(dated_text(fact, lang) if len(shown) > 1 else fact.text[lang], refs.add(fact.cite)))
                segments.extend(Segment(claim.note[lang], refs.add(claim.cite)) for claim in fact.claims)
                spent += _told_length(fact, lang)
                continue
            elif k < in_full and not (lead := first_sentence(fact.text[lang], FULL_TEXT_BUDGET - spent)).endswith("…"):
                text = lead  # (a part asked too, told by its first sentence where the whole text does not fit)
                spent += len(lead)
            else:
                text = "• " + list_line(fact, lang)
            segments.append(Segment(text, refs.add(fact.citations())))
        return Answer(question, lang, "fact", tuple(segments), refs.references(), tuple(shown), heading=heading,
                      kind="list", more=max(len(facts) - len(shown), 0))

    def tally(self, facts: Sequence[Fact], lang: str, question: str) -> Answer:
        """"How many times in all": the occurrences each fact records, added up, then the facts
        (one fact is told as usual, its count first)."""
        total = sum(f.times or 0 for f in facts)
        if len(facts) == 1:
            return self.fact(facts[0], lang, question, intro=t(lang, "answer.times_one", n=total))
        return replace(self.listing(facts, lang, question, ""), intro=t(lang, "answer.times_total", n=total))

    def people_count(self, fact: Fact, lang: str, question: str) -> Answer:
        """"How many Kazakh cosmonauts flew from Baikonur?": the people the fact names, counted, then the fact."""
        n = len(fact.people[lang]) if fact.people else 0
        return self.fact(fact, lang, question, intro=t(lang, "answer.people_count", n=n))

    def overview(self, facts: Sequence[Fact], lang: str, question: str, heading: str) -> Answer:
        """A topic in short: its main facts told in full as far as the budget goes (three at most), the rest as lines."""
        answer = self.listing(facts[:4], lang, question, heading, in_full=3)
        return Answer(answer.query, lang, "fact", answer.segments, answer.references, answer.facts,
                      heading=heading, kind="overview", more=max(len(facts) - 4, 0))

    def compare(self, first: Fact, second: Fact, lang: str, question: str, by_year: bool = True,
                stated: Fact | None = None) -> Answer:
        """Two figures, each with its citation, and the difference computed from the stored values:
        two years of one metric (a change), or two metrics (which is larger, by how much); then the
        change as a source states it (`stated`, "grew by 42.3%"), which a bound may blur."""
        refs = RefNumbering(self.sources)
        segments = [Segment(f.text[lang], refs.add(f.citations())) for f in (first, second)]
        a, b = first.value, second.value
        if a is not None and b is not None and first.unit == second.unit:
            diff = b - a
            unit = t(lang, f"unit.{first.unit}") if first.unit and first.unit != "count" else ""
            currency = f" {first.currency}" if first.currency and first.unit != "percent" else ""
            # A lower bound ("over 15") makes the change a bound too.
            bound = {("over", None): "≤ ", (None, "over"): "≥ "}.get((first.qualifier, second.qualifier), "")
            bound = "≈ " if not bound and (first.qualifier or second.qualifier) else bound
            amount = f"{bound}{'+' if diff >= 0 else '−'}{_number(abs(diff), lang)} {unit}{currency}".strip()
            share = ""
            # "How many times more?": the ratio too, once one value is half as large again as the other.
            low, high = sorted((a, b))
            times = f"×{_number(high / low, lang, 1)}" if low > 0 and high / low >= RATIO_SHOWN else ""
            if a and first.unit != "percent":
                share = f" ({'+' if diff >= 0 else '−'}{_number(abs(diff) / a * 100, lang, 1)}%{', ' + times if times else ''})"
            if by_year:
                segments.append(Segment(t(lang, "answer.change", start=_year(first), end=_year(second),
                                          amount=amount + share), ()))
            else:
                ratio = f" ({times})" if times else ""
                segments.append(Segment(t(lang, "answer.difference", amount=amount.lstrip("+−") + ratio), ()))
        if stated is not None:
            segments.append(Segment(stated.text[lang], refs.add(stated.citations())))
        heading = (t(lang, "answer.compare_heading", start=_year(first), end=_year(second)) if by_year
                   else f"{first.title[lang]} / {second.title[lang]}")
        facts = (first, second, stated) if stated is not None else (first, second)
        return Answer(question, lang, "fact", tuple(segments), refs.references(), facts,
                      heading=heading, kind="compare")

    def elapsed(self, first: Fact, second: Fact | None, year: int | None, lang: str, question: str,
                ended: frozenset[str] = frozenset()) -> Answer:
        """Years between two dated facts, or between a fact and a named year, with citations. A fact
        in `ended` counts from its end ("the end of Kasym Khan's reign": 1521, not 1511)."""
        refs = RefNumbering(self.sources)
        facts = [f for f in (first, second) if f is not None]
        facts.sort(key=lambda f: f.when.key if f.when else (0, 0, 0))
        segments = [Segment(f.text[lang], refs.add(f.citations())) for f in facts]
        days = days_apart(facts[0], facts[1]) if len(facts) > 1 and not ended else None
        if days is not None and facts[0].when and facts[1].when:
            # Two days of one year ("17 and 20 December 1991"): the days between them, not "0 years".
            line = t(lang, "answer.days_apart", start=format_date(facts[0].when, lang),
                     end=format_date(facts[1].when, lang), n=days)
        else:
            start = _year(facts[0], facts[0].id in ended)
            end = _year(facts[1], facts[1].id in ended) if len(facts) > 1 else (year or start)
            low, high = sorted((start, end))
            line = t(lang, "answer.elapsed", start=low, end=high, n=high - low)
        segments.append(Segment(line, ()))
        return Answer(question, lang, "fact", tuple(segments), refs.references(), tuple(facts), kind="compare")

    def ago(self, fact: Fact, this_year: int, lang: str, question: str) -> Answer:
        """A fact with the years from it to `this_year`, with its citations."""
        return self._computed(fact, t(lang, "answer.ago", year=_year(fact), n=this_year - _year(fact)), lang, question)

    def term_end(self, fact: Fact, years: int, lang: str, question: str) -> Answer:
        """A fact that gives a term from a date ("leased for 20 years" in 1994) with the year the
        term runs to, computed from the two (the sources state the term, not its end)."""
        start = _year(fact)
        return self._computed(fact, t(lang, "answer.term_end", start=start, n=years, end=start + years), lang, question)

    def anniversary(self, fact: Fact, n: int, lang: str, question: str) -> Answer:
        """A dated fact with the year its n-th anniversary falls in (its year plus n)."""
        start = _year(fact)
        return self._computed(fact, t(lang, "answer.anniversary", n=n, start=start, year=start + n), lang, question)

    def span(self, fact: Fact, years: tuple[int, int], lang: str, question: str) -> Answer:
        """A fact for a span of years ("1998–2007") with the number of years it covers, both ends counted."""
        start, end = years
        return self._computed(fact, t(lang, "answer.span", start=start, end=end, n=end - start + 1), lang, question)

    def _computed(self, fact: Fact, line: str, lang: str, question: str) -> Answer:
        """A cited fact, then a line the bot computed from it (which cites nothing itself)."""
        refs = RefNumbering(self.sources)
        segments = (Segment(fact.text[lang], refs.add(fact.citations())), Segment(line, ()))
        return Answer(question, lang, "fact", segments, refs.references(), (fact,), kind="fact")

    def after_event(self, event: Fact, answer: Answer, lang: str, question: str, claim: Claim | None = None) -> Answer:
        """`answer` led by the fact that gave it its year ("in the year Yeltsin won…"), every
        statement keeping its own citation under one renumbered source list (`claim`: the source's
        version of the event's date it was counted from, where the sources disagree)."""
        refs = RefNumbering(self.sources)
        # The event only dates what is asked: its first sentence (its date and what happened) is enough, and
        # less of it before a long answer (two documents of the month after a treaty told at length).
        asked = len(answer.heading) + sum(len(segment.text) for segment in answer.segments)
        limit = max(EVENT_LEAD_MIN, min(FULL_TEXT_BUDGET // 2, AFTER_EVENT_BUDGET - asked))
        lead = [Segment(first_sentence(event.text[lang], limit), refs.add(event.citations()))]
        if claim is not None:
            lead.append(Segment(claim.note[lang], refs.add(claim.cite)))
        cited = {r.n: r for r in answer.references}

        def moved(segment: Segment) -> Segment:
            return Segment(segment.text, tuple(dict.fromkeys(
                n for old in segment.refs if old in cited for n in refs.add(Citation(cited[old].source.id, line)
                                                                         for line in cited[old].lines))))

        segments = (*lead, *map(moved, answer.segments))
        told = len(answer.heading) + sum(len(segment.text) for segment in segments)
        # A long answer (a treaty the sources date two ways, after the event that dates it) keeps to a few lines:
        # its "see also" goes, and with it any source only those lines cited.
        fits = told + sum(len(segment.text) for segment in answer.related) <= AFTER_EVENT_BUDGET
        related = tuple(map(moved, answer.related)) if fits else ()
        return replace(answer, query=question, segments=segments, related=related, references=refs.references(),
                       facts=(event, *answer.facts))

    @staticmethod
    def smalltalk(kind: str, lang: str, question: str) -> Answer:
        return Answer(question, lang, "fact", (Segment(t(lang, f"smalltalk.{kind}"), ()),), (), (), kind="smalltalk")

    @staticmethod
    def decline(question: str, lang: str, suggestions: Sequence[Fact] = (), key: str = "answer.decline") -> Answer:
        return Answer(question, lang, "decline", (Segment(t(lang, key), ()),), (), (),
                      suggestions=tuple(suggestions), kind="decline")


def days_apart(first: Fact, second: Fact) -> int | None:
    """The days between two facts dated to different days of one year, or None (years are counted then)."""
    a, b = first.when, second.when
    if a is None or b is None or a.year != b.year or not (a.day and b.day and a.month and b.month):
        return None
    gap = abs((dt.date(b.year, b.month, b.day) - dt.date(a.year, a.month, a.day)).days)
    return gap or None


def _told_length(fact: Fact, lang: str) -> int:
    """The characters a fact told in full takes: its text and each source's version."""
    return len(fact.text[lang]) + sum(len(claim.note[lang]) for claim in fact.claims)


def _year(fact: Fact, at_end: bool = False) -> int:
    if at_end and fact.end is not None:
        return fact.end.year
    return fact.when.year if fact.when else 0


def _number(value: float, lang: str, digits: int = 2) -> str:
    """A number as the reader writes it: no trailing zeros, a decimal comma in kk and ru."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if lang in ("kk", "ru") else text


def heading_line(answer: Answer) -> str:
    """The fact's title with its date, unless the title already names the year."""
    if answer.when and not any(tok in answer.heading for tok in answer.when.split() if tok.isdigit()):
        return f"{answer.heading} ({answer.when})"
    return answer.heading


def body_lines(answer: Answer) -> list[str]:
    """The answer's body as lines of plain text (before a Latin-script reply is transliterated)."""
    lines: list[str] = []
    if answer.intro:
        lines.append(answer.intro)
    if answer.heading:
        lines.append(heading_line(answer))
    lines.extend(f"{seg.text} {_marks(seg.refs)}".rstrip() for seg in answer.segments)
    if answer.related:
        lines.append(t(answer.lang, "answer.see_also"))
        lines.extend(f"• {seg.text} {_marks(seg.refs)}".rstrip() for seg in answer.related)
    if answer.suggestions:
        lines.append(t(answer.lang, "answer.suggest"))
        lines.extend(f"• {f.title[answer.lang]}" for f in answer.suggestions)
    if answer.more:
        lines.append(t(answer.lang, "group.more", n=answer.more))
    return lines


def _marks(refs: tuple[int, ...]) -> str:
    return "".join(f"[{n}]" for n in refs)


def reply_length(answer: Answer) -> int:
    """The length of the body `render_text.body_text` shows (in Cyrillic; a Latin reply is about as long)."""
    return len("\n".join(body_lines(answer)))


def fitted(answer: Answer, limit: int = REPLY_LIMIT) -> Answer:
    """The answer cut to under `limit` characters, least needed first: "see also" lines, suggestions, then
    each later statement to its first sentence (the first statement is what was asked), then the last
    statements, counted in "…and n more"; references no longer cited are dropped and the rest renumbered."""
    if reply_length(answer) < limit:
        return answer
    short = answer
    while short.related and reply_length(short) >= limit:
        short = replace(short, related=short.related[:-1])
    while short.suggestions and reply_length(short) >= limit:
        short = replace(short, suggestions=short.suggestions[:-1])
    segments = list(short.segments)
    for i in range(len(segments) - 1, 0, -1):
        if reply_length(short) < limit:
            break
        segments[i] = Segment(first_sentence(segments[i].text, limit // 4), segments[i].refs)
        short = replace(short, segments=tuple(segments))
    while len(short.segments) > 1 and reply_length(short) >= limit:
        short = replace(short, segments=short.segments[:-1], more=short.more + 1)
    return _renumbered(short)


def _renumbered(answer: Answer) -> Answer:
    """The answer with references numbered [1], [2], … in the order its statements still cite them."""
    order: dict[int, int] = {}
    for seg in (*answer.segments, *answer.related):
        for n in seg.refs:
            order.setdefault(n, len(order) + 1)
    if all(order.get(ref.n) == ref.n for ref in answer.references):
        return answer

    def renumber(segs: tuple[Segment, ...]) -> tuple[Segment, ...]:
        return tuple(Segment(seg.text, tuple(order[n] for n in seg.refs)) for seg in segs)

    references = sorted((replace(ref, n=order[ref.n]) for ref in answer.references if ref.n in order), key=lambda r: r.n)
    return replace(answer, segments=renumber(answer.segments), related=renumber(answer.related),
                   references=tuple(references))
