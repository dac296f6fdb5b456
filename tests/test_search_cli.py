"""CLI search with the small real embedding model (all-MiniLM-L6-v2) and a temp index."""

import json

import pytest
from click.testing import CliRunner

from gpumkt.frontends.cli import cli

pytestmark = pytest.mark.integration


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_search_json_shape_and_verbatim_offsets(cli_env, seeds_copy):
    result = run("search", "CoreWeave 客户集中度", "--json", "--k", "3")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(data) == {"query", "results"} and data["query"] == "CoreWeave 客户集中度"
    assert len(data["results"]) == 3
    for i, r in enumerate(data["results"], 1):
        assert set(r) == {"rank", "source", "chunk_id", "section", "text", "start", "end", "score"}
        assert r["rank"] == i
        original = (seeds_copy / r["source"]).read_text("utf-8")
        assert original[r["start"]:r["end"]] == r["text"]


@pytest.mark.parametrize("query", ["CoreWeave 客户集中度", "CoreWeave 客戶集中度"])
def test_search_crosses_scripts(cli_env, query):
    # BM25 reads both scripts folded to Simplified; the English test embedder cannot read Chinese,
    # so the lexical ranking is what crosses scripts here.
    data = json.loads(run("search", query, "--json", "--mode", "bm25").stdout.strip().splitlines()[-1])
    texts = " ".join(r["text"] for r in data["results"])
    assert "62%" in texts


def test_batch_prints_one_object_per_line(cli_env, tmp_path):
    batch = tmp_path / "q.txt"
    batch.write_text("NVIDIA 市值\n\nModal 估值\n", "utf-8")
    lines = run("search", "--batch", str(batch), "--json").stdout.strip().splitlines()
    objs = [json.loads(line) for line in lines if line.startswith("{")]
    assert [o["query"] for o in objs] == ["NVIDIA 市值", "Modal 估值"]


def test_a_batch_file_that_is_not_utf8_is_one_line(cli_env, tmp_path):
    batch = tmp_path / "q.txt"
    batch.write_bytes("营收\n".encode("gb18030") + b"\xff\xfe\xfa")
    result = CliRunner().invoke(cli, ["search", "--batch", str(batch)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output.startswith("Error: ") and len(result.output.strip().splitlines()) == 1


def test_readable_table_output(cli_env):
    result = run("search", "Modal 冷启动", "--k", "2")
    assert result.exit_code == 0 and "query: Modal 冷启动" in result.output and " 1. [" in result.output


def test_empty_query_is_one_clear_error(cli_env):
    result = CliRunner().invoke(cli, ["search", "   "])
    assert result.exit_code == 1 and "Error: give a question" in result.output


def test_unknown_model_is_one_clear_error(cli_env, monkeypatch):
    monkeypatch.setenv("GPUMKT_EMBED_MODEL", "no-such-model")
    result = CliRunner().invoke(cli, ["search", "x"])
    assert result.exit_code == 1 and "unknown embed model 'no-such-model'" in result.output
    assert "Traceback" not in result.output


def test_index_command_builds_and_reports(cli_env):
    result = run("index", "--rebuild")
    assert result.exit_code == 0 and "chunks from 5 reports" in result.output


def test_ask_json_with_small_real_models(cli_env, seeds_copy):
    result = run("ask", "What was CoreWeave's revenue in Q2 2025?", "--json", "--k", "5")
    assert result.exit_code == 0, result.output
    rec = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"question", "language", "answer", "refused", "citations", "unsupported", "conflicts",
            "timings", "model", "index", "nearest"} == set(rec)
    assert rec["language"] == "en" and rec["model"]["name"] == "smollm2-135m"
    for c in rec["citations"]:
        assert (seeds_copy / c["source"]).read_text("utf-8")[c["start"]:c["end"]] == c["quote"]


def test_ask_prints_evidence_before_the_answer(cli_env):
    result = run("ask", "What was CoreWeave's revenue in Q2 2025?")
    assert result.exit_code == 0
    assert result.stdout.index("Evidence") < result.stdout.index("Answer")


def test_ask_with_a_missing_model_file_is_one_line(cli_env, tmp_path):
    # a question the gate answers, so the model is needed (a refusal would not load it)
    result = CliRunner().invoke(cli, ["ask", "What was CoreWeave's revenue in Q2 2025?", "--model",
                                      str(tmp_path / "gone.gguf")])
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_facts_lists_an_entitys_figures_with_exact_spans(cli_env, seeds_copy):
    result = run("facts", "輝達", "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.strip().splitlines() if line.startswith("{")]
    assert rows and all(r["entity"] == "nvidia" for r in rows)
    for r in rows[:20]:
        text = (seeds_copy / r["source"]).read_text("utf-8")
        assert text[r["start"]:r["end"]] == r["span"]
    assert run("facts", "Vultr").exit_code != 0
