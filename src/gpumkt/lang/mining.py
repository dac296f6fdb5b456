"""Names mined from the documents themselves, so that a report nobody has seen needs no entry.

Pairs a text makes itself (辉达（NVIDIA）, 阿里云 (Alibaba Cloud)), names defined or listed with a
stock code or ticker, Latin names a text never writes in lower case (CoreWeave, Fireworks.ai) and
product codes (H100) become name groups, merged with the known entities of ``data/vocab.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gpumkt.lang import periods
from gpumkt.lang.legal_names import (TRADE_WORDS, bilingual_names, defined_names, defined_terms, latin_legal_names,
                                     legal_short_forms, masthead_names)
from gpumkt.lang.listed_names import listed_names, name_ending, short_cores
from gpumkt.lang.name_runs import inside_runs, people, repeated_runs
from gpumkt.lang.text import FUNCTION_CHARS, jieba_loaded, normalise, stem
from gpumkt.lang.vocab import GENERAL_CAPS, Group, known_entities, metrics, places, terms

LATIN_NAME = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][a-z]+[A-Z][A-Za-z]*|[A-Z]{2,}[a-z]*|[A-Z][a-z]+"
                        r"(?:\.(?:ai|io|com))?)(?:\s+(?:AI|Labs|Cloud|Scientific|Energy))?(?![A-Za-z0-9])")
PAIR = re.compile(r"([\u4e00-\u9fff]{2,8})\s*[（(]\s*([A-Z][A-Za-z0-9.& \-]{1,30}?)\s*[)）]")
PAIR_REVERSED = re.compile(r"([A-Z][A-Za-z0-9.&\-]{1,20}(?: [A-Z][A-Za-z0-9.&\-]+)?)\s*[（(]\s*([\u4e00-\u9fff]{2,8})\s*[)）]")
HEADING_LINE = re.compile(r"#{1,6}\s.*|\*\*[^*\n]+\*\*:?|__[^_\n]+__:?|\d{1,2}\.\s+[A-Z][A-Za-z ,&/\-]{0,60}")
# (an amount in a currency's code, "RMB654.3 million", "USD120", is no product)
PRODUCT = re.compile(r"(?<![A-Za-z0-9])(?!(?:RMB|USD|HKD|NTD|TWD|CNY|EUR|JPY|GBP)\d)"
                     r"([A-Z]{1,3}\d{2,4}[A-Za-z]?|[A-Z][a-z]+\d{1,2}[A-Za-z]?)(?![A-Za-z0-9]|[.,]\d)")
# A column header's calendar or fiscal year ("CY2026E", "FY26") has the shape of a product code
YEAR_CODE = re.compile(r"(?:CY|FYE?|YE)\d{2}(?:\d{2})?[A-Z]?")  # a year, or its end ("YE25"): no product


def mine_names(texts: list[str]) -> list[Group]:
    """Name groups from raw document texts: pairs the text makes itself (辉达（NVIDIA）), Latin
    names whose lower-case form the texts never use as a word (CoreWeave, but not "Revenue" at the
    start of a sentence) and product codes (H100), merged with the known entity groups.

    ``[g.key for g in mine_names(["辉达（NVIDIA）的H100"]) if g.key in ("nvidia", "h100")]``
    -> ``["nvidia", "h100"]``
    """
    groups = [set(g.forms) for g in known_entities()]
    vocabulary = {f for g in metrics() + terms() for f in g.forms} | GENERAL_CAPS
    # (a link's lower-case slug, "news-releases/acme-cloud-reports", is no use of a word)
    lower_words = {w for t in texts for w in re.findall(r"(?<![A-Za-z])[a-z][a-z.]+", LINK.sub(" ", t))}
    pairs = [(name_ending(re.split(FUNCTION_CHARS, h)[-1], texts), lat) for t in texts for h, lat in
             [(m.group(1), m.group(2)) for m in PAIR.finditer(t)] +
             [(m.group(2), m.group(1)) for m in PAIR_REVERSED.finditer(t)]]
    partners: dict[str, set[str]] = {}
    for han, latin in pairs:
        partners.setdefault(han, set()).add(normalise(latin).strip())
    known = {f: set(g.forms) for g in known_entities() for f in g.forms}
    for han, latin in pairs:  # a Chinese form paired with two names is a description, not a name
        clash = normalise(han) in known and normalise(latin).strip() not in known[normalise(han)]
        if len(partners[han]) == 1 and not clash and _is_pair(han, latin, texts):
            _add(groups, {normalise(han), normalise(latin).strip()})
    for text in texts:  # 星衡算力科技股份有限公司（以下简称“星衡算力”）, with its foreign name
        for forms in defined_names(text):
            _add(groups, forms)
        for forms in listed_names(text):  # 甲乙算力（688001.SH）: a name, whatever words of the field it uses
            _add(groups, forms)
        for forms in ticker_names(text):  # "Acme Cloud (NYSE: ACME)": a name, with its ticker
            _add(groups, forms)
        for forms in chinese_names(text):  # "Our Chinese brand name: 甲乙科技"
            _add(groups, forms)
        for forms in legal_short_forms(text):  # 'Meridell Compute, Inc. ("Meridell" or the "Sponsor")'
            _add(groups, forms - lower_words)  # ('("Nimbus" or "Provider")': a role the texts use as a word)
        for forms in masthead_names(text):  # "ACME COMPUTE LIMITED" over "(Incorporated in …)"
            _add(groups, forms)
        for forms in bilingual_names(text):  # "甲乙控股有限公司（JIAYI HOLDINGS LIMITED）"
            _add(groups, forms)
    # the terms a filing defines ('the "Issuer"', '"DSCR" means'), and each of their words, are no names
    defined = {t for text in texts for t in defined_terms(text)}
    defined |= {w for t in defined for w in t.split()}
    excluded = GENERAL_CAPS | MONTHS | _place_words() | lower_words | defined
    not_names = vocabulary | defined
    runs = repeated_runs(texts, _mid_sentence, excluded)
    for forms in runs:  # "Kestrel Ridge (Research)"
        _add(groups, {normalise(f).strip() for f in forms})
    within = inside_runs(texts, {min(forms, key=len) for forms in runs})  # "Ridge" of "Kestrel Ridge"
    # (in any of its inflections: "Buyer" of a survey's title is a word the texts write as "buyers")
    lower_stems = {stem(w) for w in lower_words if re.fullmatch(r"[a-z]{4,}", w)}
    in_lower = lambda w: w.lower() in lower_words or stem(w.lower()) in lower_stems  # noqa: E731
    for word in sorted(_latin_names(texts) - within):  # sorted: the same build gives the same names.json
        if not in_lower(word) and word.split()[0].lower() not in lower_words \
                and normalise(word).strip() not in not_names:  # "Backlog" is a metric, not a name
            _add(groups, {normalise(word).strip()})
    for text in texts:
        for m in PRODUCT.finditer(text):
            if not YEAR_CODE.fullmatch(m.group(0)):
                _add(groups, {normalise(m.group(0)).strip()})
    _legal_extensions(groups, {normalise(n).strip() for t in texts for n in latin_legal_names(t)})
    _add_cores(groups, vocabulary | _place_words(), [normalise(t) for t in texts])
    known = {f for g in known_entities() for f in g.forms}
    _join_first_words(groups, known)
    persons = people(texts)  # "Jane Roe, Chief Financial Officer": she speaks for a company, she is none
    heads = _term_heads(vocabulary, known)
    groups = [g - heads for g in groups]
    return [Group(name_key(g), tuple(sorted(g, key=lambda f: (-len(f), f)))) for g in groups
            if g and (not g <= persons or g & known)]


def _term_heads(vocabulary: set[str], known: set[str]) -> set[str]:
    """The first words of the field's terms ("core" of "core ffo", "free" of "free cash flow"):
    written alone they name no company, whatever longer name starts with them."""
    return {f.split()[0] for f in vocabulary if " " in f and re.fullmatch(r"[a-z]{3,}", f.split()[0])} - known


# A company written with its ticker in brackets, on an exchange or alone: "Acme Cloud (NASDAQ: ACME)", "Acme (ACME)"
# (its legal form between them is not part of the name: "Acme Silicon, Inc. (Nasdaq: ACMS)")
LATIN_TICKER = re.compile(r"(?<![A-Za-z])((?:[A-Z][A-Za-z0-9&\-]+ ){0,3}[A-Z][A-Za-z0-9&\-]+)"
                          r"(?:,?\s+(?:Inc\.|Corp\.|Corporation|Ltd\.|Limited|plc|N\.V\.|S\.A\.|AG|SE))?\s*\(\s*"
                          r"(?:(?:NASDAQ|Nasdaq|NYSE|LSE|TSE|HKEX|OTC|TWSE)\s*:\s*)?([A-Z]{2,5})\s*\)")


def ticker_names(text: str) -> list[set[str]]:
    """Latin names a text writes with their tickers, each with the ticker (normalised); an acronym
    a phrase spells ("Annual Recurring Revenue (ARR)") is none.

    ``ticker_names("Helixgrid (NASDAQ: HLXG) rose; The Acme Cloud (ACME) fell; Acme Silicon, Inc. (Nasdaq: ACMS)")``
    -> ``[{"helixgrid", "hlxg"}, {"acme cloud", "acme"}, {"acme silicon", "acms"}]``
    """
    out = []
    for m in LATIN_TICKER.finditer(text):
        name = re.sub(r"^(?:The|A|An|And|For|In|On|At|By|From|With|Both|While)\s+", "", m.group(1))
        initials = "".join(w[0] for w in name.split()).upper()
        if initials != m.group(2) and name.upper() != m.group(2) and normalise(name).strip() not in GENERAL_CAPS:
            out.append({normalise(name).strip(), normalise(m.group(2)).strip()})
    return out


CHINESE_NAME = re.compile(r"(?i)(?:chinese\s+(?:brand\s+|company\s+|trade\s+)?name|known\s+in\s+(?:mainland\s+)?china\s+as)"
                          r"\s*(?:is\s+)?[:：]?\s*[“\"']?([\u4e00-\u9fff]{2,12})")


def chinese_names(text: str) -> list[set[str]]:
    """The Chinese name an English text gives its own company, with that company's names: the
    first company it writes with a ticker (a results deck's cover).

    ``chinese_names("Acme Silicon, Inc. (Nasdaq: ACMS) … Our Chinese brand name: 甲乙科技")``
    -> ``[{"acme silicon", "acms", "甲乙科技"}]``
    """
    first = ticker_names(text[:2000])[:1]
    return [first[0] | {normalise(m.group(1)).strip()} for m in CHINESE_NAME.finditer(text)] if first else []


def _join_first_words(groups: list[set[str]], known: set[str]) -> None:
    """A company's name written alone as the first word of its longer name ("Acme" of "Acme Cloud")
    is that company, when one mined name alone starts with it."""
    for word in sorted({f for g in groups for f in g if re.fullmatch(r"[a-z][a-z0-9\-]+", f)} - known):
        longer = [g for g in groups if word not in g and any(f.startswith(word + " ") for f in g)]
        if len(longer) == 1 and not longer[0] & known:
            _add(groups, {word} | longer[0])


def _legal_extensions(groups: list[set[str]], legal: set[str]) -> None:
    """A name mined alone ("Acme") that the texts also write as the start of a legal name with
    one more word ("Acme Cloud, Inc." in a page's footer) is called by that name too; a legal name
    no group starts is left alone (a broker's, a law firm's, a subsidiary's)."""
    for name in sorted(legal):
        words = name.split()
        owners = [g for g in groups if " ".join(words[:-1]) in g] if len(words) > 1 else []
        if len(owners) == 1 and not any(name in g for g in groups):
            owners[0].add(name)


def _add_cores(groups: list[set[str]], taken: set[str], texts: list[str]) -> None:
    """Each company's Chinese names shortened by their trade word (甲乙科技 -> 甲乙), where the short
    form is no other group's name, no place and no word of the field, and the texts (normalised)
    use it as a word where they use it alone."""
    owner: dict[str, int] = {}
    for i, g in enumerate(groups):
        for f in g:
            owner[f] = i
    for i, g in enumerate(groups):
        g |= {c for c in short_cores(g) if owner.get(c, i) == i and c not in taken and _said_alone(c, g, texts)}
        g |= {w for w in _latin_short(g) if owner.get(w, i) == i and w not in taken}


def _said_alone(core: str, forms: set[str], texts: list[str], most: int = 20) -> bool:
    """Whether a shortened name starts a word where the texts write it outside its longer forms (or
    they never do): 省算力 of 省算力集团 is only ever the end of 全省 or 溟江省 and 算力, no name.

    ``_said_alone("省算力", {"省算力集团"}, ["全省算力产业保持较快增长"]) -> False``
    """
    longer = [f for f in forms if core in f and f != core]
    seen = 0
    for text in texts:
        for m in re.finditer(re.escape(core), text):
            if any(m.start() >= f.index(core) and text.startswith(f, m.start() - f.index(core)) for f in longer):
                continue
            window = text[max(0, m.start() - 6):m.end() + 6]
            if m.start() - max(0, m.start() - 6) in {start for _, start, _ in jieba_loaded().tokenize(window)}:
                return True
            seen += 1
            if seen >= most:
                return False
    return seen == 0


def _latin_short(forms: set[str]) -> set[str]:
    """A company a text calls by the first characters of its Chinese name (瀚霄 of 瀚霄智算控股有限公司)
    is called by the first word of its Latin name too ("Hanxiao" of "Hanxiao AI Compute Holdings
    Limited"), when that word is no general one.

    ``_latin_short({"甲乙云算控股有限公司", "甲乙", "jiayi cloud holdings limited"}) -> {"jiayi"}``
    """
    han = [f for f in forms if re.fullmatch(r"[\u4e00-\u9fff]+", f)]
    if not any(a != b and b.startswith(a) for a in han for b in han):
        return set()
    firsts = {f.split()[0] for f in forms if re.fullmatch(r"[a-z][a-z\-]{3,}(?: [a-z.,&\-]+)+", f)}
    return {w for w in firsts if w not in GENERAL_CAPS and not any(w in g.forms for g in places())}


LINK = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
MONTHS = {m.lower() for m in periods.MONTH_WORDS}


def _latin_names(texts: list[str]) -> set[str]:
    """Latin words written as names: acronyms anywhere, a capitalised word only where it is
    capitalised mid-sentence at least once. A word capitalised only at the start of a line or a
    sentence, or in a heading ("Overview", "Page 1 of 3", "OVERVIEW"), is an ordinary word.

    ``_latin_names(["Overview\nRevenue grew at CoreWeave."]) -> {"CoreWeave"}``
    """
    out = set()
    for text in texts:
        terms = _spelled_acronyms(text) | _glossed_acronyms(text, texts)
        for m in LATIN_NAME.finditer(text):
            word = m.group(0)
            if word.lower() in MONTHS or word.lower() in _place_words() or word in terms:
                continue  # "Jun 30", "the United States", "annual recurring revenue (ARR)"
            if not _caps_line(text, m.start()) and (re.match(r"[A-Z]{2}", word) or _mid_sentence(text, m.start())):
                out.add(word)
    return out


def _spelled_acronyms(text: str) -> set[str]:
    """Acronyms a text defines for a phrase of ordinary words they spell: a term, not a name.
    ``_spelled_acronyms("AI compute cloud (ACC) revenue")`` -> {"ACC"}."""
    out = set()
    for m in re.finditer(r"\(([A-Z]{2,6})\)", text):
        words = re.findall(r"[A-Za-z]+", text[max(0, m.start() - 80):m.start()])[-len(m.group(1)):]
        if "".join(w[0] for w in words).upper() == m.group(1) and any(w.islower() for w in words):
            out.add(m.group(1))
    return out


# An acronym in brackets after a Chinese phrase of four or more characters: "浸没式冷却（ICX）"
GLOSS = re.compile(r"([\u4e00-\u9fff]{4,12})\s*[（(]\s*([A-Z]{2,6})\s*[)）]")


def _glossed_acronyms(text: str, texts: list[str]) -> set[str]:
    """Acronyms a Chinese text gives for a term of several characters that is no name: the
    term's abbreviation ("邊緣運算節點（ECN）"), not a company; a company's own pair ("甲乙科技（JYT）",
    used as a name elsewhere) stays a name.

    ``_glossed_acronyms("通过绿色电力交易（GETX）采购", [...]) -> {"GETX"}``"""
    return {m.group(2) for m in GLOSS.finditer(text)
            if not any(_is_pair(m.group(1)[-k:], m.group(2), texts) for k in range(2, len(m.group(1)) + 1))}


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """The Latin words of the place names ("united", "states"): part of a place, not a name."""
    return frozenset(w for g in places() for f in g.forms for w in re.findall(r"[a-z]+", f.lower()))


def _caps_line(text: str, at: int) -> bool:
    """The line holding ``at`` is an upper-case heading ("RESULTS OF OPERATIONS", "OVERVIEW",
    "ACT OF 1934"), whose words are no acronyms: no Chinese, hardly a lower-case letter."""
    line = text[text.rfind("\n", 0, at) + 1:text.find("\n", at) % (len(text) + 1)]
    letters = re.findall(r"[A-Za-z]", line)
    if re.search(r"[\u4e00-\u9fff]", line) or sum(c.islower() for c in letters) > 0.1 * len(letters):
        return False
    # a table row's label ("AWS  309  17.5%") is one word beside figures; a heading has no figures or several words
    return not re.search(r"\d", line) or len(re.findall(r"\b[A-Z]{2,}\b", line)) >= 2


def _mid_sentence(text: str, at: int) -> bool:
    """The character before ``at`` (past spaces) continues a sentence: a lower-case letter, a
    digit, a comma or a Chinese character; not a line start, a full stop or markup."""
    before = text[max(0, at - 40):at].rstrip(" \t")
    if not before or before.endswith("\n"):
        return False
    line_end = text.find("\n", at)
    if HEADING_LINE.fullmatch(text[text.rfind("\n", 0, at) + 1:line_end if line_end >= 0 else len(text)].strip()):
        return False  # a heading in title case ("**Revenue and Profitability**")
    if re.search(r"^\s*(?:#+|[-*>]|\d+[.、)])\s*$", before.split("\n")[-1]):
        return False  # the first word of a heading or a list item
    return bool(re.search(r"[a-z0-9,;，、（(\u4e00-\u9fff]$", before))


def _is_pair(han: str, latin: str, texts: list[str]) -> bool:
    """A Chinese name and its Latin form, not a term and its acronym (资本开支 (CapEx)) nor a
    description (最快推理 (Fireworks)): neither side is a vocabulary word, and the Chinese side
    is used as a name more than once or the Latin side is several capitalised words."""
    norm = normalise(latin).strip()
    vocabulary = {f for g in metrics() + terms() for f in g.forms} | GENERAL_CAPS
    own = TRADE_WORDS.sub("", normalise(han))  # 甲乙云端 is a company in the cloud trade, not a description
    if len(han) < 2 or norm in vocabulary or norm.lower() in vocabulary or any(w in own for w in _chinese_terms()):
        return False  # ... nor a term of the field (基础设施 (AI IaaS)) or a description using one (无服务器平台)
    core = TRADE_WORDS.sub("", han)  # 甲乙电子, called 甲乙 in a later line
    # a name of several capitalised words beside it is a company's own, even said once ("甲乙云算（Jiayi Cloud Compute）")
    proper = bool(re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][A-Za-z]+)+", latin.strip())) and len(han) <= 6
    return proper or any(len(form) >= 2 and sum(t.count(form) for t in texts) >= 2 for form in (han, core))


@lru_cache(maxsize=1)
def _chinese_terms() -> tuple[str, ...]:
    """The field's Chinese words (营收, 基础设施): a name that contains one is a description."""
    return tuple(f for g in metrics() + terms() for f in g.forms if len(f) >= 2 and re.search(r"[\u4e00-\u9fff]", f))


def name_key(forms: set[str]) -> str:
    latin = sorted((f for f in forms if re.fullmatch(r"[a-z0-9 .&\-]+", f)), key=lambda f: (-len(f), f))
    return (latin or sorted(forms))[0]


def _add(groups: list[set[str]], forms: set[str]) -> None:
    forms = {f for f in forms if f and f not in GENERAL_CAPS}
    if not forms:
        return
    joined = [g for g in groups if g & forms]
    for g in joined:
        groups.remove(g)
        forms |= g
    groups.append(forms)
