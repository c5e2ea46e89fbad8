"""Deelnemers en codes on the trainer page: a trainer adds a participant or gives a new code, shown once; checked
again on the server, so a forged cohort, group or person changes nothing."""

from __future__ import annotations

import re

import pytest

from wijwerken_widgets.pages.trainer import cohort
from wijwerken_widgets.people.cohorts import create_cohort, demo_cohort_settings
from wijwerken_widgets.people.identity import WrongCode, login
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context


@pytest.fixture
def coach(store: Store, codes) -> Context:
    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    return Context.for_person(store, person)


def _code(view: cohort.CohortTasks) -> str:
    found = re.search(r'<code class="ww-code">([^<]+)</code>', view.notice.value)
    assert found, view.notice.value
    return found.group(1)


def test_a_participant_gets_no_cohort_tasks(ctx: Context) -> None:
    assert cohort.section(ctx).layout.display == "none"


def test_an_added_participant_can_log_in_with_the_code_shown_once(coach: Context) -> None:
    view = cohort.section(coach)
    assert view.group.value == view.group.options[0][1] and view.person.value is not None  # a choice from the start
    assert "ww-draft" in view.name._dom_classes  # a typed name survives a reload or a kernel death
    view.name.value, view.group.value, view.role.value = "Nieuwe <b>Collega</b>", view.group.options[1][1], "OR-lid"
    view.add.click()
    code = _code(view)
    assert "één keer" in view.notice.value and "Nieuwe &lt;b&gt;Collega&lt;/b&gt;" in view.notice.value
    person, _ = login(coach.store, code)
    assert person.name == "Nieuwe <b>Collega</b>" and person.group_id == view.group.options[1][1]
    assert view.name.value == "" and "Nieuwe <b>Collega</b>" in dict(view.person.options)
    view.name.value = "nieuwe <B>collega</B>"  # the same name in other case: refused, nothing added
    view.add.click()
    assert "Er is al iemand" in view.notice.value and "ww-code" not in view.notice.value
    view.name.value = "   "
    view.add.click()
    assert view.notice.value.count("Vul een naam in") == 1


def test_a_new_code_asks_first_and_the_old_code_stops_working(coach: Context, codes) -> None:
    view = cohort.section(coach)
    old = next(c for c in codes if c.rol == "deelnemer")
    view.person.value = next(pid for name, pid in view.person.options if name == old.naam)
    view.reissue.click()
    assert "ww-code" not in view.notice.value and "Zeker weten" in view.reissue.description
    view.reissue.click()
    new = _code(view)
    assert login(coach.store, new)[0].name == old.naam
    with pytest.raises(WrongCode):
        login(coach.store, old.code)


def test_a_forged_cohort_or_person_of_another_cohort_changes_nothing(coach: Context, store: Store) -> None:
    settings = demo_cohort_settings().model_copy(update={"slug": "elders-2026", "gemeente": "Elders"})
    other_codes = create_cohort(store, settings)
    other = store.cohort_by_slug("elders-2026")
    stranger = next(p for p in store.people(other.id) if p.role == "deelnemer")
    view = cohort.section(coach)
    view.person.options = [(stranger.name, stranger.id)]  # as if the browser sent another cohort's person
    view.person.value = stranger.id
    view.reissue.click()
    view.reissue.click()
    assert "alleen in een cohort dat jij begeleidt" in view.notice.value
    assert login(store, next(c for c in other_codes if c.naam == stranger.name).code)[0].id == stranger.id
    view.cohort.options = [("Elders", other.id)]
    view.name.value = "Indringer"
    view.add.click()
    assert "alleen in een cohort dat jij begeleidt" in view.notice.value
    assert all(p.name != "Indringer" for p in store.people(other.id))
