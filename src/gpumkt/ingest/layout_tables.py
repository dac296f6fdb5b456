"""Tables a PDF converter laid out with spaces: a header line of column names (product variants,
"Coverage", "Availability") over rows whose cells start under them, a cell's words wrapped onto
the next lines in the same column. A datasheet's specification table reads like this:

     Specification        X9-4A                X9-8L
                          4-GPU, air-cooled    8-GPU, liquid-cooled
     Power supplies       2× 1,600 W           4× 2,400 W
     Operating temp.      5–40°C               5–32°C; 5–38°C
     (ambient air)                             with kit

Tables whose columns are periods and whose cells are figures are read by ``flat_tables``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gpumkt.ingest.flat_tables import SERIAL_HEADER
from gpumkt.ingest.page_columns import display_width, line_pieces

SLACK = 2  # display columns a cell may start off its header's start
MIN_GAP = 3  # spaces between a header's cells: one or two may part words of one name
MAX_HEAD = 40  # characters of a header cell
SENTENCE_END = re.compile(r"[。！？；]$|[a-z]{2}[.!?;]$")
# A cell of a figure or a date names no column: the line is a row (of a table whose header was
# read as such already, or that has none); "指" parts a filing's defined term from its meaning.
NO_NAME = re.compile(r"[~≈$€£¥(（\-–—]*\d.*|[\-–—/*]+|指")
# A cell of a figure with its unit, or a dash: "9.90", "+8个百分点", "0.20元/核时", "—"
FIGURE_CELL = re.compile(r"[+~≈$€£¥(（\-–—]*\d[^\u4e00-\u9fff]*(?:[\u4e00-\u9fff/]{1,6})?|[\-–—]+")
WIDE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")  # Chinese characters and full-width marks


@dataclass
class LayoutRow:
    first: int  # index of its first and last line in the table's lines
    last: int
    cells: list[str] = field(default_factory=list)  # the label first, then one per column ("" when empty)


def layout_span(lines: list[str]) -> int:
    """How many of ``lines`` form a layout table headed by the first, 0 when they form none: a
    header of three cells or more, then two rows or more of a label and a cell, each cell starting
    under a header cell and ending before the next one starts; a blank line or a line of prose
    ends it.

    ``layout_span(["Tier      Coverage      Term", "Basic     Parts         3 years",
    "Plus      Parts, labour   5 years", "", "Prose."]) -> 3``
    """
    starts = _starts(lines[0]) if lines else []
    if not starts:
        return 0
    k, rows, wide = 1, 0, 0
    while k < len(lines) and (cols := [c for c, _ in _fit(lines[k], starts, k == 1)]):
        rows += len(cols) >= 2 and cols[0] == 0
        wide += len(cols) >= 3
        k += 1
    return k if rows >= 2 and wide >= 1 else 0


def layout_rows(lines: list[str]) -> tuple[list[str], list[LayoutRow]]:
    """The column headers (a second header line's words joined to the first's) and the rows, a
    wrapped label or cell joined to its row.

    ``layout_rows(["Spec     A1        B2", "         air       liquid", "Power    4× 2 kW   6× 3 kW",
    "Temp     10–35°C   20–40°C", "(air)"])`` -> ``(["Spec", "A1 air", "B2 liquid"],
    [LayoutRow(2, 2, ["Power", "4× 2 kW", "6× 3 kW"]), LayoutRow(3, 4, ["Temp (air)", "10–35°C", "20–40°C"])])``
    """
    starts = _starts(lines[0])
    headers = [text for _, text in line_pieces(lines[0])]
    rows: list[LayoutRow] = []
    for k, line in enumerate(lines[1:], start=1):
        cells = [""] * len(starts)
        for col, text in _fit(line, starts, k == 1):
            cells[col] = _join(cells[col], text)
        if k == 1 and not cells[0]:  # the header's second line: what each column's name stands for
            headers = [_join(h, c) for h, c in zip(headers, cells)]
        elif cells[0] and (any(cells[1:]) or not rows) and not (rows and _wrapped(cells[0])):
            rows.append(LayoutRow(k, k, cells))
        elif rows:  # a wrapped label or wrapped cells: the row above goes on
            rows[-1].cells = [_join(a, b) for a, b in zip(rows[-1].cells, cells)]
            rows[-1].last = k
    return headers, [r for r in rows if any(r.cells[1:])]


def _join(a: str, b: str) -> str:
    """A cell and its wrapped rest, Chinese run on with no space:
    ``_join("甲乙有限公司（", "甲乙）") -> "甲乙有限公司（甲乙）"``; ``_join("(ambient", "air)") -> "(ambient air)"``"""
    return a + b if a and b and WIDE.match(a[-1]) and WIDE.match(b[0]) else f"{a} {b}".strip()


def _wrapped(label: str) -> bool:
    """A label that goes on the one above: its bracket or a lower-case word ("(ambient air)")."""
    return label[:1] in "(（" or label[:1].islower()


def layout_header(line: str) -> bool:
    """The line could head a layout table (three names or more set apart by wide gaps):
    ``layout_header(" Tier      Coverage      Term") -> True``; ``layout_header("Revenue  1,213  982") -> False``."""
    return bool(_starts(line))


def _starts(line: str) -> list[int]:
    """Where each header cell starts, [] when the line is no header of a layout table."""
    pieces = line_pieces(line)
    gaps = [b - a - display_width(t) for (a, t), (b, _) in zip(pieces, pieces[1:])]
    if len(pieces) < 3 or pieces[0][0] > SLACK or min(gaps) < MIN_GAP or \
            any(len(t) > MAX_HEAD or SENTENCE_END.search(t) or NO_NAME.fullmatch(t) for _, t in pieces):
        return []
    return [a for a, _ in pieces]


def _fit(line: str, starts: list[int], second: bool = False) -> list[tuple[int, str]]:
    """(column, text) of each cell of a line under the header, [] when it does not fit. A converter
    that misplaces wide (CJK) characters leaves the columns only roughly aligned; such a line still
    fits as a row when it opens with a label and ends with figures (they fill the last columns,
    its other cells go to the nearest column between), as a header's second line or a wrapped
    cell when it holds no figure and starts under the columns (from the right, or to the nearest)."""
    pieces = line_pieces(line)
    cols = _columns(pieces, starts)
    if cols:
        return [(c, text) for c, (_, text) in zip(cols, pieces)]
    figures = 0  # cells of figures at the line's end
    while figures < len(pieces) and FIGURE_CELL.fullmatch(pieces[-1 - figures][1]):
        figures += 1
    if not pieces or any(len(t) > MAX_HEAD for _, t in pieces):
        return []
    if pieces[0][0] <= SLACK + 1 and 1 <= figures < len(starts) and figures < len(pieces):
        last = len(starts) - figures
        middle = [(min(max(_nearest(starts, at), 1), last - 1) if last > 1 else 0, t)
                  for at, t in pieces[1:-figures]]
        return [(0, pieces[0][1])] + middle + [(last + i, t) for i, (_, t) in enumerate(pieces[-figures:])]
    if figures or pieces[0][0] <= SLACK + 1:
        return []
    if second and len(pieces) < len(starts):  # a unit line under the figures' columns
        return [(len(starts) - len(pieces) + i, t) for i, (_, t) in enumerate(pieces)]
    return [(_nearest(starts, at), t) for at, t in pieces]


def _nearest(starts: list[int], at: int) -> int:
    return min(range(len(starts)), key=lambda j: abs(starts[j] - at))


def _columns(pieces: list[tuple[int, str]], starts: list[int]) -> list[int]:
    """The column of each cell of a row line (its ``line_pieces``), [] when the line does not fit
    under the header: a cell off every column start, two cells in one column, or a cell running
    into the next column."""
    cols = []
    for at, text in pieces:
        col = _nearest(starts, at)
        if abs(starts[col] - at) > SLACK or (cols and col <= cols[-1]) or \
                (col + 1 < len(starts) and at + display_width(text) >= starts[col + 1]):
            return []
        cols.append(col)
    return cols


# A rule of dashes or equals signs between a table's header and its rows
RULE = re.compile(r"\s*[-=—_]{8,}\s*")
PERCENT_HEAD = re.compile(r"[(（]?[%％][)）]?")
UNIT_HEAD = re.compile(PERCENT_HEAD.pattern + r"|\((?:[$€£¥]|x|bps)\)")  # a column named by its unit alone
SERIAL = re.compile(r"\d{1,3}(?:\([a-z]\)|[a-z])?\.?")  # a row's number: "2", "2(a)", "3b"


def figure_table_span(lines: list[str]) -> int:
    """How many of ``lines`` form a table of figures under names, 0 when they form none: a header
    line of four names or more (two spaces may part them), its words wrapped onto a second line
    and a rule under it if any, then two rows or more that each end in one cell per name after
    the label's (figures, the last cell perhaps words). Rows are read from the right, cell for
    name, so a converter's ragged columns or a label run into its first figure do not matter.

    ``figure_table_span(["Item  Votes for  %  Against", "A     1,200     92.1      103",
    "B       950     88.0      130", "", "Prose."]) -> 3``
    """
    head = _figure_head(lines)
    if not head:
        return 0
    names, k = head
    first = k
    while k < len(lines) and _read_row(lines[k], names):
        k += 1
    return k if k - first >= 2 else 0


def figure_table_rows(lines: list[str]) -> tuple[list[str], list[LayoutRow]]:
    """The column names (a unit alone takes the name before it: "For", "%" -> "For %") and the
    rows of a ``figure_table_span`` table.

    ``figure_table_rows(["No.  Item  For  %", "1    A     1,200     92.1", "2    B  950  88.0"])``
    -> ``(["No.", "Item", "For", "For %"], [LayoutRow(1, 1, ["1", "A", "1,200", "92.1%"]),
    LayoutRow(2, 2, ["2", "B", "950", "88.0%"])])``
    """
    names, k = _figure_head(lines)
    rows = [LayoutRow(i, i, _percent(_read_row(lines[i], names), names)) for i in range(k, len(lines))]
    return [f"{names[j - 1]} {n}" if j and UNIT_HEAD.fullmatch(n) else n for j, n in enumerate(names)], rows


def _percent(cells: list[str], names: list[str]) -> list[str]:
    """A figure under a "%" column is a percentage: ``_percent(["A", "92.1"], ["Item", "%"]) -> ["A", "92.1%"]``."""
    return [c + "%" if PERCENT_HEAD.fullmatch(n) and re.fullmatch(r"[-\d.,]*\d", c) else c for c, n in zip(cells, names)]


def _figure_head(lines: list[str]) -> tuple[list[str], int] | None:
    """The header's names and the index of the first row line; a second line of words (no
    figure) goes on the names: on the one left open ("Abstain/") first, else under each."""
    pieces = line_pieces(lines[0]) if lines else []
    if len(pieces) < 4 or pieces[0][0] > SLACK or \
            any(len(t) > MAX_HEAD or SENTENCE_END.search(t) or re.search(r"\d", t) for _, t in pieces):
        return None
    names, k = [t for _, t in pieces], 1
    if k < len(lines) and lines[k].strip() and not re.search(r"\d", lines[k]) and not RULE.fullmatch(lines[k]):
        wrapped = line_pieces(lines[k])
        open_at = next((j for j, n in enumerate(names) if n.endswith(("/", "-"))), None)
        for n, (at, t) in enumerate(wrapped):
            j = open_at + n if open_at is not None else _nearest([a for a, _ in pieces], at)
            if j >= len(names):
                return None
            names[j] = names[j] + t if names[j].endswith(("/", "-")) else f"{names[j]} {t}"
        k += 1
    if k < len(lines) and RULE.fullmatch(lines[k]):
        k += 1
    return names, k


def _read_row(line: str, names: list[str]) -> list[str]:
    """One cell per name, read from the right: figures, the last cell perhaps words ("NOT
    PASSED"); the rest is the label, its serial number apart under a "No." column.
    [] when the line is no such row."""
    tokens, width = line.split(), len(names)
    tail = len(tokens)
    while tail and not FIGURE_CELL.fullmatch(tokens[tail - 1]):
        tail -= 1
    last = [" ".join(tokens[tail:])] if tail < len(tokens) else []
    serial = bool(SERIAL_HEADER.fullmatch(names[0]) and SERIAL.fullmatch(tokens[0] if tokens else ""))
    start = tail - (width - 1 - serial - len(last))  # ("(20%)" of a label "Issue mandate (20%)" stays in it)
    if tail - start < 2 or start < 1 + serial or not all(FIGURE_CELL.fullmatch(t) for t in tokens[start:tail]):
        return []
    label = " ".join(tokens[serial:start])
    return ([tokens[0]] if serial else []) + [label] + tokens[start:tail] + last
