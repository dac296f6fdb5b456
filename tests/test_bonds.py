"""A convertible bond's terms and a GPU cloud's debt: a date defined as a term (「发行日」) is no
company's short name, a company's stock code bracket may say where it is listed, a role given in
quotes ("Provider") is no name, a phrase in apposition to a measure does not measure its figure,
a bond's and a loan's measures and words, an English question that writes a company in Chinese,
"2025年度全年" as the whole year, and an amount a question quotes to say which debt it means.
Made-up companies (庚辛科技, Tollwick, Harrowgate, Fenmoor)."""

from gpumkt.answer import gate
from gpumkt.answer.fitting import other_threshold
from gpumkt.answer.question import build
from gpumkt.lang.legal_names import defined_names
from gpumkt.lang.listed_names import listed_names
from gpumkt.lang.mining import mine_names
from gpumkt.lang.periods import periods, western_years
from gpumkt.lang.text import detect_language

from reading import read

TERMS = "\n".join([
    "庚辛科技股份有限公司", "",
    "（股票代號：7311，臺灣證券交易所上市）", "",
    "# 轉換公司債發行辦法摘要", "",
    "## 第一條　債券名稱", "",
    "債券名稱：庚辛科技股份有限公司國內第一次無擔保轉換公司債", "",
    "## 第二條　發行日期", "",
    "本債券於民國114年5月6日發行（以下簡稱「發行日」）。", "",
    "## 第三條　轉換價格", "",
    "依基準價格新臺幣210.00元及轉換溢價率105%，轉換價格訂為每股新臺幣220.50元。", "",
])

ARTICLE = "\n".join([
    "# How Tollwick Cloud pays for its GPUs", "",
    "At June 30, 2025 Tollwick Cloud's remaining performance obligations, the revenue signed but not "
    "yet booked, stood at $9.4 billion.", "",
    "Tollwick's total debt was $5.2 billion, of which $0.6 billion was equipment financing. "
    "Its debt carried an average interest rate of 8.1% at June 30.", "",
    "Harrowgate Compute, a competitor, borrows under a $2.2 billion delayed-draw term loan at SOFR plus 3.10%.", "",
])


def test_a_date_defined_as_a_term_is_no_short_name_of_the_company_before_it():
    groups = defined_names(TERMS)
    assert not any("发行日" in g for g in groups)


def test_a_stock_code_bracket_that_says_where_the_company_is_listed_names_it():
    assert {"庚辛科技股份有限公司", "庚辛科技"} in listed_names(TERMS)
    group = next(g for g in mine_names([TERMS]) if "庚辛科技" in g.forms)
    assert "庚辛" in group.forms or "庚辛科技" in group.forms


def test_a_role_a_company_is_given_in_quotes_is_no_name_of_it():
    form = ('This order is made under the agreement between Fenmoor Compute, Inc., a Delaware '
            'corporation ("Fenmoor" or "Provider"), and its customer. The provider shall deliver the GPUs.')
    group = next(g for g in mine_names([form]) if "fenmoor" in g.forms)
    assert "provider" not in group.forms


def test_a_phrase_in_apposition_to_a_measure_does_not_measure_the_figure_after_it():
    _, facts, _ = read(ARTICLE, "tollwick_article.md")
    assert next(f for f in facts if f.text == "$9.4 billion").metric == "合约积压"  # not revenue


def test_a_bonds_prices_are_measures_and_a_full_year_said_after_年度_is_the_whole_year():
    _, facts, names = read(TERMS, "gengxin_cb.docx")
    by_text = {f.text: f.metric for f in facts}
    assert by_text["新台币210.00元"] == "基准价格" and by_text["新台币220.50元"] == "转换价格"
    assert [m.key for m in build("What is the conversion price of 庚辛科技's bond?", names).metrics] == ["转换价格"]
    assert [m.key for m in build("Tollwick的DDTL 3承诺费是多少？", names).metrics] == ["承诺费"]
    assert periods(western_years("庚辛科技民国114年度全年的营业收入")[0]) == ["2025y"]


def test_an_english_question_that_writes_a_company_in_chinese_is_english():
    assert detect_language("What base price was used to set the conversion price of 庚辛科技's bond?") == "en"
    assert detect_language("Tollwick Cloud 的 DDTL 3 承诺费是多少？") == "zh-Hans"
    assert detect_language("Harrowgate Compute 財務長 Ann Lee 2025年總薪酬是多少？") == "zh-Hant"


def test_a_question_on_notes_is_not_answered_by_a_loan_facility():
    us, facts, names = read(ARTICLE, "tollwick_article.md")
    loan = next(u for u in us if "delayed-draw" in u.own)
    judged = gate.judge(build("What coupon does Harrowgate Compute pay on its senior notes?", names), loan,
                        [f for f in facts if f.sent_start == loan.start], 0.6, 1.0, names)
    assert judged.contrary


def test_an_amount_quoted_to_say_which_debt_is_asked_must_be_stated_by_the_answer():
    _, facts, names = read(ARTICLE, "tollwick_article.md")
    rate = [f for f in facts if f.text == "8.1%"]
    debt = [f for f in facts if f.text == "$0.6 billion"]
    asked = build("Tollwick Cloud约6亿美元的设备融资，利率是多少？", names)
    assert other_threshold(asked, rate)  # the total debt's average rate, not the equipment financing's
    assert not other_threshold(asked, debt + rate)
