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

from gpumkt.ingest.flat_tables import display_width, line_pieces

SLACK = 2  # display columns a cell may start off its header's start
MIN_GAP = 3  # spaces between a header's cells: one or two may part words of one name
MAX_HEAD = 40  # characters of a header cell
SENTENCE_END = re.compile(r"[。！？；]$|[a-z]{2}[.!?;]$")
# A cell of a figure or a date names no column: the line is a row (of a table whose header was
# read as such already, or that has none); "指" parts a filing's defined term from its meaning.
NO_NAME = re.compile(r"[~≈$€£¥(（\-–—]*\d.*|[\-–—/*]+|指")


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
    while k < len(lines) and (cols := _columns(lines[k], starts)):
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
        for col, (_, text) in zip(_columns(line, starts), line_pieces(line)):
            cells[col] = text
        if k == 1 and not cells[0]:  # the header's second line: what each column's name stands for
            headers = [f"{h} {c}".strip() for h, c in zip(headers, cells)]
        elif cells[0] and (any(cells[1:]) or not rows) and not (rows and _wrapped(cells[0])):
            rows.append(LayoutRow(k, k, cells))
        elif rows:  # a wrapped label or wrapped cells: the row above goes on
            rows[-1].cells = [f"{a} {b}".strip() for a, b in zip(rows[-1].cells, cells)]
            rows[-1].last = k
    return headers, [r for r in rows if any(r.cells[1:])]


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


def _columns(line: str, starts: list[int]) -> list[int]:
    """The column of each cell of a row line, [] when the line does not fit under the header: a
    cell off every column start, two cells in one column, or a cell running into the next column."""
    pieces = line_pieces(line)
    cols = []
    for at, text in pieces:
        col = min(range(len(starts)), key=lambda j: abs(starts[j] - at))
        if abs(starts[col] - at) > SLACK or (cols and col <= cols[-1]) or \
                (col + 1 < len(starts) and at + display_width(text) >= starts[col + 1]):
            return []
        cols.append(col)
    return cols
