"""Hybrid retrieval: BM25 (alias-expanded) and dense candidates fused by reciprocal rank fusion."""

from __future__ import annotations

from dataclasses import dataclass

from .embed import Embedder
from .index import Index, dense_text
from .lexical import expand_query, tokenize
from .records import Hit
from .text import normalise

MODES = ("hybrid", "bm25", "dense")


@dataclass
class Retriever:
    index: Index
    embedder: Embedder
    candidates: int = 20
    rrf_k: int = 60

    def bm25(self, query: str) -> list[tuple[int, float]]:
        tokens = tokenize(expand_query(normalise(query)))
        return self.index.bm25.top(tokens, self.candidates)

    def dense(self, query: str) -> list[tuple[int, float]]:
        vec = self.embedder.embed_batch([dense_text(query)], "query")[0]
        return self.index.store.search(vec, self.candidates)

    def search(self, query: str, k: int = 5, mode: str = "hybrid") -> list[Hit]:
        """Top ``k`` chunks; ``mode`` picks hybrid, bm25-only or dense-only (for comparisons)."""
        lex = self.bm25(query) if mode in ("hybrid", "bm25") else []
        den = self.dense(query) if mode in ("hybrid", "dense") else []
        fused = rrf([lex, den], self.rrf_k)
        lex_rank = {row: r for r, (row, _) in enumerate(lex, 1)}
        den_rank = {row: r for r, (row, _) in enumerate(den, 1)}
        den_score = dict(den)
        return [Hit(self.index.chunks[row], score, rank, lex_rank.get(row), den_rank.get(row),
                    den_score.get(row, 0.0))
                for rank, (row, score) in enumerate(fused[:k], 1)]


def rrf(rankings: list[list[tuple[int, float]]], k: int = 60) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: score(d) = sum over lists of 1 / (k + rank).

    ``rrf([[(7, 9.0), (3, 1.0)], [(3, .8)]], k=60) -> [(3, 1/62 + 1/61), (7, 1/61)]``
    """
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, (row, _) in enumerate(ranking, 1):
            scores[row] = scores.get(row, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda x: (-x[1], x[0]))
