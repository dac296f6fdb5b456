"""The eval's scorer. Independent of the checker on purpose: it shares no function with
``check.py`` or ``numbers.py``, so a mistake there cannot grade itself right. Expected facts are
matched as plain normalised strings or, for figures, by value with this module's own regex.
"""

from __future__ import annotations

import re
import unicodedata

from gpumkt.lang.text import to_simplified

SCALE = {"万亿": 1e12, "兆": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "trillion": 1e12, "billion": 1e9,
         "million": 1e6, "thousand": 1e3, "bn": 1e9, "mn": 1e6}
NUMBER = re.compile(r"(?<![A-Za-z0-9.])(\d[\d,]*(?:\.\d+)?)\s*(万亿|兆|亿|万|千|trillion|billion|million|"
                    r"thousand|bn|mn)?\s*(%|％|个百分点)?", re.I)
MARKER = re.compile(r"[\[【]\d+(?:[,，、]\s*\d+)*[\]】]")


def flat(text: str) -> str:
    """Lowercase, NFKC, Simplified, no spaces or thousands commas: ``flat("12億 美元") -> "12亿美元"``"""
    text = to_simplified(unicodedata.normalize("NFKC", text)).lower()
    return re.sub(r"(?<=\d),(?=\d{3})|\s", "", text)


def values(text: str) -> list[tuple[float, bool]]:
    """(value on one scale, is a percentage) of every number: ``values("$1.2 billion, 207%")``
    -> ``[(1.2e9, False), (207.0, True)]``. Years and citation markers are left out."""
    out = []
    for m in NUMBER.finditer(MARKER.sub(" ", unicodedata.normalize("NFKC", text))):
        num = float(m.group(1).replace(",", ""))
        scale = SCALE.get((m.group(2) or "").lower(), 1.0)
        pct = bool(m.group(3))
        if not pct and scale == 1.0 and num.is_integer() and 1990 <= num <= 2040:
            continue  # a year
        out.append((num * scale, pct))
    return out


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def fact_found(fact: str, answer: str) -> bool:
    """A fact string occurs in the answer, as text or as the same figure(s)."""
    if flat(fact) in flat(answer):
        return True
    wanted = values(fact)
    got = values(answer)
    return bool(wanted) and all(any(_close(v, g) and p == gp for g, gp in got) for v, p in wanted)


def stated_figures(answer: str, question: str) -> list[tuple[float, bool]]:
    """Figures the answer states beyond those the question typed."""
    asked = values(question)
    return [v for v in values(answer) if not any(_close(v[0], a) and v[1] == ap for a, ap in asked)]


def score(q, a, near_listed: bool) -> dict:
    """One question's scores from its answer record ``a`` (refused, answer, fallback, conflicts)."""
    answerable = q.type != "unanswerable" and bool(q.facts)
    right = answerable and not a.refused and all(any(fact_found(f, a.answer) for f in g) for g in q.facts)
    figs = [] if a.refused else stated_figures(a.answer, q.question)
    expected = [v for g in q.facts for f in g for v in values(f)]
    other = [v for v in figs if not any(_close(v[0], e[0]) for e in expected)]
    wrong = bool(other) and not right if answerable else bool(figs)
    foreign = getattr(q, "script", "") == "en" and bool(re.search(r"[\u4e00-\u9fff]", a.answer))
    return {"right": right, "refused": a.refused, "wrong_figure": wrong, "fallback": a.fallback,
            "conflict_note": bool(a.conflicts), "near_listed": near_listed, "chinese_to_english": foreign}
