"""The question record, built once: every later step reads it instead of re-reading the text.

It holds the clean text, its language/script, the entities (name groups), metrics, periods, the
kind of answer expected and, for a question that asks several things, its parts.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from gpumkt.answer import document
from gpumkt.answer.asked import (content_words, contrasts_in, counted_noun, domain_asked, lead_name, lots_in,
                                 market_words, own_domain, parts_in, product_codes, quoted_figures, terms,
                                 unit_asked, unknown_names)
from gpumkt.answer.cues import (ASIDE, CHANGE_ASKED, DEAL_NOUN, DOCUMENT_NOUN, FIGURE_WORDS, FORECAST_ASKED,
                                GUIDANCE_ASKED, HOW_MUCH, KIND_WORDS, LEVEL_REACHED, MATURITY_YEAR, PART_SPLIT, PLAN_YEAR,
                                SHARE_ASKED, YEAR_SPAN, named_years, whole_years)
from gpumkt.answer.coordination import (entities_coordinated, measures_coordinated, nouns_coordinated,
                                        periods_coordinated)
from gpumkt.answer.mentions import (Mention, glossed_names, mentions, not_descriptive, sites_in,
                                    without_apposition, words_of_names)
from gpumkt.lang import vocab
from gpumkt.lang.periods import period_free, periods, points
from gpumkt.lang.text import detect_language, normalise

@dataclass(frozen=True)
class QuestionRecord:
    text: str  # clean question as typed
    norm: str  # normalised (Simplified, lowercase, NFKC)
    language: str  # zh-Hans | zh-Hant | en
    entities: tuple[Mention, ...] = ()
    metrics: tuple[Mention, ...] = ()
    metric_kind: str = ""  # the kind of figure the first metric is measured in
    periods: tuple[str, ...] = ()
    answer_kind: str = ""  # pct | money | count | duration | power | year | name | yesno | text | ""
    wants_figure: bool = False
    words: tuple[str, ...] = ()  # what is left once names, metrics and periods are taken out
    unknown: tuple[str, ...] = ()  # names the question uses that no report uses at all
    parts: tuple["QuestionRecord", ...] = field(default=())
    places: tuple[Mention, ...] = ()  # regions and countries asked about (欧洲, North America)
    sites: tuple[str, ...] = ()  # the place a site asked about is named after (台南 of 台南二号机房)
    codes: tuple[str, ...] = ()  # product codes asked about ("tg9-8l"): the answer names the product
    terms: tuple[int, ...] = ()  # contract terms asked, in months ("five-year": 60): no other term's price
    lots: tuple[str, ...] = ()  # numbered parts asked about ("lot 4" of 包4, "tier 1"): the answer names them
    plans: tuple[str, ...] = ()  # years naming the plan or debt asked ("2023" of "the 2023 stock plan", "notes due 2031")
    unit: str = ""  # the family of a unit asked by name ("flops" of "多少PFLOPS")
    loose: tuple[str, ...] = ()  # content words no report uses (the asker's paraphrase: 成立 for 创立)
    contrasts: tuple = ()  # (forms the question uses, their opposites): ((推理,…), (训练,…))
    named_parts: tuple = ()  # forms of each exclusive part asked about (a segment): the answer names it
    domain: str = ""  # the field the figure is confined to ("在服务器领域"): the answer names it
    asks_share: bool = False  # a part of a whole ("what share", 占比)
    asks_guidance: bool = False  # guidance (指引, outlook) or a consensus (分析师预期), not an outcome
    asks_forecast: bool = False  # a target or an estimate: where one is given, it comes before an outcome
    asks_change: bool = False  # the amount a figure moved by ("increased by how much"), not its level
    asks_adjusted: bool = False  # an adjusted (non-GAAP, 经调整) measure, not the reported one
    measured: tuple[str, ...] = ()  # the metrics' heads: what a figure must measure (成本 of "cost of revenue")
    counted: str = ""  # what a count question counts: "注册开发者" of "多少名注册开发者"
    quoted: tuple[tuple[float, bool], ...] = ()  # figures the asker typed: (value, is a percentage)
    lead: tuple[str, ...] = ()  # with no known company named, the words of the name a question
    # starts with ("昆仑芯2025年…"): the unit must use them
    market: tuple[str, ...] = ()  # with no company named, the words naming the market asked ("ai专用gpu")
    document: str = ""  # the words describing the report asked ("the taiwanese article on coreweave")
    described: tuple[str, ...] = ()  # its content words, as ``words`` holds them: a passage need not repeat them
    points: tuple[str, ...] = ()  # the periods asked as one day ("at June 30, 2025"), not as a span

    @property
    def subject(self) -> str:
        return " ".join(m.text for m in self.entities)


def build(question: str, names: list[vocab.Group], split: bool = True,
          known: Collection[str] = frozenset()) -> QuestionRecord:
    """Read a clean question once. ``names`` are the entity groups of the index.

    ``build("CoreWeave 2025年第二季度营收是多少?", names)`` -> entities (coreweave), metrics (营收,
    money), periods ("2025q2"), answer kind "money", wants_figure True.
    """
    norm = normalise(question)
    desc = _described(norm)
    # (its words stay: a passage may name the report's firm, "远澜预计", as the question does)
    level_free = LEVEL_REACHED.sub(" ", norm)
    rest = level_free
    found_names, sources = mentions(question, norm, names)
    ents = not_descriptive(tuple(found_names), norm, desc)
    rest = without_apposition(rest, ents)
    for text in glossed_names(question, [m.text for m in ents]) + [m.text for m in ents] + sources:
        rest = rest.replace(text, " ")  # (the firm a figure is quoted from is no word asked)
    kind = _answer_kind(norm)
    # a measure named only in the title of the report asked ("the market-value report") is not asked
    outside = norm.replace(desc, " ") if desc else norm
    aside = [m.span() for m in ASIDE.finditer(rest)]
    in_names = words_of_names(question)
    found = [x for x in vocab.find(rest, vocab.metrics(), vocab.terms()) if measurable(x[2].kind, kind)
             and not DEAL_NOUN.match(rest[x[1]:]) and rest[x[0]:x[1]] in outside
             and not any(a <= x[0] < b for a, b in aside) and rest[x[0]:x[1]] not in in_names]
    mets = tuple(Mention(g.key, g.forms, rest[a:b]) for a, b, g in found)  # 超大规模 is no 规模 (terms)
    heads = tuple(g.key for _, _, g in vocab.heads(rest, found))
    for m in mets:
        rest = rest.replace(m.text, " ")
    where = tuple(Mention(g.key, g.forms, rest[a:b]) for a, b, g in vocab.find(rest, vocab.places())
                  if not DOCUMENT_NOUN.match(rest[b:]))  # "the Chinese broker note" is no place asked
    for m in where:
        rest = rest.replace(m.text, " ")
    # a span of years in the report's title ("the 2023–2027 outlook report") dates the report, not
    # the figure asked; one year ("its 2025 annual report") is the period asked. A plan's year is
    # its name ("the 2024 stock option plan", "2023年员工持股计划"), not the figure's period.
    # So is a debt's maturity ("the notes due 2031").
    dated = PLAN_YEAR.sub(" ", norm.replace(desc, " ") if desc and YEAR_SPAN.search(desc) else norm)
    pers = whole_years(tuple(periods(MATURITY_YEAR.sub(" ", dated))), dated)
    rest = period_free(rest)
    for _, pattern in KIND_WORDS:  # how the question is phrased is not what it is about
        rest = re.sub(pattern, " ", rest)
    rest = FIGURE_WORDS.sub(" ", rest)
    # A compound names its head last (营收年增长率, revenue growth rate): the head sets the kind.
    said = [x for x in vocab.find_heads(level_free, vocab.metrics()) if measurable(x[2].kind, kind)
            and level_free[x[0]:x[1]] in outside]
    # "营业利润率指引": guidance is how the margin is given (asks_guidance); the margin sets the kind
    said = [x for x in said if not _guidance(x[2])] or [x for x in found if not _guidance(x[2])] or said
    # "How much power … serves clients": "how much" asks an amount, so a counted head is not the one asked
    amount = [x for x in said if x[2].kind != "count"] if HOW_MUCH.search(norm) else []
    metric_kind = next((g.kind for _, _, g in reversed(amount or said)), "")
    wants = kind in ("pct", "mult", "count", "money", "year", "duration", "power") or (
        bool(FIGURE_WORDS.search(norm)) or bool(mets)) and kind not in ("name", "yesno", "text")
    words = tuple(content_words(rest, known))
    market = () if ents else tuple(market_words(norm, known))
    lead = "" if ents else lead_name(norm, [a for a, _, _ in found] + [a for a, _, _ in vocab.find(norm, vocab.places())])
    lead_words = tuple(content_words(lead, ()))
    unknown = tuple(unknown_names(question, known)) if known else ()
    if lead_words and known and any(t not in known for t in lead_words):
        unknown += (lead,)  # "海光信息2025年营收": a company no report names
    contrasts = contrasts_in(norm)
    record = QuestionRecord(question, norm, detect_language(question), ents, mets, metric_kind, pers,
                            kind or (metric_kind if wants else ""), wants, words,
                            unknown, places=where, sites=sites_in(norm), lead=lead_words, market=market,
                            codes=tuple(product_codes(norm.replace(desc, " ") if desc else norm,
                                                      {f for m in ents for f in m.forms})),
                            terms=tuple(sorted(terms(norm))), lots=tuple(sorted(lots_in(norm))),
                            plans=named_years(norm), unit=unit_asked(norm),
                            loose=tuple(w for w in content_words(rest, ()) if w not in words),
                            contrasts=contrasts, named_parts=parts_in(contrasts, norm),
                            asks_share=bool(SHARE_ASKED.search(norm)),
                            asks_guidance=bool(GUIDANCE_ASKED.search(norm)), measured=heads,
                            asks_forecast=bool(FORECAST_ASKED.search(norm)),
                            asks_change=bool(CHANGE_ASKED.search(norm)),
                            asks_adjusted=bool(vocab.ADJUSTED.search(norm)),
                            counted=counted_noun(norm), quoted=quoted_figures(question),
                            domain=own_domain(domain_asked(norm), ents, where), document=desc,
                            described=tuple(content_words(desc, ())), points=points(norm))
    if split:
        record = _with_parts(record, names, known)
    return record


# Kinds of quantity that exclude one another: a question that asks a duration, a count, an amount
# of money or of power by its own words is not measuring a metric of another of these kinds.
EXCLUSIVE_KINDS = {"money", "count", "duration", "power"}


def _guidance(g: vocab.Group) -> bool:
    return "guidance" in g.forms


def measurable(metric_kind: str, answer_kind: str) -> bool:
    """Whether a metric can be what a question asks for, given the kind of answer its words ask:
    in "多长时间才能赚回成本" the 成本 (money) is what is earned back, and the duration is asked.

    ``measurable("money", "duration") -> False``; ``measurable("money", "pct") -> True`` (a share
    or growth of revenue is a percentage of a money metric).
    """
    return not (answer_kind in EXCLUSIVE_KINDS and metric_kind in EXCLUSIVE_KINDS and metric_kind != answer_kind)


def _described(norm: str) -> str:
    span = document.phrase(norm)
    return norm[span[0]:span[1]].strip() if span else ""


def _answer_kind(norm: str) -> str:
    for kind, pattern in KIND_WORDS:
        if re.search(pattern, norm):
            return kind
    return ""


def _with_parts(record: QuestionRecord, names, known) -> QuestionRecord:
    """A question that asks several things ("营收和年增长率分别是多少", "revenue? and the margin?")
    keeps one sub-record per part; a part that names no company borrows the question's."""
    pieces = [p for p in PART_SPLIT.split(record.text) if p and len(p.strip()) > 1]
    heads = [m for m in record.metrics if m.key in record.measured]  # not a compound's modifier
    # A comma coordinates only clauses that each ask ("营收多少，同比增长多少"): "签6个月期合同，相对按需
    # 价格的折扣是多少" asks one thing
    asking = sum(bool(ASKS.search(c)) for c in re.split(r"[,，]", record.norm))
    metric_parts = heads if len(heads) > 1 and (measures_coordinated(record.norm, [m.text for m in heads])
                                                 or asking > 1) else ()
    parts = []
    if len(pieces) > 1:
        parts = _sharing_last([build(p, names, split=False, known=known) for p in pieces])
        # "…net margin in 2026, and what was it in 2025?": a piece naming only a period asks the same
        parts = [p if p.metrics or p.wants_figure or not p.periods or not record.metrics or not ASKS.search(p.norm)
                 else QuestionRecord(**{**record.__dict__, "periods": p.periods}) for p in parts]
        parts = [p for p in parts if p.metrics or p.wants_figure]
    elif metric_parts:
        parts = [build(f"{record.subject} {' '.join(record.periods)} {m.text}", names, split=False,
                       known=known) for m in metric_parts]
    elif record.wants_figure and entities_coordinated(record.norm, [m.text for m in record.entities]):
        parts = [QuestionRecord(**{**record.__dict__, "entities": (m,)}) for m in record.entities]
    elif record.wants_figure and (listed := periods_coordinated(record.norm)):
        parts = [QuestionRecord(**{**record.__dict__, "periods": (p,)}) for p in listed]
    elif record.wants_figure and (pair := nouns_coordinated(record.norm)):
        a, b = pair[2]  # "首期和二期的机柜分别有多少": "首期的机柜…", "二期的机柜…"
        parts = [build(record.norm[:a] + noun + record.norm[b:], names, split=False, known=known) for noun in pair[:2]]
    if len(parts) < 2:
        return record
    parts = [_inherit(p, record) for p in parts]
    return QuestionRecord(**{**record.__dict__, "parts": tuple(parts)})


def _sharing_last(parts: list[QuestionRecord]) -> list[QuestionRecord]:
    """The part of a whole the last piece names is asked of by the pieces before it that name none:
    "how many racks and how many servers does phase 3 hold" asks phase 3's racks."""
    last = parts[-1].named_parts if parts else ()
    return [p if p.named_parts or not last else QuestionRecord(**{**p.__dict__, "named_parts": last})
            for p in parts]


ASKS = re.compile(r"多少|几|哪|什么|\b(?:how|what|which)\b")
def _inherit(part: QuestionRecord, whole: QuestionRecord) -> QuestionRecord:
    changes = {}
    if not part.entities:
        changes["entities"] = whole.entities
    if not part.periods:
        changes["periods"] = whole.periods
    if not part.places:
        changes["places"] = whole.places
    return QuestionRecord(**{**part.__dict__, **changes}) if changes else part
