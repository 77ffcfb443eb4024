"""The broadcast's request backend: PTB's BaseRequest on aiohttp, for hundreds of messages a second.

PTB's default HTTPXRequest costs about 0.8 ms of CPU per request on the 2-core test machine
(httpx → httpcore → anyio), which caps one process near 550 messages/s; aiohttp does the same
request in about 0.16 ms (benchmarks/broadcast.py). Errors are raised the way HTTPXRequest raises
them, with the aiohttp exception as ``__cause__``, so handlers/sender.py can tell "surely not
sent" (the connection was never made) from "in doubt" (it went out). Only the broadcast and the
webhook server import aiohttp; the polling bot never loads it.
"""

from __future__ import annotations

from typing import Final

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

__all__ = ["NOT_SENT", "AiohttpRequest"]


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
