"""The audit trail: ``audit`` (BIO 8.15 fields, never content; see ``store/audit.py``).

Revises 0009 (kruisbestuiving's "delen" items).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("object_type", sa.String(20), nullable=False),
        sa.Column("object_id", sa.Integer, nullable=True),
        sa.Column("result", sa.String(10), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("actor_person_id", sa.Integer, nullable=True),
        sa.Column("cohort_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit"),
        sa.CheckConstraint("result IN ('ok', 'refused', 'failed')", name="ck_audit_result"),
    )
    op.create_index("ix_audit_actor_person_id", "audit", ["actor_person_id"])
    op.create_index("ix_audit_object_type_object_id", "audit", ["object_type", "object_id"])
    op.create_index("ix_audit_cohort_id_at", "audit", ["cohort_id", "at"])


def downgrade() -> None:
    raise NotImplementedError("wijwerken does not downgrade the store")
