"""Typed callback data: every action round-trips within Telegram's 64 bytes at its extreme values,
stale (older-version) and forged data decode to nothing, and every action has one handler."""

from __future__ import annotations

import re

import pytest

from bot.outgoing import ButtonIntent, ShowFact, ShowSettings
from handlers import registry
from handlers.callbacks import (
    ACTIONS,
    MAX_DATA,
    MAX_PAGE,
    AnotherFact,
    Callback,
    DayButton,
    OpenFact,
    OpenSettings,
    Rate,
    Unsubscribe,
)
from handlers.callbacks import Example as Ex
from handlers.callbacks import FactCard as Card
from handlers.callbacks import LanguageChoice as Lang
from handlers.callbacks import ListPageButton as Page
from handlers.callbacks import PageCounter as Counter
from handlers.callbacks import SettingButton as Setting
from handlers.callbacks import UnansweredButton as Unanswered
from handlers.keyboards import intents_keyboard

LONGEST_ID = "a" + "-z9" * 13  # the loader's limit: 40 characters
BIG = 10**19 - 1  # the most digits an int field takes
LONGEST_ZONE = "America/Argentina/ComodRivadavia"

EXTREMES: dict[type[Callback], list[Callback]] = {
    Card: [Card(LONGEST_ID, "tl", "2090s", MAX_PAGE), Card("a1", "t", "-", 0)],
    Page: [Page("tl", "2090s", MAX_PAGE), Page("v", "2008", 0)],
    Counter: [Counter()],
    Lang: [Lang("kk", "start"), Lang("ru", "lang"), Lang("en", "lang")],
    Ex: [Ex(1), Ex(3)],
    Setting: [Setting("tz", LONGEST_ZONE), Setting("time", "2359"), Setting("mode", "anniversaries")],
    Rate: [Rate(BIG, "+"), Rate(0, "-")],
    Unanswered: [Unanswered("h", str(BIG), BIG), Unanswered("p", "-", 0)],
    OpenFact: [OpenFact(LONGEST_ID, "kk", "latn"), OpenFact("a1", "ru", "cyrl")],
    DayButton: [DayButton(12, 31), DayButton(2, 29), DayButton(1, 1)],
    AnotherFact: [AnotherFact()],
    Unsubscribe: [Unsubscribe()],
    OpenSettings: [OpenSettings()],
}


def test_every_action_has_extreme_examples() -> None:
    assert set(EXTREMES) == set(ACTIONS)
    assert len(LONGEST_ID) == 40


@pytest.mark.parametrize("data", [d for ds in EXTREMES.values() for d in ds], ids=repr)
def test_round_trip_within_64_bytes(data: Callback) -> None:
    encoded = data.encode()
    assert len(encoded.encode()) <= MAX_DATA, encoded
    assert type(data).decode(encoded) == data
    assert re.match(type(data).pattern(), encoded)
    others = [a for a in ACTIONS if a is not type(data)]
    assert not any(re.match(a.pattern(), encoded) for a in others), "a tap reaches exactly one handler"
    assert all(a.decode(encoded) is None for a in others)


def test_prefixes_are_unique_and_carry_a_version() -> None:
    prefixes = [a.PREFIX for a in ACTIONS]
    assert len(set(prefixes)) == len(prefixes)
    assert all(re.fullmatch(r"[a-z]+\d+", p) for p in prefixes)


@pytest.mark.parametrize(("action", "data"), [
    (Card, "f:treaty-1992:t:-:0"),  # the layout before versions
    (Card, "f0:treaty-1992:t:-:0"),
    (Setting, "s:mode:daily"),
    (Page, "p:t:-:1"),
    (Lang, "l:kk"),
    (Lang, "l1:kk"),
    (Ex, "q:1"),
    (Counter, "x"),
    (Rate, "r0:1:+"),
    (Unanswered, "u0:h:7:0"),
])
def test_stale_layouts_decode_to_nothing(action: type[Callback], data: str) -> None:
    assert action.decode(data) is None
    assert not re.match(action.pattern(), data)


@pytest.mark.parametrize(("action", "data"), [
    (Card, "f1:Bad_Id:t:-:0"), (Card, "f1:a1:zz:-:0"), (Card, "f1:a1:t:-:-1"), (Card, "f1:a1:t:-"),
    (Card, "f1:a1:t:abc:0"), (Page, "p1:t:-:²"), (Page, "p1:tl:¹⁹⁹⁰s:0"),
    (Page, "p1:t:-:" + "9" * 20), (Page, f"p1:t:-:{MAX_PAGE + 1}"), (Lang, "l2:de:lang"), (Lang, "l2:kk:menu"),
    (OpenFact, "o1:a1:ru:latn"), (OpenFact, "o1:a1:de:cyrl"), (OpenFact, "o1:Bad_Id:kk:cyrl"),
    (DayButton, "d1:2:30"), (DayButton, "d1:13:1"), (DayButton, "d1:0:1"), (DayButton, "d1:4:31"), (AnotherFact, "n1:1"),
    (Unsubscribe, "z1:x"), (OpenSettings, "g1:-100123"), (OpenSettings, "g0"), (Ex, "q1:4"), (Ex, "q1:"),
    (Setting, "s1:colour:red"), (Setting, "s1:mode"), (Rate, "r1:1:*"), (Rate, "r1:x:+"),
    (Unanswered, "u1:h:x:0"), (Unanswered, "u1:z:-:0"), (Counter, "x1:"), (Counter, None),
    (Rate, "r1:1:+" + " " * 64),
])
def test_forged_data_decodes_to_nothing(action: type[Callback], data: str | None) -> None:
    assert action.decode(data) is None


def test_encode_refuses_what_could_not_come_back() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        Setting("tz", "x" * 60).encode()
    with pytest.raises(ValueError, match="':'"):
        Setting("tz", "a:b").encode()
    with pytest.raises(ValueError, match="not data"):
        Card(LONGEST_ID, "tl", "2090s", MAX_PAGE + 1).encode()


def test_every_action_has_exactly_one_button_handler() -> None:
    actions = [b.action for b in registry.BUTTONS]
    assert sorted(a.PREFIX for a in actions) == sorted(a.PREFIX for a in ACTIONS)


def test_a_delivered_messages_button_intents_become_these_actions_within_64_bytes() -> None:
    """The core's intents under an "on this day" message (bot/outgoing.py): a fact button opens that
    fact's card in the subscription's language, ⚙ opens the chat's settings."""
    markup = intents_keyboard(((ButtonIntent("1", ShowFact(LONGEST_ID, "kk")), ButtonIntent("2", ShowFact("a1", "en"))),
                               (ButtonIntent("⚙", ShowSettings()),)))
    assert markup is not None
    rows = [[(b.text, b.callback_data) for b in row] for row in markup.inline_keyboard]
    assert [[text for text, _ in row] for row in rows] == [["1", "2"], ["⚙"]]
    data = [str(d) for row in rows for _, d in row]
    assert all(len(d.encode()) <= MAX_DATA for d in data)
    assert [OpenFact.decode(d) for d in data[:2]] == [OpenFact(LONGEST_ID, "kk", "cyrl"), OpenFact("a1", "en", "cyrl")]
    assert OpenSettings.decode(data[2]) == OpenSettings()
    assert intents_keyboard(()) is None, "a part without buttons is sent without a keyboard"
