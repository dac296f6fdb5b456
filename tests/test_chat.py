"""UI event handlers with the fake generator (the widgets are driven in test_browser.py)."""

from gpumkt.frontends.chat import ChatSession, _pairs
from gpumkt.frontends.ui_render import answer_markdown, evidence_html, export_markdown
from gpumkt.records import Answer, Conflict, Evidence, Timings


def run(session, question, history=()):
    return list(session.respond(question, list(history)))


def test_evidence_shows_before_tokens_then_checked_answer(fake_pipeline):
    fake_pipeline.generator.enqueue("CoreWeave 第二季度营收为12亿美元[1]。")
    updates = run(ChatSession(fake_pipeline), "CoreWeave 2025年第二季度营收是多少?")
    panels = [panel for _, panel, _ in updates]
    first_token = next(i for i, (h, _, _) in enumerate(updates) if h[-1]["content"] not in ("…",))
    assert panels[first_token - 1] or panels[first_token]  # evidence reached the panel first
    history, panel, status = updates[-1]
    assert "12亿美元" in history[-1]["content"] and "(#ev-1)" in history[-1]["content"]
    assert 'id="ev-1"' in panel and "<mark>" in panel and status.startswith("✔ done")


def test_refusal_is_shown_as_a_refusal(fake_pipeline):
    history, panel, _ = run(ChatSession(fake_pipeline), "寒武纪2024年的营收是多少?")[-1]
    assert history[-1]["content"].startswith("🚫") and panel == ""


def test_errors_become_one_line_in_the_chat(fake_pipeline):
    history, _, status = run(ChatSession(fake_pipeline), "？？？")[-1]
    assert history[-1]["content"].startswith("⚠️") and "only symbols" in history[-1]["content"]
    assert "error" in status


def test_follow_ups_in_a_row_stay_on_the_company_asked_about(fake_pipeline, monkeypatch):
    asked = []
    evidence_for = fake_pipeline.evidence_for
    monkeypatch.setattr(fake_pipeline, "evidence_for", lambda q, k=None: asked.append(q) or evidence_for(q, k))
    session = ChatSession(fake_pipeline)
    fake_pipeline.generator.enqueue("营收为12亿美元[1]。", "资产负债比率为92.66%[1]。", "无法回答。")
    history, _, _ = run(session, "CoreWeave 2025年第二季度营收是多少?")[-1]
    history, _, _ = run(session, "它的资产负债比率呢?", history)[-1]
    run(session, "那市值呢?", history)
    assert [q.lower() for q in asked[1:]] == ["coreweave 它的资产负债比率呢?", "coreweave 那市值呢?"]
    # The model gets the follow-up made standalone and no earlier turns (no old [n] markers).
    prompt = fake_pipeline.generator.prompts[1]
    assert [m["role"] for m in prompt] == ["system", "user"]
    assert "Question: CoreWeave 它的资产负债比率呢?" in prompt[1]["content"] and "12亿美元" not in prompt[1]["content"]


def slow_answer(fake_pipeline):
    """A session answering with 80 pieces, 20 ms each: long enough to interrupt."""
    fake_pipeline.generator.enqueue("营收 为 12亿美元[1] 。 " * 20)
    fake_pipeline.generator.delay = 0.02
    session = ChatSession(fake_pipeline)
    return session, session.respond("CoreWeave 2025年第二季度营收是多少?", [])


def test_stop_ends_generation_early(fake_pipeline):
    session, updates = slow_answer(fake_pipeline)
    for _, _, status in updates:
        if "generating" in status:
            session.stop()
    assert fake_pipeline.generator.usage.completion_tokens < 20


def test_closed_tab_stops_generation(fake_pipeline):
    session, updates = slow_answer(fake_pipeline)
    for _, _, status in updates:
        if "generating" in status:
            break
    updates.close()  # what Gradio does when the tab goes away
    assert session.stop_event().is_set()
    assert fake_pipeline.generator.finished.wait(10)  # the answer ended: it did not run to its 80 pieces
    assert fake_pipeline.generator.usage.completion_tokens < 30


def test_pairs_from_messages():
    msgs = [{"role": "user", "content": "q1"}, {"role": "assistant", "content": "a1"},
            {"role": "user", "content": [{"type": "text", "text": "q2"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "a2"}]}]
    assert _pairs(msgs) == [("q1", "a1"), ("q2", "a2")]


def test_answer_markdown_marks_flagged_figures_and_conflicts():
    a = Answer("q", "zh-Hans", "营收12亿美元[1]。", False, [], ["207亿美元"],
               [Conflict("coreweave", [{"value": "20亿", "n": 1}, {"value": "19.15亿", "n": 2}])],
               Timings(), {}, {}, fallback=True)
    md = answer_markdown(a)
    assert "[\\[1\\]](#ev-1)" in md and "~~207亿美元~~" in md and "Reports differ" in md


def test_evidence_panel_keeps_the_original_script():
    e = Evidence(1, "004.txt", "004-005", "輝達 > 04", "資產負債比率為92.66%。", 0, 5, 1.0,
                 passage="總負債為165.24億美元,資產負債比率為92.66%。")
    html = evidence_html([e], {})
    assert "<mark>資產負債比率為92.66%。</mark><sup>[1]</sup>" in html and "輝達 &gt; 04" in html


def test_two_sentences_of_one_passage_make_one_card_with_both_marked():
    passage = "**总负债**为165.24亿美元,资产负债比率为92.66%。利息支出为2.67亿美元。"
    cited = [Evidence(n, "x.pdf", "x-001", "CoreWeave", q, 0, 5, 1.0, passage=passage, page=3)
             for n, q in ((1, "利息支出为2.67亿美元。"), (2, "**总负债**为165.24亿美元,资产负债比率为92.66%。"))]
    html = evidence_html(cited, {})
    assert html.count('class="ev"') == 1 and 'id="ev-1"' in html and 'id="ev-2"' in html
    assert "<mark><b>总负债</b>为165.24亿美元,资产负债比率为92.66%。</mark><sup>[2]</sup>" in html
    assert "<mark>利息支出为2.67亿美元。</mark><sup>[1]</sup>" in html and "x.pdf, p. 3" in html
    assert "**" not in html


def test_a_chart_card_shows_its_title_and_labelled_values_and_quotes_its_source_line():
    chart = "```mermaid\nxychart-beta\n    title \"规模 (十亿美元)\"\n    line [82.68, 119.97]\n```"
    e = Evidence(1, "x.md", "x-002", "S", "line [82.68, 119.97]", 0, 5, 1.0, passage=chart,
                 label="规模 (十亿美元). 2024: 82.68; 2025: 119.97")
    html = evidence_html([e], {})
    assert "<b>规模 (十亿美元)</b> 2024: 82.68 · 2025: 119.97" in html and "```" not in html
    assert "<mark><code>line [82.68, 119.97]</code></mark><sup>[1]</sup>" in html


def test_a_table_row_is_shown_as_a_table_under_its_headers():
    row = "| Acme云 | 8.5亿美元 | 12% |"
    e = Evidence(2, "x.md", "x-003", "S", row, 0, 5, 1.0, passage=row, label="名称: Acme云; 规模: 8.5亿美元; 增速: 12%")
    html = evidence_html([e], {})
    assert "<tr><th>名称</th><th>规模</th><th>增速</th></tr>" in html and "<td><mark>8.5亿美元</mark></td>" in html
    assert "| Acme云" not in html and "<sup>[2]</sup>" in html
    odd = Evidence(2, "x.md", "x-003", "S", row, 0, 5, 1.0, passage=row, label="名称: Acme云")  # headers lost
    assert "<mark>| Acme云 | 8.5亿美元 | 12% |</mark>" in evidence_html([odd], {})


def test_a_near_miss_lists_the_nearest_figures_above_the_cards():
    from gpumkt.frontends.ui_render import nearest_html

    a = Answer("Acme市值?", "zh-Hant", "報告沒有給出。", True, [], [], [], Timings(), {}, {})
    a.nearest = [{"figure": "12億美元", "about": "Acme 營收", "n": 1}]
    assert "最接近的數字" in nearest_html(a) and "<li>12億美元 — Acme 營收 [1]</li>" in nearest_html(a)
    a.refused = False
    assert nearest_html(a) == ""


def test_stop_in_one_tab_leaves_another_tab_answering(fake_pipeline):
    """Two browser sessions: the first one's Stop must not end the second one's answer."""
    from types import SimpleNamespace

    reply = "营收 为 12亿美元[1] 。 " * 10
    fake_pipeline.generator.enqueue(reply)
    fake_pipeline.generator.delay = 0.01
    session = ChatSession(fake_pipeline)
    tab_a, tab_b = SimpleNamespace(session_hash="a"), SimpleNamespace(session_hash="b")
    session.stop(tab_a)
    assert session.stop_event(tab_a).is_set() and not session.stop_event(tab_b).is_set()
    updates = list(session.respond("CoreWeave 2025年第二季度营收是多少?", [], request=tab_b))
    assert "done" in updates[-1][2] and fake_pipeline.generator.usage.completion_tokens == len(reply.split(" "))


def test_export_gives_the_answer_and_each_source_verbatim_with_where_it_stands():
    e = Evidence(1, "002.txt", "002-002", "AI算力 > 一、财报", "营收达到\n12亿美元。", 120, 131, 1.0, page=3)
    a = Answer("CoreWeave 营收?", "zh-Hans", "营收12亿美元[1]。", False, [e], [],
               [Conflict("coreweave", [{"value": "20亿", "n": 1}, {"value": "19.15亿", "n": 2}])], Timings(), {}, {})
    assert export_markdown(a).splitlines() == [
        "### CoreWeave 营收?", "", "营收12亿美元[1]。", "", "Reports differ: 20亿 [1]; 19.15亿 [2]", "",
        "> [1] 营收达到 12亿美元。", "> — AI算力 > 一、财报 · `002.txt, p. 3` · characters 120–131"]


def test_export_button_gives_this_tabs_last_answer_with_its_sources(fake_pipeline):
    session = ChatSession(fake_pipeline)
    assert session.export().startswith("Ask a question first")
    fake_pipeline.generator.enqueue("CoreWeave 第二季度营收为12亿美元[1]。")
    run(session, "CoreWeave 2025年第二季度营收是多少?")
    md = session.export()
    assert md.startswith("### CoreWeave 2025年第二季度营收是多少?") and "12亿美元" in md and "> [1] " in md


def test_the_app_builds_with_its_export_box(fake_pipeline):
    from gpumkt.frontends.chat import build_app

    app = build_app(ChatSession(fake_pipeline), ["fake"])
    assert any(getattr(b, "elem_id", None) == "export" for b in app.blocks.values())
