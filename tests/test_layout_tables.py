"""Tables a PDF converter lays out with spaces: cells of words under column names."""

from gpumkt.ingest.blocks import parse_blocks
from gpumkt.ingest.chunking import chunk_document
from gpumkt.ingest.layout_tables import layout_rows, layout_span
from gpumkt.records import Document

SPEC = """Acme X9 servers
System specifications
 Specification          X9-4A                    X9-8L
                        4-GPU, air-cooled        8-GPU, liquid-cooled
 Power supplies         2× 1,600 W (1+1)         4× 2,400 W (3+1)
 Operating temperature  5–40°C                   5–32°C; 5–38°C
 (ambient air)                                   with kit
 Rack units             3U                       4U
§ Maximum system power at the optional setting; 7.1 kW at the default setting.
"""


def test_a_layout_table_is_read_into_rows_under_its_column_names():
    lines = SPEC.splitlines()[2:]
    assert layout_span(lines) == 6  # the footnote of prose ends it
    headers, rows = layout_rows(lines[:6])
    assert headers == ["Specification", "X9-4A 4-GPU, air-cooled", "X9-8L 8-GPU, liquid-cooled"]
    assert [r.cells for r in rows] == [["Power supplies", "2× 1,600 W (1+1)", "4× 2,400 W (3+1)"],
                                       ["Operating temperature (ambient air)", "5–40°C", "5–32°C; 5–38°C with kit"],
                                       ["Rack units", "3U", "4U"]]


def test_a_chunk_per_row_names_each_cells_column_and_quotes_the_rows_lines():
    doc = Document("spec.txt", "Acme X9 servers", SPEC, "")
    rows = [c for c in chunk_document(doc) if c.kind == "table"]
    assert len(rows) == 3
    assert rows[0].readable == ("System specifications | Power supplies | X9-4A 4-GPU, air-cooled: 2× 1,600 W (1+1); "
                                "X9-8L 8-GPU, liquid-cooled: 4× 2,400 W (3+1)")
    assert "5–32°C, 5–38°C with kit" in rows[1].readable  # (a cell's own ";" would part it from its column)
    assert all(doc.text[c.start:c.end] == c.text for c in rows)
    assert rows[1].text.rstrip().endswith("with kit")  # the row quoted with its wrapped line


def test_rows_of_figures_prose_in_two_columns_and_defined_terms_are_no_layout_table():
    figures = ["Revenue            166,901      163,991      134,009", "Income             68,849       49,786       23,586",
               "Interest           (31,204)     (29,887)     (24,930)"]
    two_columns = ["The market grew fast in the year.      Prices fell by a third over", "the quarter as supply eased.            the same period, the note says."]
    defined = ["公司、本公司    指    甲乙算力科技股份有限公司", "报告期          指    2025年1月1日至2025年6月30日",
               "上年同期        指    2024年1月1日至2024年6月30日"]
    for lines in (figures, two_columns, defined):
        assert layout_span(lines) == 0
        assert not [b for b in parse_blocks("\n".join(lines)) if b.label == "layout"]
