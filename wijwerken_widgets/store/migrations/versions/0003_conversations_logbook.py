"""Dag 3: the groups' conversations and role-play (versioned items), and each participant's logboek.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "conversation_items",
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
        sa.PrimaryKeyConstraint("id", name="pk_conversation_items"),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"], name="fk_conversation_items_group_id_groups"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_conversation_items_person_id_people"),
        sa.UniqueConstraint("group_id", "kind", "item_id", "version",
                            name="uq_conversation_items_group_id_kind_item_id_version"),
        sa.CheckConstraint("kind IN ('gesprek', 'verslag', 'citaat', 'trio', 'feedback')",
                           name="ck_conversation_items_kind"),
    )
    op.create_index("ix_conversation_items_group_id_id", "conversation_items", ["group_id", "id"])
    op.create_table(
        "logbook",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("entry_id", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("day", sa.String(40), nullable=False),
        sa.Column("prompt", sa.String(500), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("sharing", sa.String(10), nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("saved_at", UTC, nullable=False),
        sa.Column("client_id", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_logbook"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_logbook_person_id_people"),
        sa.UniqueConstraint("person_id", "entry_id", "version", name="uq_logbook_person_id_entry_id_version"),
        sa.CheckConstraint("sharing IN ('prive', 'trainer', 'groep')", name="ck_logbook_sharing"),
    )
    op.create_index("ix_logbook_person_id_id", "logbook", ["person_id", "id"])


def downgrade() -> None:
    raise NotImplementedError("wijwerken does not downgrade the store")
