"""Dag 2's network as a table: roles in plain Dutch, sorting, escaping, and a stakeholder's relations in words."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.pages.dag2.conftest import IMG, SCRIPT
from tests.support.maps import chain_map, map_session, person, relation
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.pages.dag2.network_table import (
    MAX_ROWS,
    NONE,
    NetworkTable,
    details_html,
    rows,
    sort_rows,
    table_html,
)
from wijwerken_widgets.shared.stakeholders.model import StakeholderMap
from wijwerken_widgets.ui.context import Context

WORDS = texts.load().exercises.network.table


@pytest.fixture
def two_groups() -> StakeholderMap:
    """Two triangles (a*, b*) joined through x, and z without any line."""
    people = [person(i, f"Naam {i}", invloed=1 + n % 5, belang=5 - n % 5)
              for n, i in enumerate(["a1", "a2", "a3", "b1", "b2", "b3", "x", "z"])]
    ends = [("a1", "a2"), ("a1", "a3"), ("a2", "a3"), ("b1", "b2"), ("b1", "b3"), ("b2", "b3"), ("x", "a1"),
            ("x", "b1")]
    return StakeholderMap.build(people, [relation(f"r{n}", a, b) for n, (a, b) in enumerate(ends)])


def _table(markup: str) -> ET.Element:
    """The ``<table>`` of the view's HTML (it is well-formed XML; a note may follow its box)."""
    return ET.fromstring(f"<div>{markup}</div>").find("div/table")


def _column(markup: str, index: int) -> list[str]:
    """The text of column ``index`` (0: the row header, the name) of every body row."""
    body = _table(markup).find("tbody")
    return ["".join(list(row)[index].itertext()) for row in body]


def test_each_name_is_isolated_in_its_row_header_and_sentences() -> None:
    """Is a right-to-left name in a <bdi> in the table's row header and in "Relaties van", so that it never pulls
    the numbers and words after it into its direction?"""
    m = StakeholderMap.build([person("a", "سارة"), person("b", "Wijkagent")], [relation("r", "a", "b", "spanning", 3)])
    assert '<th scope="row"><bdi>سارة</bdi></th>' in table_html(m)
    details = details_html(m, "b")
    assert "met <bdi>سارة</bdi></li>" in details and "<strong><bdi>Wijkagent</bdi></strong>" in details


def test_roles_are_named_in_plain_dutch(two_groups: StakeholderMap) -> None:
    """Does the table call the bridge "verbindt groepen", the unlinked one "hangt los" and the hubs central, as
    the insight's analysis finds them?"""
    role = dict(zip(_column(table_html(two_groups), 0), _column(table_html(two_groups), 6), strict=True))
    assert role["Naam x"] == WORDS.roles.verbinder
    assert role["Naam z"] == WORDS.roles.los
    assert role["Naam a1"] == WORDS.roles.spil
    assert role["Naam a2"] == WORDS.roles.groepje
    counted = dict(zip(_column(table_html(two_groups), 0), _column(table_html(two_groups), 5), strict=True))
    assert (counted["Naam x"], counted["Naam z"], counted["Naam a1"]) == ("2", "0", "3")


def test_a_stakeholder_without_a_role_and_a_map_without_lines() -> None:
    """With no lines at all everyone hangs loose; in one pair nobody has a role ("geen opvallende rol")."""
    alone = StakeholderMap.build([person("a", "A"), person("b", "B")])
    assert set(_column(table_html(alone), 6)) == {WORDS.roles.los}
    pair = StakeholderMap.build([person("a", "A"), person("b", "B")], [relation("r", "a", "b", sterkte=3)])
    assert set(_column(table_html(pair), 6)) == {WORDS.roles.other}


def test_each_sort_orders_the_rows_and_marks_its_column(two_groups: StakeholderMap) -> None:
    """Does every "Sorteer op" choice order the rows (numbers high first, ties by name) and put aria-sort on
    exactly that column's header, named in the caption?"""
    assert _column(table_html(two_groups, "naam"), 0) == sorted(_column(table_html(two_groups, "naam"), 0))
    by_invloed = table_html(two_groups, "invloed")
    scores = [int(v) for v in _column(by_invloed, 2)]
    assert scores == sorted(scores, reverse=True)
    assert [int(v) for v in _column(table_html(two_groups, "relaties"), 5)][:3] == [3, 3, 2]
    assert _column(table_html(two_groups, "rol"), 6)[0] == WORDS.roles.spil
    for index, column in enumerate(("naam", "soort", "invloed", "belang", "energie", "relaties", "rol")):
        table = _table(table_html(two_groups, column))
        headers = table.find("thead").findall("tr/th")
        assert all(th.get("scope") == "col" for th in headers)
        assert [th.get("aria-sort") is not None for th in headers] == [i == index for i in range(7)]
        order = "ascending" if column in ("naam", "soort", "rol") else "descending"
        assert headers[index].get("aria-sort") == order
        assert getattr(WORDS.sorts, column).lower() in table.find("caption").text


def test_sorting_by_energy_puts_the_biggest_rise_first() -> None:
    """Is the biggest rise in energy first, a fall last?"""
    m = StakeholderMap.build([
        person("a", "Daalt", energie_nu="trekker", energie_gewenst="neutraal"),
        person("b", "Stijgt veel", energie_nu="weerstand", energie_gewenst="trekker"),
        person("c", "Stijgt", energie_nu="neutraal", energie_gewenst="steunend"),
    ])
    assert [row.stakeholder.naam for row in sort_rows(rows(m), "energie")] == ["Stijgt veel", "Stijgt", "Daalt"]


def test_names_are_escaped_in_the_table_and_the_relations(tricky_map: StakeholderMap) -> None:
    """Does a name like `<img onerror>` or `</script><script>` show as text in the table and the relations list,
    with no tag of its own?"""
    markup = table_html(tricky_map)
    assert IMG in _column(markup, 0) and SCRIPT in _column(markup, 0)
    assert "<img" not in markup and "<script" not in markup
    details = details_html(tricky_map, "a")
    assert "<img" not in details and "&lt;img src=x onerror=alert(1)&gt;" in details
    assert "<a href" not in details_html(tricky_map, "b")  # the note is escaped too


def test_the_relations_of_a_chosen_stakeholder_read_as_sentences(tricky_map: StakeholderMap) -> None:
    """Does "Relaties van" say each relation of the chosen stakeholder (kind, strength, the other one), strongest
    first, and say so when there are none?"""
    details = details_html(tricky_map, "a")
    items = re.findall(r"<li>(.*?)</li>", details)
    assert items == ["Spanning (sterk) met <bdi>&lt;img src=x onerror=alert(1)&gt;</bdi>",
                     "Informeel contact (zwak) met <bdi>&lt;img src=x onerror=alert(1)&gt;</bdi>"]
    assert "Relaties van <bdi>Wethouder Jansen</bdi> (2 relaties):" in details
    alone = StakeholderMap.build([person("z", "Zonder lijnen")])
    assert WORDS.no_relations.format(naam="<bdi>Zonder lijnen</bdi>") in details_html(alone, "z")
    assert details_html(alone, "weg") == ""


def test_the_widget_sorts_picks_and_follows_the_map(ctx: Context) -> None:
    """Driven like a keyboard user would: does "Sorteer op" re-sort, does choosing in "Relaties van" show that
    stakeholder's relations, and do new stakeholders reach the picker?"""
    session = map_session(ctx)
    session.add([person("a", "Wethouder", invloed=5), person("b", "Wijkagent", invloed=1)],
                [relation("r", "a", "b", "spanning", 3)])
    view = NetworkTable(session)
    assert view.sort.description == WORDS.sort_label and view.pick.description == WORDS.pick_label
    assert view.pick.value == NONE and view.details.value == ""
    view.sort.value = "invloed"
    assert 'aria-sort="descending">Invloed' in view.table.value
    view.pick.value = next(v for label, v in view.pick.options if label == "Wijkagent")
    assert "<li>Spanning (sterk) met <bdi>Wethouder</bdi></li>" in view.details.value
    session.add([person("c", "Buurtcoach")])
    assert "Buurtcoach" in [label for label, _ in view.pick.options]
    assert "<li>Spanning (sterk) met <bdi>Wethouder</bdi></li>" in view.details.value  # the choice stays
    assert "Buurtcoach" in view.table.value


def test_a_very_large_map_shows_the_first_rows_and_says_how_many_are_left() -> None:
    """Above MAX_ROWS stakeholders, does the table show the first ones of the chosen order and say how many more
    there are (the caption still counts all)?"""
    m = chain_map(MAX_ROWS + 10)  # a ring with chords (no chord ends where it starts at this size)
    markup = table_html(m, "invloed")
    assert len(_table(markup).find("tbody")) == MAX_ROWS
    assert f"({MAX_ROWS + 10} stakeholders)" in _table(markup).find("caption").text
    assert WORDS.rest.format(shown=MAX_ROWS, n=10) in markup
    assert WORDS.rest.split("{")[0] not in table_html(chain_map(4))
