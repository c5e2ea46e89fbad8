"""Dag 2's energy view as one inline SVG: energy now → desired per stakeholder, the shortlist marked."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.pages.dag2.conftest import IMG, svg_texts
from tests.support.maps import person
from wijwerken_widgets.core.text import without_hidden
from wijwerken_widgets.pages.dag2.energy_draw import FALLING, MAX_ROWS, RISING, energy_svg
from wijwerken_widgets.shared.stakeholders.model import ENERGIE, StakeholderMap


def energy_rows(svg: str) -> list[ET.Element]:
    return ET.fromstring(svg).findall(".//g[@class='wk-row']")


def test_energy_rows_biggest_gap_first_and_arrows_by_direction() -> None:
    """Do the biggest gaps come first, with a dark arrow up, a grey arrow down and only a dot for no change?"""
    people = [
        person("a", "Zelfde", energie_nu="neutraal", energie_gewenst="neutraal"),
        person("b", "Omlaag", energie_nu="trekker", energie_gewenst="steunend"),
        person("c", "Grote stap", energie_nu="onbewust", energie_gewenst="trekker"),
        person("d", "Beetje", energie_nu="weerstand", energie_gewenst="neutraal"),
        person("e", "Ander beetje", energie_nu="neutraal", energie_gewenst="trekker"),
    ]
    svg = energy_svg(StakeholderMap.build(people))
    rows = energy_rows(svg)
    names = [without_hidden(row.find("title").text).split(":")[0] for row in rows]
    assert names == ["Grote stap", "Ander beetje", "Beetje", "Omlaag", "Zelfde"]
    by_name = dict(zip(names, rows))
    assert by_name["Grote stap"].find("line").get("stroke") == RISING
    assert by_name["Omlaag"].find("line").get("stroke") == FALLING
    assert by_name["Zelfde"].find("line") is None and by_name["Zelfde"].find("circle") is not None
    header = [t for t in svg_texts(svg) if t in ENERGIE.values()]
    assert header == list(ENERGIE.values())
    # The arrow of "Grote stap" runs from the first column to the last.
    start = float(by_name["Grote stap"].find("circle").get("cx"))
    tip = max(float(v) for v in re.findall(r"[ML]([\d.]+) ", by_name["Grote stap"].find("path").get("d")))
    assert start < tip and tip - start > 3 * 100


def test_energy_highlight_escape_and_long_names(tricky_map: StakeholderMap) -> None:
    """Are the shortlisted rows bold with a star, hostile names plain text, and long names shortened?"""
    long_name = "Regionaal samenwerkingsverband sociaal domein"
    m = tricky_map.with_stakeholder(person("z", long_name, energie_nu="weerstand", energie_gewenst="steunend"))
    svg = energy_svg(m, highlight=["a", "z", "unknown-id"])
    assert "<img" not in svg and "<script" not in svg
    rows = {without_hidden(row.find("title").text).split(": ")[0]: row for row in energy_rows(svg)}
    assert set(rows) == {s.naam for s in m.stakeholders}
    bold = {n for n, row in rows.items() if any(t.get("font-weight") == "bold" for t in row.iter("text"))}
    starred = {n for n, row in rows.items() if "★" in "".join(row.itertext())}
    assert bold == starred == {"Wethouder Jansen", long_name}
    assert "Regionaal samenwerkingsverban…" in svg_texts(svg)
    assert IMG in svg_texts(svg)


def test_energy_caps_the_rows_and_counts_the_rest() -> None:
    """Are at most MAX_ROWS rows drawn, biggest gaps first, with a line counting the others?"""
    people = [person(f"p{i}", f"Persoon {i:02d}", energie_nu="neutraal",
                     energie_gewenst="steunend" if i < 10 else "neutraal") for i in range(75)]
    svg = energy_svg(StakeholderMap.build(people))
    rows = energy_rows(svg)
    assert len(rows) == MAX_ROWS
    assert [without_hidden(r.find("title").text).split(":")[0] for r in rows[:10]] == [f"Persoon {i:02d}" for i in range(10)]
    assert "… en 15 anderen zonder groot verschil" in svg_texts(svg)
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("width") == "100%"


def test_energy_of_an_empty_map() -> None:
    """Does an empty map say there is nobody on it yet, without rows?"""
    svg = energy_svg(StakeholderMap())
    assert "Nog geen stakeholders op de kaart." in svg_texts(svg)
    assert energy_rows(svg) == []
