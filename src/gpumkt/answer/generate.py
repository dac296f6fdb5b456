"""Generation behind one small interface (``stream``), with two real backends.

- ``LlamaCppGenerator``: llama-cpp-python in-process; the model loads on first use. It keeps the
  evaluated prompt between calls, so the fixed system prompt is a reused KV prefix.
- ``OpenAIServerGenerator``: any OpenAI-compatible chat server (llama-cpp-python's own, vLLM ...).
"""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Protocol

from gpumkt.config import timed
from gpumkt.errors import BackendError, ModelCorrupt


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0


class Generator(Protocol):
    name: str
    sha256: str
    device: str
    usage: Usage

    def stream(self, messages: list[dict], max_tokens: int, temperature: float) -> Iterator[str]:
        """Yield the answer's text pieces as they are generated; fill ``usage`` at the end."""


GGUF_MAGIC = b"GGUF"


def check_gguf(path: Path, name: str) -> None:
    """Fail early, with the fix, on a missing, truncated or non-GGUF file."""
    path = Path(path)
    if not path.is_file():
        raise ModelCorrupt(f"model file {path} is missing: run `gpumkt models pull {name}`")
    with open(path, "rb") as f:
        if f.read(4) != GGUF_MAGIC:
            raise ModelCorrupt(f"{path} is not a GGUF file: delete it and run `gpumkt models pull {name}`")


@dataclass
class LlamaCppGenerator:
    path: Path
    name: str
    sha256: str = ""
    n_ctx: int = 2048
    threads: int = 2
    n_batch: int = 512
    device: str = "cpu"
    usage: Usage = field(default_factory=Usage)
    _llm: object = None
    _loading: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def load(self):
        with self._loading:  # a preload thread and the first question may both ask for it
            if self._llm is not None:
                return self._llm
            with timed(f"answer model {self.name} loaded"):
                return self._load()

    def _load(self):
        if self._llm is None:
            check_gguf(self.path, self.name)
            import llama_cpp

            if self.device == "gpu" and not llama_cpp.llama_supports_gpu_offload():
                raise BackendError("this llama-cpp-python has no GPU support: reinstall it with "
                                   "CMAKE_ARGS=\"-DGGML_CUDA=on\" pip install --force-reinstall "
                                   "--no-cache-dir llama-cpp-python==0.3.36, or use --device cpu")
            try:
                self._llm = llama_cpp.Llama(
                    model_path=str(self.path), n_ctx=self.n_ctx, n_threads=self.threads,
                    n_batch=self.n_batch, n_gpu_layers=-1 if self.device == "gpu" else 0,
                    seed=0, verbose=False)
            except (ValueError, RuntimeError) as exc:  # truncated or damaged weights
                raise ModelCorrupt(f"cannot load {self.path} ({exc}): delete it and run "
                                   f"`gpumkt models pull {self.name}`") from exc
        return self._llm

    def stream(self, messages, max_tokens, temperature):
        llm = self.load()
        self.usage = Usage()
        pieces = llm.create_chat_completion(messages=messages, max_tokens=max_tokens,
                                            temperature=temperature, top_k=1 if temperature == 0 else 40,
                                            stream=True)
        for chunk in pieces:
            text = chunk["choices"][0].get("delta", {}).get("content")
            if text:
                self.usage.completion_tokens += 1
                yield text
        # n_tokens counts what sits in the context: the prompt plus what was evaluated of the answer.
        self.usage.prompt_tokens = max(0, llm.n_tokens - self.usage.completion_tokens)

    def prime(self, messages: list[dict]) -> None:
        """Evaluate ``messages`` (the fixed system prompt) now, one token answered: the next
        prompt that starts the same way reuses it, so a cold start's first answer skips it."""
        with timed("system prompt evaluated"):
            self.load().create_chat_completion(messages=messages, max_tokens=1, temperature=0.0, top_k=1)

    def direct(self, messages: list[dict], max_tokens: int) -> dict:
        """One greedy completion timed around llama-cpp-python alone (the bench's yardstick)."""
        llm = self.load()
        t0, first, n = time.perf_counter(), None, 0
        for chunk in llm.create_chat_completion(messages=messages, max_tokens=max_tokens, temperature=0.0,
                                                top_k=1, stream=True):
            if chunk["choices"][0].get("delta", {}).get("content"):
                first = first or time.perf_counter()
                n += 1
        end = time.perf_counter()
        prompt_tokens = max(0, llm.n_tokens - n)
        return {"prompt_tokens": prompt_tokens,
                "prompt_tokens_per_s": prompt_tokens / (first - t0) if first else 0.0,
                "decode_tokens_per_s": round((n - 1) / (end - first), 2) if first and n > 1 else 0.0}

    def reset(self) -> None:
        """Forget the evaluated prefix: the next prompt is processed from its first token."""
        if self._llm is not None:
            self._llm.reset()


@dataclass
class OpenAIServerGenerator:
    url: str
    name: str = "server"
    timeout: float = 60.0
    sha256: str = ""
    device: str = "server"
    usage: Usage = field(default_factory=Usage)

    def stream(self, messages, max_tokens, temperature):
        self.usage = Usage()
        body = json.dumps({"model": self.name, "messages": messages, "max_tokens": max_tokens,
                           "temperature": temperature, "stream": True,
                           "stream_options": {"include_usage": True}}).encode()
        req = urllib.request.Request(self.endpoint, data=body,
                                     headers={"Content-Type": "application/json"})
        with self._open(req) as resp:
            for raw in self._lines(resp):
                piece = self._piece(raw)
                if piece:
                    self.usage.completion_tokens += 1
                    yield piece

    @property
    def endpoint(self) -> str:
        base = self.url.rstrip("/")
        return base if base.endswith("/chat/completions") else \
            base + ("/chat/completions" if base.endswith("/v1") else "/v1/chat/completions")

    def _open(self, req):
        try:
            return urllib.request.urlopen(req, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            detail = exc.read(300).decode("utf-8", "replace").strip()
            raise BackendError(f"the LLM server at {self.url} answered {exc.code}: {detail}") from exc
        except (urllib.error.URLError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, socket.timeout):
                raise self._slow() from exc
            raise BackendError(f"cannot reach the LLM server at {self.url} ({reason}): start it, "
                               f"or unset GPUMKT_LLM_URL to run the model in-process") from exc
        except socket.timeout as exc:
            raise self._slow() from exc

    def _slow(self) -> BackendError:
        return BackendError(f"the LLM server at {self.url} did not answer within "
                            f"{self.timeout:.0f} s: check it, or raise GPUMKT_LLM_TIMEOUT")

    def _lines(self, resp):
        try:
            for raw in resp:
                yield raw.decode("utf-8", "replace").strip()
        except (socket.timeout, TimeoutError) as exc:
            raise BackendError(f"the LLM server at {self.url} stopped answering for "
                               f"{self.timeout:.0f} s mid-answer") from exc

    def _piece(self, line: str) -> str:
        if not line.startswith("data:"):
            return ""
        data = line[5:].strip()
        if data == "[DONE]":
            return ""
        try:
            obj = json.loads(data)
        except ValueError as exc:
            raise BackendError(f"the LLM server at {self.url} sent malformed JSON: {data[:80]!r}") from exc
        if obj.get("usage"):
            self.usage.prompt_tokens = obj["usage"].get("prompt_tokens", 0)
        choices = obj.get("choices") or [{}]
        if not isinstance(choices, list) or not isinstance(choices[0], dict):
            raise BackendError(f"the LLM server at {self.url} sent an unexpected reply: {data[:80]!r}")
        return (choices[0].get("delta") or {}).get("content") or ""
