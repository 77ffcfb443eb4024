"""Questions: private messages, /ask, mentions and replies in groups, inline queries, /start and /help.

Conversation: a follow-up ("а в 2010?", "and in 2012?", "кто подписал?") leans on the chat's
previous answer, its `Turn`. In a private chat that is the last answer, for CONTEXT_TTL seconds;
in a group only a reply to one of the bot's answers carries that answer's Turn (the last
GROUP_TURNS answers per group are remembered by message id). The engine runs off the event loop.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from html import escape

from telegram import (
    CallbackQuery,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    Message,
    Update,
)

from bot.anniversaries import on_day
from bot.engine import Answer, AnswerEngine, Turn
from bot.feedback import AnswerSummary, normalise_question
from bot.i18n import pick_lang, t
from bot.usecases.language import answer_language, question_language
from handlers.browse import open_deep_link
from handlers.callbacks import Example, OpenFact
from handlers.common import allowed, chat_lang, is_group, reply
from handlers.context import LRU, Context, RenderedAnswer, Services
from handlers.feedback import card_markups, rating_markup
from handlers.keyboards import examples_keyboard, language_keyboard, picks_keyboard, stacked
from handlers.render import answer_html, answer_picks, split_message

MAX_QUESTION = 1000
CONTEXT_TTL = 15 * 60.0
"""Seconds a private chat's last answer stays something a follow-up can lean on."""
GROUP_TURNS = 50
"""Answers per group whose Turn a reply to them carries; a reply to an older one stands alone."""
SEND_WAIT = 10.0
INLINE_START = "inline"
"""The /start payload of the inline results' button: the greeting, as a plain /start gives it."""
"""At most this long a reply to an answer still being sent waits to learn that answer's Turn."""

_LAST_TURN = "ask.last_turn"  # private chats: (Turn, clock reading when it was made)
_TURNS = "ask.turns"  # groups: LRU of bot message id -> Turn | None
_SENDING = "ask.sending"  # groups: one future per answer being sent, done once its Turn is stored


async def start(update: Update, context: Context) -> None:
    """Greeting in the user's language with example questions; deep links open a list or answer."""
    lang = await chat_lang(update, context)
    payload = context.args[0] if context.args else ""
    if payload and await open_deep_link(update, context, lang, payload):
        return
    user = update.effective_user
    name = escape(user.first_name) if user and user.first_name else ""
    await reply(update, context, t(lang, "start.greeting", name=name), examples_keyboard(lang))


async def help_command(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    await reply(update, context, t(lang, "help.text", bot=escape(context.bot.username or "")))


async def lang_command(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    await reply(update, context, t(lang, "lang.prompt"), language_keyboard(lang))


MAX_EMBEDDINGS = 6
"""Passes that gather a question's embeddings off the loop; any still missing after them (none
seen) are computed inline."""


def _answer_and_turn(engine: AnswerEngine, question: str, lang: str, previous: Turn | None) -> RenderedAnswer:
    """The rendered answer, what the next question may lean on, and what the feedback log keeps
    (pure; runs on the event loop once the embedding is computed)."""
    answer = engine.answer(question, lang, previous)
    return RenderedAnswer(answer_html(answer), engine.turn(answer), AnswerSummary.of(answer), answer_picks(answer))


def _cache_key(question: str, lang: str) -> tuple[str, str]:
    return " ".join(question.split()), lang


def cached_answer(services: Services, question: str, lang: str) -> RenderedAnswer:
    """The rendered answer, from an LRU keyed by (normalised question, language): the engine and
    the renderer are pure functions of those two, and the same questions recur (example buttons).
    Synchronous, for the start-up warm-up and the example buttons (answered from the warm cache)."""
    key = _cache_key(question, lang)
    hit = services.answers.get(key)
    if hit is None:
        hit = _answer_and_turn(services.engine, question, lang, None)
        services.answers[key] = hit
    return hit


def cached_answer_html(services: Services, question: str, lang: str) -> str:
    """Only the HTML of cached_answer (the start-up warm-up needs no more)."""
    return cached_answer(services, question, lang).html


async def answer_with_turn(services: Services, question: str, lang: str,
                           previous: Turn | None = None) -> RenderedAnswer:
    """The rendered answer and its Turn. Only questions asked without a previous turn go through
    the LRU: with one, the same words may mean something else."""
    if previous is not None:
        await embed_off_loop(services, question, previous, lang)
        return _answer_and_turn(services.engine, question, lang, previous)
    key = _cache_key(question, lang)
    hit = services.answers.get(key)
    if hit is None:
        await embed_off_loop(services, question, None, lang)
        hit = _answer_and_turn(services.engine, question, lang, None)
        services.answers[key] = hit
    return hit


async def embed_off_loop(services: Services, question: str, previous: Turn | None, lang: str | None = None) -> None:
    """Compute the embeddings the answer needs in a worker thread: the model call is the slow part
    (10–30 ms) and releases the GIL, so other chats go on meanwhile; the rest of the engine takes
    about a millisecond and runs on the loop, where a thread hop would cost more than it saves.
    Most questions need one embedding or none; a two-part question or a year hop needs a few,
    found in one pass and embedded side by side."""
    engine = services.engine
    for _ in range(MAX_EMBEDDINGS):
        texts = engine.pending_embeddings(question, previous, lang)
        if not texts:
            return
        await asyncio.to_thread(engine.embed, texts)


async def answer_question(update: Update, context: Context, question: str) -> None:
    """The engine's answer in the question's language when it is clear, so most questions need
    no look-up of the chat's stored language at all."""
    question = question.strip()
    if not question or len(question) > MAX_QUESTION:
        lang = await chat_lang(update, context)
        await reply(update, context, t(lang, "ask.too_long", n=MAX_QUESTION) if question else t(lang, "ask.empty"))
        return
    lang = question_language(" ".join(question.split())) or await chat_lang(update, context)
    chat_data = context.chat_data
    if chat_data is None:
        rendered = await answer_with_turn(context.services, question, lang)
        await reply(update, context, rendered.html, await answer_markup(update, context, rendered))
    elif is_group(update):
        await _answer_in_group(update, context, chat_data, question, lang)
    else:
        await _answer_in_private(update, context, chat_data, question, lang)


async def _answer_in_private(update: Update, context: Context, chat_data: dict[object, object],
                             question: str, lang: str) -> None:
    """Leans on the chat's last answer while it is fresh; the new Turn (or none, after small talk
    or a decline) replaces it before the reply goes out, so the next question always sees it."""
    services = context.services
    rendered = await answer_with_turn(services, question, lang, _last_turn(chat_data, services.clock()))
    if rendered.turn is None:
        chat_data.pop(_LAST_TURN, None)
    else:
        chat_data[_LAST_TURN] = (rendered.turn, services.clock())
    await reply(update, context, rendered.html, await answer_markup(update, context, rendered))


async def answer_markup(update: Update, context: Context, rendered: RenderedAnswer) -> InlineKeyboardMarkup | None:
    """Under an answer: a numbered button per "See also" / "Perhaps you meant" line, then 👍 / 👎."""
    summary = rendered.summary
    return stacked(picks_keyboard(rendered.picks, summary.lang, summary.script),
                   await rating_markup(update, context, summary))


async def open_fact(update: Update, context: Context, query: CallbackQuery, data: OpenFact) -> None:
    """A numbered line's button: that fact's card (with its citations) as a new message, in the
    answer's language and script; the answer it came from stays as it was."""
    fact = context.services.store.get(data.fact_id)
    if fact is None:  # the data changed since the button was made
        await query.answer(t(await chat_lang(update, context), "menu.expired"))
        return
    await query.answer()
    answer = replace(context.services.engine.fact_answer(fact, data.lang), script="latn" if data.script == "latn" else "cyrl")
    if isinstance(query.message, Message):
        for part in split_message(answer_html(answer)):
            await query.message.reply_text(part)


def _last_turn(chat_data: dict[object, object], now: float) -> Turn | None:
    kept = chat_data.get(_LAST_TURN)
    if not isinstance(kept, tuple):
        return None
    turn, made = kept
    if now - made > CONTEXT_TTL:
        del chat_data[_LAST_TURN]
        return None
    return turn if isinstance(turn, Turn) else None


async def _answer_in_group(update: Update, context: Context, chat_data: dict[object, object],
                           question: str, lang: str) -> None:
    """Only a reply to one of our answers carries context; every answer sent is remembered by its
    message id (first and last part), with the Turn it leaves."""
    services = context.services
    rendered = await answer_with_turn(services, question, lang, await _replied_turn(update, context, chat_data))
    markup = await answer_markup(update, context, rendered)
    sending = _sending(chat_data)
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    sending.add(done)
    try:
        sent = await reply(update, context, rendered.html, markup)
        chat, message = update.effective_chat, update.effective_message
        first = services.replies.get((chat.id, message.message_id)) if chat and message else None
        turns = _turns(chat_data)
        for message_id in {first, sent.message_id if sent else None}:
            if message_id is not None:
                turns[message_id] = rendered.turn
    finally:
        sending.discard(done)
        done.set_result(None)


async def _replied_turn(update: Update, context: Context, chat_data: dict[object, object]) -> Turn | None:
    """The Turn of the bot answer this message replies to, if we remember it. A reply may arrive
    while that answer's send is still returning its message id: then wait for the sends under way."""
    message = update.effective_message
    replied = message.reply_to_message if message else None
    if replied is None or replied.from_user is None or replied.from_user.id != context.bot.id:
        return None
    turns = _turns(chat_data)
    if replied.message_id not in turns:
        await _sends_done(chat_data)
    return turns.get(replied.message_id)


async def _sends_done(chat_data: dict[object, object]) -> None:
    """Wait (at most SEND_WAIT) for the answers this chat is still sending to learn their ids."""
    if pending := _sending(chat_data):
        await asyncio.wait(set(pending), timeout=SEND_WAIT)


def _turns(chat_data: dict[object, object]) -> LRU[int, Turn | None]:
    turns = chat_data.get(_TURNS)
    if not isinstance(turns, LRU):
        turns = chat_data[_TURNS] = LRU(GROUP_TURNS)
    return turns


def _sending(chat_data: dict[object, object]) -> set[asyncio.Future[None]]:
    sending = chat_data.get(_SENDING)
    if not isinstance(sending, set):
        sending = chat_data[_SENDING] = set()
    return sending


async def example_button(update: Update, context: Context, query: CallbackQuery, data: Example) -> None:
    """/start's example questions: answered (from the warm cache) as a new message, with 👍/👎."""
    lang = await chat_lang(update, context)
    await query.answer()
    if isinstance(query.message, Message):
        rendered = cached_answer(context.services, t(lang, f"example.{data.n}"), lang)
        parts = split_message(rendered.html)
        markup = await answer_markup(update, context, rendered)
        for i, part in enumerate(parts):
            await query.message.reply_text(part, reply_markup=markup if i == len(parts) - 1 else None)


async def private_text(update: Update, context: Context) -> None:
    message = update.effective_message
    if message is None or message.text is None:
        return
    await answer_question(update, context, message.text)


async def ask_command(update: Update, context: Context) -> None:
    await answer_question(update, context, " ".join(context.args or []))


async def group_text(update: Update, context: Context) -> None:
    """In groups, answer only when addressed: a mention of the bot or a reply to one of its messages."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    username = context.bot.username or ""
    mention = f"@{username}".lower()
    replied = message.reply_to_message
    addressed = replied is not None and replied.from_user is not None and replied.from_user.id == context.bot.id
    text = message.text
    if mention and mention in text.lower():
        addressed = True
        start = text.lower().index(mention)
        text = (text[:start] + text[start + len(mention):]).strip()
    if not addressed or not await allowed(update, context):
        return
    await answer_question(update, context, text)


async def non_text(update: Update, context: Context) -> None:
    """Stickers, photos, voice…: a short hint in private chats, silence in groups."""
    if is_group(update):
        return
    lang = await chat_lang(update, context)
    await reply(update, context, t(lang, "misc.non_text"))


async def inline_query(update: Update, context: Context) -> None:
    """Up to 10 ready-to-send cards, each with 👍/👎 (the question's answers); an empty query shows
    today's anniversaries, which answer no question and carry no buttons. An empty query, or one
    nothing answers, also offers a button that opens the private chat (/start inline)."""
    query = update.inline_query
    if query is None:
        return
    services = context.services
    user_lang = pick_lang(query.from_user.language_code if query.from_user else None)
    text = query.query.strip()[:256]
    results: list[InlineQueryResultArticle] = []
    if not text:
        for item in on_day(services.store, services.today())[:10]:
            answer = services.engine.fact_answer(item.fact, user_lang)
            results.append(_card(item.fact.id, answer, user_lang))
    else:
        lang = answer_language(text, user_lang)
        await embed_off_loop(services, text, None, lang)
        answer = services.engine.answer(text, lang)
        if answer.answered:
            facts = answer.facts[:10]
            question = normalise_question(answer.query)
            summaries = [AnswerSummary(question, lang, answer.script, "fact", True, (fact.id,), ()) for fact in facts]
            markups = await card_markups(context, summaries) if question else [None] * len(facts)
            for fact, markup in zip(facts, markups, strict=True):
                results.append(_card(fact.id, services.engine.fact_answer(fact, lang), lang, markup))
    button = None
    if not text or not results:  # nothing asked, or nothing found: offer the private chat instead
        button = InlineQueryResultsButton(text=t(user_lang, "inline.open_private"), start_parameter=INLINE_START)
    await query.answer(results, cache_time=60, is_personal=False, button=button)


def _card(fact_id: str, answer: Answer, lang: str, markup: InlineKeyboardMarkup | None = None) -> InlineQueryResultArticle:
    body = split_message(answer_html(answer))[0]
    description = answer.segments[0].text[:120] if answer.segments else ""
    return InlineQueryResultArticle(
        id=fact_id[:64],
        title=answer.heading[:100] or t(lang, "inline.title"),
        description=description,
        input_message_content=InputTextMessageContent(body),
        reply_markup=markup,
    )
