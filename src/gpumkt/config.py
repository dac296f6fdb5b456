"""One settings object. Every default has a reason; ``GPUMKT_<NAME>`` overrides it."""

from __future__ import annotations

import dataclasses
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # project root in a source checkout


@dataclass(frozen=True)
class Settings:
    # Where the user's documents live; the five reports are committed here.
    seeds_dir: Path = ROOT / "seeds"
    # Documents the user adds (`gpumkt add`): their extracted text of record; git-ignored.
    library_dir: Path = ROOT / "library"
    # Larger files are refused: a 50 MB PDF is hundreds of pages, more than one report.
    max_doc_mb: float = 50.0
    # Built index (committed for the default embedding model so a clone answers at once).
    index_dir: Path = ROOT / "index"
    # Manifest is committed; assembled weights are git-ignored beside it.
    models_dir: Path = ROOT / "models"
    # Multilingual, 768-d: the only pip-installable embedder that reads Chinese well.
    embed_model: str = "embeddinggemma-300m"
    # Decided from `gpumkt eval` (README): fact accuracy 0.99 vs 0.88 for the 0.5B model, for
    # about one second more to the first token on 2 cores.
    llm_model: str = "qwen2.5-1.5b"
    # OpenAI-compatible chat server; empty means run llama.cpp in-process.
    llm_url: str = ""
    # A running `gpumkt serve` that `gpumkt ask` / `search` use instead of loading everything.
    server_url: str = "http://127.0.0.1:7860"
    # Seconds to wait on a server before saying it is slow or down.
    llm_timeout: float = 60.0
    # cpu or gpu (gpu offloads every layer: n_gpu_layers=-1).
    device: str = "cpu"
    # Two cores here; llama.cpp is fastest with one thread per physical core.
    threads: int = max(1, (os.cpu_count() or 2))
    # Context window: evidence + question + answer fit easily in 2048 tokens.
    n_ctx: int = 2048
    # Prompt batch; 512 processes a whole compact prompt in one pass.
    n_batch: int = 512
    # Short answers: the evidence is shown anyway, the model only summarises it.
    max_tokens: int = 160
    # Chunks retrieved per question (hybrid, after fusion).
    k: int = 5
    # Evidence sentences handed to the model; fewer sentences = faster first token.
    evidence_count: int = 4
    # Reciprocal rank fusion constant (the usual 60).
    rrf_k: int = 60
    # Candidates each retriever contributes before fusion.
    candidates: int = 20
    # Dense cosine (question vs. sentence) below which a sentence is not about the question at
    # all; belongs to the embedding model. Fitted on the dev split for EmbeddingGemma (README).
    min_similarity: float = 0.30
    # Greedy by default so the same question gives the same answer.
    temperature: float = 0.0
    # Show tracebacks instead of one-line errors.
    debug: bool = False

    @classmethod
    def from_env(cls, env: dict | None = None, **overrides) -> "Settings":
        """Build settings from ``GPUMKT_*`` variables, then explicit overrides win."""
        env = os.environ if env is None else env
        values = {}
        for f in dataclasses.fields(cls):
            raw = env.get("GPUMKT_" + f.name.upper())
            if raw not in (None, ""):
                values[f.name] = _coerce(f.type, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def replace(self, **changes) -> "Settings":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(type_name: str, raw: str):
    """Turn an environment string into the field's type ("2" -> 2, "1" -> True)."""
    if type_name == "Path":
        return Path(raw).expanduser()
    if type_name == "int":
        return int(raw)
    if type_name == "float":
        return float(raw)
    if type_name == "bool":
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return raw


@contextmanager
def timed(step: str):
    """With ``GPUMKT_DEBUG=1``, say on stderr how long a start-up step took (``index 0.41 s``)."""
    t0 = time.perf_counter()
    yield
    if os.environ.get("GPUMKT_DEBUG") == "1":
        print(f"gpumkt: {step} {time.perf_counter() - t0:.2f} s", file=sys.stderr, flush=True)
