"""How period keys meet: whether a figure given for one period answers a question about another.

Keys are those ``periods.periods`` reads (``"2025q2"``, ``"2025h1"``, ``"2025-09"``, ``"2025e"``);
a question about a quarter is met by its own figure, a month's by its quarter's end, a year's end
by the year's or the fourth quarter's.
"""

from __future__ import annotations

import re

from gpumkt.lang.periods import quarter_ending

MONTH_KEY = re.compile(r"(?:19|20)\d\d-\d\d")  # a month: "2025-09"

# the spans of a year to date that end with a quarter: a balance "at June 30" is the half-year column's;
# the last day of a year is the year's end ("e"), met by the year's column but not by its quarters'
# figures as the whole year ("") would be (a balance at mid-year is no answer for the year's end)
SPANS_ENDING = {"q2": ("h1",), "q3": ("m9",), "q4": ("e", "h2")}


def spans_ending(key: str) -> list[str]:
    """The year-to-date spans that end with quarter ``key``: ``spans_ending("2025q2") -> ["2025h1"]``."""
    return [key[:4] + s for s in SPANS_ENDING.get(key[4:], ())]


def year_of(key: str) -> str:
    return key[:4] if key[:2] in ("19", "20") else ""


def agrees(asked: str, given: list[str]) -> str:
    """How the periods a fact is given for meet a period asked about: "match", "unknown" (the fact
    names no period) or "conflict".

    ``agrees("2025q2", ["2025q2"]) -> "match"``; ``agrees("2025q1", ["2025q2"]) -> "conflict"``;
    ``agrees("2025", ["2025q2"]) -> "match"`` (a year's question is met by its quarters' figures
    only when nothing better is there: the caller ranks exact keys first), but
    ``agrees("2025y", ["2025q2"])`` (the full year) and ``agrees("2025e", ["2025q2"])`` (its end)
    -> "conflict"; ``agrees("2025-06", ["2025q2"]) -> "match"`` (June ends the quarter).
    """
    if not given:
        return "unknown"
    if MONTH_KEY.fullmatch(asked):  # a month is met by its own figure, its quarter's end or its year's
        return "match" if {asked, asked[:4], quarter_ending(asked)} & set(given) else "conflict"
    if asked[4:] in ("e", "y"):  # a year's end is met by the year's or Q4's figure, a whole year by the year's
        whole = {asked[:4], asked} | ({asked[:4] + "q4"} if asked[4:] == "e" else set())
        return "match" if whole & set(given) else "conflict"
    for g in given:
        if MONTH_KEY.fullmatch(g) and asked == quarter_ending(g):
            return "match"  # "at the end of September 2025": the third quarter's balance
        if g[4:] == "e" and asked == g[:4] + "q4":
            return "match"  # Q4's balance is the year-end's
        if g == asked or g.startswith(asked) and year_of(asked):
            return "match"
        if not year_of(asked) and g.endswith(asked):
            return "match"  # "q2" asked, "2025q2" given
        if not year_of(g) and asked.endswith(g):
            return "match"
    return "conflict"


def exactly(key: str, asked) -> bool:
    """A figure's period is one asked itself, an event's month counting as its year's, and a
    year's figure as its end's (a balance or a ratio "at the end of 2025" is the 2025 one):
    ``exactly("2023-04", ["2023"]) -> True``; ``exactly("2023q2", ["2023"]) -> False``;
    ``exactly("2025", ["2025e"]) -> True``; a whole year asked too: ``exactly("2025", ["2025y"]) -> True``."""
    return key in asked or bool(MONTH_KEY.fullmatch(key)) and key[:4] in asked or f"{key}e" in asked \
        or f"{key}y" in asked
