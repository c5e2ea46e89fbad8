"""A participant's whole werkboek as data: every day's answers, the group's shared work, and their own logboek.

Built from the pages' key registries (``pages.registries()``), never from a page's modules: a new page with a
``keys.py`` appears without editing this file. The days follow the navigation of ``algemeen.yaml``; a registry whose
page is not in it comes last, under its page name. ``werkboek_render`` turns the result into HTML and Markdown.

Nothing appears that the person's pages would not show them (:data:`HIDDEN_KINDS` and :func:`_visible`): quotes
only of conversations with consent, role-play feedback only for the gespreksvoerder and the observator who wrote
it, during Dag 4's silent phase only one's own links; removed and merged items never. Of the logboek only the
person's own entries, privé ones included; never a groupmate's.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Union

from wijwerken_widgets import pages
from wijwerken_widgets.core.dutch import long_date
from wijwerken_widgets.shared.act import items as act
from wijwerken_widgets.shared.conversations import items as conversations

if TYPE_CHECKING:
    from wijwerken_widgets.core.keys import AnswerKey, ItemKind, Registry
    from wijwerken_widgets.pages.start.schema import Werkboek as Words
    from wijwerken_widgets.store import Group, GroupItem, Person, Store

CONVERSATIONS, ACT = conversations.SPACE, act.SPACE
HIDDEN_KINDS = frozenset({(CONVERSATIONS, conversations.Trio.KIND), (ACT, act.Fase.KIND), (ACT, act.Stem.KIND)})
"""How the group organised its work, not what it made: role-play trios and their timers, Dag 4's phase, and each
member's dots (the pages show only the totals)."""
INTERNAL_FIELDS = frozenset({"id", "aangemaakt", "samengevoegd_in", "gesplitst_uit", "fase", "klaar", "gestart",
                             "resterend", "ronde"})
"""Bookkeeping fields of items, never shown (``ronde`` is a 0-based index)."""
PERSON_FIELDS = frozenset({"wie", "door", "van", "voor", "leden", "eigenaar"})
"""Fields that hold a person id: shown as the member's name."""
_ID = re.compile(r"[0-9a-f]{16,32}")
"""An item id (see ``core.ids``): shown as what it refers to, or not at all."""
MAX_TITLE = 90

Value = Union[str, "Record", "Bullets"]
Resolver = Callable[[Any], str | None]
"""How a stored value that refers to a person or an item is shown: its name, "" to leave it out, ``None`` when the
value refers to nothing."""


@dataclass(frozen=True)
class Row:
    label: str
    value: Value


@dataclass(frozen=True)
class Record:
    """Labelled values (a record answer, an item's fields)."""

    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Bullets:
    """A list of values (a list answer, a table's rows)."""

    values: tuple[Value, ...]


@dataclass(frozen=True)
class Part:
    """A titled part of a day: an exercise's answers, or one kind of the group's items (one ``Record`` each)."""

    title: str
    rows: tuple[Row, ...] = ()
    items: tuple[Record, ...] = ()


@dataclass(frozen=True)
class Day:
    page: str
    title: str
    answers: tuple[Part, ...]
    group: tuple[Part, ...]


@dataclass(frozen=True)
class LogItem:
    day: str
    prompt: str
    text: str
    sharing: str
    saved_at: datetime


@dataclass(frozen=True)
class Werkboek:
    owner: str
    group: str | None
    made: date
    days: tuple[Day, ...]
    logbook: tuple[LogItem, ...]


def collect(store: Store, person: Person, words: Words, navigation: Sequence[tuple[str, str]],
            today: date | None = None) -> Werkboek:
    """The werkboek of ``person``. ``navigation``: (workbook, name) of the pages in order (``algemeen.yaml``)."""
    group = store.group(person.group_id) if person.group_id is not None else None
    registries = _in_order(pages.registries(), navigation)
    titles = dict(navigation)
    answers = store.latest_answers(person.id)
    shared = _Shared(store, person, group, registries, words) if group is not None else None
    resolve = shared.resolver("") if shared is not None else _ids_left_out
    days = []
    seen: set[tuple[str, str]] = set()
    for registry in registries:
        kinds = [k for k in registry.items if (k.space, k.kind) not in seen]
        seen.update((k.space, k.kind) for k in kinds)
        days.append(Day(
            page=registry.page,
            title=titles.get(f"{registry.page}.ipynb", registry.page),
            answers=_answer_parts(registry, answers, words, resolve),
            group=shared.parts(kinds) if shared is not None else (),
        ))
    entries = tuple(LogItem(titles.get(f"{e.day}.ipynb", words.logbook_title), e.prompt, e.text, e.sharing,
                            e.saved_at) for e in store.log_entries(person.id))
    return Werkboek(person.name, group.name if group is not None else None, today or date.today(), tuple(days),
                    entries)


def _in_order(registries: Iterable[Registry], navigation: Sequence[tuple[str, str]]) -> list[Registry]:
    """The registries in the navigation's order; those not in it last, by page name."""
    order = {workbook: index for index, (workbook, _name) in enumerate(navigation)}
    return sorted(registries, key=lambda r: (order.get(f"{r.page}.ipynb", len(order)), r.page))


# -- answers -------------------------------------------------------------------------------------------------------


def _answer_parts(registry: Registry, answers: Mapping[str, Any], words: Words, resolve: Resolver
                  ) -> tuple[Part, ...]:
    """The person's answers of one page, per exercise (in registry order), each with its label."""
    rows: dict[str, list[Row]] = {}
    for key in sorted(answers, key=lambda k: answers[k].saved_at):
        entry = registry.answer(key)
        if entry is None:
            continue
        value = _answer_value(entry, answers[key].value, words, resolve)
        if value is not None:
            rows.setdefault(entry.exercise, []).append(Row(entry.label, value))
    order = [a.exercise for a in registry.answers]
    exercises = sorted(rows, key=order.index)
    titles = pages.exercise_titles(registry.page) if exercises else {}
    return tuple(Part(titles.get(name, ""), rows=tuple(_ordered(rows[name], registry))) for name in exercises)


def _ordered(rows: list[Row], registry: Registry) -> list[Row]:
    order = [a.label for a in registry.answers]
    return sorted(rows, key=lambda row: order.index(row.label))  # stable: repeats of a pattern key keep saving order


def _answer_value(entry: AnswerKey, value: Any, words: Words, resolve: Resolver) -> Value | None:
    """An answer by its shape (a choice may be the id of a group's item: shown by its name); anything unexpected is
    still shown as well as it can be (never a crash)."""
    if entry.shape == "text" and isinstance(value, str):
        return value.strip() or None
    return _value(value, words, resolve)


# -- the group's items -----------------------------------------------------------------------------------------


class _Shared:
    """The group's current items in every space the registries name, as this person may see them."""

    def __init__(self, store: Store, person: Person, group: Group, registries: list[Registry], words: Words) -> None:
        self.person, self.words = person, words
        kinds = {(k.space, k.kind): k for r in registries for k in r.items}
        spaces = sorted({space for space, _kind in kinds})
        current = {space: [i for i in store.items(space, group.id) if not i.deleted]  # type: ignore[arg-type]
                   for space in spaces}
        self.members = {p.id: p.name for p in store.people(group.cohort_id) if p.group_id == group.id}
        self.rules = _Rules(person.id, current)
        self.visible: dict[tuple[str, str], list[Any]] = {}
        for (space, kind), registered in kinds.items():
            if registered.type is None or (space, kind) in HIDDEN_KINDS:
                continue
            read = (_read(registered, item) for item in current[space] if item.kind == kind)
            self.visible[(space, kind)] = [v for v in read if v is not None and self.rules.visible(space, kind, v)]
        self.titles: dict[str, str] = {}
        for shown in self.visible.values():  # registry order: a plan names its report (same id), not the other way
            for v in shown:
                if isinstance(getattr(v, "id", None), str) and v.id not in self.titles and (title := _title(v)):
                    self.titles[v.id] = title
        links = self.visible.get((ACT, act.Koppeling.KIND))
        if links:  # a link to a quote or theme that is not shown (no consent, merged) is not shown either
            self.visible[(ACT, act.Koppeling.KIND)] = [v for v in links if getattr(v, "citaat_id", "") in self.titles
                                                  and getattr(v, "thema_id", "") in self.titles]

    def parts(self, kinds: Iterable[ItemKind]) -> tuple[Part, ...]:
        result = []
        for kind in kinds:
            records = [self._record(v) for v in self.visible.get((kind.space, kind.kind), [])]
            records = [r for r in records if r.rows]
            if records:
                result.append(Part(kind.label, items=tuple(records)))
        return tuple(result)

    def _record(self, value: Any) -> Record:
        rows = []
        for field in dataclasses.fields(value):
            if field.name in INTERNAL_FIELDS:
                continue
            shown = _value(getattr(value, field.name), self.words, self.resolver(field.name))
            if shown is not None:
                row = Row(_field_name(field.name.removesuffix("_id"), self.words), shown)
                if row not in rows:
                    rows.append(row)
        return Record(tuple(rows))

    def resolver(self, name: str) -> Resolver:
        """How the values of field ``name`` that refer to a person or an item are shown."""
        def resolve(value: Any) -> str | None:
            if name in PERSON_FIELDS and (isinstance(value, int) or (isinstance(value, str) and value.isdigit())):
                return self.members.get(int(value), "")  # a member who left: nothing rather than a number
            if isinstance(value, str) and _ID.fullmatch(value):
                return self.titles.get(value, "")  # what it refers to, or nothing when that is not shown
            return None

        return resolve


def _read(kind: ItemKind, item: GroupItem) -> Any:
    if kind.type is None:
        return None
    try:
        return kind.type.from_data(item.item_id, item.data if isinstance(item.data, Mapping) else {})
    except Exception:  # an item its type cannot read is left out, as the pages leave it out
        return None


class _Rules:
    """What a member sees of the group's items, as the pages show it."""

    def __init__(self, me: int, current: Mapping[str, list[GroupItem]]) -> None:
        self.me = me
        self.consented = {i.item_id for i in current.get(CONVERSATIONS, [])
                          if i.kind == conversations.Verslag.KIND and conversations.Verslag.of(i).toestemming == "ja"}
        phase = next((act.Fase.of(i) for i in current.get(ACT, []) if i.kind == act.Fase.KIND), act.Fase())
        self.silent = phase.fase == act.SILENT

    def visible(self, space: str, kind: str, value: Any) -> bool:
        if (space, kind) == (CONVERSATIONS, conversations.Citaat.KIND):
            return getattr(value, "gesprek_id", None) in self.consented and bool(str(value.tekst).strip())
        if (space, kind) == (CONVERSATIONS, conversations.Feedback.KIND):
            return self.me in (value.voor, value.van) and bool(getattr(value, "has_content", True))
        if (space, kind) == (ACT, act.Koppeling.KIND):
            return not self.silent or value.door == self.me
        if (space, kind) == (ACT, act.Thema.KIND):
            return not getattr(value, "samengevoegd_in", "")
        return True


def _title(value: Any) -> str:
    """How another item names this one: its first typed text (a name, the quote, the action)."""
    for field in dataclasses.fields(value):
        text = getattr(value, field.name)
        if (field.name not in INTERNAL_FIELDS and field.name not in PERSON_FIELDS and not field.name.endswith("_id")
                and isinstance(text, str) and text.strip() and not _ID.fullmatch(text)):
            text = " ".join(text.split())
            return text if len(text) <= MAX_TITLE else text[:MAX_TITLE - 1].rstrip() + "…"
    return ""


# -- values ----------------------------------------------------------------------------------------------------

def _ids_left_out(value: Any) -> str | None:
    """For someone in no group: an item id refers to nothing they can see."""
    return "" if isinstance(value, str) and _ID.fullmatch(value) else None


def _value(value: Any, words: Words, resolve: Resolver) -> Value | None:
    """A stored value as text, list or record; ``None`` when there is nothing to show."""
    if isinstance(value, bool):
        return words.checked if value else words.unchecked
    resolved = resolve(value)
    if resolved is not None:
        return resolved or None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, datetime):
        return long_date(value)
    if value is None:
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value) if f.name not in INTERNAL_FIELDS}
    if isinstance(value, Mapping):
        rows = [Row(_field_name(str(k), words), shown) for k, v in value.items()
                if str(k) not in INTERNAL_FIELDS and (shown := _value(v, words, resolve)) is not None]
        return Record(tuple(rows)) if rows else None
    if isinstance(value, (list, tuple)):
        values = tuple(shown for v in value if (shown := _value(v, words, resolve)) is not None)
        return Bullets(values) if values else None
    return None


def _field_name(name: str, words: Words) -> str:
    """The Dutch name of a stored field (``field_names`` of the YAML), else the name itself, tidied."""
    known = words.field_names.get(name)
    if known:
        return known
    tidy = name.replace("_", " ").strip()
    return tidy[:1].upper() + tidy[1:]
