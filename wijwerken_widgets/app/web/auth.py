"""Who sends a request to ``wijwerken serve``: the browser session, checked in the store before any kernel exists.

`SessionIdentityProvider` turns the ``wijwerken_sessie`` cookie into a `SessionUser` (or None: pages then redirect
to the login page, websockets and kernel APIs answer 403), renewing the session's lifetime while it is used.
`SessionAuthorizer` lets a kernel be reached only by the session whose page started it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from jupyter_server.auth.authorizer import Authorizer
from jupyter_server.auth.identity import IdentityProvider, User

from wijwerken_widgets.people.codes import hash_token
from wijwerken_widgets.people.identity import (
    SESSION_COOKIE,
    SESSION_LIFETIME,
    SESSION_RENEW_AFTER,
    session_token_from_cookie_header,
)

if TYPE_CHECKING:
    from tornado.web import RequestHandler

    from wijwerken_widgets.store import Store


@dataclass
class SessionUser(User):
    """A logged-in browser: the person (by id, never their name in logs) and the hash of its session token."""

    session: str = ""
    person_id: int = 0


def session_of(cookie_header: str | None) -> str | None:
    """The session (token hash) a ``Cookie`` header carries, or None; whether it is live is not checked."""
    token = session_token_from_cookie_header(cookie_header)
    return hash_token(token) if token is not None else None


def set_session_cookie(handler: RequestHandler, token: str) -> None:
    """Give the browser its session: HttpOnly, SameSite=Lax, Secure over HTTPS, for the session's lifetime."""
    handler.set_cookie(
        SESSION_COOKIE, token, path=handler.settings.get("base_url", "/"), httponly=True, samesite="Lax",
        secure=handler.request.protocol == "https", max_age=int(SESSION_LIFETIME.total_seconds()),
    )


def clear_session_cookie(handler: RequestHandler) -> None:
    handler.clear_cookie(SESSION_COOKIE, path=handler.settings.get("base_url", "/"))


class SessionIdentityProvider(IdentityProvider):
    """The person behind the session cookie, from the store (the login and logout pages are added by the app)."""

    @cached_property
    def store(self) -> Store:
        from wijwerken_widgets.store import Store

        return Store.open()

    @property
    def auth_enabled(self) -> bool:
        return True

    @property
    def login_available(self) -> bool:
        return True

    def get_handlers(self) -> list[tuple[str, object]]:
        return []  # `wijwerken_widgets.app.web.pages` adds its own under the server's base URL

    def get_user(self, handler: RequestHandler) -> SessionUser | None:
        from wijwerken_widgets.store import StoreUnavailable

        if (user := getattr(handler, "_jupyter_current_user", None)) is not None:
            return user  # type: ignore[no-any-return]
        token = session_token_from_cookie_header(handler.request.headers.get("Cookie"))
        if token is None:
            return None
        session = hash_token(token)
        now = datetime.datetime.now(datetime.timezone.utc)
        try:
            live = self.store.live_session(session, now)
            if live is None:
                return None
            person, expires = live
            if expires < now + SESSION_LIFETIME - SESSION_RENEW_AFTER:
                self.store.renew_session(session, now + SESSION_LIFETIME)
                set_session_cookie(handler, token)
        except StoreUnavailable:
            self.log.exception("store unavailable while checking a session")
            return None
        return SessionUser(username=f"person-{person.id}", name=f"person-{person.id}", session=session,
                           person_id=person.id)

    def validate_security(self, app: Any, ssl_options: dict[str, Any] | None = None) -> None:
        """Nothing to warn about: every page needs a session."""


def kernel_owner(handler: Any, kernel_id: str | None) -> str | None:
    """The session whose page started ``kernel_id`` (None when unknown, e.g. a kernel that has gone)."""
    owner = getattr(handler.kernel_manager, "owner", None)
    return owner(kernel_id) if owner is not None and kernel_id else None


def may_use_kernel(handler: Any, user: Any, kernel_id: str | None) -> bool:
    """Whether ``user`` is the session that started ``kernel_id``."""
    session = getattr(user, "session", None)
    return bool(session) and kernel_owner(handler, kernel_id) == session


class SessionAuthorizer(Authorizer):
    """Kernels (their websocket and API) only for the session that started them; the rest for any session.

    Only a logged-in session gets here (``authenticated`` comes first), and only with a kernel id it already knows.
    """

    def is_authorized(self, handler: Any, user: Any, action: str, resource: str) -> bool:
        if resource != "kernels":
            return True
        kernel_id = handler.path_kwargs.get("kernel_id") or getattr(handler, "kernel_id", None)
        if kernel_id is not None and kernel_id not in handler.kernel_manager:
            return True  # a kernel that has gone: the handler answers 404, which a page takes as "kernel lost"
        allowed = may_use_kernel(handler, user, kernel_id)
        if not allowed:
            handler.log.warning("refused %s on kernel %s: not the session that started it", action, kernel_id)
        return allowed
