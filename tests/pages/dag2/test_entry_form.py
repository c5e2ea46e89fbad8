"""Dag 2's stakeholder form, driven from Python: two groupmates (two kernels) on one real store."""

from __future__ import annotations

from tests.support.maps import map_session
from wijwerken_widgets.pages.dag2.entry_form import StakeholderForm
from wijwerken_widgets.shared.stakeholders.model import validate_stakeholder
from wijwerken_widgets.ui.context import Context


def _fill(form: StakeholderForm, **values) -> None:
    for name, value in values.items():
        form.fields[name].value = value


def test_a_stakeholder_added_in_the_form_reaches_a_groupmate_on_refresh(ctx: Context, groupmate: Context) -> None:
    """Does Fatima's new stakeholder appear in Jeroen's kernel when it polls, with a place on the map?"""
    mine, theirs = map_session(ctx), map_session(groupmate)
    form = StakeholderForm(mine)
    _fill(form, naam="  Wijkagent   Noord ", soort="ketenpartner", positie="extern", invloed=4)
    form.submit()
    assert [s.naam for s in mine.map.stakeholders] == ["Wijkagent Noord"]
    assert theirs.map.stakeholders == ()
    assert theirs.reload() is True
    [agent] = theirs.map.stakeholders
    assert (agent.soort, agent.positie, agent.invloed) == ("ketenpartner", "extern", 4)
    assert agent.id in theirs.map.positions
    assert form.naam.value == ""  # ready for the next one


def test_the_same_name_typed_another_way_is_refused_with_the_original_spelling(ctx: Context) -> None:
    """Is "José" with a combining accent the same stakeholder as "José", and is the participant told so?"""
    session = map_session(ctx)
    form = StakeholderForm(session)
    _fill(form, naam="José Bakker")
    form.submit()
    _fill(form, naam="jose\u0301  bakker")
    form.submit()
    assert len(session.map) == 1
    assert "'José Bakker' staat al op de kaart" in form.feedback.text


def test_an_empty_name_gets_a_dutch_message_and_nothing_is_saved(ctx: Context) -> None:
    """Does a stakeholder without a name get a Dutch message, keep the typed note and save nothing?"""
    session = map_session(ctx)
    form = StakeholderForm(session)
    _fill(form, notitie="belangrijk")
    form.submit()
    assert "Geef de stakeholder een naam" in form.feedback.text
    assert form.notitie.value == "belangrijk" and len(session.map) == 0


def test_two_groupmates_editing_one_stakeholder_are_both_kept_and_the_later_is_told(
    ctx: Context, groupmate: Context
) -> None:
    """When both change 'OR' from the same version, does the later one see a conflict and can take the other's?"""
    mine, theirs = map_session(ctx), map_session(groupmate)
    mine.add([validate_stakeholder({"naam": "OR", "invloed": 3})])
    theirs.reload()
    my_form, their_form = StakeholderForm(mine), StakeholderForm(theirs)
    or_id = mine.map.stakeholders[0].id
    my_form.picker.value = or_id
    their_form.picker.value = or_id
    my_form.invloed.value = 5
    my_form.submit()
    their_form.invloed.value = 1
    their_form.submit()
    assert f"{ctx.person.name} heeft 'OR' net ook gewijzigd" in their_form.feedback.text
    assert theirs.map.stakeholders[0].invloed == 1
    history = ctx.store.map_history(ctx.group.id, kind="stakeholder", item_id=or_id)
    assert [v.data["invloed"] for v in history] == [1, 5, 3]
    their_form.take_theirs.click()  # "Zet de versie van … terug"
    assert theirs.map.stakeholders[0].invloed == 5


def test_a_groupmates_change_leaves_the_stakeholder_i_am_editing_alone(ctx: Context, groupmate: Context) -> None:
    """When polling brings a groupmate's new stakeholder while I edit another, do my pick and my unsaved changes
    stay?"""
    mine, theirs = map_session(ctx), map_session(groupmate)
    mine.add([validate_stakeholder({"naam": "Wijkagent"}), validate_stakeholder({"naam": "Wethouder"})])
    form = StakeholderForm(mine)
    agent = mine.map.find("Wijkagent")
    form.picker.value = agent.id
    form.invloed.value = 5
    theirs.add([validate_stakeholder({"naam": "Buurman"})])
    assert mine.reload() is True
    assert ("Buurman", mine.map.find("Buurman").id) in form.picker.options
    assert (form.picker.value, form.editing.id, form.naam.value, form.invloed.value) == (agent.id, agent.id,
                                                                                          "Wijkagent", 5)
    form.submit()
    assert mine.map.find("Wijkagent").invloed == 5 and len(mine.map) == 3
