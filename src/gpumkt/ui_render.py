"""HTML / markdown for the chat UI: the evidence panel, the checked answer, the status line."""

from __future__ import annotations

import html
import re
import time

from .records import Answer, Evidence
from .text import squash

EXAMPLES = [["CoreWeave 客户集中度?"], ["CoreWeave 2025年第二季度营收是多少?"], ["輝達向CoreWeave投資了多少錢?"],
            ["CoreWeave的資產負債比率是多少?"], ["What is the valuation of Together AI?"],
            ["How fast is Modal's cold start?"]]


def evidence_html(evidence: list[Evidence], docs: dict) -> str:
    """One card per evidence item: report title and file, heading path, passage with the quote marked."""
    cards = []
    for e in evidence:
        doc = docs.get(e.source)
        title = html.escape(doc.title if doc else e.source)
        passage = e.passage or e.quote
        at = passage.find(e.quote)
        before, after = (passage[:at], passage[at + len(e.quote):]) if at >= 0 else ("", "")
        body = (html.escape(squash(before)) + "<mark>" + html.escape(squash(e.quote)) + "</mark>"
                + html.escape(squash(after)))
        cards.append(f'<div class="ev" id="ev-{e.n}"><b>[{e.n}] {title}</b>'
                     f'<div class="meta">{html.escape(e.where)} · {html.escape(e.section)}</div>'
                     f"<div>{body}</div></div>")
    return "\n".join(cards)


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
        vals = "; ".join(f"{v['value']} [{v['n']}]" for c in a.conflicts for v in c.values)
        notes.append(f"⚖️ **Reports differ:** {vals}")
    return text + ("\n\n" + "\n\n".join(notes) if notes else "")


def status_line(stage: str, t0: float, tokens: int = 0, answer: Answer | None = None) -> str:
    elapsed = time.perf_counter() - t0
    if stage == "done" and answer is not None:
        t = answer.timings
        return (f"✔ done in {t.total_ms / 1000:.1f} s · evidence {t.retrieve_ms:.0f} ms · first token "
                f"{t.first_token_ms / 1000:.1f} s · {t.decode_tokens_per_s:.1f} tok/s · checked")
    rate = f" · {tokens / elapsed:.1f} tok/s" if tokens and elapsed else ""
    return f"⏳ {stage}… {elapsed:.1f} s{rate}"
