"""How well a question's description of a report ("the Taiwanese article on …", "那份研报") is
matched to the reports, over one split (about two minutes, no model): for every question the
question reader takes as describing a report, is the report named one of its sources (alone, or
among the reports of the language it names), another report, or none? Usage:

    .venv/bin/python scripts/scope_dev.py [dev|test] [--show]
"""

import collections
import sys

from gate_dev import ROOT

from gpumkt.answer.evidence import named_reports
from gpumkt.config import Settings
from gpumkt.frontends.cli_measure import _docs_pipeline, _eval_pipeline
from gpumkt.measure import evaluate


def outcome(named: set[str], sources: set[str]) -> str:
    """``outcome({"a.md"}, {"a.md", "b.md"}) -> "right alone"``; ``outcome(set(), …) -> "none"``."""
    if not named:
        return "none"
    if len(named) == 1 and named <= sources:
        return "right alone"
    return "right among its language" if named & sources else "another report"


def main() -> None:
    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    qs = [q for q in evaluate.load_questions(ROOT / "eval" / "questions.json") if q.split == split]
    p = _eval_pipeline(Settings.from_env())
    docs = _docs_pipeline(p, ROOT)
    counts = collections.Counter()
    for q in qs:
        pipe = p if q.corpus == "seeds" else docs
        record = pipe.record_for(q.question)
        if record.document:
            named = named_reports(pipe.index, record)
            got = outcome(named, set(q.sources))
            counts[got] += 1
            if "--show" in sys.argv and got == "another report":
                print(f"  {q.id} {record.document!r} -> {sorted(named)[:3]}")
    print(f"{sum(counts.values())} questions describing a report:", dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
