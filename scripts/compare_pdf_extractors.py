"""Which PDF text extractor reads Chinese reports best? ``python scripts/compare_pdf_extractors.py``

Makes a 20-page Chinese PDF from the seeds' paragraphs (as ``gpumkt bench --ingest`` does), reads
it back with each extractor that is installed (pypdf plain and laid out, PyMuPDF), and prints, per extractor, the
share of the source characters recovered in order (difflib's matching blocks over the text with
all whitespace removed), the pages found and the seconds taken.
"""

from __future__ import annotations

import difflib
import re
import tempfile
import time
from pathlib import Path

from gpumkt.config import Settings
from gpumkt.ingest.corpus import load_documents
from gpumkt.measure.bench_ingest import pages_from, report_pdf


def _pypdf(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


def _pypdf_layout(path: Path) -> list[str]:
    """What gpumkt reads: pypdf's layout mode, each page's left margin taken off."""
    from pypdf import PdfReader

    from gpumkt.ingest.extract import _page_text

    return [_page_text(p) for p in PdfReader(str(path)).pages]


def _pymupdf(path: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(str(path)) as doc:
        return [page.get_text() for page in doc]


def recovered(source: str, got: str) -> float:
    """Share of ``source``'s non-space characters found, in order, in ``got``."""
    a, b = re.sub(r"\s", "", source), re.sub(r"\s", "", got)
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(m.size for m in blocks) / max(1, len(a))


def main() -> None:
    texts = [d.text for d in load_documents(Settings.from_env().seeds_dir)]
    pages = pages_from(texts, 20)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = report_pdf(Path(tmp) / "r.pdf", pages)
        for name, read in (("pypdf", _pypdf), ("pypdf-layout", _pypdf_layout), ("pymupdf", _pymupdf)):
            try:
                t0 = time.perf_counter()
                got = read(pdf)
            except ImportError:
                print(f"{name:12} not installed")
                continue
            took = time.perf_counter() - t0
            per_page = [recovered(s, g) for s, g in zip(pages, got)]
            print(f"{name:12} recovered {sum(per_page) / len(per_page):.4f} of the characters "
                  f"(worst page {min(per_page):.4f}), {len(got)} pages, {took:.2f} s")


if __name__ == "__main__":
    main()
