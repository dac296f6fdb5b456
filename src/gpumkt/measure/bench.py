"""``gpumkt bench``: measure this machine — index build, search latency, and for each installed
generation model the time to first token and decode speed through the pipeline and through
llama-cpp-python directly, plus the CPU levers (threads, n_batch, evidence count, KV prefix reuse)."""

from __future__ import annotations

import os
import platform
import resource
import time
from dataclasses import replace

from gpumkt import models
from gpumkt.answer.generate import LlamaCppGenerator
from gpumkt.answer.prompt import build_messages
from gpumkt.measure.evaluate import median, percentile
from gpumkt.pipeline import Pipeline
from gpumkt.search import index as index_mod


def machine(device: str) -> dict:
    import llama_cpp

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "device": device,
            "llama_cpp_python": llama_cpp.__version__,
            "gpu_offload": bool(llama_cpp.llama_supports_gpu_offload()), "python": platform.python_version()}


def bench_index(p: Pipeline) -> dict:
    s = p.settings
    p.embedder.embed_batch(["warm-up"], "query")  # model load is not part of the build
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    idx = index_mod.build(s.seeds_dir, p.embedder)
    build_s = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"chunks": len(idx.chunks), "build_s": round(build_s, 2),
            "peak_rss_mb": round(peak / 1024, 1), "rss_growth_mb": round((peak - before) / 1024, 1)}


def bench_search(p: Pipeline, questions: list[str]) -> dict:
    out = {}
    t0 = time.perf_counter()
    for q in questions:
        p.embedder.embed_batch([q], "query")
    out["query_embed_ms"] = round((time.perf_counter() - t0) * 1000 / len(questions), 1)
    for mode in ("bm25", "dense", "hybrid"):
        times = []
        for q in questions:
            t = time.perf_counter()
            p.search(q, 5, mode)
            times.append((time.perf_counter() - t) * 1000)
        out[mode] = {"p50_ms": round(median(times), 1), "p95_ms": round(percentile(times, 95), 1)}
    return out


def bench_model(p: Pipeline, name: str, questions: list[str]) -> dict:
    """Pipeline vs raw llama-cpp-python on the same prompts, for one model."""
    t0 = time.perf_counter()
    p.use_model(name, None)
    p.generator.load()
    load_s = time.perf_counter() - t0
    answers = [p.ask(q) for q in questions]
    timed = [a for a in answers if not a.refused]
    raw = [_raw_decode(p.generator, m, p.settings) for m in _real_prompts(p, timed)]
    pipe_decode = median([a.timings.decode_tokens_per_s for a in timed if a.timings.decode_tokens_per_s])
    raw_decode = median([r["decode_tokens_per_s"] for r in raw if r["decode_tokens_per_s"]])
    return {
        "model": name, "load_s": round(load_s, 2), "questions": len(timed),
        "first_token_ms_p50": round(median([a.timings.first_token_ms for a in timed]), 1),
        "first_token_ms_p95": round(percentile([a.timings.first_token_ms for a in timed], 95), 1),
        "prompt_tokens_p50": median([a.timings.prompt_tokens for a in timed]),
        "prompt_tokens_per_s": round(median([r["prompt_tokens_per_s"] for r in raw]), 1),
        "decode_tokens_per_s": pipe_decode, "raw_decode_tokens_per_s": raw_decode,
        "decode_ratio": round(pipe_decode / raw_decode, 3) if raw_decode else None,
        "raw_prompt_tokens_equal": all(r["prompt_tokens"] == a.timings.prompt_tokens
                                       for r, a in zip(raw, timed)),
    }


def _real_prompts(p: Pipeline, answers) -> list[list[dict]]:
    """The exact messages the pipeline sent, rebuilt from the same evidence selection."""
    return [build_messages(a.question, p.evidence_for(a.question)[1].evidence, a.language) for a in answers]


def _raw_decode(gen: LlamaCppGenerator, messages: list[dict], s) -> dict:
    """The same prompt straight through llama-cpp-python, no pipeline around it."""
    llm = gen.load()
    t0 = time.perf_counter()
    first, n = None, 0
    for chunk in llm.create_chat_completion(messages=messages, max_tokens=s.max_tokens, temperature=0.0,
                                            top_k=1, stream=True):
        if chunk["choices"][0].get("delta", {}).get("content"):
            first = first or time.perf_counter()
            n += 1
    end = time.perf_counter()
    prompt_tokens = max(0, llm.n_tokens - n)
    return {"prompt_tokens": prompt_tokens,
            "prompt_tokens_per_s": prompt_tokens / (first - t0) if first else 0.0,
            "decode_tokens_per_s": round((n - 1) / (end - first), 2) if first and n > 1 else 0.0}


def bench_levers(p: Pipeline, name: str, questions: list[str]) -> dict:
    """What each CPU lever buys: threads, n_batch, evidence count, KV prefix reuse."""
    out = {}
    base = p.settings
    for label, change in [("threads=1", {"threads": 1}), (f"threads={base.threads}", {}),
                          ("n_batch=32", {"n_batch": 32}), (f"n_batch={base.n_batch}", {}),
                          ("evidence=2", {"evidence_count": 2}), ("evidence=4", {"evidence_count": 4}),
                          ("evidence=6", {"evidence_count": 6})]:
        p.settings = replace(base, llm_model=name, **change)
        p.__dict__.pop("generator", None)
        answers = [p.ask(q) for q in questions]
        out[label] = _ttft(answers)
    p.settings = replace(base, llm_model=name)
    p.__dict__.pop("generator", None)
    out["kv_reuse=on"] = _ttft([p.ask(q) for q in questions])
    out["kv_reuse=off"] = _ttft([_fresh_ask(p, q) for q in questions])
    p.settings = base
    return out


def _fresh_ask(p: Pipeline, question: str):
    p.generator.load().reset()  # forget the evaluated prefix: the system prompt is processed again
    return p.ask(question)


def _ttft(answers) -> dict:
    timed = [a for a in answers if not a.refused]
    return {"first_token_ms_p50": round(median([a.timings.first_token_ms for a in timed]), 1),
            "decode_tokens_per_s": median([a.timings.decode_tokens_per_s for a in timed]),
            "prompt_tokens_p50": median([a.timings.prompt_tokens for a in timed])}


def installed_llms(p: Pipeline) -> list[str]:
    specs = models.load_manifest(p.settings.models_dir)
    return [n for n, sp in specs.items() if sp.kind == "llm" and n != "smollm2-135m"
            and models.model_path(sp, p.settings.models_dir).exists()]


def run(p: Pipeline, questions: list[str], names: list[str], levers: bool, progress=print) -> dict:
    report = {"machine": machine(p.settings.device), "threads": p.settings.threads,
              "n_batch": p.settings.n_batch, "evidence_count": p.settings.evidence_count}
    progress("index build…")
    report["index"] = bench_index(p)
    progress("search latency…")
    report["search"] = bench_search(p, questions)
    report["models"] = []
    for name in names:
        progress(f"model {name}…")
        report["models"].append(bench_model(p, name, questions))
    if levers and names:
        progress(f"levers on {names[0]}…")
        report["levers"] = {"model": names[0], "results": bench_levers(p, names[0], questions[:6])}
    return report


def table(report: dict) -> str:
    m = report["machine"]
    lines = [f"{m['cpu']} · {m['cores']} cores · device {m['device']} · llama-cpp-python "
             f"{m['llama_cpp_python']} · threads {report['threads']}",
             f"index build {report['index']['build_s']} s for {report['index']['chunks']} chunks, "
             f"peak RSS {report['index']['peak_rss_mb']} MB; query embedding "
             f"{report['search']['query_embed_ms']} ms",
             "search p50/p95 ms: " + ", ".join(f"{k} {v['p50_ms']}/{v['p95_ms']}"
                                                for k, v in report["search"].items() if isinstance(v, dict)),
             "", "| model | load s | TTFT p50 ms | TTFT p95 ms | prompt tok | prompt tok/s | decode tok/s "
                 "| raw decode tok/s | ratio |", "|---|---|---|---|---|---|---|---|---|"]
    for r in report["models"]:
        lines.append(f"| {r['model']} | {r['load_s']} | {r['first_token_ms_p50']} | {r['first_token_ms_p95']} "
                     f"| {r['prompt_tokens_p50']} | {r['prompt_tokens_per_s']} | {r['decode_tokens_per_s']} "
                     f"| {r['raw_decode_tokens_per_s']} | {r['decode_ratio']} |")
    if "levers" in report:
        lines += ["", f"levers ({report['levers']['model']}): | setting | TTFT p50 ms | decode tok/s | prompt tok |",
                  "|---|---|---|---|"]
        for k, v in report["levers"]["results"].items():
            lines.append(f"| {k} | {v['first_token_ms_p50']} | {v['decode_tokens_per_s']} | {v['prompt_tokens_p50']} |")
    return "\n".join(lines)


def chart(report: dict, path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = report["models"]
    labels = [f"{r['model']}\n{report['machine']['device']}" for r in rows]
    fig, (a, b) = plt.subplots(1, 2, figsize=(9, 3.5))
    a.bar(labels, [r["first_token_ms_p50"] / 1000 for r in rows], color="#f59e0b")
    a.set_title("time to first token, p50 (s)")
    b.bar(labels, [r["decode_tokens_per_s"] for r in rows], color="#3b82f6")
    b.set_title("decode tokens/s (pipeline)")
    fig.suptitle(f"{report['machine']['cpu']} · {report['machine']['cores']} cores", fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
