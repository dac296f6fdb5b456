"""The period a periodic report covers, read from its cover ("2025年半年度报告", "Annual Report
2025"), and table columns named only relative to it ("本期金额", "上年同期") or to a year their
caption gives ("第一季度" under "2025年分季度主要财务数据"), named by their periods."""

from __future__ import annotations

import re
from functools import lru_cache

from gpumkt.lang.periods import CN_DIGITS, periods, western_years
from gpumkt.lang.text import normalise

# A column of this or the last reporting period, as a filing's statements head them: "本期金额", "上年同期金额", "本期期末数".
RELATIVE_CELL = re.compile(r"^(本期|本年|本报告期|上期|上年同期|上年|上年度)(?:期末|期初|末)?(?:金额|数|发生额|余额)?(?:[（(][^）)]*[）)])?$")
# The period a periodic report covers, from its cover or running header: "2025年年度报告", "Annual
# Report 2025" (the year), "2025年半年度报告", "Interim Report 2025" (the first half), "2025年第三季度报告".
REPORT_PERIODS = (
    # (a year's sustainability or ESG report too: "2025年永续报告书", "Sustainability Report 2025")
    (re.compile(r"(?i)((?:19|20)\d\d)\s*年\s*(?:年度|永续|可持续发展|社会责任|esg\s*)(?:[报報]告|[业業][绩績]公告)|"
                r"((?:19|20)\d\d)\s+(?:annual|sustainability|esg) report|(?:annual|sustainability|esg) report\s+((?:19|20)\d\d)"), ""),
    # (a Hong Kong issuer's "二零二五年中期業績公告", its years in Western digits by then)
    (re.compile(r"(?i)((?:19|20)\d\d)\s*年\s*(?:半年度|中期)(?:[报報]告|[业業][绩績]公告)|((?:19|20)\d\d)\s+(?:interim|half-year|semi-annual) "
                r"report|(?:interim|half-year|semi-annual) report\s+((?:19|20)\d\d)"), "h1"),
    # (a Taiwan board's "通過114年第三季合併財務報告": the quarter's consolidated financial report)
    (re.compile(r"((?:19|20)\d\d)\s*年\s*第?一季度?(?:合并)?(?:财务)?报告()()"), "q1"),
    (re.compile(r"((?:19|20)\d\d)\s*年\s*第?三季度?(?:合并)?(?:财务)?报告()()"), "q3"),
) + tuple(
    # a quarter's letter or update to investors: "Second Quarter 2026 Letter to Investors",
    # "Q2 2025 Shareholder Update" (a results release's quarter is its heading's, and may be fiscal)
    (re.compile(rf"(?i)(?:\b{word}\s+quarter|\bq{n})\s+((?:19|20)\d\d)\s+(?:(?:shareholder|investor|partner)s?'?\s+)?"
                r"(?:letter|update|commentary|review)()()"), f"q{n}")
    for n, word in ((1, "first"), (2, "second"), (3, "third"), (4, "fourth")))
PART_WORDS = {"h1": ("上半年", "6月30日"), "q1": ("第一季度", "3月31日"), "q2": ("第二季度", "6月30日"),
              "q3": ("第三季度", "9月30日"), "q4": ("第四季度", "12月31日")}


CN_YEAR = re.compile(r"(?<![〇○零一二三四五六七八九十])[一二][〇○零一二三四五六七八九]{3}(?=\s*年)")  # 二零二五年


@lru_cache(maxsize=64)
def report_year(text: str) -> str:
    """The period a report covers, named near its start: ``report_year("星衡算力 2025年年度报告（摘录）")``
    -> "2025"; ``report_year("甲乙算力2025年半年度报告")`` -> "2025h1"; "" when it names none."""
    head = CN_YEAR.sub(lambda m: "".join(CN_DIGITS[c] for c in m.group(0)), text[:3000])
    head = western_years(normalise(head))[0]  # (Taiwan years, "114年", as Western ones)
    found = [(m.start(), next(g for g in m.groups() if g) + part)
             for pattern, part in REPORT_PERIODS if (m := pattern.search(head))]
    return min(found)[1] if found else ""


def with_years(headers: list[str], period: str) -> list[str]:
    """Columns of this / last reporting period named by their periods, once the report's is
    known: ``with_years(["科目", "本期金额", "上年同期金额"], "2025")`` -> ["科目", "本期金额（2025年）",
    "上年同期金额（2024年）"]``; of a half-year report (``"2025h1"``), "本报告期" is "2025年上半年",
    "本报告期末" "2025年6月30日" and "上年度末" "2024年末"; unchanged without a period."""
    if not period:
        return headers
    out = []
    for h in headers:
        m = RELATIVE_CELL.match(h)
        out.append(f"{h}（{_relative(m.group(1), '末' in h, period)}）" if m else h)
    return out


def _relative(which: str, at_end: bool, period: str) -> str:
    """``_relative("上年同期", False, "2025h1")`` -> "2024年上半年"; ``_relative("上年度", True,
    "2025h1")`` -> "2024年末"; ``_relative("本期", False, "2025")`` -> "2025年"."""
    year, part = int(period[:4]), period[4:]
    last = which.startswith("上")
    if not part:
        return f"{year - last}年"
    if last and which in ("上年", "上年度"):
        return f"{year - 1}年末" if at_end else f"{year - 1}年"
    span, end = PART_WORDS[part]
    return f"{year - last}年{end if at_end else span}"


def with_year(headers: list[str], caption: str) -> list[str]:
    """Quarter or half columns with no year take the one year their caption names:
    ``with_year(["第一季度", "第二季度"], "2025年分季度主要财务数据")`` -> ["2025年第一季度", "2025年第二季度"]."""
    years = set(re.findall(r"((?:19|20)\d\d)\s*年", caption))
    if len(years) != 1:
        return headers
    year = years.pop()
    return [f"{year}年{h}" if re.fullmatch(r"[qh][1-4]", (periods(h.lower()) or ["-"])[0]) else h for h in headers]
