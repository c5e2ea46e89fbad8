"""The logboek: a participant's reflections over all days, each entry with its own sharing level.

Write an entry (a prompt, the text, privé / trainer / groep), edit or remove one's own entries (each edit is a new
version in the store), and read what others shared with you. Who may read what is decided by the store
(:meth:`~wijwerken_widgets.store.logbook.LogbookStore.shared_log_entries`), never here.

Page cost: the newest :data:`EDITABLE` entries are editable cards; older ones are shown read-only in one HTML
widget until the participant asks to edit them. What others shared is one HTML widget.
"""

from __future__ import annotations

import functools
import html
import re
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets
from ipywidgets.widgets.widget_selection import ToggleButtonsStyle

from wijwerken_widgets.core import server_log
from wijwerken_widgets.core.dutch import clock, long_date
from wijwerken_widgets.core.html import name_html, notice_html, plain_text_html, render_markdown
from wijwerken_widgets.shared.logbook.keys import DRAFT
from wijwerken_widgets.store import LogEntry, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.autosave import Autosave, Saved, SaveStatus, autosave_widget
from wijwerken_widgets.ui.blocks import box, button, static_html
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.shared.logbook.schema import LogbookContent

SHARING = ("prive", "trainer", "groep")
"""An entry's sharing levels (``store.schema.SHARING``), in the order they are offered; their Dutch names are in
``logboek.yaml`` (``sharing_options``)."""
EDITABLE = 5
"""How many of one's newest entries are built as editable cards when the page opens."""

_STAMP = re.compile(r"^(\d{14})-")


# ------------------------------------------------------------------------------------------ plain helpers


def new_entry_id(now: datetime | None = None) -> str:
    """A stable id for a new entry that also records when it was begun (UTC), e.g. ``20250314130501-3f2a…``.

    The store keeps only each version's own time; the id carries the first one, so no extra query is needed.
    """
    from wijwerken_widgets.core.ids import new_id

    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return f"{moment:%Y%m%d%H%M%S}-{new_id()[:24]}"  # at most 39 characters (the column holds 40)


def begun_at(entry: LogEntry) -> datetime:
    """When the entry was first saved: from its id, else (an id made elsewhere) its first version's time."""
    match = _STAMP.match(entry.entry_id)
    if match:
        try:
            return datetime.strptime(match.group(1), "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
        except ValueError:
            pass
    return entry.saved_at


def dutch_datetime(moment: datetime) -> str:
    """``14 maart 2025, 14:03`` in Dutch local time."""
    return f"{long_date(moment)}, {clock(moment)}"


def day_label(day: str, part: LogbookContent) -> str:
    """``dag3`` → ``Dag 3`` (``part.day``); ``algemeen`` → ``Algemeen``."""
    match = re.fullmatch(r"dag\s*(\d+)", day.strip().lower())
    return part.day.format(nummer=match.group(1)) if match else day[:1].upper() + day[1:]


def prompt_options(part: LogbookContent, day: str) -> list[tuple[str, str]]:
    """(label, prompt) for the prompt choice: ``day``'s prompts first, then other days', then "algemeen", then free
    writing (stored as an empty prompt). Prompts of other days carry their day in the label."""
    prompts: dict[str, list[str]] = dict(part.prompts)
    order = [day] + [d for d in prompts if d not in (day, "algemeen")] + (["algemeen"] if day != "algemeen" else [])
    options: list[tuple[str, str]] = []
    seen: set[str] = set()
    for d in order:
        for prompt in prompts.get(d, []):
            if prompt in seen:
                continue
            seen.add(prompt)
            options.append((prompt if d == day else f"{day_label(d, part)}: {prompt}", prompt))
    return [*options, (part.free_prompt, "")]


def prompt_day(part: LogbookContent, prompt: str, day: str) -> str:
    """The day an entry belongs to: that of its question (``day``'s own first), else (free writing) ``day``."""
    owners = [day, *(d for d in part.prompts if d != day)]
    return next((d for d in owners if prompt and prompt in part.prompts.get(d, [])), day)


def entry_day(entry: LogEntry, part: LogbookContent) -> str:
    """The label of the day an entry belongs to (its question's day, also for one stored with its page's day)."""
    return day_label(prompt_day(part, entry.prompt, entry.day), part)


def entry_html(entry: LogEntry, part: LogbookContent, author: str = "", group: str = "") -> str:
    """One entry, read-only (everything typed is escaped)."""
    who = ""
    if author:
        who = f"<strong>{name_html(author)}</strong>" + (f" ({name_html(group)})" if group else "") + " · "
    shared = html.escape(getattr(part.shared_with, entry.sharing, ""))
    meta = f"{who}{dutch_datetime(begun_at(entry))} · {entry_day(entry, part)} · {shared}"
    prompt = html.escape(entry.prompt or part.free_written)
    return (f'<div class="ww-row-card"><div class="ww-hint">{meta}</div>'
            f'<div class="ww-label">{prompt}</div><div>{plain_text_html(entry.text) or "&nbsp;"}</div></div>')



@functools.cache
def _toggle_style() -> ToggleButtonsStyle:
    return ToggleButtonsStyle(description_width="initial")


def _sharing_buttons(part: LogbookContent, value: str = SHARING[0], description: str = "") -> widgets.ToggleButtons:
    """Privé / trainer / groep; ``description`` names the group where no label is shown above it."""
    options = [(getattr(part.sharing_options, level), level) for level in SHARING]
    return widgets.ToggleButtons(options=options, value=value, description=description, layout=styles.plain_layout(),
                                 style=_toggle_style(), _dom_classes=("ww-choice",))


# ------------------------------------------------------------------------------------------ one own entry


class EntryAutosave(Autosave):
    """Keeps one of the person's entries in step with its text field and sharing choice.

    Every save is a new version of the same ``entry_id`` (text and current sharing); there is no conflict check
    (the logboek is personal; the latest version wins).
    """

    def __init__(self, ctx: Context, entry: LogEntry, text: widgets.Textarea, sharing: widgets.ToggleButtons,
                 status: SaveStatus) -> None:
        self.entry, self.sharing = entry, sharing
        super().__init__(ctx, f"logboek:{entry.entry_id}", get_value=lambda: text.value,
                         set_value=lambda value: setattr(text, "value", value), status=status, empty=entry.text,
                         fields={"": text})
        text.observe(lambda _: self.changed(), names="value")

    def load(self) -> None:
        """The entry came with the page's list: nothing to read."""
        self.base_id, self.saved_value = self.entry.id, self.entry.text
        self._dirty = False

    def save_now(self) -> bool:
        """Save the current text and sharing at once (sharing changes are not debounced)."""
        self._dirty = True
        self._request = None  # the sharing is not part of the retried value: this is a new save, never a retry
        return self.flush()

    def retire(self) -> None:
        """The entry was removed: never save it again."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        self._dirty = False

    def _write(self, value: Any) -> Saved:
        return self._save(value, deleted=False)

    def remove(self) -> None:
        """Store a removed version (raises ``StoreUnavailable``)."""
        self._save(self._get(), deleted=True)
        self.retire()

    def _save(self, text: str, *, deleted: bool) -> Saved:
        e = self.entry
        saved = self.ctx.store.save_log_entry(self.ctx.person.id, e.entry_id, day=e.day, prompt=e.prompt, text=text,
                                              sharing=self.sharing.value, client_id=self.ctx.client_id,
                                              deleted=deleted, request_id=None if deleted else self.request_id)
        self.entry = saved
        return Saved(saved.id, saved.saved_at)


class _EntryCard:
    """An editable card of one own entry: header, text, sharing, remove (with a confirmation click), status."""

    def __init__(self, logbook: Logbook, entry: LogEntry) -> None:
        self.logbook, part = logbook, logbook.part
        prompt = html.escape(entry.prompt or part.free_written)
        header = static_html(f'<div class="ww-hint">{dutch_datetime(begun_at(entry))} · {entry_day(entry, part)}'
                             f'</div><label class="ww-label">{prompt}</label>')
        self.text = widgets.Textarea(value=entry.text, rows=4, layout=styles.layout(), style=styles.text_style(),
                                     continuous_update=True)
        self.sharing = _sharing_buttons(part, entry.sharing, part.sharing_label)
        self.status = SaveStatus()
        self.saver = EntryAutosave(logbook.ctx, entry, self.text, self.sharing, self.status)
        self.sharing.observe(lambda _: self.saver.save_now(), names="value")
        self.remove_button = button(part.remove_button, "trash", "ww-remove")
        self.remove_button.on_click(lambda _: self.remove())
        self._confirming = self._remove_failed = False
        self.status.on_retry(lambda: self.remove() if self._remove_failed else None)
        self.widget = box([header, self.text, self.sharing, self.status, self.remove_button], "ww-row-card")

    def remove(self) -> None:
        """First click asks for confirmation; the second stores a removed version and drops the card."""
        if not self._confirming:
            self._confirming = True
            with self.remove_button.hold_sync():
                self.remove_button.description = self.logbook.part.remove_confirm
                self.remove_button.button_style = "danger"
            return
        try:
            self.saver.remove()
        except StoreUnavailable as exc:
            self._remove_failed = True  # "Opnieuw proberen" tries the removal again
            self.status.show(f"{self.logbook.part.not_removed} {exc.message}", "error")
            return
        self.logbook._dropped(self)


# ------------------------------------------------------------------------------------------ the widget


class Logbook(widgets.VBox):
    """Write, reread and share reflections; ``day`` (``dag3``) is stored with new entries and orders the prompts."""

    _add_failed = False
    """The last "Stukje toevoegen" could not be saved: the next that works is logged as a recovery."""

    def __init__(self, ctx: Context, part: LogbookContent, day: str) -> None:
        self.ctx, self.part, self.day = ctx, part, day
        self.cards: list[_EntryCard] = []
        self._older: list[LogEntry] = []
        self._loaded = False

        self.prompt = widgets.Dropdown(options=prompt_options(part, day), layout=styles.layout())
        self.text = widgets.Textarea(rows=5, placeholder=part.placeholder, layout=styles.layout(),
                                     style=styles.text_style(), continuous_update=True)
        self.draft_status = SaveStatus()
        self.draft = autosave_widget(ctx, DRAFT.key, self.text, self.draft_status)  # kept until "Stukje toevoegen"
        self.sharing = _sharing_buttons(part)
        self.add_button = button(part.add_button, "plus", "ww-add")
        self.add_button.on_click(lambda _: self.add())
        self.feedback = Feedback()
        help_text = part.sharing_help
        if ctx.person.role != "trainer" and ctx.person.group_id is None:
            help_text += "\n\n" + part.no_group_help
        writer = box([
            static_html(f"<h3>{html.escape(part.writer_title)}</h3>"
                        f'<label class="ww-label">{html.escape(part.prompt_label)}</label>'),
            self.prompt,
            static_html(f'<label class="ww-label">{html.escape(part.text_label)}</label>'),
            self.text,
            self.draft_status,
            static_html(f'<label class="ww-label">{html.escape(part.sharing_label)}</label>'
                        f'<div class="ww-hint">{render_markdown(help_text)}</div>'),
            self.sharing,
            self.add_button,
            self.feedback,
        ])

        self.own_note = widgets.HTML(layout=styles.layout(), style=styles.html_style())
        self.cards_box = widgets.VBox(layout=styles.plain_layout())
        self.older_box = widgets.VBox(layout=styles.plain_layout())
        own = box([static_html(f"<h3>{html.escape(part.own_title)}</h3>"), self.own_note, self.cards_box,
                   self.older_box])

        self.shared_view = widgets.HTML(layout=styles.layout(), style=styles.html_style())
        others: list[widgets.Widget] = [self.shared_view]
        if self._can_receive:
            self.refresh_button = button(part.refresh_button, "refresh", "ww-refresh")
            self.refresh_button.on_click(lambda _: self.refresh())
            others.append(self.refresh_button)
        super().__init__([writer, own, box(others)], layout=styles.layout(), _dom_classes=("ww-logbook",))
        self._load_own()
        self.refresh()

    @property
    def _can_receive(self) -> bool:
        return self.ctx.person.role == "trainer" or self.ctx.person.group_id is not None

    def _readers(self, sharing: str) -> str:
        """Who can read an entry of this person with ``sharing``, in a short Dutch sentence."""
        readers = self.part.readers
        if sharing == "prive":
            return readers.prive
        if self.ctx.person.role == "trainer":
            return readers.of_a_trainer
        if sharing == "trainer" or self.ctx.person.group_id is None:
            return readers.trainer
        return readers.groep

    # -- writing -----------------------------------------------------------------------------------------------
    def add(self) -> bool:
        """Save the typed text as a new entry (as "Stukje toevoegen" does); returns whether it was saved."""
        text = self.text.value.strip()
        if not text:
            self.feedback.show(self.part.empty_entry, "error")
            return False
        try:
            entry = self.ctx.store.save_log_entry(
                self.ctx.person.id, new_entry_id(), day=prompt_day(self.part, self.prompt.value, self.day),
                prompt=self.prompt.value, text=text,
                sharing=self.sharing.value, client_id=self.ctx.client_id)
        except StoreUnavailable as exc:
            server_log.save_failed(self.ctx.person.id, "logboek=new-entry", exc.reason)
            self._add_failed = True
            self.feedback.show(f"{self.part.not_saved} {exc.message}", "error")
            return False
        if self._add_failed:
            server_log.save_recovered(self.ctx.person.id, f"logboek={entry.entry_id}")
            self._add_failed = False
        self.feedback.show(f"{self.part.added} {self._readers(entry.sharing)}")
        self.text.value = ""
        self.draft.flush()  # the draft is emptied now, not after the debounce
        self.sharing.value = SHARING[0]  # the next entry starts privé again: sharing is chosen per entry
        if not self._loaded:
            self._load_own()  # the list could not be read before: it now includes the new entry
        else:
            card = _EntryCard(self, entry)
            self.cards.insert(0, card)
            self.cards_box.children = [card.widget, *self.cards_box.children]
            self._show_note()
        return True

    # -- own entries -------------------------------------------------------------------------------------------
    def _load_own(self) -> None:
        try:
            entries = self.ctx.store.log_entries(self.ctx.person.id)
        except StoreUnavailable as exc:
            self.own_note.value = notice_html(f"{self.part.own_unreadable} {exc.message}", "error")
            return
        self._loaded = True
        newest = list(reversed(entries))
        self.cards = [_EntryCard(self, entry) for entry in newest[:EDITABLE]]
        self.cards_box.children = [card.widget for card in self.cards]
        self._older = newest[EDITABLE:]
        if self._older:
            more = button(self.part.edit_older.format(aantal=len(self._older)), "pencil", "ww-refresh")
            more.on_click(lambda _: self.edit_older())
            self.older_box.children = [
                static_html("".join(entry_html(entry, self.part) for entry in self._older)), more]
        self._show_note()

    def edit_older(self) -> None:
        """Turn the read-only older entries into editable cards."""
        cards = [_EntryCard(self, entry) for entry in self._older]
        self._older = []
        self.cards += cards
        self.cards_box.children = [*self.cards_box.children, *(card.widget for card in cards)]
        self.older_box.children = []

    def _dropped(self, card: _EntryCard) -> None:
        self.cards.remove(card)
        self.cards_box.children = [c.widget for c in self.cards]
        self.feedback.show(self.part.removed)
        self._show_note()

    def _show_note(self) -> None:
        empty = not self.cards and not self._older
        self.own_note.value = f'<p class="ww-empty">{html.escape(self.part.own_empty)}</p>' if empty else ""

    # -- shared with me ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read again what others shared with this person (as "Vernieuwen" does)."""
        trainer = self.ctx.person.role == "trainer"
        title = self.part.trainer_shared_title if trainer else self.part.shared_title
        heading = f"<h3>{html.escape(title)}</h3>"
        if not self._can_receive:
            self.shared_view.value = heading + notice_html(self.part.no_group_shared)
            return
        try:
            entries = self.ctx.store.shared_log_entries(self.ctx.person)
            groups = author_groups(self.ctx.store, self.ctx.person.cohort_id, self.part) if trainer and entries else {}
        except StoreUnavailable as exc:
            self.shared_view.value = heading + notice_html(exc.message, "error")
            return
        if not entries:
            empty = self.part.trainer_shared_empty if trainer else self.part.shared_empty
            self.shared_view.value = heading + f'<p class="ww-empty">{html.escape(empty)}</p>'
            return
        self.shared_view.value = heading + "".join(
            entry_html(s.entry, self.part, s.author, groups.get(s.entry.person_id, "")) for s in reversed(entries))


def author_groups(store: Any, cohort_id: int, part: LogbookContent) -> dict[int, str]:
    """Person id → group name (or, for trainers and for someone in no group, what ``part`` calls them) in a cohort
    (two small queries)."""
    names = {g.id: g.name for g in store.groups(cohort_id)}
    return {p.id: part.author_trainer if p.role == "trainer" else names.get(p.group_id, part.author_no_group)
            for p in store.people(cohort_id)}

