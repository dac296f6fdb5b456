"""Units: the candidate evidence of the index (a sentence, a table row, a chart line), each with
the context it is read in (the sentence before, its heading path, its list's parent item, the one
period its section states before it). ``facts.py`` reads the figures in them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from gpumkt.ingest.dating import document_date, fiscal_year_end, is_base
from gpumkt.ingest.report_periods import report_year
from gpumkt.lang.numbers import home_yuan
from gpumkt.lang.periods import period_spans, periods, western_years
from gpumkt.lang.text import HARD_END, normalise, normalise_aligned, plain, sentence_spans, squash
from gpumkt.records import Chunk

CHART_SYNTAX = ("```", "style", "classDef", "graph", "pie", "xychart", "timeline", "radar", "title",
                "x-axis", "y-axis", "flowchart")
SECTION_START = re.compile(r"#{1,6}\s|[一二三四五六七八九十]+、|\*\*[^*]{1,40}\*\*$")  # a heading line
LIST_ITEM = re.compile(r"\s*(?:[-*•]|\d+[.、)])\s")


@dataclass(frozen=True)
class Unit:
    """A candidate evidence sentence with the context it is read in (all normalised)."""

    chunk: Chunk
    start: int
    end: int
    quote: str  # verbatim
    label: str  # readable form shown to the model and the user
    own: str  # the sentence / row / chart line itself
    before: str = ""  # the sentence before (it often names the subject)
    heading: str = ""  # heading path without the title, table caption, chart title
    title: str = ""
    lead_period: str = ""  # the one period its section names before it (a list under a dated caption)
    reported: str = ""  # the period a periodic report covers, for a sentence about "the reporting period"
    dated: str = ""  # the year and month the document is about ("2025-11"), for a part of a year without its year
    fiscal_end: int = 0  # the month its fiscal year ends in, when not December, for "three months ended <date>"
    yuan: str = ""  # the dollar a bare 元 is in its document (a Taiwan filing's 仟元), when not the renminbi
    masthead: str = ""  # the document's opening lines: a broker's masthead, a white paper's cover names its author

    @property
    def context(self) -> str:
        return f"{self.heading} {self.before} {self.own}"


MASTHEAD = 400  # characters: a masthead, a cover's title, author and date


def units(chunk: Chunk, doc_text: str) -> list[Unit]:
    """Every unit of a chunk; table rows and chart lines keep their headers / title."""
    parts = chunk.section.split(" > ")
    dated, fiscal_end = document_date(doc_text), fiscal_year_end(doc_text)  # the document's, once
    yuan, masthead = home_yuan(doc_text), normalise(squash(doc_text[:MASTHEAD]))
    title, head = normalise(parts[0]), normalise(" ".join(parts[1:]))
    if chunk.kind == "table":
        caption, _, pairs = chunk.readable.partition(" | ")
        return [Unit(chunk, chunk.start, chunk.end, chunk.text, pairs or chunk.readable,
                     normalise(pairs or chunk.readable), "", f"{head} {normalise(caption)}", title,
                     fiscal_end=fiscal_end, yuan=yuan, masthead=masthead)]
    if chunk.kind == "chart":
        return [replace(u, yuan=yuan, masthead=masthead) for u in _chart_units(chunk, head, title)]
    speakers = speaker_labels(doc_text)
    spans = [(_after_speaker(doc_text, a, speakers), b)
             for a, b in sentence_spans(doc_text, chunk.start, chunk.end)]
    out = []
    for i, (a, b) in enumerate(spans):
        # A piece of a long sentence cut at a comma has the whole sentence so far before it (its
        # subject is often named at the start), else the sentence before.
        before = ""
        if i:
            start = _after_speaker(doc_text, min(spans[i - 1][0], _sentence_start(doc_text, a, chunk.start)), speakers)
            before = normalise(squash(doc_text[start:spans[i - 1][1]]))
        label = plain(squash(doc_text[a:b]))
        own = normalise(label)
        parent = list_parent(doc_text, a)
        out.append(Unit(chunk, a, b, doc_text[a:b], label, own, before,
                        f"{head} {normalise(plain(parent))}" if parent else head, title,
                        lead_period(doc_text, a),
                        reported(doc_text, own, a),
                        dated, fiscal_end, yuan, masthead))
    return out


# A transcript's turn opens with who speaks: "ROE: Q4 revenue was $512 million.", "Max Poe: So …"
SPEAKER = re.compile(r"(?m)^[ \t]*((?:[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,2})|(?:[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})):"
                     r"[ \t]+(?=[A-Za-z\[\"'\u4e00-\u9fff])")


@lru_cache(maxsize=8)
def speaker_labels(doc_text: str) -> frozenset[str]:
    """Labels that open two or more lines of a document followed by words, not a figure: the speakers
    of a transcript. ``speaker_labels("HOST: Hi.\\nROE: Thanks.\\nHOST: So?") -> {"HOST"}``"""
    seen = Counter(m.group(1) for m in SPEAKER.finditer(doc_text))
    return frozenset(label for label, n in seen.items() if n >= 2)


def _after_speaker(doc_text: str, a: int, speakers: frozenset[str]) -> int:
    """A sentence's start past the speaker who says it: the speaker is not what it is about (a
    figure in "ROE: We ended the year with 812 employees." is the company's)."""
    m = SPEAKER.match(doc_text, a) if speakers and (a == 0 or doc_text[a - 1] == "\n") else None
    return m.end() if m and m.group(1) in speakers else a


# A periodic report's sentence about its own period: "报告期内，公司实现营业收入…", "during the
# reporting period" (the period is the report's, named on its cover: ``report_periods.report_year``).
# A filing's field about its own period: "1月1日累计至本期止营业收入", "期末总资产".
REPORTING = re.compile(r"本?报告期|(?i:reporting period)|累计至本期|^\s*(?:\d+[.、])?期末")
# A quarterly letter's "at quarter end" and "this quarter" are its own quarter.
THE_QUARTER = re.compile(r"\bat (?:the )?quarter[- ]end\b|\b(?:this|the) quarter\b")


def reported(doc_text: str, own: str, a: int) -> str:
    """The report's own period where the sentence speaks of it: "during the reporting period", or
    a quarterly report's "at quarter end" (an annual report's quarter is none of its own)."""
    if REPORTING.search(own):
        return report_year(doc_text) or stated_range(doc_text, a)
    period = report_year(doc_text) if THE_QUARTER.search(own) else ""
    return period if period[4:5] == "q" else ""


# A filing's field that states the period it reports on: "报导期间起讫日期(XXX/XX/XX~XXX/XX/XX)：114/07/01~114/09/30"
RANGE_FIELD = re.compile(r"起[讫迄]日期[^：:\n]{0,40}[：:]\s*([^\n]{5,40})")


def stated_range(text: str, pos: int, reach: int = 1500) -> str:
    """The period the nearest such field before ``pos`` states, as a quarter, half or year:
    ``stated_range("起讫日期：114/07/01~114/09/30\n期末总资产：9", 30) -> "2025q3"``"""
    found = list(RANGE_FIELD.finditer(normalise(text[max(0, pos - reach):pos])))
    keys = [k for k in periods(western_years(found[-1].group(1))[0]) if "-" not in k] if found else []
    return keys[-1] if keys else ""


def lead_period(text: str, pos: int, reach: int = 1500) -> str:
    """The period a section states before ``pos`` when it states only one (back to its heading,
    at most ``reach`` characters): the lines of a list under "2025年第二季度…的市场份额。" are that
    quarter's. ``lead_period("# 份额\\n2025年第二季度的份额:\\n甲: 4%\\n乙: 2%", 26)`` -> "2025q2"."""
    heading_ends, stated = _section_marks(text)
    i = bisect.bisect_right(heading_ends, pos)  # the last heading line ending before pos
    floor = max(pos - reach, heading_ends[i - 1]) if i else pos - reach
    within = [(a, b, k) for a, b, k in stated[bisect.bisect_left(stated, (floor,)):] if b <= pos]
    found = {k for _, _, k in within}
    return found.pop() if len(found) == 1 else _caption(text, within[-1][0]) if within else ""


def _caption(text: str, at: int) -> str:
    """The period a caption line holding ``text[at]`` names: a short line that is a period and
    perhaps a bracketed note ("FY27 (guidance)", "Q3 FY27 (three months to March)"), so
    the rows under it, up to the next period stated, are that period's; "" for any other line.
    ``_caption("Outlook\\nFY27 (guidance)\\nRevenue $5.8B", 8)`` -> "2027"
    """
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = normalise(text[start:end if end >= 0 else len(text)].strip())
    spans = period_spans(line)
    if not spans or spans[0][0] or len(line) > 60 or re.search(r"\d", line[spans[0][1]:].split("(")[0]):
        return ""
    return spans[0][2]


@lru_cache(maxsize=16)
def _section_marks(text: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Where each heading line of a document ends, and every period it states (a comparison's
    base left out), found once per document: each unit's lead period is then a look-up."""
    heading_ends, pos = [], 0
    for line in text.split("\n"):
        if SECTION_START.match(line.strip()):
            heading_ends.append(pos + len(line))
        pos += len(line) + 1
    norm = normalise_aligned(text)
    stated = [(a, b, k) for a, b, k in period_spans(norm) if not is_base(norm, a)]
    return heading_ends, stated


def list_parent(text: str, pos: int) -> str:
    """The item a nested list item hangs under: its context, as a heading is (the line before is
    a sibling). ``list_parent("1. NVIDIA\\n   - 份额: 90%", 13)`` -> "1. NVIDIA"; "" for a line that
    is no indented list item, or one under a heading; an indented line without a bullet hangs under
    a lead-in line ending in a colon: ``list_parent("Acme expects:\\n   Revenue of $5", 17)`` -> "Acme expects:"."""
    start = text.rfind("\n", 0, pos) + 1
    line = text[start:text.find("\n", start) if "\n" in text[start:] else len(text)]
    indent = len(line) - len(line.lstrip(" \t"))
    if not indent:
        return ""
    for prev in reversed(text[max(0, start - 2000):start].splitlines()[-40:]):
        if prev.strip() and len(prev) - len(prev.lstrip(" \t")) < indent:
            if prev.lstrip().startswith("#"):
                return ""
            # (an item without a bullet, as a PDF's list shows, hangs under a lead-in line only:
            # "Acme expects:")
            return prev.strip() if LIST_ITEM.match(line) or prev.rstrip()[-1:] in ":：" else ""
    return ""


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Where the sentence holding ``pos`` starts: after the last full stop or line end before it.

    ``_sentence_start("甲。乙,丙", 4, 0) -> 2``
    """
    ends = [text.rfind(ch, floor, pos) for ch in HARD_END + "\n"]
    return max(ends + [floor - 1]) + 1


def _chart_units(c: Chunk, head: str, title: str) -> list[Unit]:
    raw_title = c.readable.split(". ")[0]
    node_labels = dict(re.findall(r"(\w+)\s*\[([^\]]+)\]", c.text))
    out, pos = [], c.start
    for line in c.text.splitlines(keepends=True):
        body = line.strip()
        if body and not body.startswith(CHART_SYNTAX):
            a = pos + line.index(body)
            paired = re.match(r"(bar|line)\s*\[", body) and ": " in c.readable
            label = c.readable if paired else f"{raw_title}: {chart_label(body)}"
            parent = _parent_label(body, node_labels)
            out.append(Unit(c, a, a + len(body), body, label, normalise(label), "",
                            f"{head} {normalise(raw_title)}" + (f" {normalise(parent)}" if parent else ""), title))
        pos += len(line)
    return out


def _parent_label(line: str, node_labels: dict[str, str]) -> str:
    """A flowchart edge's parent node, labelled on another line, is the child's context: in
    ``C --> C3[Groq: 25亿美元]`` under ``A --> C[第二梯队 估值10-100亿美元]`` the 25亿 is a valuation.

    ``_parent_label("C --> C3[Groq]", {"C": "估值"}) -> "估值"``
    """
    m = re.match(r"(\w+)\s*-", line)
    return node_labels.get(m.group(1), "") if m else ""


def chart_label(line: str) -> str:
    """``chart_label('B --> B1[CoreWeave: 456亿美元]') -> "CoreWeave: 456亿美元"``"""
    labels = re.findall(r"\[([^\]]+)\]", line)
    text = " ".join(labels) if labels else line.replace('"', "")
    return re.sub(r"<br\s*/?>", " ", text).strip(": ")


def sibling_items(unit: Unit) -> bool:
    """The unit and the sentence before it are items of one list: the item before is a sibling
    (another company's line), not context; the list's heading or lead-in line is.

    ``sibling_items(<unit "- 融资: 5亿美元" after "- 合作: 与Dell合作">) -> True``; so is the
    last sentence of an item of several ("- Sites: 4. The newest opened in May."), unless
    it leads into the list with a colon.
    """
    return bool(LIST_ITEM.match(unit.quote) and unit.before and (
        LIST_ITEM.match(unit.before) or unit.before.rstrip()[-1:] not in ":："))
