"""The trainer's timer of a training day, as data: what the cohort's ``timer`` signal holds and how it changes.

Pure functions over the signal's data (no store, no widgets), so the trainer's page "Vandaag" (which changes it)
and every participant page (``ui/live.py``, which shows it) read it the same way. The data:
``{"id": …, "duur": seconds, "resterend": seconds, "gestart": ISO time or None}`` — ``resterend`` is what was left
when the running stretch began (or while paused); ``gestart`` is set while it runs.
"""

from __future__ import annotations

import math
import secrets
from datetime import datetime
from typing import Any

MIN_MINUTES, MAX_MINUTES = 1, 120
"""What a trainer may start."""
MAX_SECONDS = 180 * 60
"""However often it is extended, a timer never holds more than this."""


def started(minutes: int, now: datetime) -> dict[str, Any]:
    """A new running timer of ``minutes`` (refuses anything outside 1–120)."""
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(f"minutes must lie between {MIN_MINUTES} and {MAX_MINUTES}")
    seconds = minutes * 60
    return {"id": secrets.token_hex(4), "duur": seconds, "resterend": seconds, "gestart": now.isoformat()}


def running(data: dict[str, Any] | None) -> bool:
    return data is not None and data.get("gestart") is not None


def remaining(data: dict[str, Any] | None, now: datetime) -> float:
    """Seconds left (0 when the time is up or there is no timer)."""
    if not data:
        return 0.0
    left = min(max(0.0, float(data.get("resterend") or 0)), MAX_SECONDS)
    if data.get("gestart") is not None:
        try:
            left -= max(0.0, (now - datetime.fromisoformat(data["gestart"])).total_seconds())
        except (TypeError, ValueError):
            return 0.0
    return max(0.0, left)


def paused(data: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Stopped where it is (a paused or finished timer stays as it is)."""
    return {**data, "gestart": None, "resterend": remaining(data, now)} if running(data) else data


def resumed(data: dict[str, Any], now: datetime) -> dict[str, Any]:
    """Running again from where it paused (a running or finished one is left as it is)."""
    if running(data) or remaining(data, now) <= 0:
        return data
    return {**data, "gestart": now.isoformat()}


def extended(data: dict[str, Any], seconds: int, now: datetime) -> dict[str, Any]:
    """``seconds`` more; a finished timer runs again with them, a paused one stays paused."""
    left = min(remaining(data, now) + seconds, MAX_SECONDS)
    if running(data) or remaining(data, now) <= 0:
        return {**data, "resterend": left, "gestart": now.isoformat()}
    return {**data, "resterend": left}


def mm_ss(seconds: float) -> str:
    """``07:59``; whole seconds rounded up, so a fresh 8-minute timer shows ``08:00``."""
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60:02d}:{whole % 60:02d}"


def whole_minutes(seconds: float) -> int:
    """Minutes left as said in words: rounded up (4:01 is "nog 5 minuten"); 0 under a minute."""
    return 0 if seconds < 60 else math.ceil(seconds / 60)
