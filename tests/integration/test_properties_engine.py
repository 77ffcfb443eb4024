"""Property tests: whatever a user types, the engine answers or declines and the reply is valid Telegram HTML.

Why: users paste anything (emoji, bidi marks, control characters, markup, SQL). A crash would
drop the question; an unescaped character would make Telegram reject the whole message
("can't parse entities"). Checked with the standard library's HTML parser, independent of the
fake Bot API's own parser.
"""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser

import pytest
from botharness import real_store
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from strategies import QUESTION, WORDS

from bot.engine import AnswerEngine
from bot.model import LANGS
from handlers.render import LIMIT, answer_html, split_message

TELEGRAM_TAGS = frozenset({"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
                           "tg-emoji", "code", "pre", "blockquote"})
TELEGRAM_ENTITIES = frozenset({"lt", "gt", "amp", "quot"})

PROPERTY_SETTINGS = settings(max_examples=250, deadline=None, derandomize=True, database=None,
                             suppress_health_check=[HealthCheck.too_slow])


@cache
def engine() -> AnswerEngine:
    return AnswerEngine(real_store())


class TelegramHTMLChecker(HTMLParser):
    """Records every way a text would break Telegram's HTML parse mode."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.plain: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            self.problems.append(f"tag <{tag}> is not allowed by Telegram")
        if tag == "a" and not all(name == "href" for name, _ in attrs):
            self.problems.append(f"<a> with attributes {attrs}")
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problems.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> does not close {self.stack[-1:] or 'anything'}")
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for char in "<>&":
            if char in data:
                self.problems.append(f"unescaped {char!r} in {data[:40]!r}")
        self.plain.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in TELEGRAM_ENTITIES:
            self.problems.append(f"entity &{name}; is not supported by Telegram")
        self.plain.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.plain.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.problems.append("HTML comment")

    def handle_decl(self, decl: str) -> None:
        self.problems.append("declaration")

    def handle_pi(self, data: str) -> None:
        self.problems.append("processing instruction")

    def unknown_decl(self, data: str) -> None:
        self.problems.append("unknown declaration")


def html_problems(text: str) -> list[str]:
    """What in `text` Telegram's HTML parse mode would reject; empty when it is valid."""
    checker = TelegramHTMLChecker()
    checker.feed(text)
    checker.close()
    if checker.rawdata:
        checker.problems.append(f"unparsed trailing markup {checker.rawdata[:40]!r}")
    if checker.stack:
        checker.problems.append(f"unclosed tags {checker.stack}")
    return checker.problems


def assert_sendable(html: str) -> list[str]:
    """Every part split_message makes is non-empty, ≤ 4096 characters and valid Telegram HTML."""
    parts = split_message(html)
    assert parts, "nothing to send"
    for part in parts:
        assert part.strip()
        assert len(part) <= LIMIT
        assert not html_problems(part), (html_problems(part), part[:300])
    return parts


def test_the_checker_catches_what_telegram_rejects() -> None:
    """The oracle itself: it must flag each kind of breakage, or the properties prove nothing."""
    assert not html_problems('<b>a &amp; b</b> <a href="https://e.com/?a=1&amp;b=2">x</a> &lt;3')
    for bad in ("<b>open", "a < b", "fish & chips", "<script>x</script>", "<b><i>x</b></i>", "&nbsp;", "</i>",
                "<br/>", "<!-- x -->", '<a href="x" onclick="y">z</a>'):
        assert html_problems(bad), bad


@PROPERTY_SETTINGS
@given(question=QUESTION, lang=st.sampled_from([None, *LANGS]))
@example(question="", lang=None)
@example(question="x" * 10_000, lang="en")
@example(question="🙂" * 10_000, lang=None)
@example(question="\u202e\u200f\u200b\u0000\u0007", lang="kk")
@example(question="<b>Baikonur</b> & *lease* `1994` [x](y)", lang="ru")
@example(question="'; DROP TABLE subscriptions; -- trade 2011", lang="en")
def test_any_text_gets_an_answer_or_a_decline(question: str, lang: str | None) -> None:
    answer = engine().answer(question, lang)
    assert answer.status in ("fact", "decline"), answer.status
    assert answer.lang in LANGS
    if lang is not None:
        assert answer.lang == lang
    assert answer.segments, "even a decline says something"
    if answer.answered:
        assert answer.references, "every answer cites a source"
    parts = assert_sendable(answer_html(answer))
    assert "<script" not in "".join(parts)


@PROPERTY_SETTINGS
@given(questions=st.lists(st.one_of(WORDS, QUESTION), min_size=3, max_size=12), lang=st.sampled_from(LANGS))
def test_long_replies_split_into_valid_messages(questions: list[str], lang: str) -> None:
    """Several full answers in one text (as a digest or list is) split into valid parts, in order, losing nothing."""
    text = "\n".join(answer_html(engine().answer(q, lang)) for q in questions) * 4
    parts = assert_sendable(text)
    assert "\n".join(parts).replace("\n", "") == text.replace("\n", "")


@pytest.mark.parametrize("lang", LANGS)
def test_every_fact_card_is_sendable(lang: str) -> None:
    """Fact cards (inline results, /fact, list buttons) for the whole data set, not just sampled ones."""
    for fact in real_store().facts:
        assert_sendable(answer_html(engine().fact_answer(fact, lang)))
