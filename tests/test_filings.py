"""Reading company filings nobody here has seen: an A-share-style annual report converted from
PDF and a research brief that names its firm in several words. Made-up companies (Acme)."""

import pytest

from gpumkt.answer.asked import source_only
from gpumkt.answer.question import build
from gpumkt.ingest.blocks import running_lines
from gpumkt.ingest.chunking import chunk_document
from gpumkt.ingest.facts import build_facts, table_unit
from gpumkt.ingest.cells import unit_named_in_row
from gpumkt.ingest.flat_tables import (column_header, dated_row, figure_pairs, header_cells, metric_header,
                                       restated_header, stacked_header, wrapped_header)
from gpumkt.ingest.page_columns import aligned, continues_header
from gpumkt.ingest.report_periods import report_year, with_year, with_years
from gpumkt.ingest.units import units
from gpumkt.lang import mining, vocab
from gpumkt.lang.legal_names import defined_names, defined_terms, legal_short_forms
from gpumkt.lang.listed_names import listed_names
from gpumkt.lang.name_runs import inside_runs, repeated_runs
from gpumkt.lang.numbers import figures
from gpumkt.records import Document

FOOTER = "甲乙算力科技股份有限公司 2025年年度报告    {} / 90"
REPORT = "\n".join([
    "公司代码：600000                                  公司简称：甲乙算力",
    "甲乙算力科技股份有限公司",
    "2025年年度报告",
    "释义",
    "本公司、甲乙算力    指    甲乙算力科技股份有限公司（以下简称“甲乙算力”或“公司”）",
    "公司的中文名称                甲乙算力科技股份有限公司",
    "公司的外文名称                Jiayi Compute Technology Co., Ltd.",
    FOOTER.format(3),
    "一、主要会计数据",
    "                                                   单位：元  币种：人民币",
    "主要会计数据            2025年            2024年      本年比上年增减(%)        2023年",
    "营业收入         1,200,000,000.00    800,000,000.00           50.00    500,000,000.00",
    "                        2025年末          2024年末   本年末比上年末增减(%)      2023年末",
    "总资产           3,000,000,000.00  2,000,000,000.00           50.00  1,500,000,000.00",
    FOOTER.format(7),
    "二、利润表相关科目变动分析表",
    "                                                   单位：万元  币种：人民币",
    "科目                      本期金额        上年同期金额      同比增减(%)",
    "营业收入                120,000.00          80,000.00          50.00",
    "财务费用                  3,000.00           1,000.00         200.00",
    FOOTER.format(9),
    "三、2025年分季度主要财务数据",
    "                                                   单位：万元  币种：人民币",
    "                 第一季度          第二季度",
    "               （1-3月份）       （4-6月份）",
    "营业收入          25,000.00         30,000.00",
    "",
])


def _facts(text: str):
    doc = Document("acme_annual.txt", "甲乙算力 2025年年度报告", text, "0" * 64)
    names = mining.mine_names([text])
    us = [u for c in chunk_document(doc) for u in units(c, doc.text)]
    return build_facts(us, names), doc


def test_a_filing_defines_its_short_name_and_its_foreign_name():
    groups = defined_names(REPORT)
    assert len(groups) == 1
    assert {"甲乙算力科技股份有限公司", "甲乙算力", "jiayi compute"} <= groups[0]
    # "以下简称“本公司”" names whichever company the text is about: no name of its own
    assert defined_names("本报告仅供丙丁证券股份有限公司（以下简称“本公司”）的客户使用。") == []


def test_a_footer_ending_in_its_page_number_is_page_furniture():
    lines = [FOOTER.format(n) for n in (3, 7, 9)] + ["正文一行"]
    assert running_lines(lines) == {FOOTER.format(n) for n in (3, 7, 9)}
    assert all(FOOTER.format(3) not in c.text for c in chunk_document(Document("a.txt", "t", REPORT, "0" * 64)))


def test_change_columns_read_last_under_the_latest_period():
    headers = header_cells("主要会计数据   2025年   2024年   本年比上年增减(%)   2023年")
    assert figure_pairs(headers, ["营收", "12", "8", "50.00", "5"]) == \
        "营收 | 2025年: 12; 2024年: 8; 2023年: 5; 本年比上年增减(%) (2025年): 50.00"
    assert restated_header("   2025年末   2024年末   本年末比上年末增减(%)") == ["2025年末", "2024年末", "本年末比上年末增减(%)"]
    assert restated_header("营业收入   12.00   8.00   50.00") == []


def test_this_and_last_periods_take_the_reports_year():
    assert report_year(REPORT) == "2025"
    assert with_years(["科目", "本期金额", "上年同期金额", "同比增减(%)"], "2025") == \
        ["科目", "本期金额（2025年）", "上年同期金额（2024年）", "同比增减(%)"]
    assert with_year(["第一季度", "第二季度"], "三、2025年分季度主要财务数据") == ["2025年第一季度", "2025年第二季度"]


def test_a_header_wrapped_onto_a_second_line_is_put_back_by_column():
    line = "               （1-3月份）       （4-6月份）"
    assert continues_header(line)
    assert wrapped_header("                 第一季度          第二季度", line) == "第一季度   第二季度"
    assert wrapped_header("项目      本期占总", "          资产的比例（%）") == "项目   本期占总资产的比例（%）"
    assert not continues_header("营业收入          25,000.00         30,000.00")


def test_a_currency_named_apart_from_the_unit():
    assert table_unit("单位：元  币种：人民币") == (1.0, "cny")
    assert table_unit("单位：万元  币种：人民币") == (1e4, "cny")


def test_annual_report_facts_attached_to_company_period_and_kind():
    facts, doc = _facts(REPORT)
    got = {(f.text, f.entity, f.metric, f.period, f.quantity, f.currency) for f in facts}
    assert ("1,200,000,000.00", "jiayi compute", "营收", "2025", "money", "cny") in got
    assert ("500,000,000.00", "jiayi compute", "营收", "2023", "money", "cny") in got  # not a growth rate
    growth = next(f for f in facts if f.text == "50.00" and "营业收入" in doc.text[f.sent_start:f.sent_end])
    assert (growth.quantity, growth.period) == ("pct", "2025")
    costs = next(f for f in facts if f.text == "3,000.00")  # 本期金额, in 万元
    assert (costs.value, costs.period, costs.currency) == (3e7, "2025", "cny")
    q2 = next(f for f in facts if f.text == "30,000.00")
    assert (q2.period, q2.value) == ("2025q2", 3e8)
    assert not any(f.text.endswith("-") for f in facts)  # "（1-3月份）" is a header, not a range


def test_a_firm_named_in_two_words_is_one_name():
    texts = ["Demand per Acme Ridge data. As Acme Ridge Research notes, prices fell. Acme estimates 3 GW.",
             "Written by Acme Ridge Research analysts.",
             "See the Acme Ridge Buyer Survey for details."]
    runs = repeated_runs(texts, lambda t, a: True, {"as", "see", "the", "demand", "written"})
    assert {"Acme Ridge", "Acme Ridge Research"} in runs
    assert {"Ridge", "Buyer", "Survey"} <= inside_runs(texts, {"Acme Ridge"})
    assert "Acme" not in inside_runs(texts, {"Acme Ridge"})  # it stands alone too


def test_a_name_that_says_the_figure_is_its_source_not_its_subject():
    assert source_only("per acme ridge's tracking, how many", 4, 14)
    assert source_only("acme ridge的买家调查中", 0, 10)
    assert not source_only("acme ridge's revenue in 2025", 0, 10)
    assert not source_only("what revenue did acme ridge report for 2025", 17, 27)
    assert not source_only("how much does acme ridge expect to spend", 14, 24)  # no other name: its own plan
    names = [vocab.Group("acme ridge", ("acme ridge",)), vocab.Group("coreweave", ("coreweave",))]
    record = build("How much power does Acme Ridge think CoreWeave will have in 2026?", names)
    assert [m.key for m in record.entities] == ["coreweave"]


STATEMENT = "\n".join([
    "Acme Cloud, Inc. reported results for the quarter. Acme Cloud expects about 1.5 GW by end-CY2026E.",
    "",
    "                    Three Months Ended",
    "                  Jun 30, 2025  Jun 30, 2024  % Change",
    "(In millions, except percentages)",
    "Revenue              $  1,000  $  500    100%",
    "  Sales and marketing            30        10    200%",
    "  General and administrative        40       20    100%",
    "Operating income              49       68    (28)%",
    "Capacity by CY2026E and FY26 is planned.",
])


def test_a_statements_line_items_and_change_column():
    facts, doc = _facts(STATEMENT)
    got = {(f.text, f.metric, f.period, f.quantity) for f in facts}
    assert ("30", "销售费用", "2025q2", "money") in got  # "sales and marketing" is selling expense, not sales
    assert ("40", "管理费用", "2025q2", "money") in got
    assert ("200%", "销售费用", "2025q2", "pct") in got  # the change column, under the latest quarter
    assert not any(f.text.startswith("2025") for f in facts)  # "2025 % Change" is a header, no figure
    fall = next(f for f in facts if f.text == "28")
    assert (fall.quantity, fall.value) == ("pct", -28)  # "(28)%": a decline, not $28 million
    assert ("1.5", "2026", "power") in {(t, p, k) for t, _, p, k in got}  # "by end-CY2026E": after its unit
    assert not {"cy2026e", "fy26"} & {g.key for g in mining.mine_names([STATEMENT])}  # years, not products


RELEASE = "\n".join([
    "Acme Cloud Reports Third Quarter Results",
    "",
    "- Operating income was $49 million, compared with $68 million a year earlier.",
    "- Adjusted operating income, a non-GAAP measure, was $200 million, an adjusted operating margin of 16%.",
    "- GAAP gross margin was 45.1% and non-GAAP gross margin was 48.2% in the third quarter of 2025.",
])


def test_an_adjusted_measure_is_another_fact_than_the_reported_one():
    facts, _ = _facts(RELEASE)
    basis = {f.text: f.basis for f in facts}
    assert basis["$49 million"] == basis["45.1%"] == ""
    assert basis["$200 million"] == basis["16%"] == basis["48.2%"] == "adjusted"
    names = mining.mine_names([RELEASE])
    assert build("What was Acme Cloud's non-GAAP gross margin?", names).asks_adjusted
    assert not build("Acme Cloud的营业利润是多少？", names).asks_adjusted
    assert build("Acme Cloud經調整營業利潤是多少？", names).asks_adjusted


def test_the_reported_figure_comes_before_the_adjusted_one_unless_that_is_asked():
    from gpumkt.answer.evidence import as_reported_first
    from gpumkt.records import Fact
    gaap = Fact("a-0", "a.txt", "a", "$49 million", 49e6, "money", "usd", "acme", "营业利润", "2025q2", 0, 1, 0, 1)
    adjusted = Fact("a-1", "a.txt", "a", "$200 million", 2e8, "money", "usd", "acme", "营业利润", "2025q2", 2, 3, 2, 3,
                    basis="adjusted")
    names = [vocab.Group("acme", ("acme",))]
    assert as_reported_first(build("What was Acme's operating income?", names), [adjusted, gaap]) == [gaap]
    assert as_reported_first(build("What was Acme's adjusted operating income?", names), [adjusted, gaap]) == \
        [adjusted, gaap]
    assert as_reported_first(build("Acme的营业利润是多少？", names), [adjusted]) == [adjusted]  # only one given


ARTICLE = "\n".join([
    "# 三季报看甲乙算力",
    "",
    "本文挑出两家公司——甲乙算力和丙丁云。",
    "",
    "**01 算力租赁：甲乙算力领跑**",
    "",
    "算力龙头甲乙算力（688001.SH，英文名 Jiayi Compute）表现最好。公司 2025 年上半年实现营收 18.62 亿元；前三季度营收 30.07 亿元。",
    "",
    "**02 转型：丙丁云**",
    "",
    "丙丁云（301002.SZ，Bingding Cloud）前三季度营收 15.57 亿元。",
])


def test_a_wechat_article_names_listed_companies_by_their_stock_codes():
    assert listed_names(ARTICLE) == [{"甲乙算力", "jiayi compute"}, {"丙丁云", "bingding cloud"}]
    keys = {g.key for g in mining.mine_names([ARTICLE])}
    assert {"jiayi compute", "bingding cloud"} <= keys and not {"sh", "sz"} & keys
    doc = Document("acme_wechat.md", "三季报看甲乙算力", ARTICLE, "0" * 64)
    names = mining.mine_names([ARTICLE])
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], names)
    got = {(f.text, f.entity, f.period) for f in facts}
    # a bold line is the section's heading: "公司" under it is that section's company
    assert ("18.62 亿元", "jiayi compute", "2025h1") in got
    assert ("30.07 亿元", "jiayi compute", "m9") in got  # (its year left to the question, as a bare quarter's)
    assert ("15.57 亿元", "bingding cloud", "m9") in got
    assert not any(f.text in ("688001", "301002") for f in facts)


def test_a_negative_amount_with_its_dollar_sign_outside_the_brackets():
    from gpumkt.lang.numbers import figures
    assert [(f.text, f.value, f.currency) for f in figures("free cash flow of $(134.3) million")] == \
        [("$(134.3) million", 134.3e6, "usd")]


def test_a_link_slug_does_not_make_a_name_an_ordinary_word():
    text = ("SAN JOSE, Calif., Nov. 20, 2025 -- Acmeon Compute reported results at 4:05 p.m. ET. "
            "Revenue at Acmeon grew. Acmeon and Nordvik Hydro AB will build a campus.\n"
            "View original content: https://news.example/releases/acmeon-compute-reports-results.html")
    keys = {g.key for g in mining.mine_names([text])}
    assert "acmeon" in keys and not {"et", "ab"} & keys


def test_a_word_the_texts_write_in_lower_case_in_another_form_is_no_name():
    text = "Most buyers rent. Results of the Acmeon Buyer Survey, and of Zorvik, follow; ask Buyer about it."
    keys = {g.key for g in mining.mine_names([text])}
    assert "zorvik" in keys and "buyer" not in keys


def test_what_a_questions_words_ask_and_a_parts_period():
    from gpumkt.lang.periods import periods
    names = [vocab.Group("acme", ("acme",))]
    # "operations" holds "ratio" but asks no percentage
    assert build("In Acme's third quarter of fiscal 2026, how much cash did operations generate?", names).answer_kind != "pct"
    assert periods("acme 2025m9 营收") == ["2025m9"]  # a part of a question is written with its period key


def test_a_passage_in_the_other_language_is_given_as_its_figures():
    from gpumkt.answer.compose import _figures_of
    from gpumkt.records import Evidence
    e = Evidence(1, "a.txt", "a-0", "", "我们预估Acme 2025F营收51.8亿美元，年增170.5%", 0, 10, 1.0)
    assert _figures_of(e, "en") == "The passage [1] gives: $5.18 billion, 170.5%."


def test_a_change_columns_period_in_brackets_is_no_unit():
    from gpumkt.ingest.cells import unit_named_in_row
    assert unit_named_in_row("营收 | 增减(%) (2025年): ") == unit_named_in_row("营收 | 同比(%) (2q25a): ") == "%"


DECK = "\n".join([
    "甲乙科技股份有限公司",
    "Jiayi Technology Corp.（6793）",
    "2025年第三季法人說明會",
    "",
    "甲乙科技3Q25營收新台幣483.6億元。新雲客戶丙丁雲端（Bingding Cloud）單季貢獻營收約13%。",
    "丙丁已與本公司簽訂供貨協議。與同業戊己電子（Wuji Electronics）相比，戊己主要客群為大型CSP。",
    "國際數據資訊（IDC）指出市場成長，數據顯示需求強勁。",
])


def test_a_company_is_called_by_its_name_without_its_trade_word():
    groups = {g.key: set(g.forms) for g in mining.mine_names([DECK])}
    assert {"甲乙科技", "甲乙", "jiayi"} <= groups["jiayi technology corp."]
    assert {"丙丁云端", "丙丁"} <= groups["bingding cloud"]  # "新雲客戶" before it is no part of the name
    assert {"戊己电子", "戊己"} <= groups["wuji electronics"]
    assert groups["idc"] == {"idc"}  # 数据 is an ordinary word (jieba's dictionary), no short name


def test_a_name_alone_joins_the_longer_name_it_starts():
    text = "Acme Cloud, Inc. (ACME) reported. Analysts said Acme Cloud grew, and that Acme Cloud beat. Acme rose."
    groups = [set(g.forms) for g in mining.mine_names([text])]
    assert any({"acme", "acme cloud"} <= g for g in groups)


NOTE = "\n".join([
    "Zeta Securities LLC | Equity Research | AI Infrastructure",
    "Acme Cloud, Inc. (ACME)",
    "Price target: $74.00 (prior: $61.00)",
    "",
    "SUMMARY",
    "",
    "Revenue of $548.7 million grew 152% from $217.5 million in Q1 FY25. We think Acme Cloud can grow and that",
    "Acme Cloud will gain share, in the view of Zeta Securities, which makes a market in it.",
])


def test_a_note_is_about_the_company_its_opening_lines_write_with_its_ticker():
    doc = Document("note.txt", NOTE.splitlines()[0], NOTE, "")
    chunks = chunk_document(doc)
    assert any(c.section.endswith("SUMMARY") for c in chunks)  # a line in capitals is a heading
    names = mining.mine_names([NOTE])
    got = {f.text: (f.entity, f.metric, f.period) for f in build_facts([u for c in chunks for u in units(c, NOTE)], names)}
    assert got["$74.00"][:2] == ("acme cloud", "目标价")  # not the broker of the masthead
    assert got["$548.7 million"] == ("acme cloud", "营收", "")  # Q1 FY25 is the base's period
    assert got["$217.5 million"][2] == "2025q1"


def test_the_broker_a_figure_is_quoted_from_is_no_word_asked():
    norm = "what is zeta securities' new price target for acme cloud?"
    assert source_only(norm, 8, 12, names_later=True)
    q = build("What is Zeta Securities' new price target for Acme Cloud?", mining.mine_names([NOTE]))
    assert [m.key for m in q.entities] == ["acme cloud"] and "zeta" not in q.words


def test_a_table_of_months_under_measures():
    lines = ["2025年      月營收    月增率    年增率",
             "8月         15,704      5.9%     59.3%",
             "9月         17,832     13.6%     74.0%"]
    headers = metric_header(lines[0])
    assert headers == ["2025年", "月營收", "月增率", "年增率"] and header_cells(lines[0]) == []
    row = [dated_row("9月", headers), "17,832", "13.6%", "74.0%"]
    assert figure_pairs(headers[1:], row) == "2025年9月 | 月營收: 17,832; 月增率: 13.6%; 年增率: 74.0%"


def test_a_row_with_gaps_keeps_its_figures_under_their_columns():
    header = "                  3Q25      2Q25      3Q24      季增      年增"
    assert aligned(header, "業外收支            186       -92       241", 5) == ["業外收支", "186", "-92", "241", "--", "--"]
    assert figure_pairs(header_cells(header), ["營收", "48", "41", "29", "15.5%", "64.4%"]).endswith(
        "季增 (3Q25): 15.5%; 年增 (3Q25): 64.4%")  # 季增 / 年增 are changes of the latest quarter


def test_a_ranges_currency_is_said_once():
    assert [f.currency for f in figures("guidance of $2.50-2.60 billion")] == ["usd", "usd"]


# A Hong Kong prospectus (繁體, converted from PDF): dates in Chinese numerals, columns of years
# under the spans they end ("截至十二月三十一日止年度 / 截至六月三十日止六個月"), amounts beside shares,
# figures in 人民幣千元 with full-width spaces between them. Made-up company (甲乙).
PROSPECTUS = "\n".join([
    "JIAYI COMPUTE HOLDINGS LIMITED",
    "甲乙算力控股有限公司",
    "",
    "「本公司」或「甲乙」　指　甲乙算力控股有限公司，一家於開曼群島註冊成立的有限公司",
    "",
    "我們的收入由2023年的人民幣98.7百萬元增至2024年的人民幣231.6百萬元。截至2025年六月三十日止六個月，",
    "我們的收入為人民幣184.2百萬元。",
    "",
    "綜合損益表概要",
    "　　　　　　　　截至十二月三十一日止年度　　截至六月三十日止六個月",
    "　　　　　　　　2023年　　2024年　　2024年　　2025年",
    "　　　　　　　　　　　　（人民幣千元）",
    "收入　　　　　 98,751　231,607　　93,420　184,267",
    "銷售成本　　　（85,518）（184,372）（76,263）（139,489）",
    "",
    "按業務分部劃分的收入",
    "　　　　　　　　　　截至六月三十日止六個月",
    "　　　　　　　　　2024年　　　　　　　2025年",
    "　　　　　　　　金額　　佔比　　　　金額　　佔比",
    "　　　　　　（人民幣千元，百分比除外）",
    "算力租賃　　　 69,810　　74.7　　139,130　　75.5",
    "雲平台　　　　 23,610　　25.3　　 45,137　　24.5",
    "",
    "主要運營數據",
    "　　　　　　　　　　截至十二月三十一日　　　截至六月三十日",
    "　　　　　　　　2023年　　　2024年　　　　2025年",
    "IT負載（MW）　　　 61　　　 118　　　　 186",
])


def _prospectus_facts():
    doc = Document("prospectus.txt", "甲乙算力控股有限公司", PROSPECTUS, "")
    names = mining.mine_names([PROSPECTUS])
    return [f for c in chunk_document(doc) for f in build_facts(units(c, PROSPECTUS), names)]


def test_chinese_numeral_dates_and_the_spans_they_end():
    from gpumkt.lang.periods import cn_int, periods
    assert cn_int("三十一") == 31 and cn_int("十二") == 12 and cn_int("十") == 10 and cn_int("六") == 6
    assert periods("截至2025年六月三十日止六个月") == ["2025h1"]
    assert periods("截至2024年12月31日止年度") == ["2024"]
    assert periods("截至2025年九月三十日止三个月") == ["2025q3"]
    assert periods("截至2025年十月三十一日") == ["2025-10"]
    assert periods("six months ended 30 june 2025") == ["2025h1"]
    assert periods("year ended december 31, 2024") == ["2024"]


def test_years_under_the_spans_they_end_and_measures_under_years():
    from gpumkt.ingest.flat_tables import row_cells, spanned, sub_headers
    assert spanned(["2023年", "2024年", "2024年", "2025年"], "截至十二月三十一日止年度  截至六月三十日止六個月") == [
        "截至2023年十二月三十一日止年度", "截至2024年十二月三十一日止年度",
        "截至2024年六月三十日止六個月", "截至2025年六月三十日止六個月"]  # a year met again starts the next span
    above, header = "          截至十二月三十一日   截至六月三十日", "        2023年   2024年     2025年"
    assert spanned(["2023年", "2024年", "2025年"], above, header)[1:] == [
        "截至2024年十二月三十一日", "截至2025年六月三十日"]  # by where each span starts on the page
    assert sub_headers(["2024年", "2025年"], "   金額  佔比  金額  佔比") == [
        "2024年 金額", "2024年 佔比", "2025年 金額", "2025年 佔比"]
    assert row_cells("銷售成本　（85,518）（184,372）　（76,263）") == ["銷售成本", "（85,518）", "（184,372）", "（76,263）"]


def test_a_prospectus_figures_keep_their_span_scale_and_company():
    got = {(f.text, f.period): f for f in _prospectus_facts()}
    revenue = got[("184,267", "2025h1")]
    assert (revenue.entity, revenue.metric, revenue.value, revenue.currency) == ("jiayi compute holdings limited", "营收",
                                                                                184267000.0, "cny")
    assert ("93,420", "2024h1") in got and ("231,607", "2024") in got
    share = got[("75.5", "2025h1")]
    assert share.quantity == "pct"  # the 佔比 column beside the amounts
    assert ("186", "2025q2") in got and ("118", "2024q4") in got
    assert not any(f.text == "六" for f in got.values())  # "止六個月" is a period's length, no figure
    assert {"甲乙", "甲乙算力控股有限公司"} <= set(next(g.forms for g in mining.mine_names([PROSPECTUS])
                                               if "甲乙" in g.forms))


def test_a_defined_acronym_a_quoted_source_and_a_ticker_are_no_figures_owners():
    text = ("Worldwide AI compute cloud (ACC) revenue reached $38.9B in 2024. According to Zeta Research, "
            "Acme Cloud held 22.6% of ACC revenue in 2024, while Bolt Compute lost share.\n\n| Vendor | 2024 |\n|---|---|\n| Bolt Compute (5591) | 3.6 |\n")
    names = mining.mine_names([text])
    assert "acc" not in {g.key for g in names}
    doc = Document("tracker.md", "Tracker", text, "")
    facts = [f for c in chunk_document(doc) for f in build_facts(units(c, text), names)]
    assert not any(f.text == "5591" for f in facts)
    assert next(f for f in facts if f.text == "22.6%").entity.startswith("acme")


def test_a_name_with_its_ticker_and_a_pair_said_once():
    from gpumkt.lang.mining import ticker_names
    assert ticker_names("Bolt Grid (NASDAQ: BLTG) rose; The Acme Cloud (ACME) fell; Annual Recurring Revenue (ARR)") == [
        {"bolt grid", "bltg"}, {"acme cloud", "acme"}]
    names = mining.mine_names(["排名第一的甲乙雲算（Jiayi Cloud Compute）市場份額約為6.8%。"])
    assert any({"jiayi cloud compute", "甲乙云算"} <= set(g.forms) for g in names)


def test_a_deck_cover_with_a_legal_form_before_the_ticker_and_its_chinese_brand_name():
    from gpumkt.lang.mining import chinese_names, ticker_names
    deck = ("NEXO SILICON\nNexo Silicon, Inc. (Nasdaq: NXSI)\nFirst Quarter Results\n\n"
            "Greater China Update\nOur Chinese brand name: 耐索科技 (Traditional Chinese: 耐索科技)\n")
    assert ticker_names(deck) == [{"nexo silicon", "nxsi"}]
    assert chinese_names(deck) == [{"nexo silicon", "nxsi", "耐索科技"}]
    assert any({"nexo silicon", "耐索科技"} <= set(g.forms) for g in mining.mine_names([deck]))


def test_a_name_mined_alone_is_called_by_the_legal_name_in_a_pages_footer_too():
    from gpumkt.lang.legal_names import latin_legal_names
    assert latin_legal_names("© 2025 The Brindle Compute, Inc. All rights reserved. Orvane Corporation") == \
        ["Brindle Compute", "Orvane"]
    letter = ("Dear shareholders,\nThis year Brindle grew fast, and Brindle signed its largest contracts.\n"
              "We compute more than ever.\n\n© 2025 Brindle Compute, Inc.\n")
    groups = [set(g.forms) for g in mining.mine_names([letter])]
    assert any({"brindle", "brindle compute"} <= g for g in groups)


def test_a_chinese_name_wrapped_over_two_lines_of_a_pdf_is_found():
    found = vocab.find("截至年末，甲乙总资\n产78亿元", vocab.metrics())
    assert [(a, b, g.key) for a, b, g in found] == [(7, 11, "总资产")]


def test_an_announcement_names_its_issuer_below_the_exchange_disclaimer():
    from gpumkt.ingest.subjects import subjects
    text = ("Hong Kong Exchanges and Clearing Limited and The Stock Exchange of Hong Kong Limited take no "
            "responsibility for the contents of this announcement, make no representation as to its accuracy "
            "or completeness and expressly disclaim any liability whatsoever for any loss however arising from "
            "or in reliance upon the whole or any part of the contents of this announcement.\n\n"
            "EXAMPLE COMPUTE HOLDINGS LIMITED\n甲乙算力控股有限公司\n(Incorporated in the Cayman Islands "
            "with limited liability)\n(Stock Code: 9999)\n\nThe Board announces that the Group bought servers "
            "for RMB1.1 billion.\n")
    names = [vocab.Group("example compute holdings limited", ("example compute holdings limited", "甲乙算力控股有限公司"))]
    doc = Document("a.pdf", "Announcement", text, "")
    listed = [u for c in chunk_document(doc) for u in units(c, text)]
    assert [u.start for u in listed if u.quote.startswith("甲乙")] == [401]  # past the first 400 characters
    assert subjects(listed, names) == {"a.pdf": "example compute holdings limited"}


def test_an_ampersand_stands_for_and_in_a_measure():
    found = [g.key for _, _, g in vocab.find("cash, cash equivalents & marketable securities: $4.86b; r&d", vocab.metrics())]
    assert found == ["现金、现金等价物及有价证券", "研发"]


def test_a_line_of_figures_under_a_guidance_heading_is_an_expectation():
    text = "# Deck\n\n## Guidance\n\nQ2 FY26\nRevenue        $1.42B–$1.46B\n\n## Results\n\nRevenue was $1.32B in Q1 FY26.\n"
    names = mining.mine_names([text])
    doc = Document("d.md", "Deck", text, "")
    got = {f.text: f.qualifier for c in chunk_document(doc) for f in build_facts(units(c, text), names)}
    assert got["$1.42b"] == "forecast" and got["$1.32b"] == ""


def test_a_measure_right_after_its_figure_and_a_capacity_in_megawatts():
    text = "Acme raised US$1.1 billion at a US$9.5 billion valuation in May 2025. Its 40 MW campus opened."
    names = mining.mine_names([text])
    doc = Document("n.txt", "News", text, "")
    got = {f.text: f for c in chunk_document(doc) for f in build_facts(units(c, text), names)}
    assert got["us$9.5 billion"].metric == "估值" and got["us$1.1 billion"].metric == "融资"
    assert got["40"].quantity == "power" and got["40"].metric == "电力容量"


def test_a_pdf_running_header_and_short_chinese_titles():
    header = "甲乙控股有限公司　招股章程　　　　　　　　概　要"
    text = "\n".join(["封面", "", header, "", "概覽", "我們是中國領先的第三方算力服務提供商之一，主要為大模型企業提供算力租賃。",
                      "– 5 –", "", header, "", "我們的客戶", "於往績記錄期間，我們的客戶集中度相對較高，最大客戶佔收入的29.1%。",
                      "– 6 –", "", header, "", "競爭格局", "中國第三方算力服務市場相對分散，五大參與者合計佔約21.3%。", "– 7 –"])
    assert header in running_lines(text.splitlines())
    chunks = chunk_document(Document("p.txt", "封面", text, ""))
    assert [c.section.split(" > ")[-1] for c in chunks] == ["概覽", "我們的客戶", "競爭格局"]
    assert not any(header in c.text for c in chunks)


def test_a_radar_charts_values_under_its_axes():
    from gpumkt.ingest.charts import chart_text
    block = "```mermaid\nradar\n    title 甲乙雷达图\n    label Speed\n    label Cost\n    data Acme, 95, 90\n    data 平均, 70, 60\n```"
    assert chart_text(block) == "甲乙雷达图. Acme: Speed 95; Cost 90. 平均: Speed 70; Cost 60"


def test_a_regions_market_rate_is_not_the_companys():
    text = "# Acme\nNorth America holds 34% of the cloud GPU market, while Asia-Pacific is growing fastest at a 25.5% CAGR."
    names = mining.mine_names(["Acme Cloud grew. " + text])
    got = {f.text: f for c in chunk_document(Document("e.md", "Acme", text, "")) for f in build_facts(units(c, text), names)}
    assert got["25.5%"].entity == "" and got["25.5%"].metric == "年复合增长率"


def test_a_peer_table_names_companies_by_their_stock_code_cells():
    table = "证券代码          公司名称      总市值\n603917.SH         丙丁信息      1,286\n| 002865.SZ | 戊己科技 | 512 |\n"
    assert listed_names(table) == [{"丙丁信息"}, {"戊己科技"}]


def test_a_company_giving_its_foreign_legal_name_is_called_by_its_bare_name_too():
    text = "甲乙科技股份有限公司\nJiayi Technology Co., Ltd.\n股東常會議事手冊\n本公司營收成長。\n"
    forms = defined_names(text)[0]
    assert {"甲乙科技股份有限公司", "甲乙科技", "jiayi technology co., ltd."} <= forms
    groups = [g.forms for g in mining.mine_names([text + "估值29倍PE。冷卻液分配單元（CDU）出貨。"])]
    assert any("甲乙" in g for g in groups) and not any("pe" in g or "cdu" in g for g in groups)  # measures, no names


def test_a_statements_note_column_is_no_figure_and_its_column_header_gives_the_scale():
    text = "\n".join(["甲乙控股有限公司", "簡明綜合損益表", "                              截至六月三十日止六個月",
                      "                   附註          2025年          2024年",
                      "                              人民幣千元      人民幣千元",
                      "收入                 3       2,634,218      1,587,405",
                      "銷售成本                     (1,862,112)    (1,200,698)", "毛利                           772,106        386,707", ""])
    names = mining.mine_names([text])
    got = {f.text: f for c in chunk_document(Document("s.txt", "甲乙", text, "")) for f in build_facts(units(c, text), names)}
    assert "3" not in got  # the note reference
    assert got["2,634,218"].value == 2_634_218_000 and got["2,634,218"].currency == "cny"
    assert table_unit("2025年港幣千元: ".replace("幣", "币")) == (1e3, "hkd")


def test_an_amount_of_a_measure_named_after_of_or_in():
    text = "The board authorized a $400 million repurchase, and Acme ended the quarter with $1.18 billion of cash, " \
           "cash equivalents and marketable securities."
    names = mining.mine_names([text])
    got = {f.text: f for c in chunk_document(Document("n.txt", "News", text, "")) for f in build_facts(units(c, text), names)}
    assert got["$1.18 billion"].metric == "现金、现金等价物及有价证券" and got["$400 million"].metric == "回购"


def test_a_tables_column_of_units_gives_each_rows_kind():
    text = "# Acme\n\n| Metric | Unit | FY2024 | FY2025 |\n|---|---|---|---|\n| Share of renewable electricity | % | 81 | 88 |\n" \
           "| Total headcount | employees | 948 | 1,377 |\n"
    names = mining.mine_names(["Acme Cloud grew."])
    got = {f.text: f for c in chunk_document(Document("e.md", "Acme", text, "")) for f in build_facts(units(c, text), names)}
    assert got["88"].quantity == "pct" and got["1,377"].quantity == "count"


def test_a_rating_agency_defining_itself_before_the_issuer_is_not_the_issuer():
    text = "甲评信用评级有限公司          乙丙算力科技股份有限公司2025年度信用评级报告\n乙丙算力科技股份有限公司\n" \
           "评级观点\n甲评信用评级有限公司（以下简称“甲评”）评定乙丙算力科技股份有限公司（以下简称“乙丙算力”）主体信用等级为AA+。\n" \
           "经营分析\n公司主营智能算力租赁。公司2024年营业收入45.21亿元。\n"
    assert defined_names(text)[:2] == [{"甲评信用评级有限公司", "甲评"}, {"乙丙算力科技股份有限公司", "乙丙算力"}]
    names = mining.mine_names([text])
    every = [u for c in chunk_document(Document("r.txt", text.splitlines()[0], text, "")) for u in units(c, text)]
    issuer = next(g.key for g in names if "乙丙算力" in g.forms)
    assert {f.text: f.entity for f in build_facts(every, names)}["45.21亿元"] == issuer


def test_a_unit_line_for_the_whole_table_leaves_rates_and_multiples_their_kind():
    text = "\n".join(["甲乙算力科技股份有限公司", "主要财务数据及指标", "                                   单位：亿元、%、倍",
                      "项目                          2023年        2024年", "营业总收入                     27.94         45.21",
                      "毛利率                          27.3          31.5", "EBITDA利息保障倍数              5.25          5.43", ""])
    names = mining.mine_names([text])
    got = {f.text: f for c in chunk_document(Document("r.txt", "甲乙", text, "")) for f in build_facts(units(c, text), names)}
    assert (got["45.21"].quantity, got["45.21"].value) == ("money", 4.521e9)
    assert (got["31.5"].quantity, got["31.5"].value) == ("pct", 31.5) and got["5.43"].quantity == "mult"


def test_a_company_form_alone_is_no_name():
    from gpumkt.lang.listed_names import name_ending

    texts = ["甲乙科技股份有限公司（Jiayi Technology Corp.）公告", "丙丁科技股份有限公司的营收"]
    assert name_ending("科技股份有限公司", texts) == "" and name_ending("新客户甲乙云端", ["新客户甲乙云端（Jiayi）…甲乙的订单"]) == "甲乙云端"
    assert not any("科技股份有限公司" in g.forms for g in mining.mine_names(texts + texts))


def test_a_latin_name_belongs_to_the_nearest_chinese_legal_name_only():
    text = "甲乙雲算控股有限公司　JIAYI CLOUD HOLDINGS LIMITED\n" \
           "香港交易及結算所有限公司與香港聯合交易所有限公司對本公告的內容概不負責。\n" \
           "（於開曼群島註冊成立為獲豁免有限公司）\n甲乙雲算控股有限公司（「本公司」）公佈業績。\n"
    groups = defined_names(text)
    assert {"甲乙云算控股有限公司", "jiayi cloud holdings limited", "jiayi cloud"} <= groups[0]
    assert not any("jiayi cloud" in g for g in groups[1:]) and not any("结算所" in f for g in groups for f in g)


def test_the_extent_of_a_move_asks_a_percentage_and_a_base_as_of_a_date_dates_only_itself():
    from gpumkt.ingest.dating import stated_periods
    assert build("2025到2026年间行业估值大概会回调多大幅度？", []).answer_kind == "pct"
    assert build("H20的降幅是多少？", []).answer_kind == "pct"
    said = ("as of june 30, 2025, we had cash of $1,470 million, compared with $1,290 million as of "
            "december 31, 2024, and total debt principal outstanding of ")
    assert stated_periods(said) == ["2025q2"]  # the debt is June's, not the comparison's December


def test_a_latin_short_name_is_kept_whole_and_a_slice_of_a_whole_is_a_share():
    groups = defined_names("公司名稱：丙丁電腦股份有限公司\n英文簡稱：Bingding Computer\n")
    assert any({"bingding computer", "丙丁电脑股份有限公司"} <= g for g in groups)
    assert build("What slice of new contract value came from banks?", []).answer_kind == "pct"


def test_a_subsidiarys_own_legal_name_is_not_its_parent_and_a_ratio_over_ebitda_is_no_ebitda():
    from gpumkt.answer.fitting import _narrower
    names = [vocab.Group("拓岭", ("深圳拓岭智算科技股份有限公司", "拓岭智算", "拓岭"))]
    assert not build("东莞拓岭液冷技术有限公司2025年的净利润是多少？", names).entities
    assert build("拓岭智算科技股份有限公司2025年的净利润是多少？", names).entities
    assert not _narrower("总债务/ebitda", {"ebitda"}) and _narrower("年复合增长率", {"增长率"})


def test_an_offering_documents_defined_terms_are_no_names_and_its_short_name_is_its_sponsors():
    text = ("Acme Compute Funding I LLC, a Delaware limited liability company (the “Issuer”), is a subsidiary of "
            "Acme Compute, Inc. (“Acme” or the “Sponsor”). The Sponsor's backlog was $6.42 billion. "
            "“DSCR” means the ratio of Net Cash Flow to debt service. WA age (months): 14.2. "
            "A Rapid Amortization Event occurs when the DSCR is below 1.10x.")
    assert legal_short_forms(text) == [{"acme compute, inc.", "acme compute", "acme"}]
    assert {"issuer", "sponsor", "dscr"} <= defined_terms(text) and "acme" not in defined_terms(text)
    forms = {f for g in mining.mine_names([text]) for f in g.forms}
    assert {"acme", "acme compute, inc."} <= forms and not {"sponsor", "issuer", "dscr"} & forms
    # a two-letter name is no plural of a word: "WA" (weighted average) is not in "was"
    assert vocab.find("the sponsor's backlog was $6.42 billion", [vocab.Group("wa", ("wa",))]) == []


def test_a_name_shortened_by_its_trade_word_is_kept_only_where_the_texts_use_it_as_a_word():
    text = ("溟江省算力投资集团有限公司（以下简称“省算力集团”）投资建设岑山基地。全省算力产业保持较快增长，"
            "溟江省算力产业协会发布公报。甲乙科技股份有限公司（以下简称“甲乙科技”）公告，甲乙2025年营收增长。")
    forms = {f for g in mining.mine_names([text]) for f in g.forms}
    assert {"省算力集团", "甲乙科技", "甲乙"} <= forms and "省算力" not in forms  # (全省算力, 溟江省算力: no name)


def test_a_short_form_defined_for_a_letter_names_no_company():
    text = ("收到《关于对甲乙算力科技股份有限公司2024年年报的问询函》（以下简称“问询函”）。\n"
            "甲乙算力科技股份有限公司（以下简称“甲乙算力”）回复如下。")
    forms = set().union(*defined_names(text))
    assert "甲乙算力" in forms and "问询函" not in forms


GUIDANCE = "\n".join([
    "Acmeon Data, Inc. | Second quarter 2024 data pack",
    "",
    "OUTLOOK FOR 2024",
    "",
    "Our outlook for the year is higher.",
    "",
    "                                     New range              Old range",
    "Revenue ($ millions)                 1,210 - 1,230          1,180 - 1,200",
    "Sites let (MW)                            80 - 90                70 - 80",
    "",
])


def test_a_header_of_column_names_over_blank_labels_reads_each_row_under_them():
    facts, _ = _facts(GUIDANCE)
    revenue = {f.text.rstrip(" -"): f for f in facts if f.metric == "营收"}
    assert revenue["1,210"].quantity == "money" and revenue["1,210"].value == 1.21e9
    assert revenue["1,210"].qualifier == "forecast" and revenue["1,210"].period == "2024"
    assert {f.quantity for f in facts if f.text.startswith("80")} == {"power"}
    # a line of units over the columns names no column
    assert not column_header(" " * 30 + "人民币千元      人民币千元", "营业收入    1,234    1,100")


def test_a_number_right_after_a_name_is_the_names_own():
    text = ("Acmeon Data is building Zorvik 2 for 615 million dollars. Acmeon keeps the tenant "
            "of Zorvik 2 private until it opens; Zorvik 2 adds 38 MW and Acmeon has 40 customers.")
    facts, _ = _facts(text)
    assert sorted(f.text for f in facts) == ["38", "40", "615 million dollars"]


def test_the_first_word_of_a_term_of_the_field_names_no_company():
    text = "Acmeon reported Core FFO of $2.10 a share and AFFO of $1.95. Core Scientific and Zorvik report later."
    forms = {f for g in mining.mine_names([text]) for f in g.forms}
    assert "core scientific" in forms and not {"core", "ffo", "affo"} & forms
    facts, _ = _facts(text)
    assert {f.text: f.metric for f in facts if f.quantity == "money"} == {"$2.10": "ffo", "$1.95": "affo"}


def test_a_row_label_wrapped_onto_the_line_of_its_figures_is_one_label():
    text = "\n".join(["Borrowing                             2Q24      1Q24",
                      "Average cost of borrowing            6.10%     6.25%",
                      "Gross debt to trailing twelve-month",
                      "  EBITDA                             3.1x      3.4x", ""])
    doc = Document("acme.txt", "Acmeon Data", text, "0" * 64)
    rows = [c.text for c in chunk_document(doc)]
    assert any("Gross debt to trailing twelve-month EBITDA | 2Q24: 3.1x" in c.readable for c in chunk_document(doc)), rows


def test_a_footnote_or_enumeration_number_in_brackets_is_no_figure():
    text = "Acmeon's gross margin(2) was 61%. 原因如下：（1）2023年甲乙算力新增收入3.2亿元。Net loss was (45) million."
    facts, _ = _facts(text)
    assert sorted(f.text for f in facts) == ["3.2亿元", "45", "61%"]


def test_a_foreign_legal_name_written_right_after_chinese_words_is_read_whole():
    text = "甲乙算力科技股份有限公司（以下简称“甲乙算力”），英文名称为Jiayi Compute Technology Co., Ltd.；"
    forms = set().union(*defined_names(text))
    assert {"jiayi compute technology co., ltd.", "jiayi compute", "甲乙算力"} <= forms


def test_a_legal_name_with_its_labelled_stock_code_is_a_name_with_its_short_forms():
    text = "崇岳科技股份有限公司（股票代號：8814）　2024年報告\n崇岳成立以來營收持續成長，崇岳科技股份有限公司董事會"
    assert listed_names(text) == [{"崇岳科技", "崇岳科技股份有限公司"}]
    # (its short form without the trade word is added as every company's is, where the text says it alone)
    assert {"崇岳科技股份有限公司", "崇岳科技", "崇岳"} <= {f for g in mining.mine_names([text]) for f in g.forms}
    assert listed_names("乙方（2024）签约") == []  # a year in brackets is no stock code


@pytest.mark.parametrize("own, figure", [
    ("service: tax fees (3); 2026: $91,000", "3"),  # a footnote marker after a label
    ("scope 3 emissions fell to 41,000 tco2e", "3"),
    ("phase 2 adds 60 mw", "2"),
    ("电源 | 27f年增: 38.0%", "27"),  # a broker's year
    ("a 16-node zq7-4b cluster took 12.5 days", "4b"),  # inside a model's code: no four billion
    ("the rx3-12 board", "12"),
])
def test_a_labels_number_is_no_figure(own, figure):
    from gpumkt.ingest.not_figures import no_figure
    from gpumkt.lang.numbers import figures

    fig = next(f for f in figures(own) if f.text == figure)
    a = own.find(figure)
    assert no_figure(fig, own, a, a + len(figure), [], True, [])


def test_a_bracketed_loss_in_a_row_is_still_a_figure():
    from gpumkt.ingest.not_figures import no_figure
    from gpumkt.lang.numbers import figures

    own = "net loss: (45); 2025: (30)"
    fig = next(f for f in figures(own) if "45" in f.text)
    assert not no_figure(fig, own, own.find("45"), own.find("45") + 2, [], False, [])


def test_a_figure_right_after_a_labels_colon_is_the_labels_measure():
    from gpumkt.ingest.facts import _labelled

    assert _labelled("remaining buyback authorization: $", "money") == "回购"
    assert _labelled("fiscal 2026: ", "money") == ""


PROJECT_LIST = "\n".join([
    "一、概况", "本批次共两个项目。", "",
    "附表 甲乙两个项目汇总",
    "                                投资额（亿           年用电量（万",
    "序号  项目名称          所在地      元）       机柜（个）   千瓦时）",
    "1     甲乙算力中心      甲市        12.50      3000         26400",
    "2     丙丁数据中心      乙市        8.20       1800         15300",
    "", "注：以上为计划数。", ""])


def test_a_header_wrapped_above_and_below_its_line_and_a_column_of_row_numbers():
    rows = [c.readable for c in chunk_document(Document("a.txt", "t", PROJECT_LIST, "0" * 64)) if c.kind == "table"]
    assert rows[0] == ("附表 甲乙两个项目汇总 | 甲乙算力中心 | 所在地: 甲市; 投资额（亿元）: 12.50; 机柜（个）: 3000; "
                       "年用电量（万千瓦时）: 26400")
    assert stacked_header("    总投资（亿    年综合能源消费", ["序号", "元）", "量（吨"], "标准煤）") == \
        ["序号", "总投资（亿元）", "年综合能源消费量（吨标准煤）"]
    assert stacked_header("    总投资（亿", ["序号", "元）", "量（吨"]) == []  # the pieces do not pair up


def test_a_unit_of_time_named_by_a_row_label():
    assert unit_named_in_row("average wait (days) | 2025: ") == " days"
    assert unit_named_in_row("人均培训时长（小时） | 2024年: ") == " 小时"


def test_an_announcements_masthead_names_its_issuer():
    from gpumkt.lang.legal_names import masthead_names

    text = "BRINDLE COMPUTE HOLDINGS LIMITED\n(Incorporated in Bermuda with limited liability)\n(Stock Code: 4321)\n"
    assert masthead_names(text) == [{"brindle compute holdings limited", "brindle compute holdings", "brindle compute"}]
    assert {"brindle compute"} <= {f for g in mining.mine_names([text + "Brindle Compute Holdings Limited (the \"Company\") announces."])
                                   for f in g.forms}
    assert masthead_names("Results of the year ended 2025 Limited\nthe rest") == []


def test_a_chinese_legal_name_with_its_english_one_is_one_company_with_its_short_names():
    from gpumkt.lang.legal_names import bilingual_names

    cover = "# 甲乙科技集團控股有限公司\nJIAYI TECHNOLOGY GROUP HOLDINGS LIMITED\n（於開曼群島註冊成立之有限公司）\n"
    defined = "「目標公司」指丙丁算力控股有限公司（BINGDING COMPUTE HOLDINGS LIMITED）；「丙丁控股（BVI）有限公司」"
    assert bilingual_names(cover) == [{"甲乙科技集团控股有限公司", "甲乙科技集团控股", "甲乙科技集团", "甲乙科技", "甲乙",
                                       "jiayi technology group holdings limited", "jiayi technology group holdings", "jiayi"}]
    assert {"丙丁算力", "bingding compute"} <= bilingual_names(defined)[0]
    # a company's place of registration in brackets is no English name of it
    assert not any("bvi" in g.forms for g in mining.mine_names([cover + defined]))


def test_a_bond_issues_short_name_is_the_bonds_and_its_number_is_a_part_asked():
    text = ("甲乙液冷科技股份有限公司（簡稱「甲乙液冷」）\n"
            "債券名稱：甲乙液冷科技股份有限公司國內第二次無擔保轉換公司債（簡稱「甲乙二」）\n"
            "發行價格：依票面金額之101%發行。\n")
    assert defined_names(text) == [{"甲乙液冷科技股份有限公司", "甲乙液冷"}]  # 甲乙二 names the bond
    from gpumkt.answer.asked import contrasts_in, parts_in
    # the first issue is a part of the issuer's bonds: a passage about the second does not answer it
    assert parts_in(contrasts_in("甲乙液冷国内第一次无担保转换公司债的发行价格是多少?")) == (("第一次", "first issue"),)
