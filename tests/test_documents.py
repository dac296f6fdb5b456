"""Bring your own reports: reading each format, the library, incremental indexing, the limits.

Logic tests with the predictable fake embedder; documents are made here from seed text.
"""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest
from conftest import FakeEmbedder
from docmaker import NAME, make_docx, make_html, make_pdf, report_pages

from gpumkt.config import Settings
from gpumkt.errors import DocumentError
from gpumkt.ingest.extract import decode, extract
from gpumkt.search import documents
from gpumkt.search import index as ix


class CountingEmbedder(FakeEmbedder):
    """The fake embedder, remembering every text it was asked to embed."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []

    def embed_batch(self, texts, kind, progress=False):
        self.texts += list(texts)
        return super().embed_batch(texts, kind, progress)


@pytest.fixture
def lib(tmp_path, seeds_copy):
    """Settings with a built index over the seeds and an empty library; the embedder that built it."""
    s = Settings(seeds_dir=seeds_copy, index_dir=tmp_path / "index", library_dir=tmp_path / "library")
    embedder = CountingEmbedder()
    ix.save(ix.build(seeds_copy, embedder), s.index_dir)
    embedder.texts.clear()
    return s, embedder


def _current(s, embedder):
    return ix.load(s.index_dir, s.seeds_dir, embedder, s.library_dir)


# ---------------------------------------------------------------- formats


def test_pdf_pages_and_text(tmp_path):
    got = extract(make_pdf(tmp_path / "r.pdf", report_pages()))
    assert got.format == "pdf" and len(got.pages) == 2 and got.pages[0] == 0
    page2 = got.text[got.pages[1]:]
    assert "12亿美元" in page2 and "12亿美元" not in got.text[:got.pages[1]]
    assert f"{NAME}算力报告" in got.text[:got.pages[1]]


def test_docx_headings_paragraphs_and_tables(tmp_path):
    got = extract(make_docx(tmp_path / "r.docx", report_pages()))
    assert got.text.startswith(f"# {NAME}算力报告")
    assert "营收达到12亿美元" in got.text
    assert "| 指标 | 数值 |\n| --- | --- |\n| GPU数量 | 25万 |" in got.text


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "big5"])
def test_html_visible_text_only(tmp_path, encoding):
    pages = report_pages()
    if encoding == "big5":  # Big5 holds Traditional characters only
        from gpumkt.lang.text import to_traditional

        pages = [to_traditional(p) for p in pages]
    got = extract(make_html(tmp_path / "r.html", pages, encoding))
    assert got.text.startswith(f"# {NAME}")
    assert "var a" not in got.text and "color: red" not in got.text
    assert ("12亿美元" in got.text) or ("12億美元" in got.text)
    same = lambda e: e.replace("_", "").replace("-", "")  # noqa: E731
    assert same(got.encoding) in (same(encoding), "big5hkscs", "cp950")


def test_web_page_saved_as_markdown_keeps_only_the_article(tmp_path):
    page = tmp_path / "article.md"
    page.write_text("<style>.a{color:red}</style>\n.body { margin: 0; }\n# 标题\n\n![图1](img/1.png)\n"
                    "据[公司公告](https://example.com/a.pdf)，<span class=\"n\">营收</span>为12亿美元，同比增长207%。\n",
                    "utf-8")
    got = extract(page)
    assert got.text.strip() == "# 标题\n\n据公司公告，营收为12亿美元，同比增长207%。"


@pytest.mark.parametrize("codec,expected", [("gb18030", "gb18030"), ("big5", "big5"), ("utf-16", "utf-16")])
def test_text_encodings_are_detected_and_reported(codec, expected):
    text = "".join(report_pages())[:1500]
    if codec == "big5":
        from gpumkt.lang.text import to_traditional

        text = to_traditional(text)
    raw = text.encode(codec, errors="ignore")
    decoded, found = decode(raw)
    assert decoded.replace("\ufeff", "")[:200] == raw.decode(codec, errors="ignore").replace("\ufeff", "")[:200]
    assert found.startswith(expected) or (expected == "big5" and found in ("cp950", "big5hkscs"))


def test_scanned_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(50, 50, 400, 600, fill=1)  # a page that is only a picture
    pdf.showPage()
    pdf.save()
    with pytest.raises(DocumentError, match="no text layer.*OCR"):
        extract(path)


def test_password_protected_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "r.pdf", report_pages())
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as f:
        writer.write(f)
    with pytest.raises(DocumentError, match="password"):
        extract(locked)


@pytest.mark.parametrize("name,content,message", [
    ("broken.pdf", b"%PDF-1.7 not really", "cannot read the PDF"),
    ("broken.docx", b"PK not a zip", "cannot read the Word file"),
    ("sheet.xlsx", b"whatever", "unsupported type '.xlsx'"),
    ("empty.md", b"  \n\n ", "no text found"),
])
def test_bad_files_name_the_problem(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        extract(tmp_path / name)


# ---------------------------------------------------------------- library and index


def test_add_embeds_only_the_new_document(lib, tmp_path):
    s, embedder = lib
    before = _current(s, embedder)
    new, results = documents.add([make_pdf(tmp_path / "q2.pdf", report_pages())], s, embedder, before)
    assert [r.ok for r in results] == [True] and "pdf, 2 pages" in results[0].message
    assert embedder.texts and all(t not in {ix.chunk_text(c) for c in before.chunks} for t in embedder.texts)
    added = [c for c in new.chunks if c.source == "q2.pdf"]
    assert added and len(new.chunks) == len(before.chunks) + len(added)
    old_rows = [i for i, c in enumerate(new.chunks) if c.source != "q2.pdf"]
    assert np.array_equal(new.store.vectors()[old_rows], before.store.vectors())
    doc = new.docs["q2.pdf"]
    assert all(doc.text[c.start:c.end] == c.text for c in added)
    assert any(f.source == "q2.pdf" and f.text.startswith("12亿") and doc.page_at(f.start) == 2 for f in new.facts)
    assert NAME.lower() in {form for g in new.names for form in g.forms}  # its company joins the mined names
    assert _current(s, embedder).sha256 == new.sha256  # what was saved is what is loaded


def test_remove_embeds_nothing_and_restores_the_seed_index(lib, tmp_path):
    s, embedder = lib
    before = _current(s, embedder)
    new, _ = documents.add([make_html(tmp_path / "a.html", report_pages())], s, embedder, before)
    embedder.texts.clear()
    after, name = documents.remove("a.html", s, embedder, new)
    assert name == "a.html" and embedder.texts == []
    assert [c.id for c in after.chunks] == [c.id for c in before.chunks]
    assert not list(s.library_dir.iterdir())
    with pytest.raises(DocumentError, match="gpumkt docs"):
        documents.remove("a.html", s, embedder, after)
    with pytest.raises(DocumentError, match="committed reports"):
        documents.remove("002_b8e5c464e8c88f70.txt", s, embedder, after)


def test_duplicate_changes_nothing(lib, tmp_path):
    s, embedder = lib
    path = make_docx(tmp_path / "d.docx", report_pages())
    first, _ = documents.add([path], s, embedder, _current(s, embedder))
    manifest = (s.index_dir / "manifest.json").read_text()
    again, results = documents.add([path], s, embedder, first)
    assert again is None and not results[0].ok and "already indexed as d.docx" in results[0].message
    assert (s.index_dir / "manifest.json").read_text() == manifest
    seed, results = documents.add([s.seeds_dir / "002_b8e5c464e8c88f70.txt"], s, embedder, first)
    assert seed is None and "already indexed as 002_b8e5c464e8c88f70.txt" in results[0].message


def test_same_file_name_other_content_gets_its_own_name(lib, tmp_path):
    s, embedder = lib
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    pages = report_pages()
    one = make_html(tmp_path / "a" / "r.html", pages)
    two = make_html(tmp_path / "b" / "r.html", [pages[0], pages[1] + "\n\n另一段。"])
    _, results = documents.add([one, two], s, embedder, None)
    assert [r.source for r in results] == ["r.html", "r-2.html"]


def test_size_cap(lib, tmp_path):
    s, embedder = lib
    big = tmp_path / "big.txt"
    big.write_text("营收" * 400_000, "utf-8")
    _, results = documents.add([big], s.replace(max_doc_mb=1), embedder, None)
    assert "over the 1 MB limit" in results[0].message and "GPUMKT_MAX_DOC_MB" in results[0].message


def test_interrupted_add_leaves_index_and_library_as_they_were(lib, tmp_path):
    s, embedder = lib
    manifest = (s.index_dir / "manifest.json").read_text()

    class Interrupted(CountingEmbedder):
        def embed_batch(self, texts, kind, progress=False):
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        documents.add([make_pdf(tmp_path / "q.pdf", report_pages())], s, Interrupted(), _current(s, embedder))
    assert (s.index_dir / "manifest.json").read_text() == manifest
    assert list(s.library_dir.iterdir()) == []
    _current(s, embedder)  # still sound, not stale


def test_two_adds_at_once_take_turns(lib, tmp_path):
    s, embedder = lib
    paths = [make_html(tmp_path / f"{n}.html", [p + f"\n\n第{n}份。" for p in report_pages()]) for n in (1, 2)]
    errors = []

    def add(path):
        try:
            documents.add([path], s, CountingEmbedder(), None)
        except Exception as exc:  # pragma: no cover - shown by the assertion
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(p,)) for p in paths]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    final = _current(s, embedder)
    assert {"1.html", "2.html"} <= set(final.docs)
    assert json.loads((s.index_dir / "manifest.json").read_text())["chunks"] == len(final.chunks)


@pytest.mark.parametrize("suffix", [".md", ".txt", ".pdf", ".docx", ".html"])
def test_any_bytes_give_text_or_one_document_error(tmp_path, suffix):
    """Whatever a file holds, reading it ends in text or a DocumentError, never another fault."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.one_of(st.binary(max_size=3000), st.text(max_size=800).map(str.encode),
                     st.binary(max_size=200).map(lambda b: b"%PDF-1.7\n" + b)))
    def check(raw):
        path = tmp_path / f"f{suffix}"
        path.write_bytes(raw)
        try:
            got = extract(path)
        except DocumentError as exc:
            assert str(exc).startswith(path.name)
        else:
            assert isinstance(got.text, str) and "\x00" not in got.text

    check()
