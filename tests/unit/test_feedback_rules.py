"""The rules of feedback and the question log, as pure functions: what one question is, how a person
is counted without being stored, what gets buttons and what is logged, and the callback data."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from bot.config import ConfigError, feedback_key, load_config
from bot.engine import Answer, Segment
from bot.feedback import AnswerSummary, normalise_question, rater_hash
from bot.model import Fact
from bot.reports import FACT_FIELDS, QUESTION_FIELDS, render
from handlers.callbacks import MAX_DATA, Rate, UnansweredButton
from handlers.keyboards import rating_keyboard, unanswered_keyboard

TOKEN = "123456:TEST-token_abc"


def fact(fact_id: str) -> Fact:
    return Fact(fact_id, "event", {"en": fact_id, "ru": fact_id, "kk": fact_id}, {"en": "", "ru": "", "kk": ""})


def answer(kind: str, status: str = "fact", facts: tuple[Fact, ...] = (), suggestions: tuple[Fact, ...] = (),
           query: str = "Когда  Казахстан вступит в БРИКС?") -> Answer:
    return Answer(query, "ru", status, (Segment("…", ()),), (), facts, suggestions, kind=kind)  # type: ignore[arg-type]


@pytest.mark.parametrize("variant", ["Will Kazakhstan join BRICS?", "will kazakhstan join brics",
                                     "  WILL   Kazakhstan\tjoin BRICS ?!", "«Will Kazakhstan join BRICS»",
                                     "Ｗill Kazakhstan join BRICS?"])
def test_case_spacing_and_surrounding_punctuation_make_no_other_question(variant: str) -> None:
    assert normalise_question(variant) == "will kazakhstan join brics"


def test_normalising_keeps_the_words_the_script_and_inner_punctuation() -> None:
    assert normalise_question("Товарооборот 2010–2011, млрд?") == "товарооборот 2010–2011, млрд"
    assert normalise_question("Qazaqstan men Resei") != normalise_question("Қазақстан мен Ресей")
    assert normalise_question(" ?! ") == ""


def test_the_rater_is_an_hmac_sha256_of_the_user_id_under_the_key() -> None:
    key = b"k" * 32
    assert rater_hash(key, 5001) == hmac.new(key, b"5001", hashlib.sha256).hexdigest()
    assert rater_hash(key, 5001) != rater_hash(b"x" * 32, 5001), "another key, another hash"
    assert rater_hash(key, 5001) != rater_hash(key, 5002)
    assert "5001" not in rater_hash(key, 5001)


def test_the_rater_key_comes_from_kzru_feedback_key_else_from_the_token_but_is_neither() -> None:
    from_token = load_config({"TELEGRAM_BOT_TOKEN": TOKEN}).feedback_key
    own_secret = load_config({"TELEGRAM_BOT_TOKEN": TOKEN, "KZRU_FEEDBACK_KEY": "s" * 24}).feedback_key
    assert from_token == feedback_key(TOKEN, None) and own_secret == feedback_key(TOKEN, "s" * 24)
    assert from_token != own_secret and len(from_token) == 32
    assert TOKEN.encode() not in from_token and b"s" * 24 not in own_secret
    assert "feedback_key" not in repr(load_config({"TELEGRAM_BOT_TOKEN": TOKEN})), "the key is kept out of repr()"
    with pytest.raises(ConfigError, match="KZRU_FEEDBACK_KEY"):
        load_config({"TELEGRAM_BOT_TOKEN": TOKEN, "KZRU_FEEDBACK_KEY": "short"})


def test_small_talk_gets_no_buttons_and_is_not_a_decline() -> None:
    summary = AnswerSummary.of(answer("smalltalk", query="привет"))
    assert not summary.rateable and not summary.declined


def test_a_decline_is_logged_with_the_facts_it_offered_instead() -> None:
    summary = AnswerSummary.of(answer("decline", "decline", suggestions=(fact("a"), fact("b"), fact("c"), fact("d"))))
    assert summary.rateable and summary.declined and not summary.answered
    assert summary.question == "когда казахстан вступит в брикс"
    assert summary.fact_ids == () and summary.closest == ("a", "b", "c"), "three closest facts at most"


def test_a_near_miss_counts_as_a_decline_and_offers_the_fact_it_showed() -> None:
    summary = AnswerSummary.of(answer("decline", "decline", facts=(fact("near"),), suggestions=(fact("x"),)))
    assert summary.declined and summary.fact_ids == ("near",) and summary.closest == ("near", "x")


def test_an_answer_is_rateable_and_not_logged() -> None:
    summary = AnswerSummary.of(answer("list", facts=(fact("a"), fact("b"))))
    assert summary.rateable and summary.answered and not summary.declined and summary.fact_ids == ("a", "b")


def test_rating_buttons_carry_short_versioned_data_and_counts() -> None:
    keyboard = rating_keyboard(2**63 - 1, up=3, down=0)
    up, down = keyboard.inline_keyboard[0]
    assert (up.text, down.text) == ("👍 3", "👎")
    for button in (up, down):
        data = str(button.callback_data)
        assert len(data.encode()) <= MAX_DATA
        decoded = Rate.decode(data)
        assert decoded is not None and decoded.answer_id == 2**63 - 1
    assert Rate.decode("r0:1:+") is None, "a button of an older layout decodes to nothing: its tap is told the menu expired"
    assert Rate.decode("r1:1") is None and Rate.decode("r1:1:+:x") is None


def test_unanswered_buttons_mark_and_page_within_64_bytes() -> None:
    keyboard = unanswered_keyboard([10**15, 10**15 + 1], first=6, page=1, pages=3)
    assert keyboard is not None
    marks, nav = keyboard.inline_keyboard
    assert [b.text for b in marks] == ["✓ 6", "✓ 7"]
    assert [b.text for b in nav] == ["◀", "2/3", "▶"]
    for button in (*marks, *nav):
        assert len(str(button.callback_data).encode()) <= MAX_DATA
    assert UnansweredButton.decode(str(marks[0].callback_data)) is not None
    assert UnansweredButton.decode(UnansweredButton("h", "7", 0).encode()) is not None
    assert UnansweredButton.decode("u0:h:7:0") is None
    assert unanswered_keyboard([], first=1, page=0, pages=1) is None


@pytest.mark.parametrize("fmt", ["text", "csv", "json"])
def test_every_report_format_has_a_header_or_is_valid_when_empty(fmt: str) -> None:
    for fields in (QUESTION_FIELDS, FACT_FIELDS):
        out = render([], fields, fmt)
        assert out.endswith("\n")
        if fmt == "csv":
            assert out == ",".join(fields) + "\n"
        if fmt == "json":
            assert out.strip() == "[]"


def test_an_unknown_report_format_is_refused() -> None:
    with pytest.raises(ValueError, match="xml"):
        render([], FACT_FIELDS, "xml")
