"""Dag 3: the editor of one conversation plan, with live coaching on its questions and suggested questions.

Made when a plan is first chosen in ``plans.ConversationPlans``, then reused;
the plan is one ``gesprek`` item (:class:`~wijwerken_widgets.shared.conversations.items.Gesprek`), autosaved as a
whole by :class:`ItemAutosave`, so groupmates' edits show up while nobody here is typing.
"""

from __future__ import annotations

import html
import unicodedata
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

import ipywidgets as widgets

from wijwerken_widgets.pages.dag3.plans_coaching import coach_questions, suggest_questions
from wijwerken_widgets.shared.conversations.items import Gesprek
from wijwerken_widgets.shared.item_types import question_lines
from wijwerken_widgets.shared.vraagstuk import HOOFDVRAAG
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import SaveStatus
from wijwerken_widgets.ui.blocks import box, button, labelled, markdown, static_html, text_input
from wijwerken_widgets.ui.item_autosave import ItemAutosave
from wijwerken_widgets.ui.notices import Feedback, message

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.schema import PlansPart, QuestionCoachingTexts
    from wijwerken_widgets.shared.conversations.session import ConversationSession
    from wijwerken_widgets.shared.stakeholders.model import Stakeholder


class Plans(Protocol):
    """What an editor needs of the plans it belongs to (``plans.ConversationPlans``)."""

    session: ConversationSession
    part: PlansPart

    def wie_options(self) -> list[tuple[str, int]]: ...

    def stakeholder_of(self, item: GroupItem) -> Stakeholder: ...

NOBODY = 0  # the "wie" choice "Nog niemand" (stored as None)


def _question_key(question: str) -> str:
    """What makes two questions the same: case, spacing and the closing punctuation ignored."""
    return " ".join(unicodedata.normalize("NFKC", question).casefold().split()).rstrip("?!. ")


def _opening_words(question: str, count: int = 6) -> str:
    words = question.split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


def _numbers(numbers: list[int], words: QuestionCoachingTexts) -> str:
    """"Vraag 2" or "Vragen 1, 3 en 4"."""
    if len(numbers) == 1:
        return words.one.format(nummer=numbers[0])
    return words.several.format(nummers=", ".join(map(str, numbers[:-1])), laatste=numbers[-1])


def coaching_html(lines: list[str], words: QuestionCoachingTexts) -> str:
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
                f"<span><strong>{html.escape(words.one.format(nummer=index + 1))}</strong> "
                f"(“{html.escape(_opening_words(line))}”): "
                f"{html.escape(item.message)}{example}</span></li>"
            )
    if good:
        items.append(
            f'<li class="ww-coach-goed" data-rule="open_question"><span class="ww-coach-icon">✓</span>'
            f"<span><strong>{html.escape(_numbers(good, words))}</strong>: {html.escape(good_message)}</span></li>"
        )
    title = f'<div class="ww-coach-title">{html.escape(words.title)}</div>'
    return f'<div class="ww-coach">{title}<ul>{"".join(items)}</ul></div>'


class PlanEditor:
    """The fields of one conversation plan (built when the plan is first chosen, then reused)."""

    def __init__(self, owner: Plans, item: GroupItem) -> None:
        self.owner, self.item_id = owner, item.item_id
        session, fields = owner.session, owner.part.fields
        self.words = owner.part.editor
        self.wie = widgets.Dropdown(options=owner.wie_options(), value=NOBODY, layout=styles.layout())
        self.controls = {name: text_input(getattr(fields, name), rows=2, single_line=name == "wanneer")
                         for name in Gesprek.TEXTS}
        self.vragen = text_input(fields.vragen, rows=6)
        self.suggest_button = button(self.words.suggest_button, "lightbulb-o")
        self.suggest_button.on_click(lambda _: self.show_suggestions())
        self.suggestions = box([])
        self.suggested: list[tuple[str, widgets.Button]] = []
        self.feedback = Feedback()
        self.download_button = button(self.words.download_button, "download")
        self.download_button.on_click(lambda _: self.download())
        self.download_link = static_html("")
        self.remove_button = button(self.words.remove_button, "trash")
        self.remove_button.on_click(lambda _: self.ask_remove())
        self.confirm = box([])
        self._confirm_children: list[widgets.Widget] | None = None
        self.status = SaveStatus()
        self.saver = ItemAutosave(
            session, Gesprek.KIND, item.item_id, get_value=self.value, set_value=self.fill, status=self.status,
            fixed=Gesprek.of(item).fixed_data(), fields={**self.controls, "vragen": self.vragen},
        )
        # Made after the first load: a value set after construction is one more message to the browser.
        self.coaching = static_html(coaching_html(question_lines(self.vragen.value), owner.part.coaching))
        for control in [self.wie, self.vragen, *self.controls.values()]:
            control.observe(self._edited, names="value")
        self.widget = box([
            labelled(fields.wie, self.wie),
            labelled(fields.wanneer, self.controls["wanneer"]),
            labelled(fields.doel, self.controls["doel"]),
            labelled(fields.opening, self.controls["opening"]),
            labelled(fields.vragen, self.vragen, self.coaching, self.suggest_button, self.suggestions,
                     self.feedback),
            labelled(fields.luisteren, self.controls["luisteren"]),
            labelled(fields.afsluiten, self.controls["afsluiten"]),
            self.status,
            self.download_button,
            self.download_link,
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

    def download(self) -> None:
        """Put the link to this plan as a file (one A4 to print, ``plans_print.py``) under the button."""
        from wijwerken_widgets.pages.dag3.plans_print import plan_download

        item = self.owner.session.item(Gesprek.KIND, self.item_id)
        stakeholder = Gesprek.of(item).stakeholder if item is not None else ""
        plan = Gesprek.from_data(self.item_id, {**self.value(), "stakeholder": stakeholder})
        wie = dict((value, label) for label, value in self.wie.options).get(self.wie.value, "")
        self.download_link.value = plan_download(plan, self.owner.part.fields, self.words,
                                            "" if self.wie.value == NOBODY else wie, date.today())

    def _edited(self, change: dict) -> None:
        if change["owner"] is self.vragen:
            self._questions_changed()
        self.saver.changed()

    # -- questions -------------------------------------------------------------------------------------------
    def _questions_changed(self) -> None:
        lines = question_lines(self.vragen.value)
        value = coaching_html(lines, self.owner.part.coaching)
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
            answer = session.ctx.store.latest_answer(session.ctx.person.id, HOOFDVRAAG)
        except StoreUnavailable as exc:
            self.say(exc.message, "error")
            return
        hoofdvraag = answer.value if answer is not None and isinstance(answer.value, str) else ""
        stakeholder = self.owner.stakeholder_of(item)
        group = session.ctx.group
        questions = suggest_questions(hoofdvraag, stakeholder, group.vraagstuk if group is not None else None)
        self.suggested, rows = [], []
        for question in questions:
            add = button(self.words.add_suggestion, "plus")
            add.on_click(lambda _, q=question: self.add_question(q))
            self.suggested.append((question, add))
            rows.append(widgets.HBox([add, static_html(html.escape(question))], layout=styles.plain_layout()))
        self.suggestions.children = [markdown(self.owner.part.suggestions_intro, "ww-hint"), *rows]
        self.feedback.clear()
        self._mark_added(question_lines(self.vragen.value))

    def add_question(self, question: str) -> None:
        """Append ``question`` as a new line, unless it is already one of the questions."""
        lines = question_lines(self.vragen.value)
        if _question_key(question) in {_question_key(line) for line in lines}:
            self.say(self.words.already_there, "info")
            return
        text = self.vragen.value.rstrip()
        self.vragen.value = f"{text}\n{question}" if text else question
        self.feedback.clear()

    def _mark_added(self, lines: list[str]) -> None:
        present = {_question_key(line) for line in lines}
        for question, add in self.suggested:
            added = _question_key(question) in present
            add.disabled = added
            add.description = self.words.suggestion_added if added else self.words.add_suggestion
            add.icon = "check" if added else "plus"

    # -- removing --------------------------------------------------------------------------------------------
    def ask_remove(self) -> None:
        """First click: ask to confirm (the confirmation controls are made when first needed)."""
        if self._confirm_children is None:
            yes, no = button(self.words.confirm_yes, "trash"), button(self.words.confirm_no)
            yes.on_click(lambda _: self.remove())
            no.on_click(lambda _: setattr(self.confirm, "children", []))
            self._confirm_children = [message(self.words.confirm_remove, "warning"),
                                      widgets.HBox([yes, no], layout=styles.plain_layout())]
        self.confirm.children = self._confirm_children

    def remove(self) -> None:
        session = self.owner.session
        self.confirm.children = []
        if not self.saver.flush():
            return  # the status line says why and keeps the text
        if session.item(Gesprek.KIND, self.item_id) is None:
            return
        try:
            session.update(Gesprek.KIND, self.item_id, lambda item: None if item is None or item.deleted else item.data,
                           deleted=True)
        except StoreUnavailable as exc:
            self.say(exc.message, "error")

    def say(self, text: str, kind: str) -> None:
        self.feedback.show(text, kind)
