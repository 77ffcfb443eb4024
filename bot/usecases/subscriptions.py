"""Subscribing, changing the settings and unsubscribing a chat, and what the chat is told about it.

Every change returns a `SubscriptionView`: the subscription as stored and when its next message
comes, so the confirmation shows the effect, not the request. Who may change a chat's settings
(its administrators) is asked of Telegram by the handler before it calls in here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.anniversaries import has_digest
from bot.model import LANGS
from bot.schedule import ScheduleError, local_today, next_delivery, parse_subscribe_args, parse_time, parse_zone
from bot.storage import Repository
from bot.store import FactStore
from bot.subscription import MODES, Mode, Subscription

DEFAULT_TIME = dt.time(9, 0)
DEFAULT_MODE: Mode = "anniversaries"
SETTINGS = ("mode", "time", "tz", "lang")
"""What a /settings button may change."""


@dataclass(frozen=True, slots=True)
class SubscriptionView:
    """A chat's subscription and when its next message comes (None: inactive, or nothing within a year)."""

    sub: Subscription
    next_at: dt.datetime | None
    created: bool = False
    resumed: bool = False
    """A settings button turned a paused subscription back on."""
    catch_up: bool = False
    """The next message is today's, sent at the next minute because today's time has already passed."""


async def view(repo: Repository, store: FactStore, sub: Subscription, now: dt.datetime,
               created: bool = False, resumed: bool = False) -> SubscriptionView:
    """The subscription with its next delivery: today counts while today's message is not served
    (a time already past is caught up by the next minute tick, bot.schedule.next_delivery, and
    the view says so)."""
    if not sub.active:
        return SubscriptionView(sub, None, created, resumed)
    today = local_today(sub.tz, now)
    served = await repo.delivery_status(sub.chat_id, today) not in (None, "failed")
    nxt = next_delivery(sub, now, served, lambda day: has_digest(store, day, sub.mode))
    catch_up = nxt is not None and nxt.date() == today and nxt.time().replace(second=0, microsecond=0) > sub.time
    return SubscriptionView(sub, nxt, created, resumed, catch_up)


async def subscribe(repo: Repository, store: FactStore, now: dt.datetime, *, chat_id: int, thread_id: int | None,
                    chat_type: str, lang: str, args: Sequence[str], default_tz: str) -> SubscriptionView:
    """Subscribe the chat, or re-subscribe it keeping its time, zone and mode unless the arguments
    ("[HH:MM] [zone]", any order) change them; the forum topic it was asked from is where the
    messages go. ScheduleError names the argument that could not be read."""
    at, tz = parse_subscribe_args(args)
    current = await repo.get_subscription(chat_id)
    sub = Subscription(
        chat_id=chat_id, thread_id=thread_id,
        time=at or (current.time if current else DEFAULT_TIME), tz=tz or (current.tz if current else default_tz),
        mode=current.mode if current else DEFAULT_MODE,
        lang=lang if lang in LANGS else "en",
        active=True, chat_type=chat_type,
    )
    await repo.upsert_subscription(sub)
    return await view(repo, store, sub, now, created=current is None)


async def current(repo: Repository, store: FactStore, now: dt.datetime, chat_id: int) -> SubscriptionView | None:
    """The chat's subscription (active or not) for /settings; None if it never subscribed."""
    sub = await repo.get_subscription(chat_id)
    return None if sub is None else await view(repo, store, sub, now)


async def change_setting(repo: Repository, store: FactStore, now: dt.datetime, chat_id: int,
                         field: str, value: str) -> SubscriptionView | None:
    """One /settings button: mode, time ("0700"), zone or language; pressing one also turns the
    subscription back on. Changing the language changes the chat's language as well. None when the
    chat has no subscription; ScheduleError("expired") for a value no button of ours carries."""
    sub = await repo.get_subscription(chat_id)
    if sub is None:
        return None
    resumed = not sub.active
    if field == "mode" and value in MODES:
        sub = dataclasses.replace(sub, mode=value)
    elif field == "time" and len(value) == 4:
        sub = dataclasses.replace(sub, time=parse_time(f"{value[:2]}:{value[2:]}"))
    elif field == "tz":
        sub = dataclasses.replace(sub, tz=parse_zone(value))
    elif field == "lang" and value in LANGS:
        await repo.set_language(chat_id, value)
        sub = dataclasses.replace(sub, lang=value)
    else:
        raise ScheduleError("expired", value)
    sub = dataclasses.replace(sub, active=True)
    await repo.upsert_subscription(sub)
    return await view(repo, store, sub, now, resumed=resumed)


Stopped = Literal["stopped", "already", "none"]


async def unsubscribe(repo: Repository, chat_id: int) -> Stopped:
    """Stop the chat's messages, keeping its settings for a later /subscribe: "stopped", or
    "already" (it was paused) or "none" (it never subscribed), so the reply can say which."""
    sub = await repo.get_subscription(chat_id)
    if sub is None:
        return "none"
    if not sub.active:
        return "already"
    return "stopped" if await repo.set_active(chat_id, False) else "none"
