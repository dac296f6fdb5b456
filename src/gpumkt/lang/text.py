"""Pure text functions: normalisation, scripts, sentence spans, tokens.

Matching happens on a normalised copy; the original text is never altered (offsets and quotes
come from it). Number parsing lives in ``numbers.py``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from gpumkt.lang.periods import MONTH_PATTERN

# CJK Radicals Supplement code points that NFKC leaves alone but that PDF extraction puts where
# ordinary ideographs belong (seed 003 has 长 as ⻓, 齐 as ⻬ ...). Kangxi radicals (U+2F00..)
# are already folded by NFKC.
RADICALS = dict(zip(
    "⺌⺍⺖⺗⺝⺠⺧⺪⺮⺳⺷⺼⻄⻅⻆⻈⻉⻊⻋⻌⻍⻏⻐⻓⻔⻖⻘⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
    "小小忄心月民牛疋竹网羊月西见角讠贝足车辶辶阝钅长门阝青页风飞食饣饣马骨鬼鱼鸟卤麦黄黾齐齿龙龟",
))
REPLACEMENT = "\ufffd"  # where PDF extraction lost a character; never part of a number

from gpumkt.lang.wrapping import CJK, HAN, HARD_END, wraps

# Chinese function characters: where a name ends and the words of the sentence before it begin
# (both scripts: names are mined from the raw text)
FUNCTION_CHARS = r"[的之其在是和与與及了为為将將从從对對由以等向把被让讓使]"


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer: the Snowball English stemmer

    return Stemmer.Stemmer("english")


def stem(word: str) -> str:
    """An English word's Snowball stem, so that its inflections meet: ``stem("buyers") -> "buyer"``."""
    return _stemmer().stemWord(word)


@lru_cache(maxsize=1)
def jieba_loaded():
    """jieba, quiet (it prints its dictionary build otherwise), its dictionary loaded once."""
    import logging

    import jieba  # maintained segmenter; its dictionary is a general lexicon of Chinese words

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.check_initialized()
    return jieba


@lru_cache(maxsize=4)
def _opencc(config: str):
    from opencc import OpenCC  # opencc-python-reimplemented: pure Python, no build step

    return OpenCC(config)


def to_simplified(text: str) -> str:
    """Traditional -> Simplified: ``to_simplified("輝達營收") -> "辉达营收"``."""
    return _opencc("t2s").convert(text)


def to_traditional(text: str) -> str:
    """Simplified -> Traditional: ``to_traditional("营收") -> "營收"``."""
    return _opencc("s2tw").convert(text)


def to_taiwan(text: str) -> str:
    """Simplified -> Traditional with Taiwan's words, for what a Traditional reader is shown:
    ``to_taiwan("芯片数据中心") -> "晶片資料中心"`` (``to_traditional`` would keep 芯片 and 數據中心)."""
    return _opencc("s2twp").convert(text)


@lru_cache(maxsize=8192)
def to_mainland(word: str) -> str:
    """A normalised word in the mainland's vocabulary, where Taiwan says it otherwise:
    ``to_mainland("网路") -> "网络"``; ``to_mainland("频宽") -> "带宽"``; ``to_mainland("营收") -> "营收"``"""
    return _opencc("tw2sp").convert(_opencc("s2tw").convert(word))


def fold_chars(text: str) -> str:
    """NFKC, radical map, U+FFFD -> space, lowercase (no script folding).

    ``fold_chars("⻓期ＡＩ\ufffd12") -> "长期ai 12"``
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(RADICALS.get(ch, ch) for ch in text)
    return text.replace(REPLACEMENT, " ").lower()


def normalise(text: str) -> str:
    """Everything search and number checks compare on: fold_chars, then Traditional -> Simplified.

    ``normalise("輝達 ＮＶＩＤＩＡ ⻓期") -> "辉达 nvidia 长期"``
    """
    return to_simplified(fold_chars(text))


BRACKETED = re.compile(r"[(（][^()（）]*[)）]")  # a bracketed gloss: "Acme Centre (甲乙中心)", "(PFlops, FP16)"
GLOSS = re.compile(BRACKETED.pattern + r"|[“\"「『][^”\"」』]*[”\"」』]")  # a bracketed or quoted gloss


def detect_language(text: str) -> str:
    """``zh-Hans``, ``zh-Hant`` or ``en`` from the characters used.

    ``detect_language("CoreWeave 客戶集中度?") -> "zh-Hant"``; a question with no Han
    characters is ``en``, as is an English one that glosses a Chinese term in brackets or quotes:
    ``detect_language("What rack occupancy rate (上架率) did they report?") -> "en"``, and one that
    writes a company's name in Chinese among many more English words:
    ``detect_language("What base price was used for 甲乙科技's convertible bond?") -> "en"``
    """
    han = "".join(HAN.findall(text))
    if not han or re.search(r"[A-Za-z]{2}", text) and not HAN.search(GLOSS.sub(" ", text)):
        return "en"
    if len(re.findall(r"[A-Za-z]{2,}", text)) > 1.5 * len(han):  # (a Chinese sentence writes a word in 1-3 characters)
        return "en"
    changed_by_t2s = sum(a != b for a, b in zip(han, to_simplified(han)))
    changed_by_s2t = sum(a != b for a, b in zip(han, to_traditional(han)))
    return "zh-Hant" if changed_by_t2s > 0 and changed_by_t2s >= changed_by_s2t else "zh-Hans"


def to_script(text: str, language: str) -> str:
    """Render Chinese text in the asker's script (English askers get it unchanged); Traditional
    with Taiwan's vocabulary, as a Traditional reader expects."""
    if language == "zh-Hant":
        return to_taiwan(text)
    if language == "zh-Hans":
        return to_simplified(text)
    return text


def sentence_spans(text: str, start: int = 0, end: int | None = None,
                   soft_limit: int = 90) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans (offsets into ``text``), trimmed of space.

    Hard ends: 。！？；… and half-width ! ? ; ; a line break ends a sentence unless it only
    wraps one (PDF-extracted lines). Sentences longer than ``soft_limit`` are cut after
    commas as well.
    ``[text[a:b] for a, b in sentence_spans("营收12亿美元。同比增长207%！")]
    -> ["营收12亿美元。", "同比增长207%！"]``
    """
    end = len(text) if end is None else end
    spans, i = [], start
    for j in range(start, end):
        if _is_break(text, j, end):
            spans.append((i, j + 1))
            i = j + 1
    spans.append((i, end))
    out = []
    for a, b in spans:
        out.extend(_soft_split(text, a, b, soft_limit))
    return [s for s in (_trim(text, a, b) for a, b in out) if s]


ABBREVIATIONS = set("u.s inc corp co ltd approx vs e.g i.e no mr ms dr jr sr st fig est etc dept "
                    "jan feb mar apr jun jul aug sep sept oct nov dec u.k nasdaq nyse".split())


INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "L.P", "N.V", "S.A": a legal form's letters


def _english_stop(text: str, j: int, end: int) -> bool:
    """A full stop that ends an English sentence: followed by a space (or line end) and not part
    of a decimal (1.2), an abbreviation (U.S., Inc., L.P., approx.) or an initial.

    ``[text[a:b] for a, b in sentence_spans("Revenue was $1.2 billion. Inc. rose.")]``
    -> ``["Revenue was $1.2 billion.", "Inc. rose."]``
    """
    nxt = text[j + 1] if j + 1 < end else ""
    if nxt and not nxt.isspace():
        return False
    word = re.search(r"([A-Za-z.]+)$", text[max(0, j - 12):j])
    if word and (word.group(1).lower().strip(".") in ABBREVIATIONS or len(word.group(1)) == 1
                 or INITIALISM.fullmatch(word.group(1))):
        return False
    k = j + 1
    while k < end and text[k] in " \t\n\r":
        k += 1
    return k >= end or not text[k].islower()


def _is_break(text: str, j: int, end: int) -> bool:
    ch = text[j]
    if ch == "." and j > 0 and not HAN.match(text[j - 1]):
        return _english_stop(text, j, end)
    if ch in HARD_END:
        nxt = text[j + 1] if j + 1 < end else ""
        return not (ch in "!?;" and nxt and not nxt.isspace() and not HAN.match(nxt))
    if ch != "\n":
        return False
    first = j  # judge a run of blank lines by its first newline
    while first > 0 and text[first - 1] in "\n \t\r":
        first -= 1
    return not wraps(text, first if text[first] == "\n" else j, end)


def _soft_split(text: str, a: int, b: int, limit: int) -> list[tuple[int, int]]:
    if not HAN.search(text[a:b]):
        limit *= 3  # English says more per character; its commas sit inside dates and figures
    if b - a <= limit:
        return [(a, b)]
    out, i = [], a
    for j in range(a, b):
        if text[j] in "，," and j - i >= limit // 3 and b - j > limit // 4 and not _thousands(text, j) \
                and not _date_comma(text, j):
            out.append((i, j + 1))
            i = j + 1
    out.append((i, b))
    return out


def _thousands(text: str, j: int) -> bool:
    """The comma at ``j`` groups digits ("5,000億"): no place to cut a sentence."""
    return j > 0 and text[j - 1].isdigit() and re.match(r"\d{3}(?!\d)", text[j + 1:j + 5]) is not None


def _date_comma(text: str, j: int) -> bool:
    """The comma at ``j`` parts a date's day from its year ("June 30, 2025"): a cut there leaves
    the year to the next piece, as if it were the period of that piece's figures."""
    return bool(re.search(MONTH_PATTERN + r"\s+\d{1,2}$", text[max(0, j - 16):j], re.I)
                and re.match(r"\s*(?:19|20)\d\d(?!\d)", text[j + 1:j + 7]))


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    piece = text[a:b]
    return (a, b) if HAN.search(piece) or re.search(r"[A-Za-z0-9]", piece) else None


def squash(text: str) -> str:
    """Collapse line breaks for display: none between two Han characters, else one space.

    ``squash("算力严重不\n\n足\n- 估值") -> "算力严重不足 - 估值"``; ``squash("non-\nvoting") -> "non-voting"``
    """
    return squash_aligned(text)[0].strip()


def squash_aligned(text: str) -> tuple[str, list[int]]:
    """``squash`` without the strip, with each output character's offset in ``text`` (and one
    past the end), so a figure found in the joined text is located in the original.

    ``squash_aligned("营业利\n润2亿") -> ("营业利润2亿", [0, 1, 2, 4, 5, 6, 7])``
    """
    out, back, pos = [], [], 0
    for m in re.finditer(r"[ \t]*\n\s*", text):
        out.append(text[pos:m.start()])
        back.extend(range(pos, m.start()))
        a, b = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        # (a compound broken after its hyphen, "non-\nvoting", is one word again)
        joined = a == "-" and text[m.start() - 2:m.start() - 1].isalpha() and b.islower() and m.group(0).count("\n") == 1
        if not (CJK.match(a or " ") and CJK.match(b or " ")) and not joined:
            out.append(" ")
            back.append(m.start())
        pos = m.end()
    out.append(text[pos:])
    back.extend(range(pos, len(text) + 1))
    return "".join(out), back


# What a web page saved as Markdown carries besides its article: image embeds, link targets,
# bare URLs, HTML tags and CSS rules. Their digits are no figures and their words no prose.
IMAGE_EMBED = r"!\[[^\]\n]*\]\([^)\n]*\)"  # ![图1](https://…/a.png)
CSS_RULE = r"^[^\u4e00-\u9fff{}\n]*\{[^{}\n]*:[^{}\n]*\}[ \t]*$"  # .body{font-size:16px}, a line of its own
HTML_TAG = r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>"  # <div class="x">, <br/>
MARKUP = re.compile(
    IMAGE_EMBED
    + r"|\]\((?:https?:|/|\.|#|www\.)[^)\n]*\)"  # the target of [text](url); the text stays
    r"|(?:https?://|www\.)[^\s)\]）】]+"  # a bare URL
    + "|" + HTML_TAG + "|(?m:" + CSS_RULE + ")"
    + r"|(?m:^[ \t]*[a-z-]+[ \t]*:[^;{}\n]*;[ \t]*$)"  # font-size: 16px;  (one rule a line)
    r"|(?m:^[^\u4e00-\u9fff{}\n]*\{[ \t]*$)|(?m:^[ \t]*\}[ \t]*$)")  # .body {   }


def markup_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that are page markup, not prose.

    ``markup_spans("见[年报](http://x/2024.pdf)") -> [(4, 24)]``
    """
    return [m.span() for m in MARKUP.finditer(text)]


# A slide deck exported to text marks each slide: "Slide 7", "--- Page 7 ---", "Slide 7 of 32".
SLIDE_MARK = re.compile(r"(?i)^[-–—=\s]*(?:slide|page)\s+\d{1,3}(?:\s+of\s+\d{1,3})?[-–—=\s]*$")


def markup_only(line: str) -> bool:
    """A line with nothing but markup and links (an image, a CSS rule, a navigation bar, a
    "related reading" link) carries no prose of the document's own.

    ``markup_only("[首页](/) | [科技](/tech)") -> True``; ``markup_only("见[年报](/a)：营收12亿") -> False``
    """
    rest = re.sub(r"\[[^\]\n]*\]\((?:https?:|/|\.|#|www\.)[^)\n]*\)", "", line)
    rest = re.sub(r"[\[\]()|*_>#•·/-]", "", MARKUP.sub("", rest))
    return bool(MARKUP.search(line)) and not re.search(r"\w", rest)


def plain(text: str) -> str:
    """Markdown marks off, for labels shown to the model and the user.

    ``plain("- **收入：** 2024年约20亿美元") -> "收入： 2024年约20亿美元"``
    """
    text = re.sub(r"\*\*|__|`", "", text)
    text = re.sub(IMAGE_EMBED + "|" + HTML_TAG, "", text)  # images, tags
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # [label](url) -> label
    return re.sub(r"^\s*(?:[-*•+]|\d+\.)\s+", "", text).strip()


def normalise_aligned(text: str) -> str:
    """``normalise`` that keeps every character in place, so offsets into it are offsets into
    ``text`` (a character NFKC would expand, like "…", is kept as it is).

    ``normalise_aligned("輝達…ＡＩ") -> "辉达…ai"``
    """
    folded = "".join(f if len(f := fold_chars(ch)) == 1 else ch for ch in text)
    simple = to_simplified(folded)
    if len(simple) == len(folded):
        return simple
    return "".join(s if len(s := to_simplified(ch)) == 1 else ch for ch in folded)
