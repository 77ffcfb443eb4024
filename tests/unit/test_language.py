"""Which language a question is in (bot/engine/language.py), on the packaged lexicon."""

from __future__ import annotations

import pytest

from bot.engine.language import default_detector, kazakh_latin


@pytest.mark.parametrize(("text", "kazakh"), [
    ("Qazaqstan men Resei", True),
    ("qai jyly", True),
    ("trade turnover for 2011, Q1 through Q4", False),
    ("a Q&A about the quota question", False),
    ("quarterly figures", False),
])
def test_a_q_without_u_is_kazakh_only_inside_a_word(text: str, kazakh: bool) -> None:
    assert kazakh_latin(text) is kazakh


def test_an_english_question_naming_quarters_is_english() -> None:
    question = "Could you provide the quarterly breakdown of trade turnover for 2011, Q1 through Q4?"
    assert default_detector().detect(question) == "en"


@pytest.mark.parametrize(("text", "lang"), [
    ("How many sq km does the Baikonur complex cover?", "en"),  # "sq" among plainly English words
    ("What did Iraq have to do with the CSTO?", "en"),
    ("Baikonur qansha jylğa jalğa berildi?", "kk"),  # a Kazakh letter decides at once
    ("Baikonyr qai jyly jalga berildi?", "kk"),  # "q" alone, no English around it
    ("Qazaqstan men Resei shekarasy qai jyly belgilendi?", "kk"),
])
def test_a_q_without_u_is_kazakh_unless_the_words_around_it_are_english(text: str, lang: str) -> None:
    assert default_detector().detect(text) == lang


@pytest.mark.parametrize(("text", "lang"), [
    ("ШЫУ", "kk"), ("ЕАЭО", "kk"), ("КСРО", "kk"), ("Байконыр", "kk"),  # only Kazakh writes these
    ("ШОС", "ru"), ("Что такое ЕАЭС?", "ru"), ("Байконур в аренде", "ru"),
])
def test_kazakh_abbreviations_and_names_tell_kazakh_from_russian(text: str, lang: str) -> None:
    assert default_detector().detect(text) == lang


@pytest.mark.parametrize(("text", "lang"), [
    ("Кайырлы кеш! Калайсыз?", "kk"), ("сиз кимсиз", "kk"),  # Kazakh typed without its letters
    ("мунай кубыры туралы", "kk"), ("Орал кездесуи 1992", "kk"), ("Путин барама?", "kk"),
    ("sen kimsin", "kk"), ("munai tranzit kvotasy", "kk"),  # casual Latin
    ("ok thanks, bye", "en"), ("thx, bye!", "en"),  # "bye" folds as Kazakh "бе" does: no Kazakh by itself
    ("российские полигоны в Казахстане", "ru"), ("Когда был подписан договор?", "ru"),
])
def test_everyday_kazakh_without_its_letters_and_english_farewells_are_told_apart(text: str, lang: str) -> None:
    assert default_detector().detect(text) == lang


@pytest.mark.parametrize(("text", "lang"), [
    ("Ресейден импорт 1999", "kk"), ("Ресейге экспорт тауарлар", "kk"), ("Reseiden import 1999", "kk"),
    ("импорт из России 1999", "ru"), ("Экспорт в Россию", "ru"),
])
def test_a_side_named_in_a_kazakh_case_tells_a_keyword_query_kazakh(text: str, lang: str) -> None:
    """"Ресейден импорт": the other words are as Russian as Kazakh, the side's case ending ("-ден", "-ге") is not."""
    assert default_detector().detect(text) == lang
