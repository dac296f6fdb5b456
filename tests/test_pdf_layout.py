"""PDFs read as laid out on the page: tables drawn as positioned columns keep their rows, a
running header padded apart differently on each page is still page furniture, a part of a year
named without its year takes the year of the document's date, and a company whose fiscal year is
not the calendar year has its "three months ended <date>" read as its fiscal quarter. Made-up
companies only."""

from __future__ import annotations

import pytest

from gpumkt.answer.reframe import at_point, in_fiscal_terms
from gpumkt.answer.question import build
from gpumkt.ingest.blocks import running_lines
from gpumkt.ingest.chunking import chunk_document
from gpumkt.ingest.dating import document_date, fiscal_span, fiscal_year_end, in_document_year
from gpumkt.ingest.extract import extract, title_of
from gpumkt.ingest.facts import build_facts
from gpumkt.ingest.units import units
from gpumkt.lang import mining
from gpumkt.lang.periods import periods
from gpumkt.lang.text import normalise
from gpumkt.records import Document

ROWS = [("Revenue", "$ 412,512", "$ 298,904", "$ 790,100", "$ 551,230"),
        ("Cost of revenue", "160,045", "131,520", "310,877", "245,011"),
        ("Operating loss", "(12,330)", "(45,812)", "(30,004)", "(88,120)")]


def _statement_pdf(path):
    """An earnings release page whose statement of operations is drawn cell by cell at x positions,
    as IR PDFs are: a span line over the dates, a unit line, rows of a label and four figures."""
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 10)
    y = 760
    for line in ("Zentor Cloud Inc. Second Quarter Fiscal 2027 Results",
                 "Zentor reported revenue of $412.5 million for the quarter.",
                 "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "(in thousands, except per share data)"):
        c.drawString(72, y, line)
        y -= 16
    cols = (300, 380, 460, 540)
    c.drawRightString(380, y, "Three Months Ended")
    c.drawRightString(540, y, "Six Months Ended")
    y -= 13
    for x, date in zip(cols, ("July 31, 2026", "July 31, 2025") * 2):
        c.drawRightString(x, y, date)
    for row in ROWS:
        y -= 13
        c.drawString(72, y, row[0])
        for x, cell in zip(cols, row[1:]):
            c.drawRightString(x, y, cell)
    c.save()
    return path


def test_a_table_drawn_as_columns_keeps_one_row_a_line(tmp_path):
    text = extract(_statement_pdf(tmp_path / "release.pdf")).text
    row = next(line for line in text.splitlines() if line.startswith("Revenue"))
    assert row.split()[-1] == "551,230" and "412,512" in row  # one line, not one line per cell
    assert not text.startswith(" ")  # the page's left margin is taken off


def test_span_line_over_the_dates_reaches_each_column(tmp_path):
    got = extract(_statement_pdf(tmp_path / "release.pdf"))
    doc = Document("release.pdf", title_of(got.text), got.text, "0" * 64)
    rows = [c.readable for c in chunk_document(doc) if c.kind == "table"]
    revenue = next(r for r in rows if "| Revenue |" in r)
    assert "Three Months Ended July 31, 2026: $ 412,512" in revenue
    assert "Six Months Ended July 31, 2025: $ 551,230" in revenue


def test_a_header_padded_apart_differently_on_each_page_runs_every_page():
    lines = []
    for page, gap in enumerate((20, 24, 19, 31), start=1):
        lines += [f"甲乙智算（300001）投资者关系活动记录表{' ' * gap}编号：2025-011", f"第{page}页正文。",
                  f"第 {page} 页 共 4 页"]
    running = running_lines(lines)
    assert all(line in running for line in lines[::3])


def test_the_title_of_a_laid_out_header_is_its_first_cell():
    assert title_of("甲乙智算投资者关系活动记录表          编号：2025-011\n正文") == "甲乙智算投资者关系活动记录表"


@pytest.mark.parametrize("text, dated", [
    ("投资者关系活动记录表\n时间 2025年11月18日（星期二）", "2025-11"),
    ("Zentor Cloud\nSAN JOSE, Calif., March 4, 2026 -- results", "2026-03"),
    ("甲乙算力2025年半年度报告\n（2025年8月20日）", "2025-06"),  # the period it covers, not the day it came out
    ("没有日期的文章", ""),
])
def test_document_date(text, dated):
    assert document_date(text) == dated


def test_a_part_of_the_year_without_its_year_is_the_documents_when_it_has_ended():
    assert in_document_year("m9", "2025-11") == "2025m9"
    assert in_document_year("q3", "2025-09") == "2025q3"
    assert in_document_year("q4", "2025-11") == "q4"  # still ahead: an outlook keeps no year
    assert in_document_year("2024q3", "2025-11") == "2024q3"
    assert in_document_year("q2", "") == "q2"


def test_a_record_dated_in_november_gives_its_nine_months_that_year():
    text = ("甲乙智算投资者关系活动记录表\n时间 2025年11月18日\n问题1：期间费用情况？\n"
            "答：前三季度销售费用为1.08亿元，管理费用为1.95亿元。\n")
    doc = Document("record.txt", "甲乙智算投资者关系活动记录表", text, "0" * 64)
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], mining.mine_names([text]))
    assert next(f for f in facts if f.text.startswith("1.08")).period == "2025m9"


@pytest.mark.parametrize("sentence, said", [
    ("margin was 54.7%, compared with 48.7% a year ago and 53.1% in the third quarter of fiscal 2026.", ""),
    ("revenue was $1.2 billion in q2 2025, compared with $0.4 billion in q2 2024.", "2025q2"),
    ("compared with 2024, revenue in 2025 rose 20%.", "2025"),
])
def test_a_period_of_a_list_of_comparison_bases_dates_no_figure_of_the_main_clause(sentence, said):
    from gpumkt.ingest.dating import sentence_period

    assert sentence_period([sentence]) == said


def test_a_list_drawn_without_bullets_is_one_item_a_unit_under_its_lead_in():
    text = ("Outlook\n\nFor the first quarter of fiscal 2027, Acme expects:\n"
            "    Revenue of $720 million to $740 million\n    Adjusted EBITDA of $395 million to $410 million\n"
            "For the full fiscal year 2027, Acme expects:\n    Revenue of $3.40 billion to $3.55 billion\n"
            "Acme has not reconciled its outlook because items such\nas stock-based compensation vary.\n")
    doc = Document("r.txt", "Acme", text, "0" * 64)
    found = [u for c in chunk_document(doc) for u in units(c, doc.text)]
    assert [u.quote.strip() for u in found][-4:] == [
        "Adjusted EBITDA of $395 million to $410 million", "For the full fiscal year 2027, Acme expects:",
        "Revenue of $3.40 billion to $3.55 billion",
        "Acme has not reconciled its outlook because items such\nas stock-based compensation vary."]
    facts = {f.text: f.period for f in build_facts(found, mining.mine_names([text]))}
    assert facts["$720 million"] == "2027q1" and facts["$3.55 billion"] == "2027"  # each under its lead-in


def _first_page_with_sidebar(path):
    """A research report's first page: a wide column of summary prose and, beside it, a sidebar
    of rating and prices set on its own line heights, so the two columns' lines interleave."""
    pytest.importorskip("reportlab")
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 9)
    c.drawString(40, 800, "甲乙证券 | 公司首次覆盖报告")
    body = ["● 业绩高增。2024年公司实现营业收入186.4亿元，同比增长", "58.3%；归母净利润9.82亿元，同比增长71.6%；综合毛利率",
            "12.6%。公司在手订单约236亿元，其中AI服务器订单约198亿元，", "可覆盖未来约三个季度的出货。"] * 2
    side = ["投资评级：买入（首次覆盖）", "目标价：68.44元", "当前股价：52.36元", "总股本（亿股）：8.42",
            "总市值（亿元）：440.87", "每股净资产（元）：8.26", "资产负债率（%）：63.5"]
    for i, line in enumerate(body):
        c.drawString(40, 760 - 14.6 * i, line)
    for i, line in enumerate(side):
        c.drawString(408, 766 - 13.6 * i, line)
    c.drawString(40, 40, "第 1 页 / 共 1 页")
    c.save()
    return path


def test_a_sidebar_beside_a_column_is_read_after_the_column(tmp_path):
    text = extract(_first_page_with_sidebar(tmp_path / "note.pdf")).text
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[1:5] == ["● 业绩高增。2024年公司实现营业收入186.4亿元，同比增长",
                          "58.3%；归母净利润9.82亿元，同比增长71.6%；综合毛利率",
                          "12.6%。公司在手订单约236亿元，其中AI服务器订单约198亿元，", "可覆盖未来约三个季度的出货。"]
    assert lines[9:16] == ["投资评级：买入（首次覆盖）", "目标价：68.44元", "当前股价：52.36元", "总股本（亿股）：8.42",
                           "总市值（亿元）：440.87", "每股净资产（元）：8.26", "资产负债率（%）：63.5"]
    assert lines[-1] == "第 1 页 / 共 1 页"


def test_a_table_drawn_as_columns_is_no_sidebar(tmp_path):
    from pypdf import PdfReader

    from gpumkt.ingest.pdf_columns import runs_of, sidebar_text

    page = PdfReader(str(_statement_pdf(tmp_path / "r.pdf"))).pages[0]
    assert sidebar_text(runs_of(page), float(page.mediabox.width), float(page.mediabox.height)) == ""


def test_a_sidebars_label_and_value_lines_are_one_unit_each_with_the_labels_unit():
    text = "启钧证券首次覆盖\n\n基础数据\n目标价：68.44元\n总市值（亿元）：440.87\n资产负债率（%）：63.5\n"
    doc = Document("n.txt", "启钧证券首次覆盖", text, "0" * 64)
    found = [u for c in chunk_document(doc) for u in units(c, doc.text)]
    assert [u.quote for u in found][-3:] == ["目标价：68.44元", "总市值（亿元）：440.87", "资产负债率（%）：63.5"]
    assert next(f for f in build_facts(found, mining.mine_names([text])) if f.text == "63.5").quantity == "pct"


def test_a_span_of_years_said_respectively_gives_each_year_its_figure():
    text = ("甲公司首次覆盖报告\n\n我们预计公司2025-2027年营业收入分别为268.5亿元、362.0亿元、451.3亿元，"
            "归母净利润分别为14.26亿元、19.84亿元、25.12亿元，对应EPS分别为1.69元、2.36元、2.98元，维持买入评级。\n")
    doc = Document("n.txt", "甲公司首次覆盖报告", text, "0" * 64)
    facts = {f.text: f.period for f in build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)],
                                                   mining.mine_names([text]))}
    assert [facts[x] for x in ("268.5亿元", "362.0亿元", "451.3亿元")] == ["2025", "2026", "2027"]
    assert [facts[x] for x in ("14.26亿元", "25.12亿元")] == ["2025", "2027"]  # a piece cut at a comma


def test_the_day_a_board_decided_is_not_the_period_of_the_pay_it_decided():
    text = ("甲乙科技股東常會議事手冊\n\n本公司一一四年度扣除員工及董事酬勞前之稅前利益為新台幣72億元。"
            "經民國115年3月10日董事會決議，提撥員工酬勞新台幣4.37億元，董事酬勞新台幣0.51億元。\n")
    doc = Document("h.txt", "甲乙科技股東常會議事手冊", text, "0" * 64)
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], mining.mine_names([text]))
    assert {(f.metric, f.period) for f in facts if "亿" in f.text and f.value < 1e9} == \
        {("员工酬劳", "2025"), ("董事酬劳", "2025")}


def test_a_taiwan_year_is_no_word_asked():
    from gpumkt.lang.periods import period_free

    assert period_free("甲乙一一四年度营收").split() == ["甲乙", "营收"]


@pytest.mark.parametrize("said, year", [("一一四年度（本年度）", "2025"), ("民國一一五年股東常會", "2026"),
                                        ("二〇二五年", "2025"), ("三五年", None)])
def test_a_year_written_digit_by_digit_in_chinese_numerals(said, year):
    assert periods(normalise(said)) == ([year] if year else [])


# ---------------------------------------------------------------- fiscal calendars


@pytest.mark.parametrize("text, month", [
    ("Results for the fourth quarter of fiscal 2026 ended January 31, 2026", 1),
    ("results for the third quarter of fiscal 2026, which ended Oct. 31, 2025", 1),
    ("Our fiscal year does not follow the calendar year: it runs from 1 July to 30 June.", 6),
    ("references to 2025 are to our fiscal year ended December 31", 0),  # a calendar year
    ("Revenue grew 30% in the third quarter.", 0),
])
def test_fiscal_year_end(text, month):
    assert fiscal_year_end(text) == month


@pytest.mark.parametrize("before, fiscal_end, period", [
    ("three months ended january 31, 2026: $ ", 1, "2026q4"),
    ("three months ended october 31, 2025: ", 1, "2026q3"),
    ("six months ended july 31, 2026: ", 1, "2027h1"),
    ("nine months ended october 31, 2025: ", 1, "2026m9"),
    ("twelve months ended january 31, 2026: ", 1, "2026"),
    ("three months ended 30 june 2025: ", 6, "2025q4"),  # a June year: April to June is its fourth quarter
    ("three months ended november 30, 2025: ", 1, ""),  # ends no fiscal quarter
    ("three months ended january 31, 2026: ", 0, ""),  # a calendar year: the date says it all
    ("three months to 31 december 2025: ", 6, "2026q2"),  # British English
])
def test_fiscal_span(before, fiscal_end, period):
    assert fiscal_span(before, fiscal_end) == period


@pytest.mark.parametrize("question, fiscal_end, asked", [
    ("revenue for the february-to-april 2026 quarter", 4, ("2026q4",)),
    ("revenue for the three months ended april 30, 2026", 4, ("2026q4",)),
    ("2026年2月至4月的收入", 4, ("2026q4",)),
    ("revenue for the three months ended january 31, 2026", 1, ("2026q4",)),
    ("revenue for the february-to-april 2026 quarter", 0, ("2026-04",)),  # a calendar year: no such quarter
    ("revenue in q3 fiscal 2026", 4, ("2026q3",)),  # a quarter asked by name is the report's own
    # a calendar quarter's last day, for a year ending in June: its second quarter
    ("revenue for the three months to 31 december 2025", 6, ("2026q2",)),
    ("revenue for the three months ended december 31, 2025", 6, ("2026q2",)),
    ("revenue for the three months ended december 31, 2025", 0, ("2025q4",)),
])
def test_a_quarter_asked_by_its_months_is_the_reports_fiscal_quarter(question, fiscal_end, asked):
    q = build(question, [])
    assert in_fiscal_terms(q, fiscal_end).periods == asked


@pytest.mark.parametrize("question, asked", [
    ("cash on hand at 30 june 2024", ("2024q2", "2024h1")),  # a balance: the half year's column
    ("截至2024年9月末的机柜数量", ("2024q3", "2024m9")),
    ("total assets at december 31, 2024", ("2024q4", "2024e", "2024h2")),
    ("revenue for the three months ended june 30, 2025", ("2025q2",)),  # a span's end: its own quarter
    ("revenue in q2 2025", ("2025q2",)),
])
def test_a_quarter_asked_as_one_day_is_met_by_the_span_ending_that_day(question, asked):
    assert at_point(build(question, [])).periods == asked


def test_a_fiscal_period_and_the_date_it_ended_are_one_period():
    assert periods("revenue for the six months to 30 june 2024") == ["2024h1"]
    assert periods("in the third quarter of fiscal 2026, which ended oct. 31, 2025, revenue") == ["2026q3"]
    assert periods("fiscal 2026 ended january 31, 2026") == ["2026"]


def test_a_release_table_gives_fiscal_quarters_and_halves(tmp_path):
    got = extract(_statement_pdf(tmp_path / "release.pdf"))
    text = got.text.replace("for the quarter.", "for the second quarter of fiscal 2027 ended July 31, 2026.")
    doc = Document("release.pdf", title_of(text), text, "0" * 64)
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], mining.mine_names([text]))
    period = {f.text: f.period for f in facts}
    assert (period["$ 412,512"], period["$ 298,904"]) == ("2027q2", "2026q2")  # three months
    assert (period["$ 790,100"], period["$ 551,230"]) == ("2027h1", "2026h1")  # six months
    assert period["$412.5 million"] == "2027q2"  # the prose's fiscal quarter, not the date it ended
    assert not {f.entity for f in facts} & {"results", "months"}  # the title's case names no company


@pytest.mark.parametrize("text, key", [("revenue in fy26 q4", "2026q4"), ("fiscal 2026 fourth quarter revenue", "2026q4"),
                                       ("2026財年第四財季營收", "2026q4")])
def test_a_fiscal_year_then_its_quarter_is_one_period(text, key):
    assert periods(normalise(text)) == [key]


RELEASE = "\n".join([
    "Zentor Cloud reports results for the fourth quarter of fiscal 2026 ended January 31, 2026.",
    "                    CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS",
    "                    (in thousands, except per share data)",
    "                               (unaudited)",
    "                          Three Months Ended              Twelve Months Ended",
    "                              January 31,                     January 31,",
    "                          2026          2025              2026          2025",
    "Revenue               $ 674,051     $ 392,366       $ 2,226,798   $ 1,187,452",
    "Interest expense, net   (88,921)      (41,306)        (301,447)     (139,820)",
    "",
])


def test_spans_over_days_over_years_date_each_column():
    doc = Document("release.txt", "Zentor Cloud", RELEASE, "0" * 64)
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], mining.mine_names([RELEASE]))
    got = {f.text: (f.period, f.value) for f in facts}
    assert got["88,921"] == ("2026q4", 88_921_000)  # the quarter, in thousands
    assert got["301,447"][0] == "2026"  # twelve months ended January 31, 2026: the fiscal year
    assert got["$ 392,366"] == ("2025q4", 392_366_000)


def test_the_last_lines_of_two_columns_a_fraction_apart_stay_in_their_columns():
    """A page set in two columns whose left column's last line sits a fraction of a point below
    the right one's: it ends the left column, not a line across the page after both."""
    from gpumkt.ingest.pdf_columns import Run, sidebar_text

    left = [Run(45, 700 - 12 * i, 9.4, f"left line {i} of the first column, long enough to pass the gutter")
            for i in range(10)] + [Run(45, 579.6, 9.4, "the left column's last line, which goes on in the right")]
    right = [Run(308, 694 - 12.3 * i, 9.4, f"right line {i}") for i in range(9)] + [Run(308, 580.0, 9.4, "right end.")]
    text = sidebar_text(left + right + [Run(45, 30, 7, "Page 1")], 595.3, 841.9)
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines[10] == "the left column's last line, which goes on in the right"
    assert lines[11:] == [f"right line {i}" for i in range(9)] + ["right end.", "Page 1"]


def test_a_word_tables_two_row_header_names_each_column_by_both_rows():
    from gpumkt.ingest.html_tables import table_md

    md = table_md([["指标", "服务商", "服务商"], ["指标", "云岫算力", "星衍智算"], ["H20按需（元/卡时）", "7.90", "7.60"]])
    assert md.splitlines()[0] == "| 指标 | 服务商 云岫算力 | 服务商 星衍智算 |"
    doc = Document("s.docx", "价格调查", "表2　服务商报价\n\n" + md + "\n", "0" * 64)
    names = mining.mine_names(["## 云岫算力（Yunxiu）\n\n云岫算力总部位于杭州。\n\n## 星衍智算（XYC）\n\n星衍智算以内蒙古为主。"])
    facts = {f.text: f for f in build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], names)}
    assert (facts["7.90"].entity, facts["7.90"].quantity, facts["7.90"].currency) == ("yunxiu", "money", "cny")
    assert facts["7.60"].entity == "xyc"


def test_a_chips_model_name_is_no_amount_in_billions():
    from gpumkt.lang.numbers import figures

    assert [f.text for f in figures("昇腾910B报价6.10元，910B2与910B3；营收$4.2B，取水71,600 m³")] == \
        ["6.10元", "$4.2b", "71,600"]
