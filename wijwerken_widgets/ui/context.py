"""Who is working in this kernel, on what, and where it is saved: passed to every exercise widget."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wijwerken_widgets.store import AnswerVersion, Cohort, Group, Person, Store

Listener = Callable[[str, "AnswerVersion"], None]


@dataclass
class Context:
    """The logged-in person and the store, plus in-kernel notification of saved answers.

    ``client_id`` names this kernel (one browser tab) in the answer history, so that two tabs editing the same
    answer can be told apart.
    """

    store: Store
    person: Person
    cohort: Cohort | None = None
    group: Group | None = None
    client_id: str = field(default_factory=lambda: secrets.token_hex(8))
    _listeners: list[Listener] = field(default_factory=list, repr=False)
    _flushers: list[Callable[[], Any]] = field(default_factory=list, repr=False)
    shared: dict[str, Any] = field(default_factory=dict, repr=False)
    """Objects that several sections of one page share (e.g. Dag 2's map session), by name."""

    @classmethod
    def for_person(cls, store: Store, person: Person) -> Context:
        """Look up the person's cohort and group in the store."""
        group = store.group(person.group_id) if person.group_id is not None else None
        return cls(store=store, person=person, cohort=store.cohort(person.cohort_id), group=group)

    def on_saved(self, listener: Listener) -> None:
        """Call ``listener(key, version)`` after every answer saved in this kernel (views refresh on it)."""
        self._listeners.append(listener)

    def notify_saved(self, key: str, version: AnswerVersion) -> None:
        for listener in list(self._listeners):
            listener(key, version)

    def register_flush(self, flush: Callable[[], Any]) -> None:
        """Remember a pending-save flusher; :meth:`flush_all` runs them (e.g. when the kernel shuts down)."""
        self._flushers.append(flush)

    def flush_all(self) -> None:
        for flush in list(self._flushers):
            flush()
