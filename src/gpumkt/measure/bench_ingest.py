"""``gpumkt bench --ingest``: adding one 20-page report against rebuilding the whole index.

The report is a real PDF made here from the seeds' paragraphs (about 1,000 characters a page,
under its own title, so none of its passages can reuse a seed passage's vector). Both runs go
through the pipeline, on a copy of the current index, with the embedder already loaded.
"""

from __future__ import annotations

import shutil
import tempfile
import textwrap
import time
from pathlib import Path

from gpumkt.ingest.corpus import load_documents
from gpumkt.pipeline import Pipeline

PAGE_CHARS = 1000


def report_pdf(path: Path, pages: list[str], title: str = "") -> Path:
    """A PDF with reportlab's built-in CJK font: one page per string, lines wrapped at 42 characters."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    pdf.setTitle(title)
    for page in pages:
        pdf.setFont("STSong-Light", 10)
        y = 800
        for line in (w for para in page.split("\n\n") for w in (textwrap.wrap(para, 42) or [""])):
            if y < 40:
                raise ValueError("page text does not fit on one page: pass shorter pages")
            pdf.drawString(40, y, line)
            y -= 15
        pdf.showPage()
    pdf.save()
    return path


def pages_from(texts: list[str], count: int, chars: int = PAGE_CHARS) -> list[str]:
    """``count`` pages of about ``chars`` characters, filled with whole paragraphs of ``texts``."""
    paras = [p.strip() for t in texts for p in t.split("\n") if len(p.strip()) > 20 and "|" not in p]
    pages, page = [], ""
    for para in paras * 3:
        page += ("\n\n" if page else "") + para[:chars]
        if len(page) >= chars:
            pages.append(page[:int(chars * 1.3)])
            page = ""
        if len(pages) == count:
            break
    return pages


def run(p: Pipeline, pages: int = 20, progress=print, grown: list[Path] = ()) -> dict:
    """Seconds to add one ``pages``-page PDF, and to rebuild everything with it, on a copy.

    ``grown``: reports added (untimed) before the PDF, for a library larger than the five seeds:
    an add's time follows the new report's size, a rebuild's the whole library's.
    """
    s = p.settings
    p.search("warm-up", 1)  # index and embedder loaded: neither run pays for that
    with tempfile.TemporaryDirectory(prefix="gpumkt-ingest-") as tmp:
        tmp = Path(tmp)
        shutil.copytree(s.index_dir, tmp / "index")
        shutil.copytree(s.library_dir, tmp / "library") if s.library_dir.is_dir() else None
        q = Pipeline(s.replace(index_dir=tmp / "index", library_dir=tmp / "library"),
                     embedder=p.embedder, notify=lambda m: None)
        q.search("warm-up", 1)
        if grown:
            progress(f"ingest: growing the library by {len(grown)} reports (not timed)")
            q.add_documents(list(grown), progress=False)
        text = [d.text for d in load_documents(s.seeds_dir)]
        pdf = report_pdf(tmp / "report20.pdf", ["第%d页 基准报告\n\n" % (i + 1) + t
                                               for i, t in enumerate(pages_from(text, pages))])
        progress(f"ingest: adding a {pages}-page PDF")
        t0 = time.perf_counter()
        q.add_documents([pdf], progress=False)
        add_s = time.perf_counter() - t0
        progress("ingest: rebuilding the whole index")
        t0 = time.perf_counter()
        q.rebuild_index()
        full_s = time.perf_counter() - t0
        rows = {r["source"]: r for r in q.documents()}
    return {"pages": pages, "documents_before": len(q.index.docs) - 1, "chars": len(q.index.docs["report20.pdf"].text),
            "corpus_chars": sum(len(d.text) for d in q.index.docs.values()),
            "added_passages": rows["report20.pdf"]["chunks"], "total_passages": len(q.index.chunks),
            "add_s": round(add_s, 1), "full_rebuild_s": round(full_s, 1),
            "add_over_full": round(add_s / full_s, 3), "embedder": p.embedder.name}
