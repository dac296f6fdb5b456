from gpumkt.check import canonical_markers, check_answer, find_conflicts, split_answer
from gpumkt.numbers import figures
from gpumkt.records import Evidence


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


ABOUT = [("coreweave", ("coreweave",)), ("营收", ("营收", "收入", "revenue")), ("2024", ("2024",))]
SHOWN = figures("约20亿美元")


def test_conflict_between_reports():
    items = [ev(1, "收入：2024年约20亿美元", source="000.txt", section="CoreWeave - 规模巨头"),
             ev(2, "截至2024年,CoreWeave營收規模為19.15億美元", source="004.txt")]
    conflicts = find_conflicts(items, ABOUT, SHOWN)
    assert len(conflicts) == 1
    assert [v["n"] for v in conflicts[0].values] == [1, 2]
    assert {v["value"] for v in conflicts[0].values} == {"20亿美元", "19.15亿美元"}


def test_agreeing_reports_are_no_conflict():
    items = [ev(1, "CoreWeave 2024年营收12亿美元", source="000.txt"),
             ev(2, "CoreWeave 2024年營收$1.2 billion", source="004.txt")]
    assert find_conflicts(items, ABOUT, SHOWN) == []


def test_same_report_is_no_conflict():
    items = [ev(1, "CoreWeave 2024年营收12亿美元"), ev(2, "CoreWeave 2024年营收19亿美元")]
    assert find_conflicts(items, ABOUT, SHOWN) == []


def test_figures_of_another_kind_are_no_conflict():
    items = [ev(1, "CoreWeave 2024年营收20亿美元", source="000.txt"),
             ev(2, "CoreWeave 2024年营收增长率为737%", source="004.txt")]
    assert find_conflicts(items, ABOUT, SHOWN) == []


def test_another_year_is_no_conflict():
    items = [ev(1, "收入：2024年约20亿美元", source="000.txt", section="CoreWeave"),
             ev(2, "CoreWeave 2025年第二季度营收达到12亿美元", source="002.txt")]
    assert find_conflicts(items, ABOUT, SHOWN) == []
