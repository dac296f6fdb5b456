"""What a figure measures: its kind of quantity, from the figure and the words right after it, and
the metric groups a figure of that kind can be."""

from __future__ import annotations

import re
from functools import lru_cache

from gpumkt.ingest.cells import COUNT_UNITS, COUNTED, POWER_UNITS
from gpumkt.lang import vocab
from gpumkt.lang.numbers import Figure

# A span of time ("4年", "三个月", "2-5 years", "a 5-year warranty"); a bare 月 after a number is a month of a date.
# A deadline counted in days, working or trading days ("提前90日", "7个工作日内", "within 5 business
# days") is one too (a date's day never comes here: dates are read before figures).
DURATION_UNITS = re.compile(r"\s*(?:-\s*\d+\s*|-(?=[a-z]))?(年(?![度初底末中])|个月|周|天|小时|个?(?:工作|交易|自然)?日(?![期元报度均])|"
                            r"years?|months?|weeks?|(?:(?:business|working|trading|calendar)\s+)?days?|hours?|minutes?)(?![a-z])")
METRIC_KINDS = {"money": {"money", "num"}, "pct": {"pct"}, "mult": {"pct", "mult"},
                "count": {"count", "num"}, "power": {"num"}, "duration": {"num"}}


def quantity(fig: Figure, after: str) -> str:
    """money | pct | mult | power | duration | count | num, from the figure and the words right after
    it: ``quantity(<40>, "mw机房") -> "power"``."""
    if fig.currency:
        return "money"
    if fig.kind in ("pct", "mult"):
        return fig.kind
    if re.match(r"\)?\s*%", after):  # "12%", and a decline in a statement's parentheses, "(28)%"
        return "pct"
    if re.match(r"\s*倍", after):
        return "mult"
    if POWER_UNITS.match(after):
        return "power"
    if DURATION_UNITS.match(after):
        return "duration"
    if COUNT_UNITS.match(after) or COUNTED_AFTER_NAME.match(after):
        return "count"
    return "num"


# Things counted, with a maker's or model's name between the figure and them: "310,000 amd gpus",
# "8,000 h100 servers", "2,400 liquid-cooled racks"
COUNTED_AFTER_NAME = re.compile(r"\s*(?:[a-z][a-z0-9.+-]*\s+){1,2}(?:" + COUNTED + r")(?![a-z])(?!-?\s*hours?)")


@lru_cache(maxsize=8)
def metrics_for(quantity_kind: str) -> tuple:
    """The metric groups a figure of this kind can measure (any, for a bare number)."""
    fits = METRIC_KINDS.get(quantity_kind)
    return tuple(g for g in vocab.metrics() if fits is None or not g.kind or g.kind in fits)


def money_metric(key: str) -> bool:
    """The metric is measured in money (revenue, a price): a bare table number under it is an amount."""
    return any(g.key == key and g.kind == "money" for g in vocab.metrics()) if key else False


def named_after(tail: str, kind: str) -> str:
    """The measure a figure is followed by at once, or an amount after "of" / "in" / 的:
    ``named_after(" valuation in may", "money") -> "估值"``; ``named_after(" in revenue", "money") -> "营收"``;
    ``named_after(" annual hurdle", "pct") -> "门槛收益率"``."""
    linked = ("", "of", "in", "的") if kind == "money" else ("",)  # (37% of revenue is a share, not revenue)
    found = [(x, g) for x, _, g in vocab.find_heads(tail, metrics_for(kind))
             if tail[:x].strip() in linked or QUALIFYING.fullmatch(tail[:x])]
    return found[0][1].key if found else ""


# A word that may stand between a figure and the measure it is: "a 6% annual hurdle", "a 5% fixed coupon"
QUALIFYING = re.compile(r"\s+(?:annual|annualized|annualised|yearly|quarterly|monthly|hard|soft|fixed|blended|"
                        r"average|effective|minimum|maximum|target)\s+")


def share_of(after: str) -> str:
    """The metric a percentage is a share of, when it is named right after it: "62%营收",
    "30% of its revenue". ``share_of("营收的“甜蜜毒药”") -> "营收"``; ``share_of(",增长") -> ""``."""
    lead = re.match(r"\s*(?:的|of (?:its |their |the |total )*)?", after).end()
    found = vocab.find(after, vocab.metrics())
    return found[0][2].key if found and found[0][0] == lead else ""
