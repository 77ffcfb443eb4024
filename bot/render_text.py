"""Plain-text rendering of answers, for the command line (the bot renders HTML in handlers/)."""

from __future__ import annotations

from bot.engine import Answer, Reference
from bot.i18n import t


def reference_line(ref: Reference, lang: str) -> str:
    """[n] Publisher — Title, date, url: the same order the Telegram rendering uses."""
    src = ref.source
    who = src.publisher or src.author
    parts = [f"{who} — {src.title[lang]}" if who else src.title[lang]]
    if src.date_note:
        parts.append(src.date_note[lang])
    elif src.date:
        parts.append(src.date)
    parts.append(t(lang, "answer.lines", lines=", ".join(map(str, ref.lines))))
    if src.url:
        parts.append(src.url)
    return f"[{ref.n}] " + ", ".join(parts)


def body_text(answer: Answer) -> str:
    """The answer without its source list."""
    lines: list[str] = []
    if answer.status == "list" and answer.heading:
        lines.append(answer.heading)
    for seg in answer.segments:
        marks = "".join(f"[{n}]" for n in seg.refs)
        prefix = "• " if answer.status == "list" else ""
        lines.append(f"{prefix}{seg.text} {marks}".rstrip())
    if answer.suggestions:
        lines.append(t(answer.lang, "answer.suggest"))
        lines.extend(f"• {f.title[answer.lang]}" for f in answer.suggestions)
    return "\n".join(lines)


def full_text(answer: Answer) -> str:
    """Body and sources, as the bot would send it."""
    body = body_text(answer)
    if not answer.references:
        return body
    refs = "\n".join(reference_line(r, answer.lang) for r in answer.references)
    return f"{body}\n\n{t(answer.lang, 'answer.sources')}\n{refs}"
