"""Documents made in the tests from a seed report's text, in every format `gpumkt add` reads.

The company is renamed to a made-up one (Nimbra) so that a question about it can be answered
only from the added document, never from the seeds, and its figures sit on page 2 of the PDF.
"""

from __future__ import annotations

from pathlib import Path

from gpumkt.config import ROOT

SEED = ROOT / "seeds" / "002_b8e5c464e8c88f70.txt"
NAME = "Nimbra"


def report_pages() -> list[str]:
    """Two pages of a report: page 1 the summary, page 2 the quarter's results (12亿美元 revenue)."""
    lines = [line.replace("CoreWeave", NAME) for line in SEED.read_text("utf-8").split("\n")]
    body = [line for line in lines if line.strip()]
    results = next(i for i, line in enumerate(body) if "营收达到12亿美元" in line)
    return ["\n\n".join([f"{NAME}算力报告"] + body[1:4]), "\n\n".join(body[results:results + 3])]


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A real multi-page PDF with an embedded CJK font (reportlab's built-in Song), wrapped lines."""
    from gpumkt.measure.bench_ingest import report_pdf

    return report_pdf(path, pages)


def make_docx(path: Path, pages: list[str]) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(pages[0].split("\n\n")[0], level=1)
    for para in "\n\n".join(pages).split("\n\n")[1:]:
        document.add_paragraph(para)
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("指标", "数值"), ("GPU数量", "25万")]):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    document.save(str(path))
    return path


def make_html(path: Path, pages: list[str], encoding: str = "utf-8") -> Path:
    paras = "\n\n".join(pages).split("\n\n")
    body = "".join(f"<p>{p}</p>\n" for p in paras[1:])
    page = (f"<html><head><meta charset=\"{encoding}\"><title>x</title><style>p {{color: red}}</style></head><body>"
            f"<nav>Home | Login</nav><h1>{paras[0]}</h1>\n{body}<script>var a = 12;</script>"
            f"</body></html>")
    path.write_bytes(page.encode(encoding))
    return path
