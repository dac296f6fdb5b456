"""A PDF page whose body is set in two columns side by side: a research report's first page puts
its summary in a wide column and the rating, prices and analysts in a narrow sidebar beside it.
Read line by line across the page, each sidebar line cuts a summary sentence in two; read as the
page is meant to be read, the wide column comes first, then the sidebar.

The text runs and their positions come from pypdf's visitor; ``sidebar_text`` gives the page's
text in reading order, or "" when the page has no sidebar (then the layout mode reads it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

MIN_SIDEBAR_LINES = 6  # fewer lines starting at one x than this: a table column, not a sidebar
MARGIN = 0.08  # of the page's height: a page's header and footer lie outside the columns


@dataclass
class Run:
    x: float
    y: float
    size: float
    text: str

    @property
    def right(self) -> float:
        """Where the run ends, estimated: a CJK glyph is as wide as the font size, others half."""
        return self.x + sum(self.size if ord(c) > 0x2E80 else 0.55 * self.size for c in self.text)


def runs_of(page) -> list[Run]:
    """Every text run of the page with its starting position (text space times the CTM)."""
    out: list[Run] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.extend(Run(x, y, size * (abs(tm[0]) or 1), line) for line in text.splitlines() if line.strip())

    page.extract_text(visitor_text=visit)
    return out


def sidebar_text(runs: list[Run], width: float, height: float) -> str:
    """The page's text with its sidebar read after the column beside it, or "" when it has none.

    A sidebar: at least six lines start at one x right of 40 % of the page, most of them on
    heights where the column beside has no line (a table's cells share their row's height)."""
    starts = Counter(round(r.x) for r in runs if 0.4 * width < r.x < 0.9 * width)
    if not starts:
        return ""
    edge, count = starts.most_common(1)[0]
    side = [r for r in runs if abs(r.x - edge) < 2]
    heights = {round(r.y) for r in runs if r.x < edge - 2}
    if count < MIN_SIDEBAR_LINES or sum(round(s.y) not in heights for s in side) < len(side) / 2:
        return ""
    top = max(r.y for r in side)
    bottom = _columns_end(runs, edge, side, height * MARGIN)
    inside = [r for r in runs if bottom <= r.y <= top + 1]
    above = [r for r in runs if r.y > top + 1]
    below = [r for r in runs if r.y < bottom]
    body = [r for r in inside if r.x < edge - 2]
    bar = [r for r in inside if r.x >= edge - 2]
    return "\n".join(_lines(above) + _lines(body) + [""] + _lines(bar) + [""] + _lines(below))


def _columns_end(runs: list[Run], edge: float, side: list[Run], floor: float) -> float:
    """The lowest height the two columns reach: below the sidebar's last line, the wide column
    goes on until a line crosses the sidebar's edge (a full-width table) or the footer begins.
    A line with a sidebar line beside it crosses nothing, however long its width is estimated
    (the columns' last lines may sit a fraction of a point apart)."""
    last_side = min(r.y for r in side)
    crossing = [r.y for r in runs if r.y < last_side and r.x < edge - 2 and r.right > edge + 2
                and not any(abs(r.y - s.y) < 2 for s in side)]
    return max([floor] + [y + 1 for y in crossing])


def _lines(runs: list[Run]) -> list[str]:
    """Runs on one height joined left to right, a gap kept as spaces (as the layout mode does)."""
    rows: dict[int, list[Run]] = {}
    for r in runs:
        rows.setdefault(round(r.y), []).append(r)
    out = []
    for y in sorted(rows, reverse=True):
        line, end = "", None
        for r in sorted(rows[y], key=lambda r: r.x):
            gap = 0 if end is None else max(1, round((r.x - end) / (0.55 * r.size)))
            line += " " * gap + r.text.rstrip()
            end = r.right
        out.append(line)
    return out
