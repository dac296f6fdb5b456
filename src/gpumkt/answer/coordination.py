"""Things a question lists side by side, each asked the same thing: the companies or the periods
of "AWS和谷歌云的营收增速" and "2022年和2023年的净利率分别是多少". Each is then a part of the
question, answered or said missing on its own. Pure functions of the question's normalised text.
"""

from __future__ import annotations

import re

from gpumkt.lang import vocab
from gpumkt.lang.periods import period_spans

COORDINATION = re.compile(r"\s*(?:和|与|及|以及|跟|、|,|，|&|and)\s*")
# Between two periods of a list: "2023年与2024年", "for 2025 and for 2024", "fy2024 and fy2025"
PERIOD_COORDINATION = re.compile(r"(?:年度?|[efa](?![a-z]))?\s*(?:,|，|、)?\s*(?:和|与|及|以及|跟|、|,|，|&|and|vs\.?|versus)\s*"
                                 r"(?:(?:for|in|at)\s+)?(?:the\s+)?(?:fiscal\s+|财年\s*)?")
# ... but "between 2021 and 2024", "从2025年到2030年" is a span, and "合计" holds the periods together
SPAN_OPENS = re.compile(r"(?:between|from|从|由|自)\s*(?:the\s+)?(?:(?:early|late|mid|end\s+of)\s+)?(?:fiscal\s+)?$")


def entities_coordinated(norm: str, texts: list[str]) -> bool:
    """The companies asked (as the question writes them, ``texts``) are listed side by side, not
    held together ("合计", "combined"): ``entities_coordinated("aws和谷歌云各增长多少", ["aws", "谷歌云"])
    -> True``; ``entities_coordinated("微软和openai合计贡献多少", ["微软", "openai"]) -> False``."""
    if len(texts) < 2 or vocab.JOINT.search(norm):
        return False
    spans = sorted((norm.find(t), len(t)) for t in texts)
    return all(a >= 0 for a, _ in spans) and all(
        COORDINATION.fullmatch(norm[a + n:b]) for (a, n), (b, _) in zip(spans, spans[1:]))


def periods_coordinated(norm: str) -> list[str]:
    """The periods the question lists side by side, each asked the same thing, in order ([] when
    fewer than two, a span, or a sum): ``periods_coordinated("乙公司2022年与2023年的净利率分别是多少")
    -> ["2022", "2023"]``; ``periods_coordinated("从2025年到2030年的年复合增长率")`` -> []."""
    spans = period_spans(norm)
    if len(spans) < 2 or vocab.JOINT.search(norm) or SPAN_OPENS.search(norm[:spans[0][0]]):
        return []
    if not all(PERIOD_COORDINATION.fullmatch(norm[e:s]) for (_, e, _), (s, _, _) in zip(spans, spans[1:])):
        return []
    keys = list(dict.fromkeys(k for _, _, k in spans))
    return keys if len(keys) > 1 else []


# Two things listed side by side before "分别"/"各": "首期和二期的机柜分别有多少"
NOUNS_LISTED = re.compile(r"(?:^|(?<=[，,：:；;的中在对与]))([\u4e00-\u9fff]{2,8})(?:和|与|及|以及|、)((?:(?!的)[\u4e00-\u9fff]){2,8}?)"
                          r"(?=(?:的[^，,。？?]{0,16}?)?(?:分别|各自?))")


def nouns_coordinated(norm: str) -> tuple[str, str, tuple[int, int]] | None:
    """The two things a question lists side by side and asks each of ("分别", "各"), and the span
    listing them, or None:
    ``nouns_coordinated("首期和二期的机柜分别有多少")`` -> ``("首期", "二期", (0, 5))``;
    ``nouns_coordinated("甲和乙合计多少")`` -> None."""
    m = NOUNS_LISTED.search(norm)
    return (m.group(1), m.group(2), m.span()) if m and not vocab.JOINT.search(norm) else None


def measures_coordinated(norm: str, said: list[str]) -> bool:
    """The measures a question names (as ``said`` in it) are asked side by side: "分别", or a
    coordinator between the first and the last (the "与" of "甲公司与大客户订立的服务订单贡献了多少营收"
    joins the parties, not the measures).

    ``measures_coordinated("营收和毛利率是多少", ["营收", "毛利率"]) -> True``
    """
    spots = sorted(norm.find(text) for text in said if text in norm)
    return bool(re.search(r"分别|各", norm)) or \
        len(spots) > 1 and bool(re.search(r"和|与|及|、|\band\b", norm[spots[0]:spots[-1]]))
