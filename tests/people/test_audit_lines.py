"""The audit lines of logins and of an operator's changes to cohorts and codes: one line each, codes and ids only."""

from __future__ import annotations

from tests.support.audit import assert_no_content
from wijwerken_widgets.people.cohort_update import update_cohort
from wijwerken_widgets.people.cohorts import (
    add_participant,
    assign_trainer,
    create_cohort,
    demo_cohort_settings,
    reissue_all,
    reissue_code,
    remove_person,
)
from wijwerken_widgets.people.identity import WrongCode, login
from wijwerken_widgets.people.settings import CohortSettings
from wijwerken_widgets.store import Store

WRONG = "K7QM-4XPD-9TWA-R3HN"


def _seen(store: Store) -> list[tuple[str, str, int | None, str, str, int | None]]:
    return [(a.action, a.object_type, a.object_id, a.result, a.origin, a.actor_person_id) for a in store.audit_lines()]


def test_a_login_and_a_wrong_code_are_each_one_line_without_the_code(store: Store, issued) -> None:
    cohort = store.cohorts()[0]
    before = len(store.audit_lines())
    code = next(c for c in issued if c.rol == "deelnemer")
    person, _token = login(store, code.code)
    try:
        login(store, WRONG)
    except WrongCode:
        pass
    [ok, refused] = store.audit_lines()[before:]
    assert (ok.action, ok.object_type, ok.object_id, ok.result, ok.origin, ok.actor_person_id, ok.cohort_id) == (
        "login", "person", person.id, "ok", "web", person.id, cohort.id)
    assert (refused.action, refused.object_id, refused.result, refused.actor_person_id, refused.cohort_id) == (
        "login", None, "refused", None, None)
    assert_no_content(store, [c.code for c in issued] + [WRONG, WRONG.replace("-", "")])


def test_cohort_changes_and_new_codes_are_lines_about_the_cohort_and_each_person(store: Store) -> None:
    settings = demo_cohort_settings()
    issued = create_cohort(store, settings)
    cohort = store.cohorts()[0]
    assert _seen(store) == [("cohort_create", "cohort", cohort.id, "ok", "cli", None)]
    anna = next(p for p in store.people(cohort.id) if p.role == "deelnemer")
    new = [reissue_code(store, anna.id)]
    added = add_participant(store, cohort, "Nieuwe Collega", issued[-1].groep or "", "medewerker")
    newcomer = next(p for p in store.people(cohort.id) if p.name == "Nieuwe Collega")
    new += [c.code for c in reissue_all(store, cohort)]
    remove_person(store, cohort, "Nieuwe Collega")
    other = store.add_cohort("ander", "Anderegemeente", "Ander", {})
    trainer = assign_trainer(store, other, next(c.naam for c in issued if c.rol == "trainer"))
    changed = CohortSettings.model_validate({**settings.model_dump(), "naam": "Demo, hernoemd"})
    update_cohort(store, changed)
    update_cohort(store, changed)  # nothing changes: no line
    active = [p.id for p in store.people(cohort.id) if p.removed_at is None or p.id == newcomer.id]
    seen = _seen(store)[1:]
    assert seen[:2] == [("code_reissue", "person", anna.id, "ok", "cli", None),
                        ("person_add", "person", newcomer.id, "ok", "cli", None)]
    assert sorted(s[2] for s in seen[2:-3]) == sorted(active) and {s[0] for s in seen[2:-3]} == {"code_reissue"}
    assert seen[-3:] == [("person_remove", "person", newcomer.id, "ok", "cli", None),
                         ("trainer_assign", "person", trainer.id, "ok", "cli", None),
                         ("cohort_update", "cohort", cohort.id, "ok", "cli", None)]
    assert store.audit_lines()[-2].cohort_id == other.id
    assert_no_content(store, [c.code for c in issued] + new + [added.code, "Demo, hernoemd"])
