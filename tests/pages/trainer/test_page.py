"""The trainer page's sections: what a trainer sees, and that a participant gets nothing, also when the page is
opened or its builders are called with a participant's context."""

from __future__ import annotations

import io

import ipywidgets as widgets
import pandas as pd
import pytest

from wijwerken_widgets.pages import trainer
from wijwerken_widgets.pages.dag1 import keys as dag1
from wijwerken_widgets.pages.trainer import downloads, feedback, missing
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context

SECTIONS = (trainer.matrix, trainer.missing, trainer.feedback, trainer.groups, trainer.downloads, trainer.cohort)


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
    ctx.store.save_answer(ctx.person.id, dag1.PROBLEEM, "Geheim probleem", client_id="t", base_id=None)
    for module in SECTIONS:
        built = module.section(ctx)
        assert built.layout.display == "none" and not getattr(built, "children", ()) and not built.value
    assert feedback.queue(ctx) == []
    assert downloads.answers_table(ctx).empty


def test_does_a_forged_role_in_the_widgets_not_help(ctx: Context) -> None:
    """The role comes from the store's person, never from anything a browser can set."""
    forged = Context(store=ctx.store, person=ctx.store.person(ctx.person.id), cohort=ctx.cohort, group=ctx.group)
    forged.shared["trainer.matrices"] = []  # a stale or planted value changes nothing either
    assert all(module.section(forged).layout.display == "none" for module in SECTIONS)


def test_does_opening_the_page_as_a_participant_show_only_the_refusal(ctx: Context, monkeypatch) -> None:
    from wijwerken_widgets.pages.trainer import texts
    from wijwerken_widgets.ui import page as page_module

    monkeypatch.setattr(page_module.Page, "show", lambda self: (setattr(self, "ctx", ctx), setattr(
        self, "root", widgets.VBox([widgets.HTML("end")])), self)[-1])
    opened = trainer.open_page()
    for module in SECTIONS:
        opened.section(module)
    assert opened.ctx is None and opened.sections == []
    assert texts.load().refused.split()[0] in _text(opened.root)


def test_does_a_trainer_see_the_matrix_and_who_misses_an_exercise(coach: Context, ctx: Context) -> None:
    ctx.store.save_answer(ctx.person.id, dag1.PROBLEEM, "Inwoners weten de weg niet", client_id="t", base_id=None)
    view = trainer.matrix.section(coach)
    shown = _text(view)
    assert ctx.person.name in shown and "◐</span> bezig" in shown and 'tabindex="0"' in shown
    who = trainer.missing.section(coach)
    assert isinstance(who, missing.MissingView)
    who.choice.value = next(v for label, v in who.choice.options if v[1:] == ("dag1", "problem_statement"))
    assert ctx.person.name in who.names.value and ctx.person.name in who.mail.value
    assert coach.person.name in who.mail.value


def test_does_the_feedback_queue_hold_shared_entries_newest_first_and_never_prive(coach: Context,
                                                                                   ctx: Context) -> None:
    for entry, text, sharing in (("a", "Eerste gedeeld", "trainer"), ("b", "Mijn geheim", "prive"),
                                 ("c", "Tweede gedeeld", "groep")):
        ctx.store.save_log_entry(ctx.person.id, entry, day="dag1", prompt="", text=text, sharing=sharing,
                                 client_id="t")
    assert [s.entry.text for s in feedback.queue(coach)] == ["Tweede gedeeld", "Eerste gedeeld"]
    shown = _text(trainer.feedback.section(coach))
    assert "Eerste gedeeld" in shown and "Mijn geheim" not in shown


def test_do_the_downloads_hold_progress_and_answers_but_no_prive_entry(coach: Context, ctx: Context) -> None:
    ctx.store.save_answer(ctx.person.id, dag1.PROBLEEM, "=Inwoners weten de weg niet", client_id="t", base_id=None)
    ctx.store.save_answer(ctx.person.id, "logboek.concept", "Half concept", client_id="t", base_id=None)
    ctx.store.save_log_entry(ctx.person.id, "p", day="dag1", prompt="", text="Mijn geheim", sharing="prive",
                             client_id="t")
    ctx.store.save_log_entry(ctx.person.id, "s", day="dag1", prompt="", text="Voor jou", sharing="trainer",
                             client_id="t")
    data, name, _mime = downloads.make_file(coach, "antwoorden", "csv")
    text = data.decode("utf-8-sig")
    assert name.endswith(".csv") and "'=Inwoners weten de weg niet" in text and "Voor jou" in text
    assert "Mijn geheim" not in text and "Half concept" not in text
    data, _name, _mime = downloads.make_file(coach, "voortgang", "xlsx")
    sheet = pd.read_excel(io.BytesIO(data))
    assert ctx.person.name in set(sheet.iloc[:, 0]) and "bezig" in set(sheet.to_numpy().ravel())
    view = trainer.downloads.section(coach)
    assert isinstance(view, downloads.Downloads)
    view.buttons[3].click()
    assert "download=" in view.link.value and "antwoorden-" in view.link.value


def test_does_the_groups_part_count_each_groups_actions(coach: Context) -> None:
    shown = _text(trainer.groups.section(coach))
    assert "Groep Buiten" in shown and "open mini-interventies: 0" in shown


def test_does_the_table_put_the_nu_line_after_the_days_that_have_been_and_escape_names(coach: Context) -> None:
    from datetime import date

    from wijwerken_widgets.pages.trainer import progress, texts
    from wijwerken_widgets.pages.trainer.matrix import table_html

    assert coach.cohort is not None
    coach.store.add_person(coach.cohort.id, "<img src=x onerror=alert(1)>", "deelnemer", "hash-x")
    settings = {**coach.cohort.settings, "programma": [{"dag": 1, "datum": "2027-01-12"},
                                                       {"dag": 2, "datum": "2027-02-02"}]}
    coach.store.set_cohort_settings(coach.cohort.id, settings)
    cohort = coach.store.cohort(coach.cohort.id)
    assert cohort is not None
    matrix = progress.build(coach.store, cohort, coach.person, date(2027, 1, 20), {"dag1": "Dag 1", "dag2": "Dag 2"},
                            "Logboek")
    shown = table_html(matrix, texts.load())
    assert shown.index("Dag 1<br>") < shown.index("▼ nu") < shown.index("Dag 2<br>")
    assert "verwacht: 12 januari 2027" in shown and "Vandaag, 20 januari 2027" in shown
    assert "<img src=x" not in shown and "&lt;img src=x" in shown


def test_an_assigned_trainer_gets_the_feedback_and_logboek_column_of_that_cohort_too(coach: Context) -> None:
    from wijwerken_widgets.pages.trainer import progress
    from wijwerken_widgets.people.cohorts import assign_trainer, create_cohort, demo_cohort_settings

    store = coach.store
    create_cohort(store, demo_cohort_settings().model_copy(update={"slug": "elders-2026", "gemeente": "Elders",
                                                                   "naam": "Elders 2026"}))
    other = store.cohort_by_slug("elders-2026")
    assign_trainer(store, other, coach.person.name, home=coach.cohort)
    author = next(p for p in store.people(other.id) if p.role == "deelnemer")
    store.save_log_entry(author.id, "x1", day="dag2", prompt="", text="Gedeeld uit Elders", sharing="trainer",
                         client_id="t")
    store.save_log_entry(author.id, "x2", day="dag2", prompt="", text="Privé uit Elders", sharing="prive",
                         client_id="t")
    assert [s.entry.text for s in feedback.queue(coach)] == ["Gedeeld uit Elders"]
    elders = next(m for m in trainer.matrix.matrices(coach) if m.cohort == "Elders 2026")
    row = next(r for r in elders.rows if r.name == author.name)
    assert row.states[("dag2", progress.LOGBOOK)] == progress.SHARED
