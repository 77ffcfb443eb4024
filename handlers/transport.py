"""How the bot talks to the Bot API: the PTB request backends and their settings.

* JSONRequest (httpx, the running bot): a method's parameters as one UTF-8 JSON body.
* Transport / TRANSPORT: connection pools, timeouts and concurrent updates of the Application
  (the throughput benchmark's echo bot is built with the same settings).
* AiohttpRequest (the broadcast): a request backend on aiohttp, for hundreds of messages a
  second. PTB's default HTTPXRequest costs about 0.8 ms of CPU per request on the 2-core test
  machine (httpx → httpcore → anyio), which caps one process near 550 messages/s; aiohttp does
  the same request in about 0.16 ms (benchmarks/broadcast.py). Errors are raised the way
  HTTPXRequest raises them, with the aiohttp exception as ``__cause__``, so handlers/sender.py
  can tell "surely not sent" (the connection was never made) from "in doubt" (it went out).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import aiohttp
import httpx
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.ext import ApplicationBuilder
from telegram.request import BaseRequest, HTTPXRequest, RequestData

__all__ = ["NOT_SENT", "TRANSPORT", "AiohttpRequest", "JSONRequest", "Transport"]


class JSONRequest(HTTPXRequest):
    """Sends a method's parameters as one JSON body (the Bot API accepts it for everything but
    uploads) instead of PTB's percent-encoded form. It leans on PTB internals, so it stays only
    while it pays: benchmarks/json_request.py measured 17% less client CPU per sendMessage (221
    vs 265 µs) and 9% fewer bytes for a Russian answer. Errors map exactly as in HTTPXRequest."""

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = BaseRequest.DEFAULT_NONE,
        write_timeout: object = BaseRequest.DEFAULT_NONE,
        connect_timeout: object = BaseRequest.DEFAULT_NONE,
        pool_timeout: object = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if request_data is None or request_data.contains_files or self._client.is_closed:
            return await super().do_request(url, method, request_data, read_timeout, write_timeout,  # type: ignore[arg-type]
                                            connect_timeout, pool_timeout)  # type: ignore[arg-type]
        default = self._client.timeout
        timeout = httpx.Timeout(connect=_seconds(connect_timeout, default.connect), read=_seconds(read_timeout, default.read),
                                write=_seconds(write_timeout, default.write), pool=_seconds(pool_timeout, default.pool))
        headers = {"User-Agent": self.USER_AGENT, "Content-Type": "application/json"}
        try:
            res = await self._client.request(method=method, url=url, headers=headers, timeout=timeout,
                                             content=request_data.json_payload)
        except httpx.TimeoutException as err:
            if isinstance(err, httpx.PoolTimeout):
                raise TimedOut(message="Pool timeout: All connections in the connection pool are occupied. "
                                       "Request was *not* sent to Telegram.") from err
            raise TimedOut from err
        except httpx.HTTPError as err:
            raise NetworkError(f"httpx.{err.__class__.__name__}: {err}") from err
        return res.status_code, res.content


def _seconds(value: object, default: float | None) -> float | None:
    """A timeout given to a Bot method, or the request's default when PTB passed its DEFAULT_NONE."""
    return value if value is None or (isinstance(value, (int, float)) and not isinstance(value, bool)) else default


@dataclass(frozen=True, slots=True)
class Transport:
    """How an Application talks to the Bot API. The throughput benchmark builds its echo bot with
    the same settings, so the comparison measures our handlers and nothing else. Four updates at a
    time overlap Telegram's round trips (~40 updates/s per process at 100 ms each); more in flight
    costs CPU in httpcore's pool bookkeeping: at 8 the echo bot itself ran ~30% slower here."""

    concurrent_updates: int = 4
    connection_pool_size: int = 32
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    write_timeout: float = 10.0

    def apply(self, builder: ApplicationBuilder) -> ApplicationBuilder:  # type: ignore[type-arg]
        request = JSONRequest(connection_pool_size=self.connection_pool_size, connect_timeout=self.connect_timeout,
                               read_timeout=self.read_timeout, write_timeout=self.write_timeout)
        polling = JSONRequest(connect_timeout=self.connect_timeout, read_timeout=self.read_timeout)
        return builder.request(request).get_updates_request(polling).concurrent_updates(self.concurrent_updates or False)


TRANSPORT = Transport()


NOT_SENT: Final = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError)
"""aiohttp errors raised before a byte of the request left: safe to retry."""


class AiohttpRequest(BaseRequest):
    """BaseRequest over one aiohttp session with at most `connection_limit` connections."""

    def __init__(
        self,
        connection_limit: int = 16,
        read_timeout: float = 10.0,
        connect_timeout: float = 5.0,
        pool_timeout: float = 5.0,
    ) -> None:
        self._limit = connection_limit
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._limit, limit_per_host=self._limit)
            self._session = aiohttp.ClientSession(connector=connector, headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        read = self._read_timeout if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = self._connect_timeout if isinstance(connect_timeout, DefaultValue) else connect_timeout
        pool = self._pool_timeout if isinstance(pool_timeout, DefaultValue) else pool_timeout
        waiting = None if connect is None and pool is None else (connect or 0.0) + (pool or 0.0)
        timeout = aiohttp.ClientTimeout(total=None, connect=waiting, sock_connect=connect, sock_read=read)
        try:
            async with self._session.request(method, url, data=_body(request_data), timeout=timeout) as response:
                return response.status, await response.read()
        except NOT_SENT as err:
            raise NetworkError(f"aiohttp.{type(err).__name__}: request was not sent: {err}") from err
        except (TimeoutError, aiohttp.ServerTimeoutError) as err:
            raise TimedOut from err
        except aiohttp.ClientError as err:
            raise NetworkError(f"aiohttp.{type(err).__name__}: {err}") from err


def _body(request_data: RequestData | None) -> aiohttp.FormData | dict[str, str] | None:
    """Form fields as PTB encodes them (JSON values as strings), multipart when files are attached."""
    if request_data is None:
        return None
    fields = request_data.json_parameters
    if not request_data.contains_files:
        return fields
    form = aiohttp.FormData(fields)
    for name, part in request_data.multipart_data.items():
        filename, content, mime = part
        form.add_field(name, content, filename=filename, content_type=mime)
    return form
