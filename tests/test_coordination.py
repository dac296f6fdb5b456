"""Things a question lists side by side are asked one by one: each becomes a part."""

import pytest

from gpumkt.answer.coordination import entities_coordinated, periods_coordinated
from gpumkt.answer.question import build


@pytest.mark.parametrize("norm, listed", [
    ("乙公司2022年与2023年的毛利率分别是多少", ["2022", "2023"]),
    ("what legal fees did acme pay in 2026 and in 2025?", ["2026", "2025"]),
    ("乙公司2027e和2028e的每股收益各是多少", ["2027", "2028"]),
    ("从2025年到2030年的年复合增长率是多少", []),  # a span
    ("how much did the price fall between late 2022 and mid 2024?", []),
    ("2024年和2025年合计营收多少", []),  # a sum
    ("acme's revenue in 2025", []),
])
def test_periods_listed_side_by_side_are_each_asked(norm, listed):
    assert periods_coordinated(norm) == listed


def test_companies_listed_side_by_side_but_not_held_together():
    assert entities_coordinated("甲和乙各增长多少", ["甲", "乙"])
    assert not entities_coordinated("甲和乙合计贡献多少", ["甲", "乙"])


def test_a_question_listing_two_periods_has_a_part_for_each():
    q = build("What were Acme's capital expenditures in Q1 2026 and in Q3 2025?", [])
    assert [p.periods for p in q.parts] == [("2026q1",), ("2025q3",)]


def test_a_piece_naming_only_a_period_asks_what_the_first_piece_asked():
    q = build("What was Acme's operating margin in 2026, and what was it in 2025?", [])
    assert [p.periods for p in q.parts] == [("2026",), ("2025",)]
    assert all(p.metrics for p in q.parts)
    assert not build("乙公司到2025年6月底账上还有多少现金？", []).parts  # (还有 joins no second question)


def test_two_things_listed_before_respectively_are_each_a_part():
    from gpumkt.answer.coordination import nouns_coordinated

    assert nouns_coordinated("首期和二期的机柜分别有多少") == ("首期", "二期", (0, 5))
    assert nouns_coordinated("甲和乙合计多少") is None
    q = build("乙公司员工持股方案里，高管部分和骨干部分的股票分别为多少万股？", [])
    assert [p.answer_kind for p in q.parts] == ["count", "count"]
    assert "骨干" not in q.parts[0].words and "骨干" in q.parts[1].words


def test_measures_are_coordinated_by_a_word_between_them_not_before():
    from gpumkt.answer.coordination import measures_coordinated

    assert measures_coordinated("营收和毛利率是多少", ["营收", "毛利率"])
    assert not measures_coordinated("甲公司与大客户订立的服务订单贡献了多少营收", ["订单", "营收"])
