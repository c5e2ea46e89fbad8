"""Dag 3 for trainers: per group the conversations and role-play rounds, scenario files with mistakes, and the
logboek entries participants shared with the trainer (with a download that never contains private entries)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import Html, format_html, name_html, notice_html, render_markdown
from wijwerken_widgets.pages.dag3 import texts
from wijwerken_widgets.shared.conversations.items import SPACE, Citaat, Feedback, Gesprek, Trio, Verslag
from wijwerken_widgets.shared.groups import trainer_groups, trainer_people
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.schema import Common, TrainerPart


def _live(items: list[GroupItem], kind: str) -> list[GroupItem]:
    return [i for i in items if i.kind == kind and not i.deleted]


def _plan_line(plan: Gesprek, people: dict[int, str], reported: bool, quotes: int, part: TrainerPart,
               common: Common) -> str:
    """"Wijkraad · Fatima · week 12 · verslag ✓ · 2 citaten" (escaped, the typed parts isolated)."""
    who = common.nobody_yet if plan.wie is None else people.get(plan.wie, common.nobody_yet)
    parts: list[str] = [name_html(plan.stakeholder or "?"), name_html(who)]
    parts += [name_html(plan.wanneer)] if plan.wanneer else []
    parts += [html.escape(part.report_done)] if reported else []
    parts += [html.escape(part.quotes.format(aantal=quotes))] if quotes else []
    return " · ".join(parts)


def group_summary_html(name: str, items: list[GroupItem], people: dict[int, str], titles: dict[str, str],
                       part: TrainerPart, common: Common) -> str:
    """One group's Dag 3 work in a few lines (everything escaped)."""
    plans = [Gesprek.of(i) for i in _live(items, Gesprek.KIND)]
    reports = {r.id for r in map(Verslag.of, _live(items, Verslag.KIND)) if r.notities or r.energie}
    quotes = [Citaat.of(i) for i in _live(items, Citaat.KIND)]
    rows = "".join(
        f"<li>{_plan_line(p, people, p.id in reports, sum(q.gesprek_id == p.id for q in quotes), part, common)}</li>"
        for p in plans
    )
    trios = []
    for trio in map(Trio.of, _live(items, Trio.KIND)):
        if not trio.leden or not trio.rondes:
            continue
        lead = trio.lead(len(trio.rondes) - 1)
        scenario_id = str(trio.rondes[-1].scenario)
        scenario = titles.get(scenario_id, scenario_id)
        names = Html(", ".join(name_html(people.get(m, "?")) for m in trio.leden))
        line = format_html(part.trio, namen=names, nummer=len(trio.rondes), scenario=scenario,
                           naam=people.get(lead, "?"))
        trios.append(f"<li>{line}</li>")
    feedback = len(_live(items, Feedback.KIND))
    return (
        f"<h4 dir=\"auto\">{html.escape(name)}</h4>"
        f"<p><strong>{html.escape(part.conversations.format(aantal=len(plans)))}</strong></p>"
        + (f"<ul>{rows}</ul>" if rows else f"<p class='ww-empty'>{html.escape(part.no_conversations)}</p>")
        + render_markdown(part.roleplay.format(aantal=feedback))
        + (f"<ul>{''.join(trios)}</ul>" if trios else f"<p class='ww-empty'>{html.escape(part.no_trios)}</p>")
    )


def scenario_problems_html(problems: list[str], part: TrainerPart) -> str:
    if not problems:
        return ""
    items = "".join(f"<li><pre>{html.escape(p)}</pre></li>" for p in problems)
    return (f"<div class='ww-notice ww-notice-warning'><p><strong>{html.escape(part.broken_scenarios)}</strong></p>"
            f"<ul>{items}</ul></div>")


class Dag3TrainerView(widgets.VBox):
    """Read-only overview for trainers, refreshed with "Vernieuwen"."""

    def __init__(self, ctx: Context, part: TrainerPart) -> None:
        from wijwerken_widgets.shared.logbook.export import LogbookExport

        self.ctx, self.part, self.common = ctx, part, texts.load().common
        self.overview = static_html("")
        refresh = button(self.common.refresh_button, "refresh")
        refresh.on_click(lambda _: self.show())
        super().__init__([refresh, self.overview, LogbookExport(ctx)], layout=styles.layout())
        self.show()

    def show(self) -> None:
        from wijwerken_widgets.pages.dag3.roleplay_scenarios import load_scenarios

        scenarios = load_scenarios()
        titles = {scenario_id: s.titel for scenario_id, s in scenarios.scenarios}
        try:
            people = {p.id: p.name for p in trainer_people(self.ctx)}
            parts = [group_summary_html(g.name, self.ctx.store.items(SPACE, g.id), people, titles, self.part,
                                        self.common)
                     for g in trainer_groups(self.ctx)]
        except StoreUnavailable as exc:
            self.overview.value = notice_html(exc.message, "error")
            return
        self.overview.value = scenario_problems_html(scenarios.problems, self.part) + "".join(parts)


def section(ctx: Context) -> widgets.Widget:
    """The ``trainer`` part of ``dag3.yaml``, for trainers only: the groups' conversations and role-play, the logboek
    entries shared with them."""
    if ctx.person.role != "trainer":
        return hidden()
    part = texts.load().exercises.trainer
    return Exercise(part.title, part.instruction, [Dag3TrainerView(ctx, part)])
