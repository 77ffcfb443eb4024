"""How the bot talks to the Bot API: the PTB request backends and their settings.

* JSONRequest (httpx, the running bot): a method's parameters as one UTF-8 JSON body.
* Transport / TRANSPORT: connection pools, timeouts and concurrent updates of the Application
  (the throughput benchmark's echo bot is built with the same settings).
* The broadcast's aiohttp backend lives in handlers/aiohttp_request.py, imported only where it
  is used: aiohttp costs the polling bot ~10 MB of memory it would never use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.ext import ApplicationBuilder
from telegram.request import BaseRequest, HTTPXRequest, RequestData

__all__ = ["BOOTSTRAP_RETRIES", "TRANSPORT", "JSONRequest", "Transport"]


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


BOOTSTRAP_RETRIES: Final = 5
"""Start-up attempts at RETRY_INTERVAL when Telegram is unreachable, polling or webhook (a rejected token is not retried)."""
