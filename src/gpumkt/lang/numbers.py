"""Find the figures in a text and put them on one scale, so "13億美元" equals "$1.3 billion".

A figure is a (value, kind, currency) triple: kind is ``pct``, ``mult`` or ``num``. Digits glued
to Latin letters (H100, GPT-4, Q2, FY26) are names, not figures; a U+FFFD never joins digits.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from gpumkt.lang.number_words import cn_small, fraction_figures, word_figures
from gpumkt.lang.text import normalise_aligned

SCALES = {
    "万亿": 1e12, "兆": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3, "仟": 1e3,
    "trillion": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6,
    "thousand": 1e3, "k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12,
}
CURRENCIES = {"美元": "usd", "$": "usd", "usd": "usd", "us$": "usd", "元": "cny", "人民币": "cny",
              "新台币": "twd", "nt$": "twd", "rmb": "cny", "dollar": "usd", "dollars": "usd", "英镑": "gbp", "£": "gbp", "gbp": "gbp",
              "港元": "hkd", "港币": "hkd", "hk$": "hkd", "hkd": "hkd", "港仙": "hkd", "欧元": "eur", "€": "eur", "eur": "eur"}
# The dollar a bare 元 is, in a document that names one kind of yuan and never the renminbi
YUAN_NAMES = {"twd": re.compile(r"新台[币幣]|nt\$|\bntd\b|\btwd\b"), "hkd": re.compile(r"港[元币幣仙]|hk\$|\bhkd\b")}
RENMINBI = re.compile(r"人民[币幣]|\brmb\b|\bcny\b")
CENTS = {"港仙": 0.01}  # a Hong Kong dividend is declared in cents: 4.5港仙 is HK$0.045
# A percentage in words after the digits ("37 percent", "2 percentage points"); a basis point is a
# hundredth of a percentage point ("SOFR plus 275 basis points" is 2.75 points over it).
_PERCENT = r"%|％|个百分点|percentage points?(?![a-z])|percent(?![a-z])|per cent(?![a-z])|pct(?![a-z])|basis points?(?![a-z])|bps(?![a-z])|个基点|基点"
PERCENT_UNITS = re.compile(_PERCENT)
BASIS_POINT = re.compile(r"basis|bps|基点")
_SCALE = r"(?:万亿|兆(?!瓦|赫|字节|比特|帕)|千万|百万|亿|万|[千仟](?!兆|瓦|米|克)|trillion|billion|million|thousand|bn|mn|[kmbt](?![a-z]))"
# ("6× 3,300 W" counts six supplies of 3,300 W: a "×" before a figure is no multiple)
# a multiple also as a ratio to one ("85 to 1", "85:1") or in words ("3.5 times")
_MULTIPLE = r"倍|x(?![a-z])|×(?!\s*\d)|times(?![a-z])|(?:to |:)1(?!\d|[.,:]\d)"
MULTIPLE_UNITS = re.compile(_MULTIPLE)
# (a code is a whole word: "200 gbps" is a bandwidth, no pounds)
_UNIT = r"(?:" + _PERCENT + r"|" + _MULTIPLE + r"|美元|人民币|港元|港币|港仙|欧元|元|英镑|(?:usd|rmb|gbp|hkd|eur)(?![a-z])|dollars?)"
FIGURE = re.compile(
    # a statement's negative amount keeps its dollar sign outside the brackets: "$(134.3) million"
    # "RMB3,370.8 million": a currency glued before the digits (filings write the yuan so)
    r"(?:(?P<cur>us\$|nt\$|hk\$|新台币|(?<![a-z])rmb|(?<![a-z])eur|\$|£|€)\s?(?P<neg>(?:(?<=\$)|(?<=rmb))\()?|(?<![a-z0-9.])(?<![a-z]-))(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?(neg)\))"
    r"(?P<range>\s?(?:-|~|–|至|到)\s?(?=\$?\d))?"
    r"\s?(?P<scale>" + _SCALE + r")?\s?(?P<unit>" + _UNIT + r")?",
)


@dataclass(frozen=True)
class Figure:
    text: str  # as written (after normalisation)
    value: float
    kind: str  # pct | mult | num
    currency: str = ""

    def matches(self, other: "Figure") -> bool:
        """Same kind, same value (to rounding), and no clash of stated currencies."""
        if self.kind != other.kind:
            return False
        if self.currency and other.currency and self.currency != other.currency:
            return False
        return math.isclose(self.value, other.value, rel_tol=1e-6, abs_tol=1e-9)


def figures(text: str) -> list[Figure]:
    """All figures in ``text``; in a range "3-4万亿" the bare first number takes the later scale.

    ``[(f.value, f.kind) for f in figures("营收12亿美元,增长207%")] -> [(1.2e9, "num"), (207.0, "pct")]``
    ``figures("$1.3 billion")[0].value -> 1.3e9``; ``figures("H100 GPU") -> []``
    """
    return [f for f, _, _ in figure_spans(text)]


def spelled_out(text: str) -> str:
    """Chinese numerals as digits, for checking an answer (never for spans: lengths change).

    ``spelled_out("营收十二亿美元，三成份额") -> "营收1200000000美元，30%份额"``
    """
    import warnings

    import cn2an  # maintained parser of Chinese numerals

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns on a bare 亿 / 万 it cannot read; we keep the text
        pieces = re.split(r"(第[〇一二三四五六七八九十百]+|[一二三四]季度)", text)  # ordinals stay words
        text = "".join(p if i % 2 else _transform(cn2an, p) for i, p in enumerate(pieces))
    return re.sub(r"(\d+(?:\.\d+)?)成(?![本立功为])", lambda m: f"{float(m.group(1)) * 10:g}%", text)


def _transform(cn2an, text: str) -> str:
    try:
        return cn2an.transform(text, "cn2an")
    except (ValueError, KeyError):
        return text


# A quarter or half as a broker writes it ("2Q25", "1H25A") is a period, not the figure 2 or 1.
BROKER_PERIOD = re.compile(r"(?<![0-9a-z.])[1-4][qh]'?\d\d[ae]?(?![0-9a-z])")


def figure_spans(text: str) -> list[tuple[Figure, int, int]]:
    """Figures with their spans in ``text`` (offsets into the original, trailing space trimmed).

    ``[(f.text, a, b) for f, a, b in figure_spans("营收12亿美元")] -> [("12亿美元", 2, 8)]``;
    ``[f.currency for f, _, _ in figure_spans("投入200亿至230亿美元")] -> ["usd", "usd"]``
    """
    norm = re.sub(r"\[\d+\]", lambda m: " " * len(m.group(0)), normalise_aligned(text))
    norm = BROKER_PERIOD.sub(lambda m: " " * len(m.group(0)), norm)
    out, pending = [], []
    for m in FIGURE.finditer(norm):
        base = float(m["int"].replace(",", "") + ("." + m["frac"] if m["frac"] else ""))
        a, b = m.start(), m.end()
        if m["scale"] == "m" and re.match(r"[23²³]", norm[m.end("scale"):m.end("scale") + 1]):
            out.append((Figure(norm[a:m.end("scale") - 1].strip(), base, "num"), a, m.end("scale") - 1))
            continue  # "71,600 m³": square or cubic metres, not millions
        if _model_name(m, norm):
            continue
        while b > a and norm[b - 1].isspace():
            b -= 1
        while a < b and norm[a].isspace():
            a += 1
        a -= _minus_before(norm, a)
        if m["range"] and not m["scale"] and not m["unit"]:
            pending.append((norm[a:b], base, m["cur"] or "", a, b))
            continue
        out.extend((_make(t, v, m["scale"], m["unit"], c or m["cur"]), x, y) for t, v, c, x, y in pending)
        out.append((_make(norm[a:b], base, m["scale"], m["unit"], m["cur"]), a, b))
        pending = []
    out.extend((_make(t, v, None, None, c), x, y) for t, v, c, x, y in pending)
    taken = [(x, y) for _, x, y in out]
    for m in CN_COUNT.finditer(norm):  # "两位联合创始人", "五个等级": a count in Chinese numerals
        if not any(x < m.end() and m.start() < y for x, y in taken):
            out.append((Figure(m.group(0), float(cn_small(m.group(0))), "num"), m.start(), m.end()))
    for value, kind, currency, a, b in word_figures(norm):  # "one point eight billion dollars"
        if not any(x < b and a < y for x, y in taken):
            out.append((Figure(norm[a:b], value, kind, currency), a, b))
    for value, a, b in fraction_figures(norm):  # "two-thirds of sales", "三分之一"
        if not any(x < b and a < y for _, x, y in out):
            out.append((Figure(norm[a:b], value, "pct"), a, b))
    return _range_currency(sorted(out, key=lambda t: t[1]), norm)


def _minus_before(norm: str, a: int) -> int:
    """1 when a minus sign stands right before the figure at ``a`` and after no digit, letter or
    bracket (a range's dash, "12-15亿", or a model's, "GPT-4", is none): "净利润-1.25亿元" says a
    loss, and the sign stays in the figure's text (its value stays the amount, as "$(95)m" does)."""
    return int(a > 0 and norm[a - 1] in "-−" and (a == 1 or not re.match(r"[0-9a-z.%)\]）-]", norm[a - 2])))


def _model_name(m: re.Match, norm: str) -> bool:
    """A chip's or a model's name, not a figure with a scale letter: "昇腾910B", "千问72B", "910B2"
    (an amount in billions has a currency or stands apart from the word before it: "$4.2B").

    ``[f.text for f in figures("昇腾910B与910B2报价, 营收$4.2B")] -> ["$4.2b"]``"""
    if m["scale"] not in ("k", "m", "b", "t") or m["cur"] or m["unit"] or m["frac"]:
        return False
    after = norm[m.end("scale"):m.end("scale") + 1]  # (square and cubic metres are read before this)
    glued = m.start() > 0 and re.match(r"[\u4e00-\u9fff]", norm[m.start() - 1]) is not None
    return (glued and m["scale"] == "b") or re.match(r"[0-9a-z]", after) is not None


def _range_currency(spans: list, norm: str) -> list:
    """The two halves of a range share the currency either names: "200亿至230亿美元" and
    "$2.50-2.60 billion" are both dollars."""
    out = list(spans)
    for i in range(len(out) - 1):
        (f, a, b), (g, c, d) = out[i], out[i + 1]
        joined = RANGE_GAP.fullmatch(norm[b:c]) or not norm[b:c].strip() and f.text[-1:] in "-–~至到"
        if f.kind != g.kind or bool(f.currency) == bool(g.currency) or not joined:
            continue
        if f.currency:
            out[i + 1] = (Figure(g.text, g.value, g.kind, f.currency), c, d)
        else:
            out[i] = (Figure(f.text, f.value, f.kind, g.currency), a, b)
    return out


RANGE_GAP = re.compile(r"\s*(?:至|到|-|–|~|to)\s*")


# Two to ninety-nine in Chinese numerals, before a counter word; not "一" (一家 is "a company"),
# an ordinal (第三家) or part of a longer numeral.
CN_COUNT = re.compile(r"(?<![〇零一二两三四五六七八九十百千万亿第几数每])"
                      r"(?:[二两三四五六七八九]十[一二三四五六七八九]?|十[一二三四五六七八九]?|[二两三四五六七八九])"
                      r"(?=[个位家名台款种项座条颗枚所级层])")


def _make(text: str, base: float, scale: str | None, unit: str | None, cur: str | None) -> Figure:
    value = base * (SCALES.get(scale, 1.0) if scale else 1.0) * CENTS.get(unit or "", 1.0)
    if unit and BASIS_POINT.search(unit):
        value /= 100
    kind = "num"
    if unit and PERCENT_UNITS.fullmatch(unit):
        kind = "pct"
    elif unit and MULTIPLE_UNITS.fullmatch(unit):
        kind = "mult"
    # "新台币15,400亿元": the 元 is the Taiwan dollar's
    currency = "twd" if CURRENCIES.get(cur or "") == "twd" else \
        CURRENCIES.get(unit or "", "") or CURRENCIES.get(cur or "", "")
    return Figure(text=text, value=value, kind=kind, currency=currency)


@lru_cache(maxsize=64)
def home_yuan(text: str) -> str:
    """The currency a bare 元 stands for in a document that names exactly one of the Taiwan and
    Hong Kong dollars and never the renminbi; "" otherwise (元 is then the renminbi, as read).

    ``home_yuan("营收9,305,188仟元 … 新台币8,650,000仟元") -> "twd"``; ``home_yuan("人民币千元 … 港元") -> ""``
    """
    text = text.lower()
    named = [cur for cur, pattern in YUAN_NAMES.items() if pattern.search(text)]
    return named[0] if len(named) == 1 and not RENMINBI.search(text) else ""


def bare_yuan(fig: Figure) -> bool:
    """A figure whose currency is read from a bare 元 alone: ``bare_yuan(<9,305,188仟元>) -> True``."""
    return fig.currency == "cny" and not RENMINBI.search(fig.text.lower()) and "¥" not in fig.text


def supported(fig: Figure, pool: list[Figure]) -> bool:
    """True when some figure in ``pool`` states the same quantity."""
    return any(fig.matches(p) for p in pool)


def render(value: float, quantity: str, currency: str, language: str) -> str:
    """A figure written for the asker: ``render(1.2e9, "money", "usd", "en") -> "$1.2 billion"``,
    ``render(1.2e9, "money", "usd", "zh-Hans") -> "12亿美元"``, ``render(207, "pct", "", "en") -> "207%"``.
    """
    if quantity == "pct":
        return f"{_short(value)}%"
    if quantity == "mult":
        return f"{_short(value)}x" if language == "en" else f"{_short(value)}倍"
    if language == "en":
        number = _scaled(value, (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)), " ")
        return {"usd": f"${number}", "cny": f"{number} yuan", "gbp": f"£{number}", "twd": f"NT${number}",
                "hkd": f"HK${number}", "eur": f"€{number}"}.get(currency, number)
    number = _scaled(value, (("万亿", 1e12), ("亿", 1e8), ("万", 1e4)), "")
    return ("新台币" if currency == "twd" else "") + number.replace(",", "") + \
        {"usd": "美元", "cny": "元", "gbp": "英镑", "twd": "元", "hkd": "港元", "eur": "欧元"}.get(currency, "")


def render_range(low: float, high: float, quantity: str, currency: str, language: str) -> str:
    """A range written for the asker, the low end in the high end's words when they share them:
    ``render_range(3e12, 4e12, "money", "usd", "en") -> "$3-4 trillion"``,
    ``render_range(5e8, 2e9, "money", "usd", "en") -> "$500 million to $2 billion"``.
    """
    lo, hi = render(low, quantity, currency, language), render(high, quantity, currency, language)
    a, b = re.search(r"[\d.,]+", lo), re.search(r"[\d.,]+", hi)
    if a and b and lo[:a.start()] + lo[a.end():] == hi[:b.start()] + hi[b.end():]:
        return f"{hi[:b.start()]}{a.group(0)}-{hi[b.start():]}"
    return f"{lo} to {hi}" if language == "en" else f"{lo}至{hi}"


def _scaled(value: float, scales, sep: str) -> str:
    """The value in the largest scale word it reaches: ``_scaled(1.2e9, (("billion", 1e9),), " ")
    -> "1.2 billion"``; below every scale, the plain number."""
    for word, scale in scales:
        if abs(value) >= scale:
            return f"{_short(value / scale)}{sep}{word}"
    return _short(value)


def _short(x: float) -> str:
    return f"{x:,.3f}".rstrip("0").rstrip(".") if not float(x).is_integer() else f"{int(x):,}"
