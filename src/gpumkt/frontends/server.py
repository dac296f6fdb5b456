"""``gpumkt serve``: one resident process that loads the index and models once and serves the chat
UI at ``/`` and a small JSON API under ``/api`` on loopback, so ``gpumkt ask`` answers in about
the time the model needs instead of paying the start-up on every call.

API (all JSON; ``/api/ask`` streams one JSON object per line):
- ``GET /api/health`` -> ``{"ok", "version", "index", "embed_model", "llm_model", "device"}``
- ``POST /api/ask {"question", "k", "history"}`` -> lines ``{"event": "evidence", "evidence": [...]}``,
  ``{"event": "token", "text"}``, then ``{"event": "done", "answer": {...}}`` or ``{"event": "error", "message"}``
- ``POST /api/search {"query", "k", "mode"}`` -> ``{"hits": [...]}``

One answer at a time: the model is one, so concurrent asks are served in turn (the pipeline's lock).
No ``from __future__ import annotations`` here: FastAPI reads the route annotations at run time.
"""

import argparse
import json
import logging
import queue
import threading
from dataclasses import asdict

from gpumkt.config import Settings
from gpumkt.errors import GpumktError
from gpumkt.pipeline import Pipeline


class Service:
    """The API's logic, apart from the web framework so tests can call it directly."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline

    def health(self) -> dict:
        from importlib.metadata import version

        p = self.pipeline
        return {"ok": True, "version": version("gpumkt"), "index": p.index.sha256,
                "embed_model": p.embedder.name, "llm_model": p.generator.name, "device": p.generator.device}

    def ask_events(self, question: str, k: int | None = None, history=()):
        """Lines of the streamed answer (JSON text, one event each), generated as they happen."""
        events: queue.Queue = queue.Queue()
        worker = threading.Thread(target=self._answer, args=(question, k, history, events), daemon=True)
        worker.start()
        while True:
            kind, payload = events.get()
            yield json.dumps({"event": kind, **payload}, ensure_ascii=False) + "\n"
            if kind in ("done", "error"):
                return

    def _answer(self, question, k, history, events: queue.Queue) -> None:
        """Runs in a thread; the pipeline's own lock serves concurrent asks in turn."""
        try:
            a = self.pipeline.ask(question, k=k, history=[tuple(h) for h in history or ()],
                                  on_evidence=lambda ev: events.put(("evidence", {"evidence": [asdict(e) for e in ev]})),
                                  on_token=lambda t: events.put(("token", {"text": t})))
            events.put(("done", {"answer": asdict(a)}))
        except GpumktError as exc:
            events.put(("error", {"message": str(exc), "foreseen": True}))
        except Exception as exc:  # the server keeps running whatever one answer does
            logging.getLogger("gpumkt").exception("answer failed")
            events.put(("error", {"message": f"unexpected {type(exc).__name__}: {exc}", "foreseen": False}))

    def search(self, query: str, k: int = 5, mode: str = "hybrid") -> dict:
        hits = self.pipeline.search(query, k, mode)
        return {"hits": [{"chunk": asdict(h.chunk), "score": h.score, "rank": h.rank} for h in hits]}


def api(service: Service):
    """The FastAPI app with the ``/api`` routes (Gradio mounts the UI on it at ``/``)."""
    from fastapi import FastAPI, HTTPException, Request
    from fastapi.responses import StreamingResponse

    app = FastAPI(title="gpumkt")

    @app.get("/api/health")
    def health():
        return service.health()

    @app.post("/api/ask")
    async def ask(request: Request):
        body = await request.json()
        return StreamingResponse(service.ask_events(str(body.get("question", "")), body.get("k"),
                                                    body.get("history") or ()),
                                 media_type="application/x-ndjson")

    @app.post("/api/search")
    async def search(request: Request):
        body = await request.json()
        try:
            return service.search(str(body.get("query", "")), int(body.get("k") or 5), body.get("mode", "hybrid"))
        except GpumktError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from exc

    return app


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def run(pipeline: Pipeline, host: str = "127.0.0.1", port: int = 7860, share: bool = False,
        say=print) -> None:
    """Serve the chat UI at ``/`` and the API at ``/api`` until interrupted."""
    from gpumkt.frontends.chat import CSS, HEAD, ChatSession, build_app

    if host not in LOOPBACK:
        say(f"gpumkt: warning: listening on {host}: anyone who can reach this address can ask "
            f"questions and add or remove documents")
    blocks = build_app(ChatSession(pipeline), pipeline.llm_choices())
    if share:  # Gradio's share link needs its own launcher; the JSON API is not served then
        say("gpumkt: --share: serving the UI only (no /api)")
        blocks.launch(server_name=host, server_port=port, share=True, css=CSS, head=HEAD)
        return
    import gradio as gr
    import uvicorn

    app = gr.mount_gradio_app(api(Service(pipeline)), blocks, path="/", css=CSS, head=HEAD)
    say(f"gpumkt: serving http://{host}:{port}/ (UI) and /api (ask, search, health); Ctrl-C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def main(argv=None, prog: str = "python -m gpumkt.chat") -> None:
    parser = argparse.ArgumentParser(prog=prog, description="gpumkt chat UI and API server")
    parser.add_argument("--host", default="127.0.0.1", help="Address to listen on (default 127.0.0.1).")
    parser.add_argument("--port", type=int, default=7860)
    parser.add_argument("--share", action="store_true", help="Ask Gradio for a public share link.")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    print("gpumkt: loading the index and models…", flush=True)
    pipeline = Pipeline(settings)
    try:
        pipeline.preload()
        pipeline.warm_up()
    except GpumktError as exc:
        raise SystemExit(f"Error: {exc}")
    from gpumkt.frontends.chat import ChatSession

    print("gpumkt: ready —", ChatSession(pipeline).loaded().replace("**", ""), flush=True)
    run(pipeline, args.host, args.port, args.share)
