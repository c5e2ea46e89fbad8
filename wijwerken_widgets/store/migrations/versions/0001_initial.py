"""Initial schema: cohorts, groups, people, sessions, answers.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen copy of the types used here: later changes to schema.py must come with a new migration.
UTC = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "cohorts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(100), nullable=False),
        sa.Column("gemeente", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("settings", sa.JSON, nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cohorts"),
        sa.UniqueConstraint("slug", name="uq_cohorts_slug"),
    )
    op.create_table(
        "groups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cohort_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("vraagstuk", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_groups"),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"], name="fk_groups_cohort_id_cohorts"),
        sa.CheckConstraint("vraagstuk IN ('intern', 'extern')", name="ck_groups_vraagstuk"),
    )
    op.create_index("ix_groups_cohort_id", "groups", ["cohort_id"])
    op.create_table(
        "people",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("cohort_id", sa.Integer, nullable=False),
        sa.Column("group_id", sa.Integer, nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("functie", sa.String(200), nullable=True),
        sa.Column("hub_user", sa.String(200), nullable=True),
        sa.Column("code_hash", sa.String(200), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_people"),
        sa.ForeignKeyConstraint(["cohort_id"], ["cohorts.id"], name="fk_people_cohort_id_cohorts"),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"], name="fk_people_group_id_groups"),
        sa.UniqueConstraint("hub_user", name="uq_people_hub_user"),
        sa.UniqueConstraint("code_hash", name="uq_people_code_hash"),
        sa.CheckConstraint("role IN ('deelnemer', 'trainer')", name="ck_people_role"),
    )
    op.create_index("ix_people_cohort_id", "people", ["cohort_id"])
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("token_hash", sa.String(200), nullable=False),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("expires_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_sessions_person_id_people"),
        sa.UniqueConstraint("token_hash", name="uq_sessions_token_hash"),
    )
    op.create_index("ix_sessions_person_id", "sessions", ["person_id"])
    op.create_table(
        "answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("value", sa.JSON, nullable=False),
        sa.Column("saved_at", UTC, nullable=False),
        sa.Column("client_id", sa.String(100), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_answers"),
        sa.ForeignKeyConstraint(["person_id"], ["people.id"], name="fk_answers_person_id_people"),
    )
    op.create_index("ix_answers_person_id_key_id", "answers", ["person_id", "key", "id"])


def downgrade() -> None:
    # Migrations never drop participants' data; restore a backup instead of downgrading.
    raise NotImplementedError("wijwerken does not downgrade the store")
