"""The actieplan driven from Python: adding, editing and removing actions, the quotes behind a rode draad, the
timeline, the table and the downloads."""

from __future__ import annotations

import base64
import io
import re
from datetime import date

import pandas as pd
import pytest

from tests.support.dag3 import html_text, sent
from tests.support.dag4 import act_session, hold_conversations, sources
from wijwerken_widgets.pages.dag4 import plan, texts
from wijwerken_widgets.pages.dag4.plan import MAX_ACTIONS, ActionPlan
from wijwerken_widgets.pages.dag4.plan_editor import MAX_TEXT, ActionEditor
from wijwerken_widgets.shared.act.items import SPACE, SUPPORTS, TOGETHER, Actie, Fase, Koppeling, Thema
from wijwerken_widgets.ui.context import Context

PART = texts.load().exercises.plan
QUOTE = "We worden van het kastje naar de muur gestuurd"


@pytest.fixture
def held(ctx: Context):
    """Two conversations with consented quotes; a chosen rode draad carried by the first quote."""
    made = hold_conversations(ctx, ({"naam": "Wijkraad Noord", "soort": "inwoner"}, "ja", [QUOTE]),
                              ({"naam": "Wethouder Smit", "soort": "bestuur"}, "ja", ["Ik wil meer luisteren"]))
    act = act_session(ctx)
    act.put_item(Fase(fase=TOGETHER))
    act.put_item(Thema("t1", naam="Kastje en muur", gekozen=True))
    act.put_item(Thema("t2", naam="Luisteren", gekozen=True))
    act.put_item(Thema("t3", naam="Niet gekozen"))
    act.put_item(Koppeling.new(made[0].quote_ids[0], "t1", SUPPORTS, ctx.person.id, TOGETHER))
    return made


def new_plan(ctx: Context) -> ActionPlan:
    """The plan section's widget as a page builds it (its own sessions, no polling)."""
    ctx.shared[SPACE] = act_session(ctx)
    return ActionPlan(ctx.shared[SPACE], sources(ctx), PART)


def chosen(view: ActionPlan) -> ActionEditor:
    return view.editors[view.selector.value]


def owner_choice(editor: ActionEditor, label: str) -> str:
    return next(value for text, value in editor.eigenaar.options if text == label)


def download(view: ActionPlan, extension: str) -> tuple[str, bytes]:
    view.download(extension)
    name = re.search(r'download="([^"]+)"', view.download_link.value).group(1)
    data = re.search(r"base64,([^\"]+)\"", view.download_link.value).group(1)
    return name, base64.b64decode(data)


def test_an_action_is_added_autosaved_and_seen_by_a_groupmate(ctx: Context, groupmate: Context, held) -> None:
    view = new_plan(ctx)
    assert "Nog geen acties" in html_text(view.empty)
    view.new_button.click()
    editor = chosen(view)
    editor.texts["wat"].value = "Inloopavond in het buurthuis"
    editor.texts["waarom"].value = "Inwoners weten niet bij wie ze terechtkunnen"
    editor.thread_boxes["t1"].value = True
    editor.eigenaar.value = owner_choice(editor, "Stakeholder: Wijkraad Noord")
    editor.start.value, editor.eind.value = date(2027, 2, 1), date(2027, 5, 31)
    editor.morgen.value = "ja"
    assert "Opgeslagen" in editor.status.value

    theirs = act_session(groupmate)
    [stored] = [Actie.of(i) for i in theirs.actions()]
    assert (stored.wat, stored.draden, stored.eigenaar_soort) == ("Inloopavond in het buurthuis", ("t1",),
                                                                  "stakeholder")
    assert (stored.start, stored.eind, stored.morgen) == ("2027-02-01", "2027-05-31", "ja")
    assert stored.eigenaar in sources(groupmate).stakeholders


def test_the_editor_offers_the_chosen_rode_draden_and_every_kind_of_owner(ctx: Context, held) -> None:
    view = new_plan(ctx)
    view.add()
    editor = chosen(view)
    assert [b.description for b in editor.thread_boxes.values()] == ["Kastje en muur", "Luisteren"]
    labels = [text for text, _ in editor.eigenaar.options]
    assert labels[:2] == ["nog niemand", "De hele groep"]
    expected = {"Stakeholder: Wijkraad Noord", "Stakeholder: Wethouder Smit", f"Deelnemer: {ctx.person.name}"}
    assert expected <= set(labels)


def test_a_rode_draad_of_an_action_leads_back_to_its_quotes(ctx: Context, held) -> None:
    view = new_plan(ctx)
    view.add()
    editor = chosen(view)
    assert editor.quotes.value == ""
    editor.thread_boxes["t1"].value = True
    editor.thread_boxes["t2"].value = True
    shown = html_text(editor.quotes)
    assert 'Citaten bij "Kastje en muur" (1)' in shown
    assert QUOTE in shown and "Wijkraad Noord (Inwoner)" in shown
    assert 'Citaten bij "Luisteren" (0)' in shown and PART.editor.quotes_none in shown


def test_removing_asks_first_and_keeps_the_history(ctx: Context, held) -> None:
    view = new_plan(ctx)
    item_id = view.add()
    editor = chosen(view)
    editor.texts["wat"].value = "Weg ermee"
    editor.remove_button.click()
    assert view.session.item(Actie.KIND, item_id) is not None  # the first click only asks
    editor.remove_button.click()
    assert view.session.item(Actie.KIND, item_id) is None
    assert 'De actie "Weg ermee" is verwijderd' in view.feedback.text
    assert view.actions_area.children == (view.empty,)
    history = ctx.store.items_history(SPACE, ctx.group.id, kind=Actie.KIND, item_id=item_id)
    assert history[0].deleted and history[0].data["wat"] == "Weg ermee" and not history[-1].deleted


def test_the_timeline_and_table_show_every_action_escaped(ctx: Context, held) -> None:
    view = new_plan(ctx)
    view.add()
    editor = chosen(view)
    editor.texts["wat"].value = "<script>alert(1)</script> Buurtavond"
    editor.start.value, editor.eind.value = date(2027, 1, 15), date(2027, 4, 1)
    view.add()
    chosen(view).texts["wat"].value = "Zonder datum"
    svg = view.timeline_view.value
    assert 'role="img"' in svg and "<title>" in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Buurtavond" in svg
    assert "jan 2027" in svg and "mrt" in svg
    assert "Nog zonder datum" in html_text(view.timeline_view) and "Zonder datum" in html_text(view.timeline_view)
    assert "15 januari 2027" in html_text(view.table_view)
    assert "<script>" not in view.timeline_view.value + view.table_view.value + view.checks_view.value


def test_the_plan_downloads_as_csv_and_excel(ctx: Context, held) -> None:
    view = new_plan(ctx)
    view.add()
    editor = chosen(view)
    editor.texts["wat"].value = "=HYPERLINK(\"http://x\")"
    editor.thread_boxes["t1"].value = True
    editor.eigenaar.value = owner_choice(editor, f"Deelnemer: {ctx.person.name}")
    editor.start.value = date(2027, 3, 1)
    view.add()
    chosen(view).eigenaar.value = "groep"

    name, data = download(view, "csv")
    assert name.endswith(".csv") and name.startswith("actieplan-")
    frame = pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(frame.columns) == PART.views.columns
    assert frame.iloc[0]["Actie"] == "'=HYPERLINK(\"http://x\")"
    assert frame.iloc[0]["Eigenaar"] == ctx.person.name and frame.iloc[0]["Rode draden"] == "Kastje en muur"
    assert frame.iloc[0]["Start"] == "2027-03-01" and frame.iloc[1]["Eigenaar"] == "De hele groep"

    name, data = download(view, "xlsx")
    sheet = pd.read_excel(io.BytesIO(data), sheet_name=PART.views.sheet_name, dtype=str, keep_default_na=False)
    assert list(sheet.columns) == PART.views.columns
    assert sheet.iloc[0]["Actie"] == "=HYPERLINK(\"http://x\")"  # kept as text, never a formula
    assert sheet.iloc[0]["Soort eigenaar"] == "deelnemer" and sheet.iloc[1]["Soort eigenaar"] == "de hele groep"


def test_too_long_text_is_refused_in_dutch_and_not_saved(ctx: Context, held) -> None:
    view = new_plan(ctx)
    item_id = view.add()
    editor = chosen(view)
    editor.texts["nodig"].value = "x" * (MAX_TEXT + 1)
    assert "te lang" in editor.feedback.text and str(MAX_TEXT) in editor.feedback.text
    assert Actie.of(view.session.item(Actie.KIND, item_id)).nodig == ""
    editor.texts["nodig"].value = "Een zaal"
    assert editor.feedback.text == ""
    assert Actie.of(view.session.item(Actie.KIND, item_id)).nodig == "Een zaal"


def test_dates_in_the_wrong_order_get_a_warning(ctx: Context, held) -> None:
    view = new_plan(ctx)
    view.add()
    editor = chosen(view)
    editor.start.value, editor.eind.value = date(2027, 5, 1), date(2027, 4, 1)
    assert "vóór de startdatum" in editor.feedback.text


def test_the_15_procent_answer_nee_gets_a_hint(ctx: Context, held) -> None:
    view = new_plan(ctx)
    view.add()
    editor = chosen(view)
    editor.morgen.value = "nee"
    assert "15 %" in html_text(editor.morgen_hint)
    editor.morgen.value = "ja"
    assert editor.morgen_hint.value == ""


def test_the_number_of_actions_is_limited(ctx: Context, held) -> None:
    view = new_plan(ctx)
    for n in range(MAX_ACTIONS):
        view.session.put_item(Actie(f"a{n}", wat=f"Actie {n}"))
    assert view.add() is None
    assert str(MAX_ACTIONS) in view.feedback.text and len(view.session.actions()) == MAX_ACTIONS


def test_the_section_shows_the_facilitators_prompts_and_the_guard(ctx: Context, held) -> None:
    sources(ctx)
    shown = sent(plan.section(ctx))
    assert "Wat ga jij eraan doen?" in shown and "begeleiders" in shown


def test_a_groupmates_removal_is_told_and_another_action_is_chosen(ctx: Context, groupmate: Context, held) -> None:
    view = new_plan(ctx)
    first = view.add()
    chosen(view).texts["wat"].value = "Blijft"
    second = view.add()
    chosen(view).texts["wat"].value = "Gaat weg"
    theirs = act_session(groupmate)
    theirs.update(Actie.KIND, second, lambda item: item.data, deleted=True)
    view.session.reload()
    assert view.selector.value == first
    assert 'De actie "Gaat weg" is verwijderd' in view.feedback.text
    assert second not in view.editors


def test_a_groupmates_edit_shows_in_the_open_editor_and_the_views(ctx: Context, groupmate: Context, held) -> None:
    view = new_plan(ctx)
    item_id = view.add()
    theirs = new_plan(groupmate)
    theirs.select(item_id)
    chosen(theirs).texts["wat"].value = "Samen met de wijkraad"
    view.session.reload()
    assert chosen(view).texts["wat"].value == "Samen met de wijkraad"
    assert "Samen met de wijkraad" in html_text(view.table_view)
    assert groupmate.person.name in chosen(view).status.value


def test_an_owner_no_longer_on_the_map_stays_chosen_and_is_named_so(ctx: Context, held) -> None:
    view = new_plan(ctx)
    view.session.put_item(Actie("weg", wat="Oud", eigenaar_soort="stakeholder", eigenaar="niet-meer-op-de-kaart"))
    view.redraw()
    editor = chosen(view)
    label = dict((v, t) for t, v in editor.eigenaar.options)[editor.eigenaar.value]
    assert label == f"Stakeholder: {texts.load().common.unknown_stakeholder}"
    assert Actie.of(view.session.item(Actie.KIND, "weg")).eigenaar == "niet-meer-op-de-kaart"


def test_an_action_follows_its_rode_draad_into_a_merged_theme(ctx: Context, held) -> None:
    view = new_plan(ctx)
    view.session.put_item(Actie("a", wat="Luisteren", draden=("t2",)))
    merged = Thema("t2", naam="Luisteren", gekozen=True, samengevoegd_in="t1")
    view.session.put_item(merged, base_version=view.session.version(Thema.KIND, "t2"), deleted=True)
    editor = chosen(view)
    assert list(editor.thread_boxes) == ["t1"] and editor.thread_boxes["t1"].value
    assert QUOTE in html_text(editor.quotes)
    assert "Kastje en muur" in html_text(view.table_view)


def test_once_an_action_is_followed_its_owner_changes_only_in_the_months_after(ctx: Context, held) -> None:
    """After a first status update the owner is changed on the months' page (behind the niet-overnemen guard)."""
    from wijwerken_widgets.core.ids import new_id
    from wijwerken_widgets.shared.act.monitoring import STALLING, Status

    view = new_plan(ctx)
    item_id = view.add()
    editor = chosen(view)
    assert not editor.eigenaar.disabled and editor.owner_hint.value == ""
    view.session.put_item(Status(new_id(), item_id, STALLING, "Zaal is weg", "2027-03-01", False, ctx.person.id))
    assert editor.eigenaar.disabled and "Drie maanden" in editor.owner_hint.value
