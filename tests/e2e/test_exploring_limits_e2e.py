"""End to end: the per-user limits let a person explore by hand and stop floods.

What counts: every command and every private message against the per-user limit (bot/app.py
USER_PER_MINUTE, 20 a minute), button presses against their own (bot/throttle.py TapLimits, 60 a
minute), inline queries against theirs (120). The limiters run on a fake clock that never moves,
so "within a minute" holds however slow the machine is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from botharness import running_bot
from factories import BOT_ID, make_callback_query_update, make_chat, make_command_update, make_message, make_user
from fakebotapi import Call, FakeBotAPI
from fakeclock import FakeClock

from bot.app import USER_PER_MINUTE
from bot.i18n import t
from bot.throttle import BUTTONS_PER_MINUTE, TapLimits, WindowLimiter
from handlers.context import Services

EXPLORE_COMMANDS = ["/help", "/today", "/date 22.10", "/treaties", "/visits 2008", "/timeline 1990s", "/fact",
                    "/sources", "/lang", "/subscribe 08:30"]

PRESS_CYCLE = ("▶", "n", "◀ Back", "◀")
"""The buttons a person presses in turn on /treaties ("n": the first numbered line's button)."""


def frozen_limits(services: Services) -> None:
    clock = FakeClock()
    services.user_limit = WindowLimiter(USER_PER_MINUTE, 60.0, clock=clock)
    services.taps = TapLimits(clock=clock)


def keyboard(call: Call) -> list[dict[str, Any]]:
    markup = call.params.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


async def test_a_person_exploring_by_hand_is_never_throttled(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(601, language_code="en")
    chat = make_chat(601, "private")
    async with running_bot(fake_api, tmp_path, tick=False) as app:
        frozen_limits(app.bot_data.services)
        for command in EXPLORE_COMMANDS:
            name, _, args = command.partition(" ")
            mark = fake_api.mark()
            fake_api.push_update(make_command_update(name, args, user=user))
            await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 601, since=mark)
        treaties = next(c for c in fake_api.calls_of("sendMessage") if c.chat_id == 601 and "Treaties" in str(
            c.params.get("text")))
        shown = treaties
        for press in range(15):  # page forward, open a line's card, back to the page, page back; again
            label = PRESS_CYCLE[press % len(PRESS_CYCLE)]
            data = next(b["callback_data"] for b in keyboard(shown) if b["text"] == label or (
                label == "n" and b["text"].isdigit()))
            message = make_message(str(shown.params["text"]), user={"id": BOT_ID, "is_bot": True, "first_name": "k"},
                                   chat=chat, message_id=treaties.result["message_id"])
            mark = fake_api.mark()
            fake_api.push_update(make_callback_query_update(data, message=message, user=user))
            [answer] = await fake_api.wait_for("answerCallbackQuery", since=mark)
            assert not answer.params.get("text"), f"press {press + 1} ({label}) got {answer.params}"
            shown = (await fake_api.wait_for("editMessageText", lambda c: c.chat_id == 601, since=mark))[0]
    texts = [str(c.params.get("text")) for c in fake_api.calls_of("sendMessage") if c.chat_id == 601]
    assert len(texts) == len(EXPLORE_COMMANDS)
    assert t("en", "throttle.user") not in texts and t("en", "throttle.buttons") not in texts


async def test_floods_of_commands_and_presses_are_still_stopped(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    flooder, bystander = make_user(611, language_code="en"), make_user(612, language_code="en")
    async with running_bot(fake_api, tmp_path, tick=False) as app:
        frozen_limits(app.bot_data.services)
        for _ in range(USER_PER_MINUTE + 10):
            fake_api.push_update(make_command_update("/help", user=flooder))
        replies = await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 611, count=USER_PER_MINUTE + 1)
        for n in range(BUTTONS_PER_MINUTE + 10):
            fake_api.push_update(make_callback_query_update("x1", user=flooder, query_id=f"flood-{n}"))
        answers = await fake_api.wait_for("answerCallbackQuery", lambda c: str(c.params.get("callback_query_id")).
                                          startswith("flood-"), count=BUTTONS_PER_MINUTE + 1)
        mark = fake_api.mark()
        fake_api.push_update(make_command_update("/help", user=bystander))
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 612, since=mark)
    texts = [str(c.params.get("text")) for c in replies]
    assert texts.count(t("en", "throttle.user")) == 1, "told once"
    assert len([c for c in fake_api.calls_of("sendMessage") if c.chat_id == 611]) == USER_PER_MINUTE + 1, \
        "past the limit, commands are dropped"
    toasts = [a.params.get("text") for a in answers]
    assert toasts.count(t("en", "throttle.buttons")) == 1
    flood_answers = [c for c in fake_api.calls_of("answerCallbackQuery")
                     if str(c.params.get("callback_query_id")).startswith("flood-")]
    assert len(flood_answers) == BUTTONS_PER_MINUTE + 1, "past the limit, presses are dropped"
