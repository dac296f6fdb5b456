"""A follow-up made standalone: what it leaves out is taken from the latest question before it
that named a company. The companies when it names none; the metric (and that question's period,
moved back a year when the follow-up says "a year earlier") when it asks nothing of its own."""

from __future__ import annotations

import re

from gpumkt.answer.labels import period as period_text
from gpumkt.answer.mentions import question_slice
from gpumkt.answer.question import QuestionRecord
from gpumkt.ingest.dating import A_YEAR_BEFORE, SAME_PERIOD_LAST_YEAR, year_before

# "And what was it a year earlier?", "去年同期呢?": the period asked is the earlier one's, a year back.
A_YEAR_EARLIER = re.compile(rf"{A_YEAR_BEFORE}|year-ago|the prior year|the previous year|{SAME_PERIOD_LAST_YEAR}|一年前")


def standalone(now: QuestionRecord, earlier: list[QuestionRecord]) -> str:
    """The follow-up with what it leaves out written before it ("" when nothing is carried).

    ``standalone(build("它的资产负债比率呢?"), [build("CoreWeave 2024年营收?")])`` ->
    "CoreWeave 它的资产负债比率呢?"; ``standalone(build("去年同期呢?"), [build("CoreWeave
    2025年第二季度营收?")])`` -> "CoreWeave 营收 2024年第二季度 去年同期呢?"
    """
    source = next((r for r in reversed(earlier) if r.entities), None)
    relative = " ".join(m.group(0) for m in A_YEAR_EARLIER.finditer(now.norm))
    own_words = [w for w in now.words if w not in relative]  # "去年同期" says when, not what
    if source is None or now.entities and (now.metrics or own_words):
        return ""
    carried = [] if now.entities else [as_written(m.text, source) for m in source.entities]
    if not (now.metrics or own_words or now.counted):  # asks nothing of its own: the same again
        carried += [as_written(m.text, source) for m in source.metrics]
        if source.periods and not now.periods and source.metrics:
            carried.append(period_text(_moved(source.periods[0], now.norm), now.language))
    return " ".join(dict.fromkeys(carried + [now.text])) if carried else ""


def _moved(key: str, norm: str) -> str:
    """``_moved("2025q2", "and a year earlier?")`` -> "2024q2"; the key itself otherwise."""
    return year_before(key) if A_YEAR_EARLIER.search(norm) else key


def as_written(name: str, record: QuestionRecord) -> str:
    """A name as the asker wrote it, where the normalised question lines up with the typed one;
    else its normalised form. ``as_written("coreweave", build("CoreWeave 营收?"))`` -> "CoreWeave"
    """
    at = record.norm.find(name)
    return (question_slice(record.text, record.norm, at, at + len(name)) if at >= 0 else "") or name
