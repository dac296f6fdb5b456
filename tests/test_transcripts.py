"""A podcast transcript with a company's officers: figures said in words, speakers' labels,
people who are no companies, "the fiscal year" and quarters of a fiscal year ending in January.
A made-up company (Acme Cloud) and made-up people."""

import pytest

from gpumkt.ingest.chunking import chunk_document
from gpumkt.ingest.dating import closed_year, in_document_year
from gpumkt.ingest.extract import title_of
from gpumkt.ingest.facts import build_facts
from gpumkt.ingest.units import speaker_labels, units
from gpumkt.lang import mining
from gpumkt.lang.name_runs import people
from gpumkt.lang.numbers import figure_spans
from gpumkt.records import Document

EPISODE = "\n".join([
    "GPU MONEY TALK",
    "Episode 12 - recorded February 20, 2026",
    "",
    "Guests:",
    "  Jane Roe, Chief Financial Officer, Acme Cloud, Inc.",
    "  Max Poe, Head of Product, Acme Cloud, Inc.",
    "",
    "HOST: Welcome. Jane, your fiscal year ends on January 31, right?",
    "ROE: Right. We closed the fiscal year with 812 employees. Revenue for the year was about "
    "one point two billion dollars.",
    "HOST: And margins?",
    "ROE: Adjusted EBITDA margin was 40% for the year. Q3 was forty-one percent and Q4 was forty-four percent.",
    "POE: And we run twenty-three thousand GPUs today.",
    "HOST: Thanks both.",
    "ROE: Thank you.",
    "POE: Thanks.",
])


@pytest.mark.parametrize("said, value, kind, currency", [
    ("revenue of about one point eight billion dollars", 1.8e9, "num", "usd"),
    ("margin was thirty-two percent", 32.0, "pct", ""),
    ("sixty-three thousand GPUs", 63000.0, "num", ""),
    ("three hundred and twenty-five basis points", 325.0, "num", ""),
    ("forty six per cent", 46.0, "pct", ""),
    ("a useful life of six years", 6.0, "num", ""),  # a small number of a duration
])
def test_a_figure_said_in_words_is_a_figure(said, value, kind, currency):
    (fig, a, b), = figure_spans(said)
    assert (fig.value, fig.kind, fig.currency) == (value, kind, currency)
    assert said[a:b] == fig.text


@pytest.mark.parametrize("said", ["one of them, three new sites", "twenty twenty-five", "plus three twenty-five",
                                  "in one year"])
def test_small_numbers_and_numbers_said_in_a_row_are_words(said):
    assert figure_spans(said) == []


def test_people_with_a_role_are_no_name_groups_and_speakers_labels_no_subject():
    assert {"jane roe", "roe", "max poe"} <= people([EPISODE])
    keys = {g.key for g in mining.mine_names([EPISODE])}
    assert "acme cloud" in keys and not {"roe", "jane roe", "poe", "max poe"} & keys
    assert speaker_labels(EPISODE) == {"HOST", "ROE", "POE"}
    assert title_of(EPISODE) == "GPU MONEY TALK"  # not the line of a person, a role and a company


def test_a_transcripts_figures_are_its_speakers_company_in_its_fiscal_year():
    doc = Document("acme_podcast.txt", title_of(EPISODE), EPISODE, "0" * 64)
    us = [u for c in chunk_document(doc) for u in units(c, doc.text)]
    assert not any(u.quote.startswith(("ROE:", "HOST:")) for u in us)  # a speaker is not what a sentence says
    facts = {f.text: f for f in build_facts(us, mining.mine_names([EPISODE]))}
    assert {f.entity for f in facts.values()} == {"acme cloud"}
    assert (facts["812"].metric, facts["812"].period) == ("员工", "2026")  # "the fiscal year" just closed
    assert (facts["one point two billion dollars"].value, facts["one point two billion dollars"].period) == (1.2e9, "2026")
    assert (facts["forty-one percent"].period, facts["forty-four percent"].period) == ("2026q3", "2026q4")
    # the measure, and its basis, of the sentence before that names them
    assert (facts["forty-one percent"].metric, facts["forty-one percent"].basis) == ("ebitda", "adjusted")


def test_a_fiscal_years_quarters_and_the_year_just_closed():
    assert in_document_year("q3", "2026-03", 1) == "2026q3"  # ended October 2025, in fiscal 2026
    assert in_document_year("q1", "2026-06", 1) == "2027q1"
    assert in_document_year("q2", "2026-06", 1) == "q2"  # still ahead
    assert in_document_year("q4", "2025-11") == "q4"  # a calendar year: as before
    assert (closed_year("2026-03", 1), closed_year("2026-02"), closed_year("2025-11")) == ("2026", "2025", "")
