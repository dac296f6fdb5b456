"""What a question's words say besides its names, metrics and periods: the figures it quotes, the
thing it counts, the field or market it narrows to, the name it opens with when no known company is
named, names no report knows, a version written after a name, and the contrasts it takes a side in.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection
from functools import lru_cache

from gpumkt.lang import vocab
from gpumkt.lang.numbers import figures
from gpumkt.lang.periods import periods
from gpumkt.lang.text import BRACKETED, normalise, to_mainland

# "开发者社群规模", "user base size": the population whose size is asked is what is counted,
# and the size asked is a head count, not a market size.
POPULATION = re.compile(r"(开发者|用户|客户|员工|人员|会员|工程师)[^，,。？?\d]{0,4}规模|"
                        r"(developer|user|customer|employee)s?(?: community| base)? size|"
                        r"size of (?:its |the |their |\S+'s )?(developer|user|customer|employee)")

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


def own_domain(domain: str, names, places) -> str:
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


# A unit of compute asked by name ("多少PFLOPS", "how many exaflops"): the figure that answers is
# written in that unit's family (any scale of FLOPS), not a count or another measure of the same thing
UNIT_ASKED = re.compile(r"(?:多少|几|how many|in)\s*([pet]?flops|(?:peta|exa|tera)flops)\b")


def unit_asked(norm: str) -> str:
    """``unit_asked("乙公司总算力有多少pflops")`` -> "flops"; ``unit_asked("乙公司总算力有多少")`` -> ""."""
    return "flops" if UNIT_ASKED.search(norm) else ""


NEGATED = re.compile(r"(?:而不是|而非|并非|不是|rather than|instead of|as opposed to|not)[^，,。？?；;]*")


def contrasts_in(norm: str) -> tuple:
    """The sets of opposite words of which the question uses exactly one side, as (that side, the
    other sides' forms): ``contrasts_in("多少比例的ai推理依赖cuda")`` ->
    ``((("推理", "inference"), ("训练", "training")),)``"""
    negated = " ".join(NEGATED.findall(norm))
    out = []
    for sides in vocab.contrasts():
        used = [side for side, said in zip(sides, vocab.said_sides(norm, sides)) if said]
        if len(used) == 1 and not any(vocab.said_sides(negated, sides)):  # "…而不是训练": unclear
            out.append((used[0], tuple(f for side in sides if side is not used[0] for f in side)))
    return tuple(out)


def parts_in(contrasts: tuple, norm: str = "") -> tuple:
    """The forms of each exclusive part (a segment, a workload, a rank of customers) among the
    contrast sides a question uses (``contrasts_in``): ``parts_in(contrasts_in("英伟达游戏业务的增速"))``
    -> ``(("游戏", "遊戲", "gaming"),)``. A bare group count names a group, not a rank, unless
    counterparties follow it: "三大公有云" is no rank, "五大客户" is."""
    return tuple(side for side, _ in contrasts if any(side in sides for sides in vocab.parts())
                 and not _bare_group(side, norm))


BARE_GROUP = re.compile(r"[两二三四五六七八九十]大")
COUNTERPARTY = re.compile(r"[两二三四五六七八九十]大(?:的)?(?:客户|供应商|用户|买家)")


def _bare_group(side: tuple, norm: str) -> bool:
    """The question names this rank only by a bare group count ("三大") with no counterparty after it."""
    said = [f for f in side if f in norm]
    return bool(said) and all(BARE_GROUP.fullmatch(f) for f in said) and not COUNTERPARTY.search(norm)


VERSION = re.compile(r"[-\s]?v?(\d+(?:\.\d+)?[a-z]?)(?![\d.%a-z])")
UNIT_AFTER = set("年月日季个家倍亿万千百台块张名位次元美")  # "NVIDIA 3月": a date or an amount, not a version


# A name followed by what it found or thinks is the source of a figure, not what it is about: a
# survey's or tracker's figure is about those surveyed ("Kestrel Ridge's buyer survey", "…的买家调查");
# an estimate is about the other company the question names ("does Kestrel Ridge think CoreWeave …").
SURVEYED = re.compile(r"^(?:'s?)?\s+(?:[a-z0-9\-]+\s+){0,3}?(?:survey|tracking|database|poll)\b"
                      r"|^\s*的?[\u4e00-\u9fff]{0,2}?(?:调查|调研|追踪|问卷)")
# (a broker is named with its firm's words: "Acme Securities' new price target for …", "甲乙证券对…的预估")
FIRM_WORDS = r"(?:\s*(?:securities|research|capital|partners|llc|证券|研究所|投顾))*"
OPINION = re.compile(r"^" + FIRM_WORDS + r"(?:'s?\s+(?:(?:new|latest|current|prior|old)\s+)?(?:estimates?|forecasts?|"
                     r"projections?|view|model|price target|target price|rating)\b|\s+(?:think|thinks|believes?|"
                     r"expects?|estimates?|forecasts?|projects?)\b|\s*的?(?:认为|预计|预估|估计|预测|目标价|评级)|"
                     r"\s*的?(?:研究)?报告(?:中|里))")


def source_only(norm: str, a: int, b: int, names_later: bool = False) -> bool:
    """The name at ``norm[a:b]`` is only the source of what is asked: ``source_only("per acme's
    tracking, how many", 4, 8)`` -> True; ``source_only("acme's revenue", 0, 4)`` -> False; an
    opinion only when another name follows (``names_later``): "does acme think coreweave …"."""
    after = norm[b:b + 40]
    return bool(SURVEYED.match(after) or names_later and OPINION.match(after))


def version_after(text: str, end: int) -> str:
    """The version written right after a name ending at ``end``: ``version_after("gpt-4 参数", 3)
    -> "4"``; "" when none (a figure such as "gpt 2025年" or "h100 80%" is not one)."""
    m = VERSION.match(text, end)
    if not m or re.match(r"(19|20)\d\d$", m.group(1)) or text[m.end():m.end() + 1] in UNIT_AFTER:
        return ""
    return m.group(1)


# A product's code: letters and digits in one word ("TG9-8L", "H20", "MI300X", "FP8"); not a period
# (Q3, FY25, 2Q25) nor a quantity with its unit ("8-GPU", "300B", "40GB", "16-node", "3rd").
CODE = re.compile(r"(?<![a-z0-9])(?=[a-z0-9-]*[a-z])(?=[a-z0-9-]*\d)[a-z0-9]+(?:-[a-z0-9]+)*(?![a-z0-9])")
QUANTITY = re.compile(r"\d[\d,.]*-?(?:gpus?|nodes?|cards?|cores?|racks?|years?|months?|days?|hours?|bits?|nm|u|w|kw|mw|gw|"
                      r"[gtmp]b|k|m|b|bn|x|s|h|st|nd|rd|th)")
# a period without its year, in any language's letter ("T2" is a French quarter): one letter and one digit
HALF_OR_QUARTER = re.compile(r"[a-z]\d|\d[a-z]")


def product_codes(norm: str, named: Collection[str] = ()) -> list[str]:
    """The product codes a question names, other than the forms of names it was matched to and
    a gloss in brackets ("PFlops, FP16"): a passage about another model ("TG9-4A" for "TG9-8L")
    does not answer it. A class of products is its code ("h100-class": h100).
    ``product_codes("tg9-8l 的 8-gpu 机型 (fp16) q3 功耗?") -> ["tg9-8l"]``"""
    bare = BRACKETED.sub(" ", norm)
    codes = [re.sub(r"(?:-[a-z]+)+$", "", m.group(0)) for m in CODE.finditer(bare)]
    return [c for c in codes if re.search(r"[a-z]", c) and re.search(r"\d", c) and not periods(c)
            and not QUANTITY.fullmatch(c) and not HALF_OR_QUARTER.fullmatch(c) and c not in named]


# The length of a contract or a commitment: "five-year", "3-year term", "三年期", "两年长约", "36个月期".
# A term the question names and a passage states differently is another price ("1-year" for "2-year").
_TERM_COUNT = r"(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|[一二两三四五六七八九十])"
TERM_EN = re.compile(r"(?<![\d.,])" + _TERM_COUNT + r"[- ](year|month)s?\b(?![- ](?:ago|old|earlier|later|before|after))")
TERM_ZH = re.compile(_TERM_COUNT + r"\s*个?(年|月)(?=期|长约|合约|合同|租约|租期)")
TERM_VALUES = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)} | \
    {w: i for i, w in enumerate("一二三四五六七八九十", 1)} | {"两": 2}


def terms(text: str) -> set[int]:
    """The contract terms a text names, in months: ``terms("a five-year contract or a 三年期 lease")``
    -> ``{60, 36}``; ``terms("revenue grew 3 years ago")`` -> ``set()``."""
    found = [(m.group(1), m.group(2)) for m in TERM_EN.finditer(text)] + \
        [(m.group(1), "year" if m.group(2) == "年" else "month") for m in TERM_ZH.finditer(text)]
    return {(int(n) if n.isdigit() else TERM_VALUES[n]) * (12 if unit == "year" else 1) for n, unit in found}


# A numbered part of a whole: a tender's lot ("包4", "标段2", "Lot 3"), a tier of countries or of
# suppliers ("Tier 1", "第一级", "第一梯队"). A figure of another one answers no question about this one.
LOT = re.compile(r"(?:标?包|包组|标段)\s*(\d{1,2})(?!\d)|(?<![a-z])lot\s*(\d{1,2})(?!\d)")
TIER = re.compile(r"(?<![a-z])tier\s*([1-5])(?!\d)|第\s*([一二三四五1-5])\s*(?:级|层级|梯队)")
# a lettered tranche of a loan or class of notes ("Tranche A", "Class C notes", "A档", "C类"); a class
# asked is also a site (question.CLASS_NAMED), here a sentence naming only another class places none
TRANCHE = re.compile(r"(?<![a-z])(tranche|class)\s+([a-h])(?![a-z0-9])|(?<![a-z])([a-h])\s*(档|类)")


def lots_in(text: str) -> set[str]:
    """``lots_in("包4的预算和lot 3的中标价")`` -> ``{"lot 4", "lot 3"}``;
    ``lots_in("第一级(tier 1)和tier 2")`` -> ``{"tier 1", "tier 2"}``;
    ``lots_in("tranche a的利率和c类债券")`` -> ``{"tranche a", "class c"}``"""
    return {f"lot {a or b}" for a, b in LOT.findall(text)} | \
        {f"tier {a or '一二三四五12345'.index(b) % 5 + 1}" for a, b in TIER.findall(text)} | \
        {f"{kind or ('tranche' if zh == '档' else 'class')} {letter or zletter}"
         for kind, letter, zletter, zh in TRANCHE.findall(text)}


def unknown_names(question: str, known: Collection[str]) -> list[str]:
    """Names in the question (CamelCase, upper-case, capitalised inside a sentence) that occur
    nowhere in the reports' vocabulary: ``unknown_names("Vultr 的营收?", known) -> ["vultr"]``;
    ``unknown_names("What was the budget for Lot 4 at Acme Centre (甲乙中心)?", known) -> []``."""
    from gpumkt.search.lexical import tokenize

    vocabulary = {f for g in vocab.all_groups() for f in g.forms}
    out = []
    # (an English question glossing a name in Chinese, "Acme AI Centre (甲乙…)", is English:
    # its lower-case words are grammar, not names)
    chinese = bool(re.search(r"[\u4e00-\u9fff]", BRACKETED.sub("", question)))
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
    # What an asker says of the claim they check ("听说…，对吗？"), not what it is about.
    "听说 听闻 传闻 据说 据悉 我想 想问 知道 有人 网传 好像 似乎".split()) | set(
    # Function words: they carry the question's grammar, not what it is about.
    "如果 假如 虽然 尽管 但是 可是 然而 因为 所以 因此 而且 并且 或者 还是 已经 曾经 正在 仍然 依然 "
    "还有 只是 就是 也是 一般 通常 大概 左右 这个 那个 这些 那些 这家 那家 这款 那款 其中 的话 "
    "起来 出来 下来 截至 截止 期间 为止".split())
QUESTION_ENGLISH = set("what which when who why how tell list give is are was were does did do has have "
                       "can will the and also please me about roughly approximately much many give tell list "
                       "report reports say according".split()) | set(
    # Function words of English questions: grammar, not what is asked about.
    "but up over into than per via during since until out off each so if then there their they them "
    "we our you your my been being had would could should may might must shall".split())


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
    return [w for w in content_words(phrase, known) if w not in MARKET_GENERAL and w not in places
            and w not in QUESTION_ENGLISH and w not in QUESTION_CHINESE]


ADMIN_PLACE = re.compile(r"[\u4e00-\u9fff]{2,4}?(?:省|自治区|特别行政区|县|市(?![场值盈净销]))")


# Who a rule or a price is for, named by role ("企业领取补贴后…", "用户每小时付多少"): no company
GENERIC_ROLE = re.compile(r"企业|公司|用户|客户|厂商|商家|使用方|申请人|申报单位|投资者|投资人|个人|机构|单位")


def lead_name(norm: str, stops: list[int]) -> str:
    """The Chinese name a question opens with, up to its first period, metric (at ``stops``) or
    particle: what the question is about when no known company is named.

    ``lead_name("昆仑芯2025年第一季度营收是多少?", [10]) -> "昆仑芯"``; ``lead_name("那家平台的估值?", [])
    -> ""`` (a description, not a name), and so is a role: ``lead_name("企业领取补贴后…", []) -> ""``,
    or a number of things: ``lead_name("每台服务器功耗多少?", []) -> ""``
    """
    end = min([m.start() for m in LEAD_END.finditer(norm)] + stops + [len(norm)])
    lead = norm[:end].strip()
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,8}", lead) or re.match(r"[那这哪该此其它他她请按据依若]|根据|如果|假如|听[说闻]|传闻|我想|想问|有人|网传"
                                                          r"|[一二两三四五六七八九十几每单]+[个家名位台块张座套批]", lead) \
            or GENERIC_ROLE.match(lead) \
            or "报告" in lead or ADMIN_PLACE.match(lead):  # (溟江省…: a province, no company)
        return ""
    return lead if content_words(lead, ()) else ""


def content_words(rest: str, known: Collection[str]) -> list[str]:
    """Content words left to match against a passage. A word no report uses anywhere (the
    asker's own paraphrase: 身价 for 估值) cannot tell one passage from another, so it is left out."""
    from gpumkt.search.lexical import tokenize

    return [t for t in tokenize(rest) if not re.fullmatch(r"[\d.]+|[a-z]|[\u4e00-\u9fff]", t)
            and t not in _question_tokens() and (not known or t in known or to_mainland(t) in known)]


@lru_cache(maxsize=1)
def _question_tokens() -> frozenset[str]:
    """The question words as the tokenizer leaves them: English is stemmed ("according" is
    "accord", "roughly" "rough"), so the list is stemmed too."""
    from gpumkt.search.lexical import tokenize

    words = QUESTION_ENGLISH | QUESTION_CHINESE
    return frozenset(words | {t for w in words for t in tokenize(w)})
