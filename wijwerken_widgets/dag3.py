"""Dag 3 — Think: gesprekken en rollenspel. The notebook ``workbooks/dag3.ipynb`` calls these, one per section.

The group's plans, reports, quotes, trios and feedback share one :class:`ConversationSession`; the Dag 2 map
(for the shortlist) is read once per page and on "Vernieuwen". The logboek is personal and works without a group.
"""

from __future__ import annotations

from .warmup import wait

wait()  # the kernel may still be importing the libraries below in the background (see warmup.py)

from dataclasses import replace

import ipywidgets as widgets

from .base import Exercise, markdown
from .content import load_dag3
from .context import Context
from .conversation_session import ConversationSession
from .dag2 import group_links, map_group
from .map_session import MapSession
from .page import Page, message


def open_page() -> Page:
    content = load_dag3()
    return Page(content.title, content.intro).show()


def session(ctx: Context) -> ConversationSession | None:
    """The page's conversation session (made once per page), or ``None`` for someone who is in no group."""
    if "gesprekken" not in ctx.shared:
        group = map_group(ctx)
        ctx.shared["gesprekken"] = None if group is None else ConversationSession(replace(ctx, group=group))
    return ctx.shared["gesprekken"]


def map_session(ctx: Context) -> MapSession | None:
    """The group's Dag 2 map, read once (no polling: it rarely changes on Dag 3)."""
    if "map" not in ctx.shared:
        current = session(ctx)
        ctx.shared["map"] = None if current is None else MapSession(current.ctx, poll_seconds=None)
    return ctx.shared["map"]


def _nothing() -> widgets.Widget:
    return widgets.HTML(layout=widgets.Layout(display="none"))


def plans(ctx: Context) -> widgets.Widget:
    from .conversation_plans import ConversationPlans

    content = load_dag3()
    part = content.exercises.plans
    current = session(ctx)
    if current is None:
        return message(content.no_group.strip(), "info")
    top = [group_links(ctx, current.ctx.group)] if ctx.group is None else []
    return Exercise(part.title, part.instruction, [*top, ConversationPlans(current, map_session(ctx), part)])


def reports(ctx: Context) -> widgets.Widget:
    from .conversation_reports import ConversationReports

    part = load_dag3().exercises.reports
    current = session(ctx)
    if current is None:
        return _nothing()
    return Exercise(part.title, part.instruction, [ConversationReports(current, part)])


def roleplay(ctx: Context) -> widgets.Widget:
    from .roleplay import Roleplay
    from .scenarios import load_scenarios

    part = load_dag3().exercises.roleplay
    current = session(ctx)
    if current is None:
        return _nothing()
    return Exercise(part.title, part.instruction, [Roleplay(current, load_scenarios(), part)])


def logbook(ctx: Context) -> widgets.Widget:
    from .logbook import Logbook

    part = load_dag3().exercises.logbook
    return Exercise(part.title, part.instruction, [Logbook(ctx, part, day="dag3")])


def trainer(ctx: Context) -> widgets.Widget:
    """Trainers only: the groups' conversations and role-play, the logboek entries shared with them."""
    if ctx.person.role != "trainer":
        return _nothing()
    from .dag3_trainer_view import Dag3TrainerView

    part = load_dag3().exercises.trainer
    return Exercise(part.title, part.instruction, [Dag3TrainerView(ctx, part)])


def closing(ctx: Context) -> widgets.Widget:
    return markdown(load_dag3().closing, "ww-closing")
