"""What every workbook page calls first: who is here, the store, friendly errors, and the page's sections.

A notebook creates one :class:`Page`, shows it, and adds its exercises with :meth:`Page.section`. Under
``wijwerken serve`` nobody reaches a page without logging in first (``app/web``); a page that still does not know
who this is (a session ended in another tab) says so and links to the login page instead of its sections.
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

from wijwerken_widgets.content import loader
from wijwerken_widgets.core import server_log
from wijwerken_widgets.core.html import render_markdown
from wijwerken_widgets.core.problems import ContentError
from wijwerken_widgets.core.text import isolated
from wijwerken_widgets.ui import navigation, styles, texts, tooltips
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.idle import idle_html
from wijwerken_widgets.ui.notices import message
from wijwerken_widgets.ui.trainer_sees import trainer_sees_html

if TYPE_CHECKING:
    from wijwerken_widgets.core.keys import Registry
    from wijwerken_widgets.store import Person, Store

log = logging.getLogger("wijwerken")

Builder = Callable[[Context], widgets.Widget]
STYLESHEET = Path(__file__).with_name("widgets.css")


def under_voila() -> bool:
    """True in a kernel that Voilà started for a participant's page."""
    return "VOILA_BASE_URL" in os.environ


_IDENTITY = ("WIJWERKEN_HOME", "WIJWERKEN_DATABASE_URL", "JUPYTERHUB_USER", "WIJWERKEN_CODE", "HTTP_COOKIE")
_identified: dict[tuple[str | None, ...], tuple[Store, Person | None]] = {}
"""The store and the person this kernel serves, once looked up (a kernel serves one person), by its environment."""


def _identify() -> tuple[Store, Person | None]:
    """Open the store and look up who this kernel serves (once per environment; raises StoreUnavailable)."""
    key = tuple(os.environ.get(name) for name in _IDENTITY)
    if key not in _identified:
        from wijwerken_widgets.people.identity import person_from_environment
        from wijwerken_widgets.store import Store

        store = Store.open()
        found = (store, person_from_environment(store))
        _identified[key] = found
        # a preheated kernel learns the request's cookie during the lookup: remember it under that too
        _identified[tuple(os.environ.get(name) for name in _IDENTITY)] = found
    return _identified[key]


def _kernel_gemeente() -> str | None:
    """The municipality of the person this page kernel serves, for its variant of the content
    (``content/variants.py``); only in a kernel that serves someone, never in a test that just loads texts."""
    if not (under_voila() or os.environ.get("WIJWERKEN_CODE") or os.environ.get("JUPYTERHUB_USER")):
        return None
    store, person = _identify()
    cohort = store.cohort(person.cohort_id) if person is not None else None
    return cohort.gemeente if cohort is not None else None


loader.set_variant_resolver(_kernel_gemeente)


def _not_logged_in(words) -> widgets.HTML:
    """The page does not know who this is (e.g. logged out in another tab): a notice and the way to log in."""
    from urllib.parse import quote

    from wijwerken_widgets.core.html import notice_html

    base = os.environ.get("VOILA_BASE_URL", "/")
    here = os.environ.get("SCRIPT_NAME", "")
    login = f"{base}login" + (f"?next={quote(here, safe='/')}" if here else "")
    link = f'<p class="ww-login-link"><a href="{html.escape(login)}">{html.escape(words.login_link)}</a></p>'
    return widgets.HTML(notice_html(words.not_logged_in, "warning") + link, _dom_classes=("ww-notice-widget",))


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
        exc_info = exc_tuple if exc_tuple is not None else sys.exc_info()
        if exc_info[0] is not None and issubclass(exc_info[0], KeyboardInterrupt):
            return  # the server stopping the kernel (e.g. a pool's kernel that waited for a page), not a failure
        log.error("callback failed on page %s", os.environ.get("SCRIPT_NAME", "?"), exc_info=exc_info)

    shell.showtraceback = quiet_traceback


class Page:
    """A workbook page: navigation, header, who is logged in, the sections and the page's end.

    ``workbook`` is the notebook's file name (``dag1.ipynb``) for the navigation; ``progress`` the day's key
    registry and its exercise titles (YAML key → title) for the progress hint; a page with ``needs_login=False``
    does not ask to log in when it does not know who this is.
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
        self.top: widgets.VBox | None = None  # a notice instead of the sections; only created when there is one
        self.who: widgets.Label | None = None
        self.workbook, self.progress_of, self.needs_login = workbook, progress, needs_login
        self.whobar: widgets.HBox | None = None  # who is logged in, and "Niet jij? Uitloggen"
        self.progress: widgets.Widget | None = None
        self.trainer_note: widgets.HTML | None = None  # to a trainer on a participants' page: what this is
        self.end: widgets.HTML | None = None  # previous/next and the footer: always the page's last child
        self.session_token: str | None = None  # this browser's session, when it came from the cookie

    # -- identity -------------------------------------------------------------------------------------------
    def show(self) -> Page:
        """Display the header and either who is logged in or why the page cannot be used.

        The person is looked up before the widgets are made, so that a recognised participant's page is built
        with its final values (every later change is one more message to the browser).
        """
        from wijwerken_widgets.people.identity import session_token_from_environment
        from wijwerken_widgets.store import StoreUnavailable

        words = texts.load().page  # a broken algemeen.yaml fails here, before anything is shown
        person, notice = None, None
        try:
            self.store, person = _identify()
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
                notice = _not_logged_in(words)
        if person is not None:
            self.ctx = Context.for_person(self.store, person)
        off = self._pages_off()
        header = widgets.HTML(
            f"<style>{STYLESHEET.read_text(encoding='utf-8')}</style>"
            f"{navigation.nav_html(self.workbook, off, trainer=person is not None and person.role == 'trainer')}"
            f'<header class="ww-header"><h1>{html.escape(self.title)}</h1>{render_markdown(self.intro_markdown)}'
            f"</header>{idle_html() if person is not None else ''}",
            layout=styles.layout(), style=styles.html_style(),
        )
        self.end = widgets.HTML(trainer_sees_html(person, self.workbook, needs_login=self.needs_login, off=off)
                                + navigation.end_html(self.workbook, off), layout=styles.plain_layout(),
                                style=styles.html_style(), _dom_classes=("ww-page-end",))
        if person is not None:
            self.who = widgets.Label("", style=styles.label_style(), _dom_classes=("ww-who",))
            self.whobar = widgets.HBox([self.who], layout=styles.plain_layout(), _dom_classes=("ww-whobar",))
            assert self.ctx is not None
            self._greet(self.ctx, person)
            children = [header, self.whobar, *(w for w in (self.progress, self.trainer_note) if w is not None)]
            if self.ctx.cohort is not None and self.ctx.cohort.archived_at is not None:  # read-only: say so first
                children.insert(1, message(texts.load().privacy.archived, "info"))
            if self.workbook is not None and Path(self.workbook).stem in off:
                children.append(message(words.page_off, "info"))
                self.ctx = None  # the cohort does not use this page: no section is built
        else:
            children = [header]
            if notice is not None:
                self.top = widgets.VBox([notice], _dom_classes=("ww-page-top",))
                children.append(self.top)
        self.root = widgets.VBox([*children, self.end], layout=styles.plain_layout())
        archived = self.ctx is not None and self.ctx.cohort is not None and self.ctx.cohort.archived_at is not None
        if self.ctx is not None and not archived:  # a training day's hand button and trainer's timer (participants only)
            from wijwerken_widgets.ui import live
            live.attach(self)
        display(self.root)
        if self.ctx is not None:
            atexit.register(self.ctx.flush_all)
        return self

    def _pages_off(self) -> frozenset[str]:
        """The pages this person's cohort turned off (``uit``): not in the navigation, and empty when opened."""
        from wijwerken_widgets.content.variants import pages_off

        return pages_off(self.ctx.cohort) if self.ctx is not None else frozenset()

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
        if person.role == "trainer" and self.progress_of is not None:  # a participants' page, seen by a trainer
            self.trainer_note = widgets.HTML(render_markdown(texts.load().page.trainer_view), layout=styles.layout(),
                                         style=styles.html_style(), _dom_classes=("ww-hint", "ww-trainer-view"))

    # -- sections -------------------------------------------------------------------------------------------
    def section(self, exercise: ModuleType | Builder) -> None:
        """Add a section for the logged-in person (none when nobody is): ``exercise`` is an exercise module
        (``page.section(dag2.grid)`` calls ``grid.section(ctx)``) or any function of the context. An exercise the
        cohort turned off (``content.variants.exercise_enabled``) is left out."""
        if self.ctx is None or not self._enabled(exercise):
            return
        build: Builder = exercise.section if isinstance(exercise, ModuleType) else exercise
        slot = widgets.VBox([self._build(build)], layout=styles.plain_layout(), _dom_classes=("ww-section",))
        self.sections.append(slot)
        self.add(slot)
        self._place_ledger()

    def _enabled(self, exercise: ModuleType | Builder) -> bool:
        """False for an exercise module (or any section of a page) that the cohort turned off (``uit``)."""
        from wijwerken_widgets.content.variants import exercise_enabled

        if self.workbook is None or self.ctx is None:
            return True
        name = exercise.__name__.rpartition(".")[2] if isinstance(exercise, ModuleType) else None
        return exercise_enabled(self.ctx.cohort, Path(self.workbook).stem, name)

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
