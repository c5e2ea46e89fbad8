"""Who is using this kernel: a JupyterHub user, a server-side code, or the session cookie of the browser.

Who someone is, and whether they are a trainer, is always read from the store; the only value from the browser
that counts is the opaque session token in the cookie ``wijwerken_sessie``, which the server's login page
(``app/web/pages.py``) sets as an HttpOnly cookie.
"""

from __future__ import annotations

import datetime
import http.cookies
import logging
import os
from typing import TYPE_CHECKING

from wijwerken_widgets.people.codes import (
    hash_code,
    hash_token,
    is_session_token,
    legacy_hash_code,
    new_session_token,
    normalise_code,
)

if TYPE_CHECKING:
    from wijwerken_widgets.store import Person, Store

SESSION_COOKIE = "wijwerken_sessie"
SESSION_LIFETIME = datetime.timedelta(days=30)
"""A session ends after 30 days without use (the programme has a coaching or training day every few weeks)."""
SESSION_RENEW_AFTER = datetime.timedelta(days=1)
"""A session in use is renewed to its full lifetime at most once a day."""

log = logging.getLogger(__name__)


class WrongCode(Exception):
    """The typed code belongs to nobody."""


def login(store: Store, code: str, *, now: datetime.datetime | None = None, origin: str = "web") -> tuple[Person, str]:
    """Check a typed code; return the person and a new session token (the store keeps only its hash). A wrong code
    and a login are each an audit line (never the code)."""
    if not normalise_code(code):
        raise WrongCode("empty code")
    person = person_by_code(store, code)
    if person is None:
        store.audit("login", "person", origin=origin, result="refused")
        raise WrongCode("unknown code")
    token = new_session_token()
    now = now or datetime.datetime.now(datetime.timezone.utc)
    store.add_session(person.id, hash_token(token), now + SESSION_LIFETIME)
    store.audit("login", "person", person.id, origin=origin, actor_id=person.id, cohort_id=person.cohort_id)
    return person, token


def person_by_code(store: Store, code: str) -> Person | None:
    """The person whose code is ``code`` (typed in any form), or None.

    A code stored the earlier way (plain SHA-256, ``codes.legacy_hash_code``) is found too, and its stored hash is
    then replaced by the keyed one (``codes.hash_code``), so the plain hash is gone after its first use.
    """
    if not normalise_code(code):
        return None
    keyed = hash_code(code)
    person = store.person_by_code_hash(keyed)
    if person is not None:
        return person
    person = store.person_by_code_hash(legacy_hash_code(code))
    if person is None:
        return None
    store.set_code_hash(person.id, keyed)
    log.info("Upgraded the stored code hash of person %s to the keyed hash", person.id)
    return store.person(person.id) or person


def logout(store: Store, token: str) -> None:
    """End the browser session of ``token`` in the store (other browsers of the person stay logged in)."""
    store.end_session(hash_token(token))


def session_token_from_environment() -> str | None:
    """The session token of the browser this kernel serves (its cookie), if any."""
    return session_token_from_cookie_header(_voila_cookie_header())


def person_from_environment(store: Store) -> Person | None:
    """The person this kernel serves, from (in order) ``JUPYTERHUB_USER``, ``WIJWERKEN_CODE`` or the cookie.

    Returns None when nobody is recognised; the page then links to the login page (or, under JupyterHub,
    says that this hub user is not in a cohort).
    """
    if hub_user := os.environ.get("JUPYTERHUB_USER"):
        return store.person_by_hub_user(hub_user)
    if code := os.environ.get("WIJWERKEN_CODE"):
        person = person_by_code(store, code)
        if person is None:
            log.warning("WIJWERKEN_CODE is set but belongs to nobody in the store")
        return person
    token = session_token_from_environment()
    if token is None:
        return None
    return store.person_by_session(hash_token(token))


def session_token_from_cookie_header(header: str | None) -> str | None:
    """The session token from a ``Cookie`` header, or None if absent or not shaped like a token."""
    if not header:
        return None
    value: str | None = None
    cookie = http.cookies.SimpleCookie()
    try:
        cookie.load(header)
    except http.cookies.CookieError:
        pass
    if SESSION_COOKIE in cookie:
        value = cookie[SESSION_COOKIE].value
    else:
        # SimpleCookie stops at the first cookie it cannot parse (another app's cookie on the same host).
        for part in header.split(";"):
            name, _, raw = part.strip().partition("=")
            if name == SESSION_COOKIE:
                value = raw.strip()
    return value if value is not None and is_session_token(value) else None


def is_voila_kernel() -> bool:
    """Whether this kernel was started by Voilà (Voilà sets ``VOILA_PREHEAT`` in every kernel it starts)."""
    return "VOILA_PREHEAT" in os.environ


def _voila_cookie_header() -> str | None:
    """The browser's ``Cookie`` header as Voilà passes it (``http_header_envs=['Cookie']``), if any.

    A preheated Voilà kernel (a pool of ``wijwerken serve``) runs the notebook before any browser asks for it; the
    request (with its headers) arrives later (`wait_for_request`). Outside Voilà nothing ever blocks.
    """
    if not is_voila_kernel():
        return os.environ.get("HTTP_COOKIE")
    request_arrived = os.environ.get("SERVER_SOFTWARE", "").startswith("voila/")
    if os.environ.get("VOILA_PREHEAT") == "True" and not request_arrived:
        wait_for_request()
    return os.environ.get("HTTP_COOKIE")


def wait_for_request() -> None:
    """Block until Voilà hands this preheated kernel a page request; put the request's details into ``os.environ``.

    Does what ``voila.utils.wait_for_request`` does (the ``/voila/query/<kernel id>`` websocket), without importing
    Voilà's server side (Jupyter Server, JupyterLab Server) into every kernel of the pool.
    """
    import json

    from websockets.sync.client import connect

    server = os.environ.get("VOILA_WS_BASE_URL", os.environ.get("VOILA_SERVER_URL", "/"))
    url = (f"{os.environ.get('VOILA_WS_PROTOCOL', 'ws')}://{os.environ.get('VOILA_APP_IP', '127.0.0.1')}:"
           f"{os.environ.get('VOILA_APP_PORT', '8866')}{server}voila/query/{os.environ.get('VOILA_KERNEL_ID', '')}")
    from wijwerken_widgets.core import server_log

    server_log.configure().info("preheated kernel ready, waiting for its page request")
    token = {"X-Wijwerken-Kernel": os.environ.get("WIJWERKEN_KERNEL_TOKEN", "")}  # app/web/kernels.py
    with connect(url, open_timeout=30, additional_headers=token) as socket:
        details = json.loads(socket.recv())
    os.environ.update({str(key): str(value) for key, value in details.items()})
