"""Dag 3 for trainers: per group the conversations and role-play rounds, scenario files with mistakes, and the
logboek entries participants shared with the trainer (with a download that never contains private entries)."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.pages.dag3 import texts
from wijwerken_widgets.shared.conversations.items import SPACE, Citaat, Feedback, Gesprek, Trio, Verslag
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context


def _live(items: list[GroupItem], kind: str) -> list[GroupItem]:
    return [i for i in items if i.kind == kind and not i.deleted]


def group_summary_html(name: str, items: list[GroupItem], people: dict[int, str], titles: dict[str, str]) -> str:
    """One group's Dag 3 work in a few lines (everything escaped)."""
    plans = [Gesprek.of(i) for i in _live(items, Gesprek.KIND)]
    reports = {r.id for r in map(Verslag.of, _live(items, Verslag.KIND)) if r.notities or r.energie}
    quotes = [Citaat.of(i) for i in _live(items, Citaat.KIND)]
    rows = "".join(
        f"<li>{html.escape(p.stakeholder or '?')} · "
        f"{html.escape(people.get(p.wie, 'nog niemand'))}"
        f"{' · ' + html.escape(p.wanneer) if p.wanneer else ''}"
        f"{' · verslag ✓' if p.id in reports else ''}"
        f"{' · ' + str(n) + ' citaten' if (n := sum(q.gesprek_id == p.id for q in quotes)) else ''}"
        "</li>"
        for p in plans
    )
    trios = []
    for trio in map(Trio.of, _live(items, Trio.KIND)):
        if not trio.leden or not trio.rondes:
            continue
        lead = trio.lead(len(trio.rondes) - 1)
        scenario_id = str(trio.rondes[-1].scenario)
        scenario = titles.get(scenario_id, scenario_id)
        names = ", ".join(people.get(m, "?") for m in trio.leden)
        trios.append(f"<li>{html.escape(names)}: ronde {len(trio.rondes)}, {html.escape(scenario)}, "
                     f"gespreksvoerder {html.escape(people.get(lead, '?'))}</li>")
    feedback = len(_live(items, Feedback.KIND))
    return (
        f"<h4>{html.escape(name)}</h4>"
        f"<p><strong>Gesprekken ({len(plans)})</strong></p>"
        + (f"<ul>{rows}</ul>" if rows else "<p class='ww-empty'>Nog geen gesprekken gepland.</p>")
        + f"<p><strong>Rollenspel</strong> · {feedback} keer feedback van een observator</p>"
        + (f"<ul>{''.join(trios)}</ul>" if trios else "<p class='ww-empty'>Nog geen trio's.</p>")
    )


def scenario_problems_html(problems: list[str]) -> str:
    if not problems:
        return ""
    items = "".join(f"<li><pre>{html.escape(p)}</pre></li>" for p in problems)
    return (f"<div class='ww-notice ww-notice-warning'><p><strong>Deze rollenspellen staan niet in de lijst, "
            f"want het bestand bevat een fout:</strong></p><ul>{items}</ul></div>")


class Dag3TrainerView(widgets.VBox):
    """Read-only overview for trainers, refreshed with "Vernieuwen"."""

    def __init__(self, ctx: Context, part) -> None:
        from wijwerken_widgets.shared.logbook.export import LogbookExport

        self.ctx = ctx
        self.overview = static_html("")
        refresh = button("Vernieuwen", "refresh")
        refresh.on_click(lambda _: self.show())
        super().__init__([refresh, self.overview, LogbookExport(ctx)], layout=styles.layout())
        self.show()

    def show(self) -> None:
        from wijwerken_widgets.pages.dag3.roleplay_scenarios import load_scenarios

        scenarios = load_scenarios()
        titles = {scenario_id: s.titel for scenario_id, s in scenarios.scenarios}
        try:
            cohort_id = self.ctx.person.cohort_id
            people = {p.id: p.name for p in self.ctx.store.people(cohort_id)}
            parts = [group_summary_html(g.name, self.ctx.store.items(SPACE, g.id), people, titles)
                     for g in self.ctx.store.groups(cohort_id)]
        except StoreUnavailable as exc:
            self.overview.value = notice_html(exc.message, "error")
            return
        self.overview.value = scenario_problems_html(scenarios.problems) + "".join(parts)


def section(ctx: Context) -> widgets.Widget:
    """The ``trainer`` part of ``dag3.yaml``, for trainers only: the groups' conversations and role-play, the logboek
    entries shared with them."""
    if ctx.person.role != "trainer":
        return hidden()
    part = texts.load().exercises.trainer
    return Exercise(part.title, part.instruction, [Dag3TrainerView(ctx, part)])
