"""Companies a text writes with a stock code (甲乙算力（688001.SH）, a table's "603917.SH  丙丁信息"
row), the name at the end of a run of characters before a bracket, the short forms readers cut
a Chinese name to, and which words are ordinary words rather than names.
"""

from __future__ import annotations

import re

from gpumkt.lang.legal_names import COMPANY_FORM, TRADE_WORDS, common_word
from gpumkt.lang.text import FUNCTION_CHARS, jieba_loaded, normalise, to_simplified

# The label a stock code may be written after: 甲乙科技股份有限公司（股票代號：8814）; with it a
# four-digit code is no year
CODE_LABEL = r"(?:股票|证券|證券)代[码碼号號]\s*[:：]?\s*"
# A listed company written with its stock code, and perhaps its Latin name in the same brackets:
# 甲乙算力（688001.SH）, 丙丁云(301002.SZ，Bingding Cloud), 戊己（2659.HK，英文名 Wuji Compute）, or with
# where it is listed: 庚辛科技股份有限公司（股票代號：7311，臺灣證券交易所上市）
STOCK_CODE = re.compile(r"([\u4e00-\u9fff]{2,12})\s*[（(]\s*(?:" + CODE_LABEL + r"\d{4,6}|\d{6}(?:\.(?:SH|SZ|BJ))?|\d{4,5}\.HK|"
                        r"[A-Z]{1,5}\.(?:US|N|O))\s*(?:[)）]|[,，]\s*(?:英文名称?|英文)?\s*[:：]?\s*"
                        r"([A-Z][A-Za-z&\- ]{1,40}?)?\s*[)）]|[,，][^()（）\n]{0,24}?(?:上市|上櫃|上柜|掛牌|挂牌)\s*[)）])", re.I)
# ... and a table row that gives the code in one cell and the name in the next ("603917.SH  玄衡信息")
CODE_CELL = re.compile(r"(?<![\w.])(?:\d{6}\.(?:SH|SZ|BJ)|\d{4,5}\.HK)(?:\s{2,}|\s*\|\s*)([\u4e00-\u9fff]{2,8})(?=\s{2,}|\s*\||\s*$)",
                       re.I | re.M)
LEAD_WORDS = re.compile(rf"{FUNCTION_CHARS}|、|龙头|龍頭|公司|企业|企業|厂商|廠商")


def listed_names(text: str) -> list[set[str]]:
    """Chinese names a text writes with a stock code (trimmed to the name's own characters: the
    longest ending of the run before the code that the text also uses elsewhere), each with the
    Latin name given beside the code.

    ``listed_names("算力龙头甲乙算力（688001.SH，Jiayi Compute）增长最快。甲乙算力的毛利率")``
    -> ``[{"甲乙算力", "jiayi compute"}]``; a table's "603917.SH  丙丁信息" row gives ``{"丙丁信息"}``.
    """
    out = []
    for m in STOCK_CODE.finditer(text):
        form = COMPANY_FORM.search(m.group(1))
        names = _legal_listed(m.group(1), form) if form else {name_ending(LEAD_WORDS.split(m.group(1))[-1], [text])}
        if len(min(names, key=len)) >= 2:
            out.append({normalise(n) for n in names} | ({normalise(m.group(2)).strip()} if m.group(2) else set()))
    return out + [{normalise(m.group(1))} for m in CODE_CELL.finditer(text) if not common_word(m.group(1))]


def _legal_listed(run: str, form: re.Match) -> set[str]:
    """A legal name written with its code: the name, with and without its company form (the name
    without its trade word, 甲乙, is ``mining._add_cores``'s, as for every company).

    ``_legal_listed("龙头甲乙科技股份有限公司", <股份有限公司>) -> {"甲乙科技股份有限公司", "甲乙科技"}``"""
    bare = LEAD_WORDS.split(run[:form.start()])[-1]
    return {bare, bare + form.group(0)}


def short_cores(forms: set[str]) -> set[str]:
    """The names a reader shortens a company's Chinese names to, by dropping the trade word at
    their end (normalised forms in, normalised forms out; two characters at least).

    ``short_cores({"甲乙科技", "jiayi technology"}) -> {"甲乙"}``; ``short_cores({"甲云"}) -> set()``
    """
    out = set()
    for form in forms:
        core = TRADE_WORDS.sub("", normalise(form)) if re.search(r"[\u4e00-\u9fff]$", form) else form
        if core != form and len(core) >= 2 and re.fullmatch(r"[\u4e00-\u9fff]+", core) and not common_word(core):
            out.add(core)
    return out


def name_ending(run: str, texts: list[str]) -> str:
    """The name at the end of a run of Chinese characters that stands before a bracket: its longest
    ending that the texts use twice, whole or without its trade word (two characters at least, and
    more than a trade word), else the run when it is short.

    ``name_ending("新客户甲乙云端", ["新客户甲乙云端（Jiayi）…甲乙的订单"]) -> "甲乙云端"``
    """
    used = lambda form: len(form) >= 2 and sum(t.count(form) for t in texts) >= 2  # noqa: E731
    if _generic(run):
        return ""  # a company form with at most a trade word (科技股份有限公司), which every such name ends with
    if used(run):
        return run
    # an ending starts where a word does (高性能计算 is no name 能计算)
    endings = [run[i:] for i in _word_starts(run) if 0 < i < len(run) - 1 and not _generic(run[i:])]
    return next((e for e in endings if not common_word(e) and (used(e) or _core_used(e, used))),
                run if len(run) <= 6 else "")


def _generic(form: str) -> bool:
    """A trade word, a company form, or both: ``_generic("科技股份有限公司") -> True``."""
    return bool(TRADE_WORDS.fullmatch(COMPANY_FORM.sub("", to_simplified(form)) or "科技"))


def _core_used(form: str, used) -> bool:
    core = TRADE_WORDS.sub("", form)
    return core != form and used(core) and not common_word(core)


def _word_starts(run: str) -> list[int]:
    """Where jieba's words start in a run of Chinese characters: ``_word_starts("新客户甲乙云端")
    -> [0, 1, 3, 5]``."""
    simple = to_simplified(run)
    if len(simple) != len(run):
        return list(range(len(run)))
    return [start for _, start, _ in jieba_loaded().tokenize(simple)]
