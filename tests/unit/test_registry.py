"""The one registry: each command declared once, and the handler list and the menus built from it."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.app import handlers, menu_commands
from bot.i18n import catalogue
from bot.model import LANGS
from handlers import registry


def test_each_command_is_declared_once_with_a_menu_text_in_every_language() -> None:
    names = [c.name for c in registry.COMMANDS]
    assert len(names) == len(set(names))
    for command in registry.COMMANDS:
        assert command.scopes, command.name
        for lang in LANGS:
            assert catalogue(lang).get(command.menu_key), (lang, command.menu_key)


def test_the_handler_list_has_one_command_handler_per_declared_command() -> None:
    built = handlers()
    commands = [h for h in built if isinstance(h, CommandHandler)]
    assert [next(iter(h.commands)) for h in commands] == [c.name for c in registry.COMMANDS]
    buttons = [h for h in built if isinstance(h, CallbackQueryHandler)]
    assert len(buttons) == len(registry.BUTTONS) + 1
    assert buttons[-1].pattern is None, "the last button handler answers any data no action claims"


def test_menus_come_from_the_scopes() -> None:
    private = [c.name for c in registry.menu("private")]
    groups = [c.name for c in registry.menu("groups")]
    operators = [c.name for c in registry.menu("operators")]
    assert private[:2] == ["start", "help"] and "lang" in private and "stats" not in private
    assert "start" not in groups and "lang" not in groups and "ask" in groups and "stats" not in groups
    assert operators[: len(private)] == private
    assert operators[len(private):] == ["unanswered", "feedback", "stats", "broadcast_status"]
    ru = menu_commands("groups", "ru")
    assert [c.command for c in ru] == groups and ru[0].description == catalogue("ru")[f"cmd.{groups[0]}"]
