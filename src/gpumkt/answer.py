"""Compose the final answer text: the checked model answer, or the extractive fallback, with the
refusal and conflict wording in the asker's language and script."""

from __future__ import annotations

from .check import Checked
from .numbers import figures, supported
from .records import Conflict, Evidence
from .text import squash, to_script

REFUSAL = {"zh-Hans": "报告中没有关于这个问题的信息。", "zh-Hant": "報告中沒有關於這個問題的資訊。",
           "en": "The reports don't say."}
EXTRACTIVE_LEAD = {"zh-Hans": "报告原文：", "zh-Hant": "報告原文：", "en": "The reports say: "}
CONFLICT_LEAD = {"zh-Hans": "注意：各报告的数字不一致：", "zh-Hant": "注意：各報告的數字不一致：",
                 "en": "Note: the reports differ: "}


def fallback_reason(checked: Checked, wants_number: bool, question: str) -> str:
    """Why the model's answer cannot stand ("" when it can)."""
    if checked.unsupported:
        return "unsupported figures: " + ", ".join(checked.unsupported)
    if checked.offtopic:
        return "figures from evidence about something else: " + ", ".join(checked.offtopic)
    if not checked.cited:
        return "no citation"
    asked = figures(question)
    if wants_number and not [f for f in checked.figures if not supported(f, asked)]:
        return "no figure beyond the question's own in an answer to a question about a figure"
    return ""


def extractive(evidence: list[Evidence], language: str, wants_figure: bool) -> str:
    """The top evidence sentences themselves, each with its marker: for a question about a figure
    the best two that state one, otherwise the best one."""
    with_figures = [e for e in evidence if figures(e.label or e.quote)]
    on_topic = [e for e in with_figures if e.covers]
    chosen = (on_topic[:2] or with_figures[:1]) if wants_figure and with_figures else evidence[:1]
    return EXTRACTIVE_LEAD[language] + " ".join(_cited(e, language) for e in chosen)


def _cited(e: Evidence, language: str) -> str:
    """One quoted sentence with its marker before the full stop: "营收12亿美元[1]。" """
    text = squash(e.label or e.quote).rstrip("。.,，;；:： ")
    return f"{text} [{e.n}]." if language == "en" else f"{text}[{e.n}]。"


def conflict_note(conflicts: list[Conflict], language: str) -> str:
    if not conflicts:
        return ""
    sep = " vs " if language == "en" else "，"
    values = sep.join(f"{v['value']} [{v['n']}]" if language == "en" else f"{v['value']}[{v['n']}]"
                      for c in conflicts for v in c.values)
    return CONFLICT_LEAD[language] + values + ("." if language == "en" else "。")


def render(text: str, note: str, language: str) -> str:
    """Join answer and note, and put Chinese text in the asker's script."""
    joined = text.strip() + ((" " if language == "en" else "") + note if note else "")
    return to_script(joined, language) if language != "en" else joined
