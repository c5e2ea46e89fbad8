"""Dag 3's conversation plans and reports from Python: two groupmates (two kernels) on one real store."""

from __future__ import annotations

import html
import re

from wijwerken_widgets.pages.dag3 import texts as dag3_texts
from wijwerken_widgets.pages.dag3.plans import ConversationPlans
from wijwerken_widgets.pages.dag3.plans_editor import NOBODY
from wijwerken_widgets.pages.dag3.reports import ConversationReports
from wijwerken_widgets.shared.conversations.session import ConversationSession
from wijwerken_widgets.shared.stakeholders.model import validate_stakeholder
from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.ui.context import Context

PLANS = dag3_texts.load().exercises.plans
REPORTS = dag3_texts.load().exercises.reports


def _session(ctx: Context) -> ConversationSession:
    return ConversationSession(ctx, poll_seconds=None)


def _map(ctx: Context, *people: dict) -> MapSession:
    session = MapSession(ctx, poll_seconds=None)
    session.add([validate_stakeholder(p) for p in people])
    return session


WETHOUDER = {"naam": "Wethouder Jansen", "soort": "bestuur", "energie_nu": "weerstand",
             "energie_gewenst": "trekker"}
BEWONER = {"naam": "Bewoner A.", "soort": "inwoner", "energie_nu": "neutraal", "energie_gewenst": "steunend"}
COLLEGA = {"naam": "Collega B.", "soort": "collega", "energie_nu": "steunend", "energie_gewenst": "steunend"}


def _text(widget) -> str:
    """What a participant reads in an HTML widget (tags dropped, entities resolved)."""
    return html.unescape(re.sub(r"<[^>]+>", "", widget.value))


def _said(box) -> str:
    """The text of the first notice in a feedback box, as the participant reads it."""
    return _text(box.children[0])


def _plans(ctx: Context, *people: dict) -> ConversationPlans:
    session = _session(ctx)
    return ConversationPlans(session, _map(ctx, *people) if people else None, PLANS)


def _editor(plans: ConversationPlans):
    return plans.editors[plans.selector.value]


# -- plans ---------------------------------------------------------------------------------------------------


def test_taking_on_a_shortlisted_stakeholder_makes_a_plan_the_groupmate_sees(
    ctx: Context, groupmate: Context
) -> None:
    """Does the button start a plan (wie = me) that Jeroen's shortlist and selector show after polling?"""
    plans = _plans(ctx, WETHOUDER, BEWONER, COLLEGA)
    assert [b.description for b in plans.take_buttons.children] == [
        "Plan een gesprek met Wethouder Jansen", "Plan een gesprek met Bewoner A."]  # Collega B.: no gap
    assert "nog geen gesprek gepland" in _text(plans.shortlist_view)
    assert plans.plans_area.children == (plans.empty,)

    plans.take_buttons.children[0].click()
    [plan] = plans.session.conversations()
    assert plan.data["stakeholder"] == "Wethouder Jansen" and plan.data["wie"] == ctx.person.id
    assert plans.selector.value == plan.item_id
    assert _editor(plans).wie.value == ctx.person.id
    assert plans.take_buttons.children[0].description == "Bekijk het gesprek met Wethouder Jansen"

    theirs = ConversationPlans(_session(groupmate), MapSession(groupmate, poll_seconds=None), PLANS)
    assert f"gesprek gepland: {ctx.person.name}" in _text(theirs.shortlist_view)
    assert theirs.selector.label == f"Wethouder Jansen · {ctx.person.name}"

    # A second conversation the groupmate's kernel learns about by polling.
    plans.other.value = [v for _, v in plans.other.options if v and v != plan.data["stakeholder_id"]][0]
    plans.take_other()
    assert theirs.session.reload() is True
    assert len(theirs.selector.options) == 2
    assert "gesprek gepland" in _text(theirs.shortlist_view).split("Bewoner A.")[1]
    # Their button for an already planned stakeholder opens that plan instead of making another.
    theirs.take_buttons.children[0].click()
    assert theirs.selector.value == plan.item_id and len(theirs.session.conversations()) == 2


def test_typed_plan_fields_are_saved_and_come_back_in_a_new_session(ctx: Context) -> None:
    plans = _plans(ctx, WETHOUDER)
    plan_id = plans.take_on(plans.map_session.map.stakeholders[0].id)
    editor = _editor(plans)
    editor.controls["doel"].value = "Begrijpen hoe de wethouder de wijk ziet"
    editor.controls["wanneer"].value = "week 12"
    editor.vragen.value = "Hoe ervaart u de wijk?\n\n  Wat valt u op?  \n"
    editor.wie.value = NOBODY
    editor.saver.flush()
    stored = plans.session.item("gesprek", plan_id).data
    assert stored["vragen"] == ["Hoe ervaart u de wijk?", "Wat valt u op?"]
    assert stored["wie"] is None and stored["stakeholder"] == "Wethouder Jansen"
    assert "Opgeslagen" in editor.status.text
    assert plans.selector.label == "Wethouder Jansen · nog niemand · week 12"

    again = _plans(Context.for_person(ctx.store, ctx.person))
    reloaded = _editor(again)
    assert reloaded.controls["doel"].value == "Begrijpen hoe de wethouder de wijk ziet"
    assert reloaded.vragen.value == "Hoe ervaart u de wijk?\nWat valt u op?"
    assert reloaded.wie.value == NOBODY
    assert len(ctx.store.items_history("gesprekken", ctx.group.id, item_id=plan_id)) >= 2


def test_suggestions_appear_and_adding_one_appends_it_once(ctx: Context) -> None:
    ctx.store.save_answer(ctx.person.id, "dag1.hoofdvraag", "Hoe kunnen bewoners zelf de speeltuin beheren?",
                          base_id=None, client_id="t")
    plans = _plans(ctx, WETHOUDER)
    plans.take_on(plans.map_session.map.stakeholders[0].id)
    editor = _editor(plans)
    editor.vragen.value = "Wat gaat er goed in de wijk?"
    editor.suggest_button.click()
    intro, *rows = editor.suggestions.children
    assert "Vraagsuggesties op basis van jullie hoofdvraag" in _text(intro)
    assert 5 <= len(rows) <= 8
    first = html.unescape(rows[0].children[1].value)
    assert first.endswith("?")
    rows[0].children[0].click()
    assert editor.vragen.value == f"Wat gaat er goed in de wijk?\n{first}"
    assert rows[0].children[0].disabled and rows[0].children[0].description == "Staat erin"
    editor.add_question(first.upper())  # the same question, typed another way
    assert editor.vragen.value.count("\n") == 1
    assert "staat er al" in _said(editor.notice)
    assert plans.session.item("gesprek", plans.selector.value).data["vragen"][-1] == first
    editor.vragen.value += " (aangepast)"  # editable afterwards; the button comes back
    assert not rows[0].children[0].disabled


def test_coaching_names_the_closed_and_the_leading_question(ctx: Context) -> None:
    plans = _plans(ctx, WETHOUDER)
    plans.take_on(plans.map_session.map.stakeholders[0].id)
    editor = _editor(plans)
    assert editor.coaching.value == ""
    editor.vragen.value = ("Wat gaat er goed in de wijk?\nBent u tevreden?\n"
                           "Vindt u ook niet dat het park te klein is?")
    shown = _text(editor.coaching)
    assert 'data-rule="closed_question"' in editor.coaching.value
    assert 'data-rule="leading_question"' in editor.coaching.value
    assert "Vraag 2 (“Bent u tevreden?”): Dit lijkt een ja/nee-vraag" in shown
    assert "Vraag 3 (“Vindt u ook niet dat het …”): Deze vraag stuurt" in shown
    assert "Vraag 1: Open vraag" in shown
    editor.vragen.value = "<b>Bent</b> u tevreden?"
    assert "<b>" not in editor.coaching.value and "&lt;b&gt;" in editor.coaching.value


def test_a_plan_is_removed_only_after_confirming(ctx: Context, groupmate: Context) -> None:
    plans = _plans(ctx, WETHOUDER)
    plan_id = plans.take_on(plans.map_session.map.stakeholders[0].id)
    theirs = ConversationPlans(_session(groupmate), None, PLANS)
    editor = _editor(plans)
    editor.remove_button.click()
    assert plans.session.item("gesprek", plan_id) is not None
    assert "Weet je het zeker?" in _said(editor.confirm)
    editor.confirm.children[1].children[1].click()  # "Nee, bewaren"
    assert editor.confirm.children == () and plans.session.item("gesprek", plan_id) is not None
    editor.remove_button.click()
    editor.confirm.children[1].children[0].click()  # "Ja, verwijderen"
    assert plans.session.conversations() == [] and plans.plans_area.children == (plans.empty,)
    assert "verwijderd door jou" in _said(plans.feedback)
    history = ctx.store.items_history("gesprekken", ctx.group.id, item_id=plan_id)
    assert [v.deleted for v in history] == [True, False]
    assert theirs.session.reload() is True
    assert theirs.plans_area.children == (theirs.empty,)
    assert f"verwijderd door {ctx.person.name}" in _said(theirs.feedback)


def test_a_groupmates_edit_updates_the_selector_without_losing_what_i_type(
    ctx: Context, groupmate: Context
) -> None:
    """Jeroen sets the date while I am typing the opening: the label follows, my unsaved text stays."""
    plans = _plans(ctx, WETHOUDER)
    plan_id = plans.take_on(plans.map_session.map.stakeholders[0].id)
    my_editor = _editor(plans)
    my_editor.controls["doel"].value = "Mijn doel"  # saved
    theirs = ConversationPlans(_session(groupmate), None, PLANS)
    their_editor = _editor(theirs)
    assert their_editor.controls["doel"].value == "Mijn doel"
    # Typed but not saved yet (in a kernel the save waits until typing stops).
    my_editor.saver._filling = True
    my_editor.controls["opening"].value = "Ik begin met …"
    my_editor.saver._filling, my_editor.saver._dirty = False, True
    their_editor.controls["wanneer"].value = "dinsdag"
    assert plans.session.reload() is True
    assert plans.selector.label == f"Wethouder Jansen · {ctx.person.name} · dinsdag"
    assert my_editor.controls["opening"].value == "Ik begin met …"
    assert plans.selector.value == plan_id and _editor(plans) is my_editor
    my_editor.saver.flush()  # my save lands too, and I am told about theirs
    assert f"{groupmate.person.name} heeft dit" in my_editor.status.text
    assert plans.session.item("gesprek", plan_id).data["opening"] == "Ik begin met …"


def test_no_map_or_an_empty_map_shows_the_shortlist_empty_text(ctx: Context) -> None:
    expected = " ".join(PLANS.shortlist_empty.split())
    without = ConversationPlans(_session(ctx), None, PLANS)
    assert expected in " ".join(_text(without.shortlist_view).split())
    assert without.take_buttons.children == () and without.other.options == (("Kies een stakeholder", ""),)
    without.take_other()
    assert "Kies eerst een stakeholder" in _said(without.feedback)
    without.refresh()
    empty_map = ConversationPlans(_session(ctx), MapSession(ctx, poll_seconds=None), PLANS)
    assert expected in " ".join(_text(empty_map.shortlist_view).split())


def test_a_stakeholder_name_with_markup_is_shown_escaped(ctx: Context) -> None:
    evil = "<img src=x onerror=alert(1)>"
    plans = _plans(ctx, {**WETHOUDER, "naam": evil})
    assert "<img" not in plans.shortlist_view.value and "&lt;img" in plans.shortlist_view.value
    plans.take_buttons.children[0].click()
    reports = ConversationReports(plans.session, REPORTS)
    assert reports.selector.label.startswith(evil)  # a Dropdown label is text, never HTML


def test_a_locked_store_keeps_the_typed_plan_and_saves_afterwards(ctx: Context, write_locked) -> None:
    plans = _plans(ctx, WETHOUDER)
    plans.take_on(plans.map_session.map.stakeholders[0].id)
    editor = _editor(plans)
    with write_locked():
        editor.controls["doel"].value = "Belangrijk doel"
        assert editor.status.text.startswith("Niet opgeslagen — probeer opnieuw")
        assert editor.controls["doel"].value == "Belangrijk doel"
        assert plans.plan(plans.map_session.map.stakeholders[0].id) is None
        assert "ww-notice-error" in plans.feedback.children[0].value
        assert "niet worden opgeslagen" in _said(plans.feedback)
        assert len(plans.session.conversations()) == 1
    editor.status.retry_button.click()
    assert plans.session.item("gesprek", plans.selector.value).data["doel"] == "Belangrijk doel"


# -- reports -------------------------------------------------------------------------------------------------


def _reports_with_plan(ctx: Context) -> tuple[ConversationReports, str, str]:
    plans = _plans(ctx, WETHOUDER)
    stakeholder_id = plans.map_session.map.stakeholders[0].id
    plan_id = plans.take_on(stakeholder_id)
    return ConversationReports(plans.session, REPORTS), plan_id, stakeholder_id


def test_reports_show_an_empty_text_and_then_the_groupmates_new_conversation(
    ctx: Context, groupmate: Context
) -> None:
    reports = ConversationReports(_session(ctx), REPORTS)
    assert reports.children == (reports.empty,)
    theirs = _plans(groupmate, WETHOUDER)
    theirs.take_on(theirs.map_session.map.stakeholders[0].id)
    assert reports.session.reload() is True
    assert reports.selector.label == f"Wethouder Jansen · {groupmate.person.name}"
    assert reports.editor_area.children  # the report of the new conversation


def test_the_report_is_one_item_per_plan_and_survives_a_new_session(ctx: Context) -> None:
    reports, plan_id, stakeholder_id = _reports_with_plan(ctx)
    editor = reports.editors[plan_id]
    assert editor.consent.value == "onbekend"
    assert [label for label, _ in editor.consent.options] == REPORTS.consent_options
    editor.controls["notities"].value = "Ze wil meedenken."
    editor.consent.value = "ja"
    report = reports.session.report(plan_id)
    assert report.data["notities"] == "Ze wil meedenken." and report.data["toestemming"] == "ja"
    assert (report.data["gesprek_id"], report.data["stakeholder_id"]) == (plan_id, stakeholder_id)
    again = ConversationReports(_session(Context.for_person(ctx.store, ctx.person)), REPORTS)
    assert again.editors[plan_id].controls["notities"].value == "Ze wil meedenken."
    assert again.editors[plan_id].consent.value == "ja"


def test_a_quote_is_linked_to_its_conversation_and_reaches_the_groupmate(
    ctx: Context, groupmate: Context
) -> None:
    reports, plan_id, stakeholder_id = _reports_with_plan(ctx)
    theirs = ConversationReports(_session(groupmate), REPORTS)
    editor = reports.editors[plan_id]
    editor.consent.value = "ja"
    editor.quote_input.value = "  Ik wil best meedoen,   als er iets mee gebeurt. "
    editor.add_quote()
    [quote] = reports.session.quotes(plan_id)
    assert {k: v for k, v in quote.data.items() if k != "aangemaakt"} == {
        "gesprek_id": plan_id, "stakeholder_id": stakeholder_id,
        "tekst": "Ik wil best meedoen, als er iets mee gebeurt."}
    assert editor.quote_input.value == "" and _said(editor.feedback) == "Citaat bewaard."
    assert "Ik wil best meedoen" in _text(editor.quote_list.children[0].children[0])
    assert theirs.session.reload() is True
    their_row = theirs.editors[plan_id].quote_list.children[0]
    assert f"({ctx.person.name}," in _text(their_row.children[0])
    their_row.children[1].click()  # "Weghalen"
    assert reports.session.reload() is True and reports.session.quotes(plan_id) == []
    assert "Nog geen citaten" in _text(editor.quote_list.children[0])
    editor.add_quote()
    assert "Typ eerst het citaat" in _said(editor.feedback)


def test_without_consent_a_quote_is_refused_and_kept_ones_are_counted(ctx: Context) -> None:
    reports, plan_id, _ = _reports_with_plan(ctx)
    editor = reports.editors[plan_id]
    editor.quote_input.value = "Eerste citaat"
    editor.add_quote()  # consent not asked yet: kept, with a reminder
    assert "Vraag nog wel toestemming" in _said(editor.feedback)
    assert "nog niet genoteerd of je toestemming kreeg" in _text(editor.quote_notice)
    editor.consent.value = "nee"
    editor.quote_input.value = "Tweede citaat"
    editor.add_quote()
    assert _said(editor.feedback) == " ".join(REPORTS.no_consent_message.split())
    assert editor.quote_input.value == "Tweede citaat" and len(reports.session.quotes(plan_id)) == 1
    assert "Bij dit gesprek staat nog 1 citaat. Haal het hieronder weg." in _text(editor.quote_notice)
    editor.quote_list.children[0].children[1].click()
    assert "staan nog" not in _text(editor.quote_notice)


def test_a_quote_with_markup_is_shown_escaped(ctx: Context) -> None:
    reports, plan_id, _ = _reports_with_plan(ctx)
    editor = reports.editors[plan_id]
    editor.quote_input.value = "<script>alert('x')</script>"
    editor.add_quote()
    shown = editor.quote_list.children[0].children[0].value
    assert "<script>" not in shown and "&lt;script&gt;" in shown


def test_a_locked_store_keeps_the_typed_quote(ctx: Context, write_locked) -> None:
    reports, plan_id, _ = _reports_with_plan(ctx)
    editor = reports.editors[plan_id]
    with write_locked():
        editor.quote_input.value = "Bewaar mij"
        editor.add_quote()
        assert editor.quote_input.value == "Bewaar mij"
        assert editor.feedback.children[0].value.count("ww-notice-error") == 1
        editor.controls["vervolg"].value = "Terugsturen vóór 1 maart"
        assert editor.status.text.startswith("Niet opgeslagen")
    editor.add_quote()
    assert [q.data["tekst"] for q in reports.session.quotes(plan_id)] == ["Bewaar mij"]


def test_the_page_sections_build_both_widgets(ctx: Context) -> None:
    """What the notebook calls: one session for both sections, the map read for the shortlist."""
    from wijwerken_widgets.pages import dag3

    _map(ctx, WETHOUDER)
    plans_section, reports_section = dag3.plans.section(ctx), dag3.reports.section(ctx)
    [plans] = [w for w in plans_section.children if isinstance(w, ConversationPlans)]
    [reports] = [w for w in reports_section.children if isinstance(w, ConversationReports)]
    assert plans.session is reports.session
    assert "Wethouder Jansen" in _text(plans.shortlist_view)
    plans.take_buttons.children[0].click()
    assert reports.selector.label == f"Wethouder Jansen · {ctx.person.name}"
