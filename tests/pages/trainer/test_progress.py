"""The trainer page's matrix states, read from the days' key registries and the store."""

from __future__ import annotations

from datetime import date

import pytest

from wijwerken_widgets.core.keys import AnswerKey, ItemKind, Registry
from wijwerken_widgets.pages.dag1 import keys as dag1
from wijwerken_widgets.pages.trainer import progress
from wijwerken_widgets.pages.trainer.matrix import day_titles, matrices
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.progress import exercise_parts

TODAY = date(2027, 1, 20)


@pytest.fixture
def trainer(store: Store, codes) -> Context:
    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    return Context.for_person(store, person)


def build(trainer: Context) -> progress.Matrix:
    assert trainer.cohort is not None
    cohort = trainer.store.cohort(trainer.cohort.id)  # settings as stored now
    assert cohort is not None
    return progress.build(trainer.store, cohort, trainer.person, TODAY, day_titles(), "Logboek")


def state(matrix: progress.Matrix, name: str, page: str, exercise: str) -> str:
    row = next(r for r in matrix.rows if r.name == name)
    return row.states[(page, exercise)]


def save(ctx: Context, key: str, value: object) -> None:
    ctx.store.save_answer(ctx.person.id, key, value, client_id="test", base_id=None)


def test_does_an_exercise_go_from_niet_gestart_via_bezig_to_klaar(trainer: Context, ctx: Context) -> None:
    name = ctx.person.name
    assert state(build(trainer), name, "dag1", "problem_statement") == progress.NOT_STARTED
    save(ctx, dag1.PROBLEEM, "Inwoners weten de weg niet")
    assert state(build(trainer), name, "dag1", "problem_statement") == progress.BUSY
    save(ctx, dag1.DOEL, "Inwoners vinden de weg")
    save(ctx, dag1.HOOFDVRAAG, "Hoe vinden inwoners de weg?")
    assert state(build(trainer), name, "dag1", "problem_statement") == progress.DONE
    save(ctx, dag1.DOEL, "   ")
    assert state(build(trainer), name, "dag1", "problem_statement") == progress.BUSY


def test_do_the_states_follow_the_rule_for_answers_and_items() -> None:
    registry = Registry("dagx", answers=(AnswerKey("dagx.a", "one", "A", ""), AnswerKey("dagx.b", "one", "B", ""),
                                         AnswerKey("dagx.r.{n}", "two", "R", "")),
                        items=(ItemKind("map", "stakeholder", "three", "S", ""),))
    assert progress.state_of(exercise_parts(registry, {})["one"]) == progress.NOT_STARTED

    class Version:
        def __init__(self, value: object) -> None:
            self.value = value

    parts = exercise_parts(registry, {"dagx.a": Version({"x": ""}), "dagx.r.1": Version(["", "ja"])})  # type: ignore[dict-item]
    assert progress.state_of(parts["one"]) == progress.NOT_STARTED  # a record without anything typed
    assert progress.state_of(parts["two"]) == progress.DONE


def test_is_group_work_counted_for_every_member(trainer: Context, ctx: Context, groupmate: Context) -> None:
    from tests.support.dag3 import new_map

    before = state(build(trainer), groupmate.person.name, "dag2", "entry")
    new_map(ctx, {"naam": "Buurtteam", "soort": "ketenpartner"})
    after = build(trainer)
    assert before == progress.NOT_STARTED
    assert state(after, groupmate.person.name, "dag2", "entry") != progress.NOT_STARTED
    assert state(after, ctx.person.name, "dag2", "entry") == state(after, groupmate.person.name, "dag2", "entry")


def test_is_only_a_shared_logboek_entry_shown_and_never_a_prive_one(trainer: Context, ctx: Context) -> None:
    store, name = ctx.store, ctx.person.name
    store.save_log_entry(ctx.person.id, "e1", day="dag3", prompt="", text="Alleen voor mij", sharing="prive",
                         client_id="t")
    assert state(build(trainer), name, "dag3", progress.LOGBOOK) == progress.NOT_STARTED
    store.save_log_entry(ctx.person.id, "e2", day="dag3", prompt="", text="Voor de trainer", sharing="trainer",
                         client_id="t")
    matrix = build(trainer)
    assert state(matrix, name, "dag3", progress.LOGBOOK) == progress.SHARED
    assert state(matrix, name, "dag4", progress.LOGBOOK) == progress.NOT_STARTED


def test_is_a_switched_off_exercise_nvt_and_nobody_misses_it(trainer: Context, ctx: Context) -> None:
    assert trainer.cohort is not None
    settings = {**trainer.cohort.settings, "uit": ["dag1.assumptions"]}
    trainer.store.set_cohort_settings(trainer.cohort.id, settings)
    matrix = build(trainer)
    assert state(matrix, ctx.person.name, "dag1", "assumptions") == progress.OFF
    column = next(c for c in matrix.columns() if (c.page, c.exercise) == ("dag1", "assumptions"))
    assert progress.missing(matrix, column) == []


def test_does_the_programme_give_each_day_its_date_and_the_now_line(trainer: Context) -> None:
    assert trainer.cohort is not None
    settings = {**trainer.cohort.settings, "programma": [{"dag": 1, "datum": "2027-01-12"},
                                                         {"dag": 2, "datum": "2027-01-20"},
                                                         {"dag": 3, "datum": "2027-02-03"}]}
    trainer.store.set_cohort_settings(trainer.cohort.id, settings)
    matrix = build(trainer)
    # Dag 4 has no date of its own: the standard trajectory puts it six weeks after Dag 1
    assert [d.expected for d in matrix.days] == [date(2027, 1, 12), date(2027, 1, 20), date(2027, 2, 3),
                                                 date(2027, 2, 23)]
    assert matrix.now_after() == 2


def test_does_a_participant_get_no_matrix(ctx: Context) -> None:
    assert matrices(ctx) == []


def test_is_the_vraagstuk_kept_as_the_cohort_wrote_it_klaar_once_dag1_is_in_use(trainer: Context, ctx: Context) -> None:
    """The choice of vraagstuk is stored only when changed: kept as it is, it counts once anything else on Dag 1
    is saved (and not before: then the participant has not started the day)."""
    assert state(build(trainer), ctx.person.name, "dag1", "vraagstuk_choice") == progress.NOT_STARTED
    save(ctx, dag1.PROBLEEM, "Initiatieven lopen vast")
    assert state(build(trainer), ctx.person.name, "dag1", "vraagstuk_choice") == progress.DONE
