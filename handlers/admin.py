"""Operator commands (/stats, /broadcast_status, /unanswered, /feedback) for the user ids in
KZRU_ADMIN_IDS only.

Anyone else gets one short refusal in a private chat and silence in a group: the refusal tells
a curious user why nothing happened, while in groups `/stats` is a common command of other
bots and an answer from us would only be noise. Operators get figures only in private chats,
so subscriber numbers never land in a group by accident.
"""

from __future__ import annotations

from telegram import CallbackQuery, Update
from telegram.constants import ChatType

from bot.health import operator_line
from bot.i18n import t
from bot.usecases import operators
from handlers.callbacks import UnansweredButton
from handlers.common import chat_lang, edit, reply
from handlers.context import Context
from handlers.keyboards import unanswered_keyboard
from handlers.render import fact_ratings_html, stats_html, unanswered_html

UNANSWERED_PAGE = 5


async def operator_lang(update: Update, context: Context) -> str | None:
    """The chat's language when the sender is an operator in a private chat; None after refusing."""
    chat = update.effective_chat
    user = update.effective_user
    if chat is None or chat.type != ChatType.PRIVATE:
        return None
    lang = await chat_lang(update, context)
    if user is None or user.id not in context.services.config.admin_ids:
        await reply(update, context, t(lang, "admin.only"))
        return None
    return lang


async def stats(update: Update, context: Context) -> None:
    """Subscriptions by chat type, mode and language, and the deliveries of the bot's today."""
    lang = await operator_lang(update, context)
    if lang is None:
        return
    services = context.services
    figures = stats_html(await operators.stats(services.repo, services.store, services.today()), lang)
    await reply(update, context, f"{figures}\n{operator_line(services.repo.health, lang)}")


async def broadcast_status(update: Update, context: Context) -> None:
    """Where today's anniversary run stands: served, due but not yet served, still to come."""
    lang = await operator_lang(update, context)
    if lang is None:
        return
    services = context.services
    status = await operators.broadcast_status(services.repo, services.now())
    running = services.broadcaster is not None
    await reply(update, context, t(lang, "admin.broadcast", served=status.served, due=status.due, later=status.later,
                                   broken=status.broken, rate=f"{services.config.broadcast_rate:g}",
                                   state=t(lang, "admin.running" if running else "admin.stopped")))


async def unanswered(update: Update, context: Context) -> None:
    """The open questions nobody answered, most asked first, a page at a time, each with a ✓ button."""
    lang = await operator_lang(update, context)
    if lang is None:
        return
    services = context.services
    page = await services.editorial.open_questions(0, UNANSWERED_PAGE)
    await reply(update, context, unanswered_html(page, lang, services.store),
                unanswered_keyboard([q.id for q in page.items], page.first, page.page, page.pages))


async def unanswered_button(update: Update, context: Context, query: CallbackQuery, data: UnansweredButton) -> None:
    """✓ marks a question handled, ◀ ▶ turn the page; the list is redrawn in place. Operators only."""
    lang = await chat_lang(update, context)
    services = context.services
    if query.from_user.id not in services.config.admin_ids:
        await query.answer(t(lang, "admin.only"))
        return
    if data.op == "h":
        marked = await services.editorial.mark_handled(int(data.entry))
        await query.answer(t(lang, "unanswered.marked") if marked else t(lang, "unanswered.gone"))
    else:
        await query.answer()
    page = await services.editorial.open_questions(data.page, UNANSWERED_PAGE)
    markup = unanswered_keyboard([q.id for q in page.items], page.first, page.page, page.pages)
    await edit(query, unanswered_html(page, lang, services.store), markup)


async def feedback(update: Update, context: Context) -> None:
    """👍/👎 per fact over every rated answer, worst first."""
    lang = await operator_lang(update, context)
    if lang is None:
        return
    services = context.services
    await reply(update, context, fact_ratings_html(await services.editorial.fact_feedback(), lang, services.store))
