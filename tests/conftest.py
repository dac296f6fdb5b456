"""Predictable fakes and shared fixtures. No test touches the real index/ or models/ folders."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pytest

from gpumkt.config import ROOT, Settings

SEEDS = ROOT / "seeds"


class FakeEmbedder:
    """Maps text to a unit vector of hashed character bigrams: same text, same vector."""

    name = "fake-embedder"
    sha256 = "0" * 64

    def __init__(self, dim: int = 64):
        self.dim = dim
        self.calls = 0

    def embed_batch(self, texts, kind, progress=False):
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype="float32")
        for row, text in enumerate(texts):
            for a, b in zip(text, text[1:]):
                out[row, int(hashlib.md5((a + b).encode()).hexdigest(), 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


@pytest.fixture
def fake_embedder():
    return FakeEmbedder()


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    """A private copy of the five reports, free to modify."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


@pytest.fixture
def settings(tmp_path, seeds_copy) -> Settings:
    """Settings pointing at temp folders, with the small real test models."""
    return Settings(seeds_dir=seeds_copy, index_dir=tmp_path / "index",
                    embed_model="all-minilm-l6-v2", llm_model="smollm2-135m", threads=2)


@pytest.fixture
def cli_env(tmp_path, seeds_copy, monkeypatch):
    """Environment for CLI tests: temp index and seeds, small real models."""
    env = {"GPUMKT_SEEDS_DIR": str(seeds_copy), "GPUMKT_INDEX_DIR": str(tmp_path / "index"),
           "GPUMKT_EMBED_MODEL": "all-minilm-l6-v2", "GPUMKT_LLM_MODEL": "smollm2-135m"}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return env
