"""Answers: every save is a version, the latest is the answer, conflicts between tabs are reported."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from wijwerken_widgets.store import Person, SaveResult, Store


def test_every_save_is_a_new_version_and_latest_is_the_last(store: Store, person: Person) -> None:
    """Does each save append a version, with latest_answer returning the most recent one?"""
    first = store.save_answer(person.id, "dag1.probleem", "eerste", base_id=None, client_id="tab-1")
    second = store.save_answer(
        person.id, "dag1.probleem", "tweede", base_id=first.version.id, client_id="tab-1"
    )
    assert second.version.id > first.version.id
    assert (first.conflict, second.conflict) == (None, None)
    latest = store.latest_answer(person.id, "dag1.probleem")
    assert latest == second.version
    assert latest.value == "tweede" and latest.client_id == "tab-1" and latest.key == "dag1.probleem"


def test_history_is_oldest_first(store: Store, person: Person) -> None:
    """Does answer_history list all versions of one key, oldest first, and nothing of other keys?"""
    base = None
    for text in ["a", "ab", "abc"]:
        base = store.save_answer(person.id, "dag1.probleem", text, base_id=base, client_id="c").version.id
    store.save_answer(person.id, "dag1.anders", "x", base_id=None, client_id="c")
    assert [v.value for v in store.answer_history(person.id, "dag1.probleem")] == ["a", "ab", "abc"]


def test_nothing_saved_yet(store: Store, person: Person) -> None:
    """Is there no answer and no history before the first save?"""
    assert store.latest_answer(person.id, "dag1.probleem") is None
    assert store.answer_history(person.id, "dag1.probleem") == []
    assert store.latest_answers(person.id) == {}


def test_stale_base_from_another_tab_is_a_conflict(store: Store, person: Person) -> None:
    """When two tabs start from the same version, does the second save report the first one as conflict?"""
    start = store.save_answer(person.id, "dag1.probleem", "begin", base_id=None, client_id="laptop").version
    laptop = store.save_answer(person.id, "dag1.probleem", "laptop", base_id=start.id, client_id="laptop")
    phone = store.save_answer(person.id, "dag1.probleem", "telefoon", base_id=start.id, client_id="telefoon")
    assert laptop.conflict is None
    assert phone.conflict == laptop.version
    assert [v.value for v in store.answer_history(person.id, "dag1.probleem")] == [
        "begin",
        "laptop",
        "telefoon",
    ]
    assert store.latest_answer(person.id, "dag1.probleem").value == "telefoon"


def test_first_save_in_two_tabs_is_a_conflict(store: Store, person: Person) -> None:
    """If another tab saved first while this tab still saw nothing (base_id None), is that a conflict?"""
    other = store.save_answer(person.id, "k", "ander venster", base_id=None, client_id="a")
    mine = store.save_answer(person.id, "k", "dit venster", base_id=None, client_id="b")
    assert mine.conflict == other.version


def test_simultaneous_saves_from_the_same_base_give_exactly_one_winner(db_url: str, person: Person) -> None:
    """When many devices save at the same moment from the same base, does exactly one save see no conflict?"""
    workers = 6
    stores = [Store.open(db_url) for _ in range(workers)]
    base = stores[0].save_answer(person.id, "k", "basis", base_id=None, client_id="x").version.id
    barrier = threading.Barrier(workers)
    results: list[SaveResult] = []

    def save(index: int) -> None:
        barrier.wait()
        results.append(
            stores[index].save_answer(person.id, "k", f"v{index}", base_id=base, client_id=str(index))
        )

    threads = [threading.Thread(target=save, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for opened in stores:
        opened.close()
    assert len(results) == workers
    assert sum(r.conflict is None for r in results) == 1
    by_id = sorted(results, key=lambda r: r.version.id)
    for earlier, later in zip(by_id, by_id[1:], strict=False):
        assert later.conflict == earlier.version  # each later save reports the one just before it


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert('x')</script> & \"quotes\"",
        "Één wijk, café, Zuid-Holland — “aanhalingstekens” 🙂",
        "",
        ["aanname 1", "aanname 2"],
        {"probleem": "tijd", "scores": [1, 2.5, None, True], "nested": {"ü": "ß"}},
        None,
        0,
    ],
)
def test_json_values_round_trip(store: Store, person: Person, value: object) -> None:
    """Does every JSON value come back exactly as saved, markup and unicode included?"""
    saved = store.save_answer(person.id, "k", value, base_id=None, client_id="c").version
    assert saved.value == value
    assert store.latest_answer(person.id, "k").value == value
    assert store.answer_history(person.id, "k")[0].value == value


def test_values_that_are_not_json_are_refused(store: Store, person: Person) -> None:
    """Is a value that JSON cannot hold refused before anything is stored?"""
    with pytest.raises(TypeError):
        store.save_answer(person.id, "k", {"when": object()}, base_id=None, client_id="c")
    with pytest.raises(ValueError):
        store.save_answer(person.id, "k", float("nan"), base_id=None, client_id="c")
    assert store.latest_answer(person.id, "k") is None


def test_saving_for_an_unknown_person_is_refused(store: Store, person: Person) -> None:
    """Does saving for a person that does not exist raise LookupError instead of storing an orphan?"""
    with pytest.raises(LookupError):
        store.save_answer(person.id + 999, "k", "x", base_id=None, client_id="c")


def test_latest_answers_by_exact_prefix(store: Store, person: Person) -> None:
    """Does latest_answers give the latest version per key whose name starts with the prefix, exactly?"""
    for key, value in [
        ("dag1.a", "oud"), ("dag1.a", "nieuw"), ("dag1.b", "b"), ("dag1xa", "wildcard"),
        ("DAG1.c", "hoofdletters"), ("dag2.a", "andere dag"),
    ]:  # fmt: skip
        store.save_answer(person.id, key, value, base_id=None, client_id="c")
    assert {k: v.value for k, v in store.latest_answers(person.id, "dag1.").items()} == {
        "dag1.a": "nieuw",
        "dag1.b": "b",
    }
    assert {k: v.value for k, v in store.latest_answers(person.id, "dag1_").items()} == {}
    assert len(store.latest_answers(person.id)) == 5


def test_answers_belong_to_one_person(store: Store, person: Person) -> None:
    """Does one participant never see another participant's answer?"""
    other = store.add_person(person.cohort_id, "Bram", "deelnemer", "hash-bram")
    store.save_answer(other.id, "dag1.a", "van Bram", base_id=None, client_id="c")
    assert store.latest_answer(person.id, "dag1.a") is None
    assert store.latest_answers(person.id) == {}
    assert store.save_answer(person.id, "dag1.a", "van Anna", base_id=None, client_id="c").conflict is None


def test_saved_at_is_timezone_aware_utc(store: Store, person: Person) -> None:
    """Are saved_at timestamps timezone-aware UTC, both when returned and when read back?"""
    saved = store.save_answer(person.id, "k", "x", base_id=None, client_id="c").version
    read = store.latest_answer(person.id, "k")
    assert saved.saved_at.utcoffset() == timedelta(0)
    assert read.saved_at == saved.saved_at and read.saved_at.utcoffset() == timedelta(0)


def test_a_value_over_100_kb_is_refused_in_dutch_and_nothing_is_stored(store: Store, person: Person) -> None:
    """Is a 150 kB answer, stakeholder or logboek text refused with a Dutch message (reason ``too_large``), with what
    was stored before kept, and is 100 kB of multi-byte text counted in bytes?"""
    from wijwerken_widgets.store import StoreUnavailable
    from wijwerken_widgets.store.maps import MapChange

    store.save_answer(person.id, "dag1.probleem", "kort", base_id=None, client_id="c")
    for save in (
        lambda: store.save_answer(person.id, "dag1.probleem", "x" * 150_000, base_id=None, client_id="c"),
        lambda: store.save_answer(person.id, "dag1.probleem", "ë" * 60_000, base_id=None, client_id="c"),
        lambda: store.save_map_changes(person.group_id, [MapChange("stakeholder", "s1", {"naam": "A" * 150_000})],
                                       person_id=person.id, client_id="c"),
        lambda: store.save_log_entry(person.id, "e1", day="dag1", prompt="p", text="y" * 150_000,
                                     sharing="prive", client_id="c"),
    ):
        with pytest.raises(StoreUnavailable) as refused:
            save()
        assert refused.value.reason == "too_large"
        assert "te lang om op te slaan" in refused.value.message and "hoogstens 100 kB" in refused.value.message
    assert [v.value for v in store.answer_history(person.id, "dag1.probleem")] == ["kort"]
    assert store.map_items(person.group_id) == [] and store.log_entries(person.id) == []
    store.save_answer(person.id, "dag1.probleem", "x" * 99_000, base_id=None, client_id="c")  # just under: stored


def test_a_nul_character_is_taken_out_the_same_way_on_every_database(store: Store, person: Person) -> None:
    """PostgreSQL cannot hold NUL characters: are they taken out of answers, items and logboek texts on SQLite and
    PostgreSQL alike, so that nothing is lost or refused on one of them only?"""
    from wijwerken_widgets.store.maps import MapChange

    saved = store.save_answer(person.id, "k", {"a\x00": ["b\x00c", "d"]}, base_id=None, client_id="c").version
    assert saved.value == {"a": ["bc", "d"]} and store.latest_answer(person.id, "k").value == {"a": ["bc", "d"]}
    store.save_map_changes(person.group_id, [MapChange("stakeholder", "s1", {"naam": "Wijk\x00raad"})],
                           person_id=person.id, client_id="c")
    assert store.map_items(person.group_id)[0].data == {"naam": "Wijkraad"}
    store.save_log_entry(person.id, "e1", day="dag1", prompt="p", text="een\x00 gedachte", sharing="prive",
                         client_id="c")
    assert [e.text for e in store.log_entries(person.id)] == ["een gedachte"]


def test_direction_controls_and_zero_width_spaces_are_never_stored(store: Store, person: Person) -> None:
    """Can a typed right-to-left override (which shows the text after it reversed) or a zero-width space (which makes
    a look-alike) not reach any page, while Arabic text and emoji joiners stay as typed?"""
    value = {"naam": "Wijk\u202eraad\u200b", "notitie": "بلدية 👨\u200d👩\u200d👧"}
    saved = store.save_answer(person.id, "k", value, base_id=None, client_id="c").version
    assert saved.value == {"naam": "Wijkraad", "notitie": "بلدية 👨\u200d👩\u200d👧"}
