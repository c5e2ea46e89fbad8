"""Dag 2's invloed × belang grid (Mendelow) as one inline SVG."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.pages.dag2.conftest import svg_texts, svg_titles
from tests.support.maps import person
from wijwerken_widgets.pages.dag2 import texts as dag2_texts
from wijwerken_widgets.pages.dag2.grid_draw import QUADRANTS, grid_svg
from wijwerken_widgets.pages.dag2.network_draw import HOUDING_COLOURS
from wijwerken_widgets.shared.stakeholders.model import Stakeholder, StakeholderMap


def quadrants() -> list[tuple[str, str]]:
    """(title, advice) of the four quadrants, as dag2.yaml words them."""
    words = dag2_texts.load().exercises.grid.picture.quadrants
    return [(getattr(words, name).title, getattr(words, name).advice) for name, _ in QUADRANTS.values()]


def test_power_grid_escapes_names_and_shows_the_quadrants(tricky_map: StakeholderMap) -> None:
    """Is the grid well-formed, accessible SVG with its four quadrants and advice, and every name as text?"""
    svg = grid_svg(tricky_map)
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag == "svg" and root.get("role") == "img" and "4 stakeholders" in root.get("aria-label")
    assert root.get("width") == "100%" and root.get("viewBox")
    assert "<img" not in svg and "<script" not in svg and "http" not in svg
    texts = svg_texts(svg)
    for title, advice in quadrants():
        assert title in texts and advice in texts
    assert "Belang →" in texts and "Invloed →" in texts
    assert "Nauw betrekken" in texts and "Monitoren" in texts
    titles = svg_titles(svg)
    for s in tricky_map.stakeholders:
        assert any(t.startswith(s.naam + " — ") for t in titles)
        assert any(t.startswith(f"\u2068{s.naam}\u2069 — ") for t in svg_titles(svg, isolates=True))
    assert "<img src=x onerro…" in texts  # shortened on the grid, full name in the tooltip
    assert 'Team "Wmo" & Jeugd' in texts


def test_power_grid_lists_a_crowded_cell_with_more() -> None:
    """Does a full cell show the first few names and "+N meer", with the others named in its tooltip?"""
    crowd = [person(f"p{i}", f"Medewerker {i:02d}", invloed=3, belang=3) for i in range(11)]
    others = [person("q", "Burgemeester", invloed=5, belang=5), person("r", "Buurman", invloed=1, belang=1)]
    m = StakeholderMap.build([*crowd, *others])
    svg = grid_svg(m)
    texts = svg_texts(svg)
    shown = [t for t in texts if t.startswith("Medewerker")]
    more = [t for t in texts if t.endswith(" meer")]
    assert more == ["+7 meer"] and len(shown) == 4
    assert "Burgemeester" in texts and "Buurman" in texts
    hidden = [t for t in svg_titles(svg) if t.startswith("Medewerker 04, ")]
    assert hidden == [", ".join(f"Medewerker {i:02d}" for i in range(4, 11))]
    people = ET.fromstring(svg).findall(".//g[@class='wk-person']")
    assert len(people) + 7 == len(m)


def test_power_grid_points_take_the_houding_colour() -> None:
    """Do the markers take the houding's colour, a circle for intern and a diamond for extern (as in the network)?"""
    m = StakeholderMap.build([person("a", "A", houding="tegenstander"), person("b", "B", houding="voorstander",
                                                                                 positie="extern", invloed=5)])
    root = ET.fromstring(grid_svg(m))
    markers = [g[1] for g in root.findall(".//g[@class='wk-person']")]
    assert [(e.tag, e.get("fill")) for e in markers] == [
        ("circle", HOUDING_COLOURS["tegenstander"]), ("path", HOUDING_COLOURS["voorstander"])]


def test_power_grid_of_an_empty_map_and_of_odd_characters() -> None:
    """Does an empty map still show the quadrants with a hint, and are characters XML cannot hold dropped?"""
    svg = grid_svg(StakeholderMap())
    assert any("Nog geen stakeholders" in t for t in svg_texts(svg))
    assert all(title in svg_texts(svg) for title, _ in quadrants())
    odd = StakeholderMap.build([Stakeholder(id="x", naam="Bel\x01 \x1b[0m & <co>")])
    texts = svg_texts(grid_svg(odd))
    assert "Bel [0m & <co>" in texts
