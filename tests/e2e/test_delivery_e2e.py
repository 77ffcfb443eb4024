"""End to end: the running bot's own Broadcaster, driven minute by minute at chosen instants.

Subscriptions are made through /subscribe and the /settings buttons; deliveries go through the
real PTB bot to the fake Bot API, which validates every message (HTML, 4096 characters). The
tick is the bot's own run_due called with a chosen "now", and the bot's own clock (Services.now,
which its minute tick reads) is pinned, so nothing here depends on the date or the time the tests
run at; midnight on both sides of the date line, DST changes and downtime take no real time, and
waits for a flood limit run on a fake clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager
from html import escape
from pathlib import Path

import pytest
from botharness import real_store, running_bot
from factories import BOT_ID, make_callback_query_update, make_chat, make_command_update, make_message, make_user
from fakebotapi import FakeBotAPI, Fault
from fakeclock import FakeClock
from telegram.ext import Application

from bot.anniversaries import build_digest, next_anniversary, on_day
from bot.dates import format_day, format_month_day
from bot.delivery import Broadcaster, OutcomeKind, Sender, SendOutcome
from bot.model import Citation, Fact, PartialDate
from bot.outgoing import Keyboard
from bot.storage import Repository
from bot.store import FactStore
from bot.subscription import Subscription
from handlers.digest import make_renderer
from handlers.sender import PTBSender

DIPLOMATIC = dt.date(2026, 10, 22)  # diplomatic relations, 1992: 34 years


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)


def minutes(start: dt.datetime, end: dt.datetime) -> Iterator[dt.datetime]:
    """Every minute from start to end inclusive: the ticks a bot running all along would make."""
    while start <= end:
        yield start
        start += dt.timedelta(minutes=1)


PINNED = utc(2026, 10, 22, 9, 30)
"""The bot's own clock in these tests (22 October: an anniversary, 1992)."""


def bot(api: FakeBotAPI, tmp_path: Path) -> AbstractAsyncContextManager[Application]:  # type: ignore[type-arg]
    """The real bot at a pinned instant, its minute tick stopped, so only the test's chosen instants deliver."""
    return running_bot(api, tmp_path, now=lambda: PINNED, tick=False)


def broadcaster(app: Application) -> Broadcaster:  # type: ignore[type-arg]
    found = app.bot_data.services.broadcaster
    assert found is not None
    return found


async def subscribe(api: FakeBotAPI, user_id: int, args: str, mode: str | None = None, lang: str = "en") -> str:
    """/subscribe (and a mode button) as the user would; the confirmation text."""
    user = make_user(user_id, language_code=lang)
    mark = api.mark()
    api.push_update(make_command_update("/subscribe", args, user=user))
    [reply] = await api.wait_for("sendMessage", lambda c: c.chat_id == user_id, since=mark)
    if mode is None:
        return str(reply.params["text"])
    msg = make_message("settings", user={"id": BOT_ID, "is_bot": True, "first_name": "kzru"},
                       chat=make_chat(user_id, "private"), message_id=reply.result["message_id"])
    mark = api.mark()
    api.push_update(make_callback_query_update(f"s1:mode:{mode}", message=msg, user=user))
    [edit] = await api.wait_for("editMessageText", lambda c: c.chat_id == user_id, since=mark)
    return str(edit.params["text"])


async def tick_through(app: Application, api: FakeBotAPI, moments: Iterator[dt.datetime]) -> dict[int, list[dt.datetime]]:  # type: ignore[type-arg]
    """Run the minute tick at each moment; for each chat, the moments at which it got a message."""
    got: dict[int, list[dt.datetime]] = {}
    for now in moments:
        before = api.sent_counts()
        await broadcaster(app).run_due(now)
        for chat, count in api.sent_counts().items():
            if count > before.get(chat, 0):
                got.setdefault(int(chat), []).extend([now] * (count - before.get(chat, 0)))
    return got


def delivered(api: FakeBotAPI, chat: int) -> list[str]:
    """What the chat got after its /subscribe confirmation."""
    return api.sent_texts(chat)[1:]


async def test_both_sides_of_the_date_line_get_their_own_local_date(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    east, west = 701, 702  # UTC+14 and UTC-11: at any instant their dates differ by a day
    async with bot(fake_api, tmp_path) as app:
        await subscribe(fake_api, east, "09:00 Pacific/Kiritimati", "daily")
        await subscribe(fake_api, west, "09:00 Pacific/Pago_Pago", "daily")
        got = await tick_through(app, fake_api, minutes(utc(2026, 10, 21, 18, 58), utc(2026, 10, 22, 20, 1)))
    # 09:00 in Kiritimati is 19:00 UTC the day before; in Pago Pago it is 20:00 UTC the same day.
    assert got[east] == [utc(2026, 10, 21, 19, 0), utc(2026, 10, 22, 19, 0)]
    assert got[west] == [utc(2026, 10, 21, 20, 0), utc(2026, 10, 22, 20, 0)]
    east_texts, west_texts = delivered(fake_api, east), delivered(fake_api, west)
    assert format_day(dt.date(2026, 10, 22), "en") in east_texts[0] and format_day(dt.date(2026, 10, 23), "en") in east_texts[1]
    assert format_day(dt.date(2026, 10, 21), "en") in west_texts[0] and format_day(dt.date(2026, 10, 22), "en") in west_texts[1]
    assert "1992" in east_texts[0] and "1992" in west_texts[1], "22 October's anniversary, on each chat's own 22 October"


async def test_dst_changes_deliver_once_at_the_local_time(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    night, morning = 711, 712
    async with bot(fake_api, tmp_path) as app:
        await subscribe(fake_api, night, "02:30 Europe/Berlin", "daily")
        await subscribe(fake_api, morning, "09:00 Europe/Berlin", "daily")
        # 29 March 2026: 02:00 CET jumps to 03:00 CEST, so 02:30 never happens.
        spring = await tick_through(app, fake_api, minutes(utc(2026, 3, 28, 23, 50), utc(2026, 3, 29, 7, 5)))
        # 25 October 2026: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice.
        autumn = await tick_through(app, fake_api, minutes(utc(2026, 10, 24, 23, 50), utc(2026, 10, 25, 8, 5)))
    assert spring[night] == [utc(2026, 3, 29, 1, 0)], "the skipped 02:30 fires when the gap ends, 03:00 CEST"
    assert spring[morning] == [utc(2026, 3, 29, 7, 0)], "09:00 CEST"
    assert autumn[night] == [utc(2026, 10, 25, 0, 30)], "the first 02:30 (CEST), not the second"
    assert autumn[morning] == [utc(2026, 10, 25, 8, 0)], "09:00 CET"
    assert format_day(dt.date(2026, 3, 29), "en") in delivered(fake_api, night)[0]


async def test_catch_up_after_downtime_the_same_local_day_never_the_next(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    chat = 721
    async with bot(fake_api, tmp_path):
        await subscribe(fake_api, chat, "09:00 Asia/Almaty", "daily")
    async with bot(fake_api, tmp_path) as app:  # down at 09:00 (04:00 UTC), back at 15:00 local
        got = await tick_through(app, fake_api, minutes(utc(2026, 10, 22, 10, 0), utc(2026, 10, 22, 10, 5)))
        assert got == {chat: [utc(2026, 10, 22, 10, 0)]}
        assert format_day(dt.date(2026, 10, 22), "en") in delivered(fake_api, chat)[0]
    async with bot(fake_api, tmp_path) as app:  # down all of 23 October, back at 08:00 on the 24th
        got = await tick_through(app, fake_api, minutes(utc(2026, 10, 24, 3, 0), utc(2026, 10, 24, 4, 1)))
        repo: Repository = app.bot_data.services.repo
        assert await repo.delivery_status(chat, dt.date(2026, 10, 23)) is None, "the missed day is not sent late"
    assert got == {chat: [utc(2026, 10, 24, 4, 0)]}
    assert len(delivered(fake_api, chat)) == 2 and format_day(dt.date(2026, 10, 24), "en") in delivered(fake_api, chat)[1]


def first_day(found: bool, start: dt.date = dt.date(2026, 1, 1)) -> dt.date:
    """The first day from `start` that has (or has no) anniversaries in the real data."""
    store = real_store()
    day = start
    while bool(on_day(store, day)) != found:
        day += dt.timedelta(days=1)
    return day


async def test_modes_on_days_with_and_without_anniversaries(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    quiet, daily, weekly = 731, 732, 733
    empty = first_day(False)
    monday = next(d for d in (dt.date(2026, 1, 5) + dt.timedelta(weeks=w) for w in range(60))
                  if build_digest(real_store(), d, "weekly") is not None)
    async with bot(fake_api, tmp_path) as app:
        for user in (quiet, daily, weekly):
            await subscribe(fake_api, user, "09:00 UTC", {quiet: None, daily: "daily", weekly: "weekly"}[user])
        fake_api.clear()
        repo: Repository = app.bot_data.services.repo
        await broadcaster(app).run_due(utc(empty.year, empty.month, empty.day, 9))
        assert fake_api.sent_count(quiet) == 0, "no message on a day without anniversaries by default"
        assert await repo.delivery_status(quiet, empty) == "skipped"
        for day in (monday - dt.timedelta(days=1), monday + dt.timedelta(days=1)):
            await broadcaster(app).run_due(utc(day.year, day.month, day.day, 9))
        assert fake_api.sent_count(weekly) == 0, "weekly mode sends on Mondays only"
        await broadcaster(app).run_due(utc(monday.year, monday.month, monday.day, 9))
        await broadcaster(app).run_due(utc(DIPLOMATIC.year, DIPLOMATIC.month, DIPLOMATIC.day, 9))
    assert fake_api.sent_count(weekly) == 1
    week_end = format_day(monday + dt.timedelta(days=6), "en")
    assert escape(f"This week's anniversaries, {format_day(monday, 'en')} – {week_end}") in fake_api.sent_texts(weekly)[0]
    nxt = next_anniversary(real_store(), empty)
    assert nxt is not None
    expected = f"Next anniversary: {format_month_day(nxt[0].month, nxt[0].day, 'en')}, in {nxt[1]} days"
    assert expected in fake_api.sent_texts(daily)[0], "daily mode names the next anniversary and how far"
    ticked = (empty, monday - dt.timedelta(days=1), monday + dt.timedelta(days=1), monday, DIPLOMATIC)
    assert fake_api.sent_count(quiet) == sum(1 for day in ticked if on_day(real_store(), day)), "one per day that has some"
    assert "1992" in fake_api.sent_texts(quiet)[-1]


async def test_round_anniversaries_are_marked_and_years_counted(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    chat = 741
    async with bot(fake_api, tmp_path) as app:
        await subscribe(fake_api, chat, "09:00 UTC")
        await broadcaster(app).run_due(utc(2022, 10, 22, 9))  # 30 years: round
        await broadcaster(app).run_due(utc(2026, 10, 22, 9))  # 34 years
    thirty, thirty_four = delivered(fake_api, chat)
    assert "30 years ago 🎉 <b>round anniversary</b>" in thirty
    assert "34 years ago" in thirty_four and "round anniversary" not in thirty_four
    assert all(item.years_ago == 34 and not item.is_round for item in on_day(real_store(), DIPLOMATIC))


class RecordingSender:
    """The bot's own sender, noting on the fake clock when each send starts and how it ended, in event order."""

    def __init__(self, inner: Sender, clock: FakeClock) -> None:
        self.inner, self.clock = inner, clock
        self.events: list[tuple[str, int, float, OutcomeKind | None]] = []

    async def send(self, chat_id: int, thread_id: int | None, text: str, keyboard: Keyboard = ()) -> SendOutcome:
        self.events.append(("start", chat_id, self.clock.now, None))
        outcome = await self.inner.send(chat_id, thread_id, text, keyboard)
        self.events.append(("end", chat_id, self.clock.now, outcome.kind))
        return outcome


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_flood_control_retry_after_is_honoured(fake_api: FakeBotAPI, tmp_path: Path, clock: FakeClock) -> None:
    """A 429 with retry_after=1 holds every send started after it for a second (on a fake clock)."""
    chats = list(range(751, 761))
    async with bot(fake_api, tmp_path) as app:
        for chat in chats:
            await subscribe(fake_api, chat, "09:00 UTC")
        fake_api.clear()
        fake_api.script("sendMessage", Fault.error(429, retry_after=1))
        own = broadcaster(app)
        sender = RecordingSender(own.sender, clock)
        paced = Broadcaster(own.repo, own.store, sender, own.render, clock=clock, sleep=clock.sleep)
        summary = await paced.run_due(utc(2026, 10, 22, 9))
    assert fake_api.calls_of("sendMessage")[0].status == 429 and summary.retried_429 == 1 and summary.sent == 10
    assert all(fake_api.sent_count(chat) == 1 for chat in chats), "nothing lost, nothing doubled"
    flood = next(i for i, event in enumerate(sender.events) if event[3] is OutcomeKind.RETRY_AFTER)
    flood_at = sender.events[flood][2]
    # Sends already on the wire when the 429 came back may finish; every send started after it waited it out.
    later = [at for kind, _chat, at, _outcome in sender.events[flood + 1:] if kind == "start"]
    assert later and min(later) >= flood_at + 1.0, (flood_at, later)


async def test_at_most_20_messages_a_minute_to_one_group(fake_api: FakeBotAPI, tmp_path: Path, clock: FakeClock) -> None:
    """A message split into 25 parts: the group window holds it to 20 in any minute (on a fake clock)."""
    group = -100777
    fake_api.add_chat(make_chat(group, "supergroup"))
    seen: list[float] = []
    fake_api.add_listener(lambda call: seen.append(clock.now) if call.method == "sendMessage" and call.delivered else None)
    async with bot(fake_api, tmp_path) as app:
        repo: Repository = app.bot_data.services.repo
        await repo.upsert_subscription(Subscription(group, None, dt.time(9), "UTC", "daily", "en", chat_type="supergroup"))
        parts = [f"part {i}" for i in range(25)]
        slow = Broadcaster(repo, real_store(), PTBSender(app.bot), lambda sub, digest: parts,
                           rate_per_second=1000, clock=clock, sleep=clock.sleep)
        summary = await slow.run_due(utc(2026, 10, 22, 9))
    assert summary.sent == 1 and fake_api.sent_texts(group) == parts
    assert all(len([t for t in seen if start <= t < start + 60.0]) <= 20 for start in seen)
    assert seen[-1] >= 60.0


def crowded_store(count: int) -> FactStore:
    """Many long anniversaries on 22 October, so the day's message is far over 4096 characters."""
    real = real_store()
    source = next(iter(real.sources))
    facts = [
        Fact(id=f"ev-crowd-{i}", kind="event", title={lang: f"{lang} event {i} " + "<&> " * 40 for lang in ("kk", "ru", "en")},
             text={lang: "" for lang in ("kk", "ru", "en")}, date=PartialDate.parse(f"{1950 + i}-10-22"),
             cite=(Citation(source, i + 1),))
        for i in range(count)
    ]
    return FactStore(facts, list(real.sources.values()))


async def test_an_overlong_message_is_split_and_every_part_is_valid(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    chat = 761
    store = crowded_store(60)
    async with bot(fake_api, tmp_path) as app:
        repo: Repository = app.bot_data.services.repo
        await repo.upsert_subscription(Subscription(chat, None, dt.time(9), "UTC", "anniversaries", "ru"))
        split = Broadcaster(repo, store, PTBSender(app.bot), make_renderer(store.sources), rate_per_second=100)
        summary = await split.run_due(utc(2026, 10, 22, 9))
        assert await repo.delivery_status(chat, DIPLOMATIC) == "sent"
    texts = fake_api.sent_texts(chat)
    assert summary.sent == 1 and len(texts) > 1, "one delivery, several parts"
    assert all(call.ok for call in fake_api.calls_of("sendMessage")), "the fake accepted every part (HTML, length)"
    assert all(len(text) <= 4096 for text in texts)
    joined = "\n".join(texts)
    assert all(f"ru event {i} " in joined for i in range(60)) and joined.index("ru event 0 ") < joined.index("ru event 59 ")


async def test_the_minute_tick_delivers_at_the_bot_clock(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    """The bot's minute tick reads the bot's clock (Services.now), pinned here to 09:30 UTC on 22 October."""
    chat = 771
    async with bot(fake_api, tmp_path) as app:
        await subscribe(fake_api, chat, "09:00 UTC", "daily")
        ticker = app.bot_data.services.ticker
        assert ticker is not None and ticker.interval == 60.0
        await ticker.step()
        await ticker.step()
    assert fake_api.sent_count(chat) == 2, "the confirmation and one message: the second tick sends nothing"
    assert format_day(PINNED.date(), "en") in fake_api.sent_texts(chat)[1] and "1992" in fake_api.sent_texts(chat)[1]
