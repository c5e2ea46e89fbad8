"""Logboek: the entries the group's participants shared with the trainer (or with their group), oldest first. Only
``store.shared_log_entries`` is read, for the group's cohort (the store accepts only a cohort the trainer trains),
so a privé entry never reaches this view or its Markdown download, not even as a count."""

from __future__ import annotations

import html

import ipywidgets as widgets

from wijwerken_widgets.pages.groepswerk import texts
from wijwerken_widgets.pages.groepswerk.view import GroupSection, md_file, md_text
from wijwerken_widgets.pages.groepswerk.work import GroupWork, shown_group
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.store import SharedLogEntry
from wijwerken_widgets.ui.blocks import hidden
from wijwerken_widgets.ui.context import Context


def shared_entries(ctx: Context, work: GroupWork) -> list[SharedLogEntry]:
    """The group's participants' entries shared with this trainer or their group; nothing for anyone else."""
    if not access.for_trainer(ctx):
        return []
    members = {p.id for p in work.members}
    entries = ctx.store.shared_log_entries(ctx.person, cohort_ids=[work.group.cohort_id])
    return [s for s in entries if s.entry.person_id in members and s.entry.sharing in ("trainer", "groep")]


class LogboekView(GroupSection):
    def __init__(self, ctx: Context, work: GroupWork) -> None:
        self.part = texts.load().exercises.logboek
        super().__init__(ctx, work, self.part.title, self.part.instruction)

    def file_stem(self) -> str:
        return self.part.file_name

    def body_html(self) -> str:
        from wijwerken_widgets.shared.logbook import texts as logbook_texts
        from wijwerken_widgets.shared.logbook.widget import entry_html

        entries = shared_entries(self.ctx, self.work)
        if not entries:
            return f"<p class='ww-empty'>{html.escape(self.part.empty)}</p>"
        words = logbook_texts.load()
        return "<ol class='ww-feedback-list'>" + "".join(
            f"<li>{entry_html(s.entry, words, s.author)}</li>" for s in entries) + "</ol>"

    def build_file(self, extension: str) -> bytes:
        from wijwerken_widgets.shared.logbook import texts as logbook_texts
        from wijwerken_widgets.shared.logbook.widget import begun_at, dutch_datetime, entry_day

        words = logbook_texts.load()
        lines = [f"# {self.heading(self.part.title)}"]
        for s in shared_entries(self.ctx, self.work):
            shared = getattr(words.shared_with, s.entry.sharing, "")
            lines.append(f"## {md_text(s.author)} · {dutch_datetime(begun_at(s.entry))} · {entry_day(s.entry, words)}"
                         f" · {shared}\n\n**{md_text(s.entry.prompt or words.free_written)}**  \n{md_text(s.entry.text)}")
        if len(lines) == 1:
            lines.append(f"*{self.part.empty}*")
        return md_file(lines)


def section(ctx: Context) -> widgets.Widget:
    """The ``logboek`` part of ``groepswerk.yaml``: only for trainers, only a group of their cohorts."""
    if not access.for_trainer(ctx) or (work := shown_group(ctx)) is None:
        return hidden()
    return LogboekView(ctx, work)
