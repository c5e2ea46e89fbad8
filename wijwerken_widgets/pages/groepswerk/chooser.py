"""The group chooser: per cohort the trainer trains a line of links (``?groep=<id>``), the group shown in bold.
The page loads again with that group; ``work.shown_group`` only accepts a group of the trainer's cohorts."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.html import format_html, name_html
from wijwerken_widgets.pages.groepswerk import texts
from wijwerken_widgets.pages.groepswerk.work import shown_group
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.shared.groups import trainer_groups
from wijwerken_widgets.ui.blocks import Exercise, hidden, static_html
from wijwerken_widgets.ui.context import Context


def chooser_html(ctx: Context) -> str:
    """The links, one list item per cohort; empty for anyone but a trainer."""
    if not access.for_trainer(ctx):
        return ""
    part = texts.load().exercises.chooser
    work = shown_group(ctx)
    if work is None:
        return f"<p class='ww-empty'>{html.escape(part.no_groups)}</p>"
    cohorts = {c.id: c for c in access.trainer_cohorts(ctx)}
    by_cohort: dict[int, list[str]] = {}
    for group in trainer_groups(ctx):
        link = (f'<strong aria-current="page">{name_html(group.name)}</strong>' if group.id == work.group.id
                else f'<a href="?groep={group.id}">{name_html(group.name)}</a>')
        by_cohort.setdefault(group.cohort_id, []).append(link)
    lines = "".join(
        f"<li>{name_html(cohorts[cid].name if cid in cohorts else cid)}: {' · '.join(links)}</li>"
        for cid, links in by_cohort.items())
    cohort_name = work.cohort.name if work.cohort is not None else ""
    current = format_html(part.current, groep=work.group.name, cohort=cohort_name)
    return (f"<p><strong>{current}</strong></p>"
            f'<nav aria-label="{html.escape(part.nav_label, quote=True)}"><ul>{lines}</ul></nav>')


def section(ctx: Context) -> widgets.Widget:
    """The ``chooser`` part of ``groepswerk.yaml``: only for trainers."""
    if not access.for_trainer(ctx):
        return hidden()
    part = texts.load().exercises.chooser
    return Exercise(part.title, part.instruction, [static_html(chooser_html(ctx))])
