"""Plain-text rendering of answers, for the command line (the bot renders HTML in handlers/)."""

from __future__ import annotations

from bot.engine import Answer, Reference
from bot.i18n import t
from bot.script import to_latin


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
    text = "\n".join(lines)
    return to_latin(text) if answer.script == "latn" else text


def heading_line(answer: Answer) -> str:
    """The fact's title with its date, unless the title already names the year."""
    if answer.when and not any(tok in answer.heading for tok in answer.when.split() if tok.isdigit()):
        return f"{answer.heading} ({answer.when})"
    return answer.heading


def _marks(refs: tuple[int, ...]) -> str:
    return "".join(f"[{n}]" for n in refs)


def full_text(answer: Answer) -> str:
    """Body and sources, as the bot would send it."""
    body = body_text(answer)
    if not answer.references:
        return body
    refs = "\n".join(reference_line(r, answer.lang) for r in answer.references)
    text = f"{body}\n\n{t(answer.lang, 'answer.sources')}\n{refs}"
    return to_latin(text) if answer.script == "latn" else text
