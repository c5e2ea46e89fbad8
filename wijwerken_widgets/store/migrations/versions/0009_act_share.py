"""Kruisbestuiving: whether a group shares its rode draden and actions with other municipalities ("delen", one item
of a group's "act" space).

Revises 0008 (the live signals of a training day).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

KINDS = ("thema", "koppeling", "fase", "stem", "reactie", "actie", "status", "interventie", "olievlek", "delen")


def upgrade() -> None:
    with op.batch_alter_table("act_items") as batch:  # SQLite rebuilds the table; PostgreSQL alters it
        batch.drop_constraint("ck_act_items_kind", type_="check")
        batch.create_check_constraint("ck_act_items_kind", "kind IN (" + ", ".join(f"'{k}'" for k in KINDS) + ")")


def downgrade() -> None:
    raise NotImplementedError("wijwerken does not downgrade the store")
