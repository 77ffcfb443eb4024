"""The normaliser: every script and typing style of a word folds to the same matching form."""

from __future__ import annotations

import pytest

from bot.text import consonants, detect_language, dropped_letters, fold, forget_folded_words, raw_tokens, stem, tokens


def one(word: str) -> str:
    """The single matching token of one word."""
    toks = tokens(word)
    assert len(toks) == 1, toks
    return toks[0]


@pytest.mark.parametrize("spellings", [
    # Kazakh Cyrillic, Kazakh typed on a Russian keyboard, 2021 Latin, informal Latin
    ("Қазақстан", "Казакстан", "Qazaqstan", "Kazakstan"),
    ("шекара", "shekara", "şekara", "ШЕКАРА"),
    ("Байқоңыр", "Байконыр", "Baiqoñyr", "Baikonyr", "Baykonyr"),
    ("айналым", "ainalym", "aynalym"),  # й after a vowel written "y" in informal Latin
    ("шарт", "şart", "shart"),
    ("қараша", "qaraşa", "qarașa"),  # the comma-below "ș" of a Romanian layout for the cedilla "ş"
    ("қашан", "кашан", "qaşan", "kashan", "qashan"),
    ("өңір", "онир", "öñır", "onir"),
    ("ұйым", "уйым", "ūiym", "uiym"),
    ("үкімет", "укимет", "ükımet", "ukimet"),
])
def test_kazakh_scripts_and_keyboards_fold_together(spellings: tuple[str, ...]) -> None:
    assert len({one(w) for w in spellings}) == 1, [one(w) for w in spellings]


@pytest.mark.parametrize(("inflected", "base"), [
    ("Қазақстанның", "Қазақстан"),
    ("Қазақстанға", "Қазақстан"),
    ("Ресеймен", "Ресей"),
    ("Ресейдің", "Ресей"),
    ("договора", "договор"),
    ("договором", "договор"),
    ("границы", "граница"),
    ("visits", "visit"),
    ("независимости", "независимость"),
    ("Қазақстанда", "Қазақстан"),  # "-да", not "-нда": the "n" of "-stan" stays
    ("Qazaqstanda", "Қазақстан"),
    ("Казахстане", "Казахстан"),
    ("Өзбекстанда", "Өзбекстан"),
    ("облысымызда", "облыс"),  # "our" before a case ending goes with it: "in our region"
    ("qalasymyzdan", "qalasy"),
])
def test_case_endings_are_cut(inflected: str, base: str) -> None:
    assert one(inflected) == one(base)


def test_russian_and_english_names_meet_in_one_skeleton() -> None:
    assert one("Kazakhstan") == one("Казахстан")
    assert fold("Ельцин") == "eltsin"
    assert fold("Yeltsin") == "eltsin"


def test_look_alike_letters_and_marks_are_folded() -> None:
    assert fold("ё") == fold("е")
    assert fold("İ") == "i"
    assert one("Kazakhstan\u0301") == one("Kazakhstan")


def test_repeated_letters_collapse_so_spelling_variants_meet() -> None:
    assert one("Касым") == one("Кассым")


def test_stem_never_cuts_below_five_letters() -> None:
    assert stem("shart") == "shart"
    assert stem("kazakstannyn") == "kazakstan"


def test_numbers_keep_their_decimal_mark_and_percent_is_a_word() -> None:
    assert tokens("23,8 млрд")[0] == "23.8"
    assert tokens("30%") == ["30", *tokens("percent")]


def test_hyphenated_kazakh_endings_join_their_abbreviation() -> None:
    assert tokens("ЕАЭО-ға") == tokens("ЕАЭО")
    assert tokens("ҰҚШҰ-ның") == tokens("ҰҚШҰ")
    assert raw_tokens("1992-жылы") == ["1992", "жылы"]


def test_a_russian_ordinal_ending_on_a_number_is_no_word() -> None:
    assert raw_tokens("в ноябре 2023-го") == ["в", "ноябре", "2023"]
    assert raw_tokens("к 2010-му году") == ["к", "2010", "году"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Қазақстан мен Ресей шекарасы қанша?", "kk"),
    ("Казакстан мен Ресей арасындагы шарт кашан жасалды", "kk"),
    ("Qazaqstan men Resei şekarasy qanşa", "kk"),
    ("kazakstan resei shekara kashan", "kk"),
    ("Когда подписан договор о дружбе?", "ru"),
    ("договор 1992", "ru"),
    ("When was the friendship treaty signed?", "en"),
    ("border length", "en"),
    ("Will Kazakhstan join BRICS by 2030?", "en"),
    ("Medvedev visits Kazakhstan 2008", "en"),
    ("What oil transit quota did Russia give Kazakhstan in 2000?", "en"),  # "qu" is English
    ("qai jyly kelısım jasaldy", "kk"),
    # Kazakh typed on a Russian keyboard, told by its endings (-нын, -ып, -мыз, -деги, -лды) …
    ("бешбармакты калай дайындаймыз", "kk"),
    ("шекарадагы бекеттин аты", "kk"),
    ("кеден одагына кирип алды ма", "kk"),
    # … while a Kazakh name in a Russian sentence is a name, and "не" tells neither language.
    ("С кем встречался Айдын в Москве?", "ru"),
    ("почему визу не дали", "ru"),
])
def test_language_detection_by_script_and_words(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_text_without_letters_has_no_language() -> None:
    assert detect_language("1992 ?!") is None


def test_latin_follow_ups_tell_kazakh_by_al_and_ties_tell_nothing() -> None:
    assert detect_language("al eksport?") == "kk"  # not English: the conversation's Kazakh goes on
    assert detect_language("al 2012 she?") == "kk"
    assert detect_language("al what?") is None  # as much Kazakh as English: the chat decides
    assert detect_language("") is None


def test_a_word_typed_without_its_vowels_keeps_its_consonants_in_order() -> None:
    assert consonants("birinsh") == consonants("brnsh") == "brnsh"
    assert dropped_letters("brnsh", "birinsh") and not dropped_letters("bnrsh", "birinsh")


def test_forgetting_the_folded_words_empties_the_caches_and_changes_no_token() -> None:
    before = tokens("Қазақстан мен Ресей арасындағы шарттар")
    forget_folded_words()
    assert stem.cache_info().currsize == 0
    assert tokens("Қазақстан мен Ресей арасындағы шарттар") == before
