"""Dag 4: terugleggen — the chosen rode draden given back to the people involved, and what they said.

Per chosen rode draad a card (``feedback_theme.py``): its example quotes, which the group may choose, and the
response (herkenning, what they added, what we changed), autosaved. "Presenteren" shows the same rode draden large
for the projector. Everything in this section is anonymised (``feedback_picture.py``): no name of a stakeholder or
of a colleague, and only quotes of conversations with consent. Below: "wat we veranderden na het terugleggen"
(``feedback_summary.py``) and, for trainers only, every substitution made.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.pages.dag4.feedback_picture import Picture, picture, projector_html, substitutions_html
from wijwerken_widgets.pages.dag4.feedback_summary import Changes, changes, has_content, summary_html
from wijwerken_widgets.pages.dag4.feedback_theme import ThemeCard
from wijwerken_widgets.shared.act.session import ActSession, page_act
from wijwerken_widgets.shared.act.sources import Sources, page_sources
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, box, button, details_html, hidden, markdown, static_html
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag4.feedback_schema import FeedbackPart


class GivingBack(widgets.VBox):
    """The chosen rode draden of one group, to give back and to write down what was said.

    ``people`` are the names of the cohort's people (hidden like the stakeholders' names); ``trainer`` adds the list
    of substitutions (never made for a participant, so it never reaches their browser)."""

    children: tuple[widgets.Widget, ...]

    def __init__(self, session: ActSession, sources: Sources, part: FeedbackPart, *, people: Iterable[str] = (),
                 trainer: bool = False) -> None:
        self.session, self.sources, self.part = session, sources, part
        self.soorten = dict(texts.load().common.soorten)
        self.people = list(people)
        self.cards: dict[str, ThemeCard] = {}
        words = part.projector
        self.present = button(words.present_button, "television", "ww-primary")
        self.present.on_click(lambda _: self.toggle_projector())
        self.projector: widgets.HTML | None = None
        self.projector_area = box([])
        self.cards_area = box([])
        self.summary = static_html("", "ww-text ww-feedback-summary")
        self.substitutions = static_html("", "ww-details") if trainer else None
        self.top = [widgets.HBox([self.present], layout=styles.plain_layout()),
                    static_html(f"<p class='ww-hint'>{html.escape(words.hint)}</p>"), self.projector_area]
        self.empty = markdown(part.no_chosen, "ww-empty")
        self._changes: tuple[int, dict[str, Changes]] = (-1, {})
        self.picture: Picture | None = None
        super().__init__([], layout=styles.layout(), _dom_classes=("ww-giving-back",))
        session.on_change(lambda _: self.refresh())
        sources.on_change(lambda _: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        """Derive the picture again and show what changed."""
        self.picture = found = picture(self.session, self.sources, self.people, self.part, self.soorten,
                                       trainer=self.substitutions is not None)
        for draad in found.draden:
            card = self.cards.get(draad.theme.id)
            if card is None:
                card = self.cards[draad.theme.id] = ThemeCard(self.session, self.part, draad.theme.id)
            card.show(draad)
        shown = tuple(self.cards[d.theme.id].widget for d in found.draden)
        if self.cards_area.children != shown:
            self.cards_area.children = shown
        if self.projector is not None:
            self._set(self.projector, projector_html(self.part, found.draden))
        self._set(self.summary, self._summary_html(found))
        children: list[widgets.Widget] = [*self.top, self.cards_area] if found.draden else [self.empty]
        children.append(self.summary)
        if self.substitutions is not None:
            words = self.part.substitutions
            self._set(self.substitutions, details_html(words.title, substitutions_html(self.part, found)))
            children.append(self.substitutions)
        if list(self.children) != children:
            self.children = tuple(children)

    def _summary_html(self, found: Picture) -> str:
        """The summary; derived again only after a change, and only once a response was written."""
        themes, responses = self.session.themes(), self.session.responses()
        if self._changes[0] != self.session.revision and any(map(has_content, responses.values())):
            self._changes = (self.session.revision, changes(self.session.versions, {t.id: t for t in themes}))
        return summary_html(self.part, themes, responses, self._changes[1], found.anonymiser)

    @staticmethod
    def _set(widget: widgets.HTML, value: str) -> None:
        if widget.value != value:
            widget.value = value

    # -- the projector -----------------------------------------------------------------------------------------
    def toggle_projector(self) -> None:
        """Show the rode draden large (made the first time), or hide them again."""
        words = self.part.projector
        if self.projector_area.children:
            self.projector_area.children = []
            self.present.description = words.present_button
            return
        if self.projector is None:
            self.projector = static_html("", "ww-projector")
        draden = () if self.picture is None else self.picture.draden
        self._set(self.projector, projector_html(self.part, draden))
        self.projector_area.children = [self.projector]
        self.present.description = words.stop_button

    @property
    def presenting(self) -> bool:
        return bool(self.projector_area.children)


def section(ctx: Context) -> widgets.Widget:
    """The ``feedback`` part of ``dag4.yaml`` (nothing for someone in no group)."""
    part = texts.load().exercises.feedback
    session, sources = page_act(ctx), page_sources(ctx)
    if session is None or sources is None:
        return hidden()
    people = [p.name for p in ctx.store.people(ctx.cohort.id)] if ctx.cohort is not None else []
    view = GivingBack(session, sources, part, people=people, trainer=ctx.person.role == "trainer")
    return Exercise(part.title, part.instruction, [view])
