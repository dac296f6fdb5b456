import pytest

from gpumkt.lang.text import (
    detect_language,
    fold_chars,
    markup_only,
    markup_spans,
    normalise,
    sentence_spans,
    squash,
    to_simplified,
)


def test_radicals_that_nfkc_leaves_are_mapped():
    # ⻓ (U+2ED3) survives NFKC; ⼤ (Kangxi U+2F24) is folded by NFKC itself.
    assert fold_chars("⻓期⼤模型⽤") == "长期大模型用"


def test_seed_003_has_no_radicals_after_normalising(seeds_copy):
    text = normalise((seeds_copy / "003_4d9615d18551984b.txt").read_text("utf-8"))
    assert not [ch for ch in text if 0x2E80 <= ord(ch) <= 0x2FDF]


def test_traditional_folds_to_simplified():
    assert to_simplified("輝達營收") == "辉达营收"
    assert normalise("CoreWeave 客戶集中度") == normalise("coreweave 客户集中度")


def test_fullwidth_and_case():
    assert normalise("ＮＶＩＤＩＡ　１２％") == "nvidia 12%"


def test_replacement_char_never_joins_digits():
    assert normalise("FY2\ufffd25") == "fy2 25"


@pytest.mark.parametrize("text,lang", [
    ("CoreWeave 客户集中度?", "zh-Hans"),
    ("CoreWeave 客戶集中度?", "zh-Hant"),
    ("輝達持有多少股份", "zh-Hant"),
    ("What is CoreWeave's revenue?", "en"),
    ("GPU 市场", "zh-Hans"),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_sentence_spans_are_verbatim_offsets():
    text = "营收12亿美元。同比增长207%！\n- 列表项"
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["营收12亿美元。", "同比增长207%！", "- 列表项"]


def test_pdf_wrapped_lines_join_into_one_sentence():
    text = "AI三要素中，算法相对成熟，\n\n数据相对充足，算力严重不\n\n足，算力成为核心瓶颈。\n\n下一段"
    first = sentence_spans(text)[0]
    assert squash(text[first[0]:first[1]]) == "AI三要素中，算法相对成熟，数据相对充足，算力严重不足，算力成为核心瓶颈。"


def test_a_line_wrapped_before_a_decimal_figure_goes_on_the_sentence_and_an_item_does_not():
    text = "截至报告期末，公司在手未履约合同金额约\n62.4亿元，其中三年以上占比约71%。\n1.2025年5月，公司签订合同。\n1.1 市场规模"
    said = [squash(text[a:b]) for a, b in sentence_spans(text)]
    assert said == ["截至报告期末，公司在手未履约合同金额约 62.4亿元，其中三年以上占比约71%。", "1.2025年5月，公司签订合同。", "1.1 市场规模"]


def test_halfwidth_punctuation_between_han_splits():
    text = "营收增长了吗?增长了;但成本也高"
    assert [text[a:b] for a, b in sentence_spans(text)] == ["营收增长了吗?", "增长了;", "但成本也高"]


def test_traditional_answers_use_taiwan_words():
    from gpumkt.lang.text import to_script

    assert to_script("英伟达芯片营收12亿美元，数据中心软件", "zh-Hant") == "英偉達晶片營收12億美元，資料中心軟體"
    assert to_script("英偉達晶片", "zh-Hans") == "英伟达晶片"


def test_a_long_sentence_is_never_cut_inside_a_figure():
    from gpumkt.lang.text import sentence_spans

    text = "产业趋势催生的算力刚需:全球AI基础设施市场规模预计到2030年将突破5,000亿美元,年复合成长率超过30%,随着人工智能技术的不断成熟,云端GPU算力的需求将呈现爆发式成长。"
    pieces = [text[a:b] for a, b in sentence_spans(text, soft_limit=40)]
    assert len(pieces) > 1 and any("5,000亿美元" in p for p in pieces)


@pytest.mark.parametrize("line, only", [
    ("![图1](https://img.example.com/1.png)", True), (".post{font-size:16px}", True),
    ("  line-height: 1.8;", True), ("[首页](/) | [财经](/money)", True), ("<br/>", True),
    ("- [Acme融资5亿美元](https://x.example.com/a)", True), ("见[年报](/a)：营收12亿", False),
    ("---", False), ("Revenue: $1.2 billion;", False), ("分享到微信 | 微博", False)])
def test_lines_of_page_markup(line, only):
    assert markup_only(line) is only


def test_markup_spans_cover_link_targets_not_link_text():
    text = "见[年报](http://x/2024.pdf)第3页"
    assert [text[a:b] for a, b in markup_spans(text)] == ["](http://x/2024.pdf)"]


def test_an_items_line_goes_on_under_a_hanging_indent_and_a_lead_in_or_sub_item_does_not():
    text = ("5.預計產能：機櫃月產能約1,500櫃；驗證中心可同時上電測試\n  4,096顆GPU。\n6.資金來源：自有資金。\n"
            "- Revenue was $1,213 million, an\n  increase of 207%.\n7.其他事項：\n  (1)預算調整。\n- item\n  - sub item")
    said = [squash(text[a:b]) for a, b in sentence_spans(text)]
    assert "驗證中心可同時上電測試 4,096顆GPU。" in said
    assert "- Revenue was $1,213 million, an increase of 207%." in said
    assert "7.其他事項：" in said and "- sub item" in said
    heading = "3.3 客户结构与产能布局\n    2024年公司前五大客户收入占比为54.7%。"
    assert [squash(heading[a:b]) for a, b in sentence_spans(heading)][0] == "3.3 客户结构与产能布局"


def test_an_english_question_glossing_a_chinese_term_is_english_and_taiwan_words_have_mainland_forms():
    from gpumkt.lang.text import detect_language, to_mainland
    assert detect_language("What rack occupancy rate (上架率) did they report for 2025?") == "en"
    assert detect_language("截至2025年9月30日，Meridell的合同积压（backlog）是多少？") == "zh-Hans"
    assert [to_mainland(w) for w in ("网路", "频宽", "资料中心", "营收")] == ["网络", "带宽", "数据中心", "营收"]


def test_a_long_english_sentence_is_not_cut_between_a_dates_day_and_its_year():
    from gpumkt.lang.text import sentence_spans

    said = ("Our board reviewed the building plan at length with outside counsel and the engineers, on the figures "
            "that were put before it at its meeting on March 31, 2026, the end of the first fiscal quarter of the year "
            "under review, and approved capital spending of $4.2 billion for the two new halls.")
    pieces = [said[a:b] for a, b in sentence_spans(said)]
    assert len(pieces) > 1 and not any(p.startswith("2026") for p in pieces)
    from gpumkt.lang.text import _date_comma

    assert _date_comma("paid on Sept. 30, 2026", 16) and not _date_comma("shipped batch 12, 2026 units", 16)


def test_a_compound_broken_after_its_hyphen_is_joined_back():
    from gpumkt.lang.text import squash

    assert squash("most of the Brindle-\ngeneration boards") == "most of the Brindle-generation boards"
    assert squash("revenue fell -\n5% on") == "revenue fell - 5% on"  # a dash after a space is no compound's
    assert squash("Item A-\n\nNext") == "Item A- Next"
