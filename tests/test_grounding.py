"""Question record, periods, the fact layer on all five reports, English reading, the scorer."""

import pytest

from gpumkt.answer import fitting
from gpumkt.answer.question import build
from gpumkt.config import ROOT
from gpumkt.ingest.chunking import chunk_document
from gpumkt.ingest.corpus import load_documents
from gpumkt.ingest.extract import title_of
from gpumkt.ingest.facts import build_facts
from gpumkt.ingest.units import units
from gpumkt.lang import mining, vocab
from gpumkt.lang.numbers import render
from gpumkt.lang.period_keys import agrees
from gpumkt.lang.periods import periods
from gpumkt.lang.text import normalise, sentence_spans
from gpumkt.measure import scoring
from gpumkt.records import Document, Evidence
from gpumkt.search.lexical import expand_query, tokenize


@pytest.fixture(scope="module")
def corpus():
    docs = load_documents(ROOT / "seeds")
    names = mining.mine_names([d.text for d in docs])
    unit_list = [u for d in docs for c in chunk_document(d) for u in units(c, d.text)]
    return {d.source: d for d in docs}, names, build_facts(unit_list, names)


@pytest.mark.parametrize("text,expected", [
    ("2025年第二季度营收12亿美元", ["2025q2"]), ("Q3 FY25 revenue", ["2025q3"]),
    ("the third quarter of fiscal 2025", ["2025q3"]), ("2025年上半年", ["2025h1"]),
    ("fiscal 2024 revenue", ["2024"]), ("2020亿美元", []), ("2q25 and h1 2024", ["2025q2", "2024h1"]),
    ("2024年约20亿美元，2025年TTM 35.3亿美元", ["2024", "2025"]), ("共1,2025台", []),
    ("three months ended June 30, 2025", ["2025q2"]), ("截至2025年6月底", ["2025q2"]),
    ("April-June 2025", ["2025q2"]), ("2025年4月至6月", ["2025q2"]), ("2025年7月15日", ["2025-07"]),
    ("May 5, 2025", ["2025-05"]), ("截至2024年底", ["2024e"]), ("backlog at the end of 2024", ["2024e"]),
    ("net cash $2.1b at ye24", ["2024e"]), ("sites at ye 2023", ["2023e"]),
    ("2024全年的利息支出", ["2024y"]), ("full-year 2024 revenue", ["2024y"]),
    ("six months ended June 30, 2025", ["2025h1"]), ("Six Months Ended Dec 31, 2024", ["2024h2"]),
    ("twelve months ended December 31, 2024", ["2024"]),
    # the first nine months are no third quarter; a half written after its year, or by its months
    ("2025年前三季度营收", ["2025m9"]), ("前三季度", ["m9"]), ("2026财年前九个月的现金流", ["2026m9"]),
    ("2025年前十个月", ["2025m10"]), ("nine months ended September 30, 2025", ["2025m9"]),
    ("first nine months of 2025", ["2025m9"]), ("2025年1-9月", ["2025m9"]), ("三季度", ["q3"]),
    ("2025H1", ["2025h1"]), ("2025年1-6月", ["2025h1"]), ("2025年7-12月", ["2025h2"]),
    # a month (a day that ends no quarter is its month's); a fiscal year's quarter; quarters run together
    ("2025年9月的月营收", ["2025-09"]), ("revenue for September 2025", ["2025-09"]), ("On 30 June 2025", ["2025q2"]),
    ("2026财年第一季度", ["2026q1"]), ("1-3Q25", ["2025m9"]), ("Q1-Q2 2025", ["2025h1"]),
])
def test_periods(text, expected):
    assert periods(normalise(text)) == expected


def test_period_agreement():
    assert agrees("2025q2", ["2025q2"]) == "match"
    assert agrees("2025q1", ["2025q2"]) == "conflict"
    assert agrees("2023", []) == "unknown"
    # a whole year, or its end, is not met by one of its quarters; the end of a year is by Q4
    assert agrees("2024y", ["2024q2"]) == agrees("2024e", ["2024q2"]) == "conflict"
    assert agrees("2024e", ["2024"]) == agrees("2024e", ["2024q4"]) == agrees("2024", ["2024y"]) == "match"
    assert agrees("2025m9", ["2025q3"]) == agrees("2025q3", ["2025m9"]) == "conflict"


@pytest.mark.parametrize("question,language,kind", [
    ("CoreWeave 2025年第二季度营收是多少?", "zh-Hans", "money"),
    ("CoreWeave 的客戶集中度是多少？", "zh-Hant", "pct"),
    ("What was CoreWeave's revenue in Q2 2025?", "en", "money"),
    ("How many data centers does CoreWeave run?", "en", "count"),
    ("When did CoreWeave go public?", "en", "year"),
    ("Tell me NVIDIA's market share", "en", "pct"),
    ("List the rivals CoreWeave names", "en", ""),
    ("Is it true that Modal raised $32 million?", "en", "yesno"),
    ("Why did CoreWeave's gross margin fall?", "en", "text"),
    ("CoreWeave 的營收增長主要靠什麼帶動？", "zh-Hant", "text"),
    ("Which product line would fill NVIDIA's revenue gap?", "en", "text"),
    ("CoreWeave 在哪个季度营收首次超过10亿美元？", "zh-Hans", "year"),
])
def test_question_record_openings_and_scripts(corpus, question, language, kind):
    _, names, _ = corpus
    q = build(question, names)
    assert q.language == language and q.answer_kind == kind
    assert q.entities, "the company is recognised in every script and opening"


def test_question_record_fields(corpus):
    _, names, _ = corpus
    q = build("輝達 2025年第二季度的營收和毛利率分別是多少？", names)
    assert [m.key for m in q.entities] == ["nvidia"]
    assert {m.key for m in q.metrics} == {"营收", "毛利率"} and q.periods == ("2025q2",)
    assert len(q.parts) == 2 and all(p.entities and p.periods for p in q.parts)


def test_unknown_names_are_noticed(corpus):
    _, names, _ = corpus
    known = frozenset(["coreweave", "营收"])
    assert build("Vultr的营收是多少？", names, known=known).unknown == ("vultr",)
    assert build("CoreWeave的营收是多少？", names, known=known).unknown == ()
    # A Chinese name the question opens with: unknown when no report uses it, else required
    assert build("海星科技2025年营收是多少？", names, known=known).unknown == ("海星科技",)
    known = known | {"海星"}
    q = build("海星2025年营收是多少？", names, known=known)
    assert q.unknown == () and q.lead == ("海星",)
    assert build("那家平台2025年的营收是多少？", names, known=known).lead == ()


def test_names_are_mined_from_the_reports(corpus):
    _, names, _ = corpus
    nvidia = next(g for g in names if g.key == "nvidia")
    assert {"辉达", "英伟达"} <= set(nvidia.forms)
    assert any(g.key == "coreweave" for g in names) and any(g.key == "h100" for g in names)


def _find(facts, docs, source_prefix, text):
    for f in facts:
        if f.source.startswith(source_prefix) and f.text == text:
            assert docs[f.source].text[f.start:f.end] or f.start < f.end
            return f
    raise AssertionError(f"no fact {text} in {source_prefix}")


def test_prose_facts_get_entity_metric_period_and_exact_spans(corpus):
    docs, _, facts = corpus
    f = _find(facts, docs, "002", "12亿美元")
    assert (f.entity, f.metric, f.period, f.quantity) == ("coreweave", "营收", "2025q2", "money")
    assert docs[f.source].text[f.start:f.end] == "12亿美元"
    capex = _find(facts, docs, "002", "29亿美元")
    assert capex.metric == "资本开支"  # the nearest metric before it, not the sentence's first
    growth = _find(facts, docs, "002", "207%")
    assert growth.metric == "增长率" and growth.quantity == "pct"


def test_traditional_and_pdf_reports_give_facts(corpus):
    docs, _, facts = corpus
    f = _find(facts, docs, "004", "19.15億美元".replace("億", "亿"))
    assert f.entity == "coreweave" and f.period == "2024" and f.quantity == "money"
    assert any(f.source.startswith("003") and f.entity == "nvidia" for f in facts)


def test_table_rows_and_chart_values_give_facts(corpus):
    docs, _, facts = corpus
    table = [f for f in facts if docs[f.source].text[f.sent_start:f.sent_end].lstrip().startswith("|")]
    assert any(f.text == "873.2亿美元" and f.metric == "市场规模" and f.period == "2024" for f in table)
    assert any(f.quantity == "pct" and f.metric == "年复合增长率" for f in table)
    chart = [f for f in facts if "line [" in docs[f.source].text[f.sent_start:f.sent_end]]
    assert chart and all(f.period for f in chart), "each chart point carries its x-axis year"
    pie = [f for f in facts if f.source.startswith("000") and "pie" in docs[f.source].text[f.sent_start - 80:f.sent_start]]
    assert any(f.entity == "coreweave" and f.text == "456亿美元" for f in facts)
    assert all(f.quantity == "pct" for f in pie)


FLAT = """Results
($ in millions, except percentages)
                              Q3 FY25   Q2 FY25   Q3 FY24   Q/Q   Y/Y
Revenue                       $1,234    $1,100    $987      12%   25%
"""


def test_flattened_table_is_read_back_into_facts():
    doc = Document("x.txt", "Results", FLAT, "0")
    chunks = chunk_document(doc)
    table = [c for c in chunks if c.kind == "table"]
    assert len(table) == 1 and "Q3 FY25: $1,234" in table[0].readable
    facts = build_facts([u for c in chunks for u in units(c, FLAT)], [])
    assert [(f.period, f.value) for f in facts if f.quantity == "money"] == [
        ("2025q3", 1.234e9), ("2025q2", 1.1e9), ("2024q3", 9.87e8)]
    assert [f.value for f in facts if f.quantity == "pct"] == [12, 25]
    assert all(f.metric == "营收" for f in facts)


BROKER = """表2：Acme关键财务指标
(百万美元)
2Q24A 2Q25A 2025E
营业收入 -- 1,200 5,260
同比增速 -- 207% --
利息支出 67 267 --
"""


def test_a_single_spaced_broker_table_is_read_with_its_periods_unit_and_estimates():
    doc = Document("x.txt", "Acme", BROKER, "0")
    chunks = chunk_document(doc)
    names = mining.mine_names(["见Acme"])
    facts = build_facts([u for c in chunks for u in units(c, BROKER)], names)
    got = [(f.metric, f.period, f.value, f.qualifier) for f in facts]
    assert ("营收", "2025q2", 1.2e9, "") in got and ("营收", "2025", 5.26e9, "forecast") in got
    assert ("利息支出", "2024q2", 6.7e7, "") in got
    assert [f.text for f in facts if f.quantity == "pct"] == ["207%"]  # the revenue's growth, row below
    assert "2" not in [f.text for f in facts]  # "2Q24A" is a period, not the figure 2
    assert all(f.entity == "acme" for f in facts)


def test_a_line_wrapped_mid_word_is_read_joined_and_a_joint_figure_is_no_ones():
    text = "Acme本季调整后营业利\n润2亿美元。Acme、Bolt与Cargo三家合计握有63%份额，Cargo单独占13%。"
    doc = Document("x.txt", "季报", text, "0")
    names = mining.mine_names(["见Acme、Bolt与Cargo"])
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, text)], names)
    by_text = {f.text: f for f in facts}
    assert by_text["2亿美元"].metric == "调整后营业利润" or "利润" in by_text["2亿美元"].metric
    assert text[by_text["2亿美元"].start:by_text["2亿美元"].end] == "2亿美元"
    assert by_text["63%"].entity == "" and by_text["13%"].entity == "cargo"


FILING = """ACME HOLDINGS
QUARTERLY REPORT
Acme Holdings, Inc. | Form 10-Q | 7

RESULTS OF OPERATIONS

               Three Months Ended    Six Months Ended
             Jun 30, 2025  Jun 30, 2024  Jun 30, 2025  Jun 30, 2024
(In millions, except percentages)
Revenue            $  1,213  $  395  $  2,195  $  584
Costs and expenses:
  Cost of revenue       317       85       573      127

Cost of revenue increased $232 million, or 273%, for the three months ended June 30, 2025.

Acme Holdings, Inc. | Form 10-Q | 8

Acme Holdings, Inc. | Form 10-Q | 9
"""


def test_a_filing_table_reads_two_line_date_headers_a_unit_line_and_drops_running_footers():
    doc = Document("x.txt", "ACME HOLDINGS", FILING, "0")
    chunks = chunk_document(doc)
    assert not any("Form 10-Q" in c.text for c in chunks)  # a footer on every page is no passage
    names = mining.mine_names([FILING + "Acme sells chips."])
    assert not {"results", "quarterly", "report"} & {g.key for g in names}  # an upper-case heading names no one
    facts = build_facts([u for c in chunks for u in units(c, FILING)], names)
    got = {(f.metric, f.period, f.value) for f in facts}
    assert ("营收", "2025q2", 1.213e9) in got and ("营收", "2025h1", 2.195e9) in got
    assert ("成本", "2024h1", 1.27e8) in got
    moved = next(f for f in facts if f.value == 2.32e8)
    assert moved.qualifier == "change"  # the amount the cost moved by, not the cost


TW_TABLE = """表三：供應鏈產值預估
單位：新台幣億元
                     2024E      2025F      2026F
伺服器機櫃組裝
（L10-L11整機）       9,850     15,400     21,300
三大業者資本支出合計逾3,000億美元，Acme約1,000億美元。
Acme計畫2026年投入200億至 230億美元擴建資料中心，約為預期營收的四倍。
"""


def test_a_wrapped_row_label_a_currency_in_the_unit_line_and_a_counted_group():
    doc = Document("x.txt", "報告", TW_TABLE, "0")
    chunks = chunk_document(doc)
    assert any("伺服器機櫃組裝（L10-L11整機）" in c.readable for c in chunks if c.kind == "table")
    names = mining.mine_names(["見Acme"])
    facts = build_facts([u for c in chunks for u in units(c, TW_TABLE)], names)
    cell = next(f for f in facts if f.text == "15,400")
    assert (cell.value, cell.currency, cell.period, cell.qualifier) == (1.54e12, "twd", "2025", "forecast")
    assert render(cell.value, "money", "twd", "zh-Hant") == "新台币1.54万亿元"
    by_text = {f.text: f for f in facts}
    assert by_text["3,000亿美元"].entity == "" and by_text["1,000亿美元"].entity == "acme"
    assert {by_text[t].metric for t in ("200亿", "230亿美元")} == {"资本开支"}  # spent, not the revenue after it


WEB = """<style>
.post{font-size:16px;line-height:1.8}
</style>
[首页](https://news.example.com/) | [科技](https://news.example.com/tech/2025)
# Acme云季度观察
![封面图](https://img.example.com/2025/08/cover-1200x630.png)
Acme云第二季度营收为3.4亿美元，同比增长58%（详见[财报](https://ir.example.com/q2-2025.pdf)）。
- [Acme融资5亿美元的幕后](https://news.example.com/a/20250801)
"""


def test_web_page_markup_gives_no_title_passages_or_figures():
    doc = Document("w.md", title_of(WEB), WEB, "0")
    assert doc.title == "Acme云季度观察"
    assert title_of("首页 > 科技 > 正文\n作者：林舟 | 2025年9月15日\n# Acme云季度观察\n正文") == "Acme云季度观察"
    assert title_of("Acme年报\n" + "正文很长。" * 20 + "\n# 第一章\n") == "Acme年报"  # a chapter is no title
    # a filing's upper-case cover block is the form's; the filer's name line is the title
    assert title_of("UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nFORM 10-Q\n\nAcme Holdings, Inc.\n") == \
        "Acme Holdings, Inc."
    chunks = chunk_document(doc)
    assert [c.kind for c in chunks] == ["text"] and chunks[0].text.startswith("Acme云第二季度")
    facts = build_facts([u for c in chunks for u in units(c, WEB)], [])
    assert [f.text for f in facts] == ["3.4亿美元", "58%"]
    assert all(WEB[f.start:f.end] == f.text for f in facts)


def test_english_sentences_split_right():
    text = ("CoreWeave, Inc. reported revenue of $1.2 billion, up 207% vs. a year ago in the U.S.\n"
            "market. Backlog grew to\n$30.1 billion. Q3 FY25 looks strong.")
    got = [text[a:b].replace("\n", " ") for a, b in sentence_spans(text)]
    assert got == ["CoreWeave, Inc. reported revenue of $1.2 billion, up 207% vs. a year ago in the U.S. market.",
                   "Backlog grew to $30.1 billion.", "Q3 FY25 looks strong."]


def test_glossary_expansion_and_stemming():
    expanded = expand_query("数据中心 营收")
    assert "data center" in expanded and "revenue" in expanded
    assert "营收" in expand_query("revenues")
    assert tokenize("revenues h100 nvda") == ["revenu", "h100", "nvda"]


def test_figures_are_converted_for_the_asker():
    assert render(1.23e10, "money", "usd", "zh-Hans") == "123亿美元"
    assert render(1.23e10, "money", "usd", "en") == "$12.3 billion"
    assert render(1.2e9, "money", "usd", "zh-Hant") == "12亿美元"  # script is applied to the whole answer


class Rec:
    def __init__(self, answer, refused=False, fallback=False, conflicts=()):
        self.answer, self.refused, self.fallback, self.conflicts = answer, refused, fallback, list(conflicts)


class Q:
    def __init__(self, facts, type="number", question="?"):
        self.facts, self.type, self.question = facts, type, question


def test_scorer_on_hand_made_records():
    q = Q([["12亿美元", "$1.2 billion"]])
    assert scoring.score(q, Rec("营收为12億美元[1]。"), False)["right"]
    assert scoring.score(q, Rec("Revenue was $1.2 billion [1]."), False)["right"]
    wrong = scoring.score(q, Rec("营收为10.8亿美元[1]。"), False)
    assert not wrong["right"] and wrong["wrong_figure"]
    assert not scoring.score(q, Rec("报告没有。", refused=True), False)["wrong_figure"]
    una = Q([], type="unanswerable", question="CoreWeave 2023年营收?")
    assert scoring.score(una, Rec("2023年营收为12亿美元"), False)["wrong_figure"]
    assert not scoring.score(una, Rec("The reports don't say.", refused=True), True)["wrong_figure"]
    assert scoring.values("2025年营收$1,213 million, 62%") == [(1.213e9, False), (62.0, True)]


def test_figures_written_in_words_are_checked_too():
    from gpumkt.answer.check import misattributed
    from gpumkt.records import Fact

    q2 = Fact("f", "002.txt", "c", "12亿美元", 1.2e9, "money", "usd", "coreweave", "营收", "2025q2", 0, 1, 0, 1)
    assert misattributed("营收为十二亿美元[1]。", [q2], []) == []
    assert misattributed("营收为十亿美元[1]。", [q2], []) != []
    assert misattributed("占三成", [], []) == ["30%"]


def test_compound_metric_takes_its_kind_from_its_head(corpus):
    _, names, _ = corpus
    assert build("CoreWeave Q2 2025营收年增长率是多少?", names).answer_kind == "pct"
    assert build("What was CoreWeave's revenue growth rate?", names).answer_kind == "pct"
    assert build("CoreWeave 2025年第二季度营收是多少?", names).answer_kind == "money"


def test_words_no_report_uses_do_not_count_against_a_passage(corpus):
    _, names, _ = corpus
    q = build("Modal 在2023年A輪之前身價多少？", names, known=frozenset(["之前", "modal"]))
    assert "身价" not in q.words and "之前" in q.words


def test_figure_takes_the_nearest_metric_of_its_own_kind(corpus):
    docs, _, facts = corpus
    expected = _find(facts, docs, "002", "10.8亿美元")  # "年增长率高达207%,大幅超过市场预期的10.8亿美元"
    assert expected.metric == "营收"


def test_list_item_does_not_take_its_sibling_company(corpus):
    doc = Document("x.md", "Together AI", "# Together AI\n\n- 合作: 与Dell、Meta合作\n- 融资: 总计5.335亿美元\n", "0")
    names = mining.mine_names([doc.text])
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], names)
    assert [f.entity for f in facts if f.text == "5.335亿美元"] == ["together ai"]


def test_words_capitalised_only_at_a_line_start_are_not_names():
    text = "Overview\nPage 1 of 3\nRevenue grew at CoreWeave, said Michael Intrator in December.\n"
    keys = {g.key for g in mining.mine_names([text])}
    assert {"coreweave", "michael", "intrator"} <= keys
    assert not keys & {"overview", "page", "revenue", "december"}


def test_a_figure_without_the_period_asked_is_a_near_miss(corpus):
    from gpumkt.answer import gate
    from gpumkt.records import Chunk

    _, names, _ = corpus
    text = "未来5年AI基础设施市场规模将达到3-4万亿美元。"
    chunk = Chunk("x-000", "x.md", "AI基础设施", 0, len(text), text, normalise(text))
    unit = units(chunk, text)[0]
    q = build("全球AI基础设施市场到2035年的规模预计是多少？", names)
    judged = gate.judge(q, unit, build_facts([unit], names), 0.45, 1.0, names)
    assert judged.period == "unknown" and not judged.answers
    from gpumkt.answer import coverage
    assert coverage._chars_cover("成立", "创立时间:2022年") == 0.25


def test_chart_title_unit_gives_chart_values_a_scale_and_currency():
    from gpumkt.ingest.facts import table_unit

    assert table_unit("全球服务器出货额 (十亿美元)") == (1e9, "usd")
    assert table_unit("($ in millions, except percentages)") == (1e6, "usd")
    assert table_unit("员工人数 (千人)") == (1e3, "")
    assert table_unit("季度营收对比") == (1.0, "")


def test_a_span_of_time_is_a_duration_not_a_bare_number():
    doc = Document("x.md", "Acme", "# Acme\n\nAcme的租约期限一般为3年，部署周期约6个月，2024年营收8亿美元。\n", "0")
    names = mining.mine_names([doc.text])
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], names)
    kinds = {f.text: f.quantity for f in facts}
    assert kinds["3"] == "duration" and kinds["6"] == "duration" and kinds["8亿美元"] == "money"


def test_a_label_number_is_no_figure_but_a_count_after_daibiao_is():
    doc = Document("x.md", "Acme", "# Acme\n\n见表3，Acme代表12家厂商签约。\n", "0")
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], [])
    assert [f.text for f in facts] == ["12"]


@pytest.mark.parametrize("question,kind", [
    ("Acme的租约一般签多久？", "duration"), ("How long are Acme's leases?", "duration"),
    ("Acme的收入中有多少来自海外？", "pct"), ("How much of Acme's revenue comes from Europe?", "pct"),
    ("Acme的营收是多少？", "money"), ("Acme的利息支出增长到了多少？", "money"),
    ("What did Acme's interest expense grow to?", "money"), ("Acme的营收增长率是多少？", "pct"),
    ("有多少家公司来自中国？", "count"), ("Acme现有电力是多少兆瓦？", "power"), ("Acme做研发的人手有多少？", "count"),
    ("Which big customer pays Acme the most?", "name"), ("Acme收购的那家公司叫什么名字？", "name"),
    ("What is the name of the chip Acme bought?", "name"), ("Acme的投资预计几年可以回本？", "duration"),
    ("Acme签约后多少个月能上线？", "duration"),
    ("Which year-over-year growth rate did Acme post?", "pct"),
    ("What quarter-on-quarter revenue growth does Acme guide?", "pct"), ("In what quarter did Acme turn a profit?", "year"),
    ("By what multiple did Acme's revenue rise?", "mult"),
    ("What debt to EBITDA multiple did the rating report give Acme?", "mult"), ("Acme的EBITDA利息保障倍数是多少？", "mult"),
    ("Do buyers use multiple GPU clouds?", "yesno"),
    ("Acme给出的2026财年非GAAP营业利润率指引是多少？", "pct"),  # guidance of a margin: a margin
    ("Acme二零二四年的本公司擁有人應佔溢利是多少？", "money"),  # 应占 (attributable): no share asked
    ("Acme的营收增长了几倍？", "mult"), ("What was Acme's price per share at listing?", "money"),
    ("What was Acme's backlog when the year ended?", "money"),
    ("How much did Acme's revenue run-rate reach?", "money"),
    ("Acme的品牌价值多少？", "money"), ("What is NVIDIA's stake in Acme worth?", "money"),
    ("On what date did Acme open its first site?", "year"), ("Acme是哪一天发布新芯片的？", "year"),
    ("Acme几月几号公布财报？", "year"),
    ("Acme的开发者社群规模有多大？", "count"), ("What is the size of Acme's developer community?", "count"),
])
def test_answer_kind_for_time_spans_and_parts_of_a_whole(corpus, question, kind):
    _, names, _ = corpus
    assert build(question, names).answer_kind == kind


def test_model_number_glued_to_gpu_is_still_named():
    import re

    assert re.search(vocab.form_pattern("h100"), "管理超过1万块h100gpu构成的集群")
    assert not re.search(vocab.form_pattern("h100"), "h100x")


def test_wrapped_lines_are_not_cut_into_two_chunks_mid_sentence():
    sentence = "Spending rose again as the company added capacity\nacross several new sites in the quarter."
    text = "Report\n\n" + "\n".join([sentence] * 12) + "\n"
    chunks = chunk_document(Document("x.txt", "Report", text, "0"))
    assert len(chunks) > 1 and all(c.text.rstrip().endswith(".") for c in chunks)


def test_a_passage_that_names_one_period_gives_it_to_its_sentences(corpus):
    from gpumkt.answer import gate
    from gpumkt.records import Chunk

    _, names, _ = corpus
    q = build("Acme 2024年的毛利率是多少？", names)
    for text, expected in (("2024年Acme继续扩张产能。新工厂投产。其毛利率为40%。", "match"),
                           ("2023年Acme亏损，2024年扭亏。新工厂投产。其毛利率为40%。", "unknown")):
        chunk = Chunk("x-000", "x.md", "Acme", 0, len(text), text, normalise(text))
        unit = units(chunk, text)[-1]
        assert gate._period(q, unit) == expected


def test_function_words_are_not_content_words(corpus):
    _, names, _ = corpus
    q = build("如果改用Acme的服务，虽然价格已经下降，每小时的价格是多少？", names)
    assert not {"如果", "虽然", "已经"} & set(q.words)
    assert "截至" not in build("截至去年底，Acme的现金有多少？", names).words  # "as of" dates, it does not ask


def test_an_amount_is_never_attached_to_a_rate_metric():
    doc = Document("x.md", "Acme", "# Acme\n\n增长迅速，市场将从2023年的31亿美元扩大到2030年的90亿美元。\n", "0")
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], [])
    assert [(f.text, f.metric) for f in facts if f.quantity == "money"] == [("31亿美元", ""), ("90亿美元", "")]


def test_a_region_asked_must_be_named_by_the_passage(corpus):
    from gpumkt.answer import gate
    from gpumkt.records import Chunk

    _, names, _ = corpus
    q = build("欧洲占GPU云市场多少份额？", names)
    assert [m.key for m in q.places] == ["欧洲"] and "欧洲" not in q.words
    assert [m.key for m in build("What share of the market does Europe hold?", names).places] == ["欧洲"]
    for text, placed in (("北美占34%市场份额。", False), ("歐洲占21%市場份額。", True)):
        chunk = Chunk("x-000", "x.md", "GPU云", 0, len(text), text, normalise(text))
        unit = units(chunk, text)[0]
        assert gate.judge(q, unit, build_facts([unit], names), 0.45, 1.0, names).placed is placed


def test_across_languages_a_word_in_the_units_own_script_must_be_in_it(corpus):
    _, names, _ = corpus
    q = build("Acme 的 Tulsa 园区有多少兆瓦？", names)
    assert "tulsa" in q.words
    assert not _judge_text(q, "Acme's Boise campus has 60 MW.", names).placed
    assert _judge_text(q, "Acme's Tulsa campus has 24 MW.", names).placed


def _judge_text(q, text, names, sim=0.45):
    """The gate on one sentence, as close to the question in meaning as most passages found
    (0.45: below the similarity at which meaning alone stands in for shared words)."""
    from gpumkt.answer import gate
    from gpumkt.records import Chunk

    chunk = Chunk("x-000", "x.md", "Acme 概况", 0, len(text), text, normalise(text))
    unit = units(chunk, text)[0]
    return gate.judge(q, unit, build_facts([unit], names), sim, 1.0, names)


def test_a_year_question_needs_some_echo_of_the_event_asked(corpus):
    _, names, _ = corpus
    q = build("Lambda Labs 是哪一年设立的？", names, known={"lambda", "labs", "创立"})
    assert q.answer_kind == "year" and q.loose == ("设立",) and not q.words
    assert _judge_text(q, "Lambda Labs 创立时间：2012年。", names).answers
    assert not _judge_text(q, "Lambda Labs 估值：25亿美元（2025年2月）。", names).answers


def test_a_version_after_a_name_must_be_the_one_asked(corpus):
    from gpumkt.answer.asked import version_after

    _, names, _ = corpus
    assert (version_after("llama 3 参数", 5), version_after("nvidia 3月", 6), version_after("h100 80gb", 4)) == ("3", "", "")
    q = build("How many parameters does Llama 3 have?", [vocab.Group("llama", ("llama",))])
    assert q.entities[0].version == "3"
    ok = _judge_text(q, "Llama 3 有700亿参数。", [vocab.Group("llama", ("llama",))])
    other = _judge_text(q, "Llama 2 有700亿参数。", [vocab.Group("llama", ("llama",))])
    assert ok.entity == 1.0 and other.entity == 0.0 and not other.answers


def test_the_opposite_word_of_the_field_is_a_near_miss(corpus):
    _, names, _ = corpus
    q = build("NVIDIA 在推理芯片市场的份额是多少？", names)
    assert q.contrasts and q.contrasts[0][0][0] == "推理"
    assert _judge_text(q, "NVIDIA 在训练芯片市场的份额为90%。", names).contrary
    assert not _judge_text(q, "NVIDIA 在推理芯片市场的份额为70%。", names).contrary
    assert not build("训练和推理的占比？", names).contrasts  # both sides asked: nothing to contrast


def test_labels_say_a_fact_in_the_askers_words(corpus):
    from gpumkt.answer.labels import Labels, period
    from gpumkt.records import Fact

    docs, names, _ = corpus
    labels = Labels(names, docs)
    fact = Fact("f", "x", "c", "12亿美元", 1.2e9, "money", "usd", "coreweave", "营收", "2025q2", 0, 1, 0, 1)
    assert labels.fact(fact, "en") == "CoreWeave revenue (Q2 2025): $1.2 billion"
    assert labels.fact(fact, "zh-Hans") == "CoreWeave营收（2025年第二季度）：12亿美元"
    expected = Fact("e", "x", "c", "10.8亿美元", 1.08e9, "money", "usd", "coreweave", "营收", "2025q2", 0, 1, 0, 1,
                    qualifier="forecast")
    assert labels.fact(expected, "en") == "CoreWeave expected revenue (Q2 2025): $1.08 billion"
    assert labels.fact(expected, "zh-Hans") == "CoreWeave预期营收（2025年第二季度）：10.8亿美元"
    assert (period("2024h1", "en"), period("2024", "zh-Hans"), period("q3", "zh-Hans")) == ("H1 2024", "2024年", "第三季度")
    low = Fact("g0", "x", "c", "3-", 3e12, "money", "usd", "nvidia", "市场规模", "", 5, 7, 0, 20)
    high = Fact("g1", "x", "c", "4万亿美元", 4e12, "money", "usd", "nvidia", "市场规模", "", 7, 12, 0, 20)
    ranged = Labels(names, docs, [low, high])
    assert ranged.fact(high, "en") == "NVIDIA market size: $3-4 trillion"
    assert ranged.fact(high, "zh-Hans").endswith("：3-4万亿美元")


def _judge_last(q, text, names, sim=0.45):
    """The gate on the text's last sentence, the ones before it its context."""
    from gpumkt.answer import gate
    from gpumkt.records import Chunk

    chunk = Chunk("x-000", "x.md", "Acme 概况", 0, len(text), text, normalise(text))
    unit = units(chunk, text)[-1]
    return gate.judge(q, unit, build_facts([unit], names), sim, 1.0, names)


def test_a_figure_said_of_a_list_of_names_is_not_one_members(corpus):
    _, names, _ = corpus
    text = "CoreWeave主攻头部客户，例如营收贡献超60%的微软、辉达、OpenAI、Google等。"
    member = _judge_text(build("Google 贡献了CoreWeave多少比例的营收？", names), text, names)
    assert member.entity == 0.2 and not member.answers
    each = "微软、Meta、Google分别贡献了CoreWeave营收的30%、20%、10%。"
    assert _judge_text(build("Google 贡献了CoreWeave多少比例的营收？", names), each, names).entity == 1.0


def test_a_context_shared_with_the_company_the_sentence_names_is_not_the_asked_ones(corpus):
    _, names, _ = corpus
    text = "微软和辉达都是CoreWeave的大客户。2023年4月，辉达向CoreWeave投资了1亿美元。"
    swapped = _judge_last(build("2023年4月微软向CoreWeave投资了多少钱？", names), text, names)
    assert swapped.entity == 0.0 and not swapped.answers
    assert _judge_last(build("2023年4月辉达向CoreWeave投资了多少钱？", names), text, names).answers


def test_month_and_day_of_a_date_are_no_figures_and_a_share_knows_its_whole(corpus):
    from gpumkt.records import Chunk

    _, names, _ = corpus
    text = "根据IDC在2025年7月发布的报告，3月28日上市的CoreWeave中，微软一家贡献62%营收。"
    chunk = Chunk("x-000", "x.md", "客户集中度", 0, len(text), text, normalise(text))
    facts = build_facts(units(chunk, text), names)
    assert [f.text for f in facts] == ["62%"]
    assert facts[0].share_of == "营收" and facts[0].entity == "microsoft"
    assert _judge_text(build("微软贡献了CoreWeave多少比例的营收？", names), text, names).figure


def _doc_facts(doc: Document):
    """The facts of one made-up document, with the names it pairs itself."""
    return build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], mining.mine_names([doc.text]))


def _periods(text: str) -> dict:
    """Figure as written -> the period its fact is given for, in a made-up document."""
    return {f.text: f.period for f in _doc_facts(Document("x.md", "Acme", text, "0"))}


def test_a_figure_takes_the_period_it_is_given_for_not_the_first_of_its_clause():
    period = _periods("# Acme\n\nAcme市场规模预计将从2023年的31.7亿美元增长到2032年的472.4亿美元。\n\n"
                   "Acme revenue was $1.21 billion in Q2 2025 compared with $395.4 million in Q2 2024.\n")
    assert period["31.7亿美元"] == "2023" and period["472.4亿美元"] == "2032"
    assert period["$1.21 billion"] == "2025q2" and period["$395.4 million"] == "2024q2"


def test_a_flowchart_node_takes_its_parent_nodes_label_as_context():
    block = ("```mermaid\ngraph TD\n    A[Acme市场分布] --> B[第二梯队 估值10-100亿美元]\n"
             "    B --> B1[Acme: 25亿美元]\n```\n")
    doc = Document("x.md", "Acme", "# Acme\n\n" + block, "0")
    facts = _doc_facts(doc)
    assert [(f.text, f.metric) for f in facts if f.text == "25亿美元"] == [("25亿美元", "估值")]


def test_the_years_of_a_chart_in_billions_are_periods_not_amounts():
    block = ('```mermaid\nxychart-beta\n    title "Acme市场规模预测 (十亿美元)"\n    x-axis [2024, 2025]\n'
             "    bar [82.68, 119.97]\n```\n")
    doc = Document("x.md", "Acme", "# Acme\n\n" + block, "0")
    facts = _doc_facts(doc)
    assert sorted((f.text, f.value, f.period) for f in facts) == [("119.97", 119.97e9, "2025"), ("82.68", 82.68e9, "2024")]


def test_a_page_footer_is_no_passage_and_no_chunk_spans_it():
    text = ("# Acme\n\nRevenue was $1.2 billion in Q2 2025.\n\nAcme, Inc. | Q2 2025 Commentary | Page 1 of 3\n\n"
            "Backlog stood at $30.1 billion.\n\n- 2 -\n")
    chunks = chunk_document(Document("x.md", "Acme", text, "0"))
    assert [c.text for c in chunks] == ["Revenue was $1.2 billion in Q2 2025.", "Backlog stood at $30.1 billion."]


def test_a_line_of_a_name_and_symbols_is_no_english_passage_for_a_chinese_question(corpus):
    _, names, _ = corpus
    q = build("Modal的首席财务官是谁?", names)
    assert _judge_text(q, "**Modal** ⭐⭐⭐⭐", names).cov == 0.0
    assert _judge_text(q, "Modal was founded by Erik Bernhardsson in 2021.", names).cov is None


def test_a_fallback_gives_dates_for_when_and_adds_to_the_names_asked(corpus):
    from gpumkt.answer.compose import extractive
    from gpumkt.answer.labels import Labels
    from gpumkt.lang.dates import dates

    docs, names, _ = corpus
    labels = Labels(names, docs)
    ev = Evidence(1, "x.md", "x-000", "Acme", "CoreWeave于2025年3月28日在纳斯达克上市，微软贡献了62%营收。", 0, 10, 1.0)
    assert extractive([ev], "en", True, (), labels, {}, "year") == "The passage [1] gives: March 28, 2025."
    said = extractive([ev], "en", False, (), labels, {}, "name", ("coreweave",))
    assert "Microsoft" in said and "CoreWeave" not in said
    assert dates("listed on Sept. 3, 2024; founded in 2017", "zh-Hant") == ["2024年9月3日", "2017年"]
    assert dates("Maybe the marching band", "en") == []


def test_title_case_headings_and_job_titles_are_not_names():
    text = ("**Revenue and Profitability**\n\nShares of AcmeCloud grew fast, said Chief Executive Officer Jane Doe,"
            " in its Form 10-Q filed before its Series C.\n")
    mined = {g.key for g in mining.mine_names([text])}
    assert "acmecloud" in mined and "doe" not in mined  # a person with a role speaks for a company, is none
    assert not mined & {"profitability", "chief", "executive", "officer", "form", "series"}


def test_an_answer_of_citations_alone_falls_back():
    from gpumkt.answer.check import Checked
    from gpumkt.answer.compose import fallback_reason

    assert fallback_reason(Checked("[3]", [3]), False, "List the investors backing Acme.")
    assert fallback_reason(Checked("NVIDIA and AMD [3].", [3]), False, "List the investors backing Acme.") == ""
    assert fallback_reason(Checked("Evidence: [3]", [3]), False, "List the investors backing Acme.")
    # a name question answered with the asked company itself says nothing new
    assert fallback_reason(Checked("除了Acme，辉达还投资了NVIDIA[2]。", [2]), False,
                           "除了Acme，辉达还投资了哪一家？", ["辉达", "NVIDIA", "Acme"])
    assert fallback_reason(Checked("除了Acme，辉达还投资了Bolt[2]。", [2]), False,
                           "除了Acme，辉达还投资了哪一家？", ["辉达", "NVIDIA", "Acme"]) == ""


def test_a_table_rows_unit_gives_its_cells_their_kind():
    text = ("Operating metrics\n\n($ in billions, except where noted)\nQ2 2025     Q1 2025     Y/Y\n"
            "Revenue backlog     $30.1     $25.9     86%\nActive power (MW)     470     420     81%\n"
            "Data centers (count)     33     28     18%\n")
    doc = Document("x.txt", "Acme", text, "0")
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, doc.text)], [])
    kinds = {(f.text, f.quantity, f.value) for f in facts}
    assert {("470", "power", 470), ("33", "count", 33), ("$30.1", "money", 30.1e9), ("81%", "pct", 81)} <= kinds


def test_a_figure_held_together_is_the_groups_and_a_growth_rate_is_no_share(corpus):
    _, names, _ = corpus
    q = build("What share of the cloud market did Microsoft Azure hold?", names)
    text = "Amazon Web Services, Microsoft Azure and Google Cloud together held 63% of that market."
    assert _judge_text(q, text, names).entity == 0.2
    assert not _judge_text(build("微软Azure占比多少？", names), "微软Azure营收增长率高达39%。", names).facts
    assert _judge_text(build("微软Azure增速多少？", names), "微软Azure营收增长率高达39%。", names).facts


def test_a_pie_charts_values_are_shares_of_its_title_not_of_its_heading():
    block = '```mermaid\npie title "Acme需求分布"\n    "Acme" : 20.2\n    "Other" : 79.8\n```\n'
    doc = Document("x.md", "Acme", "# Acme\n\n## 增长驱动因素\n\n" + block, "0")
    facts = _doc_facts(doc)
    assert [(f.text, f.quantity, f.metric) for f in facts if f.text == "20.2"] == [("20.2", "pct", "")]


def test_guidance_asked_is_not_met_by_an_outcome(corpus):
    _, names, _ = corpus
    q = build("CoreWeave对2025年营收给出的指引是多少？", names)
    assert not _judge_text(q, "CoreWeave在2025年营收达到50亿美元。", names).facts
    assert _judge_text(q, "CoreWeave预计2025年营收将达到50亿美元。", names).facts


def test_a_model_answer_in_the_other_language_is_said_again_in_the_askers(corpus):
    from gpumkt.answer.check import Checked
    from gpumkt.answer.compose import restated
    from gpumkt.answer.labels import Labels
    from gpumkt.records import Fact

    docs, names, _ = corpus
    ev = Evidence(1, "x.md", "x-000", "Acme", "CoreWeave在2025年第二季度营收达到12亿美元。", 0, 10, 1.0)
    fact = Fact("f", "x.md", "x-000", "12亿美元", 1.2e9, "money", "usd", "coreweave", "营收", "2025q2", 0, 1, 0, 10)
    facts = {("x.md", 0): [fact]}
    said = restated(Checked("CoreWeave的营收为12亿美元[1]。", [1]), [ev], Labels(names, docs), facts, "en")
    assert said == "CoreWeave revenue (Q2 2025): $1.2 billion [1]."
    # A year in the model's sentence dates the figure; it is no figure of its own to find.
    dated = Checked("CoreWeave的Q2 2025营收达到12亿美元。[1]", [1])
    assert restated(dated, [ev], Labels(names, docs), facts, "en") == said
    assert restated(Checked("营收为13亿美元[1]。", [1]), [ev], Labels(names, docs), facts, "en") == ""


def test_a_term_holds_the_metric_word_inside_it_and_a_region_is_read_in_the_figures_clause(corpus):
    _, names, _ = corpus
    assert [g.key for _, _, g in vocab.find("超大规模云端业者的市场规模", vocab.metrics(), vocab.terms())] == ["市场规模"]
    assert not build("向超大規模雲端業者租一台H100每小時多少錢？", names).metrics  # hyperscaler, not market size
    q = build("亚太地区占GPU云计算市场的份额是多少？", names)
    judged = _judge_text(q, "区域分布：北美占34%市场份额，亚太地区增速最快。", names)
    assert judged.placed and not judged.facts  # Asia-Pacific is named, but the 34% is North America's


def test_with_no_metric_asked_the_figures_sentence_must_use_a_word_of_the_question(corpus):
    _, names, _ = corpus
    q = build("CoreWeave 计划投入多少资金扩建数据中心？", names, known={"计划", "投入", "资金", "扩建", "数据中心"})
    assert not q.metrics and q.words
    text = "CoreWeave 计划投入大量资金扩建数据中心。风险：77%收入来自前2大客户。"
    assert not _judge_last(q, text, names).named  # the words are in the sentence before only
    assert _judge_text(q, "CoreWeave 计划投入200亿美元扩建数据中心。", names).answers


def test_a_compound_metric_is_measured_by_its_head_not_its_modifier(corpus):
    _, names, _ = corpus
    assert [g.key for _, _, g in vocab.find_heads("cost of revenue", vocab.metrics())] == ["成本"]
    assert [g.key for _, _, g in vocab.find_heads("营收年增长率", vocab.metrics())] == ["增长率"]
    q = build("What was CoreWeave's cost of revenue in Q2 2025?", names)
    assert q.measured == ("成本",) and {m.key for m in q.metrics} == {"成本", "营收"}
    assert _judge_text(q, "In Q2 2025 CoreWeave's cost of revenue was $317 million.", names).facts
    assert not _judge_text(q, "In Q2 2025 CoreWeave's revenue was $1.2 billion.", names).facts


def test_a_business_segment_asked_is_not_answered_by_another_segment(corpus):
    _, names, _ = corpus
    q = build("報告預計輝達遊戲業務的年增率會是多少？", names)
    assert _judge_text(q, "我们预计英伟达汽车业务仍将保持30%-40%左右的同比增长。", names).contrary
    assert not _judge_text(q, "我们预计英伟达游戏业务将保持10%的同比增长。", names).contrary


def test_a_count_counts_the_noun_asked_and_a_metric_of_another_kind_is_a_qualifier(corpus):
    _, names, _ = corpus
    q = build("Fireworks.ai 每天處理多少次 API 請求？", names)
    assert q.counted == "api 请求"
    assert not _judge_text(q, "Fireworks.ai 每日处理1400亿tokens。", names).facts
    assert _judge_text(q, "Fireworks.ai 每日处理1400亿次API请求。", names).facts
    # A one-character noun is shorthand (卡 for a GPU) and an English noun meets a Chinese clause
    # that cannot be compared word by word: neither is judged.
    assert _judge_text(build("CoreWeave 的叢集可以超過多少張卡？", names), "CoreWeave 可以管理超过1万块H100 GPU。", names).facts
    assert build("How many data centers does CoreWeave run?", names).counted == "data centers"
    # "多长时间才能赚回成本": the duration is asked, and 成本 is what is earned back.
    q = build("CoreWeave 的基础设施要多长时间才能赚回成本？", names)
    assert q.answer_kind == "duration" and not q.metrics and "成本" in q.words
    assert build("CoreWeave 的营收占比是多少？", names).metrics  # a share of a money metric is asked


def test_the_day_of_an_english_date_is_no_figure_and_its_comma_ends_no_clause():
    from gpumkt.records import Chunk

    text = "Revenue for the three months ended June 30, 2025 reached $1.2 billion. On 30 June 2025 it ran 33 sites."
    chunk = Chunk("x-000", "x.md", "Acme", 0, len(text), text, normalise(text))
    got = [(f.text, f.period) for f in build_facts(units(chunk, text), [])]
    # (a day written day first is a date like any other: 30 June ends the second quarter)
    assert got == [("$1.2 billion", "2025q2"), ("33", "2025q2")]


def test_a_list_of_other_companies_figures_does_not_answer_for_a_company_it_leaves_out(corpus):
    _, names, _ = corpus
    q = build("2025年第二季度 AWS 的市场份额是多少？", names)
    listing = "其他主要厂商: 阿里云: 4%，甲骨文 (Oracle): 3%，Salesforce: 2%，IBM Cloud: 2%。"
    assert not _judge_text(q, listing, names).facts
    q = build("CoreWeave 的客户集中度是多少？", names)  # two customers, each with its part, are no such list
    assert _judge_text(q, "CoreWeave 客户集中度高：微软一家贡献62%营收，OpenAI追加40亿美元订单。", names).facts


def test_a_term_of_the_field_and_its_acronym_are_no_name_pair():
    texts = ["阿里云在中国AI基础设施(AI IaaS)市场中占据23%的份额。基础设施投入很大。",
             "无服务器平台（Modal）按秒计费。无服务器平台很多。"]
    mined = {f for g in mining.mine_names(texts) for f in g.forms}
    assert "基础设施" not in mined and "无服务器平台" not in mined


def test_a_narrower_metric_answers_for_the_broader_one_and_scaling_law_is_no_market_size(corpus):
    _, names, _ = corpus
    q = build("GPU云计算里，亚太地区的增速是多少？", names)
    assert _judge_text(q, "亚太地区增速最快(25.5% CAGR)。", names).facts  # a CAGR is a growth rate
    assert not build("在规模定律遇到瓶颈的当下，模型效果能改善多少？", names).metrics


def test_a_name_after_the_figure_outside_its_clause_does_not_own_it():
    from gpumkt.records import Chunk

    text = "CoreWeave 概况。公司的合约积压年增长86%至301亿美元,其中包括与OpenAI的40亿美元扩张合约。"
    chunk = Chunk("x-000", "x.md", "CoreWeave 概况", 0, len(text), text, normalise(text))
    names = [vocab.Group("openai", ("openai",)), vocab.Group("coreweave", ("coreweave",))]
    got = {f.text: f.entity for f in build_facts(units(chunk, text), names)}
    assert got["86%"] == "coreweave" and got["40亿美元"] == "openai"


def test_a_figure_the_question_quotes_ranks_the_passage_that_states_it(corpus):
    _, names, _ = corpus
    q = build("Which single customer brings in 62% of CoreWeave's revenue?", names)
    assert q.quoted == ((62.0, True),) and not build("GPT-4 有多少参数？", names).quoted
    said = _judge_text(q, "CoreWeave 客户集中度高：微软一家贡献62%营收。", names)
    other = _judge_text(q, "CoreWeave 客户集中度高：微软一家贡献大部分营收。", names)
    assert said.score > other.score


def test_a_conflict_note_gives_an_english_asker_the_figure_in_english():
    from gpumkt.answer.compose import figure_said
    from gpumkt.records import Fact

    f = Fact("f", "x", "c", "35.3亿美元", 3.53e9, "money", "usd", "coreweave", "营收", "2025", 0, 1, 0, 1)
    assert (figure_said(f, "en"), figure_said(f, "zh-Hant")) == ("$3.53 billion", "35.3亿美元")


def test_a_passage_close_in_meaning_answers_though_it_shares_few_words(corpus):
    _, names, _ = corpus
    q = build("CoreWeave 现在实际运转中的电力规模是多少兆瓦？", names)
    text = "CoreWeave 凭借33个资料中心、420MW的活跃电力和1.6GW的签约电力占据制高点。"
    low = _judge_text(q, text, names, sim=0.45)
    assert not low.answers and low.admissible  # "实际" is nowhere in it, but it is attached to all asked
    assert _judge_text(q, text, names, sim=0.6).answers
    assert not _judge_text(q, "Lambda 凭借420MW的活跃电力占据制高点。", names).admissible  # another company


def test_what_analysts_expected_is_asked_as_a_forecast_and_how_many_times_as_a_count(corpus):
    _, names, _ = corpus
    assert build("华尔街原本预计 CoreWeave 2025年二季度能做到多少收入？", names).asks_guidance
    assert build("What had analysts expected CoreWeave's Q2 2025 revenue to be?", names).asks_guidance
    assert not build("GPU云计算市场预计2032年达到多大规模?", names).asks_guidance  # the market is the subject
    assert build("使用 CoreWeave 后平均每天训练被打断几次？", names).answer_kind == "count"


def test_a_compound_growth_rate_is_given_for_the_span_its_sentence_names(corpus):
    _, names, _ = corpus
    q = build("GPU计算基础设施市场到2030年的年复合增长率是多少？", names)
    text = "GPU计算基础设施市场预计将从2025年的826.8亿美元增长到2030年的3525.5亿美元,年复合增长率达33.65%。"
    assert [f.text for f in _judge_text(q, text, names).facts] == ["33.65%"]


def test_a_comparisons_base_period_dates_only_the_figure_after_it():
    period = _periods("# Acme\n\n## Q2 2025 results\n\nAcme's capital expenditures for the quarter "
                   "totaled $2.9 billion, an increase of more than $1 billion over Q1 2025.\n\n## IPO\n\n"
                   "Acme上市以来表现亮眼，成为自2021年以来最大的科技IPO，发行价40美元。\n")
    assert period["$2.9 billion"] == "2025q2"  # the heading's quarter, not the base of "over Q1 2025"
    assert period["40美元"] == ""  # "自2021年以来" dates the record, not the price


def test_a_figure_of_the_same_period_a_year_earlier_is_that_periods():
    period = _periods("# Acme\n\n## 2025年第二季度业绩\n\n公司的利息支出从去年同期的6700万美元暴增至2.67亿美元。\n\n"
                   "## Q2 2025\n\nInterest expense was $267 million, up from $67 million a year earlier.\n")
    assert period["6700万美元"] == "2024q2" and period["2.67亿美元"] == "2025q2"
    assert period["$67 million"] == "2024q2" and period["$267 million"] == "2025q2"


def test_a_piece_of_a_long_sentence_takes_the_company_its_sentence_starts_with(corpus):
    docs, _, facts = corpus
    debt_ratio = _find(facts, docs, "004", "92.66%")
    assert debt_ratio.entity == "coreweave" and debt_ratio.metric == "资产负债率" and debt_ratio.period == "2024"


def test_a_rate_named_after_the_metric_asked_as_a_share_answers_it(corpus):
    _, names, _ = corpus
    q = build("Acme 2024年的负债在资产中的占比是多少？", names)
    assert _judge_text(q, "Acme截至2024年总负债为165.24亿美元，资产负债比率为92.66%。", names).facts[0].text == "92.66%"
    growth = build("Acme的营收增长了几倍？", names)
    assert [f.text for f in _judge_text(growth, "Acme营收同比增长20倍。", names).facts] == ["20倍"]


def test_an_expected_amount_of_the_modifier_is_the_guidance_asked(corpus):
    _, names, _ = corpus
    q = build("Acme 2025财年的营收指引是多少？", names)
    judged = _judge_text(q, "For fiscal 2025 Acme expects revenue in a range of $5.15 billion to $5.35 billion.", names)
    assert [f.text for f in judged.facts] == ["$5.15 billion", "$5.35 billion"]


def test_the_part_or_field_asked_must_be_named_by_the_passage(corpus):
    from gpumkt.answer.asked import domain_asked

    _, names, _ = corpus
    segment = build("英伟达游戏业务的增速预计是多少？", names)
    assert not _judge_text(segment, "英伟达GPU算力市场的年复合增长率预计为33.65%。", names).placed
    assert _judge_text(segment, "我们预计英伟达游戏业务将保持30%的同比增长。", names).facts
    field = build("Acme 在伺服器領域的市佔率是多少？", names)
    assert field.domain == "伺服器" and domain_asked("share in the data center market") == "data center"
    assert not _judge_text(field, "在云计算领域,Acme 市场份额从9%提升至15%。", names).placed
    assert _judge_text(field, "在伺服器领域,Acme 市场份额为99%。", names).placed
    assert build("阿里雲在中國AI基礎設施市場的份額是多少?", names).domain == ""  # a place is judged as one


def test_a_figure_without_a_period_in_its_clause_takes_the_last_one_before_it():
    period = _periods("# Acme\n\n公司2024年营收高达1147.67亿元,同比增长74.24%;2025年第一季度营收468.58亿元,同比增幅更是高达165.31%。\n")
    assert period["74.24%"] == "2024" and period["165.31%"] == "2025q1"


def test_the_rest_of_a_clause_after_compared_with_and_a_bracketed_comparative_date_only_the_base():
    from gpumkt.ingest.dating import period_in

    said = "adjusted ebitda was $179.1 million, compared with $104.8 million and a 35.5% margin in the third quarter of fiscal 2025"
    assert period_in(said, 20, 34) == ""  # the main figure: the context's period, not the base's
    assert period_in(said, 50, 64) == "2025q3"  # the base's own figure
    assert period_in("customers rose to 214, from 188 at the end of the third quarter", 18, 21) == ""
    assert period_in("每股4.5港仙(2024年:无)", 2, 7) == "" and period_in("收入12亿元(2024年)", 2, 6) == "2024"
    assert period_in("compared with 2024, revenue grew 30% to $5 billion in q2 2025", 40, 50) == "2025q2"


def test_a_number_of_shares_or_households_is_a_count_not_an_amount():
    facts = {f.text: f for f in _doc_facts(Document("x.md", "Acme", "# Acme\n\n按已发行的1,318,400,000股股份计算,Acme中期股息总额约为59.3百万港元。"
                                                    "Acme had 120 million shares and 3,800户 used its heat.\n", "0"))}
    assert facts["1,318,400,000"].quantity == "count" and facts["59.3百万港元"].quantity == "money"
    assert facts["120 million"].quantity == "count" and facts["3,800"].quantity == "count"


def test_a_hong_kong_results_announcement_names_its_period_in_chinese_numerals():
    from gpumkt.ingest.report_periods import report_year

    assert report_year("晟嵐雲算控股有限公司　二零二五年中期業績公告") == "2025h1"
    assert report_year("甲乙科技 2024年年度業績公告") == "2024"


def test_a_share_of_another_whole_does_not_answer_a_share_question(corpus):
    _, names, _ = corpus
    q = build("CoreWeave长期合同收入占总收入的比例是多少？", names)
    said = [f.text for f in _judge_text(q, "CoreWeave的长期合同收入占总收入的80%。", names).facts]
    assert said == ["80%"]
    other = _judge_text(q, "CoreWeave的平均预付款占合约总金额的比例为10%。", names)
    assert not other.facts  # a part of the contract value, not of revenue
    unnamed = _judge_text(q, "CoreWeave的长期合同收入比例为80%。", names)  # no whole said: not judged
    assert [f.text for f in unnamed.facts] == ["80%"]


def test_a_figure_for_the_very_period_asked_leaves_out_those_of_its_parts(corpus):
    from gpumkt.answer.evidence import exact_first
    from gpumkt.records import Fact

    _, names, _ = corpus
    fact = lambda text, period: Fact(text, "x.md", "x-000", text, 1e9, "money", "usd", "acme", "营收",  # noqa: E731
                                     period, 0, 1, 0, 10)
    year, quarter, undated = fact("50亿美元", "2025"), fact("12亿美元", "2025q2"), fact("9亿美元", "")
    q = build("Acme 2025财年营收指引是多少？", names)
    assert exact_first(q, [quarter, year, undated]) == [year, undated]
    assert exact_first(q, [quarter]) == [quarter]  # nothing better: a quarter of the year asked stays
    assert exact_first(build("Acme 营收是多少？", names), [quarter, year]) == [quarter, year]


def test_a_fallback_quotes_the_sentence_holding_the_fitting_figure_first():
    from gpumkt.answer.compose import extractive
    from gpumkt.records import Fact

    first = Evidence(1, "x.md", "x-000", "S", "Acme第二季度营收为12亿美元。", 0, 10, 1.0)
    second = Evidence(2, "x.md", "x-000", "S", "Acme全年营收指引为50亿美元。", 20, 30, 1.0)
    third = Evidence(3, "x.md", "x-000", "S", "Acme员工超过3000人。", 40, 50, 1.0)
    fits = [Fact("f", "x.md", "x-000", "50亿美元", 5e9, "money", "usd", "acme", "营收", "2025", 25, 28, 20, 30)]
    said = extractive([first, second, third], "zh-Hans", True, fits)
    assert said.index("50亿美元") < said.index("12亿美元") and "3000" not in said


def test_a_report_titles_span_of_years_dates_no_figure(corpus):
    from gpumkt.answer import gate
    from gpumkt.records import Chunk

    _, names, _ = corpus
    q = build("Acme 2024年估值是多少？", names)
    def judged(title: str):
        text = "Acme的估值为33亿美元。"
        chunk = Chunk("x-000", "x.md", f"{title} > 估值", 0, len(text), text, normalise(text))
        unit = units(chunk, text)[0]
        return gate.judge(q, unit, build_facts([unit], names), 0.45, 1.0, names)
    assert judged("Acme市场报告 (2024-2026)").period == "unknown"  # what the report covers
    assert judged("Acme 2024年度报告").period == "match"  # one year: the report's year


def test_a_populations_size_counts_that_population(corpus):
    from gpumkt.answer.asked import counted_noun

    _, names, _ = corpus
    q = build("Acme的开发者社群规模有多大？", names)
    assert q.counted == "开发者" and not q.metrics  # not the 市场规模 of a market
    assert counted_noun("acme的用户规模是多少?") == "用户" and counted_noun("acme的市场规模是多少?") == ""


def test_a_figure_said_of_the_other_side_does_not_fit():
    from gpumkt.answer.fitting import fits
    from gpumkt.answer.asked import contrasts_in

    text = "Inference made 40% of Acme's revenue in 2023, and training fell from 65% of compute in 2024."
    doc = Document("x.txt", "Acme", text, "0")
    unit = units(chunk_document(doc)[0], text)[0]
    unit_facts = build_facts([unit], mining.mine_names([text]))
    q = build("What share of Acme's revenue came from inference in 2024?", mining.mine_names([text]))
    assert [(f.text, f.metric, f.period) for f in unit_facts] == [("40%", "营收", "2023"), ("65%", "营收", "2024")]
    assert [f.text for f in unit_facts if fits(q, f, unit, unit_facts)] == []  # 65% is training's
    # a side the question rules out ("而不是训练") leaves the contrast undecided
    assert contrasts_in("多大比例来自推理") and not contrasts_in("多大比例来自调用，而不是训练")


def test_a_rank_asked_is_not_answered_by_another_rank():
    from gpumkt.answer import gate

    text = "甲公司前三大客户合计占营收约74%，其中最大客户占营收约41%。乙公司第二大客户占营收约15%。"
    names = mining.mine_names([text])
    q = build("甲公司第二大客户占营收多少？", names)
    assert q.answer_kind == "pct" and q.asks_share  # "占营收多少": a share
    doc = Document("x.txt", "甲公司", text, "0")
    first, second = units(chunk_document(doc)[0], text)
    judged = lambda u: gate.judge(q, u, build_facts([u], names), 0.5, 1.0, names)  # noqa: E731
    assert judged(first).contrary and not judged(second).contrary  # "最大" and "前三大" are other ranks
    assert vocab.said_sides("the five largest customers", (("largest",), ("five largest",))) == [False, True]


def test_a_rank_asked_must_be_named_by_the_passage():
    from gpumkt.answer.asked import contrasts_in, parts_in

    names = mining.mine_names(["甲公司"])
    q = build("甲公司第二大客户占营收多少？", names)
    # a sentence that names no rank at all (a product's share of revenue) is no answer
    assert not _judge_text(q, "甲公司AI服务器第3季占合并营收72%。", names).placed
    assert _judge_text(q, "甲公司第二大客户占营收约15%。", names).placed
    # a bare group count names a group ("三大公有云"), a rank only before counterparties
    norm = "在三大公有云租一台机器要多少钱"
    assert not parts_in(contrasts_in(norm), norm)
    assert parts_in(contrasts_in("五大客户占比多少"), "五大客户占比多少")


def test_a_site_or_phase_asked_must_be_named_by_the_passage():
    from gpumkt.answer.mentions import sites_in

    assert sites_in("甲云台南二号机房的利用率") == ("台南",) and sites_in("自建的机房的pue") == ()
    names = mining.mine_names(["甲公司"])
    q = build("甲公司台南二号机房第3季度的利用率是多少？", names)
    assert not _judge_text(q, "甲公司桃园机房第3季度平均利用率约88%。", names).placed
    assert _judge_text(q, "甲公司台南二号机房第3季度平均利用率约81%。", names).placed
    ranked = build("What share of Acme's sales came from its ten biggest buyers?", mining.mine_names(["Acme"]))
    said = _judge_text(ranked, "Acme: top 10 customers = 61% of sales.", mining.mine_names(["Acme"]))
    assert said.placed and said.cov >= 0.5  # "ten biggest" is said as "top 10"
    phase = build("甲公司包头二期的IT负载是多少？", names)
    assert _judge_text(phase, "甲公司包头一期IT负载为8MW。", names).contrary


def test_a_table_row_under_a_parent_only_statement_is_no_consolidated_figure():
    from gpumkt.answer import gate

    text = "# 甲公司年报\n\n## （一）个体损益表\n\n甲公司本年度营业收入为72亿元。\n\n## （二）合并损益表\n\n甲公司本年度营业收入为128亿元。\n"
    names = mining.mine_names([text])
    q = build("甲公司本年度合并营业收入是多少？", names)
    doc = Document("x.md", "甲公司年报", text, "0")
    parent, group = [u for c in chunk_document(doc) for u in units(c, text) if "营业收入" in u.own]
    judged = lambda u: gate.judge(q, u, build_facts([u], names), 0.5, 1.0, names)  # noqa: E731
    assert judged(parent).contrary and not judged(group).contrary  # the heading says which statement


def test_across_languages_the_glossary_words_must_be_met():
    from gpumkt.answer.coverage import coverage

    text = "Acme冷启动耗时约2到4秒。Acme每日处理1400亿词元。"
    doc = Document("x.txt", "Acme", text, "0")
    slow, busy = units(chunk_document(doc)[0], text)
    q = build("How many tokens does Acme process per day?", mining.mine_names([text]))
    assert coverage(q, slow) == 0.0 and coverage(q, busy) == 1.0
    # a question with no glossary word cannot be judged across languages
    assert coverage(build("How fast does Acme boot?", mining.mine_names([text])), slow) is None


def test_a_term_glossed_in_brackets_in_the_passages_language_is_looked_for_as_it_is():
    from gpumkt.answer.coverage import coverage

    text = "The Zorv fee is due at the quarter's close. The Zorv fee at full build-out is $4 million."
    doc = Document("x.txt", "Acme", text, "0")
    due, built = units(chunk_document(doc)[0], text)
    q = build("Acme的Zorv费用在全部建成（full build-out）后是多少？", mining.mine_names([text]))
    assert coverage(q, built) > coverage(q, due)


def test_a_table_rows_figures_belong_to_its_first_name_and_own_column():
    text = ("# 推理平台\n\n| 公司 | 定位 | 估值 | 关键数据 |\n|---|---|---|---|\n"
            "| BOLT | ACME云上的推理平台 | 6亿美元 | 45万开发者 |\n")
    doc = Document("t.md", "推理平台", text, "0")
    names = mining.mine_names([text])
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, text)], names)
    assert [(f.text, f.entity, f.metric) for f in facts] == [("6亿美元", "bolt", "估值"), ("45万", "bolt", "")]
    from gpumkt.answer.fitting import fits

    unit = [u for c in chunk_document(doc) for u in units(c, text)][0]
    q = build("CLOUDX 有多少开发者？", mining.mine_names([text, "见CLOUDX"]))
    assert q.entities and not [f for f in facts if fits(q, f, unit, facts)]  # BOLT's row, not CLOUDX's


def test_a_nested_list_item_hangs_under_its_parent_and_another_companys_share_does_not_fit():
    from gpumkt.answer.fitting import fits, of_another_company
    from gpumkt.ingest.units import list_parent

    text = ("# 首选\n\n1. **Acme** - 龙头\n   - 市值：2.8万亿美元\n   - 市场份额：90%+\n\n"
            "在网络设备领域，Bolt 市场份额从 23%提升至 28%。\n")
    doc = Document("x.md", "首选", text, "0")
    assert list_parent(text, text.index("- 市场份额")) == "1. **Acme** - 龙头"
    assert list_parent(text, text.index("1.")) == ""  # a top-level item hangs under nothing
    names = mining.mine_names([text, "见Acme与Bolt"])
    us = [u for c in chunk_document(doc) for u in units(c, text)]
    facts = build_facts(us, names)
    assert {f.text: f.entity for f in facts}["90%"] == "acme"  # from the parent item, not the title
    q = build("Acme的市场份额是多少?", names)
    own = {u.own: {g.key for _, _, g in vocab.find(u.own, names)} for u in us}
    fitting = [f.text for u in us for f in build_facts([u], names)
               if fits(q, f, u, build_facts([u], names)) and not of_another_company(q, f, own[u.own])]
    assert "90%" in fitting and "28%" not in fitting  # Bolt's share, in a sentence that names no Acme


def test_a_size_word_after_a_metric_is_no_metric_and_by_how_much_asks_the_change():
    heads = lambda text: [g.key for _, _, g in vocab.find_heads(text, vocab.metrics())]  # noqa: E731
    assert heads("营收规模为19.15亿美元") == ["营收"] and heads("gpu市场规模") == ["市场规模"]
    q = build("By how much did Acme's net profit grow in H1 2025?", [])
    assert q.answer_kind == "pct"  # a growth rate, not an amount of money
    assert build("How much did Acme earn in H1 2025?", []).answer_kind == "money"


def test_a_rate_per_unit_of_use_is_a_price():
    assert build("What reserved rate per GPU-hour does Acme charge for its Z9 nodes?", []).answer_kind == "money"
    assert build("What interest rate does Acme's loan carry?", []).answer_kind == "pct"


def test_companies_listed_side_by_side_are_parts_and_a_verb_before_its_object_is_the_head():
    names = mining.mine_names(["见Acme与Bolt。"])
    q = build("How fast did Acme and Bolt each grow revenue in Q2 2025?", names)
    assert q.answer_kind == "pct" and [[m.key for m in p.entities] for p in q.parts] == [["acme"], ["bolt"]]
    assert q.parts[0].measured == ("增长率",)  # "grow revenue": the growth of revenue
    assert not build("Acme和Bolt合计贡献了多少营收？", names).parts  # held together: one figure
    assert [[m.key for m in p.entities] for p in build("Acme和Bolt的营收分别是多少？", names).parts] == [["acme"], ["bolt"]]


def test_lines_under_a_dated_caption_take_its_period():
    from gpumkt.ingest.units import lead_period

    text = ("# 云市场\n\n2025年第二季度全球云服务商的市场份额。\n\n主要数据点:\n\nAcme (Acme Cloud): 4%\n\n"
            "Bolt: 2%\n\n# 展望\n\nBolt: 3%\n")
    doc = Document("x.md", "云市场", text, "0")
    us = [u for c in chunk_document(doc) for u in units(c, text)]
    assert [(u.own[-2:], u.lead_period) for u in us if "%" in u.own] == [("4%", "2025q2"), ("2%", "2025q2"), ("3%", "")]
    assert lead_period("2024年营收1亿，2025年2亿。\n甲: 4%", 18) == ""  # two periods: none of them


def test_a_markets_size_and_growth_are_not_the_title_companys():
    text = ("# 市场\n\n全球加速卡市场将由2025年的80亿美元增长到2030年的300亿美元，年复合增长率30%。\n\n"
            "公司在加速卡市场的份额为12%。\n")
    doc = Document("x.md", "Acme投资人评论", text, "0")
    names = mining.mine_names([text, "见Acme"])
    facts = build_facts([u for c in chunk_document(doc) for u in units(c, text)], names)
    about = {f.text: f.entity for f in facts}
    assert about["300亿美元"] == "" and about["30%"] == ""  # the market's, though the report is Acme's
    assert about["12%"] == "acme"  # a share of the market is still the title company's


def test_a_place_that_describes_a_document_is_no_place_asked_and_a_brokers_quarter_no_name():
    from gpumkt.answer.asked import unknown_names

    names = mining.mine_names(["见Acme"])
    assert not build("In the Chinese broker note, what was Acme's revenue in 2Q25?", names).places
    assert [m.key for m in build("Acme在中国的营收是多少？", names).places] == ["中国"]
    from gpumkt.search.lexical import tokenize

    assert unknown_names("Acme 2Q25的营收？", set(tokenize("acme"))) == []
    assert unknown_names("Vultr 2Q25的营收？", set(tokenize("acme"))) == ["vultr"]


def test_a_market_asked_must_be_the_market_the_passage_names():
    from gpumkt.answer import gate
    from gpumkt.answer.asked import market_words

    text = "# 市场\n\n根据测算，云GPU市场规模将由2023年的31.7亿美元增至2025年的49.6亿美元。\n"
    doc = Document("x.md", "市场", text, "0")
    unit = [u for c in chunk_document(doc) for u in units(c, text)][0]
    judged = lambda q: gate.judge(build(q, []), unit, build_facts([unit], []), 0.6, 1.0, [])  # noqa: E731
    assert judged("云GPU市场2025年的规模是多少？").answers
    assert not judged("AI专用GPU市场2025年的规模是多少？").answers  # another market: a near miss
    assert market_words("what is the size of the global data center gpu market?", ()) == ["data", "center", "gpu"]


def test_a_target_asked_takes_the_planned_figure_before_the_outcome():
    from gpumkt.answer.evidence import forecast_first
    from gpumkt.records import Fact

    def fact(text, period, qualifier=""):
        return Fact(text, "x.txt", "c", text, 1.0, "money", "usd", "acme", "营收", period, 0, 1, 0, 1, qualifier)

    actual, target = fact("$425 million", "2024"), fact("$600 million", "2025", "forecast")
    names = mining.mine_names(["见Acme"])
    assert forecast_first(build("What revenue target does the report cite for Acme?", names),
                          [actual, target]) == [target]
    assert forecast_first(build("What was Acme's revenue?", names), [actual, target]) == [actual, target]
    both = build("Give Acme's 2024 revenue and its 2030 target.", names)
    assert forecast_first(both, [actual, target]) == [actual, target]  # an outcome asked beside it


def test_figures_said_respectively_go_to_the_names_in_order():
    names = mining.mine_names(["见Acme与Bolt"])
    for text in ["在Acme和Bolt上，相同GPU的每小时价格分别为3.40美元和3.67美元(每月2482美元和2682美元)。",
                 "Acme and Bolt charge $3.40 and $3.67 an hour, respectively."]:
        doc = Document("x.txt", "价格", text, "0")
        facts = build_facts([u for c in chunk_document(doc) for u in units(c, text)], names)
        assert [f.entity for f in facts] == ["acme", "bolt", "acme", "bolt"][:len(facts)]


def test_a_count_asked_in_english_is_met_by_a_chinese_table_rows_label():
    from gpumkt.answer import fitting

    text = "甲乙智算\n主要经营数据\n项目                  2025年6月30日      2024年末\n在网GPU加速卡（张）        21,300         16,800\n"
    names = mining.mine_names(["甲乙智算（Jiayi）是一家公司。"])
    chunks = chunk_document(Document("x.txt", "甲乙智算", text, "0"))
    row = next(u for c in chunks if c.kind == "table" for u in units(c, text) if "21,300" in u.own)
    fact = next(f for f in build_facts([row], names) if f.text == "21,300")
    q = build("How many GPU accelerator cards did Jiayi have in service at the end of June 2025?", names)
    assert fitting._fact_counts(q, fact, row)


def test_a_years_figure_is_the_one_asked_at_the_years_end():
    from gpumkt.lang.period_keys import exactly

    assert exactly("2025", periods("2025年末")) and exactly("2023-04", ["2023"])
    assert not exactly("2025q4", periods("2025年末")) and not exactly("2023q2", ["2023"])


def test_a_leverage_ratio_is_a_multiple_not_an_amount():
    """A column or row of debt over EBITDA under a table of amounts is a multiple, and a question
    asking the ratio (in either language) fits it, not the table's amounts."""
    text = "\n".join(["单位：亿元", "", "| 公司 | 营业总收入 | 资产负债率 | 总债务/EBITDA |", "|---|---|---|---|",
                      "| 甲乙算力 | 45.21 | 66.46 | 4.40 |", "", "2024年现金类资产对短期债务的覆盖倍数为0.52倍。"])
    doc = Document("x.txt", "信用评级报告", text, "0")
    names = mining.mine_names(["甲乙算力"])
    facts = {f.text: f for f in build_facts([u for c in chunk_document(doc) for u in units(c, text)], names)}
    assert (facts["4.40"].quantity, facts["4.40"].metric) == ("mult", "总债务/ebitda")
    assert facts["45.21"].quantity == "money" and facts["0.52倍"].metric == "覆盖倍数"
    for asked in ("What was the total debt to EBITDA multiple of 甲乙算力?", "甲乙算力的总债务/EBITDA是多少倍？",
                  "甲乙算力的债务/EBITDA比率是多少？"):
        q = build(asked, names)
        assert [m.key for m in q.metrics] == ["总债务/ebitda"] and q.metric_kind == "mult"
        assert fitting._fits_metric_kind_period(q, facts["4.40"], [])
        assert not fitting._fits_metric_kind_period(q, facts["45.21"], [])


def test_a_question_names_places_and_classes_a_passage_must_name_and_issues_that_are_no_periods():
    from gpumkt.answer.mentions import sites_in
    assert sites_in("溟州市2025年资料中心的总用电量是多少?") == ("溟州",)  # a city asked, not the province
    assert sites_in("在溟江全省的智能算力里") == ("溟江",) and sites_in("请问省算力集团2025年营收多少") == ()
    assert sites_in("what coupon will the class d notes pay?") == ("class d",)
    assert periods("how many gpus secure the series 2025-1 notes?") == []  # an issue's name
    assert periods("the 2025-1 notes were issued in november 2025") == ["2025-11"]


def test_a_claim_the_asker_checks_opens_with_no_company_name():
    record = build("听说2025年末溟江省在用算力总规模已经超过50 EFLOPS了，对吗？具体是多少？", vocab.known_entities())
    assert record.lead == () and record.unknown == ()


def test_across_languages_a_question_with_nothing_named_or_glossed_answers_only_from_a_close_passage():
    from gpumkt.answer.gate import PARAPHRASE_SIM, Judged
    unit = object()
    loose = Judged(unit, [], 1.5, 1.0, 1.0, "none", True, PARAPHRASE_SIM - 0.2, None, anchored=False)
    close = Judged(unit, [], 1.5, 1.0, 1.0, "none", True, PARAPHRASE_SIM + 0.05, None, anchored=False)
    held = Judged(unit, [], 1.5, 1.0, 1.0, "none", True, PARAPHRASE_SIM - 0.2, None, anchored=True)
    assert (loose.answers, close.answers, held.answers) == (False, True, True)


def test_words_naming_the_report_and_stemmed_question_words_are_not_asked_of_a_passage():
    from gpumkt.answer.asked import content_words
    from gpumkt.answer.document import phrase

    norm = "what were acme's cash and cash equivalents, according to its 10-q excerpt?"
    a, b = phrase(norm)
    assert norm[a:b].strip() == "its 10-q excerpt"
    assert content_words("according to roughly during but", ()) == []  # "accord", "rough": stems


def test_an_english_question_glossing_a_name_in_chinese_is_english_to_the_gate():
    from gpumkt.answer.question import build

    q = build("What was the rental price per H20 card at Junchuan (钧川数智) in 2025?", [])
    assert q.language == "en"
    unit = type("U", (), {"own": "H20 | 2025年: 8,920"})()
    from gpumkt.answer.coverage import crosses
    assert crosses(q, unit)


def test_a_comma_alone_does_not_split_a_question_into_metric_parts():
    from gpumkt.answer.question import build

    assert not build("Acme 签6个月期预留合同，相对按需价格的折扣比例是多少？", []).parts
    assert not build("What discount on the on-demand price does a 6-month contract get?", []).parts
    assert len(build("Acme 2024年营收和净利润分别是多少？", []).parts) == 2
    assert len(build("Acme 2025年第一季度营收多少，同比增长多少？", []).parts) == 2  # two clauses, each asking


def test_a_second_question_word_after_and_starts_a_second_part_which_shares_the_part_named():
    from gpumkt.answer.question import build

    q = build("How many racks and how many servers does Acme's phase 3 hold?", [])
    assert len(q.parts) == 2
    assert all(p.named_parts for p in q.parts)  # "phase 3" holds for the racks too
    assert len(build("Acme 二期有多少兆瓦、多少张GPU？", []).parts) == 2
    assert not build("Acme 的电费总和多少？", []).parts


def test_a_name_given_as_an_example_of_a_group_does_not_own_the_groups_figure():
    from gpumkt.ingest.nearest import nearest

    names = mining.mine_names(["Acme Cloud (NASDAQ: ACME) and Beta Cloud (NYSE: BETA) lease space."])
    said = "neoclouds, including acme cloud and beta cloud, took 27.4% of the orders"
    assert nearest(names, [said], said.find("31.2")) == ""
    said = "orders from neoclouds, including acme cloud (12.5%)"
    assert nearest(names, [said], said.find("12.5")) == "acme cloud"


def test_words_describing_the_report_asked_need_not_be_in_a_passage_in_the_other_language():
    from types import SimpleNamespace

    from gpumkt.answer.reframe import in_script_of

    q = build("According to the Jiayi Alliance (甲乙联盟) white paper, how many data centres were built in 2024?", [])
    unit = SimpleNamespace(own="2024年新建数据中心12座。")
    assert "甲乙" not in in_script_of(q, unit)
    q = build("Acme 的 Tulsa 园区2025年营收是多少？", [])  # a place's name stays required
    assert "tulsa" in in_script_of(q, SimpleNamespace(own="revenue was $12 million in 2025."))
    q = build("Acme X9 放进48U机柜时每柜能放多少台？", [])  # so does a size written in Latin letters
    assert "48u" in in_script_of(q, SimpleNamespace(own="the x9 uses four cards."))


@pytest.mark.parametrize("question, asked, other", [
    ("甲乙2025年度稀释每股收益是多少？", "diluted", "basic"),
    ("What was Acme's audited net income for 2025?", "audited", "preliminary"),
    ("甲乙2023年主管级员工的平均薪资为多少？", "managerial", "non-managerial"),
    ("How much was Acme's median employee paid in 2023?", "employee", "ceo"),
])
def test_exclusive_sides_of_a_financial_measure(question, asked, other):
    q = build(question, [])
    assert any(asked in mine and other in theirs for mine, theirs in q.contrasts)
    assert q.answer_kind == "money"


def test_a_measure_named_only_in_the_title_of_the_report_asked_is_not_asked():
    assert not build("根据甲乙市值分析报告，甲乙首款芯片用的是多少纳米工艺？", []).metrics
    assert [m.key for m in build("根据甲乙市值分析报告，甲乙的市值是多少？", []).metrics][:1] == ["市值"]
    assert build("甲乙在乙丙的持股价值是多少？", []).answer_kind == "money"


def test_credit_lines_batches_and_signing_cross_languages():
    from gpumkt.answer.coverage import glossed

    assert glossed("动用", "acme has $50 million undrawn under its revolving facility")
    assert glossed("签约", "a contracted capacity of 400 mw")
    q = build("What number of racks does Acme ship in its first batch?", [])
    assert any("第一批" in side for side in q.named_parts)


def test_an_expense_named_with_its_measure_is_that_measure_not_a_cost():
    assert [m.key for m in build("甲乙每年新增多少折旧与摊销费用？", []).metrics] == ["折旧与摊销"]


def test_energized_power_is_neither_contracted_nor_planned():
    (mine, theirs), = build("How many MW of Acme's campus are energized today?", []).contrasts
    assert "energized" in mine and {"contracted", "planned"} <= set(theirs)


def test_a_legal_suffix_alone_names_no_one():
    keys = {g.key for g in mining.mine_names(["Ferrow Quill LLP audited the statements. Ferrow Quill LLP was paid."])}
    assert "llp" not in keys


def test_a_payment_or_record_date_after_a_figure_is_not_its_period():
    from gpumkt.ingest.dating import period_in

    said = "declared a dividend of $0.40 per share, payable on march 3, 2026 to holders of record on february 10, 2026"
    assert period_in(said, 23, 28) == ""  # the heading's quarter, not the payment's month
    assert period_in("每股派发现金红利0.12元，股权登记日为2026年3月2日", 8, 13) == ""
    assert period_in("revenue of $9 million for march 2026", 11, 21) == "2026-03"


def test_a_payment_date_a_comma_away_dates_nothing_in_the_sentence_either():
    from gpumkt.ingest.dating import stated_periods

    said = "a dividend of $0.25 per share for the third quarter of 2026, payable on may 4, 2027 to holders of record on april 9, 2027"
    assert stated_periods(said) == ["2026q3"]
    assert stated_periods("每股派发现金红利0.2元，股权登记日为2027年5月6日") == []
    assert stated_periods("revenue of $9 million for march 2026") == ["2026-03"]


def test_a_rows_figure_under_another_column_than_the_one_asked_does_not_fit():
    from types import SimpleNamespace

    from gpumkt.answer.fitting import _other_column
    from gpumkt.answer.question import build

    row = SimpleNamespace(chunk=SimpleNamespace(kind="table"),
                          own="gpu: amd mi300x; us-east (ashburn): $2.29; us-west (hillsboro): —; apac (singapore): $2.60")
    q = build("What is Acme's on-demand price for an MI300X in its US-West (Hillsboro) region?", [])
    east, apac = SimpleNamespace(text="$2.29"), SimpleNamespace(text="$2.60")
    assert _other_column(q, east, row)  # the column asked is empty: US-East's price is no answer
    q = build("What is Acme's on-demand price for an MI300X in its APAC (Singapore) region?", [])
    assert not _other_column(q, apac, row) and _other_column(q, east, row)


def test_a_part_asked_on_its_own_is_not_answered_by_a_sum_holding_it():
    from types import SimpleNamespace

    from gpumkt.answer.fitting import _whole_for_part
    from gpumkt.answer.question import build

    unit = SimpleNamespace(own="compute and storage revenue together came to $80 million, up 12%")
    total = SimpleNamespace(text="$80 million")
    assert _whole_for_part(build("What was Acme's storage revenue on its own in 2026?", []), total, unit)
    assert not _whole_for_part(build("What was Acme's storage revenue in 2026?", []), total, unit)
    unit = SimpleNamespace(own="乙项目中标总价为1,200万元(含税,已含调试费)")
    fee = SimpleNamespace(text="1,200万元")
    assert _whole_for_part(build("乙项目的调试费单独是多少？", []), fee, unit)


def test_an_english_question_glossing_a_name_in_chinese_has_no_unknown_grammar_words():
    from gpumkt.answer.asked import unknown_names
    from gpumkt.search.lexical import tokenize

    known = set(tokenize("甲乙市数据中心 包2"))
    assert unknown_names("Which supplier won Lot 2 of the tender that the Jiayi City Data Centre (甲乙市数据中心) "
                         "ran with its partners?", known) == []
    assert unknown_names("Vultr 在甲乙（中心）的营收？", known) == ["vultr"]  # a Chinese question's Latin words are names


def test_a_product_code_asked_must_be_named_by_the_passage():
    from gpumkt.answer.asked import product_codes

    assert product_codes("tg9-8l 的 8-gpu 机型 (fp16) q3 功耗?") == ["tg9-8l"]
    assert product_codes("how many h100-class gpus") == ["h100"]
    assert product_codes("quel est le chiffre d'affaires au t2 2025 ?") == []
    assert product_codes("what is the h20 price in 2q25 and h1 for 40gb cards on 16-node clusters?") == ["h20"]
    q = build("How much does Acme's XR7-2B chassis cost?", [])
    assert q.codes == ("xr7-2b",)


def test_measure_words_ask_counts_and_a_basis_or_statistic_asked_is_not_its_opposite():
    assert build("甲乙新建的机房装了几颗芯片？", []).answer_kind == "count"
    assert build("甲乙为多少项目提供了担保额度？", []).answer_kind != "count"  # (项目 is no measure word)
    assert build("How much of Acme's income comes from its largest client?", []).answer_kind == "pct"
    gaap = build("Acme 第三季度按GAAP计算的净利润是多少？", []).contrasts
    assert vocab.said_sides("eps was $0.03 on an adjusted basis", gaap[0]) == [False, True]
    mean = build("甲乙去年每笔贷款的平均规模是多少？", []).contrasts
    assert vocab.said_sides("the median raise was $850m", mean[0]) == [False, True]


def test_a_contract_term_asked_is_not_answered_by_another_terms_price():
    from gpumkt.answer.asked import terms

    assert terms("a five-year contract or a 三年期 lease") == {60, 36}
    assert terms("revenue grew 3 years ago; 15.9 days") == set()
    assert build("甲乙的機櫃簽2年期租約每月多少錢？", []).terms == (24,)
    assert build("What does Acme charge for a 5-year support plan?", []).terms == (60,)


def test_a_times_sign_before_a_figure_counts_items():
    from gpumkt.lang.numbers import figures

    assert [(f.text, f.kind) for f in figures("6× 3,300 w titanium")] == [("6", "num"), ("3,300", "num")]
    assert [(f.text, f.kind) for f in figures("served up to 2.4x the tokens")] == [("2.4x", "mult")]


def test_a_tenders_lot_asked_must_be_named_and_a_budget_or_score_is_a_measure():
    from gpumkt.answer.asked import lots_in

    assert lots_in("包4的预算和lot 3的中标价，标段12") == {"lot 4", "lot 3", "lot 12"}
    assert lots_in("第一级(tier 1)国家和tier 2的配额，第2梯队") == {"tier 1", "tier 2"}  # a tier is numbered too
    assert lots_in("shipped to places in tier 3.") == {"tier 3"}
    assert lots_in("tranche a的利率和c类债券, class action") == {"tranche a", "class c"}  # a lettered tranche
    q = build("甲乙項目包3排名第二的投標人得分是多少？", [])
    assert q.lots == ("lot 3",) and q.metrics[0].key == "得分"
    assert build("How large was the budget for Lot 5?", []).metric_kind == "money"
    spot = build("Acme 預留實例的 A100 價格多少？", []).contrasts
    assert vocab.said_sides("h100 on-demand: $2.49 per gpu-hour", spot[0]) == [False, True]



def test_a_name_asked_that_is_one_member_of_a_counted_group_gets_no_answer_from_the_groups_count():
    from types import SimpleNamespace

    from gpumkt.answer.fitting import _group_of_several
    from gpumkt.answer.question import build

    names = [vocab.Group("x90", ("x90",)), vocab.Group("乙公司", ("乙公司",))]
    unit = SimpleNamespace(own="其中新一代卡(包括x80及x90系列)约9,000张,占约55%")
    count = SimpleNamespace(text="9,000")
    assert _group_of_several(build("乙公司运营中的X90有多少张？", names), count, unit)
    assert not _group_of_several(build("乙公司运营中的新一代卡有多少张？", names), count, unit)
    assert build("乙公司剩余的回购额度还有多少？", names).parts == ()


@pytest.mark.parametrize("question, asked", [
    ("How many units were granted under the 2026 restricted stock plan?", ()),  # the plan's name
    ("丙公司2026年员工持股计划的认购价格是多少？", ()),
    ("丙公司2026年和2027年各确认多少折旧费用？", ("2026", "2027")),
    ("What was the CFO's 2025 non-equity incentive plan pay?", ("2025",)),  # that year's pay
    ("What did its 2025 annual incentive plan pay out?", ("2025",)),
])
def test_a_plans_year_is_its_name_not_the_period_asked(question, asked):
    assert build(question, []).periods == asked


def test_a_share_based_payment_asks_money_not_a_share():
    q = build("How much share-based payment expense did Acme record?", [])
    assert q.answer_kind == "money" and not q.asks_share
    assert build("What share of revenue came from Acme?", []).asks_share


def test_an_english_name_glossed_by_a_known_name_is_no_word_asked():
    from gpumkt.answer.mentions import glossed_names

    names = [vocab.Group("甲乙云", ("甲乙云",))]
    q = build("How much revenue did Jiayi Cloud (甲乙云) earn in 2025?", names)
    assert [e.key for e in q.entities] == ["甲乙云"] and not {"jiayi", "cloud"} & set(q.words)
    assert glossed_names("How fast did Acme Cloud (甲乙云) grow?", ["甲乙云"]) == ["acme cloud"]
    # a gloss holding the name with its city is all the company's name: no word asked of a passage
    q = build("How large was Shanghai Jiayi Cloud (上海甲乙云) revenue in 2025?", names)
    assert not {"上海", "shanghai", "jiayi"} & set(q.words + q.loose)


def test_a_rating_asked_is_a_grade_not_a_figure():
    for question in ("甲乙发行的公司债评级是什么？", "What credit rating did the Acme notes get?"):
        q = build(question, [])
        assert q.answer_kind == "text" and not q.wants_figure


def test_a_year_column_asked_is_not_out_read_by_the_rows_other_measures():
    from gpumkt.answer.fitting import _period_column

    assert _period_column("2026年(万元)", ("2026",)) and _period_column("fy2026", ("2026",))
    assert not _period_column("2026 gaap", ("2026",)) and not _period_column("2027年(万元)", ("2026",))


def test_a_sentence_naming_only_another_tier_does_not_answer_for_the_tier_asked():
    from gpumkt.answer.gate import _other_lot

    assert _other_lot(("tier 1",), "about 17% was shipped to tier 2 buyers.")
    assert not _other_lot(("tier 1",), "tier 1 and tier 2 places took 60%.")
    assert not _other_lot(("tier 1",), "lot 2 was awarded.")  # another kind of numbered part


def test_a_balance_at_a_years_last_day_is_not_met_by_a_quarter_inside_it():
    from gpumkt.answer.reframe import at_point
    from gpumkt.lang.period_keys import agrees

    asked = at_point(build("What was Acme's cash at December 31, 2025?", [])).periods
    assert all(agrees(p, ["2025q2"]) == "conflict" for p in asked)
    assert any(agrees(p, ["2025"]) == "match" for p in asked)


def test_a_plan_asked_by_its_year_must_be_the_one_the_passage_or_its_cover_names():
    q = build("丙公司2023年股票期权激励计划的行权价格为多少？", [])
    assert q.plans == ("2023",) and not q.periods
    assert build("How many shares remain under the 2022 equity incentive plan?", []).plans == ("2022",)


@pytest.mark.parametrize("question, kind", [
    ("Among the analysts who rated Acme, what proportion said sell?", "pct"),  # "who" here is no name asked
    ("违约时丙方须按合同总价的多少赔付？", "pct"),  # a share of an amount
    ("按合同约定的多少元付款？", "money"),
])
def test_a_share_asked_in_other_words_is_a_percentage(question, kind):
    assert build(question, []).answer_kind == kind


def test_compute_asked_in_flops_is_not_answered_by_a_count_of_sites():
    from types import SimpleNamespace

    from gpumkt.answer.fitting import _in_unit_asked

    q = build("乙公司丙市园区到2026年底总共能提供多少PFLOPS？", [])
    assert q.unit == "flops" and not build("乙公司丙市园区的总算力有多大？", []).unit
    prose = SimpleNamespace(kind="text")
    sites = SimpleNamespace(own="丙园区已建成机房共4栋,合计约2,600 pflops", chunk=prose)
    assert not _in_unit_asked(q, SimpleNamespace(text="4"), sites)
    assert _in_unit_asked(q, SimpleNamespace(text="2,600"), sites)
    row = SimpleNamespace(own="园区: 丙市; 栋数: 4; 算力(pflops): 900", chunk=SimpleNamespace(kind="table"))
    assert _in_unit_asked(q, SimpleNamespace(text="900"), row) and not _in_unit_asked(q, SimpleNamespace(text="4"), row)


def test_a_share_repurchase_or_price_is_the_stock_not_a_part_of_a_whole():
    assert build("What size of share buyback program did Acme's board approve?", []).answer_kind == "money"
    assert not build("What was Acme's share price at the close?", []).asks_share
    assert build("What is Acme's market share?", []).answer_kind == "pct"


def test_a_number_of_things_opening_a_question_is_no_name_asked():
    from gpumkt.answer.asked import lead_name

    assert lead_name("每台服务器功耗多少?", []) == "" and lead_name("一诺科技的营收", [5]) == "一诺科技"


def test_shares_asked_by_number_are_a_count_and_a_share_based_cost_money():
    assert build("丙公司回购注销了多少万股？", []).answer_kind == "count"
    assert build("乙公司今年确认多少股份支付相关开支？", []).answer_kind == "money"


@pytest.mark.parametrize("question, asked", [
    ("甲乙2025财年的营收是多少？", ("2025y",)),  # a fiscal year asked is the whole year
    ("What was Acme's revenue in fiscal 2025?", ("2025y",)),
    ("Acme FY25 revenue?", ("2025y",)),
    ("甲乙2024年度营收是多少？", ("2024y",)),
    ("甲乙2025年营收是多少？", ("2025",)),  # a bare year may be met by its parts when nothing better is there
    ("甲乙2025年第一季度营收是多少？", ("2025q1",)),
])
def test_a_fiscal_year_asked_is_the_whole_year(question, asked):
    from gpumkt.lang.period_keys import agrees, exactly

    q = build(question, [])
    assert q.periods == asked
    if asked[0].endswith("y"):
        assert agrees(asked[0], ["2025h1" if "2025" in asked[0] else "2024h1"]) == "conflict"
        assert exactly(asked[0][:4], asked)


def test_what_is_taken_off_or_set_aside_is_not_the_measure_asked():
    assert build("甲乙扣除发行费用后拟投入项目的资金是多少？", []).metrics == ()
    alt = build("What card-hour target does Acme set for 2028 as the alternative to the revenue-growth goal?", [])
    assert {m.key for m in alt.metrics} == set()
    assert {m.key for m in build("What was Acme's revenue net of returns in 2024?", []).metrics} == {"营收"}


def test_what_the_figure_is_found_in_is_not_the_measure_asked():
    # "在…中，…": the deal or the contract the asked amount is part of sets the scene
    q = build("甲乙收购丙丁的总价款中，现金部分是多少？", [])
    assert "收购" not in {m.key for m in q.metrics} and q.wants_figure
    assert "订单" not in {m.key for m in build("甲乙与丙丁签的合同里，首年的服务费是多少？", []).metrics}
    assert {m.key for m in build("甲乙2024年的营收是多少？", []).metrics} == {"营收"}


def test_an_outlook_said_in_chinese_asks_guidance():
    assert build("甲乙对2026财年给出的营收展望是多少？", []).asks_guidance


def test_parties_joined_by_and_do_not_split_the_measures_asked():
    assert build("甲公司与大客户订立的服务订单贡献了多少营收？", []).parts == ()
    assert len(build("甲乙2024年营收和毛利率是多少？", []).parts) == 2


def test_a_glossary_phrase_the_tokenizer_cuts_is_looked_for_whole_across_languages():
    from gpumkt.answer.coverage import glossary_words, glossed

    q = build("请列出甲乙公司支付给核数师的审计费用", [])
    assert "审计费用" in glossary_words(q)  # (the tokenizer leaves 审计 and 费用)
    assert glossed("审计费用", "the audit fee for 2026 was approved at us$1.2 million")



def test_an_analysts_shorthand_names_no_company_and_its_measures_are_read():
    # "YE25" is a year's end, "GM" a margin, "DDTL" a loan: none is a company; "Rev" is revenue
    notes = ("# Acme Cloud (NASDAQ: ACME) meeting notes\n\n- Rev $405M, +52% y/y. Adj. GM 66.0%.\n"
             "- Net debt $2.2B at YE25; half the DDTL is drawn. Net revenue retention 121%.\n"
             "- Sites: 7 at YE25, 9 by YE26.\n")
    keys = {g.key for g in mining.mine_names([notes])}
    assert not {"ye25", "ye26", "gm", "ddtl", "ye"} & keys
    doc = Document("notes.md", "Acme meeting notes", notes, "0")
    names = mining.mine_names([notes])
    facts = {f.text: f for f in build_facts([u for c in chunk_document(doc) for u in units(c, notes)], names)}
    assert facts["$405m"].metric == "营收" and facts["66.0%"].metric == "毛利率"
    assert facts["$2.2b"].entity == "acme cloud" and facts["$2.2b"].period == "2025e"
    assert facts["121%"].metric == "净收入留存率"


def test_a_measures_words_joined_by_hyphens_are_the_measure():
    found = vocab.find("we trimmed our gross-margin estimate", vocab.metrics())
    assert [g.key for _, _, g in found] == ["毛利率"]


def test_debt_and_offering_terms_cross_languages():
    from gpumkt.answer.coverage import glossed

    # general terms of a debt or an offering, in any script, find the other language's passage
    assert glossed("提前清偿债务损失", "a $9.9 million loss on early extinguishment of debt")
    assert glossed("延迟提款定期贷款", "it raised $1.0 billion of delayed-draw term loans")
    assert glossed("定向增发", "the 2024 private placement of shares")
    assert {m.key for m in build("甲乙2024年末的净负债为多少？", []).metrics} == {"净负债"}


def test_the_last_sentence_of_the_item_before_is_a_sibling_not_context():
    notes = ("# Acme Cloud (NASDAQ: ACME) notes\n\n- Sites: 4. The newest, with B200 servers, opened in May.\n"
             "- Capex FY24 $1.3B.\n")
    doc = Document("notes.md", "Acme notes", notes, "0")
    names = mining.mine_names([notes])
    facts = {f.text: f for f in build_facts([u for c in chunk_document(doc) for u in units(c, notes)], names)}
    assert facts["$1.3b"].entity == "acme cloud"  # not the B200 of the item before


def test_a_phrase_in_apposition_to_the_company_is_no_word_asked():
    names = [vocab.Group("甲乙云", ("甲乙云",)), vocab.Group("beta", ("beta",))]
    q = build("How much revenue did Jiayi Cloud (甲乙云), the lessor of Beta's campus, book in 2024?", names)
    assert not {"lessor", "campus"} & set(q.words) and [m.key for m in q.metrics] == ["营收"]
    # a phrase after a year, not a name, stays asked
    assert "group" in build("In 2024, the revenue of the group, net of tax, was what?", []).words


def test_a_notes_analyst_and_a_hyphenated_attendee_are_people_not_companies():
    notes = ("# Acme Cloud (NASDAQ: ACME) notes\n\nAnalyst: Jane Roe, Beta Securities | Target: $20\n\n"
             "Attendees: Mara Quill-Benton (CFO). Roe and Quill met the funds.\n")
    keys = {g.key for g in mining.mine_names([notes])}
    assert not {"roe", "quill", "jane roe"} & keys
