"""Vraagstukken: per participant of the group their Dag 1 summary card (``shared/vraagstuk.summary_for``) and the
coaching signals the workbook gives on probleem, doel and hoofdvraag (``shared/coaching.py``); downloadable as
Markdown. Everything typed is escaped."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.html import name_html, plain_text_html
from wijwerken_widgets.pages.groepswerk import texts
from wijwerken_widgets.pages.groepswerk.view import GroupSection, md_field, md_file, md_text
from wijwerken_widgets.pages.groepswerk.work import GroupWork, shown_group
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.shared.coaching import Feedback, coach_doel, coach_hoofdvraag, coach_probleem, load_rules
from wijwerken_widgets.shared.vraagstuk import VraagstukSummary, summary_for
from wijwerken_widgets.store import Person
from wijwerken_widgets.ui.blocks import hidden
from wijwerken_widgets.ui.context import Context


def signals(summary: VraagstukSummary) -> list[tuple[str, list[Feedback]]]:
    """The coaching of probleem, doel and hoofdvraag (only of what is written), with the field's key."""
    rules = load_rules()
    return [(key, coach(text, rules)) for key, text, coach in (
        ("probleem", summary.probleem, coach_probleem), ("doel", summary.doel, coach_doel),
        ("hoofdvraag", summary.hoofdvraag, coach_hoofdvraag)) if text.strip()]


def summaries(ctx: Context, work: GroupWork) -> list[tuple[Person, VraagstukSummary]]:
    return [(p, summary_for(ctx.store, p, work.group, work.cohort)) for p in work.members]


def _assumption(row: dict) -> str:
    return " — ".join(str(row.get(k) or "").strip() for k in ("assumption", "how", "with_whom")
                      if str(row.get(k) or "").strip())


def _perspective(row: dict) -> str:
    who, what, source = (str(row.get(k) or "").strip() for k in ("who", "definition", "source"))
    return f"{who}: {what}" + (f" ({source})" if source else "")


def person_html(person: Person, summary: VraagstukSummary) -> str:
    part = texts.load().exercises.vraagstukken
    missing, labels = texts.load().missing, part.labels
    kinds = {"extern": part.kinds.extern, "intern": part.kinds.intern}

    def text(value: str) -> str:
        return plain_text_html(value) or f'<span class="ww-missing">{html.escape(missing)}</span>'

    def listed(rows: list[str]) -> str:
        return f"<ul>{''.join(f'<li>{name_html(r)}</li>' for r in rows)}</ul>" if rows else text("")

    rows = [(labels.vraagstuk, html.escape(kinds.get(summary.kind, summary.kind))),
            (labels.description, text(summary.description)), (labels.probleem, text(summary.probleem)),
            (labels.doel, text(summary.doel)), (labels.hoofdvraag, text(summary.hoofdvraag)),
            (labels.assumptions, listed([_assumption(a) for a in summary.assumptions])),
            (labels.underlying, text(summary.underlying)),
            (labels.perspectives, listed([_perspective(p) for p in summary.perspectives]))]
    card = "".join(f'<div class="ww-card-row"><div class="ww-card-label">{html.escape(label)}</div><div>{body}</div>'
                   "</div>" for label, body in rows)
    coaching = "".join(
        f"<li><strong>{html.escape(getattr(labels, key))}</strong><ul>"
        + "".join(f"<li>{html.escape(part.good if f.kind == 'goed' else part.tip)}: {html.escape(f.message)}</li>"
                  for f in found) + "</ul></li>"
        for key, found in signals(summary))
    coaching_html = (f"<details><summary>{html.escape(part.coaching_title)}</summary><ul>{coaching}</ul></details>"
                     if coaching else "")
    return f'<h3 dir="auto">{name_html(person.name)}</h3><div class="ww-card">{card}</div>{coaching_html}'


def person_markdown(person: Person, summary: VraagstukSummary) -> str:
    part = texts.load().exercises.vraagstukken
    missing, labels = texts.load().missing, part.labels
    kinds = {"extern": part.kinds.extern, "intern": part.kinds.intern}
    lines = [f"## {md_text(person.name)}", md_field(labels.vraagstuk, kinds.get(summary.kind, summary.kind), missing)]
    lines += [md_field(label, value, missing) for label, value in (
        (labels.description, summary.description), (labels.probleem, summary.probleem), (labels.doel, summary.doel),
        (labels.hoofdvraag, summary.hoofdvraag),
        (labels.assumptions, "\n".join(f"- {_assumption(a)}" for a in summary.assumptions)),
        (labels.underlying, summary.underlying),
        (labels.perspectives, "\n".join(f"- {_perspective(p)}" for p in summary.perspectives)))]
    found = signals(summary)
    if found:
        lines.append(f"### {part.coaching_title}\n\n" + "\n".join(
            f"- **{getattr(labels, key)}**\n" + "\n".join(f"  - {part.good if f.kind == 'goed' else part.tip}: {f.message}"
                                                         for f in feedback)
            for key, feedback in found))
    return "\n\n".join(lines)


class VraagstukkenView(GroupSection):
    def __init__(self, ctx: Context, work: GroupWork) -> None:
        self.part = texts.load().exercises.vraagstukken
        super().__init__(ctx, work, self.part.title, self.part.instruction)

    def file_stem(self) -> str:
        return self.part.file_name

    def body_html(self) -> str:
        found = summaries(self.ctx, self.work)
        if not found:
            return f"<p class='ww-empty'>{html.escape(self.content.no_members)}</p>"
        return "".join(person_html(p, s) for p, s in found)

    def build_file(self, extension: str) -> bytes:
        return md_file([f"# {self.heading(self.part.title)}",
                        *(person_markdown(p, s) for p, s in summaries(self.ctx, self.work))])


def section(ctx: Context) -> widgets.Widget:
    """The ``vraagstukken`` part of ``groepswerk.yaml``: only for trainers, only a group of their cohorts."""
    if not access.for_trainer(ctx) or (work := shown_group(ctx)) is None:
        return hidden()
    return VraagstukkenView(ctx, work)
