"""End to end: /trade through the real PTB Application and the fake Bot API.

Why: the reader sees a list whose lines lead with the figure (in their decimal mark, a bound as
"> 15", no currency where the source gives none), then the chart; /trade 2011 puts that year's
figures first and highlights it; a group gets a short list that counts the rest and links to the
whole list in a private chat. Expected figures come from the store, so a data fix does not break
the test while a rendering regression does.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from botharness import real_store, running_bot
from factories import BOT_USERNAME, make_chat, make_command_update, make_user
from fakebotapi import Call, FakeBotAPI

from bot.figures import figure_text
from bot.i18n import t
from bot.model import Fact
from bot.usecases.browse import GROUP_SUMMARY as GROUP_LINES
from bot.usecases.trade import TURNOVER

PNG = b"\x89PNG\r\n\x1a\n"
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def turnover(year: int) -> Fact:
    return next(f for f in real_store().by_kind("trade") if f.metric == TURNOVER and f.when and f.when.year == year)


def dated_trade() -> list[Fact]:
    return [f for f in real_store().by_kind("trade") if f.when is not None]


def bullets(call: Call) -> list[str]:
    return [line for line in str(call.params["text"]).split("\n") if line.startswith("• ")]


def photo_bytes(call: Call) -> bytes:
    photo: Any = call.params["photo"]
    return bytes(getattr(photo, "data", b""))


async def reply_and_chart(api: FakeBotAPI, chat_id: int) -> tuple[Call, Call]:
    """The list, then the chart, in that order."""
    photo = (await api.wait_for("sendPhoto", lambda c: c.chat_id == chat_id))[0]
    text = (await api.wait_for("sendMessage", lambda c: c.chat_id == chat_id))[0]
    assert text.seq < photo.seq, "the figures come first, the chart after them"
    return text, photo


async def test_trade_lists_each_figure_first_then_sends_the_chart(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_command_update("/trade", user=make_user(9101, language_code="en")))
        text, photo = await reply_and_chart(fake_api, 9101)
    html = str(text.params["text"])
    lines = bullets(text)
    assert len(lines) == len(dated_trade()), "a private chat gets the whole list"
    with_figures = [line for line in lines if line.startswith("• <b>")]
    assert len(with_figures) == len([f for f in dated_trade() if f.value is not None])
    for line in with_figures:
        years = YEAR.findall(line)
        assert len(years) == len(set(years)) <= 1, f"the year once per line: {line}"
    assert f"• <b>{figure_text(turnover(2011), 'en')}</b> — " in html
    assert "<b>&gt; 15 " in html, "a lower bound says it is one"
    assert f"<b>{figure_text(turnover(1997), 'en')}</b>" in html and "currency not stated" in html
    assert t("en", "answer.sources") in html
    assert photo.params["caption"] == t("en", "chart.caption")
    assert photo_bytes(photo).startswith(PNG)


@pytest.mark.parametrize(("lang", "uid"), [("ru", 9201), ("kk", 9202)])
async def test_trade_for_a_year_gives_its_figures_first_and_highlights_it(
        fake_api: FakeBotAPI, tmp_path: Path, lang: str, uid: int) -> None:
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_command_update("/trade", "2011", user=make_user(uid, language_code=lang)))
        text, photo = await reply_and_chart(fake_api, uid)
    html = str(text.params["text"])
    assert html.startswith(f"<b>{t(lang, 'trade.title')} — 2011</b>")
    lines = bullets(text)
    assert lines[0].startswith(f"• <b>{figure_text(turnover(2011), lang)}</b> — "), "the headline figure first"
    assert "23,8" in lines[0] and "23.8" not in html, "the reader's decimal mark"
    expected = [f for f in dated_trade() if 2011 in f.years]
    assert len(lines) == len(expected)
    assert all(YEAR.findall(line) in (["2011"], []) for line in lines), "only 2011, said at most once a line"
    assert photo.params["caption"] == t(lang, "chart.caption_year", year=2011)
    assert photo_bytes(photo).startswith(PNG)


async def test_a_group_gets_a_short_list_with_the_rest_a_tap_away_in_private(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    total = len(dated_trade())
    assert total > GROUP_LINES, "the data must be long enough to shorten"
    cases = [("kk", make_user(9301, language_code="kk"), make_chat(-1009301, "supergroup", title="Зерттеушілер")),
             ("en", make_user(9302, language_code="en"), make_chat(-1009302, "supergroup", title="Researchers"))]
    async with running_bot(fake_api, tmp_path):
        for lang, member, group in cases:
            fake_api.push_update(make_command_update("/trade", user=member, chat=group, bot_username=BOT_USERNAME))
            short, _ = await reply_and_chart(fake_api, group["id"])
            assert len(bullets(short)) == GROUP_LINES
            assert str(short.params["text"]).split("\n")[GROUP_LINES + 1] == t(lang, "group.more", n=total - GROUP_LINES)
            button = short.params["reply_markup"]["inline_keyboard"][0][0]
            assert button["text"] == t(lang, "group.open_private")
            assert button["url"] == f"https://t.me/{BOT_USERNAME}?start=tr"
            payload = button["url"].rsplit("=", 1)[1]
            fake_api.push_update(make_command_update("/start", payload, user=member))
            full, _ = await reply_and_chart(fake_api, member["id"])
            assert len(bullets(full)) == total, "the link opens the whole list"
            assert t(lang, "group.more", n=total - GROUP_LINES) not in str(full.params["text"])
            assert "reply_markup" not in full.params
