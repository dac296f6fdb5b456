"""Property test of the CLI's error boundary: whatever text or file a user hands `ask`, `search`
or `--batch`, the command ends in output or one `Error:` line, never a traceback, with the
documented exit codes (0 done, 1 a fault named in one line, 2 a usage mistake click reports).

The pipeline behind the CLI is the fake one of conftest (hashed-bigram embedder, queued replies):
what is under test is the path from the shell to the pipeline and back, not the models."""

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpumkt.frontends.cli import Answerer, cli

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Any Unicode (control characters, other scripts, symbols), huge runs, and the reports' own words.
TEXT = st.one_of(st.text(max_size=300), st.text(min_size=1, max_size=3).map(lambda t: t * 20000),
                 st.sampled_from(["CoreWeave 客户集中度?", "營收", "What was NVIDIA's revenue?", "\x00\x1b[31m"]))


@pytest.fixture
def fake_cli(cli_env, fake_pipeline, monkeypatch):
    """The CLI with the fake pipeline behind it, and no `gpumkt serve` to find."""
    monkeypatch.setattr(Answerer, "local", lambda self: fake_pipeline)
    return fake_pipeline


def _ended_cleanly(result, json_lines: bool = False) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 1:  # a fault: exactly one line, naming it
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    elif result.exit_code == 2:  # click's usage message
        assert "Usage:" in result.stderr
    elif json_lines:
        for line in result.stdout.splitlines():
            json.loads(line)


@pytest.mark.parametrize("command", ["ask", "search"])
def test_any_question_text_ends_in_output_or_one_error_line(fake_cli, command):
    @FUZZ
    @given(TEXT, st.booleans())
    def check(text, as_json):
        fake_cli.generator.enqueue("营收为12亿美元[1]。")
        args = [command, text] + (["--json"] if as_json else []) + (["--local"] if command == "ask" else [])
        _ended_cleanly(CliRunner().invoke(cli, args), json_lines=as_json)

    check()


@pytest.mark.parametrize("command", ["ask", "search"])
def test_any_batch_file_ends_in_output_or_one_error_line(fake_cli, tmp_path, command):
    @FUZZ
    @given(st.one_of(st.binary(max_size=2000), st.lists(TEXT, max_size=4).map(lambda ls: "\n".join(ls).encode()),
                     st.text(max_size=200).map(lambda t: t.encode("utf-16")),
                     st.text(max_size=200).map(lambda t: t.encode("gb18030"))))
    def check(raw):
        batch = tmp_path / "questions.txt"
        batch.write_bytes(raw)
        fake_cli.generator.replies.clear()
        _ended_cleanly(CliRunner().invoke(cli, [command, "--batch", str(batch), "--json"]), json_lines=True)

    check()


@pytest.mark.parametrize("args", [["ask", "--batch", "/no/such/file"], ["search", "--k", "many", "x"],
                                  ["ask", "--device", "tpu", "x"], ["search", "--batch", "/"]])
def test_usage_mistakes_exit_2_with_clicks_message(fake_cli, args):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2 and "Usage:" in result.stderr and "Traceback" not in result.output


def test_a_batch_file_saved_as_utf16_or_with_a_bom_is_read(fake_cli, tmp_path):
    batch = tmp_path / "q.txt"
    for raw in ("NVIDIA 市值\r\nModal 估值\r\n".encode("utf-16"), "\ufeffNVIDIA 市值\nModal 估值".encode("utf-8")):
        batch.write_bytes(raw)
        result = CliRunner().invoke(cli, ["search", "--batch", str(batch), "--json"])
        assert [json.loads(line)["query"] for line in result.stdout.splitlines()] == ["NVIDIA 市值", "Modal 估值"]


def test_gpumkt_debug_shows_the_traceback_of_an_unforeseen_fault(fake_cli, tmp_path, monkeypatch):
    batch = tmp_path / "q.txt"
    batch.write_bytes(b"\x80\x81 not text")
    quiet = CliRunner().invoke(cli, ["search", "--batch", str(batch)])
    monkeypatch.setenv("GPUMKT_DEBUG", "1")
    loud = CliRunner().invoke(cli, ["search", "--batch", str(batch)])
    assert quiet.exit_code == loud.exit_code == 1
    assert "Traceback" not in quiet.output and "Traceback" in loud.stderr and "UnicodeDecodeError" in loud.stderr
    assert loud.stderr.strip().splitlines()[-1].startswith("Error: ")


def test_ask_markdown_prints_the_export_and_refuses_both_formats(fake_cli):
    fake_cli.generator.enqueue("CoreWeave 第二季度营收为12亿美元[1]。")
    result = CliRunner().invoke(cli, ["ask", "CoreWeave 2025年第二季度营收是多少?", "--markdown", "--local"])
    assert result.exit_code == 0 and result.stdout.startswith("### CoreWeave 2025年第二季度营收是多少?")
    assert "12亿美元" in result.stdout and "> [1] " in result.stdout and "characters " in result.stdout
    both = CliRunner().invoke(cli, ["ask", "x", "--markdown", "--json"])
    assert both.exit_code == 2 and "choose one of --json and --markdown" in both.stderr


def test_json_lines_stay_one_per_line_whatever_the_text_holds(fake_cli):
    result = CliRunner().invoke(cli, ["search", "0\x85营收\u2028", "--json", "--k", "1"])
    lines = result.stdout.splitlines()  # splitlines also breaks at U+0085 and U+2028
    assert len(lines) == 1 and json.loads(lines[0])["query"] == "0\x85营收\u2028"
