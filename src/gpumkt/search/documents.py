"""Add, list and remove the user's documents: stage the text, build the new index (reusing every
vector already computed), swap it in, and only then make the library change final.

Everything runs under the index lock, so two adds at once take turns instead of interleaving,
and a failure or an interrupt at any point leaves the previous index and library as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gpumkt.config import Settings
from gpumkt.errors import DocumentError
from gpumkt.ingest import library
from gpumkt.ingest.corpus import load_documents
from gpumkt.search import index as index_mod
from gpumkt.search.embed import Embedder


@dataclass
class Added:
    """What happened to one file of an add: added (with what was found) or refused (why)."""

    path: str
    ok: bool
    message: str
    source: str = ""


def add(paths: list[Path], s: Settings, embedder: Embedder, current: index_mod.Index | None,
        notify=lambda msg: None, progress: bool = False) -> tuple[index_mod.Index | None, list[Added]]:
    """Add files (and the supported files of folders); returns the new index (None when nothing
    was added) and one ``Added`` per file."""
    files = library.files_in(paths)
    if not files:
        raise DocumentError(f"no files to add in {', '.join(map(str, paths))}: gpumkt reads "
                            f"{', '.join(library.FORMATS)}")
    with index_mod.locked(s.index_dir):
        library.clear_pending(s.library_dir)
        docs = load_documents(s.seeds_dir, s.library_dir)
        taken = {d.source: d.sha256 for d in docs if d.origin == "seed"}
        taken.update({m["source"]: m["original_sha256"] for m in library.records(s.library_dir)})
        staged, results = _stage_all(files, s, taken, notify)
        if not staged:
            return None, results
        try:
            notify(f"indexing {len(staged)} new document(s)…")
            new = index_mod.build_from(docs + [x.document for x in staged], embedder, progress, current)
            index_mod.store(new, s.index_dir)
        except BaseException:
            library.discard(staged)
            raise
        library.commit(staged)
    rows = {row["source"]: row for row in listing(new, None)}
    return new, [_counted(r, rows) for r in results]


def _stage_all(files, s: Settings, taken: dict, notify) -> tuple[list, list[Added]]:
    staged, results = [], []
    for f in files:
        try:
            x = library.stage(f, s.library_dir, taken, s.max_doc_mb)
        except DocumentError as exc:
            results.append(Added(str(f), False, str(exc)))
            continue
        except OSError as exc:
            results.append(Added(str(f), False, f"{f.name}: cannot read it ({exc.strerror or exc})"))
            continue
        taken[x.meta["source"]] = x.meta["original_sha256"]
        staged.append(x)
        results.append(Added(str(f), True, _found(x.meta), x.meta["source"]))
        notify(f"read {f.name}: {_found(x.meta)}")
    return staged, results


def _found(meta: dict) -> str:
    """``_found({"format": "pdf", "pages": [0, 900], ...}) -> "pdf, 2 pages"``"""
    what = [meta["format"]]
    if meta["format"] in ("md", "txt", "html"):
        what.append(f"encoding {meta['encoding']}")
    if meta["pages"]:
        what.append(f"{len(meta['pages'])} pages")
    return ", ".join(what)


def _counted(r: Added, rows: dict[str, dict]) -> Added:
    if r.ok:
        r.message += f" → {rows[r.source]['chunks']} passages, {rows[r.source]['facts']} figures"
    return r


def remove(name: str, s: Settings, embedder: Embedder, current: index_mod.Index | None,
           progress: bool = False) -> tuple[index_mod.Index, str]:
    """Take one added document out of the index and the library; returns the new index and its name."""
    with index_mod.locked(s.index_dir):
        meta = library.find(s.library_dir, name)
        if meta is None:
            if (Path(s.seeds_dir) / name).is_file():
                raise DocumentError(f"{name} is one of the committed reports in {s.seeds_dir}: delete "
                                    f"the file there and run `gpumkt index` to leave it out")
            raise DocumentError(f"no added document is called '{name}': `gpumkt docs` lists them")
        docs = [d for d in load_documents(s.seeds_dir, s.library_dir) if d.source != meta["source"]]
        new = index_mod.build_from(docs, embedder, progress, current)
        index_mod.store(new, s.index_dir)
        library.delete(s.library_dir, meta)
    return new, meta["source"]


def listing(index: index_mod.Index, s: Settings | None) -> list[dict]:
    """One row per indexed document: title, file, origin, pages, passages, figures, added, sha256."""
    chunks, facts = {}, {}
    for c in index.chunks:
        chunks[c.source] = chunks.get(c.source, 0) + 1
    for f in index.facts:
        facts[f.source] = facts.get(f.source, 0) + 1
    metas = {m["source"]: m for m in library.records(s.library_dir)} if s else {}
    return [{"source": d.source, "title": d.title, "origin": d.origin, "pages": len(d.pages),
             "chunks": chunks.get(d.source, 0), "facts": facts.get(d.source, 0),
             "added": metas.get(d.source, {}).get("added", ""),
             "sha256": metas.get(d.source, {}).get("original_sha256", d.sha256),
             "format": metas.get(d.source, {}).get("format", Path(d.source).suffix.lstrip("."))}
            for d in index.docs.values()]
