"""The facts in the units (``units.py``), built at index time.

A fact is one figure with what the text attaches it to: the entity, metric and period named
nearest to it — its clause first, then its sentence, the sentence before, the table headers or
chart title, the section heading, and the document title only when nothing nearer names one —
plus its verbatim span, so ``doc.text[fact.start:fact.end]`` is the figure as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gpumkt.ingest.cells import MACHINES, cell_label, cell_unit, table_unit, unit_named_in_row
from gpumkt.ingest.dating import (RESPECTIVELY_SAID, closed_year, fiscal_span, in_document_year, last_period,
                                  period_in, respective_period, sentence_period, year_before, year_earlier)
from gpumkt.ingest.measures import metrics_for, money_metric, named_after, quantity, share_of
from gpumkt.ingest.nearest import first_name, held_together, nearest, respective
from gpumkt.ingest.not_figures import dated_spans, no_figure
from gpumkt.ingest.subjects import subjects
from gpumkt.ingest.units import Unit, sibling_items
from gpumkt.lang import vocab
from gpumkt.lang.numbers import Figure, figure_spans
from gpumkt.lang.periods import MONTH_PATTERN
from gpumkt.lang.text import markup_spans, normalise_aligned, squash_aligned
from gpumkt.records import Fact

CLAUSE_END = "，,;；：:、（）()"
CELL_END = ";；|"  # what parts a table unit's label and cells: a cell keeps its header ("gpus: 12,288")
# The comma inside an English date ends no clause: "the three months ended June 30, 2025 reached
# $1.2 billion" is Q2's.
DATE_COMMA = re.compile(MONTH_PATTERN + r"\s+\d{1,2}(,)\s+(?:19|20)\d\d")
# A planned or expected figure is not the same fact as an actual one of the same period.
# A broker's table marks its estimates with an E after the period ("2025E", "3Q25E"; "A": actual).
FORECAST = re.compile(r"计划|计画|预计|预期|预测|指引|将达|有望|目标|plan|expect|forecast|guidance|outlook|target|"
                      r"projected|estimate|(?<![a-z0-9])(?:(?:19|20)\d\d|[1-4][qh]\d\d|fy\d\d)[ef](?![a-z])")


# A line of figures (no sentence) under a guidance or outlook heading is an expectation: a deck's
# "Guidance" slide lists "Revenue  $1.42B–$1.46B" with no verb that says so.
GUIDANCE_HEAD = re.compile(r"guidance|outlook|指引|展望|财测")


def _guidance_line(unit) -> bool:
    return bool(GUIDANCE_HEAD.search(unit.heading)) and not re.search(r"[。.!?；;]\s*$", unit.own.strip()) \
        and not re.search(r"\b(?:was|were|is|are|rose|fell|grew)\b|为|達|达", unit.own)


BASIS_AFTER = re.compile(r"(?:\s*(?:on an?|in)\s+(?:non-?\s?gaap|adjusted)\s+basis)?")  # "16% on a non-GAAP basis"
# "Guidance raised to $2.5 billion": a measure moved to a level, not money raised (funding).
RAISED_TO = re.compile(r"\b(?:raised|raises|raise|lifted|lifts)(?=\s+(?:its\s+|the\s+)?(?:to|from)\b)")


def _blank(m: re.Match) -> str:
    return " " * len(m.group(0))


# A phrase set off by commas after a measure, saying what the measure is: ", the revenue signed
# but not yet booked,"
APPOSITION = re.compile(r"(?<=[A-Za-z]),\s+(?:the|a|an)\s+[^,;:]{3,80}?,(?=\s)")


def _apposition_free(text: str) -> str:
    """``text`` with a phrase in apposition to a measure blanked, same length: the measures in it
    describe the one before it, not a figure after it.

    ``_apposition_free("its backlog, the revenue not yet recognized, was")``
    -> ``"its backlog," + " " * 31 + ", was"``
    """
    for m in reversed(list(APPOSITION.finditer(text))):
        if any(b == m.start() for _, b, _ in vocab.find_heads(text[:m.start()], vocab.metrics())):
            text = text[:m.start() + 1] + " " * (m.end() - m.start() - 2) + text[m.end() - 1:]
    return text


def _unnamed(text: str, names: list[vocab.Group]) -> str:
    """``text`` with the names in it blanked, same length: ``_unnamed("甲投资集团有限公司营收", names)`` ->
    "         营收" when 甲投资集团有限公司 is a name."""
    for a, b, _ in vocab.find(text, names):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


# a line's label before its figure; a filing's field names run long ("5.1月1日累计至本期止营业毛利(毛损) (仟元)：")
LABELLED = re.compile(r"\s*[^：:。，,；;]{1,40}[：:]\s*")


def _listed_period(own: str, spans: list, i: int, dated: list, before: str = "") -> str:
    """``respective_period`` over the sentence's figures that are no date and no bracketed
    translation of the figure before them (only a sentence that says "respectively" pairs any:
    the filter runs for every figure of every unit)."""
    if not RESPECTIVELY_SAID.search(own):
        return ""
    kept = [j for j, (f, a, b) in enumerate(spans) if not any(x < b and a < y for x, y, _ in dated)  # ("2025-" of 2025-2027年)
            and not re.search(r"[(（]\s*$", own[max(0, a - 2):a])]
    if i not in kept:
        return ""
    return respective_period(own, [spans[j] for j in kept], kept.index(i), before)


# An amount by which a figure moved, not its level: "Cost of revenue increased $232 million, or 273%".
CHANGED_BY = re.compile(r"(?:increased|decreased|rose|fell|grew|declined|was up|was down)\s+(?:by\s+)?"
                        r"(?:approximately\s+|about\s+|nearly\s+)?$|(?:增加|减少|增长|下降)了?(?:约|近)?$")
# Money put into something, right before the figure (a range's first half may stand between).
SPENT = re.compile(r"(?:投入|投放|spend(?:ing)?|invest(?:ing)?|pour(?:ing)?)\s*(?:约|逾|超过|about|over|more than)?\s*"
                   r"(?:[$¥]?[\d,.]+\s*(?:亿|万|billion|million)?\s*(?:至|到|-|–|to)\s*)?$")
BUILT = re.compile(r"数据中心|机房|算力中心|data cent(?:er|re)s?|infrastructure|基础设施|扩建|建设")
# ---------------------------------------------------------------- facts


@dataclass
class _Read:
    """One unit's text as its facts are read: the same for every figure in it."""
    unit: Unit
    prose: bool  # a sentence of the text, not a table row or chart line (offsets map back)
    own: str  # normalised, lower case, same length as the raw quote
    dated: str  # ``own`` with the comma of an English date blanked, same length
    back: list  # offset in ``own`` -> offset in the unit's quote
    spans: list  # the figures: (Figure, start, end) in ``own``
    markup: list  # link targets, image paths and style rules: (start, end)
    timed: list  # periods and stamps of time: (start, end, period); a number inside one is no figure
    scale: float
    currency: str
    around: list[str]  # the sentence before and the heading, names blanked
    said_for: dict = field(default_factory=dict)  # span index -> the period its fact was given


def _read(unit: Unit, names: list[vocab.Group]) -> _Read:
    prose = unit.chunk.kind == "text"
    # A line wrapped mid-word ("营业利\n润", "capital\nexpenditures") is read joined, as the unit is
    raw, back = squash_aligned(unit.quote) if prose else (unit.label, [])
    own = normalise_aligned(raw)
    scale, currency = (1.0, "") if prose else table_unit(unit.heading)
    # the sentence before and the heading, as a figure's measure is looked for in them (a company's
    # name is no measure: the 投资 of 溟江省算力投资集团有限公司)
    around = [_unnamed(RAISED_TO.sub(_blank, c), names) for c in (unit.before, unit.heading)]
    dated = DATE_COMMA.sub(lambda m: m.group(0).replace(",", " "), own)
    return _Read(unit, prose, own, dated, back, figure_spans(raw), markup_spans(raw), dated_spans(own),
                 scale, currency, around)


def facts_of(unit: Unit, names: list[vocab.Group], first_id: int = 0, subject: str = "") -> list[Fact]:
    """The figures of one unit, each attached to its entity, metric and period.

    In "CoreWeave在2025年第二季度营收达到12亿美元，年增长率207%" the fact 12亿美元 gets
    (coreweave, 营收, 2025q2) and 207% gets (coreweave, 增长率, 2025q2).
    """
    r, out = _read(unit, names), []
    for i, (fig, a, b) in enumerate(r.spans):
        if any(x < b and a < y for x, y in r.markup) or no_figure(fig, r.own, a, b, r.timed, r.prose, names):
            continue  # a number in a link target, image path or style rule; a year, a stock code, ...
        out.append(_fact(r, i, names, subject, f"{unit.chunk.id}-{first_id + len(out)}"))
    return out


def _fact(r: _Read, i: int, names: list[vocab.Group], subject: str, fact_id: str) -> Fact:
    fig, a, b = r.spans[i]
    own, unit = r.own, r.unit
    # "(MW)": the "except where noted" of "$ in billions"; a line of a label and its figure says
    # its unit as a row does ("资产负债率（%）：63.5", "期末总负债(仟元)：89,916,075" is in thousands);
    # a table whose caption says its cells are percentages ("(%)")
    labelled = not r.prose or LABELLED.fullmatch(own[:a])
    row_unit = unit_named_in_row(own[:a]) if labelled else ""
    if not r.prose and not row_unit and fig.kind == "num" and PCT_CAPTION.search(unit.heading):
        row_unit = "%"
    fig_scale, fig_currency = cell_unit(own[:a], r.scale, r.currency) if labelled else (r.scale, r.currency)
    if (fig_scale != 1.0 or fig_currency) and not row_unit and (fig.currency or fig_currency) and fig.kind == "num":
        fig = Figure(fig.text, fig.value, fig.kind, fig.currency or fig_currency)
    clause, ca = _clause(r.dated, a, b, CLAUSE_END if r.prose else CELL_END)
    kind = quantity(fig, row_unit or own[b:b + 16])
    if kind == "pct" and own[a - 1:a] == "(" and re.match(r"\)\s*%", own[b:b + 3]):
        fig = Figure(fig.text, -fig.value, fig.kind, fig.currency)  # "(28)%" fell by 28 %
    metric, share = _metric(r, a, b, kind, clause, ca, names)
    entity = _entity(r, i, kind, clause, ca, names, subject, metric, share)
    period = _period(r, i, clause, ca)
    forecast = "forecast" if FORECAST.search(clause) or FORECAST.search(own[:a]) or _guidance_line(unit) else \
        "change" if kind == "money" and CHANGED_BY.search(own[:a]) else ""  # "cost increased $232 million"
    if not r.prose and kind == "num" and money_metric(metric):
        kind = "money"  # a table or chart of prices or revenue states its unit once, elsewhere
    if (fig_scale != 1.0 or fig_currency) and not row_unit and kind == "money" and fig.kind == "num" and \
            not re.search(r"[万亿千百]|illion|bn|mn", fig.text):  # "$1,213" or a cost's "317" in millions
        # (a per-share row keeps its own scale: "(in thousands, except per-share data)")
        fig = Figure(fig.text, fig.value * (1.0 if PER_SHARE.search(own[:a]) else fig_scale), fig.kind,
                     fig.currency or fig_currency)
    if unit.chunk.kind == "chart" and fig.kind == "num" and PIE.search(unit.chunk.text):
        fig, kind = Figure(fig.text, fig.value, "pct"), "pct"  # a pie chart's values are shares,
        metric = nearest(metrics_for("pct"), [own[:a]], 0, vocab.find_heads)  # of its title, not its heading
    start, end = (unit.start + r.back[a], unit.start + r.back[b - 1] + 1) if r.prose else (unit.start, unit.end)
    return Fact(fact_id, unit.chunk.source, unit.chunk.id, fig.text, fig.value, kind,
                unit.yuan if fig.currency == "cny" and unit.yuan else fig.currency, entity, metric, period,
                start, end, unit.start, unit.end, forecast, share, _basis(r, i, metric))


PIE = re.compile(r"^\s*(?:```\w*\s*)?pie")


def _metric(r: _Read, a: int, b: int, kind: str, clause: str, ca: int, names) -> tuple[str, str]:
    """The metric of the figure at ``own[a:b]`` and, for a percentage, what it is a share of."""
    own = r.own
    # A metric named only after the figure, outside its clause, is about something else ... and a
    # metric measured in another kind ("增长率 207%, 超过预期的10.8亿美元") is too. A table cell that
    # says what its figure counts ("45万+开发者") is not measured by the metric of the row's other
    # cells; a bare one ("2030预测: 2280.4亿美元") is.
    if not r.prose and COUNT_HEADER.search(clause[:a - ca]):  # "GPUs: 8,192" beside "IT power: 20 MW"
        return nearest(metrics_for(kind), [clause], a - ca, vocab.find_heads) or "", ""
    own_noun = not r.prose and bool(vocab.find(clause, vocab.terms()))
    contexts = [_unnamed(RAISED_TO.sub(_blank, c), names)
                for c in (clause, _apposition_free(own[:a].split(";")[0] if own_noun else own[:a]))] + r.around
    share = share_of(own[b:b + 24]) if kind == "pct" else ""
    # a measure named right after its figure is the figure's ("at a $9.5 billion valuation", "40MW机房" is
    # no measure, but "$4.2B capex" is), else the nearest; a capacity in MW / GW with none named is power capacity
    metric = _labelled(own[max(0, a - 50):a], kind) or (kind == "pct" and (
        COUPON.match(own, b) or OVER_BENCHMARK.search(own[max(0, a - 40):a])) and "利率") \
        or named_after(own[b:b + 60], kind) \
        or nearest(metrics_for(kind), contexts, a - ca, vocab.find_heads) or share or ("电力容量" if kind == "power" else "")
    if kind == "money" and SPENT.search(clause[:a - ca]) and not vocab.find_heads(clause, metrics_for(kind)):
        # "计划投入200亿至230亿美元扩建数据中心，约为预期收入的四倍": money put in is spending, not
        # the revenue a later clause or the heading names
        metric = "资本开支" if BUILT.search(clause) else "投资"
    if not metric and kind in ("pct", "mult"):  # "Revenue ... 12% Q/Q": its growth; an amount
        metric = nearest(vocab.metrics(), contexts, a - ca, vocab.find_heads)  # is never a rate's, though
    return metric, share


# A rate that names a debt ("6.125% senior notes due 2031", "3.2%的公司债券") is its coupon
COUPON = re.compile(r"\s*的?\s*(?:(?:senior|secured|unsecured|subordinated|convertible|exchangeable|green|fixed-rate|"
                    r"guaranteed)\s+){0,3}(?:notes?|bonds?|debentures)\b|\s*的?\s*(?:公司债券?|债券|票据|可转债)")

# A margin over a floating benchmark ("SOFR plus 250 basis points", "LPR加50个基点") is the debt's interest rate
OVER_BENCHMARK = re.compile(r"(?<![a-z])(?:sofr|libor|euribor|hibor|shibor|lpr|base rate|prime rate)\s*(?:\+|plus|加上?)\s*$")


# A label and its colon right before a figure: "Remaining buyback authorization: $2.0B"
COLON_LABEL = re.compile(r"([^:：;；|\n]{2,48})[:：]\s*[$€£¥]?\s*$")


def _labelled(before: str, kind: str) -> str:
    """The metric a label names when the figure follows its colon at once, whatever a slide's next
    line runs on with: ``_labelled("remaining buyback authorization: ", "money") -> "回购"``."""
    label = COLON_LABEL.search(before)
    heads = vocab.find_heads(label.group(1), metrics_for(kind)) if label else []
    return heads[-1][2].key if heads else ""


def _entity(r: _Read, i: int, kind: str, clause: str, ca: int, names, subject: str, metric: str, share: str) -> str:
    """The company the figure is about."""
    own, unit, a = r.own, r.unit, r.spans[i][1]
    # A name only after the figure, outside its clause, is about something else too
    # ("积压年增长86%至301亿美元,其中包括与OpenAI的40亿美元合约": the 86% is not OpenAI's).
    # A table row is about the first name in it, not a later cell's ("Modal | Python无服务器平台
    # | 6亿美元": Modal's valuation).
    row = first_name(own[:a], names) if unit.chunk.kind == "table" else own[:a]
    near = [clause, row] + ([] if sibling_items(unit) else [unit.before]) + [unit.heading]
    itself = bool(subject) and SELF.search(own[:a]) is not None  # the document's company speaks of itself
    entity = "" if held_together(own[:a], names) else respective(own, r.spans, i, names) or (
        nearest(names, [clause, row], a - ca) or subject if itself else nearest(names, near, a - ca))
    if kind == "pct" and MARKET_SUBJECT.search(own) and _region_only(clause, names):
        return ""  # "the cloud GPU market ..., while Asia-Pacific is growing fastest at a 25.5% CAGR":
        # a region's market, not the company's
    if not entity and (metric in SHARE_METRICS or share or not MARKET_SUBJECT.search(" ".join(near))):
        # (a market's size or growth is not the document's company)
        entity = subject or nearest(names, [unit.title], 0)
    return entity


def _period(r: _Read, i: int, clause: str, ca: int) -> str:
    """The period the figure is given for (and remembered, for a translation right after it)."""
    own, unit, (_, a, b) = r.own, r.unit, r.spans[i]
    period = _listed_period(own, r.spans, i, r.timed, unit.before) or period_in(clause, a - ca, b - ca) or \
        last_period(own[:a]) or (closed_year(unit.dated, unit.fiscal_end) if THE_YEAR.search(clause) else "") or \
        sentence_period([own]) or _so_far(unit.reported, own[:a]) or sentence_period([unit.before, unit.heading])
    # (a line about the reporting period is the report's, whatever the line before dates; not the section's
    # lead period: a weaker date, enough to let a line answer, not to set two reports' figures against each other)
    period = in_document_year(period, unit.dated, unit.fiscal_end)
    period = fiscal_span(own[:a], unit.fiscal_end) or period  # "three months ended January 31, 2026"
    if year_earlier(clause, a - ca, b - ca):
        period = year_before(period)  # "去年同期的6700万美元" in a Q2 2025 report
    if i - 1 in r.said_for and TRANSLATED.fullmatch(own[r.spans[i - 1][2]:a]):
        period = r.said_for[i - 1]  # "RMB3,862.4 million (US$540.8 million)": the same figure, in dollars
    r.said_for[i] = period
    return period


def _basis(r: _Read, i: int, metric: str) -> str:
    """"adjusted" for a non-GAAP figure. A measure is named before its figure, often beyond a comma
    ("Adjusted operating income, a non-GAAP measure, was $200 million"), but not before the figure
    before it; or in the sentence before, when this one leaves it unnamed ("Adjusted EBITDA margin
    was 48% in Q1. Q2 was 51%.")."""
    own, (_, a, b) = r.own, r.spans[i]
    said = own[r.spans[i - 1][2] if i else 0:a] + BASIS_AFTER.match(own[b:]).group(0) if r.prose \
        else cell_label(own[:a])
    carried = bool(metric) and r.prose and vocab.ADJUSTED.search(r.unit.before) is not None and \
        not any(g.key == metric for *_, g in vocab.find_heads(own, vocab.metrics()))  # (looked up only then)
    return "adjusted" if vocab.ADJUSTED.search(said) or carried else ""


PCT_CAPTION = re.compile(r"[(（]\s*[%％]\s*[)）]")


def _region_only(clause: str, names: list[vocab.Group]) -> bool:
    """A clause that names a region and no company: ``_region_only("asia-pacific grew 25.5%", names) -> True``."""
    return bool(vocab.find(clause, vocab.places())) and not vocab.find(clause, names)


# A figure said of a market or an industry (its size, its growth) is that market's, whatever company
# the document is about; a company's share of a market is still the company's.
MARKET_SUBJECT = re.compile(r"市场(?!份额|占有|价值)|\bmarkets?\b(?!\s*(?:share|cap|value))|行业|产业|industry")
SHARE_METRICS = {"市场份额"}

TRANSLATED = re.compile(r"\s*[(（]\s*")  # an amount's convenience translation, right after it
PER_SHARE = re.compile(r"\bper (?:(?:ordinary |common |class [ab] )?shares?|ads|adr)\b|每股|每单位|每份")
RANGE_OPEN = re.compile(r"[-~–至到]$")  # the first half of a range, as a fact's text ends: "3-", "200亿至"


def range_start(f: Fact) -> bool:
    """The fact is the first half of a range ("3-" of "3-4万亿美元"), said with the second."""
    return bool(RANGE_OPEN.search(f.text))


def figure_clause(own: str, figure: str) -> str:
    """The clause of a unit's text that holds a figure ("" when the figure is not in it).

    ``figure_clause("北美占34%市场份额,亚太地区增速最快", "34%") -> "北美占34%市场份额"``
    """
    a = own.find(figure)
    return _clause(own, a, a + len(figure), CLAUSE_END)[0] if a >= 0 and figure else ""


# A table cell headed by the things it counts: its figure is that count, not the measure of the
# row's other cells or of the caption
COUNT_HEADER = re.compile(r"(?i)(?:\b(?:" + MACHINES + r")\b|gpu数|卡数|台数)"
                          r"[^:：;；]{0,16}[:：]\s*$")


def _clause(text: str, a: int, b: int, ends_at: str) -> tuple[str, int]:
    """The clause around ``text[a:b]`` and where it starts (a table cell or chart point keeps
    its header: "2024: 82.68")."""
    i = max([text.rfind(ch, 0, a) for ch in ends_at] + [-1]) + 1
    ends = [j for j in (text.find(ch, b) for ch in ends_at) if j >= 0]
    return text[i:min(ends) if ends else len(text)], i


# The document's company speaking of itself ("若公司按3年计提折旧", "we expect"): a company the
# sentence before names is not what the figure is about (not a group's 可比公司, 子公司, 有限公司)
SELF = re.compile(r"(?<![子母比司各该此这那限份团家两三多])公司(?!名称)|\b(?:we|our)\b|\bthe company\b")


# "for the year", "the fiscal year", "全年": the year just closed, in a document written soon after it closed
# (not "a year earlier", "the year before", "this year": another year, or the one under way)
THE_YEAR = re.compile(r"\bthe\s+(?:full\s+|fiscal\s+|financial\s+)?year\b(?!\s*(?:ago|before|earlier|prior|\d))|"
                      r"\bfull[- ]year\b|全年")
YEAR_TO_DATE = re.compile(r"1月1日(?:起)?累计至本期|年初至本期|本年累计|year[- ]to[- ]date")
SO_FAR = {"q1": "q1", "q2": "h1", "q3": "m9", "q4": ""}  # a quarter's year to date: its half, nine months, year


def _so_far(reported: str, said: str) -> str:
    """A quarterly report's figure "from 1 January to the end of this period" is the year to date:
    ``_so_far("2025q3", "1月1日累计至本期止营业收入:") -> "2025m9"``; ``_so_far("2025q3", "期末总资产:") -> "2025q3"``"""
    part = reported[4:]
    return reported[:4] + SO_FAR[part] if part in SO_FAR and YEAR_TO_DATE.search(said) else reported


def build_facts(unit_list: list[Unit], names: list[vocab.Group]) -> list[Fact]:
    out: list[Fact] = []
    about = subjects(unit_list, names)
    for u in unit_list:
        out.extend(facts_of(u, names, len([f for f in out if f.chunk_id == u.chunk.id]), about.get(u.chunk.source, "")))
    return out
