"""Configuration from the environment, checked once at start-up.

A `.env` file is read only where a command starts (`startup_settings()`, called by
bot/cli.py's config_or_exit for `kzru-bot run` and `kzru-bot broadcast`, and by `kzru-bot report`):
a library call or a test that builds a Config from a mapping never sees the files of its working
directory.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

TOKEN_RE = re.compile(r"^\d{3,15}:[A-Za-z0-9_-]{10,}$")
SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
DEFAULT_API = "https://api.telegram.org/bot"
DEFAULT_DB = "var/kzru.sqlite3"
DOTENV = ".env"
"""The settings file read from the working directory at start-up (under the environment)."""
FEEDBACK_KEY_LABEL = b"kzru-bot rater hash v1"
MIN_FEEDBACK_KEY = 16


class ConfigError(Exception):
    """One clear line for the operator; the bot exits with code 2."""


@dataclass(frozen=True, slots=True)
class Config:
    token: str = field(repr=False)
    """The bot token: kept out of repr() and str(), so a logged or printed Config never shows it."""
    api_base_url: str
    db_path: Path
    tz: str
    admin_ids: frozenset[int]
    log_level: str
    webhook_url: str | None
    webhook_secret: str | None = field(repr=False)
    webhook_port: int
    webhook_listen: str
    broadcast_rate: float
    data_dir: Path | None
    feedback_key: bytes = field(repr=False)
    """The HMAC key for rater hashes (see feedback_key()); kept out of repr like a secret."""

    @property
    def webhook_path(self) -> str:
        """The local path the webhook server answers on: the path of KZRU_WEBHOOK_URL, so a proxy
        can forward https://host/path to http://listen:port/path unchanged."""
        return urlsplit(self.webhook_url or "").path.strip("/")

    @property
    def file_base_url(self) -> str:
        """Where Telegram serves files: the API base with /file/ before the bot part."""
        base = self.api_base_url
        return base[: -len("bot")] + "file/bot" if base.endswith("/bot") else base + "file/bot"


def read_dotenv(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a .env file; comments and blank lines skipped, quotes stripped."""
    out: dict[str, str] = {}
    if not path.is_file():
        return out
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        out[key.strip().removeprefix("export ").strip()] = value.strip().strip("'\"")
    return out


def settings(env: Mapping[str, str] | None = None, dotenv: Path | None = None) -> dict[str, str]:
    """`env` (default: the process environment) over the KEY=VALUE lines of `dotenv`; no file is
    read unless one is named."""
    return {**(read_dotenv(dotenv) if dotenv is not None else {}), **(env if env is not None else os.environ)}


def startup_settings() -> dict[str, str]:
    """The process environment over the `.env` file of the working directory: what `kzru-bot run`
    and `kzru-bot broadcast` (and the offline reports) start with. Only command entry points call it."""
    return settings(dotenv=Path.cwd() / DOTENV)


def database_path(merged: Mapping[str, str]) -> Path:
    """KZRU_DB_PATH of these settings, else the default: the bot and `kzru-bot report` read the same one."""
    return Path(merged.get("KZRU_DB_PATH") or DEFAULT_DB)


def feedback_key(token: str, secret: str | None) -> bytes:
    """The key rater hashes are made with: KZRU_FEEDBACK_KEY if set, else derived from the token.

    Why derived and not the token itself: the key must be secret, but a hash keyed with the token
    would tie the ratings table to the credential. A new token (or key) starts counting people
    afresh: set KZRU_FEEDBACK_KEY to keep one person one rating across token changes.
    """
    return hmac.new((secret or token).encode("utf-8"), FEEDBACK_KEY_LABEL, hashlib.sha256).digest()


def load_config(env: Mapping[str, str] | None = None, data_dir: Path | None = None) -> Config:
    """The configuration from `env` (default: the process environment; no `.env` file is read here,
    see startup_settings()), or ConfigError naming the one thing that is wrong (never the token)."""
    merged = settings(env)
    token = merged.get("TELEGRAM_BOT_TOKEN", "").strip()
    if not token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather and set it.")
    if not TOKEN_RE.match(token):
        raise ConfigError("TELEGRAM_BOT_TOKEN is malformed: expected digits, a colon and a long key.")
    tz = merged.get("KZRU_TZ", "Asia/Almaty") or "Asia/Almaty"
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"KZRU_TZ {tz!r} is not a known time zone (use an IANA name like Asia/Almaty).") from None
    admin_ids: set[int] = set()
    for part in re.split(r"[,\s]+", merged.get("KZRU_ADMIN_IDS", "").strip()):
        if part:
            if not part.lstrip("-").isdigit():
                raise ConfigError(f"KZRU_ADMIN_IDS: {part!r} is not a Telegram user id.")
            admin_ids.add(int(part))
    try:
        rate = float(merged.get("KZRU_BROADCAST_RATE", "25") or 25)
        port = int(merged.get("KZRU_WEBHOOK_PORT", "8443") or 8443)
    except ValueError as exc:
        raise ConfigError(f"a number setting is not a number: {exc}") from None
    if rate <= 0:
        raise ConfigError("KZRU_BROADCAST_RATE must be above 0.")
    webhook_url = merged.get("KZRU_WEBHOOK_URL") or None
    secret = merged.get("KZRU_WEBHOOK_SECRET") or None
    if webhook_url and not secret:
        raise ConfigError("KZRU_WEBHOOK_URL is set but KZRU_WEBHOOK_SECRET is not: webhooks need a secret token.")
    if webhook_url and not (urlsplit(webhook_url).scheme in ("http", "https") and urlsplit(webhook_url).hostname):
        raise ConfigError("KZRU_WEBHOOK_URL must be a URL like https://example.org/telegram.")
    if secret and not SECRET_RE.match(secret):
        raise ConfigError("KZRU_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -.")
    if not 0 < port < 65536:
        raise ConfigError(f"KZRU_WEBHOOK_PORT {port} is not a TCP port.")
    data_env = merged.get("KZRU_DATA_DIR")
    feedback_secret = merged.get("KZRU_FEEDBACK_KEY") or None
    if feedback_secret is not None and len(feedback_secret) < MIN_FEEDBACK_KEY:
        raise ConfigError(f"KZRU_FEEDBACK_KEY must have at least {MIN_FEEDBACK_KEY} characters.")
    return Config(
        token=token,
        api_base_url=merged.get("TELEGRAM_API_BASE_URL") or DEFAULT_API,
        db_path=database_path(merged),
        tz=tz,
        admin_ids=frozenset(admin_ids),
        log_level=(merged.get("KZRU_LOG_LEVEL") or "INFO").upper(),
        webhook_url=webhook_url,
        webhook_secret=secret,
        webhook_port=port,
        webhook_listen=merged.get("KZRU_WEBHOOK_LISTEN") or "0.0.0.0",  # noqa: S104 - behind a proxy or in a container
        broadcast_rate=rate,
        data_dir=data_dir or (Path(data_env) if data_env else None),
        feedback_key=feedback_key(token, feedback_secret),
    )
