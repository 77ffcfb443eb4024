"""End to end: the per-user and per-group limits under load — a flooder is slowed, everyone else is answered.

Why: one user (or one noisy group) must not be able to take the bot away from everybody else,
and a limited user is told once, not once per dropped message. benchmarks/load.py prints the
same figures at 1,000-user scale.
"""

from __future__ import annotations

from pathlib import Path

from botharness import running_bot
from factories import make_chat, make_command_update, make_text_update, make_user
from fakebotapi import FakeBotAPI

from bot.app import CHAT_PER_MINUTE, USER_PER_MINUTE
from bot.i18n import t

FLOODER, MEMBER_FLOODER = 9100, 9101
OTHERS = range(9200, 9240)
NOISY, QUIET, CROWDED = (make_chat(-100910 - i, "supergroup", title=f"Group {i}") for i in range(3))


async def test_flooders_are_slowed_while_everyone_else_is_answered(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    crowd = range(9300, 9300 + CHAT_PER_MINUTE + 5)
    async with running_bot(fake_api, tmp_path) as app:
        for i in range(3 * USER_PER_MINUTE):
            fake_api.push_update(make_text_update(f"trade {2000 + i % 20}", user=make_user(FLOODER)))
            fake_api.push_update(make_command_update("/ask", "baikonur lease", user=make_user(MEMBER_FLOODER), chat=NOISY))
            if i < len(OTHERS):
                fake_api.push_update(make_text_update("border length", user=make_user(OTHERS[i])))
                if i < CHAT_PER_MINUTE - 10:
                    fake_api.push_update(make_command_update("/ask", "trade 2011", user=make_user(OTHERS[i]), chat=QUIET))
        for uid in crowd:
            fake_api.push_update(make_command_update("/ask", "trade 2011", user=make_user(uid + 1000), chat=CROWDED))
        for uid in OTHERS[:5]:
            fake_api.push_update(make_command_update("/ask", "border length", user=make_user(uid), chat=NOISY))
        await fake_api.wait_for("sendMessage", lambda c: c.chat_id == FLOODER, count=USER_PER_MINUTE + 1, timeout=20)
        await app.update_queue.join()

    warned = t("en", "throttle.user")
    flooder = fake_api.sent_texts(FLOODER)
    assert flooder.count(warned) == 1, "told once, not once per dropped message"
    assert len(flooder) == USER_PER_MINUTE + 1, f"{len(flooder)} replies to {3 * USER_PER_MINUTE} questions"
    assert all(fake_api.sent_count(uid) == 1 for uid in OTHERS), "every other user answered in private"
    assert fake_api.sent_count(QUIET["id"]) == CHAT_PER_MINUTE - 10, "a quiet group is not limited by a noisy one"
    noisy = fake_api.sent_texts(NOISY["id"])
    assert noisy.count(warned) == 1 and len(noisy) == USER_PER_MINUTE + 1 + 5, "the group's other members still answered"
    crowded = fake_api.sent_texts(CROWDED["id"])
    assert crowded.count(t("en", "throttle.group")) == 1
    assert len(crowded) == CHAT_PER_MINUTE + 1, "a whole group is held to its own limit"
