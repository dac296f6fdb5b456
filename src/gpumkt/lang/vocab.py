"""The field's general vocabulary (``data/vocab.json``); names mined from the documents join it in ``mining``.

A *group* is one thing under all its written forms (营收 / 營收 / revenue); its key is its first
form, normalised. Finding groups in a text takes the longest form first, so 年度经常性收入 is ARR
and not 收入.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from gpumkt.lang.text import normalise

# Upper-case words that are vocabulary, not names: they never make a sentence "about" a company.
GENERAL_CAPS = set("ai gpu gpus cpu cpus tpu api apis llm llms hbm ipo ceo cfo cto ttm ltm ntm yoy qoq usd rmb "
                   "gaap non-gaap eps arr capex rpo fy q1 q2 q3 q4 h1 h2 us u.s. uk eu pdf faq roi saas "
                   "paas iaas gaas ml nlp id it pc gw mw kw tco sla r&d etf gb tb pb mb kb ghz mhz tflops pflops "
                   # units (a precision, "FP64", is no product), and a measure's qualifier
                   "fp4 fp6 fp8 fp16 fp32 fp64 bf16 tf32 int4 int8 eflops flops tops tbps gbps adjusted "
                   # a GPU's form factor, memory, storage and network standards: parts, no company
                   "sxm pcie nvl hbm3 hbm3e hbm2e gddr6 gddr7 nvme ndr hdr ssd "
                   # legal suffixes name no one, nor does where a company is registered, bracketed
                   # after its name ("甲乙控股（BVI）有限公司")
                   "nasdaq nyse inc corp ltd llc llp lp plc co gmbh bvi prc hksar".split()
                   # titles and filings, capitalised mid-sentence in English ("Chief Executive Officer",
                   # "Form 10-Q", "Series C"), and continents: no company or product
                   + "chief executive officer financial operating technology president chairman director "
                     "founder vice form series exchange commission securities asia america europe africa "
                     # a filing's defined term for whichever company it is about ("the Company")
                     "company corporation "
                     # an earnings release's title case ("Fourth Quarter Fiscal 2026 Results", "Three
                     # Months Ended"): periods and statement words, no one's name
                     "results months ended quarter fiscal highlights outlook statements consolidated "
                     "condensed reconciliation "
                     # a web page's language switch ("繁體 | English"): a language, no one's name
                     "english chinese "
                     # a slide deck's and a document's own parts ("Slide 7", "see Appendix")
                     "slide slides page appendix agenda "
                     # a stock code's exchange (688001.SH, 2659.HK) and a data centre's power efficiency
                     "sh sz bj hk pue "
                     # valuation ratios ("29倍PE") and a liquid-cooling unit ("CDU"): measures and parts
                     "pe ps peg roe roa roic ebit ebitda cdu "
                     # a time zone in a release's dateline ("8:00 a.m. ET"); a Nordic or German company form
                     "et pt est pst edt pdt ab ag gmbh asa oyj "
                     # a chip type and a web page's furniture
                     "asic fpga rss contact policy map "
                     # a US filing's own terms: its shares, classes, regulators and the registrant
                     # ("American depositary shares", "Class A", "the PCAOB", "Mr. Lu"), and a currency's name
                     "ads adss adr adrs class act exact registrant republic prc vie sec pcaob ir mr ms dr "
                     "renminbi ifrs ifrss "
                     # units of energy, emissions and water, and a sustainability report's own terms
                     # ("Scope 2", "power purchase agreements (PPAs)", "water usage effectiveness")
                     "kwh mwh gwh twh tco2e co2e co2 wue scope ppa ppas esg "
                     # a broker's ratings and its note's own words ("Overweight", "Equal-weight", "the
                     # Street's estimate", a quarter's "Preview", the "Analyst" who signs): no one's name
                     "overweight underweight equal equal-weight outperform underperform neutral street "
                     "preview analyst analysts certification disclosures "
                     # the reference rates a loan's interest is set over ("SOFR + 2.1%"): no lender
                     "sofr libor shibor hibor euribor sonia lpr "
                     # an analyst's shorthand for measures, deals and dates ("adj. GM", "EV/EBITDA", "a
                     # DDTL", "an ABS deal", "an ODM", "NRR", "at YE24"), a fund's ("YTD", "% of NAV",
                     # "AUM", "our LPs"), and a title ("Head of IR"): no one's name
                     "gm ev abs ddtl ddtls odm oem nrr ye ytd mtd nav aum lps head".split()) | set(
    # the US states a filing's cover or a campus's address names ("a Nevada corporation", "outside
    # Austin, Texas"): a place, no company
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho "
    "illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota "
    "mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah "
    "vermont virginia washington wisconsin wyoming".split())


@dataclass(frozen=True)
class Group:
    key: str  # first form, normalised
    forms: tuple[str, ...]  # normalised, longest first
    kind: str = ""  # for metrics: money | pct | count | num


QUESTION_ONLY = ("_about", "contrasts", "parts")  # read when judging a question, never when indexing


@lru_cache(maxsize=1)
def raw() -> dict:
    """``data/vocab.json`` as read (the index records its hash: a change makes it stale)."""
    return json.loads(resources.files("gpumkt").joinpath("data/vocab.json").read_text("utf-8"))


def _group(forms, kind: str = "") -> Group:
    norm = [normalise(f).strip() for f in forms]
    return Group(norm[0], tuple(sorted(set(norm), key=len, reverse=True)), kind)


@lru_cache(maxsize=1)
def metrics() -> tuple[Group, ...]:
    return tuple(_group(m["forms"], m["kind"]) for m in raw()["metrics"])


@lru_cache(maxsize=1)
def terms() -> tuple[Group, ...]:
    return tuple(_group(g) for g in raw()["terms"])


@lru_cache(maxsize=1)
def metric_kinds() -> dict[str, str]:
    """Metric key -> the kind of figure that measures it (营收 -> money)."""
    return {g.key: g.kind for g in metrics()}


@lru_cache(maxsize=1)
def english_metrics() -> dict[str, str]:
    """Metric key -> its first English form as the vocabulary lists it (营收 -> revenue)."""
    out = {}
    for m in raw()["metrics"]:
        english = [f for f in m["forms"] if re.fullmatch(r"[A-Za-z0-9 .&/\-]+", f)]
        if english:
            out[normalise(m["forms"][0]).strip()] = english[0]
    return out


@lru_cache(maxsize=1)
def known_entities() -> tuple[Group, ...]:
    return tuple(_group(g) for g in raw()["entities"])


@lru_cache(maxsize=1)
def places() -> tuple[Group, ...]:
    return tuple(_group(g) for g in raw().get("places", []))


@lru_cache(maxsize=1)
def contrasts() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Sets of opposite words (two sides or more), each side in its forms, normalised as text is:
    ((训练, training), (推理, inference)) …; the sets of ``parts`` come first."""
    return parts() + tuple(tuple(tuple(normalise(f).strip() for f in side) for side in pair)
                           for pair in raw().get("contrasts", []))


@lru_cache(maxsize=1)
def parts() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """The contrast sets whose sides are exclusive parts of a whole (训练 / 推理, business
    segments): the part a question asks about must be named by the passage that answers it."""
    return tuple(tuple(tuple(normalise(f).strip() for f in side) for side in pair)
                 for pair in raw().get("parts", []))


def all_groups() -> tuple[Group, ...]:
    return known_entities() + metrics() + terms()


def has_form(text: str, form: str) -> bool:
    """``text`` uses ``form`` (a Latin form as a whole word): ``has_form("h100 gpu", "h100") -> True``."""
    return re.search(form_pattern(form), text) is not None


def said_sides(text: str, sides) -> list[bool]:
    """Which sides of a contrast ``text`` uses, a longer form first: a form inside a longer form
    of another side is that side's ("largest" in "five largest").
    ``said_sides("the five largest customers", (("largest",), ("five largest",))) -> [False, True]``"""
    return [at >= 0 for at in _last_at(text, sides)]


def inner_sides(text: str, sides) -> list[bool]:
    """Which sides a heading path uses, as ``said_sides`` gives them, its inner section deciding:
    a path runs from the outer section to the inner, so of several sides only the last said counts.
    ``inner_sides("关于本次募集资金 三、前次募集资金使用情况", (("本次",), ("前次",))) -> [False, True]``"""
    at = _last_at(text, sides)
    inner = max(range(len(sides)), key=lambda i: at[i])
    several = sum(x >= 0 for x in at) > 1
    return [x >= 0 and (not several or i == inner) for i, x in enumerate(at)]


def _last_at(text: str, sides) -> list[int]:
    """Where ``text`` last uses each side (-1: nowhere), a longer form first and then blanked, its
    length kept, so that a shorter form inside it is not found again."""
    last = [-1] * len(sides)
    for pattern, i in _longest_first(tuple(sides)):
        found = [m.start() for m in pattern.finditer(text)]
        if found:
            last[i] = max(last[i], found[-1])
            text = pattern.sub(lambda m: "\x00" * len(m.group(0)), text)
    return last


@lru_cache(maxsize=256)
def _longest_first(sides: tuple) -> tuple:
    """A contrast's forms as compiled patterns with their side, longest first (once per contrast:
    the gate asks for every candidate sentence)."""
    forms = sorted(((f, i) for i, side in enumerate(sides) for f in side), key=lambda x: -len(x[0]))
    return tuple((re.compile(form_pattern(f)), i) for f, i in forms)


def form_pattern(form: str) -> str:
    """Latin forms match whole words (a plural s allowed; "&" for "and"); Chinese forms match anywhere."""
    if re.search(r"[a-z0-9]", form) and not re.search(r"[\u4e00-\u9fff]", form):
        # "a100" in "a10040gb" and "h100gpu": Chinese text glues a model number to what follows
        tail = r"(?!(?!gpu)[a-z])" if form[-1].isdigit() else r"(?![a-z0-9])"
        body = re.escape(form).replace(r"\ and\ ", r"\s*(?:\ and\ |&)\s*")  # "cash & marketable securities"
        body = body.replace(r"\ ", r"[\ -]")  # "gross-margin guide", "year-over-year"
        plural = "(?:s|es)?" if len(form) >= 3 else ""  # ("wa" is no plural of "was")
        return rf"(?<![a-z0-9]){body}{plural}{tail}"
    return re.escape(form)


def find(norm: str, groups, shadows=()) -> list[tuple[int, int, Group]]:
    """Non-overlapping mentions of ``groups`` in normalised text, longest form first. A mention
    lying inside a longer one of ``shadows`` is not one: "超大规模云厂商" (hyperscaler) is a
    term, and the 规模 inside it no metric.

    ``[g.key for _, _, g in find("年度经常性收入与收入", metrics())] -> ["年度经常性收入", "营收"]``
    """
    found = _find(norm, tuple(groups))
    if not shadows:
        return found
    covers = [(a, b) for a, b, _ in _find(norm, tuple(shadows))]
    return [(a, b, g) for a, b, g in found if not any(c <= a and b <= d and d - c > b - a for c, d in covers)]


MODIFIER_GAP = re.compile(r"\s?的?年?")  # "营收(年)增长率", "revenue growth": the head comes last
# A measure adjusted from the reported one (non-GAAP, 经调整): its figure is another fact than the reported one.
ADJUSTED = re.compile(r"(?:non-?|非)\s?(?:gaap|ifrs)|(?<![a-z])adjusted(?![a-z])|调整后|经调整|非公认会计准则|非通用会计准则")
# Words that hold several companies' figure together: a question asks it, a sentence gives it, of
# no single one of them.
JOINT = re.compile(r"合计|合共|加起来|一共|总共|总和|共同|两家|三家|combined|together|in total|jointly|between them")
SIZE_WORDS = ("规模", "scale", "size")  # a bare size word after a metric measures nothing of its own
VERB = re.compile(r"grow|grew|grown|growing|rise|rose|risen|increase[sd]?|expand(?:ed)?|decline[sd]?|fall|fell")
VERB_OBJECT_GAP = re.compile(r"\s+(?:its\s+|their\s+|the\s+)?")
HEAD_FIRST_GAP = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|total\s+)?")  # "cost of revenue"


def find_heads(norm: str, groups) -> list[tuple[int, int, Group]]:
    """Metric mentions, the modifier of a compound left out: it names what the head measures,
    not a second quantity.

    ``[g.key for _, _, g in find_heads("cost of revenue", metrics())] -> ["成本"]``;
    ``[g.key for _, _, g in find_heads("营收增长率", metrics())] -> ["增长率"]``
    """
    return heads(norm, find(norm, groups, terms()))


def heads(norm: str, found: list[tuple[int, int, Group]]) -> list[tuple[int, int, Group]]:
    """The mentions ``find`` gave for ``norm``, less the modifiers of compounds."""
    drop = set()
    for i in range(len(found) - 1):
        gap = norm[found[i][1]:found[i + 1][0]]
        if norm[found[i + 1][0]:found[i + 1][1]] in SIZE_WORDS and MODIFIER_GAP.fullmatch(gap):
            drop.add(i + 1)  # "营收规模" is revenue, its size: the metric before 规模 is the head
        elif HEAD_FIRST_GAP.fullmatch(gap) or VERB.fullmatch(norm[found[i][0]:found[i][1]]) and \
                VERB_OBJECT_GAP.fullmatch(gap):  # "grow revenue": the growth of revenue
            drop.add(i + 1)
        elif MODIFIER_GAP.fullmatch(gap):
            drop.add(i)
    return [m for i, m in enumerate(found) if i not in drop]


# A PDF's text wraps its lines inside a Chinese word ("北京甲乙智\n能科技有限公司"): a break
# between two Han characters is read as no break when matching forms.
HAN_BREAK = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]*\n[ \t\u3000]*(?=[\u4e00-\u9fff])")


def _find(norm: str, groups: tuple) -> list[tuple[int, int, Group]]:
    """``[(a, b) for a, b, _ in _find("甲乙营\n收", <metrics>)] -> [(2, 5)]`` (offsets into the text as given)."""
    if "\n" not in norm or not HAN_BREAK.search(norm):
        return _find_joined(norm, groups)
    keep = [True] * len(norm)
    for m in HAN_BREAK.finditer(norm):
        keep[m.start():m.end()] = [False] * (m.end() - m.start())
    where = [i for i, k in enumerate(keep) if k]
    joined = "".join(ch for ch, k in zip(norm, keep) if k)
    return [(where[a], where[b - 1] + 1, g) for a, b, g in _find_joined(joined, groups)]


def _find_joined(norm: str, groups: tuple) -> list[tuple[int, int, Group]]:
    pattern, lookup = _matcher(groups)
    out = []
    for m in pattern.finditer(norm):
        group = _group_of(m.group(0), lookup)
        if group:
            out.append((m.start(), m.end(), group))
    return out


def _group_of(text: str, lookup: dict[str, Group]) -> Group | None:
    """The group a matched text is a form of: as written, with its words joined by hyphens
    spaced, then with "&" said as "and"; each also without a plural s.
    ``_group_of("gross-margins", {"gross margin": g}) -> g``"""
    group = _plural_free(text, lookup)
    if group or not ("-" in text or "&" in text):  # (the common case costs one look-up, as before)
        return group
    spaced = text.replace("-", " ")
    return _plural_free(spaced, lookup) or _plural_free(re.sub(r"\s*&\s*", " and ", spaced), lookup)


def _plural_free(said: str, lookup: dict[str, Group]) -> Group | None:
    """The group of a form as said or without its plural ending, "s" tried before "es" (rates: rate;
    taxes: tax). ``_plural_free("discount rates", {"discount rate": g}) -> g``"""
    if said in lookup or not said.endswith("s"):
        return lookup.get(said)
    return lookup.get(said[:-1]) or (lookup.get(said[:-2]) if said.endswith("es") else None)


@lru_cache(maxsize=16)
def _matcher(groups: tuple[Group, ...]) -> tuple[re.Pattern, dict[str, Group]]:
    """One alternation of every form, longest first, so each position takes its longest form."""
    lookup: dict[str, Group] = {}
    for g in groups:
        for f in g.forms:
            lookup.setdefault(f, g)
    forms = sorted(lookup, key=len, reverse=True)
    return re.compile("|".join(form_pattern(f) for f in forms) or r"(?!)"), lookup
