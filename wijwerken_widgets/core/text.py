"""Characters that change how text around them looks without being seen themselves.

A name typed with a right-to-left override (U+202E) shows the text after it reversed; one with a zero-width space
looks the same as a name without it. Neither is ever needed in what participants type (Arabic or Hebrew text is
laid out right to left without them), so the store keeps text without them, and names are compared without the
zero-width joiners either.
"""

from __future__ import annotations

DIRECTION_CONTROLS = frozenset(
    "\u061c\u200e\u200f"  # Arabic letter mark, left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # isolates
)
ZERO_WIDTH = frozenset("\u200b\u2060\ufeff")  # zero-width space, word joiner, zero-width no-break space
JOINERS = frozenset("\u200c\u200d")  # needed inside some scripts and emoji: kept in text, left out in comparisons
_HIDDEN = DIRECTION_CONTROLS | ZERO_WIDTH | {"\x00"}
_HIDDEN_TABLE = {ord(c): None for c in _HIDDEN}
_COMPARE_TABLE = {ord(c): None for c in _HIDDEN | JOINERS}
FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"


def without_hidden(text: str) -> str:
    """``text`` without NUL, direction controls and zero-width spaces."""
    return text.translate(_HIDDEN_TABLE)


def for_comparison(text: str) -> str:
    """``text`` without any invisible character, joiners included (to compare names, never to show)."""
    return text.translate(_COMPARE_TABLE)


def isolated(text: str) -> str:
    """``text`` without hidden characters, between first-strong isolate and pop (U+2068 … U+2069): for a name inside
    plain text (a graph tooltip, a canvas label) where no ``<bdi>`` can go; in HTML use ``core.html.name_html``."""
    return FIRST_STRONG_ISOLATE + without_hidden(text) + POP_DIRECTIONAL_ISOLATE
