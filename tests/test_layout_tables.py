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


# A converter that misplaces wide characters leaves the columns of a Chinese table only roughly
# aligned, a cell's words glued to the next cell's and a long name wrapped onto the next line.
PRICES = """附件1
 甲市算力资源池挂牌价格表（2025年第二季度）
序号        提供方            芯片型号       算力类型     挂牌价      包月价
                                            （元/卡时）   （元/卡/月）
 1   甲乙智算有限公司（       X800 80GB SXM智能算力      12.30    7,600
         甲乙智算）
 2        甲乙智算         X200 96GB   智能算力      5.10     3,200
 3        丙丁云          通用计算节点（      通用算力    0.15元/核时    —
                         2×64核）
注：挂牌价为不含税价格。
"""


def test_a_roughly_aligned_table_keeps_its_figures_under_the_last_columns():
    lines = PRICES.splitlines()[2:]
    assert layout_span(lines) == 7  # the note of prose ends it
    headers, rows = layout_rows(lines[:7])
    assert headers[-2:] == ["挂牌价（元/卡时）", "包月价（元/卡/月）"]  # the unit line sits under the figures' columns
    assert rows[0].cells == ["1", "甲乙智算有限公司（甲乙智算）", "X800 80GB SXM智能算力", "", "12.30", "7,600"]
    assert rows[2].cells[-2:] == ["0.15元/核时", "—"]


def test_a_rows_serial_number_labels_nothing():
    doc = Document("prices.txt", "甲市", PRICES, "")
    rows = [c.readable for c in chunk_document(doc) if c.kind == "table"]
    assert rows[1] == ("甲市算力资源池挂牌价格表（2025年第二季度） | 甲乙智算 | 芯片型号: X200 96GB; 算力类型: 智能算力; "
                       "挂牌价（元/卡时）: 5.10; 包月价（元/卡/月）: 3,200")


def test_a_policys_chapters_are_its_sections_and_its_articles_are_not():
    text = "甲市数据中心补助办法\n第一章 总 则\n第一条 为鼓励投资，制定本办法。\n第二章 补助标准\n第五条 按投资额的15%给予补助。\n"
    sections = [c.section for c in chunk_document(Document("policy.txt", "甲市数据中心补助办法", text, ""))]
    assert sections[-1] == "甲市数据中心补助办法 > 第二章 补助标准"
    assert not any("第五条" in s for s in sections)


TALLY = """Brindle Holdings announcement
RESULTS OF THE MEETING

The table counts shares; percentages are of the shares voted for and against.

No.  Motion (short)                    FOR      %      AGAINST      %    WITHHELD/    OUTCOME
                                                                  SPOILT
------------------------------------------------------------------------------------------
1    Approve the accounts FY2025 81,220,400  99.10      737,600   0.90    15,000  CARRIED
2(a) Re-appoint Ms Quell               60,501,000  73.80   21,480,100  26.20    22,200  CARRIED
3    Buy-back mandate (10%)           52,000,000  63.40   30,010,000  36.60     1,200  NOT CARRIED
------------------------------------------------------------------------------------------
"""


def test_figures_under_names_are_read_from_the_right_whatever_their_alignment():
    from gpumkt.ingest.layout_tables import figure_table_rows, figure_table_span

    lines = TALLY.splitlines()[5:]
    assert figure_table_span(lines) == 6  # the closing rule ends it
    headers, rows = figure_table_rows(lines[:6])
    assert headers == ["No.", "Motion (short)", "FOR", "FOR %", "AGAINST", "AGAINST %", "WITHHELD/SPOILT", "OUTCOME"]
    # a label run into its first figure by one space, a serial "2(a)", a label's own "(10%)" and an outcome of two words
    assert [r.cells for r in rows] == [
        ["1", "Approve the accounts FY2025", "81,220,400", "99.10%", "737,600", "0.90%", "15,000", "CARRIED"],
        ["2(a)", "Re-appoint Ms Quell", "60,501,000", "73.80%", "21,480,100", "26.20%", "22,200", "CARRIED"],
        ["3", "Buy-back mandate (10%)", "52,000,000", "63.40%", "30,010,000", "36.60%", "1,200", "NOT CARRIED"]]


def test_a_row_of_a_figure_table_is_a_chunk_under_its_section_not_the_sentence_above():
    doc = Document("tally.txt", "Brindle Holdings announcement", TALLY, "0" * 64)
    rows = [c.readable for c in chunk_document(doc) if c.kind == "table"]
    assert rows[1] == ("RESULTS OF THE MEETING | Re-appoint Ms Quell | FOR: 60,501,000; FOR %: 73.80%; AGAINST: 21,480,100; "
                       "AGAINST %: 26.20%; WITHHELD/SPOILT: 22,200; OUTCOME: CARRIED")


def test_words_over_prose_or_a_single_row_are_no_figure_table():
    from gpumkt.ingest.layout_tables import figure_table_span

    assert figure_table_span(["Name  Role  Term  Since", "Ann Lee is the chair since 2019 and 2020.", "x"]) == 0
    assert figure_table_span(["Item  For  Against  Outcome", "A  1,200  300  Carried", "", "B  10  20  Lost"]) == 0
    assert figure_table_span(["Item. For more see below.  x  y  z", "A  1  2  3", "B  4  5  6"]) == 0
