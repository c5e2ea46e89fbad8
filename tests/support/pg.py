"""PostgreSQL clean-up for tests: the person roles row security made for a scratch schema (``store/row_security``)
live in the whole server, so they go with the schema."""

from __future__ import annotations

from sqlalchemy import Connection, text


def drop_person_roles(conn: Connection, schema: str) -> None:
    """Drop the roles of the installation in ``schema`` (their prefix is made of the database and schema names)."""
    prefix = conn.execute(text("SELECT 'ww' || left(md5(current_database() || '.' || :s), 10)"),
                          {"s": schema}).scalar_one()
    roles = conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p ORDER BY rolname DESC"),
                         {"p": prefix + "\\_%"}).scalars().all()
    for role in roles:
        conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
