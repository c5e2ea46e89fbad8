"""The live signals of a training day: ``signals`` (who has which page open, raised hands, the cohort's timer).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signals",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("cohort_id", sa.Integer, nullable=False),
        sa.Column("person_id", sa.Integer, nullable=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_signals"),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"], name="fk_signals_cohort_id_cohorts"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_signals_person_id_people"),
        sa.CheckConstraint("kind IN ('page', 'hand', 'timer')", name="ck_signals_kind"),
    )
    op.create_index("ix_signals_cohort_id_kind_person_id", "signals", ["cohort_id", "kind", "person_id"],
                    unique=True)


def downgrade() -> None:
    raise NotImplementedError("wijwerken does not downgrade the store")
