"""Pick the few sentences that answer the question, and judge whether they cover it at all.

A question is split into *concepts*: each alias group it mentions (NVIDIA / 輝達 / 英伟达 is one
concept) and each remaining content token. A sentence covers a concept when it holds any of the
concept's forms; coverage is the idf-weighted share of concepts covered. A concept that occurs
nowhere in the reports weighs the most — unless it is a plain English word, which may only be the
English phrasing of a Chinese term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexical import BM25, mentions, alias_kinds, tokenize
from .numbers import figures
from .records import Chunk, Evidence, Hit
from .text import normalise, plain, sentence_spans, squash

NUMBER_WORDS = re.compile(r"多少|几|幾|多大|多高|多快|比例|占比|份额|规模|金额|哪一?年|何时|何時|"
                          r"how (much|many|fast|big|large)|what (share|percentage|revenue|valuation)|"
                          r"which year|\bwhen\b|\bprice\b|\bcost\b|\brate\b", re.I)


QUESTION_WORDS = set("哪一年 一年 哪年 哪 何时 多久 多大 多高 多快 多少钱 分别 金额 比例 数额 数量 情况 中有 "
                     "每年 每天 每季度 每季 谁 指 哪些 哪种 三种 几个 一些 具体 大约 目前 现在 达到 到 "
                     "many much give gives each hold holds expect does did".split())


REQUIRED = ("entities", "metrics", "name")  # evidence must mention every concept of these kinds
MIN_SUPPORT = 0.27  # calibrated: midway between the best-supported unanswerable question (0.23)
# and the least-supported answerable one (0.30) of eval/questions.json (README, "Refusals")


@dataclass(frozen=True)
class Concept:
    forms: tuple[str, ...]  # normalised
    weight: float
    kind: str = "word"  # entities | metrics | terms (alias groups), name (a Latin name), word

    def found_in(self, text: str) -> bool:
        return any(mentions(text, f) if not re.search(r"\d", f) else f in text for f in self.forms)


@dataclass(frozen=True)
class Unit:
    """A candidate sentence: verbatim span plus the context it is read in."""

    chunk: Chunk
    start: int
    end: int
    quote: str
    context: str  # normalised: heading path / chart title / table headers + the sentence
    prior: float  # from the chunk's retrieval rank
    label: str = ""  # readable form shown to the model


def concepts(question: str, bm25: BM25) -> list[Concept]:
    """Concepts of a question, weighted by idf (unseen terms weigh the most)."""
    rest = normalise(question)
    top = max(bm25.idf.values(), default=1.0)
    out = []
    for group, kind in alias_kinds().items():
        hits = [a for a in group if mentions(rest, a)]
        if hits:
            out.append(Concept(group, _group_idf(bm25, group, top), kind))
            for a in sorted(hits, key=len, reverse=True):
                rest = rest.replace(a, " ")
    for tok in dict.fromkeys(tokenize(rest)):
        if tok in QUESTION_WORDS or (len(tok) == 1 and not tok.isascii()):
            continue  # "钱", "占", "第": how a question is phrased, not what it is about
        if tok not in bm25.idf and tok.endswith("s") and tok[:-1] in bm25.idf:
            tok = tok[:-1]  # "gpus" -> "gpu"
        english = _plain_english(tok, question)
        if tok in bm25.idf or not english:
            name = re.fullmatch(r"[a-z0-9][a-z0-9.\-]+", tok) and not english
            out.append(Concept((tok,), _idf(bm25, tok, top), "name" if name else "word"))
    return out


def _group_idf(bm25: BM25, group: tuple[str, ...], top: float) -> float:
    """The rarest form the reports use; a group none of whose forms occurs weighs the most."""
    seen = [bm25.idf[t] for a in group for t in (tokenize(a) or [a]) if t in bm25.idf]
    return max(seen) if seen else top


def _idf(bm25: BM25, term: str, top: float) -> float:
    toks = tokenize(term) or [term]
    return max(bm25.idf.get(t, top) for t in toks)


def _plain_english(tok: str, question: str) -> bool:
    """A lowercase English word the reports may phrase in Chinese ("cost", "month")."""
    if not re.fullmatch(r"[a-z]+", tok):
        return False
    written = re.search(rf"(?<![A-Za-z]){re.escape(tok)}(?![A-Za-z])", question, re.I)
    return written is None or written.group(0).islower()


def coverage(cs: list[Concept], text: str) -> float:
    """Idf-weighted share of concepts that occur in ``text`` (normalised)."""
    total = sum(c.weight for c in cs)
    if not total:
        return 0.0
    return sum(c.weight for c in cs if c.found_in(text)) / total


def names_required(cs: list[Concept], text: str) -> bool:
    """``text`` mentions every entity, metric and name the question asks about."""
    return all(c.found_in(text) for c in cs if c.kind in REQUIRED)


def units(hit: Hit, doc_text: str) -> list[Unit]:
    c = hit.chunk
    prior = 1.0 / hit.rank
    head = normalise(c.section)
    if c.kind == "table":
        pairs = c.readable.split(" | ", 1)[-1]  # the row with its headers, without the caption
        return [Unit(c, c.start, c.end, c.text, head + " " + normalise(c.readable), prior, pairs)]
    if c.kind == "chart":
        return _chart_units(c, head, prior)
    spans = sentence_spans(doc_text, c.start, c.end)
    out = []
    for i, (a, b) in enumerate(spans):
        # The sentence before often names the subject ("2. **AMD**" above "数据中心收入：37亿美元").
        before = normalise(squash(doc_text[spans[i - 1][0]:spans[i - 1][1]])) if i else ""
        text = squash(doc_text[a:b])
        out.append(Unit(c, a, b, doc_text[a:b], f"{head} {before} {normalise(text)}", prior, plain(text)))
    return out


CHART_SYNTAX = ("```", "style", "classDef", "graph", "pie", "xychart", "timeline", "radar", "title",
                "x-axis", "y-axis")


def _chart_units(c: Chunk, head: str, prior: float) -> list[Unit]:
    """One unit per content line of a mermaid block (syntax lines carry no facts)."""
    raw_title = c.readable.split(". ")[0]
    title = normalise(raw_title)
    out, pos = [], c.start
    for line in c.text.splitlines(keepends=True):
        body = line.strip()
        if body and not body.startswith(CHART_SYNTAX):
            a = pos + line.index(body)
            paired = re.match(r"(bar|line)\s*\[", body) and ": " in c.readable
            label = c.readable if paired else f"{raw_title}: {_chart_label(body)}"
            out.append(Unit(c, a, a + len(body), body, f"{head} {title} {normalise(label)}", prior, label))
        pos += len(line)
    return out


def _chart_label(line: str) -> str:
    """``_chart_label('B --> B1[CoreWeave: 456亿美元]') -> "CoreWeave: 456亿美元"``"""
    labels = re.findall(r"\[([^\]]+)\]", line)
    text = " ".join(labels) if labels else line.replace('"', "")
    return re.sub(r"<br\s*/?>", " ", text).strip(": ")


def select(question: str, hits: list[Hit], docs: dict, bm25: BM25, count: int = 4,
           per_chunk: int = 2, cs: list[Concept] | None = None) -> tuple[list[Evidence], float]:
    """The best ``count`` sentences (at most ``per_chunk`` per chunk) and the best support
    (below MIN_SUPPORT: the reports do not cover the question). Support is a sentence's coverage
    when it names everything required, else 0; ``cs`` are the question's concepts if known."""
    cs = concepts(question, bm25) if cs is None else cs
    wants_number = wants_figure(question, cs)
    scored = []
    for hit in hits:
        for u in units(hit, docs[hit.chunk.source].text):
            cov = coverage(cs, u.context)
            sup = cov if names_required(cs, u.context) else 0.0
            has_fig = bool(figures(u.quote))
            own = coverage(cs, normalise(u.label))  # what the sentence itself says, without context
            # Sentences naming everything asked about first; then coverage, rank, a stated figure.
            score = sup + 0.3 * cov + 0.3 * own + 0.15 * u.prior + (0.1 if wants_number and has_fig else 0.0)
            scored.append((score, sup, u))
    scored.sort(key=lambda x: -x[0])
    chosen, per, seen = [], {}, set()
    for score, sup, u in scored:
        key = normalise(u.quote)
        if per.get(u.chunk.id, 0) >= per_chunk or key in seen:
            continue
        per[u.chunk.id] = per.get(u.chunk.id, 0) + 1
        seen.add(key)
        chosen.append((score, sup, u))
        if len(chosen) == count:
            break
    best = max((sup for _, sup, _ in scored), default=0.0)
    return [_evidence(i, s, u, sup > 0) for i, (s, sup, u) in enumerate(chosen, 1)], best


def _evidence(n: int, score: float, u: Unit, covers: bool) -> Evidence:
    c = u.chunk
    return Evidence(n=n, source=c.source, chunk_id=c.id, section=c.section, quote=u.quote,
                    start=u.start, end=u.end, score=round(score, 4), passage=c.text,
                    label=u.label[:200], covers=covers)


def wants_figure(question: str, cs: list[Concept]) -> bool:
    """A question asks for a figure when it says "how much" or names a metric (估值, 客户集中度)."""
    return bool(NUMBER_WORDS.search(question)) or any(c.kind == "metrics" for c in cs)


def topics(question_concepts: list[Concept]) -> list[tuple[str, tuple[str, ...]]]:
    """(label, forms) of the entities, metrics and years a question asks about; [] unless it
    names at least one entity and one metric (only then can two reports disagree about it)."""
    cs = [c for c in question_concepts
          if c.kind in ("entities", "metrics") or re.fullmatch(r"(19|20)\d\d", c.forms[0])]
    kinds = {c.kind for c in cs}
    if not {"entities", "metrics"} <= kinds:
        return []
    return [(c.forms[0], c.forms) for c in cs]


def entity_mentions(question: str, bm25: BM25) -> list[str]:
    """The entity names a question uses, as written (normalised): for follow-up rewriting."""
    norm = normalise(question)
    return [next(f for f in c.forms if mentions(norm, f)) for c in concepts(question, bm25)
            if (c.kind == "entities" or c.kind == "name" and not c.forms[0].isdigit())
            and any(mentions(norm, f) for f in c.forms)]
