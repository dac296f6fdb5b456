"""Choose the evidence for a question record and decide whether the reports answer it.

Candidates are the units (sentences, table rows, chart lines) of the retrieved chunks plus the
units nearest the question by their own embedding, so a paraphrase that shares no word with the
report still finds its sentence. Each is judged by ``gate``; the best become numbered evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from gpumkt.answer import gate
from gpumkt.answer.question import QuestionRecord
from gpumkt.ingest.units import Unit
from gpumkt.lang.period_keys import exactly
from gpumkt.records import Evidence, Fact, Hit
from gpumkt.search import scope

UNIT_CANDIDATES = 24  # units taken by their own similarity, besides those of the retrieved chunks
FACT_CANDIDATES = 8  # units taken because their facts are attached to the company and metric asked


@dataclass
class Selection:
    evidence: list[Evidence]
    answered: bool
    fitting: list[Fact] = field(default_factory=list)  # facts the reports attach to what was asked
    nearest: list[tuple[Fact, int]] = field(default_factory=list)  # (fact, evidence n) near misses
    missing_parts: list[QuestionRecord] = field(default_factory=list)
    admissible: list[Fact] = field(default_factory=list)  # the fitting facts of every evidence unit attached to the question


def candidates(index, hits: list[Hit], qvec: np.ndarray | None, within: set[str] = frozenset()) -> dict[int, float]:
    """Unit row -> retrieval prior (1/rank of its chunk; 0 for units found by similarity alone).
    ``within``: the reports the question names; their units nearest the question are added, since
    the search over every report may have found few of them."""
    by_chunk = _rows_by_chunk(index)
    out: dict[int, float] = {}
    for h in hits:
        for row in by_chunk.get(h.chunk.id, []):
            out[row] = max(out.get(row, 0.0), 1.0 / h.rank)
    if qvec is None:
        return out
    for row, _ in index.unit_store.search(qvec, UNIT_CANDIDATES):
        out.setdefault(row, 0.0)
    if within:
        rows = [r for r, u in enumerate(index.units) if u.chunk.source in within]
        sims = _unit_vectors(index)[rows] @ np.asarray(qvec, dtype="float32")
        for i in np.argsort(-sims)[:UNIT_CANDIDATES]:
            out.setdefault(rows[int(i)], 0.0)
    return out


def attached_rows(index, q: QuestionRecord, qvec: np.ndarray | None) -> list[int]:
    """The units holding a fact the fact layer attaches to a company and a metric the question
    (or one of its parts) asks, for the period it asks: the nearest
    ``FACT_CANDIDATES`` of them join the candidates, since a table row or a terse bullet may be
    too far from the question's wording for either search to find it."""
    table = _rows_by_fact(index)
    rows = set()
    for part in list(q.parts) or [q]:
        if not part.periods:
            continue  # a company and a metric alone hold too many figures to say which is meant
        for e in part.entities:
            for m in part.metrics:
                rows.update(r for r, period in table.get((e.key, m.key), ()) if exactly(period, part.periods))
    if not rows or qvec is None:
        return sorted(rows)[:FACT_CANDIDATES]
    ordered = sorted(rows)
    sims = _unit_vectors(index)[ordered] @ np.asarray(qvec, dtype="float32")
    return [ordered[int(i)] for i in np.argsort(-sims)[:FACT_CANDIDATES]]


def _rows_by_fact(index) -> dict[tuple[str, str], list[tuple[int, str]]]:
    """(entity, metric) -> (unit row, period) of every fact, built once per index."""
    if "_rows_by_fact" not in index.__dict__:
        facts, table = index.facts_by_unit(), {}
        for row, u in enumerate(index.units):
            for f in facts.get((u.chunk.source, u.start), ()):
                if f.entity and f.metric:
                    table.setdefault((f.entity, f.metric), []).append((row, f.period))
        index.__dict__["_rows_by_fact"] = table
    return index.__dict__["_rows_by_fact"]


def _unit_vectors(index) -> np.ndarray:
    if "_unit_vectors" not in index.__dict__:
        index.__dict__["_unit_vectors"] = index.unit_store.vectors()
    return index.__dict__["_unit_vectors"]


def named_reports(index, q: QuestionRecord) -> set[str]:
    """The reports the question's description of a document fits ("" none: all reports)."""
    if not q.document:
        return set()
    if "_heads" not in index.__dict__:
        index.__dict__["_heads"] = scope.openings(index.chunks, index.docs)
    return scope.named(q.document, index.__dict__["_heads"], index.names)


def _rows_by_chunk(index) -> dict[str, list[int]]:
    cached = getattr(index, "_rows_by_chunk", None)
    if cached is None:
        cached = {}
        for row, u in enumerate(index.units):
            cached.setdefault(u.chunk.id, []).append(row)
        index._rows_by_chunk = cached
    return cached


def similarities(index, qvec: np.ndarray | None, rows) -> dict[int, float]:
    if qvec is None:
        return {r: 0.5 for r in rows}
    vecs = np.vstack([index.unit_store.index.reconstruct(int(r)) for r in rows])
    return dict(zip(rows, (vecs @ np.asarray(qvec, dtype="float32")).tolist()))


PART_OWN = 0.7  # weight of a part's own similarity (fitted on dev multi-part questions: 0.5, 0.7, 0.85, 1 tried)


def _part_similarities(index, part_vector, sims: dict[int, float]) -> dict[int, float]:
    """A part's closeness to each unit: its own, weighed with the whole question's (a part said
    short, "二季度呢？", means little alone; the whole question blurs which part it answers)."""
    own = similarities(index, part_vector, list(sims))
    return {r: (1 - PART_OWN) * sims[r] + PART_OWN * own[r] for r in sims}


def judge_all(index, q: QuestionRecord, cands: dict[int, float], sims: dict[int, float]) -> list[gate.Judged]:
    facts = index.facts_by_unit()
    return [gate.judge(q, index.units[r], facts.get((index.units[r].chunk.source, index.units[r].start), []),
                       sims[r], prior, index.names) for r, prior in cands.items()]


def select(index, q: QuestionRecord, hits: list[Hit], qvec, count: int = 4, per_chunk: int = 2,
           min_similarity: float = gate.MIN_SIMILARITY, part_vectors=()) -> Selection:
    """Numbered evidence, whether it answers ``q`` (every part, for a multi-part question, each
    judged by its own meaning when ``part_vectors`` gives one per part), the facts that fit, and
    the near misses when it does not."""
    within = named_reports(index, q)
    cands = candidates(index, hits, qvec, within)
    for row in attached_rows(index, q, qvec):
        cands.setdefault(row, 0.0)
    if within:  # only the report the question names answers it ("according to that article …")
        cands = {r: p for r, p in cands.items() if index.units[r].chunk.source in within}
    sims = similarities(index, qvec, list(cands))
    parts = list(q.parts) or [q]
    picked: list[gate.Judged] = []
    fitting, missing, near = [], [], []
    own = len(part_vectors) == len(parts) > 1  # a vector of each part's own
    for i, part in enumerate(parts):
        part_sims = _part_similarities(index, part_vectors[i], sims) if own else sims
        ranked, ok = gate.decide(judge_all(index, part, cands, part_sims), min_similarity)
        if ok:
            best = [j for j in ranked if j.answers and j.sim >= min_similarity][:max(1, count // len(parts))]
            picked += best
            fitting += preferred(part, [f for j in best for f in j.facts])
        else:
            missing.append(part)
            near += list({id(j): j for _, j in gate.nearest(ranked)}.values())[:2]  # two units at most
        if len(parts) == 1:
            picked += ranked[:count]
    chosen = _distinct(picked + near, count, per_chunk)
    evidence = [_evidence(i, j, index.docs) for i, j in enumerate(chosen, 1)]
    n_of = {(e.source, e.start): e.n for e in evidence}
    near_facts = [(f, n_of[(f.source, f.sent_start)]) for f, j in gate.nearest(near)
                  if (f.source, f.sent_start) in n_of]
    answered = len(missing) < len(parts) and not q.unknown
    admissible = _unique(fitting + [f for j in chosen if j.admissible for f in j.facts])
    if len(parts) == 1:  # a half's figure is no answer where the year asked is given itself
        admissible = preferred(q, admissible)
    return Selection(evidence, answered, _unique(fitting), near_facts, missing if answered else [], admissible)


def preferred(q: QuestionRecord, facts: list[Fact]) -> list[Fact]:
    """The facts an answer may give: the period asked itself before its parts, a target or an
    estimate asked before an outcome."""
    return as_reported_first(q, forecast_first(q, exact_first(q, facts)))


def as_reported_first(q: QuestionRecord, facts: list[Fact]) -> list[Fact]:
    """Unless an adjusted (non-GAAP) measure is asked, the reported figure where one fits: for
    "operating income", the GAAP $49 million rather than the adjusted $200 million."""
    reported = [f for f in facts if not f.basis]
    return facts if q.asks_adjusted or not reported else reported


def exact_first(q: QuestionRecord, facts: list[Fact]) -> list[Fact]:
    """When a figure is given for the very period asked, the figures of its parts are no answer:
    for "2025财年营收指引", a full-year range, not a quarter's expected revenue. A figure with
    no period of its own stays."""
    if not any(exactly(f.period, q.periods) for f in facts):
        return facts
    return [f for f in facts if not f.period or exactly(f.period, q.periods) or _outside(f.period, q.periods)]


def forecast_first(q: QuestionRecord, facts: list[Fact]) -> list[Fact]:
    """For a target or an estimate asked, the planned or expected figures, when any fits: Lambda's
    revenue target, not its revenue of the year before. A question over several periods may ask
    an outcome for one of them ("the 2024 size and the 2030 forecast"): all stay."""
    planned = [f for f in facts if f.qualifier == "forecast"]
    return planned if q.asks_forecast and planned and len(q.periods) <= 1 else facts


def _outside(period: str, asked: tuple[str, ...]) -> bool:
    """``_outside("2025q2", ("2025",))`` -> False: a quarter of the year asked is inside it (of the
    whole year or its end too: "2025y", "2025e")."""
    return not any(period.startswith(p[:4] if p[4:] in ("y", "e") else p) for p in asked)


def _distinct(judged: list[gate.Judged], count: int, per_chunk: int) -> list[gate.Judged]:
    out, per, seen = [], {}, set()
    for j in judged:
        key = (j.unit.chunk.source, j.unit.start)
        if key in seen or per.get(j.unit.chunk.id, 0) >= per_chunk:
            continue
        seen.add(key)
        per[j.unit.chunk.id] = per.get(j.unit.chunk.id, 0) + 1
        out.append(j)
        if len(out) == count:
            break
    return out


def _unique(facts: list[Fact]) -> list[Fact]:
    return list({f.id: f for f in facts}.values())


def _evidence(n: int, j: gate.Judged, docs: dict) -> Evidence:
    u: Unit = j.unit
    c = u.chunk
    return Evidence(n=n, source=c.source, chunk_id=c.id, section=c.section, quote=u.quote,
                    start=u.start, end=u.end, score=j.score, passage=c.text, label=u.label[:200],
                    covers=j.admissible, page=docs[c.source].page_at(u.start))
