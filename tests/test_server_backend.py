"""The OpenAI-compatible backend against llama-cpp-python's own server on 127.0.0.1, and
against small misbehaving servers (down, slow, error, malformed JSON)."""

import http.server
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
from conftest import free_port

from gpumkt import models
from gpumkt.answer.generate import OpenAIServerGenerator
from gpumkt.config import ROOT
from gpumkt.errors import BackendError

pytestmark = pytest.mark.integration
MESSAGES = [{"role": "user", "content": "Say hello."}]


@pytest.fixture(scope="module")
def llama_server():
    path, _, _ = models.resolve("smollm2-135m", ROOT / "models", "llm")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(path),
                             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "1024"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):  # bounded wait: at most 60 s
        try:
            urllib.request.urlopen(url + "/v1/models", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("llama_cpp.server did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def test_streams_from_a_real_llama_cpp_server(llama_server):
    gen = OpenAIServerGenerator(llama_server, name="smollm2-135m", timeout=30)
    text = "".join(gen.stream(MESSAGES, max_tokens=12, temperature=0.0))
    assert text.strip() and gen.usage.completion_tokens > 0


def test_url_with_v1_suffix_works(llama_server):
    gen = OpenAIServerGenerator(llama_server + "/v1", timeout=30)
    assert "".join(gen.stream(MESSAGES, max_tokens=4, temperature=0.0)).strip()


def test_server_down():
    gen = OpenAIServerGenerator(f"http://127.0.0.1:{free_port()}", timeout=2)
    with pytest.raises(BackendError, match="cannot reach the LLM server.*GPUMKT_LLM_URL"):
        list(gen.stream(MESSAGES, 4, 0.0))


class Misbehaving(http.server.BaseHTTPRequestHandler):
    mode = "error"

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.mode == "slow":
            time.sleep(3)
        if self.mode == "error":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"model exploded")
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        self.wfile.write(b"data: {not json\n\n")

    def log_message(self, *args):
        pass


@pytest.fixture
def bad_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Misbehaving)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


@pytest.mark.parametrize("mode,message", [
    ("error", "answered 500: model exploded"),
    ("malformed", "malformed JSON"),
    ("slow", "did not answer within 1 s|stopped answering"),
])
def test_misbehaving_servers_give_one_clear_error(bad_server, mode, message):
    Misbehaving.mode = mode
    gen = OpenAIServerGenerator(f"http://127.0.0.1:{bad_server.server_address[1]}", timeout=1)
    with pytest.raises(BackendError, match=message):
        list(gen.stream(MESSAGES, 4, 0.0))


def test_pipeline_uses_the_server_given_by_gpumkt_llm_url(llama_server, shared_index, fake_embedder, monkeypatch):
    from gpumkt.config import Settings
    from gpumkt.pipeline import Pipeline

    monkeypatch.setenv("GPUMKT_LLM_URL", llama_server)
    s = Settings.from_env(index_dir=shared_index, embed_model="fake", llm_model="smollm2-135m", max_tokens=24)
    p = Pipeline(s, embedder=fake_embedder, notify=lambda m: None)
    a = p.ask("What was CoreWeave's revenue in Q2 2025?")
    assert isinstance(p.generator, OpenAIServerGenerator) and a.model["device"] == "server"
    assert not a.refused and a.citations
