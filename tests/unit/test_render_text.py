"""Citations as a journalist or a student reads them, in kk, ru and en: who wrote or published
the source in the reader's script and spelled one way, the kind of source and its date in the
reader's language, the title (a link in Telegram), and short line locators."""

from __future__ import annotations

import re

import pytest
from test_loader import real_store

from bot.engine import Answer, Reference, RefNumbering, Segment
from bot.engine.compose import REPLY_LIMIT, fitted
from bot.model import LANGS
from bot.render_text import body_text, line_ranges, reference_line, source_label
from bot.store import FactStore
from handlers.render import source_line

LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture
def store() -> FactStore:
    return real_store()


def test_line_ranges_fold_runs() -> None:
    assert line_ranges([47, 48, 49, 50, 52, 53, 54]) == "47–50, 52–54"
    assert line_ranges([40, 12, 12]) == "12, 40"
    assert line_ranges([3]) == "3"
    assert line_ranges([]) == ""


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "[1] Sayin Borbasov. Kazakhstan–Russia relations since independence (article, after 2015), lines 3–5, 28"),
    ("ru", "[1] Сайын Борбасов. Казахстанско-российские отношения в годы независимости (статья, после 2015 г.), "
           "строки 3–5, 28"),
    ("kk", "[1] Сайын Борбасов. Тәуелсіздік жылдарындағы Қазақстан–Ресей қатынастары (мақала, 2015 жылдан кейін), "
           "3–5, 28-жолдар"),
])
def test_an_authors_article_in_each_language(store: FactStore, lang: str, expected: str) -> None:
    ref = Reference(1, store.sources["borbasov-kk"], (3, 4, 5, 28))
    assert reference_line(ref, lang) == expected


@pytest.mark.parametrize(("lang", "who", "about", "one_line"), [
    ("en", "Sputnik Kazakhstan", "news, 12 June 2024", "line 12"),
    ("ru", "Sputnik Казахстан", "новость, 12 июня 2024 г.", "строка 12"),
    ("kk", "Sputnik Қазақстан", "жаңалық, 12 маусым 2024 ж.", "12-жол"),
])
def test_kind_and_date_are_in_the_readers_language(store: FactStore, lang: str, who: str, about: str,
                                                   one_line: str) -> None:
    label = source_label(store.sources["sputnik-2024"], lang, (12,), brief=True)
    assert (label.who, label.about, label.lines) == (who, about, one_line)
    assert len(label.title) < len(store.sources["sputnik-2024"].title[lang])


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_latin_name_inside_kazakh_or_russian_references(store: FactStore, lang: str) -> None:
    for source in store.sources.values():
        label = source_label(source, lang, (1,), brief=True)
        for text in (label.who or "", label.about, label.lines):
            assert not LATIN.search(text.replace("Sputnik", "")), (source.id, lang, text)


def test_the_author_is_spelled_one_way_in_every_fact(store: FactStore) -> None:
    """Facts that name the article's author use the sources' own spelling of the name."""
    names = {lang: store.sources["borbasov-kk"].who(lang) or "" for lang in LANGS}
    stems = {"kk": "Борбасов", "ru": "Борбасов", "en": "Borbasov"}
    for fact in store.facts:
        for lang in LANGS:
            texts = [fact.text[lang], *(claim.note[lang] for claim in fact.claims)]
            for text in texts:
                for found in re.finditer(rf"(\S+) {stems[lang]}", text):
                    assert names[lang].split()[0][:4] in found.group(1), (fact.id, lang, found.group(0))


@pytest.mark.parametrize("lang", LANGS)
def test_the_telegram_reference_links_the_title(store: FactStore, lang: str) -> None:
    source = store.sources["wikipedia-en"]
    html = source_line(source, lang, (8, 10))
    title = source.brief_title(lang)
    assert f'<a href="{source.url}">{title}</a>' in html
    assert html.startswith(f"{source.who(lang)}. ")
    assert source.url not in html.replace(f'href="{source.url}"', "")


def test_the_reference_block_stays_short(store: FactStore) -> None:
    """Under an answer a reference is one short line, even for the longest title and url."""
    for lang in LANGS:
        for source in store.sources.values():
            html = source_line(source, lang, (12, 13, 14, 40))
            visible = re.sub(r"<[^>]+>", "", html)
            assert len(visible) <= 120, (lang, source.id, visible)


def test_the_sources_list_keeps_full_titles(store: FactStore) -> None:
    source = store.sources["sputnik-2024"]
    for lang in LANGS:
        assert source.title[lang] in source_line(source, lang)


def _long_answer(store: FactStore, lang: str) -> Answer:
    """An answer told from many facts, with see-also lines and suggestions: far past the reply limit."""
    facts = [f for f in store.facts if len(f.text[lang]) > 150][:12]
    refs = RefNumbering(store.sources)
    segments = tuple(Segment(f.text[lang], refs.add(f.cite)) for f in facts[:6])
    related = tuple(Segment(f.title[lang], refs.add(f.cite)) for f in facts[6:])
    return Answer(query="q", lang=lang, status="fact", segments=segments, references=refs.references(),
                  facts=tuple(facts[:6]), suggestions=tuple(facts[6:9]), heading="", related=related, kind="list")


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_long_reply_is_cut_under_the_limit_least_needed_first(store: FactStore, lang: str) -> None:
    answer = _long_answer(store, lang)
    assert len(body_text(answer)) >= REPLY_LIMIT
    short = fitted(answer)
    body = body_text(short)
    assert len(body) < REPLY_LIMIT
    assert short.segments[0] == answer.segments[0]  # what was asked stays whole
    assert not short.related and not short.suggestions
    cited = sorted({n for seg in (*short.segments, *short.related) for n in seg.refs})
    assert [ref.n for ref in short.references] == cited == list(range(1, len(cited) + 1))
    assert short.more == len(answer.segments) - len(short.segments)
    assert fitted(short) == short


def test_a_reply_under_the_limit_is_left_as_it_is(store: FactStore) -> None:
    fact = next(f for f in store.facts if len(f.text["en"]) < 300)
    refs = RefNumbering(store.sources)
    answer = Answer(query="q", lang="en", status="fact", segments=(Segment(fact.text["en"], refs.add(fact.cite)),),
                    references=refs.references(), facts=(fact,), heading=fact.title["en"])
    assert fitted(answer) is answer
