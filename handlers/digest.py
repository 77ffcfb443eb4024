"""The "on this day" message renderer the core's Broadcaster calls for each subscription."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bot.anniversaries import Digest
from bot.model import Source
from bot.subscription import Subscription
from handlers.render import digest_html, split_message


def make_renderer(sources: Mapping[str, Source]) -> Callable[[Subscription, Digest], list[str]]:
    def render(sub: Subscription, digest: Digest) -> list[str]:
        return split_message(digest_html(digest, sub.lang, sources))

    return render
