"""The olievlek driven from Python: adding an entry, what the form refuses (and keeps), the member's own entries,
progress per member and for the group, and the trainer's totals."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from ipywidgets.widgets.widget import _instances

from tests.support.dag3 import html_text
from tests.support.dag4 import act_session
from wijwerken_widgets.core.dutch import parse_date
from wijwerken_widgets.pages.maanden import olievlek, texts
from wijwerken_widgets.pages.maanden.olievlek import CohortTotals, GroupProgress, OlievlekView
from wijwerken_widgets.pages.maanden.olievlek_entries import EntryEditor
from wijwerken_widgets.pages.maanden.olievlek_form import looks_like_name
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.shared.act.items import SPACE
from wijwerken_widgets.shared.act.olievlek import MAX_WITH, Olievlek
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.context import Context

PART = texts.load().exercises.olievlek
WORDS = PART.form


@pytest.fixture
def trainer(store: Store, codes) -> Context:
    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    return Context.for_person(store, person)


def new_view(ctx: Context) -> OlievlekView:
    """The section's widget as a page builds it (its own session, no polling)."""
    ctx.shared[SPACE] = act_session(ctx)
    return OlievlekView(ctx.shared[SPACE], PART)


def fill(view: OlievlekView, met: str = "mijn team Vergunningen", aantal: int = 7, datum: str = "2026-11-20",
         hoe: str = "werkoverleg", meegenomen: str = "Ze willen eerst vragen wat de inwoner zelf wil") -> None:
    fields = view.form.fields
    fields.met.value, fields.aantal.value, fields.datum.value = met, aantal, datum
    fields.hoe.value, fields.meegenomen.value = hoe, meegenomen


def stored(ctx: Context) -> list[Olievlek]:
    """The group's entries as the store has them now."""
    return [Olievlek.of(i) for i in ctx.store.items(SPACE, ctx.group.id) if i.kind == Olievlek.KIND and not i.deleted]


def test_an_entry_is_added_listed_and_counted(ctx: Context) -> None:
    view = new_view(ctx)
    assert "Je hebt nog niets opgeschreven" in html_text(view.mine.list_view)
    fill(view)
    view.form.add_button.click()
    [entry] = stored(ctx)
    assert (entry.met, entry.aantal, entry.datum, entry.hoe, entry.door) == (
        "mijn team Vergunningen", 7, "2026-11-20", "werkoverleg", ctx.person.id)
    assert view.form.feedback.text.startswith("Toegevoegd:")
    assert view.form.fields.met.value == view.form.fields.meegenomen.value == ""  # ready for the next one
    listed = html_text(view.mine.list_view)
    assert "20 november 2026 · mijn team Vergunningen · 7 collega's · werkoverleg" in listed
    assert "eerst vragen wat de inwoner zelf wil" in listed
    assert view.mine.chooser.value == entry.id  # the new entry is the one its editor shows
    assert f"{ctx.person.name} (jij): 7 van 10 collega's" in html_text(view.progress.view)
    assert 'value="7"' in view.progress.view.value and 'max="10"' in view.progress.view.value


def test_the_date_defaults_to_today_and_a_dutch_date_is_understood(ctx: Context) -> None:
    view = new_view(ctx)
    assert parse_date(view.form.fields.datum.value) == date.today()
    fill(view, datum="3-2-2026")
    view.form.submit()
    assert [e.datum for e in stored(ctx)] == ["2026-02-03"]


@pytest.mark.parametrize(("typed", "message"), [
    ({"met": " ", "meegenomen": ""}, "Vul eerst in: Met wie, Wat nam de ander ervan mee."),
    ({"met": "x" * (MAX_WITH + 1)}, f"Met wie: dit is te lang (hoogstens {MAX_WITH} tekens)"),
    ({"datum": "gisteren"}, "is geen datum. Schrijf hem als jaar-maand-dag"),
    ({"datum": "2026-02-30"}, "is geen datum"),
    ({"datum": (date.today() + timedelta(days=3)).isoformat()}, "ligt nog in de toekomst"),
])
def test_the_form_refuses_with_a_dutch_message_and_keeps_the_text(ctx: Context, typed: dict, message: str) -> None:
    view = new_view(ctx)
    fill(view, **typed)
    before = view.form.fields.raw()
    assert view.form.submit() is None
    assert message in view.form.feedback.text
    assert view.form.fields.raw() == before
    assert stored(ctx) == []


def test_the_new_entrys_text_is_kept_in_the_browser_until_it_is_added(ctx: Context) -> None:
    view = new_view(ctx)
    for control in (view.form.fields.met, view.form.fields.meegenomen):
        assert "ww-draft" in control._dom_classes


def test_a_name_gets_a_gentle_hint_but_is_not_refused(ctx: Context) -> None:
    view = new_view(ctx)
    fill(view, met="Jan de Vries")
    assert "lijkt op een naam" in html_text(view.form.fields.name_hint)
    view.form.submit()
    assert [e.met for e in stored(ctx)] == ["Jan de Vries"]
    view.form.fields.met.value = "twee collega's van Burgerzaken"
    assert html_text(view.form.fields.name_hint) == ""


@pytest.mark.parametrize(("text", "name"), [
    ("Jan de Vries", True), ("Fatima El Amrani", True), ("Piet", False), ("mijn team Vergunningen", False),
    ("Team Vergunningen", False), ("twee collega's van Burgerzaken", False), ("MT Sociaal Domein", False),
    ("Wethouder Smit", False), ("3 medewerkers KCC", False),
])
def test_what_looks_like_a_name(text: str, name: bool) -> None:
    assert looks_like_name(text, WORDS.role_words, WORDS.name_particles) is name


def test_typed_text_is_shown_literally(ctx: Context) -> None:
    view = new_view(ctx)
    fill(view, met="<script>alert(1)</script>", meegenomen="<img src=x onerror=alert(2)>")
    view.form.submit()
    assert "<script>" not in view.mine.list_view.value and "<img" not in view.mine.list_view.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in view.mine.list_view.value
    assert "<script>alert(1)</script>" in html_text(view.mine.list_view)
    assert "<script" not in view.form.feedback.value


def test_progress_per_member_own_first_and_the_groups_total(ctx: Context, groupmate: Context) -> None:
    mine = new_view(ctx)
    fill(mine, aantal=6)
    mine.form.submit()
    fill(mine, aantal=4, hoe="gesprek")
    mine.form.submit()
    theirs = new_view(groupmate)
    fill(theirs, aantal=3, hoe="presentatie")
    theirs.form.submit()
    mine.session.reload()  # what polling does
    text = html_text(mine.progress.view)
    lines = [line for line in text.split("\n") if line]
    assert text.index(f"{ctx.person.name} (jij): 10 van 10 collega's") < text.index(
        f"{groupmate.person.name}: 3 van 10 collega's")
    assert "✓ doel bereikt" in text
    members = [p for p in ctx.store.people(ctx.cohort.id) if p.group_id == ctx.group.id and p.role == "deelnemer"]
    assert f"Samen: 13 van {10 * len(members)} collega's" in text
    assert f"1 van de {len(members)} deelnemers hebben 10 collega's bereikt." in text
    assert "gesprek: 1× · werkoverleg: 1× · presentatie: 1× · meedoen aan een actie: 0×" in text
    silent = next(p for p in members if p.id not in (ctx.person.id, groupmate.person.id))
    assert f"{silent.name}: 0 van 10 collega's" in text
    assert lines


def test_a_member_sees_and_edits_only_their_own_entries(ctx: Context, groupmate: Context) -> None:
    theirs = new_view(groupmate)
    fill(theirs, met="team Burgerzaken")
    theirs.form.submit()
    [their_entry] = stored(ctx)
    mine = new_view(ctx)
    assert "team Burgerzaken" not in html_text(mine.mine.list_view)
    assert their_entry.id not in [v for _, v in mine.mine.chooser.options]
    assert mine.mine.edit(their_entry.id) is None
    assert "alleen je eigen regels" in mine.mine.feedback.text
    assert mine.mine.remove(their_entry.id) is False
    with pytest.raises(PermissionError):
        EntryEditor(mine.session, PART, mine.session.item(Olievlek.KIND, their_entry.id), mine.mine.feedback)
    assert [e.met for e in stored(ctx)] == ["team Burgerzaken"]


def test_an_own_entry_is_edited_with_autosave_and_a_bad_edit_is_not_saved(ctx: Context) -> None:
    view = new_view(ctx)
    fill(view, aantal=2)
    entry = view.form.submit()
    editor = view.mine.edit(entry.id)
    editor.fields.aantal.value = 5
    editor.fields.meegenomen.value = "Ze plannen zelf een gesprek met de wijkraad"
    assert "Opgeslagen" in editor.status.value
    [saved] = stored(ctx)
    assert (saved.aantal, saved.meegenomen, saved.door) == (5, "Ze plannen zelf een gesprek met de wijkraad",
                                                            ctx.person.id)
    editor.fields.datum.value = "volgende week"
    assert "volgende week\u2069' is geen datum" in view.mine.feedback.text
    editor.saver.flush()
    assert stored(ctx)[0].datum == "2026-11-20"
    assert editor.fields.datum.value == "volgende week"  # the typed text stays until it is fixed
    assert f"{ctx.person.name} (jij): 5 van 10" in html_text(view.progress.view)


def test_an_entry_is_removed_and_put_back(ctx: Context) -> None:
    view = new_view(ctx)
    fill(view, met="team Financiën")
    entry = view.form.submit()
    view.mine.remove_button.click()
    assert stored(ctx) != []  # the first click asks
    view.mine.remove_button.click()
    assert stored(ctx) == []
    assert "Weggehaald: " in view.mine.feedback.text
    assert "0 van 10" in html_text(view.progress.view)
    view.mine.undo_button.click()
    assert [e.id for e in stored(ctx)] == [entry.id]
    assert "Teruggezet:" in view.mine.feedback.text
    assert "team Financiën" in html_text(view.mine.list_view)


def test_showing_and_hiding_parts_leaves_the_shared_layouts_alone(ctx: Context) -> None:
    """Hiding the undo button or the (empty) editor must not hide every widget that shares a layout."""
    view = new_view(ctx)
    assert view.mine.edit_area.layout.display == "none"  # nothing to edit yet
    fill(view)
    view.form.submit()
    view.mine.remove(view.mine.chooser.value)
    view.mine.undo()
    assert styles.layout().display is None and styles.plain_layout().display is None


def test_a_member_has_at_most_max_entries(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(olievlek, "MAX_ENTRIES", 1)
    view = new_view(ctx)
    fill(view)
    view.form.submit()
    fill(view)
    assert view.form.submit() is None
    assert "al 1 regels" in view.form.feedback.text
    assert view.form.fields.met.value == "mijn team Vergunningen"


def test_the_trainer_sees_the_totals_of_every_group(ctx: Context, groupmate: Context, trainer: Context,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    mine = new_view(ctx)
    fill(mine, aantal=10, hoe="presentatie")
    mine.form.submit()
    fill(mine, aantal=2, hoe="gesprek")
    mine.form.submit()
    theirs = new_view(groupmate)
    fill(theirs, met="<b>team</b> KCC", aantal=1, hoe="gesprek")
    theirs.form.submit()
    monkeypatch.setenv("QUERY_STRING", "")
    built = olievlek.section(trainer)
    [totals] = [c for c in built.children if isinstance(c, CohortTotals)]
    table = totals.table.value
    rows = {row.split("</th>")[0]: row for row in table.split("<tr>")[2:]}
    buiten = next(v for k, v in rows.items() if "Groep Buiten" in k)
    binnen = next(v for k, v in rows.items() if "Groep Binnen" in k)
    members = len([p for p in ctx.store.people(ctx.cohort.id) if p.group_id == ctx.group.id
                   and p.role == "deelnemer"])
    cells = [html.unescape(c.split("</td>")[0]) for c in buiten.split("<td>")[1:]]
    assert cells == [f"1 van {members}", "13", "3", "2", "0", "1", "0"]
    assert [c.split("</td>")[0] for c in binnen.split("<td>")[1:]][1:] == ["0", "0", "0", "0", "0", "0"]
    assert f'href="?groep={ctx.group.id}"' in table
    assert "<b>" not in table  # the entries' text is not shown to the trainer's table at all


def test_the_trainer_on_a_group_page_sees_its_progress_without_a_form(ctx: Context, trainer: Context,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    mine = new_view(ctx)
    fill(mine, aantal=4)
    mine.form.submit()
    monkeypatch.setenv("QUERY_STRING", f"groep={ctx.group.id}")
    built = olievlek.section(trainer)
    [view] = [c for c in built.children if isinstance(c, GroupProgress)]
    assert f"{ctx.person.name}: 4 van 10 collega's" in html_text(view.view)
    assert not [c for c in built.children if isinstance(c, OlievlekView)]


def test_when_the_store_is_busy_the_entry_is_not_lost(ctx: Context, write_locked) -> None:
    """Does "Toevoegen" while the database is locked say so in Dutch and keep what was typed, to add it later?"""
    view = new_view(ctx)
    fill(view, met="team Sociaal Domein")
    with write_locked():
        assert view.form.submit() is None
    assert view.form.feedback.value.count("ww-notice-error") == 1
    assert view.form.fields.met.value == "team Sociaal Domein"
    assert view.form.submit() is not None
    assert [e.met for e in stored(ctx)] == ["team Sociaal Domein"]


def test_adding_and_choosing_entries_keeps_the_number_of_widgets(ctx: Context) -> None:
    """Does the page hold one entry editor however many entries are added and chosen (no widget per entry)?"""
    view = new_view(ctx)
    fill(view)
    view.form.submit()
    fill(view)
    view.form.submit()
    before = len(_instances)
    for n in range(10):
        fill(view, met=f"team {n}")
        view.form.submit()
        view.mine.chooser.value = view.mine.chooser.options[-1][1]
    assert len(_instances) == before
    assert len(view.mine.chooser.options) == 12


def test_choosing_another_entry_saves_the_edit_in_progress(ctx: Context) -> None:
    view = new_view(ctx)
    fill(view, met="team A")
    first = view.form.submit()
    fill(view, met="team B")
    view.form.submit()
    editor = view.mine.edit(first.id)
    editor.saver._dirty = True  # an edit still waiting for its debounce, as in a kernel
    editor.fields.fill({**editor.saver.saved_value, "met": "team A en team C"})
    before = len(_instances)
    view.mine.chooser.value = next(v for _, v in view.mine.chooser.options if v != first.id)
    assert sorted(e.met for e in stored(ctx)) == ["team A en team C", "team B"]
    assert view.mine.editor.item_id != first.id
    assert len(_instances) == before
