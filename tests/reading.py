"""A made-up text read the way the index reads a document: its units, their facts and the names
mined from it, for tests of the fact layer and the gate on one short document."""

from __future__ import annotations

from gpumkt.ingest.chunking import chunk_document
from gpumkt.ingest.extract import title_of
from gpumkt.ingest.facts import build_facts
from gpumkt.ingest.units import units
from gpumkt.lang import mining
from gpumkt.records import Document


def read(text: str, source: str):
    """``(units, facts, names)`` of ``text`` saved as ``source``."""
    doc = Document(source, title_of(text), text, "0" * 64)
    us = [u for c in chunk_document(doc) for u in units(c, doc.text)]
    names = mining.mine_names([text])
    return us, build_facts(us, names), names
