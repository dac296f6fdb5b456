"""A question that names the report it means: the description is read off the question, matched
to the openings of the indexed reports, and its names and words are not what the figure is
about. Made-up reports and firms."""

from gpumkt.answer.document import phrase
from gpumkt.answer.question import build
from gpumkt.lang import vocab
from gpumkt.lang.text import normalise
from gpumkt.search import scope
from gpumkt.search.lexical import tokenize


def described(question: str) -> str:
    norm = normalise(question)
    span = phrase(norm)
    return norm[span[0]:span[1]].strip() if span else ""


def test_descriptions_in_english_and_chinese():
    assert described("According to the Taiwanese article on Acme, what drives its growth?") == \
        "the taiwanese article on acme"
    assert described("In Acme's prospectus, how many GPUs does it run?") == "acme's prospectus"
    assert described("甲乙证券那份研报认为，算力行业的焦点是什么？") == "甲乙证券那份研报"
    assert described("依據丙丁投顧這份產業報告，液冷滲透率是多少？") == "丙丁投顾这份产业报告"


def test_a_title_keeps_its_years_and_closing_mark_and_the_years_are_not_asked():
    assert described("In the Acme compute outlook report (2023–2025), what does it give for 2028?") == \
        "the acme compute outlook report (2023–2025)"
    assert described("《甲乙算力行业报告（2023-2025）》预测2028年的规模是多少？") == "《甲乙算力行业报告(2023-2025)》"
    record = build("In the Acme compute outlook report (2023–2025), what market size does it give for 2028?", NAMES)
    assert record.periods == ("2028",)


def test_a_profit_warning_is_a_document():
    assert described("根据丙丁算力那份盈利预警，折旧是多少？") == "丙丁算力那份盈利预警"
    assert described("Under the profit warning, what loss does Acme expect?") == "the profit warning"


def test_a_verb_is_no_document():
    assert described("What did Acme report for second-quarter revenue?") == ""
    assert described("How much revenue did Acme post?") == ""


def test_notes_that_are_debt_are_no_document():
    assert described("What coupon do the senior notes of Acme carry?") == ""
    assert described("What rating did the class b notes get?") == ""
    assert described("In the analyst's notes, what is Acme's margin?") == "the analyst's notes"


OPENINGS = {
    "broker.txt": "甲乙证券研究所 证券研究报告 gpu云行业深度报告 推理平台进入价值重估期",
    "news.md": "科技岛日报 首页 即时 科技 辉达面临两面考验 gpu 云端",
    "filing.txt": "acme cloud inc. quarterly report for the quarterly period ended june 30, 2025 gpu",
    "letter.md": "the compute letter issue 58 gpu cloud pricing this week",
    "interim.txt": "丙丁算力科技股份有限公司 2025年半年度报告 gpu 第一节 重要提示",
    "prospectus.docx": "丙丁算力科技股份有限公司 首次公开发行股票并在科创板上市招股说明书 gpu",
}
LANGUAGES = {"broker.txt": "zh-Hans", "news.md": "zh-Hant", "filing.txt": "en", "letter.md": "en",
             "interim.txt": "zh-Hans", "prospectus.docx": "zh-Hans"}
NAMES = [vocab.Group("丙丁算力", ("丙丁算力", "bingding compute"), "company"),
         vocab.Group("acme", ("acme", "acme cloud"), "company")]


def named(description: str) -> set[str]:
    opens = scope.Openings(OPENINGS, {s: frozenset(tokenize(h)) for s, h in OPENINGS.items()}, LANGUAGES)
    return scope.named(normalise(description), opens, NAMES)


def test_a_firm_or_title_names_one_report():
    assert named("甲乙证券那份研报") == {"broker.txt"}
    assert named("the compute letter") == {"letter.md"}


def test_the_kind_of_document_tells_apart_two_reports_of_one_firm():
    assert named("丙丁算力半年报") == {"interim.txt"}
    assert named("Bingding Compute's prospectus") == {"prospectus.docx"}  # the name in another form
    assert named("丙丁算力那份报告") == set()  # both are its reports: neither is named


def test_a_language_alone_narrows_to_the_reports_in_it():
    assert named("那篇英文评论") == {"filing.txt", "letter.md"}
    assert named("the taiwanese news report") == {"news.md"}


def test_words_every_report_uses_name_none():
    assert named("the gpu report") == set()
    assert named("那份报告") == set()


def test_one_character_words_and_one_word_cut_many_ways_weigh_nothing_extra():
    assert scope._words("甲乙 第三季度 quarterly-look report") == ["甲乙", "第三季度", "quarter", "look"]
    assert named("照那份报告") == set()


def test_a_language_word_about_the_subject_is_no_cue():
    assert scope.cue("chinese chip designers that the letter") == ""
    assert scope.cue("the english newsletter") == "en"


def test_names_of_the_description_are_not_asked_beside_a_market():
    names = [vocab.Group("acme", ("acme",), "company"), vocab.Group("beta", ("beta",), "company")]
    market = build("In the report on Acme, how big is the GPU cloud market in 2025?", names)
    assert market.entities == () and market.document == "the report on acme"
    other = build("In the report on Acme, what was Beta's revenue in 2025?", names)
    assert [m.key for m in other.entities] == ["beta"]
    itself = build("According to the article on Acme, what drives the company's growth?", names)
    assert [m.key for m in itself.entities] == ["acme"]


def test_a_word_in_its_british_spelling_is_the_glossary_term_every_report_uses():
    opens = dict(OPENINGS, **{"bulletin.html": "丙省 bingsheng 算力统计公报 数据中心 上架率",
                              "esg.docx": "our data centres and their energy use gpu"})
    langs = dict(LANGUAGES, **{"bulletin.html": "zh-Hans", "esg.docx": "en"})
    got = scope.named("bingsheng's data centres report",
                      scope.Openings(opens, {s: frozenset(tokenize(h)) for s, h in opens.items()}, langs), NAMES)
    assert got == {"bulletin.html"}


def test_words_said_together_in_one_opening_tell_it_from_one_saying_them_apart():
    opens = {"together.md": "甲乙报告 丙丁与戊己的价值重估 gpu", "apart.md": "甲乙报告 丙丁与戊己 价值 重估 gpu",
             "other.md": "庚辛周报 gpu"}
    openings = scope.Openings(opens, {s: frozenset(tokenize(h)) for s, h in opens.items()},
                              dict.fromkeys(opens, "zh-Hans"))
    assert scope._phrases("那篇推理平台价值重估的文章") == ["推理平台", "平台价值", "价值重估"]
    assert scope._phrases("the widget pricing survey") == ["widget pricing", "pricing survey"]
    assert scope.named(normalise("那份甲乙价值重估报告"), openings) == {"together.md"}


def test_a_function_word_is_no_cue_once_stemmed_either():
    assert scope._words("what does the widget survey say") == ["widget", "survey", "say"]
