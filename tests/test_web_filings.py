"""Filings as people save them from the web: a US annual report (20-F style) as an HTML page with
its tables cell by cell, and a Taiwan filing with ROC years. Made-up companies (Acme, 甲乙)."""

from pathlib import Path

from gpumkt.answer.check import misattributed
from gpumkt.answer.labels import period
from gpumkt.ingest.blocks import running_lines
from gpumkt.ingest.chunking import chunk_document
from gpumkt.ingest.corpus import load_documents
from gpumkt.ingest.dating import year_earlier
from gpumkt.ingest.extract import extract
from gpumkt.ingest.facts import build_facts, table_unit
from gpumkt.ingest.html_tables import markdown
from gpumkt.ingest.units import units
from gpumkt.lang import mining
from gpumkt.lang.legal_names import defined_names
from gpumkt.lang.numbers import bare_yuan, figures, home_yuan
from gpumkt.lang.periods import periods, western_years

PAGE = """<html><head><style>td {padding: 2px}</style><script>var x = 1;</script></head><body>
<nav>Home | Investors | Filings</nav>
<h1>Acme Compute Holdings Limited</h1>
<p>Our total revenues increased to RMB5,587.7 million (US$782.4 million) in 2025.</p>
<table>
<tr><td></td><td colspan="4">For the Year Ended December 31,</td></tr>
<tr><td></td><td colspan="2">2024</td><td colspan="2">2025</td></tr>
<tr><td></td><td colspan="2">RMB</td><td colspan="2">RMB</td></tr>
<tr><td colspan="5">(in thousands of RMB, except per-share data)</td></tr>
<tr><td>Revenues</td><td>RMB</td><td>3,370,760</td><td>RMB</td><td>5,587,657</td></tr>
<tr><td>Net loss</td><td></td><td>(412,438)</td><td></td><td>(186,002)</td></tr>
<tr><td>Net loss per ADS</td><td></td><td>(1.34)</td><td></td><td>(0.59)</td></tr>
</table>
<table>
<tr><td></td><td colspan="4">For the Year Ended December 31,</td></tr>
<tr><td></td><td>2024</td><td>%</td><td>2025</td><td>%</td></tr>
<tr><td>GPU cloud</td><td>2,512,736</td><td>74.5</td><td>4,318,952</td><td>77.3</td></tr>
</table>
</body></html>"""


def _facts(path: Path):
    docs = load_documents(path.parent)
    names = mining.mine_names([d.text for d in docs])
    return build_facts([u for d in docs for c in chunk_document(d) for u in units(c, d.text)], names)


def test_an_html_tables_headers_stand_over_the_columns_they_span():
    table = markdown([[("", 1), ("Year ended December 31,", 2)], [("", 1), ("2024", 1), ("2025", 1)],
                      [("(in thousands)", 3)], [("Revenue", 1), ("1,000", 1), ("1,200", 1)]])
    assert table.splitlines()[0] == "(in thousands)"  # the unit row, set above the table
    assert table.splitlines()[1] == "|  | Year ended December 31, 2024 | Year ended December 31, 2025 |"
    assert table.splitlines()[3] == "| Revenue | 1,000 | 1,200 |"
    # a closing bracket in a cell of its own
    assert markdown([[("", 1), ("2024", 2)], [("Net loss", 1), ("(412", 1), (")", 1)]]).endswith("| Net loss | (412) |")


def test_figures_with_their_scale_in_the_cell_are_body_rows_not_header():
    table = markdown([[("Metric", 1), ("FY2025", 1), ("FY2024", 1)],
                      [("Revenue", 1), ("$2,048.3 million", 1), ("$1,377.5 million", 1)],
                      [("Net loss", 1), ("$(212.6) million", 1), ("$(80.4) million", 1)],
                      [("Active power", 1), ("75 MW", 1), ("40 MW", 1)]])
    assert table.splitlines()[0] == "| Metric | FY2025 | FY2024 |"
    assert table.splitlines()[2:] == ["| Revenue | $2,048.3 million | $1,377.5 million |",
                                      "| Net loss | $(212.6) million | $(80.4) million |",
                                      "| Active power | 75 MW | 40 MW |"]


def test_rows_of_a_label_and_its_words_under_a_marked_header_are_rows_not_header(tmp_path):
    page = ("<table><tr><th>Parameter</th><th>Value used</th></tr><tr><td>Method</td><td>Income approach</td></tr>"
            "<tr><td>Forecast years</td><td>2027 to 2031</td></tr><tr><td>Discount rate</td><td>11.5%</td></tr></table>"
            "<table><tr><th></th><th>Year ended</th></tr><tr><td></td><td>2025</td></tr>"
            "<tr><td>Revenue</td><td>1,200</td></tr></table>")
    (tmp_path / "deal.html").write_text(page, "utf-8")
    text = extract(tmp_path / "deal.html").text
    assert "| Parameter | Value used |\n| --- | --- |\n| Method | Income approach |" in text
    assert "| Discount rate | 11.5% |" in text
    assert "| Year ended 2025 |" in text  # a row of years under the marked one is still header


def test_signs_in_cells_of_their_own_rejoin_their_figures(tmp_path):
    (tmp_path / "acme_20f.html").write_text(PAGE, "utf-8")
    text = extract(tmp_path / "acme_20f.html").text
    assert "| Revenues | RMB3,370,760 | RMB5,587,657 |" in text
    assert "| Net loss | RMB(412,438) | RMB(186,002) |" in text
    assert "| GPU cloud | 2,512,736 | 74.5% | 4,318,952 | 77.3% |" in text  # a "%" column's shares
    assert "var x" not in text and "Investors" not in text


def test_an_html_seed_is_read_and_its_figures_keep_year_currency_and_scale(tmp_path):
    (tmp_path / "acme_20f.html").write_text(PAGE, "utf-8")
    facts = _facts(tmp_path / "acme_20f.html")
    revenue = {f.period: f for f in facts if f.metric == "营收" and f.quantity == "money" and f.text.startswith("rmb5,5")}
    assert revenue["2025"].value == 5_587_657_000 and revenue["2025"].currency == "cny"
    per_ads = next(f for f in facts if f.text == "rmb(0.59)")
    assert per_ads.value == 0.59  # "except per-share data": not in thousands
    share = next(f for f in facts if f.text == "77.3%")
    assert share.quantity == "pct" and share.period == "2025"


def test_a_currency_code_before_its_digits_is_no_product_name():
    assert [(f.value, f.currency) for f in figures("RMB3,370.8 million and RMB(630,663)")] == \
        [(3_370_800_000, "cny"), (630_663, "cny")]
    names = {g.key for g in mining.mine_names(["Gross profit was RMB654.3 million, and RMB304 later. The H200 ships."])}
    assert "h200" in names and not any(k.startswith("rmb") for k in names)


def test_roc_years_and_dates_are_read_as_western_ones():
    assert periods("114年10月营收") == ["2025-10"]
    assert periods("113年度") == ["2024"]
    assert periods("114年第三季") == ["2025q3"]
    assert periods("除息基准日 114/11/12") == ["2025-11"] and periods("114/01 当月营收") == ["2025-01"]
    assert periods("成立120年") == [] and periods("114/13") == []  # no year of the calendar, no month
    text, back = western_years("于114年8月投产")
    assert text == "于2025年8月投产" and back[text.index("2025")] == 1  # offsets of the text as written


def test_a_year_to_date_span_is_its_own_period():
    assert periods("2025年1月至10月") == ["2025m10"] and periods("114年1月至10月") == ["2025m10"]
    assert periods("2025年1-3月") == ["2025q1"] and periods("2025年1-9月") == ["2025m9"]
    assert periods("first ten months of 2025") == ["2025m10"] and periods("2025年前十个月") == ["2025m10"]
    assert period("2025m10", "en") == "first ten months of 2025" and period("2025m10", "zh-Hant") == "2025年1-10月"


def test_a_taiwan_filings_form_and_its_rows():
    form = "公司名稱：甲乙電腦股份有限公司（甲乙）\n"
    assert {"甲乙电脑股份有限公司", "甲乙"} <= defined_names(form)[0]
    assert table_unit("单位：新台币仟元") == (1000.0, "twd")
    row = "去年同期                       8,876,214"
    assert year_earlier(row, row.index("8,876"), len(row))  # a row label far left of its figure
    assert [f.value for f in figures("查询日期：114/11/13 09:42:17 营收13,518,447")][-1] == 13_518_447


def test_a_tables_header_repeated_runs_no_page():
    header = "|  | For the Year Ended December 31, 2024 | For the Year Ended December 31, 2025 |"
    assert header not in running_lines([header, "| a | 1 | 2 |", header, "| b | 3 | 4 |", header])


def test_a_chinese_reader_is_given_an_english_sentence_with_no_figure_as_it_stands():
    from gpumkt.answer.compose import extractive
    from gpumkt.records import Evidence

    ev = Evidence(n=1, source="deck.txt", chunk_id="dec-001", section="Capital allocation", start=0, end=40,
                  quote="Contracted capacity first: no speculative builds.", score=1.0, passage="", covers=True)
    assert extractive([ev], "zh-Hant", False) == "報告原文（英文）：Contracted capacity first: no speculative builds[1]。"
    assert extractive([ev], "en", False) == "The reports say: Contracted capacity first: no speculative builds [1]."


def test_an_english_filings_defined_short_name():
    from gpumkt.lang.legal_names import english_definitions

    text = 'Unless otherwise indicated, "we", "us", "our company" and "Acme" refer to Acme AI Cloud Holdings Limited, a firm.'
    assert english_definitions(text) == [{"acme", "acme ai", "acme ai cloud", "acme ai cloud holdings"}]
    assert english_definitions('"we" and "the Company" refer to Acme Cloud Holdings Limited.') == []
    # American style keeps the comma inside the quotes
    text = 'The terms "Acme," "the Company," "we" and "us" refer to Acme Cloud, Inc. and its subsidiaries.'
    assert english_definitions(text) == [{"acme", "acme cloud", "acme cloud, inc."}]


def test_a_taiwan_quarterly_table_under_roc_quarters():
    from gpumkt.records import Document

    text = "\n".join(["財務報表 > 簡明綜合損益表（季）", "單位：新台幣仟元（每股盈餘為元）",
                      "會計項目                 114年第三季      113年第三季      114年前三季",
                      "營業收入                  38,698,245       25,643,650       95,167,755",
                      "基本每股盈餘（元）              5.46             3.01            13.12", ""])
    doc = Document("acme_tw.txt", "甲乙 財務報表", text, "0" * 64)
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], mining.mine_names([text]))
    got = {(f.text, f.period, f.quantity) for f in facts}
    assert ("38,698,245", "2025q3", "money") in got and ("95,167,755", "2025m9", "money") in got
    eps = next(f for f in facts if f.text == "5.46")
    assert eps.period == "2025q3" and eps.value == 5.46  # per share: not in thousands


def test_an_exchange_rate_is_no_percentage():
    from gpumkt.answer.question import build

    q = build("What RMB/US$ exchange rate does the annual report use?", [])
    assert q.answer_kind != "pct" and not q.asks_change


def test_periods_listed_then_figures_in_the_same_order(tmp_path):
    from gpumkt.records import Document

    text = ("In 2023, 2024 and 2025, our largest customer accounted for 29.1%, 33.5% and 27.8% of our total "
            "revenues, respectively. Our capital expenditures were RMB1,412.7 million, RMB2,586.0 million and "
            "RMB3,862.4 million (US$540.8 million) in 2023, 2024 and 2025, respectively. As of December 31, "
            "2025, we had 214 MW and 326 MW, compared with 131 MW and 236 MW, respectively, as of December 31, 2024.\n")
    doc = Document("acme_20f.txt", "Acme 20-F", text, "0" * 64)
    facts = {f.text: f.period for f in build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], [])}
    assert (facts["29.1%"], facts["33.5%"], facts["27.8%"]) == ("2023", "2024", "2025")
    assert (facts["rmb2,586.0 million"], facts["us$540.8 million"]) == ("2024", "2025")  # a translation: its figure's
    assert facts["214"] == "2025q4"  # two measures, respectively: no list of periods to pair


# A Taiwan disclosure page as saved from the browser, in Big5: a menu bar of links side by side,
# no heading of its own but its title, a "說明" cell of numbered lines, a basic-data table.
MOPS = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5">
<title>公開資訊觀測站 - 重大訊息 - 甲乙</title></head><body>
<div id="top"><a href="#">首頁</a><a href="#">網站導覽</a><a href="#">English</a></div>
<h3>本資料由 (上市公司) 甲乙 公司提供</h3>
<table><tr><th>主旨</th><td>本公司董事會通過114年第三季合併財務報告</td></tr>
<tr><th>說明</th><td>
1.董事會決議日期：114/11/12<br>
2.1月1日累計至本期止營業收入(仟元)：136,402,118<br>
3.期末總資產(仟元)：168,452,907</td></tr></table>
<table><tr><th>公司簡稱</th><td>甲乙</td><th>公司代號</th><td>6900</td></tr>
<tr><th>公司名稱</th><td>甲乙雲端科技股份有限公司（Jiayi Cloud Corp.）</td></tr></table>
<p>子公司丙丁算力股份有限公司負責GPU雲端業務。</p>
</body></html>"""


def test_a_saved_disclosure_page_reads_as_its_screen_shows(tmp_path):
    path = tmp_path / "mops.html"
    path.write_bytes(MOPS.encode("big5"))
    got = extract(path)
    assert got.encoding == "big5" and got.text.startswith("# 公開資訊觀測站 - 重大訊息 - 甲乙")  # no h1: its title
    assert "首頁 | 網站導覽 | English" in got.text  # menu links apart, not "首頁網站導覽English"
    assert "\n2.1月1日累計至本期止營業收入(仟元)：136,402,118\n" in got.text  # the cell's lines stay lines
    assert "136,402,1183" not in got.text
    names = {k for g in mining.mine_names([got.text]) for k in g.forms}
    assert {"甲乙", "jiayi cloud corp."} <= names and "english" not in names  # 公司簡稱 beside 公司名稱


def test_a_filing_field_in_thousands_of_nt_dollars_is_that_amount(tmp_path):
    # "營業收入(仟元)：136,402,118" is NT$136.4 billion: the label's unit scales the figure, and a
    # bare 元 in a document that names the Taiwan dollar and never the renminbi is the Taiwan dollar
    path = tmp_path / "mops.html"
    path.write_bytes(MOPS.replace("<p>子公司", "<p>金額單位為新台幣。子公司").encode("big5"))
    facts = {f.text: f for f in _facts(path)}
    revenue, assets = facts["136,402,118"], facts["168,452,907"]
    assert (revenue.value, revenue.quantity, revenue.currency) == (136402118e3, "money", "twd")
    assert (assets.value, assets.metric) == (168452907e3, "总资产")
    # an answer that writes the figure as the filing does is no misattribution
    assert misattributed("營收為136,402,118仟元。", [revenue], []) == []


def test_a_bare_yuan_is_the_renminbi_unless_the_document_names_another():
    assert home_yuan("營收9,305,188仟元，資本支出新台幣8,650,000仟元".replace("幣", "币")) == "twd"
    assert home_yuan("股息每股4.5港仙，收入1,200元") == "hkd"
    assert home_yuan("收入人民币千元，另以港元派息") == "" and home_yuan("收入1,200元") == ""
    assert [bare_yuan(f) for f in figures("9,305,188仟元 rmb 3 million")] == [True, False]


def test_a_filings_fields_take_the_period_it_states_it_reports_on(tmp_path):
    # a board's notice of its quarterly report: a field states the period reported on; "1月1日累計至
    # 本期止" figures are the year to date, "期末" ones the quarter's end; item numbers are no figures
    (tmp_path / "notice.txt").write_text("\n".join([
        "甲乙雲端科技股份有限公司 重大訊息", "主旨：董事會通過財務報告", "說明：",
        "3.財務報告報導期間起訖日期(XXX/XX/XX~XXX/XX/XX)：114/07/01~114/09/30",
        "4.1月1日累計至本期止營業收入(仟元)：95,167,755",
        "12.期末總負債(仟元)：89,916,075", "金額單位：新台幣"]), "utf-8")
    facts = _facts(tmp_path / "notice.txt")
    by_text = {f.text: f for f in facts}
    assert (by_text["95,167,755"].period, by_text["95,167,755"].value) == ("2025m9", 95167755e3)
    assert (by_text["89,916,075"].period, by_text["89,916,075"].currency) == ("2025q3", "twd")
    assert not {"4.1", "12", "3"} & set(by_text)


def test_a_header_cell_spanning_two_rows_leaves_its_column_to_the_cells_below_it(tmp_path):
    page = ("<table><tr><th rowspan='2'>指标</th><th rowspan='2'>单位</th><th colspan='2'>数值</th>"
            "<th rowspan='2'>同比(%)</th></tr><tr><th>2025年</th><th>2024年</th></tr>"
            "<tr><td>营业收入</td><td>亿元</td><td>1,286.4</td><td>1,006.3</td><td>27.8</td></tr></table>")
    (tmp_path / "bulletin.html").write_text(page, "utf-8")
    text = extract(tmp_path / "bulletin.html").text
    assert "| 指标 | 单位 | 数值 2025年 | 数值 2024年 | 同比(%) |" in text
    assert "| 营业收入 | 亿元 | 1,286.4 | 1,006.3 | 27.8 |" in text


PRICING = """<html><head><title>GPU Pricing | Acme Cloud</title></head><body>
<div class="cookie-banner"><p>We use cookies. See our Cookie Policy.</p><div><a>Accept</a></div></div>
<h1>GPU pricing</h1>
<p>The on-demand rate for an H100 GPU falls to $2.49 per hour.</p>
</body></html>"""


def test_a_pages_cookie_notice_is_dropped_and_its_tab_title_names_the_company(tmp_path):
    (tmp_path / "pricing.html").write_text(PRICING, "utf-8")
    text = extract(tmp_path / "pricing.html").text
    assert "cookie" not in text.lower()
    assert text.startswith("# GPU Pricing - Acme Cloud")  # the tab says whose prices the heading's are
    assert "$2.49" in text
    (tmp_path / "nested.html").write_text(PRICING.replace("<h1>GPU pricing</h1>", "<h1><span>GPU pricing</span></h1>"), "utf-8")
    assert extract(tmp_path / "nested.html").text.startswith("# GPU Pricing - Acme Cloud")


def test_an_inline_xbrl_filings_hidden_tagged_facts_are_not_read(tmp_path):
    page = ("<html xmlns:ix='http://www.xbrl.org/2013/inlineXBRL'><body>"
            "<div style='display: none'><ix:header><ix:hidden>0001234567 FY 2026 false</ix:hidden></ix:header></div>"
            "<p hidden>draft note</p><p>Revenue was $<ix:nonFraction name='us-gaap:Revenues' scale='6'>1,204"
            "</ix:nonFraction> million in 2026.</p></body></html>")
    (tmp_path / "acme-20261231.html").write_text(page, "utf-8")
    text = extract(tmp_path / "acme-20261231.html").text
    assert "0001234567" not in text and "draft" not in text
    assert "Revenue was $1,204 million in 2026." in text


def test_a_filings_file_name_tab_is_no_title_and_its_filer_in_capitals_is(tmp_path):
    from gpumkt.ingest.corpus import load_documents

    page = ("<html><head><title>acme-20261231</title></head><body><p>UNITED STATES</p>"
            "<p>SECURITIES AND EXCHANGE COMMISSION</p><p>FORM 10-K</p><p>ACME CLOUD, INC.</p>"
            "<p>Revenue was $1,204 million in 2026.</p></body></html>")
    (tmp_path / "acme-20261231.html").write_text(page, "utf-8")
    doc = load_documents(tmp_path)[0]
    assert "acme-20261231" not in doc.text
    assert doc.title == "ACME CLOUD, INC."


def test_a_footnotes_superscript_number_does_not_run_into_the_figure_before_it(tmp_path):
    page = ("<html><body><p>Output rose 7.5 percent.<sup>1</sup> Nine sites are in Zone 4.<sup><a href='#f2'>2</a></sup>"
            " Each hall is 1,200 m<sup>2</sup>; the 3<sup>rd</sup> phase adds 10<sup>9</sup> operations.</p>"
            "<table><tr><td>Cap (units)<sup>3</sup></td><td>24.0</td></tr></table></body></html>")
    (tmp_path / "rule.html").write_text(page, "utf-8")
    text = extract(tmp_path / "rule.html").text
    assert "7.5 percent. Nine sites are in Zone 4. Each hall" in text  # no "percent.1", no "Zone 4.2"
    assert "1,200 m2" in text and "3rd phase" in text and "109 operations" in text  # exponents and ordinals stay
    assert "| Cap (units) | 24.0 |" in text


def test_a_portal_pages_heading_is_its_title_below_a_long_menu(tmp_path):
    from gpumkt.ingest.corpus import load_documents

    menu = "".join(f"<li><a>栏目{i}</a></li>" for i in range(12))
    page = ("<html><head><title>甲市算力中心设备采购中标公告_结果公告_甲市政府采购网</title></head><body>"
            "<div>欢迎访问甲市政府采购网！今天是：2025年11月14日 供应商登录 | 专家登录 | 移动版</div>"
            f"<ul>{menu}</ul><h1>甲市算力中心设备采购中标公告</h1><p>包1中标金额为8,193.60万元。</p></body></html>")
    (tmp_path / "award.html").write_text(page, "utf-8")
    doc = load_documents(tmp_path)[0]
    assert doc.title == "甲市算力中心设备采购中标公告_结果公告_甲市政府采购网"
    (tmp_path / "award.html").write_text(page.replace("<h1>甲市算力中心设备采购中标公告</h1>", "<h1>中标公告</h1>"), "utf-8")
    assert load_documents(tmp_path)[0].title == "甲市算力中心设备采购中标公告_结果公告_甲市政府采购网"
    (tmp_path / "award.html").write_text(page.replace("<h1>甲市算力中心设备采购中标公告</h1>", "<h1>乙公告</h1>"), "utf-8")
    assert load_documents(tmp_path)[0].title == "乙公告"  # a tab title that does not extend it: the heading


def test_a_row_of_empty_cells_is_no_title():
    from gpumkt.ingest.extract import title_of

    assert title_of("|  |  |  |\n\n# Acme Q3 call\n\nText.") == "Acme Q3 call"


def test_a_filing_speaking_of_itself_is_about_its_company_not_the_peer_before(tmp_path):
    text = ("甲乙算力科技股份有限公司（以下简称“甲乙算力”）\n\n" + "公司主要从事算力租赁业务。\n\n" * 60 +
            "同行业可比公司中，丙丁科技（300947）折旧年限为4年。若公司按3年计提折旧，2024年度折旧额将增加24,136.72万元。\n")
    facts, _ = _facts_of_text(text)
    fact = next(f for f in facts if f.text == "24,136.72万元")
    assert fact.entity != "丙丁科技" and "甲乙" in fact.entity


def _facts_of_text(text: str):
    from gpumkt.ingest.corpus import Document

    doc = Document("acme_reply.txt", "甲乙算力 问询函回复", text, "0" * 64)
    names = mining.mine_names([text])
    return build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], names), doc


def test_a_tenders_lot_number_is_no_figure():
    facts, _ = _facts_of_text("包3（机房空调）流标，预算金额为612.50万元。Lot 4 was awarded for RMB 7.25 million.\n")
    assert [f.text for f in facts if f.value in (3, 4)] == []
    assert any(f.text.startswith("612.50") for f in facts)


def test_a_hyphenated_term_is_a_duration():
    facts, _ = _facts_of_text("甲乙算力科技股份有限公司\n\nThe pumps carry a 7-year warranty, and filters 2 years.\n")
    assert {f.text: f.quantity for f in facts} == {"7": "duration", "2": "duration"}


def test_a_name_said_as_the_cause_is_not_whose_figure_it_is():
    from gpumkt.ingest.report_periods import report_year

    # The customers a company benefits from are not what its revenue is about; "全年" in a year's
    # sustainability report is that year.
    text = ("甲乙算力科技股份有限公司（股票代號：6699）　2024年永續報告書\n\n" + "公司主要從事伺服器製造。\n\n" * 40 +
            "受惠於Microsoft加大採購，本公司全年營業額達新台幣1,234億元；"
            "本期淨利新台幣56.7億元，每股盈餘新台幣12.34元。\n")
    facts, _ = _facts_of_text(text)
    got = {f.text: f for f in facts}
    assert all("甲乙" in got[t].entity for t in ("新台币1,234亿元", "新台币56.7亿元", "新台币12.34元"))
    assert got["新台币1,234亿元"].period == "2024"
    assert report_year("Acme Cloud Sustainability Report 2025") == "2025"


def test_a_margin_over_a_benchmark_rate_is_the_interest_rate():
    facts, _ = _facts_of_text("Acme Cloud, Inc. (ACME)\n\nSales growth slowed. Its revolving facility bears "
                              "interest at SOFR plus 275 basis points. 一年期LPR加50个基点。\n")
    got = {f.text: f.metric for f in facts}
    assert got["275 basis points"] == got["50个基点"] == "利率"
