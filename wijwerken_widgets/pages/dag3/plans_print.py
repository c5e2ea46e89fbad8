"""Dag 3: one conversation plan as a file of its own, to print on one A4 or take along (``core.downloads``)."""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from wijwerken_widgets.core.downloads import HTML_MIME, download_link, printable_html
from wijwerken_widgets.core.dutch import long_date
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.ui import texts as common_texts

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.schema import PlanEditorTexts, PlanFields
    from wijwerken_widgets.shared.conversations.items import Gesprek


def plan_card(plan: Gesprek, fields: PlanFields, wie: str, missing: str) -> str:
    """The plan as a card (the summary card's look): every text escaped, line breaks kept, questions numbered."""

    def text(value: str) -> str:
        value = value.strip()
        return html.escape(value).replace("\n", "<br>") if value else f'<span class="ww-missing">{html.escape(missing)}</span>'

    def row(label: str, body: str) -> str:
        return f'<div class="ww-card-row"><div class="ww-card-label">{html.escape(label)}</div><div>{body}</div></div>'

    questions = "".join(f"<li>{html.escape(q)}</li>" for q in plan.vragen)
    return ('<div class="ww-card">'
            + row(fields.wie.label, text(wie)) + row(fields.wanneer.label, text(plan.wanneer))
            + row(fields.doel.label, text(plan.doel)) + row(fields.opening.label, text(plan.opening))
            + row(fields.vragen.label, f"<ol>{questions}</ol>" if questions else text(""))
            + row(fields.luisteren.label, text(plan.luisteren)) + row(fields.afsluiten.label, text(plan.afsluiten))
            + "</div>")


def plan_download(plan: Gesprek, fields: PlanFields, words: PlanEditorTexts, wie: str, today: date) -> str:
    """The download link of the plan's file, and the hint to print it."""
    title = words.document_title.format(naam=isolated(plan.stakeholder))
    data = printable_html(title, plan_card(plan, fields, wie, words.missing), long_date(today))
    filename = f"{words.file_name}-{today.isoformat()}.html"
    common = common_texts.load().download
    return (download_link(data, filename, HTML_MIME, common.link.format(bestand=filename))
            + f'<p class="ww-print-hint ww-hint">{html.escape(common.print_hint)}</p>')
