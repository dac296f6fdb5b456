"""`gpumkt serve` and the CLI's use of it: a real uvicorn server on a free loopback port serving
a pipeline with the predictable fakes; a hand-made server for a stream that breaks mid-answer."""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time

import pytest
from click.testing import CliRunner
from conftest import FakeGenerator, free_port

from gpumkt.frontends import client
from gpumkt.frontends.cli import cli
from gpumkt.records import answer_json

QUESTION = "CoreWeave 2025年第二季度营收是多少?"
REPLY = "CoreWeave 2025年第二季度营收为12亿美元[1]。"


class OneAtATime(FakeGenerator):
    """Records how many streams ran at the same moment."""

    def __init__(self):
        super().__init__()
        self.running = self.most = 0

    def stream(self, messages, max_tokens, temperature):
        self.running += 1
        self.most = max(self.most, self.running)
        try:
            yield from super().stream(messages, max_tokens, temperature)
        finally:
            self.running -= 1


@pytest.fixture
def served(fake_pipeline):
    """(url, pipeline): the real API app on uvicorn in a thread."""
    import uvicorn

    from gpumkt.frontends.server import Service, api

    fake_pipeline.__dict__["generator"] = OneAtATime()
    fake_pipeline.settings = fake_pipeline.settings.replace(embed_model="fake-embedder", llm_model="fake-llm")
    fake_pipeline.warm_up()  # as `gpumkt serve` does before it listens
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(api(Service(fake_pipeline)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30  # a bounded wait for readiness, not a timing assumption
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the API server did not start within 30 s"
    yield f"http://127.0.0.1:{port}", fake_pipeline
    server.should_exit = True
    thread.join(timeout=10)


def _settings(p, url):
    return p.settings.replace(server_url=url)


def test_health_names_index_and_models(served):
    url, p = served
    found = client.find(_settings(p, url))
    assert found is not None and found.url == url
    with client.urllib.request.urlopen(url + "/api/health") as resp:
        health = json.loads(resp.read())
    assert health["index"] == p.index.sha256 == client.local_index_sha(p.settings.index_dir)
    assert (health["embed_model"], health["llm_model"]) == ("fake-embedder", "fake-llm")


@pytest.mark.parametrize("change,said", [({"llm_model": "qwen2.5-0.5b"}, "uses fake-llm, settings say qwen2.5-0.5b"),
                                         ({"device": "gpu"}, "runs on cpu, settings say gpu")])
def test_a_server_with_other_models_is_not_used_silently(served, change, said):
    url, p = served
    messages = []
    assert client.find(_settings(p, url).replace(**change), notify=messages.append) is None
    assert len(messages) == 1 and said in messages[0] and "--local" in messages[0]


def test_a_server_with_another_index_is_not_used_silently(served, tmp_path):
    url, p = served
    messages = []
    other = _settings(p, url).replace(index_dir=tmp_path / "elsewhere")
    assert client.find(other, notify=messages.append) is None
    assert "serves another index" in messages[0]


def test_no_server_is_quietly_none(fake_pipeline):
    messages = []
    assert client.find(_settings(fake_pipeline, f"http://127.0.0.1:{free_port()}"), messages.append) is None
    assert messages == []


def test_answers_and_records_are_the_same_as_in_process(served):
    url, p = served
    p.generator.enqueue(REPLY, REPLY)
    seen, tokens = [], []
    remote = client.Client(url, 30).ask(QUESTION, on_evidence=seen.append, on_token=tokens.append)
    local = p.ask(QUESTION)
    a, b = answer_json(remote), answer_json(local)
    a.pop("timings"), b.pop("timings")
    assert a == b and not remote.refused and "12亿美元" in remote.answer
    assert seen and seen[0][0].quote == local.citations[0].quote and "".join(tokens).strip()
    hits = client.Client(url, 30).search("CoreWeave 客户集中度", 3, "hybrid")
    assert [h.chunk.id for h in hits] == [h.chunk.id for h in p.search("CoreWeave 客户集中度", 3)]


def test_two_asks_at_once_are_served_in_turn(served):
    url, p = served
    p.generator.delay = 0.02
    p.generator.enqueue(REPLY, REPLY)
    answers = []
    threads = [threading.Thread(target=lambda: answers.append(client.Client(url, 30).ask(QUESTION)))
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(answers) == 2 and all("12亿美元" in a.answer for a in answers)
    assert p.generator.most == 1


def test_a_foreseeable_fault_on_the_server_is_the_same_one_line(served):
    url, p = served
    with pytest.raises(client.GpumktError, match="question is empty") as info:
        client.Client(url, 30).ask("   ")
    assert not isinstance(info.value, client.ServerGone)


class Breaks(http.server.BaseHTTPRequestHandler):
    """Healthy as the CLI's own settings expect, then an answer stream cut off after one token."""

    health: dict = {}

    def do_GET(self):
        body = json.dumps(self.health).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'{"event": "token", "text": "Core"}\n')
        self.wfile.flush()
        self.connection.shutdown(socket.SHUT_RDWR)  # the server dies mid-answer

    def log_message(self, *args):
        pass


@pytest.mark.integration
def test_cli_falls_back_in_process_when_the_server_stops_mid_answer(cli_env, monkeypatch):
    from gpumkt.config import Settings

    s = Settings.from_env()
    Breaks.health = {"ok": True, "index": client.local_index_sha(s.index_dir), "device": "cpu",
                     "embed_model": "all-minilm-l6-v2", "llm_model": "smollm2-135m"}
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Breaks)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    monkeypatch.setenv("GPUMKT_SERVER_URL", f"http://127.0.0.1:{httpd.server_address[1]}")
    try:
        CliRunner().invoke(cli, ["index"])  # the index the server claims to serve
        Breaks.health["index"] = client.local_index_sha(s.index_dir)
        result = CliRunner().invoke(cli, ["ask", QUESTION, "--json"])
    finally:
        httpd.shutdown()
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert sum("stopped answering" in line for line in lines) == 1 and "Traceback" not in result.output
    assert "answering in this process" in result.output
    assert json.loads(lines[-1])["question"] == QUESTION
