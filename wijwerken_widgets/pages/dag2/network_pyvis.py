"""A pyvis ``Network`` as one clean offline HTML document: pyvis holds the graph, our own small template draws it.

pyvis 0.3.2's ``Network.generate_html()`` renders its ``template.html``, which always links bootstrap from a CDN,
writes ``heading`` unescaped, carries commented-out tags and, once any title contains "href", swaps vis-network's
plain-text tooltip for a popup that sets ``innerHTML``. So the document is rendered here instead, from the data that
pyvis hands out for exactly this (``Network.get_network_data()``: nodes, edges, height, width, options), with
:data:`_TEMPLATE`: the same globals (``network``, ``nodes``, ``edges``), ``drawGraph()`` and pyvis's ``utils.js`` as
pyvis's own in-line document, vis-network from pyvis's copy (inlined, or from a URL on the workbook's own server),
and nothing else: no tag points at another host, so no tag has to be taken out afterwards.

Escaping: nodes, edges and options reach the document only through Jinja's ``tojson`` (``<``, ``>``, ``&`` and
``'`` written as ``\\u…``), the title through autoescaping, the library URL through :func:`html.escape`. ``head``,
``before`` and ``after`` are the caller's own markup and go in as they are: escape what a participant typed first.
"""

from __future__ import annotations

import functools
import html
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pyvis and jinja2 load on first drawing, not with the page
    from jinja2 import Template
    from pyvis.network import Network

VIS_NETWORK = "vis-9.1.2"  # the vis-network that pyvis 0.3.2 bundles, under pyvis/templates/lib/

_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<script>{{ utils }}</script>
{{ library }}
<style type="text/css">
#mynetwork { width: {{ width }}; height: {{ height }}; background-color: #ffffff; border: 1px solid lightgray;
  position: relative; float: left; }
</style>
{{ head }}
</head>
<body>
{{ before }}<div class="card" style="width: 100%">
<div id="mynetwork" class="card-body"></div>
</div>
<script type="text/javascript">
// pyvis's globals, which its utils.js uses
var edges;
var nodes;
var allNodes;
var allEdges;
var nodeColors;
var originalNodes;
var network;
var container;
var options, data;
var filter = {item: "", property: "", value: []};

function drawGraph() {
  var container = document.getElementById("mynetwork");
  nodes = new vis.DataSet({{ nodes|tojson }});
  edges = new vis.DataSet({{ edges|tojson }});
  nodeColors = {};
  allNodes = nodes.get({ returnType: "Object" });
  for (nodeId in allNodes) {
    nodeColors[nodeId] = allNodes[nodeId].color;
  }
  allEdges = edges.get({ returnType: "Object" });
  data = {nodes: nodes, edges: edges};
  var options = {{ options|tojson }};
  network = new vis.Network(container, data, options);
  return network;
}
drawGraph();
</script>
{{ after }}
</body>
</html>
"""


def static_network(height_px: int) -> Network:
    """An undirected pyvis ``Network`` for positions computed in Python: physics off, straight edges, nodes
    draggable, the view draggable and zoomable, tooltips on hover. Give every node its ``x`` and ``y``."""
    from pyvis.network import Network

    net = Network(height=f"{int(height_px)}px", width="100%", directed=False)
    net.toggle_physics(False)
    net.toggle_drag_nodes(True)
    net.options.edges.smooth.enabled = False
    net.options.interaction.__dict__.update(dragView=True, zoomView=True, hover=True)
    return net


def add_edge(net: Network, source: str, target: str, **options: object) -> None:
    """Add an edge as pyvis's ``Network.add_edge`` would, without its scan of every edge per call (quadratic) and
    its rule of one edge per pair: several edges between two nodes all stay. Both nodes must be in ``net``."""
    from pyvis.edge import Edge

    net.edges.append(Edge(source, target, **options).options)


def plain_title(text: str) -> str:
    """``text`` as a node or edge title that pyvis's own template would also show as plain text: it switches to its
    ``innerHTML`` popup as soon as a title contains "href", so a zero-width space goes inside every "href" (any
    case). :data:`_TEMPLATE` has no such popup; this keeps a title safe wherever it ends up."""
    return re.sub(r"(?i)(h)(?=ref)", "\\1\u200b", text)


def document(
    net: Network,
    *,
    title: str,
    lang: str = "nl",
    head: str = "",
    before: str = "",
    after: str = "",
    library_url: str | None = None,
) -> str:
    """``net`` as a complete HTML document that draws without a network connection.

    ``head`` goes at the end of ``<head>`` (after the base style of ``#mynetwork``), ``before`` and ``after`` around
    the graph in ``<body>``; ``after`` follows the script that draws the graph, so it can use ``network``. Without
    ``library_url`` vis-network is inlined (about 0.7 MB). With it (a folder on the workbook's own server holding
    ``vis-network.min.js`` and ``vis-network.css``, ending in "/", optionally followed by a query) the document
    links those files instead.
    """
    from markupsafe import Markup

    nodes, edges, _heading, height, width, options = net.get_network_data()
    return _template().render(
        lang=lang,
        title=title,
        utils=Markup(_assets()[0]),
        library=Markup(_library(library_url)),
        width=width,
        height=height,
        head=Markup(head),
        before=Markup(before),
        after=Markup(after),
        nodes=nodes,
        edges=edges,
        options=json.loads(options),
    )


def use_library(document: str, library_url: str) -> str:
    """A document from :func:`document` with vis-network inlined, linking ``library_url`` instead (see there); any
    other document (e.g. one without a graph) comes back unchanged."""
    inline = _library(None)
    if inline not in document:
        return document
    return document.replace(inline, _library(library_url), 1)


@functools.lru_cache(maxsize=4)
def _library(library_url: str | None) -> str:
    """The tags that load vis-network: inlined, or from ``library_url`` (see :func:`document`)."""
    _, script, style = _assets()
    if library_url is None:
        return f"<style>{style}</style>\n<script>{script}</script>"
    folder, _, query = library_url.partition("?")
    suffix = f"?{query}" if query else ""
    return (f'<link rel="stylesheet" href="{html.escape(folder + "vis-network.css" + suffix)}">\n'
            f'<script src="{html.escape(folder + "vis-network.min.js" + suffix)}"></script>')


@functools.cache
def _assets() -> tuple[str, str, str]:
    """pyvis's ``utils.js`` and its vis-network script and stylesheet, read once per kernel."""
    import pyvis

    folder = Path(pyvis.__file__).parent / "templates" / "lib"
    utils, script, style = (
        (folder / name).read_text(encoding="utf-8")
        for name in ("bindings/utils.js", f"{VIS_NETWORK}/vis-network.min.js", f"{VIS_NETWORK}/vis-network.css")
    )
    return utils, script, style


@functools.cache
def _template() -> Template:
    """:data:`_TEMPLATE`, compiled once per kernel."""
    from jinja2 import Environment

    return Environment(autoescape=True, keep_trailing_newline=True).from_string(_TEMPLATE)
