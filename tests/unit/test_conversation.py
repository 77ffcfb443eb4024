"""Follow-ups resolved against the previous turn, on the real lexicon."""

from __future__ import annotations

import pytest

from bot.engine import Turn
from bot.engine.conversation import has_marker, refers_back, resolve, retries, swap_sides, topic
from bot.engine.lexicon import default_lexicon_dir, load_lexicon
from bot.engine.understanding import Understanding

LEX = load_lexicon(default_lexicon_dir())
PARSE = Understanding(LEX).parse


def turn(question: str, lang: str = "en") -> Turn:
    return Turn(question, lang, "cyrl", ("x",), "fact")


@pytest.mark.parametrize(("previous", "followup", "want"), [
    ("What was the trade turnover in 2011?", "and in 2010?", "What was the trade turnover in 2010?"),
    ("Каким был товарооборот в 2011 году?", "а в 2010?", "Каким был товарооборот в 2010 году?"),
    ("2011 жылы сауда айналымы қанша болды?", "ал 2012 жылы ше?", "2012 жылы сауда айналымы қанша болды?"),
])
def test_a_new_year_replaces_the_old_one(previous: str, followup: str, want: str) -> None:
    resolved = resolve(followup, PARSE(followup), turn(previous), LEX)
    assert resolved.how == "followup"
    assert resolved.text == want


@pytest.mark.parametrize(("previous", "followup", "lang", "gone", "kept"), [
    ("Каким был товарооборот в 2011 году?", "а экспорт?", "ru", "товарооборот", "2011"),
    ("2011 жылғы сауда айналымы қанша?", "ал импорт ше?", "kk", "айналымы", "2011"),
    ("What was the trade turnover in 2008?", "and exports?", "en", "turnover", "2008"),
])
def test_one_flow_named_after_trade_replaces_trade_keeping_the_year(previous: str, followup: str, lang: str,
                                                                    gone: str, kept: str) -> None:
    """Trade is both flows: "а экспорт?" after a year's turnover asks that year's exports, not turnover and exports."""
    resolved = resolve(followup, PARSE(followup), turn(previous, lang), LEX)
    assert resolved.how == "followup" and gone not in resolved.text and kept in resolved.text, resolved.text


def test_a_new_detail_is_added_to_the_previous_question() -> None:
    resolved = resolve("кто подписал?", PARSE("кто подписал?"), turn("договор о дружбе 1992", "ru"), LEX)
    assert resolved.how == "followup" and resolved.text.startswith("договор о дружбе 1992") and "подписал" in resolved.text


def test_sides_swap_keeping_case_forms() -> None:
    assert swap_sides("Russia's investment in Kazakhstan", LEX) == "Kazakhstan's investment in Russia"
    assert swap_sides("Инвестиции России в Казахстан", LEX) == "Инвестиции Казахстана в Россия"
    # typed in Latin letters or without Kazakh letters, in a case form the list lacks: by folded form or stem
    assert swap_sides("Reseidiñ Qazaqstanğa salğan investisiasy", LEX).split()[:2] == ["Qazaqstannyñ", "Ресейге"]
    assert swap_sides("Ресейдин Казакстанга", LEX) == "Қазақстанның Ресейге"
    resolved = resolve("and Kazakhstan's?", PARSE("and Kazakhstan's?"), turn("Russia's investment in Kazakhstan"), LEX)
    assert resolved.how == "followup" and resolved.text.startswith("Kazakhstan's investment in Russia")


def test_a_full_question_stands_alone_and_a_bare_followup_without_context_is_unresolved() -> None:
    full = "When was the Baikonur lease signed?"
    assert resolve(full, PARSE(full), turn("trade 2011"), LEX).how == "standalone"
    assert resolve("and in 2012?", PARSE("and in 2012?"), None, LEX).how == "unresolved"
    grew = "neşe paiyzğa östı?"  # words that only ask, of no topic of their own, lean on the answer before
    assert resolve(grew, PARSE(grew), turn("2011 jyly eksport qansha boldy", "kk"), LEX).how == "followup"
    opener = "а чё было в 2009 между Казахстаном и Россией"  # a year and a topic of its own open a chat
    assert resolve(opener, PARSE(opener), None, LEX).how == "standalone"
    assert resolve("what else?", PARSE("what else?"), turn("trade 2011"), LEX).how == "else"


def test_english_all_is_not_the_kazakh_followup_marker_al() -> None:
    assert resolve("all Yeltsin visits to Kazakhstan", PARSE("all Yeltsin visits to Kazakhstan"), None, LEX).how == \
        "standalone"
    assert resolve("ал 2010 жылы?", PARSE("ал 2010 жылы?"), turn("2011 жылы сауда айналымы қанша болды?", "kk"),
                   LEX).how == "followup"


def test_a_question_of_symbols_alone_is_read_without_error() -> None:
    assert resolve("%", PARSE("%"), turn("trade 2011"), LEX).how in ("standalone", "followup")


def _context(asked: str, about: str):  # noqa: ANN202 - a test double for the engine's context
    return lambda previous: (PARSE(asked).intents, (about,))


def test_a_followup_asking_something_new_joins_the_previous_topic_not_its_question() -> None:
    previous = turn("Когда подписали соглашение об аренде Байконура?", "ru")
    context = _context(previous.question, "Соглашение об аренде космодрома Байконур")
    resolved = resolve("на сколько лет?", PARSE("на сколько лет?"), previous, LEX, context)
    assert resolved.how == "followup"
    assert resolved.text == "Соглашение об аренде космодрома Байконур на сколько лет"
    pointing = resolve("а в какой области он находится?", PARSE("а в какой области он находится?"), previous, LEX, context)
    assert pointing.text.startswith("Соглашение об аренде космодрома Байконур") and "когда" not in pointing.text.lower()


def test_the_topic_of_a_question_is_its_content_words_as_typed() -> None:
    question = "Когда подписали соглашение об аренде Байконура?"
    assert topic(question, PARSE(question)) == "подписали соглашение аренде Байконура"


def test_and_when_asks_when_of_the_previous_topic_not_what_else() -> None:
    previous = turn("где поставили первый пограничный столб", "ru")
    resolved = resolve("а когда", PARSE("а когда"), previous, LEX)
    assert resolved.how == "followup" and "когда" in resolved.text
    assert resolve("а что ещё?", PARSE("а что ещё?"), previous, LEX).how == "else"


def test_a_year_compared_with_is_set_beside_the_year_asked() -> None:
    followup = "а на сколько больше, чем в 2010?"
    resolved = resolve(followup, PARSE(followup), turn("Каким был товарооборот в 2011 году?"), LEX)
    assert resolved.how == "followup" and "2011" in resolved.text and "2010" in resolved.text


def test_a_pointing_word_is_no_topic_of_a_follow_up() -> None:
    """"Сонда" (then) points back; the four words besides it still make a short follow-up."""
    followup = "сонда Ресейдің қай бұрынғы президентімен кездесті?"
    previous = turn("Назарбаев 2000 жылы Ресейге мемлекеттік сапармен қашан барды?", "kk")
    assert resolve(followup, PARSE(followup), previous, LEX).how == "followup"


@pytest.mark.parametrize("question", ["sonda qandai şarağa qatysty?", "būl qai jyly boldy?"])
def test_latin_kazakh_pointing_words_point_back(question: str) -> None:
    assert refers_back(question, LEX)


def test_russian_not_is_no_pointing_word() -> None:
    """"не" (not) stems as "нее" (her) does; only the pointing word as typed points back."""
    assert not refers_back("Не могли бы вы подсказать, где поставили первый пограничный знак?", LEX)
    assert refers_back("А что в нее входит?", LEX)


def test_a_follow_up_naming_its_own_topic_is_last_read_on_its_own() -> None:
    question = "and how long is the border by that account?"
    previous = turn("When did Kazakhstan and Russia place their first boundary marker?")
    readings = retries(question, PARSE(question), previous, LEX, lambda _: (frozenset(), ("first boundary marker",)))
    assert readings[-1] == question and readings[0] != question


@pytest.mark.parametrize(("followup", "day"), [
    ("and when did it get the name Russia Day?", "Russia Day"),
    ("а когда он стал называться День России?", "День России"),
])
def test_a_day_named_for_a_side_keeps_its_side_in_a_follow_up(followup: str, day: str) -> None:
    """A country's name is dropped from a follow-up (the question before names the sides), but not
    from a day named for it."""
    resolved = resolve(followup, PARSE(followup), turn("When was the holiday declared?"), LEX)
    assert resolved.how == "followup" and day in resolved.text


@pytest.mark.parametrize(("question", "marked"), [
    ("I'm interested in the Baikonur lease.", False),
    ("I need the trade figures.", False),
    ("I v 2010?", True),  # transliterated "и в 2010?"
    ("И в 2010?", True),
])
def test_english_i_is_no_russian_and(question: str, marked: bool) -> None:
    """English "I" folds as Russian "и" (and) does; only the Russian one opens a follow-up."""
    assert has_marker(question, LEX) is marked
