"""Split a document's text into blocks: headings, text lines, tables (Markdown or flattened by a
PDF converter), fenced charts and page furniture, each with its span.

A PDF turned into text keeps its running headers and footers, page numbers and titles as lines of
their own; they are found here so that no chunk is built across them.
"""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass

from gpumkt.ingest.flat_tables import UNIT_LINE, column_header, header_cells, label_over, metric_header, row_cells
from gpumkt.ingest.layout_tables import figure_table_span, layout_header, layout_span
from gpumkt.ingest.page_columns import continues_header
from gpumkt.lang.text import SLIDE_MARK, markup_only
from gpumkt.lang.wrapping import LIST_OR_BLOCK

MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# A short line wholly in bold is a heading in Markdown too (a page saved from a blog or a WeChat article)
BOLD_HEADING = (3, re.compile(r"^\*\*[^*]{2,60}\*\*$"))
# A PDF's section titles kept only as capitals on a line of their own: "INVESTMENT THESIS", "Q1 FY26 RESULTS"
CAPS_HEADING = (2, re.compile(r"^(?=.*[A-Z]{5})[A-Z0-9][A-Z0-9 &/,'’\-]{2,40}$"))
# Headings in the plain-text reports: "一、...", "1、...", "01. ..." on a short line of their own.
# A law's, a policy's or an annual report's parts: "第一章 总 则", "第三节 管理层讨论与分析" (not its articles, 第一条).
PLAIN_HEADING = [(2, re.compile(r"^[一二三四五六七八九十]+、\S")), (2, re.compile(r"^0\d\.\s*\S")),
                 (2, re.compile(r"^第[一二三四五六七八九十百]+[章节節篇]\s*\S")),
                 (2, re.compile(r"^\d{1,2}\.\s+[A-Z][A-Za-z ,&/\-]+$")), (3, re.compile(r"^\d{1,2}、\s*\S")),
                 BOLD_HEADING, CAPS_HEADING]
# Page furniture of a PDF turned into text: a footer "Acme | Q2 Commentary | Page 1 of 3", "第3页 共10页",
# "- 12 -". It is no passage, and a chunk is never built across it.
PAGE_LINE = re.compile(r"(?i)^(?:[^|\n]{0,80}\|\s*)*(?:page|p\.|第)\s*\d+\s*[页頁]?"
                       r"(?:\s*[,，/]?\s*(?:of|/|共)\s*\d+\s*[页頁]?)?$|^[-–—]\s*\d{1,4}\s*[-–—]$")
# A running header or footer repeats on every page: "Acme | Form 10-Q | 34", "Acme | Form 10-Q | 35"
# (the same once its numbers are masked, and cut by separators), or a disclaimer sentence repeated
# word for word. A line repeated fewer times, or a short label (a speaker's title, a unit line
# "(In millions, except percentages)"), is kept.
RUNNING_MIN = 3
# A line naming the group of rows under it ("Costs and expenses:") stands inside a flattened table.
# A label-only line whose next row's label opens with a bracket is that label wrapped ("AI伺服器機櫃組裝"
# over "（L10-L11整機） 9,850 15,400").
GROUP_LABEL = re.compile(r"^[^\d|｜。.!?！？；;，,]{2,40}[:：]?$")
SEPARATED = re.compile(r"\S\s*[|｜]\s*\S")
# ... or ending in its page number ("Acme股份有限公司 2025年年度报告    12 / 186", "Annual Report 2025  Page 7")
PAGE_NUMBERED = re.compile(r"(?i)\S\s+(?:\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?|第\s*\d{1,4}\s*[页頁])$")
SENTENCE_LIKE = re.compile(r"[；;。]|(?:\S+\s+){7}\S")  # a clause break, or eight words


@dataclass
class Block:
    kind: str  # heading | text | table | chart | page (furniture, page markup)
    start: int
    end: int
    level: int = 0
    label: str = ""


def parse_blocks(text: str) -> list[Block]:
    """Split text into heading, text-line, table and fenced-chart blocks with spans."""
    lines = line_spans(text)
    markdown = any(MD_HEADING.match(text[a:b]) for a, b in lines)
    running = running_lines([text[a:b] for a, b in lines])
    blocks, i = [], 0
    top_seen = False  # a plain "1、" line is a heading only under a "一、" / "01." heading
    while i < len(lines):
        a, b = lines[i]
        line = text[a:b].strip()
        if line.startswith("```"):
            j = next((k for k in range(i + 1, len(lines)) if text[slice(*lines[k])].strip() == "```"),
                     len(lines) - 1)
            blocks.append(Block("chart", a, lines[j][1], label=line[3:].strip()))
            i = j + 1
            continue
        below = text[slice(*lines[i + 1])] if i + 1 < len(lines) else ""
        first = _first_row(text, lines, i) if header_cells(line) or metric_header(line) or column_header(text[a:b], below) else 0
        if first:
            j = first
            while j + 1 < len(lines) and _row_follows(text, lines, j + 1):
                j += 1
            blocks.append(Block("table", a, lines[j][1], label="flat"))
            i = j + 1
            continue
        if re.match(r"(?i)<(style|script)\b", line):  # a page's own CSS or script, up to its end tag
            end = re.compile(r"(?i)</(?:style|script)\s*>")
            j = next((k for k in range(i, len(lines)) if end.search(text[slice(*lines[k])])), i)
            blocks.append(Block("page", a, lines[j][1]))
            i = j + 1
            continue
        if SLIDE_MARK.match(line):  # a new slide: its first line, if short and no sentence, is its title
            blocks.append(Block("page", a, b))
            k = _slide_title(line, text, lines, i)
            if k:
                blocks.append(Block("heading", *lines[k], level=2, label=text[slice(*lines[k])].strip()))
                i = k
            i += 1
            continue
        if PAGE_LINE.match(line) or markup_only(line) or line in running:
            blocks.append(Block("page", a, b))
            i += 1
            continue
        span = layout_span([text[slice(*s)] for s in lines[i:i + 200]]) if line and layout_header(text[a:b]) else 0
        if span:  # a datasheet's table laid out with spaces, cells of words under names
            blocks.append(Block("table", a, lines[i + span - 1][1], label="layout"))
            i += span
            continue
        span = figure_table_span([text[slice(*s)] for s in lines[i:i + 200]]) if line else 0
        if span:  # figures under names, their columns ragged
            blocks.append(Block("table", a, lines[i + span - 1][1], label="figures"))
            i += span
            continue
        if line.startswith("|"):
            j = i
            while j + 1 < len(lines) and text[slice(*lines[j + 1])].strip().startswith("|"):
                j += 1
            blocks.append(Block("table", a, lines[j][1]))
            i = j + 1
            continue
        if line:
            block = _line_block(text, a, b, line, markdown)
            if block.kind == "text" and not markdown and (_short_title(line, text, lines, i, running) or
                                                          _page_title(line, text, lines, i, running)):
                # under the numbered section it stands in, if any; else one of the document's sections
                blocks.append(Block("heading", a, b, level=3 if top_seen else 2, label=line))
                i += 1
                continue
            if block.kind == "heading" and not markdown and block.level == 3 and not top_seen:
                block = Block("text", a, b)
            top_seen = top_seen or (block.kind == "heading" and block.level == 2)
            blocks.append(block)
        i += 1
    return blocks


def _slide_title(marker: str, text: str, lines: list[tuple[int, int]], i: int) -> int:
    """The line of the slide's title after the slide marker at ``i`` (0 when none): the next
    non-empty line within two, if short, no sentence, no list item and not a row of figures. A
    converter's bare "Page 7" footer titles nothing: whatever the next page starts with follows it."""
    if not re.search(r"(?i)slide|^[-–—=]", marker):
        return 0
    k = next((k for k in range(i + 1, min(i + 3, len(lines))) if text[slice(*lines[k])].strip()), 0)
    title = text[slice(*lines[k])].strip() if k else ""
    ok = title and len(title) <= 80 and title[-1] not in "。.!?！？" and not LIST_OR_BLOCK.match(title) \
        and len(re.findall(r"\d[\d,.]*", title)) <= 4
    return k if ok else 0


def _page_title(line: str, text: str, lines: list[tuple[int, int]], i: int, running: set[str]) -> bool:
    """A deck converted from PDF titles each page on its first line: a short line of words with no
    sentence end, not indented, first after a page's furniture (its number, its running footer),
    where the page before ended a sentence, a list item or a table row (so the line is no sentence
    wrapped over the page break): "客戶與區域結構（3Q25，占營收比重）"."""
    if not 4 <= len(line) <= 30 or line[-1] in "。！？；，,.!?;:：、" or LIST_OR_BLOCK.match(line) or \
            row_cells(line) or text[lines[i][0]:lines[i][1]][:1].isspace() or \
            not re.search(r"[\u4e00-\u9fff]{2}|[A-Za-z]{3,}\s+[A-Za-z]{3,}", line) or \
            re.search(r"[，,；;。]", re.sub(r"[（(][^）)]*[）)]", "", line)):  # (a clause: a sentence's start)
        return False
    k, furniture = i - 1, False
    while k >= 0 and (not (prev := text[slice(*lines[k])].strip()) or prev in running or PAGE_LINE.match(prev)
                      or re.fullmatch(r"\d{1,3}", prev)):  # (a page's bare number)
        furniture = furniture or bool(prev)
        k -= 1
    return furniture and (k < 0 or prev[-1] in "。！？；.!?;:：)）%" or bool(LIST_OR_BLOCK.match(prev)) or
                          bool(row_cells(prev)))


# A PDF's Chinese section title, kept only as a short line of its own ("競爭格局", "我們的客戶")
SHORT_TITLE = re.compile(r"^(?=(?:.*[\u4e00-\u9fff]){2})[\u4e00-\u9fffA-Za-z]{2,14}$")


def _short_title(line: str, text: str, lines: list[tuple[int, int]], i: int, running: set[str]) -> bool:
    """A short line of Chinese words with no punctuation, at the start of its line, after a blank
    line or a finished sentence and followed by a paragraph (a line of 20 characters or more that
    is no table row) is that paragraph's title."""
    if not i or not SHORT_TITLE.match(line) or text[lines[i][0]:lines[i][1]][:1].isspace():
        return False  # (an indented line is a wrapped line's end: "　　　註冊成立的有限公司"; the first is the title)
    before = text[lines[i - 1][0]:lines[i - 1][1]].strip()
    if before and before not in running and not PAGE_LINE.match(before) and before[-1] not in "。！？；：.!?;:)）":
        return False  # the end of a sentence wrapped onto its own line ("…單季營收創歷史\n新高")
    after = next((text[slice(*s)].strip() for s in lines[i + 1:]
                  if text[slice(*s)].strip() and text[slice(*s)].strip() not in running), "")
    return len(after) >= 20 and not row_cells(after) and not header_cells(after)


def _first_row(text: str, lines: list[tuple[int, int]], i: int) -> int:
    """The line of a flattened table's first row under the header at ``i`` (a unit line, a line of
    measures, a note "（未經審核）", or the row's own label over its figures may stand between
    them), 0 when none follows."""
    line = lambda k: text[slice(*lines[k])] if k < len(lines) else ""  # noqa: E731
    k = i + 1
    while k < min(len(lines), i + 5) and (UNIT_LINE.match(line(k).strip()) or GROUP_LABEL.match(line(k).strip()) or
                                          k == i + 1 and continues_header(line(k)) or label_over(line(k), line(k + 1))):
        k += 1
    return k if row_cells(line(k)) or k > i + 1 and label_over(line(k - 1), line(k)) else 0


def _row_follows(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """Line ``k`` continues a flattened table: a row, or a group label with a row under it."""
    line = text[slice(*lines[k])]
    if SLIDE_MARK.match(line):
        return False  # "Slide 7": the next slide, not a row
    below = text[slice(*lines[k + 1])] if k + 1 < len(lines) else ""
    return bool(row_cells(line)) or bool(below) and (bool(GROUP_LABEL.match(line.strip())) and bool(row_cells(below))
                                                     or label_over(line, below)) \
        or label_over(text[slice(*lines[k - 1])], line)  # a row's figures under its label


def running_lines(lines: list[str]) -> set[str]:
    """The lines that are a page's running header or footer, stripped.

    ``running_lines(["Acme | p 1", "x", "Acme | p 2", "y", "Acme | p 3"]) -> {"Acme | p 1", "Acme | p 2", "Acme | p 3"}``;
    ``running_lines(["Acme 年报  2 / 9", "x", "Acme 年报  5 / 9", "Acme 年报  7 / 9"])`` -> the three footers
    """
    stripped = [line.strip() for line in lines]
    # (a PDF's laid-out header pads its two ends apart by a width that differs page to page)
    same = {line: re.sub(r"\s+", " ", line) for line in stripped}
    masked = collections.Counter(re.sub(r"\d+", "#", same[line]) for line in stripped
                                 if SEPARATED.search(line) or PAGE_NUMBERED.search(line))
    verbatim = collections.Counter(same[line] for line in stripped if len(line) >= 20 and SENTENCE_LIKE.search(line))
    paged = _by_page_numbers([same[line] for line in stripped])
    # (a Markdown table's header is repeated by tables with the same columns: it runs no page)
    return {line for line in stripped if line and not re.fullmatch(r"\|.*\|", line) and (
            masked[re.sub(r"\d+", "#", same[line])] >= RUNNING_MIN or verbatim[same[line]] >= RUNNING_MIN
            or paged[same[line]] >= 2)}


def _by_page_numbers(stripped: list[str]) -> collections.Counter:
    """How often each line stands next to a page number line ("– 12 –"), blank lines aside: a
    running header of a PDF ("甲乙控股有限公司　招股章程　　　概　要") sits just under the last page's number."""
    kept = [line for line in stripped if line]
    near = collections.Counter()
    for k, line in enumerate(kept):
        if len(line) >= 6 and not PAGE_LINE.match(line) and \
                any(PAGE_LINE.match(x) for x in kept[max(0, k - 1):k] + kept[k + 1:k + 2]):
            near[line] += 1
    return near


def line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        end = pos + len(line.rstrip("\r\n"))
        spans.append((pos, end))
        pos += len(line)
    return spans


def _line_block(text: str, a: int, b: int, line: str, markdown: bool) -> Block:
    m = MD_HEADING.match(line)
    if m:
        return Block("heading", a, b, level=len(m.group(1)), label=m.group(2).strip())
    if len(line) <= 40 and line[-1] not in "。！？；.!?":
        for level, pattern in PLAIN_HEADING if not markdown else [BOLD_HEADING]:
            if pattern.match(line):
                return Block("heading", a, b, level=level, label=line.strip("*").strip())
    start = a + (len(text[a:b]) - len(text[a:b].lstrip()))
    return Block("text", start, b)
