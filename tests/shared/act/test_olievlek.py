"""The olievlek's entries read tolerantly from stored JSON, and progress counted per member and for the group."""

from __future__ import annotations

from wijwerken_widgets.shared.act.olievlek import AIM, MAX_COLLEAGUES, WAYS, Olievlek, by_way, progress


def entry(door: int | None, aantal: int, hoe: str = "gesprek") -> Olievlek:
    return Olievlek(f"e{door}-{aantal}-{hoe}", met="team", aantal=aantal, datum="2027-02-01", hoe=hoe, door=door)


def test_progress_counts_colleagues_per_member_and_for_the_group() -> None:
    """Are the colleagues (aantal, not entries) added up per member, members without entries at 0?"""
    counted = progress([entry(1, 7), entry(1, 3), entry(2, 4)], members=[1, 2, 3])
    assert dict(counted.per_member) == {1: 10, 2: 4, 3: 0}
    assert counted.total == 14
    assert counted.aim == AIM == 10


def test_a_member_reaches_the_aim_at_ten_not_before() -> None:
    counted = progress([entry(1, 9), entry(2, 10), entry(3, 12)], members=[1, 2, 3])
    assert [counted.reached(p) for p in (1, 2, 3)] == [False, True, True]
    assert counted.members_reached() == 2


def test_an_entry_of_someone_no_longer_in_the_group_still_counts_for_the_group() -> None:
    counted = progress([entry(9, 5), entry(None, 4)], members=[1])
    assert dict(counted.per_member) == {1: 0, 9: 5}
    assert counted.total == 5


def test_entries_per_way_name_every_way() -> None:
    assert by_way([entry(1, 1, "werkoverleg"), entry(2, 8, "werkoverleg"), entry(1, 1, "actie")]) == {
        "gesprek": 0, "werkoverleg": 2, "presentatie": 0, "actie": 1}
    assert tuple(by_way([])) == WAYS


def test_stored_data_is_read_tolerantly() -> None:
    """Does an unreadable count, way or date get a safe default instead of a crash?"""
    read = Olievlek.from_data("x", {"met": 5, "aantal": "veel", "hoe": "mail", "datum": "gisteren", "door": True})
    assert (read.met, read.aantal, read.hoe, read.datum, read.door) == ("5", 1, "gesprek", "", None)
    assert Olievlek.from_data("y", {"aantal": 10_000}).aantal == MAX_COLLEAGUES
    assert Olievlek.from_data("z", {"aantal": -3}).aantal == 1
