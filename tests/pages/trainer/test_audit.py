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
