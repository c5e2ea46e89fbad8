"""The items of a group's conversations (the store space ``"gesprekken"``): one frozen dataclass per kind.

Dag 3 writes them; later days read them. Each type reads its stored JSON with ``from_data(item_id, data)`` and
writes it with ``data()`` (the same shape as always, so stored data keeps loading). Reading is tolerant: stored data
may predate a field or hold something unreadable, and a missing or unreadable field gets its default, never a crash.
``aangemaakt`` (when the item was made) is added by the session's ``put`` and is not part of the types.

- :class:`Gesprek` (a conversation plan): with whom, who talks and when, and the plan itself;
- :class:`Verslag` (the report of a plan, same ``item_id``): consent for quotes, notes, energy, surprises, follow-up;
- :class:`Citaat` (a quote of a conversation);
- :class:`Trio` (a role-play trio): its members and :class:`Ronde` s; the last round is the current one, and the
  roles move one place per round (:func:`roles`);
- :class:`Feedback` (an observator's checklist of one round, item_id :func:`feedback_id`): a :class:`Punt` per
  checklist point, and a tip.

No widgets and no store here: the types are plain data, for every page that reads conversations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, ClassVar, Final

from wijwerken_widgets.shared.item_types import Item as _Item
from wijwerken_widgets.shared.item_types import as_json as _json
from wijwerken_widgets.shared.item_types import mapping as _mapping
from wijwerken_widgets.shared.item_types import optional_text as _optional_text
from wijwerken_widgets.shared.item_types import parse_time
from wijwerken_widgets.shared.item_types import questions as _questions
from wijwerken_widgets.shared.item_types import seconds as _seconds
from wijwerken_widgets.shared.item_types import text as _text
from wijwerken_widgets.shared.item_types import whole as _int

SPACE: Final = "gesprekken"
FEEDBACK_SHARED: Final = "dag3.feedback_delen"
"""A participant's own answer (true/false): the trainer may read the role-play feedback they got as gespreksvoerder
(Dag 3 writes it, the trainer's "Werk van de groepen" reads it). Without it the feedback stays theirs."""
"""The store space of a group's conversation items."""
CONSENT = ("onbekend", "ja", "nee")
"""A report's ``toestemming`` for quotes: not asked yet, yes, no."""
ROLES = ("gespreksvoerder", "gesprekspartner", "observator")
"""The roles of a role-play round, in the order they are listed."""
GESPREKSVOERDER, GESPREKSPARTNER, OBSERVATOR = ROLES



# -- plans, reports, quotes -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gesprek(_Item):
    """A conversation plan: with whom (``stakeholder`` is their name when planned), who talks (a person id, or
    ``None`` for nobody yet), when, and the plan itself; ``vragen`` are the open questions, one per entry."""

    KIND: ClassVar[str] = "gesprek"
    FIXED: ClassVar[tuple[str, ...]] = ("stakeholder_id", "stakeholder")
    TEXTS: ClassVar[tuple[str, ...]] = ("wanneer", "doel", "opening", "luisteren", "afsluiten")
    """The plan's free-text fields."""

    id: str
    stakeholder_id: str = ""
    stakeholder: str = ""
    wie: int | None = None
    wanneer: str = ""
    doel: str = ""
    opening: str = ""
    luisteren: str = ""
    afsluiten: str = ""
    vragen: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Gesprek:
        data = _mapping(data)
        return cls(
            id=item_id,
            stakeholder_id=_text(data.get("stakeholder_id")),
            stakeholder=_text(data.get("stakeholder")),
            wie=_int(data.get("wie")),
            **{name: _text(data.get(name)) for name in cls.TEXTS},
            vragen=_questions(data.get("vragen")),
        )


@dataclass(frozen=True)
class Verslag(_Item):
    """The report of one conversation (its item id is the plan's): consent for quotes (one of :data:`CONSENT`),
    what was heard, where the energy was, what surprised, what was agreed."""

    KIND: ClassVar[str] = "verslag"
    FIXED: ClassVar[tuple[str, ...]] = ("gesprek_id", "stakeholder_id")
    TEXTS: ClassVar[tuple[str, ...]] = ("notities", "energie", "verrassingen", "vervolg")

    id: str
    gesprek_id: str = ""
    stakeholder_id: str = ""
    toestemming: str = CONSENT[0]
    notities: str = ""
    energie: str = ""
    verrassingen: str = ""
    vervolg: str = ""

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Verslag:
        data = _mapping(data)
        consent = data.get("toestemming")
        return cls(
            id=item_id,
            gesprek_id=_text(data.get("gesprek_id")) or item_id,
            stakeholder_id=_text(data.get("stakeholder_id")),
            toestemming=consent if consent in CONSENT else CONSENT[0],
            **{name: _text(data.get(name)) for name in cls.TEXTS},
        )


@dataclass(frozen=True)
class Citaat(_Item):
    """A quote of a conversation, linked to the plan and its stakeholder."""

    KIND: ClassVar[str] = "citaat"

    id: str
    gesprek_id: str = ""
    stakeholder_id: str = ""
    tekst: str = ""

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Citaat:
        data = _mapping(data)
        return cls(id=item_id, gesprek_id=_text(data.get("gesprek_id")),
                   stakeholder_id=_text(data.get("stakeholder_id")), tekst=_text(data.get("tekst")))


# -- role-play -----------------------------------------------------------------------------------------------------


def roles(members: list[int] | tuple[int, ...], round_index: int) -> dict[int, str]:
    """Who plays what in round ``round_index`` (0-based): the roles move one place each round.

    The gespreksvoerder of round 0 is the first member; everyone not leading or playing observes.
    """
    count = len(members)
    lead = round_index % count
    partner = (round_index + 1) % count
    return {member: GESPREKSVOERDER if i == lead else GESPREKSPARTNER if i == partner else OBSERVATOR
            for i, member in enumerate(members)}


@dataclass(frozen=True)
class Ronde:
    """One round of a trio: its scenario (a file id of ``exercises/rollenspel/``) and its shared timer: ``gestart``
    while running (UTC), ``resterend`` the seconds left when paused or when the running stretch began."""

    scenario: str | None = None
    gestart: datetime | None = None
    resterend: float | None = None

    @classmethod
    def from_data(cls, data: Any) -> Ronde:
        data = _mapping(data)
        return cls(scenario=_optional_text(data.get("scenario")), gestart=parse_time(data.get("gestart")),
                   resterend=_seconds(data.get("resterend")))

    def data(self) -> dict[str, Any]:
        return {"scenario": self.scenario, "gestart": _json(self.gestart), "resterend": self.resterend}


@dataclass(frozen=True)
class Trio(_Item):
    """A role-play trio: 3 or 4 members (person ids; the first leads round 1) and the rounds played so far."""

    KIND: ClassVar[str] = "trio"

    id: str
    leden: tuple[int, ...] = ()
    rondes: tuple[Ronde, ...] = ()

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Trio:
        data = _mapping(data)
        leden, rondes = data.get("leden"), data.get("rondes")
        return cls(
            id=item_id,
            leden=tuple(m for m in leden if _int(m) is not None) if isinstance(leden, list) else (),
            rondes=tuple(Ronde.from_data(r) for r in rondes if isinstance(r, Mapping)) if isinstance(rondes, list)
            else (),
        )

    def roles(self, round_index: int) -> dict[int, str]:
        """Who plays what in round ``round_index`` (see :func:`roles`)."""
        return roles(self.leden, round_index)

    def lead(self, round_index: int) -> int:
        """The gespreksvoerder of round ``round_index``."""
        return next(m for m, role in self.roles(round_index).items() if role == GESPREKSVOERDER)

    def with_round(self, scenario_id: str) -> Trio:
        """This trio with one more round (a fresh timer) playing ``scenario_id``."""
        return Trio(self.id, self.leden, (*self.rondes, Ronde(scenario_id)))

    def with_timer(self, round_index: int, **changes: Any) -> Trio:
        """This trio with round ``round_index``'s ``gestart`` and/or ``resterend`` changed."""
        rondes = list(self.rondes)
        rondes[round_index] = replace(rondes[round_index], **changes)
        return Trio(self.id, self.leden, tuple(rondes))


def feedback_id(trio_id: str, round_index: int, observer_id: int) -> str:
    """The item id of the feedback an observator writes in one round of a trio."""
    return f"{trio_id}-{round_index}-{observer_id}"


@dataclass(frozen=True)
class Punt:
    """What the observator saw of one checklist point: a rating (one of the content's ratings) and an example."""

    oordeel: str = ""
    voorbeeld: str = ""

    @classmethod
    def from_data(cls, data: Any) -> Punt:
        data = _mapping(data)
        return cls(_optional_text(data.get("oordeel")) or "", _optional_text(data.get("voorbeeld")) or "")

    def data(self) -> dict[str, Any]:
        return {"oordeel": self.oordeel, "voorbeeld": self.voorbeeld}

    @property
    def filled(self) -> bool:
        return bool(self.oordeel.strip() or self.voorbeeld.strip())


@dataclass(frozen=True)
class Feedback(_Item):
    """An observator's feedback (``van``) for the gespreksvoerder (``voor``) of round ``ronde`` (0-based) of a trio:
    the scenario and its soort (which checklist), a :class:`Punt` per checklist key, and one tip."""

    KIND: ClassVar[str] = "feedback"
    FIXED: ClassVar[tuple[str, ...]] = ("trio_id", "ronde", "voor", "van", "scenario", "soort")

    id: str
    trio_id: str = ""
    ronde: int | None = None
    voor: int | None = None
    van: int | None = None
    scenario: str | None = None
    soort: str | None = None
    punten: Mapping[str, Punt] = field(default_factory=dict)
    tip: str = ""

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Feedback:
        data = _mapping(data)
        punten = _mapping(data.get("punten"))
        return cls(
            id=item_id,
            trio_id=_text(data.get("trio_id")),
            ronde=_int(data.get("ronde")),
            voor=_int(data.get("voor")),
            van=_int(data.get("van")),
            scenario=_optional_text(data.get("scenario")),
            soort=_optional_text(data.get("soort")),
            punten={str(k): Punt.from_data(v) for k, v in punten.items() if isinstance(v, Mapping)},
            tip=_optional_text(data.get("tip")) or "",
        )

    @property
    def has_content(self) -> bool:
        """Whether the observator filled in anything (a rating, an example or the tip)."""
        return any(p.filled for p in self.punten.values()) or bool(self.tip.strip())


ConversationItem = Gesprek | Verslag | Citaat | Trio | Feedback
TYPES: dict[str, type[ConversationItem]] = {t.KIND: t for t in (Gesprek, Verslag, Citaat, Trio, Feedback)}
"""Each kind of the space, with the type that reads and writes it."""
