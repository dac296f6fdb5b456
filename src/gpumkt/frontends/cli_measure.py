"""``gpumkt eval`` and ``gpumkt bench``: the measuring front ends, apart from the everyday commands."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from gpumkt.config import Settings
from gpumkt.errors import GpumktError
from gpumkt.records import json_line


@click.command("eval")
@click.option("--retrieval", is_flag=True, help="Retrieval only: recall@1/3/5 and MRR, three modes.")
@click.option("--questions", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Question file (default eval/questions.json).")
@click.option("--out", type=click.Path(file_okay=False), default=None, help="Report folder (default eval/).")
@click.option("--limit", type=int, default=0, help="Only the first N questions.")
@click.option("--split", type=click.Choice(["all", "dev", "test"]), default="all",
              help="Only the dev or the test questions.")
@click.option("--script", "script", type=click.Choice(["all", "en", "zh-Hans", "zh-Hant"]), default="all",
              help="Only the questions asked in this script.")
@click.option("--set", "sets", default="", help="Only these question sets, comma-separated (e.g. m or k,l).")
def eval_cmd(retrieval, questions, out, limit, split, script, sets):
    """Run the fixed question set and write a report."""
    from gpumkt.measure import evaluate

    s = Settings.from_env()
    root = s.seeds_dir.parent
    qs = evaluate.load_questions(Path(questions) if questions else root / "eval" / "questions.json")
    qs = qs[:limit] if limit else qs
    out_dir = Path(out) if out else root / "eval"
    out_dir.mkdir(parents=True, exist_ok=True)
    p = _eval_pipeline(s)
    if split != "all":
        qs = [q for q in qs if q.split == split]
    if script != "all":
        qs = [q for q in qs if q.script == script]
    if sets:
        qs = [q for q in qs if q.set in sets.split(",")]
    if retrieval:
        report = evaluate.retrieval_eval(_eval_search(p, root), qs)
        report["embed_model"] = p.index.manifest["embed_model"]["name"]
        md = evaluate.retrieval_markdown(report)
        (out_dir / "retrieval_report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
        (out_dir / "retrieval_report.md").write_text(md + "\n")
        click.echo(md)
        return
    _full_eval(p, qs, out_dir, root)


def _pipeline(**overrides):
    from gpumkt.pipeline import (
        Pipeline,  # not at import time: `gpumkt --help` stays light
    )

    return Pipeline.from_env(**overrides)


def _eval_pipeline(s: Settings):
    """The eval is over the seeds: reports a user added are left out (indexed apart, in a temp folder)."""
    import tempfile

    from gpumkt.ingest import library
    from gpumkt.pipeline import Pipeline

    if library.records(s.library_dir):
        click.echo("eval: leaving your added reports out; indexing the seeds alone in a temp folder", err=True)
        tmp = Path(tempfile.mkdtemp(prefix="gpumkt-eval-"))
        s = s.replace(library_dir=tmp / "library", index_dir=tmp / "index")
    return Pipeline(s)


def _docs_pipeline(p, root: Path):
    """A pipeline over the reports plus the English eval documents (eval/docs), indexed in a
    temporary folder: they never enter the default corpus. Shares the loaded models."""
    import shutil
    import tempfile

    from gpumkt.pipeline import Pipeline

    tmp = Path(os.environ.get("GPUMKT_EVAL_DOCS_DIR") or tempfile.mkdtemp(prefix="gpumkt-eval-"))
    shutil.rmtree(tmp / "seeds", ignore_errors=True)  # the index beside it is reused while current
    shutil.copytree(p.settings.seeds_dir, tmp / "seeds")
    for f in (root / "eval" / "docs").iterdir():
        shutil.copy(f, tmp / "seeds" / f.name)
    s = p.settings.replace(seeds_dir=tmp / "seeds", index_dir=tmp / "index", library_dir=tmp / "library")
    return Pipeline(s, embedder=p.embedder, generator=p.__dict__.get("generator"))


def _eval_search(p, root: Path):
    docs = {}

    def search(q, k, mode):
        if q.corpus == "seeds":
            return p.search(q.question, k, mode)
        if "p" not in docs:  # built once: building copies every report and checks the index
            docs["p"] = _docs_pipeline(p, root)
        return docs["p"].search(q.question, k, mode)
    return search


def _full_eval(p, qs, out_dir: Path, root: Path) -> None:
    import platform

    from tqdm import tqdm

    from gpumkt.measure import evaluate
    from gpumkt.records import answer_json

    p.ask("warm-up: CoreWeave 营收")  # load models first so timings measure answering, not loading
    docs = _docs_pipeline(p, root) if any(q.corpus != "seeds" for q in qs) else None
    rows, records = [], []
    for q in tqdm(qs, desc="eval", unit="q", file=sys.stderr):
        pl = p if q.corpus == "seeds" else docs
        history = [(h, pl.ask(h).answer) for h in (q.history or [])]
        a = pl.ask(q.question, history=history)
        # The model's own text too, so a fallback can be read against what it replaced.
        records.append({"id": q.id, **answer_json(a), "generated": a.generated, "fallback": a.fallback})
        rows.append(evaluate.score_answer(q, a))
    report = {"model": p.generator.name, "machine": f"{platform.machine()} CPU, {os.cpu_count()} cores",
              "questions": len(qs), "summary": evaluate.summarise(rows), "rows": rows}
    md = evaluate.full_markdown(report)
    (out_dir / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    (out_dir / "report.md").write_text(md + "\n")
    (out_dir / "answers.jsonl").write_text("".join(json_line(r) + "\n" for r in records))
    click.echo(md)


# ---------------------------------------------------------------- bench


@click.command("bench")
@click.option("--limit", default=12, show_default=True, help="Answerable eval questions to time.")
@click.option("--device", type=click.Choice(["cpu", "gpu"]), default="cpu", show_default=True)
@click.option("--model", "model_names", multiple=True, help="Models to time (default: all installed).")
@click.option("--levers/--no-levers", default=True, help="Also measure threads, n_batch, evidence, KV reuse.")
@click.option("--out", type=click.Path(file_okay=False), default=None, help="Report folder (default bench/).")
@click.option("--ingest", is_flag=True, help="Only time adding a 20-page PDF against a full rebuild.")
@click.option("--grow", "grow", type=click.Path(exists=True, file_okay=False), default=None,
              help="With --ingest: add this folder's reports first (untimed), for a larger library.")
@click.option("--oneshot", is_flag=True, help="Only time `gpumkt ask` from the shell, cold and with a server.")
@click.option("--chat", "chat", is_flag=True, help="Only time first tokens by turn in chats with follow-ups.")
def bench_cmd(limit, device, model_names, levers, out, ingest, grow, oneshot, chat):
    """Measure index build, search and generation speed on this machine."""
    from gpumkt.measure import bench, evaluate

    s = Settings.from_env(device=device)
    out_dir = Path(out) if out else s.seeds_dir.parent / "bench"
    if ingest:
        return _bench_ingest(out_dir, Path(grow) if grow else None)
    if oneshot:
        return _bench_oneshot(out_dir, s)
    if chat:
        return _bench_chat(out_dir, s, device)
    if device == "gpu":
        import llama_cpp

        if not llama_cpp.llama_supports_gpu_offload():
            raise GpumktError("this llama-cpp-python has no GPU support: reinstall it with "
                              "CMAKE_ARGS=\"-DGGML_CUDA=on\" pip install --force-reinstall --no-cache-dir "
                              "llama-cpp-python==0.3.36 on a machine with CUDA")
    root = s.seeds_dir.parent
    qs = [q.question for q in evaluate.load_questions(root / "eval" / "questions.json")
          if q.type != "unanswerable"][:limit]
    p = _pipeline(device=device)
    names = list(model_names) or bench.installed_llms(p)
    report = bench.run(p, qs, names, levers, progress=lambda m: click.echo(m, err=True))
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    bench.chart(report, out_dir / "chart.png")
    click.echo(bench.table(report))




def _bench_ingest(out_dir: Path, grow: Path | None) -> None:
    from gpumkt.measure import bench, bench_ingest

    grown = sorted(f for f in grow.iterdir() if f.is_file()) if grow else []
    r = bench_ingest.run(_pipeline(), progress=lambda m: click.echo(m, err=True), grown=grown)
    r["machine"] = bench.machine("cpu")
    out_dir.mkdir(parents=True, exist_ok=True)
    name = "ingest_grown.json" if grown else "ingest.json"
    (out_dir / name).write_text(json.dumps(r, indent=1, ensure_ascii=False))
    click.echo(f"{r['documents_before']} reports before · add a {r['pages']}-page PDF ({r['chars']:,} chars, {r['added_passages']} passages): "
               f"{r['add_s']} s · full rebuild ({r['corpus_chars']:,} chars, {r['total_passages']} "
               f"passages): {r['full_rebuild_s']} s · ratio {r['add_over_full']} ({r['embedder']})")


def _bench_chat(out_dir: Path, s: Settings, device: str) -> None:
    from gpumkt.measure import bench

    chats = json.loads((s.seeds_dir.parent / "bench" / "chats.json").read_text(encoding="utf-8"))["chats"]
    r = bench.bench_chat(_pipeline(device=device), chats)
    r["machine"] = bench.machine(device)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "chat.json").write_text(json.dumps(r, indent=1, ensure_ascii=False))
    by_turn = " · ".join(f"turn {t}: {ms / 1000:.2f} s" for t, ms in r["first_token_ms_p50_by_turn"].items())
    later = r["turns_2_5_first_token_ms_p50"]
    click.echo(f"first token p50 by turn ({r['model']}, {r['chats']} chats): {by_turn or 'no turn answered'}"
               + (f"; turns 2-5 p50 {later / 1000:.2f} s, max {r['turns_2_5_first_token_ms_max'] / 1000:.2f} s"
                  if later is not None else ""))


def _bench_oneshot(out_dir: Path, s: Settings) -> None:
    from gpumkt.measure import bench, bench_oneshot, evaluate

    qs = [q.question for q in evaluate.load_questions(s.seeds_dir.parent / "eval" / "questions.json")
          if q.type != "unanswerable" and q.split == "dev"][:6]
    r = bench_oneshot.run(qs, progress=lambda m: click.echo(m, err=True))
    r["machine"] = bench.machine("cpu")
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "oneshot.json").write_text(json.dumps(r, indent=1, ensure_ascii=False))
    click.echo(f"gpumkt --help: {r['help_s']} s (median of 5)")
    for name in ("cold", "with_server"):
        x = r[name]
        click.echo(f"{name:12} wall {x['wall_s']['median']} s ({x['wall_s']['min']}–{x['wall_s']['max']}) · "
                   f"first token {x['first_token_s']['median']} s · peak {x['peak_mb']['median']} MB · "
                   f"{x['runs'] - x['failed']}/{x['runs']} ok")
