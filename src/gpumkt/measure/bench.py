"""``gpumkt bench``: measure this machine — index build, search latency, and for each installed
generation model the time to first token and decode speed through the pipeline and through
llama-cpp-python directly, plus the CPU levers (threads, n_batch, evidence count, KV prefix reuse)."""

from __future__ import annotations

import os
import platform
import resource
import time

from gpumkt import models
from gpumkt.measure.evaluate import median, percentile
from gpumkt.pipeline import Pipeline

RATIO_ROUNDS = 5  # interleaved pipeline / direct rounds: one run each cannot tell overhead from noise
RATIO_QUESTIONS = 6


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
    p.embedder.embed_batch(["warm-up"], "query")  # model load is not part of the build
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    idx = p.build_index()
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
    """Time to first token through the pipeline, and its decode speed against llama-cpp-python
    directly on the same prompts."""
    t0 = time.perf_counter()
    p.use_model(name, None)
    p.warm_up()
    load_s = time.perf_counter() - t0
    answers = [p.ask(q) for q in questions]
    timed = [a for a in answers if not a.refused]
    ratio = decode_ratio(p, [a.question for a in timed][:RATIO_QUESTIONS])
    return {
        "model": name, "load_s": round(load_s, 2), "questions": len(timed),
        "first_token_ms_p50": round(median([a.timings.first_token_ms for a in timed]), 1),
        "first_token_ms_p95": round(percentile([a.timings.first_token_ms for a in timed], 95), 1),
        "prompt_tokens_p50": median([a.timings.prompt_tokens for a in timed]),
        "prompt_tokens_per_s": ratio.pop("prompt_tokens_per_s"), **ratio,
    }


def decode_ratio(p: Pipeline, questions: list[str], rounds: int = RATIO_ROUNDS) -> dict:
    """Pipeline / direct decode speed: per round, every question through the pipeline and then its
    same prompt straight through llama-cpp-python; the median of the rounds' ratios, with the spread."""
    prompts = [p.prompt_for(q) for q in questions]
    ratios, pipe_all, raw_all, same = [], [], [], True
    for _ in range(rounds):
        pipe, raw = [], []
        for q, messages in zip(questions, prompts):
            a = p.ask(q)
            p.forget_prefix()  # else the direct run finds this very prompt evaluated: no prompt speed
            r = p.generate_direct(messages)
            same = same and r["prompt_tokens"] == a.timings.prompt_tokens
            pipe.append(a.timings.decode_tokens_per_s)
            raw.append(r)
        pipe_all += pipe
        raw_all += raw
        ratios.append(median(pipe) / median([r["decode_tokens_per_s"] for r in raw]))
    return {"decode_tokens_per_s": round(median(pipe_all), 2),
            "raw_decode_tokens_per_s": round(median([r["decode_tokens_per_s"] for r in raw_all]), 2),
            "decode_ratio": round(median(ratios), 3), "decode_ratio_min": round(min(ratios), 3),
            "decode_ratio_max": round(max(ratios), 3), "ratio_rounds": rounds,
            "prompt_tokens_per_s": round(median([r["prompt_tokens_per_s"] for r in raw_all]), 1),
            "raw_prompt_tokens_equal": same}


def bench_levers(p: Pipeline, name: str, questions: list[str]) -> dict:
    """What each CPU lever buys: threads, n_batch, evidence count, KV prefix reuse."""
    out = {}
    base = p.settings
    same = {"llm_model": name, "threads": base.threads, "n_batch": base.n_batch,
            "evidence_count": base.evidence_count}
    for label, change in [("threads=1", {"threads": 1}), (f"threads={base.threads}", {}),
                          ("n_batch=32", {"n_batch": 32}), (f"n_batch={base.n_batch}", {}),
                          ("evidence=2", {"evidence_count": 2}), ("evidence=4", {"evidence_count": 4}),
                          ("evidence=6", {"evidence_count": 6})]:
        p.configure(**{**same, **change})
        out[label] = _ttft([p.ask(q) for q in questions])
    p.configure(**same)
    out["kv_reuse=on"] = _ttft([p.ask(q) for q in questions])
    out["kv_reuse=off"] = _ttft([_fresh_ask(p, q) for q in questions])
    p.configure(llm_model=base.llm_model)
    return out


def _fresh_ask(p: Pipeline, question: str):
    p.forget_prefix()  # the system prompt is processed again
    return p.ask(question)


def _ttft(answers) -> dict:
    timed = [a for a in answers if not a.refused]
    return {"first_token_ms_p50": round(median([a.timings.first_token_ms for a in timed]), 1),
            "decode_tokens_per_s": round(median([a.timings.decode_tokens_per_s for a in timed]), 2),
            "prompt_tokens_p50": median([a.timings.prompt_tokens for a in timed])}


def bench_chat(p: Pipeline, chats: list[list[str]]) -> dict:
    """Time to first token by turn, in chats asked as the UI asks them (each turn with the
    earlier (question, answer) pairs): a follow-up should start as fast as a first question."""
    p.warm_up()
    by_turn: dict[int, list[float]] = {}
    for chat in chats:
        pairs: list[tuple[str, str]] = []
        for turn, question in enumerate(chat, 1):
            a = p.ask(question, history=pairs)
            pairs.append((question, a.answer))
            if not a.refused:
                by_turn.setdefault(turn, []).append(a.timings.first_token_ms)
    later = [ms for turn, v in by_turn.items() if turn > 1 for ms in v]
    return {"model": p.settings.llm_model, "chats": len(chats),
            "first_token_ms_p50_by_turn": {t: round(median(v), 1) for t, v in sorted(by_turn.items())},
            "answered_by_turn": {t: len(v) for t, v in sorted(by_turn.items())},
            "turns_2_5_first_token_ms_p50": round(median(later), 1) if later else None,
            "turns_2_5_first_token_ms_max": round(max(later), 1) if later else None}


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
                 "| raw decode tok/s | ratio median (min–max) |", "|---|---|---|---|---|---|---|---|---|"]
    for r in report["models"]:
        lines.append(f"| {r['model']} | {r['load_s']} | {r['first_token_ms_p50']} | {r['first_token_ms_p95']} "
                     f"| {r['prompt_tokens_p50']} | {r['prompt_tokens_per_s']} | {r['decode_tokens_per_s']} "
                     f"| {r['raw_decode_tokens_per_s']} | {r['decode_ratio']} ({r['decode_ratio_min']}–"
                     f"{r['decode_ratio_max']}, {r['ratio_rounds']} rounds) |")
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
