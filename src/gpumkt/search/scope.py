"""Which of the indexed reports a question's description of a document fits ("the Taiwanese
article on CoreWeave", "远澜那份研报"): its words are looked for in each report's opening (title,
masthead, first passages), rarer words weighing more, and a language it names ("English",
"英文", "Taiwanese") must be the report's."""

from __future__ import annotations

import math
import re

from gpumkt.lang.text import HAN, detect_language
from gpumkt.search.lexical import tokenize

HEAD_CHARS = 1200  # the opening a report is known by: title, masthead, summary
# How far ahead of the next report the one named must be, in the summed weights (log of openings /
# openings using it) of the description's words its opening uses; chosen on dev (the 34 older dev
# questions that describe a report), where a lower bar named the wrong report more often.
MIN_MARGIN = 1.0
NOUN = re.compile(r"report|article|note|newsletter|letter|filing|prospectus|commentar|essay|transcript|deck|"
                  r"presentation|brief|tracker|release|memo|paper|piece|stor|post|stud|update|10-[qk]|"
                  r"研报|报告|文章|报道|评论|电子报|简报|招股|财报|季报|年报|纪要|新闻|法说会|说明会|周报|月报|白皮书|公告")
# A word any report may be called by, or the thing most of them are about, tells none apart.
GENERIC = re.compile(r"report|articl|note|newslett|letter|file|filing|prospectus|commentari|essay|transcript|"
                     r"deck|present|brief|tracker|releas|memo|paper|piec|stori|post|studi|updat|"
                     r"研报|报告|文章|报道|评论|电子报|简报|财报|季报|年报|新闻|这份|那份|这篇|那篇|这期|那期|market|市场")
LANGUAGE_CUES = (("en", re.compile(r"\benglish\b|英文|英语")),
                 ("zh-Hant", re.compile(r"\btaiwan(?:ese)?\b|台湾|繁体")),
                 ("zh-Hans", re.compile(r"简体|大陆|\bmainland\b")),
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
    before = description[max(0, noun.start() - 16):noun.start()] if noun else description
    return next((lang for lang, pattern in LANGUAGE_CUES if pattern.search(before)), "")


def openings(chunks, docs: dict) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Each report's opening as search tokens (its first passages as search reads them: heading
    path and text, page furniture and markup already gone), and each report's language."""
    heads: dict[str, str] = {}
    for c in chunks:
        if len(heads.get(c.source, "")) < HEAD_CHARS:
            heads[c.source] = heads.get(c.source, "") + " " + c.indexed
    return ({s: tokenize(h[:HEAD_CHARS]) for s, h in heads.items()},
            {s: language_of(d.text[:5000]) for s, d in docs.items()})


def named(description: str, heads: dict[str, list[str]], languages: dict[str, str],
          tokens: list[str]) -> set[str]:
    """The sources the description fits, or an empty set when it fits no narrower set than all.
    ``heads``: source -> the tokens of its opening; ``tokens``: the description's tokens."""
    lang = cue(description)
    pool = [s for s in heads if not lang or languages[s] == lang or lang == "zh" and languages[s] != "en"]
    n = len(heads)
    used = {s: set(h) for s, h in heads.items()}  # (each opening's words, looked up once)
    words = {t for t in tokens if not GENERIC.search(t) and not re.fullmatch(r"[\d.,%]+", t)}
    df = {t: sum(t in u for u in used.values()) for t in words}
    weight = {t: math.log(n / c) for t, c in df.items() if c}
    scores = sorted(((sum(w for t, w in weight.items() if t in used[s]), s) for s in pool), reverse=True)
    best, first = scores[0] if scores else (0.0, "")
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    # One report clearly ahead of the rest, by a word few openings use (a firm's or a title's: 远澜,
    # "Larkspur"); else only the language named, if any.
    rare = any(df[t] <= max(1, n // 10) for t in weight if t in used[first]) if first else False
    chosen = {first} if rare and best - runner_up >= MIN_MARGIN else set(pool)
    return chosen if chosen and len(chosen) < n else set()
