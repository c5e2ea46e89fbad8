"""The demo's filled example group (``exercises/voorbeeld/voorbeeldgroep.yaml``): a Dag 2 map, Dag 3 conversations
with quotes, and Dag 4's themes, dots, responses and actieplan, so that a trainer sees the days working.

:func:`add_example_group` adds it to a cohort (the demo, when ``wijwerken serve`` creates it) with three participants
who get a code like everybody else. Everything is written through the same sessions the pages use.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from wijwerken_widgets.content.schema import ContentModel, Text
from wijwerken_widgets.core import paths
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.core.yaml_files import load_yaml_model
from wijwerken_widgets.people.cohorts import IssuedCode, add_person_with_code
from wijwerken_widgets.shared.act.items import ANSWERS, RECOGNITION, Actie, Fase, Koppeling, Reactie, Stem, Thema
from wijwerken_widgets.shared.act.session import ActSession
from wijwerken_widgets.shared.conversations.items import CONSENT, Citaat, Gesprek, Verslag
from wijwerken_widgets.shared.conversations.session import ConversationSession
from wijwerken_widgets.shared.stakeholders.model import Stakeholder, validate_stakeholder
from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.store import Cohort, Person, Store
from wijwerken_widgets.ui.context import Context

FILE = Path("voorbeeld") / "voorbeeldgroep.yaml"


class Member(ContentModel):
    naam: Text
    functie: Literal["medewerker", "leidinggevende", "OR-lid"]


class Conversation(ContentModel):
    stakeholder: Text
    wie: Text
    toestemming: Literal["onbekend", "ja", "nee"]
    notities: str = ""
    energie: str = ""
    citaten: dict[str, Text] = {}


class Theme(ContentModel):
    naam: Text
    wel: str = ""
    niet: str = ""
    gekozen: bool = False
    citaten: list[str] = []
    tegengeluid: list[str] = []


class Response(ContentModel):
    herkenning: Literal["herkennen", "deels", "niet"]
    aanvulling: str = ""
    veranderd: str = ""


class Action(ContentModel):
    wat: Text
    waarom: list[str] = []
    eigenaar: str = ""
    met_wie: str = ""
    start: date | None = None
    eind: date | None = None
    nodig: str = ""
    merkbaar: str = ""
    morgen: Literal["", "ja", "nee", "weet_niet"] = ""


class ExampleGroup(ContentModel):
    """``exercises/voorbeeld/voorbeeldgroep.yaml``: every name it refers to must exist in it."""

    groep: Text
    vraagstuk: Literal["extern", "intern"]
    fase: Literal["stil", "samen"] = "samen"
    deelnemers: Annotated[list[Member], Field(min_length=1)]
    kaart: list[dict[str, object]]
    gesprekken: list[Conversation]
    themas: list[Theme] = []
    stippen: dict[str, dict[str, int]] = {}
    reacties: dict[str, Response] = {}
    acties: list[Action] = []

    @model_validator(mode="after")
    def _names_exist(self) -> ExampleGroup:
        people = {m.naam for m in self.deelnemers}
        stakeholders = {str(s.get("naam")) for s in self.kaart}
        quotes = {key for c in self.gesprekken for key in c.citaten}
        themes = {t.naam for t in self.themas}
        unknown = ([c.stakeholder for c in self.gesprekken if c.stakeholder not in stakeholders]
                   + [c.wie for c in self.gesprekken if c.wie not in people]
                   + [q for t in self.themas for q in (*t.citaten, *t.tegengeluid) if q not in quotes]
                   + [n for who, dots in self.stippen.items() for n in (who, *dots) if n not in people | themes]
                   + [n for n in self.reacties if n not in themes]
                   + [n for a in self.acties for n in a.waarom if n not in themes]
                   + [a.eigenaar for a in self.acties if a.eigenaar not in people | stakeholders | {"", "groep"}])
        if unknown:
            raise ValueError(f"unknown names: {', '.join(sorted(set(unknown)))}")
        return self


def load_example(path: Path | None = None) -> ExampleGroup:
    """The validated example; ``ContentError`` with file, line and field when it is wrong."""
    return load_yaml_model(path or paths.exercises_dir() / FILE, ExampleGroup)


def add_example_group(store: Store, cohort: Cohort, example: ExampleGroup | None = None) -> list[IssuedCode]:
    """Add the example group to ``cohort`` with all its work; returns the codes of its participants."""
    example = example or load_example()
    group = store.add_group(cohort.id, example.groep, example.vraagstuk)
    issued = [add_person_with_code(store, cohort.id, m.naam, "deelnemer", group_id=group.id, functie=m.functie)
              for m in example.deelnemers]
    people = {p.name: p for p in store.people(cohort.id) if p.group_id == group.id}
    contexts = {name: Context.for_person(store, person) for name, person in people.items()}
    first = contexts[example.deelnemers[0].naam]

    stakeholder_map = MapSession(first, poll_seconds=None)
    stakeholder_map.add([validate_stakeholder(s) for s in example.kaart])
    stakeholders = {s.naam: s for s in stakeholder_map.map.stakeholders}
    quotes: dict[str, str] = {}
    for held in example.gesprekken:
        ctx, about = contexts[held.wie], stakeholders[held.stakeholder]
        session = ConversationSession(ctx, poll_seconds=None)
        plan = Gesprek(new_id(), stakeholder_id=about.id, stakeholder=about.naam, wie=people[held.wie].id)
        session.put_item(plan)
        assert held.toestemming in CONSENT
        session.put_item(Verslag(plan.id, gesprek_id=plan.id, stakeholder_id=about.id, toestemming=held.toestemming,
                                 notities=held.notities, energie=held.energie))
        for key, text in held.citaten.items():
            quote = Citaat(new_id(), gesprek_id=plan.id, stakeholder_id=about.id, tekst=text)
            session.put_item(quote)
            quotes[key] = quote.id

    act = ActSession(first, poll_seconds=None)
    themes: dict[str, str] = {}
    for theme in example.themas:
        made = Thema(new_id(), naam=theme.naam, wel=theme.wel, niet=theme.niet, gekozen=theme.gekozen)
        act.put_item(made)
        themes[theme.naam] = made.id
        for kind, keys in (("steunt", theme.citaten), ("tegengeluid", theme.tegengeluid)):
            for key in keys:
                act.put_item(Koppeling.new(quotes[key], made.id, kind, people[example.deelnemers[0].naam].id, "stil"))
    for who, dots in example.stippen.items():
        ActSession(contexts[who], poll_seconds=None).put_item(
            Stem(str(people[who].id), {themes[name]: n for name, n in dots.items()}))
    for name, said in example.reacties.items():
        assert said.herkenning in RECOGNITION
        act.put_item(Reactie(themes[name], said.herkenning, said.aanvulling, said.veranderd))
    for action in example.acties:
        assert action.morgen in ANSWERS
        kind, owner = _owner(action.eigenaar, people, stakeholders)
        act.put_item(Actie(new_id(), wat=action.wat, draden=tuple(themes[n] for n in action.waarom),
                           eigenaar_soort=kind, eigenaar=owner, met_wie=action.met_wie,
                           start=action.start.isoformat() if action.start else "",
                           eind=action.eind.isoformat() if action.eind else "", nodig=action.nodig,
                           merkbaar=action.merkbaar, morgen=action.morgen))
    act.put_item(Fase(fase=example.fase, klaar=tuple(p.id for p in people.values())))
    return issued


def _owner(name: str, people: dict[str, Person], stakeholders: dict[str, Stakeholder]) -> tuple[str, str]:
    if name == "groep":
        return "groep", ""
    if name in people:
        return "deelnemer", str(people[name].id)
    if name in stakeholders:
        return "stakeholder", stakeholders[name].id
    return "", ""
