"""Automatic, debounced saving of one answer, with a visible Dutch status line.

Every change schedules a save ~0.8 s after typing stops, and at the latest ~3 s after the first unsaved keystroke
(continuous typing is saved too, so only the last seconds ever live in the browser alone). Each save appends a version to the store; when another tab
or device saved the same answer in between, this tab says so and offers the other version (both stay in the history).
When the store is unavailable the text stays in the widget, the status says so, and saving is retried.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import ipywidgets as widgets

from wijwerken_widgets.core import server_log
from wijwerken_widgets.core.dutch import clock
from wijwerken_widgets.core.loop import running_loop
from wijwerken_widgets.ui import drafts, styles, texts
from wijwerken_widgets.ui.context import Context

log = logging.getLogger(__name__)

DEBOUNCE_SECONDS = 0.8
MAX_WAIT_SECONDS = 3.0
"""The longest an edit waits for a pause in typing before it is saved anyway."""
RETRY_SECONDS = 5.0
_SEQUENCE = itertools.count(1)


def next_request_id(ctx: Context) -> str:
    """A new idempotency key for one save: this kernel's client id and the next sequence number."""
    return f"{ctx.client_id}:{next(_SEQUENCE)}"


class SaveStatus(widgets.Label):
    """The line under an answer: saved, saving, not saved (with retry), or changed elsewhere.

    One widget (every widget is a model the browser must load). The retry button and the other version's box are
    only created when they are first needed, and are then shown right after this line in its container (set by
    :func:`adopt_statuses`, which the layout helpers in ``base`` call).
    """

    def __init__(self) -> None:
        super().__init__("", layout=styles.layout(), style=styles.label_style(), _dom_classes=("ww-save-status",))
        self.container: widgets.Box | None = None
        self.retry_button: widgets.Button | None = None
        self.other_button: widgets.Button | None = None
        self.other_text: widgets.Textarea | None = None
        self._retry_callbacks: list[Callable[[], Any]] = []

    @property
    def text(self) -> str:
        return self.value

    def on_retry(self, callback: Callable[[], Any]) -> None:
        """Call ``callback()`` when the participant presses the retry button (``save.retry_button``)."""
        self._retry_callbacks.append(callback)

    def show(self, text: str, state: str) -> None:
        """Show ``text``; ``state`` is one of ``ok``, ``busy``, ``error``, ``refused`` (an error without retry),
        ``conflict`` (used for styling)."""
        with self.hold_sync():  # one message to the browser, not one per trait
            self.value = text
            self._dom_classes = ("ww-save-status", f"ww-status-{state}")
        if state == "error" and self.retry_button is None:
            self.retry_button = widgets.Button(description=texts.load().save.retry_button, icon="refresh")
            self.retry_button.on_click(lambda _: [callback() for callback in self._retry_callbacks])
            self._show_after([self.retry_button])
        if self.retry_button is not None:
            self.retry_button.layout.display = "" if state == "error" else "none"
        if state != "conflict" and self.other_button is not None:
            self.other_button.layout.display = "none"
            self.other_text.layout.display = "none"

    def show_conflict(self, text: str, other_value: str) -> None:
        self.show(text, "conflict")
        if self.other_button is None:
            self.other_button = widgets.Button(description=texts.load().save.show_other_button)
            self.other_text = widgets.Textarea(disabled=True, layout={"display": "none", "width": "auto"})
            self.other_button.on_click(lambda _: self._toggle_other())
            self._show_after([self.other_button, self.other_text])
        self.other_text.value = other_value
        self.other_button.layout.display = ""

    def _show_after(self, extra: list[widgets.Widget]) -> None:
        """Put ``extra`` right after this line (and after controls added earlier) in its container."""
        if self.container is None:
            return
        children = list(self.container.children)
        at = children.index(self) + 1
        while at < len(children) and children[at] in (self.retry_button, self.other_button, self.other_text):
            at += 1
        self.container.children = [*children[:at], *extra, *children[at:]]

    def _toggle_other(self) -> None:
        hidden = self.other_text.layout.display == "none"
        self.other_text.layout.display = "" if hidden else "none"
        words = texts.load().save
        self.other_button.description = words.hide_other_button if hidden else words.show_other_button


def adopt_statuses(container: widgets.Box) -> widgets.Box:
    """Tell the save statuses among ``container``'s children where to show their retry and conflict controls."""
    for child in container.children:
        if isinstance(child, SaveStatus):
            child.container = container
    return container


def _as_text(value: Any) -> str:
    """A readable rendering of a stored value for the 'other version' box."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return "\n".join(f"{k}: {_as_text(v)}" for k, v in value.items() if v not in ("", None, [], {}))
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Saved:
    """What a save stored: the new version's id, when, and (Dutch) what someone else saved in between."""

    base_id: int
    saved_at: datetime
    conflict: str | None = None
    other_value: Any = None
    stored: Any = None
    """What was stored when it is not what was sent (a shared item merged with a groupmate's fields)."""


class Autosave:
    """Keeps one stored answer (``key``) in step with a widget's value.

    ``get_value``/``set_value`` read and fill the widget, so composite exercises (lists, trees) use the same path
    as a single text field. Call :meth:`changed` on every edit; :meth:`flush` saves immediately. ``fields`` are the
    text widgets (by name) whose unsaved text the browser keeps until it is stored (see ``ui/drafts.py``).
    """

    def __init__(
        self,
        ctx: Context,
        key: str,
        *,
        get_value: Callable[[], Any],
        set_value: Callable[[Any], None],
        status: SaveStatus | None = None,
        empty: Any = "",
        fields: Mapping[str, widgets.Widget] | None = None,
    ) -> None:
        self.ctx, self.key = ctx, key
        self.fields = list((fields or {}).values())
        for name, field in (fields or {}).items():
            drafts.keep(ctx, field, f"{key}.{name}" if name else key)
        self._get, self._set = get_value, set_value
        self.status = status or SaveStatus()
        self.status.on_retry(self.flush)
        self._handle: asyncio.TimerHandle | None = None
        self._unsaved_since: float | None = None  # loop time of the first edit not yet saved
        self._dirty = False
        self._filling = False
        self.base_id: int | None = None
        self.saved_value: Any = empty
        self._request: tuple[Any, str] | None = None  # the unsaved value and its request id (kept for retries)
        self._failing = False  # the last save failed: the next one that works is logged as a recovery
        ctx.register_flush(self.flush)
        self.load()

    @property
    def request_id(self) -> str | None:
        """The idempotency key of the value being saved: a retry of the same value sends the same one."""
        return None if self._request is None else self._request[1]

    def keep_field(self, name: str, widget: widgets.Widget) -> None:
        """Also keep ``widget``'s unsaved text in the browser (a field made after this saver, e.g. a new row)."""
        drafts.keep(self.ctx, widget, f"{self.key}.{name}")
        self.fields.append(widget)

    @property
    def untouched(self) -> bool:
        """Nothing stored and nothing typed yet: the widget still shows its starting value."""
        return self.base_id is None and not self._dirty

    def load(self) -> None:
        """Fill the widget with the latest stored version (nothing changes when there is none)."""
        from wijwerken_widgets.store import StoreUnavailable

        try:
            latest = self.ctx.store.latest_answer(self.ctx.person.id, self.key)
        except StoreUnavailable as exc:
            self.status.show(exc.message, "error")
            return
        if latest is None:
            return
        self.base_id, self.saved_value = latest.id, latest.value
        self.fill(latest.value)
        self._dirty = False
        drafts.stored(self.ctx, *self.fields)
        self.status.show(texts.load().save.saved.format(tijd=clock(latest.saved_at)), "ok")

    def fill(self, value: Any) -> None:
        """Show a stored ``value`` in the widget; the change events this fires are not edits to save."""
        self._filling = True
        try:
            self._set(value)
        finally:
            self._filling = False

    def changed(self) -> None:
        """The participant edited the answer: save shortly after they stop typing."""
        if self._filling or (self._get() == self.saved_value and not self._dirty):
            return
        self._dirty = True
        self.status.show(texts.load().save.saving, "busy")
        self._schedule(self._debounce_delay())

    def _debounce_delay(self) -> float:
        """Wait for a pause in typing, but never longer than MAX_WAIT_SECONDS after the first unsaved edit."""
        loop = running_loop()
        if loop is None:
            return DEBOUNCE_SECONDS
        now = loop.time()
        if self._unsaved_since is None:
            self._unsaved_since = now
        return max(0.0, min(DEBOUNCE_SECONDS, self._unsaved_since + MAX_WAIT_SECONDS - now))

    def _schedule(self, delay: float) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        loop = running_loop()
        if loop is None:  # plain Python (tests, scripts): no event loop to debounce on
            self.flush()
        else:
            self._handle = loop.call_later(delay, self.flush)

    def flush(self) -> bool:
        """Save now if there is an unsaved change; returns whether everything is saved."""
        from wijwerken_widgets.store import StoreUnavailable

        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if not self._dirty:
            return True
        value = self._get()
        if self._request is None or self._request[0] != value:  # a new edit: the next sequence number
            self._request = (value, next_request_id(self.ctx))
        try:
            saved = self._write(value)
        except StoreUnavailable as exc:
            server_log.save_failed(self.ctx.person.id, f"key={self.key}", exc.reason)
            self._failing = True
            if exc.reason == "archived":  # trying again cannot help: say so, without the retry button
                self.status.show(texts.load().save.refused.format(melding=exc.message), "refused")
            else:
                self.status.show(texts.load().save.not_saved.format(melding=exc.message), "error")
            self._unsaved_since = None  # typing on while the store is down waits for a pause again
            if running_loop() is not None and exc.reason not in ("too_large", "archived"):  # waits for an edit
                self._schedule(RETRY_SECONDS)
            return False
        if saved.stored is not None and saved.stored != value:
            self.fill(saved.stored)  # a groupmate's fields merged in
            value = saved.stored
        self.base_id, self.saved_value, self._request = saved.base_id, value, None
        self._unsaved_since = None
        drafts.stored(self.ctx, *self.fields)
        if self._failing:
            server_log.save_recovered(self.ctx.person.id, f"key={self.key}")
            self._failing = False
        self._dirty = self._get() != value  # typed on while saving: save again
        text = texts.load().save.saved.format(tijd=clock(saved.saved_at))
        if saved.conflict is not None:
            self.status.show_conflict(f"{text}. {saved.conflict}", _as_text(saved.other_value))
        else:
            self.status.show(text, "ok")
        if self._dirty:
            self._schedule(self._debounce_delay())
        return not self._dirty

    def _write(self, value: Any) -> Saved:
        """Store ``value`` as a new version of the answer (raises ``StoreUnavailable``)."""
        result = self.ctx.store.save_answer(
            self.ctx.person.id, self.key, value, base_id=self.base_id, client_id=self.ctx.client_id,
            request_id=self.request_id,
        )
        conflict = None
        if result.conflict is not None:
            conflict = texts.load().save.conflict.format(tijd=clock(result.conflict.saved_at))
        self.ctx.notify_saved(self.key, result.version)
        return Saved(result.version.id, result.version.saved_at, conflict,
                     None if result.conflict is None else result.conflict.value)


def _texts(controls: Mapping[str, widgets.Widget]) -> dict[str, widgets.Widget]:
    """The free-text controls among ``controls`` (the ones whose typing the browser keeps until saved)."""
    return {name: c for name, c in controls.items() if isinstance(c, (widgets.Text, widgets.Textarea))}


def autosave_widget(ctx: Context, key: str, widget: widgets.ValueWidget, status: SaveStatus | None = None) -> Autosave:
    """Autosave a single-value widget (Text, Textarea, ToggleButtons …) under ``key``."""
    saver = Autosave(
        ctx,
        key,
        get_value=lambda: widget.value,
        set_value=lambda value: setattr(widget, "value", value),
        status=status,
        empty=widget.value,
        fields=_texts({"": widget}),
    )
    widget.observe(lambda _: saver.changed(), names="value")
    return saver


def autosave_form(
    ctx: Context, key: str, controls: dict[str, widgets.ValueWidget], status: SaveStatus | None = None
) -> Autosave:
    """Autosave several widgets as one answer ``{name: value}`` under ``key``."""

    def get_value() -> dict[str, Any]:
        return {name: control.value for name, control in controls.items()}

    def set_value(value: dict[str, Any]) -> None:
        for name, control in controls.items():
            if isinstance(value, dict) and name in value:
                control.value = value[name]

    saver = Autosave(ctx, key, get_value=get_value, set_value=set_value, status=status, empty=get_value(),
                     fields=_texts(controls))
    for control in controls.values():
        control.observe(lambda _: saver.changed(), names="value")
    return saver
