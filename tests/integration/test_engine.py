"""The answer engine on the real data: what it answers, what it declines. (What it extracts from a
question, parse_query, is in unit/test_query.py.)"""

from __future__ import annotations

import datetime as dt

import pytest
from botharness import answered_with, near_miss_of, real_store

from bot.engine import AnswerEngine, Turn
from bot.engine.smalltalk import smalltalk_kind
from bot.evaluation import BODY_LIMIT
from bot.render_text import body_text
from handlers.render import answer_html


@pytest.fixture(scope="module")
def engine() -> AnswerEngine:
    return AnswerEngine(real_store())


def last_turn(engine: AnswerEngine, *questions: str) -> Turn | None:
    """The turn a conversation of `questions` leaves for the next question to lean on."""
    previous: Turn | None = None
    for question in questions:
        previous = engine.turn(engine.answer(question, previous=previous)) or previous
    return previous


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


@pytest.mark.parametrize("question", ["Where did Tokayev and Puten meet in November 2023?",
                                      "Тоқаев пен Путен 2023 жылы қарашада қайда кездесті?"])
def test_a_swapped_letter_in_a_short_name_is_still_a_typo(engine: AnswerEngine, question: str) -> None:
    """The lexical index alone (the model may be missing) reads "Puten" as Putin."""
    hits = engine.index.search(engine.understanding.parse(question), limit=3)
    assert "putin" in {cand for cand, _ in engine.index.expand("puten")}
    assert "Putin" in hits[0].fact.text["en"]
    assert hits[0].coverage > 0.7


MEDVEDEV_2008 = ["vi-medvedev-first-trip-2008", "vi-medvedev-visits-2008"]
"""His first visit of 2008, then the three more: the facts that record that year's visits."""


@pytest.mark.parametrize(("question", "total"), [
    ("How many times in all did Medvedev visit Kazakhstan in his first year as president, 2008?", "4 times"),
    ("How many times in all did Medvedev visit Kazakhstan in 2008?", "4 times"),
    ("Сколько всего раз Медведев приезжал в Казахстан в 2008 году?", "Всего раз: 4"),
    ("Медведев 2008 жылы Қазақстанға барлығы неше рет келді?", "барлығы 4 рет"),
])
def test_occurrences_told_by_several_facts_are_added_up(engine: AnswerEngine, question: str, total: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "list"
    assert total in body_text(answer)
    assert [f.id for f in answer.facts] == MEDVEDEV_2008
    assert len(answer.references) == 1 and all(seg.refs == (1,) for seg in answer.segments)


@pytest.mark.parametrize("question", ["When did Medvedev come to Kazakhstan in 2008?",
                                      "Медведев 2008 жылы Қазақстанға қай айларда келді?"])
def test_when_lists_every_fact_that_records_occurrences(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "list"
    assert [f.id for f in answer.facts] == MEDVEDEV_2008


@pytest.mark.parametrize(("question", "count"), [
    ("How many times did Tokayev and Putin meet in 2023?", "2 times"),
    ("Сколько раз встречались президенты Казахстана и России в 1995 году?", "Число раз: 2"),
])
def test_one_fact_that_records_a_count_gives_it_first(engine: AnswerEngine, question: str, count: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "fact"
    assert answer.intro.startswith(count)
    assert answer.facts[0].times == 2


@pytest.mark.parametrize(("question", "fact_id"), [
    ("How many more times did Medvedev visit Kazakhstan in 2008?", "vi-medvedev-visits-2008"),
    ("Сколько ещё раз Медведев приезжал в Казахстан в 2008 году?", "vi-medvedev-visits-2008"),
    ("Когда Медведев впервые приехал в Казахстан?", "vi-medvedev-first-trip-2008"),
    ("Медведев Қазақстанға алғаш рет қашан келді?", "vi-medvedev-first-trip-2008"),
])
def test_more_or_first_asks_for_one_fact_not_all_occurrences(engine: AnswerEngine, question: str, fact_id: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "fact"
    assert answer.facts[0].id == fact_id


@pytest.mark.parametrize(("typo", "word"), [("lenght", "length"), ("atnoshe", "otnoshe")])
def test_a_swapped_pair_or_an_opening_a_for_o_is_a_typo(engine: AnswerEngine, typo: str, word: str) -> None:
    """"lenght" is one transposition from "length"; Russian writes an unstressed о as а ("атношения")."""
    assert word in dict(engine.index.expand(typo))


@pytest.mark.parametrize(("question", "intent"), [("hwen was the baikonur lease signed", "when"),
                                                  ("WHAT IS THE LENGHT OF THE BORDER", "how_much")])
def test_a_swapped_pair_in_a_question_word_or_a_quantity_noun_still_asks(engine: AnswerEngine, question: str,
                                                                         intent: str) -> None:
    assert intent in engine.understanding.parse(question).intents


@pytest.mark.parametrize(("word", "alternant"), [("odak", "odag"), ("odagy", "odak")])
def test_a_kazakh_stem_is_found_through_its_voiced_or_unvoiced_last_consonant(engine: AnswerEngine, word: str,
                                                                            alternant: str) -> None:
    """Одақ / одағы: the stem's last consonant is voiced before a vowel ending."""
    assert any(cand.startswith(alternant) for cand, _ in engine.index.expand(word))


def test_what_is_the_length_gives_the_figures_not_an_overview(engine: AnswerEngine) -> None:
    answer = engine.answer("What is the length of the Kazakh-Russian border?")
    assert answer.kind == "fact"
    assert "7591" in body_text(answer).replace(",", "").replace(" ", "")


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


@pytest.mark.parametrize("question", ["3x-7=20 шешіңізші", "реши пример 14*3", "solve for y: 4y+2=18",
                                      "реши 5+5"])
def test_a_sum_or_an_equation_to_work_out_is_homework_declined(engine: AnswerEngine, question: str) -> None:
    assert not engine.answer(question).answered


@pytest.mark.parametrize(("question", "answered"), [
    ("Қазақстан мен Ресей арасында дипломатиялык катынастар кай кунде орнатылды?", True),  # dated to its day
    ("Ресей Казакстанмен тату коршилик шартына кай кунде кол койды, 2013 жылгы?", False),  # only its year is known
])
def test_kazakh_on_which_day_in_the_locative_asks_a_day(engine: AnswerEngine, question: str, answered: bool) -> None:
    assert engine.answer(question).answered is answered


def test_between_russia_and_us_is_between_russia_and_kazakhstan(engine: AnswerEngine) -> None:
    answer = engine.answer("2010 жылы Ресей мен биздин арада не болды кыскаша?")
    assert answer.kind == "list" and answer.facts and all(2010 in f.years for f in answer.facts)


@pytest.mark.parametrize("question", ["", "   ", "?!", "\u200b\u200f", "🙂🙂"])
def test_empty_or_letterless_input_is_declined_not_crashed(engine: AnswerEngine, question: str) -> None:
    assert not engine.answer(question).answered


@pytest.mark.parametrize(("question", "expected"), [
    ("how many years ago were diplomatic relations established", "1992 was 38 years ago"),
    ("сколько лет назад подписан договор о дружбе", "С 1992 г. прошло лет: 38"),
    ("Қазақстан мен Ресей дипломатиялық қатынас орнатқанына қанша жыл болды", "1992 жылдан бері 38 жыл өтті"),
])
def test_years_ago_are_counted_to_the_day_of_the_reply(question: str, expected: str) -> None:
    engine = AnswerEngine(real_store(), progress=False, today=lambda: dt.date(2030, 5, 1))
    answer = engine.answer(question)
    assert answer.answered
    assert expected in body_text(answer)


def test_a_short_list_of_long_facts_tells_each_ones_first_sentence(engine: AnswerEngine) -> None:
    answer = engine.answer("1994 jyly Nazarbaevtyn Reseige saparynda qandai kelisimder jasaldy")
    assert answer.kind == "list" and 2 <= len(answer.facts) <= 3
    body = body_text(answer)
    assert "22" in body  # the visit's first sentence counts the documents; its title alone did not
    assert len(body) < 900


@pytest.mark.parametrize(("question", "lang"), [
    ("Не могли бы вы подсказать, какое соглашение по Каспию подписали президенты 6 июля 1998 года?", "ru"),
    ("Казакстан мен Ресей арасындагы шекара канша км?", "kk"),
    ("не болды 1998 жылы", "kk"),
])
def test_russian_function_words_outweigh_a_word_both_languages_share(engine: AnswerEngine, question: str,
                                                                     lang: str) -> None:
    assert engine.answer(question).lang == lang


def test_degen_asks_what_something_is_and_is_not_a_topic_word(engine: AnswerEngine) -> None:
    answer = engine.answer("Ресей күні дегеніміз не?")
    assert answer.kind == "overview"
    assert "12 маусым" in body_text(answer)


def test_hire_is_a_lease(engine: AnswerEngine) -> None:
    answer = engine.answer("Когда Россия взяла Байконур в наём?")
    assert answer.facts[0].id == "tr-baikonur-lease-1994"


def test_when_a_term_was_to_end_is_counted_from_its_start(engine: AnswerEngine) -> None:
    assert "2014" in body_text(engine.answer("Когда должна была закончиться аренда Байконура по соглашению 1994 года?"))


@pytest.mark.parametrize("question", [
    "If nobody prolonged the Baikonur lease, in which year would it have run out?",
    "Baiqoñyr 1994 jyly qanşa jylğa jalğa berıldı, iağni jalğa alu merzımı qai jyly bıtuı tiıs edı?",
])
def test_a_counterfactual_or_a_counted_term_still_asks_when_the_first_term_ends(engine: AnswerEngine,
                                                                                question: str) -> None:
    assert "2014" in body_text(engine.answer(question))


def test_asking_until_when_a_term_was_extended_is_not_answered_with_the_first_term(engine: AnswerEngine) -> None:
    answer = engine.answer("Until which year was the Baikonur lease extended?")
    assert not answer.answered
    assert "2014" not in body_text(answer)


def test_a_capital_paired_with_the_other_capital_still_stands_for_its_state(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Мәскеу мен Астана арасындағы тауар алмасу көлемі 2011 жылы қанша болды?"), "23,8")


def test_who_of_the_countries_asks_which_countries(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("ЕАЭС — что это и кто там из стран?"))
    assert "Армени" in body and "Кыргыз" in body


@pytest.mark.parametrize(("question", "expected"), [
    ("2023 jılı Qazaqstan men Resei arasında ne boldı?", "2023"),
    ("Boris Yeltsin prezident bolıp saılanğan jılı Resei Qazaqstannıñ täuelsizdigin qai küni tanıdı?", "17"),
])
def test_kazakh_typed_on_a_turkish_keyboard_is_read_like_the_2021_alphabet(engine: AnswerEngine, question: str,
                                                                           expected: str) -> None:
    assert answered_with(engine.answer(question), expected).script == "latn"


def test_how_many_billions_asks_an_amount_not_a_count(engine: AnswerEngine) -> None:
    answered_with(engine.answer("на скока лярдов $ наподписывали соглашений на форуме в Астане в ноябре 2023?"), "100")


def test_a_turnover_is_not_answered_with_a_figure_that_measures_something_else(engine: AnswerEngine) -> None:
    answer = engine.answer("2023 jyly Qazaqstan men Resei arasyndağy sauda ainalymy neşe milliard dollar boldy?")
    assert not answer.answered


@pytest.mark.parametrize("question", ["Бешбармакты калай жасайды?", "Посоветуйте хороший отель в Астане",
                                      "Astanada Aqordağa jaqyn jaqsy qonaq üi ūsynyp berıñızşı."])
def test_cooking_and_hotels_are_off_topic(engine: AnswerEngine, question: str) -> None:
    assert not engine.answer(question).answered


@pytest.mark.parametrize(("question", "closest"), [
    ("Как звали российского премьер-министра, подписавшего коммюнике в Омске 9 января 1993 года?",
     "vi-omsk-border-regions-1993"),
    # The fact names the head of government and, further on, Russia's first president: not the one asked.
    ("Who was the Russian head of government that Nazarbayev met on his state visit in June 2000? Give the name.",
     "vi-nazarbayev-russia-2000"),
    ("Назарбаев 2000 жылғы маусымда кездескен Ресей Үкіметі Төрағасының аты-жөні кім?", "vi-nazarbayev-russia-2000"),
    # "Who was <an office a person holds>" asks a name too; "who were the founders?" may be firms.
    ("Who was Russia's prime minister at the 1993 Omsk meeting?", "vi-omsk-border-regions-1993"),
    ("1993 жылы Омбыдағы кездесуде Ресей премьер-министрі кім болды?", "vi-omsk-border-regions-1993"),
    # Where or on which day a document was signed is not told by another document (the 1998 treaty, Almaty).
    ("In which city was the 2013 treaty on good-neighbourliness and alliance signed?", "tr-good-neighbourliness-treaty-2013"),
    ("2013 жылғы тату көршілік және одақтастық туралы шартқа қай қалада қол қойылды?", "tr-good-neighbourliness-treaty-2013"),
    ("Еуразиялық экономикалық одақ туралы шартқа қай күні қол қойылды?", "fg-customs-union-to-eaeu"),
])
def test_a_detail_the_best_fact_lacks_is_a_near_miss_not_another_facts(engine: AnswerEngine, question: str,
                                                                      closest: str) -> None:
    answer = engine.answer(question)
    assert not answer.answered and answer.facts[0].id == closest, body_text(answer)


def test_for_how_long_is_not_told_by_a_year_but_is_by_until_when(engine: AnswerEngine) -> None:
    """"2024 жылғы" is a date, no duration; "until the end of the year" is how long a ban lasts."""
    assert not engine.answer("Tina Kandelakige Qazaqstanğa kıruge qanşa uaqytqa tyiym salyndy?").answered
    previous = last_turn(engine, "Когда Казахстан запретил ввоз пшеницы из России?")
    answered_with(engine.answer("На какой срок?", previous=previous), "конца года")


def test_for_how_long_counts_a_term_not_a_noun_the_fact_must_name(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("Байқоңырды жалға беру келісіміне қай жылы қол қойылды және ол қанша мерзімге жасалды?"))
    assert "1994" in body and "20" in body


def test_what_share_asks_a_percentage_not_an_amount(engine: AnswerEngine) -> None:
    answer = engine.answer("what share of kz's total foreign trade was russia?")
    assert answer.answered and answer.facts[0].id == "td-russia-share-foreign-trade-2011"


@pytest.mark.parametrize("question", ["Сколько лет правил Касым-хан?", "Qasym han qanşa jyl bilık qūrdy?",
                                      "Сколько лет правил хан, при котором Русское царство первым установило "
                                      "дипотношения с Казахским ханством?"])
def test_how_many_years_a_reign_lasted_counts_from_its_start_to_its_end(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert [f.id for f in answer.facts] == ["ev-kasym-khan-first-relations"]
    assert "10" in body_text(answer).splitlines()[-1]


def test_the_year_of_an_anniversary_is_the_events_year_plus_its_years(engine: AnswerEngine) -> None:
    body = body_text(engine.answer("In the year of the 30th anniversary of diplomatic relations, which month did "
                                   "Tokayev visit Moscow?"))
    assert "November 2022" in body and "1992" in body


def test_an_official_visit_is_not_a_state_visit_but_officially_says_nothing(engine: AnswerEngine) -> None:
    assert "1994" in body_text(engine.answer("Назарбаевтың Ресейге алғашқы ресми сапары қашан болды?"))
    assert "20 желтоқсан" in body_text(engine.answer("Ақорда Мәскеудің дербес мемлекет екенін қашан ресми түрде мойындады?"))


@pytest.mark.parametrize(("question", "regions"), [
    ("In which regions are Russia's military test ranges in Kazakhstan?", ("Aktobe", "Kyzylorda", "Karaganda")),
    ("Ресейдің Қазақстандағы әскери сынақ полигондары қай облыстарда орналасқан?", ("Ақтөбе", "Қызылорда")),
])
def test_where_in_the_plural_lists_each_match_that_says_where_it_is(engine: AnswerEngine, question: str,
                                                                    regions: tuple[str, ...]) -> None:
    answer = engine.answer(question)
    body = body_text(answer)
    assert answer.kind == "list" and all(region in body for region in regions), body


def test_it_after_an_answer_naming_a_place_the_question_did_not_is_that_place(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Qazaqtyñ alğaşqy ğaryşkerlerı kımder?", "Olar qai ğaryş ailağynan ūşty?")
    answered_with(engine.answer("Ol qai oblysta ornalasqan?", previous=previous), "Qyzylorda")


def test_a_detail_asked_right_after_an_answer_is_asked_of_that_answers_topic(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "when did tokayev and putin meet in astana in 2023", "what event was that")
    answered_with(engine.answer("how much were the deals worth", previous=previous), "100 billion")


@pytest.mark.parametrize("question", ["When was the SCO founded?", "ШЫҰ қашан құрылды?", "В каком году основали ШОС?",
                                      "When were the CSTO peacekeepers withdrawn from Kazakhstan?",
                                      "Когда миротворцев ОДКБ вывели из Казахстана?"])
def test_the_date_of_an_event_is_not_told_from_a_fact_about_something_else(engine: AnswerEngine, question: str) -> None:
    """The sources name the SCO (a summit, founding members) but never say when it was founded, and tell
    of the CSTO force's arrival, not its leaving."""
    assert not engine.answer(question).answered


@pytest.mark.parametrize("question", [
    "В каком году после установления дипотношений главы государств подписали договор о добрососедстве и союзничестве?",
    "В каком году, через 21 год после установления дипотношений, главы государств подписали договор о добрососедстве "
    "и союзничестве?"])
def test_the_event_a_date_is_counted_from_is_not_the_event_asked(engine: AnswerEngine, question: str) -> None:
    """"после установления": the treaty's signing is asked, which its fact dates; the founding words belong to
    the relations it is counted from."""
    answered_with(engine.answer(question), "2013")


@pytest.mark.parametrize(("question", "year"), [("What was 1998 remembered for?", 1998), ("Чем запомнился 1998 год?", 1998),
                                                ("1992 жыл екі ел қатынастарында немен есте қалды?", 1992)])
def test_what_a_year_is_remembered_for_lists_that_year(engine: AnswerEngine, question: str, year: int) -> None:
    answer = engine.answer(question)
    assert answer.kind == "list" and answer.answered
    assert all(year in f.years for f in answer.facts)


def test_he_after_a_fact_naming_one_person_is_that_person(engine: AnswerEngine) -> None:
    """Not the topic of the question before ("the first presidential election … come to Kazakhstan")."""
    previous = last_turn(engine, "Who won Russia's first open presidential election?")
    answer = answered_with(engine.answer("did he later come to Kazakhstan? when?", previous=previous), "Yeltsin")
    assert answer.facts[0].kind == "visit"


@pytest.mark.parametrize(("first", "then"), [("Resei küni qaşan toilanady?", "qai jyldan beri osylai atalady?"),
                                             ("Ресей күні қашан тойланады?", "қай жылдан бері солай аталады?")])
def test_since_which_year_it_is_so_called_asks_when_of_the_name_just_told(engine: AnswerEngine, first: str, then: str) -> None:
    """"Осылай" (so) points back and names nothing; "қай жылдан бері" asks when; "аталады" is the naming."""
    answered_with(engine.answer(then, previous=last_turn(engine, first)), "2002")


@pytest.mark.parametrize("question", ["When did Kazakhstan and Russia recognise each other's independence?",
                                      "Когда Казахстан и Россия признали независимость друг друга?",
                                      "Қазақстан мен Ресей бір-бірінің тәуелсіздігін қашан таныды?"])
def test_each_other_is_answered_with_both_directions_in_date_order(engine: AnswerEngine, question: str) -> None:
    """Either recognition alone answers half of it: both are told, Russia's (17 December) first."""
    answer = engine.answer(question)
    assert answer.answered and [f.id for f in answer.facts] == ["ev-ru-recognises-kz-independence",
                                                                "ev-kz-recognises-ru-independence"]
    assert "17" in answer.segments[0].text and "20" in answer.segments[1].text


@pytest.mark.parametrize("question", ["What grew faster in 2011, trade or exports?",
                                      "Что выросло сильнее в 2011 году: экспорт или товарооборот?",
                                      "2011 jyly qaisysy tezırek östı: Reseige eksport pa, älde jalpy sauda ma?"])
def test_two_measures_of_one_year_are_set_side_by_side(engine: AnswerEngine, question: str) -> None:
    """Each measure is asked with the head ("grew", 2011): both growth figures and their difference."""
    answer = engine.answer(question)
    assert answer.kind == "compare"
    assert {f.id for f in answer.facts} == {"td-trade-growth-2011", "td-exports-growth-2011"}
    assert "5.5" in answer.segments[-1].text or "5,5" in answer.segments[-1].text


@pytest.mark.parametrize("question", ["1996 жылы қандай келісімдер жасалды тізім керек",
                                      "Какие соглашения были подписаны в 1996 году?", "list agreements 1996"])
def test_the_agreements_of_a_year_are_its_treaties_not_a_span_that_holds_it(engine: AnswerEngine, question: str) -> None:
    """"1995–2001: rapprochement" matches the words better; the three treaties dated 1996 are the answer."""
    answer = engine.answer(question)
    assert answer.kind == "list"
    assert {f.id for f in answer.facts} == {"tr-kostanay-diesel-jv-1996", "tr-caspian-statement-1996",
                                             "tr-double-taxation-1996"}


def test_a_long_question_that_opens_by_pointing_back_leans_on_the_answer(engine: AnswerEngine) -> None:
    """"Сол сапарында …" (on that visit) is the visit just told, not Medvedev's first trip abroad."""
    previous = last_turn(engine, "Елбасының 2000 жылғы маусымдағы Ресейге мемлекеттік сапары кезінде мұнай транзитінің "
                                 "квотасы жөнінде қандай уағдаластық қуатталды?")
    answer = engine.answer("Сол сапарында ол Ресейдің тұңғыш Президентімен де кездесті ме?", previous=previous)
    assert answer.answered and answer.facts[0].id == "vi-nazarbayev-russia-2000"


def test_an_opening_ceremony_is_the_launch_just_told(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Когда был запущен транзит российского газа в Узбекистан через территорию Казахстана?")
    answered_with(engine.answer("Кто принимал участие в церемонии открытия?", previous=previous), "Токаев")


def test_the_other_way_round_asks_the_previous_question_with_the_sides_swapped(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Каков объём российских инвестиций в Казахстан?")
    answered_with(engine.answer("А в обратном направлении?", previous=previous), "5,6")


def test_a_follow_up_with_a_new_year_and_a_new_detail_carries_both(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "2011 жылы екі ел арасындағы сауда айналымы қанша болды?", "Ал 2010 жылы ше?")
    answer = answered_with(engine.answer("2011-де экспорт ше?", previous=previous), "7,5")
    assert answer.lang == "kk"  # "ше" is Kazakh, whatever "экспорт" looks like


def test_in_which_cities_after_a_fact_that_says_where_is_that_fact(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "2023 жылдың соңында Ресеймен қандай энергетикалық келісім жасалды?")
    answer = answered_with(engine.answer("Қай қалаларда?", previous=previous), "Көкшетау")
    assert answer.facts[0].id == "tr-power-plants-2023"


def test_a_list_of_either_of_two_things_tells_a_fact_for_each(engine: AnswerEngine) -> None:
    """Cancelled concerts or a ban on entry: neither fact alone holds most of the question's words."""
    answer = engine.answer("2023–2024 жылдары Қазақстанда концерті тоқтатылған немесе елге кіруіне тыйым салынған "
                           "ресейлік танымал тұлғаларды атаңыз.")
    body = body_text(answer)
    assert answer.answered and answer.kind == "list" and "Лепс" in body and "Канделаки" in body, body


def test_a_follow_up_after_a_list_leans_on_the_fact_that_leads_it(engine: AnswerEngine) -> None:
    previous = Turn("When was the agreement on leasing Baikonur concluded?", "en", "latn",
                    ("tr-baikonur-lease-1994", "vi-nazarbayev-russia-1994"), "list")
    answered_with(engine.answer("And which region is it in?", previous=previous), "Kyzylorda")


@pytest.mark.parametrize(("question", "detail"), [
    # A capital named as the place of a meeting finds the meeting there.
    pytest.param("Когда Токаев и Путин встречались в Астане в 2023 году?", "9 ноября", id="ru-capital-as-place"),
    pytest.param("Toqaev pen Putin 2023 jyly Astanada qai küni kezdestı?", "9 qaraşa", id="kk-latn-capital-as-place"),
    # Words typed with dropped vowels are read as the words they shorten.
    pytest.param("Назарбаевтын Ресейге брнши ресми сапары кашан болды", "1994", id="kk-dropped-vowels"),
    pytest.param("2008 жылы казакстн мен ресй арасындгы сауд айналымы канш болд", "20", id="kk-dropped-vowels-figure"),
    pytest.param("how meny enterprizes with russain capitol are ther in kazakstan", "1,600", id="en-typos"),
    pytest.param("кагда падписали дагавор о дружбе и сатрудничистве кз и рф", "1992", id="ru-spelt-as-it-sounds"),
    pytest.param("сколко дакументов подписали при визите назарбаева в росию в 1994", "22", id="ru-spelt-as-it-sounds-count"),
    pytest.param("When did Kazakhstan and Russia establish diplomatic relations?", "1992", id="founding-the-sources-give"),
    pytest.param("Когда был создан Таможенный союз России, Казахстана и Беларуси?", "2010", id="founding-as-a-start"),
    pytest.param("Сәлеметсіз бе! Мен мұғалліммін, сабаққа дайындалып жүрмін. 2023 жылы келісілген жаңа жылу электр "
                 "орталықтары қай қалаларда салынатынын айтып беріңізші. Алдын ала рахмет!", "Көкшетау",
                 id="kk-polite-request-without-question-mark"),
    pytest.param("Қайырлы кеш! Біз мектепте сауда тақырыбын өтіп жатырмыз. Қазақстан Ресейге қандай тауарлар "
                 "экспорттайтынын айтып жіберсеңіз? Рақмет!", "металл", id="kk-polite-request-verb"),
    pytest.param("929 ГЛИЦ қай облыста?", "Батыс Қазақстан", id="kk-region-of-a-place"),
    pytest.param("In which region is the 929th flight test centre?", "West Kazakhstan", id="en-region-of-a-place"),
    pytest.param("кароче када подписали договор о дружбе? а то в чате спорят", "1992", id="ru-chat-slang"),
    pytest.param("we are arguing in the chat: when did Russia recognise Kazakhstan?", "1991", id="en-talk-of-the-chat"),
    pytest.param("В какой области находится главный космический комплекс России?", "Кызылорд", id="ru-where-of-the-subject"),
    pytest.param("Eki el basşylary 2023 jyly elordada qai küni kezdesti?", "9 qaraşa", id="kk-latn-elorda-is-astana"),
    pytest.param("Астана солтүстік көршісіне ғарыш айлағын қанша жылға берді?", "20", id="kk-northern-neighbour-in-the-dative"),
    pytest.param("Answer the question: when was the baikonur lease agreement signed", "1994", id="en-homework-instruction"),
    pytest.param("Когда Акорда, в свою очередь, официально признала суверенитет России?", "20 декабря",
                 id="ru-in-turn-is-no-topic"),
    pytest.param("Какие страны вместе с Казахстаном и Россией состоят в ЕАЭС?", "Армени", id="ru-other-countries-further-down"),
    pytest.param("До какого года было рассчитано экономическое соглашение, подписанное во время визита Ельцина в Алматы?",
                 "2007", id="ru-until-the-end-of-a-span"),
    pytest.param("ЕЛЬЦИН ПРЕЗИДЕНТ БОЛЫП КАШАН САЙЛАНДЫ", "1991", id="kk-shouted-elected-is-the-election"),
    pytest.param("Слушай, а когда Россия признала независимость Казахстана? Точную дату знаешь?", "17 декабря",
                 id="ru-listen-and-a-second-asking-sentence"),
    pytest.param("кгда в девяносто втором установилы дипотношения казахстана и росии, какое число", "22 октября",
                 id="ru-year-said-in-words"),
    pytest.param("Could you kindly remind me what share of Kazakhstan's foreign trade fell on Russia in 2011?", "20",
                 id="en-remind-me"),
    pytest.param("roughly how many treaties and agreements regulate Kazakh-Russian cooperation today?", "400",
                 id="en-today-as-nowadays"),
    pytest.param("Сколько договоров сегодня регулируют сотрудничество Казахстана и России?", "400", id="ru-today-as-nowadays"),
    pytest.param("My flatmate asked me how big the trade between Kazakhstan and Russia was in 2010", "15",
                 id="en-asked-by-someone-else"),
    pytest.param("Qostanai dizel zauytynda resei ulesi qansha payiz", "60", id="kk-latin-informal-percent"),
    pytest.param("Костанай дизель зауытында кай тараптын улеси коп: Ресейдин бе, Казакстаннын ба?", "60",
                 id="kk-typed-whose-share-is-bigger"),
    pytest.param("Байконыр деген не ози? Немерелерим сурап жур", "ғарыш", id="kk-typed-grandchildren-ask"),
    pytest.param("Кремль мен Акорда зымыран алангын жиырма жылга жалга беру жонинде кашан келисти?", "1994",
                 id="kk-typed-rocket-site-and-a-tie-of-the-signals"),
    pytest.param("Акорда мен Кремль 2023 жылдын сонында ЖЭС салу туралы келисти. Олар кай калаларда салынады?", "Семей",
                 id="kk-power-station-abbreviation"),
    pytest.param("Tell me about Russia Day.", "12 June", id="en-a-day-named-for-something"),
    pytest.param("Скажите, пожалуйста, какие государства присоединились к трём участникам, когда ТС перерос в ЕАЭС?",
                 "Армени", id="ru-when-opens-a-clause-after-a-courtesy"),
    pytest.param("Қазіргі таңда екі ел бірге қандай ұйымдарға кіреді?", "ШЫҰ", id="kk-nowadays-names-no-topic"),
    pytest.param("im doing a school project on kz-russia ties. my teacher asked what goods kazakhstan mostly sells to "
                 "russia. could u help pls? thx in advance", "metal", id="en-a-plea-beside-a-question-told-without-its-mark"),
    pytest.param("Sometimes tourists ask me hard things. One german man ask me yesterday: when Kazakhstan is sign the "
                 "agreement to give Baikonur to Russia and for how many year?", "1994", id="en-learner-asked-me-yesterday"),
    pytest.param("I'm a vlogger from Bishkek. My viewers keep asking me two things: in which region of Kazakhstan is "
                 "Baikonur, and in what year was it leased to Russia?", "1994", id="en-two-parts-the-first-a-place"),
    pytest.param("в каком году была достроена Трансаральская магистраль?", "1906", id="ru-completed-railway"),
    pytest.param("wat is the emba polygn and where is it", "Aktobe", id="en-mistyped-stand-in-and-what"),
    pytest.param("When was Russia Day first declared a national holiday?", "1994", id="en-a-holidays-name-asks-no-day"),
    pytest.param("grandpa asks what happened between Kazakhstan and Russia in 2009", "2009", id="en-grandpa-asks"),
    pytest.param("көк шетауда екі елдің президенттері қашан кездесті", "1992", id="kk-a-city-split-by-dictation"),
    pytest.param("сәлеметсіз бе мен журналиспін мақала жазып жатырмын әлгі қазақтың тұңғыш ғарышкерлері кімдер болған "
                 "айтып бере аласыз ба рақмет", "Мұсабаев", id="kk-dictated-run-on-with-first-person-words"),
    pytest.param("Қызылорда облысында қандай космодром бар", "Байқоңыр", id="kk-which-one-of-what-the-title-names"),
    pytest.param("Ресей мен Қазақстан арасындағы дипломатиялық қатынастар қашан орнады", "1992",
                 id="kk-established-intransitive-and-passive-alike"),
    pytest.param("Teñizden Novorossiiskige deıin mūnai qūbyry turaly şeşim qai jyly qabyldandy?", "1996",
                 id="kk-latin-up-to-a-place-is-no-until"),
    pytest.param("On what date did the Russian Federation recognise the independence of the Republic of Kazakhstan?",
                 "17 December", id="en-formal-names-keep-who-recognised-whom"),
    pytest.param("Когда Российская Федерация признала независимость Республики Казахстан?", "17 декабря",
                 id="ru-formal-names-keep-who-recognised-whom"),
    pytest.param("Какой объём прокачки казахстанского «чёрного золота» по российской трубопроводной системе согласовали "
                 "стороны летом 2000 года?", "14", id="ru-a-volume-asks-a-measure-not-a-count"),
    pytest.param("Мын тогыз жуз токсан жетинши жылы тауар айналымы канша болган екен? Алдын ала рахмет, денсаулыгыныз болсын.",
                 "4,1", id="kk-typed-wish-of-health-is-courtesy"),
])
def test_questions_as_people_type_them_are_answered(engine: AnswerEngine, question: str, detail: str) -> None:
    """Spellings, courtesies, chat talk and place kinds that once hid the fact: each is answered with its detail."""
    answered_with(engine.answer(question), detail)


def test_a_name_asked_of_an_office_is_told_where_the_holder_stands_by_it(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Как звали президента России, который приезжал в Алматы в октябре 1998 года?"), "Ельцин")


@pytest.mark.parametrize(("question", "detail"), [
    ("Is it true that the Baikonur lease was signed in 1995?", "1994"),
    ("Рас па, қосарланған салық салуды болдырмау туралы конвенция 1997 жылы қабылданды ма?", "1996"),
    ("Verify: Medvedev's first foreign trip as president was to Kazakhstan in May 2009.", "2008"),
])
def test_a_claim_with_a_wrong_year_is_answered_with_the_sources_year(engine: AnswerEngine, question: str,
                                                                     detail: str) -> None:
    answer = answered_with(engine.answer(question), detail)
    assert answer.intro and answer.intro.endswith(":")


def test_a_plain_question_about_a_year_the_fact_is_not_from_is_still_declined(engine: AnswerEngine) -> None:
    assert not engine.answer("When was the Baikonur lease signed in 1995?").answered


@pytest.mark.parametrize("question", [
    "When was the 1992 friendship treaty ratified?",
    "Когда Парламент РК ратифицировал Договор о дружбе, сотрудничестве и взаимной помощи 1992 года?",
    "Is it true that the 2013 Treaty on Good Neighbourliness and Alliance was signed on 11 November 2013?",
    "Рас па, Көкшетау, Семей және Өскемендегі үш жылу электр станциясының жалпы қуаты 1000 мегаватт?",
    "Qazaqstan-Resei şekarasynda neşe ötkızu beketı bar?",
    "КТК құбырының ұзындығы қанша шақырым?",  # the pipeline's abbreviation, not the border's length
    "ктк кубырынын узындыгы канша километр",  # the same abbreviation typed in small letters
    "medvedev ekı myñ segızınşı jyly mamyrda qazaqstannyñ qai qalasyna bardy",  # not a 2009 fact that says where
])
def test_a_step_day_or_measure_the_sources_never_give_is_said_to_be_unsaid(engine: AnswerEngine, question: str) -> None:
    """Ratification, a claimed exact day of a fact dated to its year, a claimed figure in megawatts:
    the reply says the sources don't say it, then gives the closest fact."""
    answer = engine.answer(question)
    assert not answer.answered and answer.intro and answer.facts, body_text(answer)


@pytest.mark.parametrize(("first", "then", "detail"), [
    ("Ресейдин Казакстанга салган инвестициясы канша?", "ал Казакстаннын Ресейге салганы ше?", "5,6"),
    ("Reseidiñ Qazaqstanğa salğan investisiasy qanşa?", "al Qazaqstannıñ Reseidegi investisiası şe?", "5,6"),
    ("Экспорт Казахстана в Россию в 2011 году?", "на сколько процентов вырос?", "47,8"),
    ("Қазақстанның Ресейге экспорты 2011 жылы қанша болды?", "неше пайызға өсті?", "47,8"),
])
def test_a_follow_up_naming_the_sides_the_other_way_round_or_only_what_is_asked_leans_on_the_turn_before(
        engine: AnswerEngine, first: str, then: str, detail: str) -> None:
    """Side names typed without Kazakh letters or in Latin, in case forms no list holds, still swap;
    a follow-up of only what is asked ("by how many percent did it grow?") asks it of the topic before."""
    answered_with(engine.answer(then, previous=last_turn(engine, first)), detail)


@pytest.mark.parametrize(("question", "count"), [
    ("How many Kazakh cosmonauts flew from Baikonur?", "3 in all"),
    ("Казакстаннын канша гарышкери Байконырдан гарышка ушты?", "барлығы 3"),
])
def test_a_count_of_people_a_fact_names_is_how_many_it_names(engine: AnswerEngine, question: str, count: str) -> None:
    answer = answered_with(engine.answer(question), "Мұсабаев" if "канша" in question else "Musabayev")
    assert answer.intro and count in answer.intro


def test_a_count_of_something_else_about_those_people_is_still_unsaid(engine: AnswerEngine) -> None:
    assert not engine.answer("Aidyn Aiymbetov ğaryşta neşe kün boldy?").answered


@pytest.mark.parametrize(("question", "detail"), [
    ("tell me about kazakh-russian relations in the 1500s", "Kasym Khan"),  # a century
    ("what happened in the 1990s?", "1992"),
    ("Что было в 1990-х годах между Казахстаном и Россией?", "1992"),
    ("1990-жылдары не болды?", "1992"),
])
def test_a_decade_or_century_lists_its_main_facts_in_date_order(engine: AnswerEngine, question: str, detail: str) -> None:
    answer = answered_with(engine.answer(question), detail)
    dates = [f.when.key for f in answer.facts if f.when]
    assert len(answer.facts) >= 1 and dates == sorted(dates)


@pytest.mark.parametrize("question", [
    "which grew faster in twenty eleven kazakh exports to russia or total bilateral trade",
    "что быстрее росло в 2011: общий товарооборот или экспорт РК в РФ?",
])
def test_two_measures_set_against_each_other_are_told_side_by_side_in_one_unit(engine: AnswerEngine,
                                                                               question: str) -> None:
    """The head may end at its year as well as at a comma; "total trade" beside export growth is its growth."""
    answer = engine.answer(question)
    assert answer.kind == "compare"
    body = body_text(answer)
    assert ("47.8" in body or "47,8" in body) and ("42.3" in body or "42,3" in body), body


@pytest.mark.parametrize("question", [
    "Reseidıñ Qazaqstanğa salğan investisiiasy men Qazaqstannyñ Reseige salğan investisiiasy qanşa?",
    "Russian investment in Kazakhstan and Kazakh investment in Russia: how much?",
])
def test_one_measure_asked_of_each_side_in_turn_gives_both_figures(engine: AnswerEngine, question: str) -> None:
    body = body_text(engine.answer(question))
    assert "19" in body and ("5.6" in body or "5,6" in body), body


def test_the_sides_named_twice_about_different_things_are_no_both_ways_question(engine: AnswerEngine) -> None:
    question = ("В год, когда заработал Таможенный союз России, Казахстана и Беларуси, каким был товарооборот "
                "между Казахстаном и Россией?")
    assert engine.understanding.both_ways(question) is not None  # split, but the halves ask different things
    answered_with(engine.answer(question), "15")


def test_a_kazakh_noun_ending_like_a_first_person_verb_is_kept(engine: AnswerEngine) -> None:
    """"шешімін" (its decision) ends like "I am"; only words no fact or list knows are left out as the asker's."""
    assert "sheshim" in engine.understanding.parse("Үкімет шешімін қашан қабылдады?").words
    assert "zhurnalisp" not in engine.understanding.parse("мен журналиспін ғарышкерлер кімдер").words


@pytest.mark.parametrize(("question", "value"), [
    ("Каким был объём двусторонней торговли в год первой зарубежной поездки Медведева в качестве президента?", "20"),
    ("In the first half of the year the Eternal Friendship declaration was signed, by how much did mutual trade grow?", "26"),
])
def test_a_year_named_by_an_event_in_passing_is_asked_of_that_year(engine: AnswerEngine, question: str, value: str) -> None:
    """"в год первой поездки …", "in the first half of the year X …": the event's year, then the figure of that year."""
    answered_with(engine.answer(question), value)


def test_what_part_of_a_whole_asks_a_share(engine: AnswerEngine) -> None:
    """"qanşa bölıgı" (what part) is answered by a percentage, not declined as a count of parts."""
    answered_with(engine.answer("Qazaqstannyñ syrtqy saudasynyñ qanşa bölıgı Reseige tiesili?"), "20")


@pytest.mark.parametrize(("question", "fact_id"), [
    ("Қазақстан Ресейге негізінен қандай тауарлар сатады?", "td-kz-exports-to-russia-goods"),  # sells: exports
    ("Мне стало интересно, что Казахстан продаёт России?", "td-kz-exports-to-russia-goods"),
    ("Что Казахстан покупает у России?", "td-kz-imports-from-russia-goods"),  # buys: imports
    ("Қазақстан 2011 жылы Ресейге қанша долларлық тауар сатты?", "td-exports-to-russia-2011"),  # sold: exports, not trade
    ("2011 жылы Ресеймен сауда-саттық қанша болды?", "td-trade-turnover-2011"),  # "trade and selling" is all trade
])
def test_selling_is_exporting_and_buying_importing(engine: AnswerEngine, question: str, fact_id: str) -> None:
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == fact_id


def test_both_lists_asked_in_two_parts_are_two_different_facts(engine: AnswerEngine) -> None:
    answer = engine.answer("Что Казахстан продаёт России и что у неё покупает? Дайте оба списка.")
    ids = [f.id for f in answer.facts]
    assert ids[:2] == ["td-kz-exports-to-russia-goods", "td-kz-imports-from-russia-goods"], ids


def test_saying_one_is_curious_is_courtesy(engine: AnswerEngine) -> None:
    """"Qyzyq bolyp tūr:" (I wonder) names no topic: the question after it still finds its fact."""
    answer = engine.answer("Men zeinetkermın. Qyzyq bolyp tūr: Qazaqstan Reseige qandai tauarlar eksporttaidy eken?")
    assert answer.answered and answer.facts[0].id == "td-kz-exports-to-russia-goods"


def test_the_two_word_name_of_a_described_thing_gets_an_overview(engine: AnswerEngine) -> None:
    """"Baikonur Cosmodrome" is the topic itself, as "Baikonur" alone is; "border length" still asks the length."""
    assert engine.answer("Baikonur Cosmodrome").kind == "overview"
    answered_with(engine.answer("border length"), "7,591")


def test_a_follow_up_year_the_sources_lack_is_declined_not_answered_with_the_year_before(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Каким был товарооборот Казахстана и России в 2011 году?", "а в 2010?")
    assert previous is not None and "2010" in previous.question
    assert not engine.answer("а в 2012?", previous=previous).answered


def test_a_follow_up_with_a_year_and_a_detail_of_its_own_is_asked_on_its_own_last(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "2011 жылы екі ел арасындағы сауда айналымы қанша болды?", "Ал 2010 жылы ше?")
    answered_with(engine.answer("2011-де экспорт ше?", previous=previous), "7,5")


def test_kazakh_words_for_leaders_meeting_are_those_of_the_facts(engine: AnswerEngine) -> None:
    """"көшбасшылары" (leaders) is "басшылары", "бас қосты" (gathered) is "кездесті"."""
    answer = engine.answer("Екі елдің көшбасшылары 1995–2001 жылдары жылына неше рет бас қосты?")
    assert answer.answered and answer.facts[0].id == "vi-meetings-1995-2001"


@pytest.mark.parametrize(("question", "fact_id"), [
    ("Ресейдегі қазақстандық инвестиция", "td-kazakh-investment-in-russia"),
    ("Российские инвестиции в Казахстане", "td-russian-investment-in-kazakhstan"),
])
def test_investment_located_in_one_side_is_the_other_sides_money(engine: AnswerEngine, question: str, fact_id: str) -> None:
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == fact_id


@pytest.mark.parametrize("followup", ["ал Қазақстандікі ше?", "ал казакстандики ше?"])
def test_a_follow_up_asking_the_other_sides_possession_swaps_the_sides(engine: AnswerEngine, followup: str) -> None:
    """"-дікі" (the one of): "and Kazakhstan's?" after Russia's investment in Kazakhstan."""
    previous = last_turn(engine, "Ресейдің Қазақстанға салған инвестициясы қанша?")
    answer = engine.answer(followup, previous=previous)
    assert answer.answered and answer.facts[0].id == "td-kazakh-investment-in-russia"


def test_a_turnover_is_a_sum_of_money_though_its_currency_is_not_given(engine: AnswerEngine) -> None:
    """1997's turnover is "4.1 billion" with no currency: "how much money" is still answered by it."""
    answered_with(engine.answer("How much money did trade between Kazakhstan and Russia come to in 1997?"), "4.1")


def test_a_month_named_prefers_the_fact_of_that_month_to_one_of_its_year_that_names_it(engine: AnswerEngine) -> None:
    """October 2023's meeting, not "two meetings in late 2023 (October and November)"."""
    answer = engine.answer("По какой причине Токаев и Путин виделись в октябре 2023 года?")
    assert answer.answered and answer.facts[0].id == "vi-tokayev-putin-russia-2023-10"


def test_how_much_an_amount_grew_tells_the_years_growth_beside_the_amount(engine: AnswerEngine) -> None:
    answer = answered_with(engine.answer("By how much did bilateral trade grow in 2011?"), "42.3", "23.8")
    assert [f.id for f in answer.facts][:2] == ["td-trade-growth-2011", "td-trade-turnover-2011"]


def test_a_goodbye_with_wishes_for_tomorrow_is_small_talk(engine: AnswerEngine) -> None:
    """"тілеп тұр бізге" (wish us luck) after "сау бол" names nothing the facts speak of."""
    assert engine.answer("Сау бол, ертең олимпиада, тілеп тұр бізге").kind == "smalltalk"


@pytest.mark.parametrize("question", ["ЕАЭО-ға қай елдер кіреді? бәрін атап бер",
                                      "2022 жылы ҚР мен РФ арасында не болды? что изменилось?"])
def test_words_that_only_ask_for_all_or_for_changes_name_no_topic(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).answered


@pytest.mark.parametrize("question", ["Какой главный договор подписали в 1992 году?",
                                      "Which foundational treaty did Kazakhstan and Russia sign in 1992?"])
def test_a_main_or_foundational_document_is_one_of_the_basic_ones(engine: AnswerEngine, question: str) -> None:
    """"главный", "foundational" are the sources' "basic documents", not a word no fact uses."""
    answer = engine.answer(question)
    assert answer.answered and "tr-friendship-treaty-1992" in {f.id for f in answer.facts}


@pytest.mark.parametrize(("first", "followup"), [
    ("что Казахстан экспортирует в РФ?", "а ввозит оттуда что?"),
    ("Қазақстан Ресейге қандай тауарлар экспорттайды?", "ал импорты ше?"),  # "Ресейге" (to Russia) is dropped too
])
def test_a_follow_up_naming_the_other_direction_replaces_the_one_asked_before(engine: AnswerEngine, first: str,
                                                                                followup: str) -> None:
    previous = last_turn(engine, first)
    answer = engine.answer(followup, previous=previous)
    assert answer.answered and answer.facts[0].id == "td-kz-imports-from-russia-goods"


def test_how_many_of_a_thing_a_fact_names_only_beside_shares_is_not_said(engine: AnswerEngine) -> None:
    """The Kostanay plant makes engines, but its only numbers are its founders' 60% and 40%."""
    near_miss_of(engine.answer("How many engines a year does the Kostanay diesel plant make?"), "tr-kostanay-diesel-jv-1996")


def test_the_southern_capital_is_almaty(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Когда Ельцин приезжал в южную столицу с государственным визитом?"), "1998")


@pytest.mark.parametrize("question", ["When was the Baikonur lease extended?",
                                      "Байқоңырды жалға беру мерзімі қай жылы ұзартылды?"])
def test_an_extension_no_source_reports_is_a_step_not_taken_as_far_as_they_say(engine: AnswerEngine, question: str) -> None:
    near_miss_of(engine.answer(question), "tr-baikonur-lease-1994")


def test_documents_asked_in_a_kazakh_plural_of_a_meeting_that_names_none_are_not_said(engine: AnswerEngine) -> None:
    """"келісімдерге" (to agreements) keeps its plural under the stemmer; the planned SCO meeting names no document."""
    answer = engine.answer("2024 жылы шілдеде Астанадағы ШЫҰ саммитінде Путин мен Тоқаев қандай келісімдерге қол қойды?")
    assert not answer.answered


def test_when_a_thing_began_is_not_told_by_when_it_was_finished(engine: AnswerEngine) -> None:
    """The Trans-Aral railway's completion (1906) does not date the start of its building."""
    near_miss_of(engine.answer("Trans-Aral temır jolyn salu qai jyly bastaldy?"), "ev-trans-aral-railway-1906")
    answered_with(engine.answer("When did the Customs Union start working?"), "2010")


def test_compare_x_with_its_mirror_tells_both(engine: AnswerEngine) -> None:
    answer = engine.answer("Compare Russia's investment in Kazakhstan with Kazakhstan's investment in Russia.")
    assert {f.id for f in answer.facts} >= {"td-russian-investment-in-kazakhstan", "td-kazakh-investment-in-russia"}


def test_the_word_for_year_mistyped_after_the_year_still_gets_the_figure(engine: AnswerEngine) -> None:
    answered_with(engine.answer("сколько составил товарооборот в 2010 гожу"), "15")


def test_when_a_day_just_told_of_became_something_is_another_fact(engine: AnswerEngine) -> None:
    """"that day" names the day the last answer dated; "when" then asks of a later act about it,
    not for that answer again."""
    previous = last_turn(engine, "Russia's sovereignty declaration: when?")
    answer = engine.answer("When did that day become a national holiday?", previous=previous)
    assert answer.answered and answer.facts[0].id == "ev-russia-national-holiday-1994"



@pytest.mark.parametrize("question", ["Бот па, адам ба?", "Sen özı bot pa, adam ba?"])
def test_bot_or_human_in_kazakh_is_small_talk(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).kind == "smalltalk"


def test_a_stop_word_with_one_letter_changed_is_no_unknown_topic(engine: AnswerEngine) -> None:
    answered_with(engine.answer("сколько составил товарооборот в 2008 мужду РК и РФ"), "20")


def test_forever_is_eternal(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Which document declared the friendship of the two countries forever?"), "1998")


def test_an_event_named_by_its_launch_is_dated_by_the_fact_that_tells_it_began(engine: AnswerEngine) -> None:
    """"іске қосылған" (launched): of the Customs Union's facts, the one dated to its start (2010), so the year after is 2011."""
    answer = engine.answer("Кеден одагы иске коскан жылдын келеси жылы Ресейге экспорт канша болды?")
    answered_with(answer, "7,5")


def test_goods_shipped_to_russia_are_exports(engine: AnswerEngine) -> None:
    answered_with(engine.answer("2011 жылы Ресейге жөнелтілген тауарлардың құны қанша?"), "7,5")


@pytest.mark.parametrize("question", ["Байқоңыр", "Baikonur", "Байконур"])
def test_an_overview_leads_with_where_the_described_thing_is_in_every_language(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "overview" and answer.facts[0].id == "fg-baikonur-largest-range"


@pytest.mark.parametrize("question", ["Which agreement was signed on the very same day as the declaration of eternal friendship?",
                                      "Что ещё подписали в один день с Декларацией о вечной дружбе?"])
def test_what_else_happened_on_an_events_day_is_the_days_other_facts(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.answered
    assert [f.id for f in answer.facts] == ["tr-eternal-friendship-declaration-1998", "tr-caspian-seabed-1998"]


def test_when_first_picks_the_earliest_of_close_facts_of_a_kind(engine: AnswerEngine) -> None:
    answer = engine.answer("Когда Назарбаев впервые приехал в Россию с визитом в ранге президента?")
    assert answer.answered and answer.facts[0].id == "vi-nazarbayev-russia-1994"


def test_exports_asked_after_a_years_trade_are_that_years_exports(engine: AnswerEngine) -> None:
    answer = engine.answer("ал экспорт ше?", previous=last_turn(engine, "2011 жылғы сауда айналымы қанша?"))
    assert answer.answered and answer.facts[0].id == "td-exports-to-russia-2011"


@pytest.mark.parametrize("question", ["How much did trade go up in the first half of 1998?",
                                      "Did mutual trade go up in 1998? By how much?"])
def test_going_up_asks_the_growth(engine: AnswerEngine, question: str) -> None:
    """"Go up" says a change as "grow" does: the growth answers it, not a decline for want of a level."""
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == "td-trade-growth-1998-h1"


@pytest.mark.parametrize(("first", "followup"), [
    ("1997 жылғы сауда айналымы қанша?", "ал келесі жылдың алғашқы жартысында ше?"),
    ("Товарооборот в 1997 году?", "а в первой половине следующего года?"),
])
def test_the_next_years_half_after_a_year_is_the_year_after(engine: AnswerEngine, first: str, followup: str) -> None:
    answer = engine.answer(followup, previous=last_turn(engine, first))
    assert answer.answered and answer.facts[0].id == "td-trade-growth-1998-h1"


def test_if_possible_in_kazakh_is_courtesy_not_a_topic(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Мумкин болса, 2000 жылы Назарбаевтын Ресейге мемлекеттик сапары кай кундери болды?"), "18")


def test_a_mistyped_word_of_the_question_before_still_names_the_topic_of_a_follow_up(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "By how much did Kazakhstan's exprots to Russia rise in 2011?")
    answered_with(engine.answer("and what did they reech?", previous=previous), "7.5")


def test_qansha_turady_asks_a_price_not_how_many_live(engine: AnswerEngine) -> None:
    """"қанша тұрады?" is "what does it cost?"; "қанша қазақ тұрады?" still asks how many people live."""
    answered_with(engine.answer("Бірлескен өнеркәсіптік жобалар қанша тұрады?"), "22")
    assert not engine.answer("Семейдегі ЖЭО қанша тұрады?").answered


def test_bar_there_is_asks_no_list(engine: AnswerEngine) -> None:
    """"бар" (there is) is not "барлық" (all): how many servicemen there are at a range is a figure the sources lack."""
    assert "list" not in engine.understanding.parse("Сарышаған полигонында қанша ресейлік әскери қызметкер бар?").intents
    assert not engine.answer("Сарышаған полигонында қанша ресейлік әскери қызметкер бар?").answered


def test_is_home_to_names_no_topic(engine: AnswerEngine) -> None:
    answered_with(engine.answer("What region is home to the launch site Russia rents from KZ?"), "Kyzylorda")


def test_the_average_growth_of_trade_is_dated_to_the_2008_figures_it_stands_beside(engine: AnswerEngine) -> None:
    answered_with(engine.answer("How fast was Kazakhstan–Russia trade growing per year on average up to 2008?"), "30")



def test_a_follow_up_naming_another_month_is_not_the_fact_just_shown(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Какой фестиваль с Лепсом отменили в марте 2023 года?")
    answer = engine.answer("а его июньский концерт?", previous=previous)
    assert answer.answered and answer.facts[0].id == "ev-leps-almaty-concert-cancelled"


def test_a_four_letter_word_missing_a_vowel_is_read_as_the_word(engine: AnswerEngine) -> None:
    """"lese" is "lease" without its "a"; "uime" (to my group) is not "ukime" (government): a dropped
    consonant makes another word."""
    assert "lease" in {c for c, _ in engine.index.expand("lese")}
    assert not engine.index.expand("uime")
    answered_with(engine.answer("when was the baikonur lese signed"), "1994")


def test_an_overview_tells_each_sources_version_of_a_disputed_fact_it_tells_in_full(engine: AnswerEngine) -> None:
    answer = engine.answer("Tell me about the Kazakhstan-Russia border")
    assert answer.kind == "overview" and answer.facts[0].id == "fg-land-border-length"
    for figure in ("7,591", "7,200", "7,000"):
        assert figure in body_text(answer)


def test_a_hyphened_better_describes_and_asks_no_opinion(engine: AnswerEngine) -> None:
    """"better" alone asks advice ("is it better to …?"); "better-developed" only describes."""
    answered_with(engine.answer("What raw materials made the Kazakh SSR a better-developed republic?"), "uranium")
    assert not engine.answer("Is it better to trade with Russia or with China?").answered


@pytest.mark.parametrize(("question", "expected"), [
    ("До какого города шёл нефтепровод от Тенгиза по решению 1996 года?", "Новороссийск"),
    ("Теңізден қай қалаға дейін мұнай құбыры тартылмақ болды?", "Новороссийск"),
])
def test_up_to_which_place_asks_the_place_not_until_when(engine: AnswerEngine, question: str, expected: str) -> None:
    answered_with(engine.answer(question), expected)


def test_up_to_which_date_still_asks_until_when(engine: AnswerEngine) -> None:
    assert "until" in engine.understanding.parse("До какого срока продлили аренду Байконура?").intents
    assert "until" not in engine.understanding.parse("До какой суммы упал ввоз из России в 1999 году?").intents


def test_days_told_in_the_text_answer_which_days(engine: AnswerEngine) -> None:
    """The SCO summit fact is dated by its June report; its text gives the summit's days."""
    answered_with(engine.answer("Какого числа проходил саммит ШОС в Астане в 2024 году?"), "3–4")


def test_a_work_told_as_finished_answers_when_it_ended(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Когда закончилась демаркация казахстанско-российской границы?"), "2000")


@pytest.mark.parametrize("message", ["прив", "қайырлы түн", "кандай тилдерде жауап бересин", "кто ты такой?"])
def test_more_small_talk_is_answered_in_kind(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


def test_how_many_years_something_turns_is_counted_to_the_year_named_or_this_year(
        engine: AnswerEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "today", lambda: dt.date(2026, 11, 30))
    answered_with(engine.answer("Сколько лет исполнится дипломатическим отношениям в 2027 году?"), "35")
    answered_with(engine.answer("скока лет дипотношениям?"), "34")
    answered_with(engine.answer("Отношения установлены в 1992 году. Сколько лет им исполнится в 2030 году?"), "38")


def test_a_years_list_names_each_occasion_before_more_facts_of_one_day(engine: AnswerEngine) -> None:
    """Three facts of the Astana forum day must not crowd out the January visa rules."""
    answer = engine.answer("What happened in 2023?")
    shown = [f.id for f in answer.facts]
    assert "ev-visa-rules-tightened-2023" in shown
    assert sum(1 for f in answer.facts if f.when and (f.when.year, f.when.month, f.when.day) == (2023, 11, 9)) == 1
    in_1998 = [f.title["en"] for f in engine.answer("What happened in 1998?").facts]
    assert any("Eternal Friendship" in title for title in in_1998)  # documents of one day are all listed


@pytest.mark.parametrize("question", [
    "I should be most obliged if you could tell me when President Nazarbayev paid his state visit to Russia in 2000.",
    "у меня завтра экзамен, а я так и не нашла точную дату госвизита Назарбаева в Россию в 2000 году. подскажите, когда он был?",
])
def test_a_courteous_or_explained_question_keeps_what_it_asks(engine: AnswerEngine, question: str) -> None:
    """"should" in a courtesy, "paid" a visit and "tomorrow" beside a past year ask no advice, money or forecast."""
    answered_with(engine.answer(question), "18")


@pytest.mark.parametrize("question", ["саўда айналымы 2011", "2011 жылы сауда айналымы қанша боды"])
def test_a_short_u_or_a_letter_dropped_from_a_stop_word_is_still_read(engine: AnswerEngine, question: str) -> None:
    answered_with(engine.answer(question), "23,8")


@pytest.mark.parametrize(("question", "year"), [("какие доки подписали в 1998?", "1998"), ("what went on in 1996?", "1996"),
                                                 ("че было в 93м между нами и рашкой", "1993")])
def test_slang_for_documents_events_and_russia_still_asks_for_the_years_list(engine: AnswerEngine, question: str,
                                                                             year: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "list" and answer.heading == year


def test_what_was_signed_during_a_visit_lists_the_documents_of_its_days(engine: AnswerEngine) -> None:
    answer = engine.answer("Какие документы подписали во время первого визита Назарбаева в Россию?")
    assert answer.kind == "list"
    assert {"vi-nazarbayev-russia-1994", "tr-baikonur-lease-1994"} <= {f.id for f in answer.facts}
    assert not engine.answer("Сколько платит Россия за Байконур по соглашению 1994 года?").answered


def test_all_documents_signed_in_a_year_are_listed_in_kazakh_too(engine: AnswerEngine) -> None:
    """"қол қойылған барлық құжаттар" names no one document: "қол", "барлық" and "айтып бер" only ask the list."""
    answer = engine.answer("1998 жылы қол қойылған барлық құжаттарды айтып бер")
    assert answer.kind == "list"
    assert {"tr-eternal-friendship-declaration-1998", "tr-caspian-seabed-1998"} <= {f.id for f in answer.facts}


def test_during_a_period_asks_no_duration(engine: AnswerEngine) -> None:
    assert "duration" not in engine.understanding.parse("В период визита Ельцина в 1996 году что решили по Тенгизу?").intents
    assert "duration" in engine.understanding.parse("For what period was Baikonur leased?").intents


def test_let_out_is_leased(engine: AnswerEngine) -> None:
    answered_with(engine.answer("When was the cosmodrome let out to Russia?"), "1994")


@pytest.mark.parametrize("message", ["What kinds of questions can you answer?", "what you can do?"])
def test_asking_what_the_bot_answers_is_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


@pytest.mark.parametrize(("question", "expected"), [
    ("What was trade worth in the year that followed the start of the Customs Union?", "23.8"),
    ("Сколько ввезли из России в Казахстан за год, непосредственно предшествовавший госвизиту Н.А. Назарбаева "
     "в июне 2000 года?", "1,5"),
])
def test_more_ways_of_naming_a_year_by_an_event(engine: AnswerEngine, question: str, expected: str) -> None:
    """"the year that followed X", "за год, непосредственно предшествовавший X" (and an initial is no sentence end)."""
    answered_with(engine.answer(question), expected)


def test_a_quoted_listeners_question_is_asked(engine: AnswerEngine) -> None:
    answer = engine.answer("Тыңдарманымыз сұрайды: «2013 жылы қандай маңызды оқиғалар болды?»")
    assert answer.kind == "list" and answer.heading == "2013"


def test_from_which_day_asks_a_day(engine: AnswerEngine) -> None:
    assert "day" in engine.understanding.parse("Бидай импортына тыйым шілденің қай күнінен бастап енгізілді?").intents
    assert not engine.answer("Бидай импортына тыйым шілденің қай күнінен бастап енгізілді?").answered


def test_the_eurasian_five_is_the_eaeu(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Какова доля России в торговле Казахстана с евразийской пятёркой?"), "91,8")


def test_a_visit_paid_asks_no_money(engine: AnswerEngine) -> None:
    answer = engine.answer("List every visit Medvedev paid to Kazakhstan in 2008.")
    assert answer.answered and answer.kind == "list"


@pytest.mark.parametrize("question", [
    "What did Kazakhstan announce three days after Russia recognised its independence?",
    "Ресей біздің тәуелсіздігімізді мойындағаннан кейін үш күн өткенде Қазақстан не жариялады?",
])
def test_some_days_after_an_event_are_the_facts_of_that_day(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.answered and answer.facts[-1].id == "ev-kz-recognises-ru-independence"


def test_exactly_a_year_after_a_day_is_the_next_year(engine: AnswerEngine) -> None:
    """"егемендік" keeps its own word beside "тәуелсіздік": the 1990 declaration, not the 1991 recognition."""
    answered_with(engine.answer("Ресей егемендік декларациясын қабылдаған күннен дәл бір жыл өткенде не болды?"), "Ельцин")


def test_two_questions_joined_by_a_comma_are_both_answered(engine: AnswerEngine) -> None:
    answer = engine.answer("Қазақстан мен Ресей бірлесіп қанша өнеркәсіптік жобаны жүзеге асырып жатыр, олардың құны қанша?")
    assert {"td-joint-industrial-projects", "td-joint-projects-worth"} <= {f.id for f in answer.facts}
    assert engine.understanding.two_parts("2000 жылы Назарбаев Ресей Үкіметінің қай Төрағасымен кездесті, аты-жөні кім?") is None


def test_an_issue_is_the_topic_itself(engine: AnswerEngine) -> None:
    """"мәселесі" (issue) names no topic, and is no mistyped "население" (population)."""
    answer = engine.answer("Каспий мәселесі")
    assert answer.kind == "overview" and "tr-caspian-seabed-1998" in {f.id for f in answer.facts}
    assert "how_much" not in engine.understanding.parse("Ядролық қару мәселесі").intents


def test_a_new_ordinal_replaces_the_one_asked_before(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Қазақстан–Ресей қатынастарының екінші кезеңі қашан болды?")
    answer = engine.answer("ал үшінші кезеңі ше?", previous=previous)
    assert answer.answered and answer.facts[0].id == "ev-relations-stage-3"


def test_a_day_said_in_words_finds_its_fact(engine: AnswerEngine) -> None:
    answer = engine.answer("What does Russia celebrate on the twelfth of June?")
    assert answer.answered and answer.facts[0].id == "ev-russia-sovereignty-declaration"


def test_papers_counted_are_documents_counted(engine: AnswerEngine) -> None:
    answered_with(engine.answer("How many papers came out of Nazarbayev's first official visit to Russia?"), "22")


def test_kz_or_rf_asks_which_side_not_a_person(engine: AnswerEngine) -> None:
    assert engine.answer("мұнай мен газды арзанға кім кімге сатады, КЗ ма РФ па?").answered


def test_the_next_years_month_after_an_event(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Назарбаевтың Ресейге алғашқы ресми сапарынан кейін келесі жылдың қаңтарында "
                                "қандай декларацияға қол қойылды?"), "1995")


def test_you_are_a_star_is_thanks(engine: AnswerEngine) -> None:
    """The thanks closing a message is dropped, so the question before it is answered."""
    assert engine.answer("thanks, you are a star!").kind == "smalltalk"
    answered_with(engine.answer("Hi! My pupil wants to know which day Russia Day falls on. Which day is it? "
                                "Many thanks in advance, you are a star!"), "12")


def test_an_uzbek_style_apostrophe_joins_its_word(engine: AnswerEngine) -> None:
    """"bo'lghan" is one word; "Russia's" keeps its possessive."""
    answer = engine.answer("1993 jyly Qazaqstan men Resei arasynda ne bo'lghan?")
    assert answer.kind == "list" and answer.heading == "1993"
    assert engine.answer("What was Russia's share of Kazakhstan's foreign trade in 2011?").answered


def test_a_share_asked_in_tonnes_is_answered_by_the_figure_in_tonnes(engine: AnswerEngine) -> None:
    """"The share … grew to how many tonnes?": the unit of the figure asked decides, not the word "share"."""
    answer = engine.answer("ресейдің құбырлары арқылы жіберілетін мұнайдың үлесі қанша тоннаға дейін өсті?")
    answered_with(answer, "14")
    assert answer.facts[0].id == "tr-oil-transit-quota-2000"


@pytest.mark.parametrize("question", [
    "What was the trade turnover between Atyrau Region and Russia in 2011?",
    "Қостанай облысы мен Ресей арасындағы сауда айналымы 2011 жылы қанша?",
    "Какой товарооборот был между Актюбинской областью и Россией в 2011 году?",
])
def test_a_regions_figure_is_not_the_two_countries(engine: AnswerEngine, question: str) -> None:
    """A region as one party of the trade asks a figure the sources do not give; a capital standing
    for its state ("Мәскеу мен Астана арасындағы") asks the countries' own."""
    near_miss_of(engine.answer(question), "td-trade-turnover-2011")
    answered_with(engine.answer("Мәскеу мен Астана арасындағы сауда айналымы 2011 жылы қанша болды?"), "23,8")


def test_a_mistyped_word_of_change_asks_the_change(engine: AnswerEngine) -> None:
    answer = engine.answer("how much did the trade turnover grwo in 2011?")
    answered_with(answer, "42.3")


def test_low_prices_ask_what_was_sold_not_an_amount(engine: AnswerEngine) -> None:
    answer = engine.answer("what did kazakhstan supply to russia at low prices?")
    answered_with(answer, "oil")
    assert answer.facts[0].id == "td-cheap-oil-gas-russian-investment"


def test_an_abbreviation_spelled_out_touches_the_title_that_abbreviates_it(engine: AnswerEngine) -> None:
    """"Ұжымдық қауіпсіздік шарты ұйымы" in full is the "ҰҚШҰ" of the fact's title."""
    answer = engine.answer("мен тарих пәнінің мұғалімімін сабаққа дайындалып отырмын 2022 жылы ұжымдық қауіпсіздік "
                           "шарты ұйымы бізге қай күні келді")
    answered_with(answer, "6")
    assert answer.facts[0].id == "ev-csto-peacekeeping-2022"


@pytest.mark.parametrize("question", ["что подписали 6 июля 1998 года?", "1998 жылғы 6 шілдеде не нәрселерге қол қойылды?"])
def test_a_day_named_in_full_gives_every_fact_of_that_day(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.answered
    assert {"tr-eternal-friendship-declaration-1998", "tr-caspian-seabed-1998"} <= {f.id for f in answer.facts}


def test_stuff_is_goods(engine: AnswerEngine) -> None:
    assert engine.answer("what stuff does kz import from russia").facts[0].id == "td-kz-imports-from-russia-goods"


def test_a_rank_answers_how_big_but_first_counts_nothing(engine: AnswerEngine) -> None:
    """"The second largest republic" tells the size asked; "the first cosmonauts" tells no number of days,
    and "Russia ranks fifth among investors" no sum invested."""
    answered_with(engine.answer("Kazakh SSR size USSR"), "second")
    assert not engine.answer("Aidyn Aiymbetov ğaryşta neşe kün boldy?").answered
    invested = engine.answer("how much have kazakh companies invested in russia?")
    assert not (invested.answered and invested.facts[0].id == "td-russia-fifth-largest-investor")


def test_the_year_after_a_year_is_asked_of_that_year(engine: AnswerEngine) -> None:
    answered_with(engine.answer("what was the trade turnover in the year after 2010?"), "23.8")


def test_which_closing_a_kazakh_question_after_day_asks_the_day(engine: AnswerEngine) -> None:
    """"… нақты күні қайсы?" asks an exact day, which a fact dated to its month does not give."""
    question = "Медведевтің 2008 жылғы шілдедегі Қазақстанға сапарының нақты күні қайсы?"
    near_miss_of(engine.answer(question), "vi-medvedev-visits-2008")


def test_a_year_in_review_is_that_years_facts(engine: AnswerEngine) -> None:
    """"Итоги 2023 года" asks what the year held, not the results of one forum."""
    answer = engine.answer("Итоги 2023 г. в отношениях РК–РФ?")
    assert answer.answered and len({f.id for f in answer.facts}) >= 2


def test_a_long_follow_up_matching_a_fact_in_full_stands_alone_despite_their(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "What did Kazakhstan change about visas in January 2023?")
    answer = engine.answer("And what had Tokayev promised the Russians who were leaving their country?", previous=previous)
    assert answer.facts[0].id == "ev-tokayev-help-russians-leaving"


def test_my_pupil_asking_after_a_follow_up_is_not_the_question(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Григорий Лепстің Алматы облысындағы концерті қашан тоқтатылды?")
    answered_with(engine.answer("неге тоқтатылды? оқушым сұрап тұр", previous=previous), "Украин")


def test_an_overview_tells_its_three_main_facts_when_they_fit(engine: AnswerEngine) -> None:
    answer = engine.answer("Байконур")
    assert answer.kind == "overview"
    body = body_text(answer)
    assert "Кызылорд" in body and "20 лет" in body and len(body) < 900


@pytest.mark.parametrize(("question", "said"), [
    ("где находится космическая гавань, которую арендует Россия?", "Кызылординской"),
    ("Солтустиктеги коршимизбен мемлекеттик шегимиз канша шакырым?", "7591"),  # typed on a Russian keyboard
])
def test_more_metonyms_stand_for_what_the_facts_name(engine: AnswerEngine, question: str, said: str) -> None:
    """"космическая гавань" is the cosmodrome; "солтүстіктегі көршіміз" Russia, "мемлекеттік шегіміз" the border."""
    answered_with(engine.answer(question), said)


def test_facts_told_in_full_in_a_list_are_led_by_their_dates(engine: AnswerEngine) -> None:
    """"май 2008 г. — …": the month as a reader looks it up, though the text says "в мае"; a text that
    already gives its date ("В 2008 г. …") is not led by it again."""
    answer = engine.answer("перечисли все визиты Медведева в Казахстан в 2008 году")
    body = body_text(answer)
    assert "май 2008 г. — " in body and "2008 г. — В 2008 г." not in body


@pytest.mark.parametrize(("question", "said"), [
    ("в каких международных организациях Казахстан и Россия были в числе основателей?", "ШОС"),  # among, not a date
    ("Чем закончилась встреча президентов в Кокшетау в 1992 году?", "заявлени"),  # its outcome, not until when
    ("Kostanay diesel JV stakes", "60%"),  # a joint venture's shares
    ("how big was soviet kazakhstan compared to the other ussr republics", "second"),  # a size told as a rank
])
def test_set_phrases_and_abbreviations_ask_what_they_mean(engine: AnswerEngine, question: str, said: str) -> None:
    answered_with(engine.answer(question), said)


def test_rich_in_is_no_mistyped_which(engine: AnswerEngine) -> None:
    """"bai" (rich) is a word of its own, not "qai" mistyped into a question of when."""
    previous = last_turn(engine, "Qazaq KSR-ı KSRO ışındegı kölemı boiynşa neşınşı respublika boldy?")
    answered_with(engine.answer("qandai şikızatqa bai boldy?", previous=previous), "uran")


@pytest.mark.parametrize("question", ["ОДКБ", "what is the SCO?", "ШОС - что это и при чём тут Казахстан с Россией?"])
def test_an_organisation_by_its_abbreviation_gets_an_overview(engine: AnswerEngine, question: str) -> None:
    """An abbreviation spelt out in three words is still one name asked about; "organisation" in its
    spelt-out name asks for no list."""
    answer = engine.answer(question)
    assert answer.kind == "overview" and "fg-founding-members-sco-csto" in [f.id for f in answer.facts]


def test_when_an_agreement_not_to_pay_twice_was_made_asks_a_date_not_a_sum(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Когда Казахстан и Россия договорились, чтобы предприятия не платили налог два раза?"),
                  "1996")


@pytest.mark.parametrize(("first", "then", "said"), [
    ("Где расположен полигон Сары-Шаган?", "а Эмба?", "Актюбинск"),
    ("Сары-Шаған полигоны қай облыста?", "ал Эмба ше?", "Ақтөбе"),
])
def test_a_follow_up_naming_another_thing_asks_the_same_of_it(engine: AnswerEngine, first: str, then: str,
                                                              said: str) -> None:
    answer = engine.answer(then, previous=last_turn(engine, first))
    answered_with(answer, said)
    assert answer.facts[0].id == "fg-range-emba"


def test_a_follow_up_naming_a_detail_the_fact_shown_lacks_gets_the_fact_that_has_it(engine: AnswerEngine) -> None:
    """The previous question's words ("халқы") keep the population on top; "экономикалық қуаты" asks the economy."""
    answer = engine.answer("ал экономикалық қуаты ше?", previous=last_turn(engine, "Кеден одағындағы үш елдің халқы қанша?"))
    answered_with(answer, "1,7")
    assert answer.facts[0].id == "td-customs-union-economy"

@pytest.mark.parametrize("first, then", [
    ("Когда заработал Таможенный союз?", "кто потом присоединился?"),
    ("Кеден одағы қашан жұмысын бастады?", "кейін оған қай елдер қосылды?"),
])
def test_a_follow_up_asking_which_countries_after_when_leans_on_the_topic_not_the_date(engine: AnswerEngine, first: str,
                                                                                       then: str) -> None:
    """"Who joined later?" asks anew (countries, not a date): the old "when" would keep the start of the union on top."""
    answer = engine.answer(then, previous=last_turn(engine, first))
    answered_with(answer, "Армени")
    assert answer.facts[0].id == "fg-customs-union-to-eaeu"



@pytest.mark.parametrize("question", ["How big was Kazakhstan-Russia trade in 2023?",
                                      "товарооборот России и Казахстана в 2023 году"])
def test_a_figure_asked_for_a_year_its_series_skips_is_declined_with_the_series(engine: AnswerEngine, question: str) -> None:
    """Facts of 2023 speak of trade, but no trade figure is given for 2023: the years that have one are offered."""
    answer = engine.answer(question)
    assert not answer.answered and answer.suggestions
    assert all(f.metric == "trade_turnover" for f in answer.suggestions)


def test_a_follow_up_year_the_series_skips_is_declined(engine: AnswerEngine) -> None:
    answer = engine.answer("and in 2023?", previous=last_turn(engine, "How big was Kazakhstan-Russia trade in 2008?"))
    assert not answer.answered and answer.suggestions and answer.suggestions[0].metric == "trade_turnover"
    answered_with(engine.answer("and in 2010?", previous=last_turn(engine, "How big was Kazakhstan-Russia trade in 2008?")), "15")


def test_each_other_names_nothing_to_match(engine: AnswerEngine) -> None:
    """"бір-бірімен" (with each other) says the sides acted alike; matched as words it drew the three basic documents."""
    answered_with(engine.answer("Мәскеу мен Астана осы күнге дейін бір-бірімен қанша құжатқа қол қойысты?"), "400")


@pytest.mark.parametrize(("first", "then"), [
    ("кто выиграл первые выборы президента россии", "а в казахстан он приезжал?"),
    ("Ресейдің алғашқы президенттік сайлауында кім жеңді?", "ол Қазақстанға келді ме?"),
])
def test_he_or_she_beside_what_a_person_does_is_the_person_just_shown(engine: AnswerEngine, first: str, then: str) -> None:
    """"он", "ол" also mean "it"; beside "приезжал", "келді" they stand for Yeltsin, not for the election."""
    answer = engine.answer(then, previous=last_turn(engine, first))
    assert answer.answered and answer.facts[0].id.startswith("vi-yeltsin")


def test_within_what_event_follows_up_the_meeting_just_shown(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "When did Tokayev and Putin meet in Astana in 2023?")
    answered_with(engine.answer("within what event?", previous=previous), "Interregional")


def test_a_short_question_naming_another_facts_title_leaves_the_fact_just_shown(engine: AnswerEngine) -> None:
    """The declaration's text speaks of Russia Day, but the question names the fact of the holiday's name."""
    previous = last_turn(engine, "when did yeltsin win the presidential election",
                         "and when was the declaration of state sovereignty adopted?")
    answer = engine.answer("when did the holiday get the name russia day?", previous=previous)
    assert answer.facts[0].id == "ev-russia-day-name-2002"


def test_typos_no_fact_uses_do_not_decline_a_fact_both_signals_put_far_ahead(engine: AnswerEngine) -> None:
    answered_with(engine.answer("1999 жылы Ресейден Қазақстанға әкелінген тауралдың көлмі қанша болды?"), "1,5")


def test_which_state_asked_in_the_singular_may_be_one_of_the_two_sides(engine: AnswerEngine) -> None:
    """"Which state first set up relations with the Kazakh Khanate?": Russia's tsardom, one of the sides;
    "which countries" (plural) still asks for others."""
    answered_with(engine.answer("Qasym han tūsynda qai memleket Qazaq handyğymen alğaş diplomatiialyq qatynas ornatty?"),
                  "Orys")
    answered_with(engine.answer("which countries are in the EAEU besides Kazakhstan and Russia?"), "Armenia")


def test_a_declined_question_naming_a_side_is_not_answered_by_the_previous_question_again(engine: AnswerEngine) -> None:
    """Retried "with the sides swapped", a previous question that names no side is itself: its answer again."""
    answer = engine.answer("Will Kazakhstan join BRICS by 2030?",
                           previous=last_turn(engine, "When were diplomatic relations established?"))
    assert not answer.answered


@pytest.mark.parametrize("question, year", [
    ("Чем был отмечен 1998 год для отношений Казахстана и России?", 1998),
    ("1994 жыл екі ел қатынастарының тарихында немен есте қалды?", 1994),
    ("What was 2000 notable for in the history of the two countries' relations?", 2000),
])
def test_a_year_asked_what_it_was_marked_by_lists_that_years_facts(engine: AnswerEngine, question: str, year: int) -> None:
    """"Чем был отмечен … год", "тарихында немен есте қалды": the year's facts, not a decline."""
    answer = engine.answer(question)
    assert answer.kind == "list" and answer.answered
    assert all(f.when is not None and f.when.year <= year <= (f.end.year if f.end else f.when.year) for f in answer.facts[:2])


@pytest.mark.parametrize("message", ["Қалайсың, жағдайың жақсы ма?", "Сен кімсің және саған қандай сұрақтар қоюға болады?",
                                     "qalaisyn, jagdaiyn jaksy ma?"])
def test_kazakh_how_are_you_and_what_may_i_ask_are_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


def test_which_region_in_kazakh_asks_where_and_gets_the_fact_that_names_the_region(engine: AnswerEngine) -> None:
    """"қай өңірінде" asks where: the lease fact (no region) gives way to the one naming Kyzylorda Region."""
    answer = engine.answer("Ресейдің ғарыш айлағы Қазақстанның қай өңірінде орналасқан?")
    answered_with(answer, "Қызылорда")


@pytest.mark.parametrize("first, then", [
    ("Товарооборот Казахстана и России в 2008 году?", "а в среднем на сколько растёт в год?"),
    ("Trade between Kazakhstan and Russia in 2005?", "and how fast does it grow every year?"),
    ("2008 жылы екі елдің саудасы қанша болды?", "жыл сайын орташа қаншаға өседі?"),
])
def test_a_follow_up_asking_a_yearly_rate_is_not_asked_of_the_year_just_shown(engine: AnswerEngine, first: str,
                                                                              then: str) -> None:
    answer = engine.answer(then, previous=last_turn(engine, first))
    answered_with(answer, "30")
    assert answer.facts[0].id == "td-trade-growth-30-percent-a-year"


@pytest.mark.parametrize("question, ids", [
    ("Keden odağyna kırgen üş eldıñ halqy men ekonomikalyq äleuetı qanşa?",
     {"td-customs-union-population", "td-customs-union-economy"}),
    ("Население и экономический потенциал трёх стран Таможенного союза?",
     {"td-customs-union-population", "td-customs-union-economy"}),
    ("Қазақстан мен Ресей бірлесіп қанша өнеркәсіптік жоба жүргізеді және олардың жалпы құны қанша?",
     {"td-joint-industrial-projects", "td-joint-projects-worth"}),
])
def test_two_things_asked_with_and_are_both_told_in_full(engine: AnswerEngine, question: str, ids: set[str]) -> None:
    """The best fact holds one of the two asked things and a close runner-up the other: both are told."""
    answer = engine.answer(question)
    assert answer.kind == "list" and {f.id for f in answer.facts} == ids


def test_kazakhstan_and_russia_joined_by_and_are_not_two_things_asked(engine: AnswerEngine) -> None:
    """"Қазақстан мен Ресей" names the sides: the answer is the one fact asked, not a pair."""
    answer = engine.answer("Қазақстан мен Ресей өзара есеп айырысуда қандай валютаны қолданады?")
    assert answer.kind == "fact" and answer.facts[0].id == "td-settlements-national-currencies"


def test_words_typed_with_a_letter_left_out_are_read_as_meant(engine: AnswerEngine) -> None:
    """"кызлорда облсындагы": each word one left-out letter from a word of the facts, mended before the ranking."""
    answer = engine.answer("ресейдин кызлорда облсындагы нысаны кандай?")
    assert answer.answered and answer.facts[0].id == "fg-baikonur-largest-range"


def test_a_vowel_left_out_of_a_consonant_run_is_put_back_before_the_question_is_read(engine: AnswerEngine) -> None:
    """"baikonur kai oblsta ornalaskn": "oblsta" reads fuzzily as "oblast", yet it is "oblysta", and with it the
    question asks where Baikonur is."""
    answer = engine.answer("baikonur kai oblsta ornalaskn")
    assert answer.answered and answer.facts[0].id == "fg-baikonur-largest-range"


def test_a_word_one_added_letter_from_a_question_word_asks_nothing(engine: AnswerEngine) -> None:
    """"қосатын" (joining) is one letter more than "cost": it asks no amount, so the railway fact answers."""
    answer = engine.answer("Орынбор мен Ташкентті қосатын қандай темір жол салынды?")
    answered_with(answer, "Арал")


def test_that_same_month_asks_of_the_month_and_year_of_the_fact_just_shown(engine: AnswerEngine) -> None:
    """After the April 1996 visit, "that same month" is April 1996: the joint venture of 27 April is told."""
    previous = last_turn(engine, "When did Yeltsin come to Kazakhstan and sign the Caspian statement?")
    answer = engine.answer("and what joint venture was agreed that same month?", previous=previous)
    assert "tr-kostanay-diesel-jv-1996" in {f.id for f in answer.facts}
    assert "27" in body_text(answer)


@pytest.mark.parametrize("question", ["Ресейдің сыртқы саясат тұжырымдамасы Қазақстанды кім ретінде қарастырады?",
                                      "Kremlin Qazaqstandy kım retınde qarastyrady?"])
def test_as_whom_asks_what_a_side_is_taken_for_not_a_persons_name(engine: AnswerEngine, question: str) -> None:
    """"кім ретінде" (as whom) asks a role: the fact naming it answers though it names no person."""
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == "ev-russian-vector-priority"


@pytest.mark.parametrize("question, count", [("How many firms with Russian capital were there in Kazakhstan by 2008?", "1,600"),
                                             ("2008 жылы Қазақстанда ресейлік капиталы бар қанша кәсіпорын болды?", "1600")])
def test_the_enterprise_count_given_beside_2008_figures_answers_a_question_naming_2008(engine: AnswerEngine,
                                                                                      question: str, count: str) -> None:
    """The 2009 article gives the count in its passage of 2008 figures: a question naming 2008 is answered."""
    answered_with(engine.answer(question), count)


def test_a_sum_in_us_dollars_names_no_other_country(engine: AnswerEngine) -> None:
    answered_with(engine.answer("What was the Kazakhstan-Russia trade turnover in 2011, in US dollars?"), "23.8")
    assert not engine.answer("How much did the US invest in Kazakhstan?").answered


def test_a_short_remark_after_the_question_that_names_nothing_is_left_out(engine: AnswerEngine) -> None:
    """"… qansha boldy? slaidqa kerek" (for a slide): the remark is no topic the facts lack."""
    answered_with(engine.answer("2011 jyly Qazaqstannyñ Reseige eksporty qansha boldy? slaidqa kerek"), "7,5")


def test_a_polite_russian_question_with_not_is_asked_alone(engine: AnswerEngine) -> None:
    """"Не могли бы вы …" points at nothing: the sentence about the asker before it is left out."""
    answer = engine.answer("Добрый вечер! Извините, что поздно пишу, завтра сдавать реферат, а я не успел. "
                           "Не могли бы вы подсказать, между какими областями поставили первый пограничный знак? Спасибо")
    answered_with(answer, "Атырау")


def test_a_rocket_launching_site_is_the_cosmodrome(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Ресей зымырандарын ұшыратын алаң қай облыста орналасқан?"), "Қызылорда")


def test_two_figures_asked_as_either_or_are_compared(engine: AnswerEngine) -> None:
    answer = engine.answer("Which was larger: Kazakhstan's exports to Russia in 2011 or its imports from Russia in 1999?")
    answered_with(answer, "7.5", "1.5")
    assert answer.kind == "compare"


def test_engines_a_year_are_not_counted_by_the_plants_shares(engine: AnswerEngine) -> None:
    near_miss_of(engine.answer("Қостанай дизель зауыты жылына қанша двигатель шығарады?"), "tr-kostanay-diesel-jv-1996")


@pytest.mark.parametrize("question", ["В каком году Путин заявил, что у казахов не было государственности? Наука-то точная.",
                                      "In which year, exactly, did the cosmodrome lease get signed?"])
def test_exact_beside_which_year_asks_the_year_not_a_day(engine: AnswerEngine, question: str) -> None:
    """"В каком году …? … точная": the year is asked; "exact" alone asks no day a fact dated to its year lacks."""
    answer = engine.answer(question)
    assert answer.answered and answer.kind == "fact"


def test_who_signed_a_treaty_just_shown_is_asked_of_that_treaty_not_of_any(engine: AnswerEngine) -> None:
    """"Договор" opening the title is no name of its own: "а кто подписал?" asks of the 1992 treaty,
    whose signatories the sources do not name."""
    previous = last_turn(engine, "когда подписали договор о дружбе сотрудничестве и взаимной помощи")
    near_miss_of(engine.answer("а кто подписал?", previous=previous), "tr-friendship-treaty-1992")


@pytest.mark.parametrize("question", ["Когда закончили размечать на местности линию раздела между двумя государствами?",
                                      "When was the border marked out on the ground?"])
def test_marking_the_line_out_on_the_ground_is_the_demarcation(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == "fg-border-demarcation"


def test_have_a_nice_day_asks_no_day(engine: AnswerEngine) -> None:
    """A closing "have a nice day" is courtesy: the singer is asked, not the concert's day."""
    answer = engine.answer("a concert in almaty region was cancelled in june 2023 which russian singer was it "
                           "thanks a lot have a nice day")
    answered_with(answer, "Leps")


def test_the_year_the_askers_work_starts_from_is_not_asked(engine: AnswerEngine) -> None:
    """"… working on the relations since 1991. How many projects … do these projects have?": 1991 spans the
    asker's work, it dates nothing asked."""
    answer = engine.answer("I am a researcher working on the Kazakh-Russian economic relations since 1991. "
                           "How many joint industrial projects are Kazakhstan and Russia implementing, "
                           "and which total value do these projects have?")
    answered_with(answer, "100", "22")


def test_a_long_formal_letter_is_read_to_its_question(engine: AnswerEngine) -> None:
    """A polite letter of over 500 characters asks in its sixth sentence; "не откажите в любезности напомнить",
    "в рамках" and its formal closing ask nothing."""
    answer = engine.answer(
        "Добрый день, многоуважаемые коллеги! Пишу вам из Новосибирска, где живу уже много лет после долгой службы "
        "в министерстве, и где по вечерам разбираю старые бумаги, письма и записные книжки, оставшиеся с тех времён. "
        "Среди них немало заметок о переговорах, поездках и встречах, но даты в них перепутаны, а память уже не та. "
        "Ныне я пытаюсь восстановить для внуков хронологию событий тех лет и прошу у вас помощи, потому что "
        "спросить больше некого: многие сослуживцы разъехались по разным городам, а иных уже нет с нами. "
        "Не откажите в любезности напомнить: с кем из бывших руководителей России встречался Назарбаев "
        "в рамках государственного визита летом 2000 года? "
        "Заранее признателен за ваш труд и прошу принять уверения в моём глубоком уважении.")
    answered_with(answer, "Ельцин")


def test_a_kazakh_plea_to_tell_asks_nothing_itself(engine: AnswerEngine) -> None:
    """"Айтып жібересіз бе" (could you tell me) and the Russian "товарооборот" in a Kazakh question."""
    answered_with(engine.answer("Айтып жібересіз бе, 2008 жылы екі ел арасындағы товарооборот қанша болған?"), "20")


def test_a_question_pointing_back_at_what_the_asker_heard_is_about_that(engine: AnswerEngine) -> None:
    """"она" is the trade the asker once heard of ("… слышать, что двусторонняя торговля … росла"), in a sentence
    otherwise about the asker."""
    answer = engine.answer("Мне доводилось слышать ещё в бытность мою на службе, что двусторонняя торговля к 2008 году "
                           "росла весьма бойкими темпами. На сколько процентов в среднем в год она увеличивалась "
                           "по данным того времени?")
    answered_with(answer, "30")


def test_a_question_pointing_at_what_the_asker_keeps_reading_about_is_about_that(engine: AnswerEngine) -> None:
    """"those plants" are the thermal power plants of the asker's sentence before it."""
    answer = engine.answer("Hello, hope you're well. Student here, from Baku. I'm preparing a talk and keep seeing "
                           "a 2023 deal with Russia on thermal power plants. In which cities are those plants supposed to go up?")
    answered_with(answer, "Kokshetau", "Semey")


@pytest.mark.parametrize("question", ["Kedendik odaqqa kirgen ush eldiñ halqy men ekonomikalyq quaty qansha bolgan?",
                                      "Кеден одағына кірген үш елдің халқы мен экономикалық қуаты қанша болған?"])
def test_two_things_joined_by_and_get_both_facts_though_one_matches_far_better(engine: AnswerEngine, question: str) -> None:
    """"халқы мен экономикалық қуаты": the population's fact holds most words; the economy's, scoring about half
    as well, holds the other thing asked, and both are told."""
    answered_with(engine.answer(question), "170", "1,7")


def test_then_is_later_who_joined_the_customs_union_afterwards(engine: AnswerEngine) -> None:
    """"потом" says what "впоследствии" says: the countries that joined later, not the union's start."""
    answered_with(engine.answer("кто потом присоединился к ТС?"), "Армения", "Кыргызстан")


def test_what_something_is_worth_asks_a_sum(engine: AnswerEngine) -> None:
    """"… and whats there worth": the second part asks the projects' value, which the count's fact lacks."""
    answered_with(engine.answer("how many joint industrial projects do russia and kazakstan have and whats there worth"),
                  "100", "22")


def test_a_hurried_remark_after_a_pointing_question_is_no_part_of_it(engine: AnswerEngine) -> None:
    """"… эфир через 5 мин": how soon the answer is needed names no year or figure, and urgency no topic,
    though the question points at a year ("в тот год")."""
    answer = engine.answer("Какой был товарооборот в тот год, когда заработал Таможенный союз? быстро плз, эфир через 5 мин")
    assert answered_with(answer, "15").lang == "ru"


@pytest.mark.parametrize(("question", "figure"), [
    ("What was the trade turnover in the year right after the Customs Union began working?", "23.8"),
    ("Next year after the Customs Union started, how big was the trade turnover?", "23.8"),
    ("Какой товарооборот был в год старта Таможенного союза?", "15"),
])
def test_a_year_just_after_or_of_an_events_start_is_hopped_to(engine: AnswerEngine, question: str, figure: str) -> None:
    answered_with(engine.answer(question), figure)


@pytest.mark.parametrize("question", [
    "What is the yearly rent Russia pays for Baikonur?",
    "Какая ставка аренды Байконура, сколько $ в год?",
])
def test_a_sum_of_money_is_declined_not_told_as_an_overview(engine: AnswerEngine, question: str) -> None:
    """A money question opened by "what is" asks a sum the sources lack, not what Baikonur is."""
    near_miss_of(engine.answer(question), "tr-baikonur-lease-1994")


@pytest.mark.parametrize("question", [
    # "well done" and "I'm off"
    "Жарайсың, рахмет! Сау бол, кеттім", "Жарайсыз, көп рахмет!",
    # help with one's own work after "what can you do?"
    "Hey! What can you do? Can you help with my thesis on Kazakhstan and Russia?",
    "Hi, what can you do? Could you help me with my report on KZ and RU?",
])
def test_praise_leaving_and_help_with_ones_own_work_are_small_talk(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).kind == "smalltalk"


def test_a_fact_held_in_a_capital_names_its_city(engine: AnswerEngine) -> None:
    """Astana stands for Kazakhstan too, yet a meeting held there answers "in which city"."""
    answered_with(engine.answer("Ақорда мен Кремль басшылары 2023 жылдың қарашасында қай қалада кездесті?"), "Астана", "9")


@pytest.mark.parametrize(("question", "text"), [
    ("Когда было завершено размежевание границы на местности?", "2009"),
    ("how many treaties they signed so far?", "400"),
    ("ok and when the diplomatic relations were established itself?", "22"),
    # "our country" is Kazakhstan
    ("Солтүстік көршіміз зымыран айлағын біздің елден неше жыл мерзімге жалдап алды?", "20"),
    ("Когда Кремль официально признал нашу республику самостоятельной?", "1991"),
    ("When did Russia recognise our country?", "1991"),
    # a vocative and "I don't remember" ask nothing; "нешеге" (to how much) counts nothing after it
    ("Балам, 2009 жылы Қазақстан мен Ресей арасында қандай оқиғалар болды, есімде жоқ", "Астрахан"),
    ("2000 жылы қазақ мұнайының ресей құбырлары арқылы транзит квотасын нешеге көбейтуге келісті", "14"),
    # a misspelt percent; grain for wheat
    ("qostanai dizel zauytyndağy resei jağynyñ ülesi qanşa payyz", "60"),
    ("Ақорда 2024 жылы қай көршінің астығын елге кіргізбеді?", "бидай"),
])
def test_shorthand_synonyms_and_emphasis_are_understood(engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


def test_the_trade_analysts_shorthand_names_the_turnover(engine: AnswerEngine) -> None:
    """"т/о 2011" asks the turnover of 2011, not everything that happened that year."""
    answer = engine.answer("т/о 2011")
    assert answer.kind == "fact" and answer.facts[0].id == "td-trade-turnover-2011", body_text(answer)


def test_one_things_growth_is_not_compared_with_another_it_does_not_name(engine: AnswerEngine) -> None:
    """"вырос" asks a change; the total trade's growth, which the question never names, is not compared."""
    answer = engine.answer("на сколько процентов вырос экспорт Казахстана в Россию в 2011 году?")
    assert [f.id for f in answered_with(answer, "47,8").facts] == ["td-exports-growth-2011"]


def test_a_second_part_that_leaves_out_the_change_asks_it_too(engine: AnswerEngine) -> None:
    """"… экспорт канша пайызға өсті, ал жалпы сауда канша пайызға": the total trade's growth, not its share."""
    answered_with(engine.answer("2011 жылы экспорт канша пайызга ости ал жалпы сауда канша пайызга"), "47,8", "42,3")


def test_a_sentence_bidding_a_comparison_after_the_question_asks_too(engine: AnswerEngine) -> None:
    answered_with(engine.answer("2011 жылы Қазақстанның Ресейге экспорты қанша пайызға өсті? Жалпы сауда айналымының "
                                "өсуімен салыстырып беріңізші"), "47,8", "42,3")


def test_a_follow_up_on_an_amount_keeps_what_was_measured(engine: AnswerEngine) -> None:
    """"до какой суммы?" after the growth of exports asks the exports' value, not the turnover's
    ("экспорта" and "экспорт" stem apart; "Казахстана" is a side, no name of the topic)."""
    answered_with(engine.answer("на сколько процентов вырос экспорт РК в Россию по итогам 2011 года и до какой суммы?"),
                  "47,8", "7,5")


@pytest.mark.parametrize(("first", "then", "figure"), [
    ("what was bilateral turnover in 2010?", "And the following year?", "23.8"),
    ("товарооборот в 2010?", "а на следующий год?", "23,8"),
])
def test_the_following_year_asks_the_question_before_of_that_year(engine: AnswerEngine, first: str, then: str,
                                                                   figure: str) -> None:
    answer = answered_with(engine.answer(then, previous=last_turn(engine, first)), figure)
    assert answer.facts[0].id == "td-trade-turnover-2011", body_text(answer)  # not all that 2011 saw


def test_a_list_of_long_facts_shows_titles_rather_than_cut_sentences(engine: AnswerEngine) -> None:
    """A Kazakh sentence names its documents last ("… туралы хаттамаларға қол қойылды"): cut to fit, it would lose them."""
    answer = engine.answer("1992 жылы 23 шілдеде Алматыда қандай құжаттарға қол қойылды? тізіп беріңіз")
    assert "…" not in body_text(answered_with(answer, "хаттама", "Металлург"))


def test_times_mistyped_still_counts_the_visits(engine: AnswerEngine) -> None:
    answered_with(engine.answer("medvedev visted kazakstan in 2008 how many tims"), "4")


def test_days_after_an_event_the_sources_date_differently_count_from_the_version_that_fits(engine: AnswerEngine) -> None:
    """Two days after the 1992 treaty is 22 October by the article's date (20 October), not by the course
    paper's (25 May): the answer says which version it counted from."""
    answer = engine.answer("What was established two days after the Treaty of Friendship, Cooperation and Mutual "
                           "Assistance was signed?")
    assert "ev-diplomatic-relations-1992" in [f.id for f in answered_with(answer, "22 October 1992", "20 October 1992").facts]


def test_a_fact_that_counts_what_is_asked_answers_though_its_title_is_about_one_of_them(engine: AnswerEngine) -> None:
    """The 1994 treaty's fact says it was one of the 22 documents signed during the visit."""
    answered_with(engine.answer("Есімде, 1994 жылдың көктемінде Елбасы Мәскеуге барғанда көп қағазға қол қойылды деп радиодан "
                                "естіген едім. Сол сапарда барлығы неше құжатқа қол қойылды екен, айтып берсеңдер?"), "22")


@pytest.mark.parametrize(("question", "text"), [
    ("What was the bilateral trade volume in the year after the Customs Union became operational?", "23.8"),
    ("какой договор подписали на следующий год после того как рф признала казахстан", "взаимной помощи"),
    ("please tell me what two countries joined later when the customs union became eurasian union", "Armenia"),
])
def test_events_named_in_other_words_still_date_the_question(engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


def test_goods_asked_one_way_are_not_answered_by_the_other_ways_figure(engine: AnswerEngine) -> None:
    """Goods brought from Russia into Kazakhstan are imports: Kazakhstan's exports to Russia are no answer."""
    answer = engine.answer("2011 жылы Ресейден Қазақстанға қанша тауар әкелінді балам")
    assert not answer.answered and "td-exports-to-russia-2011" not in [f.id for f in answer.facts], body_text(answer)


def test_a_long_greeting_around_a_question_its_fact_matches_in_full_is_chatter(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Ассалаумағалейкум қарағым мен Шымкенттегі зейнеткер мұғаліммін немерелеріме тарихтан "
                                "әңгіме айтып беремін деп едім сізден сұрайын дегенім 2013 жылы Путин қазақтар туралы "
                                "қандай сөз айтып дау туғызды екен айналайын рахмет сізге"), "мемлекеттілі")


def test_an_opinion_voiced_that_the_asker_checks_is_no_opinion_asked(engine: AnswerEngine) -> None:
    """"… деген пікір айтылды" reports what someone said; "сіздің пікіріңіз" asks the bot's opinion."""
    answered_with(engine.answer("Bır sūhbatta Qazaqstan men Resei arasynda tört jüzden astam şart pen kelısım bar degen "
                                "pıkır aityldy. Derekközderıñız boiynşa būl san qanşalyqty dūrys?"), "400")
    assert not engine.answer("Путин туралы сіздің пікіріңіз қандай?").answered


def test_an_answer_led_by_its_dating_event_leaves_out_see_also_when_long(engine: AnswerEngine) -> None:
    """The 1992 treaty, dated two ways, after Russia's recognition of Kazakhstan: a few lines, not a page."""
    answer = answered_with(engine.answer("какой договор подписали на следующий год после того как рф признала казахстан"),
                           "25 мая 1992", "20 октября 1992")
    assert not answer.related and len(body_text(answer)) < BODY_LIMIT


def test_a_claimed_sum_the_sources_lack_is_declined(engine: AnswerEngine) -> None:
    """No source gives Baikonur's rent: "115 million dollars a year" can be neither confirmed nor told."""
    answer = engine.answer("I heard that Russia pays about 115 million dollars a year for the cosmodrome. "
                           "Would it be accurate to say so?")
    assert not answer.answered, body_text(answer)
    answered_with(engine.answer("Is it true that trade reached 23.8 billion dollars in 2011?"), "23.8")


def test_what_kind_of_things_can_you_help_with_is_small_talk(engine: AnswerEngine) -> None:
    assert engine.answer("Hello there! What kind of things can you help me with?").kind == "smalltalk"


def test_a_list_that_answers_one_half_of_an_or_question_takes_in_the_other(engine: AnswerEngine) -> None:
    """Both cancelled Leps concerts answer the first half; Kandelaki's entry ban answers the second."""
    answered_with(engine.answer("Қазақстан қандай ресейлік әншілер мен жүргізушілердің концертін болдырмады немесе елге "
                                "кіргізбеді?"), "Лепс", "Канделаки")


@pytest.mark.parametrize("question", [
    "Какая мощность будет у новых ТЭЦ в Кокшетау, Семее и Усть-Каменогорске?",
    "What capacity will the new thermal power plants in Kokshetau and Semey have?",
    "скока россиян переехало в казахстан когда они уезжали из рф, число есть",
])
def test_a_quantity_no_source_gives_is_declined_though_two_countries_are_named(engine: AnswerEngine, question: str) -> None:
    """"Two countries", "two presidents" count the sides, not what is asked; "когда они уезжали" asks no date."""
    assert not engine.answer(question).answered, body_text(engine.answer(question))


def test_the_media_said_names_no_abbreviation_asked_about(engine: AnswerEngine) -> None:
    answered_with(engine.answer("По данным СМИ, в конце 2023 года Казахстан и Россия подписали соглашение о строительстве "
                                "теплоэлектростанций. Уточните, в каких именно городах их планируется построить?"), "Семей")


def test_a_city_of_a_side_asked_of_a_meeting_told_only_in_that_side_is_declined(engine: AnswerEngine) -> None:
    """The sources put the October 2023 meeting "in Russia" and name no city; Moscow, 2009, they do name."""
    assert not engine.answer("2023 жылы қазанда Тоқаев пен Путин Ресейдің қай қаласында кездесті?").answered
    assert not engine.answer("Toqaev pen Putin 2023 jylğy qazanda Reseidıñ qai qalasynda kezdestı?").answered
    answered_with(engine.answer("В каком городе России Медведев встречался с Назарбаевым в 2009 году?"), "Москв")
    answered_with(engine.answer("In which city did the Russian and Kazakh leaders meet in October 1992?"), "Kokshetau")


@pytest.mark.parametrize("question", [
    "Who signed the 1992 friendship treaty for the Russian side?",
    "1992 жылы 23 шілдеде Алматыдағы кездесуде Ресей делегациясын кім басқарды?",
    "1992 jyly 23 shildede Almatyda metallurgiia kelisimine Resei jaghynan kim qol qoidy?"])
def test_who_signed_or_led_for_one_side_is_declined_by_a_fact_that_names_no_one(engine: AnswerEngine,
                                                                                question: str) -> None:
    """The treaty's and the delegations' facts name no person: the signer asked is not a country or a firm."""
    assert not engine.answer(question).answered, body_text(engine.answer(question))


def test_who_founded_it_for_one_side_may_be_a_firm(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Кто с российской стороны учредил СП на базе Костанайского дизельного завода?"), "Урал")


def test_a_question_word_with_a_letter_added_is_read_as_the_word_it_fits(engine: AnswerEngine) -> None:
    answered_with(engine.answer("казакстан ресей дипломатиялык катынастар каншан орнатылды"), "1992")


@pytest.mark.parametrize("question", ["What were our exports to Russia in 2011?", "Какой был наш экспорт в Россию в 2011 году?"])
def test_our_exports_are_kazakhstans(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).facts[0].id == "td-exports-to-russia-2011"


@pytest.mark.parametrize("question", [
    "ну значит деточка когда Казахстан признал независимость России вот",
    "сонымен әлгі айналайын Байқоңыр жалға қашан берілді енді",
])
def test_the_fillers_of_dictated_speech_take_no_part_in_the_question(engine: AnswerEngine, question: str) -> None:
    answered_with(engine.answer(question), "199")


@pytest.mark.parametrize(("question", "text"), [
    ("Среди тех, кто вкладывает деньги в Казахстан, какое место у российских компаний?", "пят"),
    ("Which place do Russian companies hold among those who invest in Kazakhstan?", "fifth"),
])
def test_a_who_that_opens_a_clause_about_those_asks_no_person(engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)
    # … while a "who" read from a typo ("кио") still asks a person, whom the treaty's fact does not name
    assert not engine.answer("кио подписал договор о дружбе").answered


@pytest.mark.parametrize("message", ["heyy", "hii there", "Сәлеметсіз бе! Немен көмектесе аласыз?",
                                     "Nemen kömektese alasyz?"])
def test_a_doubled_last_letter_and_a_formal_offer_of_help_are_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


def test_a_my_question_is_lead_in_asks_nothing_itself(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Сұрағым мынау: Тоқаев 2022 жылы Мәскеуге қай айда барды?"), "қараша")
    answered_with(engine.answer("Sūrağym mynadai: Toqaev 2022 jyly Mäskeuge qai aida bardy?"), "qaraşa")


@pytest.mark.parametrize(("message", "text"), [
    ("Здравствуйте, я студентка из Германии. Сколько у России полигонов в Казахстане и какой из них крупнейший?", "5"),
    ("Сәлеметсіз бе, мен АҚШ-тан келген студентпін. Ресейдің Қазақстанда неше полигоны бар және олардың ең үлкені қайсы?",
     "5"),
])
def test_the_foreign_country_the_asker_writes_from_is_no_party_asked_about(
        engine: AnswerEngine, message: str, text: str) -> None:
    answered_with(engine.answer(message), text)
    assert not engine.answer("Hi, I'm a student from Germany. What does Kazakhstan import from China?").answered


@pytest.mark.parametrize(("question", "text"), [
    ("Apart from his first trip, in which months of 2008 did Medvedev come to Kazakhstan?", "December"),
    ("Помимо первой зарубежной поездки, в каких месяцах 2008 года Медведев был в Казахстане?", "декабр"),
    ("Медведев 2008 жылы алғашқы сапарынан басқа Қазақстанға қай айларда келді?", "желтоқсан"),
])
def test_what_a_question_leaves_out_does_not_choose_the_answer(engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


def test_a_second_part_opened_by_an_asking_phrase_is_answered_too(engine: AnswerEngine) -> None:
    answered_with(engine.answer("What is the population of the Customs Union and how big is its economic potential?"),
                  "170", "1.7")


def test_a_doubt_in_brackets_is_no_question_of_its_own(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Hi! My friend Dana said the Customs Union (or is it the Eurasian Union? idk) was a really big "
                                "deal but she didn't know the numbers. What is the population of the Customs Union and how big "
                                "is its economic potential?"), "170", "1.7")


def test_a_side_swap_after_a_question_without_sides_swaps_those_of_the_answer(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Resei kompaniialary Qazaqstanğa investitsiia salu boiynşa neşınşı orynda?",
                         "soñğy 17 jylda qanşa aqşa saldy?")
    answered_with(engine.answer("al Qazaqstan Reseige şe?", previous=previous), "5,6")


def test_a_word_heard_apart_and_spelt_as_it_sounds_is_joined(engine: AnswerEngine) -> None:
    answered_with(engine.answer("перечисли поле гоны России в Казахстане"), "Эмба")


def test_a_lone_ordinal_in_a_follow_up_is_the_year_nearest_the_one_before(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "какой был товарооборот Казахстана с Россией в две тысячи десятом году")
    answered_with(engine.answer("а в одиннадцатом?", previous=previous), "23,8")
    assert "2011" not in body_text(engine.answer("а во втором квартале?", previous=previous))


def test_a_follow_up_with_a_new_detail_is_not_the_question_before_with_the_sides_swapped(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Назарбаевтың Ресейге алғашқы ресми сапары қашан болды?", "сонда неше құжатқа қол қойылды?")
    assert not engine.answer("ал Ресейдің премьер-министрі кім еді сол кезде?", previous=previous).answered


def test_the_event_in_a_short_follow_up_is_the_one_just_told(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Which Kazakh leader hosted Putin in Astana in November 2023?")
    answered_with(engine.answer("what was the name of the event?", previous=previous), "Interregional")


def test_the_newsrooms_shorthand_for_trade_turnover_is_read(engine: AnswerEngine) -> None:
    assert engine.answer("ТО РК–РФ в 2011 г.?").facts[0].id == "td-trade-turnover-2011"


@pytest.mark.parametrize("question", ["Какая столица у Узбекистана?", "What is the capital of Uzbekistan?",
                                      "Өзбекстанның астанасы қай қала?"])
def test_another_countrys_capital_is_declined_though_the_sources_name_that_country(
        engine: AnswerEngine, question: str) -> None:
    """"Астанасы" after another country is its capital, not Astana; the gas transit to Uzbekistan is still told."""
    assert not engine.answer(question).answered, body_text(engine.answer(question))
    answered_with(engine.answer("Когда открыли транзит газа в Узбекистан?"), "2023")


@pytest.mark.parametrize(("question", "text"), [
    ("Доложите дату установления дипломатических отношений России и Казахстана. Число, месяц, год.", "22"),
    ("2022 жыл Мәскеу мен Астана арасында қандай оқиғалар болды, баяндаңыз", "2022"),
    ("Россия и Казахстан в 2022 году: что было, коротко по пунктам", "ОДКБ"),
])
def test_an_order_to_report_and_a_date_asked_as_day_month_year_are_understood(
        engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize("message", ["Здравия желаю! Представьтесь.", "Sälem, bala! Qandai botsyñ özı?",
                                     "Ты можешь отвечать по-китайски?", "Спасибо, вы мне очень помогал! До свидания"])
def test_a_soldiers_greeting_a_learners_thanks_and_a_language_asked_are_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


def test_a_list_of_visits_by_month_is_no_monthly_breakdown_of_a_figure(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Медведевтің 2008 жылғы Қазақстанға сапарлары, айлар бойынша тізім"), "желтоқсан")
    assert not engine.answer("Ресейге экспорт 2011 жылы айлар бойынша").answered


@pytest.mark.parametrize(("question", "text"), [
    ("how many firms with Russian capital worked in Kazakhstan around 2008?", "1,600"),
    ("Ақорда иесі мен Кремль иесі 2023 жылы қарашада қай қалада кездесті?", "Астана"),
    ("Сұрағым: 1999 жылы Қазақстан Ресейден қанша тауар әкелді, сомасы қанша?", "1,5"),
    ("What was the trade turnover between the two countries in 2011, in greenbacks?", "23.8"),
    ("Каков объём товарооборота России и Казахстана за тот год, когда заработал Таможенный союз трёх государств?", "15"),
])
def test_a_hedge_a_metonym_a_lead_in_and_slang_for_dollars_are_read(engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


def test_a_name_in_quotes_is_no_side_of_a_follow_up(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Ресей күні қай күні атап өтіледі?")
    answer = engine.answer("ал «Ресей күні» деген атау қай жылдан бері?", previous=previous)
    assert "Қазақстан күні" not in answer.query and answer.answered, body_text(answer)


@pytest.mark.parametrize(("question", "text"), [
    ("What did Kazakhstan announce about visas a couple of months after Tokayev's November 2022 trip to Moscow?", "2023"),
    ("Что решили в Алматы через два месяца после подписания договора о дружбе 25 мая 1992 года?", "июля"),
])
def test_months_after_an_event_are_counted_from_its_month(engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize("question", [
    "Что в 2011 году росло быстрее — экспорт Казахстана в Россию или весь товарооборот? На сколько процентов каждый?",
    "2011 jyly qaisysy jyldamyraq östı: jalpy ekıjaqty sauda ma, älde Qazaqstannyñ Reseige eksporty ma? Ekeuınıñ ösu "
    "qarqynyn aityñyz.",
])
def test_what_grew_faster_sets_growth_against_growth(engine: AnswerEngine, question: str) -> None:
    body = body_text(answered_with(engine.answer(question)))
    assert ("47,8" in body or "47.8" in body) and ("42,3" in body or "42.3" in body), body


def test_the_next_stage_asked_with_a_possessive_ordinal_is_that_stage(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Қазақстан мен Ресей қатынастарының екінші кезеңі қай жылдарды қамтиды?")
    answered_with(engine.answer("ал үшіншісі ше?", previous=previous), "1995")


@pytest.mark.parametrize(("question", "text"), [
    ("сколько договоров подписали Казахстан и Россия за 32 года", "400"),  # a number of years, not 1932
    ("қос салық конвенциясы қашан қабылданды", "1996"),  # "double tax", said short
    ("What happened on the border 103 years after the Trans-Aral railway was completed?", "2009"),  # over a hundred
])
def test_counts_of_years_and_a_short_name_are_read(engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


def test_since_then_names_no_topic_of_its_own(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Когда Казахстан и Россия установили дипломатические отношения?")
    answered_with(engine.answer("А сколько соглашений заключено с тех пор?", previous=previous), "400")


def test_the_old_kazakh_greeting_is_small_talk_in_kazakh(engine: AnswerEngine) -> None:
    answer = engine.answer("Армысыз!")
    assert answer.kind == "smalltalk" and answer.lang == "kk"
    answered_with(engine.answer("Армысыз! Қазақстан мен Ресейдің бірлескен өнеркәсіптік жобаларының жалпы құны қанша?"), "22")


@pytest.mark.parametrize(("first", "followup", "text"), [
    ("Ресей газының Қазақстан арқылы Өзбекстанға транзиті қашан ашылды?", "одан кейін президенттер қайда кездесті?", "Астана"),
    ("Where did Tokayev and Putin meet in October 2023?", "and after that, where did they meet?", "Astana"),
    ("Где встречались Токаев и Путин в октябре 2023 года?", "а после этого где они встретились?", "Астан"),
])
def test_after_that_in_a_follow_up_is_the_next_meeting_of_the_same_people(
        engine: AnswerEngine, first: str, followup: str, text: str) -> None:
    answered_with(engine.answer(followup, previous=last_turn(engine, first)), text)


def test_after_that_with_a_topic_of_its_own_asks_that_topic(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Когда Токаев ездил в Москву после январских событий 2022 года?")
    answered_with(engine.answer("А после этого когда Казахстан ужесточил правила для иностранцев, визовый режим?",
                                previous=previous), "январ")


def test_a_second_part_whose_asking_word_comes_late_is_answered_too(engine: AnswerEngine) -> None:
    body = body_text(answered_with(engine.answer(
        "1997 жылы өзара тауар айналымы қанша болды және 1998 жылдың бірінші жартысында сауда айналымы қанша пайызға өсті?")))
    assert "4,1" in body and "26" in body, body


@pytest.mark.parametrize("message", ["Сен ботсың ба, әлде адамсың ба?", "сен ким озин", "боттсың ба?",
                                     "На чём основаны ваши ответы?", "What are your sources?", "Сәлем! Жұмысқа дайынсың ба?"])
def test_who_are_you_asked_with_a_doubled_letter_or_as_where_answers_come_from_is_small_talk(
        engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


@pytest.mark.parametrize("question", ["How much has Kazakhstan invested in Russia, as per the data?",
                                      "What do the data say about Kazakh investment in Russia?"])
def test_the_english_word_data_asks_no_date(engine: AnswerEngine, question: str) -> None:
    answered_with(engine.answer(question), "5.6")


def test_a_claim_dated_to_a_year_no_fact_is_from_is_corrected_when_it_is_an_event(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Is it true that the Trans-Aral railway was finished in 1916?"), "1906")
    assert not engine.answer("Is it true that trade between the two countries reached 20 billion dollars in 2016?").answered


def test_a_short_question_naming_again_what_the_asker_told_of_keeps_that_topic(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Our class is reading about the new thermal power plants Russia agreed to build in Kazakhstan. "
                                "Which cities will the plants be in?"), "Kokshetau")


@pytest.mark.parametrize(("question", "text"), [
    ("What did the two countries sign 4 yrs after the Baikonur lease?", "1998"),  # chat shorthand for years
    ("Сколько составил товарооборот в году, следующем за введением Таможенного союза?", "23,8"),  # the year asked as "в году"
])
def test_years_written_short_and_the_year_following_in_the_locative_are_counted(
        engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


def test_a_second_part_leaning_on_the_first_keeps_its_year(engine: AnswerEngine) -> None:
    body = body_text(answered_with(engine.answer(
        "In 2011 the export of Kazakhstan to Russia has grown by how many percent, and the whole trade by how many?")))
    assert "47.8" in body and "42.3" in body, body


def test_one_country_asked_for_may_be_a_side(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Назовите страну, куда Медведев совершил первый зарубежный визит в качестве президента."),
                  "Казахстан")


def test_who_signed_a_document_just_told_that_names_no_signer_is_declined(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Dostyq, yntymaqtastyq jäne özara kömek turaly şart qai jyly jasaldy?")
    near_miss_of(engine.answer("Resei tarapynan oğan kım qol qoidy?", previous=previous), "tr-friendship-treaty-1992")


@pytest.mark.parametrize(("question", "text"), [
    ("A year after the CSTO peacekeepers arrived, what did Kazakhstan do about the stay of Russian citizens?", "2023"),
    ("ну а в тот год когда заработал Таможенный союз сколько составил товарооборот", "15"),  # chat's lead, no commas
    ("Какой документ подписали главы государств в тот же день, что и Декларацию о вечной дружбе?", "Каспи"),  # "что и"
])
def test_a_year_or_day_named_by_an_event_is_read_after_a_chat_lead_an_article_or_that_as(
        engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize(("first", "followup", "text"), [
    ("Is it true that the Customs Union was launched in 2011?", "and which countries belonged to it?", "Belarus"),
    ("What happened with the Customs Union in 2010?", "and what did it become later?", "Eurasian Economic Union"),
])
def test_a_follow_up_leans_on_the_year_told_after_a_correction_and_on_none_when_it_asks_what_came_later(
        engine: AnswerEngine, first: str, followup: str, text: str) -> None:
    answered_with(engine.answer(followup, previous=last_turn(engine, first)), text)


@pytest.mark.parametrize(("question", "text"), [
    ("Байқоңырды жалға беру келісімінен кейінгі жылдың қаңтарында президенттер неше құжатқа қол қойды?", "1995"),
    ("Тәуелсіздік танылғаннан келесі жылы екі ел қандай қатынас орнатты?", "1992"),
])
def test_a_kazakh_year_after_an_event_may_name_its_month_or_follow_the_event_directly(
        engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize(("question", "text"), [
    ("Когда Кремль и Акорда официально наладили связи, то есть начали сношения на уровне послов и министерств?", "1992"),
    ("когда кремль и акорда обменялись послами то есть установили официальные отношения", "1992"),  # the gloss says it plainer
])
def test_a_gloss_is_left_out_unless_it_says_what_is_asked_better(
        engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize(("question", "text"), [
    ("what was the exchange of goods between the two countries in 2011", "23.8"),  # no exchange rate
    ("мектепке керек еді Байқоңыр қай жылы жалға берілді", "1994"),  # what it is needed for
    ("in what year the day of the Declaration of Sovereignty became a national holiday in Russia?", "1994"),
    ("через год после того как таможенный союз заработал какой был товарооборот дед говорит очень вырос", "23,8"),
])
def test_goods_exchanged_a_purpose_a_day_in_a_name_and_a_relatives_remark_are_read(
        engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


@pytest.mark.parametrize("message", ["алло, вы меня слышите?", "сен не істей аласың маған түсіндірші"])
def test_a_phone_greeting_and_a_plea_to_explain_what_it_does_are_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"



def test_a_claimed_day_in_a_kazakh_month_case_form_is_checked_not_read_as_a_measure(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Ресей Қазақстанды 1991 жылғы 17 желтоқсанында таныды деген рас па?"), "17")



@pytest.mark.parametrize(("opening", "followup"), [
    ("Kazakhstan's exports to Russia in 2011?", "and imports that year?"),
    ("2011 жылы Қазақстанның Ресейге экспорты қанша?", "ал импорт ше сол жылы?"),
])
def test_the_other_direction_of_trade_is_not_answered_with_the_one_shown(
        engine: AnswerEngine, opening: str, followup: str) -> None:
    near_miss_of(engine.answer(followup, previous=last_turn(engine, opening)), "td-exports-to-russia-2011")


def test_a_figure_of_one_direction_does_not_answer_the_other(engine: AnswerEngine) -> None:
    near_miss_of(engine.answer("Russia 2011 imports"), "td-exports-to-russia-2011")
    answered_with(engine.answer("Kazakhstan's imports from Russia in 1999"), "1.5")


@pytest.mark.parametrize("message", ["Thank you for your kind assistance. Goodbye.", "Thank you for your support!"])
def test_thanks_for_kind_assistance_is_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


def test_an_opening_a_before_both_sides_and_a_verb_is_a_question_of_its_own(engine: AnswerEngine) -> None:
    both = engine.answer("А Казахстан Россию или Россия Казахстан признала раньше?")
    answered_with(both, "17 декабря 1991", "20 декабря 1991")
    answered_with(engine.answer("А кто раньше признал, Казахстан или Россия?"), "17 декабря 1991", "20 декабря 1991")
    assert not engine.answer("а Казахстан Россию?").answered  # only the sides: a follow-up with nothing to follow



def test_two_things_asked_where_the_runner_up_holds_the_unit_are_both_told(engine: AnswerEngine) -> None:
    answer = engine.answer("Tell me the population and the economic potential of the three Customs Union members")
    assert answer.kind == "list"
    answered_with(answer, "170 million", "1.7 trillion")


@pytest.mark.parametrize(("question", "text"), [
    ("Kazakh-Russian industrial projects value", "22 billion"),
    ("how many joint industrial projects", "more than 100"),
])
def test_value_asks_money_and_how_many_asks_a_count(engine: AnswerEngine, question: str, text: str) -> None:
    answered_with(engine.answer(question), text)


def test_a_greeting_typed_with_e_for_ae_is_small_talk(engine: AnswerEngine) -> None:
    assert engine.answer("сэлем, калайсын?").kind == "smalltalk"


def test_a_year_said_as_a_kazakh_number_in_a_case_ending_follows_up(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "2011 жылы сауда қанша болды?")
    answer = engine.answer("ал тоқсан жетімен салыстырғанда?", previous=previous)
    assert answer.kind == "compare"
    answered_with(answer, "1997", "2011")


def test_which_side_recognised_the_other_earlier_in_kazakh_tells_both_dates(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Тәуелсіздікті кім ерте таныды, Ресей ме әлде Қазақстан ба?"), "17", "20")


def test_one_topic_word_asked_of_the_year_of_an_abbreviated_event(engine: AnswerEngine) -> None:
    answer = answered_with(engine.answer("Товарооборот в год запуска ТС?"), "15")
    assert "td-trade-turnover-2010" in {f.id for f in answer.facts}


def test_a_long_dictated_question_is_read_from_its_plea(engine: AnswerEngine) -> None:
    message = ("здравствуйте вопрос по работе мы возим грузы через границу водители спорят что больше всего возим "
               "короче подскажите какие товары казахстан завозит из россии спасибо")
    assert engine.answer(message).facts[0].id == "td-kz-imports-from-russia-goods"


def test_and_what_of_another_person_in_latin_kazakh_tells_that_persons_fact(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Lepstıñ kontsertı qai jyly boldyrylmady?")
    answer = answered_with(engine.answer("al Kandelaki she?", previous=previous), "2024")
    assert answer.facts[0].id == "ev-kandelaki-entry-ban-2024"


@pytest.mark.parametrize("message", ["Good day to you, respected bot! Who made you?",
                                     "Highly respected bot, hello!", "Thank you, may your work be blessed."])
def test_a_formal_or_translated_courtesy_is_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"



@pytest.mark.parametrize(("message", "heading", "lang"), [("УКШУ", "УКШУ", "kk"), ("еаэо", "ЕАЭО", "kk"), ("одкб", "ОДКБ", "ru")])
def test_an_abbreviation_alone_is_answered_in_its_language_under_its_own_spelling(
        engine: AnswerEngine, message: str, heading: str, lang: str) -> None:
    answer = engine.answer(message)
    assert answer.answered and answer.heading == heading and answer.lang == lang


def test_a_question_typed_in_plain_latin_is_answered_in_plain_latin(engine: AnswerEngine) -> None:
    plain = body_text(engine.answer("1996 jyly Eltsin Qazaqstanga qai aida keldi?"))
    formal = body_text(engine.answer("1996 jyly Eltsin Qazaqstanğa qai aida keldı?"))
    assert "sauir" in plain and not set("äğñöūüışç") & set(plain)
    assert "säuır" in formal
    html = answer_html(engine.answer("1996 jyly Eltsin Qazaqstanga qai aida keldi?"))
    assert "sauir" in html and not set("äğñöūüışç") & set(html), "the Telegram message reads the same way"


@pytest.mark.parametrize("question", [
    "Qazaqstan men Resei arasynda diplomatiialyq qatynastar qai küni ornatyldy? Bizdiñ mätinde 1991 jyl dep tūr, dūrys pa?",
    "Когда установили дипломатические отношения между Казахстаном и Россией? У нас в тексте написано 1991 год, это верно?",
])
def test_a_year_claimed_in_a_sentence_of_its_own_is_corrected(engine: AnswerEngine, question: str) -> None:
    answer = answered_with(engine.answer(question), "1992")
    assert answer.facts[0].id == "ev-diplomatic-relations-1992"


def test_a_measure_named_only_in_the_claim_told_is_not_the_one_asked(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Депутат говорит: в 2011 году экспорт Казахстана в Россию рос медленнее, чем весь товарооборот. "
                                "Правда ли это? Какой был прирост экспорта?"), "47,8")


def test_who_of_two_sides_named_by_their_short_forms_is_answered_by_a_side(engine: AnswerEngine) -> None:
    answer = answered_with(engine.answer("who recognized whose independence first, kz or russia?"), "17 December")
    assert answer.facts[0].id == "ev-ru-recognises-kz-independence"


@pytest.mark.parametrize(("question", "fact_id"), [
    ("baikonur what is it, tell short", "fg-baikonur-largest-range"),
    ("Расскажите, пожалуйста, о казахстанско-российской границе.", "fg-land-border-length"),
    ("ОДКБ и Казахстан — что об этом известно?", "fg-founding-members-sco-csto"),
])
def test_a_topic_asked_about_with_a_courtesy_or_a_manner_in_between_gets_its_overview(
        engine: AnswerEngine, question: str, fact_id: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "overview" and fact_id in {f.id for f in answer.facts}


def test_the_year_an_event_turned_thirty_said_in_latin_kazakh_hops_to_that_year(engine: AnswerEngine) -> None:
    question = "Diplomatiyalyq qatynastar ornaganyna 30 jyl tolgan jyly Toqaev Maskeuge qai aida bardy?"
    answer = answered_with(engine.answer(question), "qarasha")
    assert "vi-tokayev-moscow-2022" in {f.id for f in answer.facts}


def test_another_countrys_trade_is_not_compared_with_russias(engine: AnswerEngine) -> None:
    answer = engine.answer("What is the trade volume between Germany and Kazakhstan? "
                           "For comparison with Russia it would be interesting.")
    assert not answer.answered and answer.kind == "decline"


def test_which_region_with_an_adjective_between_asks_where(engine: AnswerEngine) -> None:
    answered_with(engine.answer("In which Kazakh region is the big rocket launch site that Moscow uses?"), "Kyzylorda")


def test_a_fact_matching_only_the_year_and_the_two_sides_does_not_answer(engine: AnswerEngine) -> None:
    assert not engine.answer("what was kz-russia trade in 2022?").answered


@pytest.mark.parametrize("question", ["how much coal did kazakhstan export to russia in 2011",
                                      "сколько угля Казахстан экспортировал в Россию в 2011"])
def test_an_amount_of_goods_is_not_answered_by_a_figure_that_counts_none_of_them(engine: AnswerEngine, question: str) -> None:
    near_miss_of(engine.answer(question), "td-exports-to-russia-2011")


@pytest.mark.parametrize("message", ["спасибо, на связи!",
                                     "Hello! What can you do, and in which questions are you able to provide assistance?"])
def test_a_sign_off_or_a_question_about_the_bots_help_is_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


def test_who_first_between_russia_and_us_or_or_is_answered_by_the_side_that_did(engine: AnswerEngine) -> None:
    answer = answered_with(engine.answer("кто первый признал независимость россия нас или мы их"), "17 декабря")
    assert answer.facts[0].id == "ev-ru-recognises-kz-independence"


def test_a_sum_asked_in_dollars_with_a_verb_that_also_means_live_is_not_a_head_count(engine: AnswerEngine) -> None:
    answer = answered_with(engine.answer("Кеден одағындағы үш мемлекеттің экономикасы барлығы қанша доллар тұрады?"), "1,7")
    assert answer.facts[0].id == "td-customs-union-economy"


@pytest.mark.parametrize("question", [
    "Тоқаев пен Путин 2023 жылы кездескеннен кейінгі келесі кездесу қай қалада өтуі керек еді?",
    "Где после встреч 2023 года должна была пройти следующая встреча Токаева и Путина?",
])
def test_the_next_meeting_after_a_named_one_is_the_later_meeting_of_the_same_people(
        engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).facts[0].id == "vi-astana-sco-summit-2024"


@pytest.mark.parametrize(("question", "year"), [
    ("When was the first boundary marker put up on the border? I think 2006?", "2009"),
    ("Когда Ельцин приезжал с государственным визитом в Алматы? Вроде бы в 2001?", "1998"),
    ("Шекарадағы алғашқы шекара белгісі қашан қойылды? Менің ойымша, 2005 жылы?", "2009"),
])
def test_a_year_guessed_after_the_question_is_corrected_not_declined(engine: AnswerEngine, question: str, year: str) -> None:
    answered_with(engine.answer(question), year)


def test_everything_signed_on_a_named_day_is_listed_whatever_the_remark_after(engine: AnswerEngine) -> None:
    answer = engine.answer("Перечисли все документы от 6 июля 1998 года. Я знаю только про декларацию, но что-то ещё вроде было.")
    assert {"tr-caspian-seabed-1998", "tr-eternal-friendship-declaration-1998"} <= {f.id for f in answer.facts}


def test_a_list_asked_for_with_where_each_is_gets_the_list_though_it_lacks_the_places(engine: AnswerEngine) -> None:
    question = "Ресейдің біздегі барлық әскери сынақ полигондарын тізіп беріңіз, әрқайсысы қай облыста екенін де айтыңыз."
    answered_with(engine.answer(question), "Сарышаған")


def test_todays_dollar_rate_asked_in_kazakh_is_declined_though_a_fact_names_dollars(engine: AnswerEngine) -> None:
    assert not engine.answer("dollar kursy bugin qansha").answered


@pytest.mark.parametrize("question", ["По вашим данным, что произошло в 1906 году в истории Казахстана и России?",
                                      "According to your data, what happened in 1906 between Kazakhstan and Russia?"])
def test_according_to_your_data_asks_nothing_of_its_own(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).facts[0].id == "ev-trans-aral-railway-1906"


def test_a_question_about_what_the_asker_read_leans_on_what_they_read(engine: AnswerEngine) -> None:
    answer = answered_with(engine.answer(
        "Hello. I work on the legal history of the region. My notes say that sources disagree on when the 1992 Treaty of "
        "Friendship, Cooperation and Mutual Assistance was signed. Which dates do your sources give?"), "25 May", "20 October")
    assert answer.facts[0].id == "tr-friendship-treaty-1992"


def test_restrictions_on_russian_artists_and_journalists_find_the_cancelled_concerts_and_the_entry_ban(
        engine: AnswerEngine) -> None:
    answer = engine.answer("Какие ограничения вводил Казахстан для российских артистов и журналистов в 2023–2024 годах?")
    assert {"ev-kandelaki-entry-ban-2024", "ev-leps-festival-cancelled-2023"} <= {f.id for f in answer.facts}


def test_with_the_year_of_each_asks_for_dates_not_for_what_happened_each_year(engine: AnswerEngine) -> None:
    answer = engine.answer("Could you list the foundational documents of Kazakhstan-Russia relations, with the year of each?")
    assert answer.facts[0].id == "tr-basic-documents"


@pytest.mark.parametrize("question", ["Как Российская империя называла казахов в своих документах?",
                                      "What did the Russian Empire call the Kazakhs in its documents?",
                                      "Ресей империясы өз құжаттарында қазақтарды қалай атаған?"])
def test_documents_named_as_where_something_was_written_ask_for_no_documents(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == "ev-kazakhs-called-kyrgyz", body_text(answer)


def test_what_documents_were_signed_still_asks_for_documents(engine: AnswerEngine) -> None:
    assert not engine.answer("What documents did Tokayev sign during his November 2022 visit to Moscow?").answered


def test_an_aside_about_the_asker_does_not_hide_the_overview_asked(engine: AnswerEngine) -> None:
    answer = engine.answer("Қазақстан мен Ресей шекарасы туралы айтып берші, мен оны бойлап талай жыл жүрдім, қызық.")
    assert answer.kind == "overview"
    answered_with(answer, "7591")


def test_a_bare_tell_me_in_kazakh_asks_an_overview(engine: AnswerEngine) -> None:
    answer = engine.answer("Казакстан мен Ресей шекарасы туралы айтып бер")
    assert answer.kind == "overview"
    answered_with(answer, "2009")


def test_what_we_sell_them_after_their_goods_is_kazakhstans_exports(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Қазақстан Ресейден негізінен не сатып алады?")
    answer = engine.answer("Ал біз оларға не сатамыз?", previous=previous)
    assert answer.facts[0].id == "td-kz-exports-to-russia-goods"


def test_who_joined_when_it_became_the_eaeu_asks_who_not_when(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Таможенный союз с Россией и Беларусью когда начал работать?")
    answered_with(engine.answer("А кто потом к нему присоединился, когда он стал ЕАЭС?", previous=previous), "Армени")


def test_an_unknown_word_after_which_is_no_mistyped_question_word(engine: AnswerEngine) -> None:
    answer = engine.answer("Toqaev DHR men LHR-dy tanymaimyz degennen keiin Resei qandai qadam jasady?")
    assert answer.answered and "unai" in body_text(answer).lower(), body_text(answer)


def test_a_book_in_kazakh_is_not_china(engine: AnswerEngine) -> None:
    answer = engine.answer("Әр кітапта әртүрлі жазылған, сондықтан сұрайын: достық, ынтымақтастық және өзара көмек туралы "
                           "шартқа қашан қол қойылды?")
    answered_with(answer, "1992")


@pytest.mark.parametrize("question", [
    "Насколько я понял, в конце 2023 года договорились строить ТЭЦ на северо-востоке. Не подскажете, в каких городах?",
    "As far as I know the two countries agreed on new power plants at the end of 2023. Which cities?",
])
def test_what_the_asker_believes_is_what_a_short_question_leans_on(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == "tr-power-plants-2023", body_text(answer)


@pytest.mark.parametrize("question", ["Ресей бізді қашан таныды?", "Resei bızdı qaşan tanydy?"])
def test_us_in_kazakh_is_kazakhstan(engine: AnswerEngine, question: str) -> None:
    """The asker speaks for Kazakhstan: "Russia recognised us" is Russia's recognition of Kazakhstan."""
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == "ev-ru-recognises-kz-independence", body_text(answer)


def test_a_list_with_where_each_is_stays_a_list_when_a_runner_up_says_one_region(engine: AnswerEngine) -> None:
    answer = engine.answer("Ресейдің біздің жердегі барлық әскери-сынақ полигондарын тізіп, "
                           "әрқайсысы қай облыста екенін айтып беріңіз.")
    assert answer.answered and answer.facts[0].id == "fg-russia-test-ranges", body_text(answer)


def test_in_more_detail_in_kazakh_names_no_topic(engine: AnswerEngine) -> None:
    answer = engine.answer("Казакстан мен Ресей арасындагы 1998 жылгы Декларация туралы толыгырак айтып бериниз.")
    assert answer.answered and answer.facts[0].id == "tr-eternal-friendship-declaration-1998", body_text(answer)


def test_a_couple_of_main_events_of_a_year_lists_the_year(engine: AnswerEngine) -> None:
    answer = engine.answer("Что было между РК и РФ в 2009-м? Пару главных событий")
    assert answer.answered and answer.kind == "list", body_text(answer)
    answered_with(answer, "2009")


def test_a_kazakh_compound_counts_its_head_noun(engine: AnswerEngine) -> None:
    """"қанша шекара өткелі" counts border crossings, which no source counts, not the border a meeting spoke of;
    "қанша доллардың келісімдері" still asks the dollars."""
    assert engine.understanding.parse("Омбы облысы мен Қазақстан арасында қанша шекара өткелі бар?").counted == "otkel"
    assert not engine.answer("Ombı oblysy men Qazaqstan arasynda qanşa şekara ötkeli bar?").answered
    answered_with(engine.answer("2023 жылгы карашада Астанада откен форумнын корытындысы бойынша канша доллардын "
                                "келисимдери дайындалды?"), "100")


def test_one_sides_share_leans_on_the_joint_venture_just_shown(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "1996 жылы Қостанайда Ресеймен бірге қандай бірлескен кәсіпорын құрылды?")
    answer = engine.answer("Ресей жағының үлесі қанша пайыз?", previous=previous)
    assert answer.facts[0].id == "tr-kostanay-diesel-jv-1996", body_text(answer)
    answered_with(answer, "60")


def test_an_overview_of_a_topic_in_the_relations_is_of_the_topic(engine: AnswerEngine) -> None:
    answer = engine.answer("Расскажите про Байконур в отношениях Казахстана и России.")
    assert answer.kind == "overview" and answer.facts[0].id != "tr-baikonur-agreement-balancing", body_text(answer)
    answered_with(answer, "Кызылорд")


def test_oil_and_gas_in_one_russian_word(engine: AnswerEngine) -> None:
    answer = engine.answer("расскажи, как РК и РФ связаны в нефтегазовой сфере")
    assert "td-cheap-oil-gas-russian-investment" in [f.id for f in answer.facts], body_text(answer)


def test_no_other_treaty_dates_the_one_named_in_capitals(engine: AnswerEngine) -> None:
    assert not engine.answer("Когда был подписан договор о Евразийском экономическом союзе?").answered
    answered_with(engine.answer("Тауелсиздиктен кейин Казакстан мен Ресей арасындагы алгашкы негизги шартка кай жылы "
                                "кол койылды?"), "1992")


def test_its_place_in_the_relations_asks_no_place(engine: AnswerEngine) -> None:
    assert "where" not in engine.understanding.parse("Tell me about Baikonur and its place in Kazakh–Russian relations.").intents
    assert "where" in engine.understanding.parse("In what place was the treaty signed?").intents


def test_an_overview_of_two_peoples_meetings_leads_with_a_fact_naming_them(engine: AnswerEngine) -> None:
    answer = engine.answer("Medvedev pen Nazarbaevtyñ kezdesuleri turaly aityp beriñizşi")
    people = answer.facts[0].people["en"] if answer.facts[0].people else ()
    assert any("Medvedev" in p for p in people), body_text(answer)


def test_who_came_on_board_asks_which_countries_joined(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Which three countries launched the Customs Union in 2010?")
    answered_with(engine.answer("And who came on board once it turned into the EAEU?", previous=previous), "Armenia")


def test_which_region_asks_where_whatever_stands_between(engine: AnswerEngine) -> None:
    assert "where" in engine.understanding.parse("И в какой он области?").intents


def test_he_is_what_the_question_before_asked_for(engine: AnswerEngine) -> None:
    """"The largest of them?" was told inside the list of ranges; "which region is it in?" asks of the largest."""
    previous = last_turn(engine, "Сколько у России военных полигонов на территории Казахстана?", "А самый большой из них какой?")
    answered_with(engine.answer("И в какой он области?", previous=previous), "Кызылорд")


def test_the_state_line_is_the_border(engine: AnswerEngine) -> None:
    answer = engine.answer("еки елдин арасындагы мемлекет сызыгы неше шакырым")
    assert answer.answered and answer.facts[0].id == "fg-land-border-length", body_text(answer)


def test_what_kind_of_prices_asks_no_sum(engine: AnswerEngine) -> None:
    answer = engine.answer("At what kind of prices does Kazakhstan sell petroleum and gas to its northern neighbour?")
    assert answer.answered and answer.facts[0].id == "td-cheap-oil-gas-russian-investment", body_text(answer)


@pytest.mark.parametrize("question", [
    "Теңіз–Новороссийск мұнай құбыры қай жылы пайдалануға берілді?",
    "when exactly was the CPC pipeline put into operation?",
])
def test_putting_a_pipeline_into_operation_is_a_step_no_source_reports(engine: AnswerEngine, question: str) -> None:
    """A decision to build it, or a wish to commission it on time, is not its start of operation."""
    assert not engine.answer(question).answered


def test_an_operation_a_fact_tells_is_still_answered(engine: AnswerEngine) -> None:
    answered_with(engine.answer("When did the CSTO operation in Kazakhstan take place?"), "2022")


@pytest.mark.parametrize(("before", "question", "fact_id"), [
    # a share the fact just shown lacks is asked anew
    ("Сколько составил экспорт Казахстана в Россию в 2011?", "А России доля сколько процентов?",
     "td-russia-share-foreign-trade-2011"),
    # a treaty's tag ("diplomacy") is not what the follow-up names
    ("When was the Treaty of Friendship, Cooperation and Mutual Assistance signed?", "and diplomatic relations?",
     "ev-diplomatic-relations-1992"),
    # a detail the holiday just shown lacks is told by the fact that has it
    ("Ресей кунин улттык мереке деп кай жылы жариялады?", "ал казирги атауын кашан алды?", "ev-russia-day-name-2002"),
])
def test_a_follow_up_finds_the_fact_its_own_words_ask(engine: AnswerEngine, before: str, question: str, fact_id: str) -> None:
    answer = engine.answer(question, previous=last_turn(engine, before))
    assert answer.facts[0].id == fact_id, body_text(answer)


RECOGNITIONS_COMPARED_IN_KAZAKH = (
    "Ресей Казакстанды таныган кун мен Казакстан Ресейди таныган кунди салыстырып бериниз, кайсысы бурын болды?",
    "Ресей бизди таныган кун мен биз Ресейди таныган кунди салыстырыныз, кайсысы бурын?",
    "Тәуелсіздікті кім бұрын мойындады, Ресей бізді ме, әлде біз Ресейді ме? Күндерін айт",
)
"""Who recognised whom first, in three Kazakh wordings: the sides by name, "we" for Kazakhstan, "who first"."""


def test_who_recognised_whom_first_in_kazakh_gets_both_recognitions(engine: AnswerEngine) -> None:
    """"We" is Kazakhstan, a side named in turn; "compare", "which one" and "the day" are asked, not matched."""
    both = {"ev-ru-recognises-kz-independence", "ev-kz-recognises-ru-independence"}
    for question in RECOGNITIONS_COMPARED_IN_KAZAKH:
        answer = engine.answer(question)
        assert {f.id for f in answer.facts} >= both, (question, body_text(answer))
        answered_with(answer, "17")


def test_a_kazakh_write_it_out_plea_names_no_topic(engine: AnswerEngine) -> None:
    """"жазшы" (write it) only asks, as "айтшы" (tell it) does."""
    typed = engine.understanding.parse("Ресейден қандай тауарлар әкелінеді? тізіп жазшы").words
    assert typed == engine.understanding.parse("Ресейден қандай тауарлар әкелінеді? тізіп айтшы").words


def test_a_dash_before_a_bare_which_one_keeps_the_topic_before_it(engine: AnswerEngine) -> None:
    """"… біздің Ресейге салғанымыз – қайсысы көп?": "-мыз" sounds like the asker, but what follows only asks."""
    answer = engine.answer("Ресейдің бізге салған инвестициясы мен біздің Ресейге салғанымыз – қайсысы көп?")
    assert {f.id for f in answer.facts} >= {"td-russian-investment-in-kazakhstan", "td-kazakh-investment-in-russia"}, \
        body_text(answer)


def test_keywords_naming_two_measures_get_both(engine: AnswerEngine) -> None:
    answer = engine.answer("население экономический потенциал таможенного союза")
    assert {f.id for f in answer.facts} >= {"td-customs-union-population", "td-customs-union-economy"}, body_text(answer)


def test_which_cities_of_an_agreement_naming_them_is_not_a_list_of_other_places(engine: AnswerEngine) -> None:
    """The test ranges say where they are, but not where the power plants go: the agreement names the cities."""
    answer = engine.answer("Ресеймен келісім бойынша жылу электр станциялары қай қалаларда тұрғызылады?")
    assert answer.facts[0].id == "tr-power-plants-2023", body_text(answer)
    answered_with(answer, "Көкшетау")


def test_and_a_named_range_after_another_asks_of_the_range_named(engine: AnswerEngine) -> None:
    """"ал Эмба полигоны ше?" after "what is 929 GLITs?": the name in capitals, not the number of the old one."""
    answer = engine.answer("ал Эмба полигоны ше?", previous=last_turn(engine, "929 ГЛИЦ деген не, қай жерде?"))
    assert answer.facts[0].id == "fg-range-emba", body_text(answer)
    answered_with(answer, "Ақтөбе")


def test_a_holiday_on_the_same_day_as_an_event_falls_on_that_day_of_any_year(engine: AnswerEngine) -> None:
    answer = engine.answer("Which holiday is celebrated on the same day as the first Russian presidential election of 1991?")
    answered_with(answer, "Russia Day")



def test_what_the_bot_helps_with_or_who_it_is_asked_in_chat_words_is_small_talk(engine: AnswerEngine) -> None:
    """"what sort of stuff", "умеете отвечать", "hold on, …": chat words around asking what the bot is and does."""
    asked = ("what sort of stuff can you help me with?", "На каких языках умеете отвечать?",
             "hold on, are you a real person or a bot?", "спасибо, ты лучший!")
    assert {question: engine.answer(question).kind for question in asked} == dict.fromkeys(asked, "smalltalk")


def test_a_source_authors_opinion_asked_of_finds_what_he_wrote(engine: AnswerEngine) -> None:
    """"по мнению профессора Борбасова": the author's name is in the fact about him, not in what he wrote."""
    answer = engine.answer("В какие годы, по мнению профессора Борбасова, Россия и Казахстан сильнее всего ощутили "
                           "необходимость сближения?")
    assert answer.facts[0].id == "ev-1995-2001-eurasian-rapprochement", body_text(answer)


def test_colloquial_russian_for_exports_and_growth_finds_the_growth(engine: AnswerEngine) -> None:
    """"вывоз" is export, "подрос" grew."""
    answer = engine.answer("Насколько подрос вывоз товаров из Казахстана в Россию в 2011 году?")
    assert answer.facts[0].id == "td-exports-growth-2011", body_text(answer)


def test_how_many_days_between_the_two_recognitions_gets_both_days(engine: AnswerEngine) -> None:
    answer = engine.answer("Who recognised the other first, Russia Kazakhstan or Kazakhstan Russia? How many days apart?")
    answered_with(answer, "17 December", "20 December")


def test_as_what_kind_of_state_asks_no_list_of_countries(engine: AnswerEngine) -> None:
    answer = engine.answer("Ресей сыртқы саясат тұжырымдамасында Қазақстанды қандай мемлекет ретінде қарастырады?")
    answered_with(answer, "стратегиялық")


def test_a_share_of_people_is_not_answered_by_a_fact_sharing_only_the_word_percent(engine: AnswerEngine) -> None:
    assert not engine.answer("Қазақстан халқының неше пайызын этникалық орыстар құрайды?").answered


def test_a_short_russian_percent_is_a_percent(engine: AnswerEngine) -> None:
    answered_with(engine.answer("правда что в 2011 экспорт казахстана в россию вырос почти на 50 проц?"), "47,8")


def test_where_a_place_is_and_which_agreements_it_has_tells_the_place_first(engine: AnswerEngine) -> None:
    """The second part asks a list: it is told after the fact that says where, not instead of it."""
    answer = engine.answer("Где находится Байконур и какие соглашения по нему заключили Россия и Казахстан?")
    assert answer.facts[0].id == "fg-baikonur-largest-range", body_text(answer)
    assert "tr-baikonur-lease-1994" in {f.id for f in answer.facts}, body_text(answer)


def test_tell_me_about_in_russian_names_no_topic(engine: AnswerEngine) -> None:
    """"про" (about) is dropped; the "pro" of "pro-Kremlin" is not."""
    assert "pro" not in engine.understanding.parse("Расскажите про торговлю Казахстана и России").words
    assert "pro" in engine.understanding.parse("pro-Kremlin presenters banned from Kazakhstan").words


def test_chat_spellings_of_what_and_was_not_name_no_topic(engine: AnswerEngine) -> None:
    """"што" (что) and "небыло" (не было) typed in chat."""
    answer = engine.answer("когда путин сказал што у казахов небыло государственности")
    assert answer.facts[0].id == "ev-putin-kazakh-statehood-2013", body_text(answer)


def test_the_last_year_of_a_treaty_span_is_a_year_the_facts_know(engine: AnswerEngine) -> None:
    answer = engine.answer("When was the economic cooperation treaty that was valid until 2007 signed?")
    answered_with(answer, "1998")


def test_a_follow_up_in_words_of_no_language_list_keeps_the_conversations_language(engine: AnswerEngine) -> None:
    """"sebebi ne?" (why?) holds no English word: the Kazakh conversation goes on in Kazakh."""
    answer = engine.answer("sebebi ne?", previous=last_turn(engine, "Qazaqstan Reseiden bidai äkeluge qaşan tyiym saldy?"))
    assert answer.lang == "kk" and answer.facts[0].id == "ev-wheat-import-ban-2024", body_text(answer)


@pytest.mark.parametrize("question", [
    "Tell me about tensions between Kazakhstan and Russia",
    "Қазақстан мен Ресей арасында қандай келіспеушіліктер болды?",
])
def test_tensions_asked_of_find_the_episodes_filed_under_them(engine: AnswerEngine, question: str) -> None:
    """Frictions, "трения", "келіспеушілік": the oil halt, the bans and cancellations the sources tell."""
    answer = engine.answer(question)
    assert {"tensions"} <= set(answer.facts[0].tags), body_text(answer)


def test_a_kazakh_verb_is_no_measure_its_stem_shares(engine: AnswerEngine) -> None:
    """"айналды" (turned into) stems as "айналым" (turnover) does: nothing is asked to be measured."""
    assert "how_much" not in engine.understanding.parse("Кеден одағы кейін қандай ұйымға айналды?").intents
    assert "how_much" in engine.understanding.parse("Сауда айналымы қандай болды?").intents


def test_anything_else_signed_that_day_is_another_document(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "When was the Caspian seabed agreement signed?")
    answer = engine.answer("was anything else signed that same day?", previous=previous)
    assert answer.facts[0].id != "tr-caspian-seabed-1998", body_text(answer)
    answered_with(answer, "1998")


@pytest.mark.parametrize("question", ["Give me an overview of how Kazakhstan-Russia relations have developed since 2022.",
                                      "Как развивались отношения России и Казахстана после 2022 года?",
                                      "2022 жылдан бері Қазақстан мен Ресей арасында не болды?"])
def test_relations_since_a_year_list_that_year_and_the_later_ones(engine: AnswerEngine, question: str) -> None:
    """"Since 2022" reaches forward: one 2022 visit is not the overview asked for."""
    answer = engine.answer(question)
    years = {f.when.year for f in answer.facts if f.when}
    assert answer.kind == "list" and 2022 in years and 2023 in years, body_text(answer)


def test_how_relations_went_in_a_year_lists_that_years_events(engine: AnswerEngine) -> None:
    answer = engine.answer("Расскажи, как складывались отношения Казахстана и России в 2023 году.")
    assert answer.kind == "list" and len(answer.facts) >= 3, body_text(answer)
    assert body_text(engine.answer("What happened the year after 1998?")).startswith("1999")  # the year after is no span


def test_which_spaceport_asks_the_place_not_when(engine: AnswerEngine) -> None:
    """"С какого космодрома": "какого" asks "when" only of a day, a year or a month."""
    answered_with(engine.answer("С какого космодрома, который Казахстан сдаёт в аренду России, улетали в космос "
                                "Аубакиров и Мусабаев?"), "Байконур")
    assert "when" in engine.understanding.parse("С какого года Россия арендует Байконур?").intents


def test_is_it_true_in_plain_latin_kazakh_points_back_at_the_claim(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Bir maqalada Qazaqstan Reseige munai men gazdy tym arzan bagamen satady dep oqydym. "
                                "Osy ras pa, bul turaly ne bilesiz?"), "tomen")


@pytest.mark.parametrize("question", ["Помоги, пожалуйста, написать письмо научному руководителю на немецком языке.",
                                      "Can you write a letter to my landlord in Russian?",
                                      "Маған ағылшынша хат жазып бересіз бе?"])
def test_writing_a_letter_is_no_question_of_the_sources(engine: AnswerEngine, question: str) -> None:
    assert engine.answer(question).kind == "decline", body_text(engine.answer(question))


@pytest.mark.parametrize("question", [
    "Что подписали раньше: договор о дружбе, сотрудничестве и взаимной помощи или соглашение об аренде Байконура?",
    "Which was signed first, the Baikonur lease agreement or the friendship treaty of 1992?"])
def test_which_was_signed_first_sets_both_dates_side_by_side(engine: AnswerEngine, question: str) -> None:
    body = body_text(engine.answer(question))
    assert "1992" in body and "1994" in body, body


@pytest.mark.parametrize(("question", "year"), [
    ("Расскажите в общих чертах, как развивались отношения Казахстана и России в девяностые годы", "1998"),
    ("What happened between Kazakhstan and Russia in the 2000s?", "2009")])
def test_a_decades_overview_names_each_of_its_years_before_a_second_fact_of_one(
        engine: AnswerEngine, question: str, year: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "list" and year in body_text(answer), body_text(answer)
    assert all(f.when is None or f.when.year < int(year[:3] + "9") + 1 for f in answer.facts)


def test_a_name_the_follow_up_brings_replaces_the_one_asked_about_before(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Байконыр кай облыста орналаскан?")
    assert engine.answer("ал Эмба полигоны ше?", previous=previous).facts[0].id == "fg-range-emba"
    previous = last_turn(engine, "Көкшетауда президенттер қашан кездесті?")  # a capitalised first word is no name
    answered_with(engine.answer("Нәтижесінде қандай құжат қабылданды?", previous=previous), "мәлімдеме")


def test_the_difference_between_the_sources_lengths_is_no_figure_they_lack(engine: AnswerEngine) -> None:
    answer = engine.answer("Är türlı derekközderde Qazaqstan–Resei şekarasynyñ ūzyndyğy qalai berılgen, aiyrmasy qanşa?")
    assert answer.kind != "decline" and "7591" in body_text(answer) and "7200" in body_text(answer), body_text(answer)


def test_what_a_country_mainly_sells_is_its_exports(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Could you kindly tell me what Kazakhstan mainly sells to Russia?"), "machinery")


@pytest.mark.parametrize("question", [
    "сколько людей живёт в трёх странах Таможенного союза и каков их совокупный экономический потенциал?",
    "What is the population of the Customs Union countries and what is their combined economic potential?"])
def test_a_second_part_answered_by_an_overview_tells_its_first_fact_beside_the_first_parts(
        engine: AnswerEngine, question: str) -> None:
    body = body_text(engine.answer(question))
    assert "170" in body and ("1,7" in body or "1.7" in body), body


@pytest.mark.parametrize("question", [
    "количество совместных промышленных проектов Казахстана и России и их сумма",
    "бірлескен өнеркәсіптік жобалардың саны мен құнын айтыңызшы",
    "Екі ел бірлесіп қанша өнеркәсіптік жоба жүзеге асырып жатыр, олардың құны қанша?",
    # "число" beside a sum is the number, not a day
    "промышленные проекты России и Казахстана: число, стоимость",
    "число совместных проектов и их стоимость",
    "скока у нас с россией совместных проектов и на скок денег"])  # "сколько" mistyped, as chat types it
def test_a_number_and_a_sum_asked_of_one_thing_are_both_told(engine: AnswerEngine, question: str) -> None:
    body = body_text(engine.answer(question))
    assert "100" in body and "22" in body, body


def test_words_no_fact_knows_around_an_overview_asked_are_chatter(engine: AnswerEngine) -> None:
    answer = engine.answer("Таможенный союз — что это такое, объясните коротко для моей бабушки")
    assert answer.kind == "overview" and "2010" in body_text(answer), body_text(answer)
    for unknown_thing in ("what is the anthem of the Customs Union?", "what is the longest river in the world?"):
        assert not engine.answer(unknown_thing).answered, unknown_thing


def test_what_kazakhstan_imports_from_russia_names_wood(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Which goods does Russia sell to Kazakhstan?"), "wood")


def test_the_recognitions_of_independence_are_told_with_both_dates(engine: AnswerEngine) -> None:
    question = "Сколько дней прошло между признанием Россией независимости Казахстана и ответным признанием?"
    body = body_text(engine.answer(question))
    assert "17" in body and "20" in body, body


def test_which_day_asked_in_the_locative_is_a_day(engine: AnswerEngine) -> None:
    answer = engine.answer("2013 жылғы тату көршілік туралы шартқа қай айдың қай күнінде қол қойылды?")
    assert "күні" in body_text(near_miss_of(answer, "tr-good-neighbourliness-treaty-2013"))


def test_an_anniversary_asked_of_the_treaty_just_told_keeps_to_it(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Какой договор подписали Россия и Казахстан в 2013 году?")
    answered_with(engine.answer("а какую годовщину у него отмечали в ноябре 2023-го?", previous=previous), "десят")


@pytest.mark.parametrize("question", ["Какие итоги у саммита ШОС в Астане в 2024 году?",
                                      "what did they agree at the 2024 SCO summit in Astana?",
                                      "What did the two presidents sign at the SCO summit in Astana in 2024?"])
def test_what_came_of_a_planned_meeting_is_not_said(engine: AnswerEngine, question: str) -> None:
    near_miss_of(engine.answer(question), "vi-astana-sco-summit-2024")
    answered_with(engine.answer("Собирался ли Путин приехать в Астану на саммит ШОС?"), "3–4")


def test_test_sites_are_the_test_ranges(engine: AnswerEngine) -> None:
    answered_with(engine.answer("What Russian military test sites are there in Kazakhstan and in which regions do they lie?"),
                  "Sary-Shagan", "Emba")


def test_which_region_asked_with_a_sides_adjective_asks_where(engine: AnswerEngine) -> None:
    answered_with(engine.answer("In which Kazakh province is the biggest of Russia's test ranges?"), "Kyzylorda")


def test_a_measure_asked_after_another_is_not_told_by_the_one_talked_of(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "when did the customs union with russia and belarus start?",
                         "and by how much did trade grow the next year?")
    answered_with(engine.answer("and the total population of those three countries?", previous=previous), "170")


@pytest.mark.parametrize(("question", "figure", "change"), [
    ("the bilateral trade of 2008 and its yearly average growth", "20", "30"),
    ("2008 жылғы сауда айналымы және оның орташа жылдық өсу қарқыны", "20", "30"),
    ("Kazakh exports to Russia in 2011 and the growth rate", "7.5", "47.8")])
def test_a_figure_and_its_change_asked_together_are_both_told(
        engine: AnswerEngine, question: str, figure: str, change: str) -> None:
    answered_with(engine.answer(question), figure, change)


def test_a_city_named_keeps_an_off_topic_question_short_of_chatter(engine: AnswerEngine) -> None:
    # "in Almaty" brings Kazakhstan in beside the city: a word the user did not type makes no question long.
    assert not engine.answer("best coffee spots near abay avenue in almaty?").answered


def test_years_abbreviated_ask_how_long(engine: AnswerEngine) -> None:
    answered_with(engine.answer("how many yrs since kazakhstan and russia established diplomatic relations, as of 2022"),
                  "30")


def test_which_asked_of_a_thing_the_fact_names_asks_no_documents(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "1996 жылы сәуірде Ельцин мен Назарбаев қандай мәлімдемеге қол қойды?")
    answered_with(engine.answer("Сол кезде қай мұнай құбыры жөнінде шешім қабылданды?", previous=previous), "Новороссийск")


def test_a_runner_up_of_the_same_day_matching_more_leads(engine: AnswerEngine) -> None:
    answered_with(engine.answer(
        "Which fields of cooperation were singled out after the interregional forum in Astana in November 2023?"), "sport")


def test_the_day_a_holiday_falls_on_is_told(engine: AnswerEngine) -> None:
    answered_with(engine.answer("On which day is the holiday that the 1994 decree of Russia's president made national?"),
                  "12 June")


@pytest.mark.parametrize("question", ["Euraziialyq ekonomikalyq odaq şartyna qai jyly qol qoiyldy?",
                                      "Еуразиялық экономикалық одақ туралы шартқа қай жылы қол қойылды?",
                                      "когда подписан договор о ЕАЭС?", "when did they sign the EAEU treaty?"])
def test_a_name_opening_the_question_rules_out_another_treaty(engine: AnswerEngine, question: str) -> None:
    near_miss_of(engine.answer(question), "fg-customs-union-to-eaeu")


def test_names_asked_in_the_plural_are_names(engine: AnswerEngine) -> None:
    near_miss_of(engine.answer("Омбыдағы 1993 жылғы кездесуге келген облыс басшыларының есімдері кім?"),
                 "vi-omsk-border-regions-1993")


def test_a_count_noun_among_keywords_asks_nothing(engine: AnswerEngine) -> None:
    answered_with(engine.answer("кеден одағы халық саны экономикалық әлеуеті"), "170", "1,7")


@pytest.mark.parametrize("message", ["brilliant, that's all I needed for my article, cheers, bye!",
                                     "Керемет, жобама керегінің бәрі осы. Рақмет, сау бол!",
                                     "Keremet, maqalama keregınıñ bärı osy, rahmet!"])
def test_praise_and_what_one_needed_around_a_goodbye_are_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk"


def test_a_short_question_in_the_words_just_used_asks_of_the_same_topic(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "2024 жылғы қаңтарда Қазақстанға кіруге тыйым салынған ресейлік жүргізуші кім?")
    answer = engine.answer("неге тыйым салды?", previous=previous)
    assert answer.facts[0].id == "ev-kandelaki-entry-ban-2024", body_text(answer)


@pytest.mark.parametrize(("first", "then", "author"), [
    ("2011 жылы екі ел саудасы қанша болды?", "бұл деректі кім жазған?", "Борбасов"),
    ("What was bilateral trade in 2011?", "who wrote this?", "Borbasov"),
    ("Когда Казахстан и Россия установили дипломатические отношения?", "откуда эти данные?", "Sputnik")])
def test_who_wrote_what_was_just_told_names_its_sources(engine: AnswerEngine, first: str, then: str, author: str) -> None:
    answered_with(engine.answer(then, previous=last_turn(engine, first)), author)


def test_who_wrote_a_book_after_an_answer_is_no_question_about_its_sources(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "What was bilateral trade in 2011?")
    assert not engine.answer("who wrote War and Peace?", previous=previous).answered


def test_what_the_bot_can_do_asked_by_someone_describing_themselves_is_small_talk(engine: AnswerEngine) -> None:
    assert engine.answer("А чем, собственно, вы можете быть полезны старому журналисту?").kind == "smalltalk"


def test_a_fee_asked_in_its_case_forms_asks_a_sum(engine: AnswerEngine) -> None:
    near_miss_of(engine.answer("«Байқоңыр» үшін Ресей жыл сайын қанша жалдау ақысын төлеп отыр?"), "tr-baikonur-lease-1994")


@pytest.mark.parametrize("question", [
    "Until which year was the Baikonur lease extended, after the first twenty years had run out?",
    "Байконур: после первых 20 лет до какого года продлили аренду?"])
def test_the_extension_after_the_first_term_is_not_the_first_terms_end(engine: AnswerEngine, question: str) -> None:
    near_miss_of(engine.answer(question), "tr-baikonur-lease-1994")
    answered_with(engine.answer("If nobody had extended the Baikonur lease, when would it have ended?"), "2014")


def test_the_full_name_of_a_treaty_is_its_title_not_a_persons_name(engine: AnswerEngine) -> None:
    answer = engine.answer("My students keep asking about the treaty the two presidents signed in 2013. What is its full name?")
    answered_with(answer, "Good-Neighbourliness")
    assert answer.facts[0].id == "tr-good-neighbourliness-treaty-2013", body_text(answer)



def test_on_the_day_an_event_was_signed_which_document_asks_that_days_other_document(engine: AnswerEngine) -> None:
    """"… декларациясы қол қойылған күні Каспий бойынша қандай келісім жасалды?": the day is named by the
    declaration, and what is asked opens with "қандай" (which) rather than "тағы" (else)."""
    answer = engine.answer("«Мәңгілік достық пен одақтастық» декларациясы қол қойылған күні Каспий бойынша "
                           "қандай келісім жасалды?")
    answered_with(answer, "түбін межелеу")


@pytest.mark.parametrize("question", ["Кто победит на следующих выборах президента России?",
                                      "Келесі сайлауда Ресей президенті кім болады?"])
def test_who_wins_the_next_election_is_a_forecast_and_declined(engine: AnswerEngine, question: str) -> None:
    """The first presidential election of 1991 shares the words, but the sources cannot tell the future."""
    assert not engine.answer(question).answered, body_text(engine.answer(question))


@pytest.mark.parametrize("question", ["Солтүстік көршінің басшысы Алматыға қай жылы келді?",
                                      "Біздің үкімет солтүстіктегі көршіге не берді?"])
def test_the_northern_neighbour_in_its_case_forms_is_russia(engine: AnswerEngine, question: str) -> None:
    assert "resei" in engine.understanding.parse(question).words


@pytest.mark.parametrize("question", [
    "В каком году подписали договор, о десятилетии которого Токаев говорил Путину в ноябре 2023-го?",
    "In what year was the treaty signed whose tenth anniversary Tokayev mentioned when Putin came to Astana in November 2023?"])
def test_a_treaty_named_by_the_anniversary_spoken_of_is_dated_that_many_years_before(engine: AnswerEngine, question: str) -> None:
    answered_with(engine.answer(question), "2013")
    assert engine.answer(question).facts[0].id == "tr-good-neighbourliness-treaty-2013"


def test_our_sovereignty_in_kazakh_is_kazakhstans(engine: AnswerEngine) -> None:
    """"егемендігімізді" (our sovereignty): the asker speaks for Kazakhstan, so Russia recognised it."""
    answer = engine.answer("Ресей егемендігімізді қай күні таныды?")
    assert answer.facts and answer.facts[0].id == "ev-ru-recognises-kz-independence", body_text(answer)


@pytest.mark.parametrize("question", [
    "Of all the commerce Kazakhstan does with its fellow members of the Eurasian bloc, how big a slice goes to its "
    "northern neighbour?",
    "what share of Astana's trade with the Eurasian bloc goes to Moscow?"])
def test_the_eurasian_bloc_is_the_eaeu_and_a_slice_is_a_share(engine: AnswerEngine, question: str) -> None:
    answered_with(engine.answer(question), "91.8")


def test_the_second_part_asks_in_the_unit_of_the_first(engine: AnswerEngine) -> None:
    """"на сколько процентов вырос экспорт … и на сколько — весь товарооборот?": the turnover's growth in percent."""
    answer = engine.answer("На сколько процентов вырос экспорт Казахстана в Россию в 2011 году и на сколько — весь двусторонний "
                           "товарооборот?")
    answered_with(answer, "47,8")
    answered_with(answer, "42,3")


@pytest.mark.parametrize("question", ["Кеден одагы кашан курылды?", "Кеден одағы қашан құрылды?"])
def test_a_date_asked_of_an_undated_fact_is_told_by_a_runner_up_titled_with_the_same_subject(
        engine: AnswerEngine, question: str) -> None:
    """The Customs Union's growth into the EAEU matches "formed" best but has no date; the Customs Union's start,
    whose title names the union as fully, answers when."""
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == "td-customs-union-2010", body_text(answer)


def test_a_date_is_not_taken_from_a_runner_up_whose_title_misses_the_subject(engine: AnswerEngine) -> None:
    """Aimbetov's flight has no date in the sources; the Baikonur lease, dated, is about something else."""
    answer = engine.answer("When exactly Aimbetov has flown?")
    assert not answer.answered and "lease" not in body_text(answer).split("\n")[0]


@pytest.mark.parametrize("question, asks_when", [
    ("какие страны присоеденились к таможеному союзу когда он стал еаэс", False),
    ("кто присоединился к союзу когда он стал ЕАЭС?", False),
    ("какие документы и когда они подписали?", True),
])
def test_kogda_before_a_pronoun_after_another_question_word_opens_a_clause(
        engine: AnswerEngine, question: str, asks_when: bool) -> None:
    """"какие страны … когда он стал еаэс": "когда он" tells of the union, the question asks which countries;
    "… и когда они подписали?" asks a date as well."""
    assert ("when" in engine.understanding.parse(question).intents) is asks_when


def test_countries_that_joined_when_the_union_became_the_eaeu_are_named(engine: AnswerEngine) -> None:
    answer = engine.answer("какие страны присоеденились к таможеному союзу когда он стал еаэс")
    assert answer.answered and "Армени" in body_text(answer)


@pytest.mark.parametrize("question, figures", [
    ("2011 жылы экспорт осими мен жалпы сауда айналымынын осимин салыстырып бериниз", ("47,8", "42,3")),
    ("2011 жылы Ресейге экспорт пен жалпы сауда айналымы қанша пайызға өсті, салыстырыңыз", ("47,8", "42,3")),
    ("Compare Russia's share in all Kazakhstan foreign trade in 2011 with Russia's share in its trade with EAEU countries.",
     ("20 percent", "91.8")),
])
def test_compare_two_measures_joined_by_and_sets_both_figures_side_by_side(
        engine: AnswerEngine, question: str, figures: tuple[str, str]) -> None:
    """"Compare X and Y": each side a measure of its own, asked in the year said first or last (a year closing the
    first side is its own), and what both are asked by ("қанша пайызға өсті") wherever it is said."""
    answer = engine.answer(question)
    assert answer.kind == "compare" and all(figure in body_text(answer) for figure in figures), body_text(answer)


@pytest.mark.parametrize("question", [
    "Compare trade between Astana and Moscow in 2011 with 2010.",
    "I wish to know how the trade turnover of 1997 compares with the turnover of 2011.",
])
def test_and_between_two_sides_or_a_measure_in_two_years_is_no_pair_of_measures(engine: AnswerEngine, question: str) -> None:
    """"between Astana and Moscow" joins the two sides; "1997 … with … 2011" sets one measure's two years apart."""
    answer = engine.answer(question)
    assert answer.kind == "compare" and "2011" in body_text(answer).split("\n")[0], body_text(answer)


@pytest.mark.parametrize("question", [
    "Расскажите, пожалуйста, кратко о казахстанско-российской государственной границе.",
    "расскажи пж про байконур",
])
def test_please_inside_an_overview_phrase_leaves_it_an_overview(engine: AnswerEngine, question: str) -> None:
    """"Расскажите, пожалуйста, кратко о …": the courtesy parts the phrase no more than a comma."""
    assert "overview" in engine.understanding.parse(question).intents


@pytest.mark.parametrize("question", [
    "When did Russia start renting the Baikonur cosmodrome?",
    "Когда Россия начала арендовать космодром Байконур?",
])
def test_a_start_said_of_doing_something_is_dated_by_the_doing(engine: AnswerEngine, question: str) -> None:
    """"start renting Baikonur": the lease, dated, tells when the renting began, though it never says "start"."""
    answered_with(engine.answer(question), "1994")


def test_how_meny_asks_a_count_as_how_many_does(engine: AnswerEngine) -> None:
    """"how meny … and how much r they worth": the count of joint projects and their worth, both told."""
    body = body_text(engine.answer("how meny joint industrial projects r kz and russia doing and how much r they worth"))
    assert "100" in body and "22" in body, body


@pytest.mark.parametrize("question", [
    "Сколько стран было в Таможенном союзе в 2010 году?",
    "how many countries were in the customs union in 2010",
])
def test_a_count_of_countries_in_a_year_is_told_by_the_countries_named(engine: AnswerEngine, question: str) -> None:
    """"How many countries were in the Customs Union in 2010?": the fact of that year names them (Belarus besides
    the two sides) though it gives no number, so it answers rather than saying the number is unknown."""
    body = body_text(answered_with(engine.answer(question)))
    assert "Беларус" in body or "Belarus" in body, body


def test_a_count_of_countries_without_a_year_is_still_the_count_a_fact_gives(engine: AnswerEngine) -> None:
    """"И сколько стран стало в союзе в итоге?" after the EAEU's members: the fact that counts five, not the 2010 one."""
    previous = last_turn(engine, "Какие страны вошли в ЕАЭС кроме России, Казахстана и Беларуси?")
    answered_with(engine.answer("И сколько стран стало в союзе в итоге?", previous=previous), "пять")


def test_regions_in_an_events_name_do_not_make_a_city_question_ask_a_region(engine: AnswerEngine) -> None:
    """"In which city … for the cross-border regions forum?" asks the city (Astana), not a region the fact never names."""
    answered_with(engine.answer("In which city did Tokayev host his Kremlin counterpart for the cross-border regions "
                                "forum in late 2023?"), "Astana")


def test_a_region_asked_right_after_which_is_asked_beside_another_place_word(engine: AnswerEngine) -> None:
    """"in what region of our republic": the region is asked though "republic" is a place word too."""
    answered_with(engine.answer("The rocket base which Russia uses on Kazakh soil - in what region of our republic "
                                "it is located?"), "Kyzylorda")


@pytest.mark.parametrize(("question", "kind"), [
    ("Привет! А ты на каких языках понимаешь?", "abilities"),
    ("Спасибо, выручил. До связи!", "bye"),
    ("Good morning. Before I begin, may I ask what sort of assistant you are and what subjects you are able to help "
     "with?", "abilities"),
])
def test_more_ways_of_small_talk(engine: AnswerEngine, question: str, kind: str) -> None:
    """Asking which languages the bot understands, "до связи" as a goodbye, and a formal "what sort of assistant
    are you" are small talk, never a fact ("связи" is a word the facts use)."""
    answer = engine.answer(question)
    assert answer.kind == "smalltalk" and smalltalk_kind(question, engine.lex) == kind, body_text(answer)


@pytest.mark.parametrize("question", [
    "Қазақстан мен Ресейдің сауда-экономикалық байланыстары туралы жалпы шолу жасап беріңізші",
    "Казакстан мен Ресейдин сауда-экономикалык байланыстары туралы жалпы шолу жасап беринизши.",
])
def test_a_general_review_asked_in_kazakh_is_an_overview(engine: AnswerEngine, question: str) -> None:
    """"жалпы шолу жасап беріңізші" (give a general review) asks an overview, as "айтып беріңіз" does."""
    assert engine.answer(question).kind == "overview"


def test_our_countries_are_the_two_sides(engine: AnswerEngine) -> None:
    """"А что было в 2008 году между нашими странами?" asks the year's events between Kazakhstan and Russia:
    "нашими" names no topic of its own."""
    answer = engine.answer("А что было в 2008 году между нашими странами?")
    assert answer.kind == "list" and "Медведев" in body_text(answer), body_text(answer)


@pytest.mark.parametrize(("conversation", "figure"), [
    (("When did Kazakhstan and Russia put up their first border marker?",
      "And how big was bilateral trade the year before that?"), "20 billion"),
    (("Когда поставили первый пограничный знак?", "А какой был товарооборот годом ранее?"), "20 млрд"),
])
def test_the_year_before_the_fact_shown_is_asked_of_that_year(
        engine: AnswerEngine, conversation: tuple[str, ...], figure: str) -> None:
    """"… the year before that?" after the first boundary marker (2009) asks 2008, as "the year after" asks the next
    year: not a comparison with a year no one named."""
    answered_with(engine.answer(conversation[-1], previous=last_turn(engine, *conversation[:-1])), "2008", figure)


def test_a_when_clause_between_commas_before_the_question_word_asks_no_date(engine: AnswerEngine) -> None:
    """"… в начале десятилетия, когда оборот превысил 20 млрд, – какую часть …?" asks the share; its "когда" opens a
    clause. "Скажите, когда …, какие …?" still asks the date too."""
    asked = engine.understanding.parse("Насколько весома была Москва во всей внешней торговле Казахстана в начале "
                                       "прошлого десятилетия, когда оборот превысил двадцать миллиардов долларов, - "
                                       "какую часть всего оборота республики она занимала?")
    assert "when" not in asked.intents
    assert "when" in engine.understanding.parse("Скажите, когда был подписан договор, какие документы ещё подписали?").intents


@pytest.mark.parametrize("question", [
    "Қостанай дизель зауытын құрысқан ресейлік «Орал автомобиль зауыты» қай қалада орналасқан?",
    "In which city is the Ural Automobile Plant that co-founded Kostanay Diesel?",
])
def test_a_treaty_naming_a_city_as_one_answers_which_city(engine: AnswerEngine, question: str) -> None:
    """"Миасс қаласындағы «Орал автомобиль зауыты»": the joint venture's treaty names its founder's city, so "in which
    city?" is answered (Miass), where a treaty naming no city is not ("in which city was the 2013 treaty signed?")."""
    body = body_text(answered_with(engine.answer(question)))
    assert "Миасс" in body or "Miass" in body, body
    assert not engine.answer("in which city was the 2013 treaty signed?").answered


@pytest.mark.parametrize("question", [
    "Кеден одағы мен ЕАЭО туралы не білесің?",
    "What do you know about Baikonur?",
    "Что ты знаешь о ОДКБ?",
])
def test_what_do_you_know_about_asks_an_overview(engine: AnswerEngine, question: str) -> None:
    """"What do you know about X?" asks an overview of X; "what do you know?" alone stays small talk."""
    assert engine.answer(question).kind == "overview"
    assert engine.answer("what do you know?").kind == "smalltalk"


@pytest.mark.parametrize("question", [
    "In the month after the opening of Russian gas transit to Uzbekistan, in which city did the two presidents meet?",
    "В следующем месяце после открытия транзита газа в Узбекистан, где встретились президенты?",
    "Ресей газының Өзбекстанға транзитін ашу рәсімінен кейінгі айда екі ел басшылары қай қалада кездесті?",
])
def test_the_month_after_an_event_is_the_events_month_moved_on_by_one(engine: AnswerEngine, question: str) -> None:
    """"the month after …", "в следующем месяце после …", "… рәсімінен кейінгі айда": the gas transit opened in
    October 2023, so the meeting asked is November's, in Astana."""
    body = body_text(answered_with(engine.answer(question)))
    assert "Astana" in body or "Астан" in body, body


def test_a_pupils_report_named_after_a_year_question_leaves_it_a_year_list(engine: AnswerEngine) -> None:
    """"2023 жылы кандай окигалар болды? ученикке доклад керек": who the answer is for names no topic."""
    assert engine.answer("2023 жылы кандай окигалар болды? ученикке доклад керек").kind == "list"


@pytest.mark.parametrize("question", [
    "Tell me about Baikonur and its place in Kazakh–Russian relations.",
    "Расскажите о Байконуре и его роли в отношениях Казахстана и России",
    "расскажи кратко про байконур в отношениях рк и рф",
])
def test_a_topic_framed_by_the_relations_is_led_by_the_facts_naming_it(engine: AnswerEngine, question: str) -> None:
    """"Baikonur in the relations of Kazakhstan and Russia": the sides frame the topic (every fact names them), so
    the facts whose titles name Baikonur most lead, the 1994 lease among the first told in full."""
    answer = engine.answer(question)
    assert answer.kind == "overview" and "1994" in "\n".join(body_text(answer).split("\n")[:3]), body_text(answer)


@pytest.mark.parametrize(("conversation", "stated"), [
    (("Bilateral turnover KZ–RU in 2011?", "How much up on 2010?"), "42.3"),
    (("Товарооборот в 2011?", "На сколько больше, чем в 2010?"), "42,3"),
])
def test_a_year_to_compare_with_after_a_years_figure_compares_the_two(
        engine: AnswerEngine, conversation: tuple[str, ...], stated: str) -> None:
    """"How much up on 2010?" after 2011's turnover names only a year to compare with: both years' figures and the
    growth the sources state, not 2010's figure alone."""
    answer = engine.answer(conversation[-1], previous=last_turn(engine, *conversation[:-1]))
    assert answer.kind == "compare" and stated in body_text(answer), body_text(answer)


@pytest.mark.parametrize("question", [
    "Сәлеметсіз бе! Сіз кімсіз, немен айналысасыз?",
    "Добрый вечер, голубчик! Ты кто такой будешь, машина или живой человек?",
    "Жауабына рахмет, келеси кездескенше!",
    "Жауабыңызға рахмет!",
    "не истей аласын, кандай суракка жауап бересин",
])
def test_asking_what_the_bot_is_or_does_in_more_words_is_small_talk(engine: AnswerEngine, question: str) -> None:
    """"немен айналысасыз" (what do you do), "машина или живой человек" (a machine or a person) are small talk, and
    so is "Жауабына рахмет" (thanks for the answer), as "рахмет" alone is."""
    assert engine.answer(question).kind == "smalltalk"


@pytest.mark.parametrize("question", [
    "Totally off topic, but what's the best time of year to go hiking near Almaty?",
    "Не по теме, но где лучше отдыхать в Алматы?",
])
def test_a_question_its_asker_calls_off_topic_is_declined(engine: AnswerEngine, question: str) -> None:
    """"Totally off topic, but … near Almaty?": the asker says it is outside the bot's subject, whatever city it names."""
    assert not engine.answer(question).answered


@pytest.mark.parametrize("question", [
    "Қазақстандағы Ресейдің сынақ полигондарының ең ірісі қай облыста орналасқан?",
    "Qazaqstandağy Reseidıñ synaq poligondarynyñ eñ ırısı qai oblysta ornalasqan?",
])
def test_the_largest_of_them_in_kazakh_is_the_largest(engine: AnswerEngine, question: str) -> None:
    """"ең ірісі" (the largest of them) is "ең ірі": Baikonur, in Kyzylorda Region, not a range that merely names regions."""
    body = body_text(answered_with(engine.answer(question)))
    assert "Қызылорда" in body or "Qyzylorda" in body, body


def test_a_rundown_asks_an_overview(engine: AnswerEngine) -> None:
    """"Give me a rundown on the CSTO" asks an overview as "an overview of" does: "rundown" names no topic."""
    assert engine.answer("Give me a rundown on the CSTO").kind == "overview"


@pytest.mark.parametrize(("conversation", "stated"), [
    (("Bilateral turnover KZ–RU in 2011?", "How much up on 2010?", "And Kazakh exports to Russia alone?"), "7.5"),
    (("Товарооборот Казахстана и России в 2011 году?", "А экспорт Казахстана в Россию?"), "7,5"),
])
def test_one_flow_after_a_years_turnover_is_that_years_flow(
        engine: AnswerEngine, conversation: tuple[str, ...], stated: str) -> None:
    """"And Kazakh exports to Russia alone?" after 2011's turnover: the exports of that year, not the fact on what
    the exports are, though the follow-up names its own direction."""
    answer = engine.answer(conversation[-1], previous=last_turn(engine, *conversation[:-1]))
    assert stated in body_text(answered_with(answer)), body_text(answer)


def test_a_flow_the_sources_give_for_no_shown_year_is_asked_on_its_own(engine: AnswerEngine) -> None:
    """"And imports from Russia?" after 2011's exports: the sources give no imports for 2011, so the question is
    answered on its own (what Kazakhstan buys), not with 2011's turnover."""
    answer = engine.answer("And imports from Russia?", previous=last_turn(
        engine, "Bilateral turnover KZ–RU in 2011?", "And Kazakh exports to Russia alone?"))
    assert "fertilizers" in body_text(answered_with(answer)), body_text(answer)


@pytest.mark.parametrize("question", [
    "Could you please tell me when the Customs Union of Russia, Kazakhstan and Belarus started working, and what the "
    "three countries' combined population and economic potential were?",
    "Когда заработал Таможенный союз и сколько людей живёт в его странах?",
])
def test_a_date_asked_beside_a_figure_is_told_by_the_fact_that_gives_it(engine: AnswerEngine, question: str) -> None:
    """"When did the Customs Union start, and how many people live in it?": the population fact gives no date, the
    union's start gives no figure; both are told, not a reply that the sources don't say when."""
    body = body_text(answered_with(engine.answer(question)))
    assert "2010" in body and "170" in body, body


@pytest.mark.parametrize("question", [
    "Казакстан мен Ресей шекарасы туралы жалпы малимет беринизши.",
    "Қазақстан мен Ресей шекарасы туралы жалпы мәлімет беріңізші.",
    "Qazaqstan men Resei shekarasy turaly jalpy malimet berinizshi",
])
def test_general_information_asked_in_kazakh_is_an_overview(engine: AnswerEngine, question: str) -> None:
    """"жалпы мәлімет беріңізші" (give general information) asks an overview; "мәлімет" names no topic."""
    assert engine.answer(question).kind == "overview"


@pytest.mark.parametrize("question", [
    "Байконур туралы келисим мен Кеден одагынын иске косылуы: кайсысы бурын болды жане арасы канша жыл?",
    "The Baikonur lease and the start of the Customs Union: which came first?",
])
def test_two_events_named_before_which_came_first_are_ordered(engine: AnswerEngine, question: str) -> None:
    """"X and Y: which came first?" names the two events before it asks, joined by "and" ("мен"), not by "or": the
    lease (1994) is told first, then the union (2010), and the 16 years between them."""
    body = body_text(engine.answer(question))
    assert "1994" in body and body.index("1994") < body.find("2010") and "16 " in body, body


@pytest.mark.parametrize(("question", "places"), [
    ("In the month and year diplomatic relations were set up, in which city did the two presidents meet and issue a "
     "joint statement?", ("Kokshetau",)),
    ("В каком городе осенью того же года, когда был подписан Договор о дружбе, сотрудничестве и взаимной помощи, "
     "встречались президенты двух стран?", ("Кокшетау",)),
    ("Resei zymyrandary ushatyn bazamyz qai oblysta?", ("Qyzylorda",)),
    ("Ресей зымыран ұшыратын база қай облыста?", ("Қызылорда",)),
])
def test_a_place_named_by_another_thing_is_found(engine: AnswerEngine, question: str, places: tuple[str, ...]) -> None:
    """"In the month and year relations were set up", "осенью того же года, когда был подписан Договор …": the event
    dates the meeting asked (Kokshetau, October 1992), the clause after the event's last comma being what is asked;
    "зымыран ұшатын база" (the base rockets fly from) stands for the cosmodrome, in Kyzylorda Region."""
    body = body_text(answered_with(engine.answer(question)))
    assert any(place in body for place in places), body


@pytest.mark.parametrize("question", [
    "1995 жылы Мәскеу мен Ақорданың бірінші тұлғалары неше рет жүздесті?",
    "1995 жылы Маскеу мен Акорданын биринши тулгалары неше рет жуздести?",
])
def test_the_first_persons_who_met_are_the_presidents(engine: AnswerEngine, question: str) -> None:
    """"бірінші тұлғалары" (the first persons) are the presidents and "жүздесті" is "кездесті" (met): twice in 1995."""
    answer = answered_with(engine.answer(question))
    assert answer.facts[0].id == "vi-presidents-meetings-1995", body_text(answer)


def test_the_encyclopedic_account_names_a_source_not_a_topic(engine: AnswerEngine) -> None:
    """"According to the encyclopedic account, …" says where the asker read it: the organisations they co-founded."""
    answer = engine.answer("According to the encyclopedic account, which international organisations did Kazakhstan "
                           "and Russia co-found?")
    assert "CSTO" in body_text(answered_with(answer)), body_text(answer)


def test_a_meeting_earlier_that_year_is_dated_before_the_one_shown(engine: AnswerEngine) -> None:
    """"Had they already met earlier that year?" after the Astana meeting of November 2023: the October meeting in
    Russia, not the November one again."""
    answer = engine.answer("Had they already met earlier that year?", previous=last_turn(
        engine, "When did Tokayev and Putin meet in Astana in 2023?", "what came out of that meeting?"))
    assert "October" in body_text(answered_with(answer)).split("\n")[0], body_text(answer)


@pytest.mark.parametrize("question", [
    "В каком году был подписан договор, десятилетие которого упомянул Токаев во время ноябрьского визита Путина в Астану?",
    "Tokayev mentioned that Putin's November 2023 visit came right before some treaty's tenth anniversary. Which treaty "
    "was that, and when was it signed?",
])
def test_a_treaty_named_in_the_fact_found_is_told_with_its_date(engine: AnswerEngine, question: str) -> None:
    """The Astana forum's fact names the treaty whose tenth anniversary was near; asked when that treaty was
    signed, its own fact (2013) is told, not the forum alone."""
    body = body_text(answered_with(engine.answer(question)))
    assert "2013" in body, body


def test_a_year_named_by_an_event_in_the_same_year_in_russian(engine: AnswerEngine) -> None:
    """"В том же году, когда была подписана Декларация …" dates Yeltsin's state visit by the declaration: Almaty, 1998."""
    body = body_text(answered_with(engine.answer(
        "В том же году, когда была подписана Декларация о вечной дружбе и союзничестве, Ельцин приезжал в Казахстан с "
        "государственным визитом. В какой город и когда именно?")))
    assert "Алматы" in body and "октябр" in body, body


@pytest.mark.parametrize("question", [
    "кедендык одактагы уш елдн халкы канша экономикасы канщ",
    "Кеден одағындағы үш елдің халқы қанша, экономикасы қанша?",
    "Қайырлы күн! Мен экономика факультетінің екінші курс студентімін, курстық жұмысыма Кеден одағы туралы дерек жинап "
    "жүрмін. Ресей, Қазақстан және Беларусь бірлескен кезде үш елдің жалпы халқы қанша болды және олардың экономикалық "
    "қуаты қандай деңгейге жетті? Жауап берсеңіз, өте риза болар едім.",
])
def test_population_and_economy_asked_together_are_both_told(engine: AnswerEngine, question: str) -> None:
    """Two things asked of the Customs Union, the second by "қанша" again or after a long polite lead: the population
    (170 million) and the economic potential (1.7 trillion), not one of them."""
    body = body_text(answered_with(engine.answer(question)))
    assert "170" in body and "1,7" in body, body


@pytest.mark.parametrize(("question", "fact"), [
    ("Коллеги, подскажите, пожалуйста: когда именно наш северный сосед официально признал суверенитет Казахстана?",
     "ev-ru-recognises-kz-independence"),
    ("When did our northern neighbour recognise Kazakhstan's independence?", "ev-ru-recognises-kz-independence"),
    ("Когда Казахстан признал независимость северного соседа?", "ev-kz-recognises-ru-independence"),
])
def test_the_northern_neighbour_acts_as_russia(engine: AnswerEngine, question: str, fact: str) -> None:
    """"наш северный сосед признал суверенитет Казахстана": the northern neighbour is Russia, the side that acts, so
    Russia's recognition of Kazakhstan is told, not the other way round."""
    answer = answered_with(engine.answer(question))
    assert answer.facts[0].id == fact, body_text(answer)


def test_the_cosmodrome_in_the_genitive_typed_on_a_russian_keyboard_is_baikonur(engine: AnswerEngine) -> None:
    """"Байконыр космодромынын … орны туралы" (about the cosmodrome's place in the relations): an overview of it."""
    answer = engine.answer("Байконыр космодромынын Казакстан мен Ресей катынастарындагы орны туралы кыскаша айтып берши")
    assert answer.kind == "overview" and "Байқоңыр" in body_text(answer), body_text(answer)


def test_size_among_the_republics_asks_a_rank(engine: AnswerEngine) -> None:
    """"kazakh ssr size among soviet republics" asks its rank by size, which the sources give (second), not a number."""
    assert "second" in body_text(answered_with(engine.answer("kazakh ssr size among soviet republics")))


def test_a_border_post_is_the_boundary_marker(engine: AnswerEngine) -> None:
    """"погранстолб" (a border post) is the boundary marker set up on 23 May 2009."""
    answer = engine.answer("когда на границе с Астраханью вкопали самый первый погранстолб? это ж рядом с Атырау")
    assert "2009" in body_text(answered_with(answer)), body_text(answer)


@pytest.mark.parametrize("question", [
    "give me an overview of kz-russia trade numbers over the years",
    "give me short overview of kazakh russian trade over the years",
])
def test_an_overview_of_trade_numbers_over_the_years_is_the_series(engine: AnswerEngine, question: str) -> None:
    """"an overview of trade numbers over the years": "numbers" wants figures in the overview (not one amount asked),
    and "over the years" names no year; the yearly turnovers are told."""
    answer = engine.answer(question)
    assert answer.kind == "overview" and sum(f.metric == "trade_turnover" for f in answer.facts) >= 3, body_text(answer)


def test_what_is_known_about_asks_an_overview_in_russian(engine: AnswerEngine) -> None:
    """"что известно про Байконур" asks an overview as "что ты знаешь про" does."""
    assert engine.answer("что известно про Байконур").kind == "overview"


@pytest.mark.parametrize(("question", "answered"), [
    ("In the article on the multi-vector policy, how did President Nazarbayev think problems between the two countries "
     "could be solved?", True),
    ("What do you think about Russia?", False),
])
def test_a_named_persons_view_is_asked_but_the_bots_own_is_not(engine: AnswerEngine, question: str, answered: bool) -> None:
    """"How did President Nazarbayev think problems could be solved?" asks a view the sources give (constructive
    dialogue); "what do you think" asks the bot's own opinion, which it declines."""
    assert engine.answer(question).answered is answered


def test_a_latin_reply_spells_i_as_its_asker_does(engine: AnswerEngine) -> None:
    """An asker who writes "keldi", "berşi" (і dotted) reads "şilde" in the reply; one who writes "keldı" reads
    2021's "şılde"."""
    dotted = body_text(answered_with(engine.answer("Medvedev 2008 jyly Qazaqstanğa qaı aılarda keldi? Barlyğyn atap berşi.")))
    formal = body_text(answered_with(engine.answer("Medvedev 2008 jyly Qazaqstanğa qai ailarda keldı?")))
    assert "şilde" in dotted and "ı" not in dotted, dotted
    assert "şılde" in formal, formal


@pytest.mark.parametrize("question", [
    "Reseilik firmalar bizdiñ elge investisiia salatyndar ışinde neşinşi orynda tur?",
    "Sälemetsiz be, men mūğalimmin, keşırıñız. Medvedev 2008 jyly bizge qai ailarda keldi?",
])
def test_an_asker_dotting_words_only_the_lexicon_spells_is_answered_dotted(engine: AnswerEngine, question: str) -> None:
    """"bizdiñ", "neşinşi" are no fact's words but the lexicon's ("біздің", "нешінші"): they show the dotted i too;
    one "keşırıñız" among dotted words is a slip, not the 2021 letter."""
    body = body_text(answered_with(engine.answer(question)))
    assert "ı" not in body, body


@pytest.mark.parametrize(("question", "answered"), [
    ("скока стоят соглашения каторые подготовили на форуме межрегионального сотрудничиства в астане", True),
    ("сколько соглашений подписали на форуме в Астане?", False),
])
def test_what_agreements_cost_is_their_sum_not_their_number(engine: AnswerEngine, question: str, answered: bool) -> None:
    """"сколько стоят соглашения" asks their worth (100 billion dollars, which the sources give); "сколько соглашений"
    asks how many, which they don't."""
    assert engine.answer(question).answered is answered


@pytest.mark.parametrize("question", [
    "On what exact date in October 2023 did Tokayev and Putin hold talks in Russia?",
    "Какой статьёй Договора о добрососедстве и союзничестве 2013 г. регулируется военное сотрудничество?",
    "how much Russian gas per year goes to Uzbekistan through KZ in cubic meters?",
])
def test_a_detail_the_close_fact_lacks_is_declined(engine: AnswerEngine, question: str) -> None:
    """The day of the October 2023 talks (the sources give the month; 9 November is another meeting), the article
    of the 2013 treaty (its articles go unnumbered), the gas transit in cubic metres (no volume given): declined."""
    assert not engine.answer(question).answered


def test_how_many_years_a_follow_up_year_brings_is_counted(engine: AnswerEngine) -> None:
    """"2024 jyly oğan neşe jyl tolady?" after when relations were set up: the years from 1992 to 2024, not a fact
    of 2024 that merely mentions the relations."""
    answer = engine.answer("2024 jyly ogan neshe jyl tolady?", previous=last_turn(
        engine, "Qazaqstan men Resei diplomatiialyq qatynas qashan ornatty?"))
    assert "32" in body_text(answered_with(answer)), body_text(answer)


def test_documents_counted_on_the_days_of_an_event(engine: AnswerEngine) -> None:
    """"Байқоңырды жалға беру келісімі жасалған күндері … неше құжатқа қол қойылды?": the lease dates the visit,
    whose 22 documents are counted."""
    answer = engine.answer("Байқоңырды жалға беру келісімі жасалған күндері Назарбаев Ресейге барған сапарда барлығы неше "
                           "құжатқа қол қойылды?")
    assert "22" in body_text(answered_with(answer)), body_text(answer)


@pytest.mark.parametrize("question", [
    "Как соотносится объём двусторонней торговли в 2008 году, по данным аналитической статьи 2009 года, с показателем "
    "2011 года?",
    "According to the 2009 article, how did trade in 2008 compare with 2011?",
])
def test_the_year_of_a_source_is_not_a_year_asked(engine: AnswerEngine, question: str) -> None:
    """"по данным статьи 2009 года", "the 2009 article": when the source was written; 2008 and 2011 are compared."""
    answer = engine.answer(question)
    assert answer.kind == "compare" and {f.when.year for f in answer.facts if f.when} == {2008, 2011}, body_text(answer)


@pytest.mark.parametrize("question", [
    "Казакстан-Ресей шекарасы туралы кыскаша айтып бериниз",
    "tell me about the KZ-RU border",
    "Расскажите о границе Казахстана и России",
])
def test_a_border_overview_is_led_by_its_disputed_length(engine: AnswerEngine, question: str) -> None:
    """An overview of the border is led by its length, on which the sources disagree (each figure told), not by the
    first border marker, though that one says where it stands; the demarcation's dates follow."""
    answer = engine.answer(question)
    body = body_text(answer)
    assert answer.facts[0].id == "fg-land-border-length" and "7200" in body.replace(",", "") and "2009" in body, body


@pytest.mark.parametrize(("question", "kin"), [
    ("List the steps Kazakhstan took in 2023 and 2024 that did not please Moscow: visas, bans, cancelled concerts and "
     "so on.", {"ev-visa-rules-tightened-2023", "ev-leps-festival-cancelled-2023", "ev-kandelaki-entry-ban-2024",
                "ev-wheat-import-ban-2024"}),
    ("2023 жылы Казакстан ресейлик азаматтарга жане аншилерге катысты кандай шешимдер кабылдады?",
     {"ev-visa-rules-tightened-2023", "ev-leps-festival-cancelled-2023", "ev-leps-almaty-concert-cancelled"}),
])
def test_a_list_of_a_years_frictions_takes_in_the_facts_of_that_topic(engine: AnswerEngine, question: str,
                                                                      kin: set[str]) -> None:
    """A list asked of the years' steps that displeased Moscow, with a few examples ("visas, bans, concerts"): every
    fact of those years that shares the best match's narrow topic (tensions), not the visa rules alone."""
    answer = engine.answer(question)
    assert kin <= {f.id for f in answer.facts}, body_text(answer)


def test_who_will_win_the_next_election_is_a_forecast_in_kazakh_too(engine: AnswerEngine) -> None:
    """"келесі … сайлауында кім жеңіске жетеді" asks who will win: no source foretells it (not the meeting after
    the 1991 election's winner's)."""
    answer = engine.answer("Ресейдеги келеси президент сайлауында ким жениске жетеди?")
    assert not answer.answered and not answer.facts, body_text(answer)


@pytest.mark.parametrize("question", [
    "Привет! Ты бот? На каких языках тебе можно писать?",
    "What languages can I write to you in?",
    "Саған қай тілде жазуға болады?",
    "Thank you so much, dear, you explained it better than my grandson! Goodbye for now.",
    "Hi sweetie, how are you today? It is me again, the granny from Petropavl.",
    "Сәлеметсіз бе, айналайын! Сіз кімсіз, адамсыз ба әлде машина ма?",
])
def test_chat_about_the_bot_and_its_languages_is_small_talk(engine: AnswerEngine, question: str) -> None:
    """Which languages one may write in, praise told beside thanks, "it's me again" and "human or machine?"
    ask nothing of the sources."""
    assert engine.answer(question).kind == "smalltalk"


@pytest.mark.parametrize(("question", "detail"), [
    ("Какой была сумма взаимной торговли в тот год, когда заработал Таможенный союз?", "15"),
    ("Baikonur lease length years", "20"),
    ("How many inhabitants do the three countries of the customs bloc launched in 2010 have between them?", "170"),
    ("Кремль мен Ақорда елшілік деңгейіндегі байланысты қай күні бастады?", "22"),
])
def test_paraphrased_measures_and_event_years_find_the_fact_that_holds_them(engine: AnswerEngine, question: str,
                                                                            detail: str) -> None:
    """Mutual trade in the Customs Union's first year (the turnover, not the union's start); a lease's length in
    years (its term); inhabitants (population) of the bloc a year describes; ties at embassy level (diplomatic
    relations, 1992, not the Khanate's)."""
    answer = engine.answer(question)
    assert answer.answered and detail in body_text(answer), body_text(answer)


def test_a_follow_up_that_shows_no_spelling_keeps_the_conversations(engine: AnswerEngine) -> None:
    """"sol forumda qandai jospar qabyldandy?" has no letter that tells 2021 Latin from phone Latin: after
    a question written with "ş" and "ı" the reply keeps those letters ("üş jyldyq"), not "ush"."""
    first = engine.answer("Tokaev pen Putin 2023 jyly qaraşada qai qalada kezdestı?")
    answer = engine.answer("sol forumda qandai jospar qabyldandy?", previous=engine.turn(first))
    assert not answer.plain_latin and "üş" in body_text(answer), body_text(answer)


@pytest.mark.parametrize(("question", "told"), [
    ("Расскажи про сотрудничество Казахстана и России в нефтегазовой сфере.", "vi-tengiz-novorossiysk-1996"),
    ("Qazaqstan men Resei arasyndağy energetika, munai-gaz salasyndağy yntymaqtastyq turaly aityp berşi",
     "vi-tengiz-novorossiysk-1996"),
    ("Какие эпизоды, осложнившие казахстанско-российские отношения в 2023–2024 годах, упоминаются в источниках?",
     "ev-leps-almaty-concert-cancelled"),
    ("Расскажи коротко об экономическом сотрудничестве Казахстана и России.", "td-trade-grows-annually"),
    ("Give me a short overview of Kazakhstan–Russia economic ties.", "td-russian-investment-in-kazakhstan"),
    ("Казакстан мен Ресейдин экономикалык байланыстары туралы кыскаша шолу жасап бериниз, негизги цифрлармен",
     "td-russian-investment-in-kazakhstan"),
    ("Tell me about the frictions between Kazakhstan and Russia in recent years", "ev-leps-almaty-concert-cancelled"),
])
def test_a_topic_named_by_its_tag_is_told_from_the_facts_filed_under_it(engine: AnswerEngine, question: str,
                                                                        told: str) -> None:
    """Oil and gas cooperation is the pipeline decision, the transit quota, gas to Uzbekistan, not the Kazakh SSR's
    resources; "episodes that complicated relations" are the tensions of those years."""
    answer = engine.answer(question)
    assert told in {f.id for f in answer.facts}, body_text(answer)


@pytest.mark.parametrize("question", [
    "a brief overview of the Baikonur Cosmodrome",
    "Could you provide me a brief overview regarding the Baikonur Cosmodrome and what is its importance in the "
    "Kazakhstan–Russia relationship?",
])
def test_an_overview_asked_in_english_words_is_told(engine: AnswerEngine, question: str) -> None:
    """The English article "a" opens no follow-up as Russian "а" (and) would, and "overview", "regarding" and
    "importance" name no topic of their own: Baikonur is told."""
    answer = engine.answer(question)
    assert answer.kind == "overview" and "fg-baikonur-largest-range" in {f.id for f in answer.facts}, body_text(answer)


@pytest.mark.parametrize(("turns", "told"), [
    (["Кеден одағы қашан жұмыс істей бастады?", "Оған қай елдер кірді?", "Кейін оған тағы кімдер қосылды?"],
     "fg-customs-union-to-eaeu"),
    (["товарооборот 2011", "а наш экспорт?"], "td-exports-to-russia-2011"),
    (["Quick one for the episode: when did Russia start leasing Baikonur?", "For how long?"], "tr-baikonur-lease-1994"),
])
def test_follow_ups_that_ask_beyond_or_beside_what_was_shown(engine: AnswerEngine, turns: list[str], told: str) -> None:
    """"Кейін … тағы кімдер қосылды?" asks past the union's founders (the later members); "а наш экспорт?" after a
    year's turnover asks that year's exports (our side names the direction); "leasing" is a lease."""
    previous: Turn | None = None
    for question in turns:
        answer = engine.answer(question, previous=previous)
        previous = engine.turn(answer) or previous
    assert answer.facts and answer.facts[0].id == told, body_text(answer)


@pytest.mark.parametrize("question", [
    "2000 jyly mausymda Nazarbaev Mäskeude kezdesken Resei ükımetınıñ törağasy kım edı?",
    "Кто был председателем правительства России, с которым встретился Назарбаев в июне 2000 года?",
    "Who was the chairman of the Russian government Nazarbayev met in June 2000?",
])
def test_a_chairman_the_fact_names_only_by_office_is_declined(engine: AnswerEngine, question: str) -> None:
    """The June 2000 visit names the head of Russia's government by office alone (Yeltsin, further on, is the first
    president): who the chairman was is declined, the visit given as the closest fact."""
    answer = engine.answer(question)
    assert not answer.answered and answer.facts and answer.facts[0].id == "vi-nazarbayev-russia-2000", body_text(answer)


@pytest.mark.parametrize("question", ["Расскажи мне про ОДКБ — Казахстан и Россия там вместе?", "коротко о ШОС"])
def test_an_organisation_asked_about_in_russian_is_an_overview(engine: AnswerEngine, question: str) -> None:
    """"Расскажи мне про …" and "коротко о …" ask about a topic as a whole, with "мне" inside the phrase or no verb."""
    answer = engine.answer(question)
    assert answer.kind == "overview" and "fg-founding-members-sco-csto" in {f.id for f in answer.facts}, body_text(answer)


@pytest.mark.parametrize("question", ["Байқоңыр туралы қысқаша айтып беріңізші, жастарға әңгімелеп берейін.",
                                      "Расскажите кратко про Байконур, это для внуков"])
def test_an_overview_of_a_named_thing_beside_words_no_fact_spells_is_given(engine: AnswerEngine, question: str) -> None:
    """Whom it is for ("жастарға әңгімелеп берейін") only resembles the facts' words: Baikonur, which the titles
    name, is the topic."""
    answer = engine.answer(question)
    assert answer.kind == "overview" and answer.facts[0].id == "fg-baikonur-largest-range", body_text(answer)


@pytest.mark.parametrize("question", ["Түрікменстан мен Әзірбайжан арасындағы Каспий асты газ құбыры туралы айтып беріңізші.",
                                      "Кеден одағының әнұраны туралы айтып беріңізші"])
def test_an_overview_of_a_thing_between_other_countries_or_of_a_names_unknown_part_is_declined(engine: AnswerEngine,
                                                                                              question: str) -> None:
    assert not engine.answer(question).answered, body_text(engine.answer(question))


@pytest.mark.parametrize("question", ["Who won the last presidential election in the United States?",
                                      "What did the United States say about the Baikonur lease?"])
def test_the_united_states_is_another_country(engine: AnswerEngine, question: str) -> None:
    assert not engine.answer(question).answered, body_text(engine.answer(question))


@pytest.mark.parametrize("question", ["еаэо армениядан баска ким косылды", "eaeo ga armeniadan baska kim kosyldy"])
def test_an_abbreviation_before_what_is_left_out_is_still_asked_about(engine: AnswerEngine, question: str) -> None:
    """"Армениядан басқа" leaves Armenia out; the EAEU typed before it is what is asked about."""
    answer = engine.answer(question)
    assert answer.answered and answer.facts[0].id == "fg-customs-union-to-eaeu", body_text(answer)


@pytest.mark.parametrize("message", ["Сіз кімсіз, адамсыз ба әлде бағдарлама ма?",
                                     "Sälem! Sen ne istey alasıñ, qanday sūraqtarğa jauap beresiñ?",
                                     "Hi there! Before I start asking things, who are you exactly, if I may ask?"])
def test_who_or_what_the_bot_is_asked_with_a_preamble_is_small_talk(engine: AnswerEngine, message: str) -> None:
    assert engine.answer(message).kind == "smalltalk", body_text(engine.answer(message))


def test_a_share_of_external_commerce_by_the_available_data_is_russias_share_of_foreign_trade(engine: AnswerEngine) -> None:
    """"Available data" asks no date ("data" folds like the Russian "дата"); "external commerce" is foreign trade, and
    what a side "represented" of it is its share."""
    answer = engine.answer("What proportion of Kazakhstan's overall external commerce did its northern neighbour represent "
                           "in 2011, according to the available data?")
    assert answer.answered and answer.facts[0].id == "td-russia-share-foreign-trade-2011", body_text(answer)


def test_is_that_so_puts_a_heard_year_up_to_be_checked(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Somebody told me the rocket base rent deal was struck back in 1991, right after the Union "
                                "fell apart. Is that so? When was it actually signed?"), "1994")


@pytest.mark.parametrize("question", ["Казакстан мен Ресей арасындагы шиеленистер туралы айтып бериниз.",
                                      "Qazaqstan men Resei arasyndağy şielenıster turaly aityp berıñız."])
def test_tensions_in_the_kazakh_plural_name_the_tensions_topic(engine: AnswerEngine, question: str) -> None:
    """"шиеленістер" stems apart from "шиеленіс": the plural is listed with it."""
    answer = engine.answer(question)
    assert answer.kind == "overview" and all("tensions" in f.tags for f in answer.facts), body_text(answer)


@pytest.mark.parametrize("turns", [["Кедендик одак кай жылы жумыс истей бастады?", "Кейин оган кандай елдер косылды?"],
                                   ["Кеден одағы кейін қандай ұйымға ұласты?", "Оған қай елдер қосылды?"]])
def test_which_countries_joined_after_the_customs_union_are_the_later_members(engine: AnswerEngine, turns: list[str]) -> None:
    """Joining is not founding: after the union's start, who joined is told by the fact that says Armenia and
    Kyrgyzstan joined, not by the three founders' fact the carried words find first."""
    answer = engine.answer(turns[-1], previous=last_turn(engine, *turns[:-1]))
    assert answer.facts and answer.facts[0].id == "fg-customs-union-to-eaeu", body_text(answer)


def test_exactly_between_a_side_and_its_city_still_asks_a_city_of_that_side(engine: AnswerEngine) -> None:
    """"нақты" (exactly) stands between "Ресейдің" and "қаласында"; the sources put the meeting "in Russia" only."""
    assert not engine.answer("2023 жылғы қазанда Тоқаев пен Путин Ресейдің нақты қай қаласында кездесті?").answered


def test_an_amount_of_exports_is_not_told_by_a_fact_that_never_speaks_of_trade(engine: AnswerEngine) -> None:
    """The forum's 100 billion dollars of agreements are no year's exports."""
    assert not engine.answer("2023 жылы Ресейдің Қазақстанға экспорты нақты қанша доллар болды?").answered
    answered_with(engine.answer("Қазақстан Ресейге 2011 жылы қанша доллар экспорттады?"), "7,5")


@pytest.mark.parametrize(("question", "year"), [
    ("What, broadly speaking, happened in Kazakh–Russian relations in 1996?", 1996),
    ("What events in Kazakhstan-Russia relations do your sources record for 2023?", 2023)])
def test_broadly_speaking_or_what_the_sources_record_asks_a_years_events(engine: AnswerEngine, question: str,
                                                                          year: int) -> None:
    """"Speaking" says nothing and "record" names no topic: the year's events are asked."""
    answer = engine.answer(question)
    assert answer.kind == "list" and answer.facts[0].when is not None and answer.facts[0].when.year == year, body_text(answer)


def test_a_treaty_a_visit_mentions_is_told_with_its_year_in_kazakh(engine: AnswerEngine) -> None:
    """The forum's fact names the good-neighbourliness treaty, ten years on; its own fact gives 2013."""
    answered_with(engine.answer("Тоқаев 2023 жылғы қарашада Путинмен кездескенде онжылдығы жақындап қалғанын айтқан шарт "
                                "қалай аталады және оған қай жылы қол қойылған?"), "2013")


def test_what_else_the_leaders_signed_on_a_documents_day_is_that_days_other_document(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Мәңгілік достық туралы декларацияға қол қойылған күні екі ел басшылары Каспий бойынша тағы "
                                "қандай келісімге қол қойды?"), "түбін")


def test_trade_in_the_unions_first_year_is_the_year_it_started(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "When did the Customs Union of Russia, Kazakhstan and Belarus start working?")
    answer = engine.answer("and how big was bilateral trade in its first year?", previous=previous)
    assert answer.facts and answer.facts[0].id == "td-trade-turnover-2010", body_text(answer)


@pytest.mark.parametrize("question", ["Коротко: ОДКБ в отношениях Казахстана и России.",
                                      "ОДКБ — расскажи коротко, что с ней связано у Казахстана и России"])
def test_briefly_in_russian_asks_an_overview(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert answer.kind == "overview" and "ev-csto-peacekeeping-2022" in {f.id for f in answer.facts}, body_text(answer)


def test_a_figure_said_in_a_speech_is_a_claim_to_check(engine: AnswerEngine) -> None:
    """"In a speech" tells where the deputy said it; what is asked is the figure, which the sources give as 20."""
    answered_with(engine.answer("A deputy said in a speech that Kazakhstan's trade with Russia in 2008 came to about 12 billion "
                                "dollars. Could you tell me what the figure actually was?"), "20")


@pytest.mark.parametrize("question", ["when did Moscow and Astana start official relations, like with embassys and ambassadors?",
                                      "а когда мы с северным соседом официально подружились дипломатически ну посольства там"])
def test_embassies_stand_for_diplomatic_relations(engine: AnswerEngine, question: str) -> None:
    """No fact speaks of embassies; opening them is what establishing diplomatic relations did."""
    answered_with(engine.answer(question), "1992")


def test_russian_give_asks_no_date(engine: AnswerEngine) -> None:
    """"Дай" (give) folds as English "day" does; only the English word asks a day."""
    asked = engine.understanding.parse("Дай краткую сводку по торговле Казахстана и России")
    assert not asked.intents & {"day", "when"}, asked.intents
    assert "day" in engine.understanding.parse("On what day was the friendship treaty signed?").intents
    assert engine.answer("Дайте обзор, дай краткую сводку по торговле Казахстана и России").kind == "overview"


def test_exactly_before_a_question_word_asks_no_day(engine: AnswerEngine) -> None:
    """"Нақты қай қалаларда" stresses "which cities"; "нақты күні" still asks the day."""
    asked = engine.understanding.parse("Жылу электр станцияларын нақты қай қалаларда салады?")
    assert "where" in asked.intents and "day" not in asked.intents, asked.intents
    assert "day" in engine.understanding.parse("Достық шартына нақты күні қашан қол қойылды?").intents


@pytest.mark.parametrize(("question", "needle"), [
    ("ballpark KZ-RU trade 2010?", "15"),
    ("what's the Baikonur arrangement between the two countries?", "Baikonur"),
])
def test_loose_english_wording_finds_the_fact(engine: AnswerEngine, question: str, needle: str) -> None:
    """"Ballpark" only softens the figure asked; an "arrangement" is an agreement."""
    answered_with(engine.answer(question), needle)


def test_later_then_else_opens_a_follow_up(engine: AnswerEngine) -> None:
    """"Кейін тағы кімдер қосылды?" after the Customs Union's members: "тағы" (else) said after "кейін"
    (later) still opens a follow-up, told by the fact of the later members."""
    previous = last_turn(engine, "Кеден одағына қай елдер кірді?")
    answered_with(engine.answer("Кейін тағы кімдер қосылды?", previous=previous), "Армения")


def test_a_question_leaning_on_the_sentence_before_it_is_read_with_it(engine: AnswerEngine) -> None:
    """"… My pupils asked me how long the border is. What figure do your sources give?": the question alone names
    no topic; read with the sentence before it, it asks the border's length."""
    answer = engine.answer("I'm a teacher from Omsk. My pupils asked me how long the border with Kazakhstan is. "
                           "What figure do your sources give?")
    assert "fg-land-border-length" in {f.id for f in answered_with(answer, "7").facts}


def test_a_topic_in_the_context_of_the_relations_leads_with_its_dated_facts(engine: AnswerEngine) -> None:
    """"Baikonur in the context of the relations": "context" frames the topic as "relations" does, and among
    titles naming Baikonur alike the 1994 lease comes before undated remarks."""
    answer = engine.answer("Tell me about Baikonur in the context of Kazakhstan–Russia relations")
    assert answer.kind == "overview" and [f.id for f in answer.facts].index("tr-baikonur-lease-1994") <= 1


def test_where_is_it_after_a_fact_naming_no_place_but_its_topic_asks_where_that_is(engine: AnswerEngine) -> None:
    """"Where exactly is it?" after the cosmonauts who flew from Baikonur: the fact names no place but Baikonur,
    so the question asks where Baikonur is (Kyzylorda Region), not the cosmonauts' fact again."""
    previous = last_turn(engine, "Which Kazakh cosmonauts flew from Baikonur?")
    answered_with(engine.answer("where exactly is it?", previous=previous), "Kyzylorda")


def test_the_place_a_fact_names_in_its_title_is_where_its_subject_is_asked(engine: AnswerEngine) -> None:
    """"In which region is the spaceport the first Kazakh cosmonauts flew from?": their fact says Baikonur, not
    where it is; the fact titled by Baikonur that does say tells it."""
    answered_with(engine.answer("In which region is the spaceport the first Kazakh cosmonauts flew from?"), "Kyzylorda")


@pytest.mark.parametrize(("question", "fact_id"), [
    ("Медведев президент ретінде алғашқы шетелдік сапарын Қазақстанға жасады. Сол жылы тағы қай айларда келді?",
     "vi-medvedev-visits-2008"),
    ("Ельцин приезжал в Казахстан и говорил о Каспии. Что ещё произошло в тот же год?", "tr-kostanay-diesel-jv-1996"),
])
def test_that_year_after_a_story_is_the_year_of_what_the_story_tells(engine: AnswerEngine, question: str,
                                                                     fact_id: str) -> None:
    """A message that tells an event without its year, then asks of "that year": the event's fact gives the year,
    and the question is read as following it (not answered by the event's own fact again)."""
    answer = answered_with(engine.answer(question))
    assert fact_id in {f.id for f in answer.facts}, body_text(answer)


def test_came_and_went_is_a_visit_not_a_leaving(engine: AnswerEngine) -> None:
    """"Келіп кетті" (came and went) dates a visit: the month of Yeltsin's 1996 visit, not a departure no fact dates."""
    answered_with(engine.answer("Ельцин 1996 жылы Қазақстанға қай айда келіп кетті?"), "сәуір")


@pytest.mark.parametrize(("question", "answered"), [
    ("Как назывался музыкальный фестиваль, отменённый в Казахстане весной 2023 года?", False),
    ("2023 жылы наурызда болмай қалған музыкалық фестивальдің аты қандай?", False),
    ("What was the name of the forum in Astana in November 2023?", True),
    ("1992 жылғы металлургия келісімі қалай аталады?", True),
])
def test_the_name_of_a_thing_the_fact_leaves_unnamed_is_not_given(engine: AnswerEngine, question: str,
                                                                  answered: bool) -> None:
    """The festival Leps was to sing at is "a music festival" in every source: its name is not known; the forum's
    name (the Interregional Cooperation Forum) and a document's (what it is about) are."""
    assert engine.answer(question).answered is answered


@pytest.mark.parametrize("question", ["929 GLIC qai jerde?", "where is the 929 GLITs range?"])
def test_the_flight_test_centres_abbreviation_in_latin_letters_names_it(engine: AnswerEngine, question: str) -> None:
    """"GLIC", "GLITs": the Russian abbreviation ГЛИЦ typed in Latin letters."""
    answer = answered_with(engine.answer(question))
    assert answer.facts[0].id == "fg-range-929-glits", body_text(answer)


@pytest.mark.parametrize("message", [
    "Hi there, am I talking to a human or a bot?",
    "Salem! Sen bot pysyn ba, adam ba?",
    "Привет! Ты бот? На каких языках с тобой можно общаться?",
    "Сәлем! Сен кімсің? Немерем сені маған телефонға орнатып берді.",
])
def test_asking_whether_the_bot_is_a_person_or_which_languages_it_speaks_is_small_talk(engine: AnswerEngine,
                                                                                     message: str) -> None:
    """"Am I talking to …", "бот пысың ба" (are you a bot), "с тобой можно общаться" (talk with you), and a
    sentence opened by the asker's kin ("Немерем …": my grandchild installed you) tell or ask nothing of the facts."""
    assert engine.answer(message).kind == "smalltalk"


def test_a_year_said_after_the_question_dates_it(engine: AnswerEngine) -> None:
    """"… кай куни кездести? 2023 жыл": the year after the question mark is the question's (Putin in Astana,
    9 November 2023, not the SCO summit of July 2024)."""
    answered_with(engine.answer("Токаев пен Путин Астанада кай куни кездести? 2023 жыл"), "9 қараша 2023")


@pytest.mark.parametrize(("first", "follow_up", "fact_id"), [
    ("When did Tokayev and Putin meet in Astana in 2023?", "And where did they meet before that?",
     "vi-tokayev-putin-russia-2023-10"),
    ("Когда Токаев и Путин встречались в Астане в 2023 году?", "А где они виделись до этого, в октябре?",
     "vi-tokayev-putin-russia-2023-10"),
    ("Ельцин Қазақстанға 1998 жылы қашан келді?", "Бұған дейін қашан келген?", "vi-yeltsin-kazakhstan-1996"),
])
def test_before_that_asks_the_last_earlier_fact_of_the_same_people(engine: AnswerEngine, first: str, follow_up: str,
                                                                    fact_id: str) -> None:
    """"Before that" after a meeting: the same people's last earlier meeting, not the one just shown."""
    answer = answered_with(engine.answer(follow_up, previous=engine.turn(engine.answer(first))))
    assert answer.facts[0].id == fact_id, body_text(answer)


@pytest.mark.parametrize(("question", "answered"), [
    ("When did the 1992 friendship treaty enter into force?", False),
    ("Когда вступил в силу договор о дружбе 1992 года?", False),
    ("1992 жылғы достық шарты қашан күшіне енді?", False),
    ("When did Russia's new Labour Code come into force?", True),
    ("Ресейдің жаңа Еңбек кодексі қашан күшіне енді?", True),
])
def test_coming_into_force_is_dated_only_by_a_fact_that_says_it(engine: AnswerEngine, question: str,
                                                                answered: bool) -> None:
    """The sources date the friendship treaty's signing, not its coming into force: that is a near miss; the
    Labour Code's coming into force (2002) is told."""
    assert engine.answer(question).answered is answered


@pytest.mark.parametrize("question", [
    "1993 жылы Омбыда коммюникеге кол койган премьер-министрлердин аты-жону кандай?",
    "1993 жылы Омбыда коммюникеге қол қойған премьер-министрлердің аттары қандай?",
])
def test_the_names_asked_in_kazakh_of_offices_the_fact_leaves_unnamed_are_a_near_miss(engine: AnswerEngine,
                                                                                      question: str) -> None:
    """"аты-жону" (аты-жөні typed on a Russian keyboard) and "аттары" (their names) ask names: the Omsk communiqué's
    fact names only the prime ministers' office."""
    assert engine.answer(question).answered is False


@pytest.mark.parametrize(("first", "follow_up"), [
    ("Қазақстан мен Ресей достық, ынтымақтастық және өзара көмек туралы шартқа қашан қол қойды?",
     "ал 2013 жылғы шарт қалай аталады?"),
    ("Когда Казахстан и Россия подписали Договор о дружбе, сотрудничестве и взаимной помощи?",
     "А как назывался договор 2013 года?"),
])
def test_the_name_of_another_years_thing_asks_anew(engine: AnswerEngine, first: str, follow_up: str) -> None:
    """"And what is the 2013 treaty called?" after the 1992 treaty: the year names another treaty, not the one shown."""
    answer = answered_with(engine.answer(follow_up, previous=engine.turn(engine.answer(first))))
    assert answer.facts[0].id == "tr-good-neighbourliness-treaty-2013", body_text(answer)


@pytest.mark.parametrize(("follow_up", "fact_id"), [
    ("and where was the next meeting planned?", "vi-astana-sco-summit-2024"),
    ("ал келесі кездесу қай жерде жоспарланған?", "vi-astana-sco-summit-2024"),
    ("and when did they meet next?", "vi-astana-forum-2023"),
])
def test_the_planned_next_meeting_is_the_one_the_sources_announce(engine: AnswerEngine, follow_up: str,
                                                                   fact_id: str) -> None:
    """After the October 2023 meeting, the next one in time is Astana in November; the one "planned" next is the
    meeting the sources announce for the SCO summit of July 2024."""
    first = engine.answer("Where did Tokayev and Putin meet in October 2023?")
    answer = answered_with(engine.answer(follow_up, previous=engine.turn(first)))
    assert answer.facts[0].id == fact_id, body_text(answer)


def test_a_later_time_is_not_asked_of_the_day_just_shown(engine: AnswerEngine) -> None:
    """"Ал кейін оған қандай елдер қосылды?" after the Customs Union's founders: who joined later (the EAEU fact),
    not the founders' fact of 1 January 2010 again."""
    first = engine.answer("Кеден одағын құрған үш ел қайсылар?")
    answer = answered_with(engine.answer("ал кейін оған қандай елдер қосылды?", previous=engine.turn(first)))
    assert answer.facts[0].id == "fg-customs-union-to-eaeu", body_text(answer)


def test_what_day_was_it_signed_points_at_the_fact_just_told(engine: AnswerEngine) -> None:
    """"What day was it signed?" after the 1998 declaration: that declaration's day, not another paper of 6 July 1998;
    "anything else that same day?" then finds the Caspian seabed agreement."""
    first = engine.answer("Tell me about the 1998 declaration between Kazakhstan and Russia, what is it called?")
    day = answered_with(engine.answer("what day was it signed?", previous=engine.turn(first)), "6 July 1998")
    assert day.facts[0].id == "tr-eternal-friendship-declaration-1998", body_text(day)
    other = answered_with(engine.answer("did they sign anything else that same day?", previous=engine.turn(day)))
    assert other.facts[0].id == "tr-caspian-seabed-1998", body_text(other)


def test_a_tv_presenter_in_either_kazakh_word(engine: AnswerEngine) -> None:
    """"Телеалып барушы" is "тележүргізуші" (the fact's word): the presenter banned from entering in 2024."""
    answer = answered_with(engine.answer("Ресейлік телеалып барушыны 2024 жылы Қазақстан неге кіргізбеді?"))
    assert answer.facts[0].id == "ev-kandelaki-entry-ban-2024", body_text(answer)


def test_which_day_after_a_list_is_the_day_of_the_listed_fact_that_gives_one(engine: AnswerEngine) -> None:
    """"Қай күні?" after a list of 1995's meetings and papers: the listed fact dated to its day (20 January 1995)."""
    previous = None
    for question in ("1995 жылы Қазақстан мен Ресей президенттері неше рет кездесті?", "Қандай құжаттарға қол қойды?"):
        previous = engine.turn(engine.answer(question, previous=previous)) or previous
    assert previous is not None and previous.kind == "list"
    answered_with(engine.answer("Қай күні?", previous=previous), "20 қаңтар 1995")


@pytest.mark.parametrize(("question", "kind"), [
    ("In which exact Russian city did Tokayev and Putin meet in October 2023?", "decline"),
    ("В каком именно российском городе проходила встреча Токаева и Путина в октябре 2023 года?", "decline"),
    ("Hello. Am I talking to a person or to a machine?", "smalltalk"),
])
def test_a_city_asked_of_a_meeting_placed_only_in_russia_is_a_near_miss(engine: AnswerEngine, question: str,
                                                                        kind: str) -> None:
    """The October 2023 meeting is placed "in Russia": no fact says the city, so no list of placed facts answers it."""
    assert engine.answer(question).kind == kind


@pytest.mark.parametrize("question", [
    "Көмек керек, сізбен қалай жұмыс істеуге болады?",
    "комек керек, сенен не сурауга болады?",
    "Что вы умеете? Чем можете помочь пенсионеру, который пишет воспоминания?",
    "Можете помочь?",
])
def test_asking_how_the_bot_helps_is_small_talk(engine: AnswerEngine, question: str) -> None:
    """How to work with the bot, what one may ask it, how it helps someone who writes: what it can do."""
    assert engine.answer(question).kind == "smalltalk"


@pytest.mark.parametrize("question", [
    "Qai dota keiipkerin tañdau kerek, keñes ber",
    "Give me three headline ideas for a story about cotton",
    "Астанадағы қай мейрамхананың тамағы дәмді?",
    "Где купить дешёвые авиабилеты в Стамбул?",
])
def test_games_headlines_restaurants_and_tickets_are_off_topic(engine: AnswerEngine, question: str) -> None:
    """Words that only faintly resemble the facts' ("кеңес" advice, not the Soviets) ask nothing the sources tell."""
    assert not engine.answer(question).answered


@pytest.mark.parametrize(("question", "said"), [
    ("On the same day the Caspian seabed agreement was signed, which declaration was also signed?", "Eternal Friendship"),
    ("В тот же день, когда подписали соглашение по дну Каспия, какую декларацию подписали президенты?", "вечной дружбе"),
])
def test_the_same_day_named_first_by_its_event(engine: AnswerEngine, question: str, said: str) -> None:
    """"On the same day X was signed, what …?": the day named before the question, by its event up to the comma."""
    answer = answered_with(engine.answer(question), said)
    assert "tr-eternal-friendship-declaration-1998" in {f.id for f in answer.facts}, body_text(answer)


def test_where_those_who_asked_come_from_names_no_party(engine: AnswerEngine) -> None:
    """"Today tourists from Germany asked me how long the border is …": Germany is who asked, not what is asked."""
    answer = answered_with(engine.answer(
        "Hello! I guide tours near Oral. Today tourists from Germany asked me how long the Kazakh-Russian border is, "
        "and I was not sure of the figure. Can you tell me?"), "7,591")
    assert answer.facts[0].id == "fg-land-border-length", body_text(answer)


@pytest.mark.parametrize(("question", "said"), [
    ("She needs the exact date of the 1998 declaration between Kazakhstan and Russia, so she can cite it properly.",
     "6 July 1998"),
    ("did anything important happen between kazakhstan and russia in 1994? putting together a timeline for class",
     "first official visit"),
])
def test_a_purpose_said_after_the_question_is_left_out(engine: AnswerEngine, question: str, said: str) -> None:
    """", so she can cite it", "need it for my presentation": why one asks, whose words match other facts."""
    answered_with(engine.answer(question), said)


def test_which_way_round_said_in_a_question_names_no_topic(engine: AnswerEngine) -> None:
    """"Ал керісінше, …": the reverse word is no topic word, which would thin the question's match."""
    first = answered_with(engine.answer("Соңғы 17 жылда Ресейден Қазақстанға салынған инвестиция көлемі қанша?"), "19")
    answered_with(engine.answer("Ал керісінше, қазақстандық инвестициялар Ресейге қанша болды?",
                                previous=engine.turn(first)), "5,6")
    alone = answered_with(engine.answer("And the other way round?", previous=engine.turn(
        answered_with(engine.answer("How much did Russia invest in Kazakhstan?"), "19"))), "5.6")
    assert alone.facts[0].id == "td-kazakh-investment-in-russia", body_text(alone)


def test_who_was_in_a_union_asks_its_countries(engine: AnswerEngine) -> None:
    answered_with(engine.answer("who was in the customs union?"), "Belarus")


def test_what_russia_sells_to_us_is_what_kazakhstan_imports(engine: AnswerEngine) -> None:
    """"Бізге" (to us): the asker speaks for Kazakhstan, so Russia's sales to "us" are Kazakhstan's imports."""
    answer = answered_with(engine.answer("resei bizge ne satady?"))
    assert answer.facts[0].id == "td-kz-imports-from-russia-goods", body_text(answer)


def test_which_came_first_and_how_many_days_apart(engine: AnswerEngine) -> None:
    """The two recognitions told side by side, and the days between them counted when asked."""
    answered_with(engine.answer("Qaisysy būryn boldy: Resei Qazaqstandy tanuy ma, älde Qazaqstan Reseidi tanuy ma? "
                                "Arasy neşe kün?"), "3 kün")


def test_the_first_treaty_of_its_kind_is_no_overview(engine: AnswerEngine) -> None:
    """"What was the first basic treaty …?" asks which one, not an overview of every paper since independence."""
    answer = answered_with(engine.answer("What was the first basic treaty between Kazakhstan and Russia?"), "1992")
    assert answer.kind == "fact", body_text(answer)


def test_month_and_year_words_after_when_ask_nothing_more(engine: AnswerEngine) -> None:
    """"qaşan? ai, jyl" (when? month, year) after the cancelled concert: its date, not a fact titled by a year."""
    first = answered_with(engine.answer("Grigorii Leps konsertı Qazaqstannyñ qai öñırınde toqtatyldy?"))
    answer = answered_with(engine.answer("qaşan? ai, jyl", previous=engine.turn(first)), "2023")
    assert answer.facts[0].id == first.facts[0].id, body_text(answer)


def test_what_i_wanted_to_ask_you_is_no_topic(engine: AnswerEngine) -> None:
    """"Сізден сұрайын дегенім" (what I'd ask you): "сізден" names nothing."""
    answered_with(engine.answer("Сізден сұрайын дегенім: Тоқаев 2022 жылы Мәскеуге қай айда барды?"), "қараша")


def test_a_season_of_the_same_year_is_its_three_months(engine: AnswerEngine) -> None:
    """"А летом того же года?" after Yeltsin's October 1998 visit: June to August 1998, the July declaration."""
    first = answered_with(engine.answer("Когда Ельцин приезжал с госвизитом в Алматы в 1998 году?"), "12 октября")
    answer = answered_with(engine.answer("А что подписали летом того же года?", previous=engine.turn(first)), "6 июля")
    assert "tr-eternal-friendship-declaration-1998" in {f.id for f in answer.facts}, body_text(answer)


def test_a_short_question_after_a_year_hop_asks_more_of_it(engine: AnswerEngine) -> None:
    """"… in the same year as the Kostanay joint venture? And when?": the hop still holds, its date asked too."""
    answered_with(engine.answer("Какое соглашение о налогах подписали в том же году, когда создали совместное предприятие "
                                "на Костанайском дизельном заводе? И когда именно?"), "18 октября 1996")


def test_a_range_of_years_is_told_year_by_year(engine: AnswerEngine) -> None:
    """"What happened in 2022–2024?": the range's years, not its first alone."""
    answer = answered_with(engine.answer("What happened between Kazakhstan and Russia in 2022–2024?"))
    years = {f.when.year for f in answer.facts if f.when}
    assert {2022, 2023, 2024} <= years, body_text(answer)


def test_briefly_about_asks_an_overview(engine: AnswerEngine) -> None:
    """"… туралы қысқаша" (briefly about …) with no verb asks an overview: the Medvedev years' visits."""
    answer = answered_with(engine.answer("Медведев кезиндеги Ресей-Казакстан карым-катынасы туралы кыскаша"), "2008")
    assert answer.kind == "overview", body_text(answer)


@pytest.mark.parametrize("asked", ["Naqty küni qai kün?", "Naqty qai küni?"])
def test_the_exact_day_of_a_treaty_dated_by_its_year_is_declined(engine: AnswerEngine, asked: str) -> None:
    """"Naqty …" (exactly) asks no topic; the 2013 treaty has no day in the sources, nor is another paper's day its day."""
    first = answered_with(engine.answer("Tatu körşilik jäne odaqtastyq turaly şartqa qai jyly qol qoiyldy?"), "2013")
    assert not engine.answer(asked, previous=engine.turn(first)).answered


def test_years_said_after_a_decade_name_no_topic(engine: AnswerEngine) -> None:
    """"… в 1990-е годы": "годы" is the decade's word, not a topic that pulls in a fact about some years."""
    answered_with(engine.answer("Кратко: на каких базовых договорах держались отношения Казахстана и России в 1990-е годы?"),
                  "1992", "1998")


def test_an_overview_of_a_named_topic_framed_by_the_two_sides(engine: AnswerEngine) -> None:
    """"Қазақстан мен Ресейдің Каспий мәселесіндегі ынтымақтастығы туралы қысқаша": the Caspian, framed by the sides."""
    answer = answered_with(engine.answer("Қазақстан мен Ресейдің Каспий мәселесіндегі ынтымақтастығы туралы қысқаша айтып берші"),
                           "1996")
    assert answer.kind == "overview", body_text(answer)


def test_a_topic_typed_beside_the_two_sides_is_an_overview(engine: AnswerEngine) -> None:
    """"Казакстан-Ресей шекарасы", typed as into a search box: the border told at large, its disputed length first;
    a question ("What's the capital of Russia?") is no such topic."""
    answer = answered_with(engine.answer("Казакстан-Ресей шекарасы"), "7591")
    assert answer.kind == "overview", body_text(answer)
    assert not engine.answer("What's the capital of Russia?").answered


def test_which_years_a_treaty_covers_is_asked_of_it(engine: AnswerEngine) -> None:
    """"… и на какие годы?" asks the years the treaty covers (its title's word), unlike "в 1990-е годы", the decade's."""
    first = answered_with(engine.answer("Когда Ельцин приезжал с государственным визитом в Алматы?"), "12 октября 1998")
    answer = answered_with(engine.answer("А какой договор тогда подписали и на какие годы?", previous=engine.turn(first)),
                           "1998–2007")
    assert answer.kind == "fact" and len(body_text(answer)) < 900, body_text(answer)


@pytest.mark.parametrize("said", ["Hello, are you a bot or a human?", "Сіз ботсыз ба?", "Бұл ботты қалай қолдануға болады?",
                                  "Sälem! Sağan orysşa jazuğa bola ma?", "hey, how do I use this bot?"])
def test_asking_what_the_bot_is_or_how_to_use_it_is_small_talk(engine: AnswerEngine, said: str) -> None:
    """"Bot or a human?", "how do I use this bot?", "may I write in Russian?": small talk, not a fact or a decline."""
    answer = engine.answer(said)
    assert answer.kind == "smalltalk", body_text(answer)


@pytest.mark.parametrize("asked", [
    "Help with my physics homework: how is the first escape velocity calculated?",
    "Помогите с домашним заданием по физике: как рассчитать первую космическую скорость для ракеты?"])
def test_school_physics_is_off_topic(engine: AnswerEngine, asked: str) -> None:
    """Physics homework shares "space" with Baikonur's facts but asks nothing of them."""
    assert not engine.answer(asked).answered


def test_rent_out_is_leased(engine: AnswerEngine) -> None:
    """"rent out" is the lease's verb: the year Baikonur was leased, the one word the biggest range's fact (which
    names its region) lacks, not a decline beside that fact."""
    answered_with(engine.answer("In which year did Kazakhstan rent out the big launch site in Kyzylorda Region?"),
                  "1994")


@pytest.mark.parametrize("asked", [
    "На сколько дней позже Казахстан признал независимость России, чем Россия — независимость Казахстана?",
    "How many days earlier did Russia recognise Kazakhstan's independence than Kazakhstan recognised Russia's?",
    "Ресейдің бізді тануы мен біздің Ресейді тануымыздың арасы неше күн?"])
def test_days_earlier_than_counts_the_days_between(engine: AnswerEngine, asked: str) -> None:
    """"How many days earlier did A than B?", "… арасы неше күн?": both recognitions and the three days between them."""
    answer = answered_with(engine.answer(asked))
    assert "3" in body_text(answer).replace("1991", "") and len(answer.facts) == 2, body_text(answer)


def test_since_when_of_a_holiday_is_the_fact_that_says_it(engine: AnswerEngine) -> None:
    """"Since which year has it been a national holiday?" after Russia Day's name: the 1994 decree, not the 1990
    declaration shown beside it, whose day is the holiday's."""
    first = answered_with(engine.answer("Ресей күні қалай аталып кетті?"))
    answered_with(engine.answer("ал ол қай жылдан бері ұлттық мереке?", previous=engine.turn(first)), "1994")


def test_what_do_you_know_in_general_about_asks_an_overview(engine: AnswerEngine) -> None:
    """"… жайлы жалпы не білесің?" (what do you know about … in general) asks an overview."""
    answer = answered_with(engine.answer("Қазақстан мен Ресейдің сауда байланыстары жайлы жалпы не білесің?"))
    assert answer.kind == "overview", body_text(answer)


@pytest.mark.parametrize("asked", ["Who was Russia's head of state at the time the first border marker was put up?",
                                   "Кто был главой России в тот момент, когда поставили первый пограничный знак?"])
def test_who_held_office_at_the_time_of_an_event(engine: AnswerEngine, asked: str) -> None:
    """"Who was … at the time (when) …?": the event's year, then who held the office then."""
    answered_with(engine.answer(asked), "Medvedev" if asked.startswith("Who") else "Медведев")


def test_who_joined_after_the_union_grew_is_not_the_founders_day(engine: AnswerEngine) -> None:
    """"Ал оған қай елдер қосылды?" after the Customs Union became the EAEU: those who joined later, not the
    founders' fact whose day the answer before pointed to."""
    previous = None
    for asked in ("Кеден одағы қашан жұмыс істей бастады?", "оған қай елдер кірді?", "кейін ол қандай ұйымға айналды?"):
        previous = engine.turn(answered_with(engine.answer(asked, previous=previous)))
    answered_with(engine.answer("ал оған қайсы елдер қосылды?", previous=previous), "Армения")


@pytest.mark.parametrize(("asked", "gap"), [
    ("What is the difference in kilometres between the border lengths the sources give?", "= 391 km"),
    ("Какая разница между данными источников о длине границы?", "= 591 км"),
    ("Дереккөздердегі шекара ұзындығының айырмашылығы қанша?", "= 391 км")])
def test_how_far_apart_disputed_figures_are_is_worked_out(engine: AnswerEngine, asked: str, gap: str) -> None:
    """Where the sources give the border three lengths, asking the difference gets every version and the gaps."""
    answered_with(engine.answer(asked), "7591", "7200", gap)


def test_a_plea_for_a_brief_account_after_the_question_asks_an_overview(engine: AnswerEngine) -> None:
    """"… не істеді? Қысқаша айтып беріңізші.": the plea after the question asks it told at large."""
    answer = answered_with(engine.answer("Каспий бойынша екі ел не істеді? Қысқаша айтып беріңізші."), "1998")
    assert answer.kind == "overview", body_text(answer)


@pytest.mark.parametrize("asked", ["Экспорт Казахстана в Россию в 2011 году рос быстрее, чем товарооборот?",
                                   "Did Kazakhstan's exports to Russia grow faster than total trade in 2011?"])
def test_grew_faster_than_sets_two_growth_figures_side_by_side(engine: AnswerEngine, asked: str) -> None:
    """"Did X grow faster than Y?": both growth figures and the difference between them."""
    answer = answered_with(engine.answer(asked))
    assert answer.kind == "compare" and "47" in body_text(answer) and "42" in body_text(answer), body_text(answer)


@pytest.mark.parametrize("said", ["Вы бот или живой человек?", "Сен бот па әлде тірі адам ба?", "Сізді қалай қолдануға болады?",
                                  "Hello! Am I talking to a bot or to a human editor?"])
def test_more_ways_to_ask_what_the_bot_is_are_small_talk(engine: AnswerEngine, said: str) -> None:
    """"Bot or a living person?", "how do I use you?" in each language: small talk, not a decline."""
    answer = engine.answer(said)
    assert answer.kind == "smalltalk", body_text(answer)


def test_a_maths_exercise_is_off_topic(engine: AnswerEngine) -> None:
    """"Solve this integral": no source speaks of it, though "integral" sounds like integration."""
    assert not engine.answer("Could you solve an integral for me: the integral of x squared?").answered


def test_who_commanded_is_declined_of_a_fact_naming_no_commander(engine: AnswerEngine) -> None:
    """The CSTO mission's fact names who asked for it, not who commanded it."""
    assert not engine.answer("Кто был командующим миротворцами ОДКБ в Казахстане в январе 2022 года?").answered


@pytest.mark.parametrize(("asked", "name"), [("Who was the president of Russia in 1998?", "Boris Yeltsin"),
                                             ("Кто был президентом России в 2023 году?", "Владимир Путин"),
                                             ("2008 жылы Қазақстанның президенті кім болды?", "Нұрсұлтан Назарбаев")])
def test_who_was_president_in_a_year_is_named(engine: AnswerEngine, asked: str, name: str) -> None:
    """"Who was Russia's president in 1998?": the president the nearest fact names, said first."""
    answer = answered_with(engine.answer(asked), name)
    assert body_text(answer).index(name) < 40, body_text(answer)


def test_who_was_president_then_is_asked_of_the_year_just_shown(engine: AnswerEngine) -> None:
    """"… and who was running Russia at that time?" after the 1998 seabed agreement: Yeltsin."""
    first = answered_with(engine.answer("When did the two countries divide the seabed of the northern Caspian?"), "1998")
    answered_with(engine.answer("and who was running Russia at that time?", previous=engine.turn(first)), "Yeltsin")


def test_the_same_day_as_an_event_typed_without_commas(engine: AnswerEngine) -> None:
    """"в тот же день когда подписали декларацию … что ещё подписали": the asked part opens with its question word."""
    answered_with(engine.answer("в тот же день когда была подписана декларация о вечной дружбе что ещё подписали президенты"),
                  "Каспи")


def test_in_the_year_of_an_event_named_by_a_noun(engine: AnswerEngine) -> None:
    """"В год начала работы Таможенного союза …": the year its start names (2010), then what is asked of it."""
    answered_with(engine.answer("В год запуска Таможенного союза России, Казахстана и Беларуси каков был объём взаимной "
                                "торговли Казахстана и России?"), "15")


@pytest.mark.parametrize("turns", [("How much did Kazakhstan and Russia trade in 2008?", "and 3 years earlier?"),
                                   ("Каким был товарооборот Казахстана и России в 2008 году?", "а на три года раньше?"),
                                   ("2008 жылы сауда айналымы қанша болды?", "ал үш жыл бұрын ше?")])
def test_a_follow_up_moves_the_year_shown_by_some_years(engine: AnswerEngine, turns: tuple[str, str]) -> None:
    """"And three years before that?": the question before, of the year shown moved by three (2005's trade, not the
    2008 fact again nor a fact about "three years" that the words alone would find)."""
    first = answered_with(engine.answer(turns[0]), "2008")
    answer = answered_with(engine.answer(turns[1], previous=engine.turn(first)))
    assert answer.facts[0].when is not None and answer.facts[0].when.year == 2005, body_text(answer)


def test_a_question_after_a_dash_that_only_asks_leans_on_what_comes_before(engine: AnswerEngine) -> None:
    """"… Ельцин в том же году к нам приезжал — в каком месяце?": "in which month" asks of the visit before the dash,
    which is no aside about the asker though it says "к нам"."""
    first = answered_with(engine.answer("Когда была подписана Декларация о вечной дружбе и союзничестве?"), "1998")
    answered_with(engine.answer("А Ельцин в том же году к нам приезжал — в каком месяце?", previous=engine.turn(first)),
                  "октября")


def test_one_of_them_asks_of_the_documents_just_shown(engine: AnswerEngine) -> None:
    """"Солардың бірі азаматтық туралы ма? не жайында еді?": "of them" and "about" name no topic; the citizenship
    agreement among the three documents of 20 January 1995 is told."""
    first = answered_with(engine.answer("1995 жылғы 20 қаңтарда президенттер неше құжатқа қол қойды?"))
    answered_with(engine.answer("Солардың бірі азаматтық туралы ма? не жайында еді?", previous=engine.turn(first)),
                  "жеңілдетілген")


def test_what_can_you_say_about_a_topic_asks_an_overview(engine: AnswerEngine) -> None:
    """"… туралы не айта аласыз?" (what can you say about …) asks the topic at large; alone it asks what the bot does."""
    answer = answered_with(engine.answer("Байқоңыр туралы не айта аласыз?"))
    assert answer.kind == "overview", body_text(answer)
    assert engine.answer("не айта аласың?").kind == "smalltalk"


def test_a_brief_account_of_a_decade_lists_its_main_facts(engine: AnswerEngine) -> None:
    """"1990-жылдардағы негізгі келісімдер туралы қысқаша": the decade's agreements listed, not one of them."""
    answer = answered_with(engine.answer("1990-жылдардағы Қазақстан мен Ресейдің негізгі келісімдері туралы қысқаша "
                                         "айтып беріңізші"))
    years = {f.when.year for f in answer.facts if f.when}
    assert answer.kind == "list" and len(years) >= 2 and years <= set(range(1990, 2000)), body_text(answer)


@pytest.mark.parametrize("said", ["Көмек керек, қайдан бастаймын?", "Сізбен қалай сөйлесу керек?"])
def test_where_to_start_or_how_to_talk_to_the_bot_is_small_talk(engine: AnswerEngine, said: str) -> None:
    """"Where do I start?", "how should I talk to you?": what the bot does, not a fact."""
    answer = engine.answer(said)
    assert answer.kind == "smalltalk", body_text(answer)


@pytest.mark.parametrize(("asked", "expected"), [
    ("В день, когда была подписана декларация о вечной дружбе, какое соглашение о море подписали президенты?", "Каспи"),
    ("On the day the eternal friendship declaration was signed, which other document did the presidents sign?", "Caspian")])
def test_on_the_day_an_event_happened_asks_that_day(engine: AnswerEngine, asked: str, expected: str) -> None:
    """"В день, когда …, …", "On the day …, …": the event dates the day, the rest is asked of it."""
    answered_with(engine.answer(asked), expected)


def test_both_sides_presidents_in_a_year_are_named(engine: AnswerEngine) -> None:
    """"Who were the presidents of KZ and Russia in 2009?": both, each from the nearest fact naming him."""
    answer = answered_with(engine.answer("who were the presidents of russia and kz in 2009?"), "Medvedev", "Nazarbayev")
    assert body_text(answer).index("Nazarbayev") < 80, body_text(answer)


def test_a_border_post_on_the_state_line_is_the_first_border_sign(engine: AnswerEngine) -> None:
    """"Мемлекеттік шептегі … шекара бағаны": the state line is the border and a border post its sign."""
    answered_with(engine.answer("Мемлекеттик шептеги алгашкы багана кай жылы орнатылды?"), "2009")


def test_the_important_events_of_a_year_are_listed(engine: AnswerEngine) -> None:
    """"1993 jyly ne boldy? Mañyzdy oqiğalardy aityp berşı": "important events" name no topic; the year's facts are listed."""
    answer = answered_with(engine.answer("1993 jyly ne boldy? Mañyzdy oqiğalardy aityp berşı"))
    years = {f.when.year for f in answer.facts if f.when}
    assert answer.kind == "list" and 1993 in years and len(answer.facts) >= 3, body_text(answer)


def test_solving_a_homework_problem_is_off_topic(engine: AnswerEngine) -> None:
    """"помогите решить задачу по макроэкономике": homework, not a question the sources answer."""
    assert not engine.answer("помогите решить задачу по макроэкономике: рассчитать ВВП по доходам").answered


def test_how_many_of_a_compound_noun_counts_its_head(engine: AnswerEngine) -> None:
    """"How many border crossing points …?" counts crossing points, which the border's length does not."""
    answer = engine.answer("How many border crossing points does the Kazakhstan–Russia border have?")
    assert not answer.answered, body_text(answer)


def test_a_plan_asked_in_the_future_is_told_from_the_fact_matching_it_in_full(engine: AnswerEngine) -> None:
    """"… ne salynbaq?" (what will be built): the power-plant agreement naming all three towns, not the 1992 summit
    in one of them that the model ranks a little higher."""
    answered_with(engine.answer("Kökşetau, Semei, Öskemende Resei men bırge ne salynbaq?"), "JEO")


def test_a_when_clause_before_the_question_asks_no_date(engine: AnswerEngine) -> None:
    """"When the Customs Union became the EAEU, which countries joined it?": the clause dates nothing asked."""
    answered_with(engine.answer("When the Customs Union became the EAEU, which countries joined it?"), "Armenia")


def test_a_count_asked_of_the_visit_an_event_took_place_on_is_the_visits(engine: AnswerEngine) -> None:
    """"How many documents were adopted on the visit when the Baikonur lease was made?": the visit of that day
    holds the count the lease does not."""
    answered_with(engine.answer("Байқоңырды жалға беру келісімі жасалған сапар кезінде барлығы неше құжат қабылданды?"), "22")


def test_a_year_some_years_before_the_one_asked_is_no_year_of_the_answer(engine: AnswerEngine) -> None:
    """"Спустя пару лет после договора о дружбе 1992 года …": 1992 only dates the treaty; the visit is of 1994."""
    answered_with(engine.answer("Спустя пару лет после договора о дружбе 1992 года Назарбаев впервые прибыл в Россию "
                                "с официальным визитом — когда именно?"), "1994")


def test_both_parts_are_told_when_one_matches_the_whole_in_meaning(engine: AnswerEngine) -> None:
    """"Қазақстан Ресейге қандай тауарлар шығарады, ал Ресейден … не әкелінеді?": the exports, which the whole question's
    words match less well than its meaning, and the imports."""
    answered_with(engine.answer("Қазақстан Ресейге қандай тауарлар шығарады, ал Ресейден негізінен не әкелінеді?"),
                  "машина", "азық")


def test_the_event_leading_a_long_answer_is_told_briefly(engine: AnswerEngine) -> None:
    """The treaty that dates "the July of its year" leads the two documents of that month in a few words."""
    answer = answered_with(engine.answer("Dostyq turaly şart jasalğan jyly şılde aiynda Almatyda ükımet delegasiialary "
                                         "kezdesıp, qandai salada kelısımge qol qoidy jäne qai künı?"), "metallurg")
    assert len(body_text(answer)) < 900, body_text(answer)


def test_part_of_a_decade_is_five_of_its_years(engine: AnswerEngine) -> None:
    """"Во второй половине 90-х", "the late 1990s": 1995–1999, the words for the part naming no topic."""
    answered_with(engine.answer("сколько раз в год виделись лидеры Москвы и Алматы во второй половине 90-х?"), "10–15")
    answer = answered_with(engine.answer("what happened in the late 1990s?"))
    years = {f.when.year for f in answer.facts if f.when}
    assert answer.kind == "list" and years and years <= set(range(1995, 2000)), body_text(answer)


@pytest.mark.parametrize("turns", [("Эмба полигоны қай облыста?", "Ресейдің басқа полигондары ше?"),
                                   ("Где находится полигон Эмба?", "а другие полигоны?")])
def test_the_other_things_of_a_kind_are_asked_on_their_own(engine: AnswerEngine, turns: tuple[str, str]) -> None:
    """"Ресейдің басқа полигондары ше?" after one range: Russia's ranges, not that range again."""
    first = answered_with(engine.answer(turns[0]))
    answered_with(engine.answer(turns[1], previous=engine.turn(first)), "929")


def test_the_next_meeting_follows_the_one_answered_not_those_pointed_to(engine: AnswerEngine) -> None:
    """"А в следующий раз где и когда они увиделись?" after their meeting of October 2023: the Astana forum of
    November, not a meeting after "two meetings in late 2023" that the answer points to."""
    first = answered_with(engine.answer("Помню, в октябре 2023 года Токаев и Путин встречались в России. По какому поводу?"),
                          "газ")
    answered_with(engine.answer("А в следующий раз где и когда они увиделись?", previous=engine.turn(first)), "Астан", "ноябр")


def test_where_a_treaty_naming_no_city_was_signed_is_declined(engine: AnswerEngine) -> None:
    """"А где его подписали?": a treaty between the two countries names them, but no place it was signed in (the
    power-plant agreement names its towns: "in which cities …?" is told)."""
    first = answered_with(engine.answer("Когда подписали договор о добрососедстве и союзничестве в XXI веке?"), "2013")
    answer = engine.answer("а где его подписали?", previous=engine.turn(first))
    assert not answer.answered and answer.kind == "decline", body_text(answer)
    towns = answered_with(engine.answer("В каких городах будут строить ТЭЦ по соглашению, подписанному в конце 2023 года?"))
    assert "Семей" in body_text(towns), body_text(towns)


def test_which_document_a_fact_mentions_brings_in_that_documents_own_fact(engine: AnswerEngine) -> None:
    """"… a treaty would soon turn ten. Which treaty?": the Astana visit names the treaty; its own fact says 2013."""
    answered_with(engine.answer("Tokayev said Putin's November 2023 visit came just before the tenth anniversary of a "
                                "treaty. Which treaty?"), "2013", "eighbour")


@pytest.mark.parametrize("asked", ["Roughly how many firms in Kazakhstan had Russian money behind them in 2008?",
                                   "бизде орыс акшасы салынган фирмалар шамамен канша?"])
def test_firms_and_companies_are_the_enterprises(engine: AnswerEngine, asked: str) -> None:
    """"Firms", "фирмалар" are what the sources call enterprises (with Russian capital)."""
    answer = answered_with(engine.answer(asked))
    assert any(s in body_text(answer) for s in ("1600", "1,600", "1 600")), body_text(answer)



def test_a_count_word_typed_plainly_still_counts_the_times(engine: AnswerEngine) -> None:
    """"nese ret kelgen?" ("неше рет" typed without its letters): every visit of the year added up, 1 + 3."""
    answer = answered_with(engine.answer("Medvedev 2008 jyly Qazaqstanga nese ret kelgen?"))
    assert answer.kind == "list" and "4" in body_text(answer), body_text(answer)


def test_where_is_not_told_by_a_fact_of_another_month(engine: AnswerEngine) -> None:
    """October 2023's meeting "in Russia" names no city; November's forum in Astana is not its place."""
    answer = engine.answer("In which city did Tokayev and Putin meet in October 2023?")
    assert not answer.answered and "Astana" not in body_text(answer).split("\n")[0], body_text(answer)


def test_a_follow_up_whose_words_find_the_fact_just_told_is_told_it_again(engine: AnswerEngine) -> None:
    """"Сол форумның қорытындысында қанша сомаға …?" after the forum's results, worded otherwise ("құны",
    "әзірленіп"): that fact again, not another of the same day."""
    previous = last_turn(engine, "2023 жылғы қарашада Тоқаев пен Путин қай қалада кездесті?",
                         "Бұл кездесу қандай іс-шара аясында өтті?")
    assert previous is not None and previous.fact_ids[0] == "vi-astana-forum-2023-results", previous
    answered_with(engine.answer("Сол форумның қорытындысында келісімдер қанша сомаға дайындалды?", previous=previous), "100")


def test_a_word_pointing_back_is_not_matched_as_a_topic(engine: AnswerEngine) -> None:
    """"Какой документ тогда подписали?" after Yeltsin's 1998 visit: the treaty of that day, not any document."""
    previous = last_turn(engine, "Когда Ельцин был с государственным визитом в Алматы?")
    answered_with(engine.answer("Какой документ тогда подписали?", previous=previous), "2007")


@pytest.mark.parametrize("asked", ["What is Brazil's GDP?", "How much does Israel trade with Kazakhstan?"])
def test_a_country_named_like_a_verb_is_still_another_country(engine: AnswerEngine, asked: str) -> None:
    """"Brazil", "Israel" end as Russian past tenses do when folded; they are other countries all the same."""
    assert not engine.answer(asked).answered


def test_a_sentence_pleading_to_be_told_is_the_question(engine: AnswerEngine) -> None:
    """No asking word anywhere: "I would appreciate it if you could tell me …" is what is asked, not the
    journalist's piece on the Customs Union before it."""
    answer = answered_with(engine.answer(
        "Hello! I am a journalist preparing a piece on the Customs Union. I would appreciate it if you could tell me "
        "the population and the economic potential of its three founding states, as your sources give them. Thanks!"))
    assert "170" in body_text(answer) and "1.7" in body_text(answer), body_text(answer)


@pytest.mark.parametrize("said", ["Спасибо, отличный материал для эфира!", "Thanks a lot, great material for my class!",
                                  "Көп рахмет, керемет материал болды!"])
def test_thanks_for_the_material_is_small_talk(engine: AnswerEngine, said: str) -> None:
    """Thanks for "the material" (for a broadcast, a class) is thanks: "материал" names no topic of the facts."""
    assert engine.answer(said).kind == "smalltalk"


def test_a_common_english_word_is_not_mended_into_one_the_facts_use(engine: AnswerEngine) -> None:
    """"after taking office" is no "talking" with a letter left out: mended so, it pulled the question to talks."""
    answered_with(engine.answer("Which Kremlin leader chose Kazakhstan for his maiden visit abroad after taking office, "
                                "and when did that happen?"), "Medvedev", "2008")


@pytest.mark.parametrize("asked", ["What important event happened at the border the year before the Customs Union began to work?",
                                   "Какое важное событие произошло на границе за год до того, как заработал Таможенный союз?"])
def test_an_important_event_of_the_year_before_is_that_years_event_of_the_topic(engine: AnswerEngine, asked: str) -> None:
    """"… important event … at the border the year before …": 2009's first boundary marker; "important event" only
    says an event is asked, and no fact of that year holds those words."""
    answer = answered_with(engine.answer(asked))
    assert "2009" in body_text(answer) and any(w in body_text(answer) for w in ("marker", "знак")), body_text(answer)


def test_which_treaty_was_it_asks_one_treaty_not_a_plural(engine: AnswerEngine) -> None:
    """"Which treaty was it?" ends in "was", not a plural noun: the treaty whose tenth anniversary the forum's fact
    mentions is told, with its year."""
    answered_with(engine.answer("Tokayev said Putin's visit to Astana in November 2023 came just before the tenth "
                                "anniversary of a treaty. Which treaty was it?"), "2013", "eighbourliness")



@pytest.mark.parametrize(("asked", "holiday"), [
    ("The day Yeltsin was first elected president of Russia is now celebrated as what holiday?", "Russia Day"),
    ("Ресейде алғашқы ашық президент сайлауы өткен күн қазір қандай мереке болып аталып өтеді?", "Ресей күні"),
    ("Which holiday is now marked on the day Russia held its first open presidential election?", "Russia Day")])
def test_a_holiday_asked_of_an_events_day_is_the_one_on_that_calendar_day(engine: AnswerEngine, asked: str,
                                                                          holiday: str) -> None:
    """The 12 June 1991 election names no holiday; Russia Day falls on 12 June (the 1990 declaration's day)."""
    answered_with(engine.answer(asked), holiday)


@pytest.mark.parametrize("asked", ["What happened three days before Kazakhstan announced it recognised Russia?",
                                   "Что произошло за три дня до того, как Казахстан объявил о признании России?",
                                   "Qazaqstan Reseidi tanitynyn jariialaudan üş kün būryn ne boldy?",
                                   "Казакстан Ресейдин тауелсиздигин мойындаганын жариялаудан уш кун бурын не болды?"])
def test_days_before_an_event_count_back_from_its_day(engine: AnswerEngine, asked: str) -> None:
    """Three days before 20 December 1991 (Kazakhstan's recognition of Russia): Russia's recognition, 17 December."""
    answer = answered_with(engine.answer(asked), "17")
    assert "17" in body_text(answer).split("\n")[0], body_text(answer)  # told first: the day asked, not the event


def test_a_label_before_the_question_is_not_part_of_the_event(engine: AnswerEngine) -> None:
    """"Жұмбақ: …" (a riddle:) opens the message; the event counted from is what follows it."""
    answer = answered_with(engine.answer("Жұмбақ: Ресей бізді таныған күннен үш күн өткенде Қазақстан не жариялады?"), "20")
    assert "ev-kz-recognises-ru-independence" in {f.id for f in answer.facts}, body_text(answer)


def test_kazakh_companies_are_the_kazakh_side_that_invests(engine: AnswerEngine) -> None:
    """"Kazakh companies" invest for Kazakhstan: the word "companies", which no investment fact uses, is the side."""
    answered_with(engine.answer("How much have Kazakh companies invested in Russia so far?"), "5.6")


@pytest.mark.parametrize("asked", [
    "Hi! I already found how much Russia has invested in Kazakhstan, but how much has Kazakhstan invested in Russia? Thanks!",
    "Я уже знаю, сколько Россия вложила в Казахстан, но сколько Казахстан вложил в Россию?"])
def test_what_the_asker_already_found_is_not_asked(engine: AnswerEngine, asked: str) -> None:
    """"I already found X, but Y?": Y alone is asked (Kazakh investment in Russia), not X beside it."""
    answer = answered_with(engine.answer(asked))
    assert [f.id for f in answer.facts] == ["td-kazakh-investment-in-russia"], body_text(answer)


def test_a_sentence_wondering_how_asks_beside_a_short_question(engine: AnswerEngine) -> None:
    """"I've always wondered how much …. What were the two figures?": the wondering sentence holds the topic the short
    question points at (trade in 2010 and 2011), not "two" matched on its own."""
    answer = answered_with(engine.answer("I've often wondered how much trade between our countries rose between 2010 "
                                         "and 2011. What were the two figures?"), "15", "23.8")
    assert "vi-presidents-meetings-1995" not in {f.id for f in answer.facts}, body_text(answer)


@pytest.mark.parametrize("asked", ["Тоқаев 2022 жылғы қарашада Мәскеуге нешінші күні барды?",
                                   "Токаев 2022 жылы карашада Маскеуге нешинши куни барды"])
def test_which_day_of_the_month_is_asked_by_the_ordinal_day(engine: AnswerEngine, asked: str) -> None:
    """"нешінші күні" asks the day of the month, which the sources do not give for the November 2022 visit."""
    answer = engine.answer(asked)
    assert not answer.answered and "vi-tokayev-moscow-2022" in {f.id for f in answer.facts}, body_text(answer)


@pytest.mark.parametrize("asked", ["1995 jyly Mäskeu men Astana basşylary neşe ret kezdesti?",
                                   "Сколько раз встречались руководители двух стран в 1995 году?"])
def test_the_times_of_one_year_are_told_by_that_years_count(engine: AnswerEngine, asked: str) -> None:
    """The leaders met twice in 1995; "10–15 times a year in 1995–2001" is a span's rate, not that year's count."""
    answer = answered_with(engine.answer(asked), "2")
    assert answer.facts[0].id == "vi-presidents-meetings-1995", body_text(answer)


def test_times_a_year_are_not_counted_as_years(engine: AnswerEngine) -> None:
    """"Сколько раз в год …" asks how many times a year, not how many years the span covers."""
    answer = answered_with(engine.answer("Сколько раз в год встречались лидеры двух стран в 1995–2001 годах?"), "10–15")
    assert "включительно" not in body_text(answer), body_text(answer)


def test_a_colloquial_this_is_no_party(engine: AnswerEngine) -> None:
    """"бұ" (this, said as spoken) folds as "БҰҰ" (the UN) does: it names no other party to decline for."""
    answered_with(engine.answer("Qazaq handyğymen eñ alğaş diplomatiialyq qatynas ornatqan memleket qaisy, bū qai "
                                "hannyñ kezınde boldy?"), "Qasym")


def test_a_filler_word_does_not_break_a_follow_up(engine: AnswerEngine) -> None:
    """"Яғни …" (that is) opens the follow-up that counts the days between the two recognitions just told."""
    previous = last_turn(engine, "Ресей Қазақстанның тәуелсіздігін қай күні таныды?", "Қазақстан Ресейді қай күні таныды?")
    answer = answered_with(engine.answer("Яғни екеуінің арасында неше күн өтті?", previous=previous))
    assert any(w in body_text(answer) for w in ("3", "Үш", "үш")), body_text(answer)


def test_a_plea_typed_without_commas_opens_the_question(engine: AnswerEngine) -> None:
    """"… подскажите пожалуйста сколько … и на какую сумму …" dictated without stops: asked from "сколько", not
    with the story before it, whose "МО" (the asker's faculty) is an abbreviation no fact knows."""
    answered_with(engine.answer("добрый вечер я студент второго курса МО готовлю реферат про экономику рк и рф подскажите "
                                "пожалуйста сколько совместных промышленных проектов у них и на какую сумму спасибо"),
                  "100", "22")


@pytest.mark.parametrize("asked", ["Quiz: the Customs Union started working on a New Year's Day. How big was trade between "
                                   "Kazakhstan and Russia in that very year?",
                                   "Таможенный союз заработал первого января. Каким был товарооборот Казахстана и России "
                                   "в тот самый год?"])
def test_that_very_year_is_the_year_the_sentence_before_tells(engine: AnswerEngine, asked: str) -> None:
    """The Customs Union started in 2010, so trade of that year is 2010's (15 billion), not 2011's."""
    answered_with(engine.answer(asked), "15")


@pytest.mark.parametrize(("asked", "figures"), [
    ("Compare the growth of trade in the first half of 1998 with its growth in 2011", ("26", "42.3")),
    ("Сравните товарооборот 1997 года с тем, как изменилась торговля в первой половине 1998 года", ("4,1", "26"))])
def test_two_years_without_one_shared_measure_give_each_years_figure(engine: AnswerEngine, asked: str,
                                                                    figures: tuple[str, ...]) -> None:
    """Two years no one measure has figures for: each year's own figure among the best matches, both cited."""
    answered_with(engine.answer(asked), *figures)


@pytest.mark.parametrize("asked", ["How many times has the Interregional Cooperation Forum been held so far?",
                                   "Сколько раз уже проводился Форум межрегионального сотрудничества?"])
def test_a_count_of_times_is_not_told_by_other_figures(engine: AnswerEngine, asked: str) -> None:
    """The 2023 forum's fact counts dollars and years, not how many times the forum met: declined."""
    assert not engine.answer(asked).answered


@pytest.mark.parametrize("asked", ["When did Putin visit Kazakhstan in 2008?", "Путин 2008 жылы Қазақстанға қашан келді?"])
def test_a_leader_named_is_not_answered_with_another_leader_of_his_side(engine: AnswerEngine, asked: str) -> None:
    """Medvedev, not Putin, visited Kazakhstan in 2008: the visits of another Russian leader are declined."""
    answer = engine.answer(asked)
    assert not answer.answered and "vi-medvedev-visits-2008" in {f.id for f in answer.facts}, body_text(answer)


def test_a_guest_left_unnamed_beside_the_host_is_still_the_event(engine: AnswerEngine) -> None:
    """The forum's results name Tokayev alone: Putin, who came to that forum, is not someone else of his side."""
    query = engine.understanding.parse("What came out of the forum Putin attended in Astana in November 2023?")
    assert engine.answerable.missing(query, engine.store.get("vi-astana-forum-2023-results")) is None


def test_the_growth_noun_asks_a_change(engine: AnswerEngine) -> None:
    """"… өсім" (growth) asks the change itself: the 26% of 1998's first half, not a missing level of trade."""
    answered_with(engine.answer("сауда айналымы 1998 бірінші жартыжылдық өсім"), "26")


def test_a_price_asked_is_money_the_sources_do_not_give(engine: AnswerEngine) -> None:
    """"по какой цене …?" asks a price; the sources say only that oil was sold cheap: declined with that fact."""
    answer = engine.answer("По какой цене за тонну Казахстан продавал газ России?")
    assert not answer.answered and "td-cheap-oil-gas-russian-investment" in {f.id for f in answer.facts}, body_text(answer)


def test_a_participant_of_a_union_is_a_member(engine: AnswerEngine) -> None:
    """"қатысушысы" (its participant) of the Customs Union is a member: Belarus, the third."""
    answered_with(engine.answer("Ресей мен Қазақстаннан басқа кеден одағының үшінші қатысушысы қай мемлекет еді?"), "Беларусь")


def test_a_rate_over_a_named_span_is_that_spans_fact(engine: AnswerEngine) -> None:
    """"1995–2001 жылдары жылына неше рет …?": 10–15 times a year over that very span, not 1995's two meetings."""
    answer = answered_with(engine.answer("Екі елдің бірінші тұлғалары 1995-2001 жылдары жылына шамамен неше рет жүздесетін "
                                         "еді?"), "10–15")
    assert answer.facts[0].id == "vi-meetings-1995-2001", body_text(answer)


@pytest.mark.parametrize(("asked", "level"), [("Tell me briefly about relations between Kazakhstan and Russia", "strategic"),
                                              ("Қазақстан мен Ресей қатынастары туралы қысқаша", "стратегиялық")])
def test_an_overview_of_the_relations_is_told_from_their_main_facts(engine: AnswerEngine, asked: str, level: str) -> None:
    """The relations at large: established in 1992, a strategic partnership in their leaders' words, not whichever
    facts happen to say "relations" most."""
    answer = answered_with(engine.answer(asked), "1992", level)
    assert answer.kind == "overview", body_text(answer)


def test_a_topic_framed_by_the_relations_is_not_the_relations_at_large(engine: AnswerEngine) -> None:
    """"Baikonur in Kazakhstan–Russia relations": the relations frame the topic; their own overview is not told."""
    answer = answered_with(engine.answer("Tell me briefly about Baikonur in relations between Kazakhstan and Russia"))
    assert "ev-tokayev-strategic-partnership" not in {f.id for f in answer.facts}, body_text(answer)


def test_a_short_root_with_a_case_ending_reaches_its_root(engine: AnswerEngine) -> None:
    """"ūiymnan" (from an organisation) keeps five letters to the stemmer; its root "ұйым" is still found, so the
    question asks of the CSTO's January mission, not of words no fact uses."""
    answered_with(engine.answer("2022 jyly qañtarda Toqaev qai ūiymnan kömek sūrady?"), "ŪQŞŪ")


@pytest.mark.parametrize(("asked", "figure"), [
    ("Кто из нас прав? Каким был товарооборот в 2008 году?", "20"),
    ("Кеше келиним екеуимиз сауда туралы айтысып калдык. Ол газеттен окыдым, 2008 жылы сауда 20 млрд долларга жетти "
     "дейди, мен одан аз шыгар деймин. Кайсымыз дурыс? 2008 жылы сауда канша болды екен?", "20"),
])
def test_which_of_us_is_right_asks_nothing_of_its_own(engine: AnswerEngine, asked: str, figure: str) -> None:
    """"Which of us is right?" beside the question that settles it: the question is answered ("кто" asks no person)."""
    answer = answered_with(engine.answer(asked), figure)
    assert answer.facts[0].id == "td-trade-turnover-2008", body_text(answer)


def test_a_word_before_a_quoted_name_points_at_that_name(engine: AnswerEngine) -> None:
    """"сол «Эмба» полигоны" (that "Emba" range) after a story: the name in quotes is what is asked about, not
    something the story said before."""
    answered_with(engine.answer("Агам «Эмба» деген полигонда аскери борышын отеген, хаттарын али кунге дейин сактап "
                                "жургенмин. Немерелерим сурап жатыр: сол «Эмба» полигоны кай облыста орналаскан?"),
                  "Ақтөбе")


def test_a_participle_clause_inside_the_event_of_a_year_hop(engine: AnswerEngine) -> None:
    """"… в том году, когда Медведев, только что вступивший в должность, совершил …": the clause between commas
    describes Medvedev; the event is his first trip abroad (2008), whose trade is asked."""
    answered_with(engine.answer("Каким был объём двусторонней торговли в том самом году, когда Дмитрий Медведев, только "
                                "что вступивший в должность президента, совершил свою первую зарубежную поездку?"), "20")


def test_a_first_part_asked_by_a_phrase_is_a_part_of_its_own(engine: AnswerEngine) -> None:
    """"How big is …, and how many people …?": "how big" asks as a phrase, so both parts are answered."""
    answered_with(engine.answer("How big is the economy of the customs union countries, and how many people live there?"),
                  "1.7", "170")


def test_what_else_that_day_tells_a_fact_named_only_under_see_also(engine: AnswerEngine) -> None:
    """The 1998 declaration told with the Caspian agreement only under "see also": "what else was signed that day?"
    tells the agreement rather than saying there is nothing more."""
    previous = last_turn(engine, "Что подписали Казахстан и Россия 6 июля 1998 года?")
    assert previous is not None and "tr-caspian-seabed-1998" in previous.listed
    answered_with(engine.answer("А ещё что-нибудь в тот же день подписали?", previous=previous), "Каспий")


def test_bugan_points_back_at_the_union_just_told(engine: AnswerEngine) -> None:
    """"бұған" (to this) points back: who joined the Customs Union later is Armenia and Kyrgyzstan."""
    previous = last_turn(engine, "Кеден одағы қашан жұмыс істей бастады?", "Оған қандай елдер кірді?")
    answered_with(engine.answer("Кейін бұған кімдер қосылды?", previous=previous), "Армения", "Қырғызстан")


def test_did_he_say_so_is_asked_of_the_fact_just_shown(engine: AnswerEngine) -> None:
    """"Putin oğan baramyn dedı me?" (did Putin say he would go?) after the SCO summit planned in Astana, whose fact
    says he will come: that fact, not Putin's words elsewhere."""
    previous = last_turn(engine, "Şanhai yntymaqtastyq ūiymynyñ sammitı Astanada qaşan ötedı?")
    answer = engine.answer("Putin oğan baramyn dedı me?", previous=previous)
    assert answer.answered and answer.facts[0].id == "vi-astana-sco-summit-2024", body_text(answer)


@pytest.mark.parametrize("asked", ["в каком году подписали договор о государственной границе между Казахстаном и Россией?",
                                   "When was the treaty on the state border between Kazakhstan and Russia signed?"])
def test_a_document_named_by_a_subject_no_document_has_is_declined(engine: AnswerEngine, asked: str) -> None:
    """No source tells of a border treaty: the 1992 treaty, whose text only speaks of inviolable borders, is not it."""
    assert not engine.answer(asked).answered


@pytest.mark.parametrize(("asked", "fact_id"), [
    ("Когда подписали договор о дружбе между Казахстаном и Россией?", "tr-friendship-treaty-1992"),
    ("When was the agreement on the lease of Baikonur signed?", "tr-baikonur-lease-1994"),
])
def test_a_document_named_by_its_own_subject_is_answered(engine: AnswerEngine, asked: str, fact_id: str) -> None:
    """The subject named is the document's own ("о дружбе", "on the lease of Baikonur"): that document answers."""
    answer = engine.answer(asked)
    assert answer.answered and answer.facts[0].id == fact_id, body_text(answer)


def test_when_a_plant_will_be_finished_is_a_future_the_sources_do_not_tell(engine: AnswerEngine) -> None:
    """"… қашан салып бітеді?" (when will it be finished?) asks a future date: the 2023 agreement to build the plants
    does not say, so the question is declined rather than answered with the year of signing."""
    assert not engine.answer("Кокшетаудагы жылу электр стансасын Ресей кашан салып битеди?").answered


@pytest.mark.parametrize("asked", ["Байқоңыр қай жерде?", "Baiqoñyr qai jerde?"])
def test_kai_zherde_asks_where(engine: AnswerEngine, asked: str) -> None:
    """"қай жерде" (in which place) asks where, as "қайда" does: Baikonur is in Kyzylorda Region."""
    answer = engine.answer(asked)
    assert answer.answered and answer.facts[0].id == "fg-baikonur-largest-range", body_text(answer)


def test_how_much_in_a_year_without_growth_after_a_growth_asks_the_level(engine: AnswerEngine) -> None:
    """"ал 1997 жылы қанша болған?" after the growth of 1998's first half: no growth is told for 1997, so the
    turnover that grew is, 4.1 billion."""
    previous = last_turn(engine, "1998 жылдың бірінші жартысында тауар айналымы қанша пайызға өскен?")
    answer = answered_with(engine.answer("ал 1997 жылы қанша болған?", previous=previous), "4,1")
    assert answer.facts[0].id == "td-trade-turnover-1997", body_text(answer)


def test_etih_points_back_at_the_union_just_told(engine: AnswerEngine) -> None:
    """"у этих трёх стран" (of these three countries) points back at the Customs Union's members: their population
    and economic potential are told, not declined for words no fact uses."""
    previous = last_turn(engine, "С какого числа заработал Таможенный союз России, Казахстана и Беларуси?")
    answered_with(engine.answer("А какое у этих трёх стран вместе население и экономический потенциал?", previous=previous),
                  "170", "1,7")


@pytest.mark.parametrize("said", ["Көп рахмет, көмегің тиді!", "thanks a lot, that really helps my blog post"])
def test_thanks_for_help_with_what_it_helped_is_small_talk(engine: AnswerEngine, said: str) -> None:
    """"көмегің тиді" (your help came in handy), "helps my blog post": thanks, however they go on."""
    assert engine.answer(said).kind == "smalltalk"


def test_a_joint_figure_asked_of_the_three_members_is_the_unions(engine: AnswerEngine) -> None:
    """"бірлескен" (joint) asks of the three countries together: the Customs Union's 1.7 trillion answers."""
    answered_with(engine.answer("Ресей, Қазақстан және Беларусьтің бірлескен экономикалық әлеуеті қанша?"), "1,7")


def test_trade_with_each_other_is_the_turnover_not_one_flow(engine: AnswerEngine) -> None:
    """"наторговали друг с другом" (traded with each other) asks both ways: 23.8 billion, not the exports' 7.5."""
    answer = answered_with(engine.answer("На какую сумму наторговали Астана и Москва друг с другом в 2011 году?"), "23,8")
    assert answer.facts[0].id == "td-trade-turnover-2011", body_text(answer)


def test_the_level_reached_is_the_amount_not_its_growth(engine: AnswerEngine) -> None:
    """"qandai deñgeige jettı" (reached what level) asks the amount: 2011's turnover, not its growth."""
    answer = engine.answer("Mäskeu men Astana arasyndağy tauar almasu 2011 jyly qandai deñgeige jettı?")
    assert answer.answered and answer.facts[0].id == "td-trade-turnover-2011", body_text(answer)


def test_what_came_next_may_be_dated_to_its_year_only(engine: AnswerEngine) -> None:
    """After Medvedev's visit of May 2008, "ал одан кейін ше?" (and after that?) is his three visits of July,
    September and December 2008, a fact dated to the year alone that names only later months."""
    previous = last_turn(engine, "медведев қазақстанға алғаш қашан келді")
    answer = engine.answer("ал одан кейін ше", previous=previous)
    assert answer.answered and answer.facts[0].id == "vi-medvedev-visits-2008", body_text(answer)


def test_what_was_signed_there_after_meetings_summed_up_finds_their_days(engine: AnswerEngine) -> None:
    """"а что подписали там" after two meetings of late 2023 told without their days: the days of their
    meetings in the months the fact names, and the three-year plan signed at the Astana one."""
    previous = last_turn(engine, "скока раз токаев и путин встречались в конце 2023", "а где")
    answer = engine.answer("а что подписали там", previous=previous)
    assert answer.answered and answer.facts[0].id == "tr-joint-action-plan-2023", body_text(answer)


def test_it_may_be_a_name_the_shown_fact_quotes(engine: AnswerEngine) -> None:
    """"Ony neşe jylğa jalğa berdı?" (for how many years was it leased?) after the test ranges, the largest of them
    «Baiqoñyr»: the Baikonur lease, 20 years, not a decline of the ranges' fact."""
    previous = last_turn(engine, "Resei Qazaqstan jerınde neşe synaq poligonyn paidalanady?", "Olardyñ eñ ırısı qaisy?")
    answered_with(engine.answer("Ony neşe jylğa jalğa berdı?", previous=previous), "20")


@pytest.mark.parametrize("asked", [
    "The man who won Russia's first open presidential election: when did he pay a state visit to Almaty?",
    "Ресейдегі алғашқы ашық президент сайлауында жеңген адам: ол Алматыға мемлекеттік сапармен қашан келді?",
])
def test_a_person_described_before_the_question_is_its_he(engine: AnswerEngine, asked: str) -> None:
    """The description before the colon finds the 1991 election, which names Yeltsin: "he" is Yeltsin, whose
    state visit to Almaty was in October 1998."""
    answer = engine.answer(asked)
    assert answer.answered and answer.facts[0].id == "vi-yeltsin-almaty-1998", body_text(answer)


def test_will_you_tell_me_is_no_topic(engine: AnswerEngine) -> None:
    """"айтып бересің бе, балам" (will you tell me, dear) only asks: what happened in 2009 is that year's facts."""
    assert engine.answer("2009 жылы не болды екен, айтып бересин бе балам").kind == "list"


def test_our_sovereignty_is_our_independence(engine: AnswerEngine) -> None:
    """"егемендігімізді мойындаған" (recognised our sovereignty): Russia's recognition of 17 December 1991."""
    answered_with(engine.answer("Мәскеу біздің егемендігімізді мойындаған күн қай күн еді, есіме түспей отыр"), "17")


def test_a_bare_date_keyword_asks_when(engine: AnswerEngine) -> None:
    """"… дата" asks when: the 2013 treaty, dated by its year, answers; "точная дата" still asks the day."""
    answered_with(engine.answer("договор о добрососедстве и союзничестве дата"), "2013")
    assert not engine.answer("Какова точная дата подписания договора о добрососедстве и союзничестве?").answered


def test_explain_simply_is_no_topic(engine: AnswerEngine) -> None:
    """"can you explain simply?" asks nothing of its own: 1994's facts, not the stage of relations ending that year."""
    answer = engine.answer("What happen between Kazakhstan and Russia in 1994? "
                           "Why 1994 is important year, can you explain simply?")
    assert answer.kind == "list", body_text(answer)


@pytest.mark.parametrize("asked", ["What goods does Russia export to Kazakhstan?",
                                   "Ресей Казакстанга ен коп кандай тауарлар сатады екен?"])
def test_goods_russia_sells_to_kazakhstan_are_kazakhstans_imports(engine: AnswerEngine, asked: str) -> None:
    """Russia's exports to Kazakhstan share every word with Kazakhstan's exports to Russia: the direction decides."""
    answer = engine.answer(asked)
    assert answer.answered and answer.facts[0].id == "td-kz-imports-from-russia-goods", body_text(answer)


def test_a_second_part_pointing_at_the_name_the_first_found(engine: AnswerEngine) -> None:
    """"… Russia's largest test range …, and in what year was it leased?": "it" is Baikonur, which the first part
    finds; its lease of 1994 is told with it though the whole question never names Baikonur."""
    answered_with(engine.answer("In which region is Russia's largest test range in Kazakhstan, and in what year was it leased?"),
                  "Kyzylorda", "1994")


def test_when_was_it_after_a_dated_fact_is_that_fact(engine: AnswerEngine) -> None:
    """"а когда это было?" after Medvedev's first trip abroad: May 2008, not what "first" finds with "when"."""
    previous = last_turn(engine, "Какой президент России первым делом поехал за границу именно в Казахстан?")
    answer = engine.answer("а когда это было?", previous=previous)
    assert answer.answered and answer.facts[0].id == "vi-medvedev-first-trip-2008", body_text(answer)


def test_what_became_of_imports_in_another_year(engine: AnswerEngine) -> None:
    """"А что стало с импортом из России в 1999-м?" after 1997's turnover: 1999's imports, 1.5 billion."""
    previous = last_turn(engine, "Какой был товарооборот между Казахстаном и Россией в 1997 году?")
    answered_with(engine.answer("А что стало с импортом из России в 1999-м?", previous=previous), "1,5")


def test_the_key_area_of_a_topic_is_the_fact_titled_so(engine: AnswerEngine) -> None:
    """"What is the key area of economic cooperation …?": the fact titled "the key area of economic cooperation"
    (fuel and energy), not an overview of economic cooperation."""
    answer = engine.answer("what is the key area of economic cooperation between Kazakhstan and Russia?")
    assert answer.answered and answer.facts[0].id == "td-fuel-energy-key-area", body_text(answer)


def test_the_year_an_anniversary_will_fall_is_counted(engine: AnswerEngine) -> None:
    """"… орнатқанына 32 жыл толатын жылы" (in the year relations turn 32): 1992 + 32 = 2024, the SCO summit in
    Astana."""
    answer = engine.answer("Ресей мен Казакстан дипломатиялык катынас орнатканына 32 жыл толатын жылы Астанада "
                           "кандай саммит отуи тиис болды?")
    assert answer.answered and "vi-astana-sco-summit-2024" in {f.id for f in answer.facts}, body_text(answer)


def test_what_someone_told_the_asker_in_kazakh_is_what_the_question_leans_on(engine: AnswerEngine) -> None:
    """"Немерем айтты, 1992 жылы Кокшетауда улкен кездесу болыпты деп. Кимдер кездести, не кабылдады?": what the
    grandchild said (a big meeting in Kokshetau in 1992) is what "who met, what did they adopt?" asks of."""
    answered_with(engine.answer("Павлодардан жазып отырмын. Мен жас кезимде Кокшетауда окыганмын, сол калага жакынмын. "
                                "Немерем айтты, 1992 жылы Кокшетауда улкен кездесу болыпты деп. Кимдер кездести, не кабылдады?"),
                  "мәлімдеме")


def test_goods_bought_in_russia_come_from_it(engine: AnswerEngine) -> None:
    """"закупает в России" (buys in Russia): the goods come from Russia, so they are Kazakhstan's imports."""
    answer = engine.answer("Какие товары Казахстан закупает в России?")
    assert answer.answered and answer.facts[0].id == "td-kz-imports-from-russia-goods", body_text(answer)


@pytest.mark.parametrize("asked", [
    "Какой договор отмечал десятилетие, о котором говорил Токаев на встрече с Путиным в Астане в ноябре 2023?",
    "В каком году был подписан договор, десятилетний юбилей которого, по словам К.-Ж. Токаева, приближался во время "
    "визита В. В. Путина в Астану в ноябре 2023 года?",
])
def test_a_treaty_named_by_its_coming_tenth_anniversary_in_russian(engine: AnswerEngine, asked: str) -> None:
    """"отмечал десятилетие", "десятилетний юбилей которого" spoken of in 2023: the treaty of 2013."""
    answer = engine.answer(asked)
    assert answer.answered and answer.facts[0].id == "tr-good-neighbourliness-treaty-2013", body_text(answer)


def test_early_in_the_year_after_the_year_of_an_event(engine: AnswerEngine) -> None:
    """"… Mäskeuge barğan jyldyñ kelesı jylynyñ basynda …" (early in the year after the year Tokayev went to Moscow,
    2022): January 2023's tighter visa rules."""
    answered_with(engine.answer("Tokaev Mäskeuge barğan jyldyñ kelesı jylynyñ basynda Qazaqstan reseilıkterge qatysty "
                                "qandai erejelerdı qataitty?"), "viza")


def test_pieces_of_paper_are_counted_as_documents(engine: AnswerEngine) -> None:
    """"how many bits of paper": the paper is counted, and papers are documents (22 on the 1994 visit)."""
    answered_with(engine.answer("How many bits of paper got signed on Nazarbayev's first official trip to the Kremlin?"), "22")


def test_which_month_after_a_fact_dated_to_its_month_is_that_fact(engine: AnswerEngine) -> None:
    """"Қай айда?" right after Medvedev's first trip abroad (May 2008): that trip, not a fact the first question's
    words find with "month"."""
    previous = last_turn(engine, "Медведев президент ретінде алғаш қай елге барды?")
    answer = engine.answer("Қай айда?", previous=previous)
    assert answer.answered and answer.facts[0].id == "vi-medvedev-first-trip-2008", body_text(answer)


@pytest.mark.parametrize("said", ["Alright mate, and who are you then?", "Спасибо, было очень полезно. До свидания!"])
def test_chat_words_around_small_talk_keep_it_small_talk(engine: AnswerEngine, said: str) -> None:
    """"mate", "then", "было полезно" add nothing: who-are-you and thanks-and-goodbye stay small talk."""
    assert engine.answer(said).kind == "smalltalk"


def test_out_of_interest_asks_nothing(engine: AnswerEngine) -> None:
    """"out of interest" is a courtesy: the region Baikonur is in is still asked."""
    answered_with(engine.answer("Out of interest, in which region of Kazakhstan is Baikonur?"), "Kyzylorda")


def test_kazakh_shygarady_exports(engine: AnswerEngine) -> None:
    """"Ресейге … шығарады" (puts out to Russia) is exporting: the goods Kazakhstan sells Russia."""
    answer = engine.answer("Қазақстан Ресейге көбінесе қандай тауарлар шығарады?")
    assert answer.answered and answer.facts[0].id == "td-kz-exports-to-russia-goods", body_text(answer)


def test_a_latin_sold_with_dotless_i_is_a_sale(engine: AnswerEngine) -> None:
    """"sattı" (sold, typed with ı): Kazakhstan's exports to Russia in 2011, not the whole turnover."""
    answer = engine.answer("2011 jyly Qazaqstan Reseige qanşa dollarlyq tauar sattı?")
    assert answer.answered and answer.facts[0].id == "td-exports-to-russia-2011", body_text(answer)


def test_a_month_of_the_year_after_the_year_of_an_event(engine: AnswerEngine) -> None:
    """"… барған жылдың келесі жылының қаңтарында" (in January of the year after the year Tokayev went to Moscow,
    2022): the visa rules of January 2023."""
    answered_with(engine.answer("Тоқаев Мәскеуге барған жылдың келесі жылының қаңтарында Қазақстан ресейліктерге "
                                "қандай шешім қабылдады?"), "виза")


def test_between_us_names_no_topic(engine: AnswerEngine) -> None:
    """"арамызда" (between us) and "қызық" (curious) name no topic: what happened with Russia in 2000 is listed."""
    answer = engine.answer("2000 жылы Ресей мен арамызда не болды, қызық?")
    assert answer.answered and any(f.id == "tr-oil-transit-quota-2000" for f in answer.facts), body_text(answer)


@pytest.mark.parametrize("asked", [
    "Ресейдің Қазақстандағы ең үлкен полигоны — оны неше жылға жалға берген?",
    "крупнейший российский полигон в Казахстане — на сколько лет его отдали в аренду?",
])
def test_a_description_then_a_question_pointing_at_the_thing_it_names(engine: AnswerEngine, asked: str) -> None:
    """A description whose fact quotes one name («Байконур»), then a question pointing at "it": asked of that name."""
    answer = engine.answer(asked)
    assert answer.answered and answer.facts[0].id == "tr-baikonur-lease-1994", body_text(answer)


def test_for_how_many_years_asks_a_term(engine: AnswerEngine) -> None:
    """"for how many years was it leased?" after Russia's largest range asks the lease's term (20 years)."""
    previous = last_turn(engine, "Which is the largest Russian test range in Kazakhstan?")
    answered_with(engine.answer("for how many years was it leased?", previous=previous), "20")


def test_each_person_asked_must_be_named(engine: AnswerEngine) -> None:
    """"Назарбаев пен Путин" of Tokayev's meetings with Putin: Putin is named, Nazarbayev is not."""
    answer = engine.answer("Назарбаев пен Путин жалпы неше рет кездесті?")
    assert not answer.facts or answer.facts[0].id != "vi-tokayev-putin-meetings-2023", body_text(answer)


def test_chat_now_is_no_acronym(engine: AnswerEngine) -> None:
    """"щас" (now, in chat) is no "ШОС": how many countries the EAEU has is five."""
    answered_with(engine.answer("скок стран в еаэс щас"), "пять")


def test_a_measure_in_two_years_keeps_its_measure(engine: AnswerEngine) -> None:
    """"trade in 2008 or in 2011?": the second year's part is the same measure, the turnover (23.8), not exports."""
    answered_with(engine.answer("which was larger, kz-russia trade in 2008 or in 2011?"), "23.8")


def test_a_measure_set_against_another_of_that_year(engine: AnswerEngine) -> None:
    """"exports in 2011 against the whole turnover that year": both figures of 2011, side by side."""
    answered_with(engine.answer("kazakh exports to russia in 2011 against the total trade turnover that year"), "7.5", "23.8")


def test_who_joined_an_expanded_union_is_asked_on_its_own(engine: AnswerEngine) -> None:
    """"… құрған одақ кеңейгенде оған қай елдер қосылды?" in one question: the fact that says who joined (Armenia,
    Kyrgyzstan), not the founders'."""
    answered_with(engine.answer("Мәскеу, Астана және Минск құрған одақ кейін кеңейгенде оған қандай елдер қосылды?"),
                  "Армения")


def test_a_plea_before_a_preposition_and_a_question_word(engine: AnswerEngine) -> None:
    """A run-on message without stops: what follows "please tell me" ("in which cities …") is asked."""
    answered_with(engine.answer("good day i am a pensioner from semey and i write a note for our club about energy "
                                "please tell me in which cities the thermal power plants agreed with russia in late "
                                "2023 will be built thanks a lot"), "Kokshetau")


def test_where_after_a_fact_that_sums_up_meetings_with_their_places(engine: AnswerEngine) -> None:
    """"қайда?" after the two meetings of late 2023 (October in Russia, November in Astana): that fact, which says both."""
    previous = last_turn(engine, "2023 жылы Тоқаев пен Путин неше рет кездесті?")
    answer = engine.answer("қайда?", previous=previous)
    assert answer.answered and answer.facts[0].id == "vi-tokayev-putin-meetings-2023", body_text(answer)


def test_a_second_part_too_long_to_tell_whole_gives_its_first_sentence(engine: AnswerEngine) -> None:
    """"… and for how many years was Baikonur leased that same year?" beside the long fact of the 1994 visit: the
    lease's first sentence (20 years), not only its title."""
    answered_with(engine.answer("В каком году Назарбаев впервые официально посетил Россию и на сколько лет в том же "
                                "году Казахстан сдал в аренду Байконур?"), "20 лет")


def test_compared_with_a_sides_possessive_measure(engine: AnswerEngine) -> None:
    """"… compare with Kazakhstan's exports to Russia that year": a side's possessive opens the second measure."""
    answered_with(engine.answer("How did the total bilateral trade of 2011 compare with Kazakhstan's exports to Russia "
                                "that year?"), "23.8", "7.5")


def test_between_the_two_names_no_topic_in_a_year_hop(engine: AnswerEngine) -> None:
    """"екіарадағы" (between the two) names no topic: the turnover of the year the Customs Union started (2010)."""
    answered_with(engine.answer("Кеден одағы жұмыс істей бастаған жылы екіарадағы сауда айналымы қанша болды?"), "15")


def test_an_auxiliary_past_asks_nothing_in_a_third_turn(engine: AnswerEngine) -> None:
    """After Russia's largest range and where it is, "оны неше жылға жалға берген едік?" (for how many years had we
    leased it?) asks of Baikonur's lease: "едік" (had, we) names no topic."""
    previous = last_turn(engine, "Ресейдің біздегі ең үлкен сынақ алаңы қайсы?", "Ол қай облыста орналасқан?")
    answered_with(engine.answer("Оны неше жылға жалға берген едік?", previous=previous), "20")


@pytest.mark.parametrize(("first", "asked", "fact_id"), [
    ("How many times did Tokayev and Putin meet at the end of 2023?", "Where and when was the second meeting?",
     "vi-astana-forum-2023"),
    ("2023 жылдың соңында Тоқаев пен Путин неше рет кездесті?", "бірінші кездесу қайда болды?",
     "vi-tokayev-putin-russia-2023-10"),
])
def test_the_nth_of_the_meetings_a_fact_sums_up(engine: AnswerEngine, first: str, asked: str, fact_id: str) -> None:
    """After "two meetings in late 2023 (October in Russia, November in Astana)", "the second meeting" is November's."""
    previous = last_turn(engine, first)
    answer = engine.answer(asked, previous=previous)
    assert answer.answered and answer.facts[0].id == fact_id, body_text(answer)


def test_an_amount_a_year_asks_no_date(engine: AnswerEngine) -> None:
    """"how much gas a year …": "a year" asks a yearly amount, not a date; the gas transit's fact gives no volume,
    so the reply says so instead of telling the transit's launch date."""
    answer = engine.answer("how much gas a year does russia pump to uzbekistan across kazakhstan")
    assert not answer.answered, body_text(answer)


def test_two_names_joined_by_a_dash_in_a_sentence_about_the_asker(engine: AnswerEngine) -> None:
    """"… a piece on the October 2023 Putin–Tokayev meeting. Could you tell me what ceremony …?": both names of the
    asker's sentence are kept, and it stays a sentence of its own, so "tell me" does not cut the question off it."""
    answered_with(engine.answer("Hi, I am a blogger writing a post on the October 2023 Putin–Tokayev meeting. Could you "
                                "tell me what ceremony the two presidents attended before their talks?"), "Uzbekistan")


def test_on_the_contrary_in_one_word_swaps_the_sides(engine: AnswerEngine) -> None:
    """"А наоборот?" after Russian investment in Kazakhstan: Kazakh investment in Russia."""
    previous = last_turn(engine, "Сколько Россия вложила в экономику Казахстана?")
    answered_with(engine.answer("А наоборот?", previous=previous), "5,6")


def test_the_agreement_you_mentioned(engine: AnswerEngine) -> None:
    """"Сіз айтқан сол келісім …" (that agreement you mentioned): the words pointing back name no topic."""
    previous = last_turn(engine, "Байқоңыр ғарыш айлағын жалға беру туралы келісімге қашан қол қойылды?")
    answered_with(engine.answer("Сіз айтқан сол келісім неше жылға жасалды?", previous=previous), "20")


def test_an_apology_for_a_long_letter_asks_no_duration(engine: AnswerEngine) -> None:
    """"… forgive an old man his long letter …": "long" there asks no "how long"."""
    answered_with(engine.answer("Good evening, and forgive an old man his long letter. In my younger years I worked on "
                                "lines that ran south. My grandson asked me about the old railway between Orenburg and "
                                "Tashkent. Could you tell me what that line was called and in which year it was "
                                "completed?"), "1906")


@pytest.mark.parametrize("question", ["Customs Union 2010 trade volume", "Кеден одағы 2010 сауда көлемі"])
def test_trade_of_a_year_beside_an_event_of_that_year(engine: AnswerEngine, question: str) -> None:
    """"Customs Union 2010 trade volume": the union's start holds no amount; that year's turnover does, told first."""
    answered_with(engine.answer(question), "15")


def test_is_this_thing_working_is_small_talk(engine: AnswerEngine) -> None:
    assert engine.answer("hi? is this thing working? what can you do").kind == "smalltalk"


def test_the_older_russian_name_of_belarus(engine: AnswerEngine) -> None:
    """"Белоруссия" is the Belarus the facts name "Беларусь": no other country the fact lacks."""
    answered_with(engine.answer("Какое население у стран Таможенного союза — России, Казахстана и Белоруссии вместе?"),
                  "170")


def test_the_state_line_between_the_two_neighbours(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Какова протяжённость государственной линии, разделяющей двух соседей? Встречал "
                                "разные цифры, хочу сверить."), "7")


def test_tomorrows_lesson_is_the_askers_not_a_future_asked(engine: AnswerEngine) -> None:
    """"Ертең сабақта …, мұғалім сұрады: …?": tomorrow's class is the asker's; the question after the colon is asked."""
    answered_with(engine.answer("Ертен сабакта сурак бар, мугалим сурады: Токтар Аубакиров гарышка кай жерден ушты?"),
                  "Байқоң")


def test_whose_land_asks_a_place(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "Which railway joined Orenburg with Tashkent?")
    answered_with(engine.answer("Whose lands did it help to colonise?", previous=previous), "Zhetysu")


def test_up_to_where_asks_a_place(engine: AnswerEngine) -> None:
    """"қайда дейін" (up to where) asks where the pipeline runs to, not until when."""
    answered_with(engine.answer("Теңізден мұнай құбыры қайда дейін тартылады?"), "Новороссийск")


def test_a_memo_word_is_an_overview_alone(engine: AnswerEngine) -> None:
    """"Байконур — справка" asks an overview; "для служебной справки: какого числа …?" asks the date."""
    assert engine.answer("Байконур — справка").kind == "overview"
    answered_with(engine.answer("Для служебной справки: какого числа Россия признала независимость Казахстана?"), "17")


def test_a_trips_destination(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Medvedev's first trip abroad as president - destination?"), "Kazakhstan")


def test_celebrities_are_the_singers_and_the_presenter(engine: AnswerEngine) -> None:
    """"pro-Kremlin Russian celebrities … list them": the festival with Leps and Kandelaki's entry ban."""
    answered_with(engine.answer("which clashes with pro-Kremlin Russian celebrities did Kazakhstan have in 2023-2024? "
                                "list them please"), "Leps", "Kandelaki")


def test_where_is_the_thing_a_dated_fact_describes(engine: AnswerEngine) -> None:
    """"In which region is the cosmodrome leased to Russia in 1994?": the lease says no place; the year describes the
    cosmodrome, whose own fact says where it is."""
    answered_with(engine.answer("1994 жылы 20 жылга жалга берилген космодром кай облыста орналаскан"), "Қызылорда")


def test_what_a_year_is_remembered_for_in_the_chronicle(engine: AnswerEngine) -> None:
    """"1996 жыл … шежіресінде немен есте қалды?" (what is 1996 remembered for in the chronicle?): the year's events."""
    answer = engine.answer("1996 жыл екі ел қатынасының шежіресінде немен есте қалды?")
    assert answer.answered and answer.kind == "list", body_text(answer)


def test_industrial_projects_said_short(engine: AnswerEngine) -> None:
    """"промпроектов": industrial projects, both their number and their value asked."""
    answered_with(engine.answer("Сколько совместных промпроектов сейчас ведут Астана и Москва и на какую общую сумму?"),
                  "100", "22")


def test_arguments_for_and_against_are_an_opinion(engine: AnswerEngine) -> None:
    """Arguments for and against are an opinion asked, which no source gives (not the EAEU's own fact)."""
    answer = engine.answer("Приведите аргументы за и против вступления в ЕАЭС")
    assert not answer.answered, body_text(answer)


@pytest.mark.parametrize("question", ["Resei bızdıñ ekonomikağa qanşa aqşa salğan", "Ресей біздің экономикаға қанша ақша салған"])
def test_our_economy_is_kazakhstans(engine: AnswerEngine, question: str) -> None:
    """"Ресей біздің экономикаға …" (into our economy): Russian investment in Kazakhstan, not the other way round."""
    answered_with(engine.answer(question), "19")


def test_who_of_countries_asks_which_countries(engine: AnswerEngine) -> None:
    """"… ондағы 5 ел кімдер?" (who are its five countries?): a plural "who" of countries asks the members."""
    answered_with(engine.answer("Кеден одағы Еуразиялық экономикалық одаққа айналғанда ондағы 5 ел кімдер?"), "Армения")


@pytest.mark.parametrize("question", [
    "What was the third document the two presidents signed on 20 January 1995?",
    "Какой третий документ подписали президенты 20 января 1995 года?",
    "1995 жылғы 20 қаңтарда қол қойылған үш құжаттың үшіншісі қандай құжат еді?",
])
def test_an_ordinal_past_the_named_things_is_not_said(engine: AnswerEngine, question: str) -> None:
    """The sources say three documents were signed that day and name two: the third is not said, and the fact
    that counts them is the closest; the second is one of those named."""
    near_miss_of(engine.answer(question), "vi-presidents-1995-01-20")
    assert engine.answer("What was the second document signed on 20 January 1995?").answered


def test_what_fell_in_a_year(engine: AnswerEngine) -> None:
    """"Какие события … пришлись на 2009 год?": the year's events ("пришлись", "упоминаются" name no topic)."""
    answer = engine.answer("Какие события в отношениях Казахстана и России пришлись на 2009 год?")
    assert answer.answered and answer.kind == "list", body_text(answer)
    answer = engine.answer("Какие события 2024 года в отношениях Казахстана и России упоминаются?")
    assert answer.answered and answer.kind == "list", body_text(answer)
    answer = engine.answer("Какие события 2023 года упоминаются в ваших источниках?")
    assert answer.answered and answer.kind == "list", body_text(answer)


def test_a_quiz_asks_a_year_for_itself(engine: AnswerEngine) -> None:
    """"Kvız üşın: …" (for a quiz): neither word is a topic, so the year's events are listed."""
    answer = engine.answer("Kvız üşın: 1996 jyly Qazaqstan men Resei arasynda ne bolğan?")
    assert answer.answered and answer.kind == "list", body_text(answer)


def test_on_russian_soil_is_in_russia(engine: AnswerEngine) -> None:
    answered_with(engine.answer("В каком месяце 2023 г. лидеры двух стран встречались на российской земле?"), "октябр")


def test_the_state_boundary_said_as_meje(engine: AnswerEngine) -> None:
    """"мемлекеттік меже" (the state boundary) is the border, so its first marker is found."""
    answered_with(engine.answer("Солтустик корши екеумиздин мемлекеттик межемизге алгашкы белги кай жылы орнатылды?"),
                  "2009")


def test_which_town_said_as_shahar(engine: AnswerEngine) -> None:
    """"қай шаһарда" (in which town) asks a place."""
    answered_with(engine.answer("Акорда мен Кремль басшылары 2023 жылгы карашада кай шахарда бас косты?"), "Астана")


def test_a_grandmothers_blessings_and_memories_ask_nothing(engine: AnswerEngine) -> None:
    """Greetings, blessings and the asker's late husband's trips are left out; the question is what happened in Omsk."""
    answered_with(engine.answer("Армысындар айналайындар!!! Мен жасы келген апанмын, телеграмды енди уйрендим... "
                                "Шалым маркум Омбыга жии баратын еди. 1993 жылы кантар айында Омбыда Казакстан мен Ресей "
                                "арасында не болды? кай куни? Алла разы болсын, балаларын аман болсын!!"), "9")
    answered_with(engine.answer("ДОБРЫЙ ДЕНЬ СЫНОЧКИ!!! Как поживаете, все ли здоровы? У меня всё слава богу. По телевизору "
                                "говорили что Токаев и Путин вместе открывали транзит газа в Узбекистан через нашу землю ,,, "
                                "а я прослушала. В каком месяце 2023 года это было? Заранее спасибо, благослови вас Бог!"),
                  "октябр")


def test_a_pipeline_up_to_a_place_asks_no_end_date(engine: AnswerEngine) -> None:
    """"Новороссийскіге дейін … қай кен орнынан?" (to Novorossiysk … from which field?): "дейін" marks a place."""
    answered_with(engine.answer("1996 жылы Новороссийскиге дейин мунай кубырын салу шешими кабылданганда, кубыр кай кен "
                                "орнынан басталатын болды?"), "Теңіз")


@pytest.mark.parametrize("question", [
    "Мына сойлемди немис тилинен казак тилине аударып бересиз бе: \"Ich liebe Almaty\"",
    "Какие документы нужны для поступления в магистратуру Карагандинского университета на юридическую специальность?",
])
def test_a_translation_or_an_admission_is_out_of_scope(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert not answer.answered, body_text(answer)


def test_what_can_you_help_with_in_latin_kazakh(engine: AnswerEngine) -> None:
    assert engine.answer("ne ısteı alasyñ? nemen kömektesesıñ").kind == "smalltalk"


def test_a_head_count_of_servicemen_is_not_the_number_of_ranges(engine: AnswerEngine) -> None:
    """"қанша … әскери қызметші" counts people: the five ranges are no answer to it."""
    near_miss_of(engine.answer("Sary Şağan poligonynda qanşa reseilık äskeri qyzmetşı bar?"), "fg-russia-test-ranges")


def test_how_many_said_as_to_what_extent_many(engine: AnswerEngine) -> None:
    """"қаншалықты көп" (how many) asks the number of enterprises with Russian capital."""
    answered_with(engine.answer("Маскеу капиталы катыскан касипорындар биздин елде каншалыкты коп?"), "1600")


def test_slang_for_money_asks_money(engine: AnswerEngine) -> None:
    """"бабла" (slang for money) asks a sum: Kazakh business's investment in Russia has one, the Baikonur lease none."""
    answered_with(engine.answer("Сколько бабла казахстанский бизнес вложил в экономику северного соседа?"), "5,6")
    answer = engine.answer("слушай а сколько бабла Россия отстёгивает за Байконур в год")
    assert not answer.answered, body_text(answer)


def test_over_some_years_asks_no_date(engine: AnswerEngine) -> None:
    """"30 жылдан астам уақытта" (over more than 30 years) is a span, not a "when" asked."""
    query = engine.understanding.parse("Астана мен Мәскеу 30 жылдан астам уақытта өзара қанша шарт пен келісім жасасқан?")
    assert "when" not in query.intents and "how_much" in query.intents


@pytest.mark.parametrize("text", ["Эй, бармысын? Жауап бермей калдын гой", "salem bot, sen ne isteisin ozi?",
                                  "бот, сен осындамысын?", "bar ma sen? jauap ber"])
def test_are_you_there_in_kazakh_is_small_talk(engine: AnswerEngine, text: str) -> None:
    assert engine.answer(text).kind == "smalltalk"


@pytest.mark.parametrize("question", ["Сенің ойыңша, кім жақсы президент: Тоқаев па, әлде Путин бе?",
                                      "Спрогнозируйте, останется ли Казахстан в ЕАЭС через десять лет?"])
def test_an_opinion_or_a_forecast_is_out_of_scope(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert not answer.answered, body_text(answer)


def test_thanks_for_your_time_asks_no_time(engine: AnswerEngine) -> None:
    """"Уақыт бөлгеніңізге рахмет" (thanks for your time) is courtesy: "уақыт" asks no date of the union's growth."""
    answered_with(engine.answer("Армысыз! Мен Ресейде тұрамын, бірақ қызым Қазақстанда, сондықтан екі елдің жаңалығын "
                                "қадағалап отырамын. Бір нәрсені білгім келеді: Кеден одағы кейін Еуразиялық одаққа "
                                "айналғанда оған қай екі мемлекет қосылды? Уақыт бөлгеніңізге рахмет."), "Армения")


@pytest.mark.parametrize("text", ["ау, вы тут?", "ей, бармысын?", "Bar mysyñ? Jauap berşı!", "Сен кимсин оз? Не истей аласын?",
                                  "Sälem, barsyñ ba?", "hi, are you online?", "who r u lol, some kind of gpt?",
                                  "Добрый вечер, а с кем я сейчас разговариваю?", "Sen özıñ kımsıñ, kımnıñ balasysyñ?"])
def test_are_you_there_and_who_are_you_with_an_interjection_are_small_talk(engine: AnswerEngine, text: str) -> None:
    assert engine.answer(text).kind == "smalltalk", body_text(engine.answer(text))


def test_where_are_you_is_a_greeting_not_thanks(engine: AnswerEngine) -> None:
    """Russian "ты" folds to the English "ty" (thank you): "ты где?" is the asker looking for the bot."""
    assert smalltalk_kind("ты где?", engine.lex) == "greeting"


@pytest.mark.parametrize("question", [
    "Напишите, пожалуйста, эссе о будущем Союзного государства России и Беларуси.",
    "EAEO turaly qysqa esse jazyp berşı",
    "could you help me with my calc homework? what's the derivative of x^3 * cos(x)",
    "What's a good remedy for high blood pressure for an elderly man?",
    "is gta 6 out yet??",
    "Tokaev jaqsy adam ba? sening pikirin qandai?",
])
def test_an_essay_homework_health_games_or_an_opinion_are_out_of_scope(engine: AnswerEngine, question: str) -> None:
    answer = engine.answer(question)
    assert not answer.answered, body_text(answer)


def test_an_essay_asked_for_is_declined_one_written_by_the_asker_is_not(engine: AnswerEngine) -> None:
    answer = engine.answer("Байқоңыр туралы екі беттік эссе жазып беріңізші")
    assert not answer.answered, body_text(answer)
    answered_with(engine.answer("Мен эссе жазып жатырмын, Байқоңыр қашан жалға берілді?"), "1994")


def test_a_sum_of_money_asked_of_things_counted_is_their_value(engine: AnswerEngine) -> None:
    """"the 100-plus joint projects" names the count: the runner-up titled the projects' value holds the sum asked."""
    answered_with(engine.answer("How much are the 100-plus joint industrial projects of Kazakhstan and Russia worth?"), "22")


def test_a_bare_question_leans_on_the_sentence_before(engine: AnswerEngine) -> None:
    """"What was their total value?" names nothing; the asker's sentence before it names the forum's deals (and a
    "headline" there asks no news)."""
    answered_with(engine.answer("Good morning. I'm putting together a briefing on investment, and I keep seeing a headline "
                                "figure for the agreements prepared at the interregional forum in Astana in November 2023. "
                                "What was the total value? Many thanks."), "100")


def test_belarus_abbreviated_and_the_three_members_named(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Когда начал работать Таможенный союз РФ, РК и РБ?"), "2010")
    answered_with(engine.answer("Ресей, Қазақстан және Беларусь үштігінде барлығы қанша жан тұрады?"), "170")
    near_miss_of(engine.answer("What is the population of Belarus?"), "td-customs-union-population")


def test_what_a_year_brought(engine: AnswerEngine) -> None:
    answer = answered_with(engine.answer("What did 2024 bring to relations between Kazakhstan and Russia?"), "2024")
    assert answer.kind == "list"


def test_a_rocket_base_leased_and_good_neighbourly_relations_in_the_new_century(engine: AnswerEngine) -> None:
    answered_with(engine.answer("когда Акорда подписала бумагу о сдаче в аренду ракетной базы?"), "1994")
    answered_with(engine.answer("В каком году Акорда и Кремль скрепили подписями договор о добрых соседских отношениях и союзе "
                                "в новом столетии?"), "2013")


def test_the_year_after_a_launch_in_russian(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Каким был товарооборот в год после запуска Таможенного союза?"), "23,8")


def test_a_plea_asks_of_the_sentence_before_it_not_of_the_asker(engine: AnswerEngine) -> None:
    """"бірақ" (but) is a stop word, and the self-introduction before the sentence the plea leans on is left out."""
    answered_with(engine.answer("Қайырлы күн! Мен халықаралық қатынастар мамандығында оқимын, диплом жазып жатырмын. Екі ел "
                                "қосарланған салық салуды болдырмау жөніндегі конвенцияны 1996 жылы қабылдаған екен, бірақ "
                                "нақты күнін таба алмадым. Айтып бере аласыз ба? Рақмет!"), "18")


def test_who_were_they_asks_names_the_sources_do_not_give(engine: AnswerEngine) -> None:
    near_miss_of(engine.answer("1993 жылы Омбыда коммюникеге қол қойған премьер-министрлер кімдер еді?"),
                 "tr-omsk-protocol-1993")


def test_a_president_is_named_for_a_year_only_where_the_sources_agree_around_it(engine: AnswerEngine) -> None:
    """The nearest mentions before and after 2003 name different presidents, and the 2000 visit names Yeltsin as
    Russia's first (past) president: no president is guessed for those years; 1998 is Yeltsin's."""
    assert not engine.answer("Who was Russia's president in 2003?").answered
    assert "Yeltsin" not in engine.answer("Who was Russia's president in 2000?").intro
    assert "Yeltsin" in engine.answer("Who was Russia's president in 1998?").intro


def test_a_name_typed_in_small_letters_replaces_the_one_asked_before(engine: AnswerEngine) -> None:
    previous = last_turn(engine, "байконыр кай облыста")
    answered_with(engine.answer("ал эмба полигоны ше?", previous=previous), "Ақтөбе")


@pytest.mark.parametrize(("question", "expected"), [
    ("On what date did the man who won Russia's first open presidential election come to Almaty on a state visit?", "1998"),
    ("Ресейдің тұңғыш ашық президент сайлауын жеңген адам 1996 жылы Қазақстанға қай айда келді?", "сәуір"),
])
def test_a_person_described_inside_the_question_is_found_first(engine: AnswerEngine, question: str, expected: str) -> None:
    answered_with(engine.answer(question), expected)


@pytest.mark.parametrize("question", ["2011 жылы Қазақстанның Ресейге экспорты мен екі жақты жалпы сауда айналымы қанша болды?",
                                      "Каким был экспорт Казахстана в Россию и общий товарооборот двух стран в 2011 году?"])
def test_one_direction_of_trade_and_the_whole_asked_together(engine: AnswerEngine, question: str) -> None:
    answer = answered_with(engine.answer(question), "7,5", "23,8")
    assert answer.kind == "list"


def test_a_length_asked_of_a_named_railway_is_not_the_borders(engine: AnswerEngine) -> None:
    near_miss_of(engine.answer("How many kilometres long is the Trans-Aral Railway?"), "ev-trans-aral-railway-1906")


def test_concord_and_help_are_friendship_and_mutual_assistance(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Ekı eldıñ tatulyq pen järdem turaly alğaşqy şarty qai jyly jasaldy?"), "1992")


@pytest.mark.parametrize(("first", "then"), [
    ("2011 жылы Қазақстанның Ресейге экспорты қанша болды?", "Ал екі елдің жалпы сауда айналымы ше?"),
    ("Сколько Казахстан экспортировал в Россию в 2011 году?", "а общий товарооборот?"),
])
def test_the_whole_trade_after_one_direction_keeps_the_year(engine: AnswerEngine, first: str, then: str) -> None:
    answered_with(engine.answer(then, previous=last_turn(engine, first)), "23,8")


@pytest.mark.parametrize("text", ["Мында барсын ба?", "hello? are you there or asleep on duty?"])
def test_are_you_here_or_asleep_is_small_talk(engine: AnswerEngine, text: str) -> None:
    assert engine.answer(text).kind == "smalltalk"


def test_your_opinion_in_kazakh_is_out_of_scope(engine: AnswerEngine) -> None:
    answer = engine.answer("Канделакидің айтқаны дұрыс па? Сенің ойың қандай?")
    assert not answer.answered, body_text(answer)


def test_the_winner_described_in_russian_is_found_first(engine: AnswerEngine) -> None:
    answered_with(engine.answer("В каком году победитель первых открытых президентских выборов в России приезжал в Казахстан "
                                "и обсуждал Каспий?"), "1996")


def test_the_january_of_the_year_that_followed_a_visit(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Что подписали президенты в январе того года, что последовал за первым официальным визитом "
                                "Назарбаева в Россию?"), "1995")


def test_a_post_on_the_state_frontier_is_the_border_marker(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Где поставили первый столб на госрубеже?"), "Атырау")


def test_on_which_dates_asks_days_not_a_number(engine: AnswerEngine) -> None:
    query = engine.understanding.parse("в какие числа летом 2000 года Назарбаев был с визитом в России?")
    assert "how_much" not in query.intents and "day" in query.intents
    answered_with(engine.answer("в какие числа летом 2000 года Назарбаев был с государственным визитом в России?"), "18")


def test_a_fair_amount_of_pressure_asks_no_amount(engine: AnswerEngine) -> None:
    answered_with(engine.answer("Whose concert was called off in June 2023 after a fair amount of public pressure?"), "Leps")
