"""Where a line break ends a sentence and where it only wraps one: PDF-extracted lines, an
e-mail's hard-wrapped paragraphs, list items, flattened table rows and label lines.
"""

from __future__ import annotations

import re

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")  # Han + CJK punctuation
HARD_END = "。！？；…!?;"
SOFT_END = "，,、：:"
BLOCK_MARK = r"#|\||```|>"  # a heading, table, code fence or quote (not a list item)
LIST_OR_BLOCK = re.compile(r"^\s*(?:[-*•+]\s|\d+[.、)]\s?|" + BLOCK_MARK + ")")
# A wrapped line that starts with a figure ("62.4亿元，其中…") goes on a sentence; "1.2025年5月，…",
# "9.1月1日累計…" and "1.1 市场规模" start an item or a heading.
DECIMAL_START = re.compile(r"^\s*\d+\.\d{1,2}(?=[^\d\s.年月日])")
COLUMN_GAP = re.compile(r"\S\s{3,}\S")  # a flattened table's columns, not prose


def starts_block(line: str) -> bool:
    """The line starts a list item, heading, table or quote, not a wrapped figure.
    ``starts_block("62.4亿元，其中…") -> False``; ``starts_block("1.2025年5月，公司…") -> True``"""
    return bool(LIST_OR_BLOCK.match(line)) and not DECIMAL_START.match(line)


def wraps(text: str, j: int, end: int) -> bool:
    """True when the newline at ``j`` only wraps a PDF line (join instead of breaking)."""
    line_start = text.rfind("\n", 0, j) + 1
    line = text[line_start:j].rstrip()
    k = j
    while k < end and text[k] in "\n \t\r":
        k += 1
    if not line or k >= end or starts_block(text[k:k + 8]):
        return False
    if LIST_OR_BLOCK.match(line) and not _hanging_indent(text[line_start:j], text[j + 1:k]):
        return False
    if line[-1] in HARD_END or line[-1] in "\")）】]" or re.fullmatch(r"\*\*[^*]+\*\*", line):
        return False
    if _indented_item(text[line_start:j], text[j + 1:k + 1]):
        return False
    following = text[k:text.find("\n", k) % (end + 1)]
    if "\n" not in text[j + 1:k] and (KEY_VALUE.match(line) or KEY_VALUE.match(following.rstrip())):
        return False  # a sidebar's "目标价：68.44元" lines, one pair a line
    if COLUMN_GAP.search(line) or COLUMN_GAP.search(following):
        return False  # a flattened table line: columns, not wrapped prose
    if _room_left(text, line_start, line, following) or _new_paragraph(line, text[j + 1:k], following):
        return False
    return line[-1] in SOFT_END or len(line) >= 10


def _new_paragraph(line: str, gap: str, following: str) -> bool:
    """In English text a blank line before a capitalised line parts two paragraphs unless the line
    before stops on a comma or colon (a letter's "Dear Partners," is caught by ``_room_left``).
    ``_new_paragraph("July 9, 2026", "\\n", "PRIVATE AND CONFIDENTIAL")`` -> True"""
    if "\n" not in gap or HAN.search(line) or HAN.search(following):
        return False
    return following[:1].isupper() and line[-1] not in SOFT_END


WIDTH_USED = 0.75  # of the text's line width: a wrapped line fills more, with the next word added


def _room_left(text: str, line_start: int, line: str, following: str) -> bool:
    """English text wrapped at a fixed width (an e-mail, a letter) wraps a line only when the next
    word no longer fits: a line that had plenty of room for the next line's first word ended on
    purpose (a salutation, a date line, a heading, a paragraph's last line). Chinese lines are
    left alone (their width in characters varies with the Latin text in them).
    ``_room_left(t, 0, "Dear Partners,", "The Fund gained 5%")`` -> True where ``t``'s other
    lines run to about 70 characters."""
    if HAN.search(line) or HAN.search(following) or not following.split():
        return False
    near = text[max(0, line_start - 800):line_start + 800].split("\n")[1:-1]
    prose = [len(n.rstrip()) for n in near if not HAN.search(n) and not COLUMN_GAP.search(n)]
    width = max(prose, default=0)
    return width >= 40 and len(line) + 1 + len(following.split()[0]) < WIDTH_USED * width


# A short label and its short value on a line of their own: "总市值（亿元）：440.87", "Rating: Buy"
LABEL = r"[^：:。，,；;]{1,24}[：:]"
KEY_VALUE = re.compile(r"^" + LABEL + r"[ \t]*[^\s：:][^。，,；;：:]{0,20}$")


def _indent(line: str) -> int:
    """How far a line starts in: ``_indent("\u3000\u3000营收") -> 2``."""
    return len(line) - len(line.lstrip(" \t\u3000"))


WRAPPED_ITEM = 30  # characters: shorter item lines are headings or whole items, not wrapped ones


def _hanging_indent(item: str, gap: str) -> bool:
    """A numbered or bulleted item's line that goes on in the next line, indented under the
    item's text (a filing's "5.預計產能：…可同時上電測試" then "  4,096顆GPU。"): one line break, then
    at least two spaces more than the item's own indent, after a line long enough to have been
    wrapped (a short numbered heading, "3.3 客户结构与产能布局", before an indented paragraph is not).
    ``_hanging_indent("5.預計產能：AI伺服器機櫃月產能約1,500櫃；可同時上電測試", "  ") -> True``;
    ``_hanging_indent("3.3 客户结构与产能布局", "    ")`` -> False"""
    if gap.count("\n") or re.match(r"\s*(?:" + BLOCK_MARK + ")", item) or len(item.strip()) < WRAPPED_ITEM:
        return False
    return len(gap.replace("\u3000", "  ")) >= _indent(item) + 2


def _indented_item(line: str, nxt: str) -> bool:
    """A PDF's list drawn with its bullets as shapes shows as indented lines: the next line starts
    further in than this lead-in line ("…expects:"), or this one is indented and the next starts a
    capitalised item (or the sentence after the list).
    ``_indented_item("Acme expects:", "    Revenue")`` and ``_indented_item("    Revenue of $720
    million", "    Non-GAAP")`` -> True; ``_indented_item("revenue grew", "by 20%")`` -> False"""
    here, there = _indent(line), _indent(nxt.lstrip("\n\r") if nxt.count("\n") <= 1 else "")
    if there >= here + 2:  # (further in after a lead-in line; after an item's first line, a hanging indent)
        return line.rstrip()[-1:] in ":："
    # (an indented first line of a Chinese paragraph goes on in the next line, whatever it starts with)
    return here >= 2 and there <= here and nxt.strip()[:1].isupper() and not HAN.search(line)


