"""The durable store: every answer a participant types, kept in SQLite or PostgreSQL.

See the "Store contract" in ``docs/architecture.md``.
"""

from wijwerken_widgets.store.api import Store
from wijwerken_widgets.store.audit import AuditLine
from wijwerken_widgets.store.base import StoreUnavailable
from wijwerken_widgets.store.items import GroupItem, ItemChange, ItemSaveResult, StaleItems
from wijwerken_widgets.store.logbook import LogEntry, SharedLogEntry
from wijwerken_widgets.store.maps import MapChange, MapItem, MapSaveResult
from wijwerken_widgets.store.records import AnswerVersion, Cohort, Group, Person, SaveResult
from wijwerken_widgets.store.signals import Signal

__all__ = [
    "AnswerVersion",
    "AuditLine",
    "Cohort",
    "Group",
    "GroupItem",
    "ItemChange",
    "ItemSaveResult",
    "LogEntry",
    "MapChange",
    "MapItem",
    "MapSaveResult",
    "Person",
    "SaveResult",
    "SharedLogEntry",
    "Signal",
    "StaleItems",
    "Store",
    "StoreUnavailable",
]
