"""The `kzru-bot` command: ask, data check, run, broadcast, report, calendar."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from bot.config import Config, ConfigError, load_config, startup_settings
from bot.engine import Answer, AnswerEngine, Turn
from bot.loader import DataError, default_data_dir, load_store
from bot.model import KINDS, LANGS
from bot.render_text import body_text, full_text
from bot.store import FactStore

EXIT_DATA = 2
EXIT_USAGE = 2
EXIT_STORAGE = 3
"""`run`/`broadcast`: the database cannot be used (not a database, damaged, disk full, a file-size
limit, read-only, locked by another process)."""
EXIT_CONFLICT = 4
"""`run`: Telegram answered getUpdates with 409 Conflict for a few seconds (another instance polls
with this token, or a webhook is set)."""
MAX_QUESTION = 1000
"""The longest question `ask` takes: the bot's own limit for a message to /ask."""


class InputError(Exception):
    """Input `ask` cannot take: one line for stderr, exit code 2."""


def config_or_exit(data_dir: Path | None) -> Config:
    """The configuration `run` and `broadcast` start with (the environment over ./.env), or one
    line on stderr and exit code 2."""
    try:
        return load_config(startup_settings(), data_dir=data_dir)
    except ConfigError as exc:
        print(f"kzru-bot: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_DATA) from None


def storage_or_exit(db_path: Path) -> None:
    """Open (creating or migrating) and close the database before starting: any problem with it is
    one line on stderr and EXIT_STORAGE, never a traceback from inside the bot's start-up."""
    from bot.storage import Repository, StorageError

    async def check() -> None:
        repo = await Repository.open(db_path)
        await repo.close()

    try:
        asyncio.run(check())
    except StorageError as exc:
        print(f"kzru-bot: cannot use the {exc}", file=sys.stderr)
        raise SystemExit(EXIT_STORAGE) from None


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kzru-bot", description="Kazakhstan–Russia relations, cited.")
    ap.add_argument("--data", type=Path, default=None, help="data folder (default: the bundled data)")
    sub = ap.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", help="answer questions offline (from arguments or one per line on stdin)")
    ask.add_argument("--lang", choices=("kk", "ru", "en"), default=None, help="force the answer language")
    ask.add_argument("--json", action="store_true", help="one JSON object per line per question")
    ask.add_argument("--conversation", action="store_true",
                     help="stdin is one conversation: a line may follow up the one before (\"and in 2010?\")")
    ask.add_argument("question", nargs="*")
    data = sub.add_parser("data", help="data tools")
    data_sub = data.add_subparsers(dest="data_command", required=True)
    data_sub.add_parser("check", help="validate the data and print a summary")
    sub.add_parser("run", help="run the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    bc = sub.add_parser("broadcast", help="send a date's anniversary message to every unserved subscriber")
    bc.add_argument("--date", required=True, help="YYYY-MM-DD (the subscribers' local date)")
    report = sub.add_parser("report", help="the editorial reports, read from the bot's database")
    reports = report.add_subparsers(dest="report", required=True)
    for name, what in (("unanswered", "declined and 👎-rated questions, most asked first, with their state"),
                       ("feedback", "👍/👎 per fact, worst first")):
        rp = reports.add_parser(name, help=what)
        rp.add_argument("--since", metavar="YYYY-MM-DD", help="only what was asked or rated on or after that UTC day")
        rp.add_argument("--format", default="text", metavar="{text,csv,json}", help="output format (default: text)")
        rp.add_argument("--db", type=Path, default=None,
                        help="the bot's SQLite file (default: KZRU_DB_PATH, else var/kzru.sqlite3)")
        if name == "feedback":
            rp.add_argument("--lang", choices=LANGS, default="en", help="language of the fact titles")
    cal = sub.add_parser("calendar", help="every day-precise anniversary as an iCalendar file on stdout")
    cal.add_argument("--lang", choices=LANGS, default="en", help="language of the titles and texts (default: en)")
    return ap


def load_or_exit(data_dir: Path | None) -> FactStore:
    """The store, or every data problem on stderr and exit code 2: never a half-loaded store."""
    try:
        return load_store(data_dir or default_data_dir())
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in the data; not starting.", file=sys.stderr)
        raise SystemExit(EXIT_DATA) from None


def answer_record(question: str, answer: Answer) -> dict[str, object]:
    """The --json shape of one answer; `resolved` only when a follow-up was read as another question."""
    record: dict[str, object] = {
        "q": question,
        "lang": answer.lang,
        "kind": answer.kind,
        "answered": answer.answered,
        "body": body_text(answer),
        "text": full_text(answer),
        "facts": [f.id for f in answer.facts],
        "sources": [r.source.id for r in answer.references],
    }
    if answer.query != question:
        record["resolved"] = answer.query
    return record


def cmd_ask(engine: AnswerEngine, questions: Sequence[str], lang: str | None, as_json: bool,
            out: TextIO, conversation: bool = False) -> int:
    """Answer each question in order; in a conversation each may lean on the last turn before it."""
    previous: Turn | None = None
    for question in questions:
        answer = engine.answer(question, lang=lang, previous=previous if conversation else None)
        if conversation:
            previous = AnswerEngine.turn(answer) or previous
        if as_json:
            out.write(json.dumps(answer_record(question, answer), ensure_ascii=False) + "\n")
        else:
            out.write(full_text(answer) + "\n\n")
    out.flush()
    return 0


def _checked(question: str, where: str) -> str:
    if len(question) > MAX_QUESTION:
        raise InputError(f"{where}is {len(question)} characters long; a question may have at most {MAX_QUESTION}")
    return question


def ask_questions(arguments: Sequence[str], stdin: BinaryIO, conversation: bool) -> list[str]:
    """The questions to answer: the arguments as one question, else every non-blank stdin line.
    All of the input is checked before anything is answered."""
    if arguments:
        if conversation:
            raise InputError("--conversation reads the conversation from stdin, one question per line; "
                             "give no QUESTION arguments")
        question = " ".join(arguments).strip()
        if not question:
            raise InputError("the question is empty")
        return [_checked(question, "the question ")]
    questions: list[str] = []
    for n, raw in enumerate(stdin.read().splitlines(), start=1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"stdin line {n} is not UTF-8 text") from None
        line = line.removeprefix("\ufeff").strip() if n == 1 else line.strip()
        if line:
            questions.append(_checked(line, f"stdin line {n} "))
    return questions


def data_summary(store: FactStore) -> str:
    kinds = Counter(f.kind for f in store.facts)
    decades = Counter(f"{(f.when.year // 10) * 10}s" if f.when else "undated" for f in store.facts)
    disputed = [f for f in store.facts if f.disputed]
    lines = [f"{len(store.facts)} facts from {len(store.sources)} sources: data is valid."]
    lines.append("by kind:   " + ", ".join(f"{k} {kinds.get(k, 0)}" for k in KINDS))
    lines.append("by decade: " + ", ".join(f"{d} {n}" for d, n in sorted(decades.items())))
    lines.append(f"in dispute: {len(disputed)}" + "".join(f"\n  {f.id} ({len(f.claims)} claims)" for f in disputed))
    lines.append(f"anniversary days: {len(store.anniversary_days())}")
    return "\n".join(lines)


def report_options(since: str | None, fmt: str) -> dt.date | None:
    """The checked --since and --format of `report`; InputError names the one that is wrong."""
    from bot.reports import FORMATS

    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    if since is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", since):
            raise ValueError(since)
        return dt.date.fromisoformat(since)
    except ValueError:
        raise InputError(f"--since {since!r} is not a date like 2026-10-22") from None


async def build_report(kind: str, db: Path, since: dt.date | None, fmt: str, store: FactStore | None,
                       lang: str = "en") -> str:
    """One report from the database at `db` (never created here: a missing file is a StorageError)."""
    from bot.feedback import STATUSES
    from bot.reports import FACT_FIELDS, QUESTION_FIELDS, fact_rows, question_rows, render
    from bot.storage import Repository

    repo = await Repository.open(db, create=False)
    try:
        if kind == "unanswered":
            return render(question_rows(await repo.logged_questions(STATUSES, since)), QUESTION_FIELDS, fmt)
        return render(fact_rows(await repo.fact_ratings(since), store, lang), FACT_FIELDS, fmt)
    finally:
        await repo.close()


def cmd_report(args: argparse.Namespace) -> int:
    """`kzru-bot report unanswered|feedback`: bad options or a missing database → one line, exit 2."""
    from bot.config import database_path
    from bot.storage import StorageError

    try:
        since = report_options(args.since, args.format)
    except InputError as exc:
        print(f"kzru-bot report: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    db = args.db or database_path(startup_settings())
    store = load_or_exit(args.data) if args.report == "feedback" else None
    try:
        text = asyncio.run(build_report(args.report, db, since, args.format, store, getattr(args, "lang", "en")))
    except StorageError as exc:
        print(f"kzru-bot report: error: {exc} (set KZRU_DB_PATH or --db)", file=sys.stderr)
        return EXIT_USAGE
    sys.stdout.write(text)
    sys.stdout.flush()
    return 0


def cmd_calendar(store: FactStore, lang: str, out: BinaryIO) -> int:
    """`kzru-bot calendar`: the same .ics file /calendar sends, on stdout."""
    from bot.ics import anniversary_calendar

    out.write(anniversary_calendar(store, lang, dt.datetime.now(dt.UTC)))
    out.flush()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "ask":
        try:
            questions = ask_questions(args.question, sys.stdin.buffer, args.conversation)
        except InputError as exc:
            print(f"kzru-bot ask: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if not questions:
            return 0
        engine = AnswerEngine(load_or_exit(args.data))
        try:
            return cmd_ask(engine, questions, args.lang, args.json, sys.stdout, conversation=args.conversation)
        except BrokenPipeError:
            # "kzru-bot ask … | head": the reader has what it wanted; stop quietly, as Unix tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    if args.command == "data":
        store = load_or_exit(args.data)
        print(data_summary(store))
        return 0
    if args.command == "run":
        from bot.app import run_bot

        return run_bot(args.data)
    if args.command == "broadcast":
        from bot.app import run_broadcast

        return run_broadcast(args.data, args.date)
    if args.command == "report":
        return cmd_report(args)
    if args.command == "calendar":
        return cmd_calendar(load_or_exit(args.data), args.lang, sys.stdout.buffer)
    return 2


if __name__ == "__main__":
    sys.exit(main())
