"""The Bot API's wire format: how a request's parameters arrive and how answers and errors look.

Why: PTB sends JSON, urlencoded or multipart bodies (files), JSON-encoding nested values in
forms; the fake must read all three as Telegram does and answer in Telegram's exact shapes.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web
from aiohttp.web_request import FileField


class TelegramAPIError(Exception):
    """Raised by method implementations to answer with a Telegram-shaped error."""

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


def bad_request(reason: str) -> TelegramAPIError:
    return TelegramAPIError(400, f"Bad Request: {reason}")


class Drop(Exception):
    """Close the connection without answering (a fault, or the server going down)."""


@dataclass(frozen=True, slots=True)
class Upload:
    """A file that arrived as a multipart part (the bot uploaded bytes)."""

    field: str
    filename: str | None
    content_type: str | None
    data: bytes


# Plain strings in the Bot API: never JSON-decoded, even when they look like numbers or booleans.
_STRING_PARAMS = frozenset({
    "text", "caption", "parse_mode", "callback_query_id", "inline_query_id", "inline_message_id",
    "description", "short_description", "language_code", "url", "secret_token", "photo", "document",
})
_NUMBER_RE = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")


def decode_value(key: str, value: Any) -> Any:
    """Turn a form/multipart string back into the Python value PTB JSON-encoded."""
    if not isinstance(value, str) or not value or key in _STRING_PARAMS:
        return value
    if value[0] in "{[" or value in ("true", "false", "null") or _NUMBER_RE.fullmatch(value):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


async def read_params(request: web.BaseRequest) -> tuple[dict[str, Any], dict[str, Upload]]:
    """The request's parameters (decoded) and its uploaded files; an upload also stands as its parameter."""
    params: dict[str, Any] = {}
    files: dict[str, Upload] = {}
    if request.method not in ("POST", "PUT") or not request.body_exists:
        return params, files
    if request.content_type == "application/json":
        data = json.loads(await request.read() or b"{}")
        if isinstance(data, dict):
            params = {key: decode_value(key, value) for key, value in data.items()}
    elif request.content_type == "multipart/form-data":
        for key, part in (await request.post()).items():
            if isinstance(part, FileField):
                files[key] = Upload(key, part.filename, part.content_type, part.file.read())
            else:
                params[key] = decode_value(key, part if isinstance(part, str) else bytes(part).decode())
        params.update({key: upload for key, upload in files.items() if key not in params})
    else:
        body = (await request.read()).decode("utf-8", "replace")
        params = {key: decode_value(key, value) for key, value in parse_qsl(body, keep_blank_values=True)}
    return params, files


def json_response(payload: Any, status: int = 200) -> web.Response:
    return web.Response(body=json.dumps(payload, ensure_ascii=False).encode("utf-8"), status=status,
                        content_type="application/json")


def drop_connection(request: web.BaseRequest) -> web.Response:
    """Close the socket; aiohttp then fails to write the returned response and moves on quietly."""
    if request.transport is not None:
        request.transport.close()
    return web.Response(status=500)


def norm_chat(chat_id: Any) -> int | None:
    """A chat id as the int it is on the wire (PTB sends ints; forms are decoded to ints), else None."""
    return chat_id if isinstance(chat_id, int) and not isinstance(chat_id, bool) else None
