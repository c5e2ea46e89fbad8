"""Dag 3's reports from Python: one report per conversation, its quotes and consent, seen by a groupmate."""

from __future__ import annotations

from tests.support.dag3 import (
    REPORTS,
    WETHOUDER,
    all_widgets,
    html_text,
    new_map,
    new_plans,
    new_session,
    reports_with_plan,
    said,
)
from wijwerken_widgets.pages.dag3.plans import ConversationPlans
from wijwerken_widgets.pages.dag3.reports import ConversationReports
from wijwerken_widgets.ui.context import Context


def test_reports_show_an_empty_text_and_then_the_groupmates_new_conversation(
    ctx: Context, groupmate: Context
) -> None:
    """Do the reports show an empty text until a groupmate plans a conversation, and then its report?"""
    reports = ConversationReports(new_session(ctx), REPORTS)
    assert reports.children == (reports.empty,)
    theirs = new_plans(groupmate, WETHOUDER)
    theirs.take_on(theirs.map_session.map.stakeholders[0].id)
    assert reports.session.reload() is True
    assert reports.selector.label == f"\u2068Wethouder Jansen\u2069 · \u2068{groupmate.person.name}\u2069"
    assert reports.editor_area.children  # the report of the new conversation


def test_the_report_is_one_item_per_plan_and_survives_a_new_session(ctx: Context) -> None:
    """Is a report one item per plan, with its consent and notes, that a new session shows again?"""
    reports, plan_id, stakeholder_id = reports_with_plan(ctx)
    editor = reports.editors[plan_id]
    assert editor.consent.value == "onbekend"
    assert [label for label, _ in editor.consent.options] == REPORTS.consent_options
    editor.controls["notities"].value = "Ze wil meedenken."
    editor.consent.value = "ja"
    report = reports.session.report(plan_id)
    assert report.data["notities"] == "Ze wil meedenken." and report.data["toestemming"] == "ja"
    assert (report.data["gesprek_id"], report.data["stakeholder_id"]) == (plan_id, stakeholder_id)
    again = ConversationReports(new_session(Context.for_person(ctx.store, ctx.person)), REPORTS)
    assert again.editors[plan_id].controls["notities"].value == "Ze wil meedenken."
    assert again.editors[plan_id].consent.value == "ja"


def test_a_quote_is_linked_to_its_conversation_and_reaches_the_groupmate(
    ctx: Context, groupmate: Context
) -> None:
    """Is a quote stored with its conversation and stakeholder, shown to the groupmate, and removable by them?"""
    reports, plan_id, stakeholder_id = reports_with_plan(ctx)
    theirs = ConversationReports(new_session(groupmate), REPORTS)
    editor = reports.editors[plan_id]
    editor.consent.value = "ja"
    editor.quote_input.value = "  Ik wil best meedoen,   als er iets mee gebeurt. "
    editor.add_quote()
    [quote] = reports.session.quotes(plan_id)
    assert {k: v for k, v in quote.data.items() if k != "aangemaakt"} == {
        "gesprek_id": plan_id, "stakeholder_id": stakeholder_id,
        "tekst": "Ik wil best meedoen, als er iets mee gebeurt."}
    assert editor.quote_input.value == "" and said(editor.feedback) == "Citaat bewaard."
    assert "Ik wil best meedoen" in html_text(editor.quote_list.children[0].children[0])
    assert theirs.session.reload() is True
    their_row = theirs.editors[plan_id].quote_list.children[0]
    assert f"({ctx.person.name}," in html_text(their_row.children[0])
    their_row.children[1].click()  # "Weghalen"
    assert reports.session.reload() is True and reports.session.quotes(plan_id) == []
    assert "Nog geen citaten" in html_text(editor.quote_list.children[0])
    editor.add_quote()
    assert "Typ eerst het citaat" in said(editor.feedback)


def test_without_consent_a_quote_is_refused_and_kept_ones_are_counted(ctx: Context) -> None:
    """Without consent, is a new quote refused and are the quotes kept before counted, with a reminder to ask?"""
    reports, plan_id, _ = reports_with_plan(ctx)
    editor = reports.editors[plan_id]
    editor.quote_input.value = "Eerste citaat"
    editor.add_quote()  # consent not asked yet: kept, with a reminder
    assert "Vraag nog wel toestemming" in said(editor.feedback)
    assert "nog niet genoteerd of je toestemming kreeg" in html_text(editor.quote_notice)
    editor.consent.value = "nee"
    editor.quote_input.value = "Tweede citaat"
    editor.add_quote()
    assert said(editor.feedback) == " ".join(REPORTS.no_consent_message.split())
    assert editor.quote_input.value == "Tweede citaat" and len(reports.session.quotes(plan_id)) == 1
    assert "Bij dit gesprek staat nog 1 citaat. Haal het hieronder weg." in html_text(editor.quote_notice)
    editor.quote_list.children[0].children[1].click()
    assert "staan nog" not in html_text(editor.quote_notice)


def test_a_quote_with_markup_is_shown_escaped(ctx: Context) -> None:
    """Is a quote with markup shown escaped?"""
    reports, plan_id, _ = reports_with_plan(ctx)
    editor = reports.editors[plan_id]
    editor.quote_input.value = "<script>alert('x')</script>"
    editor.add_quote()
    shown = editor.quote_list.children[0].children[0].value
    assert "<script>" not in shown and "&lt;script&gt;" in shown


def test_a_locked_store_keeps_the_typed_quote(ctx: Context, write_locked) -> None:
    """When the store is locked, does the typed quote stay in its box with one error notice, and save afterwards?"""
    reports, plan_id, _ = reports_with_plan(ctx)
    editor = reports.editors[plan_id]
    with write_locked():
        editor.quote_input.value = "Bewaar mij"
        editor.add_quote()
        assert editor.quote_input.value == "Bewaar mij"
        assert editor.feedback.value.count("ww-notice-error") == 1
        editor.controls["vervolg"].value = "Terugsturen vóór 1 maart"
        assert editor.status.text.startswith("Niet opgeslagen")
    editor.add_quote()
    assert [q.data["tekst"] for q in reports.session.quotes(plan_id)] == ["Bewaar mij"]


def test_the_page_sections_build_both_widgets(ctx: Context) -> None:
    """Do the notebook's plans and reports sections share one session, with the map read for the shortlist?"""
    from wijwerken_widgets.pages import dag3

    new_map(ctx, WETHOUDER)
    plans_section, reports_section = dag3.plans.section(ctx), dag3.reports.section(ctx)
    [plans] = [w for w in plans_section.children if isinstance(w, ConversationPlans)]
    [reports] = [w for w in reports_section.children if isinstance(w, ConversationReports)]
    assert plans.session is reports.session
    assert "Wethouder Jansen" in html_text(plans.shortlist_view)
    plans.take_buttons.children[0].click()
    assert reports.selector.label == f"\u2068Wethouder Jansen\u2069 · \u2068{ctx.person.name}\u2069"


def test_a_new_notice_replaces_the_last_one_in_the_quote_forms_feedback_line(ctx: Context) -> None:
    """Does each notice about a quote replace the previous one in the same line, without new widgets?"""
    reports, plan_id, _ = reports_with_plan(ctx)
    editor = reports.editors[plan_id]
    before = len(all_widgets(editor.widget))
    editor.add_quote()
    assert "Typ eerst het citaat" in said(editor.feedback)
    editor.quote_input.value = "x" * 2001
    editor.add_quote()
    assert said(editor.feedback).startswith("Dit citaat is te lang (meer dan 2000 tekens)")
    assert len(all_widgets(editor.widget)) == before and editor.feedback.value.count('class="ww-notice ') == 1


def test_two_groupmates_starting_the_same_report_keep_each_others_fields(ctx: Context, groupmate: Context) -> None:
    """When Jeroen and I start the report of one conversation at the same time, I the notes and he the follow-up,
    does the report keep both, and does each screen show both?"""
    reports, plan_id, _ = reports_with_plan(ctx)
    theirs = ConversationReports(new_session(groupmate), REPORTS)
    mine, their_editor = reports.editors[plan_id], theirs.editors[plan_id]
    mine.controls["notities"].value = "Ze wil meedenken."  # the report's first version
    their_editor.controls["vervolg"].value = "Rode draden terugsturen."  # made without seeing mine
    assert reports.session.reload() is True
    for editor in (mine, their_editor):
        assert editor.controls["notities"].value == "Ze wil meedenken."
        assert editor.controls["vervolg"].value == "Rode draden terugsturen."
        assert editor.status.text.startswith(("Opgeslagen", "Bijgewerkt"))
    report = reports.session.report(plan_id).data
    assert (report["notities"], report["vervolg"]) == ("Ze wil meedenken.", "Rode draden terugsturen.")
