"""The store API: cohorts, groups, people, browser sessions and versioned answers.

Every method runs in its own short transaction. Database trouble (unreachable, locked too long, read-only,
full) surfaces as :class:`StoreUnavailable` with a Dutch message for participants; the original exception is
kept as ``__cause__``. Mistakes by the caller (unknown ids, duplicate codes) are not masked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Literal, TypeVar

from sqlalchemy import Connection, Engine, Select, Table, func, select
from sqlalchemy import exc as sa_exc

from wijwerken_widgets.store import schema as t
from wijwerken_widgets.store.engine import make_engine, sqlite_path, writer
from wijwerken_widgets.store.logbook import LogbookStore
from wijwerken_widgets.store.maps import MapStore
from wijwerken_widgets.store.migrate import is_current, upgrade

Action = Literal["save", "write", "read"]
Reason = Literal["unreachable", "full", "read_only"]

_WHAT = {
    "save": "Je antwoord kon niet worden opgeslagen",
    "write": "Dit kon niet worden opgeslagen",
    "read": "Je gegevens konden niet worden geladen",
}
_WHY = {
    "unreachable": "de database is even niet bereikbaar",
    "full": "de opslag van de server is vol",
    "read_only": "de server kan op dit moment niets wegschrijven",
}
_NEXT = {
    ("save", "unreachable"): "Je tekst blijft staan; we proberen het zo opnieuw.",
    ("save", "full"): "Je tekst blijft staan. Laat het je trainer weten; daarna proberen we het opnieuw.",
    (
        "save",
        "read_only",
    ): "Je tekst blijft staan. Laat het je trainer weten; daarna proberen we het opnieuw.",
}
# Errors that mean the caller asked for something impossible, not that the database is unavailable.
_CALLER_ERRORS = (sa_exc.IntegrityError, sa_exc.ProgrammingError, sa_exc.DataError, sa_exc.NotSupportedError)


class StoreUnavailable(Exception):
    """The database cannot be used right now; ``message`` is Dutch text for participants."""

    def __init__(self, message: str, reason: Reason = "unreachable") -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason


@dataclass(frozen=True)
class Cohort:
    id: int
    slug: str
    gemeente: str
    name: str
    settings: dict[str, Any]
    created_at: datetime


@dataclass(frozen=True)
class Group:
    id: int
    cohort_id: int
    name: str
    vraagstuk: str


@dataclass(frozen=True)
class Person:
    id: int
    cohort_id: int
    group_id: int | None
    name: str
    role: str
    functie: str | None
    hub_user: str | None
    code_hash: str
    created_at: datetime


@dataclass(frozen=True)
class AnswerVersion:
    id: int
    person_id: int
    key: str
    value: Any
    saved_at: datetime
    client_id: str


@dataclass(frozen=True)
class SaveResult:
    version: AnswerVersion
    conflict: AnswerVersion | None


_T = TypeVar("_T")


def _now() -> datetime:
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
    reason = _reason(exc)
    tail = _NEXT.get((action, reason), "Probeer het zo opnieuw.")
    return StoreUnavailable(f"{_WHAT[action]}: {_WHY[reason]}. {tail}", reason)


@contextmanager
def _guard(action: Action) -> Iterator[None]:
    try:
        yield
    except (sa_exc.DBAPIError, sa_exc.TimeoutError, OSError) as exc:
        if isinstance(exc, _CALLER_ERRORS):
            raise
        raise unavailable(exc, action) from exc


def _as(cls: type[_T], row: Any) -> _T:
    return cls(**row._mapping)


def _lock_row(conn: Connection, table: Table, row_id: int) -> None:
    """Serialise writes that belong to one person or group: SQLite already holds the write lock (BEGIN
    IMMEDIATE), PostgreSQL locks the row. Raises LookupError for an unknown id."""
    if conn.execute(select(table.c.id).where(table.c.id == row_id).with_for_update()).first() is None:
        raise LookupError(f"no row {row_id} in {table.name}")


class Store(MapStore, LogbookStore):
    """The durable store on one database (SQLite file or PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        """Use an engine from :func:`make_engine` whose schema is current (see :meth:`open`)."""
        self.engine = engine
        self._writer = writer(engine)

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Connect to ``url`` (default: ``paths.database_url()``) and migrate an empty or old database."""
        if url is None:
            from wijwerken_widgets.core import paths

            url = paths.database_url()
        engine = make_engine(url)
        try:
            with _guard("read"):
                if (path := sqlite_path(engine)) is not None:
                    path.parent.mkdir(parents=True, exist_ok=True)
                if not is_current(engine):
                    upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        """Close all pooled connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- plumbing --------------------------------------------------------------------------------------------
    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with _guard("read"), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self, action: Action = "write") -> Iterator[Connection]:
        with _guard(action), self._writer.begin() as conn:
            yield conn

    def _one(self, cls: type[_T], stmt: Select[Any]) -> _T | None:
        with self._read() as conn:
            row = conn.execute(stmt).first()
        return None if row is None else _as(cls, row)

    def _all(self, cls: type[_T], stmt: Select[Any]) -> list[_T]:
        with self._read() as conn:
            return [_as(cls, row) for row in conn.execute(stmt)]

    def _insert(self, cls: type[_T], table: Table, **values: Any) -> _T:
        with self._write() as conn:
            row = conn.execute(table.insert().values(**values).returning(*table.c)).one()
        return _as(cls, row)

    # -- cohorts and groups ----------------------------------------------------------------------------------
    def add_cohort(self, slug: str, gemeente: str, name: str, settings: dict[str, Any]) -> Cohort:
        return self._insert(
            Cohort, t.cohorts, slug=slug, gemeente=gemeente, name=name, settings=settings, created_at=_now()
        )

    def cohort(self, cohort_id: int) -> Cohort | None:
        return self._one(Cohort, select(t.cohorts).where(t.cohorts.c.id == cohort_id))

    def cohort_by_slug(self, slug: str) -> Cohort | None:
        return self._one(Cohort, select(t.cohorts).where(t.cohorts.c.slug == slug))

    def cohorts(self) -> list[Cohort]:
        return self._all(Cohort, select(t.cohorts).order_by(t.cohorts.c.id))

    def add_group(self, cohort_id: int, name: str, vraagstuk: str) -> Group:
        if vraagstuk not in t.VRAAGSTUKKEN:
            raise ValueError(f"vraagstuk must be one of {t.VRAAGSTUKKEN}, not {vraagstuk!r}")
        return self._insert(Group, t.groups, cohort_id=cohort_id, name=name, vraagstuk=vraagstuk)

    def groups(self, cohort_id: int) -> list[Group]:
        return self._all(
            Group, select(t.groups).where(t.groups.c.cohort_id == cohort_id).order_by(t.groups.c.id)
        )

    def group(self, group_id: int) -> Group | None:
        return self._one(Group, select(t.groups).where(t.groups.c.id == group_id))

    # -- people ----------------------------------------------------------------------------------------------
    def add_person(
        self,
        cohort_id: int,
        name: str,
        role: str,
        code_hash: str,
        *,
        group_id: int | None = None,
        functie: str | None = None,
        hub_user: str | None = None,
    ) -> Person:
        if role not in t.ROLES:
            raise ValueError(f"role must be one of {t.ROLES}, not {role!r}")
        return self._insert(
            Person,
            t.people,
            cohort_id=cohort_id,
            group_id=group_id,
            name=name,
            role=role,
            functie=functie,
            hub_user=hub_user,
            code_hash=code_hash,
            created_at=_now(),
        )

    def person(self, person_id: int) -> Person | None:
        return self._one(Person, select(t.people).where(t.people.c.id == person_id))

    def person_by_code_hash(self, code_hash: str) -> Person | None:
        return self._one(Person, select(t.people).where(t.people.c.code_hash == code_hash))

    def person_by_hub_user(self, hub_user: str) -> Person | None:
        return self._one(Person, select(t.people).where(t.people.c.hub_user == hub_user))

    def people(self, cohort_id: int) -> list[Person]:
        return self._all(
            Person, select(t.people).where(t.people.c.cohort_id == cohort_id).order_by(t.people.c.id)
        )

    def set_code_hash(self, person_id: int, code_hash: str) -> None:
        with self._write() as conn:
            result = conn.execute(
                t.people.update().where(t.people.c.id == person_id).values(code_hash=code_hash)
            )
            if result.rowcount != 1:
                raise LookupError(f"no person with id {person_id}")

    # -- browser sessions ------------------------------------------------------------------------------------
    def add_session(self, person_id: int, token_hash: str, expires_at: datetime) -> None:
        values = dict(person_id=person_id, token_hash=token_hash, created_at=_now(), expires_at=expires_at)
        with self._write() as conn:
            conn.execute(t.sessions.insert().values(**values))

    def end_sessions(self, person_id: int) -> None:
        """Log the person out in every browser (e.g. after a new code was issued)."""
        with self._write() as conn:
            conn.execute(t.sessions.delete().where(t.sessions.c.person_id == person_id))

    def person_by_session(self, token_hash: str, now: datetime | None = None) -> Person | None:
        """The person behind a session token hash, or ``None`` when it is unknown or expired."""
        s = t.sessions.c
        stmt = (
            select(t.people)
            .join(t.sessions, s.person_id == t.people.c.id)
            .where(s.token_hash == token_hash, s.expires_at > (now or _now()))
        )
        return self._one(Person, stmt)

    # -- answers ---------------------------------------------------------------------------------------------
    def save_answer(
        self, person_id: int, key: str, value: Any, *, base_id: int | None, client_id: str
    ) -> SaveResult:
        """Append a version; report the latest earlier version as conflict when it is not ``base_id``."""
        json.dumps(value, allow_nan=False)  # TypeError/ValueError for values that are not plain JSON
        a = t.answers.c
        with self._write("save") as conn:
            _lock_row(conn, t.people, person_id)  # the latest version read below cannot change before commit
            latest = conn.execute(
                select(t.answers).where(a.person_id == person_id, a.key == key).order_by(a.id.desc()).limit(1)
            ).first()
            row = conn.execute(
                t.answers.insert()
                .values(person_id=person_id, key=key, value=value, saved_at=_now(), client_id=client_id)
                .returning(*t.answers.c)
            ).one()
        conflict = None if latest is None or latest.id == base_id else _as(AnswerVersion, latest)
        return SaveResult(version=_as(AnswerVersion, row), conflict=conflict)

    def latest_answer(self, person_id: int, key: str) -> AnswerVersion | None:
        a = t.answers.c
        stmt = select(t.answers).where(a.person_id == person_id, a.key == key).order_by(a.id.desc()).limit(1)
        return self._one(AnswerVersion, stmt)

    def latest_answers(self, person_id: int, prefix: str = "") -> dict[str, AnswerVersion]:
        """The latest version of every key of a person that starts with ``prefix``."""
        a = t.answers.c
        latest_ids = select(func.max(a.id)).where(a.person_id == person_id)
        if prefix:
            latest_ids = latest_ids.where(a.key.startswith(prefix, autoescape=True))
        stmt = select(t.answers).where(a.id.in_(latest_ids.group_by(a.key))).order_by(a.key)
        versions = self._all(AnswerVersion, stmt)
        # LIKE ignores ASCII case on SQLite; keep only exact prefix matches.
        return {v.key: v for v in versions if v.key.startswith(prefix)}

    def answer_history(self, person_id: int, key: str) -> list[AnswerVersion]:
        """Every saved version of one answer, oldest first."""
        a = t.answers.c
        return self._all(
            AnswerVersion, select(t.answers).where(a.person_id == person_id, a.key == key).order_by(a.id)
        )
