"""PTBSender's error mapping, through PTB's real request code with a mocked HTTP transport (no network)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.delivery import OutcomeKind
from handlers.sender import PTBSender, classify


class MockRequest(HTTPXRequest):
    def __init__(self, handler: Callable[[httpx.Request], httpx.Response]) -> None:
        self._handler = handler
        super().__init__()

    def _build_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self._handler))


def raises(error: type[Exception]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error("simulated", request=request)  # type: ignore[call-arg]

    return handler


def answers(status: int, body: dict[str, Any] | str) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        if isinstance(body, str):
            return httpx.Response(status, text=body)
        return httpx.Response(status, json=body)

    return handler


def error_body(code: int, description: str, **parameters: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        body["parameters"] = parameters
    return body


@pytest.mark.parametrize(
    ("handler", "kind"),
    [
        (answers(403, error_body(403, "Forbidden: bot was blocked by the user")), OutcomeKind.BLOCKED),
        (answers(400, error_body(400, "Bad Request: chat not found")), OutcomeKind.BAD_REQUEST),
        (answers(500, error_body(500, "Internal Server Error")), OutcomeKind.TRANSIENT),
        (answers(502, "<html>502 Bad Gateway</html>"), OutcomeKind.TRANSIENT),
        (answers(504, "<html>504 Gateway Time-out</html>"), OutcomeKind.UNKNOWN),
        (raises(httpx.ConnectError), OutcomeKind.TRANSIENT),
        (raises(httpx.ConnectTimeout), OutcomeKind.TRANSIENT),
        (raises(httpx.PoolTimeout), OutcomeKind.TRANSIENT),
        (raises(httpx.ReadTimeout), OutcomeKind.UNKNOWN),
        (raises(httpx.WriteTimeout), OutcomeKind.UNKNOWN),
        (raises(httpx.ReadError), OutcomeKind.UNKNOWN),
        (raises(httpx.RemoteProtocolError), OutcomeKind.UNKNOWN),
    ],
)
async def test_ptb_sender_classifies_real_ptb_errors(
    handler: Callable[[httpx.Request], httpx.Response], kind: OutcomeKind
) -> None:
    sender = PTBSender(Bot("123:abc", request=MockRequest(handler)))
    outcome = await sender.send(1, None, "<b>hi</b>")
    assert outcome.kind is kind


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_ptb_sender_migration_and_flood_control() -> None:
    migrated = PTBSender(Bot("1:a", request=MockRequest(answers(400, error_body(400, "migrated", migrate_to_chat_id=-1009)))))
    outcome = await migrated.send(-9, None, "x")
    assert outcome.kind is OutcomeKind.MIGRATED and outcome.new_chat_id == -1009
    flood = PTBSender(Bot("1:a", request=MockRequest(answers(429, error_body(429, "Too Many Requests", retry_after=7)))))
    outcome = await flood.send(1, None, "x")
    assert outcome.kind is OutcomeKind.RETRY_AFTER and outcome.retry_after == 7.0


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_ptb_retry_after_as_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    from telegram.error import RetryAfter

    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    outcome = classify(RetryAfter(dt.timedelta(seconds=2.5)))
    assert outcome.kind is OutcomeKind.RETRY_AFTER and outcome.retry_after == 2.5
    monkeypatch.delenv("PTB_TIMEDELTA")
    assert classify(RetryAfter(4)).retry_after == 4.0


async def test_ptb_sender_request_shape() -> None:
    seen: list[httpx.Request] = []

    def ok(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200,
            json={
                "ok": True,
                "result": {"message_id": 1, "date": 0, "chat": {"id": -100, "type": "supergroup"}, "text": "hi"},
            },
        )

    sender = PTBSender(Bot("123:abc", request=MockRequest(ok)))
    outcome = await sender.send(-100, 12, "<b>hi</b>")
    assert outcome.kind is OutcomeKind.SENT
    body = seen[0].content.decode()
    assert seen[0].url.path.endswith("/sendMessage")
    assert "parse_mode=HTML" in body and "message_thread_id=12" in body
    assert "is_disabled" in httpx.QueryParams(body)["link_preview_options"]
