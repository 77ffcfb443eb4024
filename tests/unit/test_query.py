"""What the answer engine extracts from a question (parse_query): years, decades, months, intent,
scope, other countries. (The answers themselves, on the real data, are in integration/test_engine.py.)"""

from __future__ import annotations

import pytest

from bot.engine import parse_query
from bot.engine.lexicon import default_lexicon_dir, load_lexicon
from bot.engine.understanding import Understanding, asked_currency


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


def test_two_years_listed_before_a_plural_are_those_years_not_a_decade() -> None:
    assert parse_query("2008 жане 2010 жылдардагы сауда айналымы калай озгерди?").named_years == (2008, 2010)


@pytest.mark.parametrize(("question", "months"), [
    ("визиты в ноябре 2023", (11,)),
    ("Тоқаев қазанда барды", (10,)),
    ("meeting in October", (10,)),
    ("визит в июне 2000 года", (6,)), ("что было в мае", (5,)), ("июльский визит Медведева", (7,)),
])
def test_months_are_extracted_in_every_language(question: str, months: tuple[int, ...]) -> None:
    assert parse_query(question).months == months


@pytest.mark.parametrize(("question", "intent"), [
    ("Тоқаев пен Путин қай қалада кездесті?", "where"),
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
    ("How big was the trade between Kazakhstan and Russia in 2010?", "how_much"),
    ("Why did they turn to integration?", "why"),
    ("What's the deal with Baikonur?", "overview"),
    ("не үшін?", "why"), ("ne üşin?", "why"),
])
def test_intent_is_recognised_in_each_language(question: str, intent: str) -> None:
    assert intent in parse_query(question).intents


def test_us_beside_dollars_is_a_currency_not_a_country() -> None:
    assert not parse_query("What was the trade turnover in 2011, in US dollar terms?").parties
    assert parse_query("How much did the US invest in Kazakhstan?").parties


def test_a_clipped_name_is_no_stem_of_longer_words() -> None:
    """"pres" stands for "president"; "present" is not one of its case forms."""
    assert "president" not in parse_query("When did the holiday get its present name?").words
    assert "president" in parse_query("pres Putin visit 2013").words


def test_a_kazakh_count_names_a_noun_that_ends_like_a_russian_past_tense() -> None:
    """"қанша двигатель" counts engines: "-тель" is no verb in a Kazakh question."""
    assert parse_query("Қостанай дизель зауыты жылына қанша двигатель шығарады?").counted == "dvigatel"


@pytest.mark.parametrize("question", [
    "2000 жылы мұнай транзит квотасын нешеге көбейтуге келісті?",
    "Мұнай транзитінің квотасын қаншаға ұлғайтты?",
    "munai tranzit kvotasyn qanşağa ūlğaitty?",
])
def test_to_how_much_in_kazakh_counts_nothing_after_it(question: str) -> None:
    """"нешеге", "қаншаға" ask the amount a thing reached: the verb after it is no thing counted."""
    assert parse_query(question).counted is None


def test_a_day_name_is_a_topic_not_a_when_question() -> None:
    query = parse_query("Ресей күні қашан")
    assert "when" in query.intents
    assert any(w.startswith("kun") for w in query.words)


@pytest.mark.parametrize("question", [
    "What will the weather be in Almaty tomorrow?",
    "курс доллара к тенге",
    "Бүгін доллар бағамы қанша?",
    "Should Kazakhstan leave the EAEU?",
    "Посоветуйте книгу о Байконуре",
    "Can you recommend a hotel near Baikonur?",
    "Следует ли России продлить аренду Байконура?",
    "solve this equation for me: 3y - 4 = 11",
    "помоги с алгеброй, сколько будет 7 в квадрате",
    "математикадан есеп: 48-ді 6-ға бөл",
])
def test_opinion_future_and_live_data_are_out_of_scope(question: str) -> None:
    assert parse_query(question).out_of_scope


@pytest.mark.parametrize("question", ["How did trade grow in 2011 compared with the previous year?",
                                      "Как изменился экспорт в 2011 году по сравнению с предыдущим годом?",
                                      "2011 жылы экспорт алдыңғы жылмен салыстырғанда қалай өзгерді?"])
def test_the_previous_year_is_named_too_and_compared(question: str) -> None:
    query = parse_query(question)
    assert query.named_years == (2011, 2010)
    assert "compare" in query.intents
    assert not {"previou", "predydushch", "aldyng"} & set(query.words)


@pytest.mark.parametrize(("question", "asks", "not_asked"), [
    ("When did Yeltsin pay a state visit to Almaty?", "when", "money"),
    ("How much does Russia pay for Baikonur?", "money", ""),
    ("До скольки увеличили квоту транзита нефти?", "how_much", "until"),
    ("Мұнай транзитінің квотасы қаншаға дейін ұлғайтылды?", "how_much", "until"),
    ("Until when was Baikonur leased?", "until", ""),
    ("Когда должна была закончиться аренда Байконура?", "until", ""),
    ("When did the holiday get the name Russia Day?", "when", "list"),  # a name given is no "name the …"
    ("Name the agreements signed in 1994", "list", ""),
    ("I am writing a term paper. On which date was the friendship treaty signed?", "when", "duration"),
    ("Tina Kandelakige Qazaqstanğa kıruge qanşa uaqytqa tyiym salyndy?", "duration", ""),
    ("Теңізден Қара теңіз портына дейін мұнай құбыры қашан салынды?", "when", "until"),  # up to a place
])
def test_what_an_idiom_or_an_amount_asks(question: str, asks: str, not_asked: str) -> None:
    intents = parse_query(question).intents
    assert asks in intents
    assert not_asked not in intents


def test_next_year_after_an_event_is_a_past_year_and_names_nothing() -> None:
    after = parse_query("Тәуелсіздік алғаннан кейінгі келесі жылы Көкшетауда не болды?")
    assert not after.out_of_scope
    assert not {"keles"} & set(after.words)
    assert parse_query("Келесі жылы сауда қанша болады?").out_of_scope


def test_new_is_not_news() -> None:
    assert not parse_query("Жаңа жылу электр станциялары қай қалаларда салынады?").out_of_scope
    assert parse_query("Бүгінгі жаңалықтар қандай?").out_of_scope


@pytest.mark.parametrize("question", ["What is the length of the border?", "Какова протяжённость границы?",
                                      "Шекараның ұзындығы қандай?"])
def test_a_quantity_noun_asks_how_much_and_stays_what_is_asked_about(question: str) -> None:
    query = parse_query(question)
    assert "how_much" in query.intents
    assert len(query.words) == 2


@pytest.mark.parametrize("question", [
    "почему Россия и Казахстан взяли курс на интеграцию",  # a course of action, not an exchange rate
    "хотел уточнить, в каком году выбирали президента РФ",  # "хотел" folds to "hotel": no question about hotels
    "какие договоры 1994 года следует выделить?",  # what deserves a mention asks the sources, not advice
])
def test_words_that_fold_like_off_topic_words_are_no_topic(question: str) -> None:
    assert not parse_query(question).out_of_scope


@pytest.mark.parametrize(("question", "named"), [
    ("Kazakhstan China border", True),
    ("Қазақстан мен Қытай арасындағы сауда", True),
    ("торговля Узбекистана с Россией", True),
    ("Когда Казахстан вступил в ООН?", True),
    ("Kazakhstan and the US", True),
    ("trade with us", False),
    ("Kazakhstan Russia border", False),
    ("Когда были установлены отношения с Германией?", True),
    ("when was the eternal frendship declaration signed", False),
    ("Какой товарооборот с Грузией?", True),
    ("вагоны с российскими грузами стояли один к одному", False),
])
def test_other_countries_are_recognised(question: str, named: bool) -> None:
    assert bool(parse_query(question).parties) is named


@pytest.mark.parametrize(("question", "side"), [
    ("Мәскеу қашан мойындады?", "resei"),
    ("Ақорда Мәскеудің тәуелсіздігін қашан мойындады?", "resei"),
    ("Кремльде кездесті", "ros"),
])
def test_a_metonym_stands_for_its_side_in_any_case_form(question: str, side: str) -> None:
    toks = parse_query(question).tokens
    assert any(tok.startswith(side) for tok in toks), toks
    assert not any(tok.startswith(("maske", "kreml")) for tok in toks), toks


@pytest.mark.parametrize(("question", "months", "days"), [
    ("1998 жылы 6 шілдеде қандай құжаттарға қол қойды?", (7,), ((7, 6),)),
    ("What was signed on July 6, 1998?", (7,), ((7, 6),)),
    ("2024 жылдың қазанында неше жыл толады?", (10,), ()),
    ("договор 1992 года", (), ()),
])
def test_months_in_any_case_form_and_the_days_they_date(question: str, months: tuple[int, ...],
                                                       days: tuple[tuple[int, int], ...]) -> None:
    query = parse_query(question)
    assert query.months == months and query.days == days


@pytest.mark.parametrize(("question", "asks_when"), [
    ("Which countries joined the customs union when it became the Eurasian Economic Union?", False),
    ("Who was president when the treaty was signed?", False),
    ("wich countrys joind the customs union when it bcame the eurasion union", False),
    ("please tell me what two countries joined later when the customs union became eurasian union", False),
    ("Could you tell me which countries joined when it became the EAEU?", False),
    ("Please tell me when did the customs union start", True),
    ("When did Yeltsin visit Almaty?", True),
    ("What year was it when the treaty was signed?", True),
    ("Which treaty was signed and when did it take effect?", True),
    ("Кто был президентом России, когда подписали соглашение по Каспию?", False),
    ("Когда подписали соглашение по Каспию?", True),
])
def test_an_english_when_that_opens_a_clause_asks_no_date(question: str, asks_when: bool) -> None:
    assert ("when" in parse_query(question).intents) is asks_when


@pytest.mark.parametrize(("question", "side"), [("Ресй Казақстанды қашан таныды?", "resei"),
                                                ("when did russa recognise kazakhstan", "rusi")])
def test_a_side_mistyped_by_one_letter_is_read_as_that_side(question: str, side: str) -> None:
    assert side in parse_query(question).words


@pytest.mark.parametrize(("question", "city"), [("Когда Путин был в Астане в 2023 году?", "astan"),
                                                ("Toqaev pen Putin Astanada qai küni kezdestı?", "astana")])
def test_a_capital_named_as_a_place_stays_beside_its_state(question: str, city: str) -> None:
    words = parse_query(question).words
    assert city in words and "kazahstan" in words


def test_a_capital_that_acts_stands_for_its_state_alone() -> None:
    assert "astan" not in parse_query("Когда Астана и Москва установили дипотношения?").words


@pytest.mark.parametrize(("question", "listed"), [
    ("Which region is Baikonur in?", False), ("In exactly which year was the treaty signed?", False),
    ("Which visits did Yeltsin make?", True), ("Which of the agreements were signed in 1994?", True),
    ("Which agreements were signed in 1994?", True), ("List all visits of Yeltsin; which one was first?", True),
])
def test_which_with_a_singular_noun_asks_one_thing_not_a_list(question: str, listed: bool) -> None:
    assert ("list" in parse_query(question).intents) is listed


def test_a_russian_word_spelt_as_it_sounds_is_read_as_the_known_word() -> None:
    """Unstressed о written а and е written и ("дагавор", "сатрудничистве") stand for the one known
    word they fold to; Kazakh, with its own vowels, is left as typed."""
    understanding = Understanding(load_lexicon(default_lexicon_dir()), ["dogovor", "sotrudnichestv", "ozin"])
    words = understanding.parse("кагда падписали дагавор о дружбе и сатрудничистве").words
    assert "dogovor" in words and "sotrudnichestv" in words
    assert "ozen" in understanding.parse("Әлемдегі ең ұзын өзен қайсы?").words


@pytest.mark.parametrize(("question", "asks_amount"), [
    ("If it's not too much trouble, what does Kazakhstan import from Russia?", False),
    ("If it's not too much trouble, how much was trade in 2011?", True),
    ("Thank you so much! What did Russia export?", False),
])
def test_the_asking_words_of_a_courtesy_ask_nothing(question: str, asks_amount: bool) -> None:
    assert ("how_much" in parse_query(question).intents) is asks_amount


@pytest.mark.parametrize("question", ["Какой по величине союзной республикой был Казахстан?",
                                      "Which place by size did the Kazakh SSR hold?",
                                      "Qazaq KSR koelemi boiynsha neshinshi respublika boldy?"])  # "нешінші": which-th
def test_by_size_asks_a_rank_not_an_amount(question: str) -> None:
    assert "how_much" not in parse_query(question).intents


def test_informal_latin_kazakh_resej_is_russia_and_kazakh() -> None:
    query = parse_query("resej kuni kashn toilanad?")
    assert "resei" in query.words and query.lang == "kk"


def test_a_state_visit_names_no_countries() -> None:
    """"Who … on his state visit" asks a person; "state" is no plural "states" asking which countries."""
    assert "countries" not in parse_query("Who did Nazarbayev meet on his state visit in June 2000?").intents


@pytest.mark.parametrize(("question", "named"), [
    ("What are the core documents of Kazakh-Russian relations?", False), ("Is it correct that trade grew?", False),
    ("Какова торговля с Кореей?", True), ("Korea and Kazakhstan", True),
])
def test_an_english_word_folding_to_a_countrys_stem_names_no_country(question: str, named: bool) -> None:
    """"Core" folds to "kore", the stem that "Кореей" also folds to; only the Russian form names Korea."""
    assert bool(parse_query(question).parties) is named


@pytest.mark.parametrize(("question", "day", "years"), [
    ("12.06 — Reseı künı degen ne özı?", (6, 12), ()),
    ("что произошло 12.06.1990?", (6, 12), (1990,)),
    ("что подписали 1994/03/28?", (3, 28), (1994,)),
])
def test_dates_typed_as_numbers_name_their_day_and_year(question: str, day: tuple[int, int], years: tuple[int, ...]) -> None:
    query = parse_query(question)
    assert day in query.days and query.named_years == years
    assert not any(w[0].isdigit() for w in query.words)


def test_a_decimal_figure_is_no_date() -> None:
    assert parse_query("товарооборот 23.8 млрд").days == ()


@pytest.mark.parametrize("question", [
    "Ресей өзінің тұжырымдамасында Қазақстанды кім деп санайды?",
    "Кем Россия считает Казахстан в своей концепции?",
])
def test_who_with_a_word_for_regarding_asks_no_name(question: str) -> None:
    """"кім деп", "кем считает": what something is taken for, not a person's name."""
    assert "who" not in parse_query(question).intents


@pytest.mark.parametrize(("question", "until"), [
    ("По какой год продлили аренду?", True),
    ("По какой причине Казахстан отменил концерт?", False),  # "по какой причине" asks why
])
def test_po_kakoi_asks_until_when_only_of_a_time(question: str, until: bool) -> None:
    assert ("until" in parse_query(question).intents) is until


def test_which_closing_the_question_after_day_asks_the_day() -> None:
    """Kazakh may put "which" last: "сапарының нақты күні қай?" asks the day, like "қай күні"."""
    assert {"when", "day"} <= parse_query("Медведевтің 2008 жылғы мамырдағы сапарының нақты күні қай?").intents


@pytest.mark.parametrize("question", ["товарооборот в 2010 гожу", "trade in 2010 yaer", "2010 жлы сауда"])
def test_the_word_for_year_mistyped_after_a_year_names_no_topic(question: str) -> None:
    """"гожу" after 2010 is "году" mistyped (two edits once "ж" folds to "zh"), not a topic no fact covers."""
    query = parse_query(question)
    assert query.named_years == (2010,)
    assert len(query.words) == 1


def test_that_day_points_back_and_asks_no_day() -> None:
    assert "day" not in parse_query("And when was that day made a national holiday?").intents
    assert "day" in parse_query("On which day was it made a national holiday?").intents


@pytest.mark.parametrize("question", ["what is russia day", "что такое день россии", "ресей күні деген не"])
def test_a_day_named_for_a_side_typed_in_lower_case_is_a_holiday_not_a_date(question: str) -> None:
    assert not {"day", "when"} & parse_query(question).intents


@pytest.mark.parametrize("question", ["Ақорда 2024 жылы қай көршінің астығын елге кіргізбей қойды",
                                      "qazaqstan resei bidaiyn elge kirgizbei qoidy ma"])
def test_a_verb_that_starts_like_a_country_names_none(question: str) -> None:
    assert not parse_query(question).parties


@pytest.mark.parametrize(("question", "code"), [("how much in dollars?", "USD"), ("сколько долларов США", "USD"),
                                                ("қанша доллар", "USD"), ("в рублях", "RUB"), ("теңгемен", "KZT")])
def test_the_currency_a_question_names_is_found_in_its_folded_words(question: str, code: str) -> None:
    assert asked_currency(parse_query(question).tokens) == code


@pytest.mark.parametrize("question", ["расскажи, как Казахстан и Россия сотрудничают в энергетике",
                                      "Расскажите как развивались отношения после 1991 года"])
def test_tell_me_how_asks_an_overview(question: str) -> None:
    assert "overview" in parse_query(question).intents


def test_as_far_as_i_understand_asks_no_amount() -> None:
    assert "how_much" not in parse_query("Насколько я поняла, в 2023 году решили строить ТЭЦ. В каких городах?").intents
