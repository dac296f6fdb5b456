"""The real llama.cpp path with SmolLM2-135M (small and fast), in-process."""

import pytest

from gpumkt import models
from gpumkt.answer.check import MARKER
from gpumkt.answer.generate import LlamaCppGenerator, check_gguf
from gpumkt.answer.prompt import build_messages
from gpumkt.config import ROOT
from gpumkt.errors import BackendError, ModelCorrupt, ModelMissing
from gpumkt.lang.numbers import figures
from gpumkt.pipeline import Pipeline

pytestmark = pytest.mark.integration


@pytest.fixture(scope="session")
def smol_path():
    path, _, _ = models.resolve("smollm2-135m", ROOT / "models", "llm")
    return path


@pytest.fixture(scope="session")
def smol(smol_path):
    return LlamaCppGenerator(smol_path, "smollm2-135m", threads=2, n_ctx=1024)


def test_streams_tokens_greedily(smol):
    messages = [{"role": "user", "content": "Say hello."}]
    first = "".join(smol.stream(messages, max_tokens=12, temperature=0.0))
    assert first.strip() and smol.usage.completion_tokens > 0 and smol.usage.prompt_tokens > 0
    again = "".join(smol.stream(messages, max_tokens=12, temperature=0.0))
    assert again == first  # greedy decoding repeats


def test_pipeline_answers_with_the_real_model(smol, shared_index, fake_embedder):
    from gpumkt.config import Settings

    s = Settings(index_dir=shared_index, library_dir=shared_index.parent / "library",
                 embed_model="fake", llm_model="smollm2-135m", max_tokens=48)
    p = Pipeline(s, embedder=fake_embedder, generator=smol, notify=lambda m: None)
    tokens = []
    a = p.ask("What was CoreWeave's revenue in Q2 2025?", on_token=tokens.append)
    assert not a.refused and a.citations and tokens
    assert a.timings.first_token_ms > 0 and a.timings.prompt_tokens > 0
    assert a.model["name"] == "smollm2-135m"
    # Whichever path gives it (the model or the checked fallback), the quarter's revenue reaches
    # the user, and the market's expectation in the same sentence is never said as the revenue.
    assert "$1.2 billion" in a.answer or "1.2 billion" in a.answer
    assert "CoreWeave revenue (Q2 2025): $1.08" not in a.answer
    # A figure the check rejected never reaches the user. Compared as figures, not substrings: a
    # rejected "1" (the model numbering its answer) is inside "$1.2 billion" and "[1]" as text.
    said = {f.text for f in figures(MARKER.sub(" ", a.answer))}
    assert said and not said & set(a.unsupported)


def test_missing_model_file_names_the_fix(tmp_path):
    with pytest.raises(ModelCorrupt, match="gpumkt models pull smollm2-135m"):
        LlamaCppGenerator(tmp_path / "nope.gguf", "smollm2-135m").load()


def test_non_gguf_and_truncated_files_are_caught(tmp_path, smol_path):
    junk = tmp_path / "junk.gguf"
    junk.write_bytes(b"not a model at all")
    with pytest.raises(ModelCorrupt, match="not a GGUF file"):
        check_gguf(junk, "x")
    cut = tmp_path / "cut.gguf"
    cut.write_bytes(smol_path.read_bytes()[:1_000_000])
    with pytest.raises(ModelCorrupt, match="gpumkt models pull"):
        LlamaCppGenerator(cut, "smollm2-135m").load()


def test_gpu_request_without_gpu_support_is_clear(smol_path):
    import llama_cpp

    if llama_cpp.llama_supports_gpu_offload():
        pytest.skip("this llama-cpp-python has GPU support")
    with pytest.raises(BackendError, match="no GPU support.*GGML_CUDA"):
        LlamaCppGenerator(smol_path, "smollm2-135m", device="gpu").load()


def test_unknown_model_name(tmp_path):
    with pytest.raises(ModelMissing, match="unknown llm model"):
        models.resolve("gpt-17", ROOT / "models", "llm")


def test_prompt_is_compact():
    from gpumkt.records import Evidence

    e = [Evidence(n=i, source="s", chunk_id="c", section="x", quote="营收12亿美元。" * 3, start=0, end=1,
                  score=1.0, label="营收12亿美元。" * 3) for i in range(1, 5)]
    messages = build_messages("CoreWeave 营收?", e, "zh-Hans")
    assert len("".join(m["content"] for m in messages)) < 1200
