"""The /trade use case, the figure formatting and the chart, checked on the matplotlib Figure.

Why a small made-up store: the checks are about how figures are drawn (a true time axis, a lower
bound unlike a measurement, a figure of unknown currency kept off the dollar axis), so each case is
spelled out here instead of depending on what data/trade.yaml holds today.
"""

from __future__ import annotations

import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation, Text

from bot.charts import FOOTER_PT, figure_png, trade_chart
from bot.figures import figure_text, format_number
from bot.i18n import t
from bot.model import Citation, Fact, PartialDate, Source
from bot.store import FactStore
from bot.usecases.trade import BadYear, NoFigures, TradeView, parse_trade_year, trade_view, turnover_series

SOURCES = (
    Source("paper", "paper.txt", {"kk": "Курстық жұмыс", "ru": "Курсовая работа", "en": "A course paper"},
           None, None, "2001", None, None, "kk", "course paper"),
    Source("article", "article.txt", {"kk": "Мақала", "ru": "Статья", "en": "An article on multi-vector foreign policy"},
           "A. Author", None, "2009", None, None, "en", "article"),
)


def fact(fid: str, year: int | None, value: float | None, *, unit: str | None = "billion", currency: str | None = "USD",
         metric: str | None = "trade_turnover", qualifier: str | None = None, source: str = "article") -> Fact:
    words = {lang: f"{fid} {year}" for lang in ("kk", "ru", "en")}
    return Fact(fid, "trade", words, words, cite=(Citation(source, 7),), date=PartialDate(year) if year else None,
                value=value, unit=unit if value is not None else None, currency=currency if value is not None else None,
                qualifier=qualifier, metric=metric)


FACTS = (
    fact("turnover-1997", 1997, 4.1, currency=None, source="paper"),
    fact("turnover-2005", 2005, 9.5),
    fact("turnover-2008", 2008, 20),
    fact("turnover-2010", 2010, 15, qualifier="over"),
    fact("turnover-2011", 2011, 23.8),
    fact("growth-2011", 2011, 42.3, unit="percent", currency=None, metric="trade_growth"),
    fact("exports-2011", 2011, 7.5, metric="export_kz_ru"),
    fact("customs-union-2010", 2010, None, metric=None),
    fact("investors", None, 19, metric="investment_ru_kz"),
)
STORE = FactStore(FACTS, SOURCES)


def chart(lang: str = "en", highlight: int | None = None, store: FactStore = STORE) -> tuple[Figure, Axes]:
    fig = trade_chart(turnover_series(store, highlight), lang)
    return fig, fig.axes[0]


def by_gid(ax: Axes, gid: str) -> list[Line2D]:
    return [line for line in ax.get_lines() if line.get_gid() == gid]


def only(ax: Axes, gid: str) -> Line2D:
    lines = by_gid(ax, gid)
    assert len(lines) == 1, gid
    return lines[0]


def annotation(ax: Axes, gid: str) -> Annotation:
    found = [c for c in ax.texts if isinstance(c, Annotation) and c.get_gid() == gid]
    assert len(found) == 1, gid
    return found[0]


def fig_text(fig: Figure, gid: str) -> Text:
    found = [text for text in fig.texts if text.get_gid() == gid]
    assert len(found) == 1, gid
    return found[0]


def xy(line: Line2D) -> list[tuple[float, float]]:
    """The line's points as plain floats (matplotlib types its data as any array-like)."""
    xs, ys = np.asarray(line.get_xdata(), dtype=float), np.asarray(line.get_ydata(), dtype=float)
    return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]


def axis_xs(ax: Axes) -> set[float]:
    return {x for line in ax.get_lines() for x, _ in xy(line)}


# --- the chart --------------------------------------------------------------------------------


def test_years_are_spaced_as_time_not_as_categories() -> None:
    _, ax = chart()
    points = xy(only(ax, "measured")) + xy(only(ax, "lower-bound"))
    assert sorted(x for x, _ in points) == [2005, 2008, 2010, 2011]
    pixels = {round(x): ax.transData.transform((x, y))[0] for x, y in points}
    per_year = (pixels[2011] - pixels[2010])
    assert per_year > 0
    assert pixels[2008] - pixels[2005] == pytest.approx(3 * per_year)
    assert pixels[2010] - pixels[2008] == pytest.approx(2 * per_year)
    assert [tick.get_text() for tick in ax.get_xticklabels()] == ["2005", "2008", "2010", "2011"]


def test_a_lower_bound_is_drawn_unlike_a_measurement_and_labelled_with_its_bound() -> None:
    _, ax = chart()
    measured, bound = only(ax, "measured"), only(ax, "lower-bound")
    assert xy(bound) == [(2010, 15)]
    assert 2010 not in {x for x, _ in xy(measured)}
    assert bound.get_markerfacecolor() == "white" != measured.get_markerfacecolor(), "a hollow marker"
    arrow = annotation(ax, "lower-bound-arrow")
    tip, tail = arrow.xy, arrow.xyann
    assert tip[0] == tail[0] == 2010 and tip[1] > tail[1] == 15, "an arrow pointing up from the bound"
    assert annotation(ax, "value-2010").get_text() == "> 15"
    styles = {tuple(round(x) for x, _ in xy(line)): line.get_linestyle() for line in by_gid(ax, "trend")}
    assert styles == {(2005, 2008): "-", (2008, 2010): "--", (2010, 2011): "--"}


def test_a_figure_of_unstated_or_other_currency_stays_off_the_dollar_axis_and_is_footnoted() -> None:
    rouble = fact("turnover-2003", 2003, 300, currency="RUB")
    fig, ax = chart(store=FactStore((*FACTS, rouble), SOURCES))
    assert not {1997, 2003} & {round(x) for x in axis_xs(ax)}
    assert not {"4.1", "300"} & {text.get_text() for text in ax.texts}
    assert "1997" not in [tick.get_text() for tick in ax.get_xticklabels()]
    footnote = fig_text(fig, "footnote").get_text().replace("\n", " ")
    assert "1997: 4.1 billion (currency not stated)" in footnote
    assert "2003: 300 billion RUB" in footnote
    assert ax.get_ylabel() == t("en", "chart.y")


@pytest.mark.parametrize(("lang", "mark"), [("ru", ","), ("kk", ","), ("en", ".")])
def test_numbers_use_the_readers_decimal_mark(lang: str, mark: str) -> None:
    fig, ax = chart(lang)
    assert annotation(ax, "value-2011").get_text() == f"23{mark}8"
    assert annotation(ax, "value-2005").get_text() == f"9{mark}5"
    assert f"4{mark}1" in fig_text(fig, "footnote").get_text()


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_titles_and_axes_are_in_the_readers_language(lang: str) -> None:
    fig, ax = chart(lang)
    assert fig_text(fig, "title").get_text().replace("\n", " ") == t(lang, "chart.title")
    assert (ax.get_xlabel(), ax.get_ylabel()) == (t(lang, "chart.x"), t(lang, "chart.y"))
    assert fig_text(fig, "sources").get_text().startswith(t(lang, "answer.sources"))


def test_the_year_asked_about_is_highlighted() -> None:
    _, plain = chart()
    assert not [p for p in plain.patches if p.get_gid() == "highlight"]
    fig, ax = chart(highlight=2011)
    bands = [p for p in ax.patches if p.get_gid() == "highlight"]
    assert len(bands) == 1
    band = bands[0]
    assert isinstance(band, Rectangle)
    low, high = band.get_x(), band.get_x() + band.get_width()
    assert low < 2011 < high and high - low < 1, "the band covers that year only"
    weights = {tick.get_text(): tick.get_fontweight() for tick in ax.get_xticklabels()}
    assert weights["2011"] == "bold" and weights["2008"] == "normal"
    assert annotation(ax, "value-2011").get_fontweight() == "bold"
    assert annotation(ax, "value-2008").get_fontweight() == "normal"


def test_a_year_only_in_the_footnote_is_highlighted_there() -> None:
    fig, ax = chart(highlight=1997)
    assert not [p for p in ax.patches if p.get_gid() == "highlight"], "the axis is not stretched to 1997"
    assert fig_text(fig, "footnote").get_fontweight() == "bold"


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_footer_names_the_sources_readably_at_a_phone_size(lang: str) -> None:
    fig, _ = chart(lang)
    width_pt = fig.get_figwidth() * 72
    sources = fig_text(fig, "sources")
    # Telegram shows the photo ~360 pt wide on a phone: a footer of width/36 is read at ~10 pt.
    assert float(sources.get_fontsize()) >= width_pt / 36 and FOOTER_PT >= width_pt / 36
    text = sources.get_text()
    assert all(f"«{source.brief_title(lang)}»" in text.replace("\n", " ") for source in SOURCES), "titles, not ids"
    assert "2005, 2008, 2010, 2011 — " in text and "1997 — " in text, "each source with the years it gives"
    renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
    page = fig.bbox
    for item in fig.texts:
        box = item.get_window_extent(renderer)
        assert page.x0 <= box.x0 and box.x1 <= page.x1 and page.y0 <= box.y0 and box.y1 <= page.y1, item.get_gid()
    assert len(text.split("\n")) >= 3, "wrapped, not one long line"


def test_the_png_is_a_png() -> None:
    fig, _ = chart("ru", 2011)
    assert figure_png(fig).startswith(b"\x89PNG\r\n\x1a\n")


# --- the figures as text ----------------------------------------------------------------------


@pytest.mark.parametrize(("value", "lang", "expected"), [
    (23.8, "en", "23.8"), (23.8, "ru", "23,8"), (23.8, "kk", "23,8"), (1600, "en", "1,600"),
    (1600, "ru", "1\u00a0600"), (20.0, "ru", "20"), (0.25, "en", "0.25"), (-1.5, "ru", "−1,5"),
])
def test_format_number(value: float, lang: str, expected: str) -> None:
    assert format_number(value, lang) == expected


def test_figure_text_gives_bound_unit_and_currency_and_says_when_the_currency_is_unknown() -> None:
    get = STORE.get
    assert figure_text(get("turnover-2010"), "en") == "> 15 billion USD"  # type: ignore[arg-type]
    assert figure_text(get("turnover-2011"), "ru") == "23,8 млрд долл. США"  # type: ignore[arg-type]
    assert figure_text(get("turnover-1997"), "en") == "4.1 billion (currency not stated)"  # type: ignore[arg-type]
    assert figure_text(get("growth-2011"), "ru") == "42,3\u00a0%"  # type: ignore[arg-type]
    assert figure_text(get("customs-union-2010"), "en") == ""  # type: ignore[arg-type]


# --- the use case -----------------------------------------------------------------------------


@pytest.mark.parametrize(("arg", "expected"), [("", None), ("2011", 2011), (" 2011 ", 2011)])
def test_a_year_argument(arg: str, expected: int | None) -> None:
    assert parse_trade_year(arg) == expected


@pytest.mark.parametrize("arg", ["0", "-2011", "²⁰¹¹", "abc", "20111", "２０１１"])
def test_not_a_year(arg: str) -> None:
    assert isinstance(parse_trade_year(arg), BadYear)


def test_a_year_lists_its_figures_headline_first() -> None:
    view = trade_view(STORE, "2011", in_group=False)
    assert isinstance(view, TradeView)
    assert [f.id for f in view.facts] == ["turnover-2011", "exports-2011", "growth-2011"]
    assert view.series.highlight == 2011 and view.more == 0 and view.link_payload == "tr_2011"


def test_the_whole_list_is_in_time_order_with_a_years_figures_before_its_events() -> None:
    view = trade_view(STORE, "", in_group=False)
    assert isinstance(view, TradeView)
    ids = [f.id for f in view.facts]
    assert ids[:5] == ["turnover-1997", "turnover-2005", "turnover-2008", "turnover-2010", "customs-union-2010"]
    assert "investors" not in ids, "undated figures are not on a yearly list"
    assert view.series.highlight is None and view.shown == len(ids) and view.link_payload == "tr"


def test_a_group_gets_a_shortened_list_that_counts_the_rest() -> None:
    view = trade_view(STORE, "", in_group=True)
    assert isinstance(view, TradeView)
    assert view.shown == 5 and view.more == len(view.facts) - 5 > 0
    short = trade_view(STORE, "2011", in_group=True)
    assert isinstance(short, TradeView) and short.more == 0, "a short list is not shortened"


def test_a_year_without_figures_names_the_years_that_have_some() -> None:
    view = trade_view(STORE, "1999", in_group=False)
    assert view == NoFigures(1999, (1997, 2005, 2008, 2010, 2011))


def test_a_year_the_chart_cannot_show_is_not_said_to_be_highlighted() -> None:
    assert turnover_series(STORE, 2009).highlight == 2009, "between two points of the axis"
    assert turnover_series(STORE, 1997).highlight == 1997, "in the footnote"
    assert turnover_series(STORE, 1999).highlight is None
    assert turnover_series(STORE, 2020).highlight is None
