"""Command line: one client of the pipeline. Library errors become one line and exit code 1."""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

import click

from gpumkt import models as models_mod
from gpumkt.config import Settings
from gpumkt.errors import GpumktError
from gpumkt.records import json_line


class Group(click.Group):
    """Turns a foreseeable fault into ``Error: <message naming the fix>``; GPUMKT_DEBUG=1 re-raises."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # foreseen or not, a fault ends in one line, never a traceback
            if os.environ.get("GPUMKT_DEBUG") == "1":
                traceback.print_exc()
            foreseen = isinstance(exc, GpumktError)  # its message already names the fix
            raise click.ClickException(
                str(exc) if foreseen else f"{_describe(exc)} (set GPUMKT_DEBUG=1 to see where)") from exc


def _describe(exc: Exception) -> str:
    """One line for an unexpected fault: ``_describe(PermissionError(13, "denied", "out")) ->
    "cannot use out: denied"``."""
    if isinstance(exc, OSError) and exc.filename:
        return f"cannot use {exc.filename}: {exc.strerror or exc}"
    if isinstance(exc, UnicodeError):
        return f"a file is not UTF-8 text ({exc.reason}): save it as UTF-8 and try again"
    return f"unexpected {type(exc).__name__}: {exc}"


@click.group(cls=Group)
@click.version_option(package_name="gpumkt")
def cli():
    """gpumkt: ask the five GPU-market reports; every figure checked against its source."""


def settings(**overrides) -> Settings:
    return Settings.from_env(**overrides)


def pipeline(**overrides):
    from gpumkt.pipeline import Pipeline

    return Pipeline.from_env(**overrides)


# ---------------------------------------------------------------- models


@cli.group()
def models():
    """List, pull and verify model weights (see models/manifest.json)."""


@models.command("list")
def models_list():
    """Show every model in the manifest and whether it is installed."""
    s = settings()
    for name, spec in models_mod.load_manifest(s.models_dir).items():
        try:
            path = models_mod.model_path(spec, s.models_dir)
            state = "installed" if path.exists() else "not installed"
        except GpumktError:
            state = "not installed"
        default = " (default)" if name in (s.embed_model, s.llm_model) else ""
        click.echo(f"{name:22} {spec.kind:5} {state:14} {spec.entry.get('description', '')}{default}")


@models.command("pull")
@click.argument("names", nargs=-1)
@click.option("--all", "pull_all", is_flag=True, help="Pull every model in the manifest.")
def models_pull(names, pull_all):
    """Download, assemble and verify models (default: the configured embedder and LLM)."""
    from tqdm import tqdm

    s = settings()
    specs = models_mod.load_manifest(s.models_dir)
    wanted = list(specs) if pull_all else (list(names) or [s.embed_model, s.llm_model])
    for name in wanted:
        if name not in specs:
            raise GpumktError(f"unknown model '{name}': choose from {', '.join(specs)}")
        with tqdm(total=len(specs[name].entry.get("chunks", [])) or 1, desc=f"pull {name}",
                  unit="chunk", file=sys.stderr) as bar:
            path = models_mod.pull(specs[name], s.models_dir,
                                   progress=lambda i, n: bar.update(i - bar.n))
            bar.update(bar.total - bar.n)
        click.echo(f"{name}: {path}")


@models.command("verify")
@click.argument("names", nargs=-1)
def models_verify(names):
    """Rehash installed models against the manifest's sha256."""
    s = settings()
    specs = models_mod.load_manifest(s.models_dir)
    for name in names or [n for n in specs if _installed(specs[n], s)]:
        if name not in specs:
            raise GpumktError(f"unknown model '{name}': choose from {', '.join(specs)}")
        click.echo(f"{name}: ok {models_mod.verify(specs[name], s.models_dir)}")


def _installed(spec, s) -> bool:
    try:
        return models_mod.installed_check_file(spec, s.models_dir).exists()
    except GpumktError:
        return False


# ---------------------------------------------------------------- index and search


@cli.command("index")
@click.option("--rebuild", is_flag=True, help="Build again even if the index is current.")
def index_cmd(rebuild):
    """Build the index in index/ (or check that it is current)."""
    p = pipeline()
    t0 = time.perf_counter()
    idx = p.rebuild_index() if rebuild else p.index
    click.echo(f"index: {len(idx.chunks)} chunks from {len(idx.manifest['seeds'])} reports, "
               f"model {idx.manifest['embed_model']['name']}, {time.perf_counter() - t0:.1f} s")


@cli.command()
@click.argument("query", required=False)
@click.option("--k", default=5, show_default=True, help="Number of results.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--batch", type=click.Path(exists=True, dir_okay=False), help="One query per line.")
@click.option("--mode", type=click.Choice(["hybrid", "bm25", "dense"]), default="hybrid")
@click.option("--local", is_flag=True, help="Search in this process even if `gpumkt serve` is running.")
def search(query, k, as_json, batch, mode, local):
    """Find the passages that match QUERY (Simplified, Traditional or English)."""
    queries = _queries(query, batch)
    p = Answerer(settings(), local)
    for q in queries:
        hits = p.search(q, k, mode)
        if as_json:
            click.echo(json_line(search_record(q, hits)))
        else:
            _print_hits(q, hits)


def _queries(query, batch) -> list[str]:
    if batch:
        return [ln.strip() for ln in _batch_text(Path(batch).read_bytes()).split("\n") if ln.strip()]
    if not query or not query.strip():
        raise GpumktError("give a question, e.g. gpumkt search \"CoreWeave 客户集中度\"")
    return [query]


def _batch_text(raw: bytes) -> str:
    """A batch file's text: UTF-8, or UTF-16 / UTF-8 with the byte-order mark editors write.

    ``_batch_text(b"\\xef\\xbb\\xbfNVIDIA\\r\\n") -> "NVIDIA\\n"``
    """
    bom16 = raw[:2] in (b"\xff\xfe", b"\xfe\xff")
    text = raw.decode("utf-16") if bom16 else raw.decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def search_record(query: str, hits) -> dict:
    return {"query": query, "results": [
        {"rank": h.rank, "source": h.chunk.source, "chunk_id": h.chunk.id, "section": h.chunk.section,
         "text": h.chunk.text, "start": h.chunk.start, "end": h.chunk.end, "score": round(h.score, 6)}
        for h in hits]}


def _print_hits(query: str, hits) -> None:
    from gpumkt.lang.text import squash

    click.echo(f"query: {query}")
    for h in hits:
        click.echo(f"{h.rank:>2}. [{h.score:.4f}] {h.chunk.source}  {h.chunk.id}  ({h.chunk.section})")
        click.echo(f"    {squash(h.chunk.readable)[:160]}")


# ---------------------------------------------------------------- evaluation


@cli.command("facts")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per figure.")
def facts_cmd(name, as_json):
    """Every figure the reports give about NAME: metric, period, source span, conflicts."""
    rows = pipeline().fact_sheet(name)
    if not rows:
        raise click.ClickException(f"the reports attach no figure to {name!r}: try another name "
                                   "(`gpumkt search NAME` shows where it occurs)")
    for r in rows:
        if as_json:
            click.echo(json_line(r))
            continue
        clash = "  ⚖️ " + ", ".join(f"{c['figure']} ({c['source'][:3]})" for c in r["conflicts"]) if r["conflicts"] else ""
        click.echo(f"{r['metric'] or '—':<10} {r['period'] or '—':<8} {r['figure']:<14} "
                   f"{r['source'][:3]}:{r['start']}  {r['sentence'][:60]!s}{clash}")


# ---------------------------------------------------------------- ask


class Answerer:
    """A running `gpumkt serve` with the same index and models when there is one, else the
    pipeline in this process; a server that stops mid-answer is left for the pipeline."""

    def __init__(self, s: Settings, local: bool = False, preload: bool = False):
        from gpumkt.frontends import client

        self.settings, self.preload = s, preload
        self.server = None if local else client.find(s, notify=lambda m: click.secho(m, err=True, fg="yellow"))
        self._pipeline = None

    def local(self):
        if self._pipeline is None:
            from gpumkt.pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
            if self.preload:
                self._pipeline.preload()
        return self._pipeline

    def ask(self, question: str, **kw):
        return self._either("ask", question, **kw)

    def search(self, query: str, k: int, mode: str):
        return self._either("search", query, k, mode)

    def _either(self, method: str, *args, **kw):
        from gpumkt.frontends.client import ServerGone

        if self.server is not None:
            try:
                return getattr(self.server, method)(*args, **kw)
            except ServerGone as exc:
                click.secho(f"{exc}: answering in this process from now on", err=True, fg="yellow")
                self.server = None
        return getattr(self.local(), method)(*args, **kw)


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Listen address (loopback unless you mean it).")
@click.option("--port", default=7860, show_default=True, type=int)
def serve(host, port):
    """Load everything once and serve the chat UI and a JSON API, so `gpumkt ask` answers fast."""
    from gpumkt.frontends.server import main as chat_main

    chat_main(["--host", host, "--port", str(port)], prog="gpumkt serve")


@cli.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per question.")
@click.option("--model", default=None, help="Manifest name or path of a GGUF file.")
@click.option("--device", type=click.Choice(["cpu", "gpu"]), default=None)
@click.option("--k", default=None, type=int, help="Passages retrieved.")
@click.option("--batch", type=click.Path(exists=True, dir_okay=False), help="One question per line.")
@click.option("--local", is_flag=True, help="Answer in this process even if `gpumkt serve` is running.")
@click.option("--markdown", is_flag=True, help="Print the answer and its quoted sources as Markdown for a note.")
def ask(question, as_json, model, device, k, batch, local, markdown):
    """Answer QUESTION from the reports: evidence first, then a checked, cited answer."""
    from gpumkt.frontends.ui_render import export_markdown
    from gpumkt.records import answer_json

    if as_json and markdown:
        raise click.UsageError("choose one of --json and --markdown")
    p = Answerer(settings(llm_model=model, device=device), local, preload=True)
    for q in _queries(question, batch):
        if as_json or markdown:
            a = p.ask(q, k=k)
            click.echo(json_line(answer_json(a)) if as_json else export_markdown(a))
            continue
        a = p.ask(q, k=k, on_evidence=_print_evidence, on_token=_print_token)
        _print_answer(a)


def _print_evidence(evidence) -> None:
    from gpumkt.lang.text import squash

    click.secho("Evidence", bold=True)
    for e in evidence:
        click.echo(f"[{e.n}] {squash(e.quote)}")
        click.secho(f"     {e.where} · {e.section}", dim=True)
    click.secho("Generating…", dim=True)


def _print_token(piece: str) -> None:
    click.secho(piece, nl=False, dim=True)


def _print_answer(a) -> None:
    click.echo("")
    click.secho("Answer" + (" (the reports don't cover this)" if a.refused else ""), bold=True)
    click.echo(a.answer)
    if a.fallback:
        click.secho("The model's answer did not pass the checks; showing the evidence itself.", fg="yellow")
    if a.unsupported:
        click.secho("Figures not found in the evidence: " + ", ".join(a.unsupported), fg="red")
    for c in a.conflicts:
        click.secho("Reports differ: " + c.summary(), fg="yellow")
    t = a.timings
    click.secho(f"evidence {t.retrieve_ms:.0f} ms · first token {t.first_token_ms:.0f} ms · total "
                f"{t.total_ms:.0f} ms · {t.decode_tokens_per_s:.1f} tok/s · {a.model['name']}", dim=True)


from gpumkt.frontends.cli_docs import add_cmd, docs_cmd, remove_cmd  # noqa: E402  (registered below)
from gpumkt.frontends.cli_measure import bench_cmd, eval_cmd  # noqa: E402

for _command in (add_cmd, docs_cmd, remove_cmd, eval_cmd, bench_cmd):
    cli.add_command(_command)
def main():
    cli(prog_name="gpumkt")


if __name__ == "__main__":
    main()
