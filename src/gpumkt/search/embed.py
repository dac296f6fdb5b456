"""Embedding: one small interface (``embed_batch``) and a lazy sentence-transformers adapter."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

import numpy as np

from gpumkt.config import timed
from gpumkt.errors import ModelCorrupt


class Embedder(Protocol):
    name: str
    sha256: str

    def embed_batch(self, texts: list[str], kind: str) -> np.ndarray:
        """Unit-length float32 rows, one per text; ``kind`` is "query" or "document"."""


class SentenceTransformerEmbedder:
    """Loads the model on first use; uses the model's own query/document prompts when it has them."""

    def __init__(self, path: Path, name: str, sha256: str = "", batch_size: int = 16):
        self.path, self.name, self.sha256, self.batch_size = Path(path), name, sha256, batch_size
        self._model = None

    def _load(self):
        if self._model is None:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            with timed("torch and sentence-transformers imported"):
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # "Loading weights" bars on every start

            try:
                with timed(f"embedder {self.name} loaded"):
                    self._model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
            except Exception as exc:  # a half-copied folder fails deep inside transformers
                raise ModelCorrupt(f"cannot load embedding model {self.name} from {self.path} "
                                   f"({type(exc).__name__}): run `gpumkt models pull {self.name}`") from exc
        return self._model

    def embed_batch(self, texts: list[str], kind: str, progress: bool = False) -> np.ndarray:
        model = self._load()
        prompt = kind if kind in (getattr(model, "prompts", None) or {}) else None
        vecs = model.encode(list(texts), prompt_name=prompt, batch_size=self.batch_size,
                            normalize_embeddings=True, convert_to_numpy=True,
                            show_progress_bar=progress)
        return np.asarray(vecs, dtype="float32")
