"""The durable store: every answer a participant types, kept in SQLite or PostgreSQL.

See the "Store contract" in ``docs/architecture.md``.
"""

from .api import AnswerVersion, Cohort, Group, Person, SaveResult, Store, StoreUnavailable

__all__ = ["AnswerVersion", "Cohort", "Group", "Person", "SaveResult", "Store", "StoreUnavailable"]
