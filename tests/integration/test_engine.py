"""The answer engine on the real data: what it extracts from a question, what it answers, what it declines."""

from __future__ import annotations

import pytest

from bot.engine import AnswerEngine, parse_query
from bot.render_text import body_text
from tests.botharness import real_store


@pytest.fixture(scope="module")
def engine() -> AnswerEngine:
    return AnswerEngine(real_store())


# --- extraction -------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "years"), [
    ("договор о дружбе 1992", (1992,)),
    ("visits 2008 and 2009", (2008, 2009)),
    ("1992-жылы қол қойылған шарт", (1992,)),
    ("товарооборот 23,8 млрд в 2011 году", (2011,)),
    ("border length 7591 km", ()),
])
def test_years_are_extracted_and_other_numbers_are_not(question: str, years: tuple[int, ...]) -> None:
    assert parse_query(question).years == years


@pytest.mark.parametrize("question", ["trade in the 1990s", "торговля в 1990-х", "1990 жылдары сауда",
                                      "1990-шы жылдардағы сауда"])
def test_a_decade_stands_for_its_ten_years(question: str) -> None:
    query = parse_query(question)
    assert query.years == tuple(range(1990, 2000))
    assert query.named_years == ()


@pytest.mark.parametrize(("question", "months"), [
    ("визиты в ноябре 2023", (11,)),
    ("Тоқаев қазанда барды", (10,)),
    ("meeting in October", (10,)),
])
def test_months_are_extracted_in_every_language(question: str, months: tuple[int, ...]) -> None:
    assert parse_query(question).months == months


@pytest.mark.parametrize(("question", "intent"), [
    ("When was the treaty signed?", "when"),
    ("Когда подписан договор?", "when"),
    ("Шарт қашан жасалды?", "when"),
    ("shart qaşan jasaldy", "when"),
    ("шарт қай күні жасалды", "when"),
    ("Where did the presidents meet?", "where"),
    ("Где встретились президенты?", "where"),
    ("Президенттер қайда кездесті?", "where"),
    ("Who attended the Omsk meeting?", "who"),
    ("Кто участвовал во встрече?", "who"),
    ("Кездесуге кімдер қатысты?", "who"),
    ("How much is the trade turnover?", "how_much"),
    ("Сколько составил товарооборот?", "how_much"),
    ("Сауда айналымы қанша?", "how_much"),
    ("Why did they turn to integration?", "why"),
])
def test_intent_is_recognised_in_each_language(question: str, intent: str) -> None:
    assert intent in parse_query(question).intents


def test_a_day_name_is_a_topic_not_a_when_question() -> None:
    query = parse_query("Ресей күні қашан")
    assert "when" in query.intents
    assert any(w.startswith("kun") for w in query.words)


@pytest.mark.parametrize("question", [
    "What will the weather be in Almaty tomorrow?",
    "курс доллара к тенге",
    "Бүгін доллар бағамы қанша?",
    "Should Kazakhstan leave the EAEU?",
])
def test_opinion_future_and_live_data_are_out_of_scope(question: str) -> None:
    assert parse_query(question).out_of_scope


def test_a_course_of_action_is_not_an_exchange_rate() -> None:
    assert not parse_query("почему Россия и Казахстан взяли курс на интеграцию").out_of_scope


@pytest.mark.parametrize(("question", "named"), [
    ("Kazakhstan China border", True),
    ("Қазақстан мен Қытай арасындағы сауда", True),
    ("торговля Узбекистана с Россией", True),
    ("Когда Казахстан вступил в ООН?", True),
    ("Kazakhstan and the US", True),
    ("trade with us", False),
    ("Kazakhstan Russia border", False),
])
def test_other_countries_are_recognised(question: str, named: bool) -> None:
    assert bool(parse_query(question).parties) is named


# --- answers ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "lang", "fact_id"), [
    ("When did Kazakhstan and Russia establish diplomatic relations?", "en", "ev-diplomatic-relations-1992"),
    ("когда установлены дипломатические отношения казахстана и россии", "ru", "ev-diplomatic-relations-1992"),
    ("Қазақстан мен Ресей арасында дипломатиялық қатынас қашан орнады?", "kk", "ev-diplomatic-relations-1992"),
    ("Kazakhstan Resei diplomatiyalyk qatynas qashan ornady", "kk", "ev-diplomatic-relations-1992"),
    ("Qazaqstan men Resei diplomatiialyq qatynasy qaşan ornady", "kk", "ev-diplomatic-relations-1992"),
    ("baikonur lease", "en", "tr-baikonur-lease-1994"),
    ("аренда байконура", "ru", "tr-baikonur-lease-1994"),
])
def test_each_language_and_script_is_answered_in_its_own_language(
        engine: AnswerEngine, question: str, lang: str, fact_id: str) -> None:
    answer = engine.answer(question)
    assert answer.answered
    assert answer.lang == lang
    assert answer.facts[0].id == fact_id
    assert "[1]" in body_text(answer)
    assert answer.references[0].n == 1


def test_the_caller_may_force_the_language(engine: AnswerEngine) -> None:
    answer = engine.answer("baikonur lease", lang="kk")
    assert answer.lang == "kk"
    assert answer.segments[0].text == answer.facts[0].text["kk"]


def test_typos_still_find_the_fact(engine: AnswerEngine) -> None:
    answer = engine.answer("When was the demarcaton of the Kazakhstan–Russia border completed?")
    assert answer.answered
    assert answer.facts[0].id == "fg-border-demarcation"


def test_word_order_tells_who_recognised_whom(engine: AnswerEngine) -> None:
    assert engine.answer("When did Russia recognise Kazakhstan's independence?").facts[0].when.day == 17  # type: ignore[union-attr]
    assert engine.answer("когда казахстан признал независимость россии").facts[0].when.day == 20  # type: ignore[union-attr]


@pytest.mark.parametrize("question", [
    "How long is the Kazakhstan–Russia border?",
    "протяжённость границы казахстана и россии",
    "Қазақстан мен Ресей шекарасының ұзындығы қанша?",
])
def test_a_disagreement_gives_every_version_with_its_own_citation(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.facts[0].id == "fg-land-border-length"
    claims = answer.facts[0].claims
    assert len(claims) == 3
    body = body_text(answer).replace(",", "").replace("\u00a0", "").replace(" ", "")
    assert "7591" in body and "7200" in body
    cited = {ref.source.id for ref in answer.references}
    assert {c.cite[0].source for c in claims} <= cited
    claim_segments = [seg for seg in answer.segments if any(seg.text == c.note[answer.lang] for c in claims)]
    assert len(claim_segments) == 3
    assert all(seg.refs for seg in claim_segments)
    numbers = {ref.source.id: ref.n for ref in answer.references}
    for claim, seg in zip(claims, claim_segments, strict=True):
        assert numbers[claim.cite[0].source] in seg.refs


def test_a_disputed_date_names_both_dates(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("When was the 1992 friendship treaty signed?"))
    assert "25 May 1992" in body and "20 October 1992" in body


def test_several_close_matches_are_listed_after_the_best(engine: AnswerEngine) -> None:
    answer = engine.answer("visits 2008")
    assert answer.answered and answer.kind == "list"
    assert all(2008 in f.years for f in answer.facts)
    assert len(answer.facts) >= 2
    assert len(answer.segments) == len(answer.facts) and all(seg.refs for seg in answer.segments)


# --- declines ---------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "When did Kazakhstan and China establish diplomatic relations?",
    "Қазақстан мен Өзбекстан арасындағы шекара ұзындығы қанша?",
    "What will Kazakhstan–Russia trade be in 2030?",
    "How much trade did Kazakhstan and Russia have in 2019?",
    "курс доллара к тенге сегодня",
    "What is the weather in Almaty today?",
    "Стоит ли покупать акции российских компаний?",
    "Can you give me a recipe for beshbarmak?",
    "qwerty zxcvb",
])
def test_questions_outside_the_sources_are_declined(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert not answer.answered
    assert answer.facts == () and answer.references == ()
    assert len(answer.suggestions) <= 3


def test_a_decline_is_in_the_question_language_and_offers_close_topics(engine: AnswerEngine) -> None:
    answer = engine.answer("Қазақстан мен Қытай арасындағы сауда көлемі қанша?")
    assert answer.lang == "kk"
    assert not answer.answered
    assert "дереккөз" in answer.segments[0].text
    assert answer.suggestions and answer.suggestions[0].kind == "trade"


@pytest.mark.parametrize("question", ["", "   ", "?!", "\u200b\u200f", "🙂🙂"])
def test_empty_or_letterless_input_is_declined_not_crashed(engine: AnswerEngine, question: str) -> None:
    assert not engine.answer(question).answered
