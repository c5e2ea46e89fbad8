"""Stakeholderkaart: the group's Dag 2 map as two tables (stakeholders with role, influence, interest, attitude and
energy; the relations between them), downloadable as CSV or Excel in the same columns as Dag 2's own downloads
(``shared/stakeholders/tables.py``, imported on the click)."""

from __future__ import annotations

import html
import logging

import ipywidgets as widgets

from wijwerken_widgets.core.html import name_html
from wijwerken_widgets.pages.groepswerk import texts
from wijwerken_widgets.pages.groepswerk.view import CSV, XLSX, GroupSection
from wijwerken_widgets.pages.groepswerk.work import GroupWork, shown_group
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.shared.stakeholders.model import (
    ENERGIE,
    HOUDINGEN,
    POSITIES,
    RELATIE_SOORTEN,
    SOORTEN,
    STERKTES,
    Relation,
    Stakeholder,
    StakeholderMap,
)
from wijwerken_widgets.store import GroupItem
from wijwerken_widgets.ui.blocks import hidden
from wijwerken_widgets.ui.context import Context

log = logging.getLogger("wijwerken")


def map_of(items: list[GroupItem]) -> StakeholderMap:
    """The current map from the group's stored map items (an unreadable item is left out, as on Dag 2)."""
    stakeholders, relations = [], []
    for item in items:
        if item.deleted or item.kind not in ("stakeholder", "relation"):
            continue
        try:
            if item.kind == "stakeholder":
                stakeholders.append(Stakeholder.from_data(item.item_id, item.data))
            else:
                relations.append(Relation.from_data(item.item_id, item.data))
        except (ValueError, KeyError, TypeError):
            log.warning("map item %s is unreadable; left out", item.id)
    return StakeholderMap.build(stakeholders, relations)


def _table(caption: str, headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{html.escape(h)}</th>' for h in headers)
    body = "".join(f'<tr><th scope="row">{row[0]}</th>' + "".join(f"<td>{cell}</td>" for cell in row[1:]) + "</tr>"
                   for row in rows)
    return (f'<div class="ww-table-wrap" role="region" aria-label="{html.escape(caption, quote=True)}" tabindex="0">'
            f'<table class="ww-table"><caption>{html.escape(caption)}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def map_html(m: StakeholderMap, group_name: str) -> str:
    part = texts.load().exercises.kaart
    if not m.stakeholders:
        return f"<p class='ww-empty'>{html.escape(part.empty)}</p>"
    c = part.columns
    people = [[name_html(s.naam), name_html(s.functie), html.escape(SOORTEN[s.soort]), html.escape(POSITIES[s.positie]),
               str(s.invloed), str(s.belang), html.escape(HOUDINGEN[s.houding]),
               f"{html.escape(ENERGIE[s.energie_nu])} → {html.escape(ENERGIE[s.energie_gewenst])}",
               name_html(s.notitie)] for s in m.stakeholders]
    out = _table(part.caption.format(groep=group_name), [c.naam, c.functie, c.soort, c.positie, c.invloed, c.belang,
                                                         c.houding, c.energie, c.notitie], people)
    names = {s.id: s.naam for s in m.stakeholders}
    relations = [[name_html(names[r.van]), name_html(names[r.naar]), html.escape(RELATIE_SOORTEN[r.soort]),
                  f"{r.sterkte} ({html.escape(STERKTES.get(r.sterkte, ''))})"] for r in m.relations]
    if not relations:
        return out + f"<p class='ww-empty'>{html.escape(part.no_relations)}</p>"
    return out + _table(part.relations_caption.format(groep=group_name), [c.van, c.naar, c.relatie, c.sterkte],
                        relations)


class KaartView(GroupSection):
    formats = (CSV, XLSX)

    def __init__(self, ctx: Context, work: GroupWork) -> None:
        self.part = texts.load().exercises.kaart
        super().__init__(ctx, work, self.part.title, self.part.instruction)

    def file_stem(self) -> str:
        return self.part.file_name

    def current(self) -> StakeholderMap:
        return map_of(self.ctx.store.map_items(self.work.group.id))

    def body_html(self) -> str:
        return map_html(self.current(), self.work.group.name)

    def build_file(self, extension: str) -> bytes:
        from wijwerken_widgets.shared.stakeholders import tables

        m = self.current()
        return tables.to_csv(m) if extension == CSV else tables.to_xlsx(m)


def section(ctx: Context) -> widgets.Widget:
    """The ``kaart`` part of ``groepswerk.yaml``: only for trainers, only a group of their cohorts."""
    if not access.for_trainer(ctx) or (work := shown_group(ctx)) is None:
        return hidden()
    return KaartView(ctx, work)
