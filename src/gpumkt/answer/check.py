"""Check an answer against its evidence: citations, figures, conflicts.

Nothing here trusts the model: every [n] must name evidence that was given, every figure must
occur in the evidence it cites, and a sentence with no marker is given the evidence it overlaps
most (or marked unsupported).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from gpumkt.lang.numbers import YUAN_NAMES, Figure, bare_yuan, figures, spelled_out, supported
from gpumkt.lang.text import normalise
from gpumkt.records import Evidence, Fact

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


# ---------------------------------------------------------------- attribution


def misattributed(text: str, fitting: list[Fact], asked: list[Figure]) -> list[str]:
    """Figures of an answer that the reports do not attach to what was asked: not one of the
    ``fitting`` facts (same entity, metric, period and kind of quantity), not a figure the user
    typed, and not a year. ``12亿美元`` in an answer about Q1 revenue, where the reports give
    12亿美元 for Q2, is returned."""
    out = []
    for f in figures(spelled_out(MARKER.sub(" ", text))):
        if is_year(f) or supported(f, asked) or any(same_value(f, fact) for fact in fitting):
            continue
        out.append(f.text)
    return out


def same_value(f: Figure, fact: Fact) -> bool:
    if f.kind == "pct" or fact.quantity == "pct":
        return f.kind == "pct" and fact.quantity == "pct" and math.isclose(f.value, fact.value, rel_tol=1e-6)
    # (a bare 元 in the answer is the yuan its document means: a Taiwan filing's 仟元 are NT dollars)
    if f.currency and fact.currency and f.currency != fact.currency and not (bare_yuan(f) and fact.currency in YUAN_NAMES):
        return False
    return math.isclose(f.value, fact.value, rel_tol=1e-6)


# ---------------------------------------------------------------- conflicts

def fact_conflicts(all_facts: list[Fact], fitting: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Pairs of facts from two reports about the same entity, metric, period and kind of quantity
    where no figure of one report is within rounding of any figure of the other; searched over
    the whole fact layer, not only the evidence."""
    out, seen = [], set()
    for f in fitting:
        if not (f.entity and f.metric and f.period):
            continue  # without a period two figures may simply be of different dates
        same = [g for g in all_facts if _key(g) == _key(f)]
        by_source: dict[str, list[Fact]] = {}
        for g in same:
            by_source.setdefault(g.source, []).append(g)
        mine = by_source.get(f.source, [f])
        for source, theirs in by_source.items():
            if source == f.source or (f.source, source) in seen:
                continue
            rival = next((g for g in theirs if _comparable(f, g)), None)
            if rival is not None and not _agree(mine, theirs):
                seen.update({(f.source, source), (source, f.source)})  # one note per pair of reports
                out.append((f, rival))
    return out[:2]


# Two reports that differ on one quantity differ in degree (6亿 against 1.38亿 for one valuation);
# a larger gap means the two facts are of different scopes that the labels miss (a quarter's
# capital spending against a year's plan, one market against the world's). Fitted on dev: the
# written conflicts there differ by at most 4.3 times, the false notes by 6.9 times and more.
MAX_RATIO = 5.0


def _comparable(a: Fact, b: Fact) -> bool:
    """``_comparable(6亿, 1.38亿) -> True``; ``_comparable(230亿, 29亿) -> False``"""
    lo, hi = sorted((abs(a.value), abs(b.value)))
    return lo > 0 and hi / lo <= MAX_RATIO


def _key(f: Fact) -> tuple:
    return f.entity, f.metric, f.period, f.quantity, f.currency, f.qualifier, f.basis


def _agree(mine: list[Fact], theirs: list[Fact]) -> bool:
    """Some figure of one report is the other's, or lies in a range the other gives: a broker's
    52.6亿 agrees with guidance of "$5.15 billion to $5.35 billion"."""
    return any(_close(a, b) for a in mine for b in theirs) or \
        any(_in_range(a, theirs) for a in mine) or any(_in_range(b, mine) for b in theirs)


def _in_range(f: Fact, facts: list[Fact]) -> bool:
    """Two or more figures of one quantity in one sentence span a range ("3-4万亿", "from $5.15
    billion to $5.35 billion"); ``f`` lies in it."""
    by_sentence: dict[int, list[float]] = {}
    for g in facts:
        by_sentence.setdefault(g.sent_start, []).append(g.value)
    return any(len(vs) > 1 and min(vs) <= f.value <= max(vs) for vs in by_sentence.values())


def _close(a: Fact, b: Fact) -> bool:
    """Equal once the more precise figure is rounded as the other is written: 19.15亿 and 约20亿
    agree (20亿 is written to the nearest 10亿), 300亿 and 456亿 do not."""
    return abs(a.value - b.value) <= max(_step(a), _step(b)) / 2 + 1e-9 * max(abs(a.value), abs(b.value))


def _step(f: Fact) -> float:
    """The rounding step a figure is written to: ``_step(20亿) -> 1e9``, ``_step(19.15亿) -> 1e6``."""
    m = re.search(r"\d[\d,]*(?:\.(\d+))?", f.text)
    if not m:
        return 0.0
    number = float(m.group(0).replace(",", ""))
    scale = f.value / number if number else 1.0
    if m.group(1):
        return scale * 10 ** -len(m.group(1))
    digits = m.group(0).replace(",", "")
    return scale * 10 ** (len(digits) - len(digits.rstrip("0")))


def is_year(f: Figure) -> bool:
    """A bare year written in an answer ("Q2 2025") dates a figure; it is not one."""
    return f.kind == "num" and not f.currency and f.value.is_integer() and 1990 <= f.value <= 2040 \
        and not re.search(r"[万亿千百mbk]", f.text)
