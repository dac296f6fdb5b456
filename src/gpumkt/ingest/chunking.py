"""Cut documents into chunks that follow their structure and keep verbatim spans.

The text's blocks (``blocks.py``) are built into chunks here: headings give each chunk a heading
path; paragraphs merge up to ``MAX_CHARS``; a table becomes one chunk per row carrying the headers
and caption; a mermaid block becomes one chunk whose readable text (``charts.py``) lists its
title, labels and values.
"""

from __future__ import annotations

import re

from gpumkt.ingest.blocks import GROUP_LABEL, Block, line_spans, parse_blocks
from gpumkt.ingest.cells import table_unit
from gpumkt.ingest.charts import chart_text
from gpumkt.ingest.flat_tables import (CHANGE_ROW, COLUMNS, PERIOD_CELL, SERIAL_HEADER, UNIT_LINE, YEAR_CELL,
                                       column_header, dated_row, figure_pairs, figures_only, header_cells,
                                       label_over, metric_header, restated_header, row_cells, span_line, spanned,
                                       stacked_header, sub_headers, wrapped_header)
from gpumkt.ingest.layout_tables import SERIAL, figure_table_rows, layout_rows
from gpumkt.ingest.page_columns import aligned, continues_header
from gpumkt.ingest.report_periods import report_year, with_year, with_years
from gpumkt.lang.periods import MONTH_PATTERN
from gpumkt.lang.text import normalise, sentence_spans, squash
from gpumkt.lang.wrapping import starts_block
from gpumkt.records import Chunk, Document

CHUNKER_VERSION = "57"  # bump when chunks or the text the embedder sees change
# A table's numbered caption ("Table 1.", "Exhibit 3:", "表1-3", "图表2"): its caption however long
TABLE_LABEL = re.compile(r"(?:table|exhibit|图表|表)\s*[0-9一二三四五六七八九十]+(?:[-.－][0-9]+)?\s*[.:：、]?\s", re.I)
MAX_CHARS = 400


def chunk_document(doc: Document) -> list[Chunk]:
    """All chunks of one document, in order; ``doc.text[c.start:c.end] == c.text`` for each."""
    builder = _Builder(doc)
    for block in parse_blocks(doc.text):
        builder.add(block)
    builder.flush()
    return builder.chunks


def _scale_line(line: str) -> bool:
    """A unit line that scales a table: ``_scale_line("(in thousands, except per share data)") -> True``;
    ``_scale_line("(unaudited)") -> False``."""
    return bool(UNIT_LINE.match(line)) and re.search(r"(?i)thousand|million|billion|千|万|萬|亿|億", line) is not None


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

    def _layout(self, block: Block) -> None:
        """One chunk per row of a table laid out with spaces: its label, then each cell under its
        column's name ("Power supplies | TG9-8L: 6× 3,300 W"); a cell's own ";" would part it."""
        spans = line_spans(self.doc.text[block.start:block.end])
        read = figure_table_rows if block.label == "figures" else layout_rows
        headers, rows = read([self.doc.text[block.start + a:block.start + b] for a, b in spans])
        caption = lead_in(self.doc.text[:block.start]) or self._caption(block.start)
        if block.label == "figures" and re.search(r"[a-z]{2}[.;]$", caption):
            caption = self.path[-1][1]  # a sentence's last line above it is no caption: its section is
        caption = caption.replace(" | ", " / ")
        for row in rows:
            # a row's serial number ("序号", "No.") labels nothing: its first cell of words does
            at = 2 if SERIAL.fullmatch(row.cells[0]) and len(row.cells) > 2 and row.cells[1] else 1
            pairs = "; ".join(f"{h}: {c.replace(';', ',')}" for h, c in zip(headers[at:], row.cells[at:]) if c)
            self._emit(block.start + spans[row.first][0], block.start + spans[row.last][1], "table",
                       f"{caption} | {row.cells[at - 1]} | {pairs}")

    def _table(self, block: Block) -> None:
        if block.label in ("layout", "figures"):
            return self._layout(block)
        rows = line_spans(self.doc.text[block.start:block.end])
        lines = [self.doc.text[block.start + a:block.start + b] for a, b in rows]
        flat = block.label == "flat"
        cells = [(row_cells if flat and k else header_cells if flat else _cells)(line) for k, line in enumerate(lines)]
        measures = metric_header(lines[0]) if flat and not cells[0] else []
        by_period = bool(measures)  # rows are periods, columns measures
        below = lines[1] if len(lines) > 1 else ""
        named = column_header(lines[0], below) if flat and not cells[0] and not measures else []  # columns of names
        headers = measures or named or cells[0]
        caption = own_caption = self._caption(block.start)
        # the periods' own measures under them ("金額  佔比"), or the header's words wrapped ("（1-3月份）")
        label_cell = [h for h in headers[:1] if not PERIOD_CELL.match(h)]
        over_raw = self._raw_line_above(block.start)  # with its indent: where each span starts tells
        over = over_raw if over_raw.strip() == caption else caption
        dated = self._month_days(headers, block.start) if flat else None
        if dated:  # "January 31,  January 31," between the spans and the years
            headers, over = dated
        subs = sub_headers(spanned(headers, over, lines[0]), lines[1]) if flat and len(lines) > 1 else []
        wrapped_head = flat and len(lines) > 1 and (bool(subs) or continues_header(lines[1]))
        if flat:
            if wrapped_head:
                headers = subs or header_cells(wrapped_header(lines[0], lines[1])) or headers
            above = self._caption(self._line_above(block.start))
            stacked = stacked_header(over_raw, named, lines[1] if wrapped_head else "") if named else []
            if stacked:  # the header's longer names begun on the line above it, the table's caption above that
                headers = stacked
                caption = own_caption = above
            headers = with_year(with_years(headers, self.year), " ".join((caption, above, self.path[-1][1])))
            headers = headers if subs else spanned(headers, over, lines[0])
            # the unit stands above the table, between header and rows, or in the header's label cell
            units = [line.strip() for line in lines[1:] if UNIT_LINE.match(line.strip())] + (label_cell if not named else [])
            units += self._units_above(block.start) if dated else []
            caption = " ".join(x for x in ("" if row_cells(above) or above == caption else above, caption, *units) if x)
        below = self._units_below(block.end)
        if below and table_unit(caption) == (1.0, ""):
            caption = f"{caption} {below}"  # an exhibit's note under it: "$ in thousands, except per-share amounts."
        previous = wrapped = ""
        for k, ((a, b), row) in enumerate(zip(rows[1:], cells[1:]), start=1):
            line = lines[k].strip()
            if flat and not row and k > 1 and label_over(lines[k - 1], line):
                row, a = [lines[k - 1].strip()] + figures_only(line), rows[k - 1][0]  # "Revenue" over its figures
            restated = restated_header(line) if flat else []
            if restated:  # "2025年末  2024年末  …": the columns change mid-table
                headers = with_years(restated, self.year)
                continue
            if wrapped_head and k == 1:
                continue  # the header's wrapped words, read with the header
            if flat and not row:
                over = k + 1 < len(lines) and label_over(line, lines[k + 1])  # read with its figures
                wrapped = line if GROUP_LABEL.match(line) and not line.endswith((":", "：")) and not over else ""
                continue
            if all(re.fullmatch(r":?-+:?", c) for c in row if c):
                continue  # the |---| separator
            if flat:
                # a label wrapped onto its figures' line: a unit note, or an indented or lower-case rest
                if wrapped and (row[0][:1] in "(（" or lines[k][:1].isspace() or row[0][:1].islower()):
                    row = [wrapped + (" " if re.match(r"[A-Za-z]", row[0]) else "") + row[0]] + row[1:]
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
                    if SERIAL_HEADER.fullmatch(headers[0]) and re.fullmatch(r"\d{1,3}", row[0]) and len(row) > 2:
                        row = row[1:]  # "1  甲项目  …": the row is the project's, not "1"'s
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
        return [line.strip() for line in above if _scale_line(line.strip())][-1:]  # ("(unaudited)" is none)

    def _units_below(self, table_end: int) -> str:
        """The unit note on the first line under a table ("$ in thousands, except per-share amounts"), "" if none."""
        after = re.split(r"(?<=[.。])\s", self.doc.text[table_end:].lstrip("\r\n").split("\n", 1)[0].strip())[0]
        return after if _scale_line(after) else ""

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


def lead_in(before: str, most: int = 240) -> str:
    """The sentence that introduces a table with a colon, wrapped over several lines ("… come
    online in two stages, set out below:"): it says what the rows are, which "follows:" alone
    does not; "" when the text above ends otherwise.

    ``lead_in("Intro. The sites will open\nin two phases as follows:\n\n")``
    -> ``"The sites will open in two phases as follows:"``"""
    para = re.split(r"\n\s*\n", before.rstrip())[-1]
    if not para.rstrip().endswith((":", "：")) or "\n" not in para.strip():
        return ""  # (a one-line caption is the caller's)
    sentence = re.split(r"(?<=[.。!?！？])\s+", squash(para))[-1]
    return sentence if len(sentence) <= most else ""


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


def chunk_corpus(docs: list[Document]) -> list[Chunk]:
    return [c for d in docs for c in chunk_document(d)]
