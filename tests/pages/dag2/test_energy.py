"""Dag 2's energy view: the picture, its table and the shortlist."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.pages.dag2.conftest import IMG
from tests.support.maps import chain_map, map_session, person
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.pages.dag2.energy import EnergyView, energy_table_html
from wijwerken_widgets.pages.dag2.energy_draw import MAX_ROWS
from wijwerken_widgets.shared.stakeholders.model import StakeholderMap
from wijwerken_widgets.ui.context import Context

PAGE = texts.load()
PART = PAGE.exercises.energy


def test_the_energy_table_says_now_desired_and_the_shortlist_biggest_gap_first() -> None:
    """Is the picture's content a folded, escaped table (caption, headers), biggest gap first, shortlisted ones
    marked?"""
    m = StakeholderMap.build([person("a", "Rustig"), person("b", IMG, energie_nu="weerstand", energie_gewenst="trekker")])
    markup = energy_table_html(m, PART, PAGE)
    assert "<img" not in markup
    details = ET.fromstring(markup)
    assert details.tag == "details" and details.find("summary").text == PART.table.summary
    table = details.find("div/table")
    assert "2 stakeholders" in table.find("caption").text
    assert all(th.get("scope") == "col" for th in table.findall("thead/tr/th"))
    rows = [["".join(cell.itertext()) for cell in row] for row in table.find("tbody")]
    assert rows == [[IMG, "Weerstand → Trekker", PART.table.listed], ["Rustig", "Neutraal → Neutraal", ""]]


def test_the_view_shows_the_table_only_with_stakeholders(ctx: Context) -> None:
    """An empty map has no table; once someone is on the map the table is under the picture."""
    session = map_session(ctx)
    view = EnergyView(session, PART)
    assert "<details" not in view.value
    session.add([person("a", "Wijkagent")])
    assert view.value.index("<figure") < view.value.index("<details") < view.value.index(PART.shortlist_title)


def test_the_energy_table_has_as_many_rows_as_the_picture() -> None:
    """Above the picture's MAX_ROWS, does the table stop there too and say how many others there are?"""
    m = chain_map(MAX_ROWS + 5, links=False)
    details = ET.fromstring(energy_table_html(m, PART, PAGE))
    assert len(details.find("div/table/tbody")) == MAX_ROWS
    assert details.find("p").text == PART.picture.rest.format(n=5)
