"""An editable list of small records (aannames, perspectieven): one card per row, add and remove buttons."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, replace

import ipywidgets as widgets

from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import box, button, confirm_first, static_html

Row = dict[str, str]


@dataclass(frozen=True)
class Column:
    """One input per row: ``key`` in the stored record, its label, and either a placeholder or choices."""

    key: str
    label: str
    placeholder: str = ""
    options: tuple[str, ...] = ()


class RowList(widgets.VBox):
    """Rows of plain-text inputs; :attr:`value` is a list of ``{column key: text}``.

    ``on_change`` is called after every edit, add or remove (autosave listens to it).
    """

    def __init__(self, columns: list[Column], *, add_label: str, remove_label: str, confirm_label: str,
                 empty_text: str) -> None:
        self.columns = self._own_columns = columns
        self.remove_label, self.confirm_label = remove_label, confirm_label
        self._callbacks: list[Callable[[], None]] = []
        self._rows: list[dict[str, widgets.ValueWidget]] = []
        self._keep: Callable[[str, widgets.Widget], None] | None = None
        self.rows_box = widgets.VBox(layout=styles.plain_layout())
        self.empty = widgets.HTML(f'<p class="ww-empty">{html.escape(empty_text)}</p>', style=styles.html_style())
        self.add_button = button(add_label, "plus", "ww-add")
        self.add_button.on_click(lambda _: self.add_row())
        super().__init__([self.empty, self.rows_box, self.add_button], layout=styles.plain_layout(),
                         _dom_classes=("ww-row-list",))

    # -- value -----------------------------------------------------------------------------------------------
    @property
    def value(self) -> list[Row]:
        return [{key: control.value for key, control in row.items()} for row in self._rows]

    @value.setter
    def value(self, rows: list[Row]) -> None:
        self._rows = []
        self._render([self._make_row(row) for row in rows or []])

    def on_change(self, callback: Callable[[], None]) -> None:
        self._callbacks.append(callback)

    def keep_fields(self, keep: Callable[[str, widgets.Widget], None]) -> None:
        """Call ``keep(name, text input)`` for every text input, now and in rows made later (``name`` is
        ``<row>.<column key>``), e.g. ``Autosave.keep_field`` so the browser keeps their unsaved text."""
        self._keep = keep
        for index, row in enumerate(self._rows):
            for key, control in row.items():
                if isinstance(control, widgets.Text):
                    keep(f"{index}.{key}", control)

    def _changed(self) -> None:
        for callback in self._callbacks:
            callback()

    # -- rows ------------------------------------------------------------------------------------------------
    def add_row(self, values: Row | None = None) -> None:
        """Add a row (empty, or with ``values``), as the add button does."""
        card = self._make_row(values or {})
        self._render([*self.rows_box.children, card])
        self._changed()

    def remove_row(self, index: int) -> None:
        """Remove row ``index``, as its remove button does."""
        del self._rows[index]
        cards = list(self.rows_box.children)
        del cards[index]
        self._render(cards)
        self._changed()

    def _make_row(self, values: Row) -> widgets.Widget:
        controls: dict[str, widgets.ValueWidget] = {}
        for column in self.columns:
            if column.options:
                value = values.get(column.key) or column.options[-1]
                control = widgets.Dropdown(options=list(column.options), value=value if value in column.options
                                           else column.options[-1], description=column.label,
                                           style={"description_width": "initial"})
            else:
                control = widgets.Text(value=values.get(column.key, ""), placeholder=column.placeholder,
                                       layout=styles.layout(), style=styles.text_style(), continuous_update=True)
            control.observe(lambda _: self._changed(), names="value")
            controls[column.key] = control
            if self._keep is not None and isinstance(control, widgets.Text):
                self._keep(f"{len(self._rows)}.{column.key}", control)
        self._rows.append(controls)
        remove = button(self.remove_label, "trash", "ww-remove")
        card = box([], "ww-row-card")
        confirm_first(remove, self.confirm_label, lambda: self.remove_row(list(self.rows_box.children).index(card)))
        parts: list[widgets.Widget] = []
        for column in self.columns:
            control = controls[column.key]
            if not column.options:
                parts.append(static_html(f'<label class="ww-label">{html.escape(column.label)}</label>'))
            parts.append(control)
        card.children = [*parts, remove]
        return card

    def set_placeholders(self, placeholders: dict[str, str]) -> None:
        """Show other grey examples (``{column key: text}``; an empty text keeps the column's own), in every row."""
        self.columns = [replace(c, placeholder=placeholders.get(c.key) or c.placeholder) if not c.options else c
                        for c in self._own_columns]
        for row in self._rows:
            for column in self.columns:
                control = row[column.key]
                if isinstance(control, widgets.Text) and control.placeholder != column.placeholder:
                    control.placeholder = column.placeholder

    def _render(self, cards: list[widgets.Widget]) -> None:
        self.rows_box.children = cards
        self.empty.layout.display = "none" if cards else ""
