"""Logging for the bot and the broadcast: one stderr handler whose lines never show a secret."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable

from bot.config import Config

log = logging.getLogger("kzru")

MIN_SECRET = 8
"""Shorter strings are not redacted: they would blank out ordinary words."""


class RedactingFormatter(logging.Formatter):
    """Removes the bot token (and its secret half, in case it was cut or URL-encoded) and the webhook
    secret from every log line, tracebacks included: the token is part of every request URL."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self.secrets = sorted({s for s in secrets if len(s) >= MIN_SECRET}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for secret in self.secrets:
            text = text.replace(secret, "<redacted>")
        return text


def secrets_of(config: Config) -> list[str]:
    """What must never reach a log line: the token, its part after the colon, the webhook secret."""
    return [config.token, config.token.partition(":")[2], config.webhook_secret or ""]


def setup_logging(config: Config, *filters: Callable[[logging.LogRecord], bool]) -> None:
    """One stderr handler with redaction (and `filters`); warnings and uncaught exceptions go through it too."""
    handler = logging.StreamHandler(sys.stderr)
    for keep in filters:
        handler.addFilter(keep)
    handler.setFormatter(RedactingFormatter(secrets_of(config)))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    level = config.log_level if config.log_level in logging.getLevelNamesMapping() else "INFO"
    root.setLevel(level)
    # httpx logs every request URL (token included, redacted above) at INFO: only worth it when debugging.
    logging.getLogger("httpx").setLevel(logging.DEBUG if level == "DEBUG" else logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.captureWarnings(True)
    sys.excepthook = lambda kind, value, tb: log.critical("crashed", exc_info=(kind, value, tb))
