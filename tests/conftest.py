"""Predictable fakes and shared fixtures. No test touches the real index/ or models/ folders."""

from __future__ import annotations

import hashlib
import re
import shutil
import socket
import threading
import time
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
    return Settings(seeds_dir=seeds_copy, index_dir=tmp_path / "index", library_dir=tmp_path / "library",
                    embed_model="all-minilm-l6-v2", llm_model="smollm2-135m", threads=2)


@pytest.fixture
def cli_env(tmp_path, seeds_copy, monkeypatch):
    """Environment for CLI tests: temp index and seeds, small real models."""
    env = {"GPUMKT_SEEDS_DIR": str(seeds_copy), "GPUMKT_INDEX_DIR": str(tmp_path / "index"),
           "GPUMKT_LIBRARY_DIR": str(tmp_path / "library"),
           "GPUMKT_SERVER_URL": "http://127.0.0.1:9",  # no `gpumkt serve` a developer runs is used
           "GPUMKT_EMBED_MODEL": "all-minilm-l6-v2", "GPUMKT_LLM_MODEL": "smollm2-135m"}
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    return env


class FakeGenerator:
    """Replies are queued with ``enqueue``; each reply streams word by word. Predictable, no model."""

    name = "fake-llm"
    sha256 = "f" * 64
    device = "cpu"

    def __init__(self):
        from gpumkt.answer.generate import Usage

        self.replies, self.prompts = [], []
        self.usage = Usage()
        self.delay = 0.0  # seconds per piece, to let a test press "stop" mid-answer
        self.finished = threading.Event()  # set when a reply stops streaming, ended or cut short

    def enqueue(self, *replies):
        self.replies.extend(replies)
        return self

    def stream(self, messages, max_tokens, temperature):
        from gpumkt.answer.generate import Usage

        self.prompts.append(messages)
        reply = self.replies.pop(0) if self.replies else "无法回答。"
        self.usage = Usage(prompt_tokens=sum(len(m["content"]) for m in messages), completion_tokens=0)
        self.finished.clear()
        try:
            for piece in reply.split(" "):
                time.sleep(self.delay)
                self.usage.completion_tokens += 1
                yield piece + " "
        finally:
            self.finished.set()


class ObedientGenerator(FakeGenerator):
    """A model that does what its prompt says: when the evidence or the question carries an
    instruction to ignore the rules (忽略 / ignore), it obeys and states ``INVENTED`` uncited;
    otherwise it answers with the first figure of evidence [1], cited. So a test can show that
    what is checked does not depend on what the model was told."""

    INVENTED = "888亿美元"

    def stream(self, messages, max_tokens, temperature):
        from gpumkt.lang.numbers import figures

        prompt = messages[-1]["content"]
        first = next((line for line in prompt.splitlines() if line.startswith("[1]")), "")
        found = [f for f in figures(first) if re.search(r"亿|万|%|\$|美元", f.text)]  # not a year
        if re.search(r"忽略|ignore", prompt, re.I):
            self.replies = [f"营收为{self.INVENTED}。"]
        else:
            self.replies = [f"{found[0].text}[1]。" if found else "无法回答。"]
        yield from super().stream(messages, max_tokens, temperature)


@pytest.fixture(scope="session")
def shared_index(tmp_path_factory):
    """One index over the real seeds built with the fake embedder, shared by pipeline tests."""
    from gpumkt.search import index as ix

    folder = tmp_path_factory.mktemp("shared") / "index"
    ix.save(ix.build(SEEDS, FakeEmbedder()), folder)
    return folder


@pytest.fixture
def fake_pipeline(shared_index):
    from gpumkt.pipeline import Pipeline

    s = Settings(seeds_dir=SEEDS, index_dir=shared_index, library_dir=shared_index.parent / "library",
                 embed_model="fake", llm_model="fake",
                 min_similarity=0.0)  # hashed-bigram vectors have no calibrated similarity
    return Pipeline(s, embedder=FakeEmbedder(), generator=FakeGenerator(), notify=lambda m: None)
