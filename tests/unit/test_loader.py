"""The YAML loader: the real data loads cleanly, and damaged copies are reported as `file:line: what`.

Every damage is a plain text edit of a copy of data/ in tmp_path (tests/datacopy.py); the expected
line is computed from the edited text, never hard-coded, so the tests keep working when the data
grows. `kzru-bot data check` on such copies, as a subprocess, is in e2e/test_loader_cli.py.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from datacopy import METAL, copy_data, damage_two_files, edit, fact_start, line_of

from bot.loader import DataError, default_data_dir, load_store
from bot.model import LANGS, PartialDate
from bot.store import FactStore

FRIENDSHIP = "tr-friendship-treaty-1992"


@functools.cache
def real_store() -> FactStore:
    """The real data, loaded once per session (test_store.py shares it)."""
    return load_store(default_data_dir())


@pytest.fixture
def store() -> FactStore:
    return real_store()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """Copied sources.yaml and treaties.yaml."""
    return copy_data(tmp_path, "treaties.yaml")


@pytest.fixture
def data2(tmp_path: Path) -> Path:
    """Copied sources.yaml, treaties.yaml and visits.yaml, for damage across two files."""
    return copy_data(tmp_path, "treaties.yaml", "visits.yaml")


def problems_of(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_store(data_dir)
    assert info.value.problems, "DataError without problems"
    assert str(info.value) == "\n".join(info.value.problems)
    return info.value.problems


# --- the real data ----------------------------------------------------------------------------


def test_real_data_loads_with_many_facts(store: FactStore) -> None:
    assert len(store) > 100
    assert len(store.facts) == len({f.id for f in store.facts})
    assert len(store.sources) >= 5


def test_every_fact_has_title_and_text_in_every_language(store: FactStore) -> None:
    for fact in store.facts:
        for field in ("title", "text"):
            texts = getattr(fact, field)
            assert set(texts) == set(LANGS), (fact.id, field)
            for lang in LANGS:
                assert texts[lang].strip(), (fact.id, field, lang)


def test_every_citation_names_a_known_source_and_a_real_line(store: FactStore) -> None:
    for fact in store.facts:
        cites = fact.citations()
        assert cites, f"{fact.id} has no citation"
        for cite in cites:
            assert cite.source in store.sources, (fact.id, cite)
            assert isinstance(cite.line, int) and cite.line >= 1, (fact.id, cite)
        for claim in fact.claims:
            assert claim.cite, f"{fact.id}: a claim without its own cite"


def test_no_fact_is_dated_1931_or_1932(store: FactStore) -> None:
    for fact in store.facts:
        dates = [fact.date, fact.start, fact.end, *(c.date for c in fact.claims)]
        years = {d.year for d in dates if d is not None}
        assert not years & {1931, 1932}, fact.id


def test_fact_file_and_line_point_at_its_id(store: FactStore) -> None:
    texts: dict[str, list[str]] = {}
    for fact in store.facts:
        lines = texts.setdefault(fact.file, Path(fact.file).read_text(encoding="utf-8").splitlines())
        assert lines[fact.line - 1].strip() == f"- id: {fact.id}", fact.id


def claims_are_separately_cited(store: FactStore, fact_id: str) -> None:
    fact = store.get(fact_id)
    assert fact is not None, fact_id
    assert fact.disputed and len(fact.claims) >= 2
    assert fact.date is None and fact.value is None
    for claim in fact.claims:
        assert claim.cite and all(c.source in store.sources and c.line >= 1 for c in claim.cite)
        assert set(claim.note) == set(LANGS) and all(claim.note[lang].strip() for lang in LANGS)
    # each version stands on its own citation, not on one shared with every other version
    assert len({claim.cite for claim in fact.claims}) == len(fact.claims)


def test_friendship_treaty_date_is_disputed(store: FactStore) -> None:
    claims_are_separately_cited(store, FRIENDSHIP)
    fact = store.get(FRIENDSHIP)
    assert fact is not None
    dates = {c.date for c in fact.claims}
    assert dates == {PartialDate(1992, 5, 25), PartialDate(1992, 10, 20)}
    assert fact.when == PartialDate(1992, 5, 25)


def test_land_border_length_is_disputed(store: FactStore) -> None:
    claims_are_separately_cited(store, "fg-land-border-length")
    fact = store.get("fg-land-border-length")
    assert fact is not None
    by_value = {c.value: c for c in fact.claims}
    assert {7591.0, 7200.0} <= set(by_value)
    assert by_value[7591.0].unit == by_value[7200.0].unit == "km"
    assert by_value[7591.0].cite != by_value[7200.0].cite


def test_border_demarcation_is_disputed(store: FactStore) -> None:
    claims_are_separately_cited(store, "fg-border-demarcation")
    fact = store.get("fg-border-demarcation")
    assert fact is not None
    dates = [c.date for c in fact.claims]
    assert all(dates) and len(set(dates)) == len(dates)


def test_only_known_disputes_are_the_multi_claim_facts(store: FactStore) -> None:
    disputed = {f.id for f in store.facts if f.disputed}
    assert {FRIENDSHIP, "fg-land-border-length", "fg-border-demarcation"} <= disputed
    assert all(len(f.claims) != 1 for f in store.facts)


# --- damaged copies ---------------------------------------------------------------------------


def test_the_pristine_copy_loads(data: Path, store: FactStore) -> None:
    copied = {f.id for f in load_store(data).facts}
    expected = {f.id for f in store.facts if Path(f.file).name == "treaties.yaml"}
    assert copied == expected and METAL in copied


def test_bad_date(data: Path) -> None:
    path = data / "treaties.yaml"
    line = edit(path, METAL, 'date: "1992-07-23"', 'date: "1992-13-40"')
    (problem,) = problems_of(data)
    assert problem.startswith(f"{path}:{line}: fact.date: ")
    assert "month" in problem


def test_impossible_day(data: Path) -> None:
    path = data / "treaties.yaml"
    line = edit(path, METAL, 'date: "1992-07-23"', 'date: "2023-02-29"')
    (problem,) = problems_of(data)
    assert problem.startswith(f"{path}:{line}: fact.date: ")
    assert "day" in problem


def test_badly_shaped_date(data: Path) -> None:
    path = data / "treaties.yaml"
    line = edit(path, METAL, 'date: "1992-07-23"', 'date: "23.07.1992"')
    assert problems_of(data) == [
        f"{path}:{line}: fact.date: bad date '23.07.1992': expected YYYY, YYYY-MM or YYYY-MM-DD"
    ]


def test_unknown_source_in_cite(data: Path) -> None:
    path = data / "treaties.yaml"
    line = edit(path, METAL, "{source: course-paper-kk, line: 26}", "{source: no-such-source, line: 26}")
    assert problems_of(data) == [f"{path}:{line}: fact.cite: unknown source 'no-such-source'"]


def test_citation_line_zero(data: Path) -> None:
    path = data / "treaties.yaml"
    line = edit(path, METAL, "{source: course-paper-kk, line: 26}", "{source: course-paper-kk, line: 0}")
    assert problems_of(data) == [f"{path}:{line}: fact.cite: line must be a whole number from 1"]


def test_duplicate_id_across_two_files(data2: Path) -> None:
    treaties, visits = data2 / "treaties.yaml", data2 / "visits.yaml"
    first_visit = re.search(r"^  - id: (\S+)$", visits.read_text(encoding="utf-8"), re.M)
    assert first_visit is not None
    line = edit(visits, first_visit.group(1), f"- id: {first_visit.group(1)}", f"- id: {METAL}")
    treaties_text = treaties.read_text(encoding="utf-8")
    first_line = line_of(treaties_text, fact_start(treaties_text, METAL))
    assert problems_of(data2) == [
        f"{visits}:{line}: duplicate fact id {METAL!r} (first at {treaties}:{first_line})"
    ]


def test_missing_language_in_title(data: Path) -> None:
    path = data / "treaties.yaml"
    text = path.read_text(encoding="utf-8")
    # The title mapping starts on the line after `title:` (its kk: key); it is reported there.
    title_line = line_of(text, text.index("    title:\n", fact_start(text, METAL))) + 1
    edit(path, METAL, "      en: Agreement on cooperation in the metallurgical complex (1992)\n", "")
    assert problems_of(data) == [f"{path}:{title_line}: fact.title: missing language en"]


def test_bad_indentation(data: Path) -> None:
    path = data / "treaties.yaml"
    line = edit(path, METAL, '    date: "1992-07-23"', '   date: "1992-07-23"')
    (problem,) = problems_of(data)
    assert problem.startswith(f"{path}:{line}: not valid YAML: ")


def test_unclosed_quote(data: Path) -> None:
    path = data / "treaties.yaml"
    line = edit(path, METAL, 'date: "1992-07-23"', 'date: "1992-07-23')
    text = path.read_text(encoding="utf-8")
    # A double-quoted scalar may span lines, so YAML notices the damage only where the runaway
    # string ends: on the line of the next double quote below the damage.
    opened = text.index('date: "1992-07-23', fact_start(text, METAL)) + len('date: "')
    detected = line_of(text, text.index('"', opened))
    assert detected > line
    (problem,) = problems_of(data)
    assert problem.startswith(f"{path}:{detected}: not valid YAML: ")


def test_unknown_key(data: Path) -> None:
    path = data / "treaties.yaml"
    line = edit(path, METAL, "    kind: treaty\n", "    colour: red\n    kind: treaty\n")
    assert problems_of(data) == [f"{path}:{line}: fact: unknown key 'colour'"]


@pytest.mark.parametrize("times", ["0", "2.5", "three"])
def test_times_must_be_a_whole_number_of_occurrences(data: Path, times: str) -> None:
    path = data / "treaties.yaml"
    line = edit(path, METAL, "    kind: treaty\n", f"    times: {times}\n    kind: treaty\n")
    (problem,) = problems_of(data)
    assert problem.startswith(f"{path}:{line}: fact.times must be ")


def test_times_counts_occurrences(data: Path) -> None:
    path = data / "treaties.yaml"
    edit(path, METAL, "    kind: treaty\n", "    times: 2\n    kind: treaty\n")
    assert load_store(data).get(METAL).times == 2  # type: ignore[union-attr]


def test_claims_list_with_one_entry(data: Path) -> None:
    path = data / "treaties.yaml"
    text = path.read_text(encoding="utf-8")
    start = fact_start(text, FRIENDSHIP)
    claims_line = line_of(text, text.index('      - date: "1992-05-25"', start))
    second = text.index('      - date: "1992-10-20"\n', start)
    after = text.index("\n    cite:\n", second) + 1  # the fact's own cite, after the claims
    path.write_text(text[:second] + text[after:], encoding="utf-8")
    assert problems_of(data) == [f"{path}:{claims_line}: fact.claims must list at least two versions"]


def test_two_damages_in_two_files_are_both_reported(data2: Path) -> None:
    bad_date, unknown_key = damage_two_files(data2)
    problems = problems_of(data2)
    assert len(problems) == 2
    assert any(p.startswith(bad_date) for p in problems), problems
    assert unknown_key in problems


def test_no_yaml_files(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == [f"{tmp_path}:1: no YAML data files found"]


# --- loader bugs found in review, fixed --------------------------------------------------------
def test_unquoted_impossible_date_is_a_data_error(data: Path) -> None:
    path = data / "treaties.yaml"
    line = edit(path, METAL, 'date: "1992-07-23"', "date: 1992-13-40")
    (problem,) = problems_of(data)
    assert problem.startswith(f"{path}:{line}: ")
def test_period_with_mixed_precision_loads(data: Path) -> None:
    edit(data / "treaties.yaml", METAL, 'date: "1992-07-23"', 'start: "1992"\n    end: "1992-10"')
    fact = load_store(data).get(METAL)
    assert fact is not None and fact.start == PartialDate(1992)


def test_every_fact_has_example_questions_in_every_language(store: FactStore) -> None:
    for fact in store.facts:
        for lang in ("kk", "ru", "en"):
            assert len(fact.questions.get(lang, ())) >= 3, (fact.id, lang)


def test_example_questions_are_validated_with_file_and_line(data: Path) -> None:
    path = data / "treaties.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("      en: [", text.index("    questions:\n", fact_start(text, METAL)))
    path.write_text(text[:at] + "      de: [" + text[at + len("      en: ["):], encoding="utf-8")
    assert f"{path}:{line_of(text, at)}: fact.questions: unknown language 'de' (use kk, ru, en)" in problems_of(data)


def test_example_questions_must_be_a_list(data: Path) -> None:
    path = data / "treaties.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    questions:\n", fact_start(text, METAL))
    kk_line = line_of(text, start) + 1
    end = text.index("\n", text.index("      kk: [", start))
    path.write_text(text[:text.index("      kk: [", start)] + '      kk: "one question"' + text[end:], encoding="utf-8")
    assert f"{path}:{kk_line}: fact.questions.kk must be a list" in problems_of(data)


# --- units, scales and metrics -----------------------------------------------------------------
def test_measured_figures_keep_their_unit_and_scale(store: FactStore) -> None:
    quota = store.get("tr-oil-transit-quota-2000")
    assert quota is not None and (quota.value, quota.scale, quota.unit) == (14.0, "million", "tonnes")
    border = store.get("fg-land-border-length")
    assert border is not None
    course_paper = next(c for c in border.claims if c.cite[0].source == "course-paper-kk")
    assert (course_paper.value, course_paper.scale, course_paper.unit, course_paper.qualifier) == (
        7.0, "thousand", "km", "about")
    economy = store.get("td-customs-union-economy")
    assert economy is not None and (economy.value, economy.unit, economy.currency) == (1.7, "trillion", "USD")


def test_every_metric_counts_in_one_unit(store: FactStore) -> None:
    units: dict[str, set[tuple[str | None, str | None]]] = {}
    for fact in store.facts:
        if fact.metric and fact.value is not None:
            units.setdefault(fact.metric, set()).add((fact.scale, fact.unit))
    assert units and all(len(found) == 1 for found in units.values()), units


def test_a_percentage_beside_a_sum_in_one_metric_is_an_error(tmp_path: Path) -> None:
    data = copy_data(tmp_path, "trade.yaml")
    path = data / "trade.yaml"
    line = edit(path, "td-exports-growth-2011", "metric: export_growth", "metric: export_kz_ru")
    text = path.read_text(encoding="utf-8")
    growth = line_of(text, fact_start(text, "td-exports-growth-2011"))
    exports = line_of(text, fact_start(text, "td-exports-to-russia-2011"))
    assert growth < line < exports
    assert problems_of(data) == [
        f"{path}:{exports}: metric 'export_kz_ru' is counted in percent at {path}:{growth} but in billion here; "
        "give one of them its own metric"]


def test_a_scale_needs_a_measured_unit(data: Path) -> None:
    path = data / "treaties.yaml"
    line = edit(path, METAL, "    kind: treaty\n", "    kind: treaty\n    value: 3\n    scale: million\n    unit: percent\n")
    assert problems_of(data) == [f"{path}:{line + 2}: fact.scale goes with a measured unit (km, tonnes)"]


# --- sources -------------------------------------------------------------------------------------
def test_the_author_is_spelled_in_the_readers_script(store: FactStore) -> None:
    article = store.sources["borbasov-kk"]
    assert article.who("en") == "Sayin Borbasov"
    assert article.who("kk") == article.who("ru") == "Сайын Борбасов"
    assert store.sources["wikipedia-en"].who("ru") == "Википедия"
    assert store.sources["course-paper-kk"].who("en") is None


def test_an_author_may_be_one_text_for_every_language(data: Path) -> None:
    path = data / "sources.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    author:\n")
    end = text.index("    publisher:", start)
    path.write_text(text[:start] + "    author: Jane Roe\n" + text[end:], encoding="utf-8")
    source = load_store(data).sources["borbasov-kk"]
    assert source.author == "Jane Roe" and {source.who(lang) for lang in LANGS} == {"Jane Roe"}
