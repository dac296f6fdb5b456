"""The report a question points at: "According to the Taiwanese article on CoreWeave, …",
"远澜那份研报认为…", "In Acme's prospectus, …". With several reports indexed an analyst names the
one she means; the companies the phrase names describe the document, not always what the figure
is about (``mentions.not_descriptive``), and ``search.scope`` matches it to the reports it fits.
"""

from __future__ import annotations

import re

# What a document is called. English nouns must be preceded by a determiner or a possessive, or
# followed by "on / about": "did Acme report revenue" is a verb, "the report on Acme" a document.
NOUN_EN = (r"(?:reports?|articles?|notes?|newsletters?|letters?|filings?|prospectus|commentary|commentaries|"
           r"essays?|transcripts?|decks?|presentations?|briefs?|trackers?|releases?|memos?|papers?|pieces?|"
           r"stor(?:y|ies)|posts?|studies|study|updates?|excerpts?|10-[qk]|profit warnings?)\b")
LEFT_EN = re.compile(r"[,;:?]|\b(?:according to|in|under|per|from|does|did|do|is|are|was|were|what|how|which|who|"
                     r"when|where|why|by|for|to|of|at)\b")
NOUNS_AFTER = re.compile(rf"(?:\s+{NOUN_EN})*")
DETERMINED = re.compile(r"\b(?:the|that|this|these|those|its|their|his|her|our|an?)\b|'s?\b")
TAIL_EN = re.compile(r"\s+(?:on|about|covering|of|from|by)\s+((?:(?!(?:what|how|which|who|when|where|why|does|"
                     r"did|do|is|are|was|were|says?|said|name|names|list|lists|give|gives|put|puts|expects?|"
                     r"estimates?|thinks?|reports?|shows?)\b)[\w.&'-]+\s*){1,5})")
NOUN_ZH = re.compile(r"(?:研报|报告|文章|报道|评论|电子报|简报|招股书|招股章程|财报|季报|年报|纪要|新闻稿|新闻|"
                     r"法说会|说明会|周报|月报|白皮书|公告|专栏|盈利警告|盈利预警|盈利预告|业绩预告|审查意见)+")
# What a title says after its noun and still belongs to it: the years it covers, "(2024-2026)",
# and the closing mark of a title in 《》.
TITLE_REST = re.compile(r"\s*\([^()]{1,30}\)|[^《》，,；;？?。]{0,30}》")
# Notes that are debt, not writing: "the senior notes", "its class b notes", "the 2030 notes".
DEBT_NOTES = re.compile(r"(?:senior|convertible|secured|unsecured|exchangeable|subordinated|class\s+\w+|"
                        r"series\s+[\w-]+|\d{4}|%)\s+$")
# Chinese: the clause up to the noun, from after the word that introduces a source (根据, 依, 在 …).
SOURCE_ZH = re.compile(r".*(?:根据|依据|依照|按照|据|依|按|在|从)")


def phrase(norm: str) -> tuple[int, int] | None:
    """The span of ``norm`` (a normalised question) that describes a report, or None.

    ``phrase("according to the taiwanese article on coreweave, which two variables …")`` -> the
    span of "the taiwanese article on coreweave"; ``phrase("远澜那份研报认为…")`` -> that of
    "远澜那份研报"; ``phrase("what did acme report for q2?")`` -> None.
    """
    for m in re.finditer(NOUN_EN, norm):
        if m.group().startswith("note") and DEBT_NOTES.search(norm, max(0, m.start() - 30), m.start()):
            continue
        start = _left_en(norm, m.start())
        tail = TAIL_EN.match(norm, m.end())
        if DETERMINED.search(norm[start:m.start()]) or tail:
            end = NOUNS_AFTER.match(norm, m.end()).end()  # "its 10-q excerpt": the last noun heads it
            tail = TAIL_EN.match(norm, end)
            return start, _title_rest(norm, tail.end(1) if tail else end)
    m = NOUN_ZH.search(norm)
    if m:
        clause_start = max(norm.rfind(c, 0, m.start()) for c in "，,；;：:？?。") + 1
        lead = SOURCE_ZH.match(norm, clause_start, m.start())
        start = lead.end() if lead else clause_start
        return start, _title_rest(norm, m.end())
    return None


def _title_rest(norm: str, end: int) -> int:
    """Where a report's description ends, past what its title says after the noun:
    ``_title_rest("《甲乙报告(2024-2026)》说", 5)`` -> 17 (the span then ends after "》")."""
    while (m := TITLE_REST.match(norm, end)) and (not m.group().endswith("》") or "《" in norm[:end]):
        end = m.end()
    return end


def _left_en(norm: str, noun: int) -> int:
    """Where the noun phrase before ``noun`` starts: after the last clause mark or the last word
    that opens a clause or a source ("according to", "in", "does"), at most six words back."""
    window_start = noun
    for _ in range(6):
        prev = norm.rfind(" ", 0, max(0, window_start - 1))
        window_start = prev + 1 if prev >= 0 else 0
        if prev < 0:
            break
    ends = [m.end() for m in LEFT_EN.finditer(norm, window_start, noun)]
    return ends[-1] if ends else window_start
