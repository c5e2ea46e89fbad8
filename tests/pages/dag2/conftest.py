"""Fixtures and helpers for the Dag 2 tests: a map with hostile names, and reading the SVG pictures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.support.maps import person, relation
from wijwerken_widgets.core.text import without_hidden
from wijwerken_widgets.shared.stakeholders.model import StakeholderMap

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"


@pytest.fixture
def tricky_map() -> StakeholderMap:
    """Four stakeholders whose names and notes try to break out of HTML, SVG and JSON, and four relations."""
    people = [
        person("a", "Wethouder Jansen", soort="bestuur", invloed=5, belang=4, houding="voorstander",
               energie_nu="steunend", energie_gewenst="trekker"),
        person("b", IMG, positie="extern", invloed=2, belang=2, notitie="Zie <a href='https://example.org'>dit</a>"),
        person("c", SCRIPT, invloed=1, belang=3, houding="tegenstander", notitie="HREF en Href en hReF"),
        person("d", 'Team "Wmo" & Jeugd', soort="collega", houding="neutraal"),
    ]
    relations = [
        relation("r1", "a", "b", "spanning", 3),
        relation("r2", "a", "b", "informeel", 1),
        relation("r3", "b", "c", "formele_lijn", 2),
        relation("r4", "c", "d", "samenwerking", 1),
    ]
    return StakeholderMap.build(people, relations)


def svg_texts(svg: str) -> list[str]:
    """The text of every ``<text>`` element, as a participant reads it."""
    root = ET.fromstring(svg)
    return ["".join(e.itertext()) for e in root.iter() if e.tag == "text"]


def svg_titles(svg: str, *, isolates: bool = False) -> list[str]:
    """Every ``<title>`` (the tooltips), the isolates around names left out unless ``isolates``."""
    titles = [e.text or "" for e in ET.fromstring(svg).iter() if e.tag == "title"]
    return titles if isolates else [without_hidden(t) for t in titles]
