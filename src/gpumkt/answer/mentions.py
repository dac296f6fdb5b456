"""Who and where a question names: the company groups it mentions (not a firm quoted only as a
figure's source, a subsidiary's own legal name, or a company named only in the report's
description), the words of a name in English glossing one found, and the sites, classes and
places a question narrows to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gpumkt.answer.asked import FIRM_WORDS, source_only, version_after
from gpumkt.lang import vocab
from gpumkt.lang.legal_names import TRADE_WORDS
from gpumkt.lang.text import normalise


@dataclass(frozen=True)
class Mention:
    key: str  # group key
    forms: tuple[str, ...]
    text: str  # as found in the question (normalised)
    version: str = ""  # the model or generation written after the name: "4" in GPT-4, "3" in Llama 3


# A phrase set off by commas right after a name says who it is ("Acme (甲乙), the lessor of
# Beta's campus, …"): it describes the company asked, the passage with the figure need not repeat it
APPOSITION = re.compile(r",\s+(?:the|a|an)\s+[^,?;]{3,80}?(?=,\s)")


def without_apposition(text: str, ents: tuple[Mention, ...]) -> str:
    """``text`` less a phrase in apposition to a name of ``ents`` (or to a bracketed gloss after one):
    ``"did acme, the lessor of beta's campus, book"`` -> ``"did acme , book"``."""
    for m in reversed(list(APPOSITION.finditer(text))):
        before = text[:m.start()].rstrip()
        if before.endswith((")", "）")) or any(before.endswith(f) for e in ents for f in e.forms + (e.text,)):
            text = text[:m.start()] + " " + text[m.end():]
    return text


def glossed_names(question: str, texts: list[str]) -> list[str]:
    """A company's name in English glossed by a name found ("Jiayi Cloud (甲乙云)") is the
    same company's, no word asked, and so is all of the gloss that holds the name found (its city
    or legal form too: "北京甲乙云"): ``glossed_names("How fast did Beijing Jiayi (北京甲乙云) grow?",
    ["甲乙云"]) -> ["beijing jiayi", "北京甲乙云"]``."""
    out = []
    for m in re.finditer(r"((?:[A-Z][\w.&'-]*\s+){1,4})[(（]\s*([^()（）a-zA-Z]{2,20}?)\s*[)）]", question):
        gloss = normalise(m.group(2))
        if any(t in gloss for t in texts):
            out += [normalise(m.group(1)).strip()] + ([] if gloss in texts else [gloss])
    return out


# A run of three or more capitalised words ("Acme Compute Funding II", "Larch Credit Income Fund"),
# not a title-case question ("What Was …")
NAME_RUN = re.compile(r"(?<![A-Za-z0-9'])(?:[A-Z][A-Za-z0-9&.\-]*\s+){2,}[A-Z][A-Za-z0-9&.\-]*(?![A-Za-z0-9])")
QUESTION_WORD = re.compile(r"\b(?:What|How|Which|Who|When|Where|Why|Was|Is|Did|Does)\b")


def words_of_names(question: str) -> set[str]:
    """The measure words a name is made of, in a run of capitalised words but not its last word:
    ``words_of_names("What floor applies to Acme Compute Funding II?") -> {"funding"}``."""
    out = set()
    for m in NAME_RUN.finditer(question):
        if not QUESTION_WORD.search(m.group()):
            inner = normalise(m.group().rsplit(None, 1)[0])
            out |= {inner[a:b] for a, b, _ in vocab.find(inner, vocab.metrics())}
    return out


MARKET_WORD = re.compile(r"\bmarkets?\b|\bindustry\b|\bsector\b|市场|行业|产业")


def not_descriptive(ents: tuple[Mention, ...], norm: str, desc: str) -> tuple[Mention, ...]:
    """Leave out the companies named only in the description of a report ("the report on Acme")
    when the question asks about another company or a market; they name the report, not what
    its figure is about. "the article on Acme, what drives the company's growth?" keeps Acme.

    ``not_descriptive((acme, beta), "in the report on acme, what is beta's revenue?", "the
    report on acme")`` -> ``(beta,)``
    """
    if not desc:
        return ents
    outside = norm.replace(desc, " ")
    if any(m.text in outside for m in ents) or MARKET_WORD.search(outside):
        return tuple(m for m in ents if m.text in outside)
    return ents


def mentions(question: str, norm: str, names: list[vocab.Group]) -> tuple[list[Mention], list[str]]:
    """Name groups the question uses, and the names (with their firm's words) it quotes only as
    the source of a figure. A plain lower-case English word ("modal", "lambda") is only a name when
    the question capitalises it or the group also has a non-Latin form."""
    out, sources = [], []
    found = vocab.find(norm, names)
    for a, b, g in found:
        written = question_slice(question, norm, a, b)
        plain_word = re.fullmatch(r"[a-z]+", g.key) and all(re.fullmatch(r"[a-z .\-]+", f) for f in g.forms)
        if plain_word and written and written[0].islower():
            continue
        if re.match(r"[- ]based\b|[- ]headquartered\b", norm[b:]):
            continue  # "the Shanghai-based operator": where a company is, not a company asked
        if _inside_other_firm(norm, b):
            continue  # 东莞拓岭液冷技术有限公司: a subsidiary with a name of its own, not 拓岭
        if source_only(norm, a, b, any(x >= b for x, _, _ in found)) and g.key not in _known_keys():
            sources.append(norm[a:b] + re.match(FIRM_WORDS, norm[b:]).group(0))
            continue  # "Kestrel Ridge's survey": the firm that says it, not what the figure is about
        out.append(Mention(g.key, g.forms, norm[a:b], version_after(norm, b)))
    return out, sources


OTHER_FIRM = re.compile(r"([\u4e00-\u9fff]{1,10}?)(?:股份有限公司|有限责任公司|有限公司)")


def _inside_other_firm(norm: str, b: int) -> bool:
    """A name followed by words of its own before a company form is another company's legal name:
    ``_inside_other_firm("东莞拓岭液冷技术有限公司", 4) -> True``; ``("拓岭智算科技股份有限公司", 4)`` -> False
    (a trade word and the form only)."""
    m = OTHER_FIRM.match(norm, b)
    rest = m.group(1) if m else ""
    while rest and TRADE_WORDS.search(rest):
        rest = TRADE_WORDS.sub("", rest)
    return bool(rest)


def _known_keys() -> set[str]:
    return {g.key for g in vocab.known_entities()}


def question_slice(question: str, norm: str, a: int, b: int) -> str:
    """The characters of the original question at the normalised span (same length when NFKC
    kept lengths, which holds for questions without ligatures); "" when lengths differ."""
    return question[a:b] if len(question) == len(norm) else ""


# A site named by its place: 台南二号机房, 德州厂第二期, 巴淡岛算力节点 (the two characters before its
# number and kind: a place name, or the end of a longer one).
SITE = re.compile(r"([\u4e00-\u9fff]{2})(?:第?[一二三四五六七八九十\d]+(?:号|期))?(?:算力|智算|数据|计算)?"
                  r"(?:机房|新厂|工厂|厂|节点|数据中心|智算中心|园区|基地)")
NOT_PLACE = re.compile(r"^(?:自建|自有|新建|代工|晶圆|芯片|电力|服务|整机|合作|一座|这座|那座|该座|旗下|公司|全部|所有|海外|国内)$")


def sites_in(norm: str) -> tuple[str, ...]:
    """The place each site a question asks about is named after: ``sites_in("钧云台南二号机房的利用率")``
    -> ``("台南",)``; ``sites_in("自建机房的pue")`` -> ``()``"""
    return tuple(m.group(1) for m in SITE.finditer(norm)
                 if not NOT_PLACE.match(m.group(1)) and not re.search(r"[的了在和与及是其该这那座个家]", m.group(1))) \
        + tuple(m.group(0) for m in CLASS_NAMED.finditer(norm)) \
        + tuple(stem for m in ADMIN_SITE.finditer(norm)  # "the class d notes"; 溟州市: named by the passage
                if len(stem := re.split(r"[在于的年末初底问请到省市]", m.group(1))[-1]) >= 2)


# A province, city or county a question names, by its name without the suffix ("溟州市" -> 溟州), where a
# name may start: at the start, after a year or a particle
ADMIN_SITE = re.compile(r"(?:^|(?<=[\d年在于的,、和与及从对]))([\u4e00-\u9fff]{2,4}?)全?(?:省|自治区|县|市(?![场值盈净销]))")
# A class of notes, shares or units a question names: its figures are that class's ("Class D Notes", "A类票据")
CLASS_NAMED = re.compile(r"(?<![a-z])class [a-z](?![a-z0-9])|(?<![a-z])[a-z]类(?=票据|债券|股|份额)")
