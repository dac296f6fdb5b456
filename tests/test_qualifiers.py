"""What a question qualifies its figure with: a threshold it quotes, the funds it asks as money,
and the column a table row's figure stands in. Made-up companies (Acme, 甲市)."""

from gpumkt.answer import gate
from gpumkt.answer.fitting import _other_column, other_threshold
from gpumkt.answer.question import build
from gpumkt.ingest.facts import build_facts
from gpumkt.ingest.units import units
from gpumkt.lang import mining
from gpumkt.lang.text import normalise
from gpumkt.records import Chunk


def _judged(question: str, text: str, kind: str = "text"):
    names = mining.mine_names([text, "Acme Cloud grew."])
    chunk = Chunk("x-000", "x.md", "Acme", 0, len(text), text, normalise(text), kind, text)
    unit = units(chunk, text)[0]
    facts = build_facts([unit], names)
    return build(question, names), unit, facts, gate.judge(build(question, names), unit, facts, 0.45, 1.0, names)


def test_a_quoted_threshold_is_not_answered_by_another():
    text = "Acme Cloud had 57 customers each buying more than $2 million of capacity a year."
    q, _, facts, judged = _judged("How many Acme Cloud customers buy more than $10 million a year?", text)
    assert other_threshold(q, facts) and judged.contrary
    q, _, facts, _ = _judged("How many Acme Cloud customers buy more than $2 million a year?", text)
    assert not other_threshold(q, facts)
    q, _, facts, _ = _judged("Did Acme Cloud's customers buy more than $10 million?", text)  # the claim checked
    assert not other_threshold(q, facts)


def test_funds_asked_are_money():
    assert build("甲市2025年给了多少研发补贴？", []).answer_kind == "money"
    assert build("甲市有多少个项目获得资金？", []).answer_kind == "count"


def test_deadlines_in_working_days_are_durations():
    from gpumkt.ingest.measures import quantity
    from gpumkt.lang.numbers import figures

    assert build("审核通过后多少个工作日内拨付资金？", []).answer_kind == "duration"
    assert build("Within how many business days is the fee refunded?", []).answer_kind == "duration"
    assert quantity(figures("10")[0], "个工作日内拨付") == "duration"
    assert quantity(figures("5")[0], " business days") == "duration"
    assert quantity(figures("180")[0], "日书面通知") == "duration"
    assert quantity(figures("6")[0], "月30日") == "num"  # a date's month


def test_things_counted_after_a_makers_name_are_a_count_not_an_amount():
    from gpumkt.ingest.measures import quantity
    from gpumkt.lang.numbers import figures

    assert quantity(figures("310,000")[0], " amd gpus in service") == "count"
    assert quantity(figures("2,400")[0], " liquid-cooled racks") == "count"
    assert quantity(figures("9")[0], " billion gpu-hours") == "num"  # hours of use, not machines
    assert quantity(figures("12")[0], " million in revenue") == "num"
    # one list of things counted serves each reading: right after the figure, after a name, a header
    assert quantity(figures("640")[0], " servers") == quantity(figures("5")[0], " million acme users") == "count"
    assert quantity(figures("3")[0], " cardinal rules") == "num"


def test_a_row_figures_column_is_found_by_the_whole_number():
    text = "Power supplies | X9-4A: 4× 2,700 W (2+2); X9-8A: 8× 3,000 W (6+2); X9-8L: 6× 3,300 W (4+2)"
    q, unit, facts, _ = _judged("How many power supplies does the X9-8L have?", text, "table")
    six = next(f for f in facts if f.text == "6")
    assert not _other_column(q, six, unit)  # its own column, not the "(6+2)" of another


def test_a_part_of_a_question_is_judged_mostly_by_its_own_meaning():
    from types import SimpleNamespace

    import numpy as np

    from gpumkt.answer.evidence import _part_similarities
    vectors = np.eye(2, dtype="float32")  # unit 0 is about the first part, unit 1 about the second
    index = SimpleNamespace(unit_store=SimpleNamespace(index=SimpleNamespace(reconstruct=lambda r: vectors[r])))
    whole = {0: 0.7, 1: 0.5}  # the whole question leans to the first part's unit
    second = _part_similarities(index, np.array([0.0, 1.0], dtype="float32"), whole)
    assert second[1] > second[0]


def test_a_non_gaap_measure_asked_in_chinese_with_the_latin_abbreviation_is_the_adjusted_one():
    q = build("甲乙云2025年第三季度的非GAAP营业费用是多少？", [])
    assert q.asks_adjusted and q.contrasts[0][0][0] == "non-gaap"
    assert not build("甲乙云2025年第三季度的GAAP营业费用是多少？", []).asks_adjusted


def test_a_measure_named_in_a_clause_describing_a_noun_is_not_the_one_asked():
    described = build("How much did Acme pay for land whose revenue potential was disputed?", [])
    assert not described.metrics
    assert [m.key for m in build("In which quarter did Acme's shipments peak?", []).metrics] == \
        [m.key for m in build("When did Acme's shipments peak?", []).metrics] != []


def test_a_question_opening_with_a_role_names_no_company():
    from gpumkt.answer.asked import lead_name
    from gpumkt.lang.text import normalise

    assert lead_name(normalise("企业申领丙区的租金补助后，需承诺经营多少年？"), []) == ""
    assert lead_name(normalise("丙芯2026年营收是多少？"), []) == "丙芯"


def test_a_debts_coupon_is_its_rate_and_its_maturity_no_period():
    from gpumkt.ingest.dating import dates_an_event

    q, _, facts, judged = _judged("What is the coupon rate on Acme Cloud's senior notes maturing in 2032?",
                                  "In March 2026 Acme Cloud sold $400 million of 6.125% senior notes due 2032.")
    assert q.plans == ("2032",) and not q.periods
    assert [(f.text, f.metric, f.period) for f in facts if f.quantity == "pct"] == [("6.125%", "利率", "2026-03")]
    assert judged.answers and [f.text for f in judged.facts] == ["6.125%"]
    assert dates_an_event("6.125% senior notes due 2031", 24, 28) and dates_an_event("票据于2031年到期", 3, 7)

