"""Dag 2's invloed × belang grid as a table: which quadrant each stakeholder is in, escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.pages.dag2.conftest import IMG
from tests.support.maps import person
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.pages.dag2.grid_table import BORDER, by_quadrant, quadrant_of, quadrant_table_html
from wijwerken_widgets.shared.stakeholders.model import StakeholderMap

GRID = texts.load().exercises.grid


@pytest.mark.parametrize(("invloed", "belang", "quadrant"), [
    (5, 5, "manage_closely"), (4, 2, "keep_satisfied"), (2, 4, "keep_informed"), (1, 1, "monitor"),
    (3, 5, BORDER), (5, 3, BORDER), (3, 3, BORDER),
])
def test_each_score_lands_in_the_quadrant_the_picture_shows(invloed: int, belang: int, quadrant: str) -> None:
    """Is a score above 3 high, below 3 low, and a 3 (on the picture's dashed line) "op de grens"?"""
    assert quadrant_of(person("a", "A", invloed=invloed, belang=belang)) == quadrant


def test_the_table_lists_every_quadrant_with_its_people_escaped() -> None:
    """Does the table have a caption, column headers, a row per quadrant (title and advice) and every name with
    its scores, escaped, and a dash for an empty quadrant?"""
    m = StakeholderMap.build([person("a", IMG, invloed=5, belang=5), person("b", "Wijkagent", invloed=1, belang=2),
                              person("c", "Team Wmo")])
    markup = quadrant_table_html(m)
    assert "<img" not in markup
    table = ET.fromstring(markup)
    assert "3 stakeholders" in table.find("caption").text
    assert [th.get("scope") for th in table.findall("thead/tr/th")] == ["col", "col"]
    rows = {"".join(row.find("th").itertext()): "".join(row.find("td").itertext()) for row in table.find("tbody")}
    q = GRID.picture.quadrants
    assert rows[q.manage_closely.title + q.manage_closely.advice] == f"{IMG} (invloed 5, belang 5)"
    assert rows[q.monitor.title + q.monitor.advice] == "Wijkagent (invloed 1, belang 2)"
    assert rows[GRID.table.border.title + GRID.table.border.advice] == "Team Wmo (invloed 3, belang 3)"
    assert rows[q.keep_satisfied.title + q.keep_satisfied.advice] == GRID.table.nobody


def test_people_in_a_quadrant_come_by_influence_then_interest() -> None:
    """Within a quadrant, is the most influential first (then belang, then name)?"""
    m = StakeholderMap.build([person("a", "B", invloed=4, belang=5), person("b", "A", invloed=4, belang=5),
                              person("c", "C", invloed=5, belang=4)])
    assert [s.naam for s in by_quadrant(m)["manage_closely"]] == ["C", "A", "B"]
