"""Dag 4: co-creatie — the actieplan the group and the stakeholders carry out themselves.

The facilitator's prompts first; then the group's actions (a selector, "Nieuwe actie" and the editor of the chosen
one, ``plan_editor.py``), the Wij-Werken checks (``plan_checks.py``, worded in ``plan_views.py``), the plan as a
table and a timeline (``plan_timeline.py``) and its downloads (``plan_export.py``). Everything follows the group's
:class:`ActSession`; the quotes and stakeholders come from the Dag 3 conversations and the Dag 2 map (``Sources``).
"""

from __future__ import annotations

import html
import logging
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.downloads import download_link
from wijwerken_widgets.core.html import format_html, notice_html, plain_text_html, render_markdown
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.pages.dag4.plan_checks import owner_kind, plan_threads, resolve_threads
from wijwerken_widgets.pages.dag4.plan_editor import ActionEditor, owner_value, parse_owner
from wijwerken_widgets.pages.dag4.plan_timeline import Entry, timeline_html
from wijwerken_widgets.pages.dag4.plan_views import (
    Names,
    action_name,
    checks_html,
    owner_name,
    owner_option,
    rows,
    table_html,
)
from wijwerken_widgets.shared.act.evidence import Quote, visible_links
from wijwerken_widgets.shared.act.items import SUPPORTS, Actie, Thema
from wijwerken_widgets.shared.act.session import ActSession, page_act
from wijwerken_widgets.shared.act.sources import Sources, page_sources
from wijwerken_widgets.shared.stakeholders.model import SOORTEN
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, box, button, details_html, hidden, static_html
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag4.plan_schema import PlanPart
    from wijwerken_widgets.store import Person

log = logging.getLogger("wijwerken")
MAX_ACTIONS = 60
"""The most actions one plan may hold."""


class ActionPlan(widgets.VBox):
    """The group's actions with their editor, the checks, the table, the timeline and the downloads."""

    def __init__(self, session: ActSession, sources: Sources | None, part: PlanPart) -> None:
        self.session, self.sources, self.part = session, sources, part
        self.common = texts.load().common
        self.editors: dict[str, ActionEditor] = {}
        self._members: list[Person] | None = None
        self._options: list[tuple[str, str]] = []
        words, views = part.editor, part.views
        self.selector = widgets.Dropdown(description=words.choose_label, layout=styles.layout(),
                                         style={"description_width": "initial"})
        self._quiet = False
        self.selector.observe(self._chosen, names="value")
        self.new_button = button(words.new_button, "plus")
        self.new_button.on_click(lambda _: self.add())
        self.feedback = Feedback()
        self.editor_area = box([])
        self.empty = static_html(f"<p class='ww-empty'>{html.escape(words.empty)}</p>")
        self.actions_area = box([])
        self.checks_view = static_html("", "ww-plan-checks")
        self.table_view = static_html("")
        self.timeline_view = static_html("")
        csv_button, excel_button = button(views.csv_button, "download"), button(views.excel_button, "download")
        csv_button.on_click(lambda _: self.download("csv"))
        excel_button.on_click(lambda _: self.download("xlsx"))
        self.download_link = static_html("")
        super().__init__([
            self.new_button,
            self.feedback,
            self.actions_area,
            self.checks_view,
            self.timeline_view,
            self.table_view,
            static_html(f"<h3>{html.escape(views.downloads_title)}</h3>"),
            widgets.HBox([excel_button, csv_button], layout=widgets.Layout(flex_flow="row wrap")),
            self.download_link,
        ], layout=styles.layout(), _dom_classes=("ww-action-plan",))
        session.on_change(lambda _: self.redraw())
        if sources is not None:
            sources.on_change(lambda _: self.redraw())
        self.redraw()

    # -- reading ---------------------------------------------------------------------------------------------
    def actions(self) -> list[Actie]:
        """The plan's actions, their rode draden followed through merges of themes."""
        return [replace(a, draden=self.resolve(a.draden)) for a in map(Actie.of, self.session.actions())]

    def resolve(self, draden: tuple[str, ...]) -> tuple[str, ...]:
        """Rode draden (theme ids) with each theme merged since replaced by the one it went into."""
        merged = {key[1]: Thema.of(item).samengevoegd_in for key, item in self.session.items.items()
                  if key[0] == Thema.KIND and item.deleted and Thema.of(item).samengevoegd_in}
        return resolve_threads(draden, merged) if merged else draden

    def threads(self) -> list[Thema]:
        """The rode draden an action can answer: the chosen themes (all themes while none is chosen)."""
        return plan_threads(self.session.themes())

    def members(self) -> list[Person]:
        """The group's participants (read once per page)."""
        if self._members is None:
            group = self.session.ctx.group
            try:
                people = self.session.ctx.store.people(group.cohort_id) if group is not None else []
            except StoreUnavailable:
                return []
            self._members = [p for p in people if p.group_id == self.session.group_id and p.role == "deelnemer"]
        return self._members

    def names(self) -> Names:
        stakeholders = {} if self.sources is None else {k: s.naam for k, s in self.sources.stakeholders.items()}
        people = {str(p.id): p.name for p in self.members()}
        for action in self.actions():
            if action.eigenaar_soort == "deelnemer" and action.eigenaar.isdigit() and action.eigenaar not in people:
                people[action.eigenaar] = self.session.author(int(action.eigenaar))
        return Names(stakeholders, people, {t.id: t.naam for t in self.session.themes()},
                     self.common.unknown_stakeholder)

    def owner_options(self, extra: str = "") -> list[tuple[str, str]]:
        """Nobody yet, the whole group, the map's stakeholders and the group's participants (as text); ``extra``
        (an owner list value) is added when it is no longer among them (a stakeholder removed from the map)."""
        part = self.part
        stakeholders = {} if self.sources is None else self.sources.stakeholders
        options = [(owner_option("", "", part), ""), (owner_option("groep", "", part), "groep")]
        options += [(owner_option("stakeholder", s.naam, part), owner_value("stakeholder", sid))
                    for sid, s in stakeholders.items()]
        options += [(owner_option("deelnemer", p.name, part), owner_value("deelnemer", str(p.id)))
                    for p in self.members()]
        if extra and extra not in (v for _, v in options):
            kind, owner = parse_owner(extra)
            action = Actie("", eigenaar_soort=kind, eigenaar=owner)
            options.append((owner_option(owner_kind(action), owner_name(action, self.names(), part), part), extra))
        return options

    def quotes_html(self, thread_ids: tuple[str, ...]) -> str:
        """Per rode draad of an action a fold-out with the quotes that carry it (escaped), with their source."""
        if self.sources is None or not thread_ids:
            return ""
        words, themes = self.part.editor, {t.id: t for t in self.session.themes()}
        quotes = {q.id: q for q in self.sources.quotes}
        links = visible_links(self.session.links(), themes.values(), quotes.values(),
                              phase=self.session.phase().fase, person_id=self.session.ctx.person.id)
        parts = []
        for theme_id in thread_ids:
            theme = themes.get(theme_id)
            if theme is None:
                continue
            found = [quotes[k.citaat_id] for k in links if k.thema_id == theme_id and k.soort == SUPPORTS]
            items = "".join(self._quote_html(q) for q in found)
            body = f"<ul>{items}</ul>" if items else f"<p class='ww-empty'>{html.escape(words.quotes_none)}</p>"
            parts.append(details_html(words.quotes_summary.format(thema=theme.naam, aantal=len(found)), body))
        return "".join(parts)

    def _quote_html(self, quote: Quote) -> str:
        source = format_html(self.part.editor.quote_source, naam=quote.stakeholder or self.common.unknown_stakeholder,
                             soort=SOORTEN.get(quote.soort, quote.soort) or "?")
        return f"<li><q>{plain_text_html(quote.tekst)}</q> <span class='ww-hint'>— {source}</span></li>"

    # -- drawing ---------------------------------------------------------------------------------------------
    def redraw(self) -> None:
        actions = self.actions()
        options = [(action_name(a, n, self.part), a.id) for n, a in enumerate(actions, start=1)]
        ids = [v for _, v in options]
        current = self.selector.value
        if current is not None and current not in ids:
            self._gone(current)
        if options != self._options:
            self._options = options
            self._quiet = True
            try:
                self.selector.options = options
                self.selector.value = current if current in ids else (ids[-1] if ids else None)
            finally:
                self._quiet = False
        area = [self.selector, self.editor_area] if options else [self.empty]
        if list(self.actions_area.children) != area:
            self.actions_area.children = area
        self._show(self.selector.value)
        self._views(actions)

    def _views(self, actions: list[Actie]) -> None:
        names, views = self.names(), self.part.views
        entries = [Entry(action_name(a, n, self.part), owner_name(a, names, self.part), owner_kind(a), a.start,
                         a.eind) for n, a in enumerate(actions, start=1)]
        timeline = f"<h3>{html.escape(views.timeline_title)}</h3>{timeline_html(entries, views)}"
        table = f"<h3>{html.escape(views.table_title)}</h3>{table_html(actions, names, self.part)}"
        for view, value in ((self.checks_view, checks_html(actions, self.threads(), self.part)),
                            (self.timeline_view, timeline), (self.table_view, table)):
            if view.value != value:
                view.value = value

    def _chosen(self, _change: dict) -> None:
        if not self._quiet:
            self._show(self.selector.value)

    def _show(self, item_id: str | None) -> None:
        """Show the editor of action ``item_id`` (made the first time, brought up to date after)."""
        item = None if item_id is None else self.session.item(Actie.KIND, item_id)
        if item is None:
            if self.editor_area.children:
                self.editor_area.children = []
            return
        editor = self.editors.get(item.item_id)
        if editor is None:
            editor = self.editors[item.item_id] = ActionEditor(self, item)
        else:
            editor.refresh()
        if self.editor_area.children != (editor.widget,):
            self.editor_area.children = [editor.widget]

    # -- actions ---------------------------------------------------------------------------------------------
    def add(self) -> str | None:
        """Start a new, empty action and choose it; returns its id (``None`` when it could not be made)."""
        words = self.part.editor
        if len(self.session.actions()) >= MAX_ACTIONS:
            self.feedback.show(words.too_many.format(maximum=MAX_ACTIONS), "warning")
            return None
        item_id = new_id()
        try:
            self.session.put_item(Actie(item_id))
        except StoreUnavailable as exc:
            self.feedback.show(exc.message, "error")
            return None
        self.feedback.clear()
        self.select(item_id)
        return item_id

    def select(self, item_id: str) -> None:
        if self.selector.value != item_id:
            self.selector.value = item_id
        self._show(item_id)

    def _gone(self, item_id: str) -> None:
        """The chosen action was removed (here or by a groupmate): say so, and forget its editor."""
        self.editors.pop(item_id, None)
        item = self.session.items.get((Actie.KIND, item_id))
        if item is not None and item.deleted:
            name = Actie.of(item).wat.strip().split("\n")[0] or "…"
            self.feedback.show(self.part.editor.removed.format(naam=name), "info")

    def download(self, extension: str) -> None:
        """Put a link to the plan as a file (``csv`` or ``xlsx``) under the buttons."""
        from wijwerken_widgets.pages.dag4 import plan_export

        views = self.part.views
        table = rows(self.actions(), self.names(), self.part)
        try:
            if extension == "csv":
                data, mime = plan_export.to_csv(views.columns, table), plan_export.CSV_MIME
            else:
                data, mime = plan_export.to_xlsx(views.columns, table, views.sheet_name), plan_export.XLSX_MIME
        except Exception:
            log.exception("actieplan export %s failed", extension)
            self.download_link.value = notice_html(views.failed, "error")
            return
        group = self.session.ctx.group.name if self.session.ctx.group is not None else ""
        stem = "-".join(filter(None, [views.file_name, "".join(c if c.isalnum() else "-" for c in group.lower())
                                      .strip("-")]))
        filename = f"{stem}-{date.today().isoformat()}.{extension}"
        self.download_link.value = download_link(data, filename, mime, views.download_label.format(bestand=filename))


def section(ctx: Context) -> widgets.Widget:
    """The ``plan`` part of ``dag4.yaml`` (nothing for someone in no group)."""
    part = texts.load().exercises.plan
    session = page_act(ctx)
    if session is None:
        return hidden()
    prompts = notice_html(render_markdown(part.prompts), "info", safe_html=True) + render_markdown(part.guard)
    from wijwerken_widgets.pages.dag4.plan_share import ShareChoice

    return Exercise(part.title, part.instruction,
                    [static_html(prompts, "ww-plan-prompts"), ActionPlan(session, page_sources(ctx), part),
                     ShareChoice(session, part.share)])
