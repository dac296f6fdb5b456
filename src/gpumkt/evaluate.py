"""Evaluation on the fixed question set: retrieval (three modes) and full answers."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from pathlib import Path

from .numbers import figures, supported
from .text import detect_language, normalise

MODES = ("bm25", "dense", "hybrid")
KS = (1, 3, 5)


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    facts: list[list[str]]
    sources: list[str]
    type: str

    @property
    def script(self) -> str:
        return detect_language(self.question)


def load_questions(path: Path) -> list[Question]:
    data = json.loads(Path(path).read_text("utf-8"))
    return [Question(**q) for q in data["questions"]]


def _flat(text: str) -> str:
    return "".join(normalise(text).split())


def fact_in(fact: str, text: str) -> bool:
    """A fact string occurs in ``text`` after normalisation, or states the same figures.

    ``fact_in("13亿美元", "營收$1.3 billion") -> True``
    """
    if _flat(fact) in _flat(text):
        return True
    wanted = figures(fact)
    return bool(wanted) and all(supported(f, figures(text)) for f in wanted)


def group_in(group: list[str], text: str) -> bool:
    return any(fact_in(f, text) for f in group)


def first_hit_rank(q: Question, hits) -> int | None:
    """Rank of the first hit from an expected source holding the first fact group."""
    for h in hits:
        if h.chunk.source in q.sources and group_in(q.facts[0], h.chunk.text + "\n" + h.chunk.readable):
            return h.rank
    return None


def retrieval_eval(search, questions: list[Question], k: int = max(KS)) -> dict:
    """``search(question, k, mode) -> hits``; recall@k and MRR per mode, overall and per script."""
    answerable = [q for q in questions if q.type != "unanswerable" and q.facts]
    report = {"questions": len(answerable), "modes": {}, "misses": {}}
    for mode in MODES:
        ranks = {q.id: first_hit_rank(q, search(q.question, k, mode)) for q in answerable}
        report["modes"][mode] = {"all": _scores(answerable, ranks)}
        for script in ("zh-Hans", "zh-Hant", "en"):
            subset = [q for q in answerable if q.script == script]
            report["modes"][mode][script] = _scores(subset, ranks)
        report["misses"][mode] = [q.id for q in answerable if ranks[q.id] is None or ranks[q.id] > 3]
    return report


def _scores(qs: list[Question], ranks: dict) -> dict:
    n = max(1, len(qs))
    out = {f"recall@{k}": sum(1 for q in qs if ranks[q.id] and ranks[q.id] <= k) / n for k in KS}
    out["mrr"] = sum(1 / ranks[q.id] for q in qs if ranks[q.id]) / n
    out["n"] = len(qs)
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}


def retrieval_markdown(report: dict) -> str:
    lines = ["| mode | script | n | recall@1 | recall@3 | recall@5 | MRR |", "|---|---|---|---|---|---|---|"]
    for mode, by_script in report["modes"].items():
        for script, s in by_script.items():
            lines.append(f"| {mode} | {script} | {s['n']} | {s['recall@1']:.3f} | {s['recall@3']:.3f} "
                         f"| {s['recall@5']:.3f} | {s['mrr']:.3f} |")
    return "\n".join(lines)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile: ``percentile([1, 2, 3, 4], 50) -> 2``."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.4999)) - 1))]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0
