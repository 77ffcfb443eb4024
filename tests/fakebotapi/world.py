"""The chat world as the fake knows it: the bot, users, chats, messages, admins, uploaded files.

Why: answers must be consistent the way Telegram's are (message ids per chat, edits of the
message a button sits on, "message is not modified", who is an admin), learned from the pushed
updates and from what the bot sent.
"""

from __future__ import annotations

import itertools
import struct
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from fakebotapi.updates import UpdateQueue
from fakebotapi.wire import Upload, bad_request, norm_chat


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) >= 24 and data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    return None


@dataclass(frozen=True, slots=True)
class StoredFile:
    """An uploaded file, reusable by its file_id as on Telegram."""

    file_id: str
    unique_id: str
    data: bytes
    width: int = 800
    height: int = 600


@dataclass
class World:
    """Everything Telegram would remember between requests, for one bot."""

    bot_id: int
    username: str
    first_name: str = "KZ-RU Test Bot"
    updates: UpdateQueue = field(default_factory=UpdateQueue)
    chats: dict[int, dict[str, Any]] = field(default_factory=dict)
    users: dict[int, dict[str, Any]] = field(default_factory=dict)
    messages: dict[tuple[int, int], dict[str, Any]] = field(default_factory=dict)
    last_message_id: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    admins: dict[int, set[int]] = field(default_factory=dict)
    answered_queries: set[str] = field(default_factory=set)
    files: dict[str, StoredFile] = field(default_factory=dict)
    file_seq: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    webhook_url: str = ""
    commands: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    """setMyCommands by (scope as sorted JSON, language_code)."""
    descriptions: dict[str, str] = field(default_factory=dict)
    short_descriptions: dict[str, str] = field(default_factory=dict)

    def learn(self, obj: Any) -> None:
        """Remember the users, chat and message an update carries (a callback query's message too)."""
        if not isinstance(obj, dict):
            return
        user = obj.get("from")
        if isinstance(user, dict) and isinstance(user.get("id"), int):
            self.users[user["id"]] = user
        msg = obj.get("message") if "chat_instance" in obj else obj
        if isinstance(msg, dict) and isinstance(msg.get("chat"), dict):
            chat = msg["chat"]
            cid = norm_chat(chat.get("id"))
            if cid is not None:
                self.chats[cid] = chat  # updates are authoritative about chat type/title
                mid = msg.get("message_id")
                if isinstance(mid, int):
                    self.last_message_id[cid] = max(self.last_message_id[cid], mid)
                    self.messages.setdefault((cid, mid), msg)
            sender = msg.get("from")
            if isinstance(sender, dict) and isinstance(sender.get("id"), int):
                self.users.setdefault(sender["id"], sender)

    def bot_user(self) -> dict[str, Any]:
        """The bot as a User dict (what getMe returns, minus capability flags)."""
        return {"id": self.bot_id, "is_bot": True, "first_name": self.first_name, "username": self.username}

    def chat(self, key: int) -> dict[str, Any]:
        """A known chat, or the private chat / supergroup its id implies."""
        chat = self.chats.get(key)
        if chat is None:
            if key > 0:
                name = self.users.get(key, {}).get("first_name", f"User{key}")
                chat = {"id": key, "type": "private", "first_name": name}
            else:
                chat = {"id": key, "type": "supergroup", "title": f"Group {key}"}
            self.chats[key] = chat
        return chat

    def member(self, key: int, user_id: int) -> dict[str, Any]:
        """getChatMember: "administrator" for the chat's admins, "member" for everyone else."""
        user = self.users.get(user_id) or {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
        if user_id not in self.admins.get(key, ()):
            return {"status": "member", "user": user}
        return {
            "status": "administrator", "user": user, "can_be_edited": False, "is_anonymous": False,
            "can_manage_chat": True, "can_delete_messages": True, "can_manage_video_chats": True,
            "can_restrict_members": True, "can_promote_members": False, "can_change_info": True,
            "can_invite_users": True, "can_post_stories": False, "can_edit_stories": False,
            "can_delete_stories": False, "can_pin_messages": True, "can_manage_topics": False,
        }

    def new_message(self, p: dict[str, Any], content: dict[str, Any]) -> dict[str, Any]:
        """A message the bot sent: the chat's next id, its thread, the message it replies to, its buttons."""
        key = norm_chat(p.get("chat_id"))
        if key is None:
            raise bad_request("chat_id is empty")
        chat = self.chat(key)
        self.last_message_id[key] += 1
        mid = self.last_message_id[key]
        msg: dict[str, Any] = {"message_id": mid, "from": self.bot_user(), "chat": chat, "date": int(time.time())}
        thread = p.get("message_thread_id")
        if isinstance(thread, int):
            msg["message_thread_id"] = thread
            if chat.get("is_forum"):
                msg["is_topic_message"] = True
        reply = p.get("reply_parameters")
        reply_id = reply.get("message_id") if isinstance(reply, dict) else None
        replied = self.messages.get((key, reply_id)) if isinstance(reply_id, int) else None
        if replied is not None:
            msg["reply_to_message"] = {k: v for k, v in replied.items() if k != "reply_to_message"}
        markup = p.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            msg["reply_markup"] = markup
        msg.update(content)
        self.messages[(key, mid)] = msg
        return msg

    def edit(self, p: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any] | bool:
        """Edit a known message (True for an inline message); Telegram's 400s for the usual mistakes."""
        if p.get("inline_message_id"):
            return True
        key = norm_chat(p.get("chat_id"))
        mid = p.get("message_id")
        if key is None:
            raise bad_request("chat_id is empty")
        if not isinstance(mid, int) or (stored := self.messages.get((key, mid))) is None:
            raise bad_request("message to edit not found")
        sender = stored.get("from")
        if isinstance(sender, dict) and sender.get("is_bot") is False:
            raise bad_request("message can't be edited")
        new = {**stored, **changes}
        markup = p.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            new["reply_markup"] = markup
        else:
            new.pop("reply_markup", None)
        if all(stored.get(k) == v for k, v in changes.items()) and stored.get("reply_markup") == new.get("reply_markup"):
            raise bad_request("message is not modified: specified new message content and reply markup are exactly the "
                              "same as a current content and reply markup of the message")
        new["edit_date"] = int(time.time())
        self.messages[(key, mid)] = new
        return new

    def file(self, value: Any, kind: str) -> StoredFile:
        """The file a send names: new bytes uploaded now, or a file_id of an earlier upload."""
        if isinstance(value, Upload):
            n = next(self.file_seq)
            width, height = _png_size(value.data) or (800, 600)
            stored = StoredFile(f"FAKE{kind[:3].upper()}-{n:06d}-{self.bot_id}", f"U{n:08d}", value.data, width, height)
            self.files[stored.file_id] = stored
            return stored
        known = self.files.get(value) if isinstance(value, str) else None
        if known is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        return known

    def answer_once(self, query_id: Any) -> None:
        """A callback or inline query can be answered once."""
        if not isinstance(query_id, str) or not query_id or query_id in self.answered_queries:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        self.answered_queries.add(query_id)
