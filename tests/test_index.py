import json

import pytest

from gpumkt.errors import IndexCorrupt, IndexMissing, IndexStale
from gpumkt.search import index as ix
from gpumkt.search.retrieve import Retriever, rrf


@pytest.fixture
def built(tmp_path, seeds_copy, fake_embedder):
    index = ix.build(seeds_copy, fake_embedder)
    ix.save(index, tmp_path / "index")
    return tmp_path / "index"


def test_round_trip(built, seeds_copy, fake_embedder):
    loaded = ix.load(built, seeds_copy, fake_embedder)
    manifest = json.loads((built / "manifest.json").read_text())
    assert len(loaded.chunks) == manifest["chunks"] > 100
    assert set(manifest["seeds"]) == {p.name for p in seeds_copy.iterdir()}
    assert manifest["embed_model"]["name"] == "fake-embedder"
    assert len(loaded.sha256) == 64


def test_line_separators_inside_a_report_survive_the_round_trip(tmp_path, seeds_copy, fake_embedder):
    # chunks.jsonl is split on "\n" only: U+2028 and U+0085 inside a text are not line ends
    (seeds_copy / "999_separators.txt").write_text("# Acme\n\nAcme营收\u2028为12亿美元,\x85同比增长207%。\n", "utf-8")
    ix.save(ix.build(seeds_copy, fake_embedder), tmp_path / "index")
    loaded = ix.load(tmp_path / "index", seeds_copy, fake_embedder)
    texts = [c.text for c in loaded.chunks if c.source == "999_separators.txt"]
    assert any("\u2028" in t and "\x85" in t for t in texts)


def test_missing_index_names_the_fix(tmp_path, seeds_copy, fake_embedder):
    with pytest.raises(IndexMissing, match="gpumkt index"):
        ix.load(tmp_path / "nothing", seeds_copy, fake_embedder)


def test_changed_seed_makes_it_stale(built, seeds_copy, fake_embedder):
    path = seeds_copy / "004_a069c161abe7370c.txt"
    path.write_text(path.read_text("utf-8") + "\n新增一段。", "utf-8")
    with pytest.raises(IndexStale, match="reports changed.*--rebuild"):
        ix.load(built, seeds_copy, fake_embedder)


def test_other_embedding_model_makes_it_stale(built, seeds_copy, fake_embedder):
    fake_embedder.name = "another-model"
    with pytest.raises(IndexStale, match="another-model"):
        ix.load(built, seeds_copy, fake_embedder)


def test_chunker_change_makes_it_stale(built, seeds_copy, fake_embedder, monkeypatch):
    monkeypatch.setattr(ix, "CHUNKER_VERSION", "older")
    with pytest.raises(IndexStale, match="chunker"):
        ix.load(built, seeds_copy, fake_embedder)


@pytest.mark.parametrize("change, said", [
    (lambda: ix.STOP.add("新停用词"), "tokenizer"),
    (lambda: ix.RADICALS.update({"⺀": "冫"}), "normalisation"),
    (lambda: ix.vocab.raw().setdefault("places", []).append(["新地名"]), "vocabulary"),
])
def test_a_change_in_how_text_is_read_makes_it_stale(built, seeds_copy, fake_embedder, monkeypatch, change, said):
    monkeypatch.setattr(ix, "STOP", set(ix.STOP))
    monkeypatch.setattr(ix, "RADICALS", dict(ix.RADICALS))
    raw = {k: (list(v) if isinstance(v, list) else v) for k, v in ix.vocab.raw().items()}
    monkeypatch.setattr(ix.vocab, "raw", lambda: raw)
    change()
    with pytest.raises(IndexStale, match=f"its {said} changed.*--rebuild"):
        ix.load(built, seeds_copy, fake_embedder)


@pytest.mark.parametrize("name", ["chunks.jsonl", "dense.faiss", "bm25.json"])
def test_damaged_file_is_caught(built, seeds_copy, fake_embedder, name):
    with open(built / name, "ab") as f:
        f.write(b"garbage")
    with pytest.raises(IndexCorrupt, match="--rebuild"):
        ix.load(built, seeds_copy, fake_embedder)


def test_corrupt_manifest(built, seeds_copy, fake_embedder):
    (built / "manifest.json").write_text("{not json")
    with pytest.raises(IndexCorrupt):
        ix.load(built, seeds_copy, fake_embedder)


def test_load_or_build_rebuilds_a_stale_index(built, seeds_copy, fake_embedder):
    (built / "manifest.json").write_text("{not json")
    messages = []
    index = ix.load_or_build(built, seeds_copy, fake_embedder, notify=messages.append)
    assert index.chunks and "rebuilding" in messages[0]
    assert ix.load(built, seeds_copy, fake_embedder)  # sound again
    assert not list(built.parent.glob(".index-*"))  # no temp folders left


def test_rrf_fuses_ranks():
    assert rrf([[(7, 9.0), (3, 1.0)], [(3, 0.8)]], k=60) == [(3, 1 / 62 + 1 / 61), (7, 1 / 61)]


@pytest.mark.parametrize("query", ["輝達 市值", "英伟达 市值", "NVIDIA market cap"])
def test_bm25_finds_nvidia_market_cap_in_any_script(built, seeds_copy, fake_embedder, query):
    retriever = Retriever(ix.load(built, seeds_copy, fake_embedder), fake_embedder)
    hits = retriever.search(query, k=5, mode="bm25")
    assert any("2.8万亿美元" in h.chunk.text for h in hits)


def test_read_only_index_folder_is_one_clear_error(tmp_path, seeds_copy, fake_embedder, monkeypatch):
    import errno

    from gpumkt.errors import GpumktError

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(ix.tempfile, "mkdtemp", refuse)  # what a read-only parent folder does
    with pytest.raises(GpumktError, match="cannot write the index.*GPUMKT_INDEX_DIR"):
        ix.load_or_build(tmp_path / "index", seeds_copy, fake_embedder)


def test_bm25_leaves_the_fusion_when_dense_search_finds_a_passage_in_the_other_language():
    from types import SimpleNamespace

    chunks = [SimpleNamespace(text=t) for t in ("辉达营收增长", "辉达数据中心营收", "Data center revenue rose 56%")]  # both languages
    index = SimpleNamespace(chunks=chunks, names=(), bm25=SimpleNamespace(idf={"辉达": 1.0, "营收": 1.0}))
    r = Retriever(index, embedder=None)
    r.bm25 = lambda q: [(0, 9.0), (1, 5.0)]
    r.dense = lambda q, vector=None: [(2, 0.9), (1, 0.8)]
    assert r.search("辉达营收", k=1)[0].chunk is chunks[2]  # BM25 cannot read the English passage
    r.bm25 = lambda q: [(0, 9.0)]
    r.dense = lambda q, vector=None: [(1, 0.9), (0, 0.8)]
    assert r.search("辉达营收", k=1)[0].chunk is chunks[0]  # both Chinese: BM25 counts


def test_a_stale_index_is_rebuilt_embedding_nothing_that_did_not_change(built, seeds_copy, fake_embedder,
                                                                          monkeypatch):
    monkeypatch.setattr(ix, "FACTS_VERSION", "newer")  # stale, but every passage reads the same
    fake_embedder.calls = 0
    index = ix.load_or_build(built, seeds_copy, fake_embedder)
    assert fake_embedder.calls == 0 and index.manifest["facts_version"] == "newer"
    assert ix.earlier(built, fake_embedder).store.index.ntotal == len(index.chunks)
    fake_embedder.name = "another-model"  # vectors of another model are never reused
    assert ix.earlier(built, fake_embedder) is None


def test_a_changed_report_embeds_only_its_own_new_sentences(built, seeds_copy, fake_embedder):
    path = sorted(seeds_copy.glob("*.txt"))[0]
    path.write_text(path.read_text("utf-8") + "\n\n甲公司2025年营收为12亿元。\n", "utf-8")
    texts = []
    embed = fake_embedder.embed_batch
    fake_embedder.embed_batch = lambda batch, kind, progress=False: texts.extend(batch) or embed(batch, kind)
    ix.load_or_build(built, seeds_copy, fake_embedder)
    assert texts and len(texts) < 10 and any("甲公司" in t for t in texts)  # not the whole report again


def test_adding_a_report_embeds_only_its_passages(built, seeds_copy, fake_embedder):
    (seeds_copy / "new_note.md").write_text("# 新报告\n\n甲公司2025年营收为12亿元，同比增长30%。\n", "utf-8")
    texts = []
    embed = fake_embedder.embed_batch
    fake_embedder.embed_batch = lambda batch, kind, progress=False: texts.extend(batch) or embed(batch, kind)
    index = ix.load_or_build(built, seeds_copy, fake_embedder)
    assert texts and all("甲公司" in t or "新报告" in t for t in texts)
    assert any(c.source == "new_note.md" for c in index.chunks)
