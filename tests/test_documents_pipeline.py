"""Bring your own reports end to end, with the small real models: add a PDF / Word / HTML report,
ask what only its page 2 says, get the figure cited with file and page; remove it, get a refusal."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from docmaker import NAME, make_docx, make_html, make_pdf, report_pages

from gpumkt.frontends.cli import cli
from gpumkt.pipeline import Pipeline

pytestmark = pytest.mark.integration

QUESTION = f"{NAME} 2025年第二季度营收是多少?"


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory):
    """The seeds indexed once with all-MiniLM-L6-v2; each test starts from a copy."""
    from gpumkt.config import ROOT, Settings

    folder = tmp_path_factory.mktemp("seedindex")
    s = Settings(seeds_dir=ROOT / "seeds", index_dir=folder / "index", library_dir=folder / "library",
                 embed_model="all-minilm-l6-v2", llm_model="smollm2-135m", threads=2)
    Pipeline(s, notify=lambda m: None).index
    return folder / "index"


@pytest.fixture
def pipe(settings, seed_index):
    shutil.copytree(seed_index, settings.index_dir)
    return Pipeline(settings, notify=lambda m: None)


@pytest.mark.parametrize("make,name,page", [(make_pdf, "q2.pdf", 2), (make_docx, "q2.docx", 0),
                                            (make_html, "q2.html", 0)])
def test_added_report_answers_with_file_and_page_then_removed_is_refused(pipe, tmp_path, make, name, page):
    results = pipe.add_documents([make(tmp_path / name, report_pages())], progress=False)
    assert [(r.ok, r.source) for r in results] == [(True, name)]
    answer = pipe.ask(QUESTION)
    assert not answer.refused and "12亿美元" in answer.answer
    cited = [c for c in answer.citations if "12亿美元" in c.quote]
    assert cited and all(c.source == name and c.page == page for c in cited)
    doc = pipe.index.docs[name]
    assert all(doc.text[c.start:c.end] == c.quote for c in answer.citations)
    assert pipe.remove_document(name) == name
    gone = pipe.ask(QUESTION)
    assert gone.refused and all(c.source != name for c in gone.citations)


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_cli_add_docs_remove(cli_env, tmp_path, seed_index):
    shutil.copytree(seed_index, cli_env["GPUMKT_INDEX_DIR"])
    pdf = make_pdf(tmp_path / "q2.pdf", report_pages())
    added = run("add", str(pdf))
    assert added.exit_code == 0, added.output
    assert "added q2.pdf (pdf, 2 pages →" in added.output and "figures)" in added.output
    again = run("add", str(pdf))
    assert again.exit_code == 1 and "already indexed as q2.pdf: nothing changed" in again.output
    assert "Traceback" not in again.output
    rows = [json.loads(line) for line in run("docs", "--json").stdout.splitlines()]
    mine = [r for r in rows if r["source"] == "q2.pdf"]
    assert len(rows) == 6 and mine[0]["origin"] == "added" and mine[0]["pages"] == 2 and mine[0]["facts"] > 0
    table = run("docs").output
    assert "q2.pdf" in table and "passages" in table
    answer = json.loads(run("ask", QUESTION, "--json").stdout.strip().splitlines()[-1])
    assert any(c["source"] == "q2.pdf" and c["page"] == 2 for c in answer["citations"])
    removed = run("remove", "q2.pdf")
    assert removed.exit_code == 0 and "removed q2.pdf" in removed.output
    missing = run("remove", "q2.pdf")
    assert missing.exit_code == 1 and "gpumkt docs" in missing.output


def test_cli_add_refuses_bad_files_in_one_line_each(cli_env, tmp_path, seed_index):
    shutil.copytree(seed_index, cli_env["GPUMKT_INDEX_DIR"])
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.pdf").write_bytes(b"%PDF-1.4 nothing")
    make_html(tmp_path / "in" / "ok.html", report_pages())
    result = run("add", str(tmp_path / "in"))
    assert result.exit_code == 1 and "1 of 2 files were not added" in result.output
    assert "added ok.html (html, encoding utf-8" in result.output
    assert "broken.pdf: cannot read the PDF" in result.output and "Traceback" not in result.output
