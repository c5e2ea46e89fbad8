"""Checks on the audit trail that several test folders share: no audit line holds content."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import astuple

from wijwerken_widgets.store import Store


def assert_no_content(store: Store, secrets: Iterable[str] = ()) -> None:
    """No audit line holds a name of anyone or any group in the store, a code, or one of ``secrets``."""
    words = [*secrets]
    for cohort in store.cohorts():
        words += [cohort.name, cohort.slug, cohort.gemeente]
        words += [p.name for p in store.people(cohort.id)] + [p.code_hash for p in store.people(cohort.id)]
        words += [g.name for g in store.groups(cohort.id)]
    lines = store.audit_lines()
    assert lines, "the test should have made audit lines"
    for line in lines:
        values = [str(v).casefold() for v in astuple(line)]
        assert not [w for w in words if w and any(w.casefold() in v for v in values)], line
        assert all(isinstance(v, int) or v is None for v in (line.object_id, line.actor_person_id, line.cohort_id))
