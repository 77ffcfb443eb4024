"""Factories for Telegram update JSON dicts (what getUpdates returns).

Why: tests feed the bot through the fake Bot API as raw JSON, exactly as Telegram would,
so PTB's own de_json/filters/entity parsing are exercised. In the spirit of PTB's
``tests/auxil/build_messages.py`` but producing plain dicts, not PTB objects.

Conventions: ids auto-increment per process, timestamps are ints, entity offsets are in
UTF-16 code units (as Telegram counts them), ``update_id`` is left to
``FakeBotAPI.push_update`` unless given.
"""

from __future__ import annotations

import itertools
import re
import time
from typing import Any

__all__ = [
    "BOT_ID",
    "BOT_USERNAME",
    "GROUP_ANONYMOUS_BOT_ID",
    "make_anonymous_admin_message",
    "make_anonymous_admin_update",
    "make_bot_user",
    "make_callback_query_update",
    "make_channel_post_update",
    "make_chat",
    "make_command_update",
    "make_edited_message_update",
    "make_entities",
    "make_inline_query_update",
    "make_message",
    "make_photo_update",
    "make_sticker_update",
    "make_text_update",
    "make_update",
    "make_user",
    "make_voice_update",
    "utf16_len",
]

Json = dict[str, Any]

BOT_ID = 123456
"""Matches the id part of the default test token ``123456:TEST-token_abc``."""
BOT_USERNAME = "kzru_test_bot"
GROUP_ANONYMOUS_BOT_ID = 1087968824
DEFAULT_USER_ID = 1001

_message_ids = itertools.count(1)
_callback_ids = itertools.count(1)
_inline_ids = itertools.count(1)
_file_ids = itertools.count(1)

_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
_MENTION_RE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{4,32}\b")


def _now() -> int:
    return int(time.time())


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram entity offsets/lengths."""
    return len(text.encode("utf-16-le")) // 2


def make_user(
    id: int = DEFAULT_USER_ID,  # noqa: A002 - Telegram's field name
    language_code: str | None = "en",
    first_name: str | None = None,
    username: str | None = None,
    *,
    is_bot: bool = False,
    last_name: str | None = None,
) -> Json:
    """A User dict; first_name defaults to ``User<id>``."""
    user: Json = {"id": id, "is_bot": is_bot, "first_name": first_name or f"User{id}"}
    if last_name:
        user["last_name"] = last_name
    if username:
        user["username"] = username
    if language_code:
        user["language_code"] = language_code
    return user


def make_bot_user(id: int = BOT_ID, username: str = BOT_USERNAME) -> Json:  # noqa: A002
    """The bot itself as a User (author of messages the bot sent)."""
    return {"id": id, "is_bot": True, "first_name": "KZ-RU Test Bot", "username": username}


def make_chat(
    id: int = DEFAULT_USER_ID,  # noqa: A002
    type: str = "private",  # noqa: A002
    title: str | None = None,
    is_forum: bool = False,
    *,
    username: str | None = None,
    first_name: str | None = None,
) -> Json:
    """A Chat dict. Private chats get first_name, groups/channels a title."""
    if type not in ("private", "group", "supergroup", "channel"):
        raise ValueError(f"bad chat type {type!r}")
    chat: Json = {"id": id, "type": type}
    if type == "private":
        chat["first_name"] = first_name or f"User{id}"
    else:
        chat["title"] = title or f"{type.title()} {id}"
    if is_forum:
        if type != "supergroup":
            raise ValueError("only supergroups can be forums")
        chat["is_forum"] = True
    if username:
        chat["username"] = username
    return chat


def _private_chat_for(user: Json) -> Json:
    chat = make_chat(user["id"], "private", first_name=user.get("first_name"))
    if user.get("username"):
        chat["username"] = user["username"]
    return chat


def make_entities(text: str) -> list[Json]:
    """Entities Telegram would detect: bot_command at offset 0, mentions anywhere."""
    entities: list[Json] = []
    m = _COMMAND_RE.match(text)
    if m:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_len(m.group(0))})
    for mention in _MENTION_RE.finditer(text):
        if m and mention.start() < m.end():
            continue  # the @botname part of /cmd@botname
        entities.append(
            {
                "type": "mention",
                "offset": utf16_len(text[: mention.start()]),
                "length": utf16_len(mention.group(0)),
            }
        )
    return entities


def make_message(
    text: str | None = "hello",
    user: Json | None = None,
    chat: Json | None = None,
    message_id: int | None = None,
    reply_to: Json | None = None,
    thread_id: int | None = None,
    *,
    entities: list[Json] | None = None,
    date: int | None = None,
    sender_chat: Json | None = None,
    **extra: Any,
) -> Json:
    """A Message dict; chat defaults to the user's private chat, entities are auto-detected.

    ``text=None`` gives a message without text (for media factories); ``extra`` keys are
    merged in verbatim (e.g. ``photo=[...]``, ``caption="..."``).
    """
    if user is None and sender_chat is None and chat is not None and chat.get("type") == "channel":
        sender_chat = chat
    if user is None and sender_chat is None:
        user = make_user()
    if chat is None:
        chat = _private_chat_for(user) if user is not None else make_chat()
    msg: Json = {
        "message_id": message_id if message_id is not None else next(_message_ids),
        "date": date if date is not None else _now(),
        "chat": chat,
    }
    if user is not None:
        msg["from"] = user
    if sender_chat is not None:
        msg["sender_chat"] = sender_chat
    if thread_id is not None:
        msg["message_thread_id"] = thread_id
        if chat.get("is_forum"):
            msg["is_topic_message"] = True
    if reply_to is not None:
        msg["reply_to_message"] = {k: v for k, v in reply_to.items() if k != "reply_to_message"}
    if text is not None:
        msg["text"] = text
        ents = make_entities(text) if entities is None else entities
        if ents:
            msg["entities"] = ents
    msg.update(extra)
    return msg


def make_update(kind: str, payload: Json, update_id: int | None = None) -> Json:
    """Wrap a payload as ``{"update_id"?, kind: payload}``."""
    update: Json = {kind: payload}
    if update_id is not None:
        update["update_id"] = update_id
    return update


def make_text_update(
    text: str = "hello",
    user: Json | None = None,
    chat: Json | None = None,
    *,
    update_id: int | None = None,
    **message_kwargs: Any,
) -> Json:
    """An update with a new text message."""
    return make_update("message", make_message(text, user=user, chat=chat, **message_kwargs), update_id)


def make_command_update(
    command: str,
    args: str = "",
    user: Json | None = None,
    chat: Json | None = None,
    *,
    bot_username: str | None = None,
    update_id: int | None = None,
    **message_kwargs: Any,
) -> Json:
    """An update with ``/command[@bot_username] args``; ``command`` may include the slash."""
    name = command.lstrip("/")
    text = f"/{name}" + (f"@{bot_username}" if bot_username else "") + (f" {args}" if args else "")
    return make_text_update(text, user, chat, update_id=update_id, **message_kwargs)


def make_edited_message_update(
    text: str = "hello (edited)",
    user: Json | None = None,
    chat: Json | None = None,
    *,
    message_id: int | None = None,
    edit_date: int | None = None,
    update_id: int | None = None,
    **message_kwargs: Any,
) -> Json:
    """An ``edited_message`` update (edit_date set, date a minute earlier)."""
    edited = edit_date if edit_date is not None else _now()
    msg = make_message(text, user=user, chat=chat, message_id=message_id, date=edited - 60, **message_kwargs)
    msg["edit_date"] = edited
    return make_update("edited_message", msg, update_id)


def make_callback_query_update(
    data: str,
    message: Json | None = None,
    user: Json | None = None,
    *,
    inline_message_id: str | None = None,
    query_id: str | None = None,
    update_id: int | None = None,
) -> Json:
    """A ``callback_query`` update; the message defaults to a bot message with the button.

    Telegram rejects callback_data longer than 64 bytes, so this factory does too.
    """
    if len(data.encode("utf-8")) > 64:
        raise ValueError("callback_data longer than 64 bytes can't exist")
    user = user or make_user()
    query: Json = {
        "id": query_id or f"cbq-{next(_callback_ids)}",
        "from": user,
        "chat_instance": f"ci-{user['id']}",
        "data": data,
    }
    if inline_message_id is not None:
        query["inline_message_id"] = inline_message_id
    else:
        if message is None:
            message = make_message(
                "Choose:",
                user=make_bot_user(),
                chat=_private_chat_for(user),
                entities=[],
                reply_markup={"inline_keyboard": [[{"text": "Button", "callback_data": data}]]},
            )
        query["message"] = message
    return make_update("callback_query", query, update_id)


def make_inline_query_update(
    query: str = "",
    user: Json | None = None,
    *,
    offset: str = "",
    chat_type: str | None = "sender",
    query_id: str | None = None,
    update_id: int | None = None,
) -> Json:
    """An ``inline_query`` update."""
    payload: Json = {
        "id": query_id or f"iq-{next(_inline_ids)}",
        "from": user or make_user(),
        "query": query,
        "offset": offset,
    }
    if chat_type:
        payload["chat_type"] = chat_type
    return make_update("inline_query", payload, update_id)


def _file_ids_pair(prefix: str) -> tuple[str, str]:
    n = next(_file_ids)
    return f"{prefix}-{n:06d}", f"U{prefix}{n:06d}"


def make_sticker_update(
    user: Json | None = None,
    chat: Json | None = None,
    emoji: str = "👍",
    *,
    update_id: int | None = None,
) -> Json:
    """A message with a regular static sticker."""
    fid, uid = _file_ids_pair("STK")
    sticker = {
        "file_id": fid,
        "file_unique_id": uid,
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": emoji,
    }
    return make_update("message", make_message(None, user=user, chat=chat, sticker=sticker), update_id)


def make_photo_update(
    user: Json | None = None,
    chat: Json | None = None,
    caption: str | None = None,
    *,
    update_id: int | None = None,
) -> Json:
    """A message with a photo (three sizes) and optional caption."""
    fid, uid = _file_ids_pair("PHO")
    sizes = [
        {
            "file_id": f"{fid}-{i}",
            "file_unique_id": f"{uid}{i}",
            "width": w,
            "height": h,
            "file_size": w * h // 10,
        }
        for i, (w, h) in enumerate(((90, 67), (320, 240), (1280, 960)))
    ]
    extra: Json = {"photo": sizes}
    if caption:
        extra["caption"] = caption
        ents = make_entities(caption)
        if ents:
            extra["caption_entities"] = ents
    return make_update("message", make_message(None, user=user, chat=chat, **extra), update_id)


def make_voice_update(
    user: Json | None = None,
    chat: Json | None = None,
    duration: int = 3,
    *,
    update_id: int | None = None,
) -> Json:
    """A message with a voice note (OGG/Opus)."""
    fid, uid = _file_ids_pair("VOI")
    voice = {
        "file_id": fid,
        "file_unique_id": uid,
        "duration": duration,
        "mime_type": "audio/ogg",
        "file_size": duration * 4000,
    }
    return make_update("message", make_message(None, user=user, chat=chat, voice=voice), update_id)


def make_channel_post_update(
    text: str = "channel post",
    chat: Json | None = None,
    *,
    update_id: int | None = None,
    **message_kwargs: Any,
) -> Json:
    """A ``channel_post`` update: no ``from``, sender_chat is the channel."""
    chat = chat or make_chat(-1001000000001, "channel", "Test Channel")
    msg = make_message(text, user=None, chat=chat, sender_chat=chat, **message_kwargs)
    return make_update("channel_post", msg, update_id)


def make_anonymous_admin_message(
    text: str = "hello from an anonymous admin",
    chat: Json | None = None,
    **message_kwargs: Any,
) -> Json:
    """A group message sent by an anonymous admin: from=GroupAnonymousBot, sender_chat=the group."""
    chat = chat or make_chat(-1001000000002, "supergroup", "Test Group")
    anon = {
        "id": GROUP_ANONYMOUS_BOT_ID,
        "is_bot": True,
        "first_name": "Group",
        "username": "GroupAnonymousBot",
    }
    return make_message(text, user=anon, chat=chat, sender_chat=chat, **message_kwargs)


def make_anonymous_admin_update(
    text: str = "hello from an anonymous admin",
    chat: Json | None = None,
    *,
    update_id: int | None = None,
    **message_kwargs: Any,
) -> Json:
    """make_anonymous_admin_message wrapped in a ``message`` update."""
    return make_update("message", make_anonymous_admin_message(text, chat, **message_kwargs), update_id)
