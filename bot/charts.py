"""The yearly trade turnover chart, drawn from the facts (PNG, off-screen)."""

from __future__ import annotations

import io

from bot.i18n import t
from bot.model import Fact
from bot.store import FactStore


def turnover_points(store: FactStore) -> list[tuple[int, float, Fact]]:
    """(year, billions, fact) for every yearly trade-turnover figure in billions, by year."""
    points = [
        (f.date.year, f.value, f)
        for f in store.by_kind("trade")
        if f.metric == "trade_turnover" and f.value is not None and f.unit == "billion" and f.date
    ]
    return sorted(points, key=lambda p: p[0])


def trade_chart_png(store: FactStore, lang: str) -> bytes:
    """A bar chart of the turnover figures with axis labels and the sources under it."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    points = turnover_points(store)
    years = [str(p[0]) for p in points]
    values = [p[1] for p in points]
    fig, ax = plt.subplots(figsize=(7, 4.2), dpi=110)
    bars = ax.bar(years, values, color="#2a7ab0")
    for bar, (_, value, fact) in zip(bars, points, strict=True):
        label = f"{'>' if fact.qualifier == 'over' else ''}{value:g}"
        ax.annotate(label, (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=9)
    ax.set_title(t(lang, "chart.title"))
    ax.set_xlabel(t(lang, "chart.x"))
    ax.set_ylabel(t(lang, "chart.y"))
    ax.spines[["top", "right"]].set_visible(False)
    names = sorted({store.sources[c.source].publisher or store.sources[c.source].author or c.source
                    for _, _, f in points for c in f.citations()})
    fig.text(0.01, 0.01, t(lang, "chart.source", sources="; ".join(names)), fontsize=7, color="#555")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    out = io.BytesIO()
    fig.savefig(out, format="png")
    plt.close(fig)
    return out.getvalue()
