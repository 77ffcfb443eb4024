"""Which side a question's visit or goods go to, from prepositions and case endings."""

from __future__ import annotations

import pytest

from bot.engine.direction import acting_side, destination, without_direction


@pytest.mark.parametrize(("question", "side"), [
    ("Когда Назарбаев приехал в Москву?", "russia"),
    ("Когда Путин приехал в Астану?", "kazakhstan"),
    ("When did Yeltsin come to Almaty?", "kazakhstan"),
    ("When did Nazarbayev travel to Moscow?", "russia"),
    ("Тұңғыш президент Ресейге қашан барды?", "russia"),
    ("Medvedev Qazaqstanğa qaşan keldı?", "kazakhstan"),
    ("Что подписали в Москве?", None),
    ("Когда Назарбаев был в Казахстане и в России?", None),
    ("Trade between Kazakhstan and Russia", None),
    ("visits from Moscow to Astana and back to Moscow", None),
    ("when did nazarbaev first travel to rusia?", "russia"),  # a side's name mistyped still says the way
    ("goods that come from russa", "kazakhstan"),
    ("did putin fly into kazahstan in 2023?", "kazakhstan"),
])
def test_the_side_a_visit_goes_to(question: str, side: str | None) -> None:
    assert destination(question) == side


@pytest.mark.parametrize(("text", "side"), [
    ("Қазақстан Ресей нарығына қандай тауарлар жібереді?", "russia"),
    ("What does Kazakhstan import from Russia?", "kazakhstan"),
    ("Что Казахстан ввозит из России?", "kazakhstan"),
])
def test_where_goods_go(text: str, side: str) -> None:
    assert destination(text) == side


@pytest.mark.parametrize(("text", "side"), [
    ("Ресейдегі қазақстандық инвестиция", "russia"),
    ("Kazakh investment in Russia", "russia"),
    ("Российские инвестиции в Казахстане", "kazakhstan"),
    ("Что подписали в Москве?", "russia"),
])
def test_where_money_or_goods_end_up_counts_only_when_located_is_asked(text: str, side: str) -> None:
    """"in Russia" is where money ends up; for a visit it only says where two leaders met."""
    assert destination(text, located=True) == side
    assert destination(text) is None


@pytest.mark.parametrize(("text", "side"), [
    ("2011 жылы Ресейден Қазақстанға қанша тауар әкелінді?", "kazakhstan"),
    ("Мәскеуден Астанаға не жөнелтілді?", "kazakhstan"),
])
def test_from_one_side_is_not_in_it(text: str, side: str) -> None:
    """"Ресейден" (from Russia) starts like "Ресейде" (in Russia): goods from Russia go to Kazakhstan."""
    assert destination(text, located=True) == side


@pytest.mark.parametrize(("text", "bare"), [
    ("что Казахстан экспортирует в РФ?", "что Казахстан экспортирует РФ?"),
    ("Қазақстан Ресейге не экспорттайды", "Қазақстан Ресей не экспорттайды"),
    ("What does Kazakhstan export to Russia?", "What does Kazakhstan export Russia?"),
])
def test_without_direction_names_the_sides_bare(text: str, bare: str) -> None:
    assert without_direction(text) == bare
    assert destination(without_direction(text)) is None


@pytest.mark.parametrize(("text", "side"), [
    ("When did Russia recognise Kazakhstan?", "russia"),
    ("Қазақстан Ресейді қашан таныды?", "kazakhstan"),
    ("qazaqstan resei täuelsızdıgın qaşan moiyndady", "kazakhstan"),
    ("When was Kazakhstan recognised by Russia?", "russia"),
    ("Когда независимость Казахстана была признана Россией?", "russia"),
    ("When did the two presidents meet?", None),
    ("Россию Казахстан признал когда?", "kazakhstan"),  # a side in the accusative is acted on wherever it stands
    ("Ресейді Қазақстан қашан таныды?", "kazakhstan"),
    ("Қазақстанды Ресей қашан таныды?", "russia"),
])
def test_the_side_that_acts_is_named_first_or_named_as_the_doer(text: str, side: str | None) -> None:
    assert acting_side(text) == side



@pytest.mark.parametrize(("text", "side"), [
    ("Ал біз оларға не сатамыз?", "russia"),
    ("al biz olarga ne satamyz", "russia"),
    ("Ал біз олардан не сатып аламыз?", "kazakhstan"),
    ("Al bız olardan ne satyp alamyz?", "kazakhstan"),
])
def test_what_we_sell_goes_to_russia_and_what_we_buy_comes_from_it(text: str, side: str) -> None:
    """The asker speaks for Kazakhstan: "we sell" (the verb's ending says "we") is Kazakhstan's exports, "we buy" its imports."""
    assert destination(text, located=True) == side
    assert destination(text) is None
