"""Een naam verwijderen (AVG): a trainer removes a stakeholder's or resident's name from every version of one of
their cohorts' texts, on request, as ``wijwerken privacy forget-name`` does on the server (``store/forget.py``).

"Zoeken" shows where the name occurs, per group and kind, in what a trainer may see: privé logboek entries (and
the logboek's draft) are never counted, not even as a number. "Verwijderen" asks first, then replaces the name in
every version — privé entries too, silently: a removal on request must reach every version, and the trainer learns
nothing from it. Every action checks again, on the server, that the person is a trainer (from the login) and that
the cohort is one they train; the typed name is not kept in the browser (no draft) and never written to the audit
trail. Open pages of the group still show the old name until reloaded, and a save from such a page would store it
again as a new version: the notice asks the trainer to have the group reload.
"""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets import pages
from wijwerken_widgets.core.html import Html, format_html, name_html, notice_html
from wijwerken_widgets.pages.trainer import texts
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui import texts as common_texts
from wijwerken_widgets.ui.blocks import Exercise, button, confirm_first, hidden, static_html
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.store import Cohort
    from wijwerken_widgets.store.forget import NameUse

log = logging.getLogger("wijwerken")

MAX_NAME = 200
SPACES = {"map_items": "map", "conversation_items": "gesprekken", "act_items": "act"}
"""The store space of each item table (the key registries name item kinds per space)."""


def _kind_labels() -> dict[tuple[str, str], str]:
    """(table, kind) → the Dutch label of an item kind (the pages' key registries)."""
    tables = {space: table for table, space in SPACES.items()}
    return {(tables[item.space], item.kind): item.label for registry in pages.registries() for item in registry.items
            if item.space in tables}


class ForgetName(Exercise):
    """A cohort chooser, the name, "Zoeken" and "Verwijderen" (asks first), with one notice."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.part = ctx, texts.load().exercises.forget
        part, style = self.part, {"description_width": "initial"}
        self.cohort = widgets.Dropdown(description=part.cohort_label, style=style, layout=styles.layout(),
                                       options=[(c.name, c.id) for c in access.trainer_cohorts(ctx)])
        self.name = widgets.Text(description=part.name_label, style=style, layout=styles.layout())
        self.search = button(part.search_button)
        self.remove = button(part.remove_button)
        self.remove.disabled = True  # only after a search for the name as it is typed now
        self.notice = static_html("", "ww-forget-notice")
        self.notice.add_class("ww-live")
        super().__init__(part.title, part.instruction, [self.cohort, self.name, self.search, self.remove, self.notice])
        self.name.observe(lambda _: self._reset(), names="value")
        self.cohort.observe(lambda _: self._reset(), names="value")
        self.search.on_click(lambda _: self.find())
        confirm_first(self.remove, part.remove_confirm, self.forget)

    def _reset(self) -> None:
        with self.remove.hold_sync():
            self.remove.disabled, self.remove.description = True, self.part.remove_button
            self.remove.button_style = ""

    def _own(self) -> Cohort | None:
        """The chosen cohort, only if this person is a trainer who trains it (checked again at every action)."""
        if not access.for_trainer(self.ctx):
            return None
        return next((c for c in access.trainer_cohorts(self.ctx) if c.id == self.cohort.value), None)

    def _say(self, text: str | Html, kind: str = "info") -> None:
        self.notice.value = notice_html(text, kind)

    def _checked_name(self) -> str | None:
        """The typed name, or ``None`` after saying why it cannot be looked for."""
        from wijwerken_widgets.store.forget import MIN_NAME_LETTERS, name_pattern

        name = self.name.value.strip()
        try:
            if len(name) > MAX_NAME:
                raise ValueError("too long")
            name_pattern(name, common_texts.load().privacy.removed_name)
        except ValueError:
            self._say(self.part.bad_name.format(min=MIN_NAME_LETTERS, max=MAX_NAME), "warning")
            return None
        return name

    def find(self) -> None:
        """Say where the name occurs (what a trainer may see) and allow "Verwijderen"."""
        self._reset()
        cohort = self._own()
        if cohort is None:
            self._say(self.part.not_yours, "error")
            return
        name = self._checked_name()
        if name is None:
            return
        try:
            uses = self.ctx.store.name_uses(cohort.id, name, count_private=False)
        except StoreUnavailable as exc:
            self._say(exc.message, "error")
            return
        self._say(Html(self._uses_html(cohort, name, uses)))
        self.remove.disabled = False

    def _uses_html(self, cohort: Cohort, name: str, uses: list[NameUse]) -> str:
        part = self.part
        # With a trainer's own database role (JupyterHub) row security hides privé entries from the removal too.
        note = f"<p>{html.escape(part.private_note_hub if self.ctx.store.as_person() else part.private_note)}</p>"
        if not uses:
            return f"<p>{format_html(part.not_found, naam=name)}</p>{note}"
        groups = {g.id: g.name for g in self.ctx.store.groups(cohort.id)}
        kinds, navigation = _kind_labels(), {p.workbook.removesuffix(".ipynb"): p.name
                                             for p in common_texts.load().navigation.pages}
        blocks: dict[int | None, list[str]] = {}
        for use in uses:
            if use.table == "answers":
                what = part.answers_label.format(pagina=navigation.get(use.kind, use.kind))
            elif use.table == "logbook":
                what = part.logbook_label
            else:
                what = kinds.get((use.table, use.kind), use.kind)
            line = format_html(part.use_line, wat=Html(html.escape(what)), aantal=use.items, versies=use.versions)
            blocks.setdefault(use.group_id, []).append(f"<li>{line}</li>")
        body = "".join(f"<h4>{name_html(groups.get(g, part.no_group)) if g is not None else html.escape(part.no_group)}"
                       f"</h4><ul>{''.join(lines)}</ul>" for g, lines in blocks.items())
        return f"<p>{format_html(part.found, naam=name)}</p>{body}{note}"

    def forget(self) -> None:
        """Replace the name in every version (after the confirmation), then say it is done."""
        part, cohort = self.part, self._own()
        self._reset()
        if cohort is None:
            self._say(part.not_yours, "error")
            return
        name = self._checked_name()
        if name is None:
            return
        replacement = common_texts.load().privacy.removed_name
        try:
            self.ctx.store.forget_name(cohort.id, name, replacement, count_private=False, origin="kernel",
                                       actor_id=self.ctx.person.id)
        except StoreUnavailable as exc:
            self._say(exc.message, "error")
            return
        try:
            self.ctx.store.compact()  # SQLite: no freed page keeps the old text
        except StoreUnavailable:
            log.warning("the database could not be compacted after a name was removed (busy); "
                        "run wijwerken privacy forget-name with --yes to compact it")
        self.name.value = ""
        self._say(format_html(part.removed, naam=name, vervanging=replacement), "success")


def section(ctx: Context) -> widgets.Widget:
    """The ``forget`` part of ``trainer.yaml``: only for trainers."""
    if not access.for_trainer(ctx):
        return hidden()
    return ForgetName(ctx)
