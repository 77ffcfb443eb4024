"""End to end through the fake Bot API: 👍/👎 under answers (private, group, inline, example
buttons), the unanswered-questions log for operators, /feedback, /calendar, the start-up re-check
and the command menus. Every wait is for a call the fake server recorded; nothing sleeps."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from botharness import real_store, running_bot
from factories import (
    make_bot_user,
    make_callback_query_update,
    make_chat,
    make_command_update,
    make_inline_query_update,
    make_message,
    make_text_update,
    make_user,
)
from fakebotapi import Call, FakeBotAPI
from icalendar import Calendar

from bot.editorial import EditorialLoop
from bot.feedback import AnswerSummary, normalise_question
from bot.i18n import t
from bot.storage import Repository

OPERATOR, USER, OTHER = 5301, 5302, 5303
GROUP = make_chat(-100321, "supergroup", title="Feedback group")
BRICS = "Will Kazakhstan join BRICS by 2030?"
RELATIONS = "When were diplomatic relations established?"
Json = dict[str, Any]


async def ask(api: FakeBotAPI, user: Json, text: str, chat: Json | None = None) -> Call:
    """Send a text (or command) and return the bot's message in that chat."""
    where = chat or make_chat(user["id"], "private")
    since = api.mark()
    api.push_update(make_text_update(text, user=user, chat=chat))
    call = (await api.wait_for("sendMessage", lambda c: c.chat_id == where["id"], since=since))[0]
    assert call.ok, call.short()
    return call


def keyboard(call: Call) -> list[list[Json]]:
    markup = call.params.get("reply_markup") or {}
    return list(markup.get("inline_keyboard", []))


def rating_row(call: Call) -> list[Json]:
    """The 👍 / 👎 row (an answer may also carry a row of numbered "See also" buttons)."""
    return next(row for row in keyboard(call) if row and str(row[0]["text"]).startswith("👍"))


def labels(call: Call) -> list[str]:
    return [b["text"] for b in rating_row(call)]


def on_message(call: Call, chat: Json) -> Json:
    """The bot's message as a callback query carries it."""
    return make_message(str(call.params["text"]), user=make_bot_user(), chat=chat, message_id=call.result["message_id"],
                        entities=[], reply_markup=call.params.get("reply_markup"))


async def tap(api: FakeBotAPI, data: str, user: Json, message: Json | None = None,
              inline_message_id: str | None = None, edited: str | None = "editMessageReplyMarkup") -> tuple[Call, Call | None]:
    """Tap a button: the toast (answerCallbackQuery) and, when one is expected, the edit that follows it."""
    since = api.mark()
    update = make_callback_query_update(data, message=message, user=user, inline_message_id=inline_message_id)
    query_id = update["callback_query"]["id"]
    api.push_update(update)
    toast = (await api.wait_for("answerCallbackQuery", lambda c: c.params.get("callback_query_id") == query_id,
                                since=since))[0]
    edit = (await api.wait_for(edited, since=since))[0] if edited else None
    return toast, edit


async def test_rating_an_answer_counts_changes_and_withdraws_it_and_changes_nothing_else(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(USER, language_code="en")
    chat = make_chat(USER, "private")
    async with running_bot(fake_api, tmp_path) as app:
        editorial: EditorialLoop = app.bot_data.services.editorial
        answer = await ask(fake_api, user, RELATIONS)
        assert "1992" in str(answer.params["text"]) and labels(answer) == ["👍", "👎"]
        up, down = rating_row(answer)
        message = on_message(answer, chat)

        toast, edit = await tap(fake_api, up["callback_data"], user, message)
        assert toast.params["text"] == t("en", "feedback.up_counted")
        assert edit is not None and edit.params["message_id"] == answer.result["message_id"] and edit.ok
        assert labels(edit) == ["👍 1", "👎"], "the button shows it was counted"

        toast, edit = await tap(fake_api, down["callback_data"], user, message)
        assert toast.params["text"] == t("en", "feedback.down_counted")
        assert edit is not None and labels(edit) == ["👍", "👎 1"], "a second tap on the other button changes it"
        [logged] = await editorial.questions()
        assert (logged.question, logged.rated_down, logged.declined) == (normalise_question(RELATIONS), 1, 0)

        toast, edit = await tap(fake_api, down["callback_data"], user, message)
        assert toast.params["text"] == t("en", "feedback.withdrawn")
        assert edit is not None and labels(edit) == ["👍", "👎"], "the same button again withdraws it"
        assert await editorial.questions() == [], "a withdrawn 👎 leaves nothing to report"

        await app.update_queue.join()
        assert fake_api.sent_count(USER) == 1, "no message was sent for the taps"
        stored = fake_api.message(USER, answer.result["message_id"])
        assert stored is not None and stored["text"] == answer.result["text"], "the answer's text is untouched"
        answers = await editorial.repo._all("SELECT question, lang, chat_type, fact_ids, answered FROM answers")
    assert answers == [(normalise_question(RELATIONS), "en", "private", '["ev-diplomatic-relations-1992"]', 1)]


async def test_in_a_group_each_member_counts_once(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    alice, bob = make_user(5311, language_code="ru"), make_user(5312, language_code="en")
    async with running_bot(fake_api, tmp_path):
        since = fake_api.mark()
        fake_api.push_update(make_command_update("/ask", "baikonur lease", user=alice, chat=GROUP))
        answer = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == GROUP["id"], since=since))[0]
        up, _ = rating_row(answer)
        message = on_message(answer, GROUP)
        _, edit = await tap(fake_api, up["callback_data"], alice, message)
        assert edit is not None and labels(edit) == ["👍 1", "👎"]
        toast, edit = await tap(fake_api, up["callback_data"], bob, message)
        assert toast.params["text"] == t("en", "feedback.up_counted"), "each member is told in their own language"
        assert edit is not None and labels(edit) == ["👍 2", "👎"]
        _, edit = await tap(fake_api, up["callback_data"], alice, message)
        assert edit is not None and labels(edit) == ["👍 1", "👎"], "Alice withdrew hers; Bob's stays"
        assert fake_api.sent_count(GROUP["id"]) == 1


async def test_inline_cards_carry_buttons_rated_through_the_inline_message(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(5321, language_code="en")
    async with running_bot(fake_api, tmp_path) as app:
        fake_api.push_update(make_inline_query_update("baikonur lease", user=user))
        results = (await fake_api.wait_for("answerInlineQuery"))[0].params["results"]
        assert results and all(r["reply_markup"]["inline_keyboard"][0][0]["text"] == "👍" for r in results)
        up = results[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        toast, edit = await tap(fake_api, up, user, inline_message_id="inline-msg-1")
        assert toast.params["text"] == t("en", "feedback.up_counted")
        assert edit is not None and edit.params["inline_message_id"] == "inline-msg-1" and labels(edit) == ["👍 1", "👎"]
        rows = await app.bot_data.services.repo._all("SELECT DISTINCT chat_type, question FROM answers")
        assert rows == [("inline", "baikonur lease")]


async def test_example_buttons_answer_with_rating_buttons_and_small_talk_gets_none(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(5331, language_code="kk")
    async with running_bot(fake_api, tmp_path) as app:
        greeting = await ask(fake_api, user, "/start")
        since = fake_api.mark()
        example = keyboard(greeting)[0][0]["callback_data"]
        fake_api.push_update(make_callback_query_update(example, message=on_message(greeting, make_chat(5331)), user=user))
        answer = (await fake_api.wait_for("sendMessage", lambda c: c.chat_id == 5331, since=since))[0]
        assert "[1]" in str(answer.params["text"]) and labels(answer) == ["👍", "👎"]

        small_talk = await ask(fake_api, user, "сәлем")
        assert "[1]" not in str(small_talk.params["text"]) and "reply_markup" not in small_talk.params
        assert await app.bot_data.services.editorial.questions() == [], "small talk is not logged"


async def test_a_declined_question_asked_twice_is_listed_once_and_an_operator_marks_it_handled(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user, operator, stranger = (make_user(u, language_code="en") for u in (USER, OPERATOR, OTHER))
    async with running_bot(fake_api, tmp_path, KZRU_ADMIN_IDS=str(OPERATOR)) as app:
        first = await ask(fake_api, user, BRICS)
        assert escape(t("en", "answer.decline")) in str(first.params["text"]) and labels(first)[-2:] == ["👍", "👎"]
        await ask(fake_api, user, "  will KAZAKHSTAN join   brics by 2030 ")

        listing = await ask(fake_api, operator, "/unanswered")
        text = str(listing.params["text"])
        assert "«will kazakhstan join brics by 2030» — 2×" in text, text
        assert t("en", "unanswered.title", total=1, page=1, pages=1) in text
        assert "closest facts:" in text, "the facts offered instead are named"
        [[mark]] = keyboard(listing)
        assert mark["text"] == "✓ 1"

        refused = await ask(fake_api, stranger, "/unanswered")
        assert refused.params["text"] == t("en", "admin.only")
        refused = await ask(fake_api, stranger, "/feedback")
        assert refused.params["text"] == t("en", "admin.only")
        message = on_message(listing, make_chat(OPERATOR, "private"))
        toast, _ = await tap(fake_api, mark["callback_data"], stranger, message, edited=None)
        assert toast.params["text"] == t("en", "admin.only")
        assert (await app.bot_data.services.editorial.open_questions(0, 5)).total == 1, "a stranger's tap changes nothing"

        toast, edit = await tap(fake_api, mark["callback_data"], operator, message, edited="editMessageText")
        assert toast.params["text"] == t("en", "unanswered.marked")
        assert edit is not None and edit.params["text"] == t("en", "unanswered.none")
        [entry] = await app.bot_data.services.editorial.questions()
        assert (entry.status, entry.declined) == ("handled", 2)
        again = await ask(fake_api, operator, "/unanswered")
        assert again.params["text"] == t("en", "unanswered.none")


async def test_feedback_lists_rated_facts_worst_first_for_operators(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user, operator = make_user(USER, language_code="ru"), make_user(OPERATOR, language_code="ru")
    store = real_store()
    async with running_bot(fake_api, tmp_path, KZRU_ADMIN_IDS=str(OPERATOR)):
        good = await ask(fake_api, user, RELATIONS)
        bad = await ask(fake_api, user, "baikonur lease")
        chat = make_chat(USER, "private")
        await tap(fake_api, rating_row(good)[0]["callback_data"], user, on_message(good, chat))
        await tap(fake_api, rating_row(bad)[1]["callback_data"], user, on_message(bad, chat))
        report = str((await ask(fake_api, operator, "/feedback")).params["text"])
    lines = report.splitlines()
    rows = [line for line in lines[1:] if line[:1].isdigit()]
    assert lines[0] == t("ru", "feedback.title", n=len(rows))  # each fact the 👎 answer showed is counted
    relations = store.get("ev-diplomatic-relations-1992")
    assert relations is not None
    assert len(rows) >= 2 and all(" 👍 0 · 👎 1 — " in row for row in rows[:-1])
    assert rows[-1].startswith(f"{len(rows)}. 👍 1 · 👎 0 — ")
    assert escape(relations.title["ru"]) in rows[-1], "titles in the operator's language, worst first"


async def test_calendar_sends_an_ics_document_with_every_day_precise_anniversary(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(5341, language_code="ru")
    store = real_store()
    expected = {f.id for f in store.facts for d in f.anniversary_dates if d.day}
    count = sum(len(set(f.anniversary_dates)) for f in store.facts)
    async with running_bot(fake_api, tmp_path):
        since = fake_api.mark()
        fake_api.push_update(make_command_update("/calendar", user=user))
        sent = (await fake_api.wait_for("sendDocument", since=since))[0]
        since = fake_api.mark()
        fake_api.push_update(make_command_update("/calendar", user=user))
        resent = (await fake_api.wait_for("sendDocument", since=since))[0]
    assert sent.ok and sent.params["caption"] == t("ru", "calendar.caption", n=count)
    upload = sent.files["document"]
    assert upload.filename == "kzru-anniversaries-ru.ics" and upload.content_type == "text/calendar"
    events = Calendar.from_ical(upload.data).walk("VEVENT")
    assert len(events) == count > 20
    assert {str(e["uid"]).split("@")[0] for e in events} >= expected
    titles = {str(e["summary"]) for e in events}
    assert titles == {f.title["ru"] for f in store.facts if f.id in expected}, "titles in the chat's language"
    assert resent.ok and not resent.files and resent.params["document"] == sent.result["document"]["file_id"], \
        "uploaded once, then sent by file_id"


async def test_stale_or_unknown_rating_buttons_fail_politely(fake_api: FakeBotAPI, tmp_path: Path) -> None:
    user = make_user(5351, language_code="en")
    async with running_bot(fake_api, tmp_path) as app:
        toast, _ = await tap(fake_api, "r0:1:+", user, edited=None)
        assert toast.params["text"] == t("en", "menu.expired"), "a button of an older layout"
        toast, _ = await tap(fake_api, "r1:987654:+", user, edited=None)
        assert toast.params["text"] == t("en", "feedback.expired"), "an answer the bot no longer knows"
        toast, _ = await tap(fake_api, "r1:1:*", user, edited=None)
        assert toast.params["text"] == t("en", "menu.expired")
        await app.update_queue.join()
    assert not fake_api.calls_of("sendMessage") and not fake_api.calls_of("editMessageReplyMarkup")


async def test_at_start_up_logged_questions_the_data_now_answers_are_marked_answered(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    repo = await Repository.open(tmp_path / "kzru.sqlite3")
    try:
        editorial = EditorialLoop(repo, b"k" * 32)
        for question in (RELATIONS, BRICS):  # as if declined by an earlier version of the data
            await editorial.answered(AnswerSummary(normalise_question(question), "en", "cyrl", "decline", False, (), ()),
                                     "private")
        await editorial.close()
    finally:
        await repo.close()
    async with running_bot(fake_api, tmp_path) as app:
        services = app.bot_data.services
        assert services.recheck is not None
        assert await services.recheck == 1
        expected = services.engine.answer(normalise_question(RELATIONS), "en").facts[0].id
        by_question = {q.question: q for q in await services.editorial.questions()}
    assert by_question[normalise_question(RELATIONS)].status == "answered"
    assert by_question[normalise_question(RELATIONS)].answered_by == expected == "ev-diplomatic-relations-1992"
    assert by_question[normalise_question(BRICS)].status == "open"


async def test_menus_offer_calendar_to_all_and_operator_commands_to_operators_only(
        fake_api: FakeBotAPI, tmp_path: Path) -> None:
    async with running_bot(fake_api, tmp_path, KZRU_ADMIN_IDS=f"{OPERATOR}"):
        pass  # the menus are registered in post_init, before polling starts: nothing to wait for
    menus = {(scope, lang): [c["command"] for c in commands] for (scope, lang), commands in fake_api.commands.items()}
    private = menus[('{"type": "all_private_chats"}', "ru")]
    group = menus[('{"type": "all_group_chats"}', "kk")]
    operator = menus[(f'{{"chat_id": {OPERATOR}, "type": "chat"}}', "en")]
    assert "calendar" in private and "calendar" in group
    assert not {"unanswered", "feedback", "stats"} & (set(private) | set(group))
    assert {"unanswered", "feedback", "stats", "broadcast_status", "calendar"} <= set(operator)
    assert (f'{{"chat_id": {OPERATOR}, "type": "chat"}}', "") in fake_api.commands, "and without a language code"
