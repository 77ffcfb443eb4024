"""The "on this day" message the Broadcaster sends each subscription, in the chat's language.

One function renders it for the minute tick and for `kzru-bot broadcast --date` alike (both get
it from make_renderer), so the two send the same text and buttons for the same chat and date.
Every fact the message names is a numbered line; under the last part, button n opens line n's
fact card and ⚙ the chat's settings (as plain intents, bot/outgoing.py; the Sender makes the
keyboard).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

from bot.anniversaries import AnniversaryItem, Digest, fact_of_the_day
from bot.dates import format_day, format_month_day
from bot.engine import RefNumbering
from bot.i18n import t
from bot.model import Fact, Lang, Source
from bot.outgoing import ButtonIntent, Keyboard, Part, ShowFact, ShowSettings
from bot.sentences import first_sentence
from bot.subscription import Subscription
from handlers.keyboards import NUMBERS_PER_ROW
from handlers.render import marks, references, split_message, years_ago

ONE_LINE = 240
"""Characters of a fact's text an anniversary line shows: its first sentence, cut here if longer."""
SHOWN_UPCOMING = 3
"""Facts of the next anniversary day named under "next anniversary"."""
MAX_NUMBERED = 40
"""Fact lines that get a number and a button (five rows); any further ones keep a bullet. Telegram
takes about a hundred buttons under a message, and a longer keyboard would fail the whole send."""



def make_renderer(sources: Mapping[str, Source]) -> Callable[[Subscription, Digest], list[Part]]:
    def render(sub: Subscription, digest: Digest) -> list[Part]:
        html, fact_ids = digest_message(digest, sub.lang, sources, sub.chat_id)
        texts = split_message(html)
        keyboard = digest_keyboard(fact_ids, sub.lang)
        return [Part(text, keyboard if n == len(texts) - 1 else ()) for n, text in enumerate(texts)]

    return render


def digest_keyboard(fact_ids: Sequence[str], lang: Lang) -> Keyboard:
    """Button n opens the fact of line n (rows of small numbers), then ⚙ for the chat's settings."""
    numbers = [ButtonIntent(str(n), ShowFact(fact_id, lang)) for n, fact_id in enumerate(fact_ids, start=1)]
    rows = [tuple(numbers[i:i + NUMBERS_PER_ROW]) for i in range(0, len(numbers), NUMBERS_PER_ROW)]
    return (*rows, (ButtonIntent(t(lang, "digest.settings"), ShowSettings()),))


@dataclass(slots=True)
class _Numbers:
    """The numbered fact lines of a message, in order: line n's bullet is "n." and its fact is n-th."""

    fact_ids: list[str] = field(default_factory=list)

    def bullet(self, fact: Fact) -> str:
        if len(self.fact_ids) >= MAX_NUMBERED:
            return "•"
        self.fact_ids.append(fact.id)
        return f"{len(self.fact_ids)}."


def digest_html(digest: Digest, lang: str, sources: Mapping[str, Source], chat_id: int) -> str:
    """The message's text alone (what a reader sees before the buttons)."""
    return digest_message(digest, lang, sources, chat_id)[0]


def digest_message(digest: Digest, lang: str, sources: Mapping[str, Source], chat_id: int) -> tuple[str, list[str]]:
    """The whole message: a title, the anniversaries (or, on a day or week without any, the fact
    of the day and the next anniversary), every statement with numbered citations, then sources;
    and the ids of the facts its numbered lines name, in order."""
    numbering = RefNumbering(sources)
    numbers = _Numbers()
    if digest.mode == "weekly":
        title = t(lang, "digest.week", start=format_day(digest.local_date, lang), end=format_day(digest.week_end, lang))
    else:
        title = t(lang, "digest.today", date=format_day(digest.local_date, lang))
    lines = [f"<b>{escape(title)}</b>"]
    for item in digest.items:
        on = item.on if digest.mode == "weekly" else None
        lines.extend(anniversary_lines(item, lang, numbering.add(item.fact.citations()), on is not None,
                                       numbers.bullet(item.fact)))
    if not digest.items:
        lines.append(escape(t(lang, "digest.week_none" if digest.mode == "weekly" else "digest.none_today")))
        fact = fact_of_the_day(digest, chat_id)
        if fact is not None:
            lines.extend(fact_of_the_day_lines(fact, lang, numbering.add(fact.citations()), numbers.bullet(fact)))
        if digest.upcoming is not None:
            lines.extend(upcoming_lines(digest.upcoming, lang, numbering, numbers))
    return "\n".join(lines) + references(numbering.references(), lang), numbers.fact_ids


def anniversary_lines(item: AnniversaryItem, lang: str, refs: Sequence[int], with_day: bool,
                      bullet: str) -> list[str]:
    """Year, how long ago (a round one marked), the title with its citations, then one line of text."""
    day = f"{escape(format_month_day(item.on.month, item.on.day, lang))}, " if with_day and item.on else ""
    mark = f" 🎉 <b>{escape(t(lang, 'today.round'))}</b>" if item.is_round else ""
    head = f"{bullet} {day}<b>{item.date.year}</b> — {escape(years_ago(item.years_ago, lang))}{mark}: "
    lines = [f"{head}{escape(item.fact.title[lang])} {marks(refs)}".rstrip()]
    text = first_sentence(item.fact.text[lang], ONE_LINE)
    if text:
        lines.append(f"   {escape(text)}")
    return lines


def fact_of_the_day_lines(fact: Fact, lang: str, refs: Sequence[int], bullet: str) -> list[str]:
    lines = ["", f"<b>{escape(t(lang, 'digest.fact_of_day'))}</b>", f"{bullet} {escape(fact.title[lang])}"]
    text = first_sentence(fact.text[lang], ONE_LINE)
    lines.append(f"{escape(text)} {marks(refs)}".strip())
    return lines


def upcoming_lines(upcoming: tuple[dt.date, int, tuple[AnniversaryItem, ...]], lang: str, numbering: RefNumbering,
                   numbers: _Numbers) -> list[str]:
    """The next anniversary: its date, how many days away, and (some of) what it remembers."""
    day, days, items = upcoming
    lines = ["", f"<b>{escape(t(lang, 'digest.next', date=format_month_day(day.month, day.day, lang), days=days))}</b>"]
    for item in items[:SHOWN_UPCOMING]:
        refs = numbering.add(item.fact.citations())
        mark = " 🎉" if item.is_round else ""
        head = f"{numbers.bullet(item.fact)} <b>{item.date.year}</b>{mark}"
        lines.append(f"{head} — {escape(item.fact.title[lang])} {marks(refs)}".rstrip())
    return lines
