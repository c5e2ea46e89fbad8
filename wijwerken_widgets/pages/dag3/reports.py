"""Dag 3: after a conversation, its report (one ``verslag`` item per plan) and its quotes (``citaat`` items).

Quotes are kept only with consent: "nee" refuses new ones (and asks to remove any kept before), "nog niet
gevraagd" keeps them with a reminder. Everything follows the group's :class:`ConversationSession`.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from wijwerken_widgets.content.loader import TextField
from wijwerken_widgets.core.dutch import clock
from wijwerken_widgets.core.html import name_html, notice_html, render_markdown
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.pages.dag3 import texts
from wijwerken_widgets.pages.dag3.plans import conversation_label, set_options
from wijwerken_widgets.shared.conversations.items import CONSENT, Citaat, Gesprek, Verslag
from wijwerken_widgets.shared.conversations.session import ConversationSession, page_conversations
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import SaveStatus
from wijwerken_widgets.ui.blocks import Exercise, box, button, hidden, labelled, markdown, static_html, text_input
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.item_autosave import ItemAutosave
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.schema import ReportsPart

MAX_QUOTE = 2000



class _ReportEditor:
    """The report and the quotes of one conversation (built when first chosen, then reused)."""

    def __init__(self, owner: ConversationReports, plan: GroupItem) -> None:
        self.owner, self.plan_id = owner, plan.item_id
        self.stakeholder_id = Gesprek.of(plan).stakeholder_id
        session, part = owner.session, owner.part
        self.consent = widgets.Dropdown(options=list(zip(part.consent_options, CONSENT)), value=CONSENT[0],
                                        layout=styles.layout())
        self.controls = {name: text_input(getattr(part.fields, name), rows=3) for name in Verslag.TEXTS}
        self.status = SaveStatus()
        self.saver = ItemAutosave(
            session, Verslag.KIND, plan.item_id, get_value=self.value, set_value=self.fill, status=self.status,
            fixed=Verslag(plan.item_id, gesprek_id=plan.item_id, stakeholder_id=self.stakeholder_id).fixed_data(),
            fields=self.controls,
        )
        for control in [self.consent, *self.controls.values()]:
            control.observe(self._edited, names="value")
        self._quotes_key: tuple | None = None
        self.quote_notice = static_html(self._notice_html())
        self.quote_list = box([])
        self.quote_input = text_input(part.fields.citaat, single_line=True)
        add = button(part.add_quote, "plus")
        add.on_click(lambda _: self.add_quote())
        self.feedback = Feedback()
        self.widget = box([
            labelled(TextField(part.consent_label), self.consent),
            *(labelled(getattr(part.fields, name), control) for name, control in self.controls.items()),
            self.status,
            static_html(f"<h4>{html.escape(part.quotes_title)}</h4>"),
            self.quote_notice,
            self.quote_list,
            labelled(part.fields.citaat, self.quote_input, add, self.feedback),
        ], "ww-report")
        self.show_quotes()

    # -- the report ------------------------------------------------------------------------------------------
    def value(self) -> dict[str, Any]:
        """What the form shows, as the report's edited fields."""
        report = Verslag(self.plan_id, toestemming=self.consent.value,
                         **{name: control.value for name, control in self.controls.items()})
        return report.edited_data()

    def fill(self, value: dict[str, Any]) -> None:
        """Show a stored version (the first load, or a groupmate's edit); the saver does not save what it fills."""
        report = Verslag.from_data(self.plan_id, value)
        self.consent.value = report.toestemming
        for name, control in self.controls.items():
            control.value = getattr(report, name)

    def _edited(self, change: dict) -> None:
        if change["owner"] is self.consent:
            self._draw_notice()
        self.saver.changed()

    # -- quotes ----------------------------------------------------------------------------------------------
    def quotes(self) -> list[GroupItem]:
        return self.owner.session.quotes(self.plan_id)

    def _notice_html(self) -> str:
        """What consent means for the quotes of this conversation now (empty when there is nothing to say)."""
        count, part = len(self.quotes()), self.owner.part
        if self.consent.value == "nee":
            body = render_markdown(part.no_consent_message)
            if count:
                body += render_markdown(part.quotes_kept_one if count == 1 else part.quotes_kept.format(aantal=count))
            return notice_html(body, "warning" if count else "info", safe_html=True)
        if self.consent.value == "onbekend" and count:
            return notice_html(part.ask_consent, "warning")
        return ""

    def _draw_notice(self) -> None:
        value = self._notice_html()
        if value != self.quote_notice.value:
            self.quote_notice.value = value

    def show_quotes(self) -> None:
        """List this conversation's quotes (redrawn only when they changed)."""
        quotes = self.quotes()
        key = tuple((q.item_id, q.version) for q in quotes)
        if key != self._quotes_key:
            self._quotes_key = key
            if quotes:
                self.quote_list.children = [self._quote_row(q) for q in quotes]
            else:
                no_quotes = html.escape(self.owner.part.no_quotes)
                self.quote_list.children = [static_html(f"<p class='ww-empty'>{no_quotes}</p>")]
        self._draw_notice()

    def _quote_row(self, quote: GroupItem) -> widgets.Widget:
        session = self.owner.session
        text = html.escape(Citaat.of(quote).tekst)
        who = f"{name_html(session.author(quote.person_id))}, {clock(quote.changed_at)}"
        remove = button(self.owner.part.remove_quote, "trash")
        remove.on_click(lambda _: self.remove_quote(quote.item_id))
        return widgets.HBox([static_html(f"<q>{text}</q> <span class='ww-hint'>({who})</span>"), remove],
                            layout=styles.plain_layout())

    def add_quote(self) -> None:
        """Keep the typed quote for this conversation; refused without consent; on failure the text stays."""
        part = self.owner.part
        text = " ".join(self.quote_input.value.split())
        if not text:
            self.say(part.quote_empty, "warning")
            return
        if len(text) > MAX_QUOTE:
            self.say(part.quote_too_long.format(maximum=MAX_QUOTE), "warning")
            return
        if self.consent.value == "nee":
            self.say(" ".join(part.no_consent_message.split()), "error")
            return
        if any(" ".join(Citaat.of(q).tekst.split()) == text for q in self.quotes()):
            self.say(part.quote_twice, "info")
            return
        quote = Citaat(new_id(), gesprek_id=self.plan_id, stakeholder_id=self.stakeholder_id, tekst=text)
        try:
            self.owner.session.put_item(quote)
        except StoreUnavailable as exc:
            self.say(exc.message, "error")
            return
        self.quote_input.value = ""
        if self.consent.value == "onbekend":
            self.say(part.quote_saved_ask_consent, "warning")
        else:
            self.say(part.quote_saved, "success")

    def remove_quote(self, item_id: str) -> None:
        """Mark a quote removed (the history keeps it)."""
        session = self.owner.session
        if session.item(Citaat.KIND, item_id) is None:
            return
        try:
            session.update(Citaat.KIND, item_id, lambda quote: None if quote is None or quote.deleted else quote.data,
                           deleted=True)
        except StoreUnavailable as exc:
            self.say(exc.message, "error")
            return
        self.say(self.owner.part.quote_removed, "info")

    def say(self, text: str, kind: str) -> None:
        self.feedback.show(text, kind)


class ConversationReports(widgets.VBox):
    """Choose one of the group's conversations; write its report and keep its quotes."""

    def __init__(self, session: ConversationSession, part: ReportsPart) -> None:
        self.session, self.part = session, part
        self.common = texts.load().common
        self.editors: dict[str, _ReportEditor] = {}
        self._options: list[tuple[str, str]] = []
        self.selector = widgets.Dropdown(description=self.common.conversation, layout=styles.layout(),
                                         style={"description_width": "initial"})
        self.selector.quiet = False
        self.selector.observe(lambda _: self.selector.quiet or self._show(self.selector.value), names="value")
        self.editor_area = box([])
        self.main = [self.selector, markdown(part.privacy_reminder, "ww-notice"), self.editor_area]
        self.empty = static_html(f"<p class='ww-empty'>{html.escape(part.empty)}</p>")
        super().__init__([], layout=styles.layout(), _dom_classes=("ww-conversation-reports",))
        session.on_change(lambda _: self._refresh())
        self._refresh()

    def _refresh(self) -> None:
        plans = self.session.conversations()
        options = [(conversation_label(self.session, p, self.common), p.item_id) for p in plans]
        ids = [item_id for _, item_id in options]
        if options != self._options:
            self._options = options
            current = self.selector.value
            set_options(self.selector, options, current if current in ids else (ids[0] if ids else None))
        children = self.main if options else [self.empty]
        if list(self.children) != children:
            self.children = children
        self._show(self.selector.value)

    def _show(self, plan_id: str | None) -> None:
        """Show the report of ``plan_id`` (made the first time), with its quotes up to date."""
        plan = None if plan_id is None else self.session.item(Gesprek.KIND, plan_id)
        if plan is None:
            if self.editor_area.children:
                self.editor_area.children = []
            return
        editor = self.editors.get(plan.item_id)
        if editor is None:
            editor = self.editors[plan.item_id] = _ReportEditor(self, plan)
        else:
            editor.show_quotes()
        if self.editor_area.children != (editor.widget,):
            self.editor_area.children = [editor.widget]


def section(ctx: Context) -> widgets.Widget:
    """The ``reports`` part of ``dag3.yaml`` (nothing for someone in no group)."""
    part, current = texts.load().exercises.reports, page_conversations(ctx)
    return hidden() if current is None else Exercise(part.title, part.instruction, [ConversationReports(current, part)])
