"""Which group's shared work a page shows: a participant's own group; a trainer picks one (``?groep=<id>``) of the
cohorts they train (their own and those they are assigned to: ``trainer_groups``), never a group of another. A
trainer's page that shows a group's work is one audit line (``view``, the group; ``docs/privacy.md``)."""

from __future__ import annotations

import html
import os
from urllib.parse import parse_qs

import ipywidgets as widgets

from wijwerken_widgets.core.html import name_html
from wijwerken_widgets.store import Group, Person
from wijwerken_widgets.ui.blocks import static_html
from wijwerken_widgets.ui.context import Context

VIEWED = "groups.viewed"
"""``ctx.shared`` key: the group a trainer's page shows (its audit line is written once per page)."""


def trainer_groups(ctx: Context) -> list[Group]:
    """Every group a trainer sees: those of each cohort they train (``store.trainer_cohort_ids``). Anyone else:
    only their own group. Trainer sections list groups with this, never with ``store.groups(cohort_id)``."""
    if ctx.person.role != "trainer":
        return [ctx.group] if ctx.group is not None else []
    return [g for cohort_id in ctx.store.trainer_cohort_ids(ctx.person) for g in ctx.store.groups(cohort_id)]


def trainer_people(ctx: Context) -> list[Person]:
    """The people of every cohort a trainer trains (to name the authors of the groups' work); anyone else: their
    own cohort's."""
    cohort_ids = ctx.store.trainer_cohort_ids(ctx.person) if ctx.person.role == "trainer" else [ctx.person.cohort_id]
    return [p for cohort_id in cohort_ids for p in ctx.store.people(cohort_id)]


def page_group(ctx: Context) -> Group | None:
    """The participant's own group; a trainer picks one of the groups they train (``?groep=<id>``, default the
    first); an id of a group of a cohort they do not train is ignored."""
    if ctx.group is not None or ctx.person.role != "trainer" or ctx.cohort is None:
        return ctx.group
    groups = trainer_groups(ctx)
    wanted = parse_qs(os.environ.get("QUERY_STRING", "")).get("groep", [""])[0]
    group = next((g for g in groups if str(g.id) == wanted), groups[0] if groups else None)
    if group is not None and VIEWED not in ctx.shared:  # the page's first look: its one audit line
        ctx.shared[VIEWED] = group.id
        ctx.store.audit("view", "group", group.id, origin="kernel", actor_id=ctx.person.id, cohort_id=group.cohort_id)
    return group


def group_links(ctx: Context, current: Group, intro: str) -> widgets.Widget:
    """For trainers: ``intro`` (e.g. "Je bekijkt als trainer de kaart van:") and links to the other groups' work."""
    links = " · ".join(
        f"<strong>{name_html(g.name)}</strong>" if g.id == current.id
        else f'<a href="?groep={g.id}">{name_html(g.name)}</a>'
        for g in trainer_groups(ctx)
    )
    return static_html(f"<p class='ww-hint'>{html.escape(intro)} {links}</p>")
