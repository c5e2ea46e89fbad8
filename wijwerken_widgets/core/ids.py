"""Ids for new items (a stakeholder, a plan, a trio, a logboek entry): random, so they survive renames and restores."""

from __future__ import annotations

import uuid


def new_id() -> str:
    """A new id: 32 hex characters."""
    return uuid.uuid4().hex
