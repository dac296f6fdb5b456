"""English figures written in words, as a speaker says them and a transcript keeps them:
"one point eight billion dollars", "thirty-two percent", "sixty-three thousand".

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


def word_figures(norm: str) -> list[tuple[float, str, str, int, int]]:
    """(value, kind, currency, start, end) of each figure written in words in a normalised text.

    ``word_figures("revenue of about one point eight billion dollars, up thirty-two percent")``
    -> ``[(1.8e9, "num", "usd", 17, 48), (32.0, "pct", "", 53, 71)]``
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
        if value < 10 and not m["scale"] and not unit and not m["frac"]:
            continue  # "one of them", "three new sites": words, not figures
        kind = "pct" if unit[:1] in (["percent"], ["per"]) else "num"
        out.append((float(value), kind, "usd" if unit == ["dollars"] else "", m.start(), m.end()))
    return out
