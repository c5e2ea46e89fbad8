"""The three months: the olievlek — with whom each member shared Wij-Werken, towards at least ten colleagues.

A member adds entries (``olievlek_form.py``), sees and edits their own (``olievlek_entries.py``) and everyone's
progress (``olievlek_views.py``), which follows groupmates' entries as the group's :class:`ActSession` polls. A
trainer on the page without ``?groep=`` sees the totals of every group of the cohort; on a group's page that
group's progress, read-only.
"""

from __future__ import annotations

import html
import os
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

import ipywidgets as widgets

from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.pages.maanden import texts
from wijwerken_widgets.pages.maanden.olievlek_entries import MyEntries
from wijwerken_widgets.pages.maanden.olievlek_form import EntryForm
from wijwerken_widgets.pages.maanden.olievlek_views import (
    group_members,
    group_totals,
    progress_html,
    totals_html,
)
from wijwerken_widgets.shared.act.olievlek import MAX_ENTRIES, Olievlek
from wijwerken_widgets.shared.act.session import ActSession, page_act
from wijwerken_widgets.shared.groups import trainer_groups, trainer_people
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.pages.maanden.olievlek_schema import OlievlekPart
    from wijwerken_widgets.store import Person


class GroupProgress(widgets.VBox):
    """The group's progress (per member, the total, per way), redrawn when the group's entries change."""

    def __init__(self, session: ActSession, part: OlievlekPart, *, me: int | None = None) -> None:
        self.view = static_html("", "ww-olievlek-progress-view")
        super().__init__([self.view], layout=styles.layout())
        self.session, self.part, self.me = session, part, me
        self._members: list[Person] | None = None
        session.on_change(lambda _: self.redraw())
        self.redraw()

    def members(self) -> list[Person]:
        """The group's participants (read once per page)."""
        if self._members is None:
            ctx = self.session.ctx
            try:
                people = ctx.store.people(ctx.group.cohort_id) if ctx.group is not None else []
            except StoreUnavailable:
                return []
            self._members = group_members(people, self.session.group_id)
        return self._members

    def redraw(self) -> None:
        entries = [Olievlek.of(i) for i in self.session.live(Olievlek.KIND)]
        members = self.members()
        known = {p.id for p in members}
        names = {e.door: self.session.author(e.door) for e in entries if e.door is not None and e.door not in known}
        value = progress_html(self.part, entries, members, me=self.me, names=names)
        if self.view.value != value:
            self.view.value = value


class OlievlekView(widgets.VBox):
    """A member's olievlek: the form, the group's progress and their own entries."""

    def __init__(self, session: ActSession, part: OlievlekPart) -> None:
        self.session, self.part = session, part
        self.form = EntryForm(session.ctx, part, self.add)
        self.progress = GroupProgress(session, part, me=session.ctx.person.id)
        self.mine = MyEntries(session, part)
        super().__init__([self.form, self.progress, self.mine], layout=styles.layout(),
                         _dom_classes=("ww-olievlek",))

    def add(self, entry: Olievlek) -> str | None:
        """Store a new entry of this member; returns a Dutch problem, or ``None`` when it is stored."""
        if len(self.mine.items()) >= MAX_ENTRIES:
            return self.part.form.too_many.format(maximum=MAX_ENTRIES)
        try:
            self.session.put_item(entry)
        except StoreUnavailable as exc:
            return exc.message
        self.mine.edit(entry.id)  # the new entry is the one to change, if anything
        return None


class CohortTotals(widgets.VBox):
    """For trainers: the olievlek of every group of their cohort, refreshed with "Vernieuwen"."""

    def __init__(self, ctx: Context, part: OlievlekPart) -> None:
        self.ctx, self.part = ctx, part
        self.table = static_html("", "ww-olievlek-totals-view")
        refresh = button(part.totals.refresh_button, "refresh")
        refresh.on_click(lambda _: self.show())
        super().__init__([static_html(f"<p>{html.escape(part.totals.intro)}</p>"), refresh, self.table],
                         layout=styles.layout(), _dom_classes=("ww-olievlek-trainer",))
        self.show()

    def show(self) -> None:
        try:
            people = trainer_people(self.ctx)
            rows = [group_totals(self.ctx.store, g, people) for g in trainer_groups(self.ctx)]
        except StoreUnavailable as exc:
            self.table.value = notice_html(exc.message, "error")
            return
        self.table.value = totals_html(self.part, rows)


def chosen_group() -> str:
    """The ``?groep=`` of the page's address ("" without one)."""
    return parse_qs(os.environ.get("QUERY_STRING", "")).get("groep", [""])[0]


def section(ctx: Context) -> widgets.Widget:
    """The ``olievlek`` part of ``maanden.yaml``."""
    content = texts.load()
    part = content.exercises.olievlek
    trainer = ctx.person.role == "trainer"
    if trainer and not chosen_group():
        return Exercise(part.title, part.instruction, [CohortTotals(ctx, part)])
    session = page_act(ctx)
    if session is None:
        return hidden()
    if trainer:
        back = f"<p class='ww-hint'><a href='?'>{html.escape(part.totals.back)}</a></p>"
        return Exercise(part.title, part.instruction, [static_html(back), GroupProgress(session, part)])
    return Exercise(part.title, part.instruction, [OlievlekView(session, part)])
