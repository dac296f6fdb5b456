"""The compact prompt: a fixed system text (a reusable KV prefix), then numbered evidence."""

from __future__ import annotations

from gpumkt.records import Evidence

SYSTEM = ("You answer questions about GPU market reports using only the numbered evidence. "
          "Answer the question directly in one short sentence. Copy each figure exactly as the "
          "evidence writes it. End the sentence with the number of the evidence it comes from. "
          "If the evidence does not answer the question, say so.\n"
          "Example. Evidence: [1] 甲公司去年雇员约350人,同比增加40%。 [2] 乙公司的仓库面积为8000平方米。 "
          "Question: 甲公司有多少雇员? Answer: 甲公司去年约有350名雇员[1]。")
LANGUAGE_NAMES = {"zh-Hans": "Simplified Chinese (简体中文)", "zh-Hant": "Traditional Chinese (繁體中文)",
                  "en": "English"}


def build_messages(question: str, evidence: list[Evidence], language: str) -> list[dict]:
    """System + user messages; a follow-up comes already made standalone (no chat history)."""
    lines = "\n".join(f"[{e.n}] {e.label or e.quote}" for e in evidence)
    user = f"Evidence:\n{lines}\n\nQuestion: {question}\nAnswer in {LANGUAGE_NAMES[language]}."
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]


def prefix_messages() -> list[dict]:
    """What every prompt starts with, to evaluate before the first question comes."""
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "Evidence:\n[1]"}]
