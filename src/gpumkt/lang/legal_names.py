"""Company names a filing defines for itself: a Chinese legal name with the short form it is
called by from then on, and the company's foreign (Latin) legal name beside it.

An A-share annual report names its company once in full (星衡算力科技股份有限公司), defines the short
form it uses everywhere else (（以下简称“星衡算力”）, 公司简称：星衡算力) and gives its foreign name in
the company-information table (公司的外文名称 Xingheng Compute Technology Co., Ltd.). None of these
is a pair the other rules see (辉达（NVIDIA）), so a report nobody has seen would name no company.
"""

from __future__ import annotations

import re

from gpumkt.lang.text import jieba_loaded, normalise, to_simplified

# (an association or an institute that defines a short name for itself publishes reports too:
# 甲乙产业联合会（以下简称“甲乙联”）)
LEGAL_ZH = re.compile(r"[\u4e00-\u9fff]{2,20}?(?:股份有限公司|有限责任公司|有限公司|联合会|聯合會|协会|協會|研究院|研究所|联盟|聯盟)")
# The short form a text defines: （以下简称“X”）, 下称“X”, 公司简称：X, 公司的中文简称  X
# (a filing's table writes it in the next cell: "| 公司簡稱 | 鈞碩 |")
SHORT = re.compile(r"(?:以下简称|以下簡稱|下称|下稱|简称|簡稱)\s*[：:为為|]?\s*[“\"「『]?"
                   r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?=[”\"」』）)或,，、；;\s]|$)", re.M)
# A Latin short form of several words, to the end of its line or cell
LATIN_SHORT = re.compile(r"([A-Za-z][A-Za-z0-9&.\-]*(?: [A-Za-z0-9&.\-]+){1,4})(?=[”\"」』）),，;；\u3000|]|\s{2,}|[ \t]*$)", re.M)
# The words a text uses for whichever company it is about: a short form of this kind names no one.
GENERIC_SHORT = {"公司", "本公司", "发行人", "本集团", "集团", "本行", "我们"}
# A prospectus's definitions: 「本公司」或「甲乙」　指　甲乙控股有限公司 (the terms, then the legal name;
# in a definitions table the cells may stand for 指: "| 「甲乙」 | 甲乙控股有限公司 |")
DEFINED = re.compile(r"「([^」\n]{2,12})」(?:\s*或\s*「([^」\n]{2,12})」)?\s*(?:\|\s*(?:指\s*\|?\s*)?|指\s*\|?\s*)"
                     r"([\u4e00-\u9fff]{2,20}?有限公司)")
LEGAL_LATIN = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z&\-]*(?:\s+[A-Z][A-Za-z&\-]*){0,5},?\s+"
                         r"(?:Co\.,?\s*Ltd\.?|Inc\.|Corp\.|Corporation|Limited|Ltd\.|LIMITED|LTD\.|INC\.|CORP\.)")
# What a Latin legal name ends with besides the name: "Technology Co., Ltd.", "Holdings Limited"
LATIN_TAIL = re.compile(r"(?i:\s+(?:Technology|Technologies|Holdings?|Group|Information|Network|Networks|"
                        r"Intelligence|Data|Electronics?|Software|Industrial|Development|International|"
                        r"Co\.,?\s*Ltd\.?|Inc\.|Corp\.|Corporation|Limited|Ltd\.)|,)+$")
COMPANY_FORM = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)$")
# What a Chinese company name says of its trade after its own name (甲乙科技, 丙丁电子, 戊己云端):
# a reader shortens 甲乙科技 to 甲乙, as people do.
TRADE_WORDS = re.compile(r"(?:科技|技术|技術|电子|電子|集团|集團|控股|实业|實業|信息|资讯|資訊|网络|網絡|"
                         r"通讯|通訊|通信|半导体|半導體|云端|雲端|数科|數科|股份|算力|智算)$")
# A short form for a document or a deal defined beside a company's name ("《关于对甲乙科技股份有限公司
# 2024年年报的问询函》（以下简称“问询函”）"): no name of the company
PAPER_SHORT = re.compile(r"(?:函|报告|報告|公告|协议|協議|合同|合约|合約|办法|辦法|规则|規則|意见|意見|通知|决议|決議|"
                         r"章程|计划|計劃|书|書|方案|交易|发行|發行)$")
# A short form defined right after a security's name is the security's ("…国内第二次无担保转换公司债（简称
# “甲乙二”）"): no name of the company that issued it
SECURITY_BEFORE = re.compile(r"(?:公司债|公司債|债券|債券|票据|票據|转债|轉債)\s*[（(]?\s*$")
NEAR_LINES = 3  # a foreign name this close to the Chinese legal name (the same information table)


def defined_names(text: str) -> list[set[str]]:
    """Name groups (normalised forms) a text defines for companies by their legal names.

    ``defined_names("甲乙算力科技股份有限公司（以下简称“甲乙算力”）\\n外文名称 Jiayi Compute Co., Ltd.")``
    -> ``[{"甲乙算力科技股份有限公司", "甲乙算力", "jiayi compute co., ltd.", "jiayi compute"}]``
    """
    groups: dict[str, set[str]] = {}
    for m in LEGAL_ZH.finditer(text):
        legal = _standalone(text, _own_name(m.group(0)))
        if legal:
            groups.setdefault(legal, set())
    single = len(set(LEGAL_ZH.findall(text))) == 1
    lines = text.splitlines()
    where = {legal: [i for i, line in enumerate(lines) if legal in line] for legal in groups}
    owners = {m.start(): _defined_for(text, m.start()) for m in SHORT.finditer(text)}  # once per text, not per name
    for legal, forms in groups.items():
        foreign = _foreign(lines, legal, where)
        forms |= _shorts(text, legal, single, owners) | foreign
        bare = COMPANY_FORM.sub("", legal)
        # 甲乙科技股份有限公司, called 甲乙科技 everywhere after its first line; a company whose text
        # gives its foreign legal name is its own subject, called so by readers whether or not it says so
        if forms and (foreign or text.count(bare) > text.count(legal)):
            forms.add(bare)
    out = [{normalise(legal)} | {normalise(f).strip() for f in forms} for legal, forms in groups.items() if forms]
    return out + english_definitions(text)


# An English filing's conventions: '"we", "us", "our company" and "Tianqu" refer to Tianqu AI Cloud
# Holdings Limited' (or '"Acme" means Acme Cloud, Inc.'): the quoted names that are not pronouns
# or the generic "the Company" are the legal name's short forms.
DEFINED_EN = re.compile(r"((?:[“\"][^”\"\n]{1,40}[”\"](?:,?\s*(?:and|or)?\s*)){1,8})\s*(?:refers?\s+to|means?)\s+"
                        r"((?:[A-Z][A-Za-z0-9&\-.]*,?\s+){0,6}?(?:Limited|Ltd\.|Inc\.|Corp\.|Corporation|Holdings|plc))(?![A-Za-z])")
GENERIC_EN = {"we", "us", "our", "our company", "the company", "company", "the group", "group", "the issuer",
              "the registrant"}


def english_definitions(text: str) -> list[set[str]]:
    """``english_definitions('"we", "our company" and "Acme" refer to Acme Cloud Holdings Limited, a …')``
    -> ``[{"acme cloud holdings", "acme cloud", "acme"}]``"""
    out = []
    for m in DEFINED_EN.finditer(text):
        # (American style keeps the comma inside the quotes: '"Acme," "we" and "us" refer to …')
        shorts = {q.rstrip(",;. ") for q in re.findall(r"[“\"]([^”\"\n]+)[”\"]", m.group(1))
                  if q[:1].isupper() and q.rstrip(",;. ").lower() not in GENERIC_EN}
        if shorts:
            legal = m.group(2)
            words = LATIN_TAIL.sub("", legal).split()  # "Tianqu AI" of "Tianqu AI Cloud" too
            lead = {" ".join(words[:k]) for k in range(2, len(words) + 1)} if words[0] in shorts else set()
            out.append({normalise(f).strip() for f in shorts | lead | {legal}})
    return out


# The legal forms an English company name ends with
LATIN_FORMS = r"Limited|Ltd\.|Inc\.|Corp\.|Corporation|plc|LLC"
# Between two words of a name: a space, or the line break of a text saved hard-wrapped (an EDGAR
# filing's "Acme Compute\nHoldings, Inc.")
GAP = r"(?: |\n)"
# A legal name followed by the forms the text will call it by: 'Meridell Compute, Inc. ("Meridell" or the
# "Sponsor")'; a quoted form after "the" is a role the document gives it, not a name ("the Sponsor").
# (an appositive may come between: 'Acme Cloud, Inc., a Delaware corporation (the "Sponsor" or "Acme")')
LEGAL_THEN_FORMS = re.compile(r"((?:[A-Z][A-Za-z0-9&\-]*,?" + GAP + r"){1,6}?(?:" + LATIN_FORMS + r"|L\.P\.))"
                              + r"(?:,\s+an?\s+(?:[A-Za-z\-]+\s+){0,5}?[a-z]+,?)?"
                              + GAP + r"?\(((?:\s*(?:(?:,|and|or)\s*)?(?:the\s+)?[“\"][^”\"\n()]{1,40}[”\"]){1,6})\)")
# A defined term: '(the "Issuer")', '(together, the "Notes")', '"DSCR" means …', '"Appraised Value" shall mean'
# ('(“Kelvra”)' after a name is its short name, no term)
TERM = re.compile(r"\((?:together,\s*|collectively,\s*)?(?:the|each\s+a|each\s+an|a|an)\s+[“\"]([A-Z][^”\"\n()]{0,40})[”\"]|"
                  r"(?<![A-Za-z])the\s+[“\"]([A-Z][^”\"\n()]{0,40})[”\"]|"
                  r"[“\"]([A-Z][^”\"\n()]{0,40})[”\"]\s+(?:means|shall mean|refers to|has the meaning)")


# A Latin name with its legal form after it ("Brindle Compute, Inc.", "Acme Cloud Corporation"), where
# no ticker or quoted short form comes with it: a page's footer, a letter's signature.
NAME_THEN_FORM = re.compile(r"(?<![A-Za-z])((?:[A-Z][A-Za-z0-9&\-]*" + GAP + r"){0,3}[A-Z][A-Za-z0-9&\-]*),?" + GAP +
                            r"(?:" + LATIN_FORMS + r")(?![A-Za-z])")
LEADING_WORDS = re.compile(r"^(?:(?:The|A|An|And|For|In|On|At|By|From|With|Of|Our|Its|See|To)\s+)+")


def latin_legal_names(text: str) -> list[str]:
    """The names before a Latin legal form, less the sentence's first words:
    ``latin_legal_names("© 2025 The Acme Cloud, Inc. All rights reserved. NVIDIA Corporation")``
    -> ``["Acme Cloud", "NVIDIA"]``"""
    return [n for m in NAME_THEN_FORM.finditer(text) if (n := LATIN_TAIL.sub("", LEADING_WORDS.sub("", _one_line(m.group(1)))).strip())]


# An announcement's masthead: the issuer's legal name on a line of its own, then where it is
# incorporated or its stock code, in brackets on the next line
# (the legal form a name on a cover or masthead ends with, in capitals or not)
LEGAL_END = r"LIMITED|Limited|INC\.|Inc\.|CORPORATION|Corporation|PLC|plc|LTD\.|Ltd\."
MASTHEAD = re.compile(r"^[ \t]*((?:[A-Z][A-Za-z0-9&\-]*[ \t]+){1,6}(?:" + LEGAL_END + r"))[ \t]*\r?\n[ \t]*"
                      r"[(（](?i:incorporated|stock code|a company|nasdaq|nyse|hkex)", re.M)


def masthead_names(text: str) -> list[set[str]]:
    """The issuer an announcement's masthead names, with its name less the legal form: the document
    calls it "the Company" from then on, so it gives no short form of its own.
    ``masthead_names("ACME COMPUTE HOLDINGS LIMITED\n(Incorporated in Bermuda)")``
    -> ``[{"acme compute holdings limited", "acme compute holdings", "acme compute"}]``"""
    return [{normalise(f).strip() for f in _latin_forms(m.group(1))} for m in MASTHEAD.finditer(text)]


def _latin_forms(legal: str) -> tuple[str, str, str]:
    """A Latin legal name, the name less its legal form, and less its trade words too:
    ``_latin_forms("Acme Compute Holdings Limited") -> ("Acme Compute Holdings Limited", "Acme Compute Holdings", "Acme Compute")``"""
    return legal, re.sub(r"(?i)\s+(?:" + LATIN_FORMS + r")$", "", legal), LATIN_TAIL.sub("", legal)


# A Chinese legal name with its English one after it, in brackets or on the next line, as a Hong
# Kong filing's cover and definitions write them: "甲乙控股有限公司（JIAYI HOLDINGS LIMITED）"
BILINGUAL = re.compile(r"([\u4e00-\u9fff]{2,20}?(?:股份有限公司|有限公司))[ \t]*(?:[（(][ \t]*|\r?\n[ \t]*)"
                       r"((?:[A-Z][A-Za-z0-9&\-]*[ \t]+){1,7}(?:" + LEGAL_END + r"|CO\., LTD\.|Co\., Ltd\.))(?![A-Za-z])")
LEAD_CHARS = re.compile(r"^[指即为為及与與和向由之的或而、]+")


def bilingual_names(text: str) -> list[set[str]]:
    """A Chinese legal name paired with its English legal name, with the English name less its
    legal form and less its trade words: ``bilingual_names("指甲乙控股有限公司（JIAYI COMPUTE HOLDINGS LIMITED）")``
    -> ``[{"甲乙控股有限公司", "甲乙控股", "甲乙", "jiayi compute holdings limited", "jiayi compute holdings", "jiayi compute"}]``"""
    out = []
    for m in BILINGUAL.finditer(text):
        latin, han = m.group(2), LEAD_CHARS.sub("", m.group(1))
        forms = (han, *_trade_ladder(COMPANY_FORM.sub("", han)), *_latin_forms(latin))
        out.append({normalise(f).strip() for f in forms if f.strip()})
    return out


def _trade_ladder(name: str) -> list[str]:
    """The name and each shorter one left by dropping its trade words one by one, down to two
    characters that are no common word: ``_trade_ladder("甲乙科技集团") -> ["甲乙科技集团", "甲乙科技", "甲乙"]``."""
    out = [name]
    while (shorter := TRADE_WORDS.sub("", out[-1])) != out[-1] and len(shorter) >= 2 and not common_word(shorter):
        out.append(shorter)
    return out


def _one_line(name: str) -> str:
    """``_one_line("Acme Compute\\nHoldings, Inc.") -> "Acme Compute Holdings, Inc."``"""
    return " ".join(name.split())


def legal_short_forms(text: str) -> list[set[str]]:
    """``legal_short_forms('Meridell Compute, Inc. ("Meridell" or the "Sponsor")')``
    -> ``[{"meridell compute, inc.", "meridell compute", "meridell"}]``; the same for
    ``'Acme Cloud, Inc. (“Acme,” or the “Company”)'`` and ``'Acme Cloud, Inc., a Delaware corporation
    (the "Sponsor" or "Acme")'``."""
    out = []
    for m in LEGAL_THEN_FORMS.finditer(text):
        quoted = re.findall(r"(the\s+)?[“\"]([^”\"]+)[”\"]", m.group(2))
        # ('(“Acme,” or the “Company”)': an American comma stands inside the quotes)
        shorts = {q.strip().rstrip(",;") for the, q in quoted
                  if not the and q[:1].isupper() and q.strip().rstrip(",;").lower() not in GENERIC_EN}
        if shorts:
            legal = _one_line(m.group(1))
            out.append({normalise(f).strip() for f in shorts | {legal, LATIN_TAIL.sub("", legal)}})
    return out


def defined_terms(text: str) -> set[str]:
    """The capitalised terms an English document defines for itself, lower-cased, less the short names
    of companies: ``defined_terms('Acme Funding LLC (the "Issuer") … "DSCR" means …') -> {"issuer", "dscr"}``"""
    found = {normalise(next(g for g in m.groups() if g)).strip() for m in TERM.finditer(text)}
    return found - {f for forms in legal_short_forms(text) + english_definitions(text) for f in forms}


def _own_name(match: str) -> str:
    """The legal name without the words of the sentence before it (本报告仅供…公司 -> the company)."""
    simple = to_simplified(match)  # (the words are simplified: "與香港聯合交易所有限公司" is cut too)
    if len(simple) != len(match):
        simple = match
    name = match[max((m.end() for m in SENTENCE_WORDS.finditer(simple)), default=0):]
    return name if len(name) >= 6 else ""


SENTENCE_WORDS = re.compile(r"[的之在是和与及了为将从对由以等向把被让使供于、，。：:]")


def _standalone(text: str, legal: str) -> str:
    """The legal name without a verb glued before it, when the text writes it alone elsewhere:
    ``_standalone("乙科技股份有限公司\\n甲评定乙科技股份有限公司", "评定乙科技股份有限公司") -> "乙科技股份有限公司"``."""
    for k in range(1, len(legal) - 5):
        bare = COMPANY_FORM.sub("", legal[k:])
        if len(bare) < 2 or TRADE_WORDS.fullmatch(bare):
            break  # "科技股份有限公司" alone is no name
        if re.search(r"(?:^|[^\u4e00-\u9fff])" + re.escape(legal[k:]), text):
            return legal[k:]
    return legal


def _shorts(text: str, legal: str, single: bool, owners: dict[int, str]) -> set[str]:
    """Short forms defined right after the legal name (or right before it: a filing's table of
    basic data writes 公司簡稱 beside 公司名稱), or on a line of their own (公司简称：X) when the text
    has this one legal name (``single``); ``owners``: the legal name each short form stands for, by offset."""
    out = set()
    for m in SHORT.finditer(text):
        # (a "以下简称" defines what its own sentence has just named, which may be a date: only a label,
        # "公司简称：X", is the one company's wherever it stands)
        label = not m.group(0).startswith(("以下", "下称", "下稱"))
        if (single and label or owners[m.start()] == legal) and not SECURITY_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            out.add(m.group(1))
            whole = LATIN_SHORT.match(text, m.start(1))  # "英文簡稱：Yufeng Computer", all its words
            out |= {whole.group(1).strip()} if whole else set()
    for m in DEFINED.finditer(text):
        if m.group(3).endswith(legal) and _own_name(m.group(3)) == legal:
            out |= {g for g in m.groups()[:2] if g}
    # 昱锋电脑股份有限公司（昱锋）: its first characters in brackets right after it (a filing's header)
    for m in re.finditer(re.escape(legal) + r"\s*[（(]\s*([\u4e00-\u9fff]{2,8})\s*[)）]", text):
        if m.group(1)[:2] == legal[:2]:
            out.add(m.group(1))
    return {s for s in out if normalise(s) not in GENERIC_SHORT and s != legal and not PAPER_SHORT.search(s)}


def _defined_for(text: str, at: int) -> str:
    """The legal name a short form defined at ``at`` stands for: the last one in the 60 characters
    before it ("甲评级有限公司（以下简称“甲评级”）评定乙科技股份有限公司（以下简称“乙科技”）": 乙科技 is
    乙's, not 甲's), else the first in the 60 after it (a table's 公司简称 cell beside 公司名称). A name in
    an earlier sentence or paragraph is not the one defined: "…甲乙科技股份有限公司国内第三次公司债。\n\n
    发行日期\n\n民国114年3月18日（以下简称「发行日」）" defines a date."""
    window = text[max(0, at - 60):at]
    window = window[max(window.rfind("。"), window.rfind("\n\n")) + 1:]
    before = [_standalone(text, _own_name(m.group(0))) for m in LEGAL_ZH.finditer(window)]
    after = [_standalone(text, _own_name(m.group(0))) for m in LEGAL_ZH.finditer(text[at:at + 60])]
    return next((n for n in reversed(before) if n), "") or next((n for n in after if n), "")


def _foreign(lines: list[str], legal: str, where: dict[str, list[int]]) -> set[str]:
    """The Latin legal name within a few lines of the Chinese one, and the same without its
    company-type words ("Xingheng Compute Technology Co., Ltd." -> "Xingheng Compute"), when no
    other Chinese legal name is nearer to it (``where``: the lines each is written on; a Hong
    Kong cover's "香港交易及結算所有限公司…並不負責" disclaimer sits beside the issuer's names)."""
    out = set()
    for i in where[legal]:
        for j in range(max(0, i - NEAR_LINES), min(len(lines), i + NEAR_LINES + 1)):
            if _nearest_legal(j, where, lines) != legal:
                continue
            for m in LEGAL_LATIN.finditer(lines[j]):
                full = m.group(0)
                out |= {full, LATIN_TAIL.sub("", full)}
    return {f for f in out if len(f) >= 3} if len({f for f in out if LEGAL_LATIN.fullmatch(f)}) == 1 else set()


def _nearest_legal(j: int, where: dict[str, list[int]], lines: list[str]) -> str:
    """The Chinese legal name written nearest line ``j``: fewest lines away, then above it (a name
    comes before its translation), then first on its line."""
    near = [(abs(i - j), i > j, lines[i].find(legal), legal) for legal, at in where.items() for i in at
            if abs(i - j) <= NEAR_LINES]
    return min(near)[3] if near else ""


COMMON = 100  # a word jieba's dictionary counts this often is an ordinary word (数据 5232), not a name


def common_word(word: str) -> bool:
    """An ordinary Chinese word by the count in jieba's general dictionary (simplified script):
    ``common_word("数据") -> True``; ``common_word("甲乙") -> False``."""
    return jieba_loaded().dt.FREQ.get(to_simplified(word), 0) >= COMMON
