"""The answer gate on one split, without the language model (about a minute): for every question,
does the evidence gpumkt would hand the model hold the expected figure, do the facts the gate
judged fitting hold it, and was it refused? Used to try a change to the gate on dev before the
full `gpumkt eval`. Usage:

    .venv/bin/python scripts/gate_dev.py [dev|test] [--show refused|missed|answered]
"""

import collections
import sys
from pathlib import Path

from gpumkt.answer.check import fact_conflicts
from gpumkt.config import Settings
from gpumkt.frontends.cli_measure import _docs_pipeline, _eval_pipeline
from gpumkt.measure import evaluate, scoring

ROOT = Path(__file__).resolve().parents[1]


def judge(p, q) -> dict:
    rec, sel = p.evidence_for(q.question)
    refused = not sel.answered or not sel.evidence
    shown = " ".join(f"{e.quote} {e.label}" for e in sel.evidence)
    fitting = " ".join(f.text for f in sel.fitting)
    holds = lambda text: all(any(scoring.fact_found(f, text) for f in g) for g in q.facts)  # noqa: E731
    answerable = q.type != "unanswerable" and bool(q.facts)
    return {"answerable": answerable, "refused": refused, "evidence": answerable and holds(shown),
            "fitting": answerable and not refused and holds(fitting),
            # a "reports differ" note on a question not written as a conflict (the pipeline's own
            # condition for one, before the pair is matched to the evidence)
            "false_conflict": q.kind != "conflict" and not refused and rec.wants_figure and
            bool(fact_conflicts(p.index.facts, sel.fitting))}


def main() -> None:
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv else ""
    qs = [q for q in evaluate.load_questions(ROOT / "eval" / "questions.json") if q.split == split]
    p = _eval_pipeline(Settings.from_env())
    docs = _docs_pipeline(p, ROOT) if any(q.corpus != "seeds" for q in qs) else None
    rows = collections.defaultdict(list)
    for q in qs:
        r = judge(p if q.corpus == "seeds" else docs, q)
        rows[q.set].append(r)
        rows["all"].append(r)
        if (show == "refused" and r["answerable"] and r["refused"]) or \
                (show == "missed" and r["answerable"] and not r["refused"] and not r["fitting"]) or \
                (show == "answered" and not r["answerable"] and not r["refused"]):
            print(f"  {q.id} {q.question}  facts={q.facts}")
    print(f"{'set':10} {'n':>4} {'ans.refused':>12} {'evid.holds':>11} {'fit.holds':>10} {'unans.refused':>14} {'conflicts':>9}")
    for name, rs in sorted(rows.items()):
        ans = [r for r in rs if r["answerable"]]
        un = [r for r in rs if not r["answerable"]]
        rate = lambda xs, key: f"{sum(x[key] for x in xs) / len(xs):.3f}" if xs else "-"  # noqa: E731
        print(f"{name:10} {len(rs):>4} {rate(ans, 'refused'):>12} {rate(ans, 'evidence'):>11} "
              f"{rate(ans, 'fitting'):>10} {rate(un, 'refused'):>14} {sum(r['false_conflict'] for r in rs):>9}")


if __name__ == "__main__":
    main()
