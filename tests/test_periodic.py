"""A half-year report converted from PDF and a slide deck exported to text: the period a
periodic report's columns and sentences speak of, a deck's slides as sections and a chart's
values under its periods. Made-up companies (Acme, 甲乙)."""

import pytest

from gpumkt.ingest.chunking import chunk_document
from gpumkt.ingest.extract import title_of
from gpumkt.ingest.facts import build_facts
from gpumkt.ingest.report_periods import report_year, with_years
from gpumkt.ingest.units import units
from gpumkt.lang import mining, vocab
from gpumkt.lang.mining import _latin_short
from gpumkt.records import Document

HEADER = "甲乙算力科技股份有限公司2025年半年度报告"
INTERIM = "\n".join([
    "公司代码：688000                                  公司简称：甲乙算力",
    HEADER,
    "                                                   单位：元  币种：人民币",
    "主要会计数据                       本报告期           上年同期         本报告期比上年",
    "                                  （1-6月）                           同期增减(%)",
    "营业收入                       2,000,000,000.00   1,000,000,000.00          100.00",
    "                                 本报告期末          上年度末         本报告期末比上",
    "                                                                      年度末增减(%)",
    "总资产                        12,000,000,000.00  10,000,000,000.00           20.00",
    "",
    "报告期内，公司实现营业收入20.00亿元，算力租赁业务毛利率为37.61%。",
    "",
])

DECK = "\n".join([
    "Slide 1", "", "ACME CLOUD", "2025 Investor Day", "",
    "Slide 6", "", "Financial track record", "Revenue ($M)",
    "FY23    FY24    FY25    FY26E",
    "312     884     2,046   3,450-3,600", "",
    "Slide 7", "", "Q1 FY26 snapshot (quarter ended June 30, 2025)",
    "- Revenue $742M, +71% y/y", "",
])


def _facts(text: str, source: str):
    doc = Document(source, title_of(text), text, "0" * 64)
    us = [u for c in chunk_document(doc) for u in units(c, doc.text)]
    return build_facts(us, mining.mine_names([text])), doc


def test_a_half_year_reports_columns_and_sentences_take_its_half():
    assert report_year(INTERIM) == "2025h1"
    assert with_years(["x", "本报告期（1-6月）", "上年同期"], "2025h1") == \
        ["x", "本报告期（1-6月）（2025年上半年）", "上年同期（2024年上半年）"]
    assert with_years(["x", "本报告期末", "上年度末"], "2025h1") == ["x", "本报告期末（2025年6月30日）", "上年度末（2024年末）"]
    facts, _ = _facts(INTERIM, "acme_interim.txt")
    by_text = {f.text: f for f in facts}
    assert (by_text["2,000,000,000.00"].period, by_text["2,000,000,000.00"].metric) == ("2025h1", "营收")
    assert by_text["1,000,000,000.00"].period == "2024h1"
    assert by_text["12,000,000,000.00"].period == "2025q2"  # the balance at the half's end
    assert by_text["20.00亿元"].period == "2025h1"  # "报告期内": the report's own period


def test_a_decks_slides_are_its_sections_and_a_charts_values_its_periods():
    assert title_of(DECK) == "ACME CLOUD"
    chunks = chunk_document(Document("deck.txt", title_of(DECK), DECK, "0" * 64))
    assert any(c.section.endswith("Q1 FY26 snapshot (quarter ended June 30, 2025)") for c in chunks)
    table = next(c for c in chunks if c.kind == "table")
    assert table.readable.endswith("Revenue ($M) | FY23: 312; FY24: 884; FY25: 2,046; FY26E: 3,450-3,600")
    facts, _ = _facts(DECK, "deck.txt")
    fy23 = next(f for f in facts if f.text == "312")
    assert (fy23.period, fy23.metric) == ("2023", "营收")
    assert not any(f.entity == "slide" or f.text in ("6", "7") for f in facts)  # slide numbers are no figures


def test_a_latin_name_is_shortened_like_its_chinese_one():
    assert _latin_short({"甲乙云算控股有限公司", "甲乙", "jiayi cloud holdings limited"}) == {"jiayi"}
    assert _latin_short({"甲乙云算控股有限公司", "jiayi cloud holdings limited"}) == set()  # no short form
    assert _latin_short({"甲乙云算控股有限公司", "甲乙", "global cloud holdings limited"}) == {"global"} - vocab.GENERAL_CAPS


PDF_DECK = "\n".join([
    "甲乙科技 3Q25法說會｜本資料含前瞻性陳述",
    "6",
    "",
    "產品組合（占營收比重）",
    "• AI伺服器營收年增128%",
    "",
    "甲乙科技 3Q25法說會｜本資料含前瞻性陳述",
    "7",
    "",
    "客戶與區域結構（3Q25，占營收比重）",
    "依出貨地區：美國71%｜亞洲18%｜歐洲及其他11%",
    "• 前五大客戶合計占營收79%，較上季的76%增加，主要來自新雲業者的擴產需求",
    "",
    "甲乙科技 3Q25法說會｜本資料含前瞻性陳述",
    "8",
    "",
    "營業收入較上季成長，主要受惠於大型客戶之新一代機櫃",
    "出貨放量。",
])


def test_a_pdf_decks_pages_are_titled_by_their_first_line():
    chunks = chunk_document(Document("deck.txt", "甲乙科技", PDF_DECK, "0" * 64))
    region = next(c for c in chunks if "美國71%" in c.text)
    assert region.section.endswith("客戶與區域結構（3Q25，占營收比重）")
    # a sentence wrapped over a page break is no title, nor is its first line
    assert not any(c.section.endswith("營業收入較上季成長，主要受惠於大型客戶之新一代機櫃") for c in chunks)


def test_a_bare_page_footer_makes_no_title():
    text = "Revenue grew in the quarter and\nPage 3\nmargins held steady through the period\nas cash flow rose.\n"
    chunks = chunk_document(Document("a.txt", "a", text, "0" * 64))
    assert not any(c.section.endswith("margins held steady through the period") for c in chunks)
    assert all("Page 3" not in c.text for c in chunks)


def test_from_january_first_to_a_quarters_end_is_its_year_to_date():
    from gpumkt.lang.periods import periods

    assert periods("钧硕114年1月1日累计至第三季止的营业利益是多少?") == ["2025m9"]
    assert periods("2025年1月1日至第二季度末") == ["2025h1"]
    assert periods("2025年1月1日的股价") == ["2025-01"]  # a day is still a day


def test_an_english_question_names_a_taiwan_year_as_roc_year():
    from gpumkt.lang.periods import periods

    assert periods("revenue in q3 of roc year 114") == ["2025q3"]
    assert periods("民国114年营收") == ["2025"]
    assert periods("建厂计划中,116年第1季预计支出多少?") == ["2027q1"]  # after a comma too
    assert periods("共1,115年") == []  # a digit group is no year


@pytest.mark.parametrize("clause, figure, period", [
    ("員工流動率從2022年的9.6%下降至8.1%", "8.1%", ""),  # the end of a move is not dated by its start
    ("員工流動率從2022年的9.6%下降至8.1%", "9.6%", "2022"),
    ("churn fell from 9.6% in 2023 to 8.1%", "8.1%", ""),
    ("from 2023 to 2025, revenue rose to $5 billion", "$5 billion", "2025"),
])
def test_a_move_from_one_period_dates_its_start_only(clause, figure, period):
    from gpumkt.ingest.dating import period_in
    at = clause.index(figure)
    assert period_in(clause, at, at + len(figure)) == period


@pytest.mark.parametrize("said, keys", [
    ("occupancy of 81% in the september quarter", ["q3"]),
    ("the december quarter of 2026", ["2026q4"]),
    ("in its june quarter 2024", ["2024q2"]),
    ("in march, revenue rose", []),  # a month alone names no quarter
])
def test_a_quarter_named_by_the_month_it_ends_is_that_quarter(said, keys):
    from gpumkt.lang.periods import periods

    assert periods(said) == keys


def test_a_comparisons_base_listing_several_figures_keeps_its_date_to_itself():
    from gpumkt.ingest.dating import period_in

    said = ("and 640 mw under contract, versus about 51,000 gpus, four halls and "
            "120 mw in service at december 31, 2025.")
    mine, base = said.find("640"), said.find("120")
    assert period_in(said, mine, mine + 3) == ""  # the text's own date is in the sentence before
    assert period_in(said, base, base + 3) == "2025q4"
