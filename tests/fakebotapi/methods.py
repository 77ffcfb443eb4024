"""The Bot API methods the bot calls, each a function of the world and the request's parameters.

Why: one small function per method, registered by its Telegram name, so adding one the bot starts
to use is one function and one line. A method not listed answers 404, as on Telegram.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

from fakebotapi.validation import caption, check_markup, checked_text
from fakebotapi.wire import TelegramAPIError, Upload, bad_request, norm_chat
from fakebotapi.world import World

Method = Callable[[World, dict[str, Any]], Any | Awaitable[Any]]

SEND_METHODS: frozenset[str] = frozenset({"sendMessage", "sendPhoto", "sendDocument"})
"""Methods that create a message: subject to blocked/migrated chats and the send rate limit."""


def get_me(world: World, p: dict[str, Any]) -> dict[str, Any]:
    return {**world.bot_user(), "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": True, "can_connect_to_business": False, "has_main_web_app": False}


async def get_updates(world: World, p: dict[str, Any]) -> list[dict[str, Any]]:
    if world.webhook_url:
        raise TelegramAPIError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook "
                                    "to delete the webhook first")
    return await world.updates.get(p)


def set_webhook(world: World, p: dict[str, Any]) -> bool:
    url = p.get("url")
    if not isinstance(url, str):
        raise bad_request("bad webhook: URL is empty")
    world.webhook_url = url
    if p.get("drop_pending_updates") is True:
        world.updates.clear()
    return True


def delete_webhook(world: World, p: dict[str, Any]) -> bool:
    world.webhook_url = ""
    if p.get("drop_pending_updates") is True:
        world.updates.clear()
    return True


def set_my_commands(world: World, p: dict[str, Any]) -> bool:
    commands = p.get("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("commands must be a list of at most 100 BotCommand")
    for cmd in commands:
        if not re.fullmatch(r"[a-z0-9_]{1,32}", cmd.get("command", "") if isinstance(cmd, dict) else ""):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(cmd.get("description", "")) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    scope = json.dumps(p.get("scope") or {"type": "default"}, sort_keys=True)
    world.commands[(scope, str(p.get("language_code") or ""))] = commands
    return True


def _set_description(texts: dict[str, str], p: dict[str, Any], field: str, limit: int) -> bool:
    """setMyDescription / setMyShortDescription: one text per language_code, at most ``limit`` characters."""
    desc = str(p.get(field) or "")
    if len(desc) > limit:
        raise bad_request(f"{field.replace('_', ' ')} is too long")
    texts[str(p.get("language_code") or "")] = desc
    return True


def set_my_description(world: World, p: dict[str, Any]) -> bool:
    return _set_description(world.descriptions, p, "description", 512)


def set_my_short_description(world: World, p: dict[str, Any]) -> bool:
    return _set_description(world.short_descriptions, p, "short_description", 120)


def send_message(world: World, p: dict[str, Any]) -> dict[str, Any]:
    plain = checked_text(p.get("text"), p.get("parse_mode"))
    check_markup(p.get("reply_markup"))
    return world.new_message(p, {"text": plain})


def send_photo(world: World, p: dict[str, Any]) -> dict[str, Any]:
    text = caption(p)
    check_markup(p.get("reply_markup"))
    stored = world.file(p.get("photo"), "photos")
    w, h = stored.width, stored.height
    sizes = []
    for i, scale in enumerate((90, 320, max(w, h))):
        factor = min(1.0, scale / max(w, h))
        sizes.append({
            "file_id": stored.file_id if i == 2 else f"{stored.file_id}-s{i}",
            "file_unique_id": f"{stored.unique_id}{i}",
            "width": max(1, int(w * factor)),
            "height": max(1, int(h * factor)),
            "file_size": max(1, len(stored.data) * (i + 1) // 3),
        })
    return world.new_message(p, {"photo": sizes, **text})


def send_document(world: World, p: dict[str, Any]) -> dict[str, Any]:
    text = caption(p)
    check_markup(p.get("reply_markup"))
    value = p.get("document")
    stored = world.file(value, "documents")
    doc: dict[str, Any] = {"file_id": stored.file_id, "file_unique_id": stored.unique_id, "file_size": len(stored.data)}
    if isinstance(value, Upload):
        if value.filename:
            doc["file_name"] = value.filename
        if value.content_type:
            doc["mime_type"] = value.content_type
    return world.new_message(p, {"document": doc, **text})


def edit_message_text(world: World, p: dict[str, Any]) -> dict[str, Any] | bool:
    plain = checked_text(p.get("text"), p.get("parse_mode"))
    check_markup(p.get("reply_markup"))
    return world.edit(p, {"text": plain})


def edit_message_reply_markup(world: World, p: dict[str, Any]) -> dict[str, Any] | bool:
    check_markup(p.get("reply_markup"))
    return world.edit(p, {})


def answer_callback_query(world: World, p: dict[str, Any]) -> bool:
    text = p.get("text")
    if isinstance(text, str) and len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    world.answer_once(p.get("callback_query_id"))
    return True


def answer_inline_query(world: World, p: dict[str, Any]) -> bool:
    results = p.get("results")
    if not isinstance(results, list):
        raise bad_request("can't parse inline query results JSON object")
    if len(results) > 50:
        raise bad_request("RESULTS_TOO_MUCH")
    seen: set[str] = set()
    for result in results:
        if not isinstance(result, dict) or "type" not in result or "id" not in result:
            raise bad_request("can't parse inline query result")
        rid = str(result["id"])
        if not 1 <= len(rid.encode()) <= 64:
            raise bad_request("RESULT_ID_INVALID")
        if rid in seen:
            raise bad_request("RESULT_ID_DUPLICATE")
        seen.add(rid)
    world.answer_once(p.get("inline_query_id"))
    return True


def get_chat_member(world: World, p: dict[str, Any]) -> dict[str, Any]:
    key = norm_chat(p.get("chat_id"))
    user_id = p.get("user_id")
    if key is None:
        raise bad_request("chat_id is empty")
    if not isinstance(user_id, int):
        raise bad_request("invalid user_id specified")
    return world.member(key, user_id)


METHODS: dict[str, Method] = {
    "getMe": get_me,
    "getUpdates": get_updates,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "setMyCommands": set_my_commands,
    "setMyDescription": set_my_description,
    "setMyShortDescription": set_my_short_description,
    "sendMessage": send_message,
    "sendPhoto": send_photo,
    "sendDocument": send_document,
    "editMessageText": edit_message_text,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "answerCallbackQuery": answer_callback_query,
    "answerInlineQuery": answer_inline_query,
    "getChatMember": get_chat_member,
}
"""Every method the fake answers, by its Telegram name (matched case-insensitively, as Telegram does)."""
