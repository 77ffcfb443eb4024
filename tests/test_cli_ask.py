"""`kzru-bot ask` end to end: the installed command line, offline, as the engine is checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import yaml

from bot.loader import default_data_dir

QUESTIONS = [
    "Қазақстан мен Ресей арасында дипломатиялық қатынас қашан орнады?",
    "протяжённость границы казахстана и россии",
    "baikonur lease",
    "What is the weather in Almaty today?",
]


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=120, env=env, check=False)


def test_json_batch_answers_every_stdin_line_in_order() -> None:
    proc = run_cli("ask", "--json", stdin="\n".join(QUESTIONS) + "\n\n")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["q"] for r in records] == QUESTIONS
    for record in records:
        assert set(record) == {"q", "lang", "answered", "body", "text", "facts", "sources"}
    assert [r["lang"] for r in records] == ["kk", "ru", "en", "en"]
    assert [r["answered"] for r in records] == [True, True, True, False]
    catalogue = {s["id"] for s in yaml.safe_load((default_data_dir() / "sources.yaml").read_text("utf-8"))["sources"]}
    for record in records[:3]:
        assert record["facts"] and set(record["sources"]) <= catalogue
        assert "[1]" in record["body"]
        assert record["text"].startswith(record["body"])
        assert len(record["text"]) > len(record["body"])
    border = records[1]
    assert border["facts"][0] == "fg-land-border-length"
    assert len(border["sources"]) >= 3
    decline = records[3]
    assert decline["facts"] == [] and decline["sources"] == []


def test_forced_language_and_plain_text_with_an_argument() -> None:
    proc = run_cli("ask", "--lang", "ru", "baikonur", "lease")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Байконур" in out
    assert "[1]" in out
    assert "Источники:" in out


def test_no_token_or_configuration_is_needed() -> None:
    proc = run_cli("ask", "--json", "visits 2008")
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["answered"] and len(record["facts"]) >= 2
