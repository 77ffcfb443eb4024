"""A fake Telegram Bot API server for offline tests and benchmarks.

Why: the bot must be exercised end to end (real PTB ``Application``, real HTTP, real
long polling) without network access, and with reproducible failures (flood limits, 5xx,
dropped connections, outages) that are impossible to provoke against the real Telegram.

The server speaks the same wire format as ``api.telegram.org``: ``/bot<token>/<method>``
with JSON, urlencoded or multipart bodies, answers ``{"ok": true, "result": ...}`` or
``{"ok": false, "error_code": ..., "description": ..., "parameters": {...}}``, and
validates the most common mistakes (empty text, too-long text, broken HTML / MarkdownV2,
``message is not modified``, 64-byte callback data, double-answered callback queries).

It deliberately imports nothing from ``telegram`` so that it tests PTB instead of
mirroring it. Everything runs on one asyncio loop; call the public methods from that loop.
"""

from __future__ import annotations

import asyncio
import html
import inspect
import itertools
import json
import logging
import random
import re
import socket
import struct
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from aiohttp.web_request import FileField

__all__ = [
    "GROUP_ANONYMOUS_BOT_ID",
    "Call",
    "FakeBotAPI",
    "Fault",
    "TelegramAPIError",
    "Upload",
]

_LOG = logging.getLogger(__name__)

GROUP_ANONYMOUS_BOT_ID = 1087968824
"""User id Telegram puts in ``from`` of messages sent by anonymous group admins."""

# Methods that create a message in a chat: subject to the send-rate limiter and counted
# as "delivered" when answered successfully.
SEND_METHODS: frozenset[str] = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendSticker",
        "sendVoice",
        "sendLocation",
        "copyMessage",
        "forwardMessage",
    }
)

# Update types Telegram leaves out unless explicitly listed in allowed_updates.
_NOT_DEFAULT_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})

# Parameters that are plain strings in the Bot API and must never be JSON-decoded even if
# they look like numbers ("123") or booleans ("true").
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_query_id",
        "inline_message_id",
        "description",
        "short_description",
        "name",
        "language_code",
        "url",
        "action",
        "next_offset",
        "title",
        "emoji",
        "secret_token",
        "business_connection_id",
        "message_effect_id",
        "custom_title",
        "photo",
        "document",
        "sticker",
        "voice",
        "file_id",
        "query",
        "switch_pm_text",
        "switch_pm_parameter",
        "address",
        "first_name",
        "last_name",
        "phone_number",
        "question",
        "explanation",
    }
)

_DEFAULT_DESCRIPTIONS: dict[int, str] = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    429: "Too Many Requests: retry after {retry_after}",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}

_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)

_HTML_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "tg-emoji",
        "code",
        "pre",
        "blockquote",
        "tg-time",
    }
)
_HTML_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[^<>]*)?)\s*>")
_HTML_ENTITY_RE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|lt|gt|amp|quot);")
# MarkdownV2 characters that are always an error when unescaped outside code/pre/link-URL.
_MDV2_ALWAYS_RESERVED = frozenset("#+-={}.!")

_TRUE_METHODS: tuple[str, ...] = (
    "setChatMenuButton",
    "setMyDefaultAdministratorRights",
    "pinChatMessage",
    "unpinChatMessage",
    "unpinAllChatMessages",
    "leaveChat",
    "banChatMember",
    "unbanChatMember",
    "restrictChatMember",
    "setMessageReaction",
    "approveChatJoinRequest",
    "declineChatJoinRequest",
)


class TelegramAPIError(Exception):
    """Raised by method handlers to answer with a Telegram-shaped error.

    Why: lets custom handlers (``FakeBotAPI.set_handler``) fail exactly like Telegram does.
    """

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(f"{code} {description}")
        self.code = code
        self.description = description
        self.parameters = parameters or {}

    def payload(self) -> dict[str, Any]:
        """The JSON body Telegram would send."""
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = dict(self.parameters)
        return body


def _bad_request(reason: str) -> TelegramAPIError:
    return TelegramAPIError(400, f"Bad Request: {reason}")


@dataclass(frozen=True, slots=True)
class Upload:
    """A file that arrived as a multipart part (the bot uploaded bytes)."""

    field: str
    filename: str | None
    content_type: str | None
    data: bytes

    def __repr__(self) -> str:
        return f"Upload({self.field!r}, {self.filename!r}, {len(self.data)} bytes)"


@dataclass(slots=True)
class Call:
    """One recorded API request.

    ``at`` is ``time.monotonic()`` when the request arrived, ``done_at`` when it was answered
    (or dropped). ``status`` is the HTTP status sent, 0 when the connection was dropped.
    ``delivered`` is True when a send method created a message (also for sent_then_drop).
    """

    method: str
    params: dict[str, Any]
    at: float
    seq: int = 0
    status: int = 200
    result: Any = None
    error: dict[str, Any] | None = None
    fault: str | None = None
    delivered: bool = False
    done_at: float = 0.0
    files: dict[str, Upload] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the client got a successful answer."""
        return self.status == 200

    @property
    def chat_id(self) -> int | str | None:
        """Normalised ``chat_id`` parameter (int when numeric)."""
        return _norm_chat(self.params.get("chat_id"))

    def short(self) -> str:
        """One-line summary for assertion messages."""
        shown = {k: v for k, v in self.params.items() if k not in ("reply_markup",)}
        text = json.dumps(shown, ensure_ascii=False, default=repr)
        if len(text) > 160:
            text = text[:157] + "..."
        outcome = "ok" if self.ok else (f"HTTP {self.status}" if self.status else "DROPPED")
        if self.fault:
            outcome += f" [{self.fault}]"
        if self.delivered and not self.ok:
            outcome += " (delivered)"
        return f"#{self.seq} {self.method} {outcome} {text}"


@dataclass(frozen=True, slots=True)
class Fault:
    """A one-shot failure injected into the answer of one request.

    Why: PTB's error mapping, retries and the bot's idempotency must be tested against the
    failure shapes Telegram actually produces.
    """

    kind: str  # "error" | "delay" | "drop" | "delay_then_drop" | "sent_then_drop" | "raw"
    code: int = 0
    description: str | None = None
    retry_after: int | None = None
    migrate_to_chat_id: int | None = None
    seconds: float = 0.0
    body: bytes = b""
    content_type: str = "text/html"

    @classmethod
    def error(
        cls,
        code: int,
        description: str | None = None,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
    ) -> Fault:
        """Answer with a Telegram error JSON (429 gets retry_after=1 unless given)."""
        if code == 429 and retry_after is None:
            retry_after = 1
        return cls("error", code, description, retry_after, migrate_to_chat_id)

    @classmethod
    def delay(cls, seconds: float) -> Fault:
        """Wait, then answer normally (use > client read timeout to provoke TimedOut)."""
        return cls("delay", seconds=seconds)

    @classmethod
    def drop(cls) -> Fault:
        """Read the request, then close the connection without answering; nothing delivered."""
        return cls("drop")

    @classmethod
    def delay_then_drop(cls, seconds: float) -> Fault:
        """Wait, then close the connection without answering; nothing delivered."""
        return cls("delay_then_drop", seconds=seconds)

    @classmethod
    def sent_then_drop(cls) -> Fault:
        """Process normally (message delivered), then drop: the 'outcome unknown' case."""
        return cls("sent_then_drop")

    @classmethod
    def raw(cls, status: int, body: bytes | str = b"", content_type: str = "text/html") -> Fault:
        """Answer with an arbitrary body, e.g. nginx's HTML 502 page."""
        data = body.encode() if isinstance(body, str) else body
        return cls("raw", code=status, body=data, content_type=content_type)

    def label(self) -> str:
        """Short name used in Call.fault and listings."""
        if self.kind in ("error", "raw"):
            return f"{self.kind}:{self.code}"
        if self.kind in ("delay", "delay_then_drop"):
            return f"{self.kind}:{self.seconds:g}s"
        return self.kind

    def to_error(self) -> TelegramAPIError:
        """The TelegramAPIError for an ``error`` fault."""
        params: dict[str, Any] = {}
        if self.retry_after is not None:
            params["retry_after"] = self.retry_after
        if self.migrate_to_chat_id is not None:
            params["migrate_to_chat_id"] = self.migrate_to_chat_id
        desc = self.description
        if desc is None:
            if self.migrate_to_chat_id is not None:
                desc = "Bad Request: group chat was upgraded to a supergroup chat"
            else:
                desc = _DEFAULT_DESCRIPTIONS.get(self.code, f"Error {self.code}")
        return TelegramAPIError(self.code, desc.format(retry_after=self.retry_after), params)


def _fault_from_kind(kind: str, slow_seconds: float) -> Fault:
    if kind == "slow":
        return Fault.delay(slow_seconds)
    if kind == "drop":
        return Fault.drop()
    if kind in ("slow_drop", "delay_then_drop"):
        return Fault.delay_then_drop(slow_seconds)
    if kind == "sent_then_drop":
        return Fault.sent_then_drop()
    if kind.isdigit():
        return Fault.error(int(kind))
    raise ValueError(f"unknown fault kind {kind!r}")


def _norm_chat(chat_id: Any) -> int | str | None:
    """Chat ids arrive as int or str ("123", "@channel"); compare them as int when numeric."""
    if chat_id is None or isinstance(chat_id, bool):
        return None
    if isinstance(chat_id, int):
        return chat_id
    text = str(chat_id).strip()
    try:
        return int(text)
    except ValueError:
        return text


_NUMBER_RE = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


def _decode_value(key: str, value: Any) -> Any:
    """Turn a form/multipart string back into the Python value PTB JSON-encoded."""
    if not isinstance(value, str) or key in _STRING_PARAMS:
        return value
    if not value:
        return value
    first = value[0]
    if first in "{[" or value in ("true", "false", "null") or _NUMBER_RE.fullmatch(value):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _byte_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-8"))


def _parse_html(text: str) -> str:
    """Validate Telegram-HTML and return the plain text; raise ValueError like Telegram."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "<":
            m = _HTML_TAG_RE.match(text, i)
            if m is None:
                raise ValueError(f"Unclosed start tag at byte offset {_byte_offset(text, i)}")
            closing, name = m.group(1) == "/", m.group(2).lower()
            if name not in _HTML_TAGS:
                kind = "end" if closing else "start"
                raise ValueError(f'Unsupported {kind} tag "{name}" at byte offset {_byte_offset(text, i)}')
            if closing:
                if not stack:
                    raise ValueError(f"Unexpected end tag at byte offset {_byte_offset(text, i)}")
                if stack[-1] != name:
                    raise ValueError(
                        f"Unmatched end tag at byte offset {_byte_offset(text, i)}, "
                        f'expected "</{stack[-1]}>", found "</{name}>"'
                    )
                stack.pop()
            else:
                stack.append(name)
            i = m.end()
            continue
        if ch == "&":
            m = _HTML_ENTITY_RE.match(text, i)
            if m is not None:
                out.append(html.unescape(m.group(0)))
                i = m.end()
                continue
        out.append(ch)
        i += 1
    if stack:
        raise ValueError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


def _parse_markdown_v2(text: str) -> str:
    """Light MarkdownV2 validation (the common unescaped '.', '-', '!' bug); returns plain text."""
    out: list[str] = []
    i = 0
    n = len(text)
    line_start = True
    while i < n:
        ch = text[i]
        if ch == "\\":
            if i + 1 < n:
                out.append(text[i + 1])
            i += 2
            line_start = False
            continue
        if ch == "`":
            fence = "```" if text.startswith("```", i) else "`"
            end = text.find(fence, i + len(fence))
            if end < 0:
                what = "Pre" if fence == "```" else "Code"
                raise ValueError(f"Can't find end of {what} entity at byte offset {_byte_offset(text, i)}")
            out.append(text[i + len(fence) : end])
            i = end + len(fence)
            line_start = False
            continue
        if ch == "]" and i + 1 < n and text[i + 1] == "(":
            j = i + 2
            while j < n and text[j] != ")":
                j += 2 if text[j] == "\\" else 1
            if j >= n:
                raise ValueError(f"Can't find end of a url at byte offset {_byte_offset(text, i)}")
            i = j + 1
            line_start = False
            continue
        if ch in _MDV2_ALWAYS_RESERVED or (ch == ">" and not line_start):
            raise ValueError(f"Character '{ch}' is reserved and must be escaped with the preceding '\\'")
        if ch not in "*_~|[]>":
            out.append(ch)
        line_start = ch == "\n"
        i += 1
    return "".join(out)


def _plain_text(text: str, parse_mode: Any) -> str:
    """Apply parse_mode like Telegram; raise TelegramAPIError(400) on bad markup."""
    if parse_mode is None or parse_mode == "":
        return text
    mode = str(parse_mode).lower()
    try:
        if mode == "html":
            return _parse_html(text)
        if mode == "markdownv2":
            return _parse_markdown_v2(text)
        if mode == "markdown":
            return text
    except ValueError as exc:
        raise _bad_request(f"can't parse entities: {exc}") from None
    raise _bad_request("unsupported parse_mode")


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) >= 24 and data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    return None


@dataclass(slots=True)
class _StoredFile:
    file_id: str
    unique_id: str
    data: bytes
    path: str
    width: int = 0
    height: int = 0


@dataclass(slots=True)
class _Waiter:
    method: str
    predicate: Callable[[Call], bool] | None
    count: int
    since: int
    matches: list[Call]
    future: asyncio.Future[list[Call]]


@dataclass(slots=True)
class _RandomFaults:
    rate: float
    kinds: tuple[str, ...]
    rng: random.Random
    methods: frozenset[str] | None
    slow_seconds: float


class _Drop(Exception):
    """Internal: close the connection without answering."""


class FakeBotAPI:
    """In-process fake of api.telegram.org for one bot token.

    Typical use::

        api = FakeBotAPI()
        await api.start()
        app = ApplicationBuilder().token(api.token).base_url(api.base_url) ...
        api.push_update(make_text_update("hi"))
        [call] = await api.wait_for("sendMessage")
    """

    def __init__(
        self,
        token: str = "123456:TEST-token_abc",
        username: str = "kzru_test_bot",
        bot_id: int | None = None,
        *,
        first_name: str = "KZ-RU Test Bot",
        host: str = "127.0.0.1",
        port: int = 0,
        max_poll_timeout: float = 2.0,
        supports_inline_queries: bool = True,
        strict_file_ids: bool = False,
    ) -> None:
        self.token = token
        self.username = username
        prefix = token.split(":", 1)[0]
        self.bot_id: int = bot_id if bot_id is not None else (int(prefix) if prefix.isdigit() else 123456)
        self.first_name = first_name
        self.host = host
        self.max_poll_timeout = max_poll_timeout
        self.supports_inline_queries = supports_inline_queries
        self.strict_file_ids = strict_file_ids
        self._port = port
        self._runner: web.ServerRunner | None = None
        self._up = False
        self._closing = False  # stop(): answer pending long polls with [] right away
        self._outage = False  # go_down(): cut pending long polls without an answer

        # recording
        self.calls: list[Call] = []
        self._by_method: dict[str, list[Call]] = defaultdict(list)
        self._waiters: list[_Waiter] = []
        self._listeners: list[Callable[[Call], None]] = []
        self._sent_texts: dict[int | str, list[str]] = defaultdict(list)
        self._sent_counts: dict[int | str, int] = defaultdict(int)
        self._stats: dict[str, Any] = {}
        self._reset_stats()

        # updates
        self._update_seq = 0
        self._queue: deque[tuple[int, str, dict[str, Any]]] = deque()
        self._poll_waiters: set[asyncio.Future[None]] = set()
        self._allowed_updates: frozenset[str] | None = None
        self.pushed_at: dict[int, float] = {}

        # faults and limits
        self._scripted: dict[str, deque[Fault]] = defaultdict(deque)
        self._random: _RandomFaults | None = None
        self._rate_limit: int | None = None
        self._rate_methods: frozenset[str] = SEND_METHODS
        self._send_window: deque[float] = deque()
        self._blocked: set[int | str] = set()
        self._migrated: dict[int | str, int] = {}
        self._in_flight = 0

        # world state
        self._chats: dict[int | str, dict[str, Any]] = {}
        self._users: dict[int, dict[str, Any]] = {}
        self._msg_counter: dict[int | str, int] = defaultdict(int)
        self._messages: dict[tuple[int | str, int], dict[str, Any]] = {}
        self._deleted: set[tuple[int | str, int]] = set()
        self._admins: dict[int | str, tuple[list[int], int | None, bool]] = {}
        self._answered_queries: set[str] = set()
        self._files: dict[str, _StoredFile] = {}
        self._file_paths: dict[str, _StoredFile] = {}
        self._file_seq = itertools.count(1)
        self.webhook_url = ""
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self._custom: dict[str, Callable[[dict[str, Any]], Any]] = {}

        self._methods: dict[str, tuple[str, Callable[..., Any]]] = {}
        self._register_methods()

    # ------------------------------------------------------------------ lifecycle

    @property
    def port(self) -> int:
        """TCP port (fixed after the first start())."""
        return self._port

    @property
    def base_url(self) -> str:
        """Pass to ApplicationBuilder.base_url(); PTB appends the token."""
        return f"http://{self.host}:{self._port}/bot"

    @property
    def base_file_url(self) -> str:
        """Pass to ApplicationBuilder.base_file_url(); PTB appends the token."""
        return f"http://{self.host}:{self._port}/file/bot"

    @property
    def is_up(self) -> bool:
        """True while the server accepts connections."""
        return self._up

    async def start(self) -> None:
        """Bind 127.0.0.1 (random port the first time) and start serving."""
        self._closing = False
        self._outage = False
        await self._listen()

    async def stop(self) -> None:
        """Answer pending long polls with [] and shut the server down."""
        self._closing = True
        self._wake_pollers()
        await self._unlisten()

    async def go_down(self) -> None:
        """Simulate an outage: cut open connections, refuse new ones."""
        self._outage = True
        self._wake_pollers()
        await self._unlisten()

    async def come_back(self) -> None:
        """End the outage: listen again on the same port."""
        self._outage = False
        await self._listen()

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def _listen(self) -> None:
        if self._up:
            return
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self._port))
        self._port = sock.getsockname()[1]
        server = web.Server(self._handle, request_factory=self._request_factory(), access_log=None)
        runner = web.ServerRunner(server, handle_signals=False, shutdown_timeout=0.2)
        await runner.setup()
        site = web.SockSite(runner, sock, backlog=1024)
        await site.start()
        self._runner = runner
        self._up = True

    @staticmethod
    def _request_factory() -> Callable[..., web.BaseRequest]:
        """Like aiohttp's default but allows Telegram-sized uploads (default cap is 1 MiB)."""
        loop = asyncio.get_running_loop()

        def factory(message: Any, payload: Any, protocol: Any, writer: Any, task: Any) -> web.BaseRequest:
            return web.BaseRequest(
                message, payload, protocol, writer, task, loop, client_max_size=64 * 1024 * 1024
            )

        return factory

    async def _unlisten(self) -> None:
        if not self._up or self._runner is None:
            return
        self._up = False
        runner, self._runner = self._runner, None
        await runner.cleanup()

    # ------------------------------------------------------------------ updates

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates; assigns update_id if missing and returns it.

        Also remembers chats/users/messages it contains, so getChat, edits of callback
        messages and per-chat message ids behave consistently.
        """
        data = dict(update)
        if "update_id" in data:
            uid = int(data["update_id"])
            self._update_seq = max(self._update_seq, uid)
        else:
            self._update_seq += 1
            uid = self._update_seq
            data["update_id"] = uid
        kind = next((k for k in data if k != "update_id"), "")
        self._learn(data.get(kind))
        self._queue.append((uid, kind, data))
        self.pushed_at[uid] = time.monotonic()
        self._stats["updates_pushed"] += 1
        self._wake_pollers()
        return uid

    def push_updates(self, updates: Iterable[dict[str, Any]]) -> list[int]:
        """push_update for many; returns the ids."""
        return [self.push_update(u) for u in updates]

    @property
    def pending_updates(self) -> int:
        """Updates not yet confirmed by an offset."""
        return len(self._queue)

    def _learn(self, obj: Any) -> None:
        if not isinstance(obj, dict):
            return
        user = obj.get("from")
        if isinstance(user, dict) and isinstance(user.get("id"), int):
            self._users[user["id"]] = user
        msg = obj.get("message") if "chat_instance" in obj else obj
        if isinstance(msg, dict) and isinstance(msg.get("chat"), dict):
            chat = msg["chat"]
            cid = _norm_chat(chat.get("id"))
            if cid is not None:
                self._chats[cid] = chat  # updates are authoritative about chat type/title
                mid = msg.get("message_id")
                if isinstance(mid, int):
                    self._msg_counter[cid] = max(self._msg_counter[cid], mid)
                    self._messages.setdefault((cid, mid), msg)
            sender = msg.get("from")
            if isinstance(sender, dict) and isinstance(sender.get("id"), int):
                self._users.setdefault(sender["id"], sender)

    def _wake_pollers(self) -> None:
        if not self._poll_waiters:
            return
        for fut in self._poll_waiters:
            if not fut.done():
                fut.set_result(None)
        self._poll_waiters.clear()

    def _confirm(self, offset: int) -> None:
        queue = self._queue
        if offset < 0:
            while len(queue) > -offset:
                queue.popleft()
            return
        while queue and queue[0][0] < offset:
            queue.popleft()

    def _collect(self, limit: int) -> list[dict[str, Any]]:
        allowed = self._allowed_updates
        out: list[dict[str, Any]] = []
        for _uid, kind, data in self._queue:
            if allowed is None:
                if kind in _NOT_DEFAULT_UPDATES:
                    continue
            elif kind not in allowed:
                continue
            out.append(data)
            if len(out) >= limit:
                break
        return out

    async def _m_getUpdates(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook_url:
            raise TelegramAPIError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook "
                "to delete the webhook first",
            )
        offset = p.get("offset")
        limit = max(1, min(100, int(p.get("limit") or 100)))
        timeout = max(0.0, min(float(p.get("timeout") or 0), self.max_poll_timeout))
        allowed = p.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = frozenset(allowed) if allowed else None
        if offset is not None:
            self._confirm(int(offset))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if self._outage:
                raise _Drop()
            batch = self._collect(limit)
            if batch or self._closing:
                self._stats["updates_served"] += len(batch)
                return batch
            remaining = deadline - loop.time()
            if remaining <= 0:
                return []
            fut: asyncio.Future[None] = loop.create_future()
            self._poll_waiters.add(fut)
            try:
                await asyncio.wait((fut,), timeout=remaining)
            finally:
                self._poll_waiters.discard(fut)

    # ------------------------------------------------------------------ configuration

    def script(self, method: str, *faults: Fault) -> None:
        """Queue one-shot faults for the next calls of ``method`` (case-insensitive)."""
        self._scripted[self._canonical(method)].extend(faults)

    def random_faults(
        self,
        rate: float | None = 0.1,
        kinds: Sequence[str] = ("429", "500", "502", "slow", "drop"),
        seed: int = 1,
        methods: Iterable[str] | None = None,
        slow_seconds: float = 0.2,
    ) -> None:
        """Fail a random ``rate`` of calls; ``random_faults(None)`` turns it off.

        ``methods=None`` means every method except getUpdates (faults there only slow PTB's
        polling backoff); list getUpdates explicitly to include it. Kinds: HTTP codes as
        strings ("429", "500", "502", "403", ...), "slow", "drop", "slow_drop", "sent_then_drop".
        """
        if rate is None or rate <= 0:
            self._random = None
            return
        for kind in kinds:
            _fault_from_kind(kind, slow_seconds)  # validate early
        meths = frozenset(self._canonical(m) for m in methods) if methods is not None else None
        self._random = _RandomFaults(rate, tuple(kinds), random.Random(seed), meths, slow_seconds)

    def limit_send_rate(self, per_second: int | None, methods: Iterable[str] | None = None) -> None:
        """Answer 429 (retry_after=1, not delivered) beyond ``per_second`` sends in any 1 s window.

        Applies to all message-creating send methods unless ``methods`` is given.
        """
        self._rate_limit = per_second
        self._rate_methods = (
            frozenset(self._canonical(m) for m in methods) if methods is not None else SEND_METHODS
        )
        self._send_window.clear()

    def block_chat(self, chat_id: int | str, blocked: bool = True) -> None:
        """Sends to this chat fail with 403 'bot was blocked by the user'."""
        key = _norm_chat(chat_id)
        assert key is not None
        if blocked:
            self._blocked.add(key)
        else:
            self._blocked.discard(key)

    def migrate_chat(self, chat_id: int | str, new_chat_id: int) -> None:
        """Sends to this chat fail with 400 + migrate_to_chat_id (group became supergroup)."""
        key = _norm_chat(chat_id)
        assert key is not None
        self._migrated[key] = new_chat_id

    def add_chat(self, chat: dict[str, Any]) -> None:
        """Register a chat (e.g. from factories.make_chat) so messages/getChat use its type/title."""
        key = _norm_chat(chat["id"])
        assert key is not None
        self._chats[key] = dict(chat)

    def add_user(self, user: dict[str, Any]) -> None:
        """Register a user so getChatMember returns its real name."""
        self._users[int(user["id"])] = dict(user)

    def set_chat_admins(
        self,
        chat_id: int | str,
        user_ids: Iterable[int],
        *,
        creator: int | None = None,
        include_anonymous_bot: bool = False,
    ) -> None:
        """Configure getChatMember/getChatAdministrators for a group.

        ``creator`` gets status "creator"; other ``user_ids`` "administrator"; everyone else
        "member". GroupAnonymousBot (1087968824) is always reported as an anonymous
        administrator by getChatMember; getChatAdministrators lists it only with
        ``include_anonymous_bot=True`` (real Telegram doesn't list it).
        """
        key = _norm_chat(chat_id)
        assert key is not None
        ids = [int(u) for u in user_ids]
        if creator is not None and creator not in ids:
            ids.insert(0, creator)
        self._admins[key] = (ids, creator, include_anonymous_bot)

    def add_file(self, file_id: str, data: bytes, path: str | None = None) -> None:
        """Make getFile/download of ``file_id`` (e.g. a voice from factories) return ``data``."""
        self._store_file(data, file_id=file_id, path=path)

    def set_handler(self, method: str, handler: Callable[[dict[str, Any]], Any] | None) -> None:
        """Override (or add) a method: handler(params) -> result, may raise TelegramAPIError."""
        canon = self._canonical(method)
        if handler is None:
            self._custom.pop(canon, None)
            return
        if canon.lower() not in self._methods:
            self._methods[canon.lower()] = (canon, self._m_custom_only)
        self._custom[canon] = handler

    def _m_custom_only(self, p: dict[str, Any]) -> Any:  # pragma: no cover - replaced by custom
        raise TelegramAPIError(404, "Not Found")

    def _canonical(self, method: str) -> str:
        entry = self._methods.get(method.lower())
        return entry[0] if entry else method

    # ------------------------------------------------------------------ inspection

    def calls_of(self, method: str) -> list[Call]:
        """All recorded calls of one method (any outcome), oldest first."""
        return list(self._by_method.get(self._canonical(method), ()))

    def mark(self) -> int:
        """Current position in ``calls``; pass as ``since=`` to wait_for to ignore older calls."""
        return len(self.calls)

    def sent_texts(self, chat_id: int | str) -> list[str]:
        """Texts (as sent, markup included) of delivered sendMessage calls to a chat."""
        key = _norm_chat(chat_id)
        return list(self._sent_texts.get(key, ())) if key is not None else []

    def sent_count(self, chat_id: int | str) -> int:
        """Number of delivered sendMessage calls to a chat (duplicate detection)."""
        key = _norm_chat(chat_id)
        return self._sent_counts.get(key, 0) if key is not None else 0

    def sent_counts(self) -> dict[int | str, int]:
        """Delivered sendMessage count per chat."""
        return dict(self._sent_counts)

    def message(self, chat_id: int | str, message_id: int) -> dict[str, Any] | None:
        """The current state of a message (after edits), or None."""
        key = _norm_chat(chat_id)
        return self._messages.get((key, message_id)) if key is not None else None

    def stats(self) -> dict[str, Any]:
        """Counters since start/clear(): requests, ok, errors_by_code, too_many_requests (all 429s),
        rate_limited (429s from limit_send_rate), delivered (all sends), delivered_messages
        (sendMessage), dropped, faults_injected, updates_pushed, updates_served, max_in_flight."""
        out = dict(self._stats)
        out["errors_by_code"] = dict(self._stats["errors_by_code"])
        out["pending_updates"] = len(self._queue)
        return out

    def _reset_stats(self) -> None:
        self._stats = {
            "requests": 0,
            "ok": 0,
            "errors_by_code": defaultdict(int),
            "too_many_requests": 0,
            "rate_limited": 0,
            "delivered": 0,
            "delivered_messages": 0,
            "dropped": 0,
            "faults_injected": 0,
            "updates_pushed": 0,
            "updates_served": 0,
            "max_in_flight": 0,
        }

    def clear(self) -> None:
        """Forget recorded calls, per-chat delivery records and stats (state like message ids stays)."""
        self.calls.clear()
        self._by_method.clear()
        self._sent_texts.clear()
        self._sent_counts.clear()
        self._reset_stats()

    def add_listener(self, listener: Callable[[Call], None]) -> Callable[[], None]:
        """Call ``listener(call)`` for every recorded call; returns a function that removes it."""
        self._listeners.append(listener)

        def remove() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return remove

    async def wait_for(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        count: int = 1,
        timeout: float = 5.0,
        *,
        since: int = 0,
    ) -> list[Call]:
        """Wait until ``count`` calls of ``method`` matching ``predicate`` were recorded.

        Counts calls recorded since clear() (or since ``since=api.mark()``), whatever their
        outcome; use ``predicate=lambda c: c.ok`` for successful ones. Returns the first
        ``count`` matches. On timeout raises AssertionError listing the recent calls.
        """
        canon = self._canonical(method)
        matches = [
            c
            for c in self._by_method.get(canon, ())
            if c.seq >= since and (predicate is None or predicate(c))
        ]
        if len(matches) >= count:
            return matches[:count]
        fut: asyncio.Future[list[Call]] = asyncio.get_running_loop().create_future()
        waiter = _Waiter(canon, predicate, count, since, matches, fut)
        self._waiters.append(waiter)
        try:
            return await asyncio.wait_for(fut, timeout)
        except TimeoutError:
            raise AssertionError(
                f"timed out after {timeout}s waiting for {count} x {canon}"
                f" (got {len(waiter.matches)})\n{self.describe_calls()}"
            ) from None
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)

    def describe_calls(self, last: int = 25) -> str:
        """Human-readable listing of the most recent calls (getUpdates collapsed)."""
        lines: list[str] = []
        polls = 0
        for call in self.calls[-last * 4 :]:
            if call.method == "getUpdates" and call.ok and not call.result:
                polls += 1
                continue
            lines.append("  " + call.short())
        lines = lines[-last:]
        header = f"recent calls ({len(self.calls)} total, {polls} empty getUpdates hidden):"
        return "\n".join([header, *lines]) if lines else header + "\n  (none)"

    def _record(self, call: Call) -> None:
        call.seq = len(self.calls)
        call.done_at = time.monotonic()
        self.calls.append(call)
        self._by_method[call.method].append(call)
        if self._waiters:
            for waiter in self._waiters:
                if waiter.method != call.method or waiter.future.done():
                    continue
                if call.seq < waiter.since:
                    continue
                if waiter.predicate is None or waiter.predicate(call):
                    waiter.matches.append(call)
                    if len(waiter.matches) >= waiter.count:
                        waiter.future.set_result(waiter.matches[: waiter.count])
        for listener in self._listeners:
            listener(call)

    # ------------------------------------------------------------------ HTTP layer

    async def _read_params(self, request: web.BaseRequest) -> tuple[dict[str, Any], dict[str, Upload]]:
        params: dict[str, Any] = {}
        files: dict[str, Upload] = {}
        for key, value in request.query.items():
            params[key] = _decode_value(key, value)
        if request.method not in ("POST", "PUT") or not request.body_exists:
            return params, files
        ctype = request.content_type
        if ctype == "application/json":
            body = await request.read()
            if body:
                data = json.loads(body)
                if isinstance(data, dict):
                    for key, value in data.items():
                        params[key] = _decode_value(key, value)
        elif ctype == "multipart/form-data":
            form = await request.post()
            for key, part in form.items():
                if isinstance(part, FileField):
                    files[key] = Upload(key, part.filename, part.content_type, part.file.read())
                else:
                    params[key] = _decode_value(key, part if isinstance(part, str) else bytes(part).decode())
            for key, upload in files.items():
                if key not in params:
                    params[key] = upload
        else:
            body = await request.read()
            for key, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
                params[key] = _decode_value(key, value)
        return params, files

    @staticmethod
    def _json(payload: Any, status: int = 200) -> web.Response:
        return web.Response(
            body=json.dumps(payload, ensure_ascii=False).encode("utf-8"),
            status=status,
            content_type="application/json",
        )

    @staticmethod
    def _drop_connection(request: web.BaseRequest) -> web.Response:
        transport = request.transport
        if transport is not None:
            transport.close()
        # aiohttp will fail to write this to the closed transport and move on quietly.
        return web.Response(status=500)

    async def _handle(self, request: web.BaseRequest) -> web.StreamResponse:
        path = request.path
        if path.startswith("/file/bot"):
            return self._serve_file(path[len("/file/bot") :])
        if not path.startswith("/bot"):
            return self._json({"ok": False, "error_code": 404, "description": "Not Found"}, 404)
        token, _, method = path[4:].partition("/")
        if token != self.token:
            return self._json({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        arrived = time.monotonic()
        self._in_flight += 1
        stats = self._stats
        stats["requests"] += 1
        if self._in_flight > stats["max_in_flight"]:
            stats["max_in_flight"] = self._in_flight
        try:
            return await self._handle_method(request, method, arrived)
        finally:
            self._in_flight -= 1

    async def _handle_method(
        self, request: web.BaseRequest, method: str, arrived: float
    ) -> web.StreamResponse:
        try:
            params, files = await self._read_params(request)
        except Exception as exc:  # malformed body
            return self._reject(Call(method, {}, arrived), _bad_request(f"can't parse request: {exc}"))
        entry = self._methods.get(method.lower())
        if entry is None:
            return self._reject(
                Call(method, params, arrived, files=files), TelegramAPIError(404, "Not Found")
            )
        canon, func = entry
        call = Call(canon, params, arrived, files=files)
        fault = self._next_fault(canon)
        drop_after = False
        try:
            if fault is not None:
                call.fault = fault.label()
                self._stats["faults_injected"] += 1
                kind = fault.kind
                if kind in ("delay", "delay_then_drop"):
                    await asyncio.sleep(fault.seconds)
                if kind in ("drop", "delay_then_drop"):
                    raise _Drop()
                if kind == "error":
                    raise fault.to_error()
                if kind == "raw":
                    call.status = fault.code
                    self._count_error(fault.code)
                    self._record(call)
                    return web.Response(body=fault.body, status=fault.code, content_type=fault.content_type)
                drop_after = kind == "sent_then_drop"
            if canon in SEND_METHODS:
                self._check_chat(params)
                self._check_rate(canon)
            custom = self._custom.get(canon)
            if custom is not None:
                result = custom(params)
                if asyncio.iscoroutine(result):
                    result = await result
            else:
                result = await func(params) if inspect.iscoroutinefunction(func) else func(params)
            if canon in SEND_METHODS:
                self._deliver(canon, params, call)
            call.result = result
            if drop_after:
                raise _Drop()
        except _Drop:
            call.status = 0
            self._stats["dropped"] += 1
            self._record(call)
            return self._drop_connection(request)
        except TelegramAPIError as api_err:
            return self._reject(call, api_err)
        except asyncio.CancelledError:
            call.status = 0
            call.fault = (call.fault + "," if call.fault else "") + "cancelled"
            self._record(call)
            raise
        except Exception as exc:  # a bug in the fake or in a custom handler: make it visible
            _LOG.exception("FakeBotAPI crashed handling %s", canon)
            return self._reject(
                call, TelegramAPIError(500, f"Internal Server Error: FakeBotAPI bug: {exc!r}")
            )
        self._stats["ok"] += 1
        self._record(call)
        return self._json({"ok": True, "result": result})

    def _reject(self, call: Call, err: TelegramAPIError) -> web.Response:
        """Record ``call`` as failed with ``err`` and build the error response."""
        call.status = err.code
        call.error = err.payload()
        self._count_error(err.code)
        self._record(call)
        return self._json(call.error, err.code)

    def _count_error(self, code: int) -> None:
        self._stats["errors_by_code"][code] += 1
        if code == 429:
            self._stats["too_many_requests"] += 1

    def _next_fault(self, method: str) -> Fault | None:
        queue = self._scripted.get(method)
        if queue:
            return queue.popleft()
        rnd = self._random
        if rnd is None:
            return None
        if rnd.methods is None:
            if method == "getUpdates":
                return None
        elif method not in rnd.methods:
            return None
        if rnd.rng.random() >= rnd.rate:
            return None
        return _fault_from_kind(rnd.rng.choice(rnd.kinds), rnd.slow_seconds)

    def _check_chat(self, params: dict[str, Any]) -> None:
        key = _norm_chat(params.get("chat_id"))
        if key is None:
            raise _bad_request("chat_id is empty")
        if key in self._blocked:
            raise TelegramAPIError(403, "Forbidden: bot was blocked by the user")
        new_id = self._migrated.get(key)
        if new_id is not None:
            raise TelegramAPIError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": new_id},
            )

    def _check_rate(self, method: str) -> None:
        limit = self._rate_limit
        if limit is None or method not in self._rate_methods:
            return
        now = time.monotonic()
        window = self._send_window
        while window and window[0] <= now - 1.0:
            window.popleft()
        if len(window) >= limit:
            self._stats["rate_limited"] += 1
            raise TelegramAPIError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        window.append(now)

    def _deliver(self, method: str, params: dict[str, Any], call: Call) -> None:
        call.delivered = True
        self._stats["delivered"] += 1
        if method == "sendMessage":
            key = _norm_chat(params.get("chat_id"))
            assert key is not None
            self._stats["delivered_messages"] += 1
            self._sent_counts[key] += 1
            self._sent_texts[key].append(str(params.get("text", "")))

    # ------------------------------------------------------------------ files

    def _store_file(
        self,
        data: bytes,
        *,
        file_id: str | None = None,
        path: str | None = None,
        folder: str = "documents",
        ext: str = "bin",
    ) -> _StoredFile:
        n = next(self._file_seq)
        fid = file_id or f"FAKE{folder[:3].upper()}-{n:06d}-{self.bot_id}"
        size = _png_size(data) or (800, 600)
        stored = _StoredFile(fid, f"U{n:08d}", data, path or f"{folder}/file_{n}.{ext}", size[0], size[1])
        self._files[fid] = stored
        self._file_paths[stored.path] = stored
        return stored

    def _resolve_file(self, value: Any, folder: str, ext: str) -> _StoredFile:
        if isinstance(value, Upload):
            return self._store_file(value.data, folder=folder, ext=ext)
        if isinstance(value, str) and value:
            if value.startswith("attach://"):
                raise _bad_request("wrong file identifier/HTTP URL specified")
            known = self._files.get(value)
            if known is not None:
                return known
            if value.startswith(("http://", "https://")):
                return self._store_file(b"", folder=folder, ext=ext)
            if self.strict_file_ids:
                raise _bad_request("wrong file identifier/HTTP URL specified")
            return self._store_file(b"FAKEFILE:" + value.encode(), file_id=value, folder=folder, ext=ext)
        raise _bad_request("there is no file in the request")

    def _serve_file(self, rest: str) -> web.Response:
        token, _, path = rest.partition("/")
        if token != self.token:
            return web.Response(status=401, text="Unauthorized")
        stored = self._file_paths.get(path)
        if stored is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(body=stored.data, content_type="application/octet-stream")

    # ------------------------------------------------------------------ world helpers

    def bot_user(self) -> dict[str, Any]:
        """The bot as a User dict (what getMe returns, minus capability flags)."""
        return {"id": self.bot_id, "is_bot": True, "first_name": self.first_name, "username": self.username}

    def _user(self, user_id: int) -> dict[str, Any]:
        if user_id == self.bot_id:
            return self.bot_user()
        if user_id == GROUP_ANONYMOUS_BOT_ID:
            return {"id": user_id, "is_bot": True, "first_name": "Group", "username": "GroupAnonymousBot"}
        return self._users.get(user_id) or {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}

    def _chat(self, key: int | str) -> dict[str, Any]:
        chat = self._chats.get(key)
        if chat is not None:
            return chat
        if isinstance(key, str):
            chat = {
                "id": -1000000000000 - (abs(hash(key)) % 10**9),
                "type": "channel",
                "title": key,
                "username": key.lstrip("@"),
            }
        elif key > 0:
            user = self._users.get(key, {})
            chat = {"id": key, "type": "private", "first_name": user.get("first_name", f"User{key}")}
            if "username" in user:
                chat["username"] = user["username"]
        else:
            chat = {"id": key, "type": "supergroup", "title": f"Group {key}"}
        self._chats[key] = chat
        return chat

    def _new_message(self, p: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
        key = _norm_chat(p.get("chat_id"))
        if key is None:
            raise _bad_request("chat_id is empty")
        chat = self._chat(key)
        self._msg_counter[key] += 1
        mid = self._msg_counter[key]
        msg: dict[str, Any] = {
            "message_id": mid,
            "from": self.bot_user(),
            "chat": chat,
            "date": int(time.time()),
        }
        if chat.get("type") == "channel":
            msg.pop("from")
            msg["sender_chat"] = chat
        thread = p.get("message_thread_id")
        if isinstance(thread, int):
            msg["message_thread_id"] = thread
            if chat.get("is_forum"):
                msg["is_topic_message"] = True
        reply_id: Any = None
        rp = p.get("reply_parameters")
        if isinstance(rp, dict):
            reply_id = rp.get("message_id")
        elif p.get("reply_to_message_id") is not None:
            reply_id = p.get("reply_to_message_id")
        if isinstance(reply_id, int):
            stored = self._messages.get((key, reply_id))
            if stored is not None:
                stub = {k: v for k, v in stored.items() if k != "reply_to_message"}
            else:
                stub = {"message_id": reply_id, "date": int(time.time()), "chat": chat}
            msg["reply_to_message"] = stub
        markup = p.get("reply_markup")
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            msg["reply_markup"] = markup
        msg.update(extra)
        self._messages[(key, mid)] = msg
        return msg

    @staticmethod
    def _check_markup(markup: Any) -> None:
        if markup is None:
            return
        if not isinstance(markup, dict):
            raise _bad_request("can't parse reply keyboard markup JSON object")
        rows = markup.get("inline_keyboard")
        if rows is None:
            return
        if not isinstance(rows, list):
            raise _bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
        for row in rows:
            for button in row:
                if not isinstance(button, dict) or not button.get("text"):
                    raise _bad_request(
                        "can't parse inline keyboard button: Text buttons are unallowed in "
                        "the inline keyboard"
                    )
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
                    raise _bad_request("BUTTON_DATA_INVALID")

    def _text_checks(
        self, text: Any, parse_mode: Any, *, limit: int = 4096, what: str = "message text"
    ) -> str:
        if not isinstance(text, str) or not text.strip():
            raise _bad_request(f"{what} is empty")
        plain = _plain_text(text, parse_mode)
        if not plain.strip():
            raise _bad_request(f"{what} is empty")
        if _utf16_len(plain) > limit:
            raise _bad_request("message is too long" if limit == 4096 else "message caption is too long")
        return plain

    def _caption(self, p: dict[str, Any]) -> dict[str, Any]:
        caption = p.get("caption")
        if caption is None or caption == "":
            return {}
        return {"caption": self._text_checks(caption, p.get("parse_mode"), limit=1024, what="caption")}

    def _target_message(self, p: dict[str, Any]) -> tuple[int | str, int] | None:
        """(chat, message_id) for edit methods, None for inline messages."""
        if p.get("inline_message_id"):
            return None
        key = _norm_chat(p.get("chat_id"))
        mid = p.get("message_id")
        if key is None:
            raise _bad_request("chat_id is empty")
        if not isinstance(mid, int):
            raise _bad_request("message identifier is not specified")
        if (key, mid) in self._deleted:
            raise _bad_request("message to edit not found")
        stored = self._messages.get((key, mid))
        if stored is not None:
            sender = stored.get("from")
            if isinstance(sender, dict) and sender.get("is_bot") is False:
                raise _bad_request("message can't be edited")
        return key, mid

    def _edit(self, target: tuple[int | str, int], changes: dict[str, Any], markup: Any) -> dict[str, Any]:
        key, mid = target
        stored = self._messages.get(target)
        if stored is None:
            stored = {
                "message_id": mid,
                "from": self.bot_user(),
                "chat": self._chat(key),
                "date": int(time.time()),
            }
        new = dict(stored)
        new.update(changes)
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            new["reply_markup"] = markup
        else:
            new.pop("reply_markup", None)
        same = all(stored.get(k) == v for k, v in changes.items()) and stored.get("reply_markup") == new.get(
            "reply_markup"
        )
        if same and target in self._messages:
            raise _bad_request(
                "message is not modified: specified new message content and reply markup are exactly the "
                "same as a current content and reply markup of the message"
            )
        new["edit_date"] = int(time.time())
        self._messages[target] = new
        return new

    # ------------------------------------------------------------------ Bot API methods

    def _register_methods(self) -> None:
        for name in dir(self):
            if name.startswith("_m_") and name != "_m_custom_only":
                canon = name[3:]
                self._methods[canon.lower()] = (canon, getattr(self, name))
        for canon in _TRUE_METHODS:
            self._methods[canon.lower()] = (canon, self._m_true)

    @staticmethod
    def _m_true(p: dict[str, Any]) -> bool:
        return True

    def _m_getMe(self, p: dict[str, Any]) -> dict[str, Any]:
        return {
            **self.bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": self.supports_inline_queries,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    def _m_logOut(self, p: dict[str, Any]) -> bool:
        return True

    def _m_close(self, p: dict[str, Any]) -> bool:
        return True

    def _m_setWebhook(self, p: dict[str, Any]) -> bool:
        url = p.get("url")
        if not isinstance(url, str):
            raise _bad_request("bad webhook: URL is empty")
        self.webhook_url = url
        if p.get("drop_pending_updates") is True:
            self._queue.clear()
        return True

    def _m_deleteWebhook(self, p: dict[str, Any]) -> bool:
        self.webhook_url = ""
        if p.get("drop_pending_updates") is True:
            self._queue.clear()
        return True

    def _m_getWebhookInfo(self, p: dict[str, Any]) -> dict[str, Any]:
        info: dict[str, Any] = {
            "url": self.webhook_url,
            "has_custom_certificate": False,
            "pending_update_count": len(self._queue),
        }
        if self._allowed_updates is not None:
            info["allowed_updates"] = sorted(self._allowed_updates)
        return info

    @staticmethod
    def _commands_key(p: dict[str, Any]) -> tuple[str, str]:
        scope = p.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(p.get("language_code") or "")

    def _m_setMyCommands(self, p: dict[str, Any]) -> bool:
        commands = p.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise _bad_request("commands must be a list of at most 100 BotCommand")
        for cmd in commands:
            name = cmd.get("command", "") if isinstance(cmd, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(cmd.get("description", "")) <= 256:
                raise _bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._commands_key(p)] = commands
        return True

    def _m_getMyCommands(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        return list(self.commands.get(self._commands_key(p), []))

    def _m_deleteMyCommands(self, p: dict[str, Any]) -> bool:
        self.commands.pop(self._commands_key(p), None)
        return True

    def _m_setMyDescription(self, p: dict[str, Any]) -> bool:
        desc = str(p.get("description") or "")
        if len(desc) > 512:
            raise _bad_request("description is too long")
        self.descriptions[str(p.get("language_code") or "")] = desc
        return True

    def _m_getMyDescription(self, p: dict[str, Any]) -> dict[str, Any]:
        return {"description": self.descriptions.get(str(p.get("language_code") or ""), "")}

    def _m_setMyShortDescription(self, p: dict[str, Any]) -> bool:
        desc = str(p.get("short_description") or "")
        if len(desc) > 120:
            raise _bad_request("short description is too long")
        self.short_descriptions[str(p.get("language_code") or "")] = desc
        return True

    def _m_getMyShortDescription(self, p: dict[str, Any]) -> dict[str, Any]:
        return {"short_description": self.short_descriptions.get(str(p.get("language_code") or ""), "")}

    def _m_setMyName(self, p: dict[str, Any]) -> bool:
        self.names[str(p.get("language_code") or "")] = str(p.get("name") or "")
        return True

    def _m_getMyName(self, p: dict[str, Any]) -> dict[str, Any]:
        return {"name": self.names.get(str(p.get("language_code") or ""), self.first_name)}

    def _m_sendMessage(self, p: dict[str, Any]) -> dict[str, Any]:
        plain = self._text_checks(p.get("text"), p.get("parse_mode"))
        self._check_markup(p.get("reply_markup"))
        return self._new_message(p, {"text": plain})

    def _m_sendPhoto(self, p: dict[str, Any]) -> dict[str, Any]:
        caption = self._caption(p)
        self._check_markup(p.get("reply_markup"))
        stored = self._resolve_file(p.get("photo"), "photos", "jpg")
        w, h = stored.width or 800, stored.height or 600
        sizes = []
        for i, scale in enumerate((90, 320, max(w, h))):
            factor = min(1.0, scale / max(w, h))
            sizes.append(
                {
                    "file_id": stored.file_id if i == 2 else f"{stored.file_id}-s{i}",
                    "file_unique_id": f"{stored.unique_id}{i}",
                    "width": max(1, int(w * factor)),
                    "height": max(1, int(h * factor)),
                    "file_size": max(1, len(stored.data) * (i + 1) // 3),
                }
            )
        return self._new_message(p, {"photo": sizes, **caption})

    def _m_sendDocument(self, p: dict[str, Any]) -> dict[str, Any]:
        caption = self._caption(p)
        self._check_markup(p.get("reply_markup"))
        value = p.get("document")
        stored = self._resolve_file(value, "documents", "bin")
        doc: dict[str, Any] = {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "file_size": len(stored.data),
        }
        if isinstance(value, Upload):
            if value.filename:
                doc["file_name"] = value.filename
            if value.content_type:
                doc["mime_type"] = value.content_type
        return self._new_message(p, {"document": doc, **caption})

    def _m_sendSticker(self, p: dict[str, Any]) -> dict[str, Any]:
        stored = self._resolve_file(p.get("sticker"), "stickers", "webp")
        sticker = {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        }
        return self._new_message(p, {"sticker": sticker})

    def _m_sendVoice(self, p: dict[str, Any]) -> dict[str, Any]:
        caption = self._caption(p)
        stored = self._resolve_file(p.get("voice"), "voice", "oga")
        voice = {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "duration": int(p.get("duration") or 1),
            "mime_type": "audio/ogg",
        }
        return self._new_message(p, {"voice": voice, **caption})

    def _m_sendLocation(self, p: dict[str, Any]) -> dict[str, Any]:
        return self._new_message(
            p, {"location": {"latitude": p.get("latitude"), "longitude": p.get("longitude")}}
        )

    def _source_message(self, p: dict[str, Any]) -> dict[str, Any] | None:
        key = _norm_chat(p.get("from_chat_id"))
        mid = p.get("message_id")
        if key is None or not isinstance(mid, int):
            return None
        return self._messages.get((key, mid))

    def _m_forwardMessage(self, p: dict[str, Any]) -> dict[str, Any]:
        src = self._source_message(p)
        if src is None:
            raise _bad_request("message to forward not found")
        content = {
            k: v for k, v in src.items() if k in ("text", "photo", "document", "sticker", "voice", "caption")
        }
        content["forward_origin"] = {
            "type": "user",
            "sender_user": src.get("from", self.bot_user()),
            "date": src.get("date", int(time.time())),
        }
        return self._new_message(p, content)

    def _m_copyMessage(self, p: dict[str, Any]) -> dict[str, Any]:
        src = self._source_message(p)
        if src is None:
            raise _bad_request("message to copy not found")
        content = {
            k: v for k, v in src.items() if k in ("text", "photo", "document", "sticker", "voice", "caption")
        }
        msg = self._new_message(p, content)
        return {"message_id": msg["message_id"]}

    def _m_editMessageText(self, p: dict[str, Any]) -> dict[str, Any] | bool:
        plain = self._text_checks(p.get("text"), p.get("parse_mode"))
        self._check_markup(p.get("reply_markup"))
        target = self._target_message(p)
        if target is None:
            return True
        return self._edit(target, {"text": plain}, p.get("reply_markup"))

    def _m_editMessageCaption(self, p: dict[str, Any]) -> dict[str, Any] | bool:
        caption = self._caption(p)
        self._check_markup(p.get("reply_markup"))
        target = self._target_message(p)
        if target is None:
            return True
        return self._edit(target, {"caption": caption.get("caption", "")}, p.get("reply_markup"))

    def _m_editMessageReplyMarkup(self, p: dict[str, Any]) -> dict[str, Any] | bool:
        self._check_markup(p.get("reply_markup"))
        target = self._target_message(p)
        if target is None:
            return True
        return self._edit(target, {}, p.get("reply_markup"))

    def _m_deleteMessage(self, p: dict[str, Any]) -> bool:
        key = _norm_chat(p.get("chat_id"))
        mid = p.get("message_id")
        if key is None:
            raise _bad_request("chat_id is empty")
        if not isinstance(mid, int):
            raise _bad_request("message identifier is not specified")
        if (key, mid) in self._deleted or mid > self._msg_counter.get(key, mid):
            raise _bad_request("message to delete not found")
        self._deleted.add((key, mid))
        self._messages.pop((key, mid), None)
        return True

    def _m_deleteMessages(self, p: dict[str, Any]) -> bool:
        key = _norm_chat(p.get("chat_id"))
        for mid in p.get("message_ids") or []:
            if key is not None and isinstance(mid, int):
                self._deleted.add((key, mid))
                self._messages.pop((key, mid), None)
        return True

    def _m_sendChatAction(self, p: dict[str, Any]) -> bool:
        if _norm_chat(p.get("chat_id")) is None:
            raise _bad_request("chat_id is empty")
        if p.get("action") not in _CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        return True

    def _answer_once(self, query_id: Any) -> None:
        if not isinstance(query_id, str) or not query_id:
            raise _bad_request("query is too old and response timeout expired or query ID is invalid")
        if query_id in self._answered_queries:
            raise _bad_request("query is too old and response timeout expired or query ID is invalid")
        self._answered_queries.add(query_id)

    def _m_answerCallbackQuery(self, p: dict[str, Any]) -> bool:
        text = p.get("text")
        if isinstance(text, str) and len(text) > 200:
            raise _bad_request("MESSAGE_TOO_LONG")
        self._answer_once(p.get("callback_query_id"))
        return True

    def _m_answerInlineQuery(self, p: dict[str, Any]) -> bool:
        results = p.get("results")
        if not isinstance(results, list):
            raise _bad_request("can't parse inline query results JSON object")
        if len(results) > 50:
            raise _bad_request("RESULTS_TOO_MUCH")
        seen: set[str] = set()
        for result in results:
            if not isinstance(result, dict) or "type" not in result or "id" not in result:
                raise _bad_request("can't parse inline query result")
            rid = str(result["id"])
            if not 1 <= len(rid.encode()) <= 64:
                raise _bad_request("RESULT_ID_INVALID")
            if rid in seen:
                raise _bad_request("RESULT_ID_DUPLICATE")
            seen.add(rid)
        self._answer_once(p.get("inline_query_id"))
        return True

    def _m_getChat(self, p: dict[str, Any]) -> dict[str, Any]:
        key = _norm_chat(p.get("chat_id"))
        if key is None:
            raise _bad_request("chat_id is empty")
        info = dict(self._chat(key))
        info.setdefault("accent_color_id", 0)
        info.setdefault("max_reaction_count", 11)
        info.setdefault(
            "accepted_gift_types",
            {
                "unlimited_gifts": True,
                "limited_gifts": True,
                "unique_gifts": True,
                "premium_subscription": True,
                "gifts_from_channels": True,
            },
        )
        return info

    def _member(self, key: int | str, user_id: int) -> dict[str, Any]:
        user = self._user(user_id)
        admins, creator, _ = self._admins.get(key, ([], None, False))
        if user_id == GROUP_ANONYMOUS_BOT_ID or (user_id in admins and user_id != creator):
            return {
                "status": "administrator",
                "user": user,
                "can_be_edited": False,
                "is_anonymous": user_id == GROUP_ANONYMOUS_BOT_ID,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": True,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": True,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
                "can_pin_messages": True,
                "can_manage_topics": False,
            }
        if user_id == creator:
            return {"status": "creator", "user": user, "is_anonymous": False}
        return {"status": "member", "user": user}

    def _m_getChatMember(self, p: dict[str, Any]) -> dict[str, Any]:
        key = _norm_chat(p.get("chat_id"))
        user_id = p.get("user_id")
        if key is None:
            raise _bad_request("chat_id is empty")
        if not isinstance(user_id, int):
            raise _bad_request("invalid user_id specified")
        return self._member(key, user_id)

    def _m_getChatAdministrators(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        key = _norm_chat(p.get("chat_id"))
        if key is None:
            raise _bad_request("chat_id is empty")
        if isinstance(key, int) and key > 0:
            raise _bad_request("there are no administrators in the private chat")
        admins, creator, include_anon = self._admins.get(key, ([], None, False))
        ordered = ([creator] if creator is not None else []) + [a for a in admins if a != creator]
        members = [self._member(key, uid) for uid in ordered]
        if include_anon:
            members.append(self._member(key, GROUP_ANONYMOUS_BOT_ID))
        return members

    def _m_getChatMemberCount(self, p: dict[str, Any]) -> int:
        key = _norm_chat(p.get("chat_id"))
        if isinstance(key, int) and key > 0:
            return 2
        admins = self._admins.get(key, ([], None, False))[0] if key is not None else []
        return max(2, len(admins) + 1)

    def _m_getFile(self, p: dict[str, Any]) -> dict[str, Any]:
        fid = p.get("file_id")
        if not isinstance(fid, str) or not fid:
            raise _bad_request("file_id is empty")
        stored = self._files.get(fid)
        if stored is None:
            if self.strict_file_ids:
                raise _bad_request("wrong file_id or the file is temporarily unavailable")
            stored = self._store_file(b"FAKEFILE:" + fid.encode(), file_id=fid)
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.unique_id,
            "file_size": len(stored.data),
            "file_path": stored.path,
        }
