"""Reading Kazakh typed on a Turkish keyboard ("ı" for ы) without breaking the 2021 alphabet ("ı" for і)."""

from __future__ import annotations

from bot.engine.spelling import DotlessI
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
