"""The trainer page's audit lines: opening the matrix is one ``view`` line per cohort shown (not again on
"Vernieuwen"), each download an ``export`` line; so is the kruisbestuiving file. No line holds content."""

from __future__ import annotations

import pytest

from tests.support.audit import assert_no_content
from wijwerken_widgets.pages import trainer
from wijwerken_widgets.pages.kruisbestuiving import downloads as kruisbestuiving
from wijwerken_widgets.pages.trainer import downloads
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context

MARKER = "Mijn geheime probleem"


@pytest.fixture
def coach(store: Store, codes) -> Context:
    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    return Context.for_person(store, person)


def _lines(store: Store, after: int) -> list[tuple[str, str, int | None, int | None]]:
    return [(a.action, a.object_type, a.object_id, a.actor_person_id) for a in store.audit_lines()[after:]]


def test_opening_the_matrix_and_downloading_are_audit_lines(coach: Context, ctx: Context) -> None:
    store, cohort = coach.store, coach.person.cohort_id
    store.save_answer(ctx.person.id, "dag1.probleem", MARKER, base_id=None, client_id="t")
    before = len(store.audit_lines())
    view = trainer.matrix.section(coach)
    view.show(refresh=True)
    trainer.missing.section(coach)  # reads the same matrices: no line
    assert _lines(store, before) == [("view", "cohort", cohort, coach.person.id)]
    data, _name, _mime = downloads.make_file(coach, "antwoorden", "csv")
    assert MARKER in data.decode("utf-8-sig")
    kruisbestuiving.make_file(coach, "md")
    assert _lines(store, before + 1) == [("export", "cohort", cohort, coach.person.id),
                                         ("export", "cohort", None, coach.person.id)]
    assert all(a.origin == "kernel" and a.result == "ok" for a in store.audit_lines()[before:])
    assert_no_content(store, [MARKER])


def test_a_participant_gets_no_matrix_and_writes_no_line(ctx: Context) -> None:
    before = ctx.store.audit_lines()
    trainer.matrix.section(ctx)
    assert ctx.store.audit_lines() == before


def test_a_trainer_adding_someone_or_giving_a_new_code_is_the_actor_of_its_line(coach: Context, codes) -> None:
    from wijwerken_widgets.pages.trainer import cohort as tasks

    store = coach.store
    before = len(store.audit_lines())
    view = tasks.section(coach)
    view.name.value, view.role.value = "Nieuwe Collega", "medewerker"
    view.add.click()
    added = next(p for p in store.people(coach.person.cohort_id) if p.name == "Nieuwe Collega")
    old = next(c for c in codes if c.rol == "deelnemer")
    view.person.value = next(pid for name, pid in view.person.options if name == old.naam)
    view.reissue.click()
    view.reissue.click()  # asked first, then done
    person = next(p for p in store.people(coach.person.cohort_id) if p.name == old.naam)
    lines = [(a.action, a.object_id, a.origin, a.actor_person_id) for a in store.audit_lines()[before:]]
    assert lines == [("person_add", added.id, "kernel", coach.person.id),
                     ("code_reissue", person.id, "kernel", coach.person.id)]
    assert_no_content(store, [c.code for c in codes] + ["Nieuwe Collega"])
