"""Gesprekken: the group's conversation plans and reports (Dag 3), and the quotes of a conversation only when its
report says the conversation partner gave consent (``shared/act/evidence.analysable_quotes``, the same rule Dag 4
analyses by), and the role-play feedback a gespreksvoerder shared with the trainer (``rollenspel.py``).
Downloadable as Markdown."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.html import format_html, name_html, plain_text_html
from wijwerken_widgets.pages.groepswerk import texts
from wijwerken_widgets.pages.groepswerk.rollenspel import feedback_html, feedback_markdown, shared_feedback
from wijwerken_widgets.pages.groepswerk.view import GroupSection, md_field, md_file, md_text
from wijwerken_widgets.pages.groepswerk.work import GroupWork, shown_group
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.shared.act.evidence import analysable_quotes, conversation_order
from wijwerken_widgets.shared.conversations.items import SPACE, Gesprek, Verslag
from wijwerken_widgets.store import GroupItem
from wijwerken_widgets.ui.blocks import hidden
from wijwerken_widgets.ui.context import Context

PLAN_FIELDS = ("wanneer", "doel", "opening", "luisteren", "afsluiten")
REPORT_FIELDS = ("notities", "energie", "verrassingen", "vervolg")


def conversations(items: list[GroupItem]) -> list[tuple[Gesprek, Verslag | None, list[str]]]:
    """Each live plan in the order held, its report (or ``None``) and its quotes' texts, only with consent."""
    reports = {i.item_id: Verslag.of(i) for i in items if i.kind == Verslag.KIND and not i.deleted}
    quotes: dict[str, list[str]] = {}
    for quote in analysable_quotes(items, {}):
        quotes.setdefault(quote.gesprek_id, []).append(quote.tekst)
    return [(plan, reports.get(plan.id), quotes.get(plan.id, [])) for plan in conversation_order(items)]


def _who(plan: Gesprek, names: dict[int, str], nobody: str) -> str:
    return names.get(plan.wie, nobody) if plan.wie is not None else nobody


def conversation_html(plan: Gesprek, report: Verslag | None, quotes: list[str], names: dict[int, str]) -> str:
    part, missing = texts.load().exercises.gesprekken, texts.load().missing

    def row(label: str, body: str) -> str:
        return (f'<div class="ww-card-row"><div class="ww-card-label">{html.escape(label)}</div>'
                f"<div>{body or html.escape(missing)}</div></div>")

    labels = part.plan_labels
    rows = [row(labels.wie, name_html(_who(plan, names, part.nobody)))]
    rows += [row(getattr(labels, f), plain_text_html(getattr(plan, f))) for f in PLAN_FIELDS[:2]]
    rows.append(row(labels.vragen, "<ul>" + "".join(f"<li>{name_html(q)}</li>" for q in plan.vragen) + "</ul>"
                    if plan.vragen else ""))
    rows += [row(getattr(labels, f), plain_text_html(getattr(plan, f))) for f in PLAN_FIELDS[2:]]
    if report is None:
        rows.append(f"<p class='ww-empty'>{html.escape(part.no_report)}</p>")
    else:
        rows.append(row(part.report_labels.toestemming, html.escape(getattr(part.consent, report.toestemming))))
        rows += [row(getattr(part.report_labels, f), plain_text_html(getattr(report, f))) for f in REPORT_FIELDS]
    if report is not None and report.toestemming == "ja":
        if quotes:
            rows.append(row(part.quotes, "".join(f"<blockquote>{plain_text_html(q)}</blockquote>" for q in quotes)))
    else:
        rows.append(f"<p class='ww-hint'>{html.escape(part.quotes_withheld)}</p>")
    title = format_html(part.heading, stakeholder=plan.stakeholder or "?")
    return f'<h3 dir="auto">{title}</h3><div class="ww-card">{"".join(rows)}</div>'


def conversation_markdown(plan: Gesprek, report: Verslag | None, quotes: list[str], names: dict[int, str]) -> str:
    part, missing = texts.load().exercises.gesprekken, texts.load().missing
    labels = part.plan_labels
    lines = [f"## {part.heading.format(stakeholder=md_text(plan.stakeholder or '?'))}",
             md_field(labels.wie, _who(plan, names, part.nobody), missing)]
    lines += [md_field(getattr(labels, f), getattr(plan, f), missing) for f in PLAN_FIELDS[:2]]
    lines.append(md_field(labels.vragen, "\n".join(f"- {q}" for q in plan.vragen), missing))
    lines += [md_field(getattr(labels, f), getattr(plan, f), missing) for f in PLAN_FIELDS[2:]]
    if report is None:
        lines.append(f"*{part.no_report}*")
    else:
        lines.append(md_field(part.report_labels.toestemming, getattr(part.consent, report.toestemming), missing))
        lines += [md_field(getattr(part.report_labels, f), getattr(report, f), missing) for f in REPORT_FIELDS]
    if report is not None and report.toestemming == "ja":
        if quotes:
            lines.append(f"**{part.quotes}**\n\n" + "\n\n".join(f"> {md_text(q)}" for q in quotes))
    else:
        lines.append(f"*{part.quotes_withheld}*")
    return "\n\n".join(lines)


class GesprekkenView(GroupSection):
    def __init__(self, ctx: Context, work: GroupWork) -> None:
        self.part = texts.load().exercises.gesprekken
        super().__init__(ctx, work, self.part.title, self.part.instruction)

    def file_stem(self) -> str:
        return self.part.file_name

    def current(self) -> list[tuple[Gesprek, Verslag | None, list[str]]]:
        return conversations(self.ctx.store.items(SPACE, self.work.group.id))

    def body_html(self) -> str:
        found = self.current()
        roleplay = feedback_html(self.part, shared_feedback(self.ctx.store, self.work), self.work.names)
        if not found:
            return f"<p class='ww-empty'>{html.escape(self.part.empty)}</p>{roleplay}"
        return "".join(conversation_html(*c, self.work.names) for c in found) + roleplay

    def build_file(self, extension: str) -> bytes:
        found = [conversation_markdown(*c, self.work.names) for c in self.current()]
        roleplay = feedback_markdown(self.part, shared_feedback(self.ctx.store, self.work), self.work.names)
        return md_file([f"# {self.heading(self.part.title)}", *(found or [f"*{self.part.empty}*"]), *roleplay])


def section(ctx: Context) -> widgets.Widget:
    """The ``gesprekken`` part of ``groepswerk.yaml``: only for trainers, only a group of their cohorts."""
    if not access.for_trainer(ctx) or (work := shown_group(ctx)) is None:
        return hidden()
    return GesprekkenView(ctx, work)
