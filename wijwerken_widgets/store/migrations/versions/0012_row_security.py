"""Row-level security on PostgreSQL (``store/row_security.py``): a person's own database role sees only what the
workbook shows that person. Nothing changes on SQLite, and nothing for any role that is not a person's.

A person's role is named ``<prefix>_p<person id>``; ``<prefix>`` (:func:`ww_prefix`) is made of the database and
schema, so installations on one PostgreSQL server never share roles. Under JupyterHub every user's server gets its
person's role (``app/hub/spawn.py``); ``wijwerken serve`` and the commands keep using the owner's role, which row
security does not restrict.

The policies say, per table, which rows a person's role may read and write: their own answers and logboek; their
group's items; groupmates' logboek entries only in their latest version and only when shared with the group; a
trainer also what the trainer pages show of their cohorts (``trainer_cohorts`` too), and the shared work of groups
that share it for kruisbestuiving. The helpers that look a person up are ``SECURITY DEFINER`` functions, so a policy
never reads a table under its own policies.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

ITEM_TABLES = ("map_items", "conversation_items", "act_items")

FUNCTIONS = """
CREATE OR REPLACE FUNCTION ww_prefix() RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT 'ww' || left(md5(current_database() || '.' || '{schema}'), 10) $$;

CREATE OR REPLACE FUNCTION ww_me() RETURNS integer LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN current_user ~ ('^' || ww_prefix() || '_p[0-9]+$')
              THEN substring(current_user FROM '_p([0-9]+)$')::integer END $$;

CREATE OR REPLACE FUNCTION ww_cohorts(me integer) RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = "{schema}" AS $$
  SELECT cohort_id FROM people WHERE id = me
  UNION SELECT tc.cohort_id FROM trainer_cohorts tc JOIN people p ON p.id = tc.person_id
        WHERE tc.person_id = me AND p.role = 'trainer' $$;

CREATE OR REPLACE FUNCTION ww_trainer(me integer) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = "{schema}" AS $$
  SELECT coalesce((SELECT role = 'trainer' AND removed_at IS NULL FROM people WHERE id = me), false) $$;

CREATE OR REPLACE FUNCTION ww_group(me integer) RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = "{schema}" AS $$ SELECT group_id FROM people WHERE id = me $$;

CREATE OR REPLACE FUNCTION ww_sees_person(me integer, pid integer) RETURNS boolean LANGUAGE sql STABLE
  SECURITY DEFINER SET search_path = "{schema}" AS $$
  SELECT pid = me OR (ww_trainer(me) AND (SELECT cohort_id FROM people WHERE id = pid) IN (SELECT ww_cohorts(me))) $$;

CREATE OR REPLACE FUNCTION ww_sees_group(me integer, gid integer) RETURNS boolean LANGUAGE sql STABLE
  SECURITY DEFINER SET search_path = "{schema}" AS $$
  SELECT gid = ww_group(me)
      OR (ww_trainer(me) AND (SELECT cohort_id FROM groups WHERE id = gid) IN (SELECT ww_cohorts(me))) $$;

CREATE OR REPLACE FUNCTION ww_shares(gid integer) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = "{schema}" AS $$
  SELECT coalesce((SELECT NOT deleted AND (data ->> 'aan') = 'true' FROM act_items
                   WHERE group_id = gid AND kind = 'delen' ORDER BY version DESC LIMIT 1), false) $$;

CREATE OR REPLACE FUNCTION ww_sees_log(me integer, row_id integer, pid integer, eid text) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = "{schema}" AS $$
  SELECT pid = me OR EXISTS (
    SELECT 1 FROM logbook l JOIN people p ON p.id = l.person_id
    WHERE l.id = row_id AND NOT l.deleted
      AND l.id = (SELECT max(id) FROM logbook WHERE person_id = pid AND entry_id = eid)
      AND ((l.sharing = 'groep' AND NOT ww_trainer(me) AND p.group_id = ww_group(me))
           OR (l.sharing IN ('groep', 'trainer') AND ww_trainer(me) AND p.cohort_id IN (SELECT ww_cohorts(me))))) $$;
"""

OWNER = "ww_me() IS NULL"
"""Any role that is not a person's (the owner, an operator's): no restriction."""

POLICIES: dict[str, dict[str, str]] = {
    "cohorts": {
        "select": "id IN (SELECT ww_cohorts(ww_me())) OR (ww_trainer(ww_me()) AND EXISTS ("
                  "SELECT 1 FROM groups g WHERE g.cohort_id = cohorts.id AND ww_shares(g.id)))",
        "update": "id IN (SELECT ww_cohorts(ww_me()))",
    },
    "groups": {
        "select": "cohort_id IN (SELECT ww_cohorts(ww_me())) OR (ww_trainer(ww_me()) AND ww_shares(id))",
        "update": "ww_sees_group(ww_me(), id)",
    },
    "people": {
        "select": "cohort_id IN (SELECT ww_cohorts(ww_me()))",
        "insert": "ww_trainer(ww_me()) AND cohort_id IN (SELECT ww_cohorts(ww_me()))",
        "update": "ww_sees_person(ww_me(), id)",
    },
    "trainer_cohorts": {"select": "person_id = ww_me() OR cohort_id IN (SELECT ww_cohorts(ww_me()))"},
    "sessions": {"all": "person_id = ww_me()"},
    "answers": {
        "select": "ww_sees_person(ww_me(), person_id)",
        "insert": "person_id = ww_me()",
        "update": "ww_trainer(ww_me()) AND ww_sees_person(ww_me(), person_id)",
    },
    "logbook": {
        "select": "ww_sees_log(ww_me(), id, person_id, entry_id)",
        "insert": "person_id = ww_me()",
        "update": "ww_trainer(ww_me()) AND ww_sees_log(ww_me(), id, person_id, entry_id)",
    },
    "signals": {
        "select": "cohort_id IN (SELECT ww_cohorts(ww_me()))",
        "write": "person_id = ww_me() OR (ww_trainer(ww_me()) AND cohort_id IN (SELECT ww_cohorts(ww_me())))",
    },
    "audit": {
        "select": "actor_person_id = ww_me() OR (object_type = 'person' AND object_id = ww_me()) "
                  "OR (object_type = 'group' AND object_id = ww_group(ww_me())) "
                  "OR (object_type = 'cohort' AND object_id IN (SELECT ww_cohorts(ww_me())))",
        "insert": "actor_person_id = ww_me()",
    },
    **{table: {
        "select": "ww_sees_group(ww_me(), group_id)" + (
            " OR (ww_trainer(ww_me()) AND kind IN ('thema', 'actie', 'delen') AND ww_shares(group_id))"
            if table == "act_items" else ""),
        "insert": "person_id = ww_me() AND ww_sees_group(ww_me(), group_id)",
        "update": "ww_trainer(ww_me()) AND ww_sees_group(ww_me(), group_id)",
    } for table in ITEM_TABLES},
}
"""Table → command → the rows a person's role may use (besides :data:`OWNER`)."""


def _statements(table: str, rules: dict[str, str]) -> list[str]:
    statements = [f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY']
    for command, rule in rules.items():
        condition = f"{OWNER} OR ({rule})"
        if command == "write":
            for verb in ("insert", "update", "delete"):
                statements += _policy(table, verb, condition)
        else:
            statements += _policy(table, command, condition)
    return statements


def _policy(table: str, command: str, condition: str) -> list[str]:
    name = f"ww_{table}_{command}"
    using = "" if command == "insert" else f" USING ({condition})"
    check = "" if command in ("select", "delete") else f" WITH CHECK ({condition})"
    return [f'DROP POLICY IF EXISTS {name} ON "{table}"',
            f'CREATE POLICY {name} ON "{table}" FOR {command.upper()}{using}{check}']


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = bind.exec_driver_sql("SELECT current_schema()").scalar_one()
    bind.exec_driver_sql(FUNCTIONS.replace("{schema}", schema))
    for table, rules in POLICIES.items():
        for statement in _statements(table, rules):
            bind.exec_driver_sql(statement)


def downgrade() -> None:
    raise NotImplementedError("wijwerken does not downgrade the store")
