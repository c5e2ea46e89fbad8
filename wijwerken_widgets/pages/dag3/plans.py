"""Dag 3: with whom does the group talk? The Dag 2 shortlist, and one shared plan per conversation.

The shortlist and the list of plans follow the group's :class:`ConversationSession`; every plan is one
``gesprek`` item, autosaved by :class:`ItemAutosave`. Under the questions: live question coaching and, on
request, suggested open questions to take over.
"""

from __future__ import annotations

import html
import unicodedata
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from wijwerken_widgets.content.loader import TextField
from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.pages.dag3 import texts
from wijwerken_widgets.pages.dag3.plans_coaching import coach_questions, suggest_questions
from wijwerken_widgets.shared.conversations.items import Gesprek, question_lines
from wijwerken_widgets.shared.conversations.session import ConversationSession, page_conversations
from wijwerken_widgets.shared.groups import group_links
from wijwerken_widgets.shared.stakeholders.model import ENERGIE, SOORTEN, Stakeholder, new_id, shortlist
from wijwerken_widgets.shared.stakeholders.session import page_map
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import SaveStatus
from wijwerken_widgets.ui.blocks import Exercise, box, button, labelled, markdown, static_html, text_input
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.item_autosave import ItemAutosave
from wijwerken_widgets.ui.notices import message

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.schema import PlansPart
    from wijwerken_widgets.shared.stakeholders.session import MapSession

NOBODY = 0  # the "wie" choice "Nog niemand" (stored as None)
WIE_FIELD = TextField("Wie voert het gesprek?")
EMPTY_PLANS = "Nog geen gesprekken gepland. Kies hierboven met wie jullie in gesprek gaan."
NO_GAP = ("Op jullie kaart staat niemand bij wie de energie omhoog moet. Kies hieronder iemand van de kaart "
          "om mee in gesprek te gaan.")


def _question_key(question: str) -> str:
    """What makes two questions the same: case, spacing and the closing punctuation ignored."""
    return " ".join(unicodedata.normalize("NFKC", question).casefold().split()).rstrip("?!. ")


def conversation_label(session: ConversationSession, item: GroupItem) -> str:
    """"Wethouder Jansen · Fatima · week 12": with whom, who talks, and when (when known)."""
    plan = Gesprek.of(item)
    parts = [plan.stakeholder or "Onbekende stakeholder", session.author(plan.wie) if plan.wie else "nog niemand"]
    wanneer = " ".join(plan.wanneer.split())
    if wanneer:
        parts.append(wanneer if len(wanneer) <= 40 else wanneer[:39] + "…")
    return " · ".join(parts)


def set_options(selector: widgets.Dropdown, options: list[tuple[str, str]], value: str | None) -> None:
    """New options and value for a selector; observers checking ``selector.quiet`` skip the steps between."""
    selector.quiet = True
    try:
        selector.options = options
        selector.value = value
    finally:
        selector.quiet = False


def _opening_words(question: str, count: int = 6) -> str:
    words = question.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _numbers(numbers: list[int]) -> str:
    """"Vraag 2" or "Vragen 1, 3 en 4"."""
    if len(numbers) == 1:
        return f"Vraag {numbers[0]}"
    return "Vragen " + ", ".join(map(str, numbers[:-1])) + f" en {numbers[-1]}"


def coaching_html(lines: list[str]) -> str:
    """Coaching on all questions (escaped, one list): each tip names its question; open ones share a line."""
    if not lines:
        return ""
    feedback = coach_questions(lines)
    items, good, good_message = [], [], ""
    for index, line in enumerate(lines):
        for item in feedback[index]:
            if item.kind == "goed":
                good.append(index + 1)
                good_message = item.message
                continue
            example = html.escape(item.example or "")
            example = example and f'<div class="ww-coach-example">{example}</div>'
            items.append(
                f'<li class="ww-coach-tip" data-rule="{html.escape(item.rule)}">'
                '<span class="ww-coach-icon">➜</span>'
                f"<span><strong>Vraag {index + 1}</strong> (“{html.escape(_opening_words(line))}”): "
                f"{html.escape(item.message)}{example}</span></li>"
            )
    if good:
        items.append(
            f'<li class="ww-coach-goed" data-rule="open_question"><span class="ww-coach-icon">✓</span>'
            f"<span><strong>{_numbers(good)}</strong>: {html.escape(good_message)}</span></li>"
        )
    title = '<div class="ww-coach-title">Feedback op jullie vragen</div>'
    return f'<div class="ww-coach">{title}<ul>{"".join(items)}</ul></div>'


class _PlanEditor:
    """The fields of one conversation plan (built when the plan is first chosen, then reused)."""

    def __init__(self, owner: ConversationPlans, item: GroupItem) -> None:
        self.owner, self.item_id = owner, item.item_id
        session, fields = owner.session, owner.part.fields
        self.wie = widgets.Dropdown(options=owner.wie_options(), value=NOBODY, layout=styles.layout())
        self.controls = {name: text_input(getattr(fields, name), rows=2, single_line=name == "wanneer")
                         for name in Gesprek.TEXTS}
        self.vragen = text_input(fields.vragen, rows=6)
        self.suggest_button = button("Vraagsuggesties", "lightbulb-o")
        self.suggest_button.on_click(lambda _: self.show_suggestions())
        self.suggestions = box([])
        self.suggested: list[tuple[str, widgets.Button]] = []
        self.notice = box([])
        self.remove_button = button("Gesprek verwijderen", "trash")
        self.remove_button.on_click(lambda _: self.ask_remove())
        self.confirm = box([])
        self._confirm_children: list[widgets.Widget] | None = None
        self.status = SaveStatus()
        self.saver = ItemAutosave(
            session, Gesprek.KIND, item.item_id, get_value=self.value, set_value=self.fill, status=self.status,
            fixed=Gesprek.of(item).fixed_data(),
        )
        # Made after the first load: a value set after construction is one more message to the browser.
        self.coaching = static_html(coaching_html(question_lines(self.vragen.value)))
        for control in [self.wie, self.vragen, *self.controls.values()]:
            control.observe(self._edited, names="value")
        self.widget = box([
            labelled(WIE_FIELD, self.wie),
            labelled(fields.wanneer, self.controls["wanneer"]),
            labelled(fields.doel, self.controls["doel"]),
            labelled(fields.opening, self.controls["opening"]),
            labelled(fields.vragen, self.vragen, self.coaching, self.suggest_button, self.suggestions,
                     self.notice),
            labelled(fields.luisteren, self.controls["luisteren"]),
            labelled(fields.afsluiten, self.controls["afsluiten"]),
            self.status,
            self.remove_button,
            self.confirm,
        ], "ww-plan")

    # -- value -----------------------------------------------------------------------------------------------
    def value(self) -> dict[str, Any]:
        """What the form shows, as the plan's edited fields."""
        plan = Gesprek(self.item_id, wie=self.wie.value or None, vragen=tuple(question_lines(self.vragen.value)),
                       **{name: control.value for name, control in self.controls.items()})
        return plan.edited_data()

    def fill(self, value: dict[str, Any]) -> None:
        """Show a stored version (the first load, or a groupmate's edit); the saver does not save what it fills."""
        plan = Gesprek.from_data(self.item_id, value)
        wie = plan.wie or NOBODY
        if wie not in (v for _, v in self.wie.options):
            self.wie.options = [*self.wie.options, (self.owner.session.author(wie), wie)]
        self.wie.value = wie
        for name, control in self.controls.items():
            control.value = getattr(plan, name)
        self.vragen.value = "\n".join(plan.vragen)

    def _edited(self, change: dict) -> None:
        if change["owner"] is self.vragen:
            self._questions_changed()
        self.saver.changed()

    # -- questions -------------------------------------------------------------------------------------------
    def _questions_changed(self) -> None:
        lines = question_lines(self.vragen.value)
        value = coaching_html(lines)
        if value != self.coaching.value:
            self.coaching.value = value
        self._mark_added(lines)

    def show_suggestions(self) -> None:
        """Suggested open questions for this stakeholder, each with a button that adds it to the questions."""
        session = self.owner.session
        item = session.item(Gesprek.KIND, self.item_id)
        if item is None:
            return
        try:
            answer = session.ctx.store.latest_answer(session.ctx.person.id, "dag1.hoofdvraag")
        except StoreUnavailable as exc:
            self.say(exc.message, "error")
            return
        hoofdvraag = answer.value if answer is not None and isinstance(answer.value, str) else ""
        stakeholder = self.owner.stakeholder_of(item)
        questions = suggest_questions(hoofdvraag, stakeholder, session.ctx.group.vraagstuk)
        self.suggested, rows = [], []
        for question in questions:
            add = button("Toevoegen", "plus")
            add.on_click(lambda _, q=question: self.add_question(q))
            self.suggested.append((question, add))
            rows.append(widgets.HBox([add, static_html(html.escape(question))], layout=styles.plain_layout()))
        self.suggestions.children = [markdown(self.owner.part.suggestions_intro, "ww-hint"), *rows]
        self.notice.children = []
        self._mark_added(question_lines(self.vragen.value))

    def add_question(self, question: str) -> None:
        """Append ``question`` as a new line, unless it is already one of the questions."""
        lines = question_lines(self.vragen.value)
        if _question_key(question) in {_question_key(line) for line in lines}:
            self.say("Die vraag staat er al.", "info")
            return
        text = self.vragen.value.rstrip()
        self.vragen.value = f"{text}\n{question}" if text else question
        self.notice.children = []

    def _mark_added(self, lines: list[str]) -> None:
        present = {_question_key(line) for line in lines}
        for question, add in self.suggested:
            added = _question_key(question) in present
            add.disabled = added
            add.description = "Staat erin" if added else "Toevoegen"
            add.icon = "check" if added else "plus"

    # -- removing --------------------------------------------------------------------------------------------
    def ask_remove(self) -> None:
        """First click: ask to confirm (the confirmation controls are made when first needed)."""
        if self._confirm_children is None:
            yes, no = button("Ja, verwijderen", "trash"), button("Nee, bewaren")
            yes.on_click(lambda _: self.remove())
            no.on_click(lambda _: setattr(self.confirm, "children", []))
            text = ("Weet je het zeker? Het plan verdwijnt voor de hele groep. "
                    "In de geschiedenis blijft het bewaard.")
            self._confirm_children = [message(text, "warning"),
                                      widgets.HBox([yes, no], layout=styles.plain_layout())]
        self.confirm.children = self._confirm_children

    def remove(self) -> None:
        session = self.owner.session
        self.confirm.children = []
        if not self.saver.flush():
            return  # the status line says why and keeps the text
        item = session.item(Gesprek.KIND, self.item_id)
        if item is None:
            return
        try:
            session.put_item(Gesprek.of(item), base_version=item.version, deleted=True)
        except StoreUnavailable as exc:
            self.say(exc.message, "error")

    def say(self, text: str, kind: str) -> None:
        self.notice.children = [message(text, kind)]


class ConversationPlans(widgets.VBox):
    """The shortlist with who talks to whom, buttons to take a conversation on, and the editor of one plan."""

    def __init__(self, session: ConversationSession, map_session: MapSession | None, part: PlansPart) -> None:
        self.session, self.map_session, self.part = session, map_session, part
        self.editors: dict[str, _PlanEditor] = {}
        self._wie_options: list[tuple[str, int]] | None = None
        self._buttons_key: tuple | None = None
        self._other_options: list[tuple[str, str]] = []
        self._plan_options: list[tuple[str, str]] = []
        self.shortlist_view = static_html(self.shortlist_html())
        self.take_buttons = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self.other = widgets.Dropdown(description=part.other_stakeholder, layout=styles.layout(),
                                      style={"description_width": "initial"})
        other_button = button("Gesprek plannen", "plus")
        other_button.on_click(lambda _: self.take_other())
        refresh = button("Vernieuwen", "refresh")
        refresh.on_click(lambda _: self.refresh())
        self.feedback = box([])
        self.selector = widgets.Dropdown(description="Gesprek", layout=styles.layout(),
                                         style={"description_width": "initial"})
        self.selector.quiet = False
        self.selector.observe(lambda _: self.selector.quiet or self._show(self.selector.value), names="value")
        self.editor_area = box([])
        self.empty = static_html(f"<p class='ww-empty'>{html.escape(EMPTY_PLANS)}</p>")
        self.plans_area = box([])
        super().__init__([
            self.shortlist_view,
            self.take_buttons,
            widgets.HBox([self.other, other_button, refresh], layout=widgets.Layout(align_items="center")),
            self.feedback,
            static_html("<h3>Jullie gespreksplannen</h3>"),
            self.plans_area,
        ], layout=styles.layout(), _dom_classes=("ww-conversation-plans",))
        session.on_change(lambda _: self._refresh_all())
        if map_session is not None:
            map_session.on_change(lambda _: self._draw_shortlist())
        self._refresh_all()

    # -- reading ---------------------------------------------------------------------------------------------
    def _stakeholders(self) -> tuple[Stakeholder, ...]:
        return () if self.map_session is None else self.map_session.map.stakeholders

    def _planned(self) -> dict[str, list[GroupItem]]:
        planned: dict[str, list[GroupItem]] = {}
        for item in self.session.conversations():
            planned.setdefault(Gesprek.of(item).stakeholder_id, []).append(item)
        return planned

    def _who_when(self, item: GroupItem) -> str:
        plan = Gesprek.of(item)
        wanneer = " ".join(plan.wanneer.split())
        who = self.session.author(plan.wie) if plan.wie else "nog niemand"
        return f"{who}, {wanneer}" if wanneer else who

    def shortlist_html(self) -> str:
        """The shortlist (escaped), each with its energy and the conversations the group planned with them."""
        title = f"<h3>{html.escape(self.part.shortlist_title)}</h3>"
        everyone = self._stakeholders()
        if not everyone:
            return title + render_markdown(self.part.shortlist_empty)
        chosen = shortlist(self.map_session.map)
        if not chosen:
            return title + f"<p class='ww-empty'>{html.escape(NO_GAP)}</p>"
        planned = self._planned()
        items = []
        for s in chosen:
            plans = planned.get(s.id, [])
            status = "gesprek gepland: " + "; ".join(map(self._who_when, plans)) if plans \
                else "nog geen gesprek gepland"
            energy = f"{ENERGIE[s.energie_nu].lower()} → {ENERGIE[s.energie_gewenst].lower()}"
            items.append(
                f"<li><strong>{html.escape(s.naam)}</strong> <span class='ww-hint'>"
                f"({html.escape(SOORTEN.get(s.soort, s.soort))}: {html.escape(energy)})</span><br>"
                f"<span class='ww-hint'>{html.escape(status)}</span></li>"
            )
        return title + f"<ol class='ww-shortlist'>{''.join(items)}</ol>"

    def stakeholder_of(self, item: GroupItem) -> Stakeholder:
        """The plan's stakeholder as on the map now, or (no longer on it) by the name it was planned with."""
        plan = Gesprek.of(item)
        found = None if self.map_session is None else self.map_session.map.by_id().get(plan.stakeholder_id)
        return found or Stakeholder(id=plan.stakeholder_id, naam=plan.stakeholder)

    def wie_options(self) -> list[tuple[str, int]]:
        """"Nog niemand" and the group's participants (read once), and whoever is logged in."""
        if self._wie_options is None:
            try:
                people = [(p.name, p.id) for p in self.session.members()]
            except StoreUnavailable:
                people = []
            me = self.session.ctx.person
            if all(pid != me.id for _, pid in people):
                people.append((me.name, me.id))
            self._wie_options = [("Nog niemand", NOBODY), *people]
        return list(self._wie_options)

    # -- drawing ---------------------------------------------------------------------------------------------
    def _refresh_all(self) -> None:
        self._draw_shortlist()
        self._refresh_selector()

    def _draw_shortlist(self) -> None:
        value = self.shortlist_html()
        if value != self.shortlist_view.value:
            self.shortlist_view.value = value
        chosen = shortlist(self.map_session.map) if self._stakeholders() else []
        planned = self._planned()
        key = tuple((s.id, s.naam, s.id in planned) for s in chosen)
        if key != self._buttons_key:
            self._buttons_key = key
            self.take_buttons.children = [self._take_button(s, s.id in planned) for s in chosen]
        options = [("Kies een stakeholder", ""),
                   *((f"{s.naam} (al gepland)" if s.id in planned else s.naam, s.id)
                     for s in self._stakeholders())]
        if options != self._other_options:
            current = self.other.value
            self._other_options = options
            self.other.options = options
            self.other.value = current if any(v == current for _, v in options) else ""

    def _take_button(self, stakeholder: Stakeholder, planned: bool) -> widgets.Button:
        text = f"{'Bekijk het' if planned else 'Plan een'} gesprek met {stakeholder.naam}"
        take = widgets.Button(description=text, icon="folder-open" if planned else "comments", tooltip=text,
                              layout=styles.layout(), style=styles.button_style())
        take.on_click(lambda _: self.take_on(stakeholder.id))
        return take

    def _refresh_selector(self) -> None:
        plans = self.session.conversations()
        options = [(conversation_label(self.session, p), p.item_id) for p in plans]
        ids = [item_id for _, item_id in options]
        current = self.selector.value
        if current is not None and current not in ids:
            self._removed(current)
        if options != self._plan_options:
            self._plan_options = options
            set_options(self.selector, options, current if current in ids else (ids[0] if ids else None))
        area = [self.selector, self.editor_area] if options else [self.empty]
        if list(self.plans_area.children) != area:
            self.plans_area.children = area
        self._show(self.selector.value)

    def _removed(self, item_id: str) -> None:
        item = self.session.items.get((Gesprek.KIND, item_id))
        if item is None:
            return
        naam = Gesprek.of(item).stakeholder or "deze stakeholder"
        who = "jou" if item.person_id == self.session.ctx.person.id else self.session.author(item.person_id)
        self.say(f"Het gesprek met {naam} is verwijderd door {who}. In de geschiedenis blijft het bewaard.",
                 "info")

    def _show(self, item_id: str | None) -> None:
        """Show the editor of plan ``item_id`` (made the first time)."""
        item = None if item_id is None else self.session.item(Gesprek.KIND, item_id)
        if item is None:
            if self.editor_area.children:
                self.editor_area.children = []
            return
        editor = self.editors.get(item_id)
        if editor is None:
            editor = self.editors[item_id] = _PlanEditor(self, item)
        if self.editor_area.children != (editor.widget,):
            self.editor_area.children = [editor.widget]

    # -- actions ---------------------------------------------------------------------------------------------
    def take_on(self, stakeholder_id: str) -> str | None:
        """Open the group's plan with this stakeholder, or start one (I talk); returns the plan's id."""
        existing = self._planned().get(stakeholder_id)
        if existing:
            self.feedback.children = []
            self.select(existing[0].item_id)
            return existing[0].item_id
        return self.plan(stakeholder_id)

    def take_other(self) -> str | None:
        if not self.other.value:
            self.say("Kies eerst een stakeholder uit de lijst.", "warning")
            return None
        return self.plan(self.other.value)

    def plan(self, stakeholder_id: str) -> str | None:
        """Start a plan with ``stakeholder_id`` and select it; returns its id (``None`` when it failed)."""
        stakeholder = next((s for s in self._stakeholders() if s.id == stakeholder_id), None)
        if stakeholder is None:
            self.say("Deze stakeholder staat niet meer op de kaart.", "warning")
            return None
        item_id = new_id()
        plan = Gesprek(item_id, stakeholder_id=stakeholder.id, stakeholder=stakeholder.naam,
                       wie=self.session.ctx.person.id)
        try:
            self.session.put_item(plan)
        except StoreUnavailable as exc:
            self.say(exc.message, "error")
            return None
        self.feedback.children = []
        self.select(item_id)
        return item_id

    def select(self, item_id: str) -> None:
        if self.selector.value != item_id:
            self.selector.value = item_id
        self._show(item_id)

    def refresh(self) -> None:
        """Fetch the group's newest map and plans now."""
        try:
            if self.map_session is not None:
                self.map_session.reload()
            self.session.reload()
        except StoreUnavailable as exc:
            self.say(exc.message, "error")

    def say(self, text: str, kind: str) -> None:
        self.feedback.children = [message(text, kind)]


def section(ctx: Context) -> widgets.Widget:
    """The ``plans`` part of ``dag3.yaml``; a notice for someone in no group."""
    content = texts.load()
    part = content.exercises.plans
    current = page_conversations(ctx)
    if current is None:
        return message(content.no_group.strip(), "info")
    top = [group_links(ctx, current.ctx.group, "Je bekijkt als trainer de gesprekken van:")] if ctx.group is None else []
    return Exercise(part.title, part.instruction,
                    [*top, ConversationPlans(current, page_map(ctx, poll_seconds=None), part)])
