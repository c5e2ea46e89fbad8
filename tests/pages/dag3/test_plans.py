"""Dag 3's plans from Python: the shortlist, taking a conversation on, two groupmates (two kernels) on one store."""

from __future__ import annotations

from tests.support.dag3 import (
    BEWONER,
    COLLEGA,
    PLANS,
    REPORTS,
    WETHOUDER,
    all_widgets,
    editor_of,
    html_text,
    new_plans,
    new_session,
    said,
)
from wijwerken_widgets.pages.dag3.plans import ConversationPlans
from wijwerken_widgets.pages.dag3.reports import ConversationReports
from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.ui.context import Context


def test_taking_on_a_shortlisted_stakeholder_makes_a_plan_the_groupmate_sees(
    ctx: Context, groupmate: Context
) -> None:
    """Does the button start a plan (wie = me) that Jeroen's shortlist and selector show after polling?"""
    plans = new_plans(ctx, WETHOUDER, BEWONER, COLLEGA)
    assert [b.description for b in plans.take_buttons.children] == [
        "Plan een gesprek met Wethouder Jansen", "Plan een gesprek met Bewoner A."]  # Collega B.: no gap
    assert "nog geen gesprek gepland" in html_text(plans.shortlist_view)
    assert plans.plans_area.children == (plans.empty,)

    plans.take_buttons.children[0].click()
    [plan] = plans.session.conversations()
    assert plan.data["stakeholder"] == "Wethouder Jansen" and plan.data["wie"] == ctx.person.id
    assert plans.selector.value == plan.item_id
    assert editor_of(plans).wie.value == ctx.person.id
    assert plans.take_buttons.children[0].description == "Bekijk het gesprek met Wethouder Jansen"

    theirs = ConversationPlans(new_session(groupmate), MapSession(groupmate, poll_seconds=None), PLANS)
    assert f"gesprek gepland: {ctx.person.name}" in html_text(theirs.shortlist_view)
    assert theirs.selector.label == f"\u2068Wethouder Jansen\u2069 · \u2068{ctx.person.name}\u2069"

    # A second conversation the groupmate's kernel learns about by polling.
    plans.other.value = [v for _, v in plans.other.options if v and v != plan.data["stakeholder_id"]][0]
    plans.take_other()
    assert theirs.session.reload() is True
    assert len(theirs.selector.options) == 2
    assert "gesprek gepland" in html_text(theirs.shortlist_view).split("Bewoner A.")[1]
    # Their button for an already planned stakeholder opens that plan instead of making another.
    theirs.take_buttons.children[0].click()
    assert theirs.selector.value == plan.item_id and len(theirs.session.conversations()) == 2


def test_a_groupmates_edit_updates_the_selector_without_losing_what_i_type(
    ctx: Context, groupmate: Context
) -> None:
    """When Jeroen sets the date while I type the opening, does the label follow while my unsaved text stays, does my
    screen show his date at once, and do both fields end up in the plan (merged, no conflict)?"""
    plans = new_plans(ctx, WETHOUDER)
    plan_id = plans.take_on(plans.map_session.map.stakeholders[0].id)
    my_editor = editor_of(plans)
    my_editor.controls["doel"].value = "Mijn doel"  # saved
    theirs = ConversationPlans(new_session(groupmate), None, PLANS)
    their_editor = editor_of(theirs)
    assert their_editor.controls["doel"].value == "Mijn doel"
    # Typed but not saved yet (in a kernel the save waits until typing stops).
    my_editor.saver._filling = True
    my_editor.controls["opening"].value = "Ik begin met …"
    my_editor.saver._filling, my_editor.saver._dirty = False, True
    their_editor.controls["wanneer"].value = "dinsdag"
    assert plans.session.reload() is True
    assert plans.selector.label == f"\u2068Wethouder Jansen\u2069 · \u2068{ctx.person.name}\u2069 · \u2068dinsdag\u2069"
    assert my_editor.controls["opening"].value == "Ik begin met …"
    assert plans.selector.value == plan_id and editor_of(plans) is my_editor
    assert my_editor.controls["wanneer"].value == "dinsdag"  # a field I did not touch follows theirs
    my_editor.saver.flush()  # my save is merged with theirs: other fields, no conflict
    assert my_editor.status.text.startswith("Opgeslagen")
    plan = plans.session.item("gesprek", plan_id).data
    assert (plan["opening"], plan["wanneer"], plan["doel"]) == ("Ik begin met …", "dinsdag", "Mijn doel")
    assert theirs.session.reload() and their_editor.controls["opening"].value == "Ik begin met …"
    assert their_editor.controls["wanneer"].value == "dinsdag"


def test_no_map_or_an_empty_map_shows_the_shortlist_empty_text(ctx: Context) -> None:
    """Without a map, or with an empty one, does the shortlist say so, and does planning ask to choose someone?"""
    expected = " ".join(PLANS.shortlist_empty.split())
    without = ConversationPlans(new_session(ctx), None, PLANS)
    assert expected in " ".join(html_text(without.shortlist_view).split())
    assert without.take_buttons.children == () and without.other.options == (("Kies een stakeholder", ""),)
    without.take_other()
    assert "Kies eerst een stakeholder" in said(without.feedback)
    without.refresh()
    empty_map = ConversationPlans(new_session(ctx), MapSession(ctx, poll_seconds=None), PLANS)
    assert expected in " ".join(html_text(empty_map.shortlist_view).split())


def test_a_right_to_left_name_in_the_shortlist_is_isolated(ctx: Context) -> None:
    """Is each shortlisted name in a <bdi>, so that a right-to-left one keeps "(Bestuur: …)" after it?"""
    plans = new_plans(ctx, {**WETHOUDER, "naam": "דנה כהן"})
    assert "<strong><bdi>דנה כהן</bdi></strong> <span class='ww-hint'>(" in plans.shortlist_view.value


def test_a_stakeholder_name_with_markup_is_shown_escaped(ctx: Context) -> None:
    """Is a stakeholder name with markup shown escaped in the shortlist, and as plain text in the selector?"""
    evil = "<img src=x onerror=alert(1)>"
    plans = new_plans(ctx, {**WETHOUDER, "naam": evil})
    assert "<img" not in plans.shortlist_view.value and "&lt;img" in plans.shortlist_view.value
    plans.take_buttons.children[0].click()
    reports = ConversationReports(plans.session, REPORTS)
    assert reports.selector.label.startswith("\u2068" + evil)  # a Dropdown label is text, never HTML


def test_a_locked_store_keeps_the_typed_plan_and_saves_afterwards(ctx: Context, write_locked) -> None:
    """When the store is locked, is the typed plan kept and saved afterwards, and a new plan refused with a notice?"""
    plans = new_plans(ctx, WETHOUDER)
    plans.take_on(plans.map_session.map.stakeholders[0].id)
    editor = editor_of(plans)
    with write_locked():
        editor.controls["doel"].value = "Belangrijk doel"
        assert editor.status.text.startswith("Niet opgeslagen — probeer opnieuw")
        assert editor.controls["doel"].value == "Belangrijk doel"
        assert plans.plan(plans.map_session.map.stakeholders[0].id) is None
        assert "ww-notice-error" in plans.feedback.value
        assert "niet worden opgeslagen" in said(plans.feedback)
        assert len(plans.session.conversations()) == 1
    editor.status.retry_button.click()
    assert plans.session.item("gesprek", plans.selector.value).data["doel"] == "Belangrijk doel"


def test_a_new_notice_replaces_the_last_one_in_the_forms_one_feedback_line(ctx: Context) -> None:
    """Does each notice of the plans form replace the previous one in the same line, without new widgets?"""
    plans = ConversationPlans(new_session(ctx), None, PLANS)
    before = len(all_widgets(plans))
    plans.take_other()  # nothing chosen
    assert said(plans.feedback) == "Kies eerst een stakeholder uit de lijst."
    plans.plan("niet-op-de-kaart")
    assert said(plans.feedback) == "Deze stakeholder staat niet meer op de kaart."
    assert len(all_widgets(plans)) == before and plans.feedback.value.count('class="ww-notice ') == 1


def test_two_groupmates_changing_the_same_field_of_a_plan_keep_mine_and_show_theirs(
    ctx: Context, groupmate: Context
) -> None:
    """When Jeroen and I both rewrite the goal from the same version, is my text kept on my screen and in the plan,
    am I told his name, and can I see his text (both versions in the history)?"""
    plans = new_plans(ctx, WETHOUDER)
    plan_id = plans.take_on(plans.map_session.map.stakeholders[0].id)
    my_editor = editor_of(plans)
    their_editor = editor_of(ConversationPlans(new_session(groupmate), None, PLANS))
    their_editor.controls["doel"].value = "Zijn doel"
    my_editor.saver._filling = True  # typed before his version arrived; saved below
    my_editor.controls["doel"].value = "Mijn doel"
    my_editor.saver._filling, my_editor.saver._dirty = False, True
    my_editor.saver.flush()
    assert my_editor.controls["doel"].value == "Mijn doel"
    assert plans.session.item("gesprek", plan_id).data["doel"] == "Mijn doel"
    assert f"\u2068{groupmate.person.name}\u2069 heeft dit" in my_editor.status.text  # the name isolated
    my_editor.status.other_button.click()
    assert my_editor.status.other_text.value == "doel: Zijn doel"
    history = ctx.store.items_history("gesprekken", ctx.group.id, item_id=plan_id)
    assert [v.data["doel"] for v in history][:2] == ["Mijn doel", "Zijn doel"]
