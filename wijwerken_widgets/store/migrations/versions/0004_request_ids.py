"""Idempotent saves: a nullable ``request_id`` on every saved row, unique per person (answers, logboek) or per
group and item (shared items).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# table -> the columns of its unique index (request_id among them)
UNIQUE = {
    "answers": ["person_id", "request_id"],
    "map_items": ["group_id", "request_id", "kind", "item_id"],
    "conversation_items": ["group_id", "request_id", "kind", "item_id"],
    "logbook": ["person_id", "request_id"],
}


def upgrade() -> None:
    for table, columns in UNIQUE.items():
        op.add_column(table, sa.Column("request_id", sa.String(100), nullable=True))
        op.create_index(f"ix_{table}_{'_'.join(columns)}", table, columns, unique=True)


def downgrade() -> None:
    raise NotImplementedError("wijwerken does not downgrade the store")
