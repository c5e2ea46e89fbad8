"""Wie bekeek je werk?: on request, the audit trail's lines of trainers who opened or downloaded this participant's
work (their group's work, their cohort's progress, or a file about them), newest first; ids and times only are
stored, the names are looked up now. "Wat ziet je trainer?" on every page links here."""

from __future__ import annotations

import html
from datetime import datetime

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import clock, long_date
from wijwerken_widgets.core.html import name_html, notice_html
from wijwerken_widgets.pages.start import texts
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context

SHOWN = 50
"""The newest lines shown."""


def lines_about(ctx: Context) -> list[tuple[datetime, str, str]]:
    """(moment, trainer's name, what) of every trainer view or export of this person's work, newest first."""
    if ctx.cohort is None:
        return []
    about = {("person", ctx.person.id), ("cohort", ctx.cohort.id)}
    if ctx.group is not None:
        about.add(("group", ctx.group.id))
    found = []
    for line in reversed(ctx.store.audit_lines(cohort_id=ctx.cohort.id)):
        if line.action not in ("view", "export") or (line.object_type, line.object_id) not in about:
            continue
        actor = ctx.store.person(line.actor_person_id) if line.actor_person_id is not None else None
        if actor is None or actor.role != "trainer":
            continue
        found.append((line.at, actor.name, f"{line.action}_{line.object_type}"))
        if len(found) == SHOWN:
            break
    return found


class Viewed(Exercise):
    """The button and, once pressed, the table."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.part = ctx, texts.load().viewed
        self.show = button(self.part.button)
        self.result = static_html("", "ww-viewed")
        self.result.add_class("ww-live")
        super().__init__(self.part.title, self.part.instruction, [self.show, self.result])
        self.add_class("ww-viewed-section")
        self.show.on_click(lambda _: self.draw())

    def draw(self) -> None:
        part = self.part
        try:
            found = lines_about(self.ctx)
        except StoreUnavailable as exc:
            self.result.value = notice_html(exc.message, "error")
            return
        if not found:
            self.result.value = f"<p>{html.escape(part.nobody)}</p>"
            return
        rows = "".join(
            f"<tr><td>{html.escape(long_date(at))}, {clock(at)}</td><td>{name_html(name)}</td>"
            f"<td>{html.escape(part.what.get(what, what))}</td></tr>"
            for at, name, what in found)
        self.result.value = (f'<table class="ww-table"><caption>{html.escape(part.caption)}</caption><thead><tr>'
                             f'<th scope="col">{html.escape(part.when)}</th><th scope="col">{html.escape(part.who)}</th>'
                             f'<th scope="col">{html.escape(part.what_header)}</th></tr></thead><tbody>{rows}</tbody>'
                             "</table>")


def section(ctx: Context) -> widgets.Widget:
    """The ``viewed`` part of ``start.yaml``: for participants (a trainer's own page views are theirs)."""
    if ctx.person.role == "trainer":
        return hidden()
    return Viewed(ctx)
