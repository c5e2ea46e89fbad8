"""What every workbook page calls first: who is here, the store, friendly errors, and the page's sections.

A notebook creates one :class:`Page`, shows it, and adds its exercises with :meth:`Page.section`. Sections are
built once the participant is known (at once when the browser is recognised, else after logging in).
"""

from __future__ import annotations

import atexit
import html
import logging
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import ipywidgets as widgets
from IPython.display import display

from wijwerken_widgets.core import server_log
from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.core.problems import ContentError
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.ui import navigation, styles, texts, tooltips
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import message

if TYPE_CHECKING:
    from wijwerken_widgets.core.keys import Registry

log = logging.getLogger("wijwerken")

Builder = Callable[[Context], widgets.Widget]
STYLESHEET = Path(__file__).with_name("widgets.css")


def under_voila() -> bool:
    """True in a kernel that Voilà started for a participant's page."""
    return "VOILA_BASE_URL" in os.environ


def _configure_logging() -> None:
    server_log.configure()


def _install_friendly_errors() -> None:
    """In Voilà a failing cell shows a Dutch message (never a traceback) and is logged server-side; so is a failing
    widget callback, without any message.

    When ``algemeen.yaml`` itself cannot be read the handler shows nothing: the cell has failed, so the template's
    own Dutch error message is shown instead (``index.html.j2``, ``block error``).
    """
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return

    def handler(shell, etype, evalue, tb, tb_offset=None):
        log.error("cell failed on page %s", os.environ.get("SCRIPT_NAME", "?"), exc_info=(etype, evalue, tb))
        try:
            friendly = texts.load().page.friendly_error
        except ContentError:
            log.exception("the texts every page shares (%s) cannot be read", texts.FILE)
            return None
        display(message(friendly, "error"))
        return None

    shell.set_custom_exc((Exception,), handler)

    def quiet_traceback(exc_tuple=None, *_args, **_kwargs) -> None:
        """A failing widget callback (ipywidgets calls ``showtraceback``): logged here; nothing goes to the browser,
        whose websocket would otherwise carry the traceback (file paths, SQL with its parameters)."""
        log.error("callback failed on page %s", os.environ.get("SCRIPT_NAME", "?"),
                  exc_info=exc_tuple if exc_tuple is not None else sys.exc_info())

    shell.showtraceback = quiet_traceback


class Page:
    """A workbook page: navigation, header, identity (login when needed), lazily built sections and the page's end.

    ``workbook`` is the notebook's file name (``dag1.ipynb``) for the navigation; ``progress`` the day's key
    registry and its exercise titles (YAML key → title) for the progress hint; a page with ``needs_login=False``
    shows no login form (it still greets someone the browser is logged in as).
    """

    def __init__(self, title: str, intro_markdown: str = "", *, workbook: str | None = None,
                 progress: tuple[Registry, Mapping[str, str]] | None = None, needs_login: bool = True) -> None:
        _configure_logging()
        tooltips.install()
        self.friendly = under_voila()
        if self.friendly:
            _install_friendly_errors()
        self.title = title
        self.intro_markdown = intro_markdown
        self.ctx: Context | None = None
        self.sections: list[widgets.Box] = []
        self.root: widgets.VBox | None = None  # the page's one output: sections are appended to it
        self.top: widgets.VBox | None = None  # login form or notice; only created when there is one
        self.who: widgets.Label | None = None
        self.workbook, self.progress_of, self.needs_login = workbook, progress, needs_login
        self.whobar: widgets.HBox | None = None  # who is logged in, and "Niet jij? Uitloggen"
        self.progress: widgets.Widget | None = None
        self.end: widgets.HTML | None = None  # previous/next and the footer: always the page's last child
        self.session_token: str | None = None  # this browser's session, when it came from the cookie
        self._pending: list[tuple[widgets.Box, Builder]] = []

    # -- identity -------------------------------------------------------------------------------------------
    def show(self) -> Page:
        """Display the header and either who is logged in or the login form.

        The person is looked up before the widgets are made, so that a recognised participant's page is built
        with its final values (every later change is one more message to the browser).
        """
        from wijwerken_widgets.people.identity import person_from_environment, session_token_from_environment
        from wijwerken_widgets.store import Store, StoreUnavailable

        words = texts.load().page  # a broken algemeen.yaml fails here, before anything is shown
        person, notice = None, None
        try:
            self.store = Store.open()
            person = person_from_environment(self.store)
            if person is not None and not os.environ.get("JUPYTERHUB_USER") and not os.environ.get("WIJWERKEN_CODE"):
                self.session_token = session_token_from_environment()
        except StoreUnavailable:
            log.exception("store unavailable while opening a page")
            notice = message(words.store_down, "error")
        if notice is None and person is None and self.needs_login:
            if os.environ.get("WIJWERKEN_CODE") and not self.friendly:
                raise RuntimeError("WIJWERKEN_CODE is set but belongs to nobody in the store: check the code.")
            if hub_user := os.environ.get("JUPYTERHUB_USER"):
                notice = message(words.unknown_hub_user.format(gebruiker=hub_user), "error")
            else:
                from wijwerken_widgets.ui.login import LoginForm

                notice = LoginForm(self.store)
                notice.on_login(self._logged_in)
        header = widgets.HTML(
            f"<style>{STYLESHEET.read_text(encoding='utf-8')}</style>{navigation.nav_html(self.workbook)}"
            f'<header class="ww-header"><h1>{html.escape(self.title)}</h1>{render_markdown(self.intro_markdown)}'
            "</header>",
            layout=styles.layout(), style=styles.html_style(),
        )
        self.who = widgets.Label("", style=styles.label_style(), _dom_classes=("ww-who",))
        # Hidden until the login: then with a Layout of its own (the shared ones must never change).
        whobar_layout = styles.plain_layout() if person is not None else widgets.Layout(display="none")
        self.whobar = widgets.HBox([self.who], layout=whobar_layout, _dom_classes=("ww-whobar",))
        self.end = widgets.HTML(navigation.end_html(self.workbook), layout=styles.plain_layout(),
                                style=styles.html_style(), _dom_classes=("ww-page-end",))
        if person is not None:
            self.ctx = Context.for_person(self.store, person)
            self._greet(self.ctx, person)
            children = [header, self.whobar, *([self.progress] if self.progress else [])]
        else:
            children = [header, self.whobar]
            if notice is not None:
                self.top = widgets.VBox([notice], _dom_classes=("ww-page-top",))
                children.append(self.top)
        self.root = widgets.VBox([*children, self.end], layout=styles.plain_layout())
        display(self.root)
        if self.ctx is not None:
            atexit.register(self.ctx.flush_all)
        return self

    def _who_text(self, person) -> str:
        words = texts.load().page
        who = (words.logged_in_trainer if person.role == "trainer" else words.logged_in).format(naam=isolated(person.name))
        return words.with_group.format(wie=who, groep=isolated(self.ctx.group.name)) if self.ctx.group else who

    def _greet(self, ctx: Context, person) -> None:
        """Who is logged in, "Niet jij? Uitloggen" (for a browser session) and, for a participant, the day's
        progress."""
        from wijwerken_widgets.ui.drafts import participant_id
        from wijwerken_widgets.ui.logout import LogoutBox
        from wijwerken_widgets.ui.progress import Progress

        who, whobar = self.who, self.whobar
        assert who is not None and whobar is not None, "show() makes the who line first"
        who.value = self._who_text(person)
        if self.session_token is not None:
            box = LogoutBox(self.store, self.session_token, participant_id(ctx), before=ctx.flush_all)
            whobar.children = [who, box]
        if self.progress_of is not None and person.role != "trainer":  # a trainer fills nothing in
            self.progress = Progress(ctx, *self.progress_of)

    def _logged_in(self, person) -> None:
        top, root, whobar = self.top, self.root, self.whobar
        assert top is not None and root is not None and whobar is not None, "only the login form calls this"
        top.children = top.children[:1]  # keep the form's output: it sets the cookie
        top.layout.display = "none"
        self.ctx = ctx = Context.for_person(self.store, person)
        atexit.register(ctx.flush_all)
        self.session_token = getattr(top.children[0], "token", None)
        self._greet(ctx, person)
        whobar.layout.display = ""
        if self.progress is not None:
            index = root.children.index(whobar) + 1
            root.children = [*root.children[:index], self.progress, *root.children[index:]]
        pending, self._pending = self._pending, []
        for slot, build in pending:
            slot.children = [self._build(build)]
        self._place_ledger()

    # -- sections -------------------------------------------------------------------------------------------
    def section(self, exercise: ModuleType | Builder) -> None:
        """Add a section to the page, filled as soon as the participant is known: ``exercise`` is an exercise module
        (``page.section(dag2.grid)`` calls ``grid.section(ctx)``) or any function of the context."""
        build: Builder = exercise.section if isinstance(exercise, ModuleType) else exercise
        if self.ctx is None:
            slot = widgets.VBox(layout=styles.plain_layout(), _dom_classes=("ww-section",))
            self._pending.append((slot, build))
        else:
            slot = widgets.VBox([self._build(build)], layout=styles.plain_layout(), _dom_classes=("ww-section",))
        self.sections.append(slot)
        self.add(slot)
        if self.ctx is not None:
            self._place_ledger()

    def add(self, widget: widgets.Widget) -> None:
        """Add a widget that needs nobody logged in (e.g. the start page's overview) to the page, before its end."""
        root = self.root
        assert root is not None, "show() the page first"
        root.children = [*root.children[:-1], widget, root.children[-1]]

    def _place_ledger(self) -> None:
        """Put the page's drafts ledger (``ui/drafts.py``, hidden) into the page once a section has made it."""
        from wijwerken_widgets.ui.drafts import LEDGER

        found = self.ctx.shared.get(LEDGER) if self.ctx is not None else None
        if found is not None and not found.placed:
            found.placed = True
            self.add(found.widget)

    def _build(self, build: Builder) -> widgets.Widget:
        try:
            return build(self.ctx)
        except Exception:
            if not self.friendly:
                raise
            log.exception("building a section of %s failed", self.title)
            return message(texts.load().page.friendly_error, "error")
