"""Load and strictly validate the YAML data, reporting every problem as `file:line: what`.

Validation works on PyYAML's node tree rather than on plain dicts so that each problem can
name the line it stands on; the operator fixes a broken file without guessing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bot.model import KINDS, LANGS, SCALES, Citation, Claim, Fact, PartialDate, Source
from bot.store import FactStore

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
TAGS = frozenset(
    "diplomacy treaty border baikonur space military caspian oil-gas energy trade investment "
    "customs-union eaeu organisations history culture migration people economy economic-ties integration tensions planned "
    "relations".split()
)
METRICS = frozenset(
    "trade_turnover trade_growth average_trade_growth export_kz_ru export_growth import_kz_ru investment_ru_kz investment_kz_ru "
    "trade_share border_length documents_count enterprises_count projects projects_value meetings_per_year "
    "economy_size population".split()
)
UNITS = frozenset("billion trillion million thousand percent km count years tonnes".split())
MEASURES = frozenset({"km", "tonnes"})
QUALIFIERS = frozenset({"about", "over", "under"})
FACT_KEYS = frozenset(
    "id kind tags date start end place people value unit scale currency qualifier metric title text "
    "aliases questions cite claims times".split()
)
CLAIM_KEYS = frozenset({"date", "value", "unit", "scale", "qualifier", "note", "cite"})
SOURCE_KEYS = frozenset(
    {"id", "file", "title", "short_title", "author", "publisher", "date", "date_note", "url", "language", "kind"}
)
SOURCE_KINDS = frozenset({"news", "encyclopedia", "article", "course paper"})


class DataError(Exception):
    """The data is broken; `problems` holds every `file:line: what is wrong` found."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class _Checker:
    """Collects problems for one file while converting its nodes to domain objects."""

    path: str
    problems: list[str] = field(default_factory=list)

    def fail(self, node: Node, message: str) -> None:
        self.problems.append(f"{self.path}:{node.start_mark.line + 1}: {message}")

    def mapping(self, node: Node, what: str) -> dict[str, tuple[Node, Node]] | None:
        """A mapping's entries by key, keeping key and value nodes; None (reported) if not one."""
        if not isinstance(node, MappingNode):
            self.fail(node, f"{what} must be a mapping")
            return None
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.fail(key_node, f"{what}: keys must be plain strings")
                continue
            if key in out:
                self.fail(key_node, f"{what}: key {key!r} appears twice")
                continue
            out[key] = (key_node, value_node)
        return out

    def scalar(self, node: Node, what: str) -> Any:
        if not isinstance(node, ScalarNode):
            self.fail(node, f"{what} must be a single value")
            return None
        try:
            value = _CONSTRUCTOR.construct_object(node)
            # The shared constructor remembers every node it built: drop it, or the whole composed
            # tree of every data file stays in memory for the life of the bot (~4 MB).
            _CONSTRUCTOR.constructed_objects.pop(node, None)
            return value
        except (ValueError, yaml.YAMLError) as exc:
            self.fail(node, f"{what}: {node.value!r} is not a valid value ({exc})")
            return None

    def string(self, node: Node, what: str, *, allow_null: bool = False) -> str | None:
        value = self.scalar(node, what)
        if value is None and allow_null and isinstance(node, ScalarNode):
            return None
        if not isinstance(value, str) or not value.strip():
            if isinstance(node, ScalarNode):
                self.fail(node, f"{what} must be a non-empty text")
            return None
        return value.strip()

    def date(self, node: Node, what: str) -> PartialDate | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        try:
            return PartialDate.parse(value.isoformat() if hasattr(value, "isoformat") else str(value))
        except ValueError as exc:
            self.fail(node, f"{what}: {exc}")
            return None

    def number(self, node: Node, what: str) -> float | None:
        value = self.scalar(node, what)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(node, f"{what} must be a number")
            return None
        return float(value)

    def count(self, node: Node, what: str) -> int | None:
        """A whole number of occurrences, at least one."""
        value = self.number(node, what)
        if value is None:
            return None
        if value != int(value) or value < 1:
            self.fail(node, f"{what} must be a whole number of at least 1, not {value!r}")
            return None
        return int(value)

    def choice(self, node: Node, what: str, allowed: Collection[str]) -> str | None:
        value = self.string(node, what)
        if value is not None and value not in allowed:
            self.fail(node, f"{what} {value!r} is not one of {', '.join(sorted(allowed))}")
            return None
        return value

    def langs(self, node: Node, what: str, *, required: bool = True) -> dict[str, str] | None:
        """A text in every language (or, when not required, in any of them)."""
        entries = self.mapping(node, what)
        if entries is None:
            return None
        out: dict[str, str] = {}
        for lang, (key_node, value_node) in entries.items():
            if lang not in LANGS:
                self.fail(key_node, f"{what}: unknown language {lang!r} (use kk, ru, en)")
                continue
            text = self.string(value_node, f"{what}.{lang}")
            if text is not None:
                out[lang] = text
        missing = [lang for lang in LANGS if lang not in entries]
        if required and missing:
            self.fail(node, f"{what}: missing language {', '.join(missing)}")
            return None
        return out

    def lang_lists(self, node: Node, what: str) -> dict[str, tuple[str, ...]] | None:
        entries = self.mapping(node, what)
        if entries is None:
            return None
        out: dict[str, tuple[str, ...]] = {}
        for lang, (key_node, value_node) in entries.items():
            if lang not in LANGS:
                self.fail(key_node, f"{what}: unknown language {lang!r} (use kk, ru, en)")
                continue
            out[lang] = tuple(self.strings(value_node, f"{what}.{lang}"))
        return out

    def strings(self, node: Node, what: str) -> Iterator[str]:
        if not isinstance(node, SequenceNode):
            self.fail(node, f"{what} must be a list")
            return
        for item in node.value:
            text = self.string(item, f"{what} item")
            if text is not None:
                yield text

    def cites(self, node: Node, what: str, sources: set[str]) -> tuple[Citation, ...]:
        if not isinstance(node, SequenceNode) or not node.value:
            self.fail(node, f"{what} must be a non-empty list of {{source, line}}")
            return ()
        out: list[Citation] = []
        for item in node.value:
            entries = self.mapping(item, f"{what} entry")
            if entries is None:
                continue
            unknown = set(entries) - {"source", "line"}
            for key in sorted(unknown):
                self.fail(entries[key][0], f"{what}: unknown key {key!r}")
            if "source" not in entries or "line" not in entries:
                self.fail(item, f"{what}: each entry needs source and line")
                continue
            source = self.string(entries["source"][1], f"{what}.source")
            line = self.scalar(entries["line"][1], f"{what}.line")
            if source is not None and source not in sources:
                self.fail(entries["source"][1], f"{what}: unknown source {source!r}")
                continue
            if isinstance(line, bool) or not isinstance(line, int) or line < 1:
                self.fail(entries["line"][1], f"{what}: line must be a whole number from 1")
                continue
            if source is not None:
                out.append(Citation(source, line))
        return tuple(out)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _compose(path: Path, checker: _Checker) -> Node | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        checker.problems.append(f"{checker.path}:1: cannot read: {exc}")
        return None
    try:
        return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        checker.problems.append(f"{checker.path}:{line}: not valid YAML: {exc.problem or exc}")
    except yaml.YAMLError as exc:
        checker.problems.append(f"{checker.path}:1: not valid YAML: {exc}")
    return None


def _load_sources(node: Node, checker: _Checker) -> list[Source]:
    out: list[Source] = []
    if not isinstance(node, SequenceNode):
        checker.fail(node, "sources must be a list")
        return out
    for item in node.value:
        entries = checker.mapping(item, "source")
        if entries is None:
            continue
        for key in sorted(set(entries) - SOURCE_KEYS):
            checker.fail(entries[key][0], f"source: unknown key {key!r}")
        for key in ("id", "file", "title", "language", "kind"):
            if key not in entries:
                checker.fail(item, f"source: missing {key!r}")
        if not {"id", "file", "title", "language", "kind"} <= set(entries):
            continue

        found = entries

        def opt(key: str, found: dict[str, tuple[Node, Node]] = found) -> str | None:
            if key not in found:
                return None
            return checker.string(found[key][1], f"source.{key}", allow_null=True)

        def opt_langs(key: str, found: dict[str, tuple[Node, Node]] = found) -> dict[str, str] | None:
            node = found[key][1] if key in found else None
            if node is None or (isinstance(node, ScalarNode) and node.value in ("", "null", "~")):
                return None
            return checker.langs(node, f"source.{key}")

        sid = checker.string(entries["id"][1], "source.id")
        title = checker.langs(entries["title"][1], "source.title")
        kind = checker.choice(entries["kind"][1], "source.kind", SOURCE_KINDS)
        author, author_forms = _name(entries.get("author"), "source.author", checker)
        publisher, publisher_forms = _name(entries.get("publisher"), "source.publisher", checker)
        if sid and title and kind:
            out.append(
                Source(
                    id=sid,
                    file=opt("file") or "",
                    title=title,
                    author=author,
                    publisher=publisher,
                    date=opt("date"),
                    date_note=opt_langs("date_note"),
                    url=opt("url"),
                    language=opt("language") or "",
                    kind=kind,
                    short_title=opt_langs("short_title"),
                    author_forms=author_forms,
                    publisher_forms=publisher_forms,
                )
            )
    return out


def _name(entry: tuple[Node, Node] | None, what: str, checker: _Checker) -> tuple[str | None, dict[str, str]]:
    """An author or publisher: one text, or its spelling per reader language (`en` is the canonical one)."""
    if entry is None:
        return None, {}
    node = entry[1]
    if isinstance(node, MappingNode):
        forms = checker.langs(node, what) or {}
        return forms.get("en"), forms
    return checker.string(node, what, allow_null=True), {}


def _load_claim(node: Node, checker: _Checker, sources: set[str]) -> Claim | None:
    entries = checker.mapping(node, "claim")
    if entries is None:
        return None
    for key in sorted(set(entries) - CLAIM_KEYS):
        checker.fail(entries[key][0], f"claim: unknown key {key!r}")
    if "cite" not in entries or "note" not in entries:
        checker.fail(node, "claim: needs note and cite")
        return None
    if "date" not in entries and "value" not in entries:
        checker.fail(node, "claim: needs a date or a value")
    get = entries.get
    date = checker.date(get("date")[1], "claim.date") if get("date") else None  # type: ignore[index]
    value = checker.number(get("value")[1], "claim.value") if get("value") else None  # type: ignore[index]
    unit = checker.choice(get("unit")[1], "claim.unit", UNITS) if get("unit") else None  # type: ignore[index]
    scale = checker.choice(get("scale")[1], "claim.scale", SCALES) if get("scale") else None  # type: ignore[index]
    if scale is not None and unit not in MEASURES:
        checker.fail(get("scale")[1], f"claim.scale goes with a measured unit ({', '.join(sorted(MEASURES))})")  # type: ignore[index]
    qual = (
        checker.choice(get("qualifier")[1], "claim.qualifier", QUALIFIERS)  # type: ignore[index]
        if get("qualifier")
        else None
    )
    note = checker.langs(entries["note"][1], "claim.note")
    cite = checker.cites(entries["cite"][1], "claim.cite", sources)
    if note is None or not cite:
        return None
    return Claim(date=date, value=value, unit=unit, qualifier=qual, note=note, cite=cite, scale=scale)


def _load_fact(node: Node, checker: _Checker, sources: set[str]) -> Fact | None:
    entries = checker.mapping(node, "fact")
    if entries is None:
        return None
    ok = True
    for key in sorted(set(entries) - FACT_KEYS):
        checker.fail(entries[key][0], f"fact: unknown key {key!r}")
        ok = False
    for key in ("id", "kind", "title", "text"):
        if key not in entries:
            checker.fail(node, f"fact: missing {key!r}")
            ok = False
    if "cite" not in entries and "claims" not in entries:
        checker.fail(node, "fact: needs cite (or claims)")
        ok = False
    if not ok:
        return None

    def field_(key: str, convert: Callable[[Node, str], Any]) -> Any:
        return convert(entries[key][1], f"fact.{key}") if key in entries else None

    fid = field_("id", checker.string)
    if fid is not None and not ID_RE.match(fid):
        checker.fail(entries["id"][1], f"fact id {fid!r} must be 2-40 characters of a-z, 0-9 and -")
    kind = checker.choice(entries["kind"][1], "fact.kind", frozenset(KINDS))
    title = field_("title", checker.langs)
    text = field_("text", checker.langs)
    date, start, end = field_("date", checker.date), field_("start", checker.date), field_("end", checker.date)
    if "date" in entries and ("start" in entries or "end" in entries):
        checker.fail(entries["date"][0], "fact: give either date or start/end, not both")
    if start and end and end < start:
        checker.fail(entries["end"][1], "fact: end is before start")
    if "end" in entries and "start" not in entries:
        checker.fail(entries["end"][0], "fact: end without start")
    claims: list[Claim] = []
    if "claims" in entries:
        claims_node = entries["claims"][1]
        if "date" in entries or "value" in entries:
            checker.fail(entries["claims"][0], "fact: claims replace date and value; drop those")
        if not isinstance(claims_node, SequenceNode) or len(claims_node.value) < 2:
            checker.fail(claims_node, "fact.claims must list at least two versions")
        else:
            claims = [c for c in (_load_claim(n, checker, sources) for n in claims_node.value) if c]
    tags: tuple[str, ...] = ()
    if "tags" in entries:
        tags = tuple(checker.strings(entries["tags"][1], "fact.tags"))
        for tag in tags:
            if tag not in TAGS:
                checker.fail(entries["tags"][1], f"fact.tags: unknown tag {tag!r}")
    people = field_("people", checker.lang_lists)
    if people is not None and set(people) != set(LANGS):
        checker.fail(entries["people"][1], "fact.people: needs kk, ru and en")
    fact = Fact(
        id=fid or "",
        kind=kind or "",
        title=title or {},
        text=text or {},
        cite=checker.cites(entries["cite"][1], "fact.cite", sources) if "cite" in entries else (),
        tags=tags,
        date=date,
        start=start,
        end=end,
        place=field_("place", checker.langs),
        people=people,
        value=field_("value", checker.number),
        unit=field_("unit", lambda n, w: checker.choice(n, w, UNITS)),
        scale=field_("scale", lambda n, w: checker.choice(n, w, SCALES)),
        currency=field_("currency", checker.string),
        qualifier=field_("qualifier", lambda n, w: checker.choice(n, w, QUALIFIERS)),
        metric=field_("metric", lambda n, w: checker.choice(n, w, METRICS)),
        times=field_("times", checker.count),
        aliases=field_("aliases", checker.lang_lists) or {},
        questions=field_("questions", checker.lang_lists) or {},
        claims=tuple(claims),
        file=checker.path,
        line=node.start_mark.line + 1,
    )
    if fact.scale is not None and fact.unit not in MEASURES:
        checker.fail(entries["scale"][1], f"fact.scale goes with a measured unit ({', '.join(sorted(MEASURES))})")
    return fact if fid and kind and title and text else None


def _metric_problems(facts: list[Fact]) -> list[str]:
    """Facts sharing a metric must count in one unit: a comparison subtracts their values, so a
    growth percentage beside a sum in billions would give a meaningless change."""
    problems: list[str] = []
    first: dict[str, Fact] = {}
    for fact in facts:
        if fact.metric is None or fact.value is None:
            continue
        seen = first.setdefault(fact.metric, fact)
        if (seen.unit, seen.scale) != (fact.unit, fact.scale):
            problems.append(
                f"{fact.file}:{fact.line}: metric {fact.metric!r} is counted in {_measure(seen)} at "
                f"{seen.file}:{seen.line} but in {_measure(fact)} here; give one of them its own metric"
            )
    return problems


def _measure(fact: Fact) -> str:
    return " ".join(part for part in (fact.scale, fact.unit) if part) or "no unit"


def load_store(data_dir: Path | str) -> FactStore:
    """Load every YAML file under data_dir into a FactStore, or raise DataError with all problems."""
    root = Path(data_dir)
    files = sorted(p for p in root.rglob("*.yaml") if p.is_file() and "lexicon" not in p.relative_to(root).parts)
    problems: list[str] = []
    if not files:
        raise DataError([f"{root}:1: no YAML data files found"])
    trees: list[tuple[_Checker, dict[str, tuple[Node, Node]]]] = []
    for path in files:
        checker = _Checker(str(path))
        node = _compose(path, checker)
        entries = checker.mapping(node, "file") if node is not None else None
        if node is None and not checker.problems:
            checker.problems.append(f"{checker.path}:1: file is empty")
        if entries is not None:
            for key in sorted(set(entries) - {"facts", "sources"}):
                checker.fail(entries[key][0], f"unknown top-level key {key!r} (expected facts: or sources:)")
            if not set(entries) & {"facts", "sources"}:
                checker.fail(node, "file needs a top-level facts: or sources: list")  # type: ignore[arg-type]
            trees.append((checker, entries))
        problems.extend(checker.problems)
        checker.problems = []

    sources: list[Source] = []
    source_seen: dict[str, str] = {}
    for checker, entries in trees:
        if "sources" in entries:
            for source in _load_sources(entries["sources"][1], checker):
                if source.id in source_seen:
                    checker.fail(entries["sources"][1], f"source id {source.id!r} already defined")
                source_seen[source.id] = checker.path
                sources.append(source)
        problems.extend(checker.problems)
        checker.problems = []
    known = set(source_seen)

    facts: list[Fact] = []
    seen: dict[str, Fact] = {}
    for checker, entries in trees:
        if "facts" not in entries:
            continue
        facts_node = entries["facts"][1]
        if not isinstance(facts_node, SequenceNode):
            checker.fail(facts_node, "facts must be a list")
        else:
            for item in facts_node.value:
                fact = _load_fact(item, checker, known)
                if fact is None:
                    continue
                if fact.id in seen:
                    first = seen[fact.id]
                    checker.fail(item, f"duplicate fact id {fact.id!r} (first at {first.file}:{first.line})")
                    continue
                seen[fact.id] = fact
                facts.append(fact)
        problems.extend(checker.problems)
    problems.extend(_metric_problems(facts))
    if not sources:
        problems.append(f"{root}:1: no sources: list found")
    if (root / "lexicon").is_dir():
        # The engine's word lists live beside the facts: a broken one stops start-up the same way.
        from bot.engine.lexicon import LexiconError, load_lexicon

        try:
            load_lexicon(root / "lexicon")
        except LexiconError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataError(problems)
    return FactStore(facts, sources)


def default_data_dir() -> Path:
    """The data folder: $KZRU_DATA_DIR, else `data/` beside the package (source tree or install)."""
    import os

    env = os.environ.get("KZRU_DATA_DIR")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "data", here / "data", Path.cwd() / "data"):
        if (candidate / "sources.yaml").is_file():
            return candidate
    return here.parent / "data"
