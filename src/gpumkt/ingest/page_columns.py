"""Where on the page a laid-out line's cells stand: display columns (a Chinese character two
wide), a short row's figures put under the header columns they end under, and a header's words
wrapped onto an indented line of their own.
"""

from __future__ import annotations

import re
import unicodedata


def aligned(header_line: str, line: str, width: int) -> list[str]:
    """A row with fewer figures than the header has columns, each figure put under the column
    it stands under on the page (figures align right, so by where each ends), the gaps as "--";
    [] when the positions do not tell.

    ``aligned("      2025  2024  2023", "利息    67        12", 3) -> ["利息", "67", "--", "12"]``
    """
    heads = [at + display_width(text) for at, text in line_pieces(header_line)][-width:]
    cells = line_pieces(line)
    if len(heads) < width or len(cells) < 2 or not all(re.search(r"\d", text) for _, text in cells[1:]):
        return []
    slots = [min(range(width), key=lambda j: abs(heads[j] - at - display_width(text))) for at, text in cells[1:]]
    if len(set(slots)) != len(slots) or slots != sorted(slots):
        return []
    row = [cells[0][1]] + ["--"] * width
    for j, (_, text) in zip(slots, cells[1:]):
        row[1 + j] = text
    return row


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def line_pieces(line: str) -> list[tuple[int, str]]:
    """The cells of a line with the display column each starts at (a full-width space parts them)."""
    return [(display_width(line[:m.start()]), m.group(0)) for m in re.finditer(r"\S+(?:[^\S\u3000]\S+)*", line)]


def continues_header(line: str) -> bool:
    """A header's words wrapped onto a line of their own: indented under the columns (not under
    the row labels), with no figure in it: ``continues_header("        资产的比例（%）")`` -> True."""
    return bool(line.strip()) and len(line) - len(line.lstrip()) >= 8 and not re.search(r"\d[\d,]*\.\d|\d{3}", line)
