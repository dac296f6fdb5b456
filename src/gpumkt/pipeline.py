"""Question -> answer record. The one entry point the front ends (CLI, UI, eval, bench) call.

Heavy parts (embedder, index, generator) are created on first use, so ``gpumkt search`` never
loads a language model and tests can hand in fakes.
"""

from __future__ import annotations

import re
import sys
import threading
import time
import unicodedata
from functools import cached_property

from gpumkt import models
from gpumkt.answer import compose, followup
from gpumkt.answer import evidence as ev
from gpumkt.answer import question as qrec
from gpumkt.answer.check import check_answer, fact_conflicts, misattributed
from gpumkt.answer.generate import Generator, LlamaCppGenerator, OpenAIServerGenerator
from gpumkt.answer.labels import Labels
from gpumkt.answer.prompt import build_messages, prefix_messages
from gpumkt.config import Settings, timed
from gpumkt.errors import BackendError, BadQuestion, GpumktError
from gpumkt.lang.numbers import figures
from gpumkt.lang.text import HAN, detect_language, normalise
from gpumkt.records import Answer, Conflict, Evidence, Fact, Hit, Timings
from gpumkt.search import documents
from gpumkt.search import index as index_mod
from gpumkt.search.embed import Embedder, SentenceTransformerEmbedder
from gpumkt.search.retrieve import Retriever

MAX_QUESTION_CHARS = 1000  # longer questions are cut: retrieval and the prompt need no more


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


class Pipeline:
    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None,
                 generator=None, notify=_stderr):
        self.settings = settings or Settings.from_env()
        self.notify = notify
        self.turn = threading.RLock()  # one model: front ends that share this pipeline take turns
        if embedder is not None:
            self.__dict__["embedder"] = embedder
        if generator is not None:
            self.__dict__["generator"] = generator

    @classmethod
    def from_env(cls, **overrides) -> "Pipeline":
        """The pipeline the ``GPUMKT_*`` settings describe, with ``overrides`` winning (front ends)."""
        return cls(Settings.from_env(**overrides))

    @cached_property
    def embedder(self) -> Embedder:
        s = self.settings
        path, name, sha = models.resolve(s.embed_model, s.models_dir, "embed")
        return SentenceTransformerEmbedder(path, name, sha)

    @cached_property
    def index(self) -> index_mod.Index:
        s = self.settings
        with timed("index loaded"):
            return index_mod.load_or_build(s.index_dir, s.seeds_dir, self.embedder, notify=self.notify,
                                           progress=True, library_dir=s.library_dir)

    @cached_property
    def retriever(self) -> Retriever:
        s = self.settings
        return Retriever(self.index, self.embedder, candidates=s.candidates, rrf_k=s.rrf_k)

    def rebuild_index(self) -> index_mod.Index:
        s = self.settings
        self._use_index(index_mod.load_or_build(s.index_dir, s.seeds_dir, self.embedder, rebuild=True,
                                                progress=True, library_dir=s.library_dir))
        return self.index

    def build_index(self) -> index_mod.Index:
        """A fresh index of the seeds, built in memory and neither saved nor used (bench times it)."""
        return index_mod.build(self.settings.seeds_dir, self.embedder)

    def _use_index(self, index: index_mod.Index) -> None:
        self.__dict__["index"] = index
        for derived in ("retriever", "_known", "_labels"):
            self.__dict__.pop(derived, None)

    def add_documents(self, paths, progress: bool = True) -> list[documents.Added]:
        """Add files or folders to the library and the index; one ``Added`` per file."""
        new, results = documents.add(paths, self.settings, self.embedder, self._current_index(),
                                     self.notify, progress)
        if new is not None:
            self._use_index(new)
        return results

    def remove_document(self, name: str) -> str:
        """Take an added document out of the index and the library; returns its name."""
        new, source = documents.remove(name, self.settings, self.embedder, self._current_index())
        self._use_index(new)
        return source

    def documents(self) -> list[dict]:
        return documents.listing(self.index, self.settings)

    def _current_index(self) -> index_mod.Index | None:
        """The loaded index, for reusing its vectors; None when it cannot be loaded as it is."""
        try:
            return self.index
        except GpumktError:
            return None

    def search(self, query: str, k: int | None = None, mode: str = "hybrid") -> list[Hit]:
        return self.retriever.search(clean_question(query), k or self.settings.k, mode)

    @cached_property
    def generator(self) -> Generator:
        s = self.settings
        if s.llm_url:
            return OpenAIServerGenerator(s.llm_url, name=s.llm_model, timeout=s.llm_timeout)
        path, name, sha = models.resolve(s.llm_model, s.models_dir, "llm")
        return LlamaCppGenerator(path, name, sha, n_ctx=s.n_ctx, threads=s.threads,
                                 n_batch=s.n_batch, device=s.device)

    def preload(self) -> None:
        """Load the answer model in the background while the embedder loads (llama.cpp loads in C,
        so the two overlap). llama.cpp silences the whole process's stdout and stderr while it
        loads, so the index (whose loading may need to say something) comes first, and nothing
        is handed to a front end before the load is over (``_preloaded``)."""
        def load():
            try:
                getattr(self.generator, "load", lambda: None)()
            except GpumktError:
                return  # the question's own load raises it again, with the fix
            try:
                getattr(self.generator, "prime", lambda m: None)(prefix_messages())
            except Exception:  # noqa: BLE001  only a head start: the question evaluates its prompt whole
                pass

        self.index
        self._loader = threading.Thread(target=load, daemon=True)
        self._loader.start()

    def _preloaded(self) -> None:
        loader = self.__dict__.pop("_loader", None)
        if loader is not None:
            loader.join()

    def ask(self, question: str, k: int | None = None, history: list[tuple[str, str]] = (),
            on_evidence=None, on_token=None, should_stop=None) -> Answer:
        """Retrieve, select evidence, generate, check; ``history`` holds earlier (q, answer) pairs."""
        with self.turn:
            return self._ask(question, k, history, on_evidence, on_token, should_stop)

    def _ask(self, question, k, history, on_evidence, on_token, should_stop) -> Answer:
        question = clean_question(question)
        language = detect_language(question)
        t0 = time.perf_counter()
        query = self.rewrite_followup(question, history)
        q, sel = self.evidence_for(query, k)
        timings = Timings(retrieve_ms=_ms(t0))
        self._preloaded()
        if not sel.answered or not sel.evidence:
            cited = [e for e in sel.evidence if e.n in {n for _, n in sel.nearest}]
            if cited and on_evidence:
                on_evidence(cited)  # the near misses the refusal cites
            record = self._record(question, language, compose.to_script_text(
                compose.near_miss(sel.nearest, language, self._labels), language), True, cited, [], [], timings, t0)
            record.nearest = [{"figure": f.text, "about": compose.about(f), "n": n} for f, n in sel.nearest]
            return record
        if on_evidence:
            on_evidence(sel.evidence)
        # The model sees the follow-up made standalone and no earlier turns: the rewrite already
        # carries what it needs, and the fixed system prefix stays cached, so turn 5 starts as fast as turn 1.
        messages = build_messages(query, sel.evidence, language)
        generated = self._generate(messages, timings, t0, on_token, should_stop)
        return self._finish(question, q, language, sel, generated, timings, t0)

    def record_for(self, query: str) -> qrec.QuestionRecord:
        return qrec.build(query, self.index.names, known=self._known)

    @cached_property
    def _labels(self) -> Labels:
        return Labels(self.index.names, self.index.docs, self.index.facts)

    @cached_property
    def _known(self) -> frozenset[str]:
        return frozenset(self.index.bm25.idf)

    def evidence_for(self, query: str, k: int | None = None):
        """The question record, then the numbered evidence and whether it answers the question."""
        q = self.record_for(query)
        qvec = self.retriever.vector(query)
        hits = self.retriever.search(query, k or self.settings.k, "hybrid", vector=qvec)
        # each part of a multi-part question is judged by what it asks, not by the whole question
        part_vectors = [qvec if p.text == q.text else self.retriever.vector(p.text) for p in q.parts]
        return q, ev.select(self.index, q, hits, qvec, self.settings.evidence_count,
                           min_similarity=self.settings.min_similarity, part_vectors=part_vectors)

    def _generate(self, messages, timings: Timings, t0: float, on_token, should_stop) -> str:
        s, gen, pieces = self.settings, self.generator, []
        first = None
        for piece in gen.stream(messages, s.max_tokens, s.temperature):
            first = first or time.perf_counter()
            pieces.append(piece)
            if on_token:
                on_token(piece)
            if should_stop and should_stop():
                break
        end = time.perf_counter()
        timings.first_token_ms = (first - t0) * 1000 if first else 0.0
        timings.prompt_tokens = gen.usage.prompt_tokens
        timings.completion_tokens = gen.usage.completion_tokens
        if first and end > first and gen.usage.completion_tokens > 1:
            timings.decode_tokens_per_s = round((gen.usage.completion_tokens - 1) / (end - first), 2)
        return "".join(pieces)

    def _finish(self, question, q, language, sel, generated, timings, t0) -> Answer:
        evidence = list(sel.evidence)
        checked = check_answer(generated, evidence)
        asked = figures(question)
        wrong = misattributed(checked.text, sel.admissible, asked) if q.wants_figure else []
        forms = [f for m in q.entities for f in m.forms + (m.text,)]
        reason = compose.fallback_reason(checked, q.wants_figure, question, forms) or (
            "figures the reports attach to something else: " + ", ".join(wrong) if wrong else "")
        # A right answer in the other language keeps its verified figures, said in the asker's words.
        by_unit = self.index.facts_by_unit()
        restated = compose.restated(checked, evidence, self._labels, by_unit, language) \
            if reason == compose.OTHER_LANGUAGE and q.wants_figure and not (
                wrong or checked.unsupported or checked.offtopic) else ""
        text = restated or (compose.extractive(evidence, language, q.wants_figure, sel.fitting, self._labels,
                                               by_unit, q.answer_kind,
                                               tuple(m.key for m in q.entities)) if reason else checked.text)
        reason = "" if restated else reason
        pairs = fact_conflicts(self.index.facts, sel.fitting) if q.wants_figure else []
        conflicts = self._conflicts(pairs, evidence, language)
        text = text + (" " if language == "en" else "") + compose.missing_note(sel.missing_parts, language)
        final = compose.render(text, compose.conflict_note(conflicts, language), language)
        cited = set(int(n) for n in re.findall(r"\[(\d+)\]", final))
        record = self._record(question, language, final, False, [e for e in evidence if e.n in cited],
                              list(dict.fromkeys(checked.unsupported + wrong)), conflicts, timings, t0)
        record.generated, record.fallback = generated, bool(reason)
        return record

    def _conflicts(self, pairs: list[tuple[Fact, Fact]], evidence: list[Evidence], language: str) -> list[Conflict]:
        """Conflict records citing both facts, each figure as written or, to an English asker, in
        English ("$3.53 billion", not 35.3亿美元); a fact outside the evidence is added to it."""
        out = []
        for a, b in pairs:
            values = [{"value": compose.figure_said(f, language), "n": self._cite(f, evidence)} for f in (a, b)]
            out.append(Conflict(about=compose.about(a), values=values))
        return out

    def _cite(self, fact: Fact, evidence: list[Evidence]) -> int:
        for e in evidence:
            if e.source == fact.source and e.start == fact.sent_start:
                return e.n
        unit = next(u for u in self.index.units if u.chunk.source == fact.source and u.start == fact.sent_start)
        c = unit.chunk
        evidence.append(Evidence(len(evidence) + 1, c.source, c.id, c.section, unit.quote, unit.start,
                                 unit.end, 0.0, c.text, unit.label[:200],
                                 page=self.index.docs[c.source].page_at(unit.start)))
        return evidence[-1].n

    def _record(self, question, language, text, refused, citations, unsupported, conflicts,
                timings: Timings, t0: float) -> Answer:
        timings.total_ms = _ms(t0)
        gen = self.__dict__.get("generator")
        model = {"name": getattr(gen, "name", self.settings.llm_model),
                 "sha256": getattr(gen, "sha256", ""), "device": getattr(gen, "device", self.settings.device)}
        return Answer(question, language, text, refused, citations, list(unsupported), conflicts,
                      timings, model, {"sha256": self.index.sha256})

    def fact_sheet(self, name: str) -> list[dict]:
        """Every figure the reports attach to the entity ``name`` (any of its forms), with its
        metric, period, source span and the facts of other reports it conflicts with."""
        q = self.record_for(name)
        keys = {m.key for m in q.entities} or {normalise(name).strip()}
        mine = [f for f in self.index.facts if f.entity in keys]
        doc = self.index.docs
        rows = []
        for f in sorted(mine, key=lambda f: (f.metric, f.period, f.source, f.start)):
            clash = [g for a, g in fact_conflicts(self.index.facts, [f])]
            rows.append({"entity": f.entity, "metric": f.metric, "period": f.period, "figure": f.text,
                         "value": f.value, "quantity": f.quantity, "source": f.source, "start": f.start,
                         "end": f.end, "span": doc[f.source].text[f.start:f.end],
                         "sentence": doc[f.source].text[f.sent_start:f.sent_end],
                         "conflicts": [{"figure": g.text, "source": g.source, "start": g.start} for g in clash]})
        return rows

    def warm_up(self) -> None:
        """Load index, embedder and generator now (the UI shows 'ready' only after this)."""
        self.search("warm-up", 1)
        load = getattr(self.generator, "load", None)
        if load:
            load()

    def use_model(self, model: str | None, device: str | None) -> None:
        """Switch generation model or device; the next question loads it."""
        self.configure(llm_model=model, device=device)

    def configure(self, **changes) -> None:
        """Change generation settings (threads, n_batch, evidence count …); the next question
        loads the model with them. ``None`` keeps a setting as it is."""
        self.settings = self.settings.replace(**changes)
        self.__dict__.pop("generator", None)

    def prompt_for(self, question: str) -> list[dict]:
        """The messages ``ask`` sends the model for ``question`` (no history)."""
        question = clean_question(question)
        _, sel = self.evidence_for(question)
        return build_messages(question, sel.evidence, detect_language(question))

    def generate_direct(self, messages: list[dict]) -> dict:
        """The same prompt straight through llama-cpp-python, none of the pipeline around it:
        what ``gpumkt bench`` compares the pipeline's decode speed with."""
        direct = getattr(self.generator, "direct", None)
        if direct is None:
            raise BackendError("the direct llama.cpp comparison needs a local model: "
                               "unset GPUMKT_LLM_URL to run `gpumkt bench`")
        return direct(messages, self.settings.max_tokens)

    def forget_prefix(self) -> None:
        """Drop the model's evaluated prompt prefix, so the next prompt is processed whole."""
        reset = getattr(self.generator, "reset", None)
        if reset:
            reset()

    def llm_choices(self) -> list[str]:
        specs = models.load_manifest(self.settings.models_dir)
        names = [n for n, sp in specs.items() if sp.kind == "llm"
                 and models.model_path(sp, self.settings.models_dir).exists()]
        current = self.settings.llm_model
        return names if current in names else names + [current]

    def rewrite_followup(self, question: str, history) -> str:
        """A follow-up made standalone (``answer/followup.py``): the companies of the latest
        question that named one, and its metric and period when the follow-up asks nothing of its
        own; any other question as it is.

        "它的客户集中度呢？" after "CoreWeave 2024年营收？" -> "CoreWeave 它的客户集中度呢？"
        """
        if not history:
            return question
        earlier = [self.record_for(q) for q, _ in history]
        return followup.standalone(self.record_for(question), earlier) or question


def clean_question(question: str) -> str:
    """Drop control characters, fold whitespace, cut to MAX_QUESTION_CHARS; refuse empty input.

    ``clean_question(" CoreWeave\x00 营收\n? ") -> "CoreWeave 营收 ?"``
    """
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in question or "")
    text = " ".join(text.split())[:MAX_QUESTION_CHARS]
    if not text:
        raise BadQuestion("the question is empty: type a question about the reports")
    if not (HAN.search(text) or re.search(r"[A-Za-z0-9]", text)):
        raise BadQuestion("the question has no words, only symbols: type a question about the reports")
    return text


def _ms(t0: float) -> float:
    return round((time.perf_counter() - t0) * 1000, 1)
