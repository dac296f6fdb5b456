"""Which of the indexed reports a question's description of a document fits ("the Taiwanese
article on CoreWeave", "远澜那份研报"): its cues are looked for in each report's opening (title,
masthead, first passages), rarer cues weighing more: the names it uses in any of their forms, the
kind of document ("半年报" fits an interim report's "半年度报告"), glossary terms in either
language, its own words, its title said whole. A language it names ("English", "英文",
"Taiwanese") must be the report's."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from gpumkt.lang import vocab
from gpumkt.lang.text import HAN, detect_language, jieba_loaded, stem
from gpumkt.search.lexical import STOP, TOKEN_OK, tokenize

HEAD_CHARS = 1200  # the opening a report is known by: title, masthead, summary
# How far ahead of the next report the one named must be, in the summed weights (log of openings /
# openings sharing it) of the description's cues its opening shares; chosen on dev
# (`scripts/scope_dev.py`, the 125 dev questions that describe a report: 0.5 named another report
# twice, 1.0 and 1.5 once, 2.0 once but the right one alone 41 times against 46).
MIN_MARGIN = 1.0
NOUN = re.compile(r"report|article|note|newsletter|letter|filing|prospectus|commentar|essay|transcript|deck|"
                  r"presentation|brief|tracker|release|memo|paper|piece|stor|post|stud|update|10-[qk]|warning|"
                  r"研报|报告|文章|报道|评论|电子报|简报|招股|财报|季报|年报|纪要|新闻|法说会|说明会|周报|月报|白皮书|公告|"
                  r"盈利警告|盈利预警|盈利预告|业绩预告|审查意见")
# A word any report may be called by, or the thing most of them are about, tells none apart.
GENERIC = re.compile(r"report|articl|note|newslett|letter|file|filing|prospectus|commentari|essay|transcript|"
                     r"deck|present|brief|tracker|releas|memo|paper|piec|stori|post|studi|updat|analysi|"
                     r"研报|报告|文章|报道|评论|电子报|简报|财报|季报|年报|新闻|分析|这份|那份|这篇|那篇|这期|那期|market|市场")
DETERMINER = re.compile(r"^(?:the|this|that|its|their|[这那该此本][份篇期]?)\s*")
LANGUAGE_CUES = (("en", re.compile(r"\benglish\b|英文|英语")),
                 ("zh-Hant", re.compile(r"\btaiwan(?:ese)?\b|traditional[- ]chinese|台湾|繁体")),
                 ("zh-Hans", re.compile(r"简体|大陆|\bmainland\b|simplified[- ]chinese")),
                 ("zh", re.compile(r"\bchinese\b|中文")))


def language_of(text: str) -> str:
    """A report's language: Chinese (in its script) when Han characters are more than a twentieth
    of its letters, else English. ``language_of("CoreWeave 营收 12 亿美元")`` -> "zh-Hans"."""
    han = len(HAN.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return detect_language(text) if han and han * 20 > han + latin else "en"


def cue(description: str) -> str:
    """The language a description names just before its noun ("" when none): ``cue("the english
    newsletter")`` -> "en"; ``cue("chinese chip makers that the letter")`` -> "" (what it is about)."""
    noun = NOUN.search(description)
    before = description[max(0, noun.start() - 24):noun.start()] if noun else description
    return next((lang for lang, pattern in LANGUAGE_CUES if pattern.search(before)), "")


# Kinds of document, each by the words a description or an opening uses for it in either language
# ("半年报" fits an opening that says "半年度报告" or "interim"): a kind tells apart reports of one firm.
KINDS = {
    "interim": r"\binterim\b|half[- ]year|半年|中期报告|中期业绩|中报",
    "quarterly": r"quarterly report|\b10-q\b|季报|季度报告",
    "annual": r"annual report|\b10-k\b|\b20-f\b|(?<!半)年报|年度报告",
    "prospectus": r"prospectus|招股",
    "research": r"initiat\w*|equity research|\bbroker|研报|券商|证券研究|首次覆盖|研究报告",
    "transcript": r"transcript|earnings call|conference call|纪要|法说会|说明会|电话会",
    "newsletter": r"newsletter|电子报|周报",
    "white paper": r"white ?paper|白皮书",
    "press release": r"press release|新闻稿",
    "letter": r"shareholder letter|letter to (?:our )?shareholders|致股东",
    "announcement": r"announcement|公告",
    "profit warning": r"profit warning|盈利警告|盈利预警|盈利预告|业绩预告",
    "commentary": r"commentary|评论",
}


@dataclass(frozen=True)
class Openings:
    """Each report's opening (its first passages as search reads them: heading path and text,
    page furniture and markup gone), as normalised text and as search tokens, and its language."""
    texts: dict[str, str]
    tokens: dict[str, frozenset[str]]
    languages: dict[str, str]


def openings(chunks, docs: dict) -> Openings:
    heads: dict[str, str] = {}
    for c in chunks:
        if len(heads.get(c.source, "")) < HEAD_CHARS:
            heads[c.source] = heads.get(c.source, "") + " " + c.indexed
    texts = {s: h[:HEAD_CHARS] for s, h in heads.items()}
    return Openings(texts, {s: frozenset(tokenize(t)) for s, t in texts.items()},
                    {s: language_of(d.text[:5000]) for s, d in docs.items()})


def _cues(description: str, opens: Openings, names) -> dict[str, set[str]]:
    """What the description says of its report, each with the reports whose opening says it too:
    a name (in any of its forms), a kind of document, a glossary term (in either language), and
    the words left, a name's own words and one-character words aside.

    ``_cues("acme's interim report", …)`` -> {"name:acme": {…}, "kind:interim": {…}}
    """
    cues, rest = {}, description
    title = DETERMINER.sub("", description).strip()
    if len(title) >= 6 and (" " in title or len(HAN.findall(title)) >= 4):  # its title, said whole
        cues["title"] = {s for s, t in opens.texts.items() if title in t}
    for group_set, label in ((names, "name"), (vocab.all_groups(), "term")):
        for a, b, g in vocab.find(rest, group_set):
            cues[f"{label}:{g.key}"] = {s for s, t in opens.texts.items() if vocab.find(t, [g])}
            rest = rest[:a] + " " * (b - a) + rest[b:]
    for kind, pattern in KINDS.items():
        if re.search(pattern, rest):
            cues[f"kind:{kind}"] = {s for s, t in opens.texts.items() if re.search(pattern, t)}
            rest = re.sub(pattern, " ", rest)
    for t in _words(rest):
        cues[t] = {s for s, u in opens.tokens.items() if t in u}
    for phrase in _phrases(rest):
        cues[f"phrase:{phrase}"] = {s for s, t in opens.texts.items() if phrase in t}
    return cues


def _words(text: str) -> list[str]:
    """The description's own words, each once: jieba's plain cut (its search cut would count
    "第三季度" four times over), one-character, generic and numeric words left out.

    ``_words("甲乙 第三季度 quarterly-look report")`` -> ["甲乙", "第三季度", "quarter", "look"]
    """
    out = []
    for tok in jieba_loaded().lcut(text):
        tok = tok.strip().strip(".")
        if tok in STOP:  # (before stemming, as search reads it: "does" is no "doe")
            continue
        tok = stem(tok) if re.fullmatch(r"[a-z]{4,}", tok) else tok
        if len(tok) > 1 and not GENERIC.search(tok) and not re.fullmatch(r"[\d.,%]+", tok) and TOKEN_OK.search(tok):
            out.append(tok)
    return list(dict.fromkeys(out))


def _phrases(text: str) -> list[str]:
    """Two of the description's own words said one after the other, as the opening would say
    them: a report whose opening has "价值重估" fits "价值重估的文章" better than one that speaks of
    "价值" and "重估" apart.

    ``_phrases("那篇推理平台价值重估的文章")`` -> ["推理平台", "平台价值", "价值重估"];
    ``_phrases("the widget pricing survey")`` -> ["widget pricing", "pricing survey"]
    """
    out, last, gap = [], "", ""
    for tok in jieba_loaded().lcut(text):
        if tok.isspace():
            gap = " " if last and re.search(r"[a-z0-9]$", last) else gap
            continue
        word = tok.strip(".") if _words(tok) else ""
        if word and last:
            out.append(last + (gap if re.match(r"[a-z0-9]", word) else "") + word)
        last, gap = word, ""
    return list(dict.fromkeys(out))


def named(description: str, opens: Openings, names=()) -> set[str]:
    """The sources the description fits, or an empty set when it fits no narrower set than all.
    ``names``: the index's entity groups."""
    lang = cue(description)
    languages = opens.languages
    pool = [s for s in opens.texts if not lang or languages.get(s) == lang or lang == "zh" and languages.get(s) != "en"]
    n = len(opens.texts)
    cues = {c: has for c, has in _cues(description, opens, names).items() if has}
    weight = {c: math.log(n / len(has)) for c, has in cues.items()}
    scores = sorted(((sum(w for c, w in weight.items() if s in cues[c]), s) for s in pool), reverse=True)
    best, first = scores[0] if scores else (0.0, "")
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    # One report clearly ahead of the rest, by a cue few openings share (a firm's name, a title's
    # word, its kind); else only the language named, if any.
    rare = any(len(has) <= max(1, n // 10) and first in has for has in cues.values()) if first else False
    chosen = {first} if rare and best - runner_up >= MIN_MARGIN else set(pool)
    return chosen if chosen and len(chosen) < n else set()
