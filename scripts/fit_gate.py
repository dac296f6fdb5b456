"""Fit the answer gate's similarity threshold on the dev split only (README, "How the thresholds
were set"). For each dev question: the best similarity among units that meet every hard condition
(entity, period, metric, kind of figure); a threshold T answers a question when that is >= T.
Prints answerable-refused and unanswerable-answered for each T. Usage:
    .venv/bin/python scripts/fit_gate.py [dev|test]
"""

import sys
from pathlib import Path

from gpumkt import evaluate, gate
from gpumkt import evidence as ev
from gpumkt.cli import _docs_pipeline
from gpumkt.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]


def best_similarity(p: Pipeline, text: str) -> float:
    q = p.record_for(text)
    if q.unknown:
        return -1.0
    qvec = p.retriever.vector(text)
    hits = p.retriever.search(text, p.settings.k, "hybrid", vector=qvec)
    cands = ev.candidates(p.index, hits, qvec)
    sims = ev.similarities(p.index, qvec, list(cands))
    scores = []
    for part in list(q.parts) or [q]:
        ok = [j.sim for j in ev.judge_all(p.index, part, cands, sims) if j.answers]
        scores.append(max(ok, default=-1.0))
    return max(scores)


def main(split: str = "dev") -> None:
    qs = [q for q in evaluate.load_questions(ROOT / "eval" / "questions.json") if q.split == split]
    p = Pipeline()
    docs = _docs_pipeline(p, ROOT)
    rows = []
    for q in qs:
        pl = p if q.corpus == "seeds" else docs
        text = pl.rewrite_followup(q.question, [(h, "") for h in (q.history or [])])
        rows.append((q.type != "unanswerable", best_similarity(pl, text)))
    ans = [s for a, s in rows if a]
    una = [s for a, s in rows if not a]
    print(f"{split}: {len(ans)} answerable, {len(una)} unanswerable")
    print("T     answerable_refused  unanswerable_refused")
    for t in [x / 100 for x in range(0, 62, 4)]:
        print(f"{t:.2f}  {sum(s < t for s in ans) / len(ans):.3f}               "
              f"{sum(s < t for s in una) / len(una):.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
