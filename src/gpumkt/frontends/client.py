"""The CLI's side of ``gpumkt serve``: find a running server that has the same index and models
the CLI would load, and ask it instead of starting up (about 2 s instead of 15-20 s).

Only the standard library is used here, so asking a server costs no heavy import.
"""

from __future__ import annotations

import http.client
import json
import socket
import urllib.error
import urllib.request
from pathlib import Path

from gpumkt.config import Settings
from gpumkt.errors import GpumktError
from gpumkt.records import (
    Answer,
    Chunk,
    Hit,
    answer_from_dict,
    evidence_from_dict,
    files_sha,
)

PROBE_S = 0.15  # a server on loopback answers its health check in a few ms; don't wait longer


class ServerGone(GpumktError):
    """The server stopped answering in the middle of a request."""


def local_index_sha(index_dir: Path) -> str:
    """The hash ``Index.sha256`` would give for the index on disk, read from its manifest only."""
    try:
        files = json.loads((Path(index_dir) / "manifest.json").read_text("utf-8")).get("files", {})
    except (OSError, ValueError):
        return ""
    return files_sha(files)


def find(s: Settings, notify=lambda msg: None) -> "Client | None":
    """A client for the server at ``s.server_url`` when one is up with this index and these models;
    None (having said why, when a server is up but different) otherwise."""
    url = s.server_url.rstrip("/")
    try:
        with urllib.request.urlopen(url + "/api/health", timeout=PROBE_S) as resp:
            health = json.loads(resp.read())
    except (OSError, ValueError, http.client.HTTPException):
        return None
    differs = mismatch(health, s)
    if differs:
        notify(f"a gpumkt server at {url} {differs}: answering in-process (restart the server, "
               f"or pass --local to skip it)")
        return None
    return Client(url, s.llm_timeout)


def mismatch(health: dict, s: Settings) -> str:
    """What makes the server's answers differ from this CLI's, or "" when nothing does."""
    if health.get("index") != local_index_sha(s.index_dir):
        return "serves another index than the one in " + str(s.index_dir)
    for kind, wanted in (("embed_model", s.embed_model), ("llm_model", s.llm_model)):
        if health.get(kind) not in (wanted, Path(wanted).name):  # a manifest name, or a path's name
            return f"uses {health.get(kind)}, settings say {wanted}"
    if health.get("device") != s.device:
        return f"runs on {health.get('device')}, settings say {s.device}"
    return ""


class Client:
    def __init__(self, url: str, timeout: float):
        self.url, self.timeout = url, timeout

    def _post(self, path: str, body: dict):
        req = urllib.request.Request(self.url + path, data=json.dumps(body, ensure_ascii=False).encode(),
                                     headers={"Content-Type": "application/json"})
        return urllib.request.urlopen(req, timeout=self.timeout)

    def ask(self, question: str, k: int | None = None, history=(), on_evidence=None, on_token=None) -> Answer:
        """The same Answer the pipeline would give, streamed: evidence, tokens, then the record."""
        try:
            with self._post("/api/ask", {"question": question, "k": k, "history": list(history)}) as resp:
                for line in resp:
                    event = json.loads(line)
                    if event["event"] == "evidence" and on_evidence:
                        on_evidence([evidence_from_dict(e) for e in event["evidence"]])
                    elif event["event"] == "token" and on_token:
                        on_token(event["text"])
                    elif event["event"] == "done":
                        return answer_from_dict(event["answer"])
                    elif event["event"] == "error":
                        raise GpumktError(event["message"])
        except (OSError, ValueError, KeyError, http.client.HTTPException, socket.timeout) as exc:
            raise ServerGone(f"the server at {self.url} stopped answering ({type(exc).__name__})") from exc
        raise ServerGone(f"the server at {self.url} stopped answering (the answer was cut off)")

    def search(self, query: str, k: int, mode: str) -> list[Hit]:
        try:
            with self._post("/api/search", {"query": query, "k": k, "mode": mode}) as resp:
                hits = json.loads(resp.read())["hits"]
        except urllib.error.HTTPError as exc:
            if exc.code == 400:  # a foreseeable fault: its message names the fix
                raise GpumktError(json.loads(exc.read()).get("detail", str(exc))) from exc
            raise ServerGone(f"the server at {self.url} failed ({exc.code})") from exc
        except (OSError, ValueError, KeyError, http.client.HTTPException) as exc:
            raise ServerGone(f"the server at {self.url} stopped answering ({type(exc).__name__})") from exc
        return [Hit(Chunk(**h["chunk"]), h["score"], h["rank"]) for h in hits]
