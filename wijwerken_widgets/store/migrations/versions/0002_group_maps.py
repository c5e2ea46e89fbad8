"""The groups' shared stakeholder maps (Dag 2): versioned map items.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "map_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("group_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("item_id", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("client_id", sa.String(100), nullable=False),
        sa.Column("changed_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_map_items"),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"], name="fk_map_items_group_id_groups"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_map_items_person_id_people"),
        sa.UniqueConstraint("group_id", "kind", "item_id", "version", name="uq_map_items_group_id_kind_item_id_version"),
        sa.CheckConstraint("kind IN ('stakeholder', 'relation', 'position')", name="ck_map_items_kind"),
    )
    op.create_index("ix_map_items_group_id_id", "map_items", ["group_id", "id"])


def downgrade() -> None:
    raise NotImplementedError("wijwerken does not downgrade the store")
