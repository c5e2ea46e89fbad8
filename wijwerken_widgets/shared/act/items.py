"""The items of a group's Dag 4 work (the store space ``"act"``): one frozen dataclass per kind.

Dag 4 writes them; the trainer's pages and the months after Dag 4 read them. Like the conversation items
(``shared/conversations/items.py``) each type reads its stored JSON tolerantly with ``from_data`` and writes it with
``data()``; ``aangemaakt`` is added by the session's ``put``.

- :class:`Thema` (a theme of the rode-draden analysis, with its "wel/niet" definition; chosen ones are the rode
  draden the group gives back); a merged theme is removed with ``samengevoegd_in`` set;
- :class:`Koppeling` (one quote–theme link, item id :func:`link_id`): its own item, so two members linking at the
  same moment never overwrite each other; unlinking removes it;
- :class:`Fase` (the one item ``"fase"``): silent assignment first, then together; who said they are done;
- :class:`Stem` (one member's dots, item id the person id);
- :class:`Reactie` (what the people involved said back about a theme, item id the theme's);
- :class:`Actie` (an action of the actieplan);
- :class:`~wijwerken_widgets.shared.act.monitoring.Status` (one status update of an action, in the months after);
- :class:`~wijwerken_widgets.shared.act.interventions.Interventie` (a mini-interventie for a stalled action);
- :class:`~wijwerken_widgets.shared.act.olievlek.Olievlek` (one time a member passed Wij-Werken on);
- :class:`Delen` (the one item ``"delen"``): whether the group shares its rode draden and actions for
  kruisbestuiving with other municipalities (default: not).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Final

from wijwerken_widgets.shared.act.interventions import Interventie
from wijwerken_widgets.shared.act.monitoring import Status
from wijwerken_widgets.shared.act.olievlek import Olievlek
from wijwerken_widgets.shared.item_types import Item, mapping, text, whole

SPACE: Final = "act"
"""The store space of a group's Dag 4 items."""
SUPPORTS, CONTRADICTS = "steunt", "tegengeluid"
LINK_KINDS = (SUPPORTS, CONTRADICTS)
"""How a quote relates to a theme: it supports it, or it is tegengeluid (it contradicts the theme)."""
SILENT, TOGETHER = "stil", "samen"
PHASES = (SILENT, TOGETHER)
"""Silent first (each member links the quotes of their own conversations, unseen by the others), then together."""
RECOGNITION = ("", "herkennen", "deels", "niet")
"""What the people involved answered when a rode draad was given back: not asked yet, yes, partly, no."""
OWNER_KINDS = ("", "stakeholder", "deelnemer", "groep")
"""Who owns an action: nobody yet, a stakeholder of the map, a participant, or the whole group."""
ANSWERS = ("", "ja", "nee", "weet_niet")
"""The answer to the "15 %" question of an action: can the owner start tomorrow without extra money or mandate?"""


def _choice(value: Any, options: tuple[str, ...]) -> str:
    return value if value in options else options[0]


def _ids(value: Any) -> tuple[str, ...]:
    """A list of item ids (texts), without empties and doubles, in order."""
    if not isinstance(value, list):
        return ()
    return tuple(dict.fromkeys(v for v in value if isinstance(v, str) and v))


def link_id(quote_id: str, theme_id: str) -> str:
    """The item id of the link between a quote and a theme: the same for everyone who makes it, so two members
    making the same link meet on one item (compare-and-set) instead of making two."""
    return hashlib.blake2s(f"{quote_id}:{theme_id}".encode(), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Thema(Item):
    """A theme: its name, what belongs to it (``wel``) and what does not (``niet``), whether the group chose it as a
    rode draad to give back, and up to three quotes (ids) it shows then (``voorbeelden``; empty: picked for it)."""

    KIND: ClassVar[str] = "thema"
    FIXED: ClassVar[tuple[str, ...]] = ("gesplitst_uit",)

    id: str
    naam: str = ""
    wel: str = ""
    niet: str = ""
    gekozen: bool = False
    voorbeelden: tuple[str, ...] = ()
    samengevoegd_in: str = ""
    gesplitst_uit: str = ""

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Thema:
        data = mapping(data)
        return cls(id=item_id, naam=text(data.get("naam")), wel=text(data.get("wel")), niet=text(data.get("niet")),
                   gekozen=data.get("gekozen") is True, voorbeelden=_ids(data.get("voorbeelden"))[:3],
                   samengevoegd_in=text(data.get("samengevoegd_in")), gesplitst_uit=text(data.get("gesplitst_uit")))


@dataclass(frozen=True)
class Koppeling(Item):
    """A quote linked to a theme (``soort`` one of :data:`LINK_KINDS`); ``door`` made it, in phase ``fase``."""

    KIND: ClassVar[str] = "koppeling"

    id: str
    citaat_id: str = ""
    thema_id: str = ""
    soort: str = SUPPORTS
    door: int | None = None
    fase: str = TOGETHER

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Koppeling:
        data = mapping(data)
        return cls(id=item_id, citaat_id=text(data.get("citaat_id")), thema_id=text(data.get("thema_id")),
                   soort=_choice(data.get("soort"), LINK_KINDS), door=whole(data.get("door")),
                   fase=_choice(data.get("fase"), (TOGETHER, SILENT)))

    @classmethod
    def new(cls, quote_id: str, theme_id: str, soort: str, door: int, fase: str) -> Koppeling:
        return cls(link_id(quote_id, theme_id), quote_id, theme_id, soort, door, fase)


@dataclass(frozen=True)
class Fase(Item):
    """The group's phase of the analysis (one of :data:`PHASES`) and who finished their silent assignment."""

    KIND: ClassVar[str] = "fase"
    ID: ClassVar[str] = "fase"

    id: str = "fase"
    fase: str = SILENT
    klaar: tuple[int, ...] = ()

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Fase:
        data = mapping(data)
        klaar = data.get("klaar")
        done = tuple(dict.fromkeys(p for p in klaar if whole(p) is not None)) if isinstance(klaar, list) else ()
        return cls(id=item_id, fase=_choice(data.get("fase"), PHASES), klaar=done)


@dataclass(frozen=True)
class Stem(Item):
    """One member's dots: how many they gave each theme (by id)."""

    KIND: ClassVar[str] = "stem"

    id: str
    punten: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Stem:
        punten = mapping(mapping(data).get("punten"))
        return cls(id=item_id, punten={str(k): n for k, v in punten.items() if (n := whole(v)) is not None and n > 0})

    @property
    def total(self) -> int:
        return sum(self.punten.values())


@dataclass(frozen=True)
class Reactie(Item):
    """What the people involved said back about a rode draad (item id = the theme's): do they recognise it (one of
    :data:`RECOGNITION`), what they add, and what the group changed afterwards."""

    KIND: ClassVar[str] = "reactie"
    TEXTS: ClassVar[tuple[str, ...]] = ("aanvulling", "veranderd")

    id: str
    herkenning: str = ""
    aanvulling: str = ""
    veranderd: str = ""

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Reactie:
        data = mapping(data)
        return cls(id=item_id, herkenning=_choice(data.get("herkenning"), RECOGNITION),
                   aanvulling=text(data.get("aanvulling")), veranderd=text(data.get("veranderd")))


@dataclass(frozen=True)
class Actie(Item):
    """An action of the actieplan: what and why (``draden``: the rode draden, theme ids, it answers), who owns it
    (``eigenaar_soort`` one of :data:`OWNER_KINDS`; ``eigenaar`` a stakeholder id or a person id as text), with
    whom, from ``start`` to ``eind`` (ISO dates, or empty), what is needed, how we will know it works, and the
    answer to the "15 %" question (``morgen``, one of :data:`ANSWERS`)."""

    KIND: ClassVar[str] = "actie"
    TEXTS: ClassVar[tuple[str, ...]] = ("wat", "waarom", "met_wie", "nodig", "merkbaar")

    id: str
    wat: str = ""
    waarom: str = ""
    draden: tuple[str, ...] = ()
    eigenaar_soort: str = ""
    eigenaar: str = ""
    met_wie: str = ""
    start: str = ""
    eind: str = ""
    nodig: str = ""
    merkbaar: str = ""
    morgen: str = ""

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Actie:
        data = mapping(data)
        return cls(id=item_id, **{name: text(data.get(name)) for name in cls.TEXTS},
                   draden=_ids(data.get("draden")), eigenaar_soort=_choice(data.get("eigenaar_soort"), OWNER_KINDS),
                   eigenaar=text(data.get("eigenaar")), start=_date(data.get("start")), eind=_date(data.get("eind")),
                   morgen=_choice(data.get("morgen"), ANSWERS))


@dataclass(frozen=True)
class Delen(Item):
    """Whether the group shares its rode draden (name and what belongs to it) and its actions' ``wat`` with the
    trainers' kruisbestuiving page, where other municipalities' work is put side by side; off unless a member ticks
    it (any member may change it)."""

    KIND: ClassVar[str] = "delen"
    ID: ClassVar[str] = "delen"

    id: str = "delen"
    aan: bool = False

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Delen:
        return cls(id=item_id, aan=mapping(data).get("aan") is True)


def _date(value: Any) -> str:
    """An ISO date (``2027-03-01``) as stored, or empty when absent or not a date."""
    from datetime import date

    if not isinstance(value, str):
        return ""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return ""


ActItem = Thema | Koppeling | Fase | Stem | Reactie | Actie | Status | Interventie | Olievlek | Delen
TYPES: dict[str, type[ActItem]] = {t.KIND: t for t in (Thema, Koppeling, Fase, Stem, Reactie, Actie, Status,
                                                       Interventie, Olievlek, Delen)}
"""Each kind of the space, with the type that reads and writes it."""
KINDS: Final = tuple(TYPES)
