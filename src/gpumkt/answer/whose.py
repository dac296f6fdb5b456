"""Whose is a unit's figure: how closely the text attaches it to each company asked.

The unit itself naming the company counts most, then the sentence before, the heading, the report's
title or masthead; a unit that also names another company, or that lists the one asked among
several holding the figure together, attaches it less or not at all. ``gate.py`` weighs this with
the period, metric and kind asked.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from gpumkt.answer.asked import version_after
from gpumkt.answer.coverage import crosses
from gpumkt.answer.question import QuestionRecord
from gpumkt.ingest.units import Unit, sibling_items
from gpumkt.lang import vocab
from gpumkt.lang.text import normalise
from gpumkt.lang.vocab import has_form


def entity_score(q: QuestionRecord, u: Unit, found: list[tuple[int, int, vocab.Group]],
                 attached: Collection[str] = ()) -> float:
    """Weakest attachment over the entities asked: 1 in the unit, .8 in the sentence before (unless
    it is a sibling list item), .7 in the heading, .4 in the title (.7 when the unit says "we" or
    "公司": a filing speaking of itself) or in the document's masthead or cover (its author), less
    when the unit itself names another company (.5, .4, .25), else 0. A context that names the
    asked company *and* another company the unit names (not one listed beside an asked name) is
    shared by both, and the unit is about the other one (0); a figure said of a list of three or more names (two, when the sentence
    says they hold it together) belongs to the group, not to one member asked alone (.2).
    ``found``: the names the unit uses, as ``vocab.find`` gives them; ``attached``: the entities its
    facts are attached to (a document about one company, whose masthead names its author, gives
    that company's figures with no name near them: they count as the title's would). With no
    company asked, the name it leads with counts 1 in the unit or its context, .4 in the title."""
    if not q.entities:  # a name the reports use but do not know as a company must be in the unit,
        # and so must the words of the market asked (in the question's language: across languages
        # the glossary and the passage's meaning judge it)
        where = f"{u.before} {u.own} {u.heading}"
        market = () if crosses(q, u) else q.market
        lead_in = normalise(u.chunk.text[:max(0, u.start - u.chunk.start)]) if market else ""  # a list's lead-in line
        if not all(w in f"{where} {lead_in}" for w in market):
            return 0.0
        # (a product's datasheet names it in its title, as a company's report names the company)
        return 1.0 if all(w in where for w in q.lead) else 0.4 if all(
            w in f"{where} {u.title} {u.masthead}" for w in q.lead) else 0.0
    asked = {m.key for m in q.entities}
    own_names = {g.key for _, _, g in found}
    others = own_names - asked
    runs = _runs(u.own, found)
    rivals = others - {k for run in runs if run & asked for k in run}  # not those listed beside an asked name
    rival_forms = [f for _, _, g in found if g.key in rivals for f in g.forms]
    shared = lambda text: any(has_form(text, f) for f in rival_forms)  # noqa: E731  (华为 in 华为云 too)
    scores = []
    for m in q.entities:
        if m.version and _other_version(m, u.own):
            scores.append(0.0)  # GPT-3's figure is not GPT-4's
        elif m.key in own_names:
            scores.append(0.2 if q.wants_figure and _in_list(u.own, runs, m.key, asked) else 1.0)
        elif not sibling_items(u) and any(has_form(u.before, f) for f in m.forms):
            scores.append(0.0 if shared(u.before) else 0.5 if others else 0.8)
        elif any(has_form(u.heading, f) for f in m.forms):
            scores.append(0.0 if shared(u.heading) else 0.4 if others else 0.7)
        elif any(has_form(u.title, f) for f in m.forms) or m.key in attached:
            # (a filing speaking of itself, "we had", "公司实现", is as good as the heading's)
            scores.append(0.25 if others else 0.7 if FIRST_PERSON.search(u.own) else 0.4)
        elif any(has_form(u.masthead, f) for f in m.forms):
            scores.append(0.25 if others else 0.4)  # the author its masthead or cover names: "甲联合会估计…"
        else:
            scores.append(0.0)
    return min(scores)


# A filing or a company's own report speaks of the company in the first person.
FIRST_PERSON = re.compile(r"\b(?:we|our)\b|(?:^|[，,。；;：:\s])(?:本公司|公司|我们)")
LIST_JOINT = re.compile(r"\s*(?:、|,|，|和|与|及|以及|and|&)\s*")
# Between two listed names: a joint, after at most two more words of the first name ("amazon web
# services, microsoft"), or nothing but a space ("microsoft azure": one name in two forms).
LIST_TAIL = re.compile(r"(?:\s+[a-z]+){0,2}" + LIST_JOINT.pattern + r"|\s+")
# A figure the sentence says several names hold together is theirs, not one member's.
TOGETHER = re.compile(r"together|combined|jointly|合计|合共|共同|加起来|总共")


def _in_list(own: str, runs: list[set[str]], key: str, asked: set[str]) -> bool:
    """The name is one of three or more names written one after another ("微软、meta、google等"),
    or of two said to hold the figure together ("合计", "combined"),
    that the question does not ask about together, and the sentence does not pair each with its own
    figure (分别, respectively). ``runs`` are the sentence's name lists (``_runs``).

    ``_in_list("贡献超60%的微软、辉达、google等", [{"microsoft", "nvidia", "google"}], "google",
    {"google"}) -> True``
    """
    if re.search(r"分别|各自|respectively|each", own):
        return False
    least = 2 if TOGETHER.search(own) else 3
    return any(len(run) >= least and key in run and not run <= asked for run in runs)


def _runs(own: str, found: list) -> list[set[str]]:
    """Group keys of names that follow one another joined only by 、 , 和 and: one set per run."""
    runs, run = [], [found[0]] if found else []
    for prev, cur in zip(found, found[1:]):
        if LIST_TAIL.fullmatch(own[prev[1]:cur[0]]):
            run.append(cur)
        else:
            runs.append(run)
            run = [cur]
    runs.append(run)
    return [{g.key for _, _, g in r} for r in runs if r]


def _other_version(m, text: str) -> bool:
    """The unit names the entity with versions, none of them the one asked.

    ``_other_version(Mention("gpt", ("gpt",), "gpt", "4"), "1750亿参数的gpt-3") -> True``
    """
    found = {version_after(text, x.end()) for f in m.forms for x in re.finditer(vocab.form_pattern(f), text)}
    found.discard("")
    return bool(found) and m.version not in found
