"""The feedback log on a real SQLite file: answers, ratings (one per person, changed, withdrawn),
the questions nobody answered counted by normalised text, operators' marks, per-fact ratings,
pruning, the start-up re-check with real engines, and the migration of an older database."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from botharness import real_store

from bot.editorial import ANSWER_RETENTION, EditorialLoop
from bot.engine import AnswerEngine
from bot.feedback import AnswerSummary, rater_hash
from bot.storage import _SCHEMA_V1, MIGRATIONS, Repository
from bot.store import FactStore

KEY = b"integration-test-key-0123456789"
DAY = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
ALICE, BOB = 700_001, 700_002


class Clock:
    """The loop's clock, moved by hand."""

    def __init__(self) -> None:
        self.at = DAY

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def loop(db_path: Path, clock: Clock) -> AsyncIterator[EditorialLoop]:
    repo = await Repository.open(db_path)
    try:
        yield EditorialLoop(repo, KEY, clock)
    finally:
        await repo.close()


def declined(question: str, lang: str = "en", closest: tuple[str, ...] = ("f-1", "f-2")) -> AnswerSummary:
    from bot.feedback import normalise_question

    return AnswerSummary(normalise_question(question), lang, "cyrl", "decline", False, (), closest)


def answered(question: str, facts: tuple[str, ...] = ("f-1",), lang: str = "en") -> AnswerSummary:
    from bot.feedback import normalise_question

    return AnswerSummary(normalise_question(question), lang, "cyrl", "fact", True, facts, facts)


def rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as db:
        return db.execute(sql).fetchall()


async def test_a_declined_question_is_counted_once_by_its_normalised_text(loop: EditorialLoop, clock: Clock) -> None:
    assert await loop.answered(declined("Will Kazakhstan join BRICS?", closest=("a", "b")), "private") is not None
    clock.at += dt.timedelta(days=2)
    await loop.answered(declined("  will KAZAKHSTAN   join brics ", lang="ru", closest=("c",)), "supergroup")
    [entry] = await loop.questions()
    assert entry.question == "will kazakhstan join brics"
    assert (entry.declined, entry.rated_down, entry.count) == (2, 0, 2)
    assert entry.first_seen == DAY and entry.last_seen == DAY + dt.timedelta(days=2)
    assert entry.lang == "ru" and entry.closest == ("c",), "the latest language and offer"
    assert entry.status == "open" and entry.answered_by is None


async def test_answers_are_recorded_without_who_asked_and_small_talk_not_at_all(loop: EditorialLoop, db_path: Path) -> None:
    answer_id = await loop.answered(answered("When were relations established?", ("ev-1", "ev-2")), "group")
    assert answer_id is not None
    small_talk = AnswerSummary("привет", "ru", "cyrl", "smalltalk", True, (), ())
    assert await loop.answered(small_talk, "private") is None
    await loop.flush()
    assert rows(db_path, "SELECT question, lang, script, kind, answered, chat_type, fact_ids FROM answers") == [
        ("when were relations established", "en", "cyrl", "fact", 1, "group", '["ev-1", "ev-2"]')]
    assert await loop.questions() == [], "answers are not logged, small talk neither"


async def test_one_rating_per_person_per_answer_changed_or_withdrawn_by_a_second_tap(loop: EditorialLoop) -> None:
    answer_id = await loop.answered(answered("baikonur lease"), "private")
    assert answer_id is not None
    first = await loop.rate(answer_id, ALICE, 1)
    assert first is not None and (first.up, first.down, first.mine) == (1, 0, 1)
    bob = await loop.rate(answer_id, BOB, 1)
    assert bob is not None and (bob.up, bob.down) == (2, 0)
    changed = await loop.rate(answer_id, ALICE, -1)
    assert changed is not None and (changed.up, changed.down, changed.mine) == (1, 1, -1), "changed, not added"
    withdrawn = await loop.rate(answer_id, ALICE, -1)
    assert withdrawn is not None and (withdrawn.up, withdrawn.down, withdrawn.mine) == (1, 0, 0)
    assert await loop.rate(answer_id + 1000, ALICE, 1) is None, "an unknown answer is not rated"


async def test_the_database_keeps_a_keyed_hash_of_the_rater_never_the_id(loop: EditorialLoop, db_path: Path) -> None:
    answer_id = await loop.answered(answered("border length"), "private")
    assert answer_id is not None
    await loop.rate(answer_id, ALICE, 1)
    assert rows(db_path, "SELECT rater, value FROM ratings") == [(rater_hash(KEY, ALICE), 1)]
    with sqlite3.connect(db_path) as db:
        dump = "\n".join(db.iterdump())
    assert str(ALICE) not in dump, "no raw user id anywhere in the database"


async def test_a_thumbs_down_logs_the_question_and_a_withdrawn_one_is_recounted(loop: EditorialLoop, clock: Clock) -> None:
    first = await loop.answered(answered("Trade in 2011?", ("td-2011", "td-growth")), "private")
    second = await loop.answered(answered("trade in 2011", ("td-2011", "td-growth")), "supergroup")
    assert first is not None and second is not None
    clock.at += dt.timedelta(hours=5)
    await loop.rate(first, ALICE, -1)
    await loop.rate(second, BOB, -1)
    [entry] = await loop.questions()
    assert (entry.question, entry.declined, entry.rated_down) == ("trade in 2011", 0, 2)
    assert entry.closest == ("td-2011", "td-growth") and entry.last_seen == DAY + dt.timedelta(hours=5)
    await loop.rate(first, ALICE, 1)
    [entry] = await loop.questions()
    assert entry.rated_down == 1, "a 👎 changed to 👍 no longer counts"
    await loop.rate(second, BOB, -1)
    assert await loop.questions() == [], "with every 👎 withdrawn nothing is left to report"


async def test_open_questions_most_asked_first_paged_and_marked_handled(loop: EditorialLoop) -> None:
    for n, question in enumerate(["q one", "q two", "q three", "q four", "q five", "q six", "q seven"]):
        for _ in range(n + 1):
            await loop.answered(declined(question), "private")
    page = await loop.open_questions(0, 5)
    assert (page.total, page.pages, page.page, page.first) == (7, 2, 0, 1)
    assert [q.question for q in page.items] == ["q seven", "q six", "q five", "q four", "q three"]
    assert [q.count for q in page.items] == [7, 6, 5, 4, 3]
    last = await loop.open_questions(99, 5)
    assert last.page == 1 and [q.question for q in last.items] == ["q two", "q one"] and last.first == 6
    assert await loop.mark_handled(page.items[0].id)
    assert not await loop.mark_handled(page.items[0].id), "already handled"
    assert (await loop.open_questions(0, 5)).total == 6
    handled = [q for q in await loop.questions() if q.status == "handled"]
    assert [q.question for q in handled] == ["q seven"], "the offline report still lists it, as handled"


async def test_ratings_per_fact_worst_first_only_for_answers_and_since_a_day(loop: EditorialLoop, clock: Clock) -> None:
    good = await loop.answered(answered("good", ("fact-good",)), "private")
    bad = await loop.answered(answered("bad", ("fact-bad", "fact-good")), "private")
    decline = await loop.answered(declined("nothing", closest=("fact-offered",)), "private")
    assert good is not None and bad is not None and decline is not None
    await loop.rate(good, ALICE, 1)
    await loop.rate(good, BOB, 1)
    await loop.rate(bad, ALICE, -1)
    await loop.rate(decline, BOB, -1)
    ratings = await loop.fact_feedback()
    assert [(r.fact_id, r.up, r.down) for r in ratings] == [("fact-bad", 0, 1), ("fact-good", 2, 1)]
    clock.at += dt.timedelta(days=3)
    await loop.rate(bad, BOB, -1)
    since = await loop.fact_feedback(since=(DAY + dt.timedelta(days=1)).date())
    assert [(r.fact_id, r.up, r.down) for r in since] == [("fact-bad", 0, 1), ("fact-good", 0, 1)]
    assert [q.question for q in await loop.questions(since=(DAY + dt.timedelta(days=1)).date())] == ["bad"]


async def test_old_answers_nobody_rated_are_pruned_rated_ones_kept(loop: EditorialLoop, clock: Clock) -> None:
    old_rated = await loop.answered(answered("old rated"), "private")
    old_unrated = await loop.answered(answered("old unrated"), "private")
    assert old_rated is not None and old_unrated is not None
    await loop.rate(old_rated, ALICE, 1)
    clock.at += ANSWER_RETENTION + dt.timedelta(days=1)
    fresh = await loop.answered(answered("fresh"), "private")
    assert fresh is not None
    assert await loop.prune() == 1
    assert await loop.rate(old_unrated, ALICE, 1) is None, "its buttons now say it expired"
    assert await loop.rate(old_rated, BOB, 1) is not None and await loop.rate(fresh, BOB, 1) is not None


async def test_a_decline_reopens_a_question_the_data_had_answered(loop: EditorialLoop) -> None:
    await loop.answered(declined("Baikonur rent"), "private")
    [entry] = await loop.questions()
    assert await loop.repo.mark_answered([(entry.id, "tr-baikonur")], DAY) == 1
    [entry] = await loop.questions()
    assert (entry.status, entry.answered_by) == ("answered", "tr-baikonur")
    await loop.answered(declined("baikonur RENT"), "private")
    [entry] = await loop.questions()
    assert (entry.status, entry.answered_by, entry.declined) == ("open", None, 2)


def answering_pair() -> tuple[str, str, FactStore]:
    """A question the full data answers (and the fact that answers it) and the data without that
    fact, which declines it: what an editor adding a fact looks like from the log's side."""
    store = real_store()
    full = AnswerEngine(store, model=None)
    for question in ("When was the Baikonur lease signed?", "When were diplomatic relations established?",
                     "When did Kazakhstan and Russia sign the Treaty of Friendship?", "What was the trade turnover in 2011?"):
        answer = full.answer(question, "en")
        if not answer.answered or not answer.facts:
            continue
        fact_id = answer.facts[0].id
        before = FactStore([f for f in store.facts if f.id != fact_id], store.sources.values())
        if not AnswerEngine(before, model=None).answer(question, "en").answered:
            return question, fact_id, before
    raise AssertionError("no question is declined without its fact and answered with it: pick new ones")


async def test_questions_the_new_data_answers_are_marked_answered_with_their_fact(loop: EditorialLoop) -> None:
    question, fact_id, before = answering_pair()
    old_engine = AnswerEngine(before, model=None)
    for text in (question, question.upper(), "Will Kazakhstan join BRICS by 2030?"):
        await loop.answered(AnswerSummary.of(old_engine.answer(text, "en")), "private")
    assert await loop.recheck(old_engine.answer) == 0, "the same data answers nothing new"
    new_engine = AnswerEngine(real_store(), model=None)
    assert await loop.recheck(new_engine.answer) == 1
    by_status = {q.status: q for q in await loop.questions()}
    assert set(by_status) == {"answered", "open"}
    assert by_status["answered"].answered_by == fact_id and by_status["answered"].declined == 2
    assert by_status["open"].question == "will kazakhstan join brics by 2030"
    assert [q.question for q in (await loop.open_questions(0, 5)).items] == ["will kazakhstan join brics by 2030"]


async def test_a_question_only_rated_down_counts_as_answered_once_another_fact_leads(loop: EditorialLoop) -> None:
    question, fact_id, _ = answering_pair()
    answer_id = await loop.answered(answered(question, ("some-other-fact",)), "private")
    assert answer_id is not None
    await loop.rate(answer_id, ALICE, -1)
    engine = AnswerEngine(real_store(), model=None)
    assert await loop.recheck(engine.answer) == 1
    [entry] = await loop.questions()
    assert (entry.status, entry.answered_by) == ("answered", fact_id)
    again = await loop.answered(answered(question, (fact_id,)), "private")
    assert again is not None
    await loop.rate(again, BOB, -1)
    [entry] = await loop.questions()
    assert entry.status == "open", "a new 👎 on the new answer opens it again"
    assert await loop.recheck(engine.answer) == 0, "the engine still leads with the fact that was rated down"


async def test_a_database_of_the_previous_version_is_migrated_with_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite3"
    with sqlite3.connect(path) as db:
        for statement in _SCHEMA_V1:
            db.execute(statement)
        db.execute("INSERT INTO chat_settings (chat_id, lang, updated_at) VALUES (5, 'kk', '2025-01-01T00:00:00+00:00')")
        db.execute("PRAGMA user_version = 1")
    repo = await Repository.open(path)
    try:
        assert await repo.schema_version() == len(MIGRATIONS) == 2
        assert await repo.get_language(5) == "kk"
        assert await EditorialLoop(repo, KEY).answered(declined("new question"), "private") is not None
    finally:
        await repo.close()


async def test_answers_are_written_together_not_one_commit_each(loop: EditorialLoop, db_path: Path) -> None:
    """The reply never waits for the disk: a burst of answers is one transaction, written by
    the next read of the log, by close(), or FLUSH_DELAY later."""
    ids = [await loop.answered(answered(f"question {n}", ("ev-1",)), "private") for n in range(50)]
    await loop.answered(declined("Will Kazakhstan join BRICS?"), "private")
    assert len(set(ids)) == 50 and all(i is not None for i in ids)
    assert rows(db_path, "SELECT count(*) FROM answers") == [(0,)], "nothing written per answer"
    [entry] = (await loop.open_questions(0, 5)).items
    assert entry.question == "will kazakhstan join brics" and entry.declined == 1
    assert rows(db_path, "SELECT count(*) FROM answers") == [(51,)]
    assert (await loop.rate(ids[0], 7, 1)) is not None, "a just-sent answer can be rated at once"
    await loop.answered(answered("one more", ("ev-2",)), "group")
    await loop.close()
    assert rows(db_path, "SELECT count(*) FROM answers") == [(52,)], "close() writes what is pending"
