"""An HTML table as the Markdown table the chunker reads.

Financial tables saved from filings and investor pages lay one figure over several cells: a
header cell spans the columns it heads (``colspan``), the header is several rows (the span, the
years, the currency), the currency sign and a closing bracket or ``%`` sit in cells of their own,
spacer cells part the columns, and the unit is a row of its own ("(in thousands of RMB)"). Read
cell by cell, the years no longer stand over their figures. Here each header cell heads every
column it spans, the header rows become one header row, signs rejoin their figures, columns that
hold nothing below the header are dropped, and a unit row is set as a line above the table.
"""

from __future__ import annotations

import re

Cell = tuple[str, int]  # a cell's text and the columns it spans

# (a figure may carry its scale and unit in its cell: "$2,048.3 million", "$(80.4) million", "75 MW", "3.2亿元")
FIGURE = re.compile(r"(?i)^[(（]?[-–—]?(?:US\$|HK\$|NT\$|RMB|\$|¥)?\s*[(（]?\d[\d,.]*\s*[)）]?\s*%?"
                    r"(?:\s*(?:million|billion|trillion|thousand|mn|bn|[亿万千]))?(?:\s*(?:mw|gw|kw|元|美元|港元))?$|^[—–-]$")
CURRENCY_ONLY = re.compile(r"^(?:US\$|HK\$|NT\$|RMB|Rmb|\$|¥|€|£|人民币|人民幣)$")
CLOSING_ONLY = re.compile(r"^[)）%]+$")
UNIT_ROW = re.compile(r"(?i)^[(（]?\s*(?:(?:amounts |figures |all amounts )?in (?:thousands|millions|billions|"
                      r"(?:rmb|us\$|usd|\$|hk\$|nt\$)\b)|单位|單位)")


def markdown(rows: list[list[Cell]], heads: list[bool] | None = None) -> str:
    """``markdown([[("", 1), ("Year ended December 31,", 2)], [("", 1), ("2024", 1), ("2025", 1)],
    [("(in thousands)", 3)], [("Revenue", 1), ("$", 1), ("1,200", 1)]])`` ->
    "(in thousands)\\n|  | Year ended December 31, 2025 |\\n| --- | --- |\\n| Revenue | $1,200 |"
    (the sign's own cell, under 2024, holds nothing once the sign rejoins its figure: dropped).
    ``heads`` says which rows the page marks as header cells (``<th>``)."""
    kept = [(r, h) for r, h in zip(rows, heads or [False] * len(rows)) if any(t for t, _ in r)]
    if not kept:
        return ""
    width = max(len(r) for r, _ in kept)
    singles = [_single(_spread(r)) for r, _ in kept]  # a unit row holds one text only
    units = [t for t in singles if UNIT_ROW.match(t)]
    kept = [(r, h) for (r, h), t in zip(kept, singles) if not UNIT_ROW.match(t)]
    grid = [_spread(r) + [("", False)] * (width - len(_spread(r))) for r, _ in kept]
    first = min(next((i for i, r in enumerate(grid) if _is_body(r)), len(grid)), _marked_head(grid, [h for _, h in kept]))
    marks = [""] * width  # a column's currency or "%", said once in the header, given to each figure
    if first == 0 or first == len(grid):  # no header rows above figures: the first row heads it
        head, body = [t for t, _ in grid[0]], grid[1:]
    else:
        head, marks = _header(grid[:first]), _marks(grid[:first])
        body = grid[first:]
    cells = [_marked(_rejoined([t if origin else "" for t, origin in r]), marks) for r in body]
    keep = [j for j in range(width) if j == 0 or any(r[j] for r in cells) or not cells]
    table = table_md([[head[j] for j in keep]] + [[r[j] for j in keep] for r in cells])
    return "\n".join(units + [table])


def _marked_head(grid: list[list[tuple[str, bool]]], heads: list[bool]) -> int:
    """Where the header the page marks (``<th>`` rows on top) ends, when the row after it is a
    label and its value: a parameter table's "Method | Discounted cash flow" row holds no figure
    yet is no header. ``len(grid)`` when the page marks none or the row after opens with no label."""
    k = heads.index(False) if heads and heads[0] and not all(heads) else len(grid)
    return k if k < len(grid) and grid[k][0][0] and any(t for t, origin in grid[k][1:] if origin) else len(grid)


def _spread(row: list[Cell]) -> list[tuple[str, bool]]:
    """Each cell over every column it spans, marked as its origin in the first only."""
    out = []
    for text, span in row:
        out += [(text, True)] + [(text, False)] * (max(1, span) - 1)
    return out


def _single(row: list[tuple[str, bool]]) -> str:
    """The text of a row that holds one text only (a spanning title or unit row), else ""."""
    texts = {t for t, _ in row if t}
    return texts.pop() if len(texts) == 1 else ""


def _is_body(row: list[tuple[str, bool]]) -> bool:
    """A row of a label and figures: ``Revenues | RMB | 1,902,833 | …``."""
    label, rest = row[0][0], [t for t, origin in row[1:] if origin and t]
    return bool(re.search(r"[^\W\d_]", label)) and any(FIGURE.match(t) and re.search(r"\d", t) for t in rest)


def _header(rows: list[list[tuple[str, bool]]]) -> list[str]:
    """One header cell per column: the texts over it, top down, less a currency or "%" (``_marks``
    gives those to the figures); a bare "%" column is the share beside the column to its left.

    ``_header([[("", True), ("Year ended", True), ("Year ended", False)], [("", True), ("2024", True),
    ("%", True)]])`` -> ``["", "Year ended 2024", "Year ended 2024"]``
    """
    out = []
    for j in range(len(rows[0])):
        own = [r[j][0] for r in rows if r[j][0] and not _mark(r[j][0])]
        lowest = next((r[j][0] for r in reversed(rows) if r[j][0]), "")
        out.append(out[-1] if lowest == "%" and out else " ".join(dict.fromkeys(own)))
    return out


def _mark(text: str) -> bool:
    return bool(CURRENCY_ONLY.match(text)) or text == "%"


def _marks(rows: list[list[tuple[str, bool]]]) -> list[str]:
    """Per column, the currency or "%" a header row sets over it ("RMB  RMB  US$", "2024  %")."""
    return [next((r[j][0] for r in reversed(rows) if _mark(r[j][0])), "") for j in range(len(rows[0]))]


def _marked(cells: list[str], marks: list[str]) -> list[str]:
    """Each figure with its column's currency before it or "%" after it, unless it has its own:
    ``_marked(["Revenues", "1,902", "67.6"], ["", "RMB", "%"])`` -> ``["Revenues", "RMB1,902", "67.6%"]``"""
    out = list(cells)
    for j, (cell, mark) in enumerate(zip(cells, marks)):
        if not j or not mark or not re.search(r"\d", cell):
            continue
        if mark == "%":
            out[j] = cell if cell.endswith("%") else cell + "%"
        elif not re.search(r"[^\d\s,.()（）%—–-]", cell):
            out[j] = mark + cell
    return out


def _rejoined(cells: list[str]) -> list[str]:
    """A currency sign in a cell of its own joins the figure after it, a closing bracket or "%"
    the figure before it: ``_rejoined(["Net loss", "RMB", "(630,663", ")"])`` ->
    ``["Net loss", "", "RMB(630,663)", ""]``."""
    cells = list(cells)
    for j in range(1, len(cells)):
        if CURRENCY_ONLY.match(cells[j]):
            nxt = next((k for k in range(j + 1, len(cells)) if cells[k]), None)
            if nxt is not None and re.search(r"\d", cells[nxt]):
                cells[nxt], cells[j] = cells[j] + cells[nxt], ""
        elif CLOSING_ONLY.match(cells[j]):
            before = next((k for k in range(j - 1, 0, -1) if cells[k]), None)
            if before is not None:
                cells[before], cells[j] = cells[before] + cells[j], ""
    return cells


def table_md(rows: list[list[str]]) -> str:
    """A Markdown table: ``table_md([["年份", "营收"], ["2024", "19亿"]])`` ->
    ``"| 年份 | 营收 |\\n| --- | --- |\\n| 2024 | 19亿 |"``"""
    rows = [[c.replace("|", "/").replace("\n", " ") for c in r] for r in rows if any(c for c in r)]
    if not rows:
        return ""
    rows = _merged_header(rows)
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    lines.insert(1, "| " + " | ".join("---" for _ in rows[0]) + " |")
    return "\n".join(lines)


def _merged_header(rows: list[list[str]]) -> list[list[str]]:
    """A header of two rows, its first cell merged down (Word and HTML repeat a merged cell in
    every row it spans), read as one row: each column is named by both its cells.

    ``_merged_header([["型号", "价格", "价格"], ["型号", "2025Q3", "环比"], ["H20", "7.80", "-6.3%"]])``
    -> ``[["型号", "价格 2025Q3", "价格 环比"], ["H20", "7.80", "-6.3%"]]``
    """
    while len(rows) > 2 and rows[0][0] and rows[1][0] == rows[0][0] and len(rows[1]) == len(rows[0]):
        top, below = rows[0], rows[1]
        rows = [[a if a == b or not b else f"{a} {b}".strip() for a, b in zip(top, below)]] + rows[2:]
    return rows

