from gpumkt.answer.check import (
    canonical_markers,
    check_answer,
    fact_conflicts,
    misattributed,
    split_answer,
)
from gpumkt.lang.numbers import figures
from gpumkt.records import Evidence, Fact


def ev(n, quote, source="002.txt", section="CoreWeave"):
    return Evidence(n=n, source=source, chunk_id=f"c{n}", section=section, quote=quote, start=0,
                    end=len(quote), score=1.0, label=quote)


EVIDENCE = [ev(1, "CoreWeave在2025年第二季度营收达到12亿美元,年增长率高达207%。"),
            ev(2, "公司的合约积压年增长86%至301亿美元。")]


def test_markers_are_made_canonical():
    assert canonical_markers("营收12亿【1、2】") == "营收12亿[1][2]"
    assert canonical_markers("a [1, 2] b ［3］") == "a[1][2] b[3]"
    assert split_answer("甲。[1] 乙。[2]") == ["甲。[1]", "乙。[2]"]


def test_invented_figure_is_flagged():
    checked = check_answer("CoreWeave营收为207亿美元[1]。", EVIDENCE)
    assert checked.unsupported == ["207亿美元"]


def test_right_figure_in_other_script_and_language_passes():
    assert check_answer("Revenue was $1.2 billion [1].", EVIDENCE).unsupported == []
    assert check_answer("營收為12億美元[1]。", EVIDENCE).unsupported == []


def test_marker_that_names_no_evidence_is_dropped():
    checked = check_answer("营收为12亿美元[7]。", EVIDENCE)
    assert checked.dropped_markers == [7]
    assert checked.text == "营收为12亿美元[1]。" and checked.cited == [1]


def test_figure_cited_to_the_wrong_evidence_is_recited():
    checked = check_answer("合约积压为301亿美元[1]。", EVIDENCE)
    assert checked.cited == [2] and not checked.unsupported  # [1] states no such figure: dropped


def test_unmarked_sentence_gets_the_evidence_it_overlaps():
    checked = check_answer("公司的合约积压年增长很快。", EVIDENCE)
    assert checked.cited == [2]


def test_unmarked_unrelated_sentence_is_unsupported():
    checked = check_answer("今天天气很好。", EVIDENCE)
    assert checked.cited == [] and checked.unsupported_sentences == ["今天天气很好。"]


def fact(text, value, source="000.txt", entity="coreweave", metric="营收", period="2024",
         quantity="money", fid=None):
    return Fact(fid or f"{source}-{text}", source, "c", text, value, quantity, "usd" if quantity == "money" else "",
                entity, metric, period, 0, 1, 0, 1)


def test_conflict_between_reports_from_the_fact_layer():
    a, b = fact("20亿美元", 2.0e9), fact("19.15亿美元", 1.915e9, source="004.txt")
    assert fact_conflicts([a, b], [a]) == []  # within rounding
    c = fact("35亿美元", 3.5e9, source="004.txt")
    assert fact_conflicts([a, c], [a]) == [(a, c)]


def test_a_report_that_also_gives_the_same_figure_is_no_conflict():
    a = fact("62%", 62, quantity="pct", metric="客户集中度")
    b = fact("77%", 77, source="004.txt", quantity="pct", metric="客户集中度")
    b2 = fact("62%", 62, source="004.txt", quantity="pct", metric="客户集中度", fid="x")
    assert fact_conflicts([a, b, b2], [a]) == []


def test_another_period_metric_or_kind_is_no_conflict():
    a = fact("20亿美元", 2.0e9)
    others = [fact("12亿美元", 1.2e9, source="002.txt", period="2025q2"),
              fact("301亿美元", 3.01e10, source="002.txt", metric="合约积压"),
              fact("737%", 737, source="004.txt", quantity="pct")]
    assert fact_conflicts([a] + others, [a]) == []


def test_attribution_rejects_a_neighbouring_figure():
    q2 = fact("12亿美元", 1.2e9, source="002.txt", period="2025q2")
    # The answer gives 10.8亿美元 (the analysts' expectation in the same sentence) as revenue.
    assert misattributed("营收为10.8亿美元[1]。", [q2], []) == ["10.8亿美元"]
    assert misattributed("营收为12亿美元[1]，是2025年的数字。", [q2], []) == []
    assert misattributed("Revenue was $1.2 billion [1].", [q2], []) == []
    assert misattributed("比预期的10.8亿美元高", [q2], figures("预期10.8亿美元")) == []


def test_figures_many_times_apart_are_of_different_scopes_not_a_conflict():
    plan = fact("230亿美元", 2.3e10, metric="资本开支", period="2025")
    quarter = fact("29亿美元", 2.9e9, source="002.txt", metric="资本开支", period="2025")
    assert fact_conflicts([plan, quarter], [plan]) == []
    a, b = fact("6亿美元", 6e8, metric="估值"), fact("1.38亿美元", 1.38e8, source="002.txt", metric="估值")
    assert fact_conflicts([a, b], [a]) == [(a, b)]


def test_a_figure_inside_another_reports_range_is_no_conflict():
    estimate = fact("52.6亿美元", 5.26e9, period="2025")
    low, high = fact("$5.15 billion", 5.15e9, source="004.txt", period="2025"), \
        fact("$5.35 billion", 5.35e9, source="004.txt", period="2025", fid="hi")  # one sentence: a range
    assert fact_conflicts([estimate, low, high], [estimate]) == []
    assert fact_conflicts([estimate, low], [estimate]) == [(estimate, low)]  # one end alone differs
