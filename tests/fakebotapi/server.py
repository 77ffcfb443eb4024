"""FakeBotAPI: the HTTP server on 127.0.0.1 and the handle tests hold (configure, push, wait, inspect).

Why: one object per test that the real PTB Application talks to over real HTTP; the state and
the rules live in the modules it composes (world, updates, calls, faults, methods).
"""

from __future__ import annotations

import asyncio
import inspect
import socket
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from aiohttp import web

from fakebotapi.calls import Call, CallLog
from fakebotapi.faults import Fault, FaultPlan, SendLimits
from fakebotapi.methods import METHODS, SEND_METHODS
from fakebotapi.wire import Drop, TelegramAPIError, bad_request, drop_connection, json_response, read_params
from fakebotapi.world import World

HOST = "127.0.0.1"
"""Loopback only: the tests stay hermetic."""


class FakeBotAPI:
    """In-process fake of api.telegram.org for one bot token.

    Typical use::

        api = FakeBotAPI()
        await api.start()
        app = ApplicationBuilder().token(api.token).base_url(api.base_url) ...
        api.push_update(make_text_update("hi"))
        [call] = await api.wait_for("sendMessage")

    Everything runs on one asyncio loop; call the methods from that loop.
    """

    def __init__(self, token: str = "123456:TEST-token_abc", username: str = "kzru_test_bot") -> None:
        self.token = token
        prefix = token.split(":", 1)[0]
        self.world = World(int(prefix) if prefix.isdigit() else 123456, username)
        self.log = CallLog()
        self.faults = FaultPlan()
        self.limits = SendLimits()
        self._methods = {name.lower(): (name, func) for name, func in METHODS.items()}
        self._port = 0
        self._runner: web.ServerRunner | None = None
        self._in_flight = 0

    # ------------------------------------------------------------------ lifecycle

    @property
    def base_url(self) -> str:
        """Pass to ApplicationBuilder.base_url(); PTB appends the token. The port stays across outages."""
        return f"http://{HOST}:{self._port}/bot"

    async def start(self) -> None:
        """Bind 127.0.0.1 (a free port the first time) and start serving."""
        self.world.updates.closing = self.world.updates.cut = False
        await self._listen()

    async def stop(self) -> None:
        """Answer pending long polls with [] and shut the server down."""
        self.world.updates.closing = True
        self.world.updates.wake()
        await self._unlisten()

    async def go_down(self) -> None:
        """Simulate an outage: cut open connections, refuse new ones."""
        self.world.updates.cut = True
        self.world.updates.wake()
        await self._unlisten()

    async def come_back(self) -> None:
        """End the outage: listen again on the same port."""
        self.world.updates.cut = False
        await self._listen()

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def _listen(self) -> None:
        if self._runner is not None:
            return
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((HOST, self._port))
        self._port = sock.getsockname()[1]
        loop = asyncio.get_running_loop()

        def request(message: Any, payload: Any, protocol: Any, writer: Any, task: Any) -> web.BaseRequest:
            """aiohttp's default request but with room for Telegram-sized uploads (its cap is 1 MiB)."""
            return web.BaseRequest(message, payload, protocol, writer, task, loop, client_max_size=64 * 1024 * 1024)

        runner = web.ServerRunner(web.Server(self._handle, request_factory=request, access_log=None),
                                  handle_signals=False, shutdown_timeout=0.2)
        await runner.setup()
        await web.SockSite(runner, sock, backlog=1024).start()
        self._runner = runner

    async def _unlisten(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    # ------------------------------------------------------------------ updates

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates; assigns update_id if missing and returns it.

        Also remembers the chats, users and messages it carries, so getChatMember and edits of
        a button's message behave consistently.
        """
        uid, kind, data = self.world.updates.push(update)
        self.world.learn(data.get(kind))
        self.log.stats["updates_pushed"] += 1
        return uid

    def push_updates(self, updates: Iterable[dict[str, Any]]) -> list[int]:
        """push_update for many; returns the ids."""
        return [self.push_update(u) for u in updates]

    @property
    def pending_updates(self) -> int:
        """Updates not yet confirmed by an offset."""
        return len(self.world.updates)

    @property
    def polls_waiting(self) -> int:
        """Long polls the server holds open right now (a pushed update answers them at once)."""
        return self.world.updates.polls_waiting

    # ------------------------------------------------------------------ configuration

    def script(self, method: str, *faults: Fault) -> None:
        """Queue one-shot faults for the next calls of ``method`` (case-insensitive)."""
        self.faults.script(self._canonical(method), faults)

    def random_faults(self, rate: float | None = 0.1, kinds: Sequence[str] = ("429", "500", "502", "slow", "drop"),
                      seed: int = 1, methods: Iterable[str] | None = None, slow_seconds: float = 0.2) -> None:
        """Fail a random ``rate`` of calls; ``random_faults(None)`` turns it off.

        ``methods=None`` means every method except getUpdates (faults there only slow PTB's
        polling backoff); list getUpdates explicitly to include it. Kinds: HTTP codes as
        strings ("429", "500", "502", "403", ...), "slow", "drop".
        """
        meths = frozenset(self._canonical(m) for m in methods) if methods is not None else None
        self.faults.randomly(rate, kinds, seed, meths, slow_seconds)

    def limit_send_rate(self, per_second: int | None) -> None:
        """Answer 429 (retry_after=1, not delivered) beyond ``per_second`` sends in any 1 s window."""
        self.limits.limit_rate(per_second)

    def block_chat(self, chat_id: int) -> None:
        """Sends to this chat fail with 403 'bot was blocked by the user'."""
        self.limits.blocked.add(chat_id)

    def migrate_chat(self, chat_id: int, new_chat_id: int) -> None:
        """Sends to this chat fail with 400 + migrate_to_chat_id (group became supergroup)."""
        self.limits.migrated[chat_id] = new_chat_id

    def add_chat(self, chat: dict[str, Any]) -> None:
        """Register a chat (e.g. from factories.make_chat) so messages use its type/title."""
        self.world.chats[int(chat["id"])] = dict(chat)

    def set_chat_admins(self, chat_id: int, user_ids: Iterable[int]) -> None:
        """getChatMember answers "administrator" for these users of the chat, "member" for others."""
        self.world.admins[chat_id] = {int(u) for u in user_ids}

    def _canonical(self, method: str) -> str:
        entry = self._methods.get(method.lower())
        return entry[0] if entry else method

    # ------------------------------------------------------------------ inspection

    @property
    def calls(self) -> list[Call]:
        """Every recorded call since the start or clear(), oldest first."""
        return self.log.calls

    @property
    def commands(self) -> dict[tuple[str, str], list[dict[str, Any]]]:
        """setMyCommands by (scope as sorted JSON, language_code)."""
        return self.world.commands

    def calls_of(self, method: str) -> list[Call]:
        """All recorded calls of one method (any outcome), oldest first."""
        return list(self.log.by_method.get(self._canonical(method), ()))

    def mark(self) -> int:
        """Current position in ``calls``; pass as ``since=`` to wait_for to ignore older calls."""
        return len(self.log.calls)

    def sent_texts(self, chat_id: int) -> list[str]:
        """Texts (as sent, markup included) of delivered sendMessage calls to a chat."""
        return list(self.log.sent_texts.get(chat_id, ()))

    def sent_count(self, chat_id: int) -> int:
        """Number of delivered sendMessage calls to a chat (duplicate detection)."""
        return len(self.log.sent_texts.get(chat_id, ()))

    def sent_counts(self) -> dict[int, int]:
        """Delivered sendMessage count per chat."""
        return {chat: len(texts) for chat, texts in self.log.sent_texts.items()}

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """The current state of a message (after edits), or None."""
        return self.world.messages.get((chat_id, message_id))

    def stats(self) -> dict[str, Any]:
        """Counters since start/clear(): requests, ok, errors_by_code, too_many_requests (all 429s),
        rate_limited (429s from limit_send_rate), delivered (all sends), delivered_messages
        (sendMessage), dropped, faults_injected, updates_pushed, updates_served, max_in_flight."""
        out = dict(self.log.stats)
        out["errors_by_code"] = dict(self.log.stats["errors_by_code"])
        out["pending_updates"] = self.pending_updates
        return out

    def clear(self) -> None:
        """Forget recorded calls, per-chat delivery records and stats (state like message ids stays)."""
        self.log.clear()

    def add_listener(self, listener: Callable[[Call], None]) -> Callable[[], None]:
        """Call ``listener(call)`` for every recorded call; returns a function that removes it."""
        self.log.listeners.append(listener)

        def remove() -> None:
            if listener in self.log.listeners:
                self.log.listeners.remove(listener)

        return remove

    async def wait_for(self, method: str, predicate: Callable[[Call], bool] | None = None, count: int = 1,
                       timeout: float = 30.0, *, since: int = 0) -> list[Call]:
        """Wait until ``count`` calls of ``method`` matching ``predicate`` were recorded.

        Counts calls recorded since clear() (or since ``since=api.mark()``), whatever their
        outcome; use ``predicate=lambda c: c.ok`` for successful ones. Returns the first
        ``count`` matches. The timeout only guards against a hang: on it, AssertionError lists the recent calls.
        """
        return await self.log.wait_for(self._canonical(method), predicate, count, timeout, since)

    def describe_calls(self, last: int = 25) -> str:
        """Human-readable listing of the most recent calls (empty getUpdates collapsed)."""
        return self.log.describe(last)

    # ------------------------------------------------------------------ HTTP

    async def _handle(self, request: web.BaseRequest) -> web.StreamResponse:
        token, _, method = request.path.removeprefix("/bot").partition("/")
        if not request.path.startswith("/bot") or token != self.token:
            return json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, 401)
        arrived = time.monotonic()
        stats = self.log.stats
        stats["requests"] += 1
        self._in_flight += 1
        stats["max_in_flight"] = max(stats["max_in_flight"], self._in_flight)
        try:
            return await self._answer(request, method, arrived)
        finally:
            self._in_flight -= 1

    async def _answer(self, request: web.BaseRequest, method: str, arrived: float) -> web.StreamResponse:
        try:
            params, files = await read_params(request)
        except Exception as exc:  # a malformed body
            return self._reject(Call(method, {}, arrived), bad_request(f"can't parse request: {exc}"))
        entry = self._methods.get(method.lower())
        if entry is None:
            return self._reject(Call(method, params, arrived, files=files), TelegramAPIError(404, "Not Found"))
        canon, func = entry
        call = Call(canon, params, arrived, files=files)
        try:
            fault = self.faults.next(canon)
            if fault is not None:
                response = await self._apply(fault, call)
                if response is not None:
                    return response
            if canon in SEND_METHODS:
                self._check_send(params)
            result = func(self.world, params)
            call.result = await result if inspect.isawaitable(result) else result
            if canon in SEND_METHODS:
                self.log.deliver(call)
            if fault is not None and fault.kind == "sent_then_drop":
                raise Drop()
        except Drop:
            call.status = 0
            self.log.stats["dropped"] += 1
            self.log.record(call)
            return drop_connection(request)
        except TelegramAPIError as api_err:
            return self._reject(call, api_err)
        except asyncio.CancelledError:
            call.status = 0
            call.fault = (call.fault + "," if call.fault else "") + "cancelled"
            self.log.record(call)
            raise
        except Exception as exc:  # a bug in the fake: make it visible in the test's failure
            return self._reject(call, TelegramAPIError(500, f"Internal Server Error: FakeBotAPI bug: {exc!r}"))
        if canon == "getUpdates":
            self.log.stats["updates_served"] += len(call.result)
        self.log.stats["ok"] += 1
        self.log.record(call)
        return json_response({"ok": True, "result": call.result})

    async def _apply(self, fault: Fault, call: Call) -> web.Response | None:
        """Act out a fault: wait, drop, fail, or answer a raw body; None lets the call go on."""
        call.fault = fault.label()
        self.log.stats["faults_injected"] += 1
        if fault.kind == "delay":
            await asyncio.sleep(fault.seconds)
        elif fault.kind == "drop":
            raise Drop()
        elif fault.kind == "error":
            raise fault.to_error()
        elif fault.kind == "raw":
            call.status = fault.code
            self.log.count_error(fault.code)
            self.log.record(call)
            return web.Response(body=fault.body, status=fault.code, content_type=fault.content_type)
        return None

    def _check_send(self, params: dict[str, Any]) -> None:
        self.limits.check_chat(params)
        if not self.limits.check_rate():
            self.log.stats["rate_limited"] += 1
            raise TelegramAPIError(429, "Too Many Requests: retry after 1", {"retry_after": 1})

    def _reject(self, call: Call, err: TelegramAPIError) -> web.Response:
        """Record ``call`` as failed with ``err`` and build the error response."""
        call.status = err.code
        call.error = err.payload()
        self.log.count_error(err.code)
        self.log.record(call)
        return json_response(call.error, err.code)

