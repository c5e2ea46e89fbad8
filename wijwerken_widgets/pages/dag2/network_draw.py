"""Dag 2's stakeholder network as an offline HTML document for a sandboxed iframe: the wijwerken part.

Colours, shapes, tooltips, the Dutch legend and the drag script are made here, with the texts of
``exercises.network.picture`` in ``dag2.yaml``; :mod:`.network_pyvis` turns the pyvis ``Network`` into the document. Positions are computed in Python (networkx) and drawn with physics off, so the browser
never has to settle a layout. Everything a participant typed reaches the document only as JSON inside a script
(Jinja's ``tojson``) or through :func:`html.escape`; tooltips stay plain text (see ``network_pyvis.plain_title``), names in them isolated (``core.text.isolated``).
"""

from __future__ import annotations

import html
import textwrap
from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import TYPE_CHECKING

from wijwerken_widgets.core.dutch import long_date
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag2 import network_pyvis, texts
from wijwerken_widgets.shared.stakeholders.layout import Position, place_new
from wijwerken_widgets.shared.stakeholders.model import (
    ENERGIE,
    HOUDINGEN,
    POSITIES,
    RELATIE_SOORTEN,
    SOORTEN,
    STERKTES,
    Stakeholder,
    StakeholderMap,
)

if TYPE_CHECKING:  # networkx, numpy, scipy and pyvis load on first use: grid_svg and energy_svg import the palette
    from pyvis.network import Network

    from wijwerken_widgets.pages.dag2.schema import NetworkLegend, NetworkPicture, NetworkTooltip


# Okabe-Ito based: green and vermillion stay apart for the common colour-vision deficiencies.
HOUDING_COLOURS: dict[str, str] = {
    "voorstander": "#009e73",
    "neutraal": "#7f95b3",
    "tegenstander": "#d55e00",
    "onbekend": "#d4d4d4",
}
HOUDING_BORDERS: dict[str, str] = {
    "voorstander": "#00593f",
    "neutraal": "#44566f",
    "tegenstander": "#7a3600",
    "onbekend": "#6e6e6e",
}
SHAPES: dict[str, str] = {"intern": "dot", "extern": "diamond"}
# colour, vis-network dashes, line width per sterkte 1-3
RELATION_STYLES: dict[str, tuple[str, bool | list[int], tuple[float, float, float]]] = {
    "samenwerking": ("#2f5f8a", False, (1.5, 3.0, 4.5)),
    "spanning": ("#c62828", [10, 6], (1.5, 3.0, 4.5)),
    "formele_lijn": ("#8a8a8a", False, (3.0, 4.5, 6.0)),
    "informeel": ("#5f6b7a", [2, 5], (1.0, 1.5, 2.5)),
}
_LABEL_MAX = 28


def _picture() -> NetworkPicture:
    """The drawing's texts: ``exercises.network.picture`` of ``dag2.yaml``."""
    return texts.load().exercises.network.picture


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with "…" when it is longer."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def node_tooltip(s: Stakeholder, words: NetworkTooltip | None = None) -> str:
    """Plain-text tooltip: name, functie (when given) and kind, attitude, scores, energy and the note (wrapped,
    shortened); ``words`` are the templates of ``picture.tooltip`` (read from ``dag2.yaml`` when not given)."""
    words = words or _picture().tooltip
    lines = [
        isolated(s.naam),
        " · ".join([*([isolated(s.functie)] if s.functie else []), SOORTEN[s.soort], POSITIES[s.positie]]),
        words.attitude.format(houding=HOUDINGEN[s.houding]),
        words.scores.format(invloed=s.invloed, belang=s.belang),
        words.energy.format(nu=ENERGIE[s.energie_nu], gewenst=ENERGIE[s.energie_gewenst]),
    ]
    if s.notitie:
        lines.append(words.note.format(notitie=isolated(textwrap.shorten(s.notitie, 400, placeholder=" …"))))
    return network_pyvis.plain_title("\n".join(part for line in lines for part in _wrap(line)))


def _wrap(line: str, width: int = 60) -> list[str]:
    """``textwrap.wrap(line, width)`` (``[""]`` for an empty line), without its cost for a line that already fits:
    no character it would replace (tabs, line breaks) and no trailing space it would drop."""
    if len(line) <= width and line.isprintable() and not line.endswith(" "):
        return [line]
    return textwrap.wrap(line, width, break_long_words=True) or [""]


def _node_options(s: Stakeholder, position: Position, words: NetworkTooltip) -> dict:
    fill, border = HOUDING_COLOURS[s.houding], HOUDING_BORDERS[s.houding]
    colour = {"background": fill, "border": border}
    return {
        "label": shorten(s.naam, _LABEL_MAX),
        "title": node_tooltip(s, words),
        "shape": SHAPES[s.positie],
        "size": 8 + 4 * s.invloed,
        "color": {**colour, "highlight": colour, "hover": colour},
        "borderWidth": 2,
        "borderWidthSelected": 4,
        "x": float(position[0]),
        "y": float(position[1]),
        "physics": False,
    }


def _network(m: StakeholderMap, positions: Mapping[str, Position], height_px: int, words: NetworkTooltip) -> Network:
    net = network_pyvis.static_network(height_px)
    net.options.edges.color.inherit = False
    net.options.interaction.tooltipDelay = 150
    net.options.nodes = {
        "font": {"size": 14, "face": "system-ui, sans-serif", "color": "#1f2328", "strokeWidth": 4,
                 "strokeColor": "#ffffff"},
    }
    for s in m.stakeholders:
        net.add_node(s.id, **_node_options(s, positions[s.id], words))
    names = m.by_id()
    pair_count: dict[frozenset[str], int] = defaultdict(int)
    for r in m.relations:
        colour, dashes, widths = RELATION_STYLES[r.soort]
        # Several kinds of relation between one pair: bend the extra lines so each stays visible.
        nth = pair_count[r.ends]
        pair_count[r.ends] += 1
        bend = "curvedCW" if nth % 2 else "curvedCCW"
        smooth = {"enabled": True, "type": bend, "roundness": 0.15 * (1 + nth // 2)}
        title = words.relation.format(soort=RELATIE_SOORTEN[r.soort], sterkte=STERKTES[r.sterkte].lower(),
                                      van=isolated(names[r.van].naam), naar=isolated(names[r.naar].naam))
        options = {
            "color": {"color": colour, "highlight": colour, "hover": colour},
            "dashes": dashes,
            "width": widths[r.sterkte - 1],
            "title": network_pyvis.plain_title(title),
            "smooth": smooth if nth else False,
        }
        network_pyvis.add_edge(net, r.van, r.naar, **options)
    return net


# The canvas is HEIGHT px high but shrinks (down to 160px) when the frame is too low for it and the legend.
_STYLE_TEMPLATE = """<style>
html, body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; }
body { display: flex; flex-direction: column; height: 100vh; }
body > * { flex: none; }
body > .card { flex: 0 1 HEIGHTpx; min-height: 160px; }
#mynetwork { box-sizing: border-box; height: 100% !important; border: 1px solid #d0d7de !important;
  float: none !important; }
.vis-tooltip { white-space: pre-line !important; max-width: 420px; font-family: inherit !important; }
.wk-header { padding: 8px 12px 4px; } .wk-header h1 { font-size: 20px; margin: 0; }
.wk-header p { margin: 2px 0 0; font-size: 13px; color: #57606a; }
.wk-legend { display: flex; flex-wrap: wrap; gap: 2px 16px; padding: 4px 8px; font-size: 12px; line-height: 18px; }
.wk-legend .wk-group { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 2px 8px; }
.wk-legend .wk-item { display: inline-flex; align-items: center; gap: 3px; }
.wk-legend svg { vertical-align: middle; }
.wk-hint { color: #57606a; }
.wk-empty { padding: 24px 16px; font-size: 15px; color: #57606a; }
</style>"""


def _style(height_px: int) -> str:
    return _STYLE_TEMPLATE.replace("HEIGHT", str(int(height_px)))


def _legend(interactive: bool, words: NetworkLegend) -> str:
    def swatch(shape: str, fill: str, border: str) -> str:
        if shape == "diamond":
            figure = f'<path d="M7 1 L13 7 L7 13 L1 7 Z" fill="{fill}" stroke="{border}" stroke-width="1.5"/>'
        else:
            figure = f'<circle cx="7" cy="7" r="5.5" fill="{fill}" stroke="{border}" stroke-width="1.5"/>'
        return f'<svg width="14" height="14" aria-hidden="true">{figure}</svg>'

    def line(soort: str) -> str:
        colour, dashes, widths = RELATION_STYLES[soort]
        dash = f' stroke-dasharray="{" ".join(map(str, dashes))}"' if dashes else ""
        return (f'<svg width="30" height="10" aria-hidden="true"><line x1="1" y1="5" x2="29" y2="5" stroke="{colour}"'
                f' stroke-width="{widths[1]}"{dash}/></svg>')

    def item(figure: str, text: str) -> str:
        return f'<span class="wk-item">{figure}{html.escape(text)}</span>'

    houding = "".join(item(swatch("dot", HOUDING_COLOURS[k], HOUDING_BORDERS[k]), v) for k, v in HOUDINGEN.items())
    positie = "".join(item(swatch(SHAPES[k], "#ffffff", "#44566f"), v) for k, v in POSITIES.items())
    relaties = "".join(item(line(k), v) for k, v in RELATIE_SOORTEN.items())
    def group(name: str, body: str) -> str:
        return f'<span class="wk-group"><b>{html.escape(name)}</b>{body}</span>'

    groups = [
        group(words.attitude, houding),
        group(words.shape, positie),
        group(words.lines, relaties),
        group(words.size, " " + html.escape(words.size_text)),
    ]
    if interactive:
        groups.append(f'<span class="wk-group wk-hint">{html.escape(words.hint)}</span>')
    label = html.escape(words.label, quote=True)
    return f'<div class="wk-legend" role="note" aria-label="{label}">{"".join(groups)}</div>'


# Runs after pyvis' drawGraph() has filled its global ``network``; tells the page where dragged nodes ended up.
_POSITIONS = """
  network.on("dragEnd", function (params) {
    if (params.nodes && params.nodes.length) {
      parent.postMessage({type: "wijwerken-positions", positions: network.getPositions(params.nodes)}, "*");
    }
  });"""


# On a narrow screen (a phone) the whole map is zoomed to fit, also after turning the phone.
_FIT = """
  var wijwerkenFit = function () { if (window.innerWidth < 600) { network.fit(); } };
  wijwerkenFit();
  window.addEventListener("resize", wijwerkenFit);"""


def _graph_script(interactive: bool) -> str:
    """One script after pyvis' drawGraph(): fit on a phone; in the page also report dragged positions."""
    return ('<script type="text/javascript">\nif (typeof network !== "undefined" && network) {'
            + _FIT + (_POSITIONS if interactive else "") + "\n}\n</script>")


def _header(title: str, made_on: str) -> str:
    stamp = made_on.format(datum=long_date(datetime.now(timezone.utc)))
    return f'<header class="wk-header"><h1>{html.escape(title)}</h1><p>{html.escape(stamp)}</p></header>'


def _empty_document(title: str, empty: str, header: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
        f"{_style(160)}\n</head>\n<body>\n{header}<p class=\"wk-empty\">{html.escape(empty)}</p>\n</body>\n"
        "</html>\n"
    )


def graph_document(
    m: StakeholderMap,
    positions: Mapping[str, Position],
    *,
    height_px: int = 560,
    title: str | None = None,
    interactive: bool = True,
    library_url: str | None = None,
) -> str:
    """A complete offline HTML document drawing the map (physics off, draggable, zoomable) with a Dutch legend;
    ``title`` defaults to ``picture.document_title`` of ``dag2.yaml``.

    Stakeholders missing from ``positions`` are placed with :func:`place_new`. With ``interactive``, dragging a node
    posts ``{type: "wijwerken-positions", positions: {id: {x, y}}}`` to the parent window. With ``library_url``
    (a folder on the workbook's own server holding ``vis-network.min.js`` and ``vis-network.css``, ending in "/",
    optionally followed by a query), vis-network is loaded from there instead of inlined.
    """
    title = _picture().document_title if title is None else title
    return _document(m, positions, height_px, title, interactive, header="", library_url=library_url)


def _document(
    m: StakeholderMap,
    positions: Mapping[str, Position],
    height_px: int,
    title: str,
    interactive: bool,
    header: str,
    library_url: str | None = None,
) -> str:
    picture = _picture()
    if not m.stakeholders:
        return _empty_document(title, picture.empty, header)
    if any(s.id not in positions for s in m.stakeholders):
        positions = place_new(m, positions)
    return network_pyvis.document(
        _network(m, positions, height_px, picture.tooltip),
        title=title,
        head=_style(height_px),
        before=header,
        after=_legend(interactive, picture.legend) + _graph_script(interactive),
        library_url=library_url,
    )


def graph_iframe(document: str, *, height_px: int = 600, label: str | None = None) -> str:
    """The document in a sandboxed iframe (scripts run, but with an opaque origin: no access to the page), named
    ``label`` for screen readers (default ``picture.label`` of ``dag2.yaml``)."""
    label = _picture().label if label is None else label
    return (
        f'<iframe srcdoc="{html.escape(document, quote=True)}" sandbox="allow-scripts" '
        f'title="{html.escape(label, quote=True)}" style="width:100%;height:{int(height_px)}px;border:0"></iframe>'
    )


def standalone_document(m: StakeholderMap, positions: Mapping[str, Position], title: str) -> str:
    """The map as a file to download: opens in any browser without a network, with a heading and today's date."""
    return _document(m, positions, 640, title, False, header=_header(title, _picture().made_on))
