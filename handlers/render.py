"""Telegram HTML rendering of the core's domain objects; every piece of text is escaped here."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from html import escape

from bot.anniversaries import AnniversaryItem
from bot.dates import format_day, format_month_day
from bot.engine import Answer, Reference, RefNumbering, fact_when
from bot.engine.compose import heading_line
from bot.feedback import FactRating, QuestionPage
from bot.i18n import t
from bot.model import Fact, Source
from bot.render_text import join_source, source_label
from bot.script import latin_reply
from bot.store import FactStore
from bot.usecases.browse import ALL, PAGE_SIZE, DayView, ListPage, ListView
from bot.usecases.operators import Stats
from bot.usecases.subscriptions import SubscriptionView
from bot.zones import zone_label

LIMIT = 4096
QUESTION_SHOWN = 200
"""Characters of a logged question /unanswered shows (a question may have 1000)."""


def years_ago(n: int, lang: str) -> str:
    """"34 years ago" with the right plural form in each language."""
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            form = "one"
        elif 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            form = "few"
        else:
            form = "many"
        return t(lang, f"years_ago.{form}", n=n)
    return t(lang, "years_ago.one" if n == 1 and lang == "en" else "years_ago.many", n=n)


def marks(refs: Iterable[int]) -> str:
    return "".join(f"[{n}]" for n in refs)


def source_line(source: Source, lang: str, lines: Sequence[int] = ()) -> str:
    """Who. Title (linked where there is a url) (kind, date), cited lines: short title under an answer."""
    label = source_label(source, lang, lines, brief=bool(lines))
    title = escape(label.title)
    if label.url:
        title = f'<a href="{escape(label.url, quote=True)}">{title}</a>'
    return join_source(label, title, escape)


def references(refs: Sequence[Reference], lang: str) -> str:
    if not refs:
        return ""
    rows = "\n".join(f"[{r.n}] {source_line(r.source, lang, r.lines)}" for r in refs)
    return f"\n\n<i>{escape(t(lang, 'answer.sources'))}</i>\n{rows}"


def answer_html(answer: Answer, with_sources: bool = True) -> str:
    """An engine answer as one Telegram HTML message (split later if it is too long)."""
    lang = answer.lang
    lines: list[str] = []
    if answer.intro:
        lines.append(f"<i>{escape(answer.intro)}</i>")
    if answer.heading:
        lines.append(f"<b>{escape(heading_line(answer))}</b>")
    lines.extend(f"{escape(seg.text)} {marks(seg.refs)}".rstrip() for seg in answer.segments)
    related = related_facts(answer)
    if related:
        lines.append(f"<i>{escape(t(lang, 'answer.see_also'))}</i>")
        lines.extend(f"{n}. {fact_line(fact, lang)} {marks(seg.refs)}".rstrip()
                     for n, (fact, seg) in enumerate(zip(related, answer.related, strict=True), start=1))
    if answer.suggestions:
        lines.append(escape(t(lang, "answer.suggest")))
        lines.extend(f"{n}. {escape(f.title[lang])}" for n, f in enumerate(answer.suggestions, start=len(related) + 1))
    if answer.more:
        lines.append(escape(t(lang, "group.more", n=answer.more)))
    html = "\n".join(lines) + (references(answer.references, lang) if with_sources else "")
    return latin_reply(html, answer.plain_latin, answer.dotted_i) if answer.script == "latn" else html


def related_facts(answer: Answer) -> tuple[Fact, ...]:
    """The facts of the answer's "See also" lines, in their order (the composer puts them last)."""
    return answer.facts[len(answer.facts) - len(answer.related):] if answer.related else ()


def answer_picks(answer: Answer) -> tuple[str, ...]:
    """The ids of the facts the answer's numbered lines name ("See also", then "Perhaps you meant"):
    button n opens line n."""
    return tuple(f.id for f in (*related_facts(answer), *answer.suggestions))


_YEAR = re.compile(r"\d{4}")
_TRAILING_DATE = (re.compile(r"\s*\(([^()]*)\)$"), re.compile(r",\s*(\d[^,]*)$"))
"""A title's own date at its end: "… (1992)", "… (October 1992)", "…, 23 July 1992"."""


def title_for_line(title: str, when: str) -> tuple[str, bool]:
    """The title as a dated line shows it, and whether the line should still lead with the date.

    A title that ends with its own date ("…, 23 July 1992", "… (1992)") loses that ending; one that
    still names every year of the date ("2011 жылғы …", "… in 1995–2001") reads without the date in
    front. Why: "23 July 1992 — Meeting …, 23 July 1992" says the date twice."""
    years = set(_YEAR.findall(when))
    if not years:
        return title, bool(when)
    for pattern in _TRAILING_DATE:
        match = pattern.search(title)
        if match:
            ending_years = set(_YEAR.findall(match.group(1)))
            if ending_years and ending_years <= years and len(match.group(1)) <= len(when) + 12:
                title = title[:match.start()].rstrip()
            break
    return title, not years <= set(_YEAR.findall(title))


def fact_line(fact: Fact, lang: str) -> str:
    """"date — title", the date said once."""
    when = fact_when(fact, lang)
    title, dated = title_for_line(fact.title[lang], when)
    return f"{escape(when)} — {escape(title)}" if dated else escape(title)


def item_line(item: AnniversaryItem, lang: str, refs: Sequence[int]) -> str:
    """One anniversary: year, how long ago (round ones marked), the fact's title, its citations."""
    ago = years_ago(item.years_ago, lang)
    mark = f" 🎉 <b>{escape(t(lang, 'today.round'))}</b>" if item.is_round else ""
    return f"• <b>{item.date.year}</b> — {escape(ago)}{mark}: {escape(item.fact.title[lang])} {marks(refs)}"


def day_html(view: DayView, lang: str, sources: Mapping[str, Source]) -> str:
    """Anniversaries of a calendar day with years elapsed, or the next day that has some."""
    numbering = RefNumbering(sources)
    label = format_month_day(view.day.month, view.day.day, lang)
    if not view.items:
        if view.upcoming is None:
            return escape(t(lang, "today.none", date=label))
        when, days, items_next = view.upcoming
        lines = [escape(t(lang, "today.none_next", date=label,
                          next=format_month_day(when.month, when.day, lang), days=days))]
        for item in items_next[:3]:
            lines.append(item_line(item, lang, numbering.add(item.fact.citations())))
        return "\n".join(lines) + references(numbering.references(), lang)
    lines = [f"<b>{escape(t(lang, 'today.title', date=label))}</b>"]
    for item in view.items:
        lines.append(item_line(item, lang, numbering.add(item.fact.citations())))
        lines.append(f"   {escape(item.fact.text[lang])}")
    return "\n".join(lines) + references(numbering.references(), lang)


LIST_TITLES = {"t": "browse.treaties", "v": "browse.visits", "tl": "browse.timeline"}


def list_title(lang: str, name: str, arg: str, total: int) -> str:
    """"Visits — 2008 (4)": the list's name, its argument unless it is every fact, its size."""
    suffix = f" — {arg}" if arg and arg != ALL else ""
    return f"<b>{escape(t(lang, LIST_TITLES[name]) + suffix)}</b> ({total})"


def list_page_html(page: ListPage, lang: str) -> str:
    """Numbered lines (numbered across pages); the page's buttons carry the same numbers."""
    first = page.page * PAGE_SIZE + 1
    return "\n".join([list_title(lang, page.name, page.arg, page.total),
                      *(f"{n}. {fact_line(f, lang)}" for n, f in enumerate(page.facts, start=first))])


def list_summary_html(view: ListView, lang: str) -> str:
    """A group's share of a long list: its first lines and how many more the private chat shows."""
    lines = [list_title(lang, view.name, view.arg, view.total)]
    lines.extend(f"• {fact_line(f, lang)}" for f in view.summary)
    lines.append(escape(t(lang, "group.more", n=view.total - len(view.summary))))
    return "\n".join(lines)


def sources_html(sources: Iterable[Source], lang: str) -> str:
    lines = [f"<b>{escape(t(lang, 'sources.title'))}</b>"]
    lines.extend(f"{i}. {source_line(s, lang)}" for i, s in enumerate(sources, 1))
    return "\n".join(lines)


def stats_html(stats: Stats, lang: str) -> str:
    return t(lang, "admin.stats", active=stats.active, types=breakdown(stats.chat_types),
             modes=breakdown(stats.modes), langs=breakdown(stats.langs), today=stats.today.isoformat(),
             served=stats.served_today, yesterday=stats.served_yesterday, facts=stats.facts, sources=stats.sources)


def breakdown(counts: Counter[str]) -> str:
    """"private 3, supergroup 1" — most common first, stable for equal counts."""
    return ", ".join(f"{escape(k)} {n}" for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))) or "—"


def subscription_html(view: SubscriptionView) -> str:
    """The subscription in its language, with the next delivery in its local time."""
    sub, lang = view.sub, view.sub.lang
    state = t(lang, "sub.active" if sub.active else "sub.inactive")
    text = t(lang, "sub.summary", state=state, mode=t(lang, f"mode.{sub.mode}"),
             time=sub.time.strftime("%H:%M"), tz=zone_label(sub.tz, lang))
    if view.next_at is not None and view.catch_up:
        text += "\n" + t(lang, "sub.catch_up", time=view.next_at.strftime("%H:%M"))
    elif view.next_at is not None:
        text += "\n" + t(lang, "sub.next", date=format_day(view.next_at.date(), lang),
                         time=view.next_at.strftime("%H:%M"))
    return escape(text + "\n" + t(lang, "sub.other"))



def unanswered_html(page: QuestionPage, lang: str, store: FactStore) -> str:
    """A page of open questions for operators: counts, language and script, last time, closest facts."""
    if not page.items:
        return escape(t(lang, "unanswered.none"))
    lines = [t(lang, "unanswered.title", total=page.total, page=page.page + 1, pages=page.pages)]
    for n, entry in enumerate(page.items, start=page.first):
        question = entry.question if len(entry.question) <= QUESTION_SHOWN else entry.question[:QUESTION_SHOWN - 1] + "…"
        lines.append(escape(t(lang, "unanswered.item", n=n, question=question, count=entry.count,
                              declined=entry.declined, down=entry.rated_down,
                              lang=entry.lang if entry.script == "cyrl" else f"{entry.lang}/{entry.script}",
                              last=entry.last_seen.date().isoformat())))
        titles = [fact.title[lang] for fact in map(store.get, entry.closest) if fact is not None]
        if titles:
            lines.append("   " + escape(t(lang, "unanswered.closest", facts="; ".join(titles))))
    lines.append(escape(t(lang, "unanswered.hint")))
    return "\n".join(lines)


def fact_ratings_html(ratings: Sequence[FactRating], lang: str, store: FactStore, limit: int = 20) -> str:
    """👍/👎 per fact, worst first, with the fact's title (or its id if the data no longer has it)."""
    if not ratings:
        return escape(t(lang, "feedback.none"))
    lines = [t(lang, "feedback.title", n=len(ratings))]
    for n, rating in enumerate(ratings[:limit], start=1):
        fact = store.get(rating.fact_id)
        title = escape(fact.title[lang]) if fact else ""
        lines.append(f"{n}. 👍 {rating.up} · 👎 {rating.down} — {title} <code>{escape(rating.fact_id)}</code>")
    if len(ratings) > limit:
        lines.append(escape(t(lang, "feedback.more", n=len(ratings) - limit)))
    return "\n".join(lines)


def split_message(text: str, limit: int = LIMIT) -> list[str]:
    """Cut a long message on line boundaries so every part fits Telegram's 4096 characters."""
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current:
        parts.append(current)
    return [p for p in parts if p.strip()]
