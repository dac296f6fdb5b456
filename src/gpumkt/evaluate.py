"""Evaluation on the fixed question set: retrieval (three modes) and full answers."""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass
from pathlib import Path

from .check import MIN_OVERLAP, overlap
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


# ---------------------------------------------------------------- full answers


def answer_record(a) -> dict:
    """The ``gpumkt ask --json`` object for one Answer."""
    return {
        "question": a.question, "language": a.language, "answer": a.answer, "refused": a.refused,
        "citations": [{"n": c.n, "source": c.source, "chunk_id": c.chunk_id, "section": c.section,
                       "quote": c.quote, "start": c.start, "end": c.end} for c in a.citations],
        "unsupported": a.unsupported,
        "conflicts": [{"about": c.about, "values": c.values} for c in a.conflicts],
        "timings": {"retrieve_ms": round(a.timings.retrieve_ms, 1),
                    "first_token_ms": round(a.timings.first_token_ms, 1),
                    "total_ms": round(a.timings.total_ms, 1), "prompt_tokens": a.timings.prompt_tokens,
                    "completion_tokens": a.timings.completion_tokens,
                    "decode_tokens_per_s": a.timings.decode_tokens_per_s},
        "model": a.model, "index": a.index,
    }


def score_answer(q: Question, a) -> dict:
    """Per-question scores of one answer record."""
    quotes = " ".join(c.quote for c in a.citations)
    answerable = q.type != "unanswerable" and bool(q.facts)
    cited_ok = [_citation_ok(q, a, c) for c in a.citations]
    # A citation's evidence is its quote as shown with its context (a table row's headers).
    pool = [f for c in a.citations for f in figures(c.label + " " + c.quote)]
    final_figs = figures(re.sub(r"\[\d+\]", " ", a.answer))
    return {
        "id": q.id, "script": q.script, "type": q.type, "refused": a.refused, "fallback": a.fallback,
        "fact": answerable and not a.refused and all(group_in(g, a.answer) for g in q.facts),
        "evidence": answerable and all(group_in(g, quotes) for g in q.facts),
        "citations": len(cited_ok), "citations_ok": sum(cited_ok),
        "flagged": len(a.unsupported),
        "unflagged": sum(1 for f in final_figs if not supported(f, pool)) if not a.refused else 0,
        "retrieve_ms": a.timings.retrieve_ms, "first_token_ms": a.timings.first_token_ms,
        "total_ms": a.timings.total_ms, "answer": a.answer,
    }


def _citation_ok(q: Question, a, c) -> bool:
    """A cited quote holds a fact, or states the figures / words of the sentences citing it."""
    if any(group_in(g, c.quote) for g in q.facts):
        return True
    citing = " ".join(s for s in re.split(r"(?<=[。！？.!?])\s*", a.answer) if f"[{c.n}]" in s)
    figs = figures(re.sub(r"\[\d+\]", " ", citing))
    if figs and any(supported(f, figures(c.label + " " + c.quote)) for f in figs):
        return True
    return overlap(citing, c.quote) >= MIN_OVERLAP


def summarise(rows: list[dict]) -> dict:
    out = {"all": _summary(rows)}
    for script in ("zh-Hans", "zh-Hant", "en"):
        out[script] = _summary([r for r in rows if r["script"] == script])
    return out


def _summary(rows: list[dict]) -> dict:
    ans = [r for r in rows if r["type"] != "unanswerable"]
    una = [r for r in rows if r["type"] == "unanswerable"]
    cites = sum(r["citations"] for r in rows)
    answered = [r for r in rows if not r["refused"]]
    timed = [r for r in answered if r["first_token_ms"]]
    return {
        "n": len(rows), "fact_accuracy": _ratio(sum(r["fact"] for r in ans), len(ans)),
        "evidence_recall": _ratio(sum(r["evidence"] for r in ans), len(ans)),
        "citation_precision": _ratio(sum(r["citations_ok"] for r in rows), cites),
        "unsupported_flagged": sum(r["flagged"] for r in rows),
        "unsupported_unflagged": sum(r["unflagged"] for r in rows),
        "fallbacks": sum(r["fallback"] for r in rows),
        "refusal_accuracy": _ratio(sum(r["refused"] for r in una), len(una)),
        "false_refusal_rate": _ratio(sum(r["refused"] for r in ans), len(ans)),
        "evidence_ms_p50": median([r["retrieve_ms"] for r in rows]),
        "evidence_ms_p95": percentile([r["retrieve_ms"] for r in rows], 95),
        "first_token_ms_p50": median([r["first_token_ms"] for r in timed]),
        "first_token_ms_p95": percentile([r["first_token_ms"] for r in timed], 95),
        "total_ms_p50": median([r["total_ms"] for r in answered]),
        "total_ms_p95": percentile([r["total_ms"] for r in answered], 95),
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def full_markdown(report: dict) -> str:
    keys = ["n", "fact_accuracy", "evidence_recall", "citation_precision", "unsupported_flagged",
            "unsupported_unflagged", "fallbacks", "refusal_accuracy", "false_refusal_rate",
            "evidence_ms_p50", "evidence_ms_p95", "first_token_ms_p50", "first_token_ms_p95",
            "total_ms_p50", "total_ms_p95"]
    scripts = list(report["summary"])
    lines = [f"Model `{report['model']}` on {report['machine']}; {report['questions']} questions.", "",
             "| metric | " + " | ".join(scripts) + " |", "|---" * (len(scripts) + 1) + "|"]
    for k in keys:
        cells = [_fmt(report["summary"][s][k]) for s in scripts]
        lines.append(f"| {k} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _fmt(v) -> str:
    if v is None:
        return "–"
    return f"{v:.0f}" if isinstance(v, float) and v > 10 else (f"{v:.3f}" if isinstance(v, float) else str(v))
