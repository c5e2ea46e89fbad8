"""Deelnemers en codes: a trainer adds a participant to a group of one of their cohorts, or gives someone a new
code; the code is shown once (it is stored only as a hash), as ``wijwerken cohort add-participant`` and
``new-code`` do on the server.

Every action checks again, on the server, that the cohort, the group and the person belong to a cohort this trainer
trains (``shared/trainer_access``): a value forged into a widget's state changes nothing.
"""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING, get_args

import ipywidgets as widgets

from wijwerken_widgets.core.html import Html, format_html, notice_html
from wijwerken_widgets.pages.trainer import texts
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import drafts, styles
from wijwerken_widgets.ui.blocks import Exercise, button, confirm_first, hidden, static_html
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.store import Cohort

log = logging.getLogger("wijwerken")

MAX_NAME = 200
MAX_ACTIONS = 40
"""Codes one page may make (added people and new codes together): enough for a whole cohort, not for a script."""


class CohortTasks(Exercise):
    """A cohort chooser, "Deelnemer toevoegen" (naam, groep, functie) and "Nieuwe code" (wie), with one notice."""

    def __init__(self, ctx: Context) -> None:
        from wijwerken_widgets.people.settings import Functie

        self.ctx, self.part = ctx, texts.load().exercises.cohort
        part, style = self.part, {"description_width": "initial"}
        self.actions = 0
        self.cohort = widgets.Dropdown(description=part.cohort_label, style=style, layout=styles.layout(),
                                       options=[(c.name, c.id) for c in access.trainer_cohorts(ctx)])
        self.name = widgets.Text(description=part.name_label, style=style, layout=styles.layout())
        self.group = widgets.Dropdown(description=part.group_label, style=style, layout=styles.layout())
        self.role = widgets.Dropdown(description=part.role_label, style=style, layout=styles.layout(),
                                     options=list(get_args(Functie)))
        self.add = button(part.add_button)
        self.person = widgets.Dropdown(description=part.person_label, style=style, layout=styles.layout())
        self.reissue = button(part.reissue_button)
        self.notice = static_html("", "ww-cohort-notice")
        self.notice.add_class("ww-live")
        super().__init__(part.title, part.instruction, [
            self.cohort,
            static_html(f"<h3>{html.escape(part.add_title)}</h3>"), self.name, self.group, self.role, self.add,
            static_html(f"<h3>{html.escape(part.reissue_title)}</h3>"), self.person, self.reissue,
            self.notice,
        ])
        drafts.keep(ctx, self.name, "trainer.cohort.naam")  # a typed name stays in the browser until added
        self.cohort.observe(lambda _: self.fill(), names="value")
        self.add.on_click(lambda _: self.add_participant())
        confirm_first(self.reissue, part.reissue_confirm, self.new_code)
        self.fill()

    def _own(self) -> Cohort | None:
        """The chosen cohort, only if this trainer trains it (checked again at every action)."""
        return next((c for c in access.trainer_cohorts(self.ctx) if c.id == self.cohort.value), None)

    def fill(self) -> None:
        """The groups and (not removed) people of the chosen cohort."""
        cohort = self._own()
        store = self.ctx.store
        people = [p for p in store.people(cohort.id) if p.removed_at is None] if cohort else []
        for control, options in ((self.group, [(g.name, g.id) for g in store.groups(cohort.id)] if cohort else []),
                                 (self.person, [(p.name, p.id) for p in sorted(people, key=lambda p: p.name.casefold())])):
            with control.hold_sync():  # ipywidgets 8 selects nothing when the options change: the first, then
                control.options = options
                control.value = options[0][1] if options else None

    def _say(self, text: str, kind: str = "info") -> None:
        self.notice.value = notice_html(text, kind)

    def _show_code(self, template: str, code: str, **names: str) -> None:
        """The one time a code is shown: in the sentence ``template``, then that it is shown only now."""
        sentence = format_html(template, code=Html(f'<code class="ww-code">{html.escape(code)}</code>'), **names)
        self.notice.value = notice_html(Html(f"<p>{sentence}</p><p><strong>{html.escape(self.part.shown_once)}"
                                             "</strong></p>"), "success")

    def _allowed(self) -> bool:
        if self.actions >= MAX_ACTIONS:
            self._say(self.part.too_many, "warning")
            return False
        return True

    def add_participant(self) -> None:
        from wijwerken_widgets.people.cohorts import CohortUpdateError, add_participant, same_name

        part, cohort, name = self.part, self._own(), self.name.value.strip()
        group = next((g for g in self.ctx.store.groups(cohort.id) if g.id == self.group.value), None) if cohort else None
        if cohort is None or group is None or self.role.value not in self.role.options:
            self._say(part.not_yours, "error")
            return
        if not name:
            self._say(part.no_name, "warning")
            return
        if len(name) > MAX_NAME:
            self._say(part.name_too_long.format(max=MAX_NAME), "warning")
            return
        if any(same_name(p.name) == same_name(name) for p in self.ctx.store.people(cohort.id) if p.removed_at is None):
            self._say(part.name_taken.format(naam=name), "warning")
            return
        if not self._allowed():
            return
        try:
            issued = add_participant(self.ctx.store, cohort, name, group.name, self.role.value,
                                     actor_id=self.ctx.person.id, origin="kernel")
        except (CohortUpdateError, LookupError, ValueError):
            log.exception("adding a participant from the trainer page failed")
            self._say(part.not_yours, "error")
            return
        except StoreUnavailable as exc:
            self._say(exc.message, "error")
            return
        self.actions += 1
        self.name.value = ""
        drafts.stored(self.ctx, self.name)
        self.fill()
        self._show_code(part.added, issued.code, naam=issued.naam, groep=group.name)

    def new_code(self) -> None:
        from wijwerken_widgets.people.cohorts import reissue_code

        part, cohort = self.part, self._own()
        self.reissue.description, self.reissue.button_style = part.reissue_button, ""
        person = self.ctx.store.person(self.person.value) if cohort and isinstance(self.person.value, int) else None
        if cohort is None or person is None or person.cohort_id != cohort.id or person.removed_at is not None:
            self._say(part.not_yours, "error")
            return
        if not self._allowed():
            return
        try:
            code = reissue_code(self.ctx.store, person.id, actor_id=self.ctx.person.id, origin="kernel")
        except StoreUnavailable as exc:
            self._say(exc.message, "error")
            return
        self.actions += 1
        self._show_code(part.reissued, code, naam=person.name)


def section(ctx: Context) -> widgets.Widget:
    """The ``cohort`` part of ``trainer.yaml``: only for trainers."""
    if not access.for_trainer(ctx):
        return hidden()
    return CohortTasks(ctx)
