"""Which period a figure is given for: the one written with it, else the nearest before it in
its clause, else its sentence's, heading's — never the base of a comparison ("more than in Q1
2025"), and a year earlier for "去年同期的6700万美元" / "$67 million a year earlier"."""

from __future__ import annotations

import re
from functools import lru_cache

from gpumkt.ingest.report_periods import report_year
from gpumkt.lang.periods import EN_ORD, SPAN_ENDS, period_spans


# What may stand between a figure and the period it is given for: "$1.2 billion in Q2 2025",
# "33亿美元 (2025年2月)", "revenue of $3 billion for the third quarter of fiscal 2025".
# "… 1.5 GW by end-CY2026E": a unit word, "by (the) end of" and a calendar/fiscal prefix may come between
PERIOD_AFTER = re.compile(r"\s*(?:(?!(?:and|or|but|than|vs|from|to|versus)\s)[a-z]{1,6}\s+)?[(（]?\s*(?:(?:in|for|during|of|at|by)\s+)?(?:the\s+)?"
                          r"(?:end[- ](?:of\s+)?)?(?:cy|fy)?")


# A period after one of these is the base of a comparison ("$2.9 billion, $1 billion more than
# in Q1 2025", "较2024年") or the start of a record ("自2021年以来"): it dates the figure right
# after it, not the figures around it.
COMPARING = r"(?:compared (?:with|to)|\bversus|\bvs\.?)"  # the words that open a comparison's base
# What a base runs on through: no clause's end, but the commas of a list of figures ("…, four
# halls and 120 MW"); "compared with 2024, revenue in 2025 …" is the text's own clause again
BASE_RUN = (r"(?:[^,;:。，；：]|,(?=\s*(?:and\s+)?(?:[$€£]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
            r"about|approximately|roughly|nearly)\b)))")
COMPARED = re.compile(r"(?:\bover|\bthan|\bversus|\bvs\.?|compared (?:with|to)|\bsince|比|较|相比|相较于?|自|"
                      # "grew 152% from $217.5 million in Q1 FY25" ("from about 5,000 at the end of
                      # the second quarter"): the base's own period
                      r"\bfrom\s+(?:(?:about|approximately|around|roughly|nearly|some)\s+)?[$€£]?\(?[\d.,]+\)?\s*"
                      r"(?:%|million|billion|thousand|bn|mn|[mbk])?|"
                      # "was 54.7%, compared with 48.7% a year ago and 53.1% in the third quarter": a
                      # later base of a list of bases
                      + COMPARING + r"\s+[$€£]?\(?\d[^;。]{0,60}?(?:,|\band)\s+"
                      r"[$€£]?\(?[\d.,]+\)?\s*(?:%|million|billion|thousand|bn|mn|[mbk])?|"
                      # "adjusted EBITDA was $179.1 million, compared with $104.8 million and a 35.5%
                      # margin in the third quarter of fiscal 2025" ("… as of December 31, 2024"): the
                      # rest of the clause is the base's, a list in it too ("versus about 51,000
                      # GPUs, four halls and 120 MW in service at <date>")
                      + COMPARING + r"\s+(?:(?:approximately|about|around|roughly|nearly|some)\s+)?[$€£(]?\d(?:[\d.,]*\d)?"
                      + BASE_RUN + r"{0,90}?"
                      r"\s(?:in|for|during|at|as\s+of)\s+)"
                      # "rose to 214, from 188 at the end of the third quarter" ("… on June 30")
                      r"\s*(?:(?:in|on|with|to|for|during|at)\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?$")


def period_in(clause: str, a: int, b: int) -> str:
    """The period a figure at ``clause[a:b]`` is given for: one named right after it, else the
    nearest before it, else the first after it that is no comparison's base.

    ``period_in("从2023年的31.7亿增长到2032年的472.4亿", 21, 27) -> "2032"``
    ``period_in("capex of $2.9 billion, $1 billion more than in q1 2025", 8, 20) -> ""``
    """
    spans = [(s, e, k) for s, e, k in period_spans(clause) if not dates_an_event(clause, s, e)]
    after = [(s, k) for s, _, k in spans if s >= b]
    if after and PERIOD_AFTER.fullmatch(clause[b:after[0][0]]):
        return after[0][1]
    before = [k for s, e, k in spans if e <= a and not _from_base(clause, s, e, a)]
    # (a figure of the base itself, "compared with $104.8 million … in Q3 fiscal 2025", takes it)
    later = [k for s, k in after if not is_base(clause, s) or IN_BASE.search(clause[:a])]
    return before[-1] if before else (later[0] if later else "")


# The day a sum is paid or its holders are fixed ("a dividend of $0.50 per share, payable on
# June 2 to holders of record on May 12"): a date of the payment, not the period the figure is for.
PAID_ON = re.compile(r"(?:\b(?:payable|paid|distributed)\s+(?:on\s+)?(?:or\s+about\s+)?|\bof\s+record\s+(?:on|as\s+of)\s+|"
                     r"\brecord\s+date\s+(?:of\s+)?|(?:股权登记日|除权除息日|除息日|派息日|发放日)\s*(?:为|是|:|：)?\s*)$")
# A debt's maturity names the debt, not the period of a figure: "notes due 2031", "票据于2031年到期"
# (the question reader uses the same words: cues.MATURITY_YEAR)
MATURITY_WORDS = r"\b(?:due|maturing(?:\s+in)?|matures?\s+in)\s+"
MATURES_AFTER = r"\s*年?\s*(?:到期|届满)"
MATURITY = re.compile(MATURITY_WORDS + "$")
MATURES = re.compile(MATURES_AFTER)
IN_BASE = re.compile(COMPARING + r"\s" + BASE_RUN + r"*$")
# "从2022年的7.5%下降至6.1%", "from 7.5% in 2022 to 6.1%": the start of a move, whose period is
# not the end's
FROM_BEFORE = re.compile(r"(?:由|从|從|\bfrom\b)[^,;，；。]{0,24}$")
TO_WORD = re.compile(r"降至|升至|增至|减至|減至|(?:增加|减少|減少|提升|提高|下降|上升|增长|增長)(?:至|到)|\bto\b")


def _from_base(clause: str, s: int, e: int, a: int) -> bool:
    """The period at ``clause[s:e]`` dates where a move started, and the figure at ``a`` is where it
    ended: ``_from_base("流失率由2022年的7.5%降至6.1%", 4, 9, 16) -> True``."""
    start = FROM_BEFORE.search(clause[max(0, s - 30):s])  # (not "from 2023 to 2025": that one is the end)
    return bool(start) and not TO_WORD.search(start.group(0)) and bool(TO_WORD.search(clause[e:a]))


# "(2024: nil)", "（二零二四年同期：78.9%）": the comparative of the figure before it, in brackets
COMPARATIVE_OPEN = re.compile(r"[(（]\s*$")
COMPARATIVE_CLOSE = re.compile(r"\s*(?:年度?)?\s*(?:同期|上半年|全年)?\s*[:：]")


def bracketed_comparative(clause: str, s: int, e: int) -> bool:
    """The period at ``clause[s:e]`` heads a bracketed comparative figure, which it alone dates:
    ``bracketed_comparative("每股4.5港仙(2024年:无)", 8, 13) -> True``."""
    return bool(COMPARATIVE_OPEN.search(clause[max(0, s - 3):s]) and COMPARATIVE_CLOSE.match(clause, e))


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
    """The periods ``text`` names, in order, without those that are a comparison's base or the
    day a board decided something ("经2026年3月10日董事会决议，提拨员工酬劳…": the pay is the
    year's before, not March's)."""
    return [k for s, e, k in period_spans(text) if not is_base(text, s) and not dates_an_event(text, s, e)]


def dates_an_event(text: str, s: int, e: int) -> bool:
    """The period at ``text[s:e]`` is the day something was decided, paid or recorded, or heads a
    bracketed comparative: it dates no figure beside it. Both the clause reader (period_in) and the
    sentence reader (stated_periods) ask this, so that a payment date a comma away from a dividend
    does not date it either: ``dates_an_event("$0.50 per share, payable on june 2, 2025", 28, 40) -> True``;
    nor does a debt's maturity: ``dates_an_event("6.125% senior notes due 2031", 24, 28) -> True``."""
    return bool(EVENT_AFTER.match(text, e) or PAID_ON.search(text[max(0, s - 40):s])
                or MATURITY.search(text[max(0, s - 20):s]) or MATURES.match(text, e) or bracketed_comparative(text, s, e))


# What follows the day of a decision: "董事会决议", "股东会通过", ", the board approved"
EVENT_AFTER = re.compile(r"\s*(?:召开的?)?(?:董事会|董事會|股东会|股東會|股东大会|股東大會|监事会|監事會)\s*"
                         r"(?:决议|決議|审议|審議|通过|通過)|\s*,?\s*(?:the\s+)?board\s+(?:of\s+directors\s+)?"
                         r"(?:approved|resolved|declared)")


def is_base(text: str, s: int) -> bool:
    """The period starting at ``text[s]`` follows a comparison word (than, 较, 自 …)."""
    return bool(COMPARED.search(text[max(0, s - 100):s]))


RESPECTIVELY_SAID = re.compile(r"respectively|分别")
LISTED = re.compile(r"\s*(?:,|，|、)?\s*(?:and|和|及|与|以及)?\s*")  # between two periods of a list


def respective_period(own: str, spans: list, i: int, before: str = "") -> str:
    """Periods listed one after another and figures given for each in the same order: "In 2023,
    2024 and 2025, our largest customer accounted for 29.1%, 33.5% and 27.8% of revenues,
    respectively" gives 33.5% to 2024. ``spans``: (figure, start, end) of the sentence's figures,
    years and a convenience translation in brackets ("(US$540.8 million)") left out; the figures
    of the kind of the one at ``i`` must be a multiple of the periods. "" when nothing is paired.

    ``respective_period("2023、2024年分别为1.2亿元和1.5亿元", [(f1, 15, 20), (f2, 21, 26)], 1) -> "2024"``;
    a span of years is a list of each ("2025-2027年营业收入分别为…"); a piece of a long sentence cut at
    a comma takes the list of the sentence so far (``before``).
    """
    if not RESPECTIVELY_SAID.search(own):
        return ""
    listed = _period_list(own) or (_period_list(before) if before.rstrip()[-1:] in ",，" else [])
    same = [j for j, (f, a, b) in enumerate(spans) if f.kind == spans[i][0].kind]
    if len(listed) < 2 or i not in same or len(same) % len(listed):
        return ""
    return listed[same.index(i) % len(listed)]


def _period_list(own: str) -> list[str]:
    """The longest run of periods written one after another as a list ("2023, 2024 and 2025")."""
    best, run, last_end = [], [], -1
    for start, end, key in period_spans(own):
        if run and YEAR_SPAN.fullmatch(own[last_end:start]) and run[-1].isdigit() and key.isdigit() \
                and 0 < int(key) - int(run[-1]) <= 10:  # "2025-2027年": each year of the span
            run += [str(y) for y in range(int(run[-1]) + 1, int(key) + 1)]
        else:
            run = run + [key] if run and LISTED.fullmatch(own[last_end:start]) else [key]
        last_end = end
        best = run if len(run) > len(best) else best
    return list(dict.fromkeys(best)) if len(set(best)) == len(best) else []


YEAR_SPAN = re.compile(r"[ae]?\s*(?:-|–|—|~|至|到|to)\s*(?:fy)?")  # between the two years of a span


# A document's own date near its start: "2025年11月18日", "2025-11-18", "November 18, 2025"
DOC_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*[日号號]|((?:19|20)\d\d)-(\d\d)-\d\d\b|"
                      r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s*((?:19|20)\d\d)|"
                      r"\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)", re.I)
MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()  # (as DOC_DATE and _MD catch them)
PART_END = {"q1": 3, "q2": 6, "q3": 9, "q4": 12, "h1": 6, "h2": 12, "m3": 3, "m6": 6, "m9": 9}
REPORT_END = {"": 12, "h1": 6, "q1": 3, "q2": 6, "q3": 9, "q4": 12}  # a periodic report's period ends in this month


@lru_cache(maxsize=64)
def document_date(text: str) -> str:
    """The year and month a document is about: the end of the period a periodic report covers,
    else its first full date in the first 3,000 characters; "" when it has neither.

    ``document_date("投资者关系活动记录表\\n时间 2025年11月18日")`` -> "2025-11"
    """
    reported = report_year(text)
    if reported:
        return f"{reported[:4]}-{REPORT_END.get(reported[4:], 12):02d}"
    m = DOC_DATE.search(text[:3000])
    if not m:
        return ""
    year, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4)) if m.group(3) else \
        (m.group(6), MONTHS.index(m.group(5).lower()) + 1) if m.group(5) else \
        (m.group(8), MONTHS.index(m.group(7).lower()) + 1)  # "3 March 2026"
    return f"{year}-{int(month):02d}"


def in_document_year(period: str, dated: str, fiscal_end: int = 0) -> str:
    """A part of a year named without its year ("前三季度", "the third quarter") in a document
    dated after that part ended is that part of the document's (fiscal) year; one still ahead of
    the date (a plan, an outlook) stays without a year, unless the fiscal year closed at most three
    months before the document (results season: its quarters are the year just closed).

    ``in_document_year("m9", "2025-11") -> "2025m9"``; ``in_document_year("q4", "2025-11") -> "q4"``;
    ``in_document_year("q3", "2026-03", 1) -> "2026q3"`` (fiscal 2026's third quarter ended in October 2025)
    """
    if period not in PART_END or not dated:
        return period
    if fiscal_end in (0, 12):
        return period if PART_END[period] > int(dated[5:]) else dated[:4] + period
    year, month = int(dated[:4]), int(dated[5:])
    label = year if month <= fiscal_end else year + 1  # a fiscal year is named by the year it ends in
    since_close = month - fiscal_end if month > fiscal_end else month + 12 - fiscal_end  # months into it
    if PART_END[period] <= since_close:
        return f"{label}{period}"
    return f"{label - 1}{period}" if since_close <= 3 else period


def closed_year(dated: str, fiscal_end: int = 0) -> str:
    """The fiscal year "the year" is in a document dated at most three months after a year closed:
    ``closed_year("2026-03", 1) -> "2026"``; ``closed_year("2026-02") -> "2025"``; ``closed_year("2025-11") -> ""``."""
    if not dated:
        return ""
    year, month, end = int(dated[:4]), int(dated[5:]), fiscal_end or 12
    return "" if (month - end) % 12 > 3 else str(year if month >= end else year - 1)


_MD = r"(?:([a-z]{3})[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+([a-z]{3})[a-z]*)"  # "january 31" or "31 january"
# "fiscal 2026 ended January 31, 2026", "the fiscal year ends on 30 June", "the fiscal year runs
# from ... to June 30", a fact sheet's "Fiscal year end | 30 September", a table's "FY25 (year
# ending 30 Sep 2025)"
FISCAL_END = re.compile(r"fiscal\s+(?:year\s+)?(?:(?:19|20)?\d\d\s+)?(?:ended|ending|ends)\s+(?:on\s+)?" + _MD +
                        r"|fiscal\s+year\b[^.]{0,60}?\bruns\s+from\s+[^.]{1,30}?\s+to\s+" + _MD +
                        r"|fiscal\s+year[- ]end\b[\s|:：]{1,8}" + _MD +
                        r"|(?<![a-z])fy\s*'?(?:19|20)?\d\d\s*\(\s*(?:fiscal\s+)?year\s+(?:ended|ending)\s+(?:on\s+)?" + _MD)
# "the fourth quarter of fiscal 2026 ended January 31, 2026", "fiscal second-quarter results
# (quarter ending 31 December 2025)": a quarter's end (the year ends 3, 6 or 9 months later)
FISCAL_QUARTER_END = re.compile(r"(first|second|third|fourth)\s+quarter\s+of\s+fiscal\s+(?:year\s+)?(?:19|20)?\d\d,?"
                                r"\s+(?:which\s+)?(?:ended|ending)\s+(?:on\s+)?" + _MD +
                                r"|fiscal\s+(first|second|third|fourth)[- ]quarter\b[^.]{0,30}?\b(?:ended|ending)\s+(?:on\s+)?" + _MD)


@lru_cache(maxsize=64)
def fiscal_year_end(text: str) -> int:
    """The month a document's fiscal year ends in, when it says so and it is not December; else 0.

    ``fiscal_year_end("Results for the fourth quarter of fiscal 2026 ended January 31, 2026")`` -> 1;
    ``fiscal_year_end("the third quarter of fiscal 2026 ended October 26, 2025")`` -> 1;
    ``fiscal_year_end("| Fiscal year end | 30 September |")`` -> 9
    """
    low = text[:40000].lower()
    q, m = FISCAL_QUARTER_END.search(low), FISCAL_END.search(low)  # (a quarter's words hold a year's)
    if q and _month(q):
        ordinal = next(g for g in q.groups() if g in EN_ORD)  # (either wording's)
        month = (_month(q) + 3 * (4 - EN_ORD[ordinal]) - 1) % 12 + 1
    elif m and _month(m):
        month = _month(m)
    else:
        return 0
    return 0 if month == 12 else month


def _month(m: re.Match) -> int:
    """The month (1-12) a match's "january 31" / "31 january" names, 0 if none."""
    return next((MONTHS.index(g) + 1 for g in m.groups() if g in MONTHS), 0)


def in_fiscal_quarter(period: str, fiscal_end: int) -> str:
    """The fiscal quarter of a figure given for "the three months ended <date>", for a company
    whose fiscal year ends in month ``fiscal_end`` (its fiscal year named after the year it ends
    in): ``in_fiscal_quarter("2026-01", 1) -> "2026q4"``, ``in_fiscal_quarter("2025-10", 1) ->
    "2026q3"``, ``in_fiscal_quarter("2025q2", 6) -> "2025q4"`` (a June year: April-June is its
    fourth quarter); any other period, or a December year, stays as it is."""
    m = re.fullmatch(r"((?:19|20)\d\d)(?:-(\d\d)|q([1-4]))", period)
    if not fiscal_end or not m:
        return period
    month = int(m.group(2) or 0) or 3 * int(m.group(3))
    if (fiscal_end - month) % 3:
        return period
    quarter, year = 4 - (fiscal_end - month) % 12 // 3, int(m.group(1)) + (month > fiscal_end)
    return f"{year}q{quarter}"


# "three months ended July 31, 2026", "quarter ended 31 January 2026", "year ended January 31, 2026"
# (and in British English "three months to 31 March 2026")
FISCAL_SPAN = re.compile(r"(three|six|nine|twelve|3|6|9|12)[\s-]+months?\s+" + SPAN_ENDS + r"|(quarter|(?:fiscal\s+)?year)"
                         r"\s+" + SPAN_ENDS)
SPAN_DATE = re.compile(r"\s+(?:on\s+)?" + _MD + r",?\s+((?:19|20)\d\d)")
SPAN_MONTHS = {"three": 3, "3": 3, "six": 6, "6": 6, "nine": 9, "9": 9, "twelve": 12, "12": 12}


def fiscal_span(before: str, fiscal_end: int) -> str:
    """The fiscal period of the last "<n> months ended <date>" in ``before`` (the text up to a
    figure: a table column's header, a sentence's start), for a company whose fiscal year ends in
    month ``fiscal_end``; "" when none is there or the date ends no such fiscal span.

    ``fiscal_span("six months ended july 31, 2026: $ ", 1) -> "2027h1"``;
    ``fiscal_span("three months ended january 31, 2026: ", 1) -> "2026q4"``
    """
    if not fiscal_end:
        return ""  # (most documents: no scan of the text before every figure)
    spans = [(m, d) for m in FISCAL_SPAN.finditer(before) if (d := SPAN_DATE.match(before, m.end()))]
    if not spans:
        return ""
    m, d = spans[-1]
    length = SPAN_MONTHS.get(m.group(1) or "", 3 if m.group(2) == "quarter" else 12)
    key = in_fiscal_quarter(f"{d.group(3)}-{_month(d):02d}", fiscal_end)
    if "q" not in key:
        return ""  # the date ends no fiscal quarter
    year, quarter = key[:4], int(key[5])
    return {3: key, 6: {2: year + "h1", 4: year + "h2"}.get(quarter, ""), 9: year + "m9" if quarter == 3 else "",
            12: year if quarter == 4 else ""}[length]
