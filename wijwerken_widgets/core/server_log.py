"""The server's log in a page kernel: the ``wijwerken`` logger writes to the kernel process's real stderr.

ipykernel replaces ``sys.stderr`` with a stream to the browser (which Voilà drops), so lines for the trainer and
administrator go to ``sys.__stderr__``, which the kernel shares with ``wijwerken serve``. Save lines say who, what
and why, never what was typed.
"""

from __future__ import annotations

import logging
import sys

LOGGER = "wijwerken"
FORMAT = "%(asctime)s wijwerken %(levelname)s %(name)s: %(message)s"
saves = logging.getLogger(f"{LOGGER}.saves")


class ServerLogHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to the process's real stderr, whatever ``sys.stderr`` is at the time."""

    def __init__(self) -> None:
        super().__init__(sys.__stderr__)


def configure() -> logging.Logger:
    """Send the ``wijwerken`` logger (INFO and up) to the real stderr; idempotent."""
    log = logging.getLogger(LOGGER)
    if not any(isinstance(handler, ServerLogHandler) for handler in log.handlers):
        handler = ServerLogHandler()
        handler.setFormatter(logging.Formatter(FORMAT))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return log


def _enabled() -> logging.Logger:
    """The saves logger, enabled again: a traitlets application (ipykernel, Voilà) configuring logging with
    ``dictConfig`` disables every logger that existed before it, and these lines must never be lost."""
    saves.disabled = False
    return saves


def save_failed(person_id: int, what: str, reason: str) -> None:
    """One line for a save that did not reach the store: ``what`` names the key or items, ``reason`` the cause."""
    _enabled().warning("save failed: person=%s %s reason=%s", person_id, what, reason)


def save_recovered(person_id: int, what: str) -> None:
    """One line for the first save that worked again after a failure."""
    _enabled().info("save recovered: person=%s %s", person_id, what)


audits = logging.getLogger(f"{LOGGER}.audit")


def audit_line(fields: str) -> None:
    """The audit trail's line in the server log (``store/audit.py`` writes the same line to the store): ids and
    short codes only, never content."""
    audits.disabled = False  # see _enabled
    audits.info("audit: %s", fields)


def audit_not_stored(fields: str, reason: str) -> None:
    """An audit line that did not reach the store (it is in the server log, just above)."""
    audits.disabled = False
    audits.error("audit line not stored: %s reason=%s", fields, reason)
