"""A person's own PostgreSQL role, for a server that must not see more than that person may (JupyterHub).

Migration 0012 puts row-level security on every table: a role named ``<prefix>_p<person id>`` sees and writes only
what the workbook shows that person (see the migration for the rules). :meth:`RowSecurityStore.person_role` makes
that role (or gives it a new password), a member of ``<prefix>_person`` or, for a trainer, ``<prefix>_trainer``,
whose privileges it grants again each time (so a table added later is covered). The owner's role needs
``CREATEROLE`` for this. :func:`role_url` is the store URL with that role instead of the owner.
"""

from __future__ import annotations

import secrets

from sqlalchemy import make_url, text

from wijwerken_widgets.store.base import StoreBase, guard

WRITTEN_BY_EVERYONE = ("answers", "map_items", "conversation_items", "act_items", "logbook", "signals", "audit",
                       "sessions")
"""Tables a participant's pages add rows to (the policies decide which rows)."""
LOCKED = ("cohorts", "groups", "people")
"""Tables whose rows a save locks (``SELECT … FOR UPDATE`` needs an ``UPDATE`` privilege on some column)."""
CHANGED_BY_TRAINERS = ("people", "cohorts", "answers", "logbook", "map_items", "conversation_items", "act_items")
"""Tables the trainer pages change (a new participant or code; a name removed on request)."""


def role_url(owner_url: str, role: str, password: str) -> str:
    """``owner_url`` (host, database, options) with ``role`` and ``password`` instead of the owner's."""
    return make_url(owner_url).set(username=role, password=password).render_as_string(hide_password=False)


class RowSecurityStore(StoreBase):
    """Methods of :class:`~wijwerken_widgets.store.api.Store` for person roles (one of its bases)."""

    def as_person(self) -> bool:
        """Whether this store connects with a person's role, so row security limits what it reads and writes
        (a server under JupyterHub); False for the owner's role and on SQLite."""
        if self.engine.dialect.name != "postgresql":
            return False
        with self._read() as conn:
            return bool(conn.execute(text("SELECT ww_me() IS NOT NULL")).scalar_one())

    def person_role(self, person_id: int) -> tuple[str, str]:
        """The person's role and a new password for it (the old one stops working); PostgreSQL only."""
        if self.engine.dialect.name != "postgresql":
            raise RuntimeError("person roles need PostgreSQL (row-level security)")
        password = secrets.token_hex(24)
        with guard("write"), self.engine.begin() as conn:
            role = conn.execute(text("SELECT role FROM people WHERE id = :id"), {"id": person_id}).scalar_one()
            prefix, schema = conn.execute(text("SELECT ww_prefix(), current_schema()")).one()
            group = f"{prefix}_trainer" if role == "trainer" else f"{prefix}_person"
            name = f"{prefix}_p{int(person_id)}"
            for statement in _grants(prefix, schema):
                conn.execute(text(statement))
            exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first()
            verb = "ALTER" if exists else "CREATE"
            conn.execute(text(f'{verb} ROLE "{name}" LOGIN PASSWORD \'{password}\''))  # hex: nothing to quote
            conn.execute(text(f'REVOKE "{prefix}_person", "{prefix}_trainer" FROM "{name}"'))
            conn.execute(text(f'GRANT "{group}" TO "{name}"'))
        return name, password


def _grants(prefix: str, schema: str) -> list[str]:
    person, trainer = f'"{prefix}_person"', f'"{prefix}_trainer"'
    made = [f"DO $$ BEGIN CREATE ROLE {role} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
            for role in (person, trainer)]
    return [
        *made,
        f'GRANT USAGE ON SCHEMA "{schema}" TO {person}',
        f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO {person}',
        f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA "{schema}" TO {person}',
        f"GRANT INSERT ON {', '.join(WRITTEN_BY_EVERYONE)} TO {person}",
        *(f"GRANT UPDATE (id) ON {table} TO {person}" for table in LOCKED),
        f"GRANT UPDATE, DELETE ON signals, sessions TO {person}",
        f"GRANT {person} TO {trainer}",
        f"GRANT INSERT ON people TO {trainer}",
        f"GRANT UPDATE ON {', '.join(CHANGED_BY_TRAINERS)} TO {trainer}",
    ]
