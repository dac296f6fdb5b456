from gpumkt.ingest.blocks import parse_blocks
from gpumkt.ingest.charts import chart_text
from gpumkt.ingest.chunking import chunk_corpus, chunk_document
from gpumkt.ingest.corpus import load_documents
from gpumkt.lang.text import normalise


def test_every_chunk_is_a_verbatim_span_of_its_file(seeds_copy):
    docs = load_documents(seeds_copy)
    by_source = {d.source: d for d in docs}
    chunks = chunk_corpus(docs)
    assert {c.source for c in chunks} == set(by_source)
    for c in chunks:
        assert by_source[c.source].text[c.start:c.end] == c.text
        assert c.indexed == normalise(c.indexed)


def test_chunk_ids_are_unique(seeds_copy):
    chunks = chunk_corpus(load_documents(seeds_copy))
    assert len({c.id for c in chunks}) == len(chunks)


def test_table_rows_carry_headers(seeds_copy):
    docs = load_documents(seeds_copy)
    rows = [c for c in chunk_document(docs[1]) if c.kind == "table"]
    cost = next(c for c in rows if "成本" in c.text)
    assert "Hyperscalers: $98/小时" in cost.readable and "Neoclouds: $34/小时" in cost.readable
    assert cost.text.startswith("|") and "\n" not in cost.text


def test_mermaid_pie_values_are_findable(seeds_copy):
    docs = load_documents(seeds_copy)
    charts = [c for c in chunk_document(docs[0]) if c.kind == "chart"]
    pie = next(c for c in charts if "AMD" in c.readable and "35" in c.readable)
    assert "AMD: 35" in pie.readable and "amd: 35" in pie.indexed
    assert pie.text.startswith("```mermaid")


def test_chart_text_for_xychart_pairs_axis_and_values():
    block = '```mermaid\nxychart-beta\n    title "成本"\n    x-axis [A, B]\n    bar [98, 34]\n```'
    assert chart_text(block) == "成本. A: 98; B: 34"


def test_heading_paths(seeds_copy):
    docs = load_documents(seeds_copy)
    chunks = chunk_document(docs[4])  # plain text with "01. ..." headings, Traditional script
    assert all(c.section.startswith("輝達的影子帝國") for c in chunks)
    assert any("04. 商業模式爭議" in c.section for c in chunks)


def test_plain_list_lines_are_not_headings_without_a_top_heading():
    blocks = parse_blocks("标题\n\n3、在硬件领域的积累\n\n正文。")
    assert [b.kind for b in blocks] == ["text", "text", "text"]
