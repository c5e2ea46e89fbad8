"""The store's part for the audit trail (BIO 8.15): one line per login, failed login, code reissue, cohort change,
trainer view of participants' work and export; see ``docs/privacy.md``.

A line holds only short codes and ids — action, object (type and id), result, origin, actor, cohort, time — never
typed text, names or codes: :meth:`AuditStore.audit` accepts only the codes of :data:`ACTIONS`, :data:`OBJECTS`,
:data:`ORIGINS` and :data:`~wijwerken_widgets.store.schema.AUDIT_RESULTS`, and integers for the ids. The same line
goes to the server log first (``core/server_log.py``); when the store cannot take it, that is logged too and the
action it records goes on (a trainer's view never fails on its audit line).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select

from wijwerken_widgets.core import server_log
from wijwerken_widgets.store import schema as t
from wijwerken_widgets.store.base import StoreBase, StoreUnavailable, as_record, utc_now

ACTIONS = ("login", "code_reissue", "cohort_create", "cohort_update", "person_add", "person_remove",
           "trainer_assign", "trainer_unassign", "view", "export", "erase", "variant_change", "name_remove",
           "cohort_archive", "cohort_unarchive", "cohort_purge")
"""What can be done: ``view`` is a trainer opening participants' work, ``export`` any file made of it, ``erase`` a
person's erasure (``store/erase.py``), ``variant_change`` a municipality's variant served changed
(``app/variant_audit.py``), ``name_remove`` a name removed from a cohort's texts (``store/forget.py``),
``cohort_archive``/``cohort_unarchive``/``cohort_purge`` a cohort's retention (``store/retention.py``)."""
OBJECTS = ("person", "group", "cohort")
ORIGINS = ("cli", "web", "kernel")
"""An operator's command, the server's own pages (login), a workbook page's kernel."""
MAX_AUDIT_ROWS = 1000
"""The most lines :meth:`AuditStore.audit_lines` returns at once."""


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: datetime
    action: str
    object_type: str
    object_id: int | None
    result: str
    origin: str
    actor_person_id: int | None
    cohort_id: int | None

    def fields(self) -> str:
        """The line as the server log writes it."""
        return _fields(self.action, self.object_type, self.object_id, self.result, self.origin,
                       self.actor_person_id, self.cohort_id)


def _fields(action: str, object_type: str, object_id: int | None, result: str, origin: str,
            actor_id: int | None, cohort_id: int | None) -> str:
    def who(value: int | None) -> str:
        return "-" if value is None else str(value)

    target = object_type if object_id is None else f"{object_type}-{object_id}"
    return (f"action={action} object={target} result={result} origin={origin} "
            f"actor={who(actor_id)} cohort={who(cohort_id)}")


def _checked(name: str, value: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(f"audit {name} must be one of {allowed}, not {value!r}")
    size: int | None = getattr(t.audit.c[name if name != "object" else "object_type"].type, "length", None)
    return value[:size] if size else value  # the vocabularies fit; never more than the column holds


def _id(value: int | None) -> int | None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise TypeError(f"audit ids are integers, not {type(value).__name__}")
    return value


def audit_values(action: str, object_type: str, object_id: int | None = None, *, origin: str, result: str = "ok",
                 actor_id: int | None = None, cohort_id: int | None = None) -> tuple[dict[str, Any], str]:
    """The checked row of one audit line and its server log fields (for a line written inside another
    transaction, e.g. an erasure's)."""
    action, object_type = _checked("action", action, ACTIONS), _checked("object", object_type, OBJECTS)
    result, origin = _checked("result", result, t.AUDIT_RESULTS), _checked("origin", origin, ORIGINS)
    object_id, actor_id, cohort_id = _id(object_id), _id(actor_id), _id(cohort_id)
    values = dict(at=utc_now(), action=action, object_type=object_type, object_id=object_id, result=result,
                  origin=origin, actor_person_id=actor_id, cohort_id=cohort_id)
    return values, _fields(action, object_type, object_id, result, origin, actor_id, cohort_id)


class AuditStore(StoreBase):
    """Methods of :class:`~wijwerken_widgets.store.api.Store` for the audit trail (one of its bases)."""

    def audit(self, action: str, object_type: str, object_id: int | None = None, *, origin: str,
              result: str = "ok", actor_id: int | None = None, cohort_id: int | None = None) -> AuditLine | None:
        """Record one line (server log and store); ``None`` when the store could not take it (logged)."""
        values, fields = audit_values(action, object_type, object_id, origin=origin, result=result,
                                      actor_id=actor_id, cohort_id=cohort_id)
        server_log.audit_line(fields)
        try:
            with self._write() as conn:
                row = conn.execute(t.audit.insert().values(**values).returning(*t.audit.c)).one()
        except StoreUnavailable as exc:
            server_log.audit_not_stored(fields, exc.reason)
            return None
        return as_record(AuditLine, row)

    def audit_lines(self, *, person_id: int | None = None, cohort_id: int | None = None,
                    limit: int = MAX_AUDIT_ROWS) -> list[AuditLine]:
        """The newest lines (at most ``limit``, oldest first) about ``person_id`` (as actor or as object) and/or of
        ``cohort_id``; every line when neither is given."""
        c = t.audit.c
        stmt = select(t.audit)
        if person_id is not None:
            stmt = stmt.where(or_(c.actor_person_id == person_id,
                                  and_(c.object_type == "person", c.object_id == person_id)))
        if cohort_id is not None:
            stmt = stmt.where(c.cohort_id == cohort_id)
        newest = self._all(AuditLine, stmt.order_by(c.id.desc()).limit(max(0, min(limit, MAX_AUDIT_ROWS))))
        return newest[::-1]
