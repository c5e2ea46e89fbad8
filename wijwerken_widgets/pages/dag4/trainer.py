"""Dag 4 for trainers: per group its phase, themes with their evidence, dots, chosen rode draden, what was said back
when they were given back, and the number of actions, with a link to that group's whole Dag 4 page."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.html import format_html, notice_html
from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.pages.dag4.schema import Dag4Content
from wijwerken_widgets.shared.act import evidence
from wijwerken_widgets.shared.act.evidence import Thresholds
from wijwerken_widgets.shared.act.items import SPACE, Actie, Fase, Koppeling, Reactie, Stem, Thema
from wijwerken_widgets.shared.conversations.items import SPACE as CONVERSATIONS
from wijwerken_widgets.shared.groups import trainer_groups
from wijwerken_widgets.shared.stakeholders.model import InvalidInput, Stakeholder
from wijwerken_widgets.store import Group, GroupItem, Store, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context


def _live(items: list[GroupItem], kind: str) -> list[GroupItem]:
    return [i for i in items if i.kind == kind and not i.deleted]


def _stakeholders(items: list[GroupItem]) -> dict[str, Stakeholder]:
    """The map's readable stakeholders by id (one that no longer validates is left out, as the map leaves it out)."""
    found = {}
    for item in items:
        try:
            found[item.item_id] = Stakeholder.from_data(item.item_id, item.data)
        except InvalidInput:
            continue
    return found


def group_html(store: Store, group: Group, content: Dag4Content) -> str:
    """One group's Dag 4 work in a few lines (everything typed escaped)."""
    part, ev = content.exercises.trainer, content.exercises.themes.evidence
    items = store.items(SPACE, group.id)
    stakeholders = _stakeholders(_live(store.items("map", group.id), "stakeholder"))
    quotes = evidence.analysable_quotes(store.items(CONVERSATIONS, group.id), stakeholders)
    themes = [Thema.of(i) for i in _live(items, Thema.KIND)]
    links = [Koppeling.of(i) for i in _live(items, Koppeling.KIND)]
    found = evidence.evidence(themes, links, quotes, Thresholds(ev.breed_gesprekken, ev.breed_soorten))
    votes = [Stem.of(i) for i in _live(items, Stem.KIND)]
    responses = {i.item_id: Reactie.of(i) for i in _live(items, Reactie.KIND)}
    phase = next((Fase.of(i) for i in _live(items, Fase.KIND)), Fase())
    lines = []
    for theme in themes:
        badge = getattr(ev.badges, found[theme.id].badge).label
        line = format_html(part.theme_line, thema=theme.naam, sterkte=badge,
                           stippen=sum(v.punten.get(theme.id, 0) for v in votes))
        extra = [part.chosen_mark] if theme.gekozen else []
        said = responses.get(theme.id)
        if said is not None and said.herkenning:
            extra.append(part.recognition.get(said.herkenning, said.herkenning))
        lines.append(f"<li>{line}{''.join(f' · <strong>{html.escape(e)}</strong>' for e in extra)}</li>")
    summary = part.group_line.format(groep="{groep}", themas=len(themes), gekozen=sum(t.gekozen for t in themes),
                                     citaten=len(quotes), acties=len(_live(items, Actie.KIND)))
    return (f"<h4>{format_html(summary, groep=group.name)}</h4>"
            f"<p class='ww-hint'>{html.escape(part.phase.get(phase.fase, phase.fase))} · "
            f"<a href='?groep={group.id}'>{format_html(part.open_group, groep=group.name)}</a></p>"
            + (f"<ul>{''.join(lines)}</ul>" if lines else ""))


class Dag4TrainerView(widgets.VBox):
    """Read-only overview for trainers, refreshed with "Vernieuwen"."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.content = ctx, texts.load()
        self.overview = static_html("")
        refresh = button(self.content.common.refresh_button, "refresh")
        refresh.on_click(lambda _: self.show())
        super().__init__([refresh, self.overview], layout=styles.layout(), _dom_classes=("ww-dag4-trainer",))
        self.show()

    def show(self) -> None:
        part = self.content.exercises.trainer
        try:
            groups = trainer_groups(self.ctx)
            body = "".join(group_html(self.ctx.store, g, self.content) for g in groups)
        except StoreUnavailable as exc:
            self.overview.value = notice_html(exc.message, "error")
            return
        self.overview.value = body or f"<p class='ww-empty'>{html.escape(part.no_groups)}</p>"


def section(ctx: Context) -> widgets.Widget:
    """The ``trainer`` part of ``dag4.yaml``: only for trainers."""
    if ctx.person.role != "trainer" or ctx.cohort is None:
        return hidden()
    part = texts.load().exercises.trainer
    return Exercise(part.title, part.instruction, [Dag4TrainerView(ctx)])
