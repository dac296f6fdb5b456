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


def test_a_report_saved_in_a_chinese_encoding_is_read(tmp_path):
    # A report folder may hold a text file saved as GB18030 (or Big5): it is read, not refused.
    text = "甲乙算力2025年度报告\n\n本年度募集资金累计投入12,345.67万元，投入进度为41.20%。\n" * 3
    (tmp_path / "gb.txt").write_bytes(text.encode("gb18030"))
    hant = "甲乙算力2025年度報告\n\n本年度募集資金累計投入12,345.67萬元，投入進度為41.20%。\n" * 3
    (tmp_path / "big5.txt").write_bytes(hant.encode("big5"))
    docs = {d.source: d for d in load_documents(tmp_path)}
    assert docs["gb.txt"].text == text and docs["big5.txt"].text == hant
    assert docs["gb.txt"].title.startswith("甲乙算力")
