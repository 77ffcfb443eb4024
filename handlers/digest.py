"""The "on this day" message the Broadcaster sends each subscription, in the chat's language.

One function renders it for the minute tick and for `kzru-bot broadcast --date` alike (both get
it from make_renderer), so the two send the same text for the same chat and date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from html import escape

from bot.anniversaries import AnniversaryItem, Digest, fact_of_the_day
from bot.dates import format_day, format_month_day
from bot.engine import RefNumbering
from bot.i18n import t
from bot.model import Fact, Source
from bot.subscription import Subscription
from handlers.render import marks, references, split_message, years_ago

ONE_LINE = 240
"""Characters of a fact's text an anniversary line shows: its first sentence, cut here if longer."""
SHOWN_UPCOMING = 3
"""Facts of the next anniversary day named under "next anniversary"."""

_SENTENCE_END = re.compile(r"(\S*)[.!?]\s+(?=[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ«\"(])")
_NOT_AN_END = frozenset({"г", "гг", "ж", "жж", "см", "т", "e.g", "i.e", "no", "st", "mr", "dr"})
"""Words a dot follows without ending the sentence: "1998 г. Президенты", "1998 ж. Президенттер"."""


def make_renderer(sources: Mapping[str, Source]) -> Callable[[Subscription, Digest], list[str]]:
    def render(sub: Subscription, digest: Digest) -> list[str]:
        return split_message(digest_html(digest, sub.lang, sources, sub.chat_id))

    return render


def one_line(text: str, limit: int = ONE_LINE) -> str:
    """A fact's text cut to its first sentence (and to `limit` characters), for a list line."""
    text = text.strip()
    first = text
    for match in _SENTENCE_END.finditer(text):
        word = match.group(1).lower()
        if word not in _NOT_AN_END and not (len(word) == 1 and word.isalpha()):  # not "г." nor an initial
            first = text[: match.start() + len(match.group(0).rstrip())]
            break
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


def digest_html(digest: Digest, lang: str, sources: Mapping[str, Source], chat_id: int) -> str:
    """The whole message: a title, the anniversaries (or, on a day or week without any, the fact
    of the day and the next anniversary), every statement with numbered citations, then sources."""
    numbering = RefNumbering(sources)
    if digest.mode == "weekly":
        title = t(lang, "digest.week", start=format_day(digest.local_date, lang), end=format_day(digest.week_end, lang))
    else:
        title = t(lang, "digest.today", date=format_day(digest.local_date, lang))
    lines = [f"<b>{escape(title)}</b>"]
    for item in digest.items:
        on = item.on if digest.mode == "weekly" else None
        lines.extend(anniversary_lines(item, lang, numbering.add(item.fact.citations()), on is not None))
    if not digest.items:
        lines.append(escape(t(lang, "digest.week_none" if digest.mode == "weekly" else "digest.none_today")))
        fact = fact_of_the_day(digest, chat_id)
        if fact is not None:
            lines.extend(fact_of_the_day_lines(fact, lang, numbering.add(fact.citations())))
        if digest.upcoming is not None:
            lines.extend(upcoming_lines(digest.upcoming, lang, numbering))
    return "\n".join(lines) + references(numbering.references(), lang)


def anniversary_lines(item: AnniversaryItem, lang: str, refs: Sequence[int], with_day: bool) -> list[str]:
    """Year, how long ago (a round one marked), the title with its citations, then one line of text."""
    day = f"{escape(format_month_day(item.on.month, item.on.day, lang))}, " if with_day and item.on else ""
    mark = f" 🎉 <b>{escape(t(lang, 'today.round'))}</b>" if item.is_round else ""
    head = f"• {day}<b>{item.date.year}</b> — {escape(years_ago(item.years_ago, lang))}{mark}: "
    lines = [f"{head}{escape(item.fact.title[lang])} {marks(refs)}".rstrip()]
    text = one_line(item.fact.text[lang])
    if text:
        lines.append(f"   {escape(text)}")
    return lines


def fact_of_the_day_lines(fact: Fact, lang: str, refs: Sequence[int]) -> list[str]:
    lines = ["", f"<b>{escape(t(lang, 'digest.fact_of_day'))}</b> {escape(fact.title[lang])}"]
    text = one_line(fact.text[lang])
    lines.append(f"{escape(text)} {marks(refs)}".strip())
    return lines


def upcoming_lines(upcoming: tuple[dt.date, int, tuple[AnniversaryItem, ...]], lang: str, numbering: RefNumbering) -> list[str]:
    """The next anniversary: its date, how many days away, and (some of) what it remembers."""
    day, days, items = upcoming
    lines = ["", f"<b>{escape(t(lang, 'digest.next', date=format_month_day(day.month, day.day, lang), days=days))}</b>"]
    for item in items[:SHOWN_UPCOMING]:
        refs = numbering.add(item.fact.citations())
        mark = " 🎉" if item.is_round else ""
        lines.append(f"• <b>{item.date.year}</b>{mark} — {escape(item.fact.title[lang])} {marks(refs)}".rstrip())
    return lines
