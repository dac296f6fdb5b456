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
