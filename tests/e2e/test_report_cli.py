"""`kzru-bot report` and `kzru-bot calendar` as subprocesses, on a database the bot's own code wrote.

Editors work offline: they read the bot's SQLite file (KZRU_DB_PATH, or --db) as a table, CSV or
JSON. Bad input gets one clear line on stderr and exit code 2, and nothing on stdout.
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from botharness import real_store
from icalendar import Calendar

from bot.editorial import EditorialLoop
from bot.feedback import AnswerSummary, normalise_question
from bot.storage import Repository

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.datetime(2026, 2, 1, 10, 0, tzinfo=dt.UTC)


def run_cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot …` (the kzru-bot entry point) with none of our settings inherited."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "KZRU_"))}
    clean.update(PYTHONPATH=str(ROOT), **env)
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=cwd, env=clean,
                          timeout=120, check=False)


def decline(question: str, closest: tuple[str, ...] = ()) -> AnswerSummary:
    return AnswerSummary(normalise_question(question), "ru", "cyrl", "decline", False, (), closest)


def answer(question: str, facts: tuple[str, ...]) -> AnswerSummary:
    return AnswerSummary(normalise_question(question), "en", "cyrl", "fact", True, facts, facts)


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A log written by the bot's own code: a question declined three times (two before 2026-02-05),
    one declined once on 2026-02-10, one marked answered, and 👍/👎 on two facts."""
    path = tmp_path_factory.mktemp("report") / "bot.sqlite3"

    async def fill() -> None:
        now = [DAY]
        repo = await Repository.open(path)
        loop = EditorialLoop(repo, b"r" * 32, lambda: now[0])
        try:
            for text in ("Вступит ли Казахстан в БРИКС?", "вступит ли казахстан в брикс"):
                await loop.answered(decline(text, ("ev-russian-ban-and-brics",)), "private")
            answered_later = await loop.answered(decline("Когда подписан договор о Байконуре?"), "private")
            assert answered_later is not None
            [entry] = [q for q in await loop.questions() if "байконур" in q.question]
            await repo.mark_answered([(entry.id, "tr-baikonur-lease-1994")], DAY)
            good = await loop.answered(answer(" When were relations established ", ("ev-diplomatic-relations-1992",)), "group")
            bad = await loop.answered(answer("baikonur lease", ("tr-baikonur-lease-1994",)), "private")
            assert good is not None and bad is not None
            await loop.rate(good, 1, 1)
            await loop.rate(bad, 1, -1)
            await loop.rate(bad, 2, -1)
            now[0] = DAY + dt.timedelta(days=9)
            await loop.answered(decline("ВСТУПИТ ЛИ Казахстан в БРИКС"), "supergroup")
            await loop.answered(decline("Какая погода в Астане?"), "private")
            await loop.close()
        finally:
            await repo.close()

    asyncio.run(fill())
    return path


def test_unanswered_as_json_most_asked_first_with_state_and_answering_fact(database: Path, tmp_path: Path) -> None:
    proc = run_cli("report", "unanswered", "--format", "json", "--db", str(database), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    assert [(r["question"], r["count"], r["status"]) for r in rows] == [
        ("вступит ли казахстан в брикс", 3, "open"),
        ("baikonur lease", 2, "open"),
        ("какая погода в астане", 1, "open"),
        ("когда подписан договор о байконуре", 1, "answered"),
    ]
    brics = rows[0]
    assert (brics["declined"], brics["rated_down"], brics["lang"], brics["script"]) == (3, 0, "ru", "cyrl")
    assert brics["first_seen"].startswith("2026-02-01") and brics["last_seen"].startswith("2026-02-10")
    assert brics["closest"] == ["ev-russian-ban-and-brics"], "an empty offer keeps the last one"
    assert rows[1]["closest"] == ["tr-baikonur-lease-1994"] and rows[1]["rated_down"] == 2
    assert rows[3]["answered_by"] == "tr-baikonur-lease-1994"


def test_since_keeps_what_was_asked_on_or_after_that_day(database: Path, tmp_path: Path) -> None:
    proc = run_cli("report", "unanswered", "--since", "2026-02-05", "--format", "csv", "--db", str(database), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [(r["question"], r["count"]) for r in rows] == [("вступит ли казахстан в брикс", "3"),
                                                            ("какая погода в астане", "1")]
    later = run_cli("report", "unanswered", "--since", "2026-03-01", "--format", "csv", "--db", str(database), cwd=tmp_path)
    assert later.returncode == 0 and later.stdout.splitlines() == [later.stdout.splitlines()[0]], "the header only"


def test_the_database_comes_from_kzru_db_path_like_the_bots(database: Path, tmp_path: Path) -> None:
    proc = run_cli("report", "unanswered", cwd=tmp_path, KZRU_DB_PATH=str(database))
    assert proc.returncode == 0, proc.stderr
    header, *lines = proc.stdout.splitlines()
    assert header.split()[:4] == ["count", "declined", "rated_down", "status"] and header.rstrip().endswith("question")
    assert len(lines) == 4 and lines[0].endswith("вступит ли казахстан в брикс")
    (tmp_path / ".env").write_text(f"KZRU_DB_PATH={database}\n", encoding="utf-8")
    from_dotenv = run_cli("report", "unanswered", "--format", "json", cwd=tmp_path)
    assert from_dotenv.returncode == 0 and len(json.loads(from_dotenv.stdout)) == 4, "a .env file is read too"


def test_feedback_per_fact_worst_first_with_titles(database: Path, tmp_path: Path) -> None:
    proc = run_cli("report", "feedback", "--format", "csv", "--lang", "ru", "--db", str(database), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    store = real_store()
    assert [(r["fact_id"], r["up"], r["down"], r["score"]) for r in rows] == [
        ("tr-baikonur-lease-1994", "0", "2", "-2"), ("ev-diplomatic-relations-1992", "1", "0", "1")]
    lease = store.get("tr-baikonur-lease-1994")
    assert lease is not None and rows[0]["title"] == lease.title["ru"]
    since = run_cli("report", "feedback", "--since", "2026-02-02", "--format", "json", "--db", str(database), cwd=tmp_path)
    assert since.returncode == 0 and json.loads(since.stdout) == [], "every rating is from 2026-02-01"


NOT_A_DATE = "kzru-bot report: error: --since {!r} is not a date like 2026-10-22"
NOT_A_FORMAT = "kzru-bot report: error: --format {!r} is not one of text, csv, json"


@pytest.mark.parametrize(("args", "message"), [
    (("report", "unanswered", "--since", "2026-13-01"), NOT_A_DATE.format("2026-13-01")),
    (("report", "feedback", "--since", "yesterday"), NOT_A_DATE.format("yesterday")),
    (("report", "unanswered", "--since", "20260201"), NOT_A_DATE.format("20260201")),
    (("report", "unanswered", "--format", "xml"), NOT_A_FORMAT.format("xml")),
    (("report", "feedback", "--format", "CSV"), NOT_A_FORMAT.format("CSV")),
])
def test_bad_input_is_one_clear_line_and_exit_code_2(database: Path, tmp_path: Path, args: tuple[str, ...],
                                                     message: str) -> None:
    proc = run_cli(*args, "--db", str(database), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [message] and proc.stdout == ""


def test_a_missing_database_is_reported_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "none" / "kzru.sqlite3"
    proc = run_cli("report", "unanswered", cwd=tmp_path, KZRU_DB_PATH=str(missing))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.splitlines() == [f"kzru-bot report: error: no database at {missing} (set KZRU_DB_PATH or --db)"]
    assert not missing.exists() and not missing.parent.exists()


def test_calendar_command_writes_the_same_events_as_the_bot(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "bot", "calendar", "--lang", "kk"], capture_output=True, cwd=tmp_path,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    events = Calendar.from_ical(proc.stdout).walk("VEVENT")
    store = real_store()
    assert len(events) == sum(len(set(f.anniversary_dates)) for f in store.facts)
    titles = {f.id: f.title["kk"] for f in store.facts}
    for event in events:
        uid = str(event["uid"]).removesuffix("@kzru-bot")
        fact_id = uid if uid in titles else uid.rsplit("-", 1)[0]
        assert str(event["summary"]) == titles[fact_id]
