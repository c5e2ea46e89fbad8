"""Stakeholders and relations of a group's map: the fixed vocabularies, validation and name normalisation.

Values are stored by key (``"formele_lijn"``); the Dutch labels are for display. :func:`parse_choice` accepts a
key or a label in any case, so a trainer's spreadsheet with "Formele lijn" imports as well as an export does.
What a check says when input is wrong is in ``exercises/stakeholderkaart.yaml`` (``checks``, ``fields``), read only
when a message is made.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.core.text import for_comparison, without_hidden

SOORTEN: dict[str, str] = {
    "collega": "Collega",
    "leidinggevende": "Leidinggevende",
    "bestuur": "Bestuur",
    "or": "OR",
    "inwoner": "Inwoner",
    "ondernemer": "Ondernemer",
    "ketenpartner": "Ketenpartner",
    "maatschappelijke_organisatie": "Maatschappelijke organisatie",
    "anders": "Anders",
}
POSITIES: dict[str, str] = {"intern": "Intern", "extern": "Extern"}
HOUDINGEN: dict[str, str] = {
    "voorstander": "Voorstander",
    "neutraal": "Neutraal",
    "tegenstander": "Tegenstander",
    "onbekend": "Onbekend",
}
# Ordered from least to most energy: the gap between now and desired is a difference of positions.
ENERGIE: dict[str, str] = {
    "onbewust": "Onbewust",
    "weerstand": "Weerstand",
    "neutraal": "Neutraal",
    "steunend": "Steunend",
    "trekker": "Trekker",
}
RELATIE_SOORTEN: dict[str, str] = {
    "samenwerking": "Samenwerking",
    "spanning": "Spanning",
    "formele_lijn": "Formele lijn",
    "informeel": "Informeel contact",
}
STERKTES: dict[int, str] = {1: "Zwak", 2: "Gewoon", 3: "Sterk"}
SCORE_MIN, SCORE_MAX = 1, 5
MAX_NAME = 120
MAX_FUNCTIE = 80
MAX_NOTE = 2000


class InvalidInput(ValueError):
    """Input a participant can fix; ``message`` is Dutch and names the field."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _invalid(check: str, **values: Any) -> InvalidInput:
    """The :class:`InvalidInput` saying ``checks.<check>`` of ``stakeholderkaart.yaml``, filled in with ``values``
    (``veld``: a key of its ``fields``, named as the file names it)."""
    from wijwerken_widgets.shared.stakeholders import texts

    content = texts.load()
    if "veld" in values:
        values["veld"] = getattr(content.fields, values["veld"])
    return InvalidInput(getattr(content.checks, check).format(**values))


def clean_text(text: Any) -> str:
    """Text as shown: Unicode NFC (so "José" typed either way is the same), without control characters, direction
    controls and zero-width spaces (``core/text.py``), whitespace runs collapsed, trimmed."""
    if text is None:
        return ""
    text = without_hidden(unicodedata.normalize("NFC", str(text)))
    text = "".join(c for c in text if unicodedata.category(c) != "Cc" or c.isspace())
    return " ".join(text.split())


def name_key(name: Any) -> str:
    """What makes two names the same stakeholder: NFKC, case-folded, invisible characters left out, whitespace
    collapsed."""
    return " ".join(for_comparison(unicodedata.normalize("NFKC", str(name or ""))).casefold().split())


def parse_choice(value: Any, options: Mapping[str, str], field: str, default: str | None = None) -> str:
    """The key in ``options`` that ``value`` names by key or Dutch label (any case, spaces or underscores).
    ``field`` is the field's key in ``fields`` of ``stakeholderkaart.yaml`` (its name in a message)."""
    text = name_key(value).replace("_", " ")
    if not text:
        if default is not None:
            return default
        raise _invalid("missing_choice", veld=field)
    for key, label in options.items():
        if text in (key.replace("_", " "), name_key(label)):
            return key
    raise _invalid("invalid_choice", waarde=clean_text(value), veld=field, keuzes=", ".join(options.values()))


def parse_score(value: Any, field: str, low: int = SCORE_MIN, high: int = SCORE_MAX, default: int = 3) -> int:
    """A whole number from ``low`` to ``high``; empty gives ``default``. ``field``: as for :func:`parse_choice`."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or clean_text(value) == "":
        return default
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        number = None
    if number is None or number != int(number) or not low <= number <= high:
        raise _invalid("invalid_score", veld=field, van=low, tot=high, waarde=clean_text(value))
    return int(number)


def _note(value: Any) -> str:
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()
    text = unicodedata.normalize("NFC", text)
    if len(text) > MAX_NOTE:
        raise _invalid("note_too_long", max=MAX_NOTE)
    return text


@dataclass(frozen=True)
class Stakeholder:
    """Someone with a stake in the group's vraagstuk. ``naam`` is shown as typed (cleaned), compared by key.

    ``functie`` (optional, "wethouder", "wijkagent") describes the stakeholder without the name: where a group's
    findings are given back anonymised, a stakeholder is named by ``functie``, else by ``soort``. Data stored
    before the field existed has none and loads with ``""``."""

    id: str
    naam: str
    functie: str = ""
    soort: str = "anders"
    positie: str = "intern"
    invloed: int = 3
    belang: int = 3
    houding: str = "onbekend"
    energie_nu: str = "neutraal"
    energie_gewenst: str = "neutraal"
    notitie: str = ""

    @property
    def key(self) -> str:
        return name_key(self.naam)

    @property
    def energie_gap(self) -> int:
        """How many steps the energy should rise (negative: it may come down)."""
        order = list(ENERGIE)
        return order.index(self.energie_gewenst) - order.index(self.energie_nu)

    def data(self) -> dict[str, Any]:
        """The stored fields (everything but ``id``)."""
        values = asdict(self)
        del values["id"]
        return values

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Stakeholder:
        """Rebuild from stored fields; unknown keys (from a newer version) are ignored."""
        return validate_stakeholder(data, item_id=item_id)


@dataclass(frozen=True)
class Relation:
    """A line between two stakeholders (by id). Direction is kept but drawn without arrows."""

    id: str
    van: str
    naar: str
    soort: str = "samenwerking"
    sterkte: int = 2

    def data(self) -> dict[str, Any]:
        values = asdict(self)
        del values["id"]
        return values

    @classmethod
    def from_data(cls, item_id: str, data: Mapping[str, Any]) -> Relation:
        return validate_relation(data, item_id=item_id)

    @property
    def ends(self) -> frozenset[str]:
        return frozenset((self.van, self.naar))


def validate_stakeholder(fields: Mapping[str, Any], *, item_id: str | None = None) -> Stakeholder:
    """A :class:`Stakeholder` from form, table or file values (keys or Dutch labels), or :class:`InvalidInput`."""
    naam = clean_text(fields.get("naam"))
    if not naam:
        raise _invalid("no_name")
    if len(naam) > MAX_NAME:
        raise _invalid("name_too_long", max=MAX_NAME)
    functie = clean_text(fields.get("functie"))
    if len(functie) > MAX_FUNCTIE:
        raise _invalid("functie_too_long", max=MAX_FUNCTIE)
    return Stakeholder(
        id=item_id or new_id(),
        naam=naam,
        functie=functie,
        soort=parse_choice(fields.get("soort"), SOORTEN, "soort", default="anders"),
        positie=parse_choice(fields.get("positie"), POSITIES, "positie", default="intern"),
        invloed=parse_score(fields.get("invloed"), "invloed"),
        belang=parse_score(fields.get("belang"), "belang"),
        houding=parse_choice(fields.get("houding"), HOUDINGEN, "houding", default="onbekend"),
        energie_nu=parse_choice(fields.get("energie_nu"), ENERGIE, "energie_nu", default="neutraal"),
        energie_gewenst=parse_choice(fields.get("energie_gewenst"), ENERGIE, "energie_gewenst", default="neutraal"),
        notitie=_note(fields.get("notitie")),
    )


def validate_relation(fields: Mapping[str, Any], *, item_id: str | None = None) -> Relation:
    """A :class:`Relation` between two different stakeholder ids, or :class:`InvalidInput`."""
    van, naar = str(fields.get("van") or ""), str(fields.get("naar") or "")
    if not van or not naar:
        raise _invalid("relation_ends")
    if van == naar:
        raise _invalid("relation_to_itself")
    return Relation(
        id=item_id or new_id(),
        van=van,
        naar=naar,
        soort=parse_choice(fields.get("soort"), RELATIE_SOORTEN, "relatie", default="samenwerking"),
        sterkte=parse_score(fields.get("sterkte"), "sterkte", 1, 3, default=2),
    )


@dataclass(frozen=True)
class StakeholderMap:
    """One group's current map: live stakeholders, the relations between live stakeholders, node positions."""

    stakeholders: tuple[Stakeholder, ...] = ()
    relations: tuple[Relation, ...] = ()
    positions: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        stakeholders: Iterable[Stakeholder],
        relations: Iterable[Relation] = (),
        positions: Mapping[str, tuple[float, float]] | None = None,
    ) -> StakeholderMap:
        """Keep only relations whose both ends are present, one per pair and soort; sort people by name."""
        people = tuple(sorted(stakeholders, key=lambda s: (s.key, s.id)))
        ids = {s.id for s in people}
        seen: set[tuple[frozenset[str], str]] = set()
        kept = []
        for relation in relations:
            signature = (relation.ends, relation.soort)
            if relation.van in ids and relation.naar in ids and relation.van != relation.naar and signature not in seen:
                seen.add(signature)
                kept.append(relation)
        placed = {k: v for k, v in (positions or {}).items() if k in ids}
        return cls(people, tuple(kept), placed)

    def __len__(self) -> int:
        return len(self.stakeholders)

    def by_id(self) -> dict[str, Stakeholder]:
        return {s.id: s for s in self.stakeholders}

    def find(self, naam: str) -> Stakeholder | None:
        """The stakeholder whose name is the same as ``naam`` after normalisation."""
        key = name_key(naam)
        return next((s for s in self.stakeholders if s.key == key), None)

    def has_relation(self, van: str, naar: str, soort: str) -> bool:
        return any(r.ends == frozenset((van, naar)) and r.soort == soort for r in self.relations)

    def with_stakeholder(self, stakeholder: Stakeholder) -> StakeholderMap:
        """This map with ``stakeholder`` added or replaced (by id)."""
        others = [s for s in self.stakeholders if s.id != stakeholder.id]
        return StakeholderMap.build([*others, stakeholder], self.relations, self.positions)


def shortlist(stakeholder_map: StakeholderMap, size: int = 5) -> list[Stakeholder]:
    """"Met wie ga je in gesprek?": the biggest energy gaps first, then the most influence, then by name."""
    rising = [s for s in stakeholder_map.stakeholders if s.energie_gap > 0]
    rising.sort(key=lambda s: (-s.energie_gap, -s.invloed, s.key))
    return rising[:size]
