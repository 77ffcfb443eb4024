"""Hypothesis strategies for what users type: anything, emoji, bidi marks, control characters,
markup, SQL, and words the data answers. Shared by integration/test_properties_engine.py (the
engine's answers) and e2e/test_properties_handlers.py (the handlers, through the fake Bot API).
"""

from __future__ import annotations

from hypothesis import strategies as st

EMOJI = st.sampled_from(["🙂", "🇰🇿", "🇷🇺", "👩‍🔬", "🚀", "❤️", "🏳️‍🌈", "\U0001f9d1\u200d\U0001f680"])
INVISIBLE = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f", "\u202a",
                             "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"])
CONTROL = st.characters(min_codepoint=0, max_codepoint=31) | st.sampled_from(["\x7f", "\x85", "\u2028", "\u2029"])
MARKUP = st.sampled_from(["<b>", "</b>", "<i>", "</a>", "<a href=\"javascript:x\">", "<script>alert(1)</script>", "&",
                          "&amp;", "&lt;", "&#0;", "&nbsp;", "<", ">", "\"", "'", "*bold*", "_it_", "`code`", "```",
                          "[x](http://e.com)", "~", "|", "||spoiler||", "\\", "#", "+", "-", "=", "{", "}", ".", "!"])
SQL = st.sampled_from(["'; DROP TABLE subscriptions; --", "\" OR 1=1 --", "1; DELETE FROM deliveries",
                       "' UNION SELECT * FROM chat_settings --", "%", "_", "?", ":chat_id", "NULL", "\\x00"])
WORDS = st.sampled_from(["Baikonur", "Байконур", "Байқоңыр", "trade", "товарооборот", "сауда", "2011", "1992", "1994",
                         "договор", "treaty", "келісім", "border", "граница", "шекара", "Nazarbayev", "Путин", "ЕАЭС",
                         "when", "когда", "қашан", "how much", "сколько", "қанша", "22.10", "1990s", "?", " ", "\n"])
PIECE = st.one_of(st.text(max_size=30), EMOJI, INVISIBLE, CONTROL, MARKUP, SQL, WORDS)
QUESTION = st.one_of(
    st.text(max_size=200),
    st.lists(PIECE, max_size=25).map("".join),
    st.lists(EMOJI, min_size=1, max_size=50).map("".join),
    st.builds(lambda piece, n: (piece * n)[:10_000], st.lists(PIECE, min_size=1, max_size=5).map("".join),
              st.integers(min_value=1, max_value=10_000)),
)
