"""Dag 4 and the months after: a group's themes, quote-theme links, phase, votes, responses, actions and the
actions' status updates (versioned items).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "act_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("group_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("item_id", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("client_id", sa.String(100), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("request_id", sa.String(100), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_act_items"),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"], name="fk_act_items_group_id_groups"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_act_items_person_id_people"),
        sa.UniqueConstraint("group_id", "kind", "item_id", "version", name="uq_act_items_group_id_kind_item_id_version"),
        sa.CheckConstraint("kind IN ('thema', 'koppeling', 'fase', 'stem', 'reactie', 'actie', 'status')",
                           name="ck_act_items_kind"),
    )
    op.create_index("ix_act_items_group_id_id", "act_items", ["group_id", "id"])
    op.create_index("ix_act_items_group_id_request_id_kind_item_id", "act_items",
                    ["group_id", "request_id", "kind", "item_id"], unique=True)


def downgrade() -> None:
    raise NotImplementedError("wijwerken does not downgrade the store")
