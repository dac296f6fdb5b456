"""Tables flattened into lines when a PDF became text: a header line of periods, then lines of a
label followed by figures. Columns are runs of spaces, or single spaces when the extractor kept
only one ("2023A 2024A 2025E" over "营业收入 1,915 5,260").
"""

from __future__ import annotations

import re

from gpumkt.ingest.page_columns import display_width, line_pieces
from gpumkt.lang import vocab
from gpumkt.ingest.report_periods import RELATIVE_CELL
from gpumkt.lang.periods import periods
from gpumkt.lang.text import normalise

COLUMNS = re.compile(r"\s{2,}|\u3000")  # a full-width space is two columns wide
DATE_CELL = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
# A line over the dates saying how long each column's period is: "Three Months Ended    Six Months Ended".
SPAN_CELL = re.compile(r"(?i)^(?:(?:three|six|nine|twelve|3|6|9|12)\s+months|quarter|year|fiscal year)s?\s+ended"
                       r"(?:\s+[a-z]+\.?\s+\d{1,2},?)?$")
# ... and in Chinese, the day each column's year ends on: "截至十二月三十一日止年度", "截至六月三十日止六個月"
CN_SPAN_CELL = re.compile(r"^截至\s*[一二三四五六七八九十\d]{1,3}\s*月\s*[一二三四五六七八九十\d]{1,3}\s*[日号號]\s*(?:止\S{1,6})?$")
YEAR_CELL = re.compile(r"^(?:19|20)\d\d\s*年?$")
# A unit line between the header and the rows: "(In millions, except percentages)", "单位：亿元".
UNIT_LINE = re.compile(r"(?i)^[(（][^()（）]{1,60}[)）]$|^(?:单位|單位)\s*[:：]|^(?:\$\s*)?in (?:thousands|millions|billions)\b")
# A column of a period: a quarter, a half, a year, a date, or one named relative to the report's.
PERIOD_CELL = re.compile(r"(?i)^(?:q[1-4]|[1-4]q|h[12]|[12]h|fy|fiscal|20\d\d|19\d\d|y/y|q/q|yoy|qoq|change|"
                         r"\d{4}年|(?:民[國国]\s*)?1[0-3]\d年|第?[一二三四]季度|" + DATE_CELL + "|" + RELATIVE_CELL.pattern[1:-1] + "$)")
# A column of change beside the periods: "同比", "Y/Y", "CAGR", "%", "本年比上年增减(%)", "同比增减(%)".
CHANGE_CELL = re.compile(r"(?i)^(?:同比|环比|同比增速|同比增长|增速|变动|y/y|q/q|yoy|qoq|change|cagr|%|%\s*change|chg\.?|"
                         r"[年季月]增率?)$|"
                         r"^[\u4e00-\u9fff]{0,16}(?:增减|变动比例|变动幅度|增幅)\s*(?:[(（][%％][)）])?$")
# One quarter or half written in two words ("Q3 FY25", "H1 2025") is one column.
PART_OF_YEAR = re.compile(r"(?i)^(?:q[1-4]|h[12]|fy)$")  # ("FY 2025" too)
YEAR_WORD = re.compile(r"(?i)^(?:fy)?'?(?:\d\d|(?:19|20)\d\d)[ae]?$")
# A cell of a flattened row: a figure ("$1,213", "(45)", "12%", ">8,700", "20,000-23,000", "3x")
# or an empty mark ("--", "n/a").
FIGURE_CELL = re.compile(r"(?i)^[<>≈~约]?[(（]?[-+−]?[$¥€£]?\d[\d,]*(?:\.\d+)?[)）]?%?"
                         r"(?:[-–~至][$]?\d[\d,]*(?:\.\d+)?%?)?(?:x|倍|\+|bn|mn|m|b)?$|^(?:--|-|—|–|n/?a|nm)$")
# A row that gives only the change of the row above it ("同比增速" under "营业收入").
CHANGE_ROW = re.compile(r"(?i)^(?:同比|环比)?(?:增速|增长率?|变动)?$|^(?:年增|季增|年成長|年成长)率?$|^(?:y/y|q/q|yoy|qoq|%\s*change|growth)\b")
EMPTY_CELL = re.compile(r"(?i)^(?:--|-|—|–|n/?a|nm)$")


def header_cells(line: str) -> list[str]:
    """The columns of a header line of periods, [] when the line is none.

    ``header_cells("Q2 2025   Q1 2025   Y/Y") -> ["Q2 2025", "Q1 2025", "Y/Y"]``;
    ``header_cells("2Q24A 2Q25A 同比") -> ["2Q24A", "2Q25A", "同比"]``;
    ``header_cells("Q3 FY25 Q2 FY25 Y/Y") -> ["Q3 FY25", "Q2 FY25", "Y/Y"]``
    """
    cells = [c for c in COLUMNS.split(line.strip()) if c]
    if len(cells) >= 2:
        return cells if sum(bool(PERIOD_CELL.match(c)) for c in cells) >= 2 else []
    cells = _joined_periods(line.split())
    periods = [c for c in cells if PERIOD_CELL.match(c) and not CHANGE_CELL.match(c)]
    # With single spaces a prose line could pass: every column after the first must be a period
    # or a change, and two must be periods.
    if len(periods) < 2 or not all(PERIOD_CELL.match(c) or CHANGE_CELL.match(c) for c in cells[1:]):
        return []
    return cells


def metric_header(line: str) -> list[str]:
    """The columns of a header line of measures, over rows that are periods (a monthly-revenue
    table); [] when the line is none.

    ``metric_header("2025年   月營收   月增率   年增率") -> ["2025年", "月營收", "月增率", "年增率"]``
    """
    cells = [c for c in COLUMNS.split(line.strip()) if c]
    named = [c for c in cells[1:] if CHANGE_CELL.match(c) or vocab.find(normalise(c), vocab.metrics())]
    if len(cells) < 3 or len(named) < len(cells) - 2 or len(named) < 2 or any(PERIOD_CELL.match(c) for c in cells[1:]):
        return []
    return cells


# A header line indented this far stands over figure columns, the labels' column left blank
BLANK_LABEL = 16
UNIT_WORDS = re.compile(r"(?i)元|[（(]|\$|thousands?|millions?|billions?")


def column_header(line: str, below: str = "") -> list[str]:
    """The columns of a header line of names over rows of a label and values (a list of sites with
    their province, year, load and capacity); [] when the line is none: short cells with no digit,
    three or more with a unit in brackets in one of them, or (``below``: the next line) indented
    over a row with a figure under each.

    ``column_header("站點    所在地    IT負載（MW）    算力（PFLOPS）") -> ["站點", "所在地", "IT負載（MW）", "算力（PFLOPS）"]``;
    ``column_header(" " * 30 + "New    Old", "Revenue ($m)    1,210    1,180") -> ["", "New", "Old"]``
    (the labels' column first, named or not)
    """
    cells = [c for c in COLUMNS.split(line.strip()) if c]
    if len(cells) < 2 or re.search(r"\d", line) or any(len(c) > 16 or PERIOD_CELL.match(c) for c in cells):
        return []
    # or two or more over as many figures of the row below, the labels' column left blank
    # (a line of units or of audit notes over the columns, "人民幣千元  人民幣千元", "（未經審核）", names none)
    over_labels = len(line) - len(line.lstrip(" ")) >= BLANK_LABEL and len(row_cells(below)) == len(cells) + 1 \
        and not any(UNIT_WORDS.search(c) for c in cells)
    if over_labels:
        return [""] + cells
    return cells if len(cells) >= 3 and any(re.search(r"[（(][^（）()]+[)）]", c) for c in cells) else []


def stacked_header(top: str, cells: list[str], bottom: str = "") -> list[str]:
    """Header cells whose longer names wrap onto the line above and the line below, as a word
    processor prints cells set in the middle of their rows; page positions cannot pair the pieces
    (a converter spaces Chinese unevenly), a bracket can: the pieces of ``top`` go, in order, before
    the cells a bracket leaves open or closes, those of ``bottom`` after the cells still open;
    [] when they do not pair up.

    ``stacked_header("    总投资（亿    年综合能源消费", ["序号", "元）", "量（吨"], "标准煤）")`` ->
    ["序号", "总投资（亿元）", "年综合能源消费量（吨标准煤）"]
    """
    tops = [p for _, p in line_pieces(top)]
    indented = len(top) - len(top.lstrip()) >= 4 or len(tops) >= 2
    if not tops or not indented or re.search(r"\d", top) or span_line(top):
        return []
    open_cells = [k for k, c in enumerate(cells) if _bracket_balance(c)]
    if len(open_cells) != len(tops):
        return []
    out = list(cells)
    for k, piece in zip(open_cells, tops):
        out[k] = piece + out[k]
    bottoms = [p for _, p in line_pieces(bottom)]
    still_open = [k for k, c in enumerate(out) if _bracket_balance(c) > 0]
    if bottoms and len(bottoms) == len(still_open):
        for k, piece in zip(still_open, bottoms):
            out[k] += piece
    return out


def _bracket_balance(cell: str) -> int:
    return len(re.findall(r"[（(]", cell)) - len(re.findall(r"[）)]", cell))


# A column numbering the rows ("序号", "No."): the row's label is the cell after it
SERIAL_HEADER = re.compile(r"(?i)序号|序號|编号|編號|no\.?|#")


def dated_row(label: str, headers: list[str]) -> str:
    """A period row's label with the year its table states once (in the header's first cell):
    ``dated_row("9月", ["2025年", "月營收"]) -> "2025年9月"``; a label with a year stays."""
    year = re.search(r"(?:19|20)\d\d", headers[0]) if headers else None
    if not year or re.search(r"(?:19|20)\d\d|'\d\d|\d[qh]\d\d", label):
        return label
    return f"{year.group(0)}年{label}" if re.search(r"[\u4e00-\u9fff]", label) else f"{label} {year.group(0)}"


def restated_header(line: str) -> list[str]:
    """The cells of a header line met again inside a table, all periods or changes ("2025年末  2024年末
    本年末比上年末增减(%)": the columns change mid-table); [] when the line is none.

    ``restated_header("2025年末   2024年末   增减(%)") -> ["2025年末", "2024年末", "增减(%)"]``
    """
    cells = header_cells(line)
    return cells if cells and all(PERIOD_CELL.match(c) or CHANGE_CELL.match(c) for c in cells) else []


def row_cells(line: str) -> list[str]:
    """A label and its figures, [] when the line is no row of a flattened table.

    ``row_cells("Revenue     $1,213    $982") -> ["Revenue", "$1,213", "$982"]``;
    ``row_cells("利息支出 67 267 --") -> ["利息支出", "67", "267", "--"]``;
    ``row_cells("Adjusted EBITDA $ 753 12 %") -> ["Adjusted EBITDA", "$753", "12%"]``;
    ``row_cells("Revenue    $  1,213  $  395") -> ["Revenue", "$1,213", "$395"]``
    """
    cells = _unglued(_joined_signs([c for c in COLUMNS.split(line.strip()) if c]))
    if len(cells) >= 3:
        return cells if sum(bool(re.search(r"\d", c)) for c in cells[1:]) >= 2 else []
    tokens = _joined_signs(line.split())
    k = 0
    while k < len(tokens) - 1 and FIGURE_CELL.match(tokens[-1 - k]):
        k += 1
    label = " ".join(tokens[:len(tokens) - k])
    figures = [t for t in tokens[len(tokens) - k:] if not EMPTY_CELL.match(t)]
    if k < 2 or not figures or not re.search(r"[A-Za-z\u4e00-\u9fff]", label) or label[-1] in "。.!?；;":
        return []
    return [label] + tokens[len(tokens) - k:]


def figures_only(line: str) -> list[str]:
    """A line of two or more figures and nothing else: the cells of a row whose label stands on the
    line above, as a filing saved as text lays a table out ("Revenue" over "101.5 120.3 354.8");
    [] when the line is none.

    ``figures_only("101.5 120.3 (3.5) 41.2%") -> ["101.5", "120.3", "(3.5)", "41.2%"]``;
    ``figures_only("2024 revenue 101.5 120.3") -> []``
    """
    tokens = _joined_signs(line.split())
    return tokens if len(tokens) >= 2 and all(FIGURE_CELL.match(t) for t in tokens) and \
        any(not EMPTY_CELL.match(t) for t in tokens) else []


# A row's label on a line of its own: words, perhaps a unit or a note in brackets, no sentence
LABEL_LINE = re.compile(r"^[A-Za-z\u4e00-\u9fff][^|｜。!?！？；;]{0,79}$")


def label_over(line: str, below: str) -> bool:
    """``line`` is a row's label, its figures alone on the line ``below``:
    ``label_over("Power in service at period end (MW)", "40 52 61") -> True``."""
    line = line.strip()
    return bool(LABEL_LINE.match(line)) and not line.endswith(".") and not row_cells(line) and bool(figures_only(below))


def span_line(line: str) -> bool:
    """A line of period lengths over a table's dates, however wide a laid-out PDF pads it apart:
    ``span_line("Three Months Ended" + " " * 40 + "Six Months Ended") -> True``."""
    cells = [c for c in COLUMNS.split(line.strip()) if c]
    return bool(cells) and all(SPAN_CELL.match(c) or CN_SPAN_CELL.match(c) for c in cells)


def spanned(headers: list[str], above: str, header_line: str = "") -> list[str]:
    """Date or year headers under a line of period lengths, each with its own length, in order.

    ``spanned(["Jun 30, 2025", "Jun 30, 2025"], "Three Months Ended   Six Months Ended")
    -> ["Three Months Ended Jun 30, 2025", "Six Months Ended Jun 30, 2025"]``;
    ``spanned(["2023年", "2024年", "2024年", "2025年"], "截至十二月三十一日止年度  截至六月三十日止六個月")
    -> ["截至2023年十二月三十一日止年度", "截至2024年十二月三十一日止年度", "截至2024年六月三十日止六個月",
    "截至2025年六月三十日止六個月"]`` (a year met again starts the next span's columns)
    """
    spans = [c for c in COLUMNS.split(above.strip()) if c]
    dated = [k for k, h in enumerate(headers) if re.match(r"(?i)" + DATE_CELL, h) or YEAR_CELL.match(h)]
    if not dated or not span_line(above):
        return headers
    owner = _span_owners([headers[k] for k in dated], spans, above, header_line)
    if not owner:
        return headers
    out = list(headers)
    for n, k in enumerate(dated):
        span, head = spans[owner[n]], headers[k]
        out[k] = f"截至{head.strip()}{span[2:]}" if CN_SPAN_CELL.match(span) and YEAR_CELL.match(head) else \
            f"{span} {head}"
    return out


def _span_owners(dated: list[str], spans: list[str], above: str, header_line: str) -> list[int]:
    """Which span each dated column stands under: where the years' order breaks ("2022 2023 2024 |
    2024 2025", "2025 2024 | 2025 2024"), else by where each span starts on the page (a span
    title is written from its first column), else in equal shares; [] when none tells."""
    years = [int(m.group(0)) for h in dated if (m := re.search(r"(?:19|20)\d\d", h))]
    if len(years) == len(dated) and len(years) > 1:
        step = years[1] - years[0]
        runs = [0]
        for a, b in zip(years, years[1:]):
            runs.append(runs[-1] + (not step or (b - a) * step <= 0))
        if runs[-1] + 1 == len(spans):
            return runs
    starts = [at for at, _ in line_pieces(above)]
    ends = [at + display_width(text) for at, text in line_pieces(header_line)][-len(dated):] if header_line else []
    if len(starts) == len(spans) and len(ends) == len(dated):
        owner = [max([0] + [j for j, at in enumerate(starts) if at <= end]) for end in ends]
        if len(set(owner)) == len(spans):
            return owner
    if len(dated) % len(spans):
        return []
    return [n // (len(dated) // len(spans)) for n in range(len(dated))]


def figure_pairs(headers: list[str], row: list[str]) -> str:
    """A row's figures under their column headers, aligned to the right (the label column has
    no header); empty cells are left out. A change column comes last, under the latest period it
    measures, so no period's figure reads as a change and the change reads as that period's; the
    period follows the change's own header, so a year never stands before its "%" ("2025 % Change").

    ``figure_pairs(["2023A", "2024A"], ["营收", "--", "19.15"]) -> "营收 | 2024A: 19.15"``;
    ``figure_pairs(["2025年", "增减(%)", "2024年"], ["营收", "38", "12", "34"])``
    -> ``"营收 | 2025年: 38; 2024年: 34; 增减(%) (2025年): 12"``
    """
    cells = [(h, c) for h, c in zip(headers[-(len(row) - 1):], row[1:]) if not EMPTY_CELL.match(c)]
    changes = [(h, c) for h, c in cells if CHANGE_CELL.match(h)]
    dated = [(keys[0], h) for h in headers if not CHANGE_CELL.match(h) and (keys := periods(h.lower()))]
    latest = max(dated)[1] if changes and dated else ""
    pairs = [f"{h}: {c}" for h, c in cells if not CHANGE_CELL.match(h)] + \
        [f"{h} ({latest}): {c}" if latest and latest not in h else f"{h}: {c}" for h, c in changes]
    return f"{row[0]} | " + "; ".join(pairs)


def wrapped_header(header_line: str, line: str) -> str:
    """A header line with the words wrapped onto the line under it put back in their columns (by
    where each piece starts on the page, a Chinese character two columns wide):
    ``wrapped_header("x  本期占总  上期", "     资产比例")`` -> "x   本期占总资产比例   上期"."""
    heads, extra = line_pieces(header_line), {}
    for at, piece in line_pieces(line):
        if re.search(r"\d", piece) or UNIT_LINE.match(piece):
            continue  # "（1-3月份）" under "第一季度" says nothing more, and its digits would read as figures;
            # a unit line "（人民幣千元）" is the table's, not a column's
        k = min(range(len(heads)), key=lambda j: abs(heads[j][0] - at))
        extra[k] = extra.get(k, "") + piece
    return "   ".join(text + extra.get(k, "") for k, (_, text) in enumerate(heads))


# A column's note after its period: "Q2 2024 (prelim.)", "FY 2027 (est.)", "2024 (unaudited)"
NOTE_TOKEN = re.compile(r"(?i)^\([a-z.]{1,12}\)$")


def _joined_periods(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for t in tokens:
        if out and (PART_OF_YEAR.match(out[-1]) and YEAR_WORD.match(t) or NOTE_TOKEN.match(t) and PERIOD_CELL.match(out[-1])):
            out[-1] = f"{out[-1]} {t}"
        else:
            out.append(t)
    return out


GLUED = re.compile(r"[（(][^（）()]*\d[^（）()]*[）)]")


# A label run into its first figure by the extractor ("用水量（百萬公升）61,200"), and a note's
# mark after a figure ("70,100（註2）"): the figure is a cell of its own, the mark none.
GLUED_LABEL = re.compile(r"^(.*[）)])([-+]?\d[\d,]*(?:\.\d+)?%?)$")
# A label run into a row of bracketed figures with no space anywhere ("購置設備（3,407）（5,812）")
GLUED_BRACKETS = re.compile(r"^(.*[^\d,.\s（）()])((?:[（(][-+]?\d[\d,]*(?:\.\d+)?%?[）)]){2,})$")
NOTE_MARK = re.compile(r"(?i)(?<=\d)\s*[（(](?:註|注|note)\s*\d{1,2}[)）](?=\s|$)")


def _unglued(cells: list[str]) -> list[str]:
    """Bracketed figures run together with no space are cells of their own:
    ``_unglued(["成本", "（855,189）（1,843,725）"]) -> ["成本", "（855,189）", "（1,843,725）"]``;
    ``_unglued(["用水（百萬公升）61,200", "70,100（註2） 75,400"]) -> ["用水（百萬公升）", "61,200", "70,100", "75,400"]``;
    ``_unglued(["購置設備（3,407）（5,812）"]) -> ["購置設備", "（3,407）", "（5,812）"]``."""
    glued = (GLUED_LABEL.match(cells[0]) or GLUED_BRACKETS.match(cells[0])) if cells else None
    cells = ([glued.group(1), glued.group(2)] + cells[1:]) if glued else cells
    cells = [NOTE_MARK.sub("", c) for c in cells]
    out: list[str] = []
    for k, c in enumerate(cells):  # (after a label: a line of figures alone is read as such by the caller)
        if k and len(c.split()) > 1 and all(FIGURE_CELL.match(t) and re.search(r"\d", t) for t in c.split()):
            out += c.split()  # two figures one space apart: two columns
            continue
        parts = GLUED.findall(c)
        out += parts if len(parts) > 1 and "".join(parts) == c else [c]
    return out


def sub_headers(headers: list[str], line: str) -> list[str]:
    """Period headers each over the same few measures on the line under them ("2022年  2023年" over
    "金額  佔比  金額  佔比"): one header per column, the period with its measure; [] when the
    line is no such row.

    ``sub_headers(["2022年", "2023年"], "  金額  佔比  金額  佔比")``
    -> ["2022年 金額", "2022年 佔比", "2023年 金額", "2023年 佔比"]
    """
    subs = [c for c in COLUMNS.split(line.strip()) if c]
    dated = [h for h in headers if periods(normalise(h))]
    width = len(subs) // len(dated) if dated else 0
    if width < 2 or len(subs) != width * len(dated) or re.search(r"\d", line) or \
            any(subs[k] != subs[k % width] for k in range(len(subs))):
        return []
    return [h for h in headers if h not in dated] + [f"{h} {s}" for h in dated for s in subs[:width]]


def _joined_signs(tokens: list[str]) -> list[str]:
    """A lone "%" joins the figure before it, a lone "$" the figure after it."""
    out: list[str] = []
    for t in tokens:
        if t == "%" and out:
            out[-1] += t
        elif out and out[-1] in ("$", "US$"):
            out[-1] += t
        else:
            out.append(t)
    return out
