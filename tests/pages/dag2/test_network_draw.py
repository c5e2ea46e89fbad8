"""Dag 2's network picture: the pyvis document, its sandboxed iframe and the standalone export page."""

from __future__ import annotations

import json
import re
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest
import pyvis

from tests.pages.dag2.conftest import IMG
from tests.support.maps import chain_map
from wijwerken_widgets.pages.dag2 import texts
from wijwerken_widgets.pages.dag2.network_draw import (
    HOUDING_COLOURS,
    graph_document,
    graph_iframe,
    standalone_document,
)
from wijwerken_widgets.shared.stakeholders.layout import layout
from wijwerken_widgets.shared.stakeholders.model import HOUDINGEN, RELATIE_SOORTEN, StakeholderMap

PYVIS_LIB = Path(pyvis.__file__).parent / "templates" / "lib"
EMPTY_MESSAGE = texts.load().exercises.network.picture.empty


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


# --- the document ---------------------------------------------------------------------------------------------------


def test_graph_document_has_every_name_as_escaped_json_and_cannot_leave_its_script(tricky_map: StakeholderMap) -> None:
    """Do names reach the page only as JSON inside the script, with `<`, `>` and `&` escaped, so no tag can be
    closed?"""
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
    """Is every "href" in a title broken up, since pyvis uses an innerHTML popup as soon as any title contains one?"""
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
    """Does no src/href point off the machine, leaving URLs only inside vis-network's inlined library text (and, as
    inert tooltip text in the JSON, a URL a participant typed into a note)?"""
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
    """Do the nodes stay where the group put them (physics off), while dragging and zooming still work?"""
    positions = {"a": (0.0, 0.0), "b": (120.5, -40.0), "c": (-200.0, 80.0), "d": (10.0, 300.0)}
    document = graph_document(tricky_map, positions)
    options = vis_json(document, "var options = ")
    assert options["physics"]["enabled"] is False
    assert options["interaction"]["dragNodes"] is True and options["interaction"]["zoomView"] is True
    nodes = vis_json(document, "nodes = new vis.DataSet(")
    assert {n["id"]: (n["x"], n["y"]) for n in nodes} == positions
    assert all(n["physics"] is False for n in nodes)


def test_node_and_edge_styles_follow_the_map(tricky_map: StakeholderMap) -> None:
    """Do colour, shape and size follow houding, positie and invloed, and do line styles follow the relation?"""
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
    """Does the document carry its legend, and the drag script only when it is interactive?"""
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
    """Does an empty map get a message instead of a canvas (and no script at all)?"""
    document = graph_document(StakeholderMap(), {})
    assert EMPTY_MESSAGE in document
    assert "vis.Network" not in document and "<script" not in document
    assert document.startswith("<!DOCTYPE html>")


def test_missing_positions_are_filled_in(tricky_map: StakeholderMap) -> None:
    """Does a stakeholder without a stored position still get a place in the drawing?"""
    document = graph_document(tricky_map, {"a": (5.0, 5.0)})
    nodes = {n["id"]: (n["x"], n["y"]) for n in vis_json(document, "nodes = new vis.DataSet(")}
    assert nodes["a"] == (5.0, 5.0) and len(nodes) == 4


@pytest.mark.parametrize("line", ["", "Wethouder Jansen", " voor", "achter ", "   ", "tab\there", "regel\nbreuk",
                                  "x" * 60, "x" * 61, "nbsp\u00a0hier", "Energie: Neutraal → Trekker", "a  b",
                                  "\u200bnul", "Notitie: " + "lang woord " * 12])
def test_tooltip_lines_wrap_exactly_as_textwrap(line: str) -> None:
    """The shortcut for lines that already fit gives what ``textwrap.wrap`` gives."""
    from wijwerken_widgets.pages.dag2 import network_draw

    assert network_draw._wrap(line) == (textwrap.wrap(line, 60, break_long_words=True) or [""])


def test_iframe_escapes_the_document_and_keeps_the_sandbox_closed(tricky_map: StakeholderMap) -> None:
    """Is the document escaped into the iframe's srcdoc exactly, in a sandbox without same-origin access?"""
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
    """Does the downloadable page escape its title and leave out the workbook's drag script?"""
    document = standalone_document(tricky_map, layout(tricky_map), "<b>Groep 3</b> & co")
    assert "<h1>&lt;b&gt;Groep 3&lt;/b&gt; &amp; co</h1>" in document
    assert "<title>&lt;b&gt;Groep 3&lt;/b&gt; &amp; co</title>" in document
    assert "Gemaakt op " in document and "postMessage" not in document
    assert "vis.Network" in document and "https://cdn" not in document
    empty = standalone_document(StakeholderMap(), {}, "Groep <1>")
    assert EMPTY_MESSAGE in empty and "<h1>Groep &lt;1&gt;</h1>" in empty


def test_the_library_can_come_from_the_workbooks_own_server(tricky_map: StakeholderMap) -> None:
    """With a library URL, is vis-network referenced (tiny document) instead of inlined, and only that changes?"""
    from wijwerken_widgets.pages.dag2.network_pyvis import use_library

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


# --- in a real browser ----------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_the_iframe_draws_offline_keeps_names_as_text_and_reports_drags(tricky_map: StakeholderMap, browser) -> None:
    """Does Chromium draw the canvas with nothing fetched, run none of the names, and post new positions after a
    drag?"""
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


def test_the_tooltip_names_the_functie_beside_the_kind_when_there_is_one() -> None:
    """Does the tooltip's second line say the functie (isolated, like the name) before the kind, and only when the
    stakeholder has one?"""
    from tests.support.maps import person
    from wijwerken_widgets.pages.dag2.network_draw import node_tooltip

    with_functie = node_tooltip(person("a", "Jansen", functie="Wethouder Wonen", soort="bestuur")).split("\n")
    assert with_functie[1] == "\u2068Wethouder Wonen\u2069 · Bestuur · Intern"
    without = node_tooltip(person("b", "Pieters", soort="bestuur", positie="extern")).split("\n")
    assert without[1] == "Bestuur · Extern"
