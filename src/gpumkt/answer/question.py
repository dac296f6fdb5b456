"""The question record, built once: every later step reads it instead of re-reading the text.

It holds the clean text, its language/script, the entities (name groups), metrics, periods, the
kind of answer expected and, for a question that asks several things, its parts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from gpumkt.lang import vocab
from gpumkt.lang.numbers import figures
from gpumkt.lang.periods import period_free, periods
from gpumkt.lang.text import detect_language, normalise

# "开发者社群规模", "user base size": the population whose size is asked is what is counted,
# and the size asked is a head count, not a market size.
POPULATION = re.compile(r"(开发者|用户|客户|员工|人员|会员|工程师)[^，,。？?\d]{0,4}规模|"
                        r"(developer|user|customer|employee)s?(?: community| base)? size|"
                        r"size of (?:its |the |their |\S+'s )?(developer|user|customer|employee)")
# The kind of answer a question's own words ask for; a metric's kind is used when none is said.
KIND_WORDS = [
    # A reason is asked in words, whatever figure the question mentions ("why did the margin fall")
    ("text", r"为什么|为何|什么原因|原因是什么|\bwhy\b"),
    ("mult", r"多少倍|几倍|翻了?几番|what multiple|how many times|by what factor"),
    # "per share" is a price, a "run-rate" an amount: neither asks a percentage
    ("pct", r"百分之|百分比|比例|占比|比重|比率|几成|多少成(?!本)|占多少|占了多少|percent|percentage|(?<!per )\bshare\b|"
            r"ratio|\bmargin\b|(?<!-)\brate\b|多少%|how fast (?:did|does|has|have|is|was|were|will) [^?]{0,60}\bgrow|"
            # "how much of its revenue comes from X", "收入中有多少来自X": a part of a whole
            r"多少(?![个家名位台块张座人款次种])[^？?，,。]{0,8}来自|how much of [^?]{0,40}\b(?:comes?|came) from|what (?:portion|fraction|part) of"),
    ("duration", r"多久|多长时间|多长的|几年(?!前|后|內|内|来|间)|多少年|(?:几|多少)个?(?:月|星期|周|天|小时)(?!份|几)|"
                 r"how long|how many (?:years|months|weeks|days|hours)"),
    # A population's size is a head count, not a market size (开发者社群规模, "user base size").
    ("count", r"多少(?:个|家|名|位|台|块|张|座|人|款|次|种)|几(?:个|家|名|位|台|块|张|座|种|次)|how many|number of|"
              + POPULATION.pattern),
    # "when" asks a date as the question's own word, not in a clause ("… when the quarter closed");
    # "year-over-year" is a kind of growth, not a year
    ("year", r"哪一?年|何年|什么时候|何时|什麼時候|何時|几几年|^when\b|\bwhen (?:did|was|were|is|will|does|do|has|have|had)\b|"
             r"which year|what year(?![- ]over)|since when|哪一?天|几月几[日号]|什么日期|哪个日期|"
             r"(?:on )?(?:what|which) (?:date|day)\b|哪个季度|哪一季度?|哪个月|(?:in )?(?:what|which) (?:quarter|month)\b"),
    # "by how much did X grow" asks the change, often a rate: the metric's head says which
    ("money", r"多少钱|多少美元|多少亿|金额|价格多少|价值多少|值多少|(?<!by )how much (?:money|did|does|is|was|were|will|revenue)|"
              r"\bprice\b|\bvalued\b|\bcost\b|\bworth\b"),
    ("power", r"多少(?:兆瓦|吉瓦|千瓦)|how many (?:megawatts|gigawatts|mw|gw)\b"),
    ("name", r"(?:^|\s)(?:who|which (?:\w+ )?(?:company|companies|firm|customers?|one))\b|是谁|哪家|哪些公司|哪个公司|"
             r"哪一家|誰|叫什么|什么名字|名字是|名称是|what(?:'s| is| was) (?:the|its) name|called what"),
    ("yesno", r"^(?:is|are|was|were|does|do|did|has|have|can|will) |是否|是不是|有没有|对吗|对不对|吗[？?]?$|"
              r"is it true|right\?$"),
    # A kind, a reason, a manner or a thing asked by name: words, not a figure, even when the
    # question names a metric ("主要靠什么带动增长", "which product family would step in").
    ("text", r"哪类|哪一类|哪种|哪一种|什么样|什么类型|(?<!是)什么(?!时候|时间|$|[？?])|"
             r"靠什么|凭什么|怎么|怎样|如何|哪些|哪个|哪款|哪项|what (?:kind|type|sort)s? of|"
             r"\bwhich\b|\bhow (?:does|do|did|is|are|can|could|would|will|has|have)\b|tell me about|"
             r"\b(?:describe|explain)\b|what (?:drives|drove|caused|explains|factors?|reasons?)\b"),
]
SHARE_ASKED = re.compile(r"\bshare\b|\bproportion\b|占比|份额|比重|占多少|占了多少|所占|占[^，,。？?]{0,3}(?:比例|比重)|"
                         r"what (?:portion|fraction|part) of|how much of")
# Guidance asked ("预计" and "expect" are too loosely asked to demand a forecast's wording)
GUIDANCE_ASKED = re.compile(r"指引|财测|guidance|outlook|"
                            # ... and what others expected: the consensus, not the outcome
                            r"(?:原本|原先|本来|分析师|华尔街)的?(?:预计|预期|预估)|consensus|"
                            r"analysts?(?:')? (?:had )?(?:expected|expectations?|estimates?|forecasts?)")
FORECAST_ASKED = re.compile(r"目标|预测|预估|估计|target|forecast|estimate|projection|projected")
# How much a figure moved, not its level ("cost increased by how much"): only then does a change answer.
CHANGE_ASKED = re.compile(r"increase|decrease|grew by|rose by|fell by|change|增加|减少|变化|变动")
FIGURE_WORDS = re.compile(r"多少|几|多大|多高|多快|多久|规模|金额|how (?:much|many|big|large|fast|long)|"
                          r"what (?:is|was|were|are) the (?:size|value|amount)", re.I)
# "增长到多少", "grew to": the level reached is asked, not the rate of growth.
LEVEL_REACHED = re.compile(r"(?:增长|增加|上升|提升|上涨|攀升|增|涨|升)(?:到|至)|"
                           r"(?:grow|grew|grown|rise|rose|risen|increased?|climb(?:ed)?|jump(?:ed)?) to\b")
# A place that describes a document ("the Chinese broker note", "中国市场报告") is the document's
# language or scope, not a place the figure is asked of.
DOCUMENT_NOUN = re.compile(r"\s*(?:[a-z-]+\s+){0,2}(?:report|note|article|newsletter|letter|commentary|essay|"
                           r"transcript|memo|paper|filing|research)s?\b|\s*的?[\u4e00-\u9fff]{0,4}?"
                           r"(?:报告|研报|文章|报道|评论|电子报|通讯|纪要)")
PART_SPLIT = re.compile(r"[？?；;]\s*|(?:，|,)?\s*(?:以及|另外|同时|此外|还有|并且|and also|also tell me|"
                        r"as well as|plus)\s*")


@dataclass(frozen=True)
class Mention:
    key: str  # group key
    forms: tuple[str, ...]
    text: str  # as found in the question (normalised)
    version: str = ""  # the model or generation written after the name: "4" in GPT-4, "3" in Llama 3


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
    loose: tuple[str, ...] = ()  # content words no report uses (the asker's paraphrase: 成立 for 创立)
    contrasts: tuple = ()  # (forms the question uses, their opposites): ((推理,…), (训练,…))
    named_parts: tuple = ()  # forms of each exclusive part asked about (a segment): the answer names it
    domain: str = ""  # the field the figure is confined to ("在服务器领域"): the answer names it
    asks_share: bool = False  # a part of a whole ("what share", 占比)
    asks_guidance: bool = False  # guidance (指引, outlook) or a consensus (分析师预期), not an outcome
    asks_forecast: bool = False  # a target or an estimate: where one is given, it comes before an outcome
    asks_change: bool = False  # the amount a figure moved by ("increased by how much"), not its level
    measured: tuple[str, ...] = ()  # the metrics' heads: what a figure must measure (成本 of "cost of revenue")
    counted: str = ""  # what a count question counts: "注册开发者" of "多少名注册开发者"
    quoted: tuple[tuple[float, bool], ...] = ()  # figures the asker typed: (value, is a percentage)
    lead: tuple[str, ...] = ()  # with no known company named, the words of the name a question
    # starts with ("昆仑芯2025年…"): the unit must use them
    market: tuple[str, ...] = ()  # with no company named, the words naming the market asked ("ai专用gpu")

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
    level_free = LEVEL_REACHED.sub(" ", norm)
    rest = level_free
    ents = tuple(_mentions(question, norm, names, entity=True))
    for m in ents:
        rest = rest.replace(m.text, " ")
    kind = _answer_kind(norm)
    found = [x for x in vocab.find(rest, vocab.metrics(), vocab.terms()) if measurable(x[2].kind, kind)]
    mets = tuple(Mention(g.key, g.forms, rest[a:b]) for a, b, g in found)  # 超大规模 is no 规模 (terms)
    heads = tuple(g.key for _, _, g in vocab.heads(rest, found))
    for m in mets:
        rest = rest.replace(m.text, " ")
    where = tuple(Mention(g.key, g.forms, rest[a:b]) for a, b, g in vocab.find(rest, vocab.places())
                  if not DOCUMENT_NOUN.match(rest[b:]))  # "the Chinese broker note" is no place asked
    for m in where:
        rest = rest.replace(m.text, " ")
    pers = tuple(periods(norm))
    rest = period_free(rest)
    for _, pattern in KIND_WORDS:  # how the question is phrased is not what it is about
        rest = re.sub(pattern, " ", rest)
    rest = FIGURE_WORDS.sub(" ", rest)
    # A compound names its head last (营收年增长率, revenue growth rate): the head sets the kind.
    said = [x for x in vocab.find_heads(level_free, vocab.metrics()) if measurable(x[2].kind, kind)]
    metric_kind = next((g.kind for _, _, g in reversed(said)), "")
    wants = kind in ("pct", "mult", "count", "money", "year", "duration", "power") or (
        bool(FIGURE_WORDS.search(norm)) or bool(mets)) and kind not in ("name", "yesno", "text")
    words = tuple(_words(rest, known))
    market = () if ents else tuple(market_words(norm, known))
    lead = "" if ents else lead_name(norm, [a for a, _, _ in found] + [a for a, _, _ in vocab.find(norm, vocab.places())])
    lead_words = tuple(_words(lead, ()))
    unknown = tuple(unknown_names(question, known)) if known else ()
    if lead_words and known and any(t not in known for t in lead_words):
        unknown += (lead,)  # "海光信息2025年营收": a company no report names
    contrasts = contrasts_in(norm)
    record = QuestionRecord(question, norm, detect_language(question), ents, mets, metric_kind, pers,
                            kind or (metric_kind if wants else ""), wants, words,
                            unknown, places=where, lead=lead_words, market=market,
                            loose=tuple(w for w in _words(rest, ()) if w not in words),
                            contrasts=contrasts, named_parts=parts_in(contrasts),
                            asks_share=bool(SHARE_ASKED.search(norm)),
                            asks_guidance=bool(GUIDANCE_ASKED.search(norm)), measured=heads,
                            asks_forecast=bool(FORECAST_ASKED.search(norm)),
                            asks_change=bool(CHANGE_ASKED.search(norm)),
                            counted=counted_noun(norm), quoted=quoted_figures(question),
                            domain=_own_domain(domain_asked(norm), ents, where))
    if split:
        record = _with_parts(record, names, known)
    return record


# Kinds of quantity that exclude one another: a question that asks a duration, a count, an amount
# of money or of power by its own words is not measuring a metric of another of these kinds.
EXCLUSIVE_KINDS = {"money", "count", "duration", "power"}


def measurable(metric_kind: str, answer_kind: str) -> bool:
    """Whether a metric can be what a question asks for, given the kind of answer its words ask:
    in "多长时间才能赚回成本" the 成本 (money) is what is earned back, and the duration is asked.

    ``measurable("money", "duration") -> False``; ``measurable("money", "pct") -> True`` (a share
    or growth of revenue is a percentage of a money metric).
    """
    return not (answer_kind in EXCLUSIVE_KINDS and metric_kind in EXCLUSIVE_KINDS and metric_kind != answer_kind)


COUNTED_ZH = re.compile(r"(?:多少|几)\s*(?:个|家|名|位|台|块|张|座|款|次|种|颗|条|项|枚|架|部|间|所|只|支)\s*"
                        r"([^，,。？?！!；;]{1,12})")
COUNTED_EN = re.compile(r"how many\s+([a-z0-9\-]+(?:\s+[a-z0-9\-]+){0,2})")
COUNTED_STOP = re.compile(r"的|是|呢|吗|对|在|了|被|能|可以|会|将|\s(?:could|would|can|will|did|does|do|are|is|were|"
                          r"was|has|have|had|of|in|on|for|by|at|from|that)\b.*")


def quoted_figures(question: str) -> tuple[tuple[float, bool], ...]:
    """The figures a question quotes, which tie it to the passage that states them ("Which
    customer brings in 62% of revenue?"): percentages, multiples, amounts with a currency or a
    scale; not a year, nor a version ("GPT-4").

    ``quoted_figures("Which customer signed a $4 billion deal in 2025?") -> ((4e9, False),)``
    """
    out = []
    for f in figures(question):
        if f.kind in ("pct", "mult") or f.currency or re.search(r"[万亿千百]|illion|bn\b", f.text):
            out.append((f.value, f.kind == "pct"))
    return tuple(out)


DOMAIN_ZH = re.compile(r"在([\u4e00-\u9fffa-z0-9]{2,10}?)(?:这块|这个|这一)?(?:领域|市场|业务|板块|行业)")
DOMAIN_EN = re.compile(r"\bin (?:the )?([a-z][a-z0-9\-]*(?: [a-z][a-z0-9\-]*){0,2}) (?:market|segment|business|sector|field|space)\b")


def domain_asked(norm: str) -> str:
    """The field a question confines its figure to ("" when none): ``domain_asked("acme 在服务器领域的
    份额")`` -> ``"服务器"``; ``domain_asked("share in the data center market")`` -> ``"data center"``."""
    found = [m.group(1) for m in DOMAIN_ZH.finditer(norm)] + [m.group(1) for m in DOMAIN_EN.finditer(norm)]
    return found[0].strip() if len(found) == 1 else ""


def _own_domain(domain: str, names, places) -> str:
    """The domain unless it is a company or a place (those are judged as names and places)."""
    forms = {f for m in list(names) + list(places) for f in m.forms}
    return "" if any(f in domain for f in forms) else domain


def counted_noun(norm: str) -> str:
    """What a question that asks one count counts ("" for any other question, or one asking two).

    ``counted_noun("cuda 有多少名注册开发者?") -> "注册开发者"``;
    ``counted_noun("how many gpu hours could be saved?") -> "gpu hours"``;
    ``counted_noun("acme的开发者社群规模有多大?") -> "开发者"``
    """
    found = [m.group(1) for m in COUNTED_ZH.finditer(norm)] + [m.group(1) for m in COUNTED_EN.finditer(norm)] \
        + [next(g for g in m.groups() if g) for m in POPULATION.finditer(norm)]
    if len(found) != 1:
        return ""
    return COUNTED_STOP.split(found[0])[0].strip()


def _mentions(question: str, norm: str, names: list[vocab.Group], entity: bool) -> list[Mention]:
    """Name groups the question uses. A plain lower-case English word ("modal", "lambda") is only a
    name when the question capitalises it or the group also has a non-Latin form."""
    out = []
    for a, b, g in vocab.find(norm, names):
        written = question_slice(question, norm, a, b)
        plain_word = re.fullmatch(r"[a-z]+", g.key) and all(re.fullmatch(r"[a-z .\-]+", f) for f in g.forms)
        if plain_word and written and written[0].islower():
            continue
        out.append(Mention(g.key, g.forms, norm[a:b], version_after(norm, b)))
    return out


NEGATED = re.compile(r"(?:而不是|而非|并非|不是|rather than|instead of|as opposed to|not)[^，,。？?；;]*")


def contrasts_in(norm: str) -> tuple:
    """The sets of opposite words of which the question uses exactly one side, as (that side, the
    other sides' forms): ``contrasts_in("多少比例的ai推理依赖cuda")`` ->
    ``((("推理", "inference"), ("训练", "training")),)``"""
    said = lambda forms, text=norm: any(vocab.has_form(text, f) for f in forms)  # noqa: E731
    negated = " ".join(NEGATED.findall(norm))
    out = []
    for sides in vocab.contrasts():
        used = [side for side in sides if said(side)]
        if len(used) == 1 and not any(said(side, negated) for side in sides):  # "…而不是训练": unclear
            out.append((used[0], tuple(f for side in sides if side is not used[0] for f in side)))
    return tuple(out)


def parts_in(contrasts: tuple) -> tuple:
    """The forms of each exclusive part (a segment, a workload) among the contrast sides a question
    uses (``contrasts_in``): ``parts_in(contrasts_in("英伟达游戏业务的增速"))`` ->
    ``(("游戏", "遊戲", "gaming"),)``"""
    return tuple(side for side, _ in contrasts if any(side in sides for sides in vocab.parts()))


VERSION = re.compile(r"[-\s]?v?(\d+(?:\.\d+)?[a-z]?)(?![\d.%a-z])")
UNIT_AFTER = set("年月日季个家倍亿万千百台块张名位次元美")  # "NVIDIA 3月": a date or an amount, not a version


def version_after(text: str, end: int) -> str:
    """The version written right after a name ending at ``end``: ``version_after("gpt-4 参数", 3)
    -> "4"``; "" when none (a figure such as "gpt 2025年" or "h100 80%" is not one)."""
    m = VERSION.match(text, end)
    if not m or re.match(r"(19|20)\d\d$", m.group(1)) or text[m.end():m.end() + 1] in UNIT_AFTER:
        return ""
    return m.group(1)


def unknown_names(question: str, known: Collection[str]) -> list[str]:
    """Names in the question (CamelCase, upper-case, capitalised inside a sentence) that occur
    nowhere in the reports' vocabulary: ``unknown_names("Vultr 的营收?", known) -> ["vultr"]``."""
    from gpumkt.search.lexical import tokenize

    vocabulary = {f for g in vocab.all_groups() for f in g.forms}
    out = []
    chinese = bool(re.search(r"[\u4e00-\u9fff]", question))
    pattern = r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]{2,}" if chinese else r"(?<![A-Za-z])(?:[A-Z][a-z0-9]*[A-Z][A-Za-z0-9]*|[A-Z]{3,})(?![A-Za-z])"
    for m in re.finditer(pattern, question):
        word = normalise(m.group(0))
        if word in vocab.GENERAL_CAPS or word in vocabulary or word in QUESTION_ENGLISH or periods(word):
            continue
        if not any(t in known for t in tokenize(word) or [word]):
            out.append(word)
    return out


QUESTION_CHINESE = set("多少 哪些 哪个 哪种 什么 怎么 如何 是否 请问 告诉 分别 一下 大约 目前 现在 具体 "
                       "报告 提到 根据 达到 能够 可以 一共 总共 对吗".split()) | set(
    # Function words: they carry the question's grammar, not what it is about.
    "如果 假如 虽然 尽管 但是 可是 然而 因为 所以 因此 而且 并且 或者 还是 已经 曾经 正在 仍然 依然 "
    "还有 只是 就是 也是 一般 通常 大概 左右 这个 那个 这些 那些 这家 那家 这款 那款 其中 的话 "
    "起来 出来 下来 截至 截止 期间 为止".split())
QUESTION_ENGLISH = set("what which when who why how tell list give is are was were does did do has have "
                       "can will the and also please me about roughly approximately much many give tell list "
                       "report reports say according".split())


LEAD_END = re.compile(r"\d|去年|今年|明年|前年|上半年|下半年|第[一二三四]季|[的在从于对把是有到至将会预约共总]")


# The words before 市场 / "market" name which market is asked ("AI专用GPU市场", "cloud GPU market");
# a size word, a place or "global" narrows nothing the passage must repeat.
MARKET_ZH = re.compile(r"([a-z\u4e00-\u9fff]{2,16})市场")
MARKET_EN = re.compile(r"((?:[a-z][a-z-]*\s+){1,4})markets?\b")
MARKET_GENERAL = set("全球 整体 整个 总体 世界 国内 海外 整".split())
# In English only the words right before "market" name it: "the gpu-as-a-service market".
MARKET_STOP = set("the a an of for in on at to is was are were what which how big large whole overall total "
                  "global worldwide entire and or its their this that".split())


def market_words(norm: str, known) -> list[str]:
    """``market_words("ai专用gpu市场2025年的规模是多少?", known)`` -> ["ai", "专用", "gpu"]: the
    words of the market a question with no company asks about (those some report uses)."""
    m = MARKET_ZH.search(norm) or MARKET_EN.search(norm)
    if not m:
        return []
    phrase = m.group(1)
    if m.re is MARKET_EN:
        tail = list(itertools.takewhile(lambda w: w not in MARKET_STOP, reversed(phrase.split())))
        phrase = " ".join(reversed(tail))
    places = {f for g in vocab.places() for f in g.forms}  # normalised as the question is
    return [w for w in _words(phrase, known) if w not in MARKET_GENERAL and w not in places
            and w not in QUESTION_ENGLISH and w not in QUESTION_CHINESE]


def lead_name(norm: str, stops: list[int]) -> str:
    """The Chinese name a question opens with, up to its first period, metric (at ``stops``) or
    particle: what the question is about when no known company is named.

    ``lead_name("昆仑芯2025年第一季度营收是多少?", [10]) -> "昆仑芯"``; ``lead_name("那家平台的估值?", [])
    -> ""`` (a description, not a name)
    """
    end = min([m.start() for m in LEAD_END.finditer(norm)] + stops + [len(norm)])
    lead = norm[:end].strip()
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", lead) or re.match(r"[那这哪该此其它他她请按据依若]|根据|如果|假如", lead) \
            or "报告" in lead:
        return ""
    return lead if _words(lead, ()) else ""


def question_slice(question: str, norm: str, a: int, b: int) -> str:
    """The characters of the original question at the normalised span (same length when NFKC
    kept lengths, which holds for questions without ligatures); "" when lengths differ."""
    return question[a:b] if len(question) == len(norm) else ""


def _answer_kind(norm: str) -> str:
    for kind, pattern in KIND_WORDS:
        if re.search(pattern, norm):
            return kind
    return ""


def _words(rest: str, known: Collection[str]) -> list[str]:
    """Content words left to match against a passage. A word no report uses anywhere (the
    asker's own paraphrase: 身价 for 估值) cannot tell one passage from another, so it is left out."""
    from gpumkt.search.lexical import tokenize

    return [t for t in tokenize(rest) if not re.fullmatch(r"[\d.]+|[a-z]|[\u4e00-\u9fff]", t)
            and t not in QUESTION_ENGLISH and t not in QUESTION_CHINESE and (not known or t in known)]


def _with_parts(record: QuestionRecord, names, known) -> QuestionRecord:
    """A question that asks several things ("营收和年增长率分别是多少", "revenue? and the margin?")
    keeps one sub-record per part; a part that names no company borrows the question's."""
    pieces = [p for p in PART_SPLIT.split(record.text) if p and len(p.strip()) > 1]
    heads = [m for m in record.metrics if m.key in record.measured]  # not a compound's modifier
    metric_parts = heads if len(heads) > 1 and re.search(
        r"和|与|及|、|分别|各|and|,|，", record.norm) else ()
    parts = []
    if len(pieces) > 1:
        parts = [build(p, names, split=False, known=known) for p in pieces]
        parts = [p for p in parts if p.metrics or p.wants_figure]
    elif metric_parts:
        parts = [build(f"{record.subject} {' '.join(record.periods)} {m.text}", names, split=False,
                       known=known) for m in metric_parts]
    elif record.wants_figure and _coordinated(record):
        parts = [QuestionRecord(**{**record.__dict__, "entities": (m,)}) for m in record.entities]
    if len(parts) < 2:
        return record
    parts = [_inherit(p, record) for p in parts]
    return QuestionRecord(**{**record.__dict__, "parts": tuple(parts)})


COORDINATION = re.compile(r"\s*(?:和|与|及|以及|跟|、|,|，|&|and)\s*")


def _coordinated(record: QuestionRecord) -> bool:
    """The companies asked are listed side by side, each asked the same thing ("AWS和谷歌云的营收
    增速", "AWS and Google Cloud each"), not held together ("合计", "combined"), so each is a part:
    ``_coordinated(<"aws和谷歌云各增长多少">)`` -> True; ``<"微软和openai合计贡献多少">`` -> False."""
    if len(record.entities) < 2 or vocab.JOINT.search(record.norm):
        return False
    spans = sorted((record.norm.find(m.text), len(m.text)) for m in record.entities)
    return all(a >= 0 for a, _ in spans) and all(
        COORDINATION.fullmatch(record.norm[a + n:b]) for (a, n), (b, _) in zip(spans, spans[1:]))


def _inherit(part: QuestionRecord, whole: QuestionRecord) -> QuestionRecord:
    changes = {}
    if not part.entities:
        changes["entities"] = whole.entities
    if not part.periods:
        changes["periods"] = whole.periods
    if not part.places:
        changes["places"] = whole.places
    return QuestionRecord(**{**part.__dict__, **changes}) if changes else part
