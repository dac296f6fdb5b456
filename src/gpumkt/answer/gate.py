"""Judge candidate units against the question record: which ones answer it, and whether any does.

A unit answers a question when the text attaches it to everything the question asks about: each
entity is named in the unit or its context (the sentence before, its heading; the report title
only when nothing nearer names a company), it states the period asked (in the unit, the sentence
before, the heading, the report title, or a passage that names that period alone; a figure with
no period is not attached to the one asked), the metric asked is named, and, for a question about
a figure, it states a figure of the kind asked (a percentage for a share, an amount for revenue).
Units that meet the entity but miss the period or metric are *near misses*: their figures are
offered as what the reports do say. Whether one figure of a unit fits is ``fitting.py``'s; how
closely the text attaches a unit to each company asked is ``whose.py``'s.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from gpumkt.answer.fitting import echoes, fits, of_another_company, other_threshold, shares_word
from gpumkt.answer.asked import lots_in, terms
from gpumkt.answer.coverage import coverage, crosses, glossary_words, glossed, uses
from gpumkt.answer.question import QuestionRecord
from gpumkt.answer.reframe import at_point, in_fiscal_terms, in_script_of
from gpumkt.answer.whose import entity_score
from gpumkt.ingest.dating import stated_periods
from gpumkt.ingest.facts import range_start
from gpumkt.ingest.units import Unit
from gpumkt.lang import vocab
from gpumkt.lang.vocab import has_form
from gpumkt.lang.period_keys import agrees, exactly
from gpumkt.lang.periods import periods
from gpumkt.records import Fact

# Fitted on the dev split only (scripts/fit_gate.py; README, "The question set and its split").
MIN_SIMILARITY = 0.30  # dense cosine below which a unit is not about the question at all
MIN_ENTITY = 0.25  # a name only in the title, while the unit names another company, is the floor
MIN_COVERAGE = 0.25  # share of the question's other content words the unit must use (same language)
# A unit this close to the question in meaning answers even when it shares too few of its words:
# a paraphrase ("实际运转中的电力" for "活跃电力"). Fitted on dev: 0.5 and 0.55 gave the same result
# (5 fewer answerable questions refused, 1 more near miss answered), 0.6 half of it, 0.65 and 0.7 one.
PARAPHRASE_SIM = 0.55
WEIGHTS = {"sim": 1.0, "cov": 0.5, "entity": 0.3, "metric": 0.3, "period": 0.2, "figure": 0.15,
           "prior": 0.1, "echo": 0.3}


@dataclass
class Judged:
    unit: Unit
    facts: list[Fact]  # the unit's facts that fit the question (entity, metric, period, kind)
    score: float
    entity: float  # 1 named in the unit, less in its context, 0 nowhere
    metric: float
    period: str  # match | unknown | conflict | none (no period asked)
    figure: bool  # states a figure of the kind asked
    sim: float
    cov: float | None = None  # None when question and unit are in different languages
    unit_facts: tuple = ()
    placed: bool = True  # every region, country, product code and lot asked is named in the unit, its context or title
    contrary: bool = False  # the unit says the opposite of a word the question uses (训练 for 推理)
    named: bool = True  # with no metric asked, the unit itself uses one of the question's words
    exact: bool = False  # a fitting figure is given for a period asked itself, not a part of it
    anchored: bool = True  # the question names a company or a measure the unit was held to

    @property
    def answers(self) -> bool:
        # Across languages with none of the question's words in the glossary and nothing named to hold
        # the unit to, only its meaning can say it answers
        unjudged = self.cov is None and not self.anchored
        return self.admissible and (self.sim >= PARAPHRASE_SIM if unjudged else self.cov is None or (
            self.cov >= MIN_COVERAGE or self.sim >= PARAPHRASE_SIM) and self.named)

    @property
    def admissible(self) -> bool:
        """Attached to what was asked (entity, metric, period, place, figure of the kind asked),
        whether or not it shares enough of the question's words: alone it does not decide that
        the reports answer, but once they do, the model may cite its fitting facts."""
        return self.entity >= MIN_ENTITY and self.metric > 0 and self.period in ("match", "none") \
            and self.figure and self.placed and not self.contrary


def judge(q: QuestionRecord, unit: Unit, unit_facts: list[Fact], sim: float, prior: float,
          names: list[vocab.Group]) -> Judged:
    q = at_point(in_fiscal_terms(q, unit.fiscal_end))  # the question in the unit's own terms
    found = vocab.find(unit.own, names)
    ent = entity_score(q, unit, found, {f.entity for f in unit_facts})
    met = _metric(q, unit, {f.metric for f in unit_facts})
    per = _period(q, unit)
    own_names = {g.key for _, _, g in found}
    fitting = [f for f in unit_facts if fits(q, f, unit, unit_facts) and not of_another_company(q, f, own_names)]
    exact = any(exactly(f.period, q.periods) for f in fitting)
    if exact:
        per = "match"  # the facts attach a figure to the period asked, whatever else the unit compares it with
    figure = bool(fitting) if q.wants_figure else True
    if q.answer_kind == "year":
        figure = bool(periods(unit.own)) or bool(re.search(r"(19|20)\d\d", unit.own))
    cov = coverage(q, unit)
    w = WEIGHTS
    # Across languages the glossary's few words decide whether a unit may answer, not its rank.
    score = (w["sim"] * sim + w["cov"] * (0.5 if cov is None or crosses(q, unit) else cov) + w["entity"] * ent + w["metric"] * met
             + w["period"] * {"match": 1, "none": 0.5, "unknown": 0.3}.get(per, 0)
             + w["figure"] * figure + w["prior"] * prior + w["echo"] * echoes(q, unit_facts))
    # A region asked, or the part of a whole asked (gaming of the business segments, inference of
    # training / inference), must be named by the unit, its context or its title (a plan or a debt
    # asked by its year, by them or the cover: "本激励计划" is the one the cover names; so may a
    # name asked in another script, the borrower a term sheet's cover names).
    where = f"{unit.context} {unit.title}"  # (the context holds the unit's heading)
    placed = all(any(has_form(where, f) for f in m.forms) for m in q.places) \
        and (q.answer_kind in FACILITY_KINDS or all(any(has_form(where, f) for f in part) for part in q.named_parts)) \
        and (_names_domain(q.domain, where) or crosses(q, unit)) \
        and (crosses(q, unit) or all(site in where for site in q.sites)) \
        and all(has_form(where, code) for code in q.codes) \
        and (not q.lots or set(q.lots) <= lots_in(where) and not _other_lot(q.lots, unit.own)) \
        and all(year in f"{where} {unit.masthead}" for year in q.plans) \
        and all(w in f"{where} {unit.masthead}" for w in in_script_of(q, unit))  # 台南二号机房: 台南's; TG9-8L's; 包4's
    contrary = any(_contrary(unit, mine, other) for mine, other in q.contrasts) or \
        other_threshold(q, unit_facts) or \
        bool(q.terms and (said := terms(unit.own)) and not said & set(q.terms))  # a 1-year price for a 2-year one
    # With no metric asked, the question's own words stand for it: the sentence holding the figure
    # must use one of them, not only its heading or the sentence before.
    # (across languages, in a glossary form: then the coverage is not None)
    # (the words describing the report asked, "the article on Acme", name no figure)
    own_words = [w for w in q.words if w not in q.described]
    named = bool(q.metrics) or not own_words or any(uses(unit.own, w) for w in own_words) or (
        cov is not None and crosses(q, unit) and any(glossed(w, unit.own) for w in glossary_words(q)))
    return Judged(unit, fitting, round(score, 4), ent, met, per, figure, sim, cov, tuple(unit_facts), placed,
                  contrary, named, exact, bool(q.entities or q.metrics or q.lead))


def _other_lot(asked: tuple[str, ...], own: str) -> bool:
    """The sentence itself names only other lots or tiers of the kind asked (its context may name
    the one asked): ``_other_lot(("tier 1",), "17% was shipped to tier 2")`` -> True."""
    kinds = {a.split()[0] for a in asked}
    said = {x for x in lots_in(own) if x.split()[0] in kinds}
    return bool(said) and not said & set(asked)


def _contrary(u: Unit, mine: tuple, other: tuple) -> bool:
    """The unit says the other side and not the one asked, unless its heading says the one asked
    alone (a row of the "on-demand prices" table whose columns are a standard and a reserved
    price); a unit that says neither, the side its heading says (a row of the "个体损益表" table,
    for a consolidated figure asked)."""
    said = vocab.said_sides(u.own, (mine, other))
    head = vocab.inner_sides(u.heading, (mine, other))  # (a path saying both: its inner section's)
    return (said == [False, True] and head != [True, False]) or (not any(said) and head == [False, True])


# A facility's own measures (its megawatts, its PUE) are not split into business segments: "the
# data centers" of such a question name the facility, not a segment the answer must name.
FACILITY_KINDS = ("power", "num")


def _names_domain(domain: str, where: str) -> bool:
    """The passage names the field asked about: a Latin word of it, or two characters in a row of
    a Chinese one (服务器芯片: 芯片)."""
    return not domain or shares_word(domain, where)


def _metric(q: QuestionRecord, u: Unit, attached: Collection[str] = ()) -> float:
    """1 when the unit names a metric asked, .7 when its context does or one of its figures is
    attached to it (the coupon of "6.125% senior notes", a datasheet's "(12.4 kW)"), else 0."""
    if not q.metrics:
        return 1.0
    scores = []
    for m in q.metrics:
        if any(has_form(u.own, f) for f in m.forms):
            scores.append(1.0)
        elif any(has_form(f"{u.before} {u.heading}", f) for f in m.forms) or m.key in attached:
            scores.append(0.7)
        else:
            scores.append(0.0)
    return max(scores)  # the metrics of one question are read as one (a multi-part one has parts)


def _period(q: QuestionRecord, u: Unit) -> str:
    if not q.periods:
        return "none"
    own = periods(u.own)
    # "… 9,000 GPUs at quarter end, up from 7,500 on June 30": a sentence whose periods
    # are all a comparison's base (or an event's day) dates its other figure by what is around it
    bases_only = bool(own) and not stated_periods(u.own)
    around = _around(u) if bases_only or not own else []  # (read only where it is needed: a hot path)
    given = own + around if bases_only else (own or around)
    if not given:
        # A paragraph that states one period once ("2024年，…。其中…。毛利率…") covers its later
        # sentences too; a passage that names other periods as well leaves the sentence unknown.
        passage = _passage_periods(u.chunk.indexed)
        if passage and any(all(agrees(p, [g]) == "match" for g in passage) for p in q.periods):
            return "match"
    states = [agrees(p, given) for p in q.periods]
    if "conflict" in states and "match" not in states:
        return "unknown" if bases_only and not around else "conflict"
    return "match" if "match" in states else "unknown"


def _around(u: Unit) -> list[str]:
    """The periods that date a unit from outside its own sentence: the sentence before (by what it
    states, not the base it compares with), the heading, a one-period title, the section's lead."""
    return stated_periods(u.before) or periods(u.heading) or _one(periods(u.title)) or \
        [p for p in (u.lead_period, u.reported) if p][:1]


def _one(found: list[str]) -> list[str]:
    """A report title's period dates its undated sentences only when it is one period: a title's
    span ("市场深度分析报告 (2024-2026)") is what the report covers, not the year of each figure."""
    return found if len(set(found)) == 1 else []


@lru_cache(maxsize=4096)
def _passage_periods(indexed: str) -> tuple[str, ...]:
    return tuple(periods(indexed))  # the chunk's normalised text, read once per chunk


def decide(judged: list[Judged], min_similarity: float = MIN_SIMILARITY) -> tuple[list[Judged], bool]:
    """Units ranked best first, and whether the best one answers the question (not when another
    says, in more of the question's words, that there is no such figure)."""
    ranked = sorted(judged, key=lambda j: (-(j.answers and j.sim >= min_similarity),
                                           -(j.period == "match"), -j.exact, -j.score))
    ok = bool(ranked) and ranked[0].answers and ranked[0].sim >= min_similarity
    return ranked, ok and not _denied(ranked, min_similarity)


# A sentence saying the thing asked is not set or not given ("合同并未约定保底用量", "we do not
# give quarterly guidance").
DENIAL = re.compile(r"并无|并未|尚未|未(?:订明|约定|披露|提供|设定|规定|给出)|没有|无任何|不(?:设|提供|披露|给出)|"
                    r"\b(?:does|do|did|will) not (?:include|provide|specify|set|contain|disclose|give|require)|"
                    r"\bno (?:minimum|fixed|separate|such)\b|\bnot (?:disclosed|provided|specified|given)\b")
DENIAL_MARGIN = 0.2  # how much more of the question's words the denying sentence must use


def _denied(ranked: list[Judged], min_similarity: float) -> bool:
    """A sentence about the company asked says there is no such figure, in clearly more of the
    question's words than the answering unit uses."""
    best = ranked[0].cov or 0.0
    return any(DENIAL.search(j.unit.own) and j.cov is not None and j.cov >= best + DENIAL_MARGIN
               and j.entity > 0 and j.sim >= min_similarity for j in ranked[1:])


def nearest(ranked: list[Judged], limit: int = 3) -> list[tuple[Fact, Judged]]:
    """What the reports do give about the entity asked: the best near-miss units' figures."""
    out, seen = [], set()
    for j in ranked:
        if j.entity <= 0:
            continue
        for f in j.unit_facts:
            if listable(f) and _said(f) not in seen:
                seen.add(_said(f))
                out.append((f, j))
            if len(out) == limit:
                return out
    return out


def listable(f: Fact) -> bool:
    """A figure worth offering as what the reports do say: not the first half of a range ("2-" of
    "2-4万亿") and not a bare number the text attaches to no metric."""
    return not range_start(f) and (f.quantity != "num" or bool(f.metric))


def _said(f: Fact) -> tuple:
    return f.entity, f.metric, f.period, f.quantity, round(f.value, 6)
