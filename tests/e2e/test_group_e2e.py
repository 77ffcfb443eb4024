"""End to end in groups and under load: floods are throttled with one notice, long lists become a
summary with a deep link that opens the full list in a private chat."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from botharness import running_bot
from factories import (
    BOT_USERNAME,
    make_anonymous_admin_update,
    make_chat,
    make_command_update,
    make_text_update,
    make_user,
)
from fakebotapi import FakeBotAPI

from bot.app import CHAT_PER_MINUTE, USER_PER_MINUTE
from bot.i18n import t

GROUP = make_chat(-100555, "supergroup", title="Flooders")


async def settled(api: FakeBotAPI, sentinel_chat: int) -> None:
    """Wait until every update pushed so far was handled: a last private question is answered and
    nothing more is sent for a moment."""
    api.push_update(make_text_update("baikonur lease", user=make_user(sentinel_chat)))
    await api.wait_for("sendMessage", lambda c: c.chat_id == sentinel_chat, timeout=15)
    while True:
        before = len(api.calls_of("sendMessage"))
        await asyncio.sleep(0.3)
        if len(api.calls_of("sendMessage")) == before:
            return


async def test_one_member_flooding_a_group_is_cut_at_the_user_limit_with_one_notice(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    member = make_user(601, language_code="ru")
    async with running_bot(fake_api, tmp_path):
        for i in range(USER_PER_MINUTE + 15):
            fake_api.push_update(make_command_update("/ask", f"торговля {2000 + i}", user=member, chat=GROUP,
                                                     bot_username=BOT_USERNAME))
        await settled(fake_api, 6001)
        texts = fake_api.sent_texts(GROUP["id"])
    notice = t("ru", "throttle.user")
    assert texts.count(notice) == 1, "the bot says so once, not once per dropped message"
    assert len(texts) == USER_PER_MINUTE + 1


async def test_many_members_flooding_a_group_hit_the_group_limit_with_one_notice(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    members = [make_user(700 + i, language_code="kk") for i in range(9)]
    async with running_bot(fake_api, tmp_path):
        for round_ in range(5):
            for member in members:
                fake_api.push_update(make_text_update(f"@{BOT_USERNAME} шекара {round_}", user=member, chat=GROUP))
        fake_api.push_update(make_text_update("just chatting, not for the bot", user=members[0], chat=GROUP))
        await settled(fake_api, 7001)
        texts = fake_api.sent_texts(GROUP["id"])
    assert texts.count(t("kk", "throttle.group")) == 1
    assert t("kk", "throttle.user") not in texts
    assert len(texts) == CHAT_PER_MINUTE + 1


async def test_anonymous_admins_of_different_groups_have_separate_limits(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    """Anonymous admins all post as one Telegram user (GroupAnonymousBot): one group's flood must
    not silence another group's admins."""
    first, second = make_chat(-100601, "supergroup", title="A"), make_chat(-100602, "supergroup", title="B")
    async with running_bot(fake_api, tmp_path):
        for i in range(USER_PER_MINUTE + 5):
            fake_api.push_update(make_anonymous_admin_update(f"/ask@{BOT_USERNAME} trade {2000 + i}", chat=first))
        await settled(fake_api, 6101)
        fake_api.push_update(make_anonymous_admin_update(f"/ask@{BOT_USERNAME} baikonur lease", chat=second))
        answer = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == second["id"]))[0]
        flooded = fake_api.sent_texts(first["id"])
    assert flooded.count(t("en", "throttle.user")) == 1 and len(flooded) == USER_PER_MINUTE + 1
    assert "1994" in str(answer.params["text"])


async def test_private_flood_is_cut_at_the_user_limit_with_one_notice(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(801, language_code="en")
    async with running_bot(fake_api, tmp_path):
        for i in range(USER_PER_MINUTE + 10):
            fake_api.push_update(make_text_update(f"trade {1995 + i}", user=user))
        fake_api.push_update(make_command_update("/treaties", user=user))
        await settled(fake_api, 8001)
        texts = fake_api.sent_texts(801)
    assert texts.count(t("en", "throttle.user")) == 1
    assert len(texts) == USER_PER_MINUTE + 1, "commands count against the same limit"


async def test_group_long_list_is_a_summary_with_a_deep_link_that_opens_the_full_list(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    member = make_user(901, language_code="en")
    async with running_bot(fake_api, tmp_path):
        for command, args in (("/visits", ""), ("/timeline", "1990s")):
            fake_api.push_update(make_command_update(command, args, user=member, chat=GROUP, bot_username=BOT_USERNAME))
        summaries = await fake_api.wait_for("sendMessage", lambda c: c.chat_id == GROUP["id"], count=2)
        payloads = []
        for call in sorted(summaries, key=lambda c: "Timeline" in str(c.params["text"])):
            text = str(call.params["text"])
            assert text.count("\n• ") <= 5 and "more." in text, text
            [[button]] = call.params["reply_markup"]["inline_keyboard"]
            url = urlsplit(button["url"])
            assert (url.scheme, url.netloc, url.path) == ("https", "t.me", f"/{BOT_USERNAME}")
            payloads.append(parse_qs(url.query)["start"][0])
        assert payloads == ["v", "tl_1990s"]
        for i, payload in enumerate(payloads):
            fake_api.push_update(make_command_update("/start", payload, user=member))
            full = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 901, count=i + 1))[i]
            total = int(str(summaries[i].params["text"]).split("(")[1].split(")")[0])
            assert f"({total})" in str(full.params["text"]), "the same list, now in full"
            rows = full.params["reply_markup"]["inline_keyboard"]
            assert len(rows) >= 2 and rows[-1][-1]["text"] == "▶", "paged in the private chat"
