"""Cut documents into chunks that follow their structure and keep verbatim spans.

Headings give each chunk a heading path; paragraphs merge up to ``MAX_CHARS``; a markdown table
becomes one chunk per row carrying the headers and caption; a mermaid block becomes one chunk
whose readable text lists its title, labels and values.
"""

from __future__ import annotations

import collections
import re
from dataclasses import dataclass

from gpumkt.ingest.flat_tables import (CHANGE_ROW, COLUMNS, PERIOD_CELL, UNIT_LINE, YEAR_CELL, aligned, column_header,
                                       continues_header, dated_row, figure_pairs, header_cells, metric_header,
                                       report_year, restated_header, row_cells, span_line, spanned, sub_headers,
                                       with_year, with_years, wrapped_header)
from gpumkt.lang.periods import MONTH_PATTERN
from gpumkt.lang.text import LIST_OR_BLOCK, SLIDE_MARK, markup_only, normalise, sentence_spans, squash, starts_block
from gpumkt.records import Chunk, Document

CHUNKER_VERSION = "37"  # bump when chunks or the text the embedder sees change
# A table's numbered caption ("Table 1.", "Exhibit 3:", "表1-3", "图表2"): its caption however long
TABLE_LABEL = re.compile(r"(?:table|exhibit|图表|表)\s*[0-9一二三四五六七八九十]+(?:[-.－][0-9]+)?\s*[.:：、]?\s", re.I)
MAX_CHARS = 400
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# A short line wholly in bold is a heading in Markdown too (a page saved from a blog or a WeChat article)
BOLD_HEADING = (3, re.compile(r"^\*\*[^*]{2,60}\*\*$"))
# A PDF's section titles kept only as capitals on a line of their own: "INVESTMENT THESIS", "Q1 FY26 RESULTS"
CAPS_HEADING = (2, re.compile(r"^(?=.*[A-Z]{5})[A-Z0-9][A-Z0-9 &/,'’\-]{2,40}$"))
# Headings in the plain-text reports: "一、...", "1、...", "01. ..." on a short line of their own.
PLAIN_HEADING = [(2, re.compile(r"^[一二三四五六七八九十]+、\S")), (2, re.compile(r"^0\d\.\s*\S")),
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


def chunk_document(doc: Document) -> list[Chunk]:
    """All chunks of one document, in order; ``doc.text[c.start:c.end] == c.text`` for each."""
    builder = _Builder(doc)
    for block in parse_blocks(doc.text):
        builder.add(block)
    builder.flush()
    return builder.chunks


def parse_blocks(text: str) -> list[Block]:
    """Split text into heading, text-line, table and fenced-chart blocks with spans."""
    lines = _lines(text)
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
        first = _first_row(text, lines, i) if header_cells(line) or metric_header(line) or column_header(line) else 0
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
    measures, a note "（未經審核）" may stand between them), 0 when none follows."""
    k = i + 1
    while k < min(len(lines), i + 5) and (UNIT_LINE.match(text[slice(*lines[k])].strip()) or
                                          GROUP_LABEL.match(text[slice(*lines[k])].strip()) or
                                          k == i + 1 and continues_header(text[slice(*lines[k])])):
        k += 1
    return k if k < len(lines) and row_cells(text[slice(*lines[k])]) else 0


def _row_follows(text: str, lines: list[tuple[int, int]], k: int) -> bool:
    """Line ``k`` continues a flattened table: a row, or a group label with a row under it."""
    line = text[slice(*lines[k])]
    if SLIDE_MARK.match(line):
        return False  # "Slide 7": the next slide, not a row
    return bool(row_cells(line)) or k + 1 < len(lines) and bool(GROUP_LABEL.match(line.strip())) and \
        bool(row_cells(text[slice(*lines[k + 1])]))


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


def _lines(text: str) -> list[tuple[int, int]]:
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


class _Builder:
    """Accumulates text blocks into chunks, tracking the heading path."""

    def __init__(self, doc: Document):
        self.doc, self.chunks = doc, []
        self.path: list[tuple[int, str]] = [(0, doc.title)]
        self.pending: list[Block] = []
        self.first_line_seen = False
        self.year = report_year(doc.text)

    @property
    def section(self) -> str:
        return " > ".join(label for _, label in self.path)

    def add(self, block: Block) -> None:
        if block.kind == "heading":
            self.flush()
            if block.level == 1 and len(self.path) == 1 and block.label == self.doc.title:
                return  # the document's own title line
            self.path = [p for p in self.path if p[0] < block.level] + [(block.level, block.label)]
            return
        if block.kind == "text":
            if not self.first_line_seen and self.doc.text[block.start:block.end].strip() == self.doc.title:
                self.first_line_seen = True
                return  # plain-text title line: already the root of the path
            self.first_line_seen = True
            if self.pending and block.end - self.pending[0].start > MAX_CHARS and \
                    not self._continues(block):
                self.flush()
            self.pending.append(block)
            return
        self.flush()
        if block.kind != "page":
            (self._table if block.kind == "table" else self._chart)(block)

    def _continues(self, block: Block) -> bool:
        """The line goes on a sentence the pending lines left open (a wrapped PDF line): cutting
        there would split the sentence across chunks, so the run is cut later at a sentence end."""
        gap = self.doc.text[self.pending[-1].end:block.start]
        last = self.doc.text[self.pending[-1].start:self.pending[-1].end].rstrip()
        return gap.count("\n") == 1 and bool(last) and last[-1] not in "。！？；.!?;:：" and \
            not starts_block(self.doc.text[block.start:block.end])

    def flush(self) -> None:
        if not self.pending:
            return
        start, end = self.pending[0].start, self.pending[-1].end
        self.pending = []
        for a, b in _fit(self.doc.text, start, end):
            self._emit(a, b, "text", squash(self.doc.text[a:b]))

    def _emit(self, start: int, end: int, kind: str, readable: str) -> None:
        cid = f"{self.doc.source[:3]}-{len(self.chunks):03d}"
        indexed = normalise(f"{self.section}\n{readable}")
        self.chunks.append(Chunk(cid, self.doc.source, self.section, start, end,
                                 self.doc.text[start:end], indexed, kind, readable))

    def _table(self, block: Block) -> None:
        rows = _lines(self.doc.text[block.start:block.end])
        lines = [self.doc.text[block.start + a:block.start + b] for a, b in rows]
        flat = block.label == "flat"
        cells = [(row_cells if flat and k else header_cells if flat else _cells)(line) for k, line in enumerate(lines)]
        measures = metric_header(lines[0]) if flat and not cells[0] else []
        by_period = bool(measures)  # rows are periods, columns measures
        named = column_header(lines[0]) if flat and not cells[0] and not measures else []  # columns of names
        headers = measures or named or cells[0]
        caption = own_caption = self._caption(block.start)
        # the periods' own measures under them ("金額  佔比"), or the header's words wrapped ("（1-3月份）")
        label_cell = [h for h in headers[:1] if not PERIOD_CELL.match(h)]
        over = self._raw_line_above(block.start)  # with its indent: where each span starts tells
        over = over if over.strip() == caption else caption
        dated = self._month_days(headers, block.start) if flat else None
        if dated:  # "January 31,  January 31," between the spans and the years
            headers, over = dated
        subs = sub_headers(spanned(headers, over, lines[0]), lines[1]) if flat and len(lines) > 1 else []
        wrapped_head = flat and len(lines) > 1 and (bool(subs) or continues_header(lines[1]))
        if flat:
            if wrapped_head:
                headers = subs or header_cells(wrapped_header(lines[0], lines[1])) or headers
            above = self._caption(self._line_above(block.start))
            headers = with_year(with_years(headers, self.year), " ".join((caption, above, self.path[-1][1])))
            headers = headers if subs else spanned(headers, over, lines[0])
            # the unit stands above the table, between header and rows, or in the header's label cell
            units = [line.strip() for line in lines[1:] if UNIT_LINE.match(line.strip())] + (label_cell if not named else [])
            units += self._units_above(block.start) if dated else []
            caption = " ".join(x for x in ("" if row_cells(above) or above == caption else above, caption, *units) if x)
        previous = wrapped = ""
        for k, ((a, b), row) in enumerate(zip(rows[1:], cells[1:]), start=1):
            line = lines[k].strip()
            restated = restated_header(line) if flat else []
            if restated:  # "2025年末  2024年末  …": the columns change mid-table
                headers = with_years(restated, self.year)
                continue
            if wrapped_head and k == 1:
                continue  # the header's wrapped words, read with the header
            if flat and not row:
                wrapped = line if GROUP_LABEL.match(line) and not line.endswith((":", "：")) else ""
                continue
            if all(re.fullmatch(r":?-+:?", c) for c in row if c):
                continue  # the |---| separator
            if flat:
                if wrapped and row[0][:1] in "(（":
                    row = [wrapped + row[0]] + row[1:]
                wrapped = ""
                if CHANGE_ROW.match(row[0]) and previous:
                    row = [f"{previous} {row[0]}"] + row[1:]  # "同比增速" under "营业收入": the revenue's growth
                if len(row) == len(headers) and PERIOD_CELL.match(headers[0]) and FIGURE_CELL.match(row[0]):
                    row = [own_caption] + row  # a chart's values under its periods: the title names them
                previous = row[0]
                columns = len(headers) - (by_period or bool(named) or not PERIOD_CELL.match(headers[0]))
                if len(row) - 1 < columns:  # a row with gaps: its figures under the columns they stand under
                    row = [row[0]] + (aligned(lines[0], lines[k], columns)[1:] or row[1:])
                if named:  # a year among a row's attributes ("投產年份 2022年") is no period of its figures
                    row = [row[0]] + ["--" if YEAR_CELL.match(c) else c for c in row[1:]]
                pairs = figure_pairs(headers[1:], [dated_row(row[0], headers)] + row[1:]) if by_period or named else \
                    figure_pairs(headers, row)
            else:
                pairs = "; ".join(f"{h}: {c}" for h, c in zip(headers, row))
            # (" | " separates caption, label and cells: a masthead's own bars would cut in the wrong place)
            self._emit(block.start + a, block.start + b, "table", f"{caption.replace(' | ', ' / ')} | {pairs}")

    def _caption(self, table_start: int) -> str:
        """The short line just above a table ("表1: ...", a unit), else its section heading."""
        before = self.doc.text[:table_start].rstrip().rsplit("\n", 1)[-1].strip()
        labelled = TABLE_LABEL.match(before) and len(before) <= 160  # "Table 1. On-demand price per GPU-hour by region (USD), …"
        return before if 0 < len(before) <= 60 and not before.startswith("#") or labelled or span_line(before) \
            else self.path[-1][1]

    def _month_days(self, headers: list[str], table_start: int) -> tuple[list[str], str] | None:
        """Year columns under a line of month and day ("January 31,   January 31,"), itself under
        the spans ("Three Months Ended   Twelve Months Ended"), as a US release lays them out: each
        year takes the day of the group it stands in, and the spans line is the one over them.
        None when the line above holds no such days."""
        days = [c for c in COLUMNS.split(self._raw_line_above(table_start).strip()) if c]
        years = [k for k, h in enumerate(headers) if YEAR_CELL.match(h)]
        if not days or not years or len(years) % len(days) or not all(MONTH_DAY.fullmatch(c) for c in days):
            return None
        out, per = list(headers), len(years) // len(days)
        for n, k in enumerate(years):
            out[k] = f"{days[n // per].rstrip(',')}, {headers[k].strip()}"
        day_line = self.doc.text[:table_start].rstrip("\r\n").rfind("\n") + 1
        return out, self._raw_line_above(day_line)

    def _units_above(self, table_start: int, reach: int = 5) -> list[str]:
        """The unit line over a release's header block ("(in thousands, except per share data)"
        above "(unaudited)", the spans and the days), within ``reach`` lines above the table."""
        above = self.doc.text[:table_start].rstrip("\r\n").split("\n")[-reach:]
        return [line.strip() for line in above if UNIT_LINE.match(line.strip()) and
                re.search(r"(?i)thousand|million|billion|千|万|萬|亿|億", line)][-1:]  # ("(unaudited)" is none)

    def _raw_line_above(self, table_start: int) -> str:
        return self.doc.text[:table_start].rstrip("\r\n").rsplit("\n", 1)[-1]

    def _line_above(self, start: int) -> int:
        return self.doc.text.rfind("\n", 0, max(0, self.doc.text.rfind("\n", 0, start))) + 1

    def _chart(self, block: Block) -> None:
        body = self.doc.text[block.start:block.end]
        self._emit(block.start, block.end, "chart", chart_text(body))


MONTH_DAY = re.compile(r"(?i)" + MONTH_PATTERN + r"\s+\d{1,2},?|\d{1,2}\s+" + MONTH_PATTERN + ",?")


# A cell that is only a figure (a range too): "2,046", "3,450-3,600", "~40%", "$1.2B", "(38)"
FIGURE_CELL = re.compile(r"^[~≈$€£¥(（-]*\d[\d,.]*\s*(?:[-–~至]\s*\$?\d[\d,.]*)?\s*(?:%|x|倍|[)）]|[bmk])?$", re.I)


def _cells(line: str) -> list[str]:
    """``_cells("| **成本** | $98/小时 |") -> ["成本", "$98/小时"]``"""
    return [c.strip().strip("*").strip() for c in line.strip().strip("|").split("|")]


def _fit(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split an over-long paragraph run at sentence ends into pieces of at most MAX_CHARS."""
    if end - start <= MAX_CHARS:
        return [(start, end)]
    pieces, a, b = [], start, start
    for s, e in sentence_spans(text, start, end, soft_limit=MAX_CHARS):
        if e - a > MAX_CHARS and b > a:
            pieces.append((a, b))
            a = s
        b = e
    pieces.append((a, b))
    return pieces


def chart_text(block: str) -> str:
    """Readable text of a mermaid block: title, labels and values.

    ``chart_text('```mermaid\\npie title "组合"\\n    "AMD" : 35\\n```') -> "组合. AMD: 35"``
    """
    lines = [ln.strip() for ln in block.strip().strip("`").splitlines()[1:] if ln.strip()]
    title = re.search(r'title\s+"?([^"\n]+)"?', "\n".join(lines))
    parts = [title.group(1).strip()] if title else []
    xs = re.search(r"x-axis\s*\[([^\]]*)\]", block)
    # a radar's axes, named one per line ("label Cost") or on one ("axis Cost, Speed"): each series' values are theirs
    axes = [a.strip() for ln in lines for a in (re.match(r"(?:label|axis)\s+(.+)$", ln) or [None, ""])[1].split(",")
            if a.strip()] if re.match(r"radar", lines[0] if lines else "") else []
    if axes:
        xs = None
        lines = [ln for ln in lines if not re.match(r"(?:label|axis)\s", ln)]
    for ln in lines[1:]:  # lines[0] names the chart type
        if ln.startswith(("title", "x-axis", "y-axis", "style", "classDef")):
            continue
        parts.extend(_chart_line(ln, xs.group(1).split(",") if xs else None, axes))
    return ". ".join(p for p in _unique(parts) if p)


def _chart_line(line: str, xs: list[str] | None, axes: list[str] = ()) -> list[str]:
    curve = re.match(r"(?:data|curve)\s+([^,{]+?)\s*[,{]\s*([-\d.,\s]+)\}?$", line) if axes else None
    if curve:  # "data Acme, 95, 90" under "label Speed", "label Cost": Acme's Speed 95, Cost 90
        values = [v.strip() for v in curve.group(2).split(",") if v.strip()]
        return [f"{curve.group(1)}: " + "; ".join(f"{a} {v}" for a, v in zip(axes, values))]
    series = re.match(r"(bar|line)\s*\[([^\]]*)\]", line)
    if series and xs:
        return ["; ".join(f"{x.strip()}: {v.strip()}" for x, v in zip(xs, series.group(2).split(",")))]
    pie = re.match(r'"([^"]+)"\s*:\s*([\d.]+)', line)
    if pie:
        return [f"{pie.group(1)}: {pie.group(2)}"]
    labels = re.findall(r"\[([^\]]+)\]", line)
    if labels:
        return [re.sub(r"<br\s*/?>", " ", lb) for lb in labels]
    return [re.sub(r"^(label|data|section)\s+", "", line.lstrip(": ").strip())]


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for it in items:
        if it not in seen:
            seen.add(it)
            out.append(it)
    return out


def chunk_corpus(docs: list[Document]) -> list[Chunk]:
    return [c for d in docs for c in chunk_document(d)]
