"""`kzru-bot ask` end to end: the command line as a subprocess, offline, as the engine is checked.

The first engine start in a fresh cache embeds every fact (a minute or two); later ones read the
cache, hence the generous timeout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from bot.loader import default_data_dir

ROOT = Path(__file__).resolve().parents[2]

QUESTIONS = [
    "Қазақстан мен Ресей арасында дипломатиялық қатынас қашан орнады?",
    "протяжённость границы казахстана и россии",
    "baikonur lease",
    "What is the weather in Almaty today?",
]
TRADE_2011 = "Каким был товарооборот Казахстана и России в 2011 году?"
FOLLOWUP_2010 = "а в 2010?"
ANSWER_KINDS = {"fact", "list", "compare", "overview", "smalltalk", "decline"}
RECORD_FIELDS = {"q", "lang", "kind", "answered", "body", "text", "facts", "sources"}


def run_cli(*args: str, stdin: str | bytes = "") -> subprocess.CompletedProcess[str]:
    """`python -m bot` (the kzru-bot entry point), with no token in its environment."""
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    proc = subprocess.run([sys.executable, "-m", "bot", *args], input=data, capture_output=True,
                          timeout=600, env=env, cwd=ROOT, check=False)
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8"),
                                       proc.stderr.decode("utf-8", "replace"))


def json_records(proc: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert proc.returncode == 0, proc.stderr
    return [json.loads(line) for line in proc.stdout.splitlines()]


def test_json_batch_answers_every_stdin_line_in_order() -> None:
    records = json_records(run_cli("ask", "--json", stdin="\n".join(QUESTIONS) + "\n\n"))
    assert [r["q"] for r in records] == QUESTIONS
    for record in records:
        assert set(record) == RECORD_FIELDS  # independent questions: nothing resolved
        assert record["kind"] in ANSWER_KINDS
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
    assert decline["kind"] == "decline"
    assert decline["facts"] == [] and decline["sources"] == []


def test_forced_language_and_plain_text_with_an_argument() -> None:
    proc = run_cli("ask", "--lang", "ru", "baikonur", "lease")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "Байконур" in out
    assert "[1]" in out
    assert "Источники:" in out


def test_no_token_or_configuration_is_needed() -> None:
    records = json_records(run_cli("ask", "--json", "visits 2008"))
    assert len(records) == 1
    assert records[0]["answered"] and len(records[0]["facts"]) >= 2


def test_conversation_follow_up_leans_on_the_previous_line() -> None:
    first, second = json_records(run_cli("ask", "--conversation", "--json", stdin=f"{TRADE_2011}\n{FOLLOWUP_2010}\n"))
    assert first["q"] == TRADE_2011 and "resolved" not in first
    assert first["answered"] and "2011" in first["body"]
    assert second["q"] == FOLLOWUP_2010
    resolved = second["resolved"]
    assert isinstance(resolved, str) and resolved != FOLLOWUP_2010
    assert "2010" in resolved and "товарооборот" in resolved.lower()
    assert second["lang"] == "ru" and second["answered"] and second["facts"]
    assert "2010" in second["body"] and "[1]" in second["body"]


def test_without_conversation_every_line_stands_alone() -> None:
    first, second = json_records(run_cli("ask", "--json", stdin=f"{TRADE_2011}\n{FOLLOWUP_2010}\n"))
    assert first["answered"] and "2011" in first["body"]
    assert second["q"] == FOLLOWUP_2010 and "resolved" not in second
    assert not second["answered"] and second["kind"] == "decline"
    assert second["facts"] == [] and second["sources"] == []


def test_small_talk_and_declines_keep_the_conversation_going() -> None:
    lines = [TRADE_2011, "привет", "Who won the football world cup?", FOLLOWUP_2010]
    records = json_records(run_cli("ask", "--conversation", "--json", stdin="\n".join(lines) + "\n"))
    assert [r["q"] for r in records] == lines
    hello, football, followup = records[1:]
    assert hello["kind"] == "smalltalk" and hello["answered"] and hello["facts"] == []
    assert football["kind"] == "decline" and not football["answered"] and football["facts"] == []
    assert "resolved" not in hello and "resolved" not in football
    # neither gives the next question anything to lean on, so the trade question still does
    assert "2010" in str(followup["resolved"]) and "2010" in followup["body"] and followup["answered"]


def test_plain_text_conversation_prints_each_answer_with_its_sources() -> None:
    proc = run_cli("ask", "--conversation", stdin=f"{TRADE_2011}\n{FOLLOWUP_2010}\n")
    assert proc.returncode == 0, proc.stderr
    first, second = proc.stdout.split("Источники:")[:2]
    assert "2011" in first and "[1]" in first
    assert "2010" in second and "[1]" in second
    assert proc.stdout.count("Источники:") == 2 and not proc.stdout.lstrip().startswith("{")


def test_empty_stdin_prints_nothing() -> None:
    for args in (("ask",), ("ask", "--json"), ("ask", "--conversation", "--json")):
        proc = run_cli(*args, stdin="\n  \n")
        assert (proc.returncode, proc.stdout) == (0, ""), proc.stderr


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("kzru-bot ask: error: ")
    for word in words:
        assert word in lines[0]


def test_bad_input_is_one_line_and_exit_code_2() -> None:
    assert_one_line_error(run_cli("ask", "--conversation", "baikonur"), "--conversation", "stdin")
    assert_one_line_error(run_cli("ask", "  "), "empty")
    assert_one_line_error(run_cli("ask", "x" * 1001), "1001", "1000")
    assert_one_line_error(run_cli("ask", "--json", stdin=f"{TRADE_2011}\n\n{'й' * 1001}\n"), "line 3", "1000")
    assert_one_line_error(run_cli("ask", stdin=b"baikonur\n\xff\xfe lease\n"), "line 2", "UTF-8")


def test_a_reader_that_stops_early_ends_the_command_quietly() -> None:
    """`kzru-bot ask … | head -2`: once the reader has closed the pipe, no traceback and a clean exit."""
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    questions = ("baikonur lease\n" * 400).encode("utf-8")  # far more than a pipe buffer holds
    proc = subprocess.Popen([sys.executable, "-m", "bot", "ask"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env, cwd=ROOT)
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(questions)
    proc.stdin.close()
    assert proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=600) == 0
    assert "Traceback" not in proc.stderr.read().decode("utf-8", "replace")
