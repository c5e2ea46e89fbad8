"""The store's records for cohorts, groups, people and answers: frozen dataclasses, one per table row.

They live apart from :mod:`~wijwerken_widgets.store.api` so that every part of the store (and every caller) can
name them without importing the ``Store`` class.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Cohort:
    id: int
    slug: str
    gemeente: str
    name: str
    settings: dict[str, Any]
    created_at: datetime
    archived_at: datetime | None = None
    """When the cohort was archived: since then its work can be read, not changed (``store/retention.py``)."""


@dataclass(frozen=True)
class Group:
    id: int
    cohort_id: int
    name: str
    vraagstuk: str


@dataclass(frozen=True)
class Person:
    id: int
    cohort_id: int
    group_id: int | None
    name: str
    role: str
    functie: str | None
    hub_user: str | None
    code_hash: str
    created_at: datetime
    removed_at: datetime | None = None


@dataclass(frozen=True)
class AnswerVersion:
    id: int
    person_id: int
    key: str
    value: Any
    saved_at: datetime
    client_id: str
    request_id: str | None = None


@dataclass(frozen=True)
class SaveResult:
    version: AnswerVersion
    conflict: AnswerVersion | None
