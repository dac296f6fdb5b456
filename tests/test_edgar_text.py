"""A filing saved as EDGAR plain text: lines hard-wrapped at 70 characters, tables whose row labels
stand on a line of their own over their figures, columns headed "Q3 2024 (prelim.)" and "FY 2024"."""

from gpumkt.answer.question import build
from gpumkt.ingest.chunking import chunk_document
from gpumkt.ingest.facts import build_facts
from gpumkt.ingest.flat_tables import figures_only, header_cells, label_over
from gpumkt.ingest.units import units
from gpumkt.lang import mining
from gpumkt.lang.legal_names import latin_legal_names, legal_short_forms
from gpumkt.records import Document

WRAPPED = ('On March 3, 2025, Quillon Data\n'
           'Holdings, Inc. (the "Company" or "Quillon") and its unit\n'
           'Quillon Cloud LLC signed a lease for a second site.\n')


def test_a_legal_name_wrapped_across_two_lines_is_one_name():
    assert legal_short_forms(WRAPPED) == [{"quillon data holdings, inc.", "quillon"}]  # ("Data Holdings" is its tail)
    assert latin_legal_names(WRAPPED) == ["Quillon", "Quillon Cloud"]  # not "Holdings" alone
    forms = {f for g in mining.mine_names([WRAPPED]) for f in g.forms}
    assert {"quillon", "quillon data holdings, inc."} <= forms and "holdings" not in forms


TABLE = """Results

          Quarterly figures
       (US$ millions; unaudited)

Q1 2024 Q2 2024 Q3 2024 (prelim.) FY 2024 (prelim.)
Revenue
101.5 120.25 133.0 354.75
Adjusted EBITDA (1)
40.2 51.0 (3.5) 87.7
Power in service at period end (MW)
40 52 61 61

(1) Not a GAAP measure; see the appendix.
"""


def test_row_labels_over_their_figures_are_read_as_a_table():
    assert header_cells("Q1 2024 Q2 2024 Q3 2024 (prelim.) FY 2024 (prelim.)") == \
        ["Q1 2024", "Q2 2024", "Q3 2024 (prelim.)", "FY 2024 (prelim.)"]
    assert figures_only("40.2 51.0 (3.5) 87.7") == ["40.2", "51.0", "(3.5)", "87.7"]
    assert label_over("Power in service at period end (MW)", "40 52 61 61")
    assert not label_over("The Company expects revenue to grow.", "40 52 61 61")
    doc = Document("x.txt", "Quillon", TABLE, "0")
    chunks = chunk_document(doc)
    rows = [c.readable for c in chunks if c.kind == "table"]
    assert len(rows) == 3 and "Revenue | Q1 2024: 101.5; Q2 2024: 120.25; Q3 2024 (prelim.): 133.0; FY 2024 (prelim.): 354.75" in rows[0]
    facts = build_facts([u for c in chunks for u in units(c, TABLE)], [])
    got = {(f.metric, f.period, f.value) for f in facts}
    assert ("营收", "2024q3", 1.33e8) in got and ("营收", "2024", 3.5475e8) in got
    assert ("电力容量", "2024q2", 52) in got
    # each row's span starts at its label, so its quote shows what the figures are
    assert TABLE[chunks[[c.kind for c in chunks].index("table")].start:].startswith("Revenue\n101.5")


def test_a_measure_naming_the_kind_of_a_deal_is_not_the_measure_asked():
    assert not build("What does the tenant pay upfront under its capacity agreement?", []).metrics
    assert not build("该电力采购协议的期限是多久？", []).metrics
    assert [m.key for m in build("What is the power capacity of the campus?", []).metrics] == ["电力容量"]


def test_a_reference_rate_is_no_lender_and_a_loans_figures_stay_the_borrowers():
    text = ('Quillon Data Holdings, Inc. (the "Company") entered into a Credit Agreement. Loans bear\n'
            "interest at SOFR + 2.10%. The Company expects SOFR to fall.")
    assert "sofr" not in {f for g in mining.mine_names([text]) for f in g.forms}


def test_how_much_and_how_many_megawatts_ask_an_amount_of_power():
    assert build("How many megawatts does the campus have?", []).answer_kind == "power"
    assert build("How many GPUs does the campus have?", []).answer_kind == "count"
    # "how much" asks an amount: the counted word after it ("clients") is not what is asked
    assert build("How much power did Quillon supply to clients in May 2024?", []).answer_kind == "num"


PHASES = ("The leased halls come online in two stages at the\nCompany's Tulsa site, set out below:\n\n"
          "  Stage     IT power           GPUs      Target date\n"
          "  Stage A   20 MW              8,192     Second quarter of 2026\n"
          "  Stage B   12 MW              4,096     First quarter of 2027\n"
          "  Total     32 MW              12,288\n")


def test_a_layout_table_introduced_by_a_wrapped_sentence_is_captioned_by_it():
    chunks = chunk_document(Document("x.txt", "Quillon", PHASES, "0"))
    rows = [c.readable for c in chunks if c.kind == "table"]
    assert len(rows) == 3 and all(r.startswith("The leased halls come online in two stages") for r in rows)
    # a cell headed by what it counts is that count, not the caption's capacity or the row's megawatts
    facts = {f.text: f for f in build_facts([u for c in chunks for u in units(c, PHASES)], [])}
    assert facts["20"].metric == "电力容量" and facts["8,192"].metric == ""


def test_a_count_asked_is_met_by_a_table_cell_headed_by_what_it_counts():
    from gpumkt.answer.fitting import fits
    chunks = chunk_document(Document("x.txt", "Quillon", PHASES, "0"))
    total = [u for c in chunks for u in units(c, PHASES) if u.own.startswith("total")][0]
    facts = build_facts([total], [])
    q = build("In all, how many GPUs will the customer get?", [])
    assert [f.text for f in facts if fits(q, f, total, facts)] == ["12,288"]


def test_a_us_state_on_a_filings_cover_or_a_campus_address_is_no_company():
    text = ("Quillon Data Holdings, Inc., a Delaware corporation, builds a campus outside Laramie, Wyoming. "
            "Quillon expects Wyoming power to be cheap; Quillon also looks at Texas.")
    keys = {f for g in mining.mine_names([text]) for f in g.forms}
    assert "quillon" in keys and not {"delaware", "wyoming", "texas"} & keys


def test_a_span_of_years_in_a_reports_title_is_not_the_period_asked():
    assert build("In the 2023–2027 outlook report, what margin does Acme target?", []).periods == ()
    assert build("In its 2024 annual report, what was Acme's revenue?", []).periods == ("2024",)


def test_a_short_name_with_an_american_comma_inside_its_quotes_is_the_companys():
    said = "Acme Compute, Inc. (“Acme,” or the “Company”) rents out GPU clusters."
    assert legal_short_forms(said) == [{"acme compute, inc.", "acme compute", "acme"}]


def test_a_short_name_defined_after_an_appositive_is_the_companys():
    said = 'Sponsor: Acme Cloud, Inc., a Delaware corporation (the "Sponsor" or "Acme"). It rents GPUs.'
    assert legal_short_forms(said) == [{"acme cloud, inc.", "acme cloud", "acme"}]


def test_a_confidentiality_legend_is_no_title_when_an_llc_is_named_below_it():
    from gpumkt.ingest.extract import title_of
    assert title_of("CONFIDENTIAL - DRAFT\nACME FUNDING II, LLC\nSummary of Terms\n") == "ACME FUNDING II, LLC"


def test_a_measure_word_inside_a_name_is_not_asked():
    q = build("What rate floor applies under the Acme Compute Funding II facility?", [])
    assert "融资" not in {m.key for m in q.metrics}
    assert "融资" in {m.key for m in build("How much funding did Acme raise in 2024?", []).metrics}
