"""Question -> answer record. The one entry point the front ends (CLI, UI, eval, bench) call.

Heavy parts (embedder, index, generator) are created on first use, so ``gpumkt search`` never
loads a language model and tests can hand in fakes.
"""

from __future__ import annotations

import sys
from functools import cached_property

from . import index as index_mod
from . import models
from .config import Settings
from .embed import Embedder, SentenceTransformerEmbedder
from .records import Hit
from .retrieve import Retriever


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


class Pipeline:
    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None,
                 generator=None, notify=_stderr):
        self.settings = settings or Settings.from_env()
        self.notify = notify
        if embedder is not None:
            self.__dict__["embedder"] = embedder
        if generator is not None:
            self.__dict__["generator"] = generator

    @cached_property
    def embedder(self) -> Embedder:
        s = self.settings
        path, name, sha = models.resolve(s.embed_model, s.models_dir, "embed")
        return SentenceTransformerEmbedder(path, name, sha)

    @cached_property
    def index(self) -> index_mod.Index:
        s = self.settings
        return index_mod.load_or_build(s.index_dir, s.seeds_dir, self.embedder, notify=self.notify,
                                       progress=True)

    @cached_property
    def retriever(self) -> Retriever:
        s = self.settings
        return Retriever(self.index, self.embedder, candidates=s.candidates, rrf_k=s.rrf_k)

    def rebuild_index(self) -> index_mod.Index:
        s = self.settings
        self.__dict__["index"] = index_mod.load_or_build(s.index_dir, s.seeds_dir, self.embedder,
                                                         rebuild=True, progress=True)
        self.__dict__.pop("retriever", None)
        return self.index

    def search(self, query: str, k: int | None = None, mode: str = "hybrid") -> list[Hit]:
        return self.retriever.search(query, k or self.settings.k, mode)
