"""A broker's earnings preview and an association's white paper: fiscal-quarter labels with an f
("FQ3 FY26"), a fiscal year stated in a fact sheet, a British date, a unit note under a table,
ratings that are no names, the author a masthead or cover names, and an interest rate that is no
debt ratio. Made-up companies (Acme, 甲乙)."""

from gpumkt.answer import gate
from gpumkt.answer.fitting import fits
from gpumkt.answer.question import build
from gpumkt.ingest.dating import document_date, fiscal_year_end
from gpumkt.lang.legal_names import defined_names
from gpumkt.lang.periods import periods

from reading import read

PREVIEW = "\n".join([
    "Dunmore Research | Coverage | Sign out", "",
    "Company Research | Results Preview | 3 March 2026, 07:00 ET", "",
    "# Acme Cloud Inc. (ACMC)", "",
    "## FQ3 FY26 Preview: steady quarter", "",
    "| Rating | Overweight |", "| --- | --- |", "| Fiscal year end | 30 September |", "",
    "The Overweight rating stays. Acme said utilization was 80% in FQ2, against 75% in FQ1.", "",
    "### Exhibit 1: estimates", "",
    "| Metric | Our estimate FQ3 FY26 | Consensus FQ3 FY26 |", "| --- | --- | --- |",
    "| Revenue | 1,234 | 1,200 |", "",
    "$ in millions, except per-share amounts. Consensus is the mean of 12 estimates.", "",
    "This note was prepared by Dunmore for its clients; Dunmore makes a market in Acme Cloud shares.", "",
])


def test_a_fiscal_quarter_labelled_with_an_f_is_that_quarter():
    assert periods("fq3 fy26") == ["2026q3"]
    assert periods("f3q26") == ["2026q3"]
    assert periods("in fq2, against") == ["q2"]  # its year is the document's
    assert periods("the faq1 page") == []


def test_a_fiscal_year_end_in_a_fact_sheet_or_a_quarters_words():
    assert fiscal_year_end("| Fiscal year end | 30 September |") == 9
    assert fiscal_year_end("Acme reports fiscal second-quarter results (quarter ending 31 December 2025) soon") == 6
    assert fiscal_year_end("| FY25 (year ending 30 Sep 2025) | | |") == 9
    assert document_date("Results Preview | 3 March 2026, 07:00 ET") == "2026-03"


def test_a_preview_gives_its_quarters_in_its_fiscal_year_and_its_table_in_millions():
    us, facts, names = read(PREVIEW, "acme_preview.html")
    by_text = {f.text: f for f in facts}
    assert by_text["80%"].period == "2026q2" and by_text["75%"].period == "2026q1"
    assert by_text["80%"].entity == "acme cloud"  # not the rating, not the broker
    assert not any("overweight" in g.forms for g in names)
    assert by_text["1,234"].value == 1.234e9 and by_text["1,234"].currency == "usd"  # the note under the table


def test_a_question_naming_the_author_of_a_document_its_masthead_names():
    us, facts, names = read(PREVIEW, "acme_preview.html")
    unit = next(u for u in us if "80%" in u.own)
    q = build("What utilisation did Dunmore say Acme Cloud reported in FQ2 FY26?", names)
    assert {m.key for m in q.entities} == {"dunmore", "acme cloud"}
    judged = gate.judge(q, unit, [f for f in facts if f.sent_start == unit.start], 0.6, 1.0, names)
    assert judged.entity >= gate.MIN_ENTITY


def test_an_association_that_defines_its_short_name_is_a_name():
    assert defined_names("本白皮书由甲乙算力产业联合会（以下简称\"甲乙联\"）编写") == [{"甲乙算力产业联合会", "甲乙联"}]
    assert defined_names("行业协会的数据显示") == []


def test_an_interest_rate_asked_is_no_debt_ratio():
    text = "甲乙算力2024年年度报告\n\n甲乙算力2024年末资产负债率为68.4%。甲乙算力2024年末长期借款加权平均利率为3.7%。\n"
    us, facts, names = read(text, "jiayi.txt")
    q = build("甲乙算力2024年末长期借款的利率是多少？", names)
    fitting = [f.text for u in us for f in facts if f.sent_start == u.start and fits(q, f, u, facts)]
    assert fitting == ["3.7%"]


def test_a_definitions_table_names_a_company_without_the_word_for_means():
    table = "| 「本公司」 | 甲乙智算控股有限公司 |\n| 「丙丁集團」 | 丙丁科技投資集團有限公司，本公司的控股股東 |\n"
    assert {"丙丁集团", "丙丁科技投资集团有限公司"} in [g & {"丙丁集团", "丙丁科技投资集团有限公司"} for g in defined_names(table)]


TERM_SHEET = ("CONFIDENTIAL\nACME FUNDING II, LLC\nSenior Secured Delayed-Draw Facility\nSummary of Principal Terms\n\n"
              "This summary outlines a proposed facility for the borrower named above.\n\n"
              "5. Collateral\n\nCollateral Pool: At full funding the pool is expected to comprise 1,024 GPUs "
              "in 128 servers.\n")


def _judged_unit(text: str, source: str, holding: str, question: str):
    """The question's record and the gate's judgement of the unit of ``text`` holding ``holding``."""
    us, facts, names = read(text, source)
    unit = next(u for u in us if holding in u.own)
    q = build(question, names)
    return q, gate.judge(q, unit, [f for f in facts if f.sent_start == unit.start], 0.6, 1.0, names)


def test_a_latin_name_asked_in_chinese_may_be_named_by_the_cover_alone():
    _, judged = _judged_unit(TERM_SHEET, "acme_terms.txt", "1,024", "Acme 那笔 delayed-draw 贷款的抵押池一共有多少块GPU？")
    assert judged.placed


PRICE_TABLE = ("甲乙云价格表\n\n## 表一：按需算力服务指导价\n\n| GPU型号 | 标准价（元/小时） | 一年期预留价（元/小时） |\n"
               "|---|---|---|\n| X9 | 41.20 | 34.60 |\n| X7 | 30.10 | 25.00 |\n")


def test_a_row_under_a_heading_of_the_side_asked_is_not_the_other_side_for_its_columns():
    _, judged = _judged_unit(PRICE_TABLE, "prices.md", "41.20", "甲乙的按需算力服务中，X9的标准价是每小时多少元？")
    assert not judged.contrary


def test_the_words_describing_the_report_asked_name_no_figure():
    text = "Daily Compute\n\nAcme Cloud carries $8 billion of debt. Beta Corp is its largest customer.\n"
    q, judged = _judged_unit(text, "news.md", "$8 billion",
                             "In the article on Acme Cloud, how much of its business did Beta Corp pull back?")
    assert "cloud" in q.described and not judged.named


DEPOSIT = ("甲乙算力公告\n\n## 按金及付款\n\n丙丁集团须于生效后30日内支付按金，不少于4,500万元。\n\n"
           "## 其他条款\n\n框架协议并无订明丙丁集团的最低采购量或最低采购承诺金额。\n")


def test_a_sentence_saying_the_figure_asked_is_not_set_refuses_it():
    us, facts, names = read(DEPOSIT, "notice.md")
    q = build("甲乙算力与丙丁集团的框架协议中，丙丁集团每年的最低采购承诺金额是多少？", names)
    judged = [gate.judge(q, u, [f for f in facts if f.sent_start == u.start], 0.6, 1.0, names) for u in us]
    assert any(j.answers for j in judged)  # the deposit, on its own, would pass
    assert not gate.decide(judged)[1]
