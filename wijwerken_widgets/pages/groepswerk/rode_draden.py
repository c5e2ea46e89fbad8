"""Rode draden en actieplan: the group's Dag 4 themes (the chosen rode draden first, with what belongs to them and
what the people involved said back) and the actions of its actieplan with their owners named; downloadable as
Markdown, the actions also as CSV."""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as widgets

from wijwerken_widgets.core.html import name_html, plain_text_html
from wijwerken_widgets.pages.groepswerk import texts
from wijwerken_widgets.pages.groepswerk.kaart import map_of
from wijwerken_widgets.pages.groepswerk.view import CSV, MARKDOWN, GroupSection, md_field, md_file, md_text
from wijwerken_widgets.pages.groepswerk.work import GroupWork, shown_group
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.shared.act.items import SPACE, Actie, Reactie, Thema
from wijwerken_widgets.ui.blocks import hidden
from wijwerken_widgets.ui.context import Context

ACTION_FIELDS = ("wat", "waarom", "eigenaar", "met_wie", "start", "eind", "nodig", "merkbaar")


@dataclass(frozen=True)
class ActWork:
    """The live themes (chosen first, then by name), the reactions by theme id, the actions with owner names."""

    themes: list[Thema]
    reactions: dict[str, Reactie]
    actions: list[dict[str, str]]

    @property
    def empty(self) -> bool:
        return not self.themes and not self.actions


def read(ctx: Context, work: GroupWork) -> ActWork:
    part = texts.load().exercises.rode_draden
    items = [i for i in ctx.store.items(SPACE, work.group.id) if not i.deleted]
    themes = sorted((Thema.of(i) for i in items if i.kind == Thema.KIND),
                    key=lambda t: (not t.gekozen, t.naam.lower(), t.id))
    reactions = {i.item_id: Reactie.of(i) for i in items if i.kind == Reactie.KIND}
    actions = [Actie.of(i) for i in items if i.kind == Actie.KIND]
    stakeholders = {s.id: s.naam for s in map_of(ctx.store.map_items(work.group.id)).stakeholders} if actions else {}

    def owner(action: Actie) -> str:
        if action.eigenaar_soort == "groep":
            return part.whole_group
        if action.eigenaar_soort == "stakeholder":
            return stakeholders.get(action.eigenaar, part.no_owner)
        if action.eigenaar_soort == "deelnemer" and action.eigenaar.isdigit():
            return work.names.get(int(action.eigenaar), part.no_owner)
        return part.no_owner

    rows = [{f: owner(a) if f == "eigenaar" else getattr(a, f) for f in ACTION_FIELDS} for a in actions]
    return ActWork(themes, reactions, rows)


def _reaction_lines(reaction: Reactie | None) -> list[tuple[str, str]]:
    part = texts.load().exercises.rode_draden
    if reaction is None:
        return []
    lines = [(part.reaction, getattr(part.recognition, reaction.herkenning))] if reaction.herkenning else []
    return lines + [(label, text) for label, text in ((part.added, reaction.aanvulling),
                                                     (part.changed, reaction.veranderd)) if text.strip()]


def act_html(found: ActWork) -> str:
    part, missing = texts.load().exercises.rode_draden, texts.load().missing
    if found.empty:
        return f"<p class='ww-empty'>{html.escape(part.empty)}</p>"
    themes = []
    for theme in found.themes:
        rows = [(part.wel, theme.wel), (part.niet, theme.niet), *_reaction_lines(found.reactions.get(theme.id))]
        chosen = f" <em>({html.escape(part.chosen)})</em>" if theme.gekozen else ""
        body = "".join(f"<li><strong>{html.escape(label)}</strong>: {plain_text_html(text) or html.escape(missing)}"
                       "</li>" for label, text in rows)
        themes.append(f"<li><strong>{name_html(theme.naam or '?')}</strong>{chosen}<ul>{body}</ul></li>")
    labels = part.action_labels
    actions = "".join(
        '<div class="ww-card">' + "".join(
            f'<div class="ww-card-row"><div class="ww-card-label">{html.escape(getattr(labels, f))}</div>'
            f"<div>{plain_text_html(row[f]) or html.escape(missing)}</div></div>" for f in ACTION_FIELDS) + "</div>"
        for row in found.actions)
    return (f"<h3>{html.escape(part.themes_title)}</h3>"
            + (f"<ul>{''.join(themes)}</ul>" if themes else f"<p class='ww-empty'>{html.escape(part.no_themes)}</p>")
            + f"<h3>{html.escape(part.actions_title)}</h3>"
            + (actions or f"<p class='ww-empty'>{html.escape(part.no_actions)}</p>"))


def act_markdown(found: ActWork) -> list[str]:
    part, missing = texts.load().exercises.rode_draden, texts.load().missing
    lines = [f"## {part.themes_title}"]
    for theme in found.themes:
        chosen = f" *({part.chosen})*" if theme.gekozen else ""
        lines.append(f"### {md_text(theme.naam or '?')}{chosen}")
        lines += [md_field(label, text, missing) for label, text in
                  ((part.wel, theme.wel), (part.niet, theme.niet), *_reaction_lines(found.reactions.get(theme.id)))]
    if not found.themes:
        lines.append(f"*{part.no_themes}*")
    lines.append(f"## {part.actions_title}")
    for number, row in enumerate(found.actions, start=1):
        lines.append(f"### {number}. {md_text(row['wat'], missing)}")
        lines += [md_field(getattr(part.action_labels, f), row[f], missing) for f in ACTION_FIELDS[1:]]
    if not found.actions:
        lines.append(f"*{part.no_actions}*")
    return lines


def actions_csv(found: ActWork) -> bytes:
    import pandas as pd

    from wijwerken_widgets.core.downloads import CSV_SEPARATOR, csv_safe

    labels = texts.load().exercises.rode_draden.action_labels
    frame = pd.DataFrame([{getattr(labels, f): row[f] for f in ACTION_FIELDS} for row in found.actions],
                         columns=[getattr(labels, f) for f in ACTION_FIELDS])
    return frame.map(csv_safe).to_csv(sep=CSV_SEPARATOR, index=False, lineterminator="\r\n").encode("utf-8-sig")


class RodeDradenView(GroupSection):
    formats = (MARKDOWN, CSV)

    def __init__(self, ctx: Context, work: GroupWork) -> None:
        self.part = texts.load().exercises.rode_draden
        super().__init__(ctx, work, self.part.title, self.part.instruction)

    def file_stem(self) -> str:
        return self.part.file_name

    def body_html(self) -> str:
        return act_html(read(self.ctx, self.work))

    def build_file(self, extension: str) -> bytes:
        found = read(self.ctx, self.work)
        if extension == CSV:
            return actions_csv(found)
        return md_file([f"# {self.heading(self.part.title)}", *act_markdown(found)])


def section(ctx: Context) -> widgets.Widget:
    """The ``rode_draden`` part of ``groepswerk.yaml``: only for trainers, only a group of their cohorts."""
    if not access.for_trainer(ctx) or (work := shown_group(ctx)) is None:
        return hidden()
    return RodeDradenView(ctx, work)
