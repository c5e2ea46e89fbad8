"""Limits on wrong login codes that hold across reloads: per client address and per code prefix.

The server keeps them in memory (one Voilà process serves every page). Each wrong code counts for its address and
for the first characters of the code typed; after a few free mistakes every next try waits longer (5, 10, 20 … up to
60 seconds), and many wrong codes within the window lock the address or prefix out for a while. A room of
participants behind one address shares that address's count, so its limits are looser than the prefix's.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

PREFIX_LENGTH = 4
WINDOW = 15 * 60.0
"""Seconds during which a wrong code counts."""


@dataclass(frozen=True)
class Rule:
    """How many wrong codes are free, how the wait grows after them, and when a lockout starts."""

    free: int
    lockout_after: int
    first_wait: float = 5.0
    max_wait: float = 60.0
    lockout: float = 15 * 60.0

    def wait_after(self, failures: int) -> float:
        """Seconds to wait after the ``failures``-th wrong code within the window."""
        if failures >= self.lockout_after:
            return self.lockout
        if failures <= self.free:
            return 0.0
        doubled: int = 2 ** min(failures - self.free - 1, 16)
        return min(self.first_wait * doubled, self.max_wait)


ADDRESS_RULE = Rule(free=5, lockout_after=50)
PREFIX_RULE = Rule(free=2, lockout_after=10)


@dataclass
class _Count:
    failures: deque[float] = field(default_factory=deque)
    until: float = 0.0


class LoginThrottle:
    """Counts wrong codes per address and per code prefix; tells how long a next try must wait."""

    def __init__(self, *, address_rule: Rule = ADDRESS_RULE, prefix_rule: Rule = PREFIX_RULE,
                 clock: Callable[[], float] = time.monotonic, max_keys: int = 100_000) -> None:
        self.rules = {"address": address_rule, "prefix": prefix_rule}
        self.clock = clock
        self.max_keys = max_keys
        self._counts: dict[tuple[str, str], _Count] = {}

    @staticmethod
    def _keys(address: str, code: str) -> list[tuple[str, str]]:
        keys = [("address", address)]
        if prefix := code[:PREFIX_LENGTH]:
            keys.append(("prefix", prefix))
        return keys

    def wait(self, address: str, code: str) -> float:
        """Seconds before a code (normalised) from ``address`` may be checked; 0 when it may be checked now."""
        now = self.clock()
        untils = [count.until for key in self._keys(address, code) if (count := self._counts.get(key)) is not None]
        return max(0.0, max(untils, default=now) - now)

    def failed(self, address: str, code: str) -> float:
        """Count a wrong code; return the seconds the next try from this address or with this prefix must wait."""
        now = self.clock()
        if len(self._counts) >= self.max_keys:
            self._forget_old(now)
        waits = []
        for key in self._keys(address, code):
            count = self._counts.setdefault(key, _Count())
            while count.failures and count.failures[0] <= now - WINDOW:
                count.failures.popleft()
            count.failures.append(now)
            delay = self.rules[key[0]].wait_after(len(count.failures))
            count.until = max(count.until, now + delay)
            waits.append(count.until - now)
        return max(waits)

    def succeeded(self, code: str) -> None:
        """The right code: its prefix's count starts again (an address's count only ages)."""
        self._counts.pop(("prefix", code[:PREFIX_LENGTH]), None)

    def _forget_old(self, now: float) -> None:
        """Drop counts whose failures are all outside the window and whose wait is over (bounded memory)."""
        for key in [k for k, c in self._counts.items()
                    if c.until <= now and (not c.failures or c.failures[-1] <= now - WINDOW)]:
            del self._counts[key]
        while len(self._counts) >= self.max_keys:  # still full: forget the oldest
            del self._counts[next(iter(self._counts))]
