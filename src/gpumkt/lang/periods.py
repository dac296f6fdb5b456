"""Periods named in text: years, quarters, halves and fiscal years, in Chinese and English.

A period is a short key: ``"2025"``, ``"2025q2"``, ``"2025h1"``, ``"2025m9"`` (the first nine
months), ``"2025-09"`` (a month), ``"q2"`` (a quarter with no year),
and matching is by key: a question about 2025q2 is answered by a fact about 2025q2, not by one about
2025 or 2024q2. Works on normalised text (``text.normalise``: Simplified, lowercase).
"""

from __future__ import annotations

import re

CN_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
EN_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
YEAR = r"(?<![\d.$])(?<!\d,)((?:19|20)\d\d)(?![\d%])"  # "1,2025" is a number; "，2025年" a year
_FY = r"(?:fy|fiscal(?:\s+year)?|财年|财政年度|会计年度)"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTH_WORDS = MONTHS + [m[:3] for m in MONTHS] + ["Sept"]  # names, then abbreviations
_MONTH_NAMES = "|".join(w.lower() for w in MONTH_WORDS)  # in normalised (lower-case) text
_MONTH = "(" + _MONTH_NAMES + r")\.?"
MONTH_PATTERN = r"\b(?:" + _MONTH_NAMES + r")\.?"  # the same, capturing nothing
# A month or day of a Chinese date, in digits or in Chinese numerals (a prospectus writes
# "2025年六月三十日")
_CN_MD = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
MONTH_COUNTS = {"two": 2, "four": 4, "five": 5, "seven": 7, "eight": 8, "ten": 10, "eleven": 11, "两": 2, "二": 2,
                "四": 4, "五": 5, "七": 7, "八": 8, "十": 10, "十一": 11, "10": 10, "11": 11, "2": 2, "4": 4,
                "5": 5, "7": 7, "8": 8}  # (3, 6, 9: a quarter, a half, m9)
# The word that ends a span before its last day: "six months ended", "quarter ending", "three months to"
SPAN_ENDS = r"(?:ended|ending|to)"
# ", which ended October 31, 2025" / " ended 30 June 2025" right after a fiscal period names its end
_ENDED_ON = (r",?\s+(?:which\s+)?(?:ended|ending)\s+(?:on\s+)?(?:" + MONTH_PATTERN + r"\s+\d{1,2}|\d{1,2}\s+"
             + MONTH_PATTERN + r"),?\s+(?:19|20)\d\d")
PATTERNS = [
    # A fiscal quarter or year and the date it ended are one period: "the third quarter of fiscal
    # 2026, which ended Oct. 31, 2025", "fiscal 2026 ended January 31, 2026" (the fiscal one)
    (re.compile(r"(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?" + _FY + r"\s*((?:19|20)\d\d)"
                + _ENDED_ON), "oy"),
    (re.compile(r"(?<![a-z0-9])" + _FY + r"\s*'?((?:19|20)?\d\d)" + _ENDED_ON), "fy"),
    # the fiscal year first, then its quarter: "fy26 q4", "fiscal 2026 fourth quarter"
    (re.compile(r"(?<![a-z0-9])" + _FY + r"\s*'?((?:19|20)?\d\d)\s+(?:q([1-4])(?![0-9])|"
                r"(first|second|third|fourth)\s+quarter)"), "fyq"),
    # The end of a quarter, or its three months, name that quarter: "june 30, 2025", "three months
    # ended june 30, 2025", "2025年6月底", "april-june 2025", "2025年4-6月" are 2025q2 (a date
    # that ends no quarter is left to the year pattern).
    # ... but six months ended june 30 are its first half, twelve months ended december 31 (or the
    # year ended then) its year: "six months ended 30 june 2025", "截至2025年六月三十日止六个月"
    (re.compile(r"(three|3|six|6|nine|9|twelve|12|(?:fiscal\s+)?year)(?:[\s-]+months?)?\s+" + SPAN_ENDS + r"\s+"
                r"(?:" + _MONTH + r"\s+(\d{1,2})|(\d{1,2})\s+" + _MONTH + r"),?\s+((?:19|20)\d\d)"), "span"),
    (re.compile(r"截至\s*" + YEAR + r"\s*年\s*" + _CN_MD + r"\s*月\s*" + _CN_MD + r"\s*[日号]\s*止\s*"
                r"((?:[两二三四五]个)?(?:财政)?年度|财年|三|六|九|十二|3|6|9|12)"), "cspan"),
    (re.compile(_MONTH + r"\s+(\d{1,2}),?\s+((?:19|20)\d\d)"), "mdy"),
    (re.compile(r"(?<!\d)(\d{1,2})\s+" + _MONTH + r",?\s+((?:19|20)\d\d)"), "dmy"),
    # From January 1 to a quarter's end is that quarter's year to date: "2025年1月1日累计至第三季止" is 2025m9
    (re.compile(YEAR + r"\s*年\s*(?:1|一)\s*月\s*(?:1|一)\s*日\s*起?\s*(?:累计)?\s*(?:至|到)\s*(?:本年)?\s*第?"
                r"([一二三四1-4])\s*季(?:度)?"), "ytdq"),
    (re.compile(YEAR + r"\s*年\s*" + _CN_MD + r"\s*月\s*(?:" + _CN_MD + r"\s*[日号]|底|末)"), "ymd"),
    (re.compile(_MONTH + r"\s*(?:-to-|-|–|to|through)\s*" + _MONTH + r",?\s+((?:19|20)\d\d)"), "mmy"),
    (re.compile(YEAR + r"\s*年\s*(\d{1,2})\s*月?\s*(?:-|–|至|到)\s*(\d{1,2})\s*月"), "ymm"),
    # A month of a year, when no day or span is said with it: 2025年9月, september 2025, 2024年一月
    (re.compile(YEAR + r"\s*年\s*" + _CN_MD + r"\s*月(?!\s*\d|份额)"), "ym"),
    (re.compile(_MONTH + r",?\s+((?:19|20)\d\d)(?![\d%])(\s+quarter)?"), "my"),
    # a quarter named by the month it ends: "the march quarter of 2025", "june quarter 2025"
    (re.compile(_MONTH + r"\s+quarter\s+(?:of\s+)?((?:19|20)\d\d)(?![\d%])"), "mq"),
    # 2025年第二季度, 2025年q2, 2025 q2, 2025年二季度; a fiscal year's: 2026财年第一季度
    (re.compile(YEAR + r"\s*年?\s*(?:第?([一二三四1-4])\s*季度?|q([1-4]))"), "yq"),
    (re.compile(YEAR + r"\s*(?:财年|财政年度|会计年度)\s*(?:第?([一二三四1-4])\s*(?:财季|季度?)|q([1-4]))"), "yq"),
    # Quarters run together: 1-3q25 (the first nine months), 1-2q25 and q1-q2 2025 (a half)
    (re.compile(r"(?<![a-z0-9.])([1-4])\s*q?\s*[-–~]\s*([1-4])q\s*'?(\d\d)(?![\d%])|"
                r"(?<![a-z0-9])q([1-4])\s*[-–~]\s*q([1-4])\s*(?:" + _FY + r"\s*)?'?((?:19|20)?\d\d)(?![\d%])"), "qq"),
    # q2 2025, q2 fy25, 2q25, q2'25
    # a fiscal quarter labelled with an f: fq3 fy26, f3q26, 3q fy26
    (re.compile(r"(?<![a-z0-9])f?q([1-4])\s*(?:of\s+)?(?:" + _FY + r"\s*)?'?((?:19|20)?\d\d)(?![\d%])"), "qy"),
    (re.compile(r"(?<![a-z0-9])f?([1-4])q\s*(?:" + _FY + r"\s*)?'?(\d\d)(?![\d%])"), "qy"),
    # second quarter of (fiscal) 2025
    (re.compile(r"(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?(?:" + _FY +
                r"\s*)?((?:19|20)\d\d)"), "oy"),
    # The first nine months (a third quarter's year to date): 2025年前三季度, first nine months of 2025, 9m25
    (re.compile(YEAR + r"\s*(?:年|" + _FY + r")?\s*前(?:三(?:个)?季度?|[九9]个?月)"), "y9"),
    (re.compile(r"first\s+(?:nine|9)\s+months\s+(?:of\s+)?(?:" + _FY + r"\s*)?((?:19|20)\d\d)|"
                r"first\s+three\s+quarters\s+(?:of\s+)?(?:" + _FY + r"\s*)?((?:19|20)\d\d)"), "y9"),
    (re.compile(r"(?<![a-z0-9])9m\s*'?(\d\d)(?![\d%])|" + YEAR + r"m9(?![0-9])"), "y9"),  # (and its own key)
    # Other spans of a year to date: 2025年前十个月, first ten months of 2025, 2025m10 (its own key)
    (re.compile(YEAR + r"\s*(?:年|" + _FY + r")?\s*前(" + "|".join(MONTH_COUNTS) + r")个?月|first\s+(" + "|".join(MONTH_COUNTS) +
                r")\s+months\s+(?:of\s+)?((?:19|20)\d\d)|" + YEAR + r"m(1[01]|[2-8])(?![0-9])"), "ytd"),
    # 2025年上半年, first half of 2025, h1 2025, 2025h1
    (re.compile(YEAR + r"\s*年?\s*([上下])半年"), "yh"),
    (re.compile(YEAR + r"\s*h([12])(?![a-z0-9])"), "yh"),
    (re.compile(r"(first|second)\s+half\s+(?:of\s+)?(?:" + _FY + r"\s*)?((?:19|20)\d\d)"), "hy"),
    (re.compile(r"(?<![a-z0-9])h([12])\s*(?:(?:" + _FY + r"\s*|')(\d\d)|\s((?:19|20)\d\d))(?![\d%])"), "hy"),
    (re.compile(r"(?<![a-z0-9])([12])h\s*'?(\d\d)(?![\d%])"), "hy"),  # 1h25 (a broker's table)
    # The end of a year is a point in it ("2024e"), a whole year said as one is all of it ("2024y"):
    # neither is met by a figure of one of its quarters. 2024年底, end of 2024; 2024全年, full year 2024
    (re.compile(YEAR + r"\s*年\s*(?:底|末)|(?:end\s+of|year-end|year\s+end(?:ed)?)\s+(?:fiscal\s+)?((?:19|20)\d\d)|"
                r"(?<![a-z0-9])f?ye\s*'?((?:19|20)?\d\d)(?![\d%a-z])"), "ye"),  # and a note's "ye25", "at ye 2025"
    (re.compile(YEAR + r"\s*(?:年度?)?\s*(?:全年|全年度|整年|full[- ]year)|(?:full[- ]year|whole\s+year)\s+(?:of\s+)?"
                r"(?:fiscal\s+)?((?:19|20)\d\d)"), "yy"),
    # fy2025, fy25, fiscal 2025, 2025财年
    (re.compile(r"(?<![a-z0-9])" + _FY + r"\s*'?((?:19|20)?\d\d)(?![\d%])"), "fy"),
    (re.compile(YEAR + r"\s*(?:财年|财政年度|会计年度)"), "fy"),
]
BARE_QUARTER = re.compile(r"(?<!前)第?([一二三四])(?:季度|财季)|(?<![a-z0-9])f?q([1-4])(?![0-9])|"
                          r"(first|second|third|fourth)\s+quarter|"
                          r"(?<![a-z])(march|mar|june|jun|september|sept|sep|december|dec)\.?\s+quarter(?![a-z])")
BARE_NINE = re.compile(r"前三(?:个)?季度|前[九9]个?月|first\s+(?:nine|9)\s+months|first\s+three\s+quarters|(?<![a-z0-9])m9(?![0-9])")
BARE_YEAR = re.compile(YEAR + r"(?!\s*(?:亿|万|千|百|个|家|名|人|台|块|gw|mw|b\b|m\b|billion|million))")


# A period as an adjective: "second-quarter revenue", "first-half results" (read as "second quarter")
ADJECTIVE = re.compile(r"\b(?:first|second|third|fourth|1st|2nd|3rd|4th)-(?:quarter|half)\b")


def _spaced(norm: str) -> str:
    """Adjective periods spaced, the text's length kept (its spans stay valid):
    ``_spaced("second-quarter revenue") -> "second quarter revenue"``."""
    return ADJECTIVE.sub(lambda m: m.group(0).replace("-", " "), norm)


def _year(raw: str) -> str:
    return raw if len(raw) == 4 else "20" + raw


def periods(norm: str) -> list[str]:
    """Period keys in normalised text, in order of appearance, without repeats.

    ``periods("2025年第二季度营收12亿美元，2024年全年19亿") -> ["2025q2", "2024"]``
    ``periods("revenue in the third quarter of fiscal 2025") -> ["2025q3"]``
    """
    return list(dict.fromkeys(k for _, _, k in period_spans(norm)))


# A securitisation's issue, named by its year ("Series 2025-1 notes", "2025-1 notes"): a name, no period
ISSUE_SERIES = re.compile(r"(?<![a-z])(?:series|tranche)\s+(?:19|20)\d\d-[0-9a-z]{1,2}(?![0-9a-z])|"
                          r"(?<![\d-])(?:19|20)\d\d-[1-9a-z](?![0-9a-z])(?=\s+(?:class\s+\w+\s+)?(?:notes?|bonds?|certificates?))")


def period_spans(norm: str) -> list[tuple[int, int, str]]:
    """Every period expression with its span, in order of appearance.

    ``period_spans("从2023年的31.7亿增长到2032年") -> [(1, 5, "2023"), (15, 19, "2032")]``
    """
    western, back = western_years(norm)
    if back:  # read in Western years, spans given back in the text's own offsets
        return [(back[a], back[b - 1] + 1, k) for a, b, k in period_spans(western)]
    norm = _spaced(norm)
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = [m.span() for m in ISSUE_SERIES.finditer(norm)]
    for pattern, shape in PATTERNS:
        for m in pattern.finditer(norm):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            key = _key(m, shape)
            if key:
                taken.append(m.span())
                found.append((*m.span(), key))
    for m in BARE_QUARTER.finditer(norm):
        if not any(a <= m.start() < b for a, b in taken):
            q = m.group(1) or m.group(2) or m.group(3) or str(month_number(m.group(4)) // 3)  # the december quarter: q4
            taken.append(m.span())
            found.append((*m.span(), "q" + str(CN_NUM.get(q) or EN_ORD.get(q) or q)))
    for m in BARE_NINE.finditer(norm):
        if not any(a <= m.start() < b for a, b in taken):
            taken.append(m.span())
            found.append((*m.span(), "m9"))
    for m in BARE_YEAR.finditer(norm):
        if not any(a <= m.start() < b for a, b in taken):
            found.append((*m.span(1), m.group(1)))
    return sorted(found)


# A Taiwan filing counts years from 1912 (民國114年 is 2025): a year of 100-139 before 年 and a
# calendar word, or after 民国, and a date written 114/11/12, are read as the Western year.
ROC_YEAR = re.compile(r"(?:民国\s*|(?<![a-z])(?:roc|minguo)\s+(?:year\s+)?)(\d{2,3})(?=\s*年|(?![\d.,]))|(?<![\d.$/])(?<!\d,)(1[0-3]\d)(?=\s*年\s*(?:度|\d{1,2}\s*月|第|[上下]半|前|"
                      r"[一二三四]?季|底|末|全年|q[1-4]))|(?<![\d.$/])(?<!\d,)(1[0-3]\d)/(0?[1-9]|1[0-2])(?:/(\d{1,2}))?(?![\d/])|"
                      # a year written digit by digit in Chinese numerals: 一一四年度 (ROC), 二〇二五年
                      r"(?<![〇○零一二三四五六七八九十百千])([〇○零一二三四五六七八九]{3,4})(?=\s*年)")
CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}


def _said_year(m: re.Match) -> str:
    """The Western year a ROC_YEAR match stands for, or "" when Chinese digits name no year."""
    if not m.group(6):
        return str(int(m.group(1) or m.group(2) or m.group(3)) + 1911)
    n = int("".join(CN_DIGITS[c] for c in m.group(6)))
    return str(n + 1911) if 100 <= n <= 139 else str(n) if 1990 <= n <= 2099 else ""


def western_years(norm: str) -> tuple[str, list[int]]:
    """The text with Taiwan (ROC) years as Western ones, and for each of its characters the offset
    of the character it stands for (``[]`` when there is none to change).

    ``western_years("114年10月营收")[0] -> "2025年10月营收"``; ``western_years("114/11/12")[0] -> "2025年11月12日"``;
    ``western_years("一一四年度")[0] -> "2025年度"``
    """
    out, back, last = [], [], 0
    for m in ROC_YEAR.finditer(norm):
        year = _said_year(m)
        if not year:
            continue
        said = (f"{year}年{int(m.group(4))}月" + (f"{int(m.group(5))}日" if m.group(5) else "")) if m.group(3) else year
        out.append(norm[last:m.start()])
        back += range(last, m.start())
        out.append(said)
        back += [m.start() + min(i, m.end() - m.start() - 1) for i in range(len(said))]
        last = m.end()
    if not back:
        return norm, []
    out.append(norm[last:])
    back += range(last, len(norm))
    return "".join(out), back


def month_number(name: str) -> int:
    """``month_number("sept") -> 9``: a month's number from its name or abbreviation, any case."""
    return next(i + 1 for i, full in enumerate(MONTHS) if full.lower().startswith(name[:3].lower()))


def _quarter_end(year: str, month: int, day: int) -> str:
    """``_quarter_end("2025", 6, 30) -> "2025q2"``; "" for a day that ends no quarter (0: 月底)."""
    return f"{year}q{month // 3}" if month in (3, 6, 9, 12) and (day == 0 or day >= 28) else ""


def cn_int(raw: str) -> int:
    """A month's or day's number in digits or Chinese numerals: ``cn_int("三十一") -> 31``,
    ``cn_int("十二") -> 12``, ``cn_int("十") -> 10``, ``cn_int("7") -> 7``."""
    if raw.isdigit():
        return int(raw)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    tens, _, ones = raw.partition("十")
    if "十" not in raw:
        return digits.get(raw, 0)
    return digits.get(tens, 1 if not tens else 0) * 10 + digits.get(ones, 0)


def _span_key(length: str, year: str, month: int, day: int) -> str:
    """The period of "<length> ended <date>": three months a quarter (or the month ended, for a
    fiscal quarter), six months ended June 30 / December 31 a half, nine ended September 30 the
    first nine months, twelve months or a (fiscal) year the year: ``_span_key("six", "2025", 6, 30)
    -> "2025h1"``; ``_span_key("年度", "2024", 12, 31) -> "2024"``."""
    length = {"3": "三", "three": "三", "6": "六", "six": "六", "9": "九", "nine": "九"}.get(length, length)
    if length == "三":
        return _quarter_end(year, month, day) or (f"{year}-{month:02d}" if 1 <= month <= 12 else "")
    if length == "六":
        return year + {6: "h1", 12: "h2"}[month] if month in (6, 12) else ""
    if length == "九":
        return year + "m9" if month == 9 else ""
    return year  # twelve months, a (fiscal) year: named after the year it ends in (the last of "三个财政年度")


def _key(m: re.Match, shape: str) -> str:
    if shape in ("span", "cspan"):
        if shape == "span":
            length, month, day, year = m.group(1), month_number(m.group(2) or m.group(5)), m.group(3) or m.group(4), m.group(6)
        else:
            length, year, month, day = m.group(4), m.group(1), cn_int(m.group(2)), cn_int(m.group(3))
        return _span_key(length, year, month, int(day))
    if shape in ("mdy", "dmy", "ymd"):  # a day: its quarter when it ends one, else its month
        if shape == "ymd":
            year, month, day = m.group(1), cn_int(m.group(2)), cn_int(m.group(3) or "0")
        else:
            year, month, day = m.group(3), month_number(m.group(1 + (shape == "dmy"))), m.group(2 - (shape == "dmy"))
        return _quarter_end(year, month, int(day)) or (f"{year}-{month:02d}" if 1 <= month <= 12 else "")
    if shape in ("mmy", "ymm"):
        first, last = (month_number(m.group(1)), month_number(m.group(2))) if shape == "mmy" else (int(m.group(2)), int(m.group(3)))
        year = m.group(3) if shape == "mmy" else m.group(1)
        if first in (1, 7) and last - first == 5:  # 2025年1-6月, january-june 2025: a half
            return f"{year}h{1 + (first == 7)}"
        if last - first == 2:  # three months: a quarter, or (another company's fiscal quarter) the
            return f"{year}q{last // 3}" if last % 3 == 0 else f"{year}-{last:02d}"  # month they end, as "three months ended" gives it
        # the year to date: 2025年1-9月 is 2025m9, 1月至10月 2025m10
        return f"{year}m{last}" if first == 1 and 1 < last < 12 else ""
    if shape in ("ym", "my"):
        month = cn_int(m.group(2)) if shape == "ym" else month_number(m.group(1))
        key = f"{m.group(1) if shape == 'ym' else m.group(2)}-{month:02d}" if 1 <= month <= 12 else ""
        return (quarter_ending(key) or key) if shape == "my" and m.group(3) else key  # "the june 2025 quarter"
    if shape == "mq":
        return quarter_ending(f"{m.group(2)}-{month_number(m.group(1)):02d}")
    if shape == "qq":  # quarters one to three are the first nine months, one to four the year
        first, last, year = m.groups()[:3] if m.group(1) else m.groups()[3:]
        part = {("1", "3"): "m9", ("1", "2"): "h1", ("3", "4"): "h2", ("1", "4"): ""}.get((first, last))
        return "" if part is None else _year(year) + part
    if shape == "yq":
        return f"{m.group(1)}q{CN_NUM.get(m.group(2) or m.group(3), m.group(3))}"
    if shape == "fyq":
        return f"{_year(m.group(1))}q{m.group(2) or EN_ORD[m.group(3)]}"
    if shape == "qy":
        return f"{_year(m.group(2))}q{m.group(1)}"
    if shape == "oy":
        return f"{m.group(2)}q{EN_ORD[m.group(1)]}"
    if shape == "yh":
        return f"{m.group(1)}h{1 if m.group(2) in ('上', '1') else 2}"
    if shape == "ytd":
        g = m.groups()
        year, count = (g[0], g[1]) if g[0] else (g[3], g[2]) if g[3] else (g[4], g[5])
        return f"{year}m{MONTH_COUNTS.get(count, count)}"
    if shape == "ytdq":
        return m.group(1) + {1: "q1", 2: "h1", 3: "m9", 4: ""}[CN_NUM.get(m.group(2)) or int(m.group(2))]
    if shape == "y9":
        return _year(next(g for g in m.groups() if g)) + "m9"
    if shape == "hy":
        half = {"first": "1", "second": "2"}.get(m.group(1), m.group(1))
        return f"{_year(m.group(2) or m.group(3))}h{half}"
    if shape in ("ye", "yy"):
        return _year(next(g for g in m.groups() if g)) + shape[1]
    return _year(m.group(1))  # fiscal year: the year it is named after


POINT_PATTERNS = [pattern for pattern, shape in PATTERNS if shape in ("mdy", "dmy", "ymd")]
def points(norm: str) -> tuple[str, ...]:
    """The quarters a text names by one day, a point in time, not as the end of a span:
    ``points("cash at 30 june 2024") -> ("2024q2",)``; ``points("2024年6月末机柜") -> ("2024q2",)``;
    ``points("the three months ended june 30, 2024") -> ()``."""
    western = western_years(norm)[0]
    return tuple(k for a, b, k in period_spans(western)
                 if re.fullmatch(r"(?:19|20)\d\dq[1-4]", k) and any(p.fullmatch(western[a:b]) for p in POINT_PATTERNS))


def quarter_ending(month_key: str) -> str:
    """``quarter_ending("2025-09") -> "2025q3"``; "" for a month that ends no quarter."""
    month = int(month_key[5:])
    return f"{month_key[:4]}q{month // 3}" if month % 3 == 0 else ""


# The words that say a date closes a period: "(the quarter ended September 30, 2025)"
ENDED = re.compile(r"\b(?:three|six|nine|twelve|3|6|9|12)?\s*(?:months?|quarter|period|(?:fiscal\s+)?year)\s+"
                   r"(?:ended|ending)\b")


def period_free(norm: str) -> str:
    """The text with every period expression blanked: ``period_free("2025年第二季度营收") -> "营收"``
    (with spaces where the period stood); a Taiwan year too: ``period_free("一一四年度营收")`` -> "营收"."""
    norm = _spaced(western_years(norm)[0])
    for pattern, _ in PATTERNS:
        norm = pattern.sub(" ", norm)
    norm = ENDED.sub(" ", BARE_QUARTER.sub(" ", norm))
    return re.sub(YEAR + r"\s*(?:年度?)?", " ", norm)
