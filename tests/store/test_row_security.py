"""Row-level security on PostgreSQL: with a person's own role (what a server under JupyterHub gets), the store shows
and takes what the workbook shows that person, and nothing of anyone else: not another participant's answers,
privé logboek or another group's map; a groupmate's logboek entry only in its latest version and when shared."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import ProgrammingError

from tests.store.conftest import PG_URL
from wijwerken_widgets.store import ItemChange, Person, Store
from wijwerken_widgets.store.row_security import role_url
from wijwerken_widgets.store.schema import metadata

pytestmark = [pytest.mark.skipif(not PG_URL, reason="needs WIJWERKEN_TEST_DATABASE_URL (PostgreSQL)"),
              pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)]


@pytest.fixture
def people(store: Store) -> dict[str, Person]:
    """Anna and Bram in group A, Cas in group B, trainer Tess; Dirk in another cohort; each with their own work."""
    cohort = store.add_cohort("c", "Gemeente", "C", {})
    other = store.add_cohort("d", "Elders", "D", {})
    a, b = store.add_group(cohort.id, "A", "extern"), store.add_group(cohort.id, "B", "intern")
    d = store.add_group(other.id, "D", "extern")
    found = {
        "anna": store.add_person(cohort.id, "Anna", "deelnemer", "h-anna", group_id=a.id),
        "bram": store.add_person(cohort.id, "Bram", "deelnemer", "h-bram", group_id=a.id),
        "cas": store.add_person(cohort.id, "Cas", "deelnemer", "h-cas", group_id=b.id),
        "tess": store.add_person(cohort.id, "Tess", "trainer", "h-tess"),
        "dirk": store.add_person(other.id, "Dirk", "deelnemer", "h-dirk", group_id=d.id),
    }
    for name, person in found.items():
        store.save_answer(person.id, "dag1.probleem", f"antwoord-{name}", base_id=None, client_id="t")
        store.save_log_entry(person.id, "prive", day="dag1", prompt="", text=f"prive-{name}", sharing="prive",
                             client_id="t")
        if person.group_id is not None:
            store.save_items("map", person.group_id, [ItemChange("stakeholder", f"s-{name}", {"naam": f"kaart-{name}"})],
                             person_id=person.id, client_id="t")
    bram = found["bram"].id
    store.save_log_entry(bram, "later", day="dag1", prompt="", text="eerst-prive", sharing="prive", client_id="t")
    store.save_log_entry(bram, "later", day="dag1", prompt="", text="nu-gedeeld", sharing="groep", client_id="t")
    return found


@pytest.fixture
def as_person(store: Store, db_url: str) -> Iterator:
    opened: list[Store] = []

    def open_as(person: Person) -> Store:
        role, password = store.person_role(person.id)
        opened.append(Store.open(role_url(db_url, role, password)))
        return opened[-1]

    yield open_as
    for each in opened:
        each.close()


def _everything(store: Store) -> str:
    with store.engine.connect() as conn:
        return repr({table.name: conn.execute(select(table)).all() for table in metadata.sorted_tables})


def test_a_participant_reads_only_their_own_and_their_groups_work(people: dict[str, Person], as_person) -> None:
    anna = as_person(people["anna"])
    seen = _everything(anna)  # every table, every row the role can read, as raw SQL would
    assert "antwoord-anna" in seen and "prive-anna" in seen and "kaart-bram" in seen and "nu-gedeeld" in seen
    for hidden in ("antwoord-bram", "antwoord-cas", "prive-bram", "eerst-prive", "kaart-cas", "antwoord-dirk",
                   "kaart-dirk", "Dirk", "antwoord-tess"):
        assert hidden not in seen, hidden
    assert [e.entry.text for e in anna.shared_log_entries(people["anna"])] == ["nu-gedeeld"]
    assert anna.latest_answers(people["bram"].id) == {}


def test_a_participant_writes_their_own_work_and_nothing_of_anyone_else(people: dict[str, Person], as_person,
                                                                        store: Store) -> None:
    anna, me, bram, cas = as_person(people["anna"]), people["anna"], people["bram"], people["cas"]
    assert me.group_id is not None and cas.group_id is not None
    anna.save_answer(me.id, "dag1.doel", "mijn doel", base_id=None, client_id="t")
    anna.save_items("map", me.group_id, [ItemChange("stakeholder", "nieuw", {"naam": "Wijkagent"})],
                    person_id=me.id, client_id="t")
    anna.save_log_entry(me.id, "e9", day="dag1", prompt="", text="nieuw", sharing="groep", client_id="t")
    for forbidden in (
        lambda: anna.save_answer(bram.id, "dag1.doel", "namens bram", base_id=None, client_id="t"),
        lambda: anna.save_items("map", cas.group_id, [ItemChange("stakeholder", "x", {"naam": "x"})],
                                person_id=me.id, client_id="t"),
        lambda: anna.save_log_entry(bram.id, "x", day="dag1", prompt="", text="x", sharing="groep", client_id="t"),
    ):
        with pytest.raises(Exception):  # noqa: B017 - refused by PostgreSQL or found no row: either way nothing
            forbidden()
    for statement in ("UPDATE people SET name = 'x'", f"UPDATE people SET code_hash = 'x' WHERE id = {me.id}",
                      "DELETE FROM answers", "UPDATE answers SET value = '\"x\"'"):
        with pytest.raises(ProgrammingError, match="permission denied"), anna.engine.begin() as conn:
            conn.execute(text(statement))
    assert "namens bram" not in _everything(store) and store.person(bram.id).name == "Bram"  # type: ignore[union-attr]
    assert "mijn doel" in _everything(store) and "Wijkagent" in _everything(store)


def test_a_trainer_reads_their_cohort_but_no_prive_entry_and_no_other_cohort(people: dict[str, Person],
                                                                             as_person) -> None:
    tess = as_person(people["tess"])
    seen = _everything(tess)
    assert all(f"antwoord-{n}" in seen for n in ("anna", "bram", "cas", "tess"))
    assert "kaart-cas" in seen and "nu-gedeeld" in seen
    for hidden in ("prive-anna", "prive-bram", "eerst-prive", "antwoord-dirk", "kaart-dirk", "Dirk"):
        assert hidden not in seen, hidden


def test_every_table_has_row_security(store: Store) -> None:
    """A table added later without policies would be readable whole by every person's role."""
    with store.engine.connect() as conn:
        secured = dict(conn.execute(text("SELECT relname, relrowsecurity FROM pg_class c JOIN pg_namespace n "
                                         "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() "
                                         "AND c.relkind = 'r'")).all())
    assert {table.name for table in metadata.sorted_tables} <= {name for name, on in secured.items() if on}


def test_a_store_knows_whether_row_security_limits_it(store: Store, people: dict[str, Person], as_person) -> None:
    """The trainer page says what a removal reaches from this (privé entries only with the owner's role)."""
    assert store.as_person() is False
    assert as_person(people["tess"]).as_person() is True
