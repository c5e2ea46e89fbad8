"""Who sees what on "Werk van de groepen": a participant nothing, a trainer only the groups of the cohorts they
train (their own and those they are assigned to), never a group of another cohort."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from tests.pages.groepswerk.conftest import text_of
from wijwerken_widgets.pages import groepswerk
from wijwerken_widgets.pages.groepswerk import logboek, texts
from wijwerken_widgets.pages.groepswerk.work import shown_group
from wijwerken_widgets.shared.vraagstuk import PROBLEEM
from wijwerken_widgets.store import Group, Person
from wijwerken_widgets.store.roster import RosterChange
from wijwerken_widgets.ui.context import Context

SECTIONS = (groepswerk.chooser, groepswerk.vraagstukken, groepswerk.kaart, groepswerk.gesprekken,
            groepswerk.rode_draden, groepswerk.logboek)


def test_does_a_participant_get_nothing_from_any_section(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    ctx.store.save_answer(ctx.person.id, PROBLEEM, "Geheim probleem", client_id="t", base_id=None)
    monkeypatch.setenv("QUERY_STRING", f"groep={ctx.group.id}")
    for module in SECTIONS:
        built = module.section(ctx)
        assert built.layout.display == "none" and not getattr(built, "children", ()) and not built.value
    assert shown_group(ctx) is None


def test_does_opening_the_page_as_a_participant_show_only_the_refusal(ctx: Context, monkeypatch) -> None:
    from wijwerken_widgets.ui import page as page_module

    monkeypatch.setattr(page_module.Page, "show", lambda self: (setattr(self, "ctx", ctx), setattr(
        self, "root", widgets.VBox([widgets.HTML("end")])), self)[-1])
    opened = groepswerk.open_page()
    for module in SECTIONS:
        opened.section(module)
    assert opened.ctx is None and opened.sections == []
    assert texts.load().refused.split()[0] in text_of(opened.root)


def test_does_a_trainer_of_cohort_a_never_see_a_group_of_cohort_b(
        coach: Context, other_cohort: tuple[Group, Person], monkeypatch: pytest.MonkeyPatch) -> None:
    """Even when the address names B's group, the page shows a group of the trainer's own cohort."""
    group, _member = other_cohort
    monkeypatch.setenv("QUERY_STRING", f"groep={group.id}")
    coach = Context.for_person(coach.store, coach.person)
    work = shown_group(coach)
    assert work is not None and work.group.cohort_id == coach.person.cohort_id
    shown = " ".join(text_of(module.section(coach)) for module in SECTIONS)
    assert "Groep Elders" not in shown and "Het geheim van cohort B" not in shown and "Gedeeld in B" not in shown
    assert f"groep={group.id}" not in shown


def test_does_an_assigned_trainer_read_cohort_b_but_never_a_prive_entry(
        coach: Context, other_cohort: tuple[Group, Person], monkeypatch: pytest.MonkeyPatch) -> None:
    group, _member = other_cohort
    coach.store.apply_roster(RosterChange(cohort_id=group.cohort_id, assign_trainers=[coach.person.id]))
    monkeypatch.setenv("QUERY_STRING", f"groep={group.id}")
    coach = Context.for_person(coach.store, coach.person)
    assert shown_group(coach).group.id == group.id
    assert "Het geheim van cohort B" in text_of(groepswerk.vraagstukken.section(coach))
    view = groepswerk.logboek.section(coach)
    assert isinstance(view, logboek.LogboekView)
    assert "Gedeeld in B" in view.body.value and "Privé in B" not in view.body.value
    view.buttons["md"].click()
    assert "download=" in view.link.value
    data = view.build_file("md").decode("utf-8")
    assert "Gedeeld in B" in data and "Privé in B" not in data
    chooser = text_of(groepswerk.chooser.section(coach))
    assert "Cohort Ander" in chooser and 'aria-current="page"><bdi>Groep Elders' in chooser
