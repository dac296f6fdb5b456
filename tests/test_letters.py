"""A fund's quarterly letter to its investors, hard-wrapped like an e-mail, and an outlook slide:
short lines and blank lines that end a paragraph, a legal form's letters ("L.P."), a quarter's
letter naming its own quarter, a balance "at quarter end, up from … on June 30", a period as an
adjective ("second-quarter revenue"), rows under a caption line naming their year, and a fund's
measures. Made-up fund and companies (Birchmoor, Acme)."""

from gpumkt.answer import gate
from gpumkt.answer.question import build
from gpumkt.ingest.dating import period_in
from gpumkt.ingest.report_periods import report_year
from gpumkt.ingest.units import lead_period
from gpumkt.lang.periods import periods
from gpumkt.lang.text import sentence_spans, squash

from reading import read

LETTER = "\n".join([
    "Birchmoor Partners LP",
    "Birchmoor Growth Fund, L.P.",
    "",
    "Second Quarter 2026 Letter to Limited Partners",
    "July 9, 2026",
    "",
    "PRIVATE AND CONFIDENTIAL",
    "",
    "Dear Partners,",
    "The Birchmoor Growth Fund, L.P. (the \"Fund\") had a net return of +5.2%",
    "in the second quarter of 2026, against +3.9% for its benchmark. We thank",
    "you for your continued support",
    "",
    "Fund assets under management stood at $2.45 billion at quarter end, up",
    "from $2.10 billion on March 31, 2026. Subscriptions on April 1 added",
    "about $150 million and performance the rest of the increase in assets.",
    "",
    "Acme Cloud, our largest holding, reported first-quarter revenue of $410",
    "million, up 96% year over year, with backlog of $6.2 billion at the end",
    "of March.",
    "",
    "The performance fee is 20% of net profits above a 6% annual hurdle, and",
    "the management fee is 1.25% a year.",
    "",
])


def _sentences(text: str) -> list[str]:
    return [squash(text[a:b]) for a, b in sentence_spans(text)]


def test_a_hard_wrapped_letter_breaks_at_short_lines_blank_lines_and_not_after_a_legal_form():
    said = _sentences(LETTER)
    assert "Dear Partners," in said  # a salutation with room left on its line ends there
    assert "PRIVATE AND CONFIDENTIAL" in said  # a blank line before a capital parts paragraphs
    assert any(s.startswith('The Birchmoor Growth Fund, L.P. (the "Fund") had a net return of +5.2%') for s in said)
    # a line wrapped because the next word no longer fitted goes on
    assert "We thank you for your continued support" in said
    assert _sentences("The Acme Fund, L.P. (the Fund) rose.") == ["The Acme Fund, L.P. (the Fund) rose."]


def test_a_quarters_letter_names_its_quarter_and_dates_at_quarter_end_by_it():
    assert report_year(LETTER) == "2026q2"
    assert report_year("Q3 2025 Shareholder Update\nAcme Cloud") == "2025q3"
    assert report_year("Acme Cloud Annual Report 2025") == "2025"
    us, facts, _ = read(LETTER, "birchmoor_q2_letter.txt")
    by_text = {f.text: f for f in facts}
    # the balance now is the letter's quarter's; the one it is up from is the date's
    assert by_text["$2.45 billion"].period == "2026q2" and by_text["$2.10 billion"].period == "2026q1"
    assert by_text["$2.45 billion"].metric == by_text["$2.10 billion"].metric != ""


def test_a_balance_up_from_one_on_a_date_is_not_dated_by_it():
    clause = "stood at $2.45 billion at quarter end, up from $2.10 billion on march 31, 2026"
    assert period_in(clause, clause.index("$2.45"), clause.index(" at quarter")) == ""


def test_a_period_as_an_adjective_is_that_period():
    assert periods("reported first-quarter revenue of $410 million") == ["q1"]
    assert periods("third-quarter 2025 revenue") == ["2025q3"]
    assert periods("second-half 2025 ramp") == ["2025h2"]
    assert periods("a first-rate quarter") == []


def test_a_funds_measures_are_read_in_its_letter_and_asked_in_three_scripts():
    us, facts, names = read(LETTER, "birchmoor_q2_letter.txt")
    by_text = {f.text: f for f in facts}
    assert by_text["5.2%"].metric == "回报率" and by_text["5.2%"].entity == "birchmoor"
    assert by_text["20%"].metric == "绩效费" and by_text["6%"].metric == "门槛收益率"
    assert by_text["1.25%"].metric == "管理费率"
    assert by_text["$410 million"].period == "2026q1"  # the first quarter of the letter's year
    for asked, metric in (("What were Birchmoor's assets under management?", "资产管理规模"),
                          ("Birchmoor基金的門檻報酬率是多少？", "门槛收益率"),
                          ("What is the PT on Acme after the results?", "目标价"),
                          ("Acme 2026年的有效税率预计是多少？", "税率")):
        assert [m.key for m in build(asked, names).metrics] == [metric], asked


def test_rows_under_a_caption_line_take_its_period():
    slide = "\n".join(["Outlook", "Q3 FY27 (quarter ending March 31, 2027)", "Revenue          $1.1B-$1.2B",
                       "", "FY27 (guidance)", "Revenue          $4.6B-$4.8B", "Non-GAAP tax rate           ~15%"])
    assert lead_period(slide, slide.index("Revenue          $1.1B")) == "2027q3"
    assert lead_period(slide, slide.index("Non-GAAP tax rate")) == "2027"
    # a line that states a figure is no caption
    text = "2025 revenue was $5 billion.\n2024 margin 20%\nGross margin 30%"
    assert lead_period(text, text.index("Gross")) == ""


def test_a_fund_letters_words_are_no_names():
    _, _, names = read(LETTER + "\nYTD 2026 return +9.1%; 4.1% of NAV.\n", "birchmoor_q2_letter.txt")
    forms = {f for g in names for f in g.forms}
    assert not {"ytd", "nav"} & forms
    assert "birchmoor growth fund" in forms or any("birchmoor" in f for f in forms)


def test_a_sentence_whose_only_period_is_a_comparisons_base_does_not_conflict_with_the_period_asked():
    us, facts, names = read(LETTER.replace("Second Quarter 2026 Letter", "Letter"), "birchmoor_letter.txt")
    unit = next(u for u in us if "$2.45 billion" in u.quote)
    q = build("What were Birchmoor's assets under management at the end of June 2026?", names)
    assert gate._period(q, unit) == "unknown"  # not "conflict": March 31 dates the base only
    q = build("What were Birchmoor's assets under management at the end of March 2026?", names)
    assert gate._period(q, unit) == "match"


def test_a_base_of_about_a_figure_dates_neither_its_sentence_nor_the_next():
    call = ("Acme Cloud Third Quarter 2026 Earnings Call\n\n"
            "We ended the quarter with about 9,000 GPUs, up from about 7,500 at the end of the second "
            "quarter. Contracted power now stands at 300 megawatts.\n")
    us, facts, names = read(call, "acme_call.txt")
    assert {f.text: f.period for f in facts}["300"] != "q2"
    unit = next(u for u in us if "300 megawatts" in u.quote)
    q = build("What contracted power did Acme Cloud have at the end of the third quarter of 2026?", names)
    assert gate._period(q, unit) != "conflict"


def test_a_realized_gain_is_a_measure_of_its_own():
    _, facts, names = read("Birchmoor Letter\n\nBirchmoor exited Acme Cloud in May, realizing a gain of $41.2 million.\n",
                            "b.txt")
    assert {f.text: f.metric for f in facts}["$41.2 million"] == "已实现收益"
    assert [m.key for m in build("Birchmoor在Acme Cloud上的已實現收益是多少？", names).metrics] == ["已实现收益"]
