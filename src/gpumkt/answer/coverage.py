"""How much of the question's wording a unit uses: its content words, in the same language, or
across languages the glossary's forms of them; a paraphrase that keeps a character of the report's
word counts half."""

from __future__ import annotations

import re
from functools import lru_cache

from gpumkt.answer.fitting import HAN
from gpumkt.answer.glossary import glossary, phrases
from gpumkt.answer.question import QuestionRecord
from gpumkt.ingest.units import Unit
from gpumkt.lang import vocab
from gpumkt.lang.text import to_mainland


def coverage(q: QuestionRecord, u: Unit) -> float | None:
    """Share of the question's remaining content words (and the places it names, which the gate
    requires anyway) found in the unit and its context; None when one is Chinese and the other
    English (their words cannot meet)."""
    if not q.words:
        return _event(q, u)
    if crosses(q, u):
        # ... but a line of a name and symbols ("**Modal** ⭐⭐⭐⭐") is no English passage
        if len(re.findall(r"[a-z]{2,}", u.own)) < 3 and not re.search(r"\d", u.own):
            return 0.0
        known = glossary_words(q)  # across languages only the glossary's words can be looked for
        quoted = [w for w in glossed_in_brackets(q, not HAN.search(u.own)) if w not in known]
        if not known and not quoted:
            return None
        found = sum(glossed(w, u.context) for w in known) + sum(uses(u.context, w) for w in quoted)
        return (found + len(q.places)) / (len(known) + len(quoted) + len(q.places))
    text = u.context
    # The words naming the report asked ("according to its 10-Q excerpt") chose the reports
    # searched; a passage need not repeat them
    words = [w for w in q.words if w not in q.described or uses(text, w)]
    if not words:
        return _event(q, u)
    found = sum(1.0 if uses(text, w) or _part_said(q, w, text) else _chars_cover(w, u.own) for w in words)
    return (found + len(q.places)) / (len(words) + len(q.places))


def uses(text: str, word: str) -> bool:
    """``text`` uses ``word``, or the mainland's word for it (a Taiwan asker's 频宽 is 带宽)."""
    return word in text or to_mainland(word) in text


def _part_said(q: QuestionRecord, word: str, text: str) -> bool:
    """``word`` is of a part the question asks ("biggest" of "ten biggest") that ``text`` names in
    another form of it ("top 10")."""
    return any(any(word in f for f in side) and any(vocab.has_form(text, f) for f in side) for side in q.named_parts)


def crosses(q: QuestionRecord, u: Unit) -> bool:
    """The question and the unit are in different languages (one Chinese, one English). An English
    question glossing a name in Chinese ("Jiayi Compute (甲乙算力)") is English."""
    return (q.language != "en") != bool(HAN.search(u.own))


def glossed_in_brackets(q: QuestionRecord, english: bool) -> list[str]:
    """The question's words it glosses in brackets in the other language, which a passage in that
    language uses as they are: "build-out" of "全部建成（full build-out）" (``english``), 绿电 of
    "green power (绿电)" (not ``english``)."""
    script = r"[a-z][a-z \-]{1,40}" if english else r"[\u4e00-\u9fff]{2,12}"
    glosses = " ".join(re.findall(rf"\(\s*({script})\s*\)", q.norm))
    return [w for w in q.words if glosses and w in _tokens(glosses)]


@lru_cache(maxsize=256)
def _tokens(text: str) -> frozenset[str]:
    from gpumkt.search.lexical import tokenize

    return frozenset(tokenize(text))


def glossary_words(q: QuestionRecord) -> list[str]:
    """The question's words the glossary has other-language forms of (投资者, not also its 投资),
    and the forms it says that the tokenizer cuts in two (审计费用 is 审计 and 费用): those stand
    for their pieces."""
    said = [f for f in phrases() if f in q.norm]
    said = [f for f in said if not any(f != x and f in x for x in said)]
    known = [w for w in q.words if w in glossary() and not any(w in f for f in said)] + said
    return [w for w in known if not any(w != x and w in x for x in known)]


def glossed(word: str, text: str) -> bool:
    """``text`` uses some form of the glossary group of ``word``: ``glossed("词元", "1400亿 tokens")``."""
    return any(vocab.has_form(text, f) for f in glossary()[word])


def _event(q: QuestionRecord, u: Unit) -> float:
    """"Which year was it founded?": with no metric and no word the reports use, the event asked
    (the asker's 成立) is all that ties a year to the question, so a unit must echo some of its
    characters (创立); a question of any other kind is not held to this. ``1.0`` when it is not such a question."""
    if q.answer_kind != "year" or q.metrics or not q.loose or not HAN.search(" ".join(q.loose)):
        return 1.0
    return max(_chars_cover(w, f"{u.own} {u.before[-30:]}") for w in q.loose)


def _chars_cover(word: str, own: str) -> float:
    """For a Chinese word the unit does not use, half the share of its characters the unit's own
    text does: a paraphrase often keeps one character of the report's word (成立 for 创立).

    ``_chars_cover("成立", "创立时间:2022年") -> 0.25``
    """
    han = [c for c in word if "\u4e00" <= c <= "\u9fff"]
    return 0.5 * sum(c in own for c in han) / len(han) if han else 0.0
