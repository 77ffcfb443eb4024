"""Questions: private messages, /ask, mentions and replies in groups, inline queries, /start and /help."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from html import escape

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode

from bot.anniversaries import on_day
from bot.engine import Answer
from bot.i18n import pick_lang, t
from bot.schedule import zone
from bot.text import detect_language
from handlers.common import allowed, chat_lang, is_group, reply
from handlers.context import Context, Services
from handlers.keyboards import examples_keyboard, language_keyboard
from handlers.render import answer_html, split_message

MAX_QUESTION = 1000


async def start(update: Update, context: Context) -> None:
    """Greeting in the user's language with example questions; deep links open a list or answer."""
    lang = await chat_lang(update, context)
    payload = context.args[0] if context.args else ""
    if payload:
        from handlers.browse import open_deep_link

        if await open_deep_link(update, context, lang, payload):
            return
    user = update.effective_user
    name = escape(user.first_name) if user and user.first_name else ""
    await reply(update, context, t(lang, "start.greeting", name=name), examples_keyboard(lang))


async def help_command(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    await reply(update, context, t(lang, "help.text", bot=escape(context.bot.username or "")))


async def lang_command(update: Update, context: Context) -> None:
    lang = await chat_lang(update, context)
    await reply(update, context, t(lang, "lang.prompt"), language_keyboard())


@lru_cache(maxsize=4096)
def question_language(question: str) -> str | None:
    """The language of a question when it is clear (two words or more), else None."""
    detected = detect_language(question)
    return detected if detected and len(question.split()) >= 2 else None


def answer_language(question: str, chat_language: str) -> str:
    """Answers follow the question's language when it is clear, else the chat's language."""
    return question_language(" ".join(question.split())) or chat_language


def cached_answer_html(services: Services, question: str, lang: str) -> str:
    """The rendered answer, from an LRU keyed by (normalised question, language): the engine and
    the renderer are pure functions of those two, and the same questions recur (example buttons)."""
    key = (" ".join(question.split()), lang)
    html = services.answers.get(key)
    if html is None:
        html = answer_html(services.engine.answer(question, lang))
        services.answers[key] = html
    return html


async def answer_question(update: Update, context: Context, question: str) -> None:
    """The engine's answer in the question's language when it is clear, so most questions need
    no look-up of the chat's stored language at all."""
    question = question.strip()
    if not question or len(question) > MAX_QUESTION:
        lang = await chat_lang(update, context)
        await reply(update, context, t(lang, "ask.too_long", n=MAX_QUESTION) if question else t(lang, "ask.empty"))
        return
    lang = question_language(" ".join(question.split())) or await chat_lang(update, context)
    await reply(update, context, cached_answer_html(context.services, question, lang))


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
    """Up to 10 ready-to-send cards; an empty query shows today's anniversaries."""
    query = update.inline_query
    if query is None:
        return
    services = context.services
    user_lang = pick_lang(query.from_user.language_code if query.from_user else None)
    text = query.query.strip()[:256]
    results: list[InlineQueryResultArticle] = []
    if not text:
        today = dt.datetime.now(dt.UTC).astimezone(zone(services.config.tz)).date()
        for item in on_day(services.store, today)[:10]:
            answer = services.engine.fact_answer(item.fact, user_lang)
            results.append(_card(item.fact.id, answer, user_lang))
    else:
        lang = answer_language(text, user_lang)
        answer = services.engine.answer(text, lang)
        if answer.answered:
            results.append(_card(answer.facts[0].id, services.engine.fact_answer(answer.facts[0], lang), lang))
            for fact in answer.facts[1:10]:
                results.append(_card(fact.id, services.engine.fact_answer(fact, lang), lang))
    await query.answer(results, cache_time=60, is_personal=False)


def _card(fact_id: str, answer: Answer, lang: str) -> InlineQueryResultArticle:
    body = split_message(answer_html(answer))[0]
    description = answer.segments[0].text[:120] if answer.segments else ""
    return InlineQueryResultArticle(
        id=fact_id[:64],
        title=answer.heading[:100] or t(lang, "inline.title"),
        description=description,
        input_message_content=InputTextMessageContent(body, parse_mode=ParseMode.HTML),
    )
