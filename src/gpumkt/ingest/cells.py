"""The units of a figure: the words after it that make it a count or a power, and a table's own
unit lines — a caption's scale and currency, a row label's or column header's unit for its cells.
Kept apart from ``facts.py`` because they read the table row, not the sentence.
"""

from __future__ import annotations

import re

from gpumkt.lang.numbers import CURRENCIES
from gpumkt.lang.periods import periods

# The things a figure counts in English, one list for every reading of a count: "8,192 GPUs", a
# maker's name between ("310,000 Acme GPUs"), a "Racks:" header; machines first (a header's)
MACHINES = r"gpus?|cpus?|accelerators?|chips?|cards?|servers?|racks?|cabinets?|nodes?"
COUNTED = MACHINES + r"|clusters?|data cent(?:er|re)s?|customers?|employees?|developers?|users?|households?"
COUNT_UNITS = re.compile(r"\s*(个|家|名|位|台|块|张|座|人|款|颗|片|户|股(?!东|本|价|息|利)|(?:shares|" + COUNTED + r")(?![a-z]))")
POWER_UNITS = re.compile(r"\s*(gw|mw|kw|吉瓦|兆瓦|千瓦|gigawatts?|megawatts?)(?![a-z])")


# A statement's column of note numbers: "收入 | 附註: 3; 2025年: 2,634,218"
NOTE_CELL = re.compile(r"(?i)(?:附注|notes?)\s*:\s*$")


def cell_unit(row: str, scale: float, currency: str) -> tuple[float, str]:
    """A table cell's scale and currency: those its row label or column header names, else the
    table's. ``cell_unit("收入 | 附注: 3; 2025年人民币千元: ", 1.0, "") -> (1000.0, "cny")``"""
    own_scale, own_currency = table_unit(cell_label(row))
    return (own_scale, own_currency or currency) if own_scale != 1.0 else (scale, own_currency or currency)


def cell_label(row: str) -> str:
    """A table cell's row label and its own column header, not the earlier cells' headers:
    ``cell_label("gross margin | gaap: 45%; non-gaap: ") -> "gross margin  non-gaap: "``."""
    label, _, cells = row.partition("|")
    return f"{label} {cells.rsplit(';', 1)[-1]}"


SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9, "百万": 1e6, "十亿": 1e9, "亿": 1e8,
          "万": 1e4, "千": 1e3, "仟": 1e3}


def table_unit(caption: str) -> tuple[float, str]:
    """The unit line of a table or chart title: its scale and, when it names one, its currency.

    ``table_unit("($ in millions, except percentages)") -> (1e6, "usd")``;
    ``table_unit("gpu计算市场规模预测 (十亿美元)") -> (1e9, "usd")``;
    ``table_unit("单位：新台币亿元") -> (1e8, "twd")``; ``table_unit("单位：元  币种：人民币") -> (1.0, "cny")``;
    ``table_unit("2025年港币千元: ") -> (1e3, "hkd")``; ``table_unit("h20按需（元/卡时）") -> (1.0, "cny")``
    """
    caption = caption.lower()
    m = re.search(r"in (thousands|millions|billions)|单位[:：]\s*(?:[^\d\s;；,，]{0,4}?)(百万|十亿|亿|万|千|仟)|"
                  r"[(（]\s*(?:\$|usd|us\$|人民币|rmb|港币|港元|新台币)?\s*(百万|十亿|亿|万|千|仟|thousands|millions|billions)|"
                  # a column header naming its currency and scale with no brackets ("2025年人民币千元")
                  r"(?:人民币|港币|新台币|rmb)\s*(百万|千|仟)元|(千|百万)(?:美元|港元)", caption)
    if not m:  # figures in whole units of a named currency ("单位：元", "币种：人民币"), or a
        # price per something ("按需价格（元/卡时）", "($ per gpu-hour)")
        cur = re.search(r"(?:币种|单位)[:：]\s*(人民币|美元|新台币|元)|"
                        r"[(（]\s*(美元|us\$|\$|人民币|rmb|港元|港币|新台币|元)\s*元?\s*(?:/|每|per\b)", caption)
        return 1.0, CURRENCIES[cur.group(1) or cur.group(2)] if cur else ""
    cur = re.search(r"美元|\$|usd|人民币|rmb|新台币|港元|港币|元", caption[max(0, m.start() - 3):m.start() + 30])
    return SCALES[next(g for g in m.groups() if g)], CURRENCIES[cur.group(0)] if cur else ""


# A unit of time a row label names ("人均培训时长（小时）"): its figures are durations
TIME_UNIT = re.compile(r"(?i)年|个月|月|周|天|日|小时|分钟|years?|months?|weeks?|days?|hours?|minutes?")
UNIT_CELL = re.compile(r"(?:^|[|;])\s*(?:units?|单位)\s*:\s*([^;|]{1,12}?)\s*(?:;|$)")


def unit_named_in_row(row: str) -> str:
    """The unit a table row's label names for its cells, said as if it followed each figure.

    ``unit_named_in_row("active power (mw) | q2 2025: ") -> " mw"``;
    ``unit_named_in_row("毛利率（%） | 2025年: ") -> "%"``;
    ``unit_named_in_row("metric: renewable share; unit: %; fy2025: ") -> "%"``;
    ``unit_named_in_row("毛利率 | 2024年: ") -> "%"``;
    ``unit_named_in_row("average wait (days) | 2025: ") -> " days"``;
    ``unit_named_in_row("甲公司 | 营业总收入: 45.21; 总债务/ebitda: ") -> " 倍"``
    """
    # (a change column's period, "增减(%) (2025年)", "同比(%) (2q25a)", is no unit; an earlier
    # cell's header, "去年同月增减(%): 40.84; 当月累计营收: ", is not this cell's)
    column = UNIT_CELL.search(row)  # a column of units: "metric: renewable share; unit: %; fy2025: "
    cells = row.split(";")
    row = cells[0] if len(cells) == 1 else f"{cells[0]};{cells[-1]}"
    units = [u for u in re.findall(r"[(（]\s*([^()（）]{1,12}?)\s*[)）]", row) if not periods(u)] + \
        ([column.group(1).strip()] if column else [])
    if units and re.fullmatch(r"count|number|#|no\.?|units?|数量|数目", units[-1]):
        return " 个"
    if units and units[-1].lower() in ("x", "倍", "times"):  # "debt-to-ebitda (x)"
        return " 倍"
    if units and units[-1] in ("%", "％"):  # "研发投入占营业收入的比例（%）  5.61": a percentage
        return "%"
    if re.search(r"(?:占比|比例|比率|率|margin|share|比上年?|增减)\s*:\s*$", row.rsplit(";", 1)[-1]):
        return "%"  # a column of shares or rates beside one of amounts ("2024年 金额: 702,148; 2024年 占比: 71.1")
    if units:
        said = POWER_UNITS.match(units[-1]) or COUNT_UNITS.match(units[-1]) or TIME_UNIT.fullmatch(units[-1])
        return f" {units[-1]}" if said else ""
    if MULTIPLE_LABEL.search(row.rsplit(";", 1)[-1].rstrip(": ")):
        return " 倍"  # a column of leverage multiples beside amounts ("营业总收入: 45.21; 总债务/ebitda: 4.40")
    # a row named as a rate or a multiple, under a unit line for the whole table ("单位：亿元、%、倍")
    label = row.partition("|")[0].strip() if "|" in row else ""
    return "%" if RATE_LABEL.search(label) else " 倍" if MULTIPLE_LABEL.search(label) else ""


# (流动比率 and other 比率 are often multiples: left alone)
RATE_LABEL = re.compile(r"(?i)(?:(?<!比)率|比例|占比|比重|\bmargin|(?<!-)\brate)$")  # (a run-rate is an amount)
# a multiple, or one amount over EBITDA or over interest (a leverage or coverage ratio is no amount)
MULTIPLE_LABEL = re.compile(r"(?i)(?:倍数|\bmultiple|(?:[/／]|\bto\b|-to-)\s*(?:adjusted\s+)?ebitda|"
                            r"ebitda\s*(?:[/／]|\bto\b|-to-)\s*(?:利息[\u4e00-\u9fff]{0,3}|interest(?:\s+expense)?))(?:\s*[(（]\s*[x倍]\s*[)）])?$")
