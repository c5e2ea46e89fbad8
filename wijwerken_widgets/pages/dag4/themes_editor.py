"""Dag 4: the group's themes — make one, rename it and write its "wel/niet" definition (autosaved, merged per field
with a groupmate's edit), merge it into another, split off some of its quotes, or remove it (undo in the history)."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.pages.dag4.analysis import MAX_NAME, MAX_THEMES, Analysis
from wijwerken_widgets.pages.dag4.themes_quotes import short
from wijwerken_widgets.shared.act import operations
from wijwerken_widgets.shared.act.items import Thema
from wijwerken_widgets.shared.stakeholders.model import clean_text, name_key
from wijwerken_widgets.store import ItemChange
from wijwerken_widgets.ui import drafts, styles
from wijwerken_widgets.ui.autosave import SaveStatus
from wijwerken_widgets.ui.blocks import box, button, confirm_first, labelled, static_html, text_input
from wijwerken_widgets.ui.item_autosave import ItemAutosave
from wijwerken_widgets.ui.notices import Feedback

NEW = "__nieuw__"
FIELDS = ("naam", "wel", "niet")


class _ThemeForm:
    """The form of one existing theme (made when first chosen, then reused)."""

    def __init__(self, owner: ThemeEditor, theme_id: str) -> None:
        self.owner, self.theme_id = owner, theme_id
        words = owner.words
        self.controls = {name: text_input(getattr(words, name), single_line=True) for name in FIELDS}
        self.status = SaveStatus()
        session = owner.analysis.session
        self.saver = ItemAutosave(session, Thema.KIND, theme_id, get_value=self.value, set_value=self.fill,
                                  status=self.status, fields=self.controls)
        for control in self.controls.values():
            control.observe(self._edited, names="value")
        self.widget = box([labelled(getattr(words, name), control) for name, control in self.controls.items()]
                          + [self.status], "ww-theme-form")

    def _edited(self, _change: dict) -> None:
        """Save the edit, unless the name is empty, too long or another theme's (the text stays, with why)."""
        problem = self.owner._check_name(clean_text(self.controls["naam"].value), self.theme_id)
        if problem:
            self.owner.feedback.show(problem, "warning")
            return
        self.owner.feedback.clear()
        self.saver.changed()

    def value(self) -> dict[str, Any]:
        """The theme as stored, with the form's three fields (what else it holds is kept as it is)."""
        item = self.owner.analysis.session.item(Thema.KIND, self.theme_id)
        stored = {k: v for k, v in (item.data if item is not None else {}).items() if k != "aangemaakt"}
        return {**stored, **{name: self.controls[name].value for name in FIELDS}}

    def fill(self, value: dict[str, Any]) -> None:
        theme = Thema.from_data(self.theme_id, value)
        for name in FIELDS:
            self.controls[name].value = getattr(theme, name)


class ThemeEditor(widgets.VBox):
    """Choose a theme (or "Nieuw thema maken") and work on it."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis, self.words = analysis, analysis.part.editor
        words = self.words
        self._quiet = False
        self.chooser = widgets.Dropdown(description=words.choose_label, layout=styles.layout(),
                                        style={"description_width": "initial"})
        self.chooser.observe(self._on_choice, names="value")
        self.new_name = text_input(words.naam, single_line=True)
        self.new_wel = text_input(words.wel, single_line=True)
        self.new_niet = text_input(words.niet, single_line=True)
        for name, control in (("naam", self.new_name), ("wel", self.new_wel), ("niet", self.new_niet)):
            drafts.keep(analysis.ctx, control, f"dag4.nieuw-thema.{name}")  # kept in the browser until made
        create = button(words.save_button, "plus")
        create.on_click(lambda _: self.create())
        self.new_form = box([labelled(words.naam, self.new_name), labelled(words.wel, self.new_wel),
                             labelled(words.niet, self.new_niet), create], "ww-theme-form")
        self.forms: dict[str, _ThemeForm] = {}
        self.merge_target = widgets.Dropdown(description=words.merge_label, layout=styles.layout(),
                                             style={"description_width": "initial"})
        merge = button(words.merge_button, "compress")
        merge.on_click(lambda _: self.merge())
        self.split_boxes: dict[str, widgets.Checkbox] = {}
        self.split_area = box([])
        split = button(words.split_button, "scissors")
        split.on_click(lambda _: self.split())
        remove = button(words.remove_button, "trash")
        confirm_first(remove, words.confirm_remove, self.remove)
        self.remove_button = remove
        self.tools = box([widgets.HBox([self.merge_target, merge], layout=styles.plain_layout()),
                          static_html(f"<p class='ww-hint'>{html.escape(words.split_help)}</p>"), self.split_area,
                          split, remove], "ww-theme-tools")
        self.area = box([])
        self.feedback = Feedback()
        super().__init__([self.chooser, self.area, self.feedback], layout=styles.layout(),
                         _dom_classes=("ww-theme-editor",))
        self._options: list = []
        analysis.on_change(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        themes = self.analysis.themes()
        options = [(self.words.new_theme, NEW)] + [(t.naam or "?", t.id) for t in themes]
        if options != self._options:
            self._options = options
            current = self.chooser.value
            self._quiet = True
            try:
                self.chooser.options = options
                self.chooser.value = current if current in [v for _, v in options] else NEW
            finally:
                self._quiet = False
        self._show()

    def _on_choice(self, _change: dict) -> None:
        if not self._quiet:
            self._show()

    def _show(self) -> None:
        theme_id = self.chooser.value
        if theme_id in (None, NEW):
            children = [self.new_form]
        else:
            form = self.forms.get(theme_id)
            if form is None:
                form = self.forms[theme_id] = _ThemeForm(self, theme_id)
            self._draw_tools(theme_id)
            children = [form.widget, self.tools]
        if list(self.area.children) != children:
            self.area.children = children

    def _draw_tools(self, theme_id: str) -> None:
        others = [(t.naam, t.id) for t in self.analysis.themes() if t.id != theme_id]
        options = [(self.words.merge_choose, "")] + others
        if list(self.merge_target.options) != options:
            self.merge_target.options = options
            self.merge_target.value = ""
        visible = {k.citaat_id for k in self.analysis.links() if k.thema_id == theme_id}
        quotes = [q for q in self.analysis.sources.quotes if q.id in visible]
        if [q.id for q in quotes] != list(self.split_boxes):
            self.split_boxes = {q.id: widgets.Checkbox(description=short(q.tekst, 90), indent=False,
                                                       layout=styles.layout()) for q in quotes}
            self.split_area.children = list(self.split_boxes.values())

    # -- acting ----------------------------------------------------------------------------------------------
    def _check_name(self, naam: str, theme_id: str | None = None) -> str | None:
        words = self.words
        if not naam:
            return words.name_empty
        if len(naam) > MAX_NAME:
            return words.name_too_long.format(maximum=MAX_NAME)
        if any(name_key(t.naam) == name_key(naam) and t.id != theme_id for t in self.analysis.themes()):
            return words.name_twice.format(naam=isolated(naam))
        return None

    def create(self) -> None:
        words, naam = self.words, clean_text(self.new_name.value)
        problem = self._check_name(naam)
        if problem is None and len(self.analysis.themes()) >= MAX_THEMES:
            problem = words.too_many.format(maximum=MAX_THEMES)
        if problem:
            self.feedback.show(problem, "warning")
            return
        theme = Thema(new_id(), naam=naam, wel=clean_text(self.new_wel.value), niet=clean_text(self.new_niet.value))
        message = self.analysis.act(lambda: [ItemChange(Thema.KIND, theme.id, theme.data())])
        if message:
            self.feedback.show(message, "error")
            return
        for control in (self.new_name, self.new_wel, self.new_niet):
            control.value = ""
        drafts.stored(self.analysis.ctx, self.new_name, self.new_wel, self.new_niet)
        self.chooser.value = theme.id
        self.feedback.show(words.saved.format(naam=isolated(naam)), "success")

    def merge(self) -> None:
        source, target, analysis = self.chooser.value, self.merge_target.value, self.analysis
        if not target:
            self.feedback.show(self.words.merge_choose, "warning")
            return
        names = {t.id: t.naam for t in analysis.themes()}
        message = analysis.act(lambda: operations.merge(analysis.session.items, source, target, door=analysis.me,
                                                        fase=analysis.link_phase))
        if message:
            self.feedback.show(message, "error")
            return
        self.chooser.value = target
        self.feedback.show(self.words.merged.format(van=isolated(names.get(source, "")),
                                                    naar=isolated(names.get(target, ""))), "success")

    def split(self) -> None:
        source, analysis, words = self.chooser.value, self.analysis, self.words
        chosen = [quote_id for quote_id, box_ in self.split_boxes.items() if box_.value]
        if not chosen:
            self.feedback.show(words.split_none, "warning")
            return
        naam = words.split_name.format(naam=next((t.naam for t in analysis.themes() if t.id == source), ""))
        new = new_id()
        message = analysis.act(lambda: operations.split(analysis.session.items, source, chosen, naam[:MAX_NAME],
                                                        door=analysis.me, fase=analysis.link_phase,
                                                        new_theme_id=new)[1])
        if message:
            self.feedback.show(message, "error")
            return
        self.chooser.value = new
        self.feedback.show(words.split_done.format(naam=isolated(naam), aantal=len(chosen)), "success")

    def remove(self) -> None:
        theme_id, analysis = self.chooser.value, self.analysis
        self.remove_button.description, self.remove_button.button_style = self.words.remove_button, ""
        item = analysis.session.item(Thema.KIND, theme_id)
        if item is None:
            return
        def removal() -> list[ItemChange]:
            current = analysis.session.item(Thema.KIND, theme_id)
            return [] if current is None else [ItemChange(Thema.KIND, theme_id, current.data, current.version, True)]

        message = analysis.act(removal)
        if message:
            self.feedback.show(message, "error")
            return
        self.feedback.show(self.words.removed.format(naam=isolated(Thema.of(item).naam)), "info")
