"""Compose the final answer text: the checked model answer, or the extractive fallback, with the
refusal and conflict wording in the asker's language and script."""

from __future__ import annotations

import re

from gpumkt.answer.check import Checked, is_year, same_value
from gpumkt.ingest.facts import range_start
from gpumkt.lang.numbers import figures, supported
from gpumkt.lang.numbers import render as render_figure
from gpumkt.lang.dates import dates
from gpumkt.lang.text import HAN, detect_language, squash, to_script
from gpumkt.records import Conflict, Evidence

REFUSAL = {"zh-Hans": "报告中没有关于这个问题的信息。", "zh-Hant": "報告中沒有關於這個問題的資訊。",
           "en": "The reports don't say."}
EXTRACTIVE_LEAD = {"zh-Hans": "报告原文：", "zh-Hant": "報告原文：", "en": "The reports say: "}
FOREIGN_LEAD = {"zh-Hans": "报告原文（英文）：", "zh-Hant": "報告原文（英文）："}
ELSEWHERE = {"zh-Hans": "报告以英文写成，原文见证据", "zh-Hant": "報告以英文寫成，原文見證據",
             "en": "The reports answer this in Chinese; see the quoted passage "}
NEAR_LEAD = {"zh-Hans": "报告没有给出所问的数字。报告给出的是：", "zh-Hant": "報告沒有給出所問的數字。報告給出的是：",
             "en": "The reports don't give that figure. What they do give: "}
MISSING_PART = {"zh-Hans": "报告没有提到：", "zh-Hant": "報告沒有提到：", "en": "The reports don't say: "}
CONFLICT_LEAD = {"zh-Hans": "注意：各报告的数字不一致：", "zh-Hant": "注意：各報告的數字不一致：",
                 "en": "Note: the reports differ: "}


OTHER_LANGUAGE = "not in the asker's language"


def fallback_reason(checked: Checked, wants_number: bool, question: str, asked_forms=()) -> str:
    """Why the model's answer cannot stand ("" when it can). ``asked_forms``: every written form
    of the companies the question names."""
    if not re.sub(r"\[\d+\]|[\W_]", "", LABEL_ONLY.sub("", checked.text)):
        return "no words besides citations"  # a small model sometimes answers "[3]" or "Evidence: [3]"
    if not wants_number and not new_words(checked.text, question, asked_forms):
        return "nothing the question did not already say"  # "辉达还投资了NVIDIA" for "辉达还投资了哪家"
    if detect_language(question) == "en" and HAN.search(checked.text):
        return OTHER_LANGUAGE
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


LABEL_ONLY = re.compile(r"(?i)^\s*(?:evidence|answer|sources?|passages?|citations?|证据|答案|来源)\s*[:：]")


def new_words(answer: str, question: str, forms=()) -> str:
    """What an answer says beyond the question: its text less citations, the asked companies'
    names and every stretch of two or more characters copied from the question.

    ``new_words("辉达还投资了NVIDIA[3]。", "辉达还投资了哪一家?", ["NVIDIA", "辉达"]) -> ""``
    """
    text = ENGLISH_FUNCTION.sub(" ", re.sub(r"\[\d+\]", " ", answer))
    for form in sorted(forms, key=len, reverse=True):
        text = re.sub(re.escape(form), " ", text, flags=re.I)
    lower, out, i = question.lower(), [], 0
    while i < len(text):
        j = i + 2
        while j <= len(text) and text[i:j].lower() in lower:
            j += 1
        if j > i + 2:
            i = j - 1  # text[i:j-1] is copied from the question
        else:
            out.append(text[i])
            i += 1
    rest = re.sub(r"[的了也还和与及]", "", "".join(out))
    return rest if re.search(r"[^\W_]", rest) else ""


ENGLISH_FUNCTION = re.compile(r"(?i)\b(?:it|its|this|that|they|was|were|is|are|be|been|the|a|an|and|or|of|in|on|"
                            r"to|by|for|with|also|has|have|had|did|does|do)\b")


def extractive(evidence: list[Evidence], language: str, wants_figure: bool, fitting=(), labels=None,
               unit_facts=None, kind: str = "", asked=()) -> str:
    """The evidence itself, for the asker: for a question about a figure the best two sentences
    that state one (those holding a fitting figure first), otherwise the best one. A sentence in
    the asker's language is quoted verbatim ("报告原文：…[1]。"); a sentence in the other language,
    or a table row or chart line (whose readable form is not the report's words), is given as its
    figures, each said in the asker's language ("CoreWeave revenue (Q2 2025): $1.2 billion [1].");
    an English sentence with no figure to say is quoted to a Chinese asker as it stands
    ("报告原文（英文）：…[1]。"), a Chinese one is never pasted for an English asker. A "when" question is given the sentence's dates; a question about a name
    the names the sentence adds to those asked (``asked``, entity keys), else its figures."""
    on_topic = [e for e in evidence if e.covers] or evidence[:1]
    if wants_figure:  # the sentences holding a figure that fits come first
        holding = {(f.source, f.sent_start) for f in fitting}
        on_topic.sort(key=lambda e: (e.source, e.start) not in holding)
    with_figures = [e for e in on_topic if figures(e.label or e.quote)]
    chosen = with_figures[:2] if wants_figure and with_figures else on_topic[:1]
    quoted = [e for e in chosen if _verbatim(e, language)]
    def say(e: Evidence) -> str:
        if kind == "year":
            return _dated(e, language)
        named = "" if wants_figure else _named(e, language, labels, asked)
        return named or _stated(e, language, fitting, labels, unit_facts or {})
    stated = [say(e) or (_figures_of(e, language) if wants_figure else "") for e in chosen if e not in quoted]
    parts = [x for x in stated if x]
    if quoted:
        parts.append(EXTRACTIVE_LEAD[language] + " ".join(_cited(e, language) for e in quoted))
    prose = [e for e in chosen if _prose(e)]
    if not parts and language != "en" and prose:  # a Chinese reader is given the English sentence itself
        parts = [FOREIGN_LEAD[language] + " ".join(_cited(e, language) for e in prose)]
    if not parts:
        parts = [ELSEWHERE[language] + "".join(f"[{e.n}]" for e in chosen) + ("." if language == "en" else "。")]
    return (" " if language == "en" else "").join(parts)


def restated(checked: Checked, evidence: list[Evidence], labels, unit_facts: dict, language: str) -> str:
    """A model answer written in the other language, said again in the asker's: each of its
    figures as the fact of the cited evidence that has that value, with that evidence's marker
    ("" when a figure has no such fact, or the answer has none).

    "CoreWeave的营收为12亿美元[1]。" to an English asker -> "CoreWeave revenue (Q2 2025): $1.2 billion [1]."
    """
    if labels is None:
        return ""
    cited = [e for e in evidence if e.n in checked.cited]
    said = []
    for fig in (f for f in checked.figures if not is_year(f)):
        match = next(((f, e.n) for e in cited for f in unit_facts.get((e.source, e.start), [])
                      if same_value(fig, f)), None)
        if match is None:
            return ""
        said.append(f"{labels.fact(match[0], language)} [{match[1]}]")
    if not said:
        return ""
    return "; ".join(dict.fromkeys(said)) + "." if language == "en" else "；".join(dict.fromkeys(said)) + "。"


def _named(e: Evidence, language: str, labels, asked=()) -> str:
    """For a question that asks no figure: the names the sentence uses besides those asked, in
    the asker's language ("" when it adds none: its figures are said instead)."""
    names = labels.names_in(e.quote, language, skip=asked) if labels else []
    return _passage_gives(e.n, names, language, "names", "提到", ", ", "、")


def _dated(e: Evidence, language: str) -> str:
    """For a "when" question: the dates of the sentence, in the asker's language.

    ``_dated(Evidence(n=1, quote="CoreWeave于2025年3月28日上市", …), "en")`` -> "The passage [1]
    gives: March 28, 2025."
    """
    return _passage_gives(e.n, dates(e.quote, language), language, "gives", "给出的日期", "; ", "；")


def _passage_gives(n: int, items: list[str], language: str, verb: str, lead: str, sep: str, zh_sep: str) -> str:
    """``_passage_gives(1, ["A", "B"], "en", "names", "提到", ", ", "、") -> "The passage [1] names: A, B."``;
    "" when there is nothing to give."""
    if not items:
        return ""
    if language == "en":
        return f"The passage [{n}] {verb}: " + sep.join(items) + "."
    return f"证据[{n}]{lead}：" + zh_sep.join(items) + "。"


def _prose(e: Evidence) -> bool:
    """The report's own words, not a rewritten table row or chart line."""
    return not e.label or squash(e.label) == squash(e.quote)


def _verbatim(e: Evidence, language: str) -> bool:
    """Quotable as the report's words to this asker: prose (not a rewritten row or chart line) in
    the asker's language (Simplified and Traditional both read Chinese)."""
    return _prose(e) and (detect_language(e.quote) == "en") == (language == "en")


def _stated(e: Evidence, language: str, fitting, labels, unit_facts: dict) -> str:
    """The figures of one evidence sentence in the asker's words, the ones that fit the question first."""
    mine = [f for f in fitting if f.source == e.source and f.sent_start == e.start]
    facts = [f for f in {f.id: f for f in mine + list(unit_facts.get((e.source, e.start), []))}.values()
             if not range_start(f)][:3]  # a range's first half is said with its second
    if not facts or labels is None:
        return ""
    if language == "en":
        return "; ".join(labels.fact(f, language) for f in facts) + f" [{e.n}]."
    return "；".join(labels.fact(f, language) for f in facts) + f"[{e.n}]。"


def _figures_of(e: Evidence, language: str) -> str:
    """A passage in the other language whose figures no fact records, its figures said for the
    asker: ``"The passage [1] gives: $5.18 billion, 170.5%."`` ("" when it has none)."""
    said = [_figure_for(f, language) for f in figures(e.quote) if not is_year(f)]
    return _passage_gives(e.n, list(dict.fromkeys(said))[:4], language, "gives", "给出的数字", ", ", "、")


def _figure_for(f, language: str) -> str:
    """``_figure_for(Figure("51.8亿美元", 5.18e9, "num", "usd"), "en") -> "$5.18 billion"``; a bare number as written."""
    quantity = {"pct": "pct", "mult": "mult"}.get(f.kind, "money" if f.currency else "")
    return render_figure(f.value, quantity, f.currency, language) if quantity else f.text


def _cited(e: Evidence, language: str) -> str:
    """One quoted sentence, verbatim, with its marker before the full stop: "营收12亿美元[1]。" """
    text = squash(e.quote).rstrip("。.,，;；:： ")
    return f"{text} [{e.n}]." if language == "en" else f"{text}[{e.n}]。"


def figure_said(f, language: str) -> str:
    """A fact's figure for the asker: as the report writes it, or to an English asker an amount,
    share or multiple in English (``35.3亿美元`` -> ``$3.53 billion``)."""
    if language != "en" or f.quantity not in ("money", "pct", "mult"):
        return f.text
    return render_figure(f.value, f.quantity, f.currency, "en")


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


def near_miss(nearest: list[tuple], language: str, labels=None) -> str:
    """The refusal for a question the reports nearly answer, listing what they do give.

    ``near_miss([(fact, 1)], "en", labels)`` -> "The reports don't give that figure. What they do
    give: CoreWeave revenue (Q2 2025): $1.2 billion [1]." (without labels: the facts' own keys)
    """
    if not nearest:
        return REFUSAL[language]
    said = (lambda f: labels.fact(f, language)) if labels else (lambda f: f"{about(f)}: {f.text}")
    items = [said(f) + (f" [{n}]" if language == "en" else f"[{n}]") for f, n in nearest]
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
