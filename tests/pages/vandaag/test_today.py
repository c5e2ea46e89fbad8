"""Vandaag's data: the "vastgelopen?" rule, the cohort's snapshot (hands oldest first, who is where, last saves in
one read) and the readiness per group."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from wijwerken_widgets import pages
from wijwerken_widgets.pages.dag1 import keys as dag1
from wijwerken_widgets.pages.vandaag import today
from wijwerken_widgets.shared import readiness
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc)


def minutes_ago(n: float) -> datetime:
    return NOW - timedelta(minutes=n)


def test_is_someone_stuck_only_after_the_set_minutes_without_a_save() -> None:
    rule = lambda seen, saved: today.status(seen, saved, NOW, 20, 4)  # noqa: E731
    assert rule(None, None) is None  # never seen: no sign at all
    assert rule(minutes_ago(10), None) == today.FINE
    assert rule(minutes_ago(25), None) == today.STUCK
    assert rule(minutes_ago(25), minutes_ago(5)) == today.FINE  # saved since opening the page
    assert rule(minutes_ago(25), minutes_ago(30)) == today.STUCK  # the last save was before the page opened
    assert rule(minutes_ago(5 * 60), None) == today.AWAY  # opened hours ago: says nothing about today


def test_does_the_snapshot_list_hands_oldest_first_and_where_everyone_is(ctx: Context) -> None:
    store, cohort = ctx.store, ctx.cohort
    assert cohort is not None
    others = [p for p in store.people(cohort.id) if p.role == "deelnemer" and p.id != ctx.person.id]
    store.set_signal(cohort.id, "hand", {}, person_id=others[0].id)
    store.set_signal(cohort.id, "hand", {}, person_id=ctx.person.id)
    store.set_signal(cohort.id, "page", {"page": "dag1", "sinds": minutes_ago(30).isoformat()},
                     person_id=ctx.person.id)
    store.set_signal(cohort.id, "timer", {"resterend": 60})
    elsewhere = store.add_cohort("elders", "Eldersgemeente", "Elders", {})
    stranger = store.add_person(elsewhere.id, "Sam Elders", "deelnemer", "hash-sam")
    store.set_signal(elsewhere.id, "hand", {}, person_id=stranger.id)
    found = today.snapshot(store, cohort, NOW, 20, 4)
    assert [h.person_id for h in found.hands] == [others[0].id, ctx.person.id]
    assert found.timer == {"resterend": 60}
    row = next(r for r in found.rows if r.person_id == ctx.person.id)
    assert (row.page, row.status, row.saved) == ("dag1", today.STUCK, None)
    assert "Sam Elders" not in {r.name for r in found.rows}
    version = store.save_answer(ctx.person.id, dag1.PROBLEEM, "Iets", base_id=None, client_id="t").version
    row = next(r for r in today.snapshot(store, cohort, NOW, 20, 4).rows if r.person_id == ctx.person.id)
    assert row.saved == version.saved_at


def test_does_readiness_count_per_group_who_has_an_exercise_klaar(ctx: Context) -> None:
    store, cohort = ctx.store, ctx.cohort
    assert cohort is not None
    registry = dict(readiness.day_registries(pages.registries()))[1]
    for key, value in ((dag1.PROBLEEM, "Inwoners vinden het loket niet"), (dag1.DOEL, "Iedereen vindt het"),
                       (dag1.HOOFDVRAAG, "Hoe vinden inwoners ons?")):
        store.save_answer(ctx.person.id, key, value, base_id=None, client_id="t")
    people, groups = store.people(cohort.id), store.groups(cohort.id)
    found = readiness.readiness(store, registry, ["problem_statement", "assumptions"], people, groups)
    mine = next(g for g in found if ctx.group is not None and g.group == ctx.group.name)
    members = [p for p in people if p.group_id == ctx.person.group_id and p.role == "deelnemer"]
    assert (mine.total, mine.done) == (len(members), {"problem_statement": 1, "assumptions": 0})
    assert sum(g.total for g in found) == sum(1 for p in people if p.role == "deelnemer")
    assert all(g.done["problem_statement"] == 0 for g in found if g is not mine)


def test_is_readiness_the_same_reading_as_the_trainers_matrix() -> None:
    assert readiness.state_of({"a": True, "b": True}) == readiness.DONE
    assert readiness.state_of({"a": True, "b": None}) == readiness.BUSY
    assert readiness.state_of({"a": False}) == readiness.NOT_STARTED


def test_do_last_saves_come_from_one_read_for_the_whole_cohort(store: Store, ctx: Context) -> None:
    """Not one query per person: the statements counted while a snapshot is read stay the same for more people."""
    from sqlalchemy import event

    assert ctx.cohort is not None
    count = {"n": 0}

    def counted(*_args) -> None:
        count["n"] += 1

    event.listen(store.engine, "before_cursor_execute", counted)
    try:
        today.snapshot(store, ctx.cohort, NOW, 20, 4)
        before = count["n"]
        for n in range(5):
            store.add_person(ctx.cohort.id, f"Extra {n}", "deelnemer", f"hash-extra-{n}")
        count["n"] = 0
        today.snapshot(store, ctx.cohort, NOW, 20, 4)
    finally:
        event.remove(store.engine, "before_cursor_execute", counted)
    assert count["n"] == before


def test_is_someone_stuck_who_saved_three_times_with_the_same_coaching_tip(ctx: Context) -> None:
    """Dag 1's probleem saved three times with the same tip still showing: "vastgelopen?" on Vandaag, although the
    person saves all the time; a text that loses the tip starts the count over."""
    from wijwerken_widgets.pages.dag1 import problem_statement

    store, cohort = ctx.store, ctx.cohort
    store.set_signal(cohort.id, "page", {"page": "dag1", "sinds": datetime.now(timezone.utc).isoformat()},
                     person_id=ctx.person.id)
    exercise = problem_statement.section(ctx)
    field = exercise.inputs["probleem"]

    def row() -> today.Row:
        found = today.snapshot(store, cohort, datetime.now(timezone.utc), 20, 4)
        return next(r for r in found.rows if r.person_id == ctx.person.id)

    for text in ("We moeten een app bouwen", "We moeten een nieuwe app bouwen"):
        field.value = text
        exercise.savers["probleem"].flush()
    assert [f.kind for f in exercise.coaching["probleem"].feedback].count("tip") >= 1
    assert row().status == today.FINE
    field.value = "Inwoners vinden de weg niet"  # the tip is gone: the count starts over
    exercise.savers["probleem"].flush()
    for text in ("We moeten een app bouwen", "We willen een app bouwen", "We moeten snel een app bouwen"):
        field.value = text
        exercise.savers["probleem"].flush()
    assert row().status == today.STUCK
