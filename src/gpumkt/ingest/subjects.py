"""The company a document is about, read from its opening lines: a name written with its ticker or
stock code, a cover line that is one legal name, a form's company-name field, or the company its
speakers work for. Its figures that no nearer name claims are that company's (``facts.py``)."""

from __future__ import annotations

import re

from gpumkt.ingest.units import Unit
from gpumkt.lang import vocab
from gpumkt.lang.listed_names import CODE_LABEL
from gpumkt.lang.name_runs import PERSON_ROLE
from gpumkt.lang.text import normalise

HEAD_BLOCK = 700  # characters: a document's opening lines (masthead, title, the company's line)
# A name written with its ticker or stock code: "Acme Cloud, Inc. (ACME)", "(Nasdaq: ACME)", "甲乙（6793）"
# A filing may define its short names first, in the same brackets or in brackets of their own:
# 'Acme Cloud, Inc. ("Acme" or the "Company", Nasdaq: ACME)', 'Acme Corp. ("Acme") (NYSE: ACM)'.
EXCHANGE = r"(?:nasdaq|nyse|otc|twse|tpex|hkex|sse|szse)"
DEFINED = r'["“][^"”()]{1,40}["”](?:\s*(?:or|and|,)\s*(?:the\s+)?["“][^"”()]{1,40}["”])*'
TICKER_AFTER = re.compile(r"(?:,?\s*(?:inc\.|corp\.|corporation|ltd\.|co\.,?\s*ltd\.|股份有限公司|有限公司))?\s*"
                          r"(?:\(" + DEFINED + r"\)\s*)?"
                          r"[(（]\s*(?:" + DEFINED + r"\s*[,;]\s*(?=" + EXCHANGE + r"))?"
                          r"(?:" + EXCHANGE + r"\s*[:：]\s*|" + CODE_LABEL + r")?"
                          r"(?:[a-z]{1,5}|\d{4,6})(?:\.[a-z]{1,2})?\s*[)）]")


def subjects(unit_list: list[Unit], names: list[vocab.Group]) -> dict[str, str]:
    """Per document, the company it is about when its opening lines write one with its ticker or
    stock code (a broker's note opens with the broker's masthead, then "Acme Cloud, Inc. (ACME)");
    documents that do not are left to their title."""
    out: dict[str, str] = {}
    for read in (_listed, _cover, _legal, _employers):  # in this order: a later way only where none before found one
        for u in unit_list:
            if u.start < HEAD_BLOCK and u.chunk.source not in out:
                keys = read(u, names)
                if keys:
                    out[u.chunk.source] = keys[0]
    return out


def _listed(u: Unit, names: list[vocab.Group]) -> list[str]:
    """A name written with its ticker or stock code: ``"Acme Cloud, Inc. (ACME)"``."""
    return [g.key for _, end, g in vocab.find(u.own, names) if TICKER_AFTER.match(u.own, end)]


def _cover(u: Unit, names: list[vocab.Group]) -> list[str]:
    """A cover line that is a legal name and nothing else (a rating agency's or a broker's masthead
    shares its line with the report's title: "甲评级有限公司  乙科技股份有限公司…报告")."""
    return [key for key in (_legal_line(line, names) for line in u.quote.splitlines()) if key]


def _legal(u: Unit, names: list[vocab.Group]) -> list[str]:
    """A cover that opens with the issuer's legal name ("甲乙控股有限公司 ACME HOLDINGS"), or a
    filing's form that names it in a field ("公司名称：昱锋电脑股份有限公司")."""
    return [g.key for a, end, g in vocab.find(u.own, names)
            if a == 0 and LEGAL_END.search(u.own[:end]) or NAME_FIELD.search(u.own[:a])]


def _employers(u: Unit, names: list[vocab.Group]) -> list[str]:
    """The company its speakers work for ("Jane Roe, Chief Financial Officer, Acme Cloud, Inc."
    among a transcript's guests): they say "we" for it."""
    return [key for key in (_employer(line, names) for line in u.quote.splitlines()) if key]


def _employer(line: str, names: list[vocab.Group]) -> str:
    """The company named after a person's role on a line: ``"Jane Roe, CFO, Acme Cloud, Inc."`` -> acme cloud."""
    m = PERSON_ROLE.search(line)
    found = vocab.find(normalise(line[m.end():]), names) if m else []
    return found[0][2].key if found else ""


def _legal_line(line: str, names: list[vocab.Group]) -> str:
    """The name group of a line that is one legal name alone: ``"  乙科技股份有限公司"`` -> its key."""
    line = normalise(line.strip())
    found = vocab.find(line, names)
    whole = len(found) == 1 and found[0][0] == 0 and found[0][1] == len(line)
    return found[0][2].key if whole and LEGAL_END.search(line) else ""


NAME_FIELD = re.compile(r"(?:公司名称|公司全称|公司简称|company name)\s*[:：]\s*$")
LEGAL_END = re.compile(r"(?:有限公司|\blimited|\binc\.|\bcorporation)$")
