"""Which name or metric a figure is attached to: the one named nearest it, the one its place in a
list gives ("A and B charge $3.40 and $3.67, respectively"), or none when several hold it together."""

from __future__ import annotations

import re

from gpumkt.lang import vocab

# A name said as the figures' source is not what they are about: "根据卓研咨询的资料，…", "according to Acme Research";
# nor is the author of an opinion or letter, wherever it is named ("Opinion of Acme Partners LLC" heading an
# adviser's analyses of another company)
SOURCE_CUE = re.compile(r"(?:根据|依据|据|according to|per|source:|opinions? of|letter from|prepared by)\s*$")
# Nor is a name said as the cause of what the figure measures: "受惠於大客戶追加訂單，公司營收達…",
# "driven by demand from Acme, revenue rose 41%" (the company's revenue, not the customer's)
CAUSE_CUE = re.compile(r"(?:受惠于|受益于|得益于|thanks to|driven by|benefit(?:ing|ed|s)? from)"
                       r"[^，,。;；]{0,16}$")
# Nor is a name given as an example of a group ("neoclouds, including Acme and Beta, took 27% of
# the orders": the group's share, not Acme's)
EXAMPLE_WORDS = r"\bincluding|\bsuch as|包括|例如|比如"
LIST_RUN = r"[^;；。:：()（）]"  # the list runs on to a clause's end, a colon or a bracket
EXAMPLE_CUE = re.compile(r"(?:" + EXAMPLE_WORDS + r")" + LIST_RUN + r"{0,60}$")


def nearest(groups, contexts: list[str], pos: int, find=vocab.find) -> str:
    """The key of the group named nearest the figure in its clause (before it first: "62%来自微软"
    is Microsoft's); else the last named before it in its sentence, else the first named in the
    next context (the sentence, the sentence before, the heading)."""
    for i, text in enumerate(contexts):
        found = [(a, b, g) for a, b, g in find(text, groups) if not SOURCE_CUE.search(text[max(0, a - 14):a])
                 and not CAUSE_CUE.search(text[max(0, a - 30):a]) and not _example(text, a, b, pos if i == 0 else -1)]
        if i == 0:  # the figure's own clause: the name before it, else the one after it
            before = [g for a, _, g in found if a < pos]
            if before or found:
                return (before[-1] if before else found[0][2]).key
            continue
        if found and i in (1, 3):  # the sentence up to the figure, or the heading path (title >
            return found[-1][2].key  # section > subsection): the name nearest the figure
        if found:
            return found[0][2].key
    return ""


def _example(text: str, a: int, b: int, pos: int) -> bool:
    """The name at ``text[a:b]`` is an example in a list that closes before the figure at ``pos``
    (-1: the figure is elsewhere); "including Acme (62%)" still gives Acme its own figure."""
    return bool(EXAMPLE_CUE.search(text[max(0, a - 70):a])) and (pos < b or bool(re.search(r"[,，]", text[b:pos])))


RESPECTIVELY = re.compile(r"分别|依次|respectively")


def respective(own: str, spans: list, i: int, names: list[vocab.Group]) -> str:
    """Names listed, then their figures in the same order: "在azure和google云端上,价格分别为3.40美元和
    3.67美元" gives 3.67 to Google Cloud; "Azure and Google charge $3.40 and $3.67, respectively"
    too. Figures of the kind, in turn, a multiple of the names (an hourly and a monthly price each).
    "" when the sentence pairs nothing."""
    m = RESPECTIVELY.search(own)
    if not m:
        return ""
    chinese = m.group(0) != "respectively"
    keys = list(dict.fromkeys(g.key for _, _, g in vocab.find(own[:m.start() if chinese else spans[0][1]], names)))
    same = [j for j, (f, a, b) in enumerate(spans)
            if f.kind == spans[i][0].kind and (a >= m.end() if chinese else b <= m.start())]
    if len(keys) < 2 or i not in same or len(same) % len(keys):
        return ""
    return keys[same.index(i) % len(keys)]


# A group counted rather than named: "三大业者", "the three hyperscalers".
GROUP_OF = re.compile(r"[两二三四五六七八九十]大|(?:the )?(?:two|three|four|five|big) (?:largest |biggest |major )?"
                      r"(?:companies|providers|vendors|players|hyperscalers|clouds)")


def held_together(lead: str, names: list[vocab.Group]) -> bool:
    """The figure is several companies' together: two or more are named before it and a joint word
    stands between the last of them and the figure. ``held_together("aws、azure与google云合计握有",
    names) -> True``; ``held_together("aws、azure与google云合计63%; google云单独", names) -> False``"""
    found = vocab.find(lead, names)
    group = GROUP_OF.search(lead)
    if group and vocab.JOINT.search(lead[group.end():]) and not any(a >= group.end() for a, _, _ in found):
        return True  # "三大业者2025年资本支出合计逾3000亿美元": a group counted, not named
    return len({g.key for _, _, g in found}) >= 2 and bool(vocab.JOINT.search(lead[found[-1][1]:]))


def first_name(text: str, names: list[vocab.Group]) -> str:
    """The first name mentioned in ``text`` ("" when none): ``first_name("公司: modal; 定位:
    python平台", names) -> "modal"``."""
    found = vocab.find(text, names)
    return text[found[0][0]:found[0][1]] if found else ""
