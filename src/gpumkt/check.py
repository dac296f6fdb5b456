"""Check an answer against its evidence: citations, figures, conflicts.

Nothing here trusts the model: every [n] must name evidence that was given, every figure must
occur in the evidence it cites, and a sentence with no marker is given the evidence it overlaps
most (or marked unsupported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numbers import Figure, figures, supported
from .records import Conflict, Evidence
from .text import normalise

MARKER = re.compile(r"\s*[\[【［](\d+(?:\s*[,，、]\s*\d+)*)[\]】］]")
SENTENCE = re.compile(r".+?(?:[。！？!?]|\.(?=\s|$)|$)(?:\s*\[\d+\])*", re.S)
MIN_OVERLAP = 0.3  # share of a sentence's character bigrams found in the evidence


@dataclass
class Checked:
    text: str  # the answer with canonical, valid [n] markers
    cited: list[int] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)  # figures not found in cited evidence
    offtopic: list[str] = field(default_factory=list)  # figures only found in evidence about something else
    unsupported_sentences: list[str] = field(default_factory=list)
    dropped_markers: list[int] = field(default_factory=list)  # [n] that named no evidence

    @property
    def figures(self) -> list[Figure]:
        return figures(MARKER.sub(" ", self.text))


def canonical_markers(text: str) -> str:
    """``canonical_markers("营收12亿【1、2】") -> "营收12亿[1][2]"``"""
    return MARKER.sub(lambda m: "".join(f"[{n}]" for n in re.split(r"\s*[,，、]\s*", m.group(1))), text)


def split_answer(text: str) -> list[str]:
    """Sentences, each keeping the markers that follow it: ``"A。[1] B。[2]" -> ["A。[1]", "B。[2]"]``"""
    return [s.strip() for s in SENTENCE.findall(text) if s.strip()]


def check_answer(answer: str, evidence: list[Evidence]) -> Checked:
    by_n = {e.n: e for e in evidence}
    pools = {e.n: figures(e.label + " " + e.quote) for e in evidence}
    on_topic = [f for e in evidence if e.covers for f in pools[e.n]]
    out = Checked(text="")
    parts = []
    for sentence in split_answer(canonical_markers(answer.strip())):
        parts.append(_check_sentence(sentence, by_n, pools, out))
    out.text = "".join(parts).strip()
    out.offtopic = [f.text for f in out.figures if not supported(f, on_topic)
                    and f.text not in out.unsupported]
    out.cited = sorted({int(n) for n in re.findall(r"\[(\d+)\]", out.text)})
    return out


def _check_sentence(sentence: str, by_n: dict, pools: dict, out: Checked) -> str:
    marks = [int(n) for n in re.findall(r"\[(\d+)\]", sentence)]
    body = re.sub(r"\s*\[\d+\]", "", sentence).strip()
    valid = [n for n in dict.fromkeys(marks) if n in by_n]
    out.dropped_markers += [n for n in marks if n not in by_n]
    if not valid and body:
        best = _best_overlap(body, by_n)
        valid = [best] if best else []
    for fig in figures(body):
        if any(supported(fig, pools[n]) for n in valid):
            continue
        elsewhere = [n for n in pools if supported(fig, pools[n])]
        if elsewhere:
            valid.append(elsewhere[0])  # right figure, wrong marker: cite where it stands
        else:
            out.unsupported.append(fig.text)
    valid = _supporting(body, valid, by_n, pools)
    if body and not valid:
        out.unsupported_sentences.append(body)
    # Markers go before the sentence's own full stop: "…12亿美元[1]。", "…$1.2 billion [1]. "
    stem, stop = (body[:-1], body[-1]) if re.search(r"[。！？!?.]$", body) else (body, "")
    space = " " if body.isascii() else ""
    return stem + "".join(f"{space}[{n}]" for n in valid) + stop + space


def _supporting(body: str, marks: list[int], by_n: dict, pools: dict) -> list[int]:
    """Keep the markers whose evidence states one of the sentence's figures or shares its words;
    when none does, keep the first (the sentence is then judged by its figures alone)."""
    figs = figures(body)
    if figs:  # a figure's citation must state it
        keep = [n for n in marks if any(supported(f, pools[n]) for f in figs)]
    else:
        keep = [n for n in marks if overlap(body, by_n[n].label + by_n[n].quote) >= MIN_OVERLAP]
    return keep or marks[:1]


def _best_overlap(body: str, by_n: dict) -> int | None:
    if not by_n:
        return None
    scores = {n: overlap(body, e.label + e.quote) for n, e in by_n.items()}
    n, score = max(scores.items(), key=lambda kv: kv[1])
    return n if score >= MIN_OVERLAP else None


def overlap(sentence: str, evidence: str) -> float:
    """Share of the sentence's character bigrams (normalised, markers and spaces dropped) that
    occur in the evidence: ``overlap("营收增长", "营收增长了207%") -> 1.0``"""
    grams = _bigrams(sentence)
    return len(grams & _bigrams(evidence)) / len(grams) if grams else 0.0


def _bigrams(text: str) -> set[str]:
    t = "".join(normalise(re.sub(r"\[\d+\]", "", text)).split())
    return {t[i:i + 2] for i in range(len(t) - 1)}


# ---------------------------------------------------------------- conflicts


def find_conflicts(evidence: list[Evidence], about: list[tuple[str, tuple[str, ...]]],
                   answer_figures: list[Figure]) -> list[Conflict]:
    """Different reports giving different figures for the same thing.

    ``about`` lists (label, forms) of the question's entities, metric and years, e.g.
    [("coreweave", ("coreweave",)), ("营收", ("营收", "收入", "revenue")), ("2024", ("2024",))]:
    evidence counts only when it names all of them, and only its figures of the kind the answer
    gives (money with money, percentages with percentages). Two such items from different
    reports with no figure in common are a conflict.
    """
    if not about or not answer_figures:
        return []
    relevant = [e for e in evidence if all(_names(e, forms) for _, forms in about)]
    values = {e.n: [f for f in figures(e.label) if not _is_year(f) and _like(f, answer_figures)]
              for e in relevant}
    conflicts = []
    for i, a in enumerate(relevant):
        for b in relevant[i + 1:]:
            if a.source == b.source or not values[a.n] or not values[b.n]:
                continue
            if _same_kind(values[a.n], values[b.n]) and not any(
                    supported(f, values[b.n]) for f in values[a.n]):
                conflicts.append(Conflict(about=" ".join(lbl for lbl, _ in about), values=[
                    {"value": values[a.n][0].text, "n": a.n}, {"value": values[b.n][0].text, "n": b.n}]))
    return conflicts[:1]


def _names(e: Evidence, forms: tuple[str, ...]) -> bool:
    text = normalise(e.section + " " + e.label)
    return any(f in text for f in forms)


def _is_year(f: Figure) -> bool:
    return f.kind == "num" and not f.currency and f.value.is_integer() and 1990 <= f.value <= 2040 \
        and not re.search(r"[万亿千百mbk]", f.text)


def _like(f: Figure, others: list[Figure]) -> bool:
    return any(f.kind == o.kind and (f.currency or None) == (o.currency or None) for o in others)


def _same_kind(a: list[Figure], b: list[Figure]) -> bool:
    return a[0].kind == b[0].kind and (not a[0].currency or not b[0].currency
                                       or a[0].currency == b[0].currency)
