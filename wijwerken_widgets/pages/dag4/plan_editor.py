"""Dag 4: the editor of one action of the actieplan (made when the action is first chosen in ``plan.ActionPlan``,
then reused). The action is one ``actie`` item (:class:`~wijwerken_widgets.shared.act.items.Actie`), autosaved as a
whole by :class:`ItemAutosave`, so groupmates' edits show up while nobody here is typing. Under the rode draden it
answers, one fold-out per rode draad shows the quotes that carry it.
"""

from __future__ import annotations

import html
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

import ipywidgets as widgets

from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.pages.dag4.plan_checks import dates_reversed
from wijwerken_widgets.shared.act.items import ANSWERS, Actie, Thema
from wijwerken_widgets.shared.act.monitoring import Status
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import SaveStatus
from wijwerken_widgets.ui.blocks import box, button, confirm_first, labelled, static_html, text_input
from wijwerken_widgets.ui.item_autosave import ItemAutosave
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag4.plan_schema import PlanPart
    from wijwerken_widgets.shared.act.session import ActSession

MAX_TEXT = 2000
"""The most characters one field of an action may hold."""
SINGLE_LINE = ("wat", "met_wie")
_WIDE = {"description_width": "initial"}


class Plan(Protocol):
    """What an editor needs of the plan it belongs to (``plan.ActionPlan``)."""

    session: ActSession
    part: PlanPart

    def owner_options(self, extra: str = "") -> list[tuple[str, str]]: ...

    def threads(self) -> list[Thema]: ...

    def resolve(self, draden: tuple[str, ...]) -> tuple[str, ...]: ...

    def quotes_html(self, thread_ids: tuple[str, ...]) -> str: ...



def owner_value(kind: str, owner: str) -> str:
    """The owner list's value of an action's owner: ``""`` (nobody), ``"groep"``, ``"stakeholder:<id>"`` …"""
    if kind in ("", "groep"):
        return kind
    return f"{kind}:{owner}" if owner else ""


def parse_owner(value: str) -> tuple[str, str]:
    """``(eigenaar_soort, eigenaar)`` of an owner list value (see :func:`owner_value`)."""
    kind, _, owner = (value or "").partition(":")
    return kind, owner


def iso(day: Any) -> str:
    return day.isoformat() if isinstance(day, date) else ""


def as_date(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


class ActionEditor:
    """The fields of one action."""

    def __init__(self, owner: Plan, item: GroupItem) -> None:
        self.owner, self.item_id = owner, item.item_id
        self._quiet = True  # until the saver has loaded the stored version
        words = owner.part.editor
        fields = words.fields
        self.texts = {name: text_input(getattr(fields, name), rows=2, single_line=name in SINGLE_LINE)
                      for name in Actie.TEXTS}
        self.thread_boxes: dict[str, widgets.Checkbox] = {}
        self._threads_key: tuple = ()
        self._kept: tuple[str, ...] = ()  # stored rode draden that have no checkbox now (no longer chosen)
        self.threads_area = box([])
        self.eigenaar = widgets.Dropdown(description=fields.eigenaar, options=owner.owner_options(), value="",
                                         layout=styles.layout(), style=_WIDE)
        self.start = widgets.DatePicker(description=fields.start, value=None, style=_WIDE)
        self.eind = widgets.DatePicker(description=fields.eind, value=None, style=_WIDE)
        self.morgen = widgets.Dropdown(description=fields.morgen, options=list(zip(words.morgen_options, ANSWERS)),
                                       value="", layout=styles.layout(), style=_WIDE)
        self.morgen_hint = static_html("", "ww-hint")
        self.owner_hint = static_html("", "ww-hint")
        self.quotes = static_html("", "ww-plan-quotes")
        self.feedback = Feedback()
        self.status = SaveStatus()
        self.remove_button = button(words.remove_button, "trash")
        confirm_first(self.remove_button, words.confirm_remove, self.remove)
        self.refresh_threads()
        self.saver = ItemAutosave(owner.session, Actie.KIND, item.item_id, get_value=self.value, set_value=self.fill,
                                  status=self.status, fields=self.texts)
        self._quiet = False
        self._shown()
        for control in [self.eigenaar, self.start, self.eind, self.morgen, *self.texts.values()]:
            control.observe(self._edited, names="value")
        self.widget = box([
            labelled(fields.wat, self.texts["wat"]),
            labelled(fields.waarom, self.texts["waarom"]),
            self.threads_area,
            self.quotes,
            self.eigenaar,
            self.owner_hint,
            labelled(fields.met_wie, self.texts["met_wie"]),
            widgets.HBox([self.start, self.eind], layout=widgets.Layout(flex_flow="row wrap")),
            labelled(fields.nodig, self.texts["nodig"]),
            labelled(fields.merkbaar, self.texts["merkbaar"]),
            self.morgen,
            self.morgen_hint,
            self.feedback,
            self.status,
            self.remove_button,
        ], "ww-plan ww-action")

    # -- value -----------------------------------------------------------------------------------------------
    def draden(self) -> tuple[str, ...]:
        """The ticked rode draden (in their order), then the stored ones without a checkbox now."""
        ticked = tuple(theme_id for theme_id, box_ in self.thread_boxes.items() if box_.value)
        return ticked + tuple(t for t in self._kept if t not in self.thread_boxes)

    def value(self) -> dict[str, Any]:
        """What the form shows, as the action's stored fields."""
        kind, eigenaar = parse_owner(self.eigenaar.value)
        action = Actie(self.item_id, draden=self.draden(), eigenaar_soort=kind, eigenaar=eigenaar,
                       start=iso(self.start.value), eind=iso(self.eind.value), morgen=self.morgen.value or "",
                       **{name: control.value for name, control in self.texts.items()})
        return action.edited_data()

    def fill(self, value: dict[str, Any]) -> None:
        """Show a stored version (the first load, or a groupmate's edit); the saver does not save what it fills."""
        quiet, self._quiet = self._quiet, True
        try:
            action = Actie.from_data(self.item_id, value)
            self._fill(replace(action, draden=self.owner.resolve(action.draden)))
        finally:
            self._quiet = quiet
        self._shown()

    def _fill(self, action: Actie) -> None:
        for name, control in self.texts.items():
            control.value = getattr(action, name)
        self._kept = tuple(t for t in action.draden if t not in self.thread_boxes)
        for theme_id, box_ in self.thread_boxes.items():
            box_.value = theme_id in action.draden
        chosen = owner_value(action.eigenaar_soort, action.eigenaar)
        if chosen not in (v for _, v in self.eigenaar.options):
            self.eigenaar.options = self.owner.owner_options(chosen)
        self.eigenaar.value = chosen
        self.start.value, self.eind.value = as_date(action.start), as_date(action.eind)
        self.morgen.value = action.morgen

    # -- drawing ---------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """The rode draden, owners and quotes as the plan knows them now (themes or the map changed)."""
        self.refresh_threads()
        options = self.owner.owner_options(self.eigenaar.value or "")
        if options != list(self.eigenaar.options):
            current = self.eigenaar.value
            self._quiet = True  # new options are not an edit
            try:
                self.eigenaar.options = options
                self.eigenaar.value = current
            finally:
                self._quiet = False
        self._shown()

    def refresh_threads(self) -> None:
        """One checkbox per rode draad (keyboard-usable, its name as plain text); rebuilt when they changed."""
        threads = self.owner.threads()
        key = tuple((t.id, t.naam) for t in threads)
        if key == self._threads_key:
            return
        self._threads_key = key
        current = self.owner.resolve(self.draden())
        boxes = {}
        for theme in threads:
            boxes[theme.id] = widgets.Checkbox(value=theme.id in current, description=theme.naam, indent=False,
                                               layout=styles.layout())
            boxes[theme.id].observe(self._edited, names="value")
        self._kept = tuple(t for t in current if t not in boxes)
        self.thread_boxes = boxes
        words = self.owner.part.editor
        title = f'<div class="ww-label">{html.escape(words.fields.draden)}</div>'
        if not threads:
            title += f"<p class='ww-empty'>{html.escape(words.no_themes)}</p>"
        self.threads_area.children = [static_html(title), *boxes.values()]

    def _shown(self) -> None:
        """The parts that follow the form's values: the hint under "nee" and the quotes of the ticked rode draden."""
        hint = render_markdown(self.owner.part.editor.morgen_hint) if self.morgen.value == "nee" else ""
        if hint != self.morgen_hint.value:
            self.morgen_hint.value = hint
        quotes = self.owner.quotes_html(self.draden())
        if quotes != self.quotes.value:
            self.quotes.value = quotes
        # once the group follows the action, its owner changes on the months' page, behind the niet-overnemen guard
        followed = any(i.data.get("actie_id") == self.item_id for i in self.owner.session.live(Status.KIND))
        if self.eigenaar.disabled != followed:
            self.eigenaar.disabled = followed
            self.owner_hint.value = html.escape(self.owner.part.editor.owner_in_months) if followed else ""

    def _edited(self, _change: dict) -> None:
        if self._quiet:
            return
        self._shown()
        words = self.owner.part.editor
        for name, control in self.texts.items():
            if len(control.value) > MAX_TEXT:
                label = getattr(words.fields, name).label
                self.feedback.show(words.too_long.format(veld=label, maximum=MAX_TEXT), "error")
                return  # not saved until it is shorter; the browser keeps the text meanwhile
        if dates_reversed(Actie(self.item_id, start=iso(self.start.value), eind=iso(self.eind.value))):
            self.feedback.show(words.dates_reversed, "warning")
        else:
            self.feedback.clear()
        self.saver.changed()

    # -- removing --------------------------------------------------------------------------------------------
    def remove(self) -> None:
        """Remove the action (a new version marked removed; the history keeps every version)."""
        session = self.owner.session
        if not self.saver.flush():
            return  # the status line says why and keeps the text
        if session.item(Actie.KIND, self.item_id) is None:
            return
        try:
            session.update(Actie.KIND, self.item_id,
                           lambda item: None if item is None or item.deleted else item.data, deleted=True)
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return
        self.saver.close()  # nothing is pending (flushed above): it only stops following the removed item

