"""Build, save, load and check the index: chunk store + FAISS + BM25 tokens + manifest.

The manifest records what the index was built from (seed hashes, chunker version, embedding
model) and the sha256 of every file written, so a stale or corrupt index is caught on load.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from gpumkt.errors import GpumktError, IndexCorrupt, IndexMissing, IndexStale
from gpumkt.ingest.chunking import CHUNKER_VERSION, chunk_corpus
from gpumkt.ingest.corpus import load_documents, seed_hashes
from gpumkt.ingest.facts import build_facts
from gpumkt.ingest.units import Unit, units
from gpumkt.lang import mining, vocab
from gpumkt.lang.text import RADICALS, to_simplified
from gpumkt.records import Chunk, Document, Fact, files_sha
from gpumkt.search.embed import Embedder
from gpumkt.search.lexical import BM25, STOP, tokenize
from gpumkt.search.store import FaissStore

FILES = ("chunks.jsonl", "dense.faiss", "bm25.json", "units.faiss", "units.jsonl", "facts.jsonl", "names.json")
FACTS_VERSION = "189"  # bump when units, facts or name mining change


@dataclass
class Index:
    chunks: list[Chunk]
    store: FaissStore
    bm25: BM25
    manifest: dict
    docs: dict[str, Document]
    units: list[Unit] = None  # every sentence / table row / chart line, in chunk order
    unit_store: FaissStore = None  # one vector per unit, same order
    facts: list[Fact] = None
    names: list[vocab.Group] = None  # entity groups mined from the documents
    unit_texts: list[str] = None  # what was embedded for each unit, when read back without ``units``

    def facts_by_unit(self) -> dict[tuple[str, int], list[Fact]]:
        """Facts keyed by (source, start of their sentence); built once per index."""
        if "_by_unit" not in self.__dict__:
            out: dict[tuple[str, int], list[Fact]] = {}
            for f in self.facts:
                out.setdefault((f.source, f.sent_start), []).append(f)
            self.__dict__["_by_unit"] = out
        return self.__dict__["_by_unit"]

    @property
    def sha256(self) -> str:
        """One hash naming this exact index (the hash of its manifest's file hashes)."""
        return files_sha(self.manifest["files"])


def build(seeds_dir: Path, embedder: Embedder, progress: bool = False, library_dir: Path | None = None,
          previous: Index | None = None) -> Index:
    """Index the seeds and the library; vectors of passages ``previous`` already embedded with the
    same model are reused, so adding or removing one document embeds only what changed."""
    return build_from(load_documents(seeds_dir, library_dir), embedder, progress, previous)


def build_from(docs: list[Document], embedder: Embedder, progress: bool = False,
               previous: Index | None = None) -> Index:
    chunks = chunk_corpus(docs)
    old_chunks, old_units = _reusable(previous, embedder)
    vectors = _embed([chunk_text(c) for c in chunks], embedder, old_chunks, progress)
    bm25 = BM25([tokenize(c.indexed) for c in chunks])
    by_source = {d.source: d for d in docs}
    unit_list = all_units(chunks, by_source)
    names = mining.mine_names([d.text for d in docs])
    unit_vectors = _embed([dense_text(unit_text(u)) for u in unit_list], embedder, old_units, progress)
    manifest = {
        "seeds": seed_hashes(docs), "chunker_version": CHUNKER_VERSION, "facts_version": FACTS_VERSION,
        "reading": reading(),
        "embed_model": {"name": embedder.name, "sha256": embedder.sha256, "dim": int(vectors.shape[1])},
        "chunks": len(chunks), "units": len(unit_list),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    return Index(chunks, FaissStore.build(vectors), bm25, manifest, by_source, unit_list,
                 FaissStore.build(unit_vectors), build_facts(unit_list, names), names)


def chunk_text(c: Chunk) -> str:
    """What the embedder sees for a chunk: its heading path and readable text, one script."""
    return dense_text(f"{c.section}\n{c.readable}")


def _reusable(previous: Index | None, embedder: Embedder) -> tuple[dict, dict]:
    """text -> vector tables of ``previous`` when it was embedded by this very model."""
    if not previous or not _embedded_by(previous.manifest, embedder):
        return {}, {}
    chunks = dict(zip((chunk_text(c) for c in previous.chunks), previous.store.vectors()))
    texts = previous.unit_texts or [dense_text(unit_text(u)) for u in previous.units or ()]
    if not texts or previous.unit_store is None:
        return chunks, {}
    return chunks, dict(zip(texts, previous.unit_store.vectors()))


def _embed(texts: list[str], embedder: Embedder, known: dict, progress: bool):
    """Vectors for ``texts``, embedding only those ``known`` lacks (each distinct text once)."""
    import numpy as np

    missing = [t for t in dict.fromkeys(texts) if t not in known]
    if missing:
        known = {**known, **dict(zip(missing, embedder.embed_batch(missing, "document", progress=progress)))}
    return np.stack([known[t] for t in texts]).astype("float32")


def all_units(chunks: list[Chunk], docs: dict[str, Document]) -> list[Unit]:
    return [u for c in chunks for u in units(c, docs[c.source].text)]


def unit_text(u: Unit) -> str:
    """What the embedder sees for a unit: its heading, the sentence before and the unit."""
    return f"{u.heading}\n{u.before[-80:]}\n{u.label}"


def dense_text(text: str) -> str:
    """What the embedder sees, for chunks and queries alike: one script (Simplified), so a
    Traditional question and a Simplified report meet in the same place.
    ``dense_text("輝達營收") -> "辉达营收"``"""
    return to_simplified(text)


def save(index: Index, index_dir: Path) -> None:
    """Write every file into a temp folder, then swap it in: no half-written index is left."""
    index_dir = Path(index_dir)
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=index_dir.parent, prefix=f".{index_dir.name}-"))
    try:
        with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as f:
            for c in index.chunks:
                f.write(json.dumps(asdict(c), ensure_ascii=False) + "\n")
        index.store.save(tmp / "dense.faiss")
        (tmp / "bm25.json").write_text(json.dumps(index.bm25.docs, ensure_ascii=False), "utf-8")
        index.unit_store.save(tmp / "units.faiss")
        # the embedded texts, so a later rebuild reuses a sentence's vector even when its report changed
        (tmp / "units.jsonl").write_text("".join(json.dumps(dense_text(unit_text(u)), ensure_ascii=False) + "\n"
                                                 for u in index.units), "utf-8")
        (tmp / "facts.jsonl").write_text("".join(json.dumps(asdict(f), ensure_ascii=False) + "\n"
                                                 for f in index.facts), "utf-8")
        (tmp / "names.json").write_text(json.dumps([list(g.forms) for g in index.names],
                                                   ensure_ascii=False), "utf-8")
        index.manifest["files"] = {n: _sha(tmp / n) for n in FILES}
        (tmp / "manifest.json").write_text(json.dumps(index.manifest, indent=1, ensure_ascii=False), "utf-8")
        _swap(tmp, index_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _swap(tmp: Path, index_dir: Path) -> None:
    old = index_dir.with_name(f".{index_dir.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if index_dir.exists():
        os.replace(index_dir, old)
    os.replace(tmp, index_dir)
    shutil.rmtree(old, ignore_errors=True)


def load(index_dir: Path, seeds_dir: Path, embedder: Embedder, library_dir: Path | None = None) -> Index:
    """Load and check; raise IndexMissing / IndexCorrupt / IndexStale naming the fix."""
    index_dir = Path(index_dir)
    manifest = read_manifest(index_dir)
    for name, digest in manifest.get("files", {}).items():
        if not (index_dir / name).exists() or _sha(index_dir / name) != digest:
            raise IndexCorrupt(f"index file {name} is missing or damaged: run `gpumkt index --rebuild`")
    docs = load_documents(seeds_dir, library_dir)
    reason = stale_reason(manifest, docs, embedder)
    if reason:
        raise IndexStale(f"the index is stale ({reason}): run `gpumkt index --rebuild`")
    try:
        chunks = [Chunk(**json.loads(line)) for line in _lines(index_dir / "chunks.jsonl")]
        tokens = json.loads((index_dir / "bm25.json").read_text("utf-8"))
        facts = [Fact(**json.loads(line)) for line in _lines(index_dir / "facts.jsonl")]
        names = [vocab.Group(mining.name_key(set(g)), tuple(g))
                 for g in json.loads((index_dir / "names.json").read_text("utf-8"))]
    except (ValueError, TypeError) as exc:
        raise IndexCorrupt(f"cannot read the index ({exc}): run `gpumkt index --rebuild`") from exc
    by_source = {d.source: d for d in docs}
    unit_list = all_units(chunks, by_source)
    unit_store = FaissStore.load(index_dir / "units.faiss")
    if unit_store.index.ntotal != len(unit_list):
        raise IndexStale("the index is stale (units changed): run `gpumkt index --rebuild`")
    return Index(chunks, FaissStore.load(index_dir / "dense.faiss"), BM25(tokens), manifest, by_source,
                 unit_list, unit_store, facts, names)


def _lines(path: Path) -> list[str]:
    """JSON lines split on \\n only (``splitlines`` also breaks on U+2028 inside a text)."""
    return [line for line in path.read_text("utf-8").split("\n") if line.strip()]


def read_manifest(index_dir: Path) -> dict:
    path = Path(index_dir) / "manifest.json"
    if not path.exists():
        raise IndexMissing(f"no index in {index_dir}: run `gpumkt index`")
    try:
        return json.loads(path.read_text("utf-8"))
    except ValueError as exc:
        raise IndexCorrupt(f"{path} is not valid JSON: run `gpumkt index --rebuild`") from exc


def reading() -> dict:
    """What the stored tokens, facts and names were read with, beyond the chunker and the fact
    extractor's own versions: a change in any makes the index stale (``stale_reason``)."""
    def sha(*parts) -> str:
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:16]

    return {"tokenizer": sha(_version("jieba"), _version("PyStemmer"), sorted(STOP)),
            "normalisation": sha(_version("opencc-python-reimplemented"), RADICALS),
            "vocabulary": sha({k: v for k, v in vocab.raw().items() if k not in vocab.QUESTION_ONLY})}


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def stale_reason(manifest: dict, docs: list[Document], embedder: Embedder) -> str:
    """Why an index no longer matches, or "" when it does."""
    if manifest.get("chunker_version") != CHUNKER_VERSION:
        return "the chunker changed"
    if manifest.get("facts_version") != FACTS_VERSION:
        return "the fact extractor changed"
    changed = [k for k, v in reading().items() if manifest.get("reading", {}).get(k) != v]
    if changed:
        return "its " + " and ".join(changed) + " changed"
    if manifest.get("seeds") != seed_hashes(docs):
        return "the reports changed"
    if not _embedded_by(manifest, embedder):
        built_with = manifest.get("embed_model", {}).get("name")
        return f"built with embedding model {built_with}, settings say {embedder.name}"
    return ""


def _embedded_by(manifest: dict, embedder: Embedder) -> bool:
    """Whether the index the manifest describes was embedded by this very model (name and weights)."""
    model = manifest.get("embed_model", {})
    return (model.get("name"), model.get("sha256")) == (embedder.name, embedder.sha256)


def load_or_build(index_dir: Path, seeds_dir: Path, embedder: Embedder, rebuild: bool = False,
                  notify=lambda msg: None, progress: bool = False, library_dir: Path | None = None) -> Index:
    """Use the index when it is sound; otherwise say why and build it again."""
    if not rebuild:
        try:
            return load(index_dir, seeds_dir, embedder, library_dir)
        except (IndexMissing, IndexStale, IndexCorrupt) as exc:
            notify(f"{exc} — rebuilding now")
    with locked(index_dir):
        if not rebuild:  # another process may have rebuilt it while this one waited for the lock
            try:
                return load(index_dir, seeds_dir, embedder, library_dir)
            except (IndexMissing, IndexStale, IndexCorrupt):
                pass
        docs = load_documents(seeds_dir, library_dir)
        index = build_from(docs, embedder, progress, None if rebuild else earlier(index_dir, embedder))
        store(index, index_dir)
    return index


def earlier(index_dir: Path, embedder: Embedder) -> Index | None:
    """The passages, sentences and vectors of the index on disk, stale or not, when this very
    model embedded them: a rebuild after a change in reading (vocabulary, fact extractor) or in
    a report embeds only the texts that changed. Anything unreadable gives None (embed all)."""
    try:
        manifest = read_manifest(index_dir)
        if not _embedded_by(manifest, embedder):
            return None
        chunks = [Chunk(**json.loads(line)) for line in _lines(Path(index_dir) / "chunks.jsonl")]
        dense = FaissStore.load(Path(index_dir) / "dense.faiss")
        texts = [json.loads(line) for line in _lines(Path(index_dir) / "units.jsonl")]
        unit_store = FaissStore.load(Path(index_dir) / "units.faiss")
        if dense.index.ntotal != len(chunks) or unit_store.index.ntotal != len(texts):
            return None
        return Index(chunks, dense, None, manifest, {}, None, unit_store, unit_texts=texts)
    except Exception:  # noqa: BLE001 — a damaged or older index only means embedding again
        return None


def store(index: Index, index_dir: Path) -> None:
    """``save``, with a full disk or read-only folder turned into one line naming the fix."""
    try:
        save(index, index_dir)
    except OSError as exc:  # nothing half-written is left behind
        raise GpumktError(f"cannot write the index to {index_dir} ({exc.strerror or exc}): make the "
                          f"folder writable or set GPUMKT_INDEX_DIR, then run `gpumkt index --rebuild`") from exc


@contextmanager
def locked(index_dir: Path):
    """Hold the index's lock: two adds, removes or rebuilds at once run one after the other."""
    import fcntl

    index_dir = Path(index_dir)
    index_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(index_dir.with_name(f".{index_dir.name}.lock"), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
