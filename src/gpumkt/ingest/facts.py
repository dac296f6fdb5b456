"""The facts in the units (``units.py``), built at index time.

A fact is one figure with what the text attaches it to: the entity, metric and period named
nearest to it — its clause first, then its sentence, the sentence before, the table headers or
chart title, the section heading, and the document title only when nothing nearer names one —
plus its verbatim span, so ``doc.text[fact.start:fact.end]`` is the figure as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gpumkt.ingest.cells import (COUNT_UNITS, NOTE_CELL, POWER_UNITS, cell_label, cell_unit, table_unit,
                                 unit_named_in_row)
from gpumkt.ingest.dating import (RESPECTIVELY_SAID, closed_year, fiscal_span, in_document_year, last_period,
                                  period_in, respective_period, sentence_period, year_before, year_earlier)
from gpumkt.ingest.subjects import subjects
from gpumkt.ingest.units import Unit, sibling_items
from gpumkt.lang import vocab
from gpumkt.lang.numbers import Figure, figure_spans
from gpumkt.lang.periods import MONTH_PATTERN, period_spans
from gpumkt.lang.text import markup_spans, normalise_aligned, squash_aligned
from gpumkt.records import Fact

CLAUSE_END = "，,;；：:、（）()"
# The day of an English date ("June 30, 2025", "30 June 2025") is no figure, and the comma inside
# the date ends no clause: "the three months ended June 30, 2025 reached $1.2 billion" is Q2's.
DAY_BEFORE = re.compile(MONTH_PATTERN + r"\s*$")
DAY_AFTER = re.compile(r"\s*" + MONTH_PATTERN + r"(?![a-z])")
DATE_COMMA = re.compile(MONTH_PATTERN + r"\s+\d{1,2}(,)\s+(?:19|20)\d\d")
# A span of time ("4年", "三个月", "2-5 years", "a 5-year warranty"); a bare 月 after a number is a month of a date.
DURATION_UNITS = re.compile(r"\s*(?:-\s*\d+\s*|-(?=[a-z]))?(年(?![度初底末中])|个月|周|天|小时|years?|months?|weeks?|days?|"
                            r"hours?)(?![a-z])")
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


def _unnamed(text: str, names: list[vocab.Group]) -> str:
    """``text`` with the names in it blanked, same length: ``_unnamed("甲投资集团有限公司营收", names)`` ->
    "         营收" when 甲投资集团有限公司 is a name."""
    for a, b, _ in vocab.find(text, names):
        text = text[:a] + " " * (b - a) + text[b:]
    return text


# a line's label before its figure; a filing's field names run long ("5.1月1日累计至本期止营业毛利(毛损) (仟元)：")
LABELLED = re.compile(r"\s*[^：:。，,；;]{1,40}[：:]\s*")
RESPECTIVELY = re.compile(r"分别|依次|respectively")


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


def _respective(own: str, spans: list, i: int, names: list[vocab.Group]) -> str:
    """Names listed, then their figures in the same order: "在azure和google云端上,价格分别为3.40美元和
    3.67美元" gives 3.67 to Google Cloud; "Azure and Google charge $3.40 and $3.67, respectively"
    too. Figures of the kind, in turn, a multiple of the names (an hourly and a monthly price each).
    "" when the sentence pairs nothing."""
    m = RESPECTIVELY.search(own)
    if not m:
        return ""
    chinese = m.group(0) != "respectively"
    keys = list(dict.fromkeys(g.key for _, _, g in vocab.find(own[:m.start() if chinese else spans[0][1]], names)))
    same = [j for j, (f, a, b) in enumerate(spans)
            if f.kind == spans[i][0].kind and (a >= m.end() if chinese else b <= m.start())]
    if len(keys) < 2 or i not in same or len(same) % len(keys):
        return ""
    return keys[same.index(i) % len(keys)]


# An amount by which a figure moved, not its level: "Cost of revenue increased $232 million, or 273%".
CHANGED_BY = re.compile(r"(?:increased|decreased|rose|fell|grew|declined|was up|was down)\s+(?:by\s+)?"
                        r"(?:approximately\s+|about\s+|nearly\s+)?$|(?:增加|减少|增长|下降)了?(?:约|近)?$")
# Money put into something, right before the figure (a range's first half may stand between).
SPENT = re.compile(r"(?:投入|投放|spend(?:ing)?|invest(?:ing)?|pour(?:ing)?)\s*(?:约|逾|超过|about|over|more than)?\s*"
                   r"(?:[$¥]?[\d,.]+\s*(?:亿|万|billion|million)?\s*(?:至|到|-|–|to)\s*)?$")
BUILT = re.compile(r"数据中心|机房|算力中心|data cent(?:er|re)s?|infrastructure|基础设施|扩建|建设")
# A group counted rather than named: "三大业者", "the three hyperscalers".
GROUP_OF = re.compile(r"[两二三四五六七八九十]大|(?:the )?(?:two|three|four|five|big) (?:largest |biggest |major )?"
                      r"(?:companies|providers|vendors|players|hyperscalers|clouds)")


def _held_together(lead: str, names: list[vocab.Group]) -> bool:
    """The figure is several companies' together: two or more are named before it and a joint word
    stands between the last of them and the figure. ``_held_together("aws、azure与google云合计握有",
    names) -> True``; ``_held_together("aws、azure与google云合计63%; google云单独", names) -> False``"""
    found = vocab.find(lead, names)
    group = GROUP_OF.search(lead)
    if group and vocab.JOINT.search(lead[group.end():]) and not any(a >= group.end() for a, _, _ in found):
        return True  # "三大业者2025年资本支出合计逾3000亿美元": a group counted, not named
    return len({g.key for _, _, g in found}) >= 2 and bool(vocab.JOINT.search(lead[found[-1][1]:]))


def _first_name(text: str, names: list[vocab.Group]) -> str:
    """The first name mentioned in ``text`` ("" when none): ``_first_name("公司: modal; 定位:
    python平台", names) -> "modal"``."""
    found = vocab.find(text, names)
    return text[found[0][0]:found[0][1]] if found else ""


# ---------------------------------------------------------------- facts


def facts_of(unit: Unit, names: list[vocab.Group], first_id: int = 0, subject: str = "") -> list[Fact]:
    """The figures of one unit, each attached to its entity, metric and period.

    In "CoreWeave在2025年第二季度营收达到12亿美元，年增长率207%" the fact 12亿美元 gets
    (coreweave, 营收, 2025q2) and 207% gets (coreweave, 增长率, 2025q2).
    """
    offset_ok = unit.chunk.kind == "text"
    # A line wrapped mid-word ("营业利\n润", "capital\nexpenditures") is read joined, as the unit is
    raw, back = squash_aligned(unit.quote) if offset_ok else (unit.label, [])
    own = normalise_aligned(raw)
    scale, currency = (1.0, "") if offset_ok else table_unit(unit.heading)
    pie = unit.chunk.kind == "chart" and re.search(r"^\s*(?:```\w*\s*)?pie", unit.chunk.text) is not None
    dated = DATE_COMMA.sub(lambda m: m.group(0).replace(",", " "), own)  # same length as ``own``
    out, markup = [], markup_spans(raw)
    said_for: dict[int, str] = {}  # span index -> the period its fact was given
    spans = figure_spans(raw)
    # the sentence before and the heading, as a figure's measure is looked for in them: the same for
    # every figure of the unit (a company's name is no measure: the 投资 of 溟江省算力投资集团有限公司)
    context_around = [_unnamed(RAISED_TO.sub(_blank, c), names) for c in (unit.before, unit.heading)]
    dated_spans = period_spans(own) + [(*m.span(), "") for m in SPAN_LENGTH.finditer(own)] + \
        [(*m.span(), "") for m in TIME_OF_DAY.finditer(own)]  # "查询日期：114/11/13 09:42:17"
    for i, (fig, a, b) in enumerate(spans):
        if any(x < b and a < y for x, y in markup):
            continue  # a number in a link target, image path or style rule
        if _is_year(fig, own[b:b + 3].lstrip()) or LABEL_NUMBER.search(own[max(0, a - 8):a]) or _is_day(fig, own, a, b) \
                or _item_number(fig, own, a, b) \
                or STOCK_EXCHANGE.match(own[b:b + 4]) or any(x <= a and b <= y for x, y, _ in dated_spans):
            continue  # a year is a period (a chart's "2024: 82.68" too); a label's number or a stock code is no
            # figure, nor the length of a period ("截至2025年六月三十日止六个月", "six months ended June 30, 2025")
        # "(MW)": the "except where noted" of "$ in billions"; a line of a label and its figure says
        # its unit as a row does ("资产负债率（%）：63.5"); a table whose caption says its cells are
        # percentages ("(%)")
        labelled = not offset_ok or LABELLED.fullmatch(own[:a])  # "期末总负债(仟元)：89,916,075" is in thousands
        row_unit = unit_named_in_row(own[:a]) if labelled else ""
        if not offset_ok and not row_unit and fig.kind == "num" and PCT_CAPTION.search(unit.heading):
            row_unit = "%"
        if not offset_ok and (_ticker_cell(own, a, b, names) or NOTE_CELL.search(own[max(0, a - 12):a])
                              or MEMORY.match(own[b:b + 5])):
            continue  # "Kairo Compute (5591)": a name's stock code, no figure; nor a "附註: 3" note reference,
            # nor the memory in a row's label ("H800（80GB） | 14.20" is no 80 yuan)
        fig_scale, fig_currency = cell_unit(own[:a], scale, currency) if labelled else (scale, currency)
        if (fig_scale != 1.0 or fig_currency) and not row_unit and (fig.currency or fig_currency) and fig.kind == "num":
            fig = Figure(fig.text, fig.value, fig.kind, fig.currency or fig_currency)
        clause, ca = _clause(dated, a, b, CLAUSE_END if offset_ok else ";；|")
        # A name only after the figure, outside its clause, is about something else too
        # ("积压年增长86%至301亿美元,其中包括与OpenAI的40亿美元合约": the 86% is not OpenAI's).
        # A table row is about the first name in it, not a later cell's ("Modal | Python无服务器平台
        # | 6亿美元": Modal's valuation).
        row = _first_name(own[:a], names) if unit.chunk.kind == "table" else own[:a]
        near = [clause, row] + ([] if sibling_items(unit) else [unit.before]) + [unit.heading]
        itself = bool(subject) and SELF.search(own[:a]) is not None  # the document's company speaks of itself
        entity = "" if _held_together(own[:a], names) else _respective(own, spans, i, names) or (
            _nearest(names, [clause, row], a - ca) or subject if itself else _nearest(names, near, a - ca))
        # A metric named only after the figure, outside its clause, is about something else.
        # ... and a metric measured in another kind ("增长率 207%, 超过预期的10.8亿美元") is too.
        kind = quantity(fig, row_unit or own[b:b + 16])
        # A table cell that says what its figure counts ("45万+开发者") is not measured by the
        # metric of the row's other cells; a bare one ("2030预测: 2280.4亿美元") is.
        own_noun = not offset_ok and bool(vocab.find(clause, vocab.terms()))
        contexts = [_unnamed(RAISED_TO.sub(_blank, c), names)
                    for c in (clause, own[:a].split(";")[0] if own_noun else own[:a])] + context_around
        share_of = _share_of(own[b:b + 24]) if kind == "pct" else ""
        if kind == "pct" and own[a - 1:a] == "(" and re.match(r"\)\s*%", own[b:b + 3]):
            fig = Figure(fig.text, -fig.value, fig.kind, fig.currency)  # "(28)%" fell by 28 %
        # a measure named right after its figure is the figure's ("at a $9.5 billion valuation", "40MW机房" is
        # no measure, but "$4.2B capex" is), else the nearest; a capacity in MW / GW with none named is power capacity
        metric = _named_after(own[b:b + 60], kind) or \
            _nearest(_metrics_for(kind), contexts, a - ca, vocab.find_heads) or share_of or \
            ("电力容量" if kind == "power" else "")
        if kind == "money" and SPENT.search(clause[:a - ca]) and not vocab.find_heads(clause, _metrics_for(kind)):
            # "计划投入200亿至230亿美元扩建数据中心，约为预期收入的四倍": money put in is spending, not
            # the revenue a later clause or the heading names
            metric = "资本开支" if BUILT.search(clause) else "投资"
        if not metric and kind in ("pct", "mult"):  # "Revenue ... 12% Q/Q": its growth; an amount
            metric = _nearest(vocab.metrics(), contexts, a - ca, vocab.find_heads)  # is never a rate's, though
        if kind == "pct" and MARKET_SUBJECT.search(own) and _region_only(clause, names):
            entity = ""  # "the cloud GPU market ..., while Asia-Pacific is growing fastest at a 25.5% CAGR":
            # a region's market, not the company's
        elif not entity and (metric in SHARE_METRICS or share_of or not MARKET_SUBJECT.search(" ".join(near))):
            # (a market's size or growth is not the document's company)
            entity = subject or _nearest(names, [unit.title], 0)
        period = _listed_period(own, spans, i, dated_spans, unit.before) or period_in(clause, a - ca, b - ca) or last_period(own[:a]) or \
            (closed_year(unit.dated, unit.fiscal_end) if THE_YEAR.search(clause) else "") or \
            sentence_period([own]) or _so_far(unit.reported, own[:a]) or sentence_period([unit.before, unit.heading])
        # (a line about the reporting period is the report's, whatever the line before dates; not the section's
        # lead period: a weaker date, enough to let a line answer, not to set two reports' figures against each other)
        period = in_document_year(period, unit.dated, unit.fiscal_end)
        period = fiscal_span(own[:a], unit.fiscal_end) or period  # "three months ended January 31, 2026"
        if year_earlier(clause, a - ca, b - ca):
            period = year_before(period)  # "去年同期的6700万美元" in a Q2 2025 report
        if i - 1 in said_for and TRANSLATED.fullmatch(own[spans[i - 1][2]:a]):
            period = said_for[i - 1]  # "RMB3,862.4 million (US$540.8 million)": the same figure, in dollars
        said_for[i] = period
        forecast = "forecast" if FORECAST.search(clause) or FORECAST.search(own[:a]) or _guidance_line(unit) else \
            "change" if kind == "money" and CHANGED_BY.search(own[:a]) else ""  # "cost increased $232 million"
        if not offset_ok and kind == "num" and _money_metric(metric):
            kind = "money"  # a table or chart of prices or revenue states its unit once, elsewhere
        if (fig_scale != 1.0 or fig_currency) and not row_unit and kind == "money" and fig.kind == "num" and \
                not re.search(r"[万亿千百]|illion|bn|mn", fig.text):  # "$1,213" or a cost's "317" in millions
            # (a per-share row keeps its own scale: "(in thousands, except per-share data)")
            fig = Figure(fig.text, fig.value * (1.0 if PER_SHARE.search(own[:a]) else fig_scale), fig.kind,
                         fig.currency or fig_currency)
        if pie and fig.kind == "num":
            fig, kind = Figure(fig.text, fig.value, "pct"), "pct"  # a pie chart's values are shares,
            metric = _nearest(_metrics_for("pct"), [own[:a]], 0, vocab.find_heads)  # of its title, not its heading
        # A measure is named before its figure, often beyond a comma ("Adjusted operating income, a
        # non-GAAP measure, was $200 million"), but not before the figure before it
        said = own[spans[i - 1][2] if i else 0:a] + BASIS_AFTER.match(own[b:]).group(0) if offset_ok \
            else cell_label(own[:a])
        # ... or with the measure in the sentence before, when this one leaves it unnamed ("Adjusted
        # EBITDA margin was 48% in Q1. Q2 was 51%.")
        carried = bool(metric) and offset_ok and vocab.ADJUSTED.search(unit.before) is not None and \
            not any(g.key == metric for *_, g in vocab.find_heads(own, vocab.metrics()))  # (looked up only then)
        basis = "adjusted" if vocab.ADJUSTED.search(said) or carried else ""
        start, end = (unit.start + back[a], unit.start + back[b - 1] + 1) if offset_ok else (unit.start, unit.end)
        out.append(Fact(f"{unit.chunk.id}-{first_id + len(out)}", unit.chunk.source, unit.chunk.id,
                        fig.text, fig.value, kind, unit.yuan if fig.currency == "cny" and unit.yuan else fig.currency,
                        entity, metric, period, start, end, unit.start, unit.end, forecast, share_of, basis))
    return out


# The length of a period, with or without its year: "截至六月三十日止六个月", "six months ended"
SPAN_LENGTH = re.compile(r"截至[^，。,；;]{0,16}?止\s*[一二三四五六七八九十\d]{1,3}\s*个月|"
                         r"\b(?:three|six|nine|twelve)\s+months\s+ended")
PCT_CAPTION = re.compile(r"[(（]\s*[%％]\s*[)）]")


def _ticker_cell(own: str, a: int, b: int, names: list[vocab.Group]) -> bool:
    """A bare code of four to six digits in brackets right after a name: ``"kairo compute (5591)"``."""
    if not re.fullmatch(r"\d{4,6}", own[a:b]) or not re.match(r"\s*[)）]", own[b:]):
        return False
    lead = re.match(r"(.*?)\s*[(（]\s*$", own[:a])
    return bool(lead) and any(end >= len(lead.group(1)) - 30 for _, end, _ in vocab.find(lead.group(1), names))


def _region_only(clause: str, names: list[vocab.Group]) -> bool:
    """A clause that names a region and no company: ``_region_only("asia-pacific grew 25.5%", names) -> True``."""
    return bool(vocab.find(clause, vocab.places())) and not vocab.find(clause, names)


def _named_after(tail: str, kind: str) -> str:
    """The measure a figure is followed by at once, or an amount after "of" / "in" / 的:
    ``_named_after(" valuation in may", "money") -> "估值"``; ``_named_after(" in revenue", "money") -> "营收"``."""
    linked = ("", "of", "in", "的") if kind == "money" else ("",)  # (37% of revenue is a share, not revenue)
    found = [(x, g) for x, _, g in vocab.find_heads(tail, _metrics_for(kind)) if tail[:x].strip() in linked]
    return found[0][1].key if found else ""


MEMORY = re.compile(r"\s?(?:[gtmp]i?b|g显存)(?![a-z])")  # a card's memory or a drive's size
STOCK_EXCHANGE = re.compile(r"\.(?:sh|sz|bj|hk)(?![a-z])")  # "688001.SH": a code, not a number
# "表3", "见图2", "Figure 2", "Page 1" number the document ("代表3家" does not).
# A tender's lots number its parts too: "包4", "标段2", "Lot 3".
LABEL_NUMBER = re.compile(r"(?:^|[^\u4e00-\u9fff]|[见如附])(?:表|图|圖)\s*$|(?:table|figure|fig\.|page|p\.|\blot)\s*$|"
                          r"(?<![打面红钱书背])(?:标?包|包组|标段)\s*$")

# A figure said of a market or an industry (its size, its growth) is that market's, whatever company
# the document is about; a company's share of a market is still the company's.
MARKET_SUBJECT = re.compile(r"市场(?!份额|占有|价值)|\bmarkets?\b(?!\s*(?:share|cap|value))|行业|产业|industry")
SHARE_METRICS = {"市场份额"}

METRIC_KINDS = {"money": {"money", "num"}, "pct": {"pct"}, "mult": {"pct", "mult"},
                "count": {"count", "num"}, "power": {"num"}, "duration": {"num"}}


def _share_of(after: str) -> str:
    """The metric a percentage is a share of, when it is named right after it: "62%营收",
    "30% of its revenue". ``_share_of("营收的“甜蜜毒药”") -> "营收"``; ``_share_of(",增长") -> ""``."""
    lead = re.match(r"\s*(?:的|of (?:its |their |the |total )*)?", after).end()
    found = vocab.find(after, vocab.metrics())
    return found[0][2].key if found and found[0][0] == lead else ""


@lru_cache(maxsize=8)
def _metrics_for(quantity_kind: str) -> tuple:
    """The metric groups a figure of this kind can measure (any, for a bare number)."""
    fits = METRIC_KINDS.get(quantity_kind)
    return tuple(g for g in vocab.metrics() if fits is None or not g.kind or g.kind in fits)


TRANSLATED = re.compile(r"\s*[(（]\s*")  # an amount's convenience translation, right after it
TIME_OF_DAY = re.compile(r"(?<![\d.:])\d{1,2}:\d\d(?::\d\d)?(?![\d:])")
PER_SHARE = re.compile(r"\bper (?:(?:ordinary |common |class [ab] )?shares?|ads|adr)\b|每股|每单位|每份")
def _money_metric(key: str) -> bool:
    return any(g.key == key and g.kind == "money" for g in vocab.metrics()) if key else False


def quantity(fig: Figure, after: str) -> str:
    """money | pct | mult | power | count | num, from the figure and the words right after it."""
    if fig.currency:
        return "money"
    if fig.kind in ("pct", "mult"):
        return fig.kind
    if re.match(r"\)?\s*%", after):  # "12%", and a decline in a statement's parentheses, "(28)%"
        return "pct"
    if re.match(r"\s*倍", after):
        return "mult"
    if POWER_UNITS.match(after):
        return "power"
    if DURATION_UNITS.match(after):
        return "duration"
    if COUNT_UNITS.match(after):
        return "count"
    return "num"


def _is_year(fig: Figure, after: str) -> bool:
    """A year, or the month or day of a date ("2025年7月", "3月28日"): a period, not a figure."""
    plain = fig.kind == "num" and not fig.currency and fig.value.is_integer() and not re.search(r"[万亿千百]", fig.text)
    if plain and 1 <= fig.value <= 31 and re.match(r"(?:月|日|号)(?!份额|活|均|度|薪|租|费)", after):
        return True
    return plain and 1990 <= fig.value <= 2040 and not after.startswith(("亿", "万"))


def _is_day(fig: Figure, own: str, a: int, b: int) -> bool:
    """The day of an English date: ``_is_day(<30>, "ended june 30, 2025", 12, 14) -> True``."""
    plain_day = fig.kind == "num" and not fig.currency and fig.value.is_integer() and 1 <= fig.value <= 31
    return plain_day and bool(DAY_BEFORE.search(own[max(0, a - 12):a]) or DAY_AFTER.match(own, b))


ITEM_BEFORE_DATE = re.compile(r"\d{1,2}\.\d{1,2}")
ITEM_NUMBER = re.compile(r"[.、](?!\d)")


def _item_number(fig: Figure, own: str, a: int, b: int) -> bool:
    """A list item's number, no figure: "12.期末总负债…" opens with one, and "5.1月1日累计…" is item 5
    before a date (no month is a decimal). ``_item_number(<5.1>, "5.1月1日累计", 0, 3) -> True``"""
    return bool(ITEM_BEFORE_DATE.fullmatch(fig.text) and own.startswith("月", b) or
                ITEM_NUMBER.match(own, b) and not own[:a].strip())
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


def _clause(text: str, a: int, b: int, ends_at: str) -> tuple[str, int]:
    """The clause around ``text[a:b]`` and where it starts (a table cell or chart point keeps
    its header: "2024: 82.68")."""
    i = max([text.rfind(ch, 0, a) for ch in ends_at] + [-1]) + 1
    ends = [j for j in (text.find(ch, b) for ch in ends_at) if j >= 0]
    return text[i:min(ends) if ends else len(text)], i


# A name said as the figures' source is not what they are about: "根据卓研咨询的资料，…", "according to Acme Research"
# The document's company speaking of itself ("若公司按3年计提折旧", "we expect"): a company the
# sentence before names is not what the figure is about (not a group's 可比公司, 子公司, 有限公司)
SELF = re.compile(r"(?<![子母比司各该此这那限份团家两三多])公司(?!名称)|\b(?:we|our)\b|\bthe company\b")
SOURCE_CUE = re.compile(r"(?:根据|依据|据|according to|per|source:)\s*$")


def _nearest(groups, contexts: list[str], pos: int, find=vocab.find) -> str:
    """The key of the group named nearest the figure in its clause (before it first: "62%来自微软"
    is Microsoft's); else the last named before it in its sentence, else the first named in the
    next context (the sentence, the sentence before, the heading)."""
    for i, text in enumerate(contexts):
        found = [(a, b, g) for a, b, g in find(text, groups) if not SOURCE_CUE.search(text[max(0, a - 14):a])]
        if i == 0:  # the figure's own clause: the name before it, else the one after it
            before = [g for a, _, g in found if a < pos]
            if before or found:
                return (before[-1] if before else found[0][2]).key
            continue
        if found and i in (1, 3):  # the sentence up to the figure, or the heading path (title >
            return found[-1][2].key  # section > subsection): the name nearest the figure
        if found:
            return found[0][2].key
    return ""


# "for the year", "the fiscal year": the year just closed, in a document written soon after it closed
# (not "a year earlier", "the year before", "this year": another year, or the one under way)
THE_YEAR = re.compile(r"\bthe\s+(?:full\s+|fiscal\s+|financial\s+)?year\b(?!\s*(?:ago|before|earlier|prior|\d))|"
                      r"\bfull[- ]year\b")
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
