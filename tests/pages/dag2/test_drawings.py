"""Dag 2's pictures of a stakeholder map: the network document (pyvis), the power/interest grid and the energy view."""

from __future__ import annotations

import json
import math
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import pyvis

from wijwerken_widgets.pages.dag2.energy_draw import FALLING, MAX_ROWS, RISING, energy_svg
from wijwerken_widgets.pages.dag2.grid_draw import QUADRANTS, power_grid_svg
from wijwerken_widgets.pages.dag2.network_draw import (
    EMPTY_MESSAGE,
    HOUDING_COLOURS,
    graph_document,
    graph_iframe,
    standalone_document,
)
from wijwerken_widgets.shared.stakeholders.layout import SPACING, layout, place_new
from wijwerken_widgets.shared.stakeholders.model import (
    ENERGIE,
    HOUDINGEN,
    RELATIE_SOORTEN,
    Relation,
    Stakeholder,
    StakeholderMap,
    validate_relation,
    validate_stakeholder,
)

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"
PYVIS_LIB = Path(pyvis.__file__).parent / "templates" / "lib"


def person(item_id: str, naam: str, **fields: object) -> Stakeholder:
    return validate_stakeholder({"naam": naam, **fields}, item_id=item_id)


def relation(item_id: str, van: str, naar: str, soort: str = "samenwerking", sterkte: int = 2) -> Relation:
    return validate_relation({"van": van, "naar": naar, "soort": soort, "sterkte": sterkte}, item_id=item_id)


@pytest.fixture
def tricky_map() -> StakeholderMap:
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


def chain_map(n: int, links: bool = True) -> StakeholderMap:
    """n people; with ``links`` a ring plus a few chords, so the spring layout has real work to do."""
    people = [person(f"p{i:04d}", f"Persoon {i}", invloed=1 + i % 5, belang=1 + (i * 3) % 5) for i in range(n)]
    relations = []
    if links and n > 1:
        relations = [relation(f"r{i}", f"p{i:04d}", f"p{(i + 1) % n:04d}") for i in range(n)]
        relations += [relation(f"c{i}", f"p{i:04d}", f"p{(i * 7 + 3) % n:04d}", "informeel") for i in range(0, n, 5)]
    return StakeholderMap.build(people, relations)


def vis_json(document: str, marker: str) -> object:
    """The JSON value pyvis wrote right after ``marker`` (e.g. ``new vis.DataSet(``)."""
    start = document.index(marker) + len(marker)
    value, _ = json.JSONDecoder().raw_decode(document[start:])
    return value


def jinja_json(value: object) -> str:
    """How Jinja's ``tojson`` (used by pyvis' template) writes a string into the page."""
    text = json.dumps(value)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027")


class _Tags(HTMLParser):
    """Every start tag with its (unescaped) attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(document: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(document)
    return parser.tags


# --- graph_html: the document --------------------------------------------------------------------------------------


def test_graph_document_has_every_name_as_escaped_json_and_cannot_leave_its_script(tricky_map: StakeholderMap) -> None:
    """Names reach the page only as JSON inside the script, with `<`, `>` and `&` escaped: no tag can be closed."""
    document = graph_document(tricky_map, layout(tricky_map))
    nodes = vis_json(document, "nodes = new vis.DataSet(")
    assert sorted(n["id"] for n in nodes) == ["a", "b", "c", "d"]
    for s in tricky_map.stakeholders:
        assert jinja_json(s.naam)[1:-1] in document  # in the tooltip; the canvas label may be shortened
    assert IMG not in document and "<img" not in document
    assert "alert(1)</script>" not in document and "<script>alert" not in document
    # An HTML tokenizer sees pyvis' utils.js, vis-network, drawGraph() and the drag script, and only the tags the
    # document means to have: a name that closed a script would add more.
    found = [tag for tag, _ in tags(document)]
    assert found.count("script") == 4
    expected = {"html", "head", "meta", "title", "script", "style", "body", "div", "span", "b", "svg", "circle", "path",
                "line"}
    assert set(found) <= expected


def test_titles_never_switch_pyvis_to_its_html_popup(tricky_map: StakeholderMap) -> None:
    """pyvis uses an innerHTML popup as soon as any title contains "href": every "href" is broken up."""
    document = graph_document(tricky_map, layout(tricky_map))
    nodes = vis_json(document, "nodes = new vis.DataSet(")
    edges = vis_json(document, "edges = new vis.DataSet(")
    titles = [n["title"] for n in nodes] + [e["title"] for e in edges]
    assert not any(re.search("href", title, re.IGNORECASE) for title in titles)
    by_id = {n["id"]: n["title"] for n in nodes}
    assert "<a h\u200bref='https://example.org'>dit</a>" in by_id["b"]
    assert "H\u200bREF en H\u200bref en h\u200bReF" in by_id["c"]
    assert "popup.innerHTML" not in document and "div.popup" not in document
    assert "Energie: Steunend → Trekker" in by_id["a"]


def test_document_loads_nothing_from_another_host(tricky_map: StakeholderMap) -> None:
    """No src/href points off the machine; the only URLs left are inside vis-network's inlined library text
    (and, as inert tooltip text in the JSON, a URL a participant typed into a note)."""
    document = graph_document(tricky_map, layout(tricky_map))
    attributes = [(name, value) for _, attrs in tags(document) for name, value in attrs.items()]
    assert not [a for a in attributes if a[0] in {"src", "href", "action", "srcset"}]
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", document, re.IGNORECASE)
    assert "cdn.jsdelivr" not in document and "cdnjs" not in document and "bootstrap" not in document
    libraries = [PYVIS_LIB / "vis-9.1.2" / "vis-network.min.js", PYVIS_LIB / "bindings" / "utils.js"]
    rest = graph_document(chain_map(5), layout(chain_map(5)))
    for library in libraries:
        text = library.read_text(encoding="utf-8")
        assert text in rest
        rest = rest.replace(text, "")
    assert "http://" not in rest and "https://" not in rest and "//cdn" not in rest


def test_physics_is_off_and_the_given_positions_are_used(tricky_map: StakeholderMap) -> None:
    positions = {"a": (0.0, 0.0), "b": (120.5, -40.0), "c": (-200.0, 80.0), "d": (10.0, 300.0)}
    document = graph_document(tricky_map, positions)
    options = vis_json(document, "var options = ")
    assert options["physics"]["enabled"] is False
    assert options["interaction"]["dragNodes"] is True and options["interaction"]["zoomView"] is True
    nodes = vis_json(document, "nodes = new vis.DataSet(")
    assert {n["id"]: (n["x"], n["y"]) for n in nodes} == positions
    assert all(n["physics"] is False for n in nodes)


def test_node_and_edge_styles_follow_the_map(tricky_map: StakeholderMap) -> None:
    document = graph_document(tricky_map, layout(tricky_map))
    nodes = {n["id"]: n for n in vis_json(document, "nodes = new vis.DataSet(")}
    assert nodes["a"]["color"]["background"] == HOUDING_COLOURS["voorstander"]
    assert nodes["c"]["color"]["background"] == HOUDING_COLOURS["tegenstander"]
    assert nodes["b"]["shape"] == "diamond" and nodes["a"]["shape"] == "dot"
    assert nodes["a"]["size"] > nodes["d"]["size"] > nodes["c"]["size"]  # invloed 5 > 3 > 1
    assert len(set(HOUDING_COLOURS.values())) == len(HOUDINGEN)
    edges = {e["title"].split(" (")[0]: e for e in vis_json(document, "edges = new vis.DataSet(")}
    assert set(edges) == {RELATIE_SOORTEN[k] for k in ("spanning", "informeel", "formele_lijn", "samenwerking")}
    assert edges["Spanning"]["dashes"] and not edges["Samenwerking"]["dashes"]
    assert edges["Spanning"]["width"] > edges["Informeel contact"]["width"]
    # Two kinds of relation between a and b: both drawn, the second one bent so it stays visible.
    assert edges["Informeel contact"]["smooth"]["enabled"] is True and edges["Spanning"]["smooth"] is False


def test_legend_and_interactive_script(tricky_map: StakeholderMap) -> None:
    document = graph_document(tricky_map, layout(tricky_map))
    for text in ("Houding:", "Voorstander", "Tegenstander", "Intern", "Extern", "Formele lijn", "Informeel contact",
                 "meer invloed"):
        assert text in document
    script = document.index("wijwerken-positions")
    assert document.index("drawGraph();") < script < document.index("</body>")
    assert '"dragEnd"' in document and "parent.postMessage" in document
    still = graph_document(tricky_map, layout(tricky_map), interactive=False)
    assert "wijwerken-positions" not in still and "postMessage" not in still


def test_empty_map_shows_a_message_instead_of_a_canvas() -> None:
    document = graph_document(StakeholderMap(), {})
    assert EMPTY_MESSAGE in document
    assert "vis.Network" not in document and "<script" not in document
    assert document.startswith("<!DOCTYPE html>")


def test_missing_positions_are_filled_in(tricky_map: StakeholderMap) -> None:
    document = graph_document(tricky_map, {"a": (5.0, 5.0)})
    nodes = {n["id"]: (n["x"], n["y"]) for n in vis_json(document, "nodes = new vis.DataSet(")}
    assert nodes["a"] == (5.0, 5.0) and len(nodes) == 4


def test_iframe_escapes_the_document_and_keeps_the_sandbox_closed(tricky_map: StakeholderMap) -> None:
    document = graph_document(tricky_map, layout(tricky_map)) + '<p title="x">a & b</p>'
    frame = graph_iframe(document, height_px=480, label='Kaart van "groep" & co')
    assert frame.startswith("<iframe ") and frame.endswith("></iframe>")
    found = tags(frame)
    assert [tag for tag, _ in found] == ["iframe"]
    attributes = found[0][1]
    assert attributes["srcdoc"] == document  # escaped on the way in, exactly the document on the way out
    assert attributes["sandbox"] == "allow-scripts" and "allow-same-origin" not in frame
    assert attributes["title"] == 'Kaart van "groep" & co'
    assert "height:480px" in attributes["style"]
    assert "&quot;x&quot;" in frame and "a &amp; b" in frame


def test_standalone_document_has_an_escaped_heading_and_no_page_script(tricky_map: StakeholderMap) -> None:
    document = standalone_document(tricky_map, layout(tricky_map), "<b>Groep 3</b> & co")
    assert "<h1>&lt;b&gt;Groep 3&lt;/b&gt; &amp; co</h1>" in document
    assert "<title>&lt;b&gt;Groep 3&lt;/b&gt; &amp; co</title>" in document
    assert "Gemaakt op " in document and "postMessage" not in document
    assert "vis.Network" in document and "https://cdn" not in document
    empty = standalone_document(StakeholderMap(), {}, "Groep <1>")
    assert EMPTY_MESSAGE in empty and "<h1>Groep &lt;1&gt;</h1>" in empty


# --- graph_html: layout --------------------------------------------------------------------------------------------


def min_distance(positions: dict[str, tuple[float, float]]) -> float:
    points = list(positions.values())
    return min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1:])


@pytest.mark.parametrize("n", [0, 1, 2, 50])
def test_layout_places_everyone_deterministically(n: int) -> None:
    m = chain_map(n)
    positions = layout(m)
    assert set(positions) == {s.id for s in m.stakeholders}
    assert layout(m) == positions
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())
    if n > 1:
        assert min_distance(positions) >= 0.7 * SPACING


def test_layout_keeps_fixed_positions_and_puts_the_others_near_their_relations() -> None:
    m = chain_map(50)
    first = layout(m)
    fixed = {i: first[i] for i in list(first)[:40]}
    fixed["p0000"] = (5000.0, 5000.0)  # a position the spring layout would never choose
    again = layout(m, fixed)
    assert {i: again[i] for i in fixed} == fixed
    assert set(again) == set(first)
    assert min_distance(again) >= 0.5 * SPACING
    edges = [math.dist(again[r.van], again[r.naar]) for r in m.relations if r.soort == "samenwerking"]
    assert sorted(edges)[len(edges) // 2] < 4 * SPACING


def test_layout_without_relations_is_a_tidy_spiral() -> None:
    positions = layout(chain_map(30, links=False))
    assert 0.9 * SPACING <= min_distance(positions) <= 1.3 * SPACING
    radius = max(math.hypot(x, y) for x, y in positions.values())
    assert radius < 5 * SPACING  # about sqrt(30) neighbour distances across, not a long row


def test_layout_of_600_people_uses_the_scipy_energy_method() -> None:
    m = chain_map(600)
    fixed = {"p0001": (0.0, 0.0), "p0300": (900.0, 0.0)}
    positions = layout(m, fixed)
    assert len(positions) == 600 and positions["p0001"] == (0.0, 0.0) and positions["p0300"] == (900.0, 0.0)
    assert min_distance(positions) >= 0.5 * SPACING
    ring = sorted(math.dist(positions[r.van], positions[r.naar]) for r in m.relations if r.soort == "samenwerking")
    ids = sorted(positions)
    across = sorted(math.dist(positions[ids[i]], positions[ids[(i + 300) % 600]]) for i in range(600))
    assert ring[300] < across[300] / 4  # related people end up near each other, far from the rest


def test_place_new_moves_nobody_and_puts_newcomers_by_their_neighbours() -> None:
    m = chain_map(20)
    positions = layout(m)
    friend = person("new1", "Nieuwe collega")
    loner = person("new2", "Losse eend")
    bigger = StakeholderMap.build([*m.stakeholders, friend, loner], [*m.relations, relation("rn", "new1", "p0005")])
    placed = place_new(bigger, positions, ["new1", "new2"])
    assert {i: placed[i] for i in positions} == positions
    assert math.dist(placed["new1"], positions["p0005"]) < 2 * SPACING
    centre = (sum(x for x, _ in positions.values()) / 20, sum(y for _, y in positions.values()) / 20)
    outer = max(math.dist(centre, p) for p in positions.values())
    assert math.dist(centre, placed["new2"]) > outer
    for new in ("new1", "new2"):
        assert min(math.dist(placed[new], p) for i, p in placed.items() if i != new) >= 0.85 * SPACING


# --- grid_svg ------------------------------------------------------------------------------------------------------


def svg_texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(e.itertext()) for e in root.iter() if e.tag == "text"]


def svg_titles(svg: str) -> list[str]:
    return [e.text or "" for e in ET.fromstring(svg).iter() if e.tag == "title"]


def test_power_grid_escapes_names_and_shows_the_quadrants(tricky_map: StakeholderMap) -> None:
    svg = power_grid_svg(tricky_map)
    root = ET.fromstring(svg)  # well-formed XML
    assert root.tag == "svg" and root.get("role") == "img" and "4 stakeholders" in root.get("aria-label")
    assert root.get("width") == "100%" and root.get("viewBox")
    assert "<img" not in svg and "<script" not in svg and "http" not in svg
    texts = svg_texts(svg)
    for title, advice, _ in QUADRANTS.values():
        assert title in texts and advice in texts
    assert "Belang →" in texts and "Invloed →" in texts
    assert "Nauw betrekken" in texts and "Monitoren" in texts
    titles = svg_titles(svg)
    for s in tricky_map.stakeholders:
        assert any(t.startswith(s.naam + " — ") for t in titles)
    assert "<img src=x onerro…" in texts  # shortened on the grid, full name in the tooltip
    assert 'Team "Wmo" & Jeugd' in texts


def test_power_grid_lists_a_crowded_cell_with_more() -> None:
    crowd = [person(f"p{i}", f"Medewerker {i:02d}", invloed=3, belang=3) for i in range(11)]
    others = [person("q", "Burgemeester", invloed=5, belang=5), person("r", "Buurman", invloed=1, belang=1)]
    m = StakeholderMap.build([*crowd, *others])
    svg = power_grid_svg(m)
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
    m = StakeholderMap.build([person("a", "A", houding="tegenstander"), person("b", "B", houding="voorstander",
                                                                                 positie="extern", invloed=5)])
    root = ET.fromstring(power_grid_svg(m))
    markers = [g[1] for g in root.findall(".//g[@class='wk-person']")]
    assert [(e.tag, e.get("fill")) for e in markers] == [
        ("circle", HOUDING_COLOURS["tegenstander"]), ("path", HOUDING_COLOURS["voorstander"])]


def test_power_grid_of_an_empty_map_and_of_odd_characters() -> None:
    svg = power_grid_svg(StakeholderMap())
    assert any("Nog geen stakeholders" in t for t in svg_texts(svg))
    assert all(title in svg_texts(svg) for title, _, _ in QUADRANTS.values())
    odd = StakeholderMap.build([Stakeholder(id="x", naam="Bel\x01 \x1b[0m & <co>")])
    texts = svg_texts(power_grid_svg(odd))
    assert "Bel [0m & <co>" in texts


# --- energy_svg ----------------------------------------------------------------------------------------------------


def energy_rows(svg: str) -> list[ET.Element]:
    return ET.fromstring(svg).findall(".//g[@class='wk-row']")


def test_energy_rows_biggest_gap_first_and_arrows_by_direction() -> None:
    people = [
        person("a", "Zelfde", energie_nu="neutraal", energie_gewenst="neutraal"),
        person("b", "Omlaag", energie_nu="trekker", energie_gewenst="steunend"),
        person("c", "Grote stap", energie_nu="onbewust", energie_gewenst="trekker"),
        person("d", "Beetje", energie_nu="weerstand", energie_gewenst="neutraal"),
        person("e", "Ander beetje", energie_nu="neutraal", energie_gewenst="trekker"),
    ]
    svg = energy_svg(StakeholderMap.build(people))
    rows = energy_rows(svg)
    names = [row.find("title").text.split(":")[0] for row in rows]
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
    long_name = "Regionaal samenwerkingsverband sociaal domein"
    m = tricky_map.with_stakeholder(person("z", long_name, energie_nu="weerstand", energie_gewenst="steunend"))
    svg = energy_svg(m, highlight=["a", "z", "unknown-id"])
    assert "<img" not in svg and "<script" not in svg
    rows = {row.find("title").text.split(": ")[0]: row for row in energy_rows(svg)}
    assert set(rows) == {s.naam for s in m.stakeholders}
    bold = {n for n, row in rows.items() if any(t.get("font-weight") == "bold" for t in row.iter("text"))}
    starred = {n for n, row in rows.items() if "★" in "".join(row.itertext())}
    assert bold == starred == {"Wethouder Jansen", long_name}
    assert "Regionaal samenwerkingsverban…" in svg_texts(svg)
    assert IMG in svg_texts(svg)


def test_energy_caps_the_rows_and_counts_the_rest() -> None:
    people = [person(f"p{i}", f"Persoon {i:02d}", energie_nu="neutraal",
                     energie_gewenst="steunend" if i < 10 else "neutraal") for i in range(75)]
    svg = energy_svg(StakeholderMap.build(people))
    rows = energy_rows(svg)
    assert len(rows) == MAX_ROWS
    assert [r.find("title").text.split(":")[0] for r in rows[:10]] == [f"Persoon {i:02d}" for i in range(10)]
    assert "… en 15 anderen zonder groot verschil" in svg_texts(svg)
    root = ET.fromstring(svg)
    assert root.get("role") == "img" and root.get("width") == "100%"


def test_energy_of_an_empty_map() -> None:
    svg = energy_svg(StakeholderMap())
    assert "Nog geen stakeholders op de kaart." in svg_texts(svg)
    assert energy_rows(svg) == []


# --- in a real browser ----------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_iframe_draws_offline_keeps_names_as_text_and_reports_drags(tricky_map: StakeholderMap, browser) -> None:
    """Chromium draws the canvas with nothing fetched, runs none of the names, and a drag posts new positions."""
    from tests.support.browser import RequestLog

    positions = layout(tricky_map)
    page_html = (
        "<!DOCTYPE html><html><body style='margin:0'>"
        "<script>window.received = []; window.addEventListener('message', e => window.received.push(e.data));</script>"
        + graph_iframe(graph_document(tricky_map, positions)) + "</body></html>"
    )
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    try:
        requests = RequestLog(context)
        dialogs: list[str] = []
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.set_content(page_html)
        frame = page.frames[1]
        frame.wait_for_selector("#mynetwork canvas", timeout=15_000)
        size = frame.evaluate("() => { const c = document.querySelector('#mynetwork canvas');"
                              " return [c.clientWidth, c.clientHeight]; }")
        assert size[0] > 500 and size[1] > 300
        assert frame.evaluate("() => network.body.data.nodes.length") == 4
        # Drag node "d" 60 px to the right: the page receives its new position.
        target = frame.evaluate("() => network.canvasToDOM(network.getPositions(['d']).d)")
        box = frame.locator("#mynetwork").bounding_box()
        x, y = box["x"] + target["x"], box["y"] + target["y"]
        page.mouse.move(x, y)
        page.mouse.down()
        for step in range(1, 7):
            page.mouse.move(x + 10 * step, y + 2, steps=2)
        page.mouse.up()
        page.wait_for_function("() => window.received.length > 0", timeout=5_000)
        message = page.evaluate("() => window.received[window.received.length - 1]")
        assert message["type"] == "wijwerken-positions" and list(message["positions"]) == ["d"]
        assert message["positions"]["d"]["x"] > positions["d"][0] + 20
        # Hovering the node with a hostile name shows its tooltip as text.
        target = frame.evaluate("() => network.canvasToDOM(network.getPositions(['b']).b)")
        page.mouse.move(box["x"] + target["x"], box["y"] + target["y"])
        page.mouse.move(box["x"] + target["x"] + 1, box["y"] + target["y"] + 1)
        frame.wait_for_function("() => { const t = document.querySelector('.vis-tooltip');"
                                " return t && t.style.visibility === 'visible'; }", timeout=5_000)
        tooltip = frame.evaluate("() => { const t = document.querySelector('.vis-tooltip');"
                                 " return [t.textContent, t.querySelectorAll('img, a').length]; }")
        assert IMG in tooltip[0] and tooltip[1] == 0
        page.wait_for_timeout(300)
        assert dialogs == []
        assert requests.off_machine() == []
    finally:
        context.close()


def test_the_library_can_come_from_the_workbooks_own_server(tricky_map: StakeholderMap) -> None:
    """With a library URL, is vis-network referenced (tiny document) instead of inlined, and only that changes?"""
    from wijwerken_widgets.pages.dag2.network_draw import use_library

    positions = layout(tricky_map)
    inline = graph_document(tricky_map, positions)
    served = graph_document(tricky_map, positions, library_url="/voila/templates/wijwerken/static/vis-network/?v=1")
    assert len(served) < len(inline) / 20
    assert '<script src="/voila/templates/wijwerken/static/vis-network/vis-network.min.js?v=1"></script>' in served
    assert 'href="/voila/templates/wijwerken/static/vis-network/vis-network.css?v=1"' in served
    attributes = re.findall(r'(?:src|href)="([^"]*)"', served)
    assert attributes and all(a.startswith("/voila/templates/wijwerken/static/") for a in attributes)
    assert use_library(graph_document(StakeholderMap(), {}), "/x/") == graph_document(StakeholderMap(), {})


def test_the_served_library_is_pyvis_own_copy() -> None:
    """Are the files the template serves byte for byte the vis-network that pyvis inlines (no drift on upgrade)?"""
    import wijwerken_widgets

    ours = Path(wijwerken_widgets.__file__).parent / "jupyter_data/voila/templates/wijwerken/static/vis-network"
    theirs = Path(pyvis.__file__).parent / "templates/lib/vis-9.1.2"
    for name in ("vis-network.min.js", "vis-network.css"):
        assert (ours / name).read_bytes() == (theirs / name).read_bytes()


@pytest.mark.browser
def test_two_graphs_on_one_page_both_draw(tricky_map: StakeholderMap, browser) -> None:
    """Can one page hold several graphs (each its own sandboxed iframe), all of them drawn?"""
    other = StakeholderMap.build(tricky_map.stakeholders[:2])
    page_html = "<!DOCTYPE html><html><body>" + "".join(
        graph_iframe(graph_document(m, layout(m)), height_px=420) for m in (tricky_map, other)
    ) + "</body></html>"
    context = browser.new_context(viewport={"width": 1000, "height": 1000})
    try:
        page = context.new_page()
        page.set_content(page_html)
        assert len(page.frames) == 3
        for frame, count in zip(page.frames[1:], (len(tricky_map), len(other)), strict=True):
            frame.wait_for_function("() => typeof network !== 'undefined'", timeout=15_000)
            assert frame.evaluate("() => network.body.data.nodes.length") == count
            size = frame.evaluate("() => { const c = document.querySelector('#mynetwork canvas');"
                                  " return [c.clientWidth, c.clientHeight]; }")
            assert size[0] > 300 and size[1] > 100
    finally:
        context.close()
