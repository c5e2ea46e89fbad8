"""Retention (``store/retention.py``): ``cohorts.archived_at``, when a cohort was archived (read-only); and on SQLite
the ids of cohorts, groups and people are never used again (``AUTOINCREMENT``): a purge deletes their rows, but the
audit lines that name the ids stay, and must not come to name a later cohort's rows.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

NEVER_REUSED = ("cohorts", "groups", "people")
"""The tables whose ids the audit trail names (objects, actors, cohorts)."""


def upgrade() -> None:
    op.add_column("cohorts", sa.Column("archived_at", sa.DateTime(timezone=True), nullable=True))
    if op.get_bind().dialect.name == "sqlite":  # PostgreSQL's sequences never hand out an id twice
        for table in NEVER_REUSED:
            with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_autoincrement": True}):
                pass


def downgrade() -> None:
    raise NotImplementedError("wijwerken does not downgrade the store")
