"""Which period a figure is given for: the one written with it, else the nearest before it in
its clause, else its sentence's, heading's — never the base of a comparison ("more than in Q1
2025"), and a year earlier for "去年同期的6700万美元" / "$67 million a year earlier"."""

from __future__ import annotations

import re

from gpumkt.lang.periods import period_spans


# What may stand between a figure and the period it is given for: "$1.2 billion in Q2 2025",
# "33亿美元 (2025年2月)", "revenue of $3 billion for the third quarter of fiscal 2025".
# "… 1.5 GW by end-CY2026E": a unit word, "by (the) end of" and a calendar/fiscal prefix may come between
PERIOD_AFTER = re.compile(r"\s*(?:(?!(?:and|or|but|than|vs|from|to|versus)\s)[a-z]{1,6}\s+)?[(（]?\s*(?:(?:in|for|during|of|at|by)\s+)?(?:the\s+)?"
                          r"(?:end[- ](?:of\s+)?)?(?:cy|fy)?")


# A period after one of these is the base of a comparison ("$2.9 billion, $1 billion more than
# in Q1 2025", "较2024年") or the start of a record ("自2021年以来"): it dates the figure right
# after it, not the figures around it.
COMPARED = re.compile(r"(?:\bover|\bthan|\bversus|\bvs\.?|compared (?:with|to)|\bsince|比|较|相比|相较于?|自|"
                      # "grew 152% from $217.5 million in Q1 FY25": the base's own period
                      r"\bfrom\s+[$€£]?\(?[\d.,]+\)?\s*(?:%|million|billion|thousand|bn|mn|[mbk])?)"
                      r"\s*(?:(?:in|with|to|for|during|at)\s+)?(?:the\s+)?$")


def period_in(clause: str, a: int, b: int) -> str:
    """The period a figure at ``clause[a:b]`` is given for: one named right after it, else the
    nearest before it, else the first after it that is no comparison's base.

    ``period_in("从2023年的31.7亿增长到2032年的472.4亿", 21, 27) -> "2032"``
    ``period_in("capex of $2.9 billion, $1 billion more than in q1 2025", 8, 20) -> ""``
    """
    spans = period_spans(clause)
    after = [(s, k) for s, _, k in spans if s >= b]
    if after and PERIOD_AFTER.fullmatch(clause[b:after[0][0]]):
        return after[0][1]
    before = [k for _, e, k in spans if e <= a]
    later = [k for s, k in after if not is_base(clause, s)]
    return before[-1] if before else (later[0] if later else "")


# The same period a year before, as reports and questions say it (shared with answer/followup.py).
SAME_PERIOD_LAST_YEAR = r"去年同期|上年同期|去年同一?季度?|上年同一?季度?|去年累计|上年累计|去年当月|去年同月"
A_YEAR_BEFORE = r"a year (?:earlier|ago|before)"
YEAR_EARLIER_BEFORE = re.compile(rf"(?:{SAME_PERIOD_LAST_YEAR})的?\s*$")
YEAR_EARLIER_AFTER = re.compile(rf"^\s*(?:in the )?(?:{A_YEAR_BEFORE}|(?:the )?year-ago (?:quarter|period)"
                                r"|(?:the )?prior[- ]year (?:quarter|period))")


def year_earlier(clause: str, a: int, b: int) -> bool:
    """The figure is given for the same period a year before the one the text is about:
    ``year_earlier("利息支出从去年同期的6700万美元增至2.67亿美元", 10, 17) -> True``."""
    # (a row label stands far left of its figure: "去年同期          8,876,214")
    return bool(YEAR_EARLIER_BEFORE.search(clause[:a].rstrip()[-12:]) or YEAR_EARLIER_AFTER.match(clause[b:b + 40]))


def year_before(key: str) -> str:
    """``year_before("2025q2")`` -> "2024q2"; a key with no year stays as it is."""
    return str(int(key[:4]) - 1) + key[4:] if key[:4].isdigit() else key


def last_period(text: str) -> str:
    """The last period named in ``text`` (the sentence up to a figure), a comparison's base excepted:
    ``last_period("2024年营收1147.67亿元,2025年第一季度营收468.58亿元,同比增幅高达") -> "2025q1"``."""
    found = stated_periods(text)
    return found[-1] if found else ""


def sentence_period(texts: list[str]) -> str:
    """The first period of the nearest text that names one, a comparison's base excepted."""
    return next((found[0] for found in map(stated_periods, texts) if found), "")


def stated_periods(text: str) -> list[str]:
    """The periods ``text`` names, in order, without those that are a comparison's base."""
    return [k for s, _, k in period_spans(text) if not is_base(text, s)]


def is_base(text: str, s: int) -> bool:
    """The period starting at ``text[s]`` follows a comparison word (than, 较, 自 …)."""
    return bool(COMPARED.search(text[max(0, s - 40):s]))


RESPECTIVELY_SAID = re.compile(r"respectively|分别")
LISTED = re.compile(r"\s*(?:,|，|、)?\s*(?:and|和|及|与|以及)?\s*")  # between two periods of a list


def respective_period(own: str, spans: list, i: int) -> str:
    """Periods listed one after another and figures given for each in the same order: "In 2023,
    2024 and 2025, our largest customer accounted for 29.1%, 33.5% and 27.8% of revenues,
    respectively" gives 33.5% to 2024. ``spans``: (figure, start, end) of the sentence's figures,
    years and a convenience translation in brackets ("(US$540.8 million)") left out; the figures
    of the kind of the one at ``i`` must be a multiple of the periods. "" when nothing is paired.

    ``respective_period("2023、2024年分别为1.2亿元和1.5亿元", [(f1, 15, 20), (f2, 21, 26)], 1) -> "2024"``
    """
    if not RESPECTIVELY_SAID.search(own):
        return ""
    listed = _period_list(own)
    same = [j for j, (f, a, b) in enumerate(spans) if f.kind == spans[i][0].kind]
    if len(listed) < 2 or i not in same or len(same) % len(listed):
        return ""
    return listed[same.index(i) % len(listed)]


def _period_list(own: str) -> list[str]:
    """The longest run of periods written one after another as a list ("2023, 2024 and 2025")."""
    best, run, last_end = [], [], -1
    for start, end, key in period_spans(own):
        run = run + [key] if run and LISTED.fullmatch(own[last_end:start]) else [key]
        last_end = end
        best = run if len(run) > len(best) else best
    return list(dict.fromkeys(best)) if len(set(best)) == len(best) else []
