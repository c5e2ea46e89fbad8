"""The server's own pages, made without a kernel: log in, log out, "het is even druk" and Toegankelijkheid.

Their Dutch texts come from ``algemeen.yaml`` (``login``, ``busy``) and ``toegankelijkheid.yaml``; their templates
(``login.html``, ``busy.html``, ``toegankelijkheid.html``) extend the workbook's ``page.html``. Every login attempt
is one line in the server log: the client address and the result, never the code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from jupyter_server.auth.decorator import allow_unauthenticated
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web
from voila.request_info_handler import RequestInfoSocketHandler
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler

from wijwerken_widgets.app.web.auth import (
    SessionIdentityProvider,
    clear_session_cookie,
    may_use_kernel,
    session_of,
    set_session_cookie,
)
from wijwerken_widgets.app.web.kernels import CLAIMANT, Busy, KernelQueryHandler
from wijwerken_widgets.app.web.throttle import LoginThrottle

if TYPE_CHECKING:
    from wijwerken_widgets.store import Store

THROTTLE = LoginThrottle()
"""Wrong codes of this server process, per address and per code prefix."""
RETRY_AFTER_BUSY = 30
MAX_CODE_LENGTH = 200


def _words() -> Any:
    from wijwerken_widgets.ui import texts

    return texts.load()


def wait_text(seconds: float) -> str:
    """'Try again in N seconds' (rounded up), as ``login.wait`` of ``algemeen.yaml`` says it."""
    n = max(1, int(-(-seconds // 1)))
    wait = _words().login.wait
    return str((wait.one if n == 1 else wait.many).format(n=n))


class _ServerPage(JupyterHandler):
    """Renders one of the workbook's server templates (found where Voilà finds the workbook's template)."""

    def get_template(self, name: str) -> Any:
        return self.settings["voila_jinja2_env"].get_template(name)

    @property
    def store(self) -> Store:
        """The store of `SessionIdentityProvider` (one per server process)."""
        provider = self.identity_provider
        assert isinstance(provider, SessionIdentityProvider), "wijwerken serve sets the identity provider"
        return provider.store

    def page(self, template: str, status: int = 200, **values: Any) -> None:
        self.set_status(status)
        self.set_header("Cache-Control", "no-store")
        html = self.get_template(template).render(base_url=self.base_url, **values)
        self.finish(html)


class LoginHandler(_ServerPage):
    """``/login``: the code form (GET) and checking a code (POST), then back to the page asked for."""

    def _next(self) -> str:
        """The page to go to after logging in: a path on this server, never another site."""
        target = self.get_argument("next", "")
        parsed = urlparse(target)
        if (not target.startswith(self.base_url) or target.startswith("//") or parsed.scheme or parsed.netloc
                or "\\" in target):
            return self.base_url
        return target

    def _form(self, status: int = 200, message: str = "", kind: str = "error") -> None:
        words = _words()
        self.page("login.html", status, words=words.login, footer=words.navigation.footer_accessibility,
                  message=message, kind=kind, next=self._next(), xsrf=self.xsrf_form_html())

    @allow_unauthenticated
    def get(self) -> None:
        if self.current_user is not None:
            self.redirect(self._next())
            return
        words = _words().login
        self._form(message=words.logged_out if self.get_argument("uitgelogd", "") else "", kind="info")

    @allow_unauthenticated
    def post(self) -> None:
        from wijwerken_widgets.people.codes import normalise_code
        from wijwerken_widgets.people.identity import WrongCode, login
        from wijwerken_widgets.store import StoreUnavailable

        words = _words().login
        address = self.request.remote_ip or "?"
        code = normalise_code(self.get_body_argument("code", "")[:MAX_CODE_LENGTH])
        if wait := THROTTLE.wait(address, code):
            self.log.warning("login from %s: refused, wait %.0f s", address, wait)
            self.set_header("Retry-After", str(int(wait) + 1))
            self._form(429, f"{words.too_many} {wait_text(wait)}")
            return
        if not code:
            self.log.info("login from %s: empty code", address)
            self._form(400, words.empty_code)
            return
        try:
            person, token = login(self.store, code)
        except WrongCode:
            wait = THROTTLE.failed(address, code)
            self.log.warning("login from %s: wrong code", address)
            self._form(403, f"{words.wrong_code} {wait_text(wait)}" if wait else words.wrong_code)
            return
        except StoreUnavailable as error:
            self.log.error("login from %s: store unavailable", address)
            self._form(503, error.message)
            return
        THROTTLE.succeeded(code)
        self.log.info("login from %s: ok, person-%s", address, person.id)
        set_session_cookie(self, token)
        self.redirect(self._next())


class LogoutHandler(_ServerPage):
    """``/logout`` (POST, with the page's ``_xsrf``): end this browser's session, forget the cookie, show the login."""

    @allow_unauthenticated
    def post(self) -> None:
        from wijwerken_widgets.store import StoreUnavailable

        if (session := session_of(self.request.headers.get("Cookie"))) is not None:
            try:
                self.store.end_session(session)
                self.log.info("logout from %s", self.request.remote_ip)
            except StoreUnavailable:  # the browser forgets the session anyway; in the store it expires
                self.log.error("logout from %s: store unavailable, session left to expire", self.request.remote_ip)
        clear_session_cookie(self)
        self.redirect(url_path_join(self.base_url, "login") + "?uitgelogd=1")


class AccessibilityHandler(_ServerPage):
    """``/toegankelijkheid``: the accessibility statement, for everyone (also before logging in)."""

    @allow_unauthenticated
    def get(self) -> None:
        from wijwerken_widgets.core.html import render_markdown
        from wijwerken_widgets.pages.toegankelijkheid import texts
        from wijwerken_widgets.pages.toegankelijkheid.statement import sections_html

        content = texts.load()
        self.page("toegankelijkheid.html", title=content.title,
                  body=render_markdown(content.intro) + sections_html(content),
                  back=_words().login.title)


class WorkbookPageHandler(TornadoVoilaHandler):  # type: ignore[misc]
    """A workbook page; when no kernel may start, the Dutch "het is even druk" page (503) instead of an error."""

    async def get(self, path: str | None = None) -> None:
        if (user := self.current_user) is not None:
            _ = self.xsrf_token  # sets the _xsrf cookie, which the page's shutdown beacon sends back (voila#1458)
            CLAIMANT.set(getattr(user, "session", None))  # the session a pooled kernel is handed to
            if path:
                path = self._variant_of(path, getattr(user, "person_id", 0))
        await super().get(path=path)

    def _variant_of(self, path: str, person_id: int) -> str:
        """The municipality's own copy of the notebook (``content/variants.py``) for its participants; the URL
        stays the master's, so the navigation is unchanged."""
        from pathlib import Path

        from wijwerken_widgets.content.variants import variant_notebook
        from wijwerken_widgets.store import StoreUnavailable

        provider = self.identity_provider
        root = getattr(self.settings.get("contents_manager"), "root_dir", None)
        if not isinstance(provider, SessionIdentityProvider) or not root:
            return path
        try:
            person = provider.store.person(person_id)
            cohort = provider.store.cohort(person.cohort_id) if person is not None else None
        except StoreUnavailable:
            return path  # the page itself says the store is down
        return variant_notebook(Path(root), cohort.gemeente if cohort is not None else None, path)

    def log_exception(self, typ: Any, value: Any, tb: Any) -> None:
        if not isinstance(value, Busy):  # an expected answer, logged in one line by write_error
            super().log_exception(typ, value, tb)

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        error = kwargs.get("exc_info", (None, None, None))[1]
        if not isinstance(error, Busy):
            super().write_error(status_code, **kwargs)
            return
        words = _words().busy
        self.log.warning("no kernel started for %s: %s", self.request.path, error)
        self.clear()
        self.set_status(503)
        self.set_header("Retry-After", str(RETRY_AFTER_BUSY))
        self.set_header("Cache-Control", "no-store")
        text = words.everyone if error.who == "everyone" else words.you
        self.finish(self.get_template("busy.html").render(base_url=self.base_url, title=words.title, text=text,
                                                          again=words.again))


class OwnKernelShutdownHandler(VoilaShutdownKernelHandler):  # type: ignore[misc]
    """Voilà's shutdown beacon, honoured only from the session that started the kernel."""

    @web.authenticated
    async def post(self, kernel_id: str) -> None:
        if not may_use_kernel(self, self.current_user, kernel_id):
            raise web.HTTPError(403)
        await super().post(kernel_id)


def handlers(server_url: str) -> list[tuple[str, type]]:
    """The routes of these pages under ``server_url``."""
    return [
        (url_path_join(server_url, "/login"), LoginHandler),
        (url_path_join(server_url, "/logout"), LogoutHandler),
        (url_path_join(server_url, "/toegankelijkheid"), AccessibilityHandler),
    ]


REPLACED = {TornadoVoilaHandler: WorkbookPageHandler, VoilaShutdownKernelHandler: OwnKernelShutdownHandler,
            RequestInfoSocketHandler: KernelQueryHandler}
"""Voilà's handlers that serve here in the subclass above."""
