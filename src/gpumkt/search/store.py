"""Vector store behind one small interface (``search``), so a server such as Qdrant could replace it."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import numpy as np

from gpumkt.errors import IndexCorrupt


class VectorStore(Protocol):
    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """(row, cosine) pairs, best first."""


class FaissStore:
    """Exact inner-product search on unit vectors (cosine); ~100s of rows need nothing cleverer."""

    def __init__(self, index):
        self.index = index

    @classmethod
    def build(cls, vectors: np.ndarray) -> "FaissStore":
        import faiss

        index = faiss.IndexFlatIP(vectors.shape[1])
        index.add(np.ascontiguousarray(vectors, dtype="float32"))
        return cls(index)

    @classmethod
    def load(cls, path: Path) -> "FaissStore":
        import faiss

        try:
            return cls(faiss.read_index(str(path)))
        except RuntimeError as exc:
            raise IndexCorrupt(f"cannot read {path}: run `gpumkt index --rebuild`") from exc

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self.index, str(path))

    def vectors(self) -> np.ndarray:
        """Every stored row, in order (a flat index keeps them verbatim)."""
        return self.index.reconstruct_n(0, self.index.ntotal)

    @property
    def dim(self) -> int:
        return self.index.d

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        scores, rows = self.index.search(np.asarray(vector, dtype="float32").reshape(1, -1), k)
        return [(int(r), float(s)) for r, s in zip(rows[0], scores[0]) if r >= 0]
