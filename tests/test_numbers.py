import pytest

from gpumkt.lang.numbers import figure_spans, figures, supported


def one(text):
    figs = figures(text)
    assert len(figs) == 1, figs
    return figs[0]


@pytest.mark.parametrize("a,b", [
    ("13億美元", "$1.3 billion"),
    ("12亿美元", "1.2 billion dollars"),
    ("19.15億美元", "19.15亿美元"),
    ("25萬塊GPU", "250,000 GPUs"),
    ("6700万美元", "$67 million"),
    ("2.8万亿美元", "$2.8 trillion"),
    ("207%", "207 %"),
    ("7倍", "7x"),
    ("１２％", "12%"),
    ("每股4.5港仙", "HK$0.045"),  # a Hong Kong dividend in cents
    ("1,250百萬港元", "HK$1.25 billion"),
    ("EUR 1,146 million", "11.46亿欧元"),
])
def test_same_quantity_across_scripts_and_languages(a, b):
    assert one(a).matches(one(b))


@pytest.mark.parametrize("a,b", [
    ("12亿美元", "207亿美元"),  # the invented revenue from the trial
    ("207%", "207亿美元"),      # percentage is not money
    ("7倍", "7%"),
    ("10亿英镑", "10亿美元"),    # both currencies stated and different
    ("12亿港元", "12亿元"),
])
def test_different_quantities_do_not_match(a, b):
    assert not one(a).matches(one(b))


@pytest.mark.parametrize("text", ["H100 GPU", "GPT-4o", "Q2", "FY26", "[3]", "FY\ufffd\ufffd"])
def test_names_and_markers_are_not_figures(text):
    assert figures(text) == []


def test_ranges_share_their_scale():
    values = [f.value for f in figures("3-4万亿美元")]
    assert values == [3e12, 4e12]
    assert [f.kind for f in figures("13.7%-35.8%")] == ["pct", "pct"]


def test_supported_against_a_pool():
    pool = figures("營收達到12億美元,年增長率207%")
    assert supported(one("$1.2 billion"), pool)
    assert not supported(one("207亿美元"), pool)


def test_a_range_is_said_once_in_the_high_ends_words():
    from gpumkt.lang.numbers import render_range

    assert render_range(3e12, 4e12, "money", "usd", "en") == "$3-4 trillion"
    assert render_range(3e12, 4e12, "money", "usd", "zh-Hans") == "3-4万亿美元"
    assert render_range(5e8, 2e9, "money", "usd", "en") == "$500 million to $2 billion"


@pytest.mark.parametrize("source,quantity,en,hans,hant", [
    ("33亿美元", "money", "$3.3 billion", "33亿美元", "33億美元"),
    ("2.8萬億美元", "money", "$2.8 trillion", "2.8万亿美元", "2.8萬億美元"),
    ("25万", "count", "250,000", "25万", "25萬"),
    ("12億", "num", "1.2 billion", "12亿", "12億"),
    ("$67 million", "money", "$67 million", "6700万美元", "6700萬美元"),
    ("12.5%", "pct", "12.5%", "12.5%", "12.5%"),
])
def test_the_figure_converter_says_a_value_in_each_script_and_reads_back_the_same(source, quantity, en, hans, hant):
    from gpumkt.lang.numbers import render
    from gpumkt.lang.text import to_script

    fig = one(source)
    said = {lang: to_script(render(fig.value, quantity, fig.currency, lang), lang)
            for lang in ("en", "zh-Hans", "zh-Hant")}
    assert said == {"en": en, "zh-Hans": hans, "zh-Hant": hant}
    assert all(one(text).value == pytest.approx(fig.value) for text in said.values())  # by value


@pytest.mark.parametrize("text, found", [
    ("由两位联合创始人创办", [("两", 2.0)]), ("分为五個等級", [("五", 5.0)]), ("十二家数据中心", [("十二", 12.0)]),
    ("一家公司", []), ("第三家", []), ("三季度营收", []), ("几十家", [])])
def test_counts_in_chinese_numerals_are_figures(text, found):
    assert [(f.text, f.value) for f, _, _ in figure_spans(text)] == found


@pytest.mark.parametrize("text, found", [
    ("prices dropped by about a fifth since march", [("a fifth", 20.0)]),
    ("two-thirds of sales", [("two-thirds", 66.67)]), ("just over half of sales", [("half", 50.0)]),
    ("三分之一的收入", [("三分之一", 33.33)]), ("超过一半来自推理", [("一半", 50.0)]),
    ("占百分之二十六", [("百分之二十六", 26.0)]),
    # ordinals and periods read the same and are no shares
    ("a third party", []), ("in the second half of 2025", []), ("a quarter earlier", []), ("a fifth site", [])])
def test_shares_said_as_fractions_are_percentages(text, found):
    shares = [f for f, _, _ in figure_spans(text) if f.kind == "pct"]
    assert [(f.text, f.value) for f in shares] == found


@pytest.mark.parametrize("text, value", [
    ("a margin of 46 percent", 46.0), ("37 per cent of revenue", 37.0), ("up 2 percentage points", 2.0),
    ("SOFR plus 275 basis points", 2.75), ("加息50个基点", 0.5)])
def test_percentages_in_words_after_the_digits(text, value):
    (fig,) = figure_spans(text)[:1][0][:1]
    assert fig.kind == "pct" and fig.value == pytest.approx(value)


@pytest.mark.parametrize("said, text", [("a pay ratio of approximately 85 to 1.", "85 to 1"),
                                        ("a ratio of 85:1, against", "85:1"), ("net debt of 3.5 times", "3.5 times")])
def test_a_ratio_to_one_and_times_are_multiples(said, text):
    (fig,) = figures(said)
    assert (fig.text, fig.kind) == (text, "mult")


def test_a_figure_before_a_bigger_one_after_to_is_no_ratio():
    assert [f.kind for f in figures("from 3 to 1,200 sites, then to 1.5 million")] == ["num", "num", "num"]


def test_mega_before_watt_is_the_unit_not_a_trillion():
    assert [f.value for f in figures("签约容量不超过18.5兆瓦")] == [18.5]
    assert [f.value for f in figures("营收3兆元")] == [3e12]  # (a trillion, as Taiwan writes it)


def test_a_minus_sign_before_a_figure_stays_in_its_text():
    # "净利润-1.25亿元" is a loss: the sign is part of what the report says; a range's dash and a
    # model's hyphen are no sign
    assert [f.text for f in figures("净利润-1.25亿元，增长-2.5%")] == ["-1.25亿元", "-2.5%"]
    assert [f.text for f in figures("12-15亿美元")] == ["12-", "15亿美元"]
    assert figures("gpt-4") == []


def test_a_bandwidth_is_no_currency():
    assert [(f.text, f.currency) for f in figures("a 200 Gbps uplink for 90 GBP")] == [("200", ""), ("90 gbp", "gbp")]
