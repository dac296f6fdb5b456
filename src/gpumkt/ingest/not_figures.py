"""Numbers in a unit's text that are no figure: a year or the day of a date, a list item's or a
table's number, a stock code, a card's memory, the length of a period, a time of day.

``facts.py`` skips them before it attaches anything to a figure.
"""

from __future__ import annotations

import re

from gpumkt.ingest.cells import NOTE_CELL
from gpumkt.ingest.measures import quantity
from gpumkt.lang import vocab
from gpumkt.lang.numbers import Figure
from gpumkt.lang.periods import MONTH_PATTERN, period_spans

# The day of an English date ("June 30, 2025", "30 June 2025") is no figure.
DAY_BEFORE = re.compile(MONTH_PATTERN + r"\s*$")
DAY_AFTER = re.compile(r"\s*" + MONTH_PATTERN + r"(?![a-z])")
# The length of a period, with or without its year: "截至六月三十日止六个月", "six months ended"
SPAN_LENGTH = re.compile(r"截至[^，。,；;]{0,16}?止\s*[一二三四五六七八九十\d]{1,3}\s*个月|"
                         r"\b(?:three|six|nine|twelve)\s+months\s+ended")
TIME_OF_DAY = re.compile(r"(?<![\d.:])\d{1,2}:\d\d(?::\d\d)?(?![\d:])")
MEMORY = re.compile(r"\s?(?:[gtmp]i?b|g显存)(?![a-z])")  # a card's memory or a drive's size
STOCK_EXCHANGE = re.compile(r"\.(?:sh|sz|bj|hk)(?![a-z])")  # "688001.SH": a code, not a number
# "表3", "见图2", "Figure 2", "Page 1" number the document ("代表3家" does not).
# A tender's lots number its parts too: "包4", "标段2", "Lot 3".
# So do a phase's, a scope's, an item's or a note's: "Phase 2", "Scope 3 emissions", "Item 7", "Note 12",
# and a table's row number.
LABEL_NUMBER = re.compile(r"(?:^|[^\u4e00-\u9fff]|[见如附])(?:表|图|圖)\s*$|(?:table|figure|fig\.|page|p\.|\blot)\s*$|"
                          r"(?<![a-z])(?:phase|scope|tier|stage|item|note|exhibit|schedule|chapter|section|step)\s*$|"
                          r"(?<![打面红钱书背])(?:标?包|包组|标段)\s*$|"
                          # a table's row-number column: "序号: 1; 项目名称: …", "No.: 3"
                          r"(?:^|[;；|]\s*)(?:序号|序號|编号|編號|项次|項次|no\.|#)\s*[:：]\s*$")
ITEM_BEFORE_DATE = re.compile(r"\d{1,2}\.\d{1,2}")
ITEM_NUMBER = re.compile(r"[.、](?!\d)")


def dated_spans(own: str) -> list[tuple[int, int, str]]:
    """The periods of ``own`` and the stretches that only measure or stamp time ("查询日期：114/11/13
    09:42:17"): a number inside one is no figure."""
    return period_spans(own) + [(*m.span(), "") for m in SPAN_LENGTH.finditer(own)] + \
        [(*m.span(), "") for m in TIME_OF_DAY.finditer(own)]


def no_figure(fig: Figure, own: str, a: int, b: int, dated: list, prose: bool, names: list[vocab.Group]) -> bool:
    """``own[a:b]`` is a year, a label's number or a stock code, a number inside a period, or in a
    table a name's stock code, a note reference or the memory in a row's label ("H800（80GB） |
    14.20" is no 80 yuan)."""
    if _is_year(fig, own[b:b + 3].lstrip()) or LABEL_NUMBER.search(own[max(0, a - 8):a]) or _is_day(fig, own, a, b) \
            or _item_number(fig, own, a, b) or STOCK_EXCHANGE.match(own[b:b + 4]) or _marker(own, a, b) \
            or _name_number(fig, own, a, b, names) or _in_code(own, a) \
            or any(x <= a and b <= y for x, y, _ in dated):
        return True  # a year is a period (a chart's "2024: 82.68" too), and so is the length of one
        # ("截至2025年六月三十日止六个月", "six months ended June 30, 2025")
    return not prose and (_ticker_cell(own, a, b, names) or NOTE_CELL.search(own[max(0, a - 12):a]) is not None
                          or MEMORY.match(own[b:b + 5]) is not None)


def _ticker_cell(own: str, a: int, b: int, names: list[vocab.Group]) -> bool:
    """A bare code of four to six digits in brackets right after a name: ``"kairo compute (5591)"``."""
    if not re.fullmatch(r"\d{4,6}", own[a:b]) or not re.match(r"\s*[)）]", own[b:]):
        return False
    lead = re.match(r"(.*?)\s*[(（]\s*$", own[:a])
    return bool(lead) and any(end >= len(lead.group(1)) - 30 for _, end, _ in vocab.find(lead.group(1), names))


def _is_year(fig: Figure, after: str) -> bool:
    """A year, or the month or day of a date ("2025年7月", "3月28日"): a period, not a figure."""
    plain = fig.kind == "num" and not fig.currency and fig.value.is_integer() and not re.search(r"[万亿千百]", fig.text)
    if plain and 1 <= fig.value <= 31 and re.match(r"(?:月|日|号)(?!份额|活|均|度|薪|租|费)", after):
        return True
    if plain and re.fullmatch(r"\d\d", fig.text) and re.match(r"[efa](?![a-z])", after):
        return True  # a broker's year: "27f年增", "25e: 8.1"
    return plain and 1990 <= fig.value <= 2040 and not after.startswith(("亿", "万"))


def _is_day(fig: Figure, own: str, a: int, b: int) -> bool:
    """The day of an English date: ``_is_day(<30>, "ended june 30, 2025", 12, 14) -> True``."""
    plain_day = fig.kind == "num" and not fig.currency and fig.value.is_integer() and 1 <= fig.value <= 31
    return plain_day and bool(DAY_BEFORE.search(own[max(0, a - 12):a]) or DAY_AFTER.match(own, b))


def _name_number(fig: Figure, own: str, a: int, b: int, names: list[vocab.Group]) -> bool:
    """A number of one or two digits right after a Latin name, with no unit after it, is the
    name's own (a site's "Acme 2", a campus's second phase), no figure:
    ``_name_number(<2>, "lease for acme 2 until", 14, 15, <acme>) -> True``."""
    if fig.kind != "num" or fig.currency or not re.fullmatch(r"\d{1,2}", own[a:b]) or own[a - 1:a] != " " \
            or re.match(r"[.,]\d", own[b:b + 2]) or quantity(fig, own[b:b + 16]) != "num":
        return False
    lead = own[max(0, a - 61):a - 1]  # (a name is shorter than 60 characters: only the tail is read)
    return bool(re.search(r"[a-z]$", lead)) and any(end == len(lead) for _, end, _ in vocab.find(lead, names))


def _in_code(own: str, a: int) -> bool:
    """A number after a hyphen inside a product or model code ("zq7-4b", "rx3-12") is part of the
    code, not a figure: read alone its "4b" would be four billion.
    ``_in_code("the zq7-4b model", 8) -> True``; ``_in_code("grew 10-12%", 8) -> False``"""
    return re.search(r"[a-z]+\d+-$", own[max(0, a - 12):a]) is not None


def _marker(own: str, a: int, b: int) -> bool:
    """A footnote's or an enumeration's number in brackets, no figure: "margin(1): 54%",
    "方面：（1）2024年度"; a bracketed negative ("Net loss (45)", "$(134.3)") stands after a space
    or a currency sign, unless a label's end follows it ("tax fees (3); 2026: $9,000").
    ``_marker("ebitda margin(1): 54%", 14, 15) -> True``."""
    if not re.fullmatch(r"\d{1,2}", own[a:b]):
        return False
    # ("tax fees (2): $52,000": after a space too, when a cell's or a label's end follows)
    return bool(re.search(r"[a-z\u4e00-\u9fff:：;；,，。)）][(（]$", own[max(0, a - 2):a]) and re.match(r"[)）](?!\s*%)", own[b:b + 3])
                or re.search(r"[a-z\u4e00-\u9fff] [(（]$", own[max(0, a - 3):a]) and re.match(r"[)）]\s*(?:[:：;；|]|$)", own[b:b + 4]))


def _item_number(fig: Figure, own: str, a: int, b: int) -> bool:
    """A list item's number, no figure: "12.期末总负债…" opens with one, and "5.1月1日累计…" is item 5
    before a date (no month is a decimal). ``_item_number(<5.1>, "5.1月1日累计", 0, 3) -> True``"""
    return bool(ITEM_BEFORE_DATE.fullmatch(fig.text) and own.startswith("月", b) or
                ITEM_NUMBER.match(own, b) and not own[:a].strip())
