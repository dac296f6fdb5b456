"""HTML / markdown for the front ends: the evidence panel, the checked answer, the status line, and
the Markdown export an analyst pastes into a note (``gpumkt ask --markdown``)."""

from __future__ import annotations

import html
import re
import time

from gpumkt.lang.text import squash, to_script
from gpumkt.records import Answer, Evidence

EXAMPLES = [["CoreWeave 客户集中度?"], ["CoreWeave 2025年第二季度营收是多少?"], ["輝達向CoreWeave投資了多少錢?"],
            ["CoreWeave的資產負債比率是多少?"], ["What is the valuation of Together AI?"],
            ["How fast is Modal's cold start?"]]


def evidence_html(evidence: list[Evidence], docs: dict) -> str:
    """One card per passage, in citation order: report title, file (and page), heading path, and
    the passage in its original script with every cited sentence marked and numbered. Each
    citation number is an anchor (``#ev-N``) inside its card."""
    by_chunk: dict[str, list[Evidence]] = {}
    for e in evidence:
        by_chunk.setdefault(e.chunk_id, []).append(e)
    cards = []
    for items in by_chunk.values():
        first = items[0]
        doc = docs.get(first.source)
        title = html.escape(doc.title if doc else first.source)
        anchors = "".join(f'<a id="ev-{e.n}"></a>' for e in items)
        numbers = "".join(f"[{e.n}]" for e in items)
        cards.append(f'<div class="ev">{anchors}<b>{numbers} {title}</b>'
                     f'<div class="meta">{html.escape(first.where)} · {html.escape(first.section)}</div>'
                     f"<div>{_body(first, items)}</div></div>")
    return "\n".join(cards)


def _body(first: Evidence, items: list[Evidence]) -> str:
    """A card's text: a chart as its title and labelled values, a table row as a table with its
    headers, anything else as the passage with the cited sentences marked."""
    passage = first.passage or first.quote
    if passage.lstrip().startswith("```") and first.label:
        return _chart(first.label, items)
    if passage.lstrip().startswith("|") and first.label:
        table = _table_row(first.quote, first.label, items)
        if table:
            return table
    return _marked(passage, items)


def _chart(label: str, items: list[Evidence]) -> str:
    """A chart's title and values, then each cited line of its source verbatim (the report's words).

    ``_chart("规模 (十亿美元). 2024: 82.68; 2025: 119.97", [e])`` -> ``<div class="chart"><b>规模
    (十亿美元)</b> 2024: 82.68 · 2025: 119.97</div>`` and e's line marked below it
    """
    title, _, values = label.partition(". ")
    shown = " · ".join(html.escape(v.strip()) for v in values.split(";") if v.strip())
    lines = "".join(f'<div class="src"><mark><code>{html.escape(e.quote)}</code></mark><sup>[{e.n}]</sup></div>'
                    for e in items)
    return f'<div class="chart">📊 <b>{html.escape(title)}</b> {shown}</div>{lines}'


def _table_row(row: str, label: str, items: list[Evidence]) -> str:
    """A table row under its headers ("" when the label's headers do not match the row's cells).

    ``_table_row("| A | 8亿 |", "细分 | 名称: A; 规模: 8亿", [e])`` -> a two-column table, headers
    名称 and 规模, the row marked with e's number
    """
    cells = [c.strip() for c in row.strip().strip("|").split("|")]
    pairs = [p.partition(": ") for p in label.rpartition(" | ")[2].split("; ")]
    if len(pairs) != len(cells) or any(not sep for _, sep, _ in pairs):
        return ""
    caption, _, _ = label.rpartition(" | ")
    numbers = "".join(f"<sup>[{e.n}]</sup>" for e in items)
    head = "".join(f"<th>{html.escape(k)}</th>" for k, _, _ in pairs)
    body = "".join(f"<td><mark>{html.escape(c)}</mark></td>" for c in cells)
    caption = f'<div class="meta">{html.escape(caption)}</div>' if caption else ""
    return f"{caption}<table><tr>{head}</tr><tr>{body}</tr></table>{numbers}"


def nearest_html(a: Answer) -> str:
    """For a near miss: the figures the reports do give nearby, each with what it is about and
    its card's number, above the cards (in the asker's language)."""
    if not (a.refused and a.nearest):
        return ""
    head = "Nearest figures in the reports (not what was asked)" if a.language == "en" else \
        to_script("报告中最接近的数字（并非所问）", a.language)
    rows = "".join(f"<li>{html.escape(x['figure'])} — {html.escape(x['about'])} [{x['n']}]</li>"
                   for x in a.nearest)
    return f'<div class="nearest"><b>{head}</b><ul>{rows}</ul></div>'


def _marked(passage: str, items: list[Evidence]) -> str:
    """The passage, escaped, each quoted sentence in ``<mark>`` with its number; **bold** kept.

    ``_marked("A。B。", [Evidence(2, "s", "c", "", "B。", 0, 0, 0)])`` ->
    ``'A。<mark>B。</mark><sup>[2]</sup>'``
    """
    spans = sorted((passage.find(e.quote), e) for e in items if e.quote and passage.find(e.quote) >= 0)
    out, at = [], 0
    for start, e in spans:
        if start < at:
            continue  # a sentence inside one already marked
        out += [_text(passage[at:start]), f"<mark>{_text(e.quote)}</mark><sup>[{e.n}]</sup>"]
        at = start + len(e.quote)
    out.append(_text(passage[at:]))
    unplaced = [e for e in items if not e.quote or passage.find(e.quote) < 0]
    out += [f"<div><mark>{_text(e.quote)}</mark><sup>[{e.n}]</sup></div>" for e in unplaced]
    return "".join(out)


def _text(text: str) -> str:
    """Escaped, whitespace folded, markdown bold as bold: ``_text("**营收** a<b") -> "<b>营收</b> a&lt;b"``"""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(squash(text)))


def answer_markdown(a: Answer) -> str:
    """The checked answer: [n] linked to the panel; refusals, fallbacks, flagged figures, conflicts."""
    if a.refused:
        return f"🚫 **{a.answer}**"
    text = re.sub(r"\[(\d+)\]", r"[\[\1\]](#ev-\1)", a.answer)
    notes = []
    if a.fallback:
        notes.append("ℹ️ The model's own answer did not pass the checks; these are the report's words.")
    if a.unsupported:
        flagged = ", ".join(f"~~{f}~~" for f in a.unsupported)
        notes.append(f"⚠️ Not found in the evidence, so not shown as fact: {flagged}")
    if a.conflicts:
        vals = "; ".join(c.summary() for c in a.conflicts)
        notes.append(f"⚖️ **Reports differ:** {vals}")
    return text + ("\n\n" + "\n\n".join(notes) if notes else "")


def status_line(stage: str, t0: float, tokens: int = 0, answer: Answer | None = None) -> str:
    elapsed = time.perf_counter() - t0
    if stage == "done" and answer is not None:
        t = answer.timings
        return (f"✔ done in {t.total_ms / 1000:.1f} s · evidence {t.retrieve_ms:.0f} ms · first token "
                f"{t.first_token_ms / 1000:.1f} s · {t.completion_tokens} tokens at "
                f"{t.decode_tokens_per_s:.1f} tok/s · checked")
    rate = f" · {tokens / elapsed:.1f} tok/s" if tokens and elapsed else ""
    return f"⏳ {stage}… {elapsed:.1f} s{rate}"


def export_markdown(a: Answer) -> str:
    """The checked answer with its sources, to paste into a note: every cited sentence verbatim as
    a quote, with its report section, file (and page) and character offsets.

    ``export_markdown(Answer("营收?", "zh-Hans", "营收12亿美元[1]。", False, [Evidence(1, "002.txt", …,
    "AI算力 > 一、财报", "营收达到12亿美元。", 120, 131, 1.0)], …))`` ->
    ``"### 营收?\n\n营收12亿美元[1]。\n\n> [1] 营收达到12亿美元。\n> — AI算力 > 一、财报 · `002.txt` ·
    characters 120–131\n"``
    """
    lines = [f"### {squash(a.question)}", "", a.answer.strip()]
    if a.conflicts:
        lines += ["", "Reports differ: " + "; ".join(c.summary() for c in a.conflicts)]
    if a.unsupported:
        lines += ["", "Figures not found in the evidence (not shown as fact): " + ", ".join(a.unsupported)]
    for e in a.citations:
        lines += ["", f"> [{e.n}] {squash(e.quote)}", f"> — {e.section} · `{e.where}` · characters {e.start}–{e.end}"]
    return "\n".join(lines) + "\n"
