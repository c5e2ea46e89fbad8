"""The feedback queue: logboek entries shared with the trainer (or with the writer's group), newest first. Only
``store.shared_log_entries`` is read, so a privé entry never reaches this view."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.pages.trainer import texts
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.shared.logbook import texts as logbook_texts
from wijwerken_widgets.shared.logbook.widget import author_groups, entry_html
from wijwerken_widgets.store import SharedLogEntry, StoreUnavailable
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context


def queue(ctx: Context) -> list[SharedLogEntry]:
    """The entries shared with this trainer, newest (last saved) first; nothing for anyone else."""
    if not access.for_trainer(ctx):
        return []
    entries = ctx.store.shared_log_entries(ctx.person, [c.id for c in access.trainer_cohorts(ctx)])
    return sorted(entries, key=lambda s: (s.entry.saved_at, s.entry.id), reverse=True)


class FeedbackQueue(Exercise):
    """The queue, read again on "Vernieuwen"."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.content = ctx, texts.load()
        part = self.content.exercises.feedback
        self.list = static_html("", "ww-feedback-queue")
        self.refresh_button = button(self.content.refresh_button, "refresh")
        self.refresh_button.on_click(lambda _: self.show())
        super().__init__(part.title, part.instruction, [self.refresh_button, self.list])
        self.show()

    def show(self) -> None:
        part, words = self.content.exercises.feedback, logbook_texts.load()
        try:
            entries = queue(self.ctx)
            groups = author_groups(self.ctx.store, self.ctx.person.cohort_id, words) if entries else {}
        except StoreUnavailable as exc:
            self.list.value = notice_html(exc.message, "error")
            return
        if not entries:
            self.list.value = f'<p class="ww-empty">{html.escape(part.empty)}</p>'
            return
        items = "".join(f"<li>{entry_html(s.entry, words, s.author, groups.get(s.entry.person_id, ''))}</li>"
                        for s in entries)
        self.list.value = f'<ol class="ww-feedback-list">{items}</ol>'


def section(ctx: Context) -> widgets.Widget:
    """The ``feedback`` part of ``trainer.yaml``: only for trainers."""
    if not access.for_trainer(ctx):
        return hidden()
    return FeedbackQueue(ctx)
