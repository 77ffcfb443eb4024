"""End to end: what the store's content fixes look like to a reader in Telegram.

Why: units belong to the figure (the 2000 oil quota is in tonnes, shown in the reader's words),
years elapsed are counted when the reply is made (never frozen in a fact's text), and /treaties
lists dated treaties, agreements and declarations only. Expected values come from the store, so
wording changes in the data do not break the test while a regression in what it says does.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from pathlib import Path

import pytest
from botharness import real_store, running_bot
from factories import make_command_update, make_text_update, make_user
from fakebotapi import FakeBotAPI


async def reply_to(api: FakeBotAPI, chat_id: int) -> str:
    """The reply's text as the reader sees it (HTML entities undone)."""
    return unescape(str((await api.wait_for("sendMessage", lambda c: c.chat_id == chat_id))[0].params["text"]))


@pytest.mark.parametrize(("lang", "question", "unit"), [
    ("en", "What oil transit quota did Russia give Kazakhstan in 2000?", "tonnes"),
    ("ru", "Какую квоту на транзит нефти Россия дала Казахстану в 2000 году?", "тонн"),
])
async def test_the_oil_quota_is_told_in_tonnes(fake_api: FakeBotAPI, tmp_path: Path, lang: str, question: str,
                                               unit: str) -> None:
    fact = real_store().get("tr-oil-transit-quota-2000")
    assert fact is not None and fact.unit is not None and "ton" in fact.unit
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_text_update(question, user=make_user(9301, language_code=lang)))
        html = await reply_to(fake_api, 9301)
    assert re.search(rf"14\s*(?:mln|млн|million)\s*{unit}", html), html


@pytest.mark.parametrize(("lang", "question", "template"), [
    ("en", "how many years ago were diplomatic relations established", "1992 was {n} years ago"),
    ("kk", "Қазақстан мен Ресей дипломатиялық қатынас орнатқанына қанша жыл болды", "1992 жылдан бері {n} жыл өтті"),
])
async def test_years_ago_are_counted_when_the_reply_is_made(fake_api: FakeBotAPI, tmp_path: Path, lang: str,
                                                            question: str, template: str) -> None:
    relations = real_store().get("ev-diplomatic-relations-1992")
    assert relations is not None and relations.when is not None
    noon = dt.datetime(2031, 6, 1, 12, 0, tzinfo=dt.UTC)  # the bot's own clock, pinned
    async with running_bot(fake_api, tmp_path, now=lambda: noon):
        fake_api.push_update(make_text_update(question, user=make_user(9302, language_code=lang)))
        html = await reply_to(fake_api, 9302)
    assert template.format(n=2031 - relations.when.year) in html, html


@pytest.mark.parametrize("lang", ["en", "ru"])
async def test_treaties_lists_dated_documents_only(fake_api: FakeBotAPI, tmp_path: Path, lang: str) -> None:
    treaties = real_store().by_kind("treaty")
    assert treaties and all(f.when is not None for f in treaties)
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_command_update("/treaties", user=make_user(9303, language_code=lang)))
        html = await reply_to(fake_api, 9303)
    assert f"({len(treaties)})" in html.split("\n")[0]
    shown = [line for line in html.split("\n") if re.match(r"\d+\. ", line)]
    # each line names a treaty: its title's opening words (the line drops a date the title repeats)
    openings = {" ".join(f.title[lang].split()[:3]) for f in treaties}
    assert shown and all(any(opening in line for opening in openings) for line in shown), shown


@pytest.mark.parametrize(("lang", "question", "script"), [
    ("en", "When was the Baikonur lease agreement signed?", "latin"),
    ("ru", "Когда подписано соглашение об аренде Байконура?", "cyrillic"),
])
async def test_a_source_is_named_in_the_readers_script(fake_api: FakeBotAPI, tmp_path: Path, lang: str, question: str,
                                                       script: str) -> None:
    async with running_bot(fake_api, tmp_path):
        fake_api.push_update(make_text_update(question, user=make_user(9304, language_code=lang)))
        html = await reply_to(fake_api, 9304)
    authors = [source.author_forms.get(lang, source.author) for source in real_store().sources.values() if source.author]
    named = [who for who in authors if who and who in html]
    assert named, html  # at least one reference names its author, spelled for this reader
    for who in named:
        letters = [ch for ch in who if ch.isalpha()]
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters)
        assert (cyrillic == len(letters)) if script == "cyrillic" else (cyrillic == 0), who
