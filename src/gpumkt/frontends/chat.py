"""Gradio chat UI, served by ``frontends.server`` (``python -m gpumkt.chat [--host 127.0.0.1] [--port 7860] [--share]``).

Evidence appears in the side panel before the answer starts; the answer streams token by token,
then is replaced by the checked answer with [n] links into the panel. One model, so the queue
runs one answer at a time and a second tab waits its turn.
"""

from __future__ import annotations

import logging
import queue
import threading
import time

import gradio as gr  # also resolves the gr.Request annotations Gradio reads

from gpumkt.errors import GpumktError
from gpumkt.frontends.ui_render import (
    EXAMPLES,
    answer_markdown,
    evidence_html,
    export_markdown,
    nearest_html,
    status_line,
)
from gpumkt.pipeline import Pipeline

CSS = """
#evidence .ev {border:1px solid #ddd; border-radius:8px; padding:8px 10px; margin-bottom:8px}
#evidence .ev.cited {border-color:#f59e0b; box-shadow:0 0 0 2px #fde68a; animation:evflash 1.5s ease-out}
@keyframes evflash {0% {background:#fde68a} 100% {background:transparent}}
#evidence mark {background:#fde68a} #evidence .meta {color:#666; font-size:0.85em}
#evidence table {border-collapse:collapse; font-size:0.9em} #evidence th, #evidence td {border:1px solid #ddd; padding:2px 6px}
#evidence .nearest {border:1px dashed #999; border-radius:8px; padding:6px 10px; margin-bottom:8px}
"""
# A citation marker [n] in the answer scrolls to its evidence card and flashes it (the card keeps
# an outline until another marker is clicked). Links inside the chat would otherwise be left to
# the browser, which does not scroll the side panel.
HEAD = """<script>
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest('a[href^="#ev-"]');
  const anchor = link && document.getElementById(link.getAttribute("href").slice(1));
  const card = anchor && anchor.closest(".ev");
  if (!card) return;
  event.preventDefault();
  document.querySelectorAll("#evidence .ev.cited").forEach((c) => c.classList.remove("cited"));
  card.scrollIntoView({behavior: "smooth", block: "center"});
  void card.offsetWidth;  // so the flash runs again on a second click
  card.classList.add("cited");
}, true);
</script>"""


class ChatSession:
    """Event handlers, kept apart from the widgets so tests can drive them directly."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline
        self.stops: dict[str, threading.Event] = {}  # one per browser session: a Stop is that tab's
        self.last: dict[str, object] = {}  # each browser session's last checked answer, for the export

    def stop_event(self, request: gr.Request | None = None) -> threading.Event:
        return self.stops.setdefault(_tab(request), threading.Event())

    def respond(self, question: str, history: list[dict], k: int = 5, request: gr.Request = None):
        """Generator of (history, evidence panel HTML, status line) updates for one question."""
        history = list(history or [])
        pairs = _pairs(history)
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": "…"}]
        events: queue.Queue = queue.Queue()
        stop = self.stop_event(request)
        stop.clear()
        worker = threading.Thread(target=self._run, args=(question, pairs, int(k), events, stop), daemon=True)
        t0 = time.perf_counter()
        worker.start()
        try:
            yield history, "", status_line("retrieving", t0)
            yield from self._updates(history, events, t0, _tab(request))
        finally:  # also when Gradio closes this generator: stop button, tab closed
            stop.set()

    def _updates(self, history: list[dict], events: queue.Queue, t0: float, key: str = ""):
        panel, text, tokens = "", "", 0
        while True:
            kind, payload = events.get()
            if kind == "evidence":
                panel = evidence_html(payload, self.pipeline.index.docs)
                yield history, panel, status_line("generating", t0)
            elif kind == "token":
                text, tokens = text + payload, tokens + 1
                history[-1] = {"role": "assistant", "content": text}
                yield history, panel, status_line("generating", t0, tokens)
            elif kind == "error":
                history[-1] = {"role": "assistant", "content": f"⚠️ {payload}"}
                yield history, panel, status_line("error", t0)
                return
            else:  # done: the checked answer replaces the raw stream
                self.last[key] = payload
                history[-1] = {"role": "assistant", "content": answer_markdown(payload)}
                panel = nearest_html(payload) + (panel or evidence_html(payload.citations, self.pipeline.index.docs))
                yield history, panel, status_line("done", t0, answer=payload)
                return

    def _run(self, question, pairs, k, events: queue.Queue, stop: threading.Event) -> None:
        try:
            answer = self.pipeline.ask(question, k=k, history=pairs,
                                       on_evidence=lambda e: events.put(("evidence", e)),
                                       on_token=lambda t: events.put(("token", t)),
                                       should_stop=stop.is_set)
            events.put(("done", answer))
        except GpumktError as exc:  # foreseeable: one clear line in the chat
            events.put(("error", str(exc)))
        except Exception as exc:  # the UI keeps running whatever happens in one answer
            logging.getLogger("gpumkt").exception("answer failed")  # the traceback goes to the log
            events.put(("error", f"unexpected error ({type(exc).__name__}): {exc}"))

    def stop(self, request: gr.Request = None):
        self.stop_event(request).set()

    def export(self, request: gr.Request = None) -> str:
        """This tab's last answer with its quoted sources, as Markdown for a note."""
        a = self.last.get(_tab(request))
        return export_markdown(a) if a else "Ask a question first: the export is the last answer with its sources."

    def switch(self, model: str, device: str) -> str:
        """Use another model or device from the next question on."""
        try:
            self.pipeline.use_model(model, device)
            self.pipeline.warm_up()  # load now, so a bad choice is reported here, not mid-answer
        except GpumktError as exc:
            raise gr.Error(str(exc)) from exc
        return self.loaded()

    def add_files(self, files) -> tuple[str, list[list], object]:
        """Upload handler: add the files, then (message, documents table, remove choices)."""
        paths = [f if isinstance(f, str) else getattr(f, "name", str(f)) for f in (files or [])]
        if not paths:
            return "Choose one or more files first.", *self.doc_table()
        try:
            results = self.pipeline.add_documents(paths, progress=False)
        except GpumktError as exc:
            return f"⚠️ {exc}", *self.doc_table()
        lines = [f"✔ added **{r.source}** ({r.message})" if r.ok else f"⚠️ {r.message}" for r in results]
        return "\n\n".join(lines), *self.doc_table()

    def remove_doc(self, name: str) -> tuple[str, list[list], object]:
        try:
            message = f"✔ removed **{self.pipeline.remove_document(name)}**" if name else "Choose a document."
        except GpumktError as exc:
            message = f"⚠️ {exc}"
        return message, *self.doc_table()

    def doc_table(self) -> tuple[list[list], object]:
        """Rows for the documents list, and an update of the remove dropdown's choices."""
        table, added = self.documents()
        return table, gr.update(choices=added, value=added[0] if added else None)

    def documents(self) -> tuple[list[list], list[str]]:
        """Rows for the documents list, and the names of the added documents (the ones removable)."""
        rows = self.pipeline.documents()
        table = [[r["title"][:50], r["source"], r["origin"], r["pages"] or "", r["chunks"], r["facts"],
                  r["added"]] for r in rows]
        return table, [r["source"] for r in rows if r["origin"] == "added"]

    def loaded(self) -> str:
        p = self.pipeline
        gen = p.generator
        return (f"Model **{gen.name}** on {gen.device} · embedder **{p.embedder.name}** · "
                f"index `{p.index.sha256[:12]}` ({len(p.index.chunks)} chunks)")


def _tab(request) -> str:
    """The browser session a request comes from ("" outside Gradio, as in tests)."""
    return getattr(request, "session_hash", None) or ""


def _pairs(history: list[dict]) -> list[tuple[str, str]]:
    """Chat messages -> (question, answer) pairs for follow-ups and the prompt."""
    out, question = [], None
    for m in history:
        content = m.get("content") if isinstance(m, dict) else None
        text = content if isinstance(content, str) else " ".join(
            c.get("text", "") for c in content or [] if isinstance(c, dict))
        if m.get("role") == "user":
            question = text
        elif question is not None:
            out.append((question, text))
            question = None
    return out


def build_app(session: ChatSession, llm_choices: list[str]):
    with gr.Blocks(title="gpumkt") as app:
        gr.Markdown("## gpumkt · GPU market reports\nEvery figure is checked against the quoted evidence.")
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Chat", height=480, elem_id="chat")
                box = gr.Textbox(label="Question", placeholder="CoreWeave 客户集中度?", elem_id="question")
                with gr.Row():
                    ask = gr.Button("Ask", variant="primary", elem_id="ask")
                    stop = gr.Button("Stop", elem_id="stop")
                    clear = gr.Button("Clear chat", elem_id="clear")
                status = gr.Markdown("", elem_id="status")
                with gr.Accordion("Export the last answer (Markdown, for a note)", open=False):
                    export = gr.Button("Export", elem_id="export-btn")
                    exported = gr.Code("", language="markdown", elem_id="export")
                gr.Examples(EXAMPLES, inputs=box, label="Examples (简体 · 繁體 · English)")
            with gr.Column(scale=2):
                gr.Markdown("### Evidence")
                panel = gr.HTML("", elem_id="evidence")
        with gr.Accordion("Documents", open=False, elem_id="documents"):
            upload = gr.File(label="Add reports (.md .txt .pdf .docx .html)", file_count="multiple",
                             elem_id="upload")
            add = gr.Button("Add to the library", elem_id="add-docs")
            doc_status = gr.Markdown("", elem_id="doc-status")
            table, added = session.documents()
            docs = gr.Dataframe(table, headers=["title", "file", "origin", "pages", "passages", "figures",
                                                "added"], interactive=False, elem_id="doc-list")
            with gr.Row():
                chosen = gr.Dropdown(added, value=added[0] if added else None, label="Added document",
                                     elem_id="doc-choice")
                remove = gr.Button("Remove", elem_id="remove-doc")
        with gr.Accordion("Settings", open=False):
            loaded = gr.Markdown(session.loaded(), elem_id="loaded")
            model = gr.Dropdown(llm_choices, value=session.pipeline.generator.name, label="Model")
            device = gr.Radio(["cpu", "gpu"], value=session.pipeline.settings.device, label="Device")
            k = gr.Slider(1, 10, value=session.pipeline.settings.k, step=1, label="Passages")
        run = dict(fn=session.respond, inputs=[box, chat, k], outputs=[chat, panel, status],
                   concurrency_limit=1, concurrency_id="model")
        e1 = ask.click(**run).then(lambda: "", outputs=box)
        e2 = box.submit(**run).then(lambda: "", outputs=box)
        stop.click(session.stop, cancels=[e1, e2])
        clear.click(lambda: ([], "", ""), outputs=[chat, panel, status])
        export.click(session.export, None, exported)
        model.change(session.switch, [model, device], loaded, concurrency_id="model")
        device.change(session.switch, [model, device], loaded, concurrency_id="model")
        add.click(session.add_files, upload, [doc_status, docs, chosen], concurrency_id="model")
        remove.click(session.remove_doc, chosen, [doc_status, docs, chosen], concurrency_id="model")
    return app.queue(default_concurrency_limit=1)
