"""The months after Dag 4: mini-interventies ("interventie") and olievlek entries ("olievlek") as items of a group's
"act" space.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

KINDS = ("thema", "koppeling", "fase", "stem", "reactie", "actie", "status", "interventie", "olievlek")


def upgrade() -> None:
    with op.batch_alter_table("act_items") as batch:  # SQLite rebuilds the table; PostgreSQL alters it
        batch.drop_constraint("ck_act_items_kind", type_="check")
        batch.create_check_constraint("ck_act_items_kind", "kind IN (" + ", ".join(f"'{k}'" for k in KINDS) + ")")


def downgrade() -> None:
    raise NotImplementedError("wijwerken does not downgrade the store")
