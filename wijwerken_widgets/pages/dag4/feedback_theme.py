"""Dag 4, terugleggen: one chosen rode draad — the quotes it shows (and choosing them), and what was said back.

The choice of quotes is saved on the theme (``Thema.voorbeelden``) with ``ActSession.update``, so a groupmate's
choice made at the same moment is kept; the response is the theme's ``Reactie`` item, autosaved as a whole
(``ItemAutosave``). The card is built once per theme and reused; it only shows what :class:`Draad` says.
"""

from __future__ import annotations

import functools
import html
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle

from wijwerken_widgets.content.schema import TextField
from wijwerken_widgets.pages.dag4.feedback_picture import Draad, examples_html, heading_html, option_label
from wijwerken_widgets.shared.act.examples import MAXIMUM, toggled
from wijwerken_widgets.shared.act.items import RECOGNITION, Reactie, Thema
from wijwerken_widgets.shared.act.session import ActSession
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import SaveStatus
from wijwerken_widgets.ui.blocks import box, button, labelled, static_html, text_input
from wijwerken_widgets.ui.item_autosave import ItemAutosave
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag4.feedback_schema import FeedbackPart


@functools.cache
def _checkbox_style() -> CheckboxStyle:
    return CheckboxStyle(description_width="initial")


class ThemeCard:
    """The card of one chosen rode draad (``widget``): heading, example quotes, their picker, the response."""

    def __init__(self, session: ActSession, part: FeedbackPart, theme_id: str) -> None:
        self.session, self.part, self.theme_id = session, part, theme_id
        self.draad: Draad | None = None
        self.heading = static_html("", "ww-text")
        self.examples = static_html("", "ww-text ww-feedback-examples")
        self.choose = button(part.examples.choose_button, "check-square-o")
        self.choose.on_click(lambda _: self.toggle_picker())
        self.picker = box([], "ww-example-picker")
        self.checks: dict[str, widgets.Checkbox] = {}
        self._checks_for: tuple | None = None  # the candidates the checkboxes were made for
        self._picker_label: widgets.HTML | None = None
        self._syncing = False
        self.message = Feedback()
        words = part.response
        self.herkenning = widgets.Dropdown(options=list(zip(words.herkenning_options, RECOGNITION)),
                                          value=RECOGNITION[0], layout=styles.layout())
        self.controls = {"aanvulling": text_input(words.aanvulling), "veranderd": text_input(words.veranderd)}
        self.status = SaveStatus()
        self.saver = ItemAutosave(session, Reactie.KIND, theme_id, get_value=self.value, set_value=self.fill,
                                  status=self.status, fields=self.controls)
        for control in [self.herkenning, *self.controls.values()]:
            control.observe(lambda _: self.saver.changed(), names="value")
        self.widget = box([
            self.heading, self.examples, widgets.HBox([self.choose], layout=styles.plain_layout()), self.picker,
            self.message, static_html(f"<h4>{html.escape(words.title)}</h4>"),
            labelled(TextField(label=words.herkenning), self.herkenning),
            labelled(words.aanvulling, self.controls["aanvulling"]),
            labelled(words.veranderd, self.controls["veranderd"], self.status),
        ], "ww-card ww-feedback-theme")

    # -- the response ------------------------------------------------------------------------------------------
    def value(self) -> dict[str, Any]:
        """What the form shows, as the response's stored fields."""
        return Reactie(self.theme_id, herkenning=self.herkenning.value,
                       **{name: control.value for name, control in self.controls.items()}).data()

    def fill(self, value: dict[str, Any]) -> None:
        """Show a stored version (the first load, or a groupmate's edit); the saver does not save what it fills."""
        response = Reactie.from_data(self.theme_id, value)
        self.herkenning.value = response.herkenning
        for name, control in self.controls.items():
            control.value = getattr(response, name)

    # -- what it shows -----------------------------------------------------------------------------------------
    def show(self, draad: Draad) -> None:
        """Show ``draad`` (only what changed is sent to the browser)."""
        self.draad = draad
        heading, examples = heading_html(draad), examples_html(self.part, draad)
        if heading != self.heading.value:
            self.heading.value = heading
        if examples != self.examples.value:
            self.examples.value = examples
        if self.picker.children:
            self._build_checks()
        self._sync_checks()

    def own_choice(self) -> list[str]:
        """The quotes the group chose (empty while the workbook picks)."""
        draad = self.draad
        return [] if draad is None or not draad.chosen else [s.quote_id for s in draad.examples]

    # -- choosing the quotes -----------------------------------------------------------------------------------
    def toggle_picker(self) -> None:
        """Open the checkboxes of the supporting quotes (made the first time), or close them."""
        words = self.part.examples
        if self.picker.children:
            self.picker.children = []
            self.choose.description = words.choose_button
            return
        self._build_checks()
        self.choose.description = words.close_button

    def _build_checks(self) -> None:
        """The checkboxes of the current supporting quotes (the old ones closed when the quotes changed)."""
        candidates = () if self.draad is None else self.draad.candidates
        if candidates == self._checks_for and self.picker.children:
            return
        if candidates != self._checks_for:
            for old in self.checks.values():
                old.close()
            self.checks = {}
            for quote, shown in candidates:
                check = widgets.Checkbox(False, description=option_label(self.part, shown), indent=False,
                                         layout=styles.plain_layout(), style=_checkbox_style())
                check.observe(lambda change, quote_id=quote.id: self._ticked(quote_id, change["new"]),
                              names="value")
                self.checks[quote.id] = check
            self._checks_for = candidates
        if self._picker_label is None:
            label = self.part.examples.choose_label.format(maximum=MAXIMUM)
            self._picker_label = static_html(f"<p class='ww-hint'>{html.escape(label)}</p>")
        self.picker.children = [self._picker_label, *self.checks.values()]
        self._sync_checks()

    def _sync_checks(self) -> None:
        chosen = set(self.own_choice())
        self._syncing = True
        try:
            for quote_id, check in self.checks.items():
                if check.value != (quote_id in chosen):
                    check.value = quote_id in chosen
        finally:
            self._syncing = False

    def _ticked(self, quote_id: str, on: bool) -> None:
        """Save the choice on the theme (again on a groupmate's newer version); refuse a fourth quote."""
        if self._syncing or self.draad is None:
            return
        valid = [q.id for q, _ in self.draad.candidates]
        if on and len(self.own_choice()) >= MAXIMUM:
            self.message.show(self.part.examples.too_many.format(maximum=MAXIMUM), "warning")
            self._sync_checks()
            return

        def change(item: GroupItem | None) -> dict | None:
            if item is None or item.deleted:
                return None
            new = toggled(Thema.of(item).voorbeelden, quote_id, on, valid)
            return None if new is None else {**item.data, "voorbeelden": new}

        try:
            saved = self.session.update(Thema.KIND, self.theme_id, change)
        except StoreUnavailable as exc:
            self.message.show(exc.message, "error")
            self._sync_checks()
            return
        if self.message.value:
            self.message.clear()
        if saved is None:
            self._sync_checks()
