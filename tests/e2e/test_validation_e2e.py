"""End to end: every wrong form of a command argument gets a short, specific reply in the user's language.

Why: a bot that answers "25:61" with silence, a traceback or an English message to a Kazakh
speaker looks broken; the reply must name the problem and show the right form.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from botharness import running_bot
from factories import make_command_update, make_user
from fakebotapi import FakeBotAPI

from bot.i18n import t
from bot.model import LANGS

# (command, argument, locale key, format values): each wrong form and the reply it must get.
WRONG_FORMS: list[tuple[str, str, str, dict[str, str]]] = [
    ("/subscribe", "25:61", "sub.bad_time", {"value": "25:61"}),
    ("/subscribe", "24:00", "sub.bad_time", {"value": "24:00"}),
    ("/subscribe", "Mars/Base", "sub.bad_zone", {"value": "Mars/Base"}),
    ("/subscribe", "09:00 Mars/Base", "sub.bad_zone", {"value": "Mars/Base"}),
    ("/subscribe", "UTC+15", "sub.bad_zone", {"value": "UTC+15"}),
    ("/visits", "0", "browse.bad_year", {"example": "/visits 2008"}),
    ("/visits", "abc", "browse.bad_year", {"example": "/visits 2008"}),
    ("/visits", "²⁰⁰⁸", "browse.bad_year", {"example": "/visits 2008"}),
    ("/timeline", "0", "browse.bad_year", {"example": "/timeline 1990s"}),
    ("/timeline", "3000s", "browse.bad_year", {"example": "/timeline 1990s"}),
    ("/trade", "0", "trade.bad_year", {}),
    ("/trade", "-2011", "trade.bad_year", {}),
    ("/trade", "²⁰¹¹", "trade.bad_year", {}),
    ("/timeline", "¹⁹⁹⁰s", "browse.bad_year", {"example": "/timeline 1990s"}),
    ("/date", "31.02", "date.bad", {}),
    ("/date", "99", "date.bad", {}),
    ("/date", "0.0", "date.bad", {}),
    ("/date", "22.13", "date.bad", {}),
]
FIRST_UID = {"kk": 7100, "ru": 7200, "en": 7300}


@pytest.mark.parametrize("lang", LANGS)
async def test_each_wrong_form_is_explained_in_the_users_language(fake_api: FakeBotAPI, tmp_path: Path, lang: str) -> None:
    async with running_bot(fake_api, tmp_path) as app:
        for i, (command, arg, key, values) in enumerate(WRONG_FORMS):
            uid = FIRST_UID[lang] + i
            fake_api.push_update(make_command_update(command, arg, user=make_user(uid, language_code=lang)))
            calls = await fake_api.wait_for("sendMessage", lambda c, u=uid: c.chat_id == u)
            assert calls[0].ok, calls[0].error
            expected = t(lang, key, **values)
            assert calls[0].params["text"] == expected, f"{command} {arg} in {lang}"
            for other in LANGS:
                if other != lang:
                    assert expected != t(other, key, **values), f"{key} is not translated into {lang}"
        for i in range(len(WRONG_FORMS)):
            assert fake_api.sent_count(FIRST_UID[lang] + i) == 1, "one reply per wrong command"
        repo = app.bot_data.services.repo
        for i, (command, *_rest) in enumerate(WRONG_FORMS):
            if command == "/subscribe":
                assert await repo.get_subscription(FIRST_UID[lang] + i) is None, "a refused change saves nothing"


async def test_the_chats_chosen_language_wins_over_telegrams(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    """A Kazakh speaker whose Telegram is in English, after choosing Kazakh with /lang, gets Kazakh errors."""
    user = make_user(7400, language_code="en")
    async with running_bot(fake_api, tmp_path) as app:
        await app.bot_data.services.set_chat_language(7400, "kk")
        fake_api.push_update(make_command_update("/date", "31.02", user=user))
        call = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 7400))[0]
        assert call.params["text"] == t("kk", "date.bad")


async def test_valid_forms_next_to_the_wrong_ones_still_work(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    """The validation is not over-eager: the nearest correct forms are accepted."""
    user = make_user(7500, language_code="ru")
    cases = [("/date", "29.02", "29"), ("/date", "1.1", "1"), ("/visits", "2008", "2008"), ("/timeline", "1990s", "1990"),
             ("/trade", "2011", "2011"), ("/subscribe", "23:59 UTC+14", "23:59")]
    async with running_bot(fake_api, tmp_path):
        for n, (command, arg, want) in enumerate(cases, 1):
            fake_api.push_update(make_command_update(command, arg, user=user))
            calls = await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 7500, count=n)
            text = str(calls[-1].params["text"])
            assert want in text, (command, arg, text)
            assert text not in {t("ru", k, example="") for k in ("date.bad", "trade.bad_year")}
