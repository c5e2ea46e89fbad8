"""Which group's shared work a page shows: a participant's own group; a trainer picks one (``?groep=<id>``)."""

from __future__ import annotations

import html
import os
from urllib.parse import parse_qs

import ipywidgets as widgets

from wijwerken_widgets.core.html import name_html
from wijwerken_widgets.store import Group
from wijwerken_widgets.ui.blocks import static_html
from wijwerken_widgets.ui.context import Context


def page_group(ctx: Context) -> Group | None:
    """The participant's own group; a trainer picks one of the cohort's groups (``?groep=<id>``, default the first)."""
    if ctx.group is not None or ctx.person.role != "trainer" or ctx.cohort is None:
        return ctx.group
    groups = ctx.store.groups(ctx.cohort.id)
    wanted = parse_qs(os.environ.get("QUERY_STRING", "")).get("groep", [""])[0]
    return next((g for g in groups if str(g.id) == wanted), groups[0] if groups else None)


def group_links(ctx: Context, current: Group, intro: str) -> widgets.Widget:
    """For trainers: ``intro`` (e.g. "Je bekijkt als trainer de kaart van:") and links to the other groups' work."""
    links = " · ".join(
        f"<strong>{name_html(g.name)}</strong>" if g.id == current.id
        else f'<a href="?groep={g.id}">{name_html(g.name)}</a>'
        for g in ctx.store.groups(ctx.cohort.id)
    )
    return static_html(f"<p class='ww-hint'>{html.escape(intro)} {links}</p>")
