"""The olievlek: the fields of an entry (the form for a new one and the editor of an existing one share them), how
what was typed is checked, and the form that adds a new entry ("Toevoegen").

What is typed in the new entry's text fields stays in the browser until the entry is made (``ui/drafts.py``). A
"met wie" that looks like a person's name gets a gentle hint (:func:`looks_like_name`), never a refusal.
"""

from __future__ import annotations

import functools
import html
import re
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle

from wijwerken_widgets.content.schema import TextField
from wijwerken_widgets.core.dutch import LOCAL_TIME, long_date, parse_date
from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.core.text import isolated, without_hidden
from wijwerken_widgets.shared.act.olievlek import MAX_COLLEAGUES, MAX_TAKEN, MAX_WITH, WAYS, Olievlek
from wijwerken_widgets.ui import drafts, styles
from wijwerken_widgets.ui.blocks import box, button, labelled, static_html, text_input
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from wijwerken_widgets.pages.maanden.olievlek_schema import OlievlekForm, OlievlekPart
    from wijwerken_widgets.ui.context import Context



@functools.cache
def _wide() -> DescriptionStyle:
    """One style for the controls whose label stands beside them at its own width (shared: never change it)."""
    return DescriptionStyle(description_width="initial")

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


def today() -> date:
    """Today in the workbook's time zone."""
    return datetime.now(LOCAL_TIME).date()


def looks_like_name(text: str, role_words: Iterable[str], particles: Iterable[str]) -> bool:
    """Whether ``text`` looks like a person's name ("Jan de Vries", "Fatima El Amrani"): two to five words, each
    capitalised or a surname particle, none of them a role or team word, no digits. Only a guess, for a hint."""
    text = without_hidden(text or "").strip()
    if not text or any(c.isdigit() for c in text):
        return False
    words = text.split()
    if not 2 <= len(words) <= 5 or not all(_WORD.fullmatch(w.strip(",.")) for w in words):
        return False
    roles, small = {w.lower() for w in role_words}, {p.lower() for p in particles}
    bare = [w.strip(",.") for w in words]
    if any(w.lower() in roles for w in bare):
        return False
    if not (bare[0][:1].isupper() and bare[-1][:1].isupper()):
        return False
    return all(w[:1].isupper() or w.lower() in small for w in bare)


def colleagues(part: OlievlekPart, count: int) -> str:
    """"1 collega" or "7 collega's"."""
    return part.colleague_one if count == 1 else part.colleague_many.format(aantal=count)


def field_label(label: str) -> str:
    """A field's label as named in a message ("Met wie?" → "Met wie")."""
    return label.strip().rstrip("?:").strip()


class EntryFields:
    """The five controls of an entry, with their labels; ``value()``/``fill()`` read and show an entry's fields."""

    def __init__(self, part: OlievlekPart, entry: Olievlek | None = None) -> None:
        self.part, words = part, part.form
        self.met = text_input(words.met, single_line=True)
        self.aantal = widgets.BoundedIntText(value=1, min=1, max=MAX_COLLEAGUES, description=words.aantal,
                                             layout=styles.layout(), style=_wide())
        self.datum = widgets.Text(value=today().isoformat(), placeholder="jjjj-mm-dd", layout=styles.layout(),
                                  style=styles.text_style(), continuous_update=True)
        self.hoe = widgets.Dropdown(description=words.hoe, options=[(part.ways[w], w) for w in WAYS], value=WAYS[0],
                                    layout=styles.layout(), style=_wide())
        self.meegenomen = text_input(words.meegenomen, rows=3)
        self.name_hint = static_html("", "ww-olievlek-name-hint")
        self.met.observe(lambda _: self._hint(), names="value")
        if entry is not None:
            self.fill(entry.edited_data())

    @property
    def texts(self) -> dict[str, widgets.Widget]:
        """The free-text controls (their typing is kept in the browser until stored)."""
        return {"met": self.met, "datum": self.datum, "meegenomen": self.meegenomen}

    @property
    def controls(self) -> list[widgets.Widget]:
        return [self.met, self.aantal, self.datum, self.hoe, self.meegenomen]

    def widgets(self) -> list[widgets.Widget]:
        """The labelled controls, in the order of the form."""
        words = self.part.form
        date_field = TextField(label=words.datum, help=words.date_hint)
        return [labelled(words.met, self.met, self.name_hint), self.aantal,
                static_html(f"<p class='ww-hint'>{html.escape(words.aantal_hint.format(maximum=MAX_COLLEAGUES))}</p>"),
                labelled(date_field, self.datum), self.hoe, labelled(words.meegenomen, self.meegenomen)]

    def raw(self) -> dict[str, Any]:
        """What the controls show, as typed."""
        return {"met": self.met.value, "aantal": self.aantal.value, "datum": self.datum.value, "hoe": self.hoe.value,
                "meegenomen": self.meegenomen.value}

    def fill(self, value: dict[str, Any]) -> None:
        entry = Olievlek.from_data("", value)
        self.met.value, self.aantal.value, self.datum.value = entry.met, entry.aantal, entry.datum
        self.hoe.value, self.meegenomen.value = entry.hoe, entry.meegenomen

    def problem(self) -> str | None:
        """What keeps the typed entry from being saved (Dutch, naming the field), or ``None``."""
        return check(self.part.form, self.raw())

    def _hint(self) -> None:
        words = self.part.form
        hint = (notice_html(words.name_hint, "info")
                if looks_like_name(self.met.value, words.role_words, words.name_particles) else "")
        if self.name_hint.value != hint:
            self.name_hint.value = hint


def check(words: OlievlekForm, raw: dict[str, Any], *, on: date | None = None) -> str | None:
    """The first problem of a typed entry (missing, too long, not a date, in the future), or ``None``."""
    met, taken, typed_day = (str(raw.get(k) or "").strip() for k in ("met", "meegenomen", "datum"))
    missing = [field_label(label) for label, value in ((words.met.label, met), (words.datum, typed_day),
                                                       (words.meegenomen.label, taken)) if not value]
    if missing:
        return words.missing.format(velden=", ".join(missing))
    for label, value, maximum in ((words.met.label, met, MAX_WITH), (words.meegenomen.label, taken, MAX_TAKEN)):
        if len(value) > maximum:
            return words.too_long.format(veld=field_label(label), maximum=maximum)
    count = raw.get("aantal")
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_COLLEAGUES:
        return words.aantal_invalid.format(maximum=MAX_COLLEAGUES)
    day = parse_date(typed_day)
    if day is None:
        return words.date_invalid.format(waarde=isolated(typed_day[:40]))
    if day > (on or today()):
        return words.date_future.format(datum=long_date(day))
    return None


def entry_of(raw: dict[str, Any], entry_id: str, door: int) -> Olievlek:
    """The entry a checked form holds (texts trimmed, the date as ISO)."""
    day = parse_date(str(raw.get("datum") or ""))
    return Olievlek(entry_id, met=without_hidden(str(raw["met"])).strip(), aantal=int(raw["aantal"]),
                    datum=day.isoformat() if day else "", hoe=raw["hoe"] if raw.get("hoe") in WAYS else WAYS[0],
                    meegenomen=without_hidden(str(raw["meegenomen"])).strip(), door=door)


class EntryForm(widgets.VBox):
    """A new entry: the fields and "Toevoegen". ``add(entry)`` stores it and returns a Dutch problem or ``None``."""

    def __init__(self, ctx: Context, part: OlievlekPart, add: Callable[[Olievlek], str | None]) -> None:
        self.ctx, self.part, self._add = ctx, part, add
        self.fields = EntryFields(part)
        for name, control in self.fields.texts.items():
            if name != "datum":
                drafts.keep(ctx, control, f"maanden.olievlek.nieuw.{name}")  # kept in the browser until added
        self.add_button = button(part.form.add_button, "plus")
        self.add_button.on_click(lambda _: self.submit())
        self.feedback = Feedback()
        super().__init__([static_html(f"<h3>{html.escape(part.form.title)}</h3>"),
                          box(self.fields.widgets(), "ww-olievlek-fields"), self.add_button, self.feedback],
                         layout=styles.layout(), _dom_classes=("ww-olievlek-form",))

    def submit(self) -> Olievlek | None:
        """Check and add what is typed; on a problem the text stays and the feedback line says why."""
        problem = self.fields.problem()
        if problem:
            self.feedback.show(problem, "warning")
            return None
        entry = entry_of(self.fields.raw(), new_id(), self.ctx.person.id)
        problem = self._add(entry)
        if problem:
            self.feedback.show(problem, "error")
            return None
        fields = self.fields
        fields.met.value, fields.meegenomen.value = "", ""
        fields.aantal.value, fields.datum.value = 1, today().isoformat()
        drafts.stored(self.ctx, fields.met, fields.meegenomen)
        self.feedback.show(self.part.form.added.format(met=isolated(entry.met),
                                                       aantal=colleagues(self.part, entry.aantal)), "success")
        return entry
