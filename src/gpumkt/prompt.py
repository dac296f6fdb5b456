"""The compact prompt: a fixed system text (a reusable KV prefix), then numbered evidence."""

from __future__ import annotations

from .records import Evidence

SYSTEM = ("You answer questions about GPU market reports using only the numbered evidence. "
          "Answer the question directly in one short sentence. Copy each figure exactly as the "
          "evidence writes it. End the sentence with the number of the evidence it comes from. "
          "If the evidence does not answer the question, say so.\n"
          "Example. Evidence: [1] 公司营收达到12亿美元,年增长率207%。 [2] 员工2000人。 "
          "Question: 公司营收多少? Answer: 公司营收为12亿美元[1]。")
LANGUAGE_NAMES = {"zh-Hans": "Simplified Chinese (简体中文)", "zh-Hant": "Traditional Chinese (繁體中文)",
                  "en": "English"}


def build_messages(question: str, evidence: list[Evidence], language: str,
                   history: list[tuple[str, str]] = ()) -> list[dict]:
    """System + user messages; ``history`` (question, answer) pairs come before, already trimmed."""
    lines = "\n".join(f"[{e.n}] {e.label or e.quote}" for e in evidence)
    user = f"Evidence:\n{lines}\n\nQuestion: {question}\nAnswer in {LANGUAGE_NAMES[language]}."
    messages = [{"role": "system", "content": SYSTEM}]
    for q, a in history:
        messages += [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
    return messages + [{"role": "user", "content": user}]
