"""Questions and reports of kinds the seeds lack: a sustainability report's units and metrics, and
customer concentration asked in other words."""

import pytest

from gpumkt.answer.question import build
from gpumkt.lang import mining

REPORT = ("Acme Compute consumed 1,264,800 MWh of energy in FY2025 and delivered 41.3 GWh of heat. "
          "Scope 1 emissions rose to 3,410 tCO2e. PPAs covered 61% of our electricity. Acme Compute "
          "signed two PPAs in Spain. Acme Compute reports under the ESG framework.")


def test_units_and_report_terms_of_a_sustainability_report_are_no_company_names():
    keys = {g.key for g in mining.mine_names([REPORT])}
    assert not {"mwh", "gwh", "tco2e", "scope", "ppa", "ppas", "esg"} & keys


@pytest.mark.parametrize("question", ["甲公司最大的客户贡献了多少收入？", "How much came from Acme's biggest client?",
                                      "甲公司第一大客戶占營收多少？", "What share did the largest client take?"])
def test_the_largest_customer_in_other_words_is_customer_concentration(question):
    assert "客户集中度" in {m.key for m in build(question, []).metrics}


@pytest.mark.parametrize("question", ["乙公司2025财年的可再生电力占比是多少？", "再生能源占比是多少？",
                                      "What was the share of renewable electricity in FY2025?"])
def test_a_renewable_share_is_its_own_metric_not_power_capacity(question):
    keys = {m.key for m in build(question, []).metrics}
    assert "可再生能源占比" in keys and "电力容量" not in keys


def test_an_acronym_glossing_a_chinese_term_is_no_company_but_a_companys_own_acronym_is():
    text = ("乙公司簽訂企業購電協議（CPPA）取得3,100 MWh。乙公司另以冷卻方案（DLCX）降低用電，改採直接液冷（DLC）以後"
            "液冷機櫃增加。丙丁科技（BDT）2024年營收成長；丙丁科技的客戶包括甲。")
    keys = {f for g in mining.mine_names([text]) for f in g.forms}
    assert not {"cppa", "dlcx", "dlc", "液冷"} & keys and "bdt" in keys


def test_a_table_row_run_into_its_first_figure_and_a_note_mark_are_read_apart():
    from gpumkt.ingest.flat_tables import row_cells
    assert row_cells("  用水量（百萬公升）61,200        70,100（註2） 75,400   —") == \
        ["用水量（百萬公升）", "61,200", "70,100", "75,400", "—"]
    # a label and bracketed (negative) figures with no space at all
    assert row_cells("購置機器（12,345）（6,789）（1,011）") == ["購置機器", "（12,345）", "（6,789）", "（1,011）"]
    assert row_cells("用水量（註1）") == []


def test_location_based_emissions_are_not_answered_by_market_based_ones():
    sides = [s for s in build("乙公司地點基礎的範疇二排放有多少公噸？", []).contrasts if "location-based" in s[0]]
    assert sides and "market-based" in sides[0][1]


def test_scope_1_2_and_3_are_exclusive_parts_a_passage_must_name():
    assert build("What were Acme's Scope 2 emissions in 2024?", []).named_parts[0][-2:] == ("scope 2", "scope two")
    assert "范畴三" in build("乙公司範疇三排放是多少？", []).named_parts[0]
