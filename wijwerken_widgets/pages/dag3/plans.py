"""Dag 3: with whom does the group talk? The Dag 2 shortlist, and one shared plan per conversation.

The shortlist and the list of plans follow the group's :class:`ConversationSession`; every plan is one
``gesprek`` item, edited in its :class:`~wijwerken_widgets.pages.dag3.plans_editor.PlanEditor` (made when the plan
is first chosen).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import Html, escaped, format_html, name_html, render_markdown
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag3 import texts
from wijwerken_widgets.pages.dag3.plans_editor import NOBODY, PlanEditor
from wijwerken_widgets.shared.conversations.items import Gesprek
from wijwerken_widgets.shared.conversations.session import ConversationSession, page_conversations
from wijwerken_widgets.shared.groups import group_links
from wijwerken_widgets.shared.stakeholders.model import ENERGIE, SOORTEN, Stakeholder, shortlist
from wijwerken_widgets.shared.stakeholders.session import page_map
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, box, button, static_html
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import Feedback, message

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.schema import Common, PlansPart
    from wijwerken_widgets.shared.stakeholders.session import MapSession


def conversation_label(session: ConversationSession, item: GroupItem, common: Common) -> str:
    """"Wethouder Jansen · Fatima · week 12": with whom, who talks, and when (when known); each part isolated, so two
    right-to-left names keep their order around the dot."""
    plan = Gesprek.of(item)
    parts = [plan.stakeholder or common.unknown_stakeholder,
             session.author(plan.wie) if plan.wie else common.nobody_yet]
    wanneer = " ".join(plan.wanneer.split())
    if wanneer:
        parts.append(wanneer if len(wanneer) <= 40 else wanneer[:39] + "…")
    return " · ".join(map(isolated, parts))


def set_options(selector: widgets.Dropdown, options: list[tuple[str, str]], value: str | None) -> None:
    """New options and value for a selector; observers checking ``selector.quiet`` skip the steps between."""
    selector.quiet = True
    try:
        selector.options = options
        selector.value = value
    finally:
        selector.quiet = False


class ConversationPlans(widgets.VBox):
    """The shortlist with who talks to whom, buttons to take a conversation on, and the editor of one plan."""

    def __init__(self, session: ConversationSession, map_session: MapSession | None, part: PlansPart) -> None:
        self.session, self.map_session, self.part = session, map_session, part
        self.common = texts.load().common
        self.editors: dict[str, PlanEditor] = {}
        self._wie_options: list[tuple[str, int]] | None = None
        self._buttons_key: tuple | None = None
        self._other_options: list[tuple[str, str]] = []
        self._plan_options: list[tuple[str, str]] = []
        self.shortlist_view = static_html(self.shortlist_html())
        self.take_buttons = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self.other = widgets.Dropdown(description=part.other_stakeholder, layout=styles.layout(),
                                      style={"description_width": "initial"})
        other_button = button(part.plan_other_button, "plus")
        other_button.on_click(lambda _: self.take_other())
        refresh = button(self.common.refresh_button, "refresh")
        refresh.on_click(lambda _: self.refresh())
        self.feedback = Feedback()
        self.selector = widgets.Dropdown(description=self.common.conversation, layout=styles.layout(),
                                         style={"description_width": "initial"})
        self.selector.quiet = False
        self.selector.observe(lambda _: self.selector.quiet or self._show(self.selector.value), names="value")
        self.editor_area = box([])
        self.empty = static_html(f"<p class='ww-empty'>{html.escape(part.plans_empty)}</p>")
        self.plans_area = box([])
        super().__init__([
            self.shortlist_view,
            self.take_buttons,
            widgets.HBox([self.other, other_button, refresh], layout=widgets.Layout(align_items="center")),
            self.feedback,
            static_html(f"<h3>{html.escape(part.plans_title)}</h3>"),
            self.plans_area,
        ], layout=styles.layout(), _dom_classes=("ww-conversation-plans",))
        session.on_change(lambda _: self._refresh_all())
        if map_session is not None:
            map_session.on_change(lambda _: self._draw_shortlist())
        self._refresh_all()

    # -- reading ---------------------------------------------------------------------------------------------
    def _stakeholders(self) -> tuple[Stakeholder, ...]:
        return () if self.map_session is None else self.map_session.map.stakeholders

    def _planned(self) -> dict[str, list[GroupItem]]:
        planned: dict[str, list[GroupItem]] = {}
        for item in self.session.conversations():
            planned.setdefault(Gesprek.of(item).stakeholder_id, []).append(item)
        return planned

    def _who_when(self, item: GroupItem) -> str:
        """Who holds a planned conversation and when, as HTML (both isolated: typed or from the cohort file)."""
        plan = Gesprek.of(item)
        wanneer = " ".join(plan.wanneer.split())
        who = name_html(self.session.author(plan.wie) if plan.wie else self.common.nobody_yet)
        return f"{who}, {name_html(wanneer)}" if wanneer else who

    def shortlist_html(self) -> str:
        """The shortlist (escaped), each with its energy and the conversations the group planned with them."""
        title = f"<h3>{html.escape(self.part.shortlist_title)}</h3>"
        everyone = self._stakeholders()
        if not everyone:
            return title + render_markdown(self.part.shortlist_empty)
        chosen = shortlist(self.map_session.map)
        if not chosen:
            return title + f"<p class='ww-empty'>{html.escape(self.part.no_gap)}</p>"
        planned = self._planned()
        items = []
        for s in chosen:
            plans = planned.get(s.id, [])
            status = format_html(self.part.planned, plannen=Html("; ".join(map(self._who_when, plans)))) if plans \
                else escaped(self.part.not_planned)
            energy = f"{ENERGIE[s.energie_nu].lower()} → {ENERGIE[s.energie_gewenst].lower()}"
            items.append(
                f"<li><strong>{name_html(s.naam)}</strong> <span class='ww-hint'>"
                f"({html.escape(SOORTEN.get(s.soort, s.soort))}: {html.escape(energy)})</span><br>"
                f"<span class='ww-hint'>{status}</span></li>"
            )
        return title + f"<ol class='ww-shortlist'>{''.join(items)}</ol>"

    def stakeholder_of(self, item: GroupItem) -> Stakeholder:
        """The plan's stakeholder as on the map now, or (no longer on it) by the name it was planned with."""
        plan = Gesprek.of(item)
        found = None if self.map_session is None else self.map_session.map.by_id().get(plan.stakeholder_id)
        return found or Stakeholder(id=plan.stakeholder_id, naam=plan.stakeholder)

    def wie_options(self) -> list[tuple[str, int]]:
        """Nobody yet and the group's participants (read once), and whoever is logged in."""
        if self._wie_options is None:
            try:
                people = [(p.name, p.id) for p in self.session.members()]
            except StoreUnavailable:
                people = []
            me = self.session.ctx.person
            if all(pid != me.id for _, pid in people):
                people.append((me.name, me.id))
            self._wie_options = [(self.part.nobody, NOBODY), *people]
        return list(self._wie_options)

    # -- drawing ---------------------------------------------------------------------------------------------
    def _refresh_all(self) -> None:
        self._draw_shortlist()
        self._refresh_selector()

    def _draw_shortlist(self) -> None:
        value = self.shortlist_html()
        if value != self.shortlist_view.value:
            self.shortlist_view.value = value
        chosen = shortlist(self.map_session.map) if self._stakeholders() else []
        planned = self._planned()
        key = tuple((s.id, s.naam, s.id in planned) for s in chosen)
        if key != self._buttons_key:
            self._buttons_key = key
            self.take_buttons.children = [self._take_button(s, s.id in planned) for s in chosen]
        options = [(self.part.choose_stakeholder, ""),
                   *((self.part.already_planned.format(naam=s.naam) if s.id in planned else s.naam, s.id)
                     for s in self._stakeholders())]
        if options != self._other_options:
            current = self.other.value
            self._other_options = options
            self.other.options = options
            self.other.value = current if any(v == current for _, v in options) else ""

    def _take_button(self, stakeholder: Stakeholder, planned: bool) -> widgets.Button:
        text = (self.part.open_button if planned else self.part.plan_button).format(naam=stakeholder.naam)
        take = widgets.Button(description=text, icon="folder-open" if planned else "comments", tooltip=text,
                              layout=styles.layout(), style=styles.button_style())
        take.on_click(lambda _: self.take_on(stakeholder.id))
        return take

    def _refresh_selector(self) -> None:
        plans = self.session.conversations()
        options = [(conversation_label(self.session, p, self.common), p.item_id) for p in plans]
        ids = [item_id for _, item_id in options]
        current = self.selector.value
        if current is not None and current not in ids:
            self._removed(current)
        if options != self._plan_options:
            self._plan_options = options
            set_options(self.selector, options, current if current in ids else (ids[0] if ids else None))
        area = [self.selector, self.editor_area] if options else [self.empty]
        if list(self.plans_area.children) != area:
            self.plans_area.children = area
        self._show(self.selector.value)

    def _removed(self, item_id: str) -> None:
        item = self.session.items.get((Gesprek.KIND, item_id))
        if item is None:
            return
        naam = Gesprek.of(item).stakeholder or self.part.removed_unknown
        mine = item.person_id == self.session.ctx.person.id
        who = self.part.removed_by_you if mine else self.session.author(item.person_id)
        self.say(format_html(self.part.removed, naam=naam, wie=who), "info")

    def _show(self, item_id: str | None) -> None:
        """Show the editor of plan ``item_id`` (made the first time)."""
        item = None if item_id is None else self.session.item(Gesprek.KIND, item_id)
        if item is None:
            if self.editor_area.children:
                self.editor_area.children = []
            return
        editor = self.editors.get(item.item_id)
        if editor is None:
            editor = self.editors[item.item_id] = PlanEditor(self, item)
        if self.editor_area.children != (editor.widget,):
            self.editor_area.children = [editor.widget]

    # -- actions ---------------------------------------------------------------------------------------------
    def take_on(self, stakeholder_id: str) -> str | None:
        """Open the group's plan with this stakeholder, or start one (I talk); returns the plan's id."""
        existing = self._planned().get(stakeholder_id)
        if existing:
            self.feedback.clear()
            self.select(existing[0].item_id)
            return existing[0].item_id
        return self.plan(stakeholder_id)

    def take_other(self) -> str | None:
        if not self.other.value:
            self.say(self.part.choose_first, "warning")
            return None
        return self.plan(self.other.value)

    def plan(self, stakeholder_id: str) -> str | None:
        """Start a plan with ``stakeholder_id`` and select it; returns its id (``None`` when it failed)."""
        stakeholder = next((s for s in self._stakeholders() if s.id == stakeholder_id), None)
        if stakeholder is None:
            self.say(self.part.not_on_map, "warning")
            return None
        item_id = new_id()
        plan = Gesprek(item_id, stakeholder_id=stakeholder.id, stakeholder=stakeholder.naam,
                       wie=self.session.ctx.person.id)
        try:
            self.session.put_item(plan)
        except StoreUnavailable as exc:
            self.say(exc.message, "error")
            return None
        self.feedback.clear()
        self.select(item_id)
        return item_id

    def select(self, item_id: str) -> None:
        if self.selector.value != item_id:
            self.selector.value = item_id
        self._show(item_id)

    def refresh(self) -> None:
        """Fetch the group's newest map and plans now."""
        try:
            if self.map_session is not None:
                self.map_session.reload()
            self.session.reload()
        except StoreUnavailable as exc:
            self.say(exc.message, "error")

    def say(self, text: str, kind: str) -> None:
        self.feedback.show(text, kind)


def section(ctx: Context) -> widgets.Widget:
    """The ``plans`` part of ``dag3.yaml``; a notice for someone in no group."""
    content = texts.load()
    part = content.exercises.plans
    current = page_conversations(ctx)
    if current is None:
        return message(content.no_group.strip(), "info")
    top = [group_links(ctx, current.ctx.group, part.trainer_intro)] if ctx.group is None else []
    return Exercise(part.title, part.instruction,
                    [*top, ConversationPlans(current, page_map(ctx, poll_seconds=None), part)])
