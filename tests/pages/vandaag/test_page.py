"""The trainer page "Vandaag": what a trainer sees and can do, that a participant gets nothing, and that a trainer
sees only the cohorts they train."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from wijwerken_widgets.pages import vandaag
from wijwerken_widgets.pages.vandaag import board as board_module
from wijwerken_widgets.pages.vandaag import hands, timer
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui import live
from wijwerken_widgets.ui.context import Context

SECTIONS = (vandaag.cohort, vandaag.hands, vandaag.where, vandaag.ready, vandaag.timer)


@pytest.fixture
def coach(store: Store, codes) -> Context:
    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    return Context.for_person(store, person)


def _tree(widget: widgets.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _tree(child)


def _text(widget: widgets.Widget) -> str:
    return " ".join(str(getattr(w, "value", "")) for w in _tree(widget))


def test_does_a_participant_get_nothing_from_any_section(ctx: Context) -> None:
    ctx.store.set_signal(ctx.cohort.id, "hand", {}, person_id=ctx.person.id)
    for module in SECTIONS:
        built = module.section(ctx)
        assert built.layout.display == "none" and not getattr(built, "children", ()) and not built.value
    assert board_module.KEY not in ctx.shared


def test_does_opening_the_page_as_a_participant_show_only_the_refusal(ctx: Context, monkeypatch) -> None:
    from wijwerken_widgets.pages.vandaag import texts
    from wijwerken_widgets.ui import page as page_module

    monkeypatch.setattr(page_module.Page, "show", lambda self: (setattr(self, "ctx", ctx), setattr(
        self, "root", widgets.VBox([widgets.HTML("end")])), self)[-1])
    opened = vandaag.open_page()
    for module in SECTIONS:
        opened.section(module)
    assert opened.ctx is None and opened.sections == []
    assert texts.load().refused.split()[0] in _text(opened.root)


def test_does_a_raised_hand_show_and_geholpen_lower_it_on_the_participants_page(coach: Context,
                                                                                ctx: Context) -> None:
    bar = live.LiveBar(ctx, "dag1")
    bar.hand.value = True
    view = vandaag.hands.section(coach)
    assert isinstance(view, hands.HandsView)
    assert ctx.person.name in _text(view) and "Opgestoken handen: 1" in _text(view)
    [helped] = [w for w in _tree(view) if isinstance(w, widgets.Button)]
    assert helped.description == f"Geholpen: {ctx.person.name}"
    helped.click()
    assert ctx.person.name not in _text(view) and "geen hand opgestoken" in _text(view)
    bar.refresh()
    assert bar.hand.value is False


def test_does_wie_is_waar_show_the_page_and_the_stuck_sign_in_words(coach: Context, ctx: Context) -> None:
    from datetime import datetime, timedelta, timezone

    opened = datetime.now(timezone.utc) - timedelta(minutes=45)
    ctx.store.set_signal(ctx.cohort.id, "page", {"page": "dag2", "sinds": opened.isoformat()},
                         person_id=ctx.person.id)
    shown = _text(vandaag.where.section(coach))
    row = shown[shown.index(f'data-person="{ctx.person.id}"'):].split("</tr>")[0]
    assert "Dag 2" in row and "nog niets" in row and "⚠</span> vastgelopen?" in row
    assert 'scope="row"' in row and "<caption>" in shown


def test_does_klaar_per_groep_count_a_groups_participants(coach: Context, ctx: Context) -> None:
    from wijwerken_widgets.pages.dag1 import keys as dag1

    for key in (dag1.PROBLEEM, dag1.DOEL, dag1.HOOFDVRAAG):
        ctx.store.save_answer(ctx.person.id, key, "Iets ingevuld", base_id=None, client_id="t")
    view = vandaag.ready.section(coach)
    view.choice.value = 1
    shown = _text(view)
    total = sum(1 for p in ctx.store.people(ctx.cohort.id) if p.role == "deelnemer")
    assert ctx.group.name in shown and f"/{total} hebben" in shown and "1/" in shown and "klaar" in shown


def test_does_the_timer_start_pause_extend_and_stop_for_the_participants(coach: Context, ctx: Context) -> None:
    view = vandaag.timer.section(coach)
    assert isinstance(view, timer.TimerView)
    view.minutes.value = 500
    view.start_button.click()
    assert "van 1 tot en met 120" in view.status.value and ctx.store.signals(ctx.cohort.id, "timer") == []
    view.minutes.value = 7
    view.start_button.click()
    bar = live.LiveBar(ctx, "dag1")
    assert "07:00" in bar.clock.value or "06:59" in bar.clock.value
    view.pause_button.click()
    assert view.pause_button.description == "Verder" and "Staat stil" in view.status.value
    view.plus_five.click()
    [signal] = ctx.store.signals(ctx.cohort.id, "timer")
    assert 11 * 60 < signal.data["resterend"] <= 12 * 60 and signal.data["gestart"] is None
    view.stop_button.click()
    assert ctx.store.signals(ctx.cohort.id, "timer") == [] and "geen timer" in view.status.value
    bar.refresh()
    assert bar.clock.value == ""


def test_does_a_trainer_of_cohort_a_never_see_cohort_b(store: Store, coach: Context) -> None:
    other = store.add_cohort("b", "Gemeente B", "Cohort B", {})
    group = store.add_group(other.id, "Team B", "extern")
    bea = store.add_person(other.id, "Bea van B", "deelnemer", "hash-bea", group_id=group.id)
    store.set_signal(other.id, "hand", {}, person_id=bea.id)
    found = board_module.board(coach)
    assert other.id not in [c.id for c in found.cohorts]
    found.choose(other.id)  # a forged choice changes nothing
    assert found.cohort is not None and found.cohort.id != other.id
    for module in SECTIONS:
        assert "Bea van B" not in _text(module.section(coach))
    view = vandaag.timer.section(coach)
    view.start_button.click()
    assert store.signals(other.id, "timer") == []
    b_trainer = store.add_person(other.id, "Bart Trainer", "trainer", "hash-bart")
    theirs = board_module.board(Context.for_person(store, b_trainer))
    assert [c.id for c in theirs.cohorts] == [other.id] and [h.name for h in theirs.snapshot.hands] == ["Bea van B"]


def test_does_the_hands_part_say_so_when_no_hand_is_up(coach: Context) -> None:
    assert "Er is op dit moment geen hand opgestoken." in _text(vandaag.hands.section(coach))
