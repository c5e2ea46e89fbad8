"""Dag 2's shared map driven from Python: two groupmates (two kernels) on one real store."""

from __future__ import annotations

import html
import json
from datetime import datetime, timezone

import pytest

from wijwerken_widgets.pages.dag2.entry_form import StakeholderForm
from wijwerken_widgets.pages.dag2.entry_import import StakeholderImport
from wijwerken_widgets.pages.dag2.network import NetworkView, parse_positions
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.shared.stakeholders.model import validate_stakeholder
from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context


def _session(ctx: Context) -> MapSession:
    return MapSession(ctx, poll_seconds=None)


def _said(box) -> str:
    """The text of the first notice in a feedback box, as the participant reads it."""
    return html.unescape(box.children[0].value)


def _fill(form: StakeholderForm, **values) -> None:
    for name, value in values.items():
        form.fields[name].value = value


def test_a_stakeholder_added_in_the_form_reaches_a_groupmate_on_refresh(ctx: Context, groupmate: Context) -> None:
    """Does Fatima's new stakeholder appear in Jeroen's kernel when it polls, with a place on the map?"""
    mine, theirs = _session(ctx), _session(groupmate)
    form = StakeholderForm(mine, "hint")
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
    session = _session(ctx)
    form = StakeholderForm(session, "hint")
    _fill(form, naam="José Bakker")
    form.submit()
    _fill(form, naam="jose\u0301  bakker")
    form.submit()
    assert len(session.map) == 1
    assert "'José Bakker' staat al op de kaart" in _said(form.feedback)


def test_an_empty_name_gets_a_dutch_message_and_nothing_is_saved(ctx: Context) -> None:
    session = _session(ctx)
    form = StakeholderForm(session, "hint")
    _fill(form, notitie="belangrijk")
    form.submit()
    assert "Geef de stakeholder een naam" in _said(form.feedback)
    assert form.notitie.value == "belangrijk" and len(session.map) == 0


def test_two_groupmates_editing_one_stakeholder_are_both_kept_and_the_later_is_told(
    ctx: Context, groupmate: Context
) -> None:
    """When both change 'OR' from the same version, does the later one see a conflict and can take the other's?"""
    mine, theirs = _session(ctx), _session(groupmate)
    mine.add([validate_stakeholder({"naam": "OR", "invloed": 3})])
    theirs.reload()
    my_form, their_form = StakeholderForm(mine, "h"), StakeholderForm(theirs, "h")
    or_id = mine.map.stakeholders[0].id
    my_form.picker.value = or_id
    their_form.picker.value = or_id
    my_form.invloed.value = 5
    my_form.submit()
    their_form.invloed.value = 1
    their_form.submit()
    assert f"{ctx.person.name} heeft 'OR' net ook gewijzigd" in _said(their_form.feedback)
    assert theirs.map.stakeholders[0].invloed == 1
    history = ctx.store.map_history(ctx.group.id, kind="stakeholder", item_id=or_id)
    assert [v.data["invloed"] for v in history] == [1, 5, 3]
    their_form.feedback.children[1].click()  # "Zet de versie van … terug"
    assert theirs.map.stakeholders[0].invloed == 5


def test_a_removed_stakeholder_hides_its_relations_and_comes_back_with_them(ctx: Context) -> None:
    from wijwerken_widgets.shared.stakeholders.model import validate_relation

    session = _session(ctx)
    a, b = validate_stakeholder({"naam": "A"}), validate_stakeholder({"naam": "B"})
    session.add([a, b], [validate_relation({"van": a.id, "naar": b.id})])
    session.remove("stakeholder", a.id)
    assert [s.naam for s in session.map.stakeholders] == ["B"] and session.map.relations == ()
    assert [s.naam for s, _ in session.removed_stakeholders()] == ["A"]
    session.restore(a.id)
    assert len(session.map) == 2 and len(session.map.relations) == 1


def test_dragged_positions_are_validated_and_kept_for_the_group(ctx: Context, groupmate: Context) -> None:
    """Do only known ids with finite numbers get stored, and does a groupmate then draw them there?"""
    session = _session(ctx)
    session.add([validate_stakeholder({"naam": "Wethouder"})])
    sid = session.map.stakeholders[0].id
    view = NetworkView(session)
    posted = {sid: {"x": 120.5, "y": -40}, "unknown": {"x": 1, "y": 2}}
    view.positions.value = json.dumps(posted)
    assert session.map.positions[sid] == (120.5, -40.0)
    theirs = _session(groupmate)
    assert theirs.map.positions[sid] == (120.5, -40.0)
    assert parse_positions('{"x": {"x": NaN, "y": 1}}', {"x"}) == {}
    assert parse_positions("not json", {"x"}) == {}
    assert parse_positions(json.dumps({sid: {"x": True, "y": 1}}), {sid}) == {}


def test_the_graph_is_a_sandboxed_iframe_that_redraws_after_an_edit(ctx: Context) -> None:
    session = _session(ctx)
    view = NetworkView(session)
    empty = view.frame.value
    assert 'sandbox="allow-scripts"' in empty and "allow-same-origin" not in empty
    session.add([validate_stakeholder({"naam": "<img src=x onerror=alert(1)>"})])
    assert view.frame.value != empty
    assert "<img src=x" not in view.frame.value  # escaped inside srcdoc


def test_import_from_a_pasted_list_shows_a_preview_then_adds(ctx: Context) -> None:
    """Does a pasted list add only the new names, leaving what the map knows of a listed one alone?"""
    session = _session(ctx)
    session.add([validate_stakeholder({"naam": "Wijkagent", "invloed": 5, "soort": "ketenpartner"})])
    importer = StakeholderImport(session)
    importer.paste.value = "Wijkagent\nBewoner Rozenstraat\n\nOndernemersvereniging\n"
    importer.preview_paste()
    assert "<strong>2</strong> nieuw, <strong>0</strong> bijgewerkt" in importer.preview.value
    importer.commit()
    assert sorted(s.naam for s in session.map.stakeholders) == ["Bewoner Rozenstraat", "Ondernemersvereniging",
                                                                 "Wijkagent"]
    agent = session.map.find("wijkagent")
    assert (agent.invloed, agent.soort) == (5, "ketenpartner")


def test_an_unreadable_upload_gets_a_dutch_message(ctx: Context) -> None:
    importer = StakeholderImport(_session(ctx))
    importer.upload.value = ({"name": "kaart.xlsx", "type": "", "size": 7, "content": memoryview(b"garbage"),
                              "last_modified": datetime.now(timezone.utc)},)
    assert "Dit Excel-bestand kan ik niet lezen" in _said(importer.feedback)
    assert importer.confirm.layout.display == "none"


def test_a_trainer_sees_the_map_of_the_group_named_in_the_address(
    store: Store, codes, ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Does a trainer (in no group) get the first group's map, or the one in ?groep=, with links to the others?"""
    from wijwerken_widgets.shared.groups import group_links
    from wijwerken_widgets.shared.stakeholders.session import page_map

    _session(ctx).add([validate_stakeholder({"naam": "Wijkagent"})])
    trainer, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    other = next(g for g in store.groups(ctx.cohort.id) if g.id != ctx.group.id)
    monkeypatch.setenv("QUERY_STRING", f"groep={ctx.group.id}")
    seen = page_map(Context.for_person(store, trainer))
    assert [s.naam for s in seen.map.stakeholders] == ["Wijkagent"]
    monkeypatch.setenv("QUERY_STRING", f"groep={other.id}")
    trainer_ctx = Context.for_person(store, trainer)
    assert page_map(trainer_ctx).map.stakeholders == ()
    links = group_links(trainer_ctx, other, "Je bekijkt als trainer de kaart van:").value
    assert f'href="?groep={ctx.group.id}"' in links and f"<strong>{other.name}</strong>" in links


def test_a_participant_cannot_look_at_another_groups_map(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    """Is ?groep= ignored for a participant, who always sees their own group's map?"""
    from wijwerken_widgets.shared.stakeholders.session import page_map

    other = next(g for g in ctx.store.groups(ctx.cohort.id) if g.id != ctx.group.id)
    monkeypatch.setenv("QUERY_STRING", f"groep={other.id}")
    assert page_map(ctx).group_id == ctx.group.id


def test_a_groupmates_removal_and_edit_reach_this_kernel_by_polling(ctx: Context, groupmate: Context) -> None:
    """Does an incremental reload take in another kernel's removal and edit, and nothing when nothing changed?"""
    mine, theirs = _session(ctx), _session(groupmate)
    a, b = validate_stakeholder({"naam": "A"}), validate_stakeholder({"naam": "B"})
    mine.add([a, b])
    theirs.reload()
    theirs.remove("stakeholder", a.id)
    theirs.update(validate_stakeholder({"naam": "B", "invloed": 5}, item_id=b.id), theirs.version("stakeholder", b.id))
    assert mine.reload() is True
    assert [(s.naam, s.invloed) for s in mine.map.stakeholders] == [("B", 5)]
    assert mine.reload() is False


def test_an_import_is_one_line_in_the_history(ctx: Context) -> None:
    """Does a save of many stakeholders at once read as one line, while single edits keep their own lines?"""
    from wijwerken_widgets.pages.dag2.history import MapHistoryView
    from wijwerken_widgets.shared.stakeholders.model import validate_relation

    session = _session(ctx)
    people = [validate_stakeholder({"naam": f"Bewoner {i}"}) for i in range(5)]
    session.add(people, [validate_relation({"van": people[0].id, "naar": people[1].id})])
    session.add([validate_stakeholder({"naam": "Wijkagent"})])
    text = html.unescape(MapHistoryView(session).changes.value)
    assert f"{ctx.person.name} zette 'Wijkagent' op de kaart" in text
    assert f"{ctx.person.name} zette of wijzigde 5 stakeholders en 1 relatie in één keer" in text
    assert text.count("<li>") == 2
