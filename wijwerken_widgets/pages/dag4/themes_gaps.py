"""Dag 4: who have we not heard? A themes × stakeholder-kinds table (an empty cell says "niet gehoord" in words),
the map's stakeholders without a conversation with links to Dag 2's map and Dag 3's planning, and a small
saturation line: how many new themes each conversation brought, in the order held."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.html import format_html, name_html
from wijwerken_widgets.pages.dag4.analysis import Analysis
from wijwerken_widgets.shared.act import evidence
from wijwerken_widgets.shared.stakeholders.model import SOORTEN
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import static_html


def grid_html(analysis: Analysis) -> str:
    words, themes = analysis.part.gaps, analysis.themes()
    if not themes:
        return ""
    cells = evidence.grid(themes, analysis.links(), analysis.sources.quotes)
    head = f"<th scope='col'>{html.escape(words.corner)}</th>" + "".join(
        f"<th scope='col'>{html.escape(label)}</th>" for label in SOORTEN.values())
    rows = []
    for theme in themes:
        tds = []
        for soort in SOORTEN:
            count = cells.get((theme.id, soort), 0)
            cell = words.cell_one if count == 1 else words.cell.format(aantal=count)
            tds.append(f"<td>{html.escape(cell)}</td>" if count
                       else f"<td class='ww-gap'>{html.escape(words.not_heard)}</td>")
        rows.append(f"<tr><th scope='row'>{name_html(theme.naam)}</th>{''.join(tds)}</tr>")
    return (f"<div class='ww-scroll' role='region' tabindex='0' aria-label='{html.escape(words.title)}'>"
            f"<table class='ww-table ww-gaps'><caption>{html.escape(words.title)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>")


def unheard_html(analysis: Analysis) -> str:
    words, sources = analysis.part.gaps, analysis.sources
    missing = evidence.unheard(sources.stakeholders, sources.held)
    links = (f"<p><a href='dag2.ipynb'>{html.escape(words.map_link)}</a> · "
             f"<a href='dag3.ipynb'>{html.escape(words.plan_link)}</a></p>")
    if not missing:
        return f"<h4>{html.escape(words.unheard_title)}</h4><p>{html.escape(words.unheard_none)}</p>{links}"
    items = "".join(
        f"<li>{format_html(words.unheard_item, naam=sources.stakeholders[sid].naam, soort=analysis.soort(sources.stakeholders[sid].soort))}</li>"
        for sid in missing)
    return f"<h4>{html.escape(words.unheard_title)}</h4><ul>{items}</ul>{links}"


def saturation_html(analysis: Analysis) -> str:
    words = analysis.part.gaps
    numbered = evidence.saturation(analysis.themes(), analysis.links(), analysis.sources.quotes)
    new = [count for _, count in numbered]
    title = f"<h4>{html.escape(words.saturation_title)}</h4>"
    if not any(new):
        return title + f"<p class='ww-empty'>{html.escape(words.saturation_empty)}</p>"
    width, bar = 14, 10
    top = max(new)
    bars = "".join(
        f"<rect x='{i * width + 2}' y='{40 - round(n / top * 36)}' width='{bar}' height='{round(n / top * 36)}' "
        f"class='ww-saturation-bar'/>" for i, n in enumerate(new))
    label = html.escape(words.saturation_title)
    svg = (f"<svg class='ww-saturation' role='img' aria-label='{label}' width='{len(new) * width + 4}' height='42' "
           f"viewBox='0 0 {len(new) * width + 4} 42'><title>{label}</title>"
           f"<line x1='0' y1='40' x2='{len(new) * width + 4}' y2='40' class='ww-axis'/>{bars}</svg>")
    lines = "".join(f"<li>{html.escape(words.saturation_line.format(nummer=i, aantal=n))}</li>" for i, n in numbered)
    verdict = words.saturated if evidence.saturated(new) else words.not_saturated
    return f"{title}{svg}<p><strong>{html.escape(verdict)}</strong></p><ul class='ww-inline-list'>{lines}</ul>"


class GapsView(widgets.VBox):
    """The grid, who was not heard, and saturation; redrawn when anything changed."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.body = static_html("")
        super().__init__([self.body], layout=styles.layout(), _dom_classes=("ww-gaps-view",))
        analysis.on_change(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        words = self.analysis.part.gaps
        value = (f"<p>{html.escape(words.intro)}</p>{grid_html(self.analysis)}{unheard_html(self.analysis)}"
                 f"{saturation_html(self.analysis)}")
        if value != self.body.value:
            self.body.value = value
