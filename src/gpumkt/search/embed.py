"""Embedding: one small interface (``embed_batch``) and a lazy sentence-transformers adapter."""

from __future__ import annotations

import json
import os
import threading
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
        self._quick: QueryEncoder | None | bool = False  # False: not tried yet

    def _query_encoder(self) -> QueryEncoder | None:
        """A question's vector without importing sentence-transformers (2-3 s of a cold start),
        for the model folders whose modules it can compute; None for any other."""
        if self._quick is False:
            plan = QueryEncoder.plan(self.path)
            self._quick = QueryEncoder(self.path, self.name, plan) if plan else None
        return self._quick

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
                self._quick = None  # one copy of the weights: questions go through this model from now on
            except Exception as exc:  # a half-copied folder fails deep inside transformers
                raise ModelCorrupt(f"cannot load embedding model {self.name} from {self.path} "
                                   f"({type(exc).__name__}): run `gpumkt models pull {self.name}`") from exc
        return self._model

    def embed_batch(self, texts: list[str], kind: str, progress: bool = False) -> np.ndarray:
        if kind == "query" and len(texts) == 1 and self._model is None:
            quick = self._query_encoder()
            if quick is not None:
                return quick.encode(texts[0])[None, :]
        model = self._load()
        prompt = kind if kind in (getattr(model, "prompts", None) or {}) else None
        vecs = model.encode(list(texts), prompt_name=prompt, batch_size=self.batch_size,
                            normalize_embeddings=True, convert_to_numpy=True,
                            show_progress_bar=progress)
        return np.asarray(vecs, dtype="float32")


SIMPLE_MODULES = ("Transformer", "Pooling", "Dense", "Normalize")


class QueryEncoder:
    """One question through a sentence-transformers folder's own modules, with transformers and
    the tokenizers library alone: the Transformer, mean or CLS pooling (prompt included), linear
    Dense layers, Normalize. Gives the vector sentence-transformers gives (a test compares them)."""

    def __init__(self, path: Path, name: str, plan: dict):
        self.path, self.name, self.plan = path, name, plan
        self._parts = None
        self._lock = threading.Lock()

    @staticmethod
    def plan(path: Path) -> dict | None:
        """What the folder asks for, or None when any module is beyond the simple kinds."""
        try:
            modules = json.loads((path / "modules.json").read_text())
            pooling = json.loads((path / "1_Pooling" / "config.json").read_text())
            prompts = _json_or_empty(path / "config_sentence_transformers.json").get("prompts") or {}
            seq = _json_or_empty(path / "sentence_bert_config.json")
        except (OSError, ValueError):
            return None
        kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
        dense = [path / m["path"] for m in modules if m.get("type", "").endswith("Dense")]
        mode = "cls" if pooling.get("pooling_mode_cls_token") else "mean"
        wanted = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
        if (kinds[:2] != ["Transformer", "Pooling"] or any(k not in SIMPLE_MODULES for k in kinds)
                or len(wanted) != 1 or wanted - {"pooling_mode_mean_tokens", "pooling_mode_cls_token"}
                or pooling.get("include_prompt", True) is False or seq.get("do_lower_case")
                or not all(_linear(d) for d in dense) or not (path / "tokenizer.json").exists()):
            return None
        return {"pooling": mode, "dense": dense, "normalize": "Normalize" in kinds,
                "prompt": prompts.get("query", ""), "max_tokens": int(seq.get("max_seq_length") or 512)}

    def _load(self):
        with self._lock:
            if self._parts is None:
                with timed("torch and transformers imported (question encoder)"):
                    import torch
                    from safetensors.torch import load_file
                    from tokenizers import Tokenizer
                    from transformers import AutoModel
                    from transformers.utils import logging as hf_logging
                hf_logging.disable_progress_bar()
                try:
                    with timed(f"embedder {self.name} loaded for questions"):
                        tok = Tokenizer.from_file(str(self.path / "tokenizer.json"))
                        tok.enable_truncation(self.plan["max_tokens"])
                        tok.no_padding()
                        model = AutoModel.from_pretrained(str(self.path), local_files_only=True).eval()
                        dense = [load_file(str(d / "model.safetensors")) for d in self.plan["dense"]]
                except Exception as exc:  # a half-copied folder fails deep inside transformers
                    raise ModelCorrupt(f"cannot load embedding model {self.name} from {self.path} "
                                       f"({type(exc).__name__}): run `gpumkt models pull {self.name}`") from exc
                self._parts = (torch, tok, model, dense)
        return self._parts

    def encode(self, text: str) -> np.ndarray:
        torch, tok, model, dense = self._load()
        ids = tok.encode(self.plan["prompt"] + text).ids
        with torch.inference_mode():
            hidden = model(input_ids=torch.tensor([ids]), attention_mask=torch.ones(1, len(ids),
                                                                                   dtype=torch.long))
            states = hidden.last_hidden_state[0]
            vec = states[0] if self.plan["pooling"] == "cls" else states.mean(0)
            for layer in dense:
                vec = vec @ layer["linear.weight"].T + layer.get("linear.bias", 0)
            if self.plan["normalize"]:
                vec = torch.nn.functional.normalize(vec, dim=-1)
        return vec.float().numpy().astype("float32")


def _json_or_empty(path: Path) -> dict:
    return json.loads(path.read_text()) if path.exists() else {}


def _linear(folder: Path) -> bool:
    """A Dense layer without an activation (the only kind the question encoder computes)."""
    config = _json_or_empty(folder / "config.json")
    return config.get("activation_function", "").endswith("Identity") and (folder / "model.safetensors").exists()
