"""Names written as several capitalised words ("Kestrel Ridge", "Kestrel Ridge Research").

Mined one word at a time, "Kestrel Ridge's survey" would name two companies, Kestrel and Ridge,
and a title such as "AI Infrastructure Buyer Survey" a company called Buyer. A word that never
stands apart from its capitalised neighbours is no name of its own; a run of such words that a
text repeats mid-sentence is one, under its first two words (the firm and the firm's longer name).
"""

from __future__ import annotations

import re
from collections import Counter

TITLE_WORD = r"[A-Z][a-z]+"
RUN = re.compile(rf"(?<![A-Za-z0-9.]){TITLE_WORD}(?:[ \t]+{TITLE_WORD}){{1,3}}(?![A-Za-z0-9])")
REPEATED = 2  # a run said once is a phrase in a heading or a byline; a name comes back


def inside_runs(texts: list[str], runs: set[str]) -> set[str]:
    """Words written only inside long runs (three or more title words: "Infrastructure Buyer
    Survey") or inside ``runs`` (the repeated ones), never apart from them: no names of their own.

    ``inside_runs(["Kestrel Ridge data; Kestrel estimates"], {"Kestrel Ridge"})`` -> {"Ridge"}
    """
    inside, outside = set(), set()
    for text in texts:
        spans = [(m.start(), m.end()) for m in RUN.finditer(text)
                 if len(m.group(0).split()) >= 3 or " ".join(m.group(0).split()[:2]) in runs]
        for m in re.finditer(rf"(?<![A-Za-z0-9]){TITLE_WORD}(?![A-Za-z0-9])", text):
            within = any(a <= m.start() and m.end() <= b for a, b in spans)
            (inside if within else outside).add(m.group(0))
    return inside - outside


def repeated_runs(texts: list[str], mid_sentence, excluded: set[str]) -> list[set[str]]:
    """Groups of runs written mid-sentence at least twice, keyed by their first two words.

    ``repeated_runs(["by Kestrel Ridge Research. As Kestrel Ridge data"], lambda t, a: True, {"as"})``
    -> ``[{"Kestrel Ridge", "Kestrel Ridge Research"}]``
    """
    counts: Counter[str] = Counter()
    for text in texts:
        for m in RUN.finditer(text):
            words, start = m.group(0).split(), m.start()
            while words and words[0].lower() in excluded:  # "As Acme Ridge …": a sentence's first word
                start = text.index(words[1], start) if len(words) > 1 else start
                words = words[1:]
            if len(words) >= 2 and mid_sentence(text, start) and not any(w.lower() in excluded for w in words):
                counts.update(" ".join(words[:n]) for n in range(2, len(words) + 1))
    groups: dict[str, set[str]] = {}
    for run, n in counts.items():
        head = " ".join(run.split()[:2])
        if n >= REPEATED and counts[head] >= REPEATED:
            groups.setdefault(head, set()).add(run)
    return list(groups.values())


# A person written with a role: "Jane Roe, Chief Financial Officer", "Jane Roe – Vice President",
# "CFO Jane Roe". People speak for companies in transcripts and news; a figure near them is still
# the company's, so a person is no name group.
PERSON = rf"({TITLE_WORD}(?:[-'][A-Z]?[a-z]+)?(?:[ \t]+[A-Z]\.)?(?:[ \t]+{TITLE_WORD}(?:[-'][A-Z]?[a-z]+)?){{1,2}})"
ROLE = (r"(?:Chief [A-Z][a-z]+ Officer|CEO|CFO|COO|CTO|CRO|President|Vice President|VP|Director|Head of|"
        r"Analyst|analyst|[Cc]o-[Ff]ounder|Founder|Chair(?:man|woman)?|General Counsel|Treasurer|Controller|"
        r"Managing Director|Managing Partner|Partner|Economist|Strategist|[Hh]ost|Executive Vice|Senior Vice)")
PERSON_ROLE = re.compile(rf"(?<![A-Za-z]){PERSON}[ \t]*(?:,|–|—|-|\()[ \t]*(?:our |the |its |a )?{ROLE}\b")
ROLE_PERSON = re.compile(rf"\b(?:CEO|CFO|COO|CTO|Chief [A-Z][a-z]+ Officer|President|Chair(?:man|woman)?|"
                         rf"(?:Analyst|Author)s?:)[ \t]+{PERSON}\b")  # (a note's "Analyst: Jane Roe")


def people(texts: list[str]) -> set[str]:
    """Lower-cased names of people the texts give a role, with each of their words.

    ``people(["Guest: Jane Roe, Chief Financial Officer, Acme Cloud"]) -> {"jane roe", "jane", "roe"}``
    """
    out = set()
    for text in texts:
        for m in list(PERSON_ROLE.finditer(text)) + list(ROLE_PERSON.finditer(text)):
            name = " ".join(m.group(1).lower().split())
            out |= {name, *re.split(r"[\s-]+", name)}  # ("Jane Roe-Smith": "roe" alone is her too)
    return out
