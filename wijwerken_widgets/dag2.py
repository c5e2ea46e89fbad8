"""Dag 2 — Think: de stakeholderkaart. The notebook ``workbooks/dag2.ipynb`` calls these, one per section.

All sections of a page share one :class:`MapSession` (the group's map), so an edit in the form redraws the graph,
the grid, the energy view and the insight, and so does a groupmate's edit once polling finds it.
"""

from __future__ import annotations

from .warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

import html
import os
from dataclasses import replace
from datetime import datetime, timezone
from urllib.parse import parse_qs

import ipywidgets as widgets

from . import shared
from .autosave import clock
from .base import Exercise, button, markdown, static_html
from .content import load_dag2
from .context import Context
from .map_session import MapSession
from .page import Page, message
from .store import Group, StoreUnavailable

TABS = ("Formulier", "Tabel", "Importeren", "Relaties")


def open_page() -> Page:
    content = load_dag2()
    return Page(content.title, content.intro).show()


def map_group(ctx: Context) -> Group | None:
    """The participant's own group; a trainer picks one of the cohort's groups (``?groep=<id>``, default the first)."""
    if ctx.group is not None or ctx.person.role != "trainer" or ctx.cohort is None:
        return ctx.group
    groups = ctx.store.groups(ctx.cohort.id)
    wanted = parse_qs(os.environ.get("QUERY_STRING", "")).get("groep", [""])[0]
    return next((g for g in groups if str(g.id) == wanted), groups[0] if groups else None)


def session(ctx: Context) -> MapSession | None:
    """The page's map session (made once per page), or ``None`` for someone who is in no group."""
    if "map" not in ctx.shared:
        group = map_group(ctx)
        ctx.shared["map"] = None if group is None else MapSession(replace(ctx, group=group))
    return ctx.shared["map"]


def group_links(ctx: Context, current: Group) -> widgets.Widget:
    """For trainers: links to the other groups' maps."""
    links = " · ".join(
        f"<strong>{html.escape(g.name)}</strong>" if g.id == current.id
        else f'<a href="?groep={g.id}">{html.escape(g.name)}</a>'
        for g in ctx.store.groups(ctx.cohort.id)
    )
    return static_html(f"<p class='ww-hint'>Je bekijkt als trainer de kaart van: {links}</p>")


def _nothing() -> widgets.Widget:
    return widgets.HTML(layout=widgets.Layout(display="none"))


class MapStatus(widgets.HBox):
    """"Kaart van Team Wijk: 12 stakeholders, 9 relaties · bijgewerkt 14:03" and a Vernieuwen button."""

    def __init__(self, session: MapSession) -> None:
        self.session = session
        self.text = widgets.Label(style=shared.label_style(), _dom_classes=("ww-map-status",))
        refresh = button("Vernieuwen", "refresh")
        refresh.on_click(lambda _: self.refresh())
        super().__init__([self.text, refresh], layout=widgets.Layout(align_items="center", flex_flow="row wrap"))
        session.on_change(lambda _: self.show())
        self.show()

    def refresh(self) -> None:
        try:
            self.session.reload()
        except StoreUnavailable as exc:
            self.text.value = exc.message
            return
        self.show()

    def show(self) -> None:
        m = self.session.map
        now = clock(datetime.now(timezone.utc))
        self.text.value = (f"Kaart van {self.session.ctx.group.name}: {len(m)} stakeholders, {len(m.relations)} "
                           f"relaties · bijgewerkt {now}")


def entry(ctx: Context) -> widgets.Widget:
    """Add and change stakeholders and relations: form (at once), table, import and relations (on first open)."""
    content = load_dag2()
    part = content.exercises.map
    current = session(ctx)
    if current is None:
        return message(content.no_group.strip(), "info")
    from .relation_form import RelationForm
    from .stakeholder_form import StakeholderForm
    from .stakeholder_import import StakeholderImport
    from .stakeholder_table import StakeholderTable

    makers = (lambda: StakeholderForm(current, part.naam_hint), lambda: StakeholderTable(current),
              lambda: StakeholderImport(current), lambda: RelationForm(current))
    slots = [widgets.VBox([makers[0]()])] + [widgets.VBox() for _ in makers[1:]]
    tabs = widgets.Tab(children=slots, titles=TABS, selected_index=0, layout=shared.layout())

    def opened(change) -> None:
        index = change["new"]
        if index is not None and not slots[index].children:
            slots[index].children = [makers[index]()]

    tabs.observe(opened, names="selected_index")
    top = [group_links(ctx, current.ctx.group)] if ctx.group is None else []
    return Exercise(part.title, part.instruction, [*top, MapStatus(current), tabs])


def _view(ctx: Context, attribute: str, make) -> widgets.Widget:
    part = getattr(load_dag2().exercises, attribute)
    current = session(ctx)
    if current is None:
        return _nothing()
    return Exercise(part.title, part.instruction, [make(current, part)])


def network(ctx: Context) -> widgets.Widget:
    from .network_view import NetworkView

    return _view(ctx, "network", lambda s, _: NetworkView(s))


def grid(ctx: Context) -> widgets.Widget:
    from .power_grid_view import PowerGridView

    return _view(ctx, "grid", lambda s, _: PowerGridView(s))


def energy(ctx: Context) -> widgets.Widget:
    from .energy_view import EnergyView

    return _view(ctx, "energy", EnergyView)


def insight(ctx: Context) -> widgets.Widget:
    from .network_insight_view import NetworkInsightView

    return _view(ctx, "insight", lambda s, part: NetworkInsightView(ctx, s, part))


def history(ctx: Context) -> widgets.Widget:
    from .map_history_view import MapHistoryView

    return _view(ctx, "history", lambda s, _: MapHistoryView(s))


def export(ctx: Context) -> widgets.Widget:
    from .map_export_view import MapExportView

    return _view(ctx, "export", lambda s, _: MapExportView(s))


def closing(ctx: Context) -> widgets.Widget:
    return markdown(load_dag2().closing, "ww-closing")
