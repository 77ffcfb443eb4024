"""The aiohttp request backend now lives in handlers/transport.py; this module keeps its old import path."""

from __future__ import annotations

from handlers.transport import NOT_SENT, AiohttpRequest

__all__ = ["NOT_SENT", "AiohttpRequest"]
