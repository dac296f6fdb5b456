"""Figures written in words, as a speaker says them and a transcript keeps them: "one point
eight billion dollars", "thirty-two percent", "sixty-three thousand"; and shares said as fractions,
in English and Chinese ("two-thirds of", 三分之一, 一半).

A run of number words becomes one figure with its span, like a figure in digits. A small bare
number ("three new sites", "one of them") stays a word: it is a figure only from ten up, or
with a scale, a percent or a currency.
"""

from __future__ import annotations

import re

SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER = r"(?:(?:" + "|".join(TENS) + r")(?:-(?:" + "|".join(SMALL[1:10]) + r"))?|" + "|".join(SMALL) + ")"
_PART = _NUMBER + r"|hundred|" + "|".join(SCALE_WORDS)
# words joined by spaces, "and" only inside a number ("three hundred and twenty-five"), an optional
# decimal read digit by digit ("one point eight"), then a scale, a percent or dollars
WORDS = re.compile(
    r"(?<![a-z\-])(?P<int>" + _NUMBER + r"(?:\s+(?:and\s+(?=" + _NUMBER + r"))?(?:" + _PART + r"))*)"
    r"(?:\s+point(?P<frac>(?:\s+(?:" + "|".join(SMALL[:10]) + r"))+))?"
    r"(?P<scale>(?:\s+(?:" + "|".join(SCALE_WORDS) + r"))*)"
    r"(?P<unit>\s+(?:percent|per\s+cent|dollars))?(?![a-z\-])")


def integer(words: str) -> int | None:
    """``integer("sixty-three thousand") -> 63000``; ``integer("three hundred and twenty-five") -> 325``;
    two numbers said in a row are none ("twenty twenty-five" is a year, "three twenty-five" a rate),
    unless a tens word is followed by a unit ("fifty four")."""
    total = current = 0
    last = ""
    for word in re.split(r"[\s\-]+", words):
        if word in SMALL or word in TENS:
            tens_unit = last in TENS and word in SMALL[1:10]
            if (last in SMALL or last in TENS) and not tens_unit:
                return None
            current += SMALL.index(word) if word in SMALL else TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALE_WORDS:
            total, current = total + max(current, 1) * int(SCALE_WORDS[word]), 0
        last = word if word != "and" else last
    return total + current


DURATION = re.compile(r"\s+(?:years?|months?|quarters|weeks?|days?)\b")


def word_figures(norm: str) -> list[tuple[float, str, str, int, int]]:
    """(value, kind, currency, start, end) of each figure written in words in a normalised text.

    ``word_figures("revenue of about one point eight billion dollars, up thirty-two percent")``
    -> ``[(1.8e9, "num", "usd", 17, 48), (32.0, "pct", "", 53, 71)]``;
    ``word_figures("amortised over seven years") -> [(7.0, "num", "", 15, 20)]``
    """
    out = []
    for m in WORDS.finditer(norm):
        value = integer(m["int"])
        if value is None:
            continue
        if m["frac"]:
            value += float("0." + "".join(str(SMALL.index(w)) for w in m["frac"].split()))
        for word in m["scale"].split():
            value *= SCALE_WORDS[word]
        unit = (m["unit"] or "").split()
        duration = value > 1 and DURATION.match(norm, m.end())
        if value < 10 and not m["scale"] and not unit and not m["frac"] and not duration:
            continue  # "one of them", "three new sites": words, not figures ("seven years" is one)
        kind = "pct" if unit[:1] in (["percent"], ["per"]) else "num"
        out.append((float(value), kind, "usd" if unit == ["dollars"] else "", m.start(), m.end()))
    return out


CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"两": 2}


def cn_small(text: str) -> int:
    """``cn_small("两") -> 2``; ``cn_small("十二") -> 12``; ``cn_small("三十五") -> 35``"""
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return CN_DIGITS[text]
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[units] if units else 0)


DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                "ninth": 9, "tenth": 10}
# "a third", "two-thirds", "half of": a share said as a fraction. An ordinal reads the same ("a
# third party", "the second half of 2025", "a fifth site"), so a fraction must be followed by "of",
# a preposition or the clause's end; a half or a quarter only by "of" (else it is a period).
FRACTION = re.compile(
    r"(?<![a-z\-])(?:(?P<num>a|one|" + "|".join(SMALL[2:10]) + r")[\s\-]+)?"
    r"(?P<den>halves|half|(?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)s?)(?![a-z\-])"
    r"(?=(?P<of>\s+of\b)|\s+(?:over|in|from|since|on|to|than|versus|vs)\b|\s*[,.;:)]|\s*$)")
CN_FRACTION = re.compile(r"(?P<den>[二三四五六七八九十]|\d{1,2})分之(?P<num>[一二两三四五六七八九]|\d)(?![\d十])|一半|"
                         r"百分之(?P<pct>[二三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九])(?![十百点])")
# "the second half of", "this quarter of": an ordinal or a pointer before a bare half is a period
_PERIOD_BEFORE = re.compile(r"(?:first|second|third|fourth|latter|the|this|that|each|every|back|front)\s+$")


def fraction_figures(norm: str) -> list[tuple[float, int, int]]:
    """(percent, start, end) of each share said as a fraction in a normalised text.

    ``fraction_figures("dropped by about a fifth since march") -> [(20.0, 17, 24)]``;
    ``fraction_figures("two-thirds of sales, 三分之一的收入") -> [(66.67, 0, 10), (33.33, 21, 25)]``;
    ``fraction_figures("占百分之二十六") -> [(26.0, 1, 7)]``;
    ``fraction_figures("a third party in the second half of 2025") -> []``
    """
    out = []
    for m in FRACTION.finditer(norm):
        den = DENOMINATORS[m["den"].rstrip("s").replace("halve", "half")]
        num = 1 if m["num"] in (None, "a", "one") else SMALL.index(m["num"])
        bare_half = m["num"] is None and (den != 2 or _PERIOD_BEFORE.search(norm[max(0, m.start() - 20):m.start()]))
        if den in (2, 4) and not m["of"] or bare_half:
            continue
        out.append((round(100 * num / den, 2), m.start(), m.end()))
    for m in CN_FRACTION.finditer(norm):
        if not m["den"]:  # 一半, 百分之二十六
            out.append((float(cn_small(m["pct"])) if m["pct"] else 50.0, m.start(), m.end()))
            continue
        den, num = (int(x) if x.isdigit() else cn_small(x) for x in (m["den"], m["num"]))
        if 0 < num < den:
            out.append((round(100 * num / den, 2), m.start(), m.end()))
    return sorted(out, key=lambda t: t[1])

