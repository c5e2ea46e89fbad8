"""Removing a name from every version of a cohort's texts (``store/forget.py``): after ``forget_name`` no row of any
table holds it; a word that merely contains it is untouched; a trainer's counts leave privé logboek entries out but
the removal reaches them; one audit line without the name. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from tests.store.test_erase import all_rows
from tests.support.audit import assert_no_content
from wijwerken_widgets.shared.stakeholders.model import Stakeholder
from wijwerken_widgets.store import ItemChange, Person, StaleItems, Store
from wijwerken_widgets.store.forget import NameUse, name_pattern, rewritten

NAME, GONE = "mevrouw Jansen", "(naam verwijderd)"


def _work(store: Store, anna: Person) -> tuple[Person, int]:
    """The name in a map stakeholder (three versions), a relation, a quote, an answer, a shared and a privé logboek
    entry, the logboek's draft; a word containing it elsewhere; another cohort holding it too. The groupmate and
    the other cohort's group."""
    group = anna.group_id
    assert group is not None
    bram = store.add_person(anna.cohort_id, "Bram Smit", "deelnemer", "hash-bram", group_id=group)
    store.save_items("map", group, [ItemChange("stakeholder", "s1", {"naam": "Mevrouw Jansen", "type": "bewoner"}),
                                    ItemChange("stakeholder", "s2", {"naam": "Wijkagent"})],
                     person_id=anna.id, client_id="t")
    store.save_items("map", group, [ItemChange("stakeholder", "s1", {"naam": "mevrouw  JANSEN", "notitie": "buur"},
                                               1)], person_id=bram.id, client_id="t")
    store.save_items("map", group, [ItemChange("stakeholder", "s1", {"naam": "Mevrouw\u00a0Jansen", "notitie": "x"},
                                               2),
                                    ItemChange("relation", "r1", {"van": "s1", "naar": "s2", "soort": "kent"})],
                     person_id=bram.id, client_id="t")
    store.save_items("gesprekken", group, [ItemChange("citaat", "c1", {"tekst": "Zei mevrouw Jansen: 'nooit'.",
                                                                       "tags": ["mevrouw jansen", "buurt"]})],
                     person_id=anna.id, client_id="t")
    store.save_items("act", group, [ItemChange("actie", "a1", {"wat": "Mevrouw Jansens-Bakker bellen"})],
                     person_id=anna.id, client_id="t")
    store.save_answer(anna.id, "dag1.probleem", {"tekst": "Over mevrouw Jansen."}, base_id=None, client_id="t")
    store.save_answer(anna.id, "logboek.concept", "concept over mevrouw Jansen", base_id=None, client_id="t")
    store.save_log_entry(anna.id, "e1", day="dag1", prompt="", text="mevrouw Jansen belde", sharing="groep",
                         client_id="t")
    store.save_log_entry(anna.id, "e2", day="dag1", prompt="", text="Mevrouw Jansen, privé", sharing="trainer",
                         client_id="t")
    store.save_log_entry(anna.id, "e2", day="dag1", prompt="", text="Mevrouw Jansen, privé!", sharing="prive",
                         client_id="t")
    other = store.add_cohort("elders", "Elders", "Elders", {})
    elders = store.add_group(other.id, "Team Elders", "intern")
    eve = store.add_person(other.id, "Eve", "deelnemer", "hash-eve", group_id=elders.id)
    store.save_items("map", elders.id, [ItemChange("stakeholder", "s1", {"naam": "Mevrouw Jansen"})],
                     person_id=eve.id, client_id="t")
    return bram, elders.id


def test_the_pattern_matches_whole_names_only_and_refuses_short_ones() -> None:
    pattern = name_pattern(" Mevrouw \u200bJansen ")
    assert rewritten("mevrouw\n  jansen.", pattern, "X") == "X."
    assert rewritten("Mevrouw Jansens en mevrouw Jansen-Bakker", pattern, "X") == "Mevrouw Jansens en X-Bakker"
    untouched = {"a": ["mevrouw Jansenweg", 3, None, True], "b": "Xmevrouw Jansen"}
    assert rewritten(untouched, pattern, "X") is untouched
    assert rewritten("Jose\u0301 kwam", name_pattern("José"), "X") == "X kwam"  # decomposed accent (NFD) too
    assert rewritten("Josés", name_pattern("José"), "X") == "Josés"
    for short in ("Jo", " A. ", "\u200bab\u200b"):
        with pytest.raises(ValueError):
            name_pattern(short)
    with pytest.raises(ValueError):
        name_pattern("verwijderd", GONE)  # it would never be gone


def test_forgetting_leaves_the_name_in_no_row_and_the_map_keeps_working(store: Store, person: Person) -> None:
    bram, elders = _work(store, person)
    group = person.group_id
    before = all_rows(store)
    uses = store.name_uses(person.cohort_id, "MEVROUW jansen")
    assert all_rows(store) == before  # counting changes nothing
    assert NameUse("map_items", "stakeholder", group, 1, 3) in uses
    assert NameUse("conversation_items", "citaat", group, 1, 1) in uses
    assert NameUse("answers", "dag1", group, 1, 1) in uses and NameUse("answers", "logboek", group, 1, 1) in uses
    assert NameUse("logbook", "logboek", group, 2, 3) in uses
    assert not [u for u in uses if u.table == "act_items" or u.group_id == elders]  # Jansens-Bakker; other cohort

    done = store.forget_name(person.cohort_id, NAME, GONE, actor_id=None)
    assert done == uses
    rows = all_rows(store)
    for table in ("map_items", "conversation_items", "act_items", "answers", "logbook"):
        mine = [r for r in rows[table] if r.get("group_id", elders) != elders]
        assert "jansen" not in repr(mine).casefold().replace("jansens-bakker", ""), table
    assert store.name_uses(person.cohort_id, NAME) == []
    items = {i.item_id: i for i in store.items("map", group)}
    # one version more, the same: open pages see the change, and a save based on version 3 is stale
    assert Stakeholder.from_data("s1", items["s1"].data).naam == GONE and items["s1"].version == 4
    assert items["r1"].data["van"] == "s1"  # relations keep their stakeholder
    assert [Stakeholder.from_data("s1", v.data).naam for v in store.items_history("map", group, item_id="s1")] == \
        [GONE] * 4
    with pytest.raises(StaleItems):
        store.save_items("map", group, [ItemChange("stakeholder", "s1", {"naam": "Mevrouw Jansen"}, 3)],
                         person_id=person.id, client_id="open-page")
    assert store.items("act", group)[0].data["wat"] == "Mevrouw Jansens-Bakker bellen"
    assert store.latest_answer(person.id, "dag1.probleem").value == {"tekst": f"Over {GONE}."}
    assert [e.text for e in store.log_entries(person.id)] == [f"{GONE} belde", f"{GONE}, privé!"]
    assert store.items("map", elders)[0].data["naam"] == "Mevrouw Jansen"  # another cohort is not touched
    [line] = [a for a in store.audit_lines() if a.action == "name_remove"]
    assert (line.object_type, line.object_id, line.origin, line.cohort_id) == \
        ("cohort", person.cohort_id, "cli", person.cohort_id)
    assert_no_content(store, ["Jansen"])


def test_a_trainers_counts_leave_out_prive_entries_but_the_removal_reaches_them(store: Store,
                                                                                 person: Person) -> None:
    _work(store, person)
    for text, sharing in (("eerst privé: mevrouw Jansen", "prive"), ("nu gedeeld", "trainer")):
        store.save_log_entry(person.id, "e3", day="dag2", prompt="", text=text, sharing=sharing, client_id="t")
    for text, sharing, deleted in (("weg: mevrouw Jansen", "groep", False), ("weg", "groep", True)):
        store.save_log_entry(person.id, "e4", day="dag2", prompt="", text=text, sharing=sharing, deleted=deleted,
                             client_id="t")
    assert NameUse("logbook", "logboek", person.group_id, 4, 5) in store.name_uses(person.cohort_id, NAME)
    seen = store.name_uses(person.cohort_id, NAME, count_private=False)
    # e1 only: e2 is privé now (all its versions), e3 held the name only while privé, e4 was removed
    assert NameUse("logbook", "logboek", person.group_id, 1, 1) in seen
    assert not [u for u in seen if u.table == "answers" and u.kind == "logboek"]  # the logboek's draft
    trainer = store.add_person(person.cohort_id, "Tess Trainer", "trainer", "hash-tess")
    done = store.forget_name(person.cohort_id, NAME, GONE, count_private=False, origin="kernel",
                             actor_id=trainer.id)
    assert done == seen
    assert store.name_uses(person.cohort_id, NAME) == []  # privé entries and the draft rewritten too
    [line] = [a for a in store.audit_lines() if a.action == "name_remove"]
    assert (line.origin, line.actor_person_id) == ("kernel", trainer.id)


def test_an_unknown_cohort_or_refused_name_changes_nothing(store: Store, person: Person) -> None:
    _work(store, person)
    before = all_rows(store)
    with pytest.raises(LookupError):
        store.forget_name(9999, NAME, GONE)
    with pytest.raises(ValueError):
        store.forget_name(person.cohort_id, "Ja", GONE)
    assert all_rows(store) == before
