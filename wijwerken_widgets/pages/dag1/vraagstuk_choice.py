"""Dag 1, oefening 1: kies je vraagstuk ("van buiten naar binnen" of "de interne vraag") en beschrijf het.

Both answers start from the cohort settings (the group's vraagstuk and its description) until the participant
changes them; only what the participant changes is stored.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.pages.dag1 import keys, texts
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import SaveStatus, autosave_widget
from wijwerken_widgets.ui.blocks import Exercise, joined, labelled, static_html, text_input
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.row_list import RowList

if TYPE_CHECKING:
    from wijwerken_widgets.content.schema import ContentModel, VraagstukKind
    from wijwerken_widgets.pages.dag1.schema import VraagstukChoice as Content


def default_kind(ctx: Context) -> str:
    """The group's vraagstuk from the cohort settings (``extern`` when the person has no group)."""
    return ctx.group.vraagstuk if ctx.group is not None else "extern"


def default_description(ctx: Context, kind: str) -> str:
    """The cohort's own description of that vraagstuk: title and problem."""
    settings = (ctx.cohort.settings if ctx.cohort else {}) or {}
    vraagstuk = (settings.get("vraagstukken") or {}).get(kind) or {}
    return "\n\n".join(part for part in (vraagstuk.get("titel"), vraagstuk.get("probleem")) if part)


def chosen_kind(ctx: Context) -> str:
    """The kind of vraagstuk as stored, else the group's."""
    saved = ctx.store.latest_answer(ctx.person.id, keys.VRAAGSTUK_KIND)
    return saved.value if saved is not None and isinstance(saved.value, str) else default_kind(ctx)


def follow_kind(ctx: Context, follow: Callable[[str], None]) -> None:
    """Call ``follow(kind)`` now and whenever this page saves another kind of vraagstuk."""
    follow(chosen_kind(ctx))
    ctx.on_saved(lambda key, version: follow(version.value)
                 if key == keys.VRAAGSTUK_KIND and isinstance(version.value, str) else None)


def follow_examples(ctx: Context, placeholders: Mapping[VraagstukKind, ContentModel],
                    controls: Mapping[str, widgets.Text | widgets.Textarea | RowList]) -> None:
    """Keep the grey examples of ``controls`` fitting the chosen vraagstuk: ``placeholders[kind].<name>`` where the
    content gives one (for a row list: ``<column key>``), else the control's own as it was made."""
    own = {name: c.placeholder for name, c in controls.items() if not isinstance(c, RowList)}

    def follow(kind: str) -> None:
        chosen = next((examples for k, examples in placeholders.items() if k == kind), None)
        for name, control in controls.items():
            if isinstance(control, RowList):
                control.set_placeholders({c.key: getattr(chosen, c.key, "") for c in control.columns})
                continue
            text = getattr(chosen, name, "") or own[name]
            if control.placeholder != text:
                control.placeholder = text

    follow_kind(ctx, follow)


class VraagstukChoiceExercise(Exercise):
    """Two autosaved answers: the kind of vraagstuk and its description in the participant's words."""

    def __init__(self, ctx: Context, content: Content) -> None:
        self.ctx = ctx
        self.content = content
        options = [(option.label, kind) for kind, option in content.options.items()]
        self.kind = widgets.ToggleButtons(options=options, value=default_kind(ctx), style={"button_width": "auto"},
                                          layout=styles.plain_layout(), _dom_classes=("ww-choice",))
        self.option_text = {
            kind: render_markdown(option.description + "\n\n" + "\n".join(f"- {e}" for e in option.examples))
            for kind, option in content.options.items()
        }
        self.option_html = static_html(self.option_text[self.kind.value], "ww-text")
        self.description = text_input(content.description, rows=7, value=default_description(ctx, self.kind.value))
        self.prefilled_note: widgets.HTML | None = None  # made below, once its visibility is known
        self.kind_status, self.description_status = SaveStatus(), SaveStatus()
        self.kind_saver = autosave_widget(ctx, keys.VRAAGSTUK_KIND, self.kind, self.kind_status)
        self.description_saver = autosave_widget(ctx, keys.VRAAGSTUK_DESCRIPTION, self.description,
                                                 self.description_status)
        self.kind.observe(lambda _: self._kind_changed(), names="value")
        self.description.observe(lambda _: self._show_note(), names="value")
        self._kind_changed()
        self.prefilled_note = widgets.HTML(render_markdown(content.prefilled_note), style=styles.html_style(),
                                           layout=widgets.Layout(display=self._note_display()),
                                           _dom_classes=("ww-hint",))
        super().__init__(content.title, content.instruction, [
            self.kind, self.kind_status, self.option_html,
            labelled(content.description, self.description, self.prefilled_note, self.description_status),
        ], lead_html=joined(f'<label class="ww-label">{html.escape(content.choice_label)}</label>'))

    def _kind_changed(self) -> None:
        self.option_html.value = self.option_text[self.kind.value]
        self.description.placeholder = (self.content.options[self.kind.value].placeholder
                                        or self.content.description.placeholder)
        if self.description_saver.untouched:
            # Still the cohort's text: follow the chosen kind. Setting the saved value first keeps it unsaved.
            prefill = default_description(self.ctx, self.kind.value)
            self.description_saver.saved_value = prefill
            self.description.value = prefill
        self._show_note()

    def _note_display(self) -> str:
        """The note about the trainer's text shows while the description still is that text (not to a trainer:
        it is their own text)."""
        if self.ctx.person.role == "trainer":
            return "none"
        is_prefill = self.description.value == default_description(self.ctx, self.kind.value)
        return "" if is_prefill and self.description.value else "none"

    def _show_note(self) -> None:
        if self.prefilled_note is not None:
            self.prefilled_note.layout.display = self._note_display()


def section(ctx: Context) -> widgets.Widget:
    """The ``vraagstuk_choice`` exercise of ``dag1.yaml``."""
    return VraagstukChoiceExercise(ctx, texts.load().exercises.vraagstuk_choice)
