"""Configuration: a `.env` file is read only where the bot or a broadcast starts, and the token
never shows in a Config's repr or str."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot import cli
from bot.config import Config, ConfigError, load_config, startup_settings

TOKEN = "123456:UNIT-token_abcdefgh"
JUNK_DOTENV = "\n".join([
    "TELEGRAM_BOT_TOKEN=junk",
    "KZRU_TZ=Not/A_Zone",
    "KZRU_FEEDBACK_KEY=short",
    "KZRU_WEBHOOK_URL=not a url",
    "KZRU_BROADCAST_RATE=-1",
    "KZRU_ADMIN_IDS=x,y",
    "KZRU_DB_PATH=/nonexistent/junk.sqlite3",
    "this line has no equals sign",
    "\x00\x01 binary-ish",
    "",
])


@pytest.fixture
def junk_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory whose .env would break every setting, and no bot variables in the environment."""
    for name in list(os.environ):
        if name.startswith(("TELEGRAM_", "KZRU_")):
            monkeypatch.delenv(name)
    (tmp_path / ".env").write_text(JUNK_DOTENV, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_load_config_ignores_a_junk_dotenv_in_the_working_directory(junk_cwd: Path) -> None:
    config = load_config({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert config.token == TOKEN
    assert config.tz == "Asia/Almaty"
    assert config.db_path == Path("var/kzru.sqlite3")
    assert config.admin_ids == frozenset()
    assert config.webhook_url is None
    assert config.broadcast_rate == 25.0


def test_load_config_from_the_process_environment_ignores_the_dotenv_too(
        junk_cwd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    assert load_config().tz == "Asia/Almaty"
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN")
    with pytest.raises(ConfigError, match="not set"):
        load_config()  # the junk .env holds a token, but a library call never reads it


def test_startup_settings_read_the_dotenv_under_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\nKZRU_TZ=Europe/Moscow\n", encoding="utf-8")
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.setenv("KZRU_TZ", "Asia/Aqtobe")
    merged = startup_settings()
    assert merged["TELEGRAM_BOT_TOKEN"] == TOKEN, "the .env file is read at start-up"
    assert merged["KZRU_TZ"] == "Asia/Aqtobe", "the environment wins over the file"


def test_the_composition_root_reads_the_dotenv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`kzru-bot run` and `kzru-bot broadcast` start from config_or_exit: the environment over ./.env."""
    monkeypatch.chdir(tmp_path)
    for name in ("TELEGRAM_BOT_TOKEN", "KZRU_TZ", "KZRU_DATA_DIR"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / ".env").write_text(f"TELEGRAM_BOT_TOKEN='{TOKEN}'\nKZRU_TZ=Europe/Moscow\n", encoding="utf-8")
    config = cli.config_or_exit(None)
    assert (config.token, config.tz) == (TOKEN, "Europe/Moscow")
    (tmp_path / ".env").write_text("KZRU_TZ=Not/A_Zone\n", encoding="utf-8")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    with pytest.raises(SystemExit) as exit_info:
        cli.config_or_exit(None)
    assert exit_info.value.code == 2


def _config() -> Config:
    return load_config({"TELEGRAM_BOT_TOKEN": TOKEN, "KZRU_WEBHOOK_URL": "https://example.org/hook",
                        "KZRU_WEBHOOK_SECRET": "webhook_secret_value_123", "KZRU_FEEDBACK_KEY": "f" * 24})


@pytest.mark.parametrize("show", [repr, str, lambda c: f"{c}", lambda c: f"{c!r}", lambda c: repr([c])])
def test_the_token_never_appears_in_repr_or_str(show: object) -> None:
    config = _config()
    assert callable(show)
    text = show(config)
    assert TOKEN not in text
    assert TOKEN.partition(":")[2] not in text, "not even the secret half"
    assert "webhook_secret_value_123" not in text
    assert "Asia/Almaty" in text, "the rest of the configuration is still shown"


def test_config_errors_never_name_the_token() -> None:
    bad = "123456:" + "x" * 5
    with pytest.raises(ConfigError) as error:
        load_config({"TELEGRAM_BOT_TOKEN": bad})
    assert bad not in str(error.value)
