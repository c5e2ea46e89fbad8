"""What every part of the store shares: short transactions, row mapping, and :class:`StoreUnavailable`.

:class:`StoreBase` holds the engine and the transaction helpers; the parts of the API (``items.py``,
``maps.py``, ``logbook.py``, ``signals.py``, ``audit.py``, ``personal.py``, ``erase.py``, ``retention.py``, ``api.py``) are classes built on it,
and :class:`~wijwerken_widgets.store.api.Store` combines them. Imports inside the store point one way: ``api`` → ``maps`` → ``items`` → ``base``, ``api`` →
``logbook`` → ``base``/``records``, ``api`` → ``retention`` → ``erase``; nothing imports ``api`` but the package itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any, Literal, TypeVar

from sqlalchemy import Connection, Engine, Row, Select, Table, select
from sqlalchemy import exc as sa_exc

from wijwerken_widgets.store import schema
from wijwerken_widgets.store.engine import writer

Action = Literal["save", "write", "read"]
Reason = Literal["unreachable", "full", "read_only", "too_large", "archived"]

_WHAT: dict[Action, str] = {
    "save": "Je antwoord kon niet worden opgeslagen",
    "write": "Dit kon niet worden opgeslagen",
    "read": "Je gegevens konden niet worden geladen",
}
_WHY: dict[Reason, str] = {
    "unreachable": "de database is even niet bereikbaar",
    "full": "de opslag van de server is vol",
    "read_only": "de server kan op dit moment niets wegschrijven",
    "archived": "deze training is afgesloten, je werk kan alleen nog worden gelezen",
}
_NEXT: dict[tuple[Action, Reason], str] = {
    ("save", "unreachable"): "Je tekst blijft staan; we proberen het zo opnieuw.",
    ("save", "full"): "Je tekst blijft staan. Laat het je trainer weten; daarna proberen we het opnieuw.",
    (
        "save",
        "read_only",
    ): "Je tekst blijft staan. Laat het je trainer weten; daarna proberen we het opnieuw.",
    ("save", "archived"): "Je tekst blijft op je scherm staan: kopieer hem als je hem wilt bewaren.",
    ("write", "archived"): "Er is niets veranderd.",
}
# Errors that mean the caller asked for something impossible, not that the database is unavailable.
_CALLER_ERRORS = (sa_exc.IntegrityError, sa_exc.ProgrammingError, sa_exc.DataError, sa_exc.NotSupportedError)

R = TypeVar("R")


class StoreUnavailable(Exception):
    """The database cannot be used right now; ``message`` is Dutch text for participants."""

    def __init__(self, message: str, reason: Reason = "unreachable") -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


MAX_VALUE_BYTES = 100_000
"""The largest answer, item or logboek text stored (as UTF-8 JSON): a page carries every value it shows, and a
shared item reaches every groupmate's page."""


def storable(value: Any) -> Any:
    """``value`` as the store keeps it, the same on SQLite and PostgreSQL: NUL characters (which PostgreSQL cannot
    hold), direction controls and zero-width spaces (``core/text.py``) taken out of every text and key.

    Refuses a value that is not plain JSON (``TypeError``/``ValueError``) and one over :data:`MAX_VALUE_BYTES`
    (:class:`StoreUnavailable` ``too_large``, a Dutch message)."""
    import json

    value = _without_hidden(value)
    size = len(json.dumps(value, allow_nan=False, ensure_ascii=False).encode("utf-8"))
    if size > MAX_VALUE_BYTES:
        message = (f"Deze tekst is te lang om op te slaan ({size // 1000} kB; hoogstens {MAX_VALUE_BYTES // 1000} kB). "
                   "Maak hem korter; wat eerder was opgeslagen, blijft bewaard.")
        raise StoreUnavailable(message, "too_large")
    return value


def _without_hidden(value: Any) -> Any:
    """``value`` with :func:`~wijwerken_widgets.core.text.without_hidden` applied to every text and key in it."""
    from wijwerken_widgets.core.text import without_hidden

    if isinstance(value, str):
        return without_hidden(value)
    if isinstance(value, dict):
        return {_without_hidden(k): _without_hidden(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_without_hidden(v) for v in value]
    return value


def utc_now() -> datetime:
    """The current time in UTC (every stored timestamp)."""
    return datetime.now(timezone.utc)


def _reason(exc: BaseException) -> Reason:
    orig = getattr(exc, "orig", None)
    text = str(orig or exc).lower()
    sqlstate = getattr(orig, "sqlstate", None) or ""
    if "full" in text or "no space left" in text or sqlstate.startswith("53"):
        return "full"
    if "readonly" in text or "read-only" in text or sqlstate == "25006":
        return "read_only"
    return "unreachable"


def unavailable(exc: BaseException, action: Action) -> StoreUnavailable:
    """The :class:`StoreUnavailable` that tells a participant what went wrong during ``action``."""
    return refusal(action, _reason(exc))


def refusal(action: Action, reason: Reason) -> StoreUnavailable:
    """The :class:`StoreUnavailable` for ``action`` failing for ``reason``, with its Dutch message."""
    tail = _NEXT.get((action, reason), "Probeer het zo opnieuw.")
    return StoreUnavailable(f"{_WHAT[action]}: {_WHY[reason]}. {tail}", reason)


@contextmanager
def guard(action: Action) -> Iterator[None]:
    """Turn database trouble during ``action`` into :class:`StoreUnavailable`; the caller's mistakes pass."""
    try:
        yield
    except (sa_exc.DBAPIError, sa_exc.TimeoutError, OSError) as exc:
        if isinstance(exc, _CALLER_ERRORS):
            raise
        raise unavailable(exc, action) from exc


def as_record(cls: type[R], row: Row[Any]) -> R:
    """The row as a record dataclass whose fields are the row's columns."""
    return cls(**row._mapping)


def lock_row(conn: Connection, table: Table, row_id: int) -> None:
    """Serialise writes that belong to one person or group: SQLite already holds the write lock (BEGIN
    IMMEDIATE), PostgreSQL locks the row. Raises LookupError for an unknown id."""
    if conn.execute(select(table.c.id).where(table.c.id == row_id).with_for_update()).first() is None:
        raise LookupError(f"no row {row_id} in {table.name}")


def lock_writable(conn: Connection, table: Table, row_id: int, action: Action = "save") -> None:
    """Like :func:`lock_row` (serialise writes of one person, group or cohort; ``LookupError`` for an unknown id),
    in the same query refusing a write to an archived cohort's work (``retention.py``) with :class:`StoreUnavailable`
    ``archived``. Every save calls it."""
    c = schema.cohorts.c
    if table is schema.cohorts:
        stmt = select(c.id, c.archived_at).where(c.id == row_id).with_for_update()
    else:
        stmt = (select(table.c.id, c.archived_at).join(schema.cohorts, c.id == table.c.cohort_id)
                .where(table.c.id == row_id).with_for_update(of=table))
    row = conn.execute(stmt).first()
    if row is None:
        raise LookupError(f"no row {row_id} in {table.name}")
    if row.archived_at is not None:
        raise refusal(action, "archived")


class StoreBase:
    """The engine and the short transactions every method of the store runs in."""

    def __init__(self, engine: Engine) -> None:
        """Use an engine from :func:`~wijwerken_widgets.store.engine.make_engine` whose schema is current."""
        self.engine = engine
        self._writer = writer(engine)

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with guard("read"), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self, action: Action = "write") -> Iterator[Connection]:
        """A write transaction. After a failure the pool is emptied, so the next attempt opens a fresh connection:
        SQLite opens a file it may not write read-only and keeps it so, which would outlast the fix."""
        try:
            with guard(action), self._writer.begin() as conn:
                yield conn
        except StoreUnavailable as exc:
            if exc.reason != "archived":  # a refusal by the store itself, not trouble with the connection
                self.engine.dispose()
            raise

    def _one(self, cls: type[R], stmt: Select[Any]) -> R | None:
        with self._read() as conn:
            row = conn.execute(stmt).first()
        return None if row is None else as_record(cls, row)

    def _all(self, cls: type[R], stmt: Select[Any]) -> list[R]:
        with self._read() as conn:
            return [as_record(cls, row) for row in conn.execute(stmt)]

    def _insert(self, cls: type[R], table: Table, **values: Any) -> R:
        with self._write() as conn:
            row = conn.execute(table.insert().values(**values).returning(*table.c)).one()
        return as_record(cls, row)
