"""``gpumkt add`` / ``docs`` / ``remove``: the user's own reports, from the command line."""

from __future__ import annotations

import sys

import click

from gpumkt.errors import GpumktError
from gpumkt.records import json_line


def _pipeline():
    from gpumkt.pipeline import Pipeline

    return Pipeline.from_env()


@click.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
def add_cmd(paths):
    """Add reports (files or folders: .md .txt .pdf .docx .html) to the library and the index."""
    p = _pipeline()
    results = p.add_documents(list(paths))
    for r in results:
        if r.ok:
            click.echo(f"added {r.source} ({r.message})")
        else:
            click.secho(f"not added: {r.message}", fg="red", err=True)
    refused = [r for r in results if not r.ok]
    if refused:
        raise GpumktError(refused[0].message if len(results) == 1 else
                          f"{len(refused)} of {len(results)} files were not added (reasons above)")


@click.command("docs")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document.")
def docs_cmd(as_json):
    """List the indexed reports: title, file, passages, figures, when added, sha256."""
    rows = _pipeline().documents()
    if as_json:
        for row in rows:
            click.echo(json_line(row))
        return
    click.echo(f"{'file':32} {'origin':6} {'pages':>5} {'passages':>8} {'figures':>7}  {'added':20} "
               f"{'sha256':12}  title")
    for r in rows:
        click.echo(f"{r['source'][:32]:32} {r['origin']:6} {r['pages'] or '':>5} {r['chunks']:>8} "
                   f"{r['facts']:>7}  {r['added'] or '-':20} {r['sha256'][:12]}  {r['title'][:40]}")


@click.command("remove")
@click.argument("name")
def remove_cmd(name):
    """Take an added report (its file name as `gpumkt docs` lists it) out of the library and index."""
    source = _pipeline().remove_document(name)
    click.echo(f"removed {source}", file=sys.stdout)
