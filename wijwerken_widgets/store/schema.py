"""The store's tables (SQLAlchemy Core), portable between SQLite and PostgreSQL.

The migrations in ``migrations/versions`` create exactly these tables; a test compares them.

``request_id`` (nullable) on the saved rows is the idempotency key of the save that wrote them (client id and
sequence): a retried save whose first attempt did commit finds its rows by it and writes nothing again.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)

ROLES = ("deelnemer", "trainer")
VRAAGSTUKKEN = ("intern", "extern")
MAP_KINDS = ("stakeholder", "relation", "position")
CONVERSATION_KINDS = ("gesprek", "verslag", "citaat", "trio", "feedback")
ACT_KINDS = ("thema", "koppeling", "fase", "stem", "reactie", "actie", "status", "interventie", "olievlek", "delen")
SHARING = ("prive", "trainer", "groep")
SIGNAL_KINDS = ("page", "hand", "timer")
AUDIT_RESULTS = ("ok", "refused", "failed")

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp that is always stored in UTC and always read back timezone-aware.

    SQLite keeps no time zone, so values are normalised to UTC before they are written.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


cohorts = Table(
    "cohorts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("slug", String(100), nullable=False, unique=True),
    Column("gemeente", String(200), nullable=False),
    Column("name", String(200), nullable=False),
    Column("settings", JSON, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("archived_at", UTCDateTime, nullable=True),  # read-only since then (``retention.py``); None: in use
    sqlite_autoincrement=True,  # an id the audit trail names is never reused after a purge (``retention.py``)
)

groups = Table(
    "groups",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cohort_id", Integer, ForeignKey("cohorts.id"), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("vraagstuk", String(20), nullable=False),
    CheckConstraint("vraagstuk IN ('intern', 'extern')", name="vraagstuk"),
    sqlite_autoincrement=True,  # an id the audit trail names is never reused after a purge (``retention.py``)
)

people = Table(
    "people",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cohort_id", Integer, ForeignKey("cohorts.id"), nullable=False, index=True),
    Column("group_id", Integer, ForeignKey("groups.id"), nullable=True),
    Column("name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("functie", String(200), nullable=True),
    Column("hub_user", String(200), nullable=True, unique=True),
    Column("code_hash", String(200), nullable=False, unique=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("removed_at", UTCDateTime, nullable=True),
    CheckConstraint("role IN ('deelnemer', 'trainer')", name="role"),
    sqlite_autoincrement=True,  # an id the audit trail names is never reused after a purge (``retention.py``)
)

# The cohorts a trainer is assigned to besides their home cohort (``people.cohort_id``): they see every group of
# each. See "Cohorts and trainers" in docs/architecture.md.
trainer_cohorts = Table(
    "trainer_cohorts",
    metadata,
    Column("person_id", ForeignKey("people.id"), primary_key=True),
    Column("cohort_id", ForeignKey("cohorts.id"), primary_key=True, index=True),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(200), nullable=False, unique=True),
    Column("person_id", Integer, ForeignKey("people.id"), nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)

answers = Table(
    "answers",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id"), nullable=False),
    Column("key", String(200), nullable=False),
    Column("value", JSON, nullable=False),
    Column("saved_at", UTCDateTime, nullable=False),
    Column("client_id", String(100), nullable=False),
    Column("request_id", String(100), nullable=True),
    Index(None, "person_id", "key", "id"),
    Index(None, "person_id", "request_id", unique=True),
)


def _group_items(name: str, kinds: tuple[str, ...]) -> Table:
    """A table of a group's versioned items (see ``items.py``): every change is a new version row of its item, the
    current state is the latest version of each item. Nothing is updated or deleted."""
    allowed = ", ".join(f"'{kind}'" for kind in kinds)
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True),
        Column("group_id", Integer, ForeignKey("groups.id"), nullable=False),
        Column("kind", String(20), nullable=False),
        Column("item_id", String(40), nullable=False),
        Column("version", Integer, nullable=False),
        Column("data", JSON, nullable=False),
        Column("deleted", Boolean, nullable=False),
        Column("person_id", Integer, ForeignKey("people.id"), nullable=False),
        Column("client_id", String(100), nullable=False),
        Column("changed_at", UTCDateTime, nullable=False),
        Column("request_id", String(100), nullable=True),
        UniqueConstraint("group_id", "kind", "item_id", "version"),
        CheckConstraint(f"kind IN ({allowed})", name="kind"),
        Index(None, "group_id", "id"),
        Index(None, "group_id", "request_id", "kind", "item_id", unique=True),
    )


# A group's shared stakeholder map (Dag 2): stakeholders, relations and node positions.
map_items = _group_items("map_items", MAP_KINDS)

# A group's conversations (Dag 3): plans ("gesprek"), reports ("verslag", item_id = the plan's), quotes ("citaat"),
# role-play trios ("trio") and observers' feedback ("feedback").
conversation_items = _group_items("conversation_items", CONVERSATION_KINDS)

# A group's Dag 4 work: themes of the rode-draden analysis ("thema"), quote-theme links ("koppeling", one item per
# link), the analysis' phase ("fase"), each member's dots ("stem"), what was said back per theme ("reactie") and the
# actions of the actieplan ("actie") and, in the months after, their status updates ("status", one item per update),
# mini-interventies for stalled actions ("interventie") and the colleagues each member passed Wij-Werken on to
# ("olievlek", one item per entry), and whether the group shares its rode draden and actions with other
# municipalities ("delen", one item: kruisbestuiving).
act_items = _group_items("act_items", ACT_KINDS)

# Each participant's reflection log across the days. Every edit is a new version of the entry; the latest version's
# ``sharing`` decides who else may read it: nobody ("prive"), the cohort's trainers ("trainer"), or also the
# participant's group ("groep").
logbook = Table(
    "logbook",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("person_id", Integer, ForeignKey("people.id"), nullable=False),
    Column("entry_id", String(40), nullable=False),
    Column("version", Integer, nullable=False),
    Column("day", String(40), nullable=False),
    Column("prompt", String(500), nullable=False),
    Column("text", Text, nullable=False),
    Column("sharing", String(10), nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("saved_at", UTCDateTime, nullable=False),
    Column("client_id", String(100), nullable=False),
    Column("request_id", String(100), nullable=True),
    UniqueConstraint("person_id", "entry_id", "version"),
    CheckConstraint("sharing IN ('prive', 'trainer', 'groep')", name="sharing"),
    Index(None, "person_id", "id"),
    Index(None, "person_id", "request_id", unique=True),
)

# The live signals of a training day (``signals.py``): per cohort one row per (person, kind) — the page someone has
# open ("page"), a raised hand ("hand") — and the cohort's timer ("timer", no person). Rows are replaced, not
# versioned: only the present state matters.
signals = Table(
    "signals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("cohort_id", Integer, ForeignKey("cohorts.id"), nullable=False),
    Column("person_id", Integer, ForeignKey("people.id"), nullable=True),
    Column("kind", String(10), nullable=False),
    Column("data", JSON, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    CheckConstraint("kind IN ('page', 'hand', 'timer')", name="kind"),
    Index(None, "cohort_id", "kind", "person_id", unique=True),
)

# The audit trail (``audit.py``, BIO 8.15): what was done (``action``, a short code) to which object, with what
# result, from where (``origin``: "cli", "web", "kernel"), by whom and when; never content, names or codes. Only ids:
# no foreign keys, so an audit line outlives the person, group or cohort it is about (erasure and retention purge
# keep the audit lines). Nothing is updated.
audit = Table(
    "audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UTCDateTime, nullable=False),
    Column("action", String(40), nullable=False),
    Column("object_type", String(20), nullable=False),
    Column("object_id", Integer, nullable=True),
    Column("result", String(10), nullable=False),
    Column("origin", String(20), nullable=False),
    Column("actor_person_id", Integer, nullable=True),
    Column("cohort_id", Integer, nullable=True),
    CheckConstraint("result IN ('ok', 'refused', 'failed')", name="result"),
    Index(None, "actor_person_id"),
    Index(None, "object_type", "object_id"),
    Index(None, "cohort_id", "at"),
)
