"""The durable store: every answer a participant types, kept in SQLite or PostgreSQL.

See the "Store contract" in ``docs/architecture.md``.
"""

from .api import AnswerVersion, Cohort, Group, Person, SaveResult, Store, StoreUnavailable
from .maps import MapChange, MapItem, MapSaveResult

__all__ = [
    "AnswerVersion",
    "Cohort",
    "Group",
    "MapChange",
    "MapItem",
    "MapSaveResult",
    "Person",
    "SaveResult",
    "Store",
    "StoreUnavailable",
]
