"""The user's own documents: extracted once, stored as the text of record beside a small record.

A document added from ``report.pdf`` lives in the library folder as ``report.pdf.txt`` (the text
every quote and offset refers to) and ``report.pdf.json`` (format, encoding, page starts, the
original's sha256, when it was added). Adding is two-step so an interrupted add changes nothing:
``stage`` writes hidden ``.pending-`` files, the caller builds and swaps in the new index, and
only then ``commit`` renames them into place (``discard`` drops them on failure).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from gpumkt.errors import DocumentError
from gpumkt.ingest.extract import FORMATS, extract, title_of
from gpumkt.records import Document

PENDING = ".pending-"


@dataclass
class Staged:
    """A document written under a pending name, not yet part of the library."""

    document: Document
    meta: dict
    files: list[Path]  # pending files, in the order they are renamed


def files_in(paths: list[Path]) -> list[Path]:
    """The files named, and the supported files inside the folders named (sorted)."""
    out = []
    for path in map(Path, paths):
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS
                          and not p.name.startswith("."))
        elif path.is_file():
            out.append(path)
        else:
            raise DocumentError(f"{path}: no such file or folder")
    return out


def load(library_dir: Path) -> list[Document]:
    """Every committed document of the library, sorted by name (none when the folder is absent)."""
    folder = Path(library_dir)  # bytes, not read_text: the text is kept exactly as stored
    return [_document(m, (folder / m["text_file"]).read_bytes().decode("utf-8")) for m in records(folder)]


def records(library_dir: Path) -> list[dict]:
    folder = Path(library_dir)
    if not folder.is_dir():
        return []
    metas = sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))
    return [json.loads(p.read_text("utf-8")) for p in metas]


def _document(meta: dict, text: str) -> Document:
    """The document of record; its sha256 is of the stored UTF-8 text, as for a seed file's bytes."""
    return Document(source=meta["source"], title=meta.get("title") or title_of(text) or meta["source"],
                    text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
                    pages=tuple(meta.get("pages", ())), origin="added")


def stage(path: Path, library_dir: Path, taken: dict[str, str], max_mb: float) -> Staged:
    """Extract ``path`` and write it under pending names; ``taken`` maps every source name in use
    to its original's sha256 (a file already there, by content, is a DocumentError)."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        raise DocumentError(f"{path.name}: {size / 1048576:.1f} MB is over the {max_mb:g} MB limit: "
                            f"split it, or raise GPUMKT_MAX_DOC_MB")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    for name, other in taken.items():
        if other == digest:
            raise DocumentError(f"{path.name} is already indexed as {name}: nothing changed")
    got = extract(path)
    source = _free_name(path.name, taken)
    meta = {"source": source, "text_file": source + ".txt", "original": str(path.resolve()),
            "format": got.format, "encoding": got.encoding, "pages": got.pages, "bytes": size,
            "original_sha256": digest, "title": (got.title or title_of(got.text))[:120] or path.stem,
            "added": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    folder = Path(library_dir)
    folder.mkdir(parents=True, exist_ok=True)
    text_file, meta_file = folder / (PENDING + meta["text_file"]), folder / (PENDING + source + ".json")
    text_file.write_text(got.text, "utf-8", newline="")
    meta_file.write_text(json.dumps(meta, ensure_ascii=False, indent=1), "utf-8")
    return Staged(_document(meta, got.text), meta, [text_file, meta_file])


def _free_name(name: str, taken: dict[str, str]) -> str:
    """``name``, or ``stem-2.ext`` … when another document already uses it.

    ``_free_name("q3.pdf", {"q3.pdf": "…"}) -> "q3-2.pdf"``
    """
    stem, dot, ext = name.rpartition(".")
    stem, ext = (stem, "." + ext) if dot else (name, "")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{ext}"
    return candidate


def commit(staged: list[Staged]) -> None:
    """Rename pending files into place: text first, so a record never points at a missing text."""
    for s in staged:
        for f in s.files:
            os.replace(f, f.with_name(f.name[len(PENDING):]))


def discard(staged: list[Staged]) -> None:
    for s in staged:
        for f in s.files:
            f.unlink(missing_ok=True)


def clear_pending(library_dir: Path) -> None:
    """Drop the pending files an add killed midway left behind (they were never part of the index)."""
    folder = Path(library_dir)
    if folder.is_dir():
        for f in folder.glob(PENDING + "*"):
            f.unlink(missing_ok=True)


def find(library_dir: Path, name: str) -> dict | None:
    """The record whose source name, original file name or title is ``name``."""
    for meta in records(library_dir):
        if name in (meta["source"], Path(meta.get("original", "")).name, meta.get("title")):
            return meta
    return None


def delete(library_dir: Path, meta: dict) -> None:
    """Remove a document's record first, then its text (a text without record is ignored)."""
    folder = Path(library_dir)
    (folder / (meta["source"] + ".json")).unlink(missing_ok=True)
    (folder / meta["text_file"]).unlink(missing_ok=True)
