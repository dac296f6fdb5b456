"""The question encoder (transformers alone) against sentence-transformers, on the real small model."""

import json
import shutil

import numpy as np
import pytest

from gpumkt import models
from gpumkt.config import Settings
from gpumkt.search.embed import QueryEncoder, SentenceTransformerEmbedder

pytestmark = pytest.mark.integration
QUESTIONS = ["What was Acme's revenue in 2025?", "Acme 2025年营收是多少?", "輝達的市值是多少?" * 40]


@pytest.fixture(scope="module")
def minilm():
    path, name, sha = models.resolve("all-minilm-l6-v2", Settings().models_dir, "embed")
    return path, name


def test_a_question_gets_the_vector_sentence_transformers_gives(minilm):
    quick = SentenceTransformerEmbedder(*minilm)
    vecs = np.vstack([quick.embed_batch([q], "query") for q in QUESTIONS])
    assert quick._model is None  # sentence-transformers was never imported for the questions
    full = quick._load()  # passages to embed: sentence-transformers, and the encoder's copy is let go
    ref = full.encode(QUESTIONS, normalize_embeddings=True, convert_to_numpy=True)
    assert vecs.shape == ref.shape and np.abs(vecs - ref).max() < 1e-5  # the long one is cut as there
    assert quick._quick is None and np.abs(quick.embed_batch([QUESTIONS[0]], "query")[0] - ref[0]).max() < 1e-5


def test_a_folder_with_any_other_module_goes_through_sentence_transformers(minilm, tmp_path):
    folder = tmp_path / "m"
    shutil.copytree(minilm[0], folder, ignore=shutil.ignore_patterns("*.safetensors"))
    assert QueryEncoder.plan(folder) is not None
    modules = json.loads((folder / "modules.json").read_text())
    (folder / "modules.json").write_text(json.dumps(modules + [{"idx": 3, "name": "3", "path": "3_X",
                                                               "type": "sentence_transformers.models.LayerNorm"}]))
    assert QueryEncoder.plan(folder) is None
    (folder / "modules.json").write_text(json.dumps(modules))
    (folder / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_max_tokens": True}))
    assert QueryEncoder.plan(folder) is None
