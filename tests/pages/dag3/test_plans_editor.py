"""Dag 3's plan editor from Python: the typed plan, suggested questions, question coaching, removing a plan."""

from __future__ import annotations

import html

from tests.support.dag3 import PLANS, WETHOUDER, editor_of, html_text, new_plans, new_session, said
from wijwerken_widgets.pages.dag3.plans import ConversationPlans
from wijwerken_widgets.pages.dag3.plans_editor import NOBODY
from wijwerken_widgets.ui.context import Context


def test_typed_plan_fields_are_saved_and_come_back_in_a_new_session(ctx: Context) -> None:
    """Are a plan's typed fields saved (questions one per line, nobody as wie) and shown again in a new session?"""
    plans = new_plans(ctx, WETHOUDER)
    plan_id = plans.take_on(plans.map_session.map.stakeholders[0].id)
    editor = editor_of(plans)
    editor.controls["doel"].value = "Begrijpen hoe de wethouder de wijk ziet"
    editor.controls["wanneer"].value = "week 12"
    editor.vragen.value = "Hoe ervaart u de wijk?\n\n  Wat valt u op?  \n"
    editor.wie.value = NOBODY
    editor.saver.flush()
    stored = plans.session.item("gesprek", plan_id).data
    assert stored["vragen"] == ["Hoe ervaart u de wijk?", "Wat valt u op?"]
    assert stored["wie"] is None and stored["stakeholder"] == "Wethouder Jansen"
    assert "Opgeslagen" in editor.status.text
    assert plans.selector.label == "\u2068Wethouder Jansen\u2069 · \u2068nog niemand\u2069 · \u2068week 12\u2069"

    again = new_plans(Context.for_person(ctx.store, ctx.person))
    reloaded = editor_of(again)
    assert reloaded.controls["doel"].value == "Begrijpen hoe de wethouder de wijk ziet"
    assert reloaded.vragen.value == "Hoe ervaart u de wijk?\nWat valt u op?"
    assert reloaded.wie.value == NOBODY
    assert len(ctx.store.items_history("gesprekken", ctx.group.id, item_id=plan_id)) >= 2


def test_suggestions_appear_and_adding_one_appends_it_once(ctx: Context) -> None:
    """Do suggested questions appear on request, and does adding one append it to the questions only once?"""
    ctx.store.save_answer(ctx.person.id, "dag1.hoofdvraag", "Hoe kunnen bewoners zelf de speeltuin beheren?",
                          base_id=None, client_id="t")
    plans = new_plans(ctx, WETHOUDER)
    plans.take_on(plans.map_session.map.stakeholders[0].id)
    editor = editor_of(plans)
    editor.vragen.value = "Wat gaat er goed in de wijk?"
    editor.suggest_button.click()
    intro, *rows = editor.suggestions.children
    assert "Vraagsuggesties op basis van jullie hoofdvraag" in html_text(intro)
    assert 5 <= len(rows) <= 8
    first = html.unescape(rows[0].children[1].value)
    assert first.endswith("?")
    rows[0].children[0].click()
    assert editor.vragen.value == f"Wat gaat er goed in de wijk?\n{first}"
    assert rows[0].children[0].disabled and rows[0].children[0].description == "Staat erin"
    editor.add_question(first.upper())  # the same question, typed another way
    assert editor.vragen.value.count("\n") == 1
    assert "staat er al" in said(editor.feedback)
    assert plans.session.item("gesprek", plans.selector.value).data["vragen"][-1] == first
    editor.vragen.value += " (aangepast)"  # editable afterwards; the button comes back
    assert not rows[0].children[0].disabled


def test_coaching_names_the_closed_and_the_leading_question(ctx: Context) -> None:
    """Does the coaching name the closed and the leading question by number, and show typed HTML as text?"""
    plans = new_plans(ctx, WETHOUDER)
    plans.take_on(plans.map_session.map.stakeholders[0].id)
    editor = editor_of(plans)
    assert editor.coaching.value == ""
    editor.vragen.value = ("Wat gaat er goed in de wijk?\nBent u tevreden?\n"
                           "Vindt u ook niet dat het park te klein is?")
    shown = html_text(editor.coaching)
    assert 'data-rule="closed_question"' in editor.coaching.value
    assert 'data-rule="leading_question"' in editor.coaching.value
    assert "Vraag 2 (“Bent u tevreden?”): Dit lijkt een ja/nee-vraag" in shown
    assert "Vraag 3 (“Vindt u ook niet dat het …”): Deze vraag stuurt" in shown
    assert "Vraag 1: Open vraag" in shown
    editor.vragen.value = "<b>Bent</b> u tevreden?"
    assert "<b>" not in editor.coaching.value and "&lt;b&gt;" in editor.coaching.value


def test_a_plan_is_removed_only_after_confirming(ctx: Context, groupmate: Context) -> None:
    """Is a plan removed only after "Ja, verwijderen", for the whole group, and kept in the history?"""
    plans = new_plans(ctx, WETHOUDER)
    plan_id = plans.take_on(plans.map_session.map.stakeholders[0].id)
    theirs = ConversationPlans(new_session(groupmate), None, PLANS)
    editor = editor_of(plans)
    editor.remove_button.click()
    assert plans.session.item("gesprek", plan_id) is not None
    assert "Weet je het zeker?" in said(editor.confirm)
    editor.confirm.children[1].children[1].click()  # "Nee, bewaren"
    assert editor.confirm.children == () and plans.session.item("gesprek", plan_id) is not None
    editor.remove_button.click()
    editor.confirm.children[1].children[0].click()  # "Ja, verwijderen"
    assert plans.session.conversations() == [] and plans.plans_area.children == (plans.empty,)
    assert "verwijderd door jou" in said(plans.feedback)
    history = ctx.store.items_history("gesprekken", ctx.group.id, item_id=plan_id)
    assert [v.deleted for v in history] == [True, False]
    assert theirs.session.reload() is True
    assert theirs.plans_area.children == (theirs.empty,)
    assert f"verwijderd door {ctx.person.name}" in said(theirs.feedback)


def test_a_plan_downloads_as_one_printable_page_with_its_texts_escaped(ctx: Context) -> None:
    """Does the download button give a self-contained HTML file of the plan, every typed text escaped?"""
    import base64
    import re

    plans = new_plans(ctx, WETHOUDER)
    plans.take_on(plans.map_session.map.stakeholders[0].id)
    editor = editor_of(plans)
    editor.controls["doel"].value = "Luisteren <script>alert(1)</script>"
    editor.vragen.value = "Wat vindt u van <b>de wijk</b>?"
    editor.download()
    link = re.search(r'download="(gespreksplan-[\d-]+\.html)" href="data:text/html;base64,([^"]+)"',
                     editor.download_link.value)
    assert link is not None
    page = base64.b64decode(link[2]).decode("utf-8")
    assert "<title>Gespreksplan: gesprek met \u2068Wethouder Jansen\u2069</title>" in page  # the name isolated
    assert "@page { size: A4" in page
    assert "Luisteren &lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script" not in page
    assert "<ol><li>Wat vindt u van &lt;b&gt;de wijk&lt;/b&gt;?</li></ol>" in page
    assert "Nog niet ingevuld" in page  # the parts still empty say so
