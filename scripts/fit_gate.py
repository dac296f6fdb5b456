"""Fit the answer gate's three thresholds on the dev split only (README, "How the thresholds were
set"): the entity-attachment floor, the word-coverage floor and the similarity floor. For each
question it records, for every candidate unit, whether the unit meets the gate's fixed conditions
(metric named, period not contradicted, a figure of the kind asked) and its entity attachment,
coverage and similarity; then every combination of thresholds is scored by answerable questions
refused plus unanswerable questions answered. Usage:

    .venv/bin/python scripts/fit_gate.py [dev|test]
"""

import itertools
import sys
from pathlib import Path

from gpumkt.answer import evidence as ev
from gpumkt.frontends.cli_measure import _docs_pipeline
from gpumkt.measure import evaluate
from gpumkt.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
GRID = ([0.25, 0.4, 0.5, 0.7], [0.0, 0.25, 0.34, 0.5, 0.6, 0.75], [0.0, 0.2, 0.3, 0.35, 0.4, 0.45])


def features(p: Pipeline, text: str) -> list[list[tuple]] | None:
    """Per part of the question: (entity, fixed conditions met, coverage, similarity) per unit."""
    q = p.record_for(text)
    if q.unknown:
        return None
    qvec = p.retriever.vector(text)
    hits = p.retriever.search(text, p.settings.k, "hybrid", vector=qvec)
    cands = ev.candidates(p.index, hits, qvec)
    sims = ev.similarities(p.index, qvec, list(cands))
    return [[(j.entity, j.metric > 0 and j.period != "conflict" and j.figure, j.cov, j.sim)
             for j in ev.judge_all(p.index, part, cands, sims)] for part in list(q.parts) or [q]]


def answered(feats, e_min: float, c_min: float, s_min: float) -> bool:
    return feats is not None and any(
        any(e >= e_min and ok and (c is None or c >= c_min) and s >= s_min for e, ok, c, s in part)
        for part in feats)


def main(split: str = "dev") -> None:
    qs = [q for q in evaluate.load_questions(ROOT / "eval" / "questions.json") if q.split == split]
    p = Pipeline()
    docs = _docs_pipeline(p, ROOT)
    rows = []
    for q in qs:
        pl = p if q.corpus == "seeds" else docs
        text = pl.rewrite_followup(q.question, [(h, "") for h in (q.history or [])])
        rows.append((q.type != "unanswerable", features(pl, text)))
    n_ans = sum(a for a, _ in rows)
    n_una = len(rows) - n_ans
    results = []
    for t in itertools.product(*GRID):
        refused = sum(a and not answered(f, *t) for a, f in rows) / n_ans
        answered_una = sum(not a and answered(f, *t) for a, f in rows) / n_una
        results.append((refused + answered_una, t, refused, 1 - answered_una))
    print(f"{split}: {n_ans} answerable, {n_una} unanswerable")
    print("entity  coverage  similarity   answerable_refused  unanswerable_refused")
    for _, (e, c, s), r, u in sorted(results)[:12]:
        print(f"{e:<7} {c:<9} {s:<12} {r:<19.3f} {u:.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
