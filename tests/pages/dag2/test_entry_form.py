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


def test_a_groupmates_change_of_the_stakeholder_i_edit_is_merged_per_field(ctx: Context, groupmate: Context) -> None:
    """While I change the influence of 'OR', Jeroen saves a note on it: does my form show his note at once, keep my
    influence, and does my save keep both (no conflict, since we changed different fields)?"""
    mine, theirs = map_session(ctx), map_session(groupmate)
    mine.add([validate_stakeholder({"naam": "OR", "invloed": 3})])
    theirs.reload()
    or_id = mine.map.stakeholders[0].id
    my_form, their_form = StakeholderForm(mine), StakeholderForm(theirs)
    my_form.picker.value = their_form.picker.value = or_id
    my_form.invloed.value = 5
    _fill(their_form, notitie="Voorzitter is nieuw")
    their_form.submit()
    assert mine.reload() is True
    assert (my_form.invloed.value, my_form.notitie.value) == (5, "Voorzitter is nieuw")
    my_form.submit()
    saved = mine.map.by_id()[or_id]
    assert (saved.invloed, saved.notitie) == (5, "Voorzitter is nieuw")
    assert my_form.feedback.text == "Wijziging van 'OR' opgeslagen."


def test_the_same_field_changed_by_both_keeps_mine_and_shows_theirs(ctx: Context, groupmate: Context) -> None:
    """When Jeroen and I both change the influence, is mine kept and am I told what he chose?"""
    mine, theirs = map_session(ctx), map_session(groupmate)
    mine.add([validate_stakeholder({"naam": "OR", "invloed": 3})])
    theirs.reload()
    or_id = mine.map.stakeholders[0].id
    my_form, their_form = StakeholderForm(mine), StakeholderForm(theirs)
    my_form.picker.value = their_form.picker.value = or_id
    their_form.invloed.value = 1
    their_form.submit()
    my_form.invloed.value = 5  # typed before my kernel polled
    my_form.submit()
    assert mine.map.by_id()[or_id].invloed == 5 and my_form.invloed.value == 5
    assert f"{groupmate.person.name} heeft 'OR' net ook gewijzigd" in my_form.feedback.text
    assert f"{groupmate.person.name} had gekozen: Invloed: 1" in my_form.feedback.text


def test_a_groupmates_drag_and_edit_of_another_stakeholder_leave_my_typing_alone(
    ctx: Context, groupmate: Context
) -> None:
    """When Jeroen drags a node and edits another stakeholder while I type, do my typed values stay?"""
    mine, theirs = map_session(ctx), map_session(groupmate)
    mine.add([validate_stakeholder({"naam": "Wijkagent"}), validate_stakeholder({"naam": "Wethouder"})])
    theirs.reload()
    form = StakeholderForm(mine)
    agent, wethouder = mine.map.find("Wijkagent"), mine.map.find("Wethouder")
    form.picker.value = agent.id
    _fill(form, naam="Wijkagent Noord", notitie="Kent iedereen", houding="voorstander")
    theirs.move({agent.id: (10.0, 20.0), wethouder.id: (30.0, 40.0)})
    theirs.edit(validate_stakeholder({"naam": "Wethouder", "invloed": 5}, item_id=wethouder.id),
                theirs.version("stakeholder", wethouder.id))
    assert mine.reload() is True
    assert form.values()["naam"] == "Wijkagent Noord" and form.notitie.value == "Kent iedereen"
    assert form.houding.value == "voorstander" and form.picker.value == agent.id and form.feedback.text == ""


def test_near_simultaneous_saves_of_one_stakeholder_never_say_it_was_removed(ctx: Context, groupmate: Context) -> None:
    """When Jeroen and I save 'OR' at nearly the same moment, does nobody hear that it was removed?"""
    mine, theirs = map_session(ctx), map_session(groupmate)
    mine.add([validate_stakeholder({"naam": "OR"})])
    theirs.reload()
    or_id = mine.map.stakeholders[0].id
    my_form, their_form = StakeholderForm(mine), StakeholderForm(theirs)
    my_form.picker.value = their_form.picker.value = or_id
    _fill(my_form, notitie="mijn notitie")
    _fill(their_form, belang=5)
    my_form.submit()
    their_form.submit()
    mine.reload()
    theirs.reload()
    for form in (my_form, their_form):
        assert "weggehaald" not in form.feedback.text and form.editing is not None and form.picker.value == or_id
    saved = mine.map.by_id()[or_id]
    assert (saved.notitie, saved.belang) == ("mijn notitie", 5)
    assert f"samen met wat {ctx.person.name} er net aan veranderde" in their_form.feedback.text
    assert their_form.notitie.value == "mijn notitie" and my_form.belang.value == 5


def test_the_forms_typed_name_and_note_stay_in_the_browser_until_the_stakeholder_is_saved(ctx: Context) -> None:
    """Are the name and note marked for the browser to keep, and do they count as stored only once the stakeholder
    is on the map (so a kernel lost before "Stakeholder toevoegen" leaves the typed text offered back after a reload)?"""
    import json

    from wijwerken_widgets.ui import drafts

    form = StakeholderForm(map_session(ctx))
    saved = lambda: json.loads(drafts.ledger(ctx).widget.value)["saved"]  # noqa: E731
    slugs = {name: drafts.field_slug(f"dag2.form.{name}") for name in ("naam", "notitie")}
    assert f"ww-dk-{slugs['naam']}" in form.naam._dom_classes
    _fill(form, naam="Wijkagent Noord", notitie="Kent de buurt")
    assert saved()[slugs["notitie"]] == drafts.fnv1a("")  # typed, not stored: the browser keeps it
    form.submit()
    [agent] = map_session(ctx).map.stakeholders
    assert agent.notitie == "Kent de buurt"
    form.picker.value = agent.id  # edit it: the form shows what is stored
    assert saved()[slugs["notitie"]] == drafts.fnv1a("Kent de buurt")


def test_a_stakeholder_a_groupmate_removes_while_i_type_keeps_my_text_and_comes_back_with_it(
    ctx: Context, groupmate: Context
) -> None:
    """Jeroen removes 'Wijkagent' while I am typing a note on it: does my form keep the note and say what happened,
    and does saving put the stakeholder back with my note?"""
    mine, theirs = map_session(ctx), map_session(groupmate)
    mine.add([validate_stakeholder({"naam": "Wijkagent"})])
    theirs.reload()
    form = StakeholderForm(mine)
    agent = mine.map.find("Wijkagent")
    form.picker.value = agent.id
    form.notitie.value = "Kent iedereen in de wijk"
    theirs.remove("stakeholder", agent.id)
    assert mine.reload() is True
    assert form.notitie.value == "Kent iedereen in de wijk"
    assert "weggehaald" in form.feedback.text and "staat er nog" in form.feedback.text
    form.submit()
    back = mine.map.find("Wijkagent")
    assert back is not None and back.id == agent.id and back.notitie == "Kent iedereen in de wijk"


def test_the_functie_is_asked_with_its_purpose_and_saved_cleaned(ctx: Context, groupmate: Context) -> None:
    """Does the form ask for an optional "Functie of rol", say that it stands in for the name when quotes are given
    back, and save it cleaned for the groupmates; and does picking the stakeholder show it again?"""
    mine = map_session(ctx)
    form = StakeholderForm(mine)
    assert form.functie.description == "Functie of rol (optioneel)"
    assert form.functie.placeholder.startswith("Bijvoorbeeld: wethouder, wijkagent")
    hint = form.children[form.children.index(form.functie) + 1]
    assert "in plaats van de naam" in hint.value and "citaten" in hint.value
    _fill(form, naam="Jansen", functie="  Wethouder \t Sociaal Domein ")
    form.submit()
    assert form.functie.value == ""  # ready for the next one
    theirs = map_session(groupmate)
    [jansen] = theirs.map.stakeholders
    assert jansen.functie == "Wethouder Sociaal Domein"
    form.picker.value = jansen.id
    assert form.functie.value == "Wethouder Sociaal Domein"
    form.functie.value = ""  # optional: it can be taken away again
    form.submit()
    assert map_session(ctx).map.stakeholders[0].functie == ""


def test_a_too_long_functie_is_refused_in_dutch_and_keeps_what_was_typed(ctx: Context) -> None:
    """Does a functie over 80 characters get the Dutch message naming the field, save nothing and keep the text?"""
    session = map_session(ctx)
    form = StakeholderForm(session)
    too_long = "Coördinator " * 7
    _fill(form, naam="Jansen", functie=too_long)
    form.submit()
    assert "De functie of rol is te lang (meer dan 80 tekens)" in form.feedback.text
    assert len(session.map) == 0 and form.functie.value == too_long and form.naam.value == "Jansen"


def test_a_groupmates_new_functie_reaches_my_form_where_i_did_not_type(ctx: Context, groupmate: Context) -> None:
    """I change the invloed of 'OR' while Jeroen gives it a functie: does my save keep his functie?"""
    mine, theirs = map_session(ctx), map_session(groupmate)
    mine.add([validate_stakeholder({"naam": "OR"})])
    theirs.reload()
    my_form, their_form = StakeholderForm(mine), StakeholderForm(theirs)
    or_id = mine.map.stakeholders[0].id
    my_form.picker.value = their_form.picker.value = or_id
    their_form.functie.value = "voorzitter"
    their_form.submit()
    my_form.invloed.value = 5
    my_form.submit()
    [saved] = map_session(ctx).map.stakeholders
    assert (saved.functie, saved.invloed) == ("voorzitter", 5)
