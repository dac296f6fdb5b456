"""A merger proxy's summary of an adviser's analyses: the target written with its defined short
names and ticker in one bracket, an "Opinion of <adviser>" heading that does not own the figures,
a deal's measures (enterprise and equity value, premium, termination fees, bridge facility, exit
multiple), plural measures ("discount rates") and a table's row numbers. Made-up companies
(Bramblecote, Acme, Quillfeather)."""

from gpumkt.answer import gate
from gpumkt.answer.fitting import of_another_company
from gpumkt.answer.question import build
from gpumkt.lang import vocab

from reading import read

PROXY = "\n".join([
    "BRAMBLECOTE COMPUTE, INC. - PROXY STATEMENT (EXCERPT)",
    "",
    "Opinion of Quillfeather Advisors LLC",
    "",
    'Bramblecote Compute, Inc. ("Bramblecote" or the "Company", Nasdaq: BRMC) retained Quillfeather '
    'Advisors LLC ("Quillfeather") as its financial advisor in connection with its acquisition by '
    'Acme Holdings, Inc. ("Acme").',
    "",
    "The merger consideration, $52.40 per share in cash, is a premium of about 31.5% over the "
    "undisturbed close of $39.85.",
    "",
    "With 120.0 million fully diluted shares the price gives an equity value of $6.29 billion and, "
    "with Bramblecote's net debt of $1.81 billion added, an enterprise value of $8.10 billion.",
    "",
    "Terminal multiples of 6.0x to 7.5x were applied, and the cash flows were brought back at "
    "discount rates of 10.5% to 12.5%.",
    "",
    "Bramblecote will be required to pay Acme a termination fee of $190 million in specified "
    "circumstances. Acme will be required to pay Bramblecote a reverse termination fee of $410 million "
    "if regulatory approvals are not obtained.",
    "",
    "Acme obtained a commitment for a bridge facility of up to $5.5 billion.",
    "",
])


def test_a_target_named_with_its_short_names_and_ticker_in_one_bracket_owns_the_unnamed_figures():
    _, facts, _ = read(PROXY, "bramblecote_proxy.pdf")
    by_text = {f.text: f for f in facts}
    for figure in ("$52.40", "31.5%", "$6.29 billion", "$8.10 billion"):
        assert by_text[figure].entity == "bramblecote compute", figure  # not the adviser the heading names


def test_a_deals_measures_are_read_and_asked():
    _, facts, names = read(PROXY, "bramblecote_proxy.pdf")
    by_text = {f.text: f.metric for f in facts}
    assert by_text["$6.29 billion"] == "股权价值" and by_text["$8.10 billion"] == "企业价值"
    assert by_text["31.5%"] == "溢价率" and by_text["$52.40"] == "价格"
    assert by_text["$190 million"] == "终止费" and by_text["$410 million"] == "反向终止费"
    assert by_text["$5.5 billion"] == "过桥贷款" and by_text["6.0x"] == "退出倍数"
    for asked, metric in (("What reverse termination fee would Acme owe Bramblecote?", "反向终止费"),
                          ("這筆交易隱含Bramblecote的企業價值是多少？", "企业价值"),
                          ("Acme取得的过桥贷款承诺额度是多少？", "过桥贷款")):
        assert [m.key for m in build(asked, names).metrics] == [metric], asked


def test_a_plural_measure_is_its_singular_whatever_its_last_letter():
    _, facts, _ = read(PROXY, "bramblecote_proxy.pdf")
    assert {f.text: f.metric for f in facts}["10.5%"] == "贴现率"  # "discount rates", not the cash flows
    found = lambda text: [g.key for _, _, g in vocab.find(text, vocab.metrics())]  # noqa: E731
    assert found("management fees") == found("management fee") and found("discount rates") == found("discount rate")


def test_a_valuation_methods_name_is_no_measure_asked():
    q = build("What discount rates did the discounted cash flow analysis of Bramblecote use?", [])
    assert [m.key for m in q.metrics] == ["贴现率"] and q.answer_kind == "pct"  # not the cash flows


def test_a_tables_row_number_is_no_figure():
    text = ("甲乙算力募集资金使用计划\n\n| 序号 | 项目名称 | 项目投资总额（万元） |\n|---|---|---|\n"
            "| 1 | 智算中心建设项目 | 86,420.00 |\n| 2 | 补充流动资金 | 16,000.00 |\n")
    _, facts, _ = read(text, "jiayi_plan.md")
    assert sorted(f.text for f in facts) == ["16,000.00", "86,420.00"]


def test_a_count_the_sentence_gives_the_target_is_not_the_acquirers():
    us, facts, names = read(PROXY, "bramblecote_proxy.pdf")
    shares = next(f for f in facts if f.text == "120.0 million")
    unit = next(u for u in us if "120.0 million" in u.own)
    own = {g.key for _, _, g in vocab.find(unit.own, names)}
    assert of_another_company(build("How many fully diluted shares does Acme Holdings have?", names), shares, own)
    assert not of_another_company(build("How many fully diluted shares does Bramblecote have?", names), shares, own)


def test_a_question_on_this_offering_is_not_answered_under_a_heading_on_the_previous_one():
    plan = "\n".join([
        "# 甲乙算力2025年度向特定对象发行A股股票预案", "",
        "## 第二节 本次募集资金运用", "",
        "### 一、本次募集资金投向", "",
        "本次发行拟募集资金不超过150,000.00万元。", "",
        "### 二、前次募集资金运用情况", "",
        "公司于2021年6月定向增发股票，每股发行价格为31.50元，募得资金63,000.00万元。", ""])
    us, facts, names = read(plan, "jiayi_plan.md")
    earlier = next(u for u in us if "31.50元" in u.own)
    judged = gate.judge(build("甲乙算力本次发行的发行价格是多少？", names), earlier,
                        [f for f in facts if f.sent_start == earlier.start], 0.6, 1.0, names)
    assert judged.contrary  # the innermost heading is the previous raise's
    judged = gate.judge(build("甲乙算力前次发行的发行价格是多少？", names), earlier,
                        [f for f in facts if f.sent_start == earlier.start], 0.6, 1.0, names)
    assert not judged.contrary
