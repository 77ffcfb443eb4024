"""Reading what the fold cannot: Kazakh typed on a Turkish keyboard ("ı" for ы, without breaking the 2021
alphabet's "ı" for і) and two-digit years."""

from __future__ import annotations

import pytest

from bot.engine.spelling import Abbreviations, DotlessI, DroppedLetter, KeyboardE, SplitWords, Transposed, full_years
from bot.text import tokens

KNOWN = {tok for word in ("jyly", "boldy", "arasynda", "bırlesıp", "aınalymy") for tok in tokens(word)}


def test_a_word_known_only_with_y_for_its_dotless_i_is_read_so() -> None:
    assert DotlessI(KNOWN).read("2023 jılı ne boldı?") == "2023 jyly ne boldy?"


def test_a_word_the_2021_alphabet_spells_with_dotless_i_is_left_alone() -> None:
    assert DotlessI(KNOWN).read("bırlesıp") == "bırlesıp"


def test_a_dotless_i_after_a_vowel_is_the_short_i_and_stays() -> None:
    assert DotlessI(KNOWN).read("aınalımı") == "aınalymy"


def test_a_word_unknown_either_way_and_text_without_dotless_i_are_unchanged() -> None:
    reader = DotlessI(KNOWN)
    assert reader.read("qızıq") == "qızıq"
    assert reader.read("Когда? 2011 jyly") == "Когда? 2011 jyly"


def test_e_typed_for_the_kazakh_ae_is_read_as_ae_where_only_that_is_known() -> None:
    known = {tok for word in ("сәлем", "тәуелсіздікті", "Мәскеуге", "ТЭЦ", "экспорт") for tok in tokens(word)}
    reader = KeyboardE(known)
    assert reader.read("сэлем! Мэскеуге тэуелсиздикти") == "сәлем! Мәскеуге тәуелсиздикти"
    assert reader.read("ТЭЦ экспорт") == "ТЭЦ экспорт"
    assert reader.read("поэзия") == "поэзия"


@pytest.mark.parametrize(("typed", "read"), [
    ("аренда по договору 94го", "аренда по договору 1994"), ("в 98 году", "в 1998 году"),
    ("94 жылы", "1994 жылы"), ("the lease of '94", "the lease of 1994"), ("в 90-х", "в 1990-х"),
    ("the 90s", "the 1990s"), ("в девяностые", "в 1990-е"), ("в девяностых годах", "в 1990-е"),
    ("in the nineties", "in the 1990s"), ("тоқсаныншы жылдары", "1990 жылдары"), ("toqsanynşy jyldary", "1990 jyldary"),
    ("SEKSENINŞI JYLDAR", "1980 JYLDAR"), ("В ДЕВЯНОСТЫЕ", "В 1990-е"),  # caps: the dotless ı's capital is I
    ("девяностый километр", "девяностый километр"), ("тоқсаныншы бап", "тоқсаныншы бап"),  # an ordinal, no decade
    ("12-го июня", "12-го июня"), ("на 50 лет", "на 50 лет"), ("в 2011 году", "в 2011 году"),
    ("trade in the first half of 98?", "trade in the first half of 1998?"), ("what happened in 98", "what happened in 1998"),
    ("it fell by 45.", "it fell by 45."), ("in 45 days", "in 45 days"),  # a count, not a year
    ("подписали за 32 года", "подписали за 32 года"), ("через 40 лет", "через 40 лет"),  # a number of years
    ("96-жылы сәуірде", "1996-жылы сәуірде"), ("98 жылғы декларация", "1998 жылғы декларация"),  # hyphen or not
])
def test_two_digit_years_and_decades_are_read_in_full_and_days_are_not(typed: str, read: str) -> None:
    assert full_years(typed) == read


SPLIT_KNOWN = {tok for word in ("көкшетауда", "кездесті", "qostanai", "жылы", "екі", "полигоны") for tok in tokens(word)}


@pytest.mark.parametrize(("said", "read"), [
    ("көк шетауда қашан кездесті", "көкшетауда қашан кездесті"),
    ("qos tanai zauyty", "qostanai zauyty"),
    ("екі жылы", "екі жылы"),  # two known words stay two
    ("все поле гоны", "все полегоны"),  # heard apart and one letter off the known whole, neither half a word
    ("екі гоны", "екі гоны"),  # a known half stays a word of its own
])
def test_a_word_split_in_two_is_joined_where_only_the_whole_is_known(said: str, read: str) -> None:
    assert SplitWords(SPLIT_KNOWN).read(said) == read


def test_a_preposition_opens_no_word_heard_apart() -> None:
    known = {tok for word in ("заводом", "завод") for tok in tokens(word)}
    assert SplitWords(known).read("за вводом") == "завводом"  # the join a preposition must not make
    assert SplitWords(known, tokens("за")).read("за вводом в действие") == "за вводом в действие"


SWAP_KNOWN = {tok for word in ("foreign", "trip", "lease", "leasing") for tok in tokens(word)}


@pytest.mark.parametrize(("typed", "read"), [
    ("his first foregin trip", "his first foreign trip"),
    ("Foregin", "Foreign"),  # the letters as typed, case kept
    ("leaes", "lease"),
    ("leasde", "leasde"),  # the swap falls in the ending the stemmer cuts ("leased"): too little to go on
    ("trpi", "trpi"),  # too short to mend
])
def test_two_swapped_letters_are_mended_only_into_a_known_stem(typed: str, read: str) -> None:
    assert Transposed(SWAP_KNOWN, lambda tok: False).read(typed) == read


def test_a_word_the_index_already_matches_is_not_swapped() -> None:
    assert Transposed(SWAP_KNOWN, lambda tok: True).read("foregin") == "foregin"


DROPPED_KNOWN = {tok for word in ("agreements", "облысында", "работа", "investitsiia") for tok in tokens(word)}


def _readings(typed: str) -> list[str]:
    """The fuzzy readings a real index would give: here, every known stem sharing the typed word's first three letters."""
    return [known for known in DROPPED_KNOWN if known[:3] == typed[:3]]


@pytest.mark.parametrize("typed, read", [
    ("how many agreemnts?", "how many agreements?"),
    ("облсында", "облысында"),
    ("investisiia", "investitsiia"),
])
def test_a_word_with_one_letter_left_out_is_mended_into_its_one_fuzzy_reading(typed: str, read: str) -> None:
    assert DroppedLetter(DROPPED_KNOWN, _readings).read(typed) == read


@pytest.mark.parametrize("typed", [
    "работаю",      # a known stem and an ending: an inflection
    "agrmnts",      # two letters left out
    "agreements",   # known as typed
])
def test_a_word_that_is_not_one_left_out_letter_from_a_reading_is_left_alone(typed: str) -> None:
    assert DroppedLetter(DROPPED_KNOWN, _readings).read(typed) == typed


def test_a_word_the_fuzzy_match_does_not_read_is_not_mended() -> None:
    assert DroppedLetter(DROPPED_KNOWN, lambda typed: []).read("agreemnts") == "agreemnts"


CLUSTER_KNOWN = {tok for word in ("oblysta", "sapar", "salud", "компания") for tok in tokens(word)}


@pytest.mark.parametrize(("typed", "read"), [
    ("oblsta", "oblysta"),      # "bls t": three consonants in a row, a vowel put back makes a known word
    ("сапрмен", "сапармен"),
    ("saudda", "saudda"),       # no run of three consonants: "sauda" mistyped, not "salud"
    ("команде", "команде"),     # a word of its own, not "компанде"
])
def test_a_vowel_left_out_of_a_run_of_consonants_is_put_back_though_the_fuzzy_match_reads_another_word(
        typed: str, read: str) -> None:
    assert DroppedLetter(CLUSTER_KNOWN, lambda typed: ["oblast"] if typed.startswith("obl") else []).read(typed) == read


@pytest.mark.parametrize(("typed", "read"), [
    ("ТО РК–РФ в 2011-м?", "товарооборот РК–РФ в 2011-м?"),
    ("что-то было в 2011?", "что-то было в 2011?"),  # in small letters a word
    ("КАКОЙ ТО В 2011?", "КАКОЙ ТО В 2011?"),  # shouted: every word is in capitals
    ("ТОО и ТО", "ТОО и товарооборот"),  # a longer shorthand is not this one
])
def test_shorthand_in_capitals_is_written_out(typed: str, read: str) -> None:
    assert Abbreviations({"ТО": "товарооборот"}).read(typed) == read
