"""Several cohorts per trainer and removed people: ``trainer_cohorts`` and ``people.removed_at``.

A trainer is one ``people`` row in their home cohort (``people.cohort_id``); ``trainer_cohorts`` lists the other
cohorts they are assigned to. ``people.removed_at`` marks someone taken out of a cohort: they can no longer log
in, and what they wrote stays (full erasure is a separate step).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("people") as batch:
        batch.add_column(sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "trainer_cohorts",
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("cohort_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("person_id", "cohort_id", name="pk_trainer_cohorts"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_trainer_cohorts_person_id_people"),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"], name="fk_trainer_cohorts_cohort_id_cohorts"),
    )
    op.create_index("ix_trainer_cohorts_cohort_id", "trainer_cohorts", ["cohort_id"])


def downgrade() -> None:
    raise NotImplementedError("wijwerken does not downgrade the store")
