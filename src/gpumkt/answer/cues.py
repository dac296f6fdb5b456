"""The words a question asks with: the kind of answer its phrasing wants, whether it asks a share,
guidance, a forecast or a change, where a question of several parts splits, and which of its years
name a thing (a plan, a debt) or a whole fiscal year rather than a period. Read only by
``question.build``; kept apart so the record's building reads as steps.
"""

from __future__ import annotations

import re

from gpumkt.answer.asked import POPULATION
from gpumkt.ingest.dating import MATURES_AFTER, MATURITY_WORDS

# "占营收多少": a part of a whole asked (not 占地, 占用, 应占溢利 (attributable), nor a count or an amount of money)
# Chinese measure words: 颗 counts chips, 架 racks, 笔 deals (not 项: it starts the word 项目)
CLASSIFIERS = "个家名位台块张座人款次种颗枚架套条笔辆艘片栋户"
PART_OF = r"what (?:portion|fraction|part|slice|proportion) of"  # "what slice of new contracts came from X": a part of a whole
# "share" as a part of a whole, not the stock ("share-based", "share repurchase", "share price")
SHARE_WORD = r"\bshare\b(?!-|\s+(?:repurchases?|buybacks?|price|count|capital|awards?|options?|units?))"
SHARE_OF = r"(?<!应)占(?![地用])[^，,。？?\d]{1,6}?多少(?![钱" + CLASSIFIERS + "])"
# The kind of answer a question's own words ask for; a metric's kind is used when none is said.
KIND_WORDS = [
    # A reason is asked in words, whatever figure the question mentions ("why did the margin fall")
    ("text", r"为什么|为何|什么原因|原因是什么|\bwhy\b"),
    # (a multiple named as what is asked: "what debt to EBITDA multiple", 利息保障倍数; not "multiple clouds")
    ("mult", r"多少倍|几倍|翻了?几番|倍数|what multiple|how many times|by what factor|\bmultiple\b(?=\s*(?:[?,.]|$|(?:did|does|do|is|was|were|has|had|for|in|at|on)\b))"),
    # "per share" is a price, a "run-rate" an amount: neither asks a percentage
    # (the extent of a move, 回调多大幅度 / 降幅多少, is a percentage)
    # (a rate asked by its own word, 利率是多少, 出租率多少: a percentage; not a frequency, an efficiency, an exchange rate)
    ("pct", r"(?<![频效汇])率\s*(?:是|为|达到?|有)?\s*(?:多少|几|多高|多大)|百分之|百分比|比例|占比|比重|比率|几成|多少成(?!本)|占多少|占了多少|多大幅度|幅度(?:多大|多少|是多少|有多大)|"
            r"(?:涨|跌|降|增|减)幅(?:多大|多少|是多少|有多大|为何)|"
            + SHARE_OF + r"|percent|percentage|(?<!per )" + SHARE_WORD + r"|"
            r"\bratios?\b|\bmargin\b|what (?:proportion|fraction|portion)\b|(?<!-)(?<!exchange )\brate\b(?!\s+per\b)|多少%|how fast (?:did|does|has|have|is|was|were|will) [^?]{0,60}\bgrow|"
            # "how much of its revenue comes from X", "收入中有多少来自X": a part of a whole
            # ("按合同总价的多少赔付": a share of an amount)
            r"多少(?![" + CLASSIFIERS + r"])[^？?，,。]{0,8}来自|按[^，,。？?]{1,16}?的多少(?![钱亿万元" + CLASSIFIERS + r"])|how much of [^?]{0,40}\b(?:comes?|came) from|" + PART_OF),
    ("duration", r"多久|多长时间|多长的|几年(?!前|后|內|内|来|间)|多少年|(?:几|多少)个?(?:月|星期|周|天|小时|(?:工作|交易|自然)日)(?!份|几)|"
                 r"how long|how many (?:years|months|weeks|(?:business |working |trading |calendar )?days|hours|minutes)"),
    # A population's size is a head count, not a market size (开发者社群规模, "user base size").
    ("count", "(?:多少|几)[" + CLASSIFIERS + "]|多少[万亿]?股(?![东本价息利权份])|how many(?! (?:megawatts|gigawatts|kilowatts|mw|gw|kw)\\b)|number of|"
              r"人手|人数|headcount|head count|" + POPULATION.pattern),  # (a head count asked as 人手有多少)
    # "when" asks a date as the question's own word, not in a clause ("… when the quarter closed");
    # "year-over-year" ("what quarter-on-quarter growth") is a kind of growth, not a year
    ("year", r"哪一?年|何年|什么时候|何时|什麼時候|何時|几几年|^when\b|\bwhen (?:did|was|were|is|will|does|do|has|have|had)\b|"
             r"which year|what year(?![- ]over)|since when|哪一?天|几月几[日号]|什么日期|哪个日期|"
             r"(?:on )?(?:what|which) (?:date|day)\b|哪个季度|哪一季度?|哪个月|(?:in )?(?:what|which) (?:quarter|month)\b(?![- ](?:on|over|to)[- ])"),
    # "by how much did X grow" asks the change, often a rate: the metric's head says which
    # (an amount of funds asked by its noun: "安排了多少专项资金", "多少补贴")
    ("money", r"多少钱|多少美元|多少亿|金额|价格多少|价值(?:是|为|有)?多少|值多少|(?<!by )how much (?:money|did|does|is|was|were|will|revenue)|"
              r"多少[^，,。？?\d]{0,6}(?:资金|经费|补贴|补助|奖励|奖金)|how much (?:funding|subsidy|grant)|"
              r"\bprice\b|\bvalued\b|\bcost\b|\bworth\b|\brates? per\b"),  # (a rate per GPU-hour is a price)
    ("power", r"(?:多少|几)\s*(?:兆瓦|吉瓦|千瓦|[mgk]w\b)|how many (?:megawatts|gigawatts|kilowatts|mw|gw|kw)\b"),
    ("name", r"(?:^|\s)(?:who|which (?:\w+ )?(?:company|companies|firm|customers?|one))\b|是谁|哪家|哪些公司|哪个公司|"
             r"哪一家|誰|叫什么|什么名字|名字是|名称是|what(?:'s| is| was) (?:the|its) name|called what"),
    ("yesno", r"^(?:is|are|was|were|does|do|did|has|have|can|will) |是否|是不是|有没有|对吗|对不对|吗[？?]?$|"
              r"is it true|right\?$"),
    # A kind, a reason, a manner or a thing asked by name: words, not a figure, even when the
    # question names a metric ("主要靠什么带动增长", "which product family would step in").
    ("text", r"哪类|哪一类|哪种|哪一种|什么样|什么类型|(?<!是)什么(?!时候|时间|$|[？?])|"
             r"靠什么|凭什么|怎么|怎样|如何|哪些|哪个|哪款|哪项|what (?:kind|type|sort)s? of|"
             r"\bwhich\b|\bhow (?:does|do|did|is|are|can|could|would|will|has|have)\b|tell me about|"
             r"\b(?:describe|explain)\b|what (?:drives|drove|caused|explains|factors?|reasons?)\b|"
             # a rating is a grade ("A+", "Buy"), no figure (the word "rating" itself stays asked)
             r"(?<=评级)(?:是|为)?(?:多少|什么|如何)|(?:what|which)(?= (?:credit |analyst )?rating\b)"),
]
SHARE_ASKED = re.compile(SHARE_WORD + r"|\bproportion\b|占比|份额|比重|占多少|占了多少|所占|占[^，,。？?]{0,3}(?:比例|比重)|"
                         + SHARE_OF + r"|" + PART_OF + r"|how much of")
# Guidance asked ("预计" and "expect" are too loosely asked to demand a forecast's wording)
GUIDANCE_ASKED = re.compile(r"指引|财测|展望|guidance|outlook|"
                            # ... and what others expected: the consensus, not the outcome
                            r"(?:原本|原先|本来|分析师|华尔街)的?(?:预计|预期|预估)|consensus|"
                            r"analysts?(?:')? (?:had )?(?:expected|expectations?|estimates?|forecasts?)")
FORECAST_ASKED = re.compile(r"目标|预测|预估|估计|target|forecast|estimate|projection|projected")
# How much a figure moved, not its level ("cost increased by how much"): only then does a change answer.
CHANGE_ASKED = re.compile(r"increase|decrease|grew by|rose by|fell by|(?<!ex)change|增加|减少|变化|变动")
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
# A plan named by its year: "the 2024 stock option plan", "2024年员工持股计划" (but a year's
# annual bonus plan, or its pay outside the equity plans, is that year's)
PLAN_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年?度?(?=\s*(?:(?!non|annual)[a-z-]+\s+){0,3}(?:incentive|equity|stock|"
                       r"option|share|purchase|omnibus|award)\s+(?:\w+\s+)?plan\b|(?:(?![的非])[\u4e00-\u9fff]){0,10}"
                       r"(?:激励|持股|期权)计划)")
# A year asked as a fiscal or financial year: the whole year ("2025财年", "fy25", "fiscal 2025", "2024年度")
FISCAL_YEAR = re.compile(r"(?<![a-z0-9])(?:fy|fiscal(?:\s+year)?)\s*'?((?:19|20)?\d\d)(?![\d%q])|"
                         r"(?<!\d)((?:19|20)\d\d)\s*(?:财年|财政年度|会计年度|年度)(?!第?[一二三四1-4上下]|[qh]\d)")
# A debt's maturity names the debt ("the notes due 2031", "票据于2031年到期"), not the period asked
MATURITY_YEAR = re.compile(MATURITY_WORDS + r"((?:19|20)\d\d)|((?:19|20)\d\d)" + MATURES_AFTER)
YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*(?:[-–—~至到]|to)\s*(?:19|20)?\d\d")
HOW_MUCH = re.compile(r"\bhow much\b(?! of\b)")
# A measure that names the kind of a deal ("a tenant's capacity agreement", "a power purchase agreement",
# "电力采购协议") names the deal, not what is asked of it.
DEAL_NOUN = re.compile(r"\s*(?:deal|agreement|contract|order|commitment|reservation|lease|purchase agreement)s?\b|"
                       r"(?:采购)?(?:合同|协议|订单|合约)")
# A clause that describes a noun of the question or sets the scene ("racks whose revenue was
# disputed", "after the power deal was signed"): a measure named in it is not the one asked. (A
# question word after a preposition or "and" asks: "in which quarter", "and which region".)
ASIDE = re.compile(r"(?<=[a-z0-9)] )(?<!\bin )(?<!\bof )(?<!\bfor )(?<!\bto )(?<!\bby )(?<!\bat )(?<!\bon )"
                   r"(?<!\band )(?<!\bor )(?<!\bfrom )(?<!\bwith )(?:whose|which|who|where)\s[^,;?]*|"
                   r"(?<![a-z])(?:after|following|because|net of|excluding|instead of|rather than|other than|"
                   r"apart from|besides|as (?:an? |the )?alternative to)\s[^,;?]*|"
                   # what is taken off or set aside: "扣除发行费用后", "除研发费用以外"
                   r"(?:扣除|扣掉|减去|剔除|除去)[^，,；;？?]{1,12}?(?:以后|之后|后)|除了?[^，,；;？?]{1,12}?(?:以外|之外)|"
                   # what the asked figure is found in: "在该笔交易的对价中，现金部分…", "那份合同里，首年服务费…"
                   r"[^，,；;？?]{2,30}?(?:当中|之中|中|里)(?=\s*[，,])")
# A second question word after "and" starts a second part ("how many X and how many Y", "多少X、多少Y").
# ("还有多少" asks how much is left: one question)
PART_SPLIT = re.compile(r"[？?；;]\s*|(?:，|,)?\s*(?:以及|另外|同时|此外|还有(?!多少|几)|并且|and also|also tell me|"
                        r"as well as|plus)\s*|,?\s+and\s+(?=how (?:many|much)\b|what\b)|"
                        r"(?<=[\u4e00-\u9fffa-z0-9])(?<!总)(?:和|、)(?=多少|几)")


def whole_years(pers: tuple[str, ...], norm: str) -> tuple[str, ...]:
    """A year asked as a fiscal or financial year ("2025财年", "fy2025", "2024年度") is the whole
    year ("2025y"), which a half year's or a quarter's figure does not answer:
    ``whole_years(("2025",), "2025财年的营收")`` -> ``("2025y",)``; ``whole_years(("2025",), "2025年的营收")``
    -> ``("2025",)``."""
    named = {_year4(a or b) for a, b in FISCAL_YEAR.findall(norm)}
    return tuple(f"{p}y" if p in named else p for p in pers)


def _year4(year: str) -> str:
    return year if len(year) == 4 else f"20{year}"


def named_years(norm: str) -> tuple[str, ...]:
    """The years that name what is asked, not its period: ``named_years("2023年股票激励计划下
    notes due 2031的利率")`` -> ``("2023", "2031")``."""
    return tuple(m.group(1) for m in PLAN_YEAR.finditer(norm)) + \
        tuple(m.group(1) or m.group(2) for m in MATURITY_YEAR.finditer(norm))
