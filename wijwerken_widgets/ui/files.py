"""A file made on a click, as the link that holds it: the one way the trainer pages hand out a download."""

from __future__ import annotations

import logging
from collections.abc import Callable

from wijwerken_widgets.core.downloads import download_link
from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import texts

log = logging.getLogger("wijwerken")


def file_link_html(build: Callable[[], tuple[bytes, str, str]], failed: str, what: str) -> str:
    """The link to the file ``build()`` makes (data, file name, MIME), worded as ``download.link`` of
    ``algemeen.yaml``; the store's Dutch message when it is down, ``failed`` when making the file fails (logged
    with ``what``, never shown)."""
    try:
        data, filename, mime = build()
    except StoreUnavailable as exc:
        return notice_html(exc.message, "error")
    except Exception:
        log.exception("download %s failed", what)
        return notice_html(failed, "error")
    return download_link(data, filename, mime, texts.load().download.link.format(bestand=filename))
