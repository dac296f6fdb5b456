"""The question restated in a unit's own terms before the gate judges it: its fiscal quarters,
a day asked met by the span ending then, and the words it writes in the unit's script."""

from __future__ import annotations

import re
from dataclasses import replace

from gpumkt.answer.coverage import crosses
from gpumkt.answer.fitting import HAN
from gpumkt.answer.question import QuestionRecord
from gpumkt.ingest.dating import fiscal_span, in_fiscal_quarter
from gpumkt.ingest.units import Unit
from gpumkt.lang.period_keys import MONTH_KEY, spans_ending


def at_point(q: QuestionRecord) -> QuestionRecord:
    """A quarter asked as one day ("at June 30, 2025", "截至2025年6月30日") is met by the
    year-to-date span ending that day too: a filing's key-figures column headed by a date and a
    span ("2023年6月30日/2023年1-6月") gives its balances and ratios under the half year."""
    extra = tuple(s for p in q.points if p in q.periods for s in spans_ending(p) if s not in q.periods)
    return replace(q, periods=q.periods + extra) if extra else q


def in_script_of(q: QuestionRecord, unit: Unit) -> list[str]:
    """Across languages, the question's words written as the unit writes (a market's name in
    English in a Chinese question about an English report): the unit must use them, as it would a
    place. ``in_script_of(<"Acme 的 Tulsa 园区">, <an English unit>) -> ["tulsa"]``."""
    if not crosses(q, unit):
        return []
    own = LATIN_WORD.fullmatch if q.language != "en" else HAN.search
    # (the words describing the report asked, "the 甲乙联盟 white paper", need not be in its passages)
    return [w for w in q.words if own(w) and w not in q.described]


LATIN_WORD = re.compile(r"(?=[a-z0-9.\-]*[a-z])[a-z0-9][a-z0-9.\-]+")  # (a size, "42u", is written so too)


def in_fiscal_terms(q: QuestionRecord, fiscal_end: int) -> QuestionRecord:
    """The question as a report whose fiscal year ends in month ``fiscal_end`` counts: a quarter
    asked by its months ("the February-to-April 2026 quarter", "three months ended April 30, 2026":
    the month 2026-04) is that report's fiscal quarter ending then (2026q4 for a year ending in
    April), and so is a span asked by the day it ends ("the three months to 31 December 2025":
    the second quarter of a year ending in June), as the report's own such spans are read. Quarters and
    years asked by name stay: an asker names them as the report does."""
    spanned = fiscal_span(q.norm, fiscal_end)
    if spanned and len(q.periods) == 1:
        return replace(q, periods=(spanned,))
    if not fiscal_end or not any(MONTH_KEY.fullmatch(p) for p in q.periods):
        return q
    return replace(q, periods=tuple(in_fiscal_quarter(p, fiscal_end) if MONTH_KEY.fullmatch(p) else p
                                    for p in q.periods))
