"""Compose the final answer text: the checked model answer, or the extractive fallback, with the
refusal and conflict wording in the asker's language and script."""

from __future__ import annotations

from .check import Checked
from .numbers import figures, supported
from .numbers import render as render_figure
from .records import Conflict, Evidence
from .text import detect_language, squash, to_script

REFUSAL = {"zh-Hans": "报告中没有关于这个问题的信息。", "zh-Hant": "報告中沒有關於這個問題的資訊。",
           "en": "The reports don't say."}
EXTRACTIVE_LEAD = {"zh-Hans": "报告原文：", "zh-Hant": "報告原文：", "en": "The reports say: "}
NEAR_LEAD = {"zh-Hans": "报告没有给出所问的数字。报告给出的是：", "zh-Hant": "報告沒有給出所問的數字。報告給出的是：",
             "en": "The reports don't give that figure. What they do give: "}
MISSING_PART = {"zh-Hans": "报告没有提到：", "zh-Hant": "報告沒有提到：", "en": "The reports don't say: "}
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


def extractive(evidence: list[Evidence], language: str, wants_figure: bool, fitting=()) -> str:
    """The top evidence sentences themselves, each with its marker: for a question about a figure
    the best two that state one, otherwise the best one. A figure quoted from a report in the
    other language comes first, converted for the asker ("12亿美元" -> "$1.2 billion")."""
    on_topic = [e for e in evidence if e.covers] or evidence[:1]
    with_figures = [e for e in on_topic if figures(e.label or e.quote)]
    chosen = with_figures[:2] if wants_figure and with_figures else on_topic[:1]
    lead = converted(chosen, language, fitting)
    return lead + EXTRACTIVE_LEAD[language] + " ".join(_cited(e, language) for e in chosen)


def converted(chosen: list[Evidence], language: str, fitting) -> str:
    """The fitting figures of quotes written in the other language, in the asker's terms."""
    out = []
    for e in chosen:
        if (detect_language(e.quote) == "en") == (language == "en"):
            continue
        for f in fitting:
            if f.source == e.source and f.sent_start == e.start:
                out.append(f"{about(f)}: {render_figure(f.value, f.quantity, f.currency, language)} [{e.n}]")
    if not out:
        return ""
    return ("; ".join(out[:2]) + ". ") if language == "en" else ("；".join(out[:2]) + "。")


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


def near_miss(nearest: list[tuple], language: str) -> str:
    """The refusal for a question the reports nearly answer, listing what they do give.

    ``near_miss([(fact, 1)], "en")`` -> "The reports don't say. What they do give: coreweave
    营收 (2025q2): 12亿美元 [1]."
    """
    if not nearest:
        return REFUSAL[language]
    items = [f"{about(f)}: {f.text}" + (f" [{n}]" if language == "en" else f"[{n}]") for f, n in nearest]
    sep = "; " if language == "en" else "；"
    return NEAR_LEAD[language] + sep.join(items) + ("." if language == "en" else "。")


def about(fact) -> str:
    """What a fact is about, as a short label: "coreweave 营收 2025q2"."""
    return " ".join(p for p in (fact.entity, fact.metric, fact.period) if p) or "—"


def missing_note(parts, language: str) -> str:
    if not parts:
        return ""
    sep = "; " if language == "en" else "；"
    return MISSING_PART[language] + sep.join(p.text for p in parts) + ("." if language == "en" else "。")


def to_script_text(text: str, language: str) -> str:
    return to_script(text, language) if language != "en" else text
