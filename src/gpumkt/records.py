"""Plain records that flow forward through the pipeline. Imports nothing else from gpumkt."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Document:
    """One seed report: original text kept verbatim for display and offsets."""

    source: str  # seed file name, e.g. "004_a069c161abe7370c.txt"
    title: str  # first non-empty line
    text: str  # original text, never altered
    sha256: str
    pages: tuple[int, ...] = ()  # where page 1, 2 … start in ``text`` (PDFs); () when unpaged
    origin: str = "seed"  # seed (committed in seeds/) | added (the user's, in the library folder)

    def page_at(self, offset: int) -> int:
        """1-based page holding ``offset``, 0 for an unpaged document.

        ``Document("a.pdf", "t", "ab\n\ncd", "", pages=(0, 4)).page_at(4) -> 2``
        """
        return sum(1 for start in self.pages if start <= offset)


@dataclass(frozen=True)
class Chunk:
    """A span of one document. ``doc.text[start:end] == text`` always holds."""

    id: str
    source: str
    section: str  # heading path, "title > section > subsection"
    start: int
    end: int
    text: str  # verbatim original
    indexed: str  # normalised heading path + readable text: what search sees
    kind: str = "text"  # text | table | chart
    readable: str = ""  # display form: a table row with its headers, a chart's labels and values


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and rank."""

    chunk: Chunk
    score: float
    rank: int
    bm25_rank: int | None = None
    dense_rank: int | None = None
    dense_score: float = 0.0


@dataclass(frozen=True)
class Evidence:
    """One sentence chosen as evidence; ``n`` is its citation number (1-based)."""

    n: int
    source: str
    chunk_id: str
    section: str
    quote: str  # verbatim sentence from the original file
    start: int
    end: int
    score: float
    passage: str = ""  # the whole chunk, for display with the quote highlighted
    label: str = ""  # readable form for the prompt: a table row with headers, a chart line with title
    covers: bool = True  # names every entity, metric and year the question asks about
    page: int = 0  # page of a paged (PDF) document the quote starts on, 0 when unpaged

    @property
    def where(self) -> str:
        """The file, and the page when there is one: ``"q3.pdf, p. 2"`` or ``"001_x.txt"``."""
        return f"{self.source}, p. {self.page}" if self.page else self.source


@dataclass(frozen=True)
class Fact:
    """One figure in the reports and what the text attaches it to (``facts.py``)."""

    id: str
    source: str
    chunk_id: str
    text: str  # the figure as written (normalised)
    value: float  # on one scale: 12亿 -> 1.2e9, 207% -> 207
    quantity: str  # money | pct | mult | power | count | num
    currency: str
    entity: str  # name-group key, "" when nothing names one
    metric: str  # metric-group key
    period: str  # "2025q2", "2024", ""
    start: int  # the figure's span in the document (the row / chart line for tables and charts)
    end: int
    sent_start: int  # the sentence / row / line it stands in
    sent_end: int
    qualifier: str = ""  # "forecast" for a planned / expected figure, "" for an actual one
    share_of: str = ""  # for a percentage written right before a metric ("62%营收"): that metric
    basis: str = ""  # "adjusted" for a non-GAAP / adjusted measure (调整后), "" as reported


@dataclass
class Conflict:
    about: str
    values: list[dict] = field(default_factory=list)  # [{"value": str, "n": int}]

    def summary(self) -> str:
        """The differing figures with their citations, as both front ends show them.

        ``Conflict("x", [{"value": "62%", "n": 1}, {"value": "77%", "n": 3}]).summary() -> "62% [1]; 77% [3]"``
        """
        return "; ".join(f"{v['value']} [{v['n']}]" for v in self.values)


@dataclass
class Timings:
    retrieve_ms: float = 0.0
    first_token_ms: float = 0.0
    total_ms: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    decode_tokens_per_s: float = 0.0


@dataclass
class Answer:
    """The record of one answered (or refused) question."""

    question: str
    language: str  # zh-Hans | zh-Hant | en
    answer: str
    refused: bool
    citations: list[Evidence]
    unsupported: list[str]
    conflicts: list[Conflict]
    timings: Timings
    model: dict
    index: dict
    generated: str = ""  # the model's raw text, before checking
    fallback: bool = False  # True when the extractive answer replaced the model's
    nearest: list[dict] = field(default_factory=list)  # near misses: [{"figure", "about", "n"}]


def answer_from_dict(d: dict) -> Answer:
    """The inverse of ``dataclasses.asdict`` for an Answer (how a server hands one to a client)."""
    d = dict(d)
    d["citations"] = [Evidence(**e) for e in d["citations"]]
    d["conflicts"] = [Conflict(**c) for c in d["conflicts"]]
    d["timings"] = Timings(**d["timings"])
    return Answer(**d)


def answer_json(a: Answer) -> dict:
    """The ``gpumkt ask --json`` object for one Answer (the eval writes the same object)."""
    t = a.timings
    return {
        "question": a.question, "language": a.language, "answer": a.answer, "refused": a.refused,
        "citations": [{"n": c.n, "source": c.source, "chunk_id": c.chunk_id, "section": c.section,
                       "quote": c.quote, "start": c.start, "end": c.end, "page": c.page or None}
                      for c in a.citations],
        "unsupported": a.unsupported, "nearest": a.nearest,
        "conflicts": [{"about": c.about, "values": c.values} for c in a.conflicts],
        "timings": {"retrieve_ms": round(t.retrieve_ms, 1), "first_token_ms": round(t.first_token_ms, 1),
                    "total_ms": round(t.total_ms, 1), "prompt_tokens": t.prompt_tokens,
                    "completion_tokens": t.completion_tokens, "decode_tokens_per_s": t.decode_tokens_per_s},
        "model": a.model, "index": a.index,
    }


def json_line(obj) -> str:
    """One JSON object on one line, Chinese kept readable, and the characters some readers take for
    a line end (U+0085, U+2028, U+2029) escaped, so "one object per line" holds for any reader.

    ``json_line({"q": "营收\u2028"}) -> '{"q": "营收\\u2028"}'``
    """
    text = json.dumps(obj, ensure_ascii=False)
    return text.replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def evidence_from_dict(d: dict) -> Evidence:
    return Evidence(**d)


def files_sha(files: dict) -> str:
    """The one hash naming an index: of its manifest's file hashes (``Index.sha256``, and what a
    client reads from the manifest alone to compare with a server's)."""
    return hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest()
