"""handlers.context.LRU (cachetools' LRUCache under the old name): bounded, least recently used out first."""

from __future__ import annotations

from cachetools import LRUCache

from handlers.context import LRU


def test_lru_is_cachetools_and_forgets_the_least_recently_used() -> None:
    cache: LRU[str, int] = LRU(2)
    assert isinstance(cache, LRUCache)
    cache["a"], cache["b"] = 1, 2
    assert cache["a"] == 1  # a read makes "a" recent
    cache["c"] = 3
    assert "b" not in cache and cache.get("a") == 1 and cache.get("c") == 3
    assert len(cache) == 2


def test_membership_does_not_refresh_and_updates_do() -> None:
    cache: LRU[str, int] = LRU(2)
    cache["a"], cache["b"] = 1, 2
    assert "a" in cache  # no refresh
    cache["c"] = 3
    assert "a" not in cache
    cache["b"] = 20  # an update refreshes
    cache["d"] = 4
    assert set(cache) == {"b", "d"} and cache.get("missing") is None
