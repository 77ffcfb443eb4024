"""What Telegram rejects in a message: broken HTML, empty or too-long text, malformed buttons.

Why: every end-to-end test then proves the bot never sends what real Telegram would refuse; the
messages are Telegram's own, so PTB raises the same BadRequest it would in production.
"""

from __future__ import annotations

import html
import re
from typing import Any

from fakebotapi.wire import bad_request

_HTML_TAGS = frozenset({
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code",
    "pre", "blockquote", "tg-time",
})
_HTML_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^<>]*)?)\s*>")
_HTML_SPECIAL_RE = re.compile(r"[<&]")
_HTML_ENTITY_RE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot);")
MESSAGE_LIMIT = 4096
CAPTION_LIMIT = 1024


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def parse_html(text: str) -> str:
    """Validate Telegram-HTML and return the plain text; raise ValueError worded like Telegram.

    Scans from one "<" or "&" to the next, so plain runs of text cost one slice: in benchmarks this
    fake server runs in the bot's own process, and its checks should not weigh like the bot's work."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while (special := _HTML_SPECIAL_RE.search(text, i)) is not None:
        j = special.start()
        out.append(text[i:j])
        if text[j] == "&":
            m = _HTML_ENTITY_RE.match(text, j)
            out.append("&" if m is None else html.unescape(m.group(0)))
            i = j + 1 if m is None else m.end()
            continue
        m = _HTML_TAG_RE.match(text, j)
        if m is None:
            raise ValueError(f"Unclosed start tag at byte offset {_byte_offset(text, j)}")
        closing, name = m.group(1) == "/", m.group(2).lower()
        if name not in _HTML_TAGS:
            kind = "end" if closing else "start"
            raise ValueError(f'Unsupported {kind} tag "{name}" at byte offset {_byte_offset(text, j)}')
        if not closing:
            stack.append(name)
        elif not stack:
            raise ValueError(f"Unexpected end tag at byte offset {_byte_offset(text, j)}")
        elif stack[-1] != name:
            raise ValueError(f"Unmatched end tag at byte offset {_byte_offset(text, j)}, "
                             f'expected "</{stack[-1]}>", found "</{name}>"')
        else:
            stack.pop()
        i = m.end()
    out.append(text[i:])
    if stack:
        raise ValueError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


def plain_text(text: str, parse_mode: Any) -> str:
    """Apply parse_mode like Telegram (the bot uses HTML or none); raise a 400 on bad markup."""
    if parse_mode is None or parse_mode == "":
        return text
    if str(parse_mode).lower() != "html":
        raise bad_request("unsupported parse_mode")
    try:
        return parse_html(text)
    except ValueError as exc:
        raise bad_request(f"can't parse entities: {exc}") from None


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def checked_text(text: Any, parse_mode: Any, *, limit: int = MESSAGE_LIMIT, what: str = "message text") -> str:
    """The plain text of a message or caption, or Telegram's 400 for an empty or too long one."""
    if not isinstance(text, str) or not text.strip():
        raise bad_request(f"{what} is empty")
    plain = plain_text(text, parse_mode)
    if not plain.strip():
        raise bad_request(f"{what} is empty")
    if _utf16_len(plain) > limit:
        raise bad_request("message is too long" if limit == MESSAGE_LIMIT else "message caption is too long")
    return plain


def caption(p: dict[str, Any]) -> dict[str, Any]:
    """The caption field of a new or edited media message ({} without one)."""
    value = p.get("caption")
    if value is None or value == "":
        return {}
    return {"caption": checked_text(value, p.get("parse_mode"), limit=CAPTION_LIMIT, what="caption")}


def check_markup(markup: Any) -> None:
    """Inline keyboards as Telegram checks them: every button has text, callback data is 1-64 bytes."""
    if markup is None:
        return
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return
    if not isinstance(rows, list):
        raise bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not button.get("text"):
                raise bad_request("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard")
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
                raise bad_request("BUTTON_DATA_INVALID")
