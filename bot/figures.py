"""A fact's figure as the reader writes it: their decimal mark, its bound, unit and currency.

Why one place: the /trade list and the chart must print "23,8" for a Russian reader and
"> 15" for a lower bound the same way, and never put a currency on a value whose source gives none.
"""

from __future__ import annotations

from bot.i18n import catalogue, t
from bot.model import Fact

BOUND_SIGNS = {"over": "> ", "under": "< ", "about": "≈ "}
MONEY_METRICS = frozenset(
    {"trade_turnover", "export_kz_ru", "import_kz_ru", "investment_ru_kz", "investment_kz_ru", "economy_size", "projects"}
)
COUNT_UNITS = frozenset({"count", None})
# Thousands grouped with a no-break space in kk and ru, so "1 600" never wraps between its digits.
GROUPING = {"kk": "\u00a0", "ru": "\u00a0"}
DECIMAL_COMMA = frozenset({"kk", "ru"})


def format_number(value: float, lang: str, digits: int = 2) -> str:
    """No trailing zeros, the reader's decimal mark (comma in kk and ru), thousands grouped."""
    whole, _, frac = f"{abs(value):,.{digits}f}".partition(".")
    frac = frac.rstrip("0")
    whole = whole.replace(",", GROUPING.get(lang, ","))
    mark = "," if lang in DECIMAL_COMMA else "."
    return ("−" if value < 0 else "") + whole + (mark + frac if frac else "")


def bounded_number(fact: Fact, lang: str) -> str:
    """The bare number with its bound: "> 15" for "more than 15", "23,8" for a measured value."""
    if fact.value is None:
        return ""
    return BOUND_SIGNS.get(fact.qualifier or "", "") + format_number(fact.value, lang)


def currency_name(code: str, lang: str) -> str:
    """The reader's name for a currency code; the code itself when the catalogue has none."""
    key = f"currency.{code}"
    return t(lang, key) if key in catalogue("en") else code


def currency_unstated(fact: Fact) -> bool:
    """A money figure whose source does not say in which currency (it must not join a USD axis)."""
    return fact.metric in MONEY_METRICS and fact.unit not in ("percent", "count") and not fact.currency


def figure_text(fact: Fact, lang: str) -> str:
    """The headline figure of a fact: "23.8 billion USD", "> 15 млрд долл. США", "47,8 %"."""
    number = bounded_number(fact, lang)
    if not number:
        return ""
    if fact.unit == "percent":
        return t(lang, "figure.percent", value=number)
    words = [number]
    if fact.unit not in COUNT_UNITS:
        words.append(t(lang, f"unit.{fact.unit}"))
    if fact.currency:
        words.append(currency_name(fact.currency, lang))
    text = " ".join(words)
    return t(lang, "figure.no_currency", value=text) if currency_unstated(fact) else text
