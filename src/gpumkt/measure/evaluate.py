"""Evaluation on the fixed question set: retrieval (three modes) and full answers."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from gpumkt.config import ROOT
from gpumkt.lang.text import HAN, detect_language
from gpumkt.measure import scoring

MODES = ("bm25", "dense", "hybrid")
KS = (1, 3, 5)


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    facts: list[list[str]]
    sources: list[str]
    type: str
    split: str = "dev"
    kind: str = "plain"
    set: str = "own"
    corpus: str = "seeds"  # "seeds+docs": the eval documents of eval/docs are indexed too
    history: list[str] = None
    near: list[str] = None
    evidence: str = ""

    @property
    def script(self) -> str:
        return detect_language(self.question)


def load_questions(path: Path) -> list[Question]:
    data = json.loads(Path(path).read_text("utf-8"))
    return [Question(**q) for q in data["questions"]]


def report_language(q: Question) -> str:
    """The language of the reports a question is about: a source that is no seed is an eval
    document (eval/docs), read to tell English from Chinese."""
    return "en" if any(_doc_language(s) == "en" for s in q.sources if not s[:3].isdigit()) else "zh"


@lru_cache(maxsize=None)
def _doc_language(source: str) -> str:
    from gpumkt.ingest.extract import extract  # a PDF or Word eval document is no UTF-8 text

    path = ROOT / "eval" / "docs" / source
    text = extract(path).text if path.is_file() else ""
    return "zh" if len(HAN.findall(text)) > len(text) / 10 else "en"


def fact_in(fact: str, text: str) -> bool:
    """``fact_in("13亿美元", "營收$1.3 billion") -> True`` (the independent scorer's match)."""
    return scoring.fact_found(fact, text)


def group_in(group: list[str], text: str) -> bool:
    return any(fact_in(f, text) for f in group)


def first_hit_rank(q: Question, hits) -> int | None:
    """Rank of the first hit from an expected source holding the first fact group."""
    for h in hits:
        if h.chunk.source in q.sources and group_in(q.facts[0], h.chunk.text + "\n" + h.chunk.readable):
            return h.rank
    return None


def retrieval_eval(search, questions: list[Question], k: int = max(KS)) -> dict:
    """``search(question, k, mode) -> hits``; recall@k and MRR per mode, per split and per
    question-language > report-language pair."""
    answerable = [q for q in questions if q.type != "unanswerable" and q.facts]
    report = {"questions": len(answerable), "modes": {}, "misses": {}}
    for mode in MODES:
        ranks = {q.id: first_hit_rank(q, search(q, k, mode)) for q in answerable}
        report["modes"][mode] = {}
        for split in ("dev", "test"):
            for pair in ("all", "zh-Hans>zh", "zh-Hant>zh", "en>zh", "en>en", "zh-Hans>en", "zh-Hant>en"):
                subset = [q for q in answerable if q.split == split and
                          (pair == "all" or f"{q.script}>{report_language(q)}" == pair)]
                if subset:
                    report["modes"][mode][f"{split} {pair}"] = _scores(subset, ranks)
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


def score_answer(q: Question, a) -> dict:
    """Per-question scores of one answer record, by the independent scorer."""
    row = scoring.score(q, a, near_listed=bool(getattr(a, "nearest", None)))
    row.update({"id": q.id, "split": q.split, "set": q.set, "kind": q.kind, "script": q.script,
                "type": q.type, "pair": f"{q.script}>{report_language(q)}",
                "retrieve_ms": a.timings.retrieve_ms, "first_token_ms": a.timings.first_token_ms,
                "total_ms": a.timings.total_ms, "answer": a.answer})
    return row


GROUPS = {"all": lambda r: True, "own set": lambda r: r["set"] == "own",
          "new, zh reports": lambda r: r["set"] in ("a1", "a2", "d-seeds"), "en docs": lambda r: r["set"] in ("b-docs", "c-docs"),
          "en questions, zh reports": lambda r: r["set"] == "b-seeds",
          "cross-language": lambda r: r["pair"] in ("en>zh", "zh-Hans>en", "zh-Hant>en"),
          "paraphrase": lambda r: r["kind"] == "paraphrase", "near miss": lambda r: r["kind"] == "near_miss"}


def summarise(rows: list[dict]) -> dict:
    """Summary per split, then per group of questions inside each split."""
    return {f"{split}: {name}": _summary([r for r in rows if r["split"] == split and keep(r)])
            for split in ("dev", "test") for name, keep in GROUPS.items()}


def _summary(rows: list[dict]) -> dict:
    ans = [r for r in rows if r["type"] != "unanswerable"]
    una = [r for r in rows if r["type"] == "unanswerable"]
    answered = [r for r in rows if not r["refused"]]
    timed = [r for r in answered if r["first_token_ms"]]
    model = [r for r in ans if not r["refused"] and not r["fallback"]]
    fallback = [r for r in ans if not r["refused"] and r["fallback"]]
    return {
        "n": len(rows), "answerable": len(ans), "fact_accuracy": _ratio(sum(r["right"] for r in ans), len(ans)),
        "answerable_refused": _ratio(sum(r["refused"] for r in ans), len(ans)),
        "unanswerable_refused": _ratio(sum(r["refused"] for r in una), len(una)),
        "near_listed": sum(r["near_listed"] for r in una if r["refused"]),
        "wrong_figures": sum(r["wrong_figure"] for r in rows),
        "model_answers_right": f"{sum(r['right'] for r in model)}/{len(model)}",
        "fallback_answers_right": f"{sum(r['right'] for r in fallback)}/{len(fallback)}",
        "conflict_notes": sum(r["conflict_note"] for r in rows if r["kind"] != "conflict"),
        "en_answers_with_chinese": f"{sum(r['chinese_to_english'] for r in rows)}/{sum(r['script'] == 'en' for r in rows)}",
        "evidence_ms_p50": median([r["retrieve_ms"] for r in rows]),
        "first_token_ms_p50": median([r["first_token_ms"] for r in timed]),
        "total_ms_p50": median([r["total_ms"] for r in answered]),
    }


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def full_markdown(report: dict) -> str:
    keys = ["n", "fact_accuracy", "answerable_refused", "unanswerable_refused", "near_listed",
            "wrong_figures", "model_answers_right", "fallback_answers_right", "conflict_notes",
            "en_answers_with_chinese",
            "evidence_ms_p50", "first_token_ms_p50", "total_ms_p50"]
    lines = [f"Model `{report['model']}` on {report['machine']}; {report['questions']} questions.", "",
             "| split: questions | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for name, s in report["summary"].items():
        if s["n"]:
            lines.append(f"| {name} | " + " | ".join(_fmt(s[k]) for k in keys) + " |")
    return "\n".join(lines)


def _fmt(v) -> str:
    if v is None:
        return "–"
    return f"{v:.0f}" if isinstance(v, float) and v > 10 else (f"{v:.3f}" if isinstance(v, float) else str(v))
