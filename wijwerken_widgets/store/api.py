"""The store API: cohorts, groups, people, browser sessions and versioned answers.

Every method runs in its own short transaction. Database trouble (unreachable, locked too long, read-only,
full) surfaces as :class:`StoreUnavailable` with a Dutch message for participants; the original exception is
kept as ``__cause__``. Mistakes by the caller (unknown ids, duplicate codes) are not masked.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from wijwerken_widgets.core import paths
from wijwerken_widgets.store import schema as t
from wijwerken_widgets.store.audit import AuditStore
from wijwerken_widgets.store.base import (
    StoreUnavailable,
    as_record,
    guard,
    lock_writable,
    storable,
    unavailable,
    utc_now,
)
from wijwerken_widgets.store.engine import make_engine, make_private_database, sqlite_path
from wijwerken_widgets.store.erase import ErasureStore
from wijwerken_widgets.store.forget import ForgetStore
from wijwerken_widgets.store.logbook import LogbookStore
from wijwerken_widgets.store.maps import MapStore
from wijwerken_widgets.store.migrate import is_current, upgrade
from wijwerken_widgets.store.personal import PersonalDataStore
from wijwerken_widgets.store.records import AnswerVersion, Cohort, Group, Person, SaveResult
from wijwerken_widgets.store.retention import RetentionStore
from wijwerken_widgets.store.roster import RosterStore
from wijwerken_widgets.store.row_security import RowSecurityStore
from wijwerken_widgets.store.signals import SignalStore

__all__ = [
    "AnswerVersion",
    "Cohort",
    "Group",
    "Person",
    "SaveResult",
    "Store",
    "StoreUnavailable",
    "unavailable",
]


MIGRATION_LOCK_TIMEOUT_MS = 60_000
"""How long a kernel opening the store waits while another one migrates it (a rare, one-off wait; the migrations of
a new database take a few seconds, longer on a busy machine), instead of failing after the usual lock timeout."""


def _upgrade_waiting(url: str) -> None:
    migrating = make_engine(url, lock_timeout_ms=MIGRATION_LOCK_TIMEOUT_MS)
    try:
        upgrade(migrating)
    finally:
        migrating.dispose()


class Store(MapStore, LogbookStore, RosterStore, SignalStore, AuditStore, PersonalDataStore,
            RetentionStore, ErasureStore, ForgetStore, RowSecurityStore):
    """The durable store on one database (SQLite file or PostgreSQL)."""

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Connect to ``url`` (default: ``paths.database_url()``) and migrate an empty or old database."""
        if url is None:
            url = paths.database_url()
        engine = make_engine(url)
        try:
            with guard("read"):
                if (path := sqlite_path(engine)) is not None:
                    new = not path.exists()
                    make_private_database(path)  # folder 0700; an existing file narrowed to 0600 (logged)
                if not is_current(engine):
                    _upgrade_waiting(url)
                if path is not None and new:
                    make_private_database(path, quiet=True)  # the file SQLite just created (and -wal/-shm)
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

    # -- cohorts and groups ----------------------------------------------------------------------------------
    def add_cohort(self, slug: str, gemeente: str, name: str, settings: dict[str, Any]) -> Cohort:
        return self._insert(
            Cohort, t.cohorts, slug=slug, gemeente=gemeente, name=name, settings=settings, created_at=utc_now()
        )

    def cohort(self, cohort_id: int) -> Cohort | None:
        return self._one(Cohort, select(t.cohorts).where(t.cohorts.c.id == cohort_id))

    def cohort_by_slug(self, slug: str) -> Cohort | None:
        return self._one(Cohort, select(t.cohorts).where(t.cohorts.c.slug == slug))

    def cohorts(self) -> list[Cohort]:
        return self._all(Cohort, select(t.cohorts).order_by(t.cohorts.c.id))

    def set_cohort_settings(self, cohort_id: int, settings: dict[str, Any]) -> None:
        """Replace a cohort's stored settings (e.g. a new ``programma``); its people and groups stay as they are."""
        with self._write() as conn:
            conn.execute(t.cohorts.update().where(t.cohorts.c.id == cohort_id).values(settings=settings))

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
            created_at=utc_now(),
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
        values = dict(person_id=person_id, token_hash=token_hash, created_at=utc_now(), expires_at=expires_at)
        with self._write() as conn:
            conn.execute(t.sessions.insert().values(**values))

    def end_sessions(self, person_id: int) -> None:
        """Log the person out in every browser (e.g. after a new code was issued)."""
        with self._write() as conn:
            conn.execute(t.sessions.delete().where(t.sessions.c.person_id == person_id))

    def end_session(self, token_hash: str) -> None:
        """Log out one browser: its session (by token hash) no longer recognises anybody."""
        with self._write() as conn:
            conn.execute(t.sessions.delete().where(t.sessions.c.token_hash == token_hash))

    def person_by_session(self, token_hash: str, now: datetime | None = None) -> Person | None:
        """The person behind a session token hash, or ``None`` when it is unknown or expired."""
        s = t.sessions.c
        stmt = (
            select(t.people)
            .join(t.sessions, s.person_id == t.people.c.id)
            .where(s.token_hash == token_hash, s.expires_at > (now or utc_now()))
        )
        return self._one(Person, stmt)

    def live_session(self, token_hash: str, now: datetime | None = None) -> tuple[Person, datetime] | None:
        """The person behind a live session and when the session ends (one query: every request asks)."""
        s = t.sessions.c
        stmt = (
            select(t.people, s.expires_at)
            .join(t.sessions, s.person_id == t.people.c.id)
            .where(s.token_hash == token_hash, s.expires_at > (now or utc_now()))
        )
        with self._read() as conn:
            row = conn.execute(stmt).first()
        if row is None:
            return None
        values = dict(row._mapping)
        expires_at = values.pop("expires_at")
        return Person(**values), expires_at

    def renew_session(self, token_hash: str, expires_at: datetime) -> None:
        """Let a live session last until ``expires_at`` (a sliding lifetime; an ended session stays ended)."""
        s = t.sessions.c
        with self._write() as conn:
            conn.execute(t.sessions.update().where(s.token_hash == token_hash, s.expires_at > utc_now())
                         .values(expires_at=expires_at))

    # -- answers ---------------------------------------------------------------------------------------------
    def save_answer(
        self,
        person_id: int,
        key: str,
        value: Any,
        *,
        base_id: int | None,
        client_id: str,
        request_id: str | None = None,
    ) -> SaveResult:
        """Append a version; report the latest earlier version as conflict when it is not ``base_id``.

        ``request_id`` makes a retry safe: when a version with it is already stored (the first attempt committed
        but its reply was lost), that version is returned, without conflict, and nothing is written.
        """
        value = storable(value)
        a = t.answers.c
        with self._write("save") as conn:
            lock_writable(conn, t.people, person_id)  # the latest version read below cannot change before commit
            if request_id is not None:
                done = conn.execute(
                    select(t.answers).where(a.person_id == person_id, a.key == key, a.request_id == request_id)
                ).first()
                if done is not None:
                    return SaveResult(version=as_record(AnswerVersion, done), conflict=None)
            latest = conn.execute(
                select(t.answers).where(a.person_id == person_id, a.key == key).order_by(a.id.desc()).limit(1)
            ).first()
            row = conn.execute(
                t.answers.insert()
                .values(person_id=person_id, key=key, value=value, saved_at=utc_now(), client_id=client_id,
                        request_id=request_id)
                .returning(*t.answers.c)
            ).one()
        conflict = None if latest is None or latest.id == base_id else as_record(AnswerVersion, latest)
        return SaveResult(version=as_record(AnswerVersion, row), conflict=conflict)

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
