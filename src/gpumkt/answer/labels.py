"""Say what a fact is about in the asker's language: "CoreWeave revenue (Q2 2025): $1.2 billion",
"CoreWeave营收（2025年第二季度）：12亿美元". Facts keep normalised keys (``coreweave``, ``营收``,
``2025q2``); this turns them back into words a reader expects, with a name's own capitalisation
as the reports write it.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache

from gpumkt.ingest.facts import range_start
from gpumkt.lang import vocab
from gpumkt.lang.numbers import render, render_range
from gpumkt.lang.periods import MONTHS
from gpumkt.records import Document, Fact

LATIN = re.compile(r"[a-z0-9 .&\-]+")
LATIN_LETTER = re.compile(r"[A-Za-z$]")
HALF = {"1": ("H1", "上半年"), "2": ("H2", "下半年")}
QUARTER = "一二三四"


class Labels:
    def __init__(self, names: list[vocab.Group], docs: dict[str, Document], facts: list[Fact] = ()):
        groups = list(vocab.known_entities()) + list(names)
        self.entities = {g.key: g for g in reversed(groups)}  # mined names win over the general list
        self.texts = tuple(d.text for d in docs.values())
        self.before = {b.id: a for a, b in zip(facts, facts[1:])}  # each fact's predecessor

    def fact(self, f: Fact, language: str) -> str:
        """``"CoreWeave revenue (Q2 2025): $1.2 billion"`` / ``"CoreWeave营收（2025年第二季度）：12亿美元"``;
        an expected figure says so (``"CoreWeave expected revenue (Q2 2025): $1.08 billion"``); the
        second half of a range says the whole range ("$3-4 trillion", "3-4万亿美元")."""
        low = self.before.get(f.id)
        if low is not None and range_start(low) and low.sent_start == f.sent_start and low.quantity == f.quantity:
            figure = low.text + f.text if language != "en" and not LATIN_LETTER.search(low.text + f.text) else \
                render_range(low.value, f.value, f.quantity, f.currency, language)
        elif language != "en" and f.quantity not in ("money", "pct", "mult"):
            figure = f.text
        else:
            figure = render(f.value, f.quantity, f.currency, language)
        expected = ("expected" if language == "en" else "预期") if f.qualifier == "forecast" else ""
        metric = self.metric(f.metric, language)
        adjusted = ("adjusted" if language == "en" else "经调整") \
            if f.basis == "adjusted" and not vocab.ADJUSTED.search(metric.lower()) else ""
        # a plan or an expectation is never said as an outcome, an adjusted measure never as the reported one
        what = [self.entity(f.entity, language), expected, adjusted, metric]
        when = period(f.period, language)
        if language == "en":
            head = " ".join(w for w in what if w) or "figure"
            return f"{head}{f' ({when})' if when else ''}: {figure}"
        head = "".join(w for w in what if w) or "数字"
        return f"{head}{f'（{when}）' if when else ''}：{figure}"

    def entity(self, key: str, language: str) -> str:
        """English: the group's key when it is Latin (its longest Latin form); Chinese: the form the
        reports use most (CoreWeave rather than a rare translation)."""
        g = self.entities.get(key)
        forms = g.forms if g else ((key,) if key else ())
        if not forms:
            return ""
        if language == "en":
            latin = ([key] if LATIN.fullmatch(key) else []) + sorted(f for f in forms if LATIN.fullmatch(f))
            return self._cased((latin or list(forms))[0])
        return self._cased(max(forms, key=lambda f: (self._normalised.count(f), not LATIN.fullmatch(f))))

    def names_in(self, text: str, language: str, skip=()) -> list[str]:
        """The names a passage uses, said in the asker's language, leaving out ``skip`` (keys)."""
        from gpumkt.lang.text import normalise

        found = vocab.find(normalise(text), list(self.entities.values()))
        keys = list(dict.fromkeys(g.key for _, _, g in found if g.key not in skip))
        return [self.entity(k, language) for k in keys]

    def metric(self, key: str, language: str) -> str:
        """English: the vocabulary's first English form (a metric with none is left unsaid)."""
        return vocab.english_metrics().get(key, "") if language == "en" else key

    def _cased(self, form: str) -> str:
        """The name as the reports write it (``coreweave`` -> ``CoreWeave``); Chinese as it is."""
        if not LATIN.fullmatch(form):
            return form
        return _casing(form, self.texts)

    @cached_property
    def _normalised(self) -> str:
        """All reports in one normalised text, to count how often each form of a name is used;
        built once, on the first Chinese label."""
        from gpumkt.lang.text import normalise

        return "\n".join(normalise(t) for t in self.texts)


@lru_cache(maxsize=512)
def _casing(form: str, texts: tuple[str, ...]) -> str:
    pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(form) + r"(?![A-Za-z0-9])", re.I)
    for text in texts:
        m = pattern.search(text)
        if m and not m.group(0).islower():
            return m.group(0)
    return form.upper() if len(form) <= 4 else form.title()


NUMBER_WORDS = {"2": "two", "3": "three", "4": "four", "5": "five", "7": "seven", "8": "eight", "9": "nine",
                "10": "ten", "11": "eleven"}


def period(key: str, language: str) -> str:
    """``period("2025q2", "en") -> "Q2 2025"``, ``period("2025q2", "zh-Hans") -> "2025年第二季度"``,
    ``period("2024h1", "en") -> "H1 2024"``, ``period("2024", "zh-Hans") -> "2024年"``,
    ``period("2024e", "en") -> "end of 2024"``, ``period("2024y", "zh-Hans") -> "2024年全年"``,
    ``period("2025m9", "en") -> "first nine months of 2025"``, ``period("2025-09", "en") -> "September 2025"``."""
    month = re.fullmatch(r"((?:19|20)\d\d)-(\d\d)", key or "")
    if month:
        year, number = month.group(1), int(month.group(2))
        return f"{MONTHS[number - 1]} {year}" if language == "en" else f"{year}年{number}月"
    m = re.fullmatch(r"((?:19|20)\d\d)?(?:q([1-4])|h([12])|([ey])|m(\d\d?))?", key or "")
    if not key or not m:
        return key or ""
    year, quarter, half, whole, months = m.groups()
    if months:  # the year to date: its first nine (ten …) months
        if language == "en":
            return f"first {NUMBER_WORDS.get(months, months)} months" + (f" of {year}" if year else "")
        return (f"{year}年" if year else "") + ("前三季度" if months == "9" else f"1-{months}月")
    if whole:  # the end of a year, or all of it
        return (f"end of {year}" if whole == "e" else f"full year {year}") if language == "en" else \
            f"{year}年{'底' if whole == 'e' else '全年'}"
    if language == "en":
        part = f"Q{quarter}" if quarter else HALF[half][0] if half else ""
        return " ".join(x for x in (part, year) if x)
    part = f"第{QUARTER[int(quarter) - 1]}季度" if quarter else HALF[half][1] if half else ""
    return (f"{year}年" if year else "") + part
