"""Typed text that is not yet stored stays in the browser (``static/wijwerken-drafts.js``) until the kernel has it.

The kernel marks each kept text field with DOM classes (``ww-draft`` and ``ww-dk-<slug of the field key>``) and keeps
one hidden page-level Label (``ww-draft-ledger``) whose value is JSON::

    {"who": <opaque id of this participant>, "saved": {<slug>: <fnv1a of the stored value>}, "texts": {...},
     "tz": <the workbook's time zone, for the time a kept text was typed>}

The page's script keeps a field's unsaved text in ``localStorage`` (per participant, page and field), offers it back
after a reload, asks before the page is left with unsaved text, and forgets the copy as soon as the ledger shows
that exact value as stored. Autosaved answers register their fields themselves (``Autosave(fields=...)``); a form
that stores its text another way calls :func:`keep` once and :func:`stored` after each successful store.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import LOCAL_TIME
from wijwerken_widgets.core.loop import running_loop
from wijwerken_widgets.ui import styles, texts
from wijwerken_widgets.ui.context import Context

LEDGER = "ui.drafts.ledger"
"""The name of the page's one :class:`Ledger` in ``Context.shared``."""

FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


def fnv1a(text: str) -> str:
    """FNV-1a (32 bit) over the UTF-16 code units of ``text``, as 8 hex digits: the same as ``hash`` in the JS.

    Each code unit is XORed in whole (not byte by byte), as JavaScript's ``charCodeAt`` sees a string.
    """
    data = text.encode("utf-16-le", "surrogatepass")
    value = FNV_OFFSET
    for i in range(0, len(data), 2):
        value ^= data[i] | (data[i + 1] << 8)
        value = (value * FNV_PRIME) & 0xFFFFFFFF
    return f"{value:08x}"


def field_slug(key: str) -> str:
    """A DOM-class-safe, stable name for the field ``key`` (readable part plus a hash against collisions)."""
    readable = re.sub(r"[^A-Za-z0-9_-]+", "-", key).strip("-")[:40]
    return f"{readable}-{fnv1a(key)}"


def participant_id(ctx: Context) -> str:
    """An opaque id of the participant for browser storage keys (no name, no code)."""
    cohort = ctx.cohort.slug if ctx.cohort is not None else "-"
    return hashlib.sha256(f"wijwerken-drafts/{cohort}/{ctx.person.id}".encode()).hexdigest()[:16]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


class Ledger:
    """The page's record of which value of each kept field is stored, shown to the page's script (hidden)."""

    def __init__(self, ctx: Context) -> None:
        self.who = participant_id(ctx)
        self.saved: dict[str, str] = {}
        self._slugs: dict[int, str] = {}  # id(widget) -> slug
        self._pending = False
        words = texts.load().drafts
        self._texts = {name: getattr(words, name) for name in ("found", "restore_button", "discard_button")}
        self.widget = widgets.Label("", layout=styles.plain_layout(), style=styles.label_style(),
                                    _dom_classes=("ww-draft-ledger",))
        self.placed = False  # set by the page once the widget is in its tree

    def keep(self, widget: widgets.Widget, key: str) -> str:
        """Mark ``widget`` (a Text or Textarea) as the field ``key``; its current value counts as stored."""
        slug = field_slug(key)
        self._slugs[id(widget)] = slug
        classes = tuple(c for c in widget._dom_classes if c != "ww-draft" and not c.startswith("ww-dk-"))
        widget._dom_classes = (*classes, "ww-draft", f"ww-dk-{slug}")  # one message to the browser
        self.saved[slug] = fnv1a(_text(widget.value))
        self._publish()
        return slug

    def stored(self, *fields: widgets.Widget) -> None:
        """The current values of ``fields`` are stored now: the browser may forget its copies of them."""
        changed = False
        for widget in fields:
            slug = self._slugs.get(id(widget))
            if slug is not None and self.saved.get(slug) != (digest := fnv1a(_text(widget.value))):
                self.saved[slug] = digest
                changed = True
        if changed:
            self._publish()

    def value(self) -> str:
        return json.dumps({"who": self.who, "saved": self.saved, "texts": self._texts, "tz": LOCAL_TIME.key},
                          separators=(",", ":"))

    def _publish(self) -> None:
        """Update the widget; in a kernel once per turn of the loop (a page building many fields sends one)."""
        loop = running_loop()
        if loop is None:
            self.widget.value = self.value()
        elif not self._pending:
            self._pending = True
            loop.call_soon(self._send)

    def _send(self) -> None:
        self._pending = False
        self.widget.value = self.value()


def ledger(ctx: Context) -> Ledger:
    """The page's one ledger (made on first use; the page puts its widget into the page)."""
    found = ctx.shared.get(LEDGER)
    if found is None:
        found = ctx.shared[LEDGER] = Ledger(ctx)
    return found


def keep(ctx: Context, widget: widgets.Widget, key: str) -> None:
    """Keep what is typed into ``widget`` in the browser until it is stored; ``key`` names the field (stable, unique
    for the participant, e.g. the answer key). The widget's current value counts as stored."""
    ledger(ctx).keep(widget, key)


def stored(ctx: Context, *fields: widgets.Widget) -> None:
    """Tell the browser that the current values of ``fields`` (kept with :func:`keep`) are stored."""
    found = ctx.shared.get(LEDGER)
    if found is not None:
        found.stored(*fields)
