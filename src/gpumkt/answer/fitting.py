"""Does one figure fit the question? The fact-level half of the answer gate (``gate.py`` judges
whole units): a figure fits when the text attaches it to the metric, kind of quantity and period
asked, to the region asked, to the noun a count question counts, and not to a list of other
companies' figures.
"""

from __future__ import annotations

import re

from gpumkt.answer.question import QuestionRecord
from gpumkt.ingest.facts import CELL_END, figure_clause
from gpumkt.ingest.nearest import EXAMPLE_WORDS, LIST_RUN
from gpumkt.ingest.units import Unit
from gpumkt.lang import vocab
from gpumkt.lang.period_keys import agrees
from gpumkt.lang.periods import periods
from gpumkt.records import Fact

HAN = re.compile(r"[\u4e00-\u9fff]")
KIND_OF = {"money": "money", "num": "money", "pct": "pct", "count": "count"}  # a figure's kind as a metric's
KIND_OK = {"pct": {"pct"}, "money": {"money", "num"}, "count": {"count", "num"},
           "year": {"year"}, "num": {"num", "count", "power", "money"}, "mult": {"mult"},
           "duration": {"duration"}, "power": {"power"}}
GROWTH = {"增长率", "年复合增长率"}


def fits(q: QuestionRecord, f: Fact, u: Unit, unit_facts: list[Fact]) -> bool:
    """Whether the unit ``u`` attaches its figure ``f`` to what ``q`` asks (``unit_facts``: all
    the unit's figures, for the list rule)."""
    return _fits_metric_kind_period(q, f, _span(f, u)) and _fact_placed(q, f, u) and _fact_counts(q, f, u) \
        and _same_whole(q, f, u) and not _others_listed(q, f, unit_facts) and not _other_side(q, f, u) \
        and not _other_row(q, f, u) and not _other_column(q, f, u) and not _whole_for_part(q, f, u) \
        and not _group_of_several(q, f, u) and _in_unit_asked(q, f, u)


def _in_unit_asked(q: QuestionRecord, f: Fact, u: Unit) -> bool:
    """Asked in a unit by name ("多少PFLOPS"), the figure is written in it: right after the figure,
    or in its cell's header or row label. "园区已建成机房共4栋" is no amount of compute."""
    a = u.own.find(f.text)
    if not q.unit or a < 0:
        return True
    table = u.chunk.kind == "table"  # (a row's cell header and label say its unit too)
    label = u.own.partition("|")[0] if "|" in u.own else ""
    header = f"{_cell_head(u.own, a)} {label}" if table else ""
    after = re.split(r"[;；|,，。]", u.own[a + len(f.text):a + len(f.text) + 12])[0]
    return q.unit in f"{after} {header}"


def _cell_head(own: str, a: int) -> str:
    """The table cell's text before position ``a`` (its header): ``_cell_head("total | gpus: 12,288",
    14) -> " gpus: "``."""
    return re.split(f"[{CELL_END}]", own[:a])[-1]


def _group_of_several(q: QuestionRecord, f: Fact, u: Unit) -> bool:
    """The name asked stands in the figure's clause only as one member of a group listed after
    "including" / "包括" with another: "新一代卡(包括甲型及乙型)约9,000张" counts both, so it is no
    answer to how many 乙型 there are."""
    a = u.own.find(f.text)
    if a < 0:
        return False
    clause = u.own[max(u.own.rfind(c, 0, a) for c in ",，;；。") + 1:a]  # (brackets and all, up to the figure)
    groups = [m.group(1) for m in MEMBERS.finditer(clause)]
    return any(re.search(r"及|和|与|、|,|\band\b|\bor\b", g) and any(vocab.has_form(g, x) for x in m.forms)
               for g in groups for m in q.entities)


# the members of a group, after the words that open an example list (and 包含)
MEMBERS = re.compile(r"(?:" + EXAMPLE_WORDS + r"|包含)\s*(" + LIST_RUN + r"{2,40})")


# A question that asks one part on its own ("单独", "alone", "separately"), and a clause that
# gives its figure as a whole holding several ("合计", "including", "含税价", "in aggregate")
ALONE = re.compile(r"单独|单列|(?<![a-z])(?:on (?:its|their) own|alone|by itself|separately|stand-?alone)(?![a-z])")
WHOLE_SAID = re.compile(vocab.JOINT.pattern + r"|共计|总计|总额|总投资|总价|整体|全部|包含|包括|含(?!义)|"
                        r"(?<![a-z])(?:including|inclusive of|in aggregate|a total of|totall?ing)(?![a-z])")


def _whole_for_part(q: QuestionRecord, f: Fact, u: Unit) -> bool:
    """Asked of one part alone, a figure its clause says is a sum holding it is the whole's:
    for "storage revenue on its own", "compute and storage revenue together came to $80 million"
    is not storage's."""
    return bool(ALONE.search(q.norm)) and bool(WHOLE_SAID.search(figure_clause(u.own, f.text) or ""))


def _other_column(q: QuestionRecord, f: Fact, u: Unit) -> bool:
    """In a table row, the header of another column (with a figure or a dash under it) uses more of
    the question's words than the figure's own: asked of "US-West", the row's "US-East (Ashburn):
    $2.29" is another region's price, whatever "US-West (Hillsboro): —" leaves out; asked of
    non-GAAP, "gaap: 45%" is the other basis."""
    if u.chunk.kind != "table" or not q.words:
        return False
    cells = [c.partition(":") for c in u.own.partition("|")[2 if "|" in u.own else 0].split(";")]
    filled = [(h.strip(), v) for h, _, v in cells if re.search(r"\d|^\s*[-—–]+\s*$", v)]
    own = next((h for h, v in filled if _states(v, f.text)), None)
    if own is None or _period_column(own, q.periods):
        return False
    terms = [w for w in q.words if len(w) > 1] + [x for m in q.places for x in m.forms]
    said = lambda header: sum(t in header for t in terms)  # noqa: E731
    return any(said(h) > said(own) for h, _ in filled if h != own)


def _period_column(header: str, asked) -> bool:
    """A header that is only a period asked (and a unit): the figure under it is the row's for
    that period, and the row's other headers name its other measures, not rival readings of it:
    ``_period_column("2026年(万元)", ("2026",)) -> True``; ``_period_column("2026 gaap", ("2026",))
    -> False``."""
    found = periods(header)
    rest = re.sub(r"[(（][^)）]*[)）]|(?:19|20)\d\d\s*年?度?|fy|q[1-4]|[hq]\d|e\b|\W", "", header)
    return bool(found) and all(p in asked for p in found) and not rest


def _states(cell: str, figure: str) -> bool:
    """The cell states the figure as a number of its own, not as a digit of another:
    ``_states("6× 3,300 w (4+2)", "6") -> True``; ``_states("8× 3,000 w (6+2)", "6") -> False``."""
    return re.search(rf"(?<![\d.,+]){re.escape(figure)}(?![\d+]|[.,]\d)", cell) is not None


def of_another_company(q: QuestionRecord, f: Fact, own_names: set[str]) -> bool:
    """The sentence gives the figure, of the metric asked, to a company it names (``own_names``:
    the name groups it uses), and names no company asked: "在网络设备领域,arm 市场份额从 23%提升至
    28%" is Arm's share, whatever report or section it sits in. Judged for the metric asked (or any
    percentage or count, when a share or a number of things is asked with no metric named: the
    target's shares are not the acquirer's): near a figure of another metric a
    name is often a supplier or a product. "微软一家贡献62%营收" is exempt: a customer's part of the
    revenue of the company the report is about."""
    asked = {m.key for m in q.entities}
    return bool(asked) and f.entity in own_names - asked and not own_names & asked \
        and f.share_of in ("", f.metric) and (f.metric in {m.key for m in q.metrics} or
                                               not q.metrics and q.answer_kind in ("pct", "count"))


def _other_row(q: QuestionRecord, f: Fact, u: Unit) -> bool:
    """A table row's figure belongs to the company the row is about: in a row for Together AI, its
    200 models are not Fireworks.ai's, however the table's title names Fireworks.ai."""
    asked = {m.key for m in q.entities}
    if u.chunk.kind != "table" or not asked or not f.entity or f.entity in asked:
        return False
    return not any(vocab.has_form(u.own, x) for m in q.entities for x in m.forms)


def _other_side(q: QuestionRecord, f: Fact, u: Unit) -> bool:
    """The figure's own clause names the opposite of a side the question asks and not that side:
    for "inference's share", "training falling from 65% of GPU compute" gives training's."""
    clause = figure_clause(u.own, f.text)
    if not clause:
        return False
    return any(vocab.said_sides(clause, (mine, other)) == [False, True] for mine, other in q.contrasts)


def _span(f: Fact, u: Unit) -> list[str]:
    """The periods a figure is given for: a compound annual growth rate is given for the span its
    sentence names ("从2025年的826.8亿美元增长到2030年的3525.5亿美元，年复合增长率达33.65%" is
    2025 to 2030's), any other figure for its own period."""
    if f.metric.endswith("复合增长率"):
        return periods(u.own) or [f.period]
    return [f.period] if f.period else []


def _fits_metric_kind_period(q: QuestionRecord, f: Fact, given: list[str]) -> bool:
    """The text attaches the figure to the metric, kind of quantity and period asked (``given``:
    the periods it is given for)."""
    asked = {m.key for m in q.metrics}
    if q.metrics and f.metric and not {f.metric, f.share_of} & asked and not _narrower(f.metric, asked) \
            and not (q.answer_kind == "pct" and _rate_of(f.metric, q)) \
            and not (q.answer_kind == "mult" and f.metric in GROWTH):  # "ARR涨了多少倍": its growth
        return False  # the text attaches this figure to another metric (营业收入 for 净利润)
    if f.metric in asked - set(q.measured) and vocab.metric_kinds().get(f.metric) == KIND_OF.get(f.quantity) \
            and not (q.asks_guidance and f.qualifier == "forecast"):
        return False  # the modifier's own amount: revenue, when the cost of revenue is asked (but an
        # expected revenue is the revenue guidance asked)
    if not q.metrics and f.metric in GROWTH and q.asks_share:
        return False  # a part of a whole is asked, and a rate of growth is no part of anything
    if q.asks_guidance and f.qualifier != "forecast":
        return False  # guidance is asked, and the text states an outcome
    if q.asks_adjusted and f.basis != "adjusted":
        return False  # a non-GAAP measure is asked, and the text states the reported one
    if f.qualifier == "change" and not q.asks_change:
        return False  # the amount a figure moved by ("increased $232 million") is not its level
    kind = q.answer_kind if q.answer_kind in KIND_OK else q.metric_kind
    if kind == "pct" and q.metric_kind == "mult":
        kind = "mult" if f.quantity == "mult" else kind  # "net debt to EBITDA ratio": a multiple
    if kind and f.quantity not in KIND_OK.get(kind, {f.quantity}):
        return False
    if kind == "money" and f.quantity == "num" and f.value < 1e4:
        return False  # "前2大客户": a bare small number is no amount of money
    if q.periods and given and all(agrees(p, given) == "conflict" for p in q.periods) \
            and not (f.period and any(agrees(p, [f.period]) == "match" for p in q.periods)):
        return False  # (but a fiscal quarter read from "three months ended Oct. 31, 2025" is the fact's own)
    return True


def echoes(q: QuestionRecord, unit_facts: list[Fact]) -> bool:
    """The unit states a figure the question quotes: "Which customer brings in 62% of revenue?"
    is about the sentence that says 62%."""
    return any(_same_value(f, v) and (f.quantity == "pct") == pct for v, pct in q.quoted for f in unit_facts)


def _same_value(f: Fact, quoted: float) -> bool:
    """The fact states the quoted value, to half a percent."""
    return abs(f.value - quoted) <= 0.005 * max(abs(quoted), 1e-9)


def other_threshold(q: QuestionRecord, unit_facts: list[Fact]) -> bool:
    """The question quotes an amount or a rate that qualifies what it asks ("How many customers
    spend more than $10 million?", "the rate on its $50 million equipment loan"), and the
    unit states none equal: its figures are for another threshold ("more than $2 million") or
    another thing. A quote of the kind asked, or in a yes/no question ("Did revenue pass $3
    billion?"), is what the answer is weighed against."""
    for v, pct in q.quoted:
        if q.answer_kind in ("pct" if pct else "money", "yesno", ""):
            continue
        same = [f for f in unit_facts if (f.quantity == "pct") == pct and f.quantity in ("pct", "money")]
        if not any(_same_value(f, v) for f in same):
            return True
    return False


def _narrower(metric: str, asked: set[str]) -> bool:
    """The figure's metric is a kind of one asked, named by adding to its name: a compound annual
    growth rate is a growth rate (``_narrower("年复合增长率", {"增长率"}) -> True``); an amount over
    it is not (``_narrower("总债务/ebitda", {"ebitda"}) -> False``: a leverage ratio)."""
    return any(metric != a and metric.endswith(a) and not re.search(r"(?:[/／]|\bto)\s*$", metric[:-len(a)])
               for a in asked)


def _rate_of(metric: str, q: QuestionRecord) -> bool:
    """The figure's metric is a percentage named after a metric asked for as a percentage: a debt
    ratio (资产负债率) answers "负债在资产中的占比", a gross margin (毛利率) "毛利占营收的比例" (but
    not a question that names a percentage of its own: "借款的利率" is no debt ratio)."""
    kinds = vocab.metric_kinds()
    if kinds.get(metric) != "pct" or any(kinds.get(m.key) == "pct" for m in q.metrics):
        return False
    return any(len(form) >= 2 and HAN.search(form) and form in metric for m in q.metrics for form in m.forms)


def _fact_placed(q: QuestionRecord, f: Fact, u: Unit) -> bool:
    """A figure whose own clause names a region, none of those asked, is that region's: in
    "北美占34%市场份额,亚太地区增速最快" the 34% is North America's, not Asia-Pacific's."""
    if not q.places:
        return True
    said = {g.key for _, _, g in vocab.find(figure_clause(u.own, f.text), vocab.places())}
    return not said or bool(said & {m.key for m in q.places})


# "X占Y的比例", "占Y的96%": Y is the whole a share is taken of.
WHOLE = re.compile(r"[占佔]([^，,。;；？?\d]{1,10}?)(?:的)?(?:比例|比重|百分比|份额|\d|$)")


def _same_whole(q: QuestionRecord, f: Fact, u: Unit) -> bool:
    """A share asked of one whole is not answered by a share of another: for "签约收入占总收入的
    比例", "预付款占合约总金额的比例为15-25%" is a part of the contract value, not of revenue.
    Judged only when both wholes name a metric."""
    if f.quantity != "pct":
        return True
    asked, said = _whole_of(q.norm), _whole_of(figure_clause(u.own, f.text) or "")
    if not asked or not said:
        return True
    keys = [{g.key for _, _, g in vocab.find(w, vocab.metrics())} for w in (asked, said)]
    return not all(keys) or bool(keys[0] & keys[1])


def _whole_of(text: str) -> str:
    """``_whole_of("签约收入占总收入的比例")`` -> "总收入"; "" when no whole is named."""
    m = WHOLE.search(text)
    return m.group(1) if m else ""


def _others_listed(q: QuestionRecord, f: Fact, unit_facts: list[Fact]) -> bool:
    """The figure is one of a list that gives each of three or more other companies its own figure
    ("阿里云: 4% 甲骨文: 3% Salesforce: 2%") and none to a company asked: the asked one is not
    in that list, whatever heading or sentence before names it. (Two are often a company's
    customers, each with its part: "微软贡献62%营收，OpenAI追加40亿美元订单".)"""
    asked = {m.key for m in q.entities}
    owners = {g.entity for g in unit_facts if g.entity}
    return bool(asked) and f.entity not in asked and len(owners - asked) >= 3 and not owners & asked


def _fact_counts(q: QuestionRecord, f: Fact, u: Unit) -> bool:
    """A count counts what was asked: the figure's clause shares a word (a Latin word, or two
    characters of a Chinese one) with the noun counted. 1400亿 in "每日处理1400亿tokens" is no
    number of API requests. Not judged when the noun and the clause are in different scripts, or
    the noun is one Chinese character (多少张卡: 卡 stands for a GPU)."""
    if not q.counted or f.quantity not in ("count", "num"):
        return True
    clause = figure_clause(u.own, f.text) or u.own
    if u.chunk.kind == "table":  # a row's label names what its cells count ("在网GPU加速卡(张) | 本期末: 21,300"),
        # or the cell's own header does ("total | it power: 32 mw; gpus: 12,288")
        cell = _cell_head(u.own, max(0, u.own.find(f.text)))
        clause = f"{u.own.partition('|')[0]} {cell} {clause}"
    han, latin = _pieces(q.counted)
    if bool(han) != bool(HAN.search(clause)) or len(han) < 2 and not latin:
        return True  # "data centers" and 数据中心 cannot be compared word by word; 卡 is shorthand
    return shares_word(q.counted, clause)


def shares_word(phrase: str, text: str) -> bool:
    """``text`` uses a Latin word of ``phrase``, or two characters in a row of its Chinese:
    ``shares_word("注册开发者", "cuda拥有450万开发者")`` -> True."""
    han, latin = _pieces(phrase)
    return any(w in text for w in latin) or any(han[i:i + 2] in text for i in range(len(han) - 1))


def _pieces(phrase: str) -> tuple[str, list[str]]:
    """The Chinese characters of a phrase, and its Latin words without a plural s."""
    return "".join(HAN.findall(phrase)), [w.rstrip("s") for w in re.findall(r"[a-z][a-z0-9\-]+", phrase)]
