"""Load the seed reports verbatim (the original text is what offsets and quotes refer to)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from gpumkt.errors import GpumktError
from gpumkt.ingest import library
from gpumkt.ingest.extract import FORMATS, decode, extract, title_of
from gpumkt.records import Document


def load_documents(seeds_dir: Path, library_dir: Path | None = None) -> list[Document]:
    """Every report file in ``seeds_dir`` (text and Markdown verbatim; PDF, Word and HTML as
    their extracted text), sorted by name, then the documents the user added to ``library_dir``
    (``gpumkt add``)."""
    seeds_dir = Path(seeds_dir)
    paths = sorted(p for p in seeds_dir.glob("*") if p.suffix.lower() in FORMATS and p.is_file())
    added = library.load(library_dir) if library_dir else []
    if not paths and not added:
        raise GpumktError(f"no reports found in {seeds_dir}: put .txt or .md files there, or "
                          f"add some with `gpumkt add FILE`")
    return [load_document(p) if p.suffix in (".txt", ".md") else _extracted(p) for p in paths] + added


def _extracted(path: Path) -> Document:
    """A seed in another format: its extracted text is what quotes and offsets refer to; its
    sha256 is the file's, so that editing the file makes the index stale."""
    got = extract(path)
    return Document(source=path.name, title=got.title or title_of(got.text) or path.stem, text=got.text,
                    sha256=hashlib.sha256(path.read_bytes()).hexdigest(), pages=tuple(got.pages))


def load_document(path: Path) -> Document:
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:  # a report saved as GB18030, Big5 or UTF-16, as an added file may be
        text, _ = decode(raw, Path(path).name)
    return Document(source=Path(path).name, title=title_of(text) or Path(path).stem,
                    text=text, sha256=hashlib.sha256(raw).hexdigest())


def seed_hashes(docs: list[Document]) -> dict[str, str]:
    return {d.source: d.sha256 for d in docs}
