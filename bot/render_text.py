"""Plain-text rendering of answers, for the command line (the bot renders HTML in handlers/),
and the parts of a source reference both renderings share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.dates import format_date
from bot.engine import Answer, Reference
from bot.engine.compose import body_lines
from bot.i18n import t
from bot.model import PartialDate, Source
from bot.script import latin_reply


@dataclass(frozen=True, slots=True)
class SourceLabel:
    """A source as a reader sees it: who (in the reader's script), title, url, kind and date
    in the reader's language, and the cited lines kept short ("3–5, 12")."""

    who: str | None
    title: str
    url: str | None
    about: str
    lines: str


def line_ranges(lines: Sequence[int]) -> str:
    """Cited lines with runs folded: 47, 48, 49, 50, 52 → "47–50, 52"."""
    runs: list[list[int]] = []
    for line in sorted(set(lines)):
        if runs and line == runs[-1][-1] + 1:
            runs[-1].append(line)
        else:
            runs.append([line])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def source_date(source: Source, lang: str) -> str:
    """The source's date as the reader's language writes it (a note such as "after 2015" wins)."""
    if source.date_note:
        return source.date_note[lang]
    if not source.date:
        return ""
    try:
        return format_date(PartialDate.parse(source.date), lang)
    except ValueError:
        return source.date


def source_label(source: Source, lang: str, lines: Sequence[int] = (), *, brief: bool = False) -> SourceLabel:
    """What a reference shows; `brief` (under an answer) takes the short title."""
    kind = t(lang, f"source_kind.{source.kind.replace(' ', '_')}")
    about = ", ".join(part for part in (kind, source_date(source, lang)) if part)
    located = ""
    if lines:
        key = "answer.line" if len(set(lines)) == 1 else "answer.lines"
        located = t(lang, key, lines=line_ranges(lines))
    title = source.brief_title(lang) if brief else source.title[lang]
    return SourceLabel(source.who(lang), title, source.url, about, located)


def join_source(label: SourceLabel, title: str, escape: Callable[[str], str] = str) -> str:
    """Who. Title (kind, date), lines — `title` comes already marked up (a link in HTML)."""
    head = f"{escape(label.who)}. {title}" if label.who else title
    text = f"{head} ({escape(label.about)})" if label.about else head
    return f"{text}, {escape(label.lines)}" if label.lines else text


def reference_line(ref: Reference, lang: str) -> str:
    """[n] Who. Short title (kind, date), lines, url: the Telegram rendering links the title instead."""
    label = source_label(ref.source, lang, ref.lines, brief=True)
    line = f"[{ref.n}] " + join_source(label, label.title)
    return f"{line}, {label.url}" if label.url else line


def body_text(answer: Answer) -> str:
    """The answer without its source list."""
    text = "\n".join(body_lines(answer))
    return latin_reply(text, answer.plain_latin, answer.dotted_i) if answer.script == "latn" else text


def full_text(answer: Answer) -> str:
    """Body and sources, as the bot would send it."""
    body = body_text(answer)
    if not answer.references:
        return body
    refs = "\n".join(reference_line(r, answer.lang) for r in answer.references)
    text = f"{body}\n\n{t(answer.lang, 'answer.sources')}\n{refs}"
    return latin_reply(text, answer.plain_latin, answer.dotted_i) if answer.script == "latn" else text
