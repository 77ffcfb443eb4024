"""The yearly trade turnover chart: a matplotlib Figure (inspectable) and its PNG for Telegram.

Why a Figure first: what the chart claims (years spaced as time, "> 15" drawn as a bound, no
figure of unknown currency on the dollar axis) is checked on the Figure's artists, not on pixels.
Why these sizes: Telegram shows the photo about 360 points wide on a phone, so every text is sized
against the figure's width (the footer at least 1/36 of it) and wrapped before drawing.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import text_to_path
from matplotlib.ticker import FuncFormatter

from bot.figures import bounded_number, figure_text, format_number
from bot.i18n import t
from bot.model import Source
from bot.usecases.trade import TurnoverPoint, TurnoverSeries

WIDTH_IN, PLOT_IN, DPI = 5.0, 3.2, 200
TITLE_PT, TEXT_PT, FOOTER_PT = 13.0, 11.0, 10.5
LEFT_IN, RIGHT_IN, AXIS_IN, PAD_IN = 0.75, 0.2, 0.62, 0.1
LINE_SPACING = 1.3
COLOR, HIGHLIGHT, MUTED = "#2a7ab0", "#f2c14e", "#444444"
RISE = 0.14
"""A lower bound's arrow, as a share of the y range: long enough to read as "more than"."""
_DRAWING = threading.Lock()
"""matplotlib's text layout is not promised to be thread-safe; one chart is drawn at a time."""


def text_width_pt(text: str, points: float, bold: bool = False) -> float:
    """How wide matplotlib draws text, in points (measured on the glyphs, not guessed per character)."""
    prop = FontProperties(size=points, weight="bold" if bold else "normal")
    return float(text_to_path.get_text_width_height_descent(text, prop, ismath=False)[0])


def wrap(text: str, points: float, width_in: float, bold: bool = False) -> str:
    """Text broken at spaces into lines that fit width_in at a font size of points."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split(" "):
            candidate = f"{line} {word}" if line else word
            if line and text_width_pt(candidate, points, bold) > width_in * 72:
                lines.append(line)
                candidate = word
            line = candidate
        lines.append(line)
    return "\n".join(lines)


def _lines(text: str) -> int:
    return text.count("\n") + 1


def _block_in(text: str, points: float) -> float:
    return _lines(text) * points * LINE_SPACING / 72


def source_label(source: Source, years: Sequence[int], lang: str) -> str:
    """The years a source gives, then «Title», who, date: readable where the chart is forwarded alone."""
    date = source.date_note[lang] if source.date_note else source.date
    parts = [f"«{source.brief_title(lang)}»", *(p for p in (source.who(lang), date) if p)]
    return f"{', '.join(map(str, years))} — {', '.join(parts)}"


def _footnote(points: Sequence[TurnoverPoint], lang: str) -> str:
    return "\n".join("* " + t(lang, "chart.off_axis", year=p.year, value=figure_text(p.fact, lang)) for p in points)


def trade_chart(series: TurnoverSeries, lang: str) -> Figure:
    """The turnover in billions of US dollars against true years, sources and footnotes under it."""
    text_width = WIDTH_IN - 0.2
    title = wrap(t(lang, "chart.title"), TITLE_PT, text_width, bold=True)
    asked = series.highlight in {p.year for p in series.off_axis}
    footnote = wrap(_footnote(series.off_axis, lang), FOOTER_PT, text_width, asked) if series.off_axis else ""
    names = [t(lang, "answer.sources"), *(source_label(s, years, lang) for s, years in series.sources)]
    sources = wrap("\n".join(names), FOOTER_PT, text_width)
    footer_in = _block_in(sources, FOOTER_PT) + (_block_in(footnote, FOOTER_PT) + PAD_IN if footnote else 0)
    title_in = _block_in(title, TITLE_PT) + PAD_IN
    bottom_in = PAD_IN + footer_in + PAD_IN + AXIS_IN
    height = bottom_in + PLOT_IN + title_in + PAD_IN
    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI)
    ax = fig.add_axes((LEFT_IN / WIDTH_IN, bottom_in / height,
                       (WIDTH_IN - LEFT_IN - RIGHT_IN) / WIDTH_IN, PLOT_IN / height))
    _plot(ax, series, lang)
    fig.text(0.5, 1 - PAD_IN / height, title, ha="center", va="top", fontsize=TITLE_PT, fontweight="bold",
             linespacing=LINE_SPACING, gid="title")
    fig.text(0.02, PAD_IN / height, sources, ha="left", va="bottom", fontsize=FOOTER_PT, color=MUTED,
             linespacing=LINE_SPACING, gid="sources")
    if footnote:
        y = (PAD_IN + _block_in(sources, FOOTER_PT) + PAD_IN) / height
        fig.text(0.02, y, footnote, ha="left", va="bottom", fontsize=FOOTER_PT, color="black" if asked else MUTED,
                 fontweight="bold" if asked else "normal", linespacing=LINE_SPACING, gid="footnote")
    return fig


def _plot(ax: Axes, series: TurnoverSeries, lang: str) -> None:
    points = series.on_axis
    top = max((p.value for p in points), default=1.0) * 1.3
    years = sorted({p.year for p in points})
    first, last = (years[0], years[-1]) if years else (0, 0)
    highlight = series.highlight if series.highlight and first <= series.highlight <= last else None
    if highlight:
        ax.axvspan(highlight - 0.45, highlight + 0.45, color=HIGHLIGHT, alpha=0.35, lw=0, zorder=0, gid="highlight")
        years = sorted({*years, highlight})
    for a, b in zip(points, points[1:], strict=False):
        bound = a.lower_bound or b.lower_bound
        ax.plot([a.x, b.x], [a.value, b.value], color=COLOR, lw=2, linestyle="--" if bound else "-",
                alpha=0.6 if bound else 1.0, gid="trend")
    measured = [p for p in points if not p.lower_bound]
    bounds = [p for p in points if p.lower_bound]
    ax.plot([p.x for p in measured], [p.value for p in measured], linestyle="none", marker="o", ms=8,
            color=COLOR, gid="measured", label=t(lang, "chart.measured"))
    if bounds:
        ax.plot([p.x for p in bounds], [p.value for p in bounds], linestyle="none", marker="o", ms=8,
                markerfacecolor="white", markeredgecolor=COLOR, markeredgewidth=2, gid="lower-bound",
                label=t(lang, "chart.lower_bound"))
    for p in points:
        _label(ax, p, lang, top * RISE if p.lower_bound else 0.0, p.year == highlight)
    ax.set_ylim(0, top)
    ax.set_xlim(first - 0.6, last + 0.6)
    ticks = ax.set_xticks(years, labels=[str(y) for y in years])
    gap_pt = min((b - a for a, b in zip(years, years[1:], strict=False)), default=1) * _axis_pt() / (last - first + 1.2)
    crowded = gap_pt < text_width_pt("2000", TEXT_PT) + 4
    for year, tick in zip(years, ticks, strict=True):
        tick.label1.set_fontweight("bold" if year == highlight else "normal")
        if crowded:
            tick.label1.set(rotation=45, ha="right", rotation_mode="anchor")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: format_number(y, lang)))
    ax.tick_params(labelsize=TEXT_PT)
    ax.set_xlabel(t(lang, "chart.x"), fontsize=TEXT_PT)
    ax.set_ylabel(t(lang, "chart.y"), fontsize=TEXT_PT)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="y", color="#dddddd", lw=0.8)
    ax.set_axisbelow(True)
    ax.legend(loc="upper left", fontsize=FOOTER_PT, frameon=False)


def _axis_pt() -> float:
    return (WIDTH_IN - LEFT_IN - RIGHT_IN) * 72


def _label(ax: Axes, point: TurnoverPoint, lang: str, rise: float, bold: bool) -> None:
    """The value over its point; a lower bound's "> 15" over an arrow pointing up from a hollow marker."""
    if rise:
        ax.annotate("", xy=(point.x, point.value + rise), xytext=(point.x, point.value),
                    arrowprops={"arrowstyle": "-|>", "color": COLOR, "lw": 1.8, "shrinkA": 5, "shrinkB": 0},
                    gid="lower-bound-arrow")
    ax.annotate(bounded_number(point.fact, lang), (point.x, point.value + rise), xytext=(0, 6 if rise else 8),
                textcoords="offset points", ha="center", va="bottom", fontsize=TEXT_PT,
                fontweight="bold" if bold else "normal", gid=f"value-{point.year}",
                bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85})


def figure_png(fig: Figure) -> bytes:
    """The figure as PNG bytes, ready to upload."""
    out = io.BytesIO()
    with _DRAWING:
        fig.savefig(out, format="png", dpi=DPI)
    return out.getvalue()


def trade_chart_png(series: TurnoverSeries, lang: str) -> bytes:
    with _DRAWING:
        fig = trade_chart(series, lang)
    return figure_png(fig)
