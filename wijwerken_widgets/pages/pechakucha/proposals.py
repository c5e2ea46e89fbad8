"""About 30 proposed slides from the participant's own work: pure (no widgets, no store), from :class:`Material`.

Only what may be shown to an audience: the participant's vraagstuk (Dag 1); the group's map as counts, never a
stakeholder's name; the conversations held as counts; the chosen rode draden with their example quotes, only of
conversations with consent and anonymised as in terugleggen (``shared/act/anonymise.py``, the same wording); what
the people involved said back; the actieplan and how it goes; and the participant's OWN logboek entries that they
shared already (trainer or groep) — never a privé entry, never someone else's. Every text but the participant's own
Dag 1 words passes the anonymiser, so no stakeholder's or colleague's name is proposed from the group's work. Each proposal has a stable id (its source), so a picked slide
keeps pointing at it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wijwerken_widgets.shared.act.anonymise import Anonymiser, Wording
from wijwerken_widgets.shared.act.evidence import analysable_quotes, visible_links
from wijwerken_widgets.shared.act.examples import examples, supporting
from wijwerken_widgets.shared.act.items import Actie, Fase, Koppeling, Reactie, Thema
from wijwerken_widgets.shared.act.monitoring import STATUSES, Status, history
from wijwerken_widgets.shared.conversations.items import Gesprek, Verslag
from wijwerken_widgets.shared.stakeholders.model import SOORTEN
from wijwerken_widgets.shared.vraagstuk import Vraagstuk

if TYPE_CHECKING:
    from wijwerken_widgets.pages.pechakucha.schema import Anonymity, Kind, PechakuchaContent
    from wijwerken_widgets.store import GroupItem, LogEntry

SHOWN_SHARING = ("trainer", "groep")
"""The sharing levels of the participant's own logboek entries that may become a slide (never ``prive``)."""
ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class Proposal:
    """A proposed slide: its stable source id, title, text, suggested alt text and where it comes from."""

    id: str
    titel: str
    tekst: str
    alt: str
    bron: str


@dataclass(frozen=True)
class Material:
    """Everything a participant's slides may come from, as stored. ``person_id`` is the participant: only their
    own logboek entries are read from ``entries`` (whatever else it holds); ``people`` are the cohort's names."""

    person_id: int
    vraagstuk: Vraagstuk = field(default_factory=Vraagstuk)
    stakeholders: Mapping[str, Any] = field(default_factory=dict)
    conversation_items: Sequence[GroupItem] = ()
    act_items: Sequence[GroupItem] = ()
    entries: Sequence[LogEntry] = ()
    people: Sequence[str] = ()


def clip(text: str, maximum: int) -> str:
    """``text`` trimmed to at most ``maximum`` characters (an ellipsis where it was cut)."""
    text = text.strip()
    return text if len(text) <= maximum else text[:maximum - 1].rstrip() + ELLIPSIS


def tidy(text: str) -> str:
    """``text`` with its spaces collapsed and at most one empty line between paragraphs."""
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def wording(words: Anonymity) -> Wording:
    """The anonymiser's wording from the page's YAML (the same as terugleggen's)."""
    return Wording(dict(words.soorten), words.somebody, words.colleague, words.in_text, words.threshold,
                   frozenset(w.casefold().strip(".") for w in words.not_names))


class _Maker:
    """Fills in a kind's texts and clips them to the page's limits."""

    def __init__(self, content: PechakuchaContent, anonymiser: Anonymiser) -> None:
        self.content, self.anonymiser = content, anonymiser
        self.found: list[Proposal] = []

    def add(self, proposal_id: str, kind: Kind, **values: str | int) -> None:
        filled = _Defaults({name: str(value) for name, value in values.items()})

        def fill(template: str, maximum: int) -> str:
            text = tidy(template.format_map(filled))
            return clip(text, maximum) if any(c.isalnum() for c in text) else ""

        limits = self.content.limits
        self.found.append(Proposal(proposal_id, fill(kind.titel, limits.titel), fill(kind.tekst, limits.tekst),
                                   fill(kind.alt, limits.alt), kind.bron))

    def text(self, item_id: str, text: str) -> str:
        """``text`` with every name of a stakeholder or colleague replaced (as in terugleggen)."""
        return tidy(self.anonymiser.text(item_id, text))


class _Defaults(dict[str, str]):
    """Placeholders a kind's text uses but this slide has no value for stay empty."""

    def __missing__(self, key: str) -> str:
        return ""


def _counts(counter: Counter[str], labels: Mapping[str, str], content: PechakuchaContent) -> str:
    words = content.proposals
    return words.joiner.join(words.counted.format(wie=labels.get(key, key), aantal=n)
                             for key, n in counter.most_common())


def _act(items: Iterable[GroupItem]) -> dict[str, list[GroupItem]]:
    by_kind: dict[str, list[GroupItem]] = {}
    for item in items:
        if not item.deleted:
            by_kind.setdefault(item.kind, []).append(item)
    return by_kind


def proposals(material: Material, content: PechakuchaContent) -> list[Proposal]:
    """The proposed slides, in the order of the story: vraagstuk, map, conversations, rode draden with quotes and
    what was said back, actions and how they go, and the participant's shared logboek entries."""
    quotes = analysable_quotes(material.conversation_items, material.stakeholders)
    anonymiser = Anonymiser(quotes, wording(content.anonymity), material.stakeholders.values(), material.people)
    make, kinds = _Maker(content, anonymiser), content.proposals
    _vraagstuk(make, material.vraagstuk)
    _map(make, material, content)
    act = _act(material.act_items)
    phase = next((Fase.of(i) for i in act.get(Fase.KIND, []) if i.item_id == Fase.ID), Fase())
    themes = [Thema.of(i) for i in act.get(Thema.KIND, [])]
    links = visible_links([Koppeling.of(i) for i in act.get(Koppeling.KIND, [])], themes, quotes,
                          phase=phase.fase, person_id=material.person_id)
    responses = {r.id: r for r in map(Reactie.of, act.get(Reactie.KIND, []))}
    for theme in (t for t in themes if t.gekozen):
        naam = make.text(theme.id, theme.naam)
        make.add(f"draad.{theme.id}", kinds.draad, naam=naam, tekst=make.text(theme.id, theme.wel))
        shown, _ = examples(theme, supporting(theme.id, links, quotes))
        for quote in shown:
            said = anonymiser.quote(quote)
            make.add(f"citaat.{theme.id}.{quote.id}", kinds.citaat, tekst=" ".join(said.tekst.split()),
                     wie=said.descriptor, thema=naam)
        response = responses.get(theme.id)
        if response is not None and response.herkenning in kinds.recognition:
            make.add(f"reactie.{theme.id}", kinds.reactie, naam=naam, status=kinds.recognition[response.herkenning],
                     tekst=make.text(theme.id, response.aanvulling))
    _plan(make, act)
    for entry in material.entries:
        if entry.person_id == material.person_id and entry.sharing in SHOWN_SHARING and not entry.deleted \
                and entry.text.strip():
            make.add(f"logboek.{entry.entry_id}", kinds.logboek, tekst=make.text(entry.entry_id, entry.text))
    return make.found


def _vraagstuk(make: _Maker, vraagstuk: Vraagstuk) -> None:
    kinds = make.content.proposals
    for name, value in (("vraagstuk", vraagstuk.description), ("probleem", vraagstuk.probleem),
                        ("doel", vraagstuk.doel), ("hoofdvraag", vraagstuk.hoofdvraag)):
        if value.strip():
            make.add(name, getattr(kinds, name), tekst=value)  # the participant's own words, as on the Dag 1 card


def _map(make: _Maker, material: Material, content: PechakuchaContent) -> None:
    """The map and the conversations as counts: nobody named."""
    kinds, stakeholders = content.proposals, list(material.stakeholders.values())
    if stakeholders:
        soorten = Counter(str(getattr(s, "soort", "anders")) for s in stakeholders)
        make.add("kaart", kinds.kaart, aantal=len(stakeholders), soorten=_counts(soorten, SOORTEN, content))
        posities = Counter(str(getattr(s, "positie", "intern")) for s in stakeholders)
        make.add("kaart.posities", kinds.posities, intern=posities["intern"], extern=posities["extern"])
        energie = Counter(str(getattr(s, "energie_nu", "neutraal")) for s in stakeholders)
        if energie["trekker"] or energie["steunend"] or energie["weerstand"]:
            make.add("kaart.energie", kinds.energie, trekkers=energie["trekker"], steunend=energie["steunend"],
                     weerstand=energie["weerstand"])
    live = [i for i in material.conversation_items if not i.deleted]
    reported = {i.item_id for i in live if i.kind == Verslag.KIND}
    held = [Gesprek.of(i) for i in live if i.kind == Gesprek.KIND and i.item_id in reported]
    if held:
        kinds_held = Counter(str(getattr(material.stakeholders.get(g.stakeholder_id), "soort", "anders"))
                             for g in held)
        make.add("gesprekken", kinds.gesprekken, aantal=len(held), soorten=_counts(kinds_held, SOORTEN, content))


def _plan(make: _Maker, act: Mapping[str, list[GroupItem]]) -> None:
    """Every action (what and why), its latest status, and where the plan stands."""
    kinds = make.content.proposals
    actions = [Actie.of(i) for i in act.get(Actie.KIND, [])]
    updates = [Status.of(i) for i in act.get(Status.KIND, [])]
    latest: dict[str, Status] = {}
    for action in actions:
        wat = make.text(action.id, action.wat)
        if not wat:
            continue
        make.add(f"actie.{action.id}", kinds.actie, wat=wat, tekst=make.text(action.id, action.waarom or action.merkbaar))
        found = history(action.id, updates)
        if found:
            latest[action.id] = last = found[-1]
            make.add(f"status.{action.id}", kinds.status, wat=wat, status=kinds.statuses.get(last.status, ""),
                     notitie=make.text(last.id, last.notitie))
    if latest:
        counted = Counter(s.status for s in latest.values())
        make.add("stand", kinds.stand, **{status: counted[status] for status in STATUSES})
