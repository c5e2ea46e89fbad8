"""The pecha kucha page, part 1: pick 20 of the proposed slides, order them and edit them, each with an alt text.

The proposals (``proposals.py``) are read once when the page opens. Every picked slide is a card in one of at most
20 slots, made the first time that many slides are picked and then reused: moving a slide up or down only fills two
slots anew. The whole deck is one autosaved answer (``keys.SLIDES``, records ``{bron, titel, tekst, alt}``), so
nothing typed is lost; the rules (no more than 20, no proposal twice, limits) are ``deck.py``'s.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from wijwerken_widgets.pages.pechakucha import deck as rules
from wijwerken_widgets.pages.pechakucha import keys, texts
from wijwerken_widgets.pages.pechakucha.deck import Slide
from wijwerken_widgets.pages.pechakucha.material import gather
from wijwerken_widgets.pages.pechakucha.proposals import Proposal, proposals
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import Autosave, SaveStatus
from wijwerken_widgets.ui.blocks import Exercise, box, button, labelled, markdown, static_html, text_input
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.pechakucha.schema import PechakuchaContent


LABEL_LENGTH = 80
"""How long a proposal's checkbox label may be (a checkbox label is one line; its slide shows everything)."""


def pick_label(template: str, proposal: Proposal) -> str:
    """A proposal as a choice: its title and as much of its text as fits (plain text: a label is never HTML)."""
    label = template.format(titel=proposal.titel, begin="", bron=proposal.bron)
    room = max(LABEL_LENGTH - len(label), 10)
    begin = " ".join(proposal.tekst.split())
    begin = begin if len(begin) <= room else begin[:room - 1].rstrip() + "\u2026"
    label = template.format(titel=proposal.titel, begin=begin, bron=proposal.bron)
    return label.rstrip(": ") if not begin else label


class Slot:
    """The card of the slide at one place of the deck: heading, title, text, alt text, and up, down, remove."""

    def __init__(self, editor: SlideEditor, index: int) -> None:
        self.editor, self.index = editor, index
        part = editor.content.exercises.editor
        self.heading = static_html("", "ww-text ww-slide-heading")
        self.fields: dict[str, widgets.Text | widgets.Textarea] = {
            "titel": text_input(part.titel, single_line=True),
            "tekst": text_input(part.tekst, rows=3),
            "alt": text_input(part.alt, single_line=True),
        }
        for name, field in self.fields.items():
            field.observe(lambda change, name=name: editor.edit(self.index, name, change["new"]), names="value")
            editor.saver.keep_field(f"{index}.{name}", field)
        number = index + 1
        self.up = button(part.up_button.format(nummer=number), "arrow-up")
        self.down = button(part.down_button.format(nummer=number), "arrow-down")
        self.remove = button(part.remove_button.format(nummer=number), "trash")
        self.up.on_click(lambda _: editor.move(self.index, -1))
        self.down.on_click(lambda _: editor.move(self.index, 1))
        self.remove.on_click(lambda _: editor.remove(self.index))
        self.widget = box([
            self.heading,
            labelled(part.titel, self.fields["titel"]),
            labelled(part.tekst, self.fields["tekst"]),
            labelled(part.alt, self.fields["alt"]),
            widgets.HBox([self.up, self.down, self.remove], layout=widgets.Layout(flex_flow="row wrap")),
        ], "ww-slide-card")

    def show(self, slide: Slide, total: int, source: str) -> None:
        """Fill the card with ``slide`` (the change events this fires are not edits: the editor is filling)."""
        part = self.editor.content.exercises.editor
        heading = part.slide_heading.format(nummer=self.index + 1, totaal=total, bron=source)
        self._set(self.heading, f"<h3>{html.escape(heading)}</h3>")
        for name, field in self.fields.items():
            self._set(field, getattr(slide, name))
        self.up.disabled = self.index == 0
        self.down.disabled = self.index == total - 1

    @staticmethod
    def _set(widget: widgets.Widget, value: Any) -> None:
        if widget.value != value:
            widget.value = value


class SlideEditor(widgets.VBox):
    """The proposals to tick, the count, and the picked slides in order; the deck is autosaved as one answer."""

    children: tuple[widgets.Widget, ...]

    def __init__(self, ctx: Context, content: PechakuchaContent, found: Sequence[Proposal]) -> None:
        self.ctx, self.content, self.proposals = ctx, content, list(found)
        part = content.exercises.editor
        self.size, self.limits = content.slides, rules.limits_of(content.limits)
        self.deck: list[Slide] = []
        self._filling = False
        self.sources = {p.id: p.bron for p in self.proposals}
        self.boxes: dict[str, widgets.Checkbox] = {}
        for proposal in self.proposals:
            tick = widgets.Checkbox(False, description=pick_label(part.pick_label, proposal), indent=False,
                                    layout=styles.layout())
            tick.observe(lambda change, p=proposal: self.tick(p, change["new"]), names="value")
            self.boxes[proposal.id] = tick
        self.count = widgets.Label("", layout=styles.layout(), style=styles.label_style(),
                                   _dom_classes=("ww-slide-count",))
        self.first_button = button(part.pick_first_button, "check-square")
        self.first_button.on_click(lambda _: self.pick_first())
        self.own_button = button(part.own_button, "plus")
        self.own_button.on_click(lambda _: self.add_own())
        self.feedback = Feedback()
        self.slots: list[Slot] = []
        self.slots_area = box([])
        self.empty_html = f"<p class='ww-empty'>{html.escape(part.deck_empty)}</p>"
        self.empty = static_html(self.empty_html)
        self.status = SaveStatus()
        self.saver = Autosave(ctx, keys.SLIDES, get_value=lambda: rules.records(self.deck), set_value=self.fill,
                              status=self.status, empty=[])
        listing: list[widgets.Widget] = list(self.boxes.values()) or [markdown(part.no_proposals, "ww-empty")]
        proposals_box = box([static_html(f"<h3>{html.escape(part.proposals_title)}</h3>", "ww-text"),
                             markdown(part.proposals_hint, "ww-hint"), *listing], "ww-slide-proposals")
        super().__init__([
            proposals_box,
            widgets.HBox([self.first_button, self.own_button], layout=widgets.Layout(flex_flow="row wrap")),
            self.count, self.feedback,
            static_html(f"<h3>{html.escape(part.deck_title)}</h3>", "ww-text"),
            self.empty, self.slots_area, self.status,
        ], layout=styles.layout(), _dom_classes=("ww-pechakucha-editor",))
        self.render()

    # -- the stored answer ------------------------------------------------------------------------------------
    def fill(self, value: Any) -> None:
        """Show a stored deck."""
        self.deck = rules.from_stored(value, self.size, self.limits)
        if hasattr(self, "saver"):  # not while the saver loads the stored deck: __init__ renders after it
            self.render()

    def _changed(self, deck: list[Slide]) -> None:
        self.deck = deck
        self.render()
        self.saver.changed()

    # -- actions (also called by tests, as the buttons do) --------------------------------------------------------
    def tick(self, proposal: Proposal, on: bool) -> None:
        """Pick (``on``) or put back a proposal, as its checkbox does."""
        if self._filling:
            return
        self.feedback.clear()
        if not on:
            self._changed(rules.without(self.deck, proposal.id))
            return
        added = rules.picked(self.deck, Slide(proposal.id, proposal.titel, proposal.tekst, proposal.alt), self.size)
        if added is None:
            self.feedback.show(self.content.exercises.editor.full.format(totaal=self.size), "warning")
            self.render()  # the box goes back to unticked
            return
        self._changed(added)

    def pick_first(self) -> None:
        """Fill the deck up to 20 with the first proposals not picked yet, in their order."""
        deck = list(self.deck)
        for proposal in self.proposals:
            deck = rules.picked(deck, Slide(proposal.id, proposal.titel, proposal.tekst, proposal.alt),
                                self.size) or deck
        self.feedback.clear()
        self._changed(deck)

    def add_own(self) -> None:
        """Add an empty slide to type, as "Eigen dia toevoegen" does."""
        added = rules.picked(self.deck, rules.own_slide(), self.size)
        if added is None:
            self.feedback.show(self.content.exercises.editor.full.format(totaal=self.size), "warning")
            return
        self.feedback.clear()
        self._changed(added)

    def move(self, index: int, step: int) -> None:
        """Move slide ``index`` one place; the keyboard focus follows it (to the same button of its new card, or the
        other arrow at an end), so pressing again moves the same slide on."""
        self._changed(rules.moved(self.deck, index, step))
        to = index + step
        if 0 <= to < len(self.deck) and to < len(self.slots):
            slot = self.slots[to]
            at_end = to == 0 if step < 0 else to == len(self.deck) - 1
            (slot.up if (step < 0) != at_end else slot.down).focus()

    def remove(self, index: int) -> None:
        if 0 <= index < len(self.deck):
            self._changed(rules.without(self.deck, self.deck[index].bron))

    def edit(self, index: int, name: str, text: str) -> None:
        """A field of slide ``index`` was typed in."""
        if self._filling or index >= len(self.deck):
            return
        limit = self.limits[name]
        self.deck = rules.edited(self.deck, index, name, text, self.limits)
        if len(text) > limit:
            part = self.content.exercises.editor
            label = getattr(part, name).label
            self.feedback.show(part.clipped.format(veld=label, maximum=limit), "warning")
            self.render()
        self.saver.changed()

    # -- showing ------------------------------------------------------------------------------------------------
    def render(self) -> None:
        """Make the checkboxes, the count and the slots show the deck."""
        part = self.content.exercises.editor
        self._filling = True
        try:
            picked = {s.bron for s in self.deck}
            for proposal_id, tick in self.boxes.items():
                if tick.value != (proposal_id in picked):
                    tick.value = proposal_id in picked
            while len(self.slots) < len(self.deck):
                self.slots.append(Slot(self, len(self.slots)))
            for slot, slide in zip(self.slots, self.deck):
                slot.show(slide, len(self.deck), part.own_source if slide.own else self.sources.get(slide.bron, ""))
        finally:
            self._filling = False
        shown = tuple(slot.widget for slot in self.slots[:len(self.deck)])
        if self.slots_area.children != shown:
            self.slots_area.children = shown
        empty = "" if self.deck else self.empty_html
        if self.empty.value != empty:
            self.empty.value = empty
        self.count.value = part.count.format(aantal=len(self.deck), totaal=self.size)
        self.first_button.disabled = len(self.deck) >= self.size


def editor(ctx: Context, content: PechakuchaContent | None = None, *,
           gather_material: Callable[[Context], Any] = gather) -> SlideEditor:
    """The editor for the logged-in person, with the proposals from their own work."""
    content = content or texts.load()
    return SlideEditor(ctx, content, proposals(gather_material(ctx), content))


def section(ctx: Context) -> widgets.Widget:
    """The ``editor`` part of ``pechakucha.yaml``."""
    content = texts.load()
    part = content.exercises.editor
    return Exercise(part.title, part.instruction, [editor(ctx, content)])
