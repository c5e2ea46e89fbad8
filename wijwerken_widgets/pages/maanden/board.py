"""The actions of the group's actieplan as the months after Dag 4 see them: each with its status history, how still
it is and its mini-interventies, named in words. Every section of the page reads the actions through one
:class:`Board` (``page_board(ctx)``); they change them only by writing new items to its session.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.pages.maanden import texts
from wijwerken_widgets.pages.maanden.schema import Common, MaandenContent
from wijwerken_widgets.shared.act.interventions import Interventie, needs_intervention
from wijwerken_widgets.shared.act.items import Actie
from wijwerken_widgets.shared.act.monitoring import (
    ON_TRACK,
    Status,
    Stillness,
    Thresholds,
    history,
    parse_day,
    stillness,
)
from wijwerken_widgets.shared.act.session import ActSession, page_act
from wijwerken_widgets.shared.act.sources import Sources, page_sources
from wijwerken_widgets.store import ItemSaveResult
from wijwerken_widgets.ui.context import Context

KEY = "maanden-board"
MAX_NOTE = 300
"""The longest note of one status update (one line)."""
MAX_UPDATES = 200
"""The most status updates one action may get."""
MAX_INTERVENTIONS = 20
"""The most mini-interventies one action may get."""


@dataclass(frozen=True)
class ActionState:
    """One action today: its number in the plan, name and owner in words, status updates (oldest first), how
    still it is, and its mini-interventies (in the order they were planned)."""

    action: Actie
    number: int
    name: str
    owner: str
    updates: tuple[Status, ...]
    stillness: Stillness
    interventions: tuple[Interventie, ...]

    @property
    def last(self) -> Status | None:
        return self.updates[-1] if self.updates else None

    @property
    def status(self) -> str:
        """The last status, or empty without any update."""
        return self.last.status if self.last else ""

    @property
    def stalled(self) -> bool:
        """It says "hapert" or has gone still: it asks for a mini-interventie."""
        return needs_intervention(self.stillness)


def thresholds(common: Common) -> Thresholds:
    """When an action is still, from the YAML (the code's defaults for a status it leaves out)."""
    return Thresholds({**Thresholds.default().days, **common.still_after_days})


class Board:
    """The group's actions with their state, read from the session once per change."""

    def __init__(self, session: ActSession, sources: Sources | None, content: MaandenContent,
                 today: Callable[[], date] = date.today) -> None:
        self.session, self.sources, self.content, self.today = session, sources, content, today
        self.common = content.common
        self.thresholds = thresholds(self.common)
        self.watching = session.ctx.person.role == "trainer"
        self._states: list[ActionState] | None = None
        session.on_change(lambda _: self._forget())
        if sources is not None:
            sources.on_change(lambda _: self._forget())

    def _forget(self) -> None:
        self._states = None

    def on_change(self, listener: Callable[[], None]) -> None:
        self.session.on_change(lambda _: listener())
        if self.sources is not None:
            self.sources.on_change(lambda _: listener())

    # -- reading ---------------------------------------------------------------------------------------------
    def states(self) -> list[ActionState]:
        """Every action of the plan, in the plan's order."""
        if self._states is None:
            updates = [Status.of(i) for i in self.session.live(Status.KIND)]
            interventions = [Interventie.of(i) for i in self.session.live(Interventie.KIND)]
            today = self.today()
            states = []
            for number, item in enumerate(self.session.actions(), start=1):
                action = Actie.of(item)
                mine = history(action.id, updates)
                states.append(ActionState(
                    action, number, self.action_name(action, number), self.owner_name(action), tuple(mine),
                    stillness(action.start, mine, self.thresholds, today),
                    tuple(i for i in interventions if i.actie_id == action.id)))
            self._states = states
        return list(self._states)

    def state(self, action_id: str) -> ActionState | None:
        return next((s for s in self.states() if s.action.id == action_id), None)

    def action_name(self, action: Actie, number: int) -> str:
        first = action.wat.strip().split("\n")[0].strip()
        return first[:80] or self.common.unnamed_action.format(nummer=number)

    def owner_name(self, action: Actie) -> str:
        owners = self.common.owners
        if action.eigenaar_soort == "groep":
            return owners.group
        if action.eigenaar_soort == "deelnemer" and action.eigenaar.isdigit():
            return self.session.author(int(action.eigenaar))
        if action.eigenaar_soort == "stakeholder":
            found = None if self.sources is None else self.sources.stakeholders.get(action.eigenaar)
            return found.naam if found is not None else owners.unknown
        return owners.nobody

    def status_text(self, status: str) -> str:
        """A status in words with its sign ("⚠ hapert"); without a status "nog geen stand"."""
        if not status:
            return self.common.no_status
        return f"{self.common.status_icons[status]} {self.common.statuses[status]}"

    def state_text(self, state: ActionState) -> str:
        """The status in words, and "stil" with its days when it has gone still."""
        found = self.status_text(state.status)
        if state.stillness.still and state.stillness.days is not None:
            found += f" · {self.common.still_icon} {self.common.still.format(dagen=state.stillness.days)}"
        return found

    def when_text(self, day: date | None) -> str:
        if day is None:
            return ""
        days = (self.today() - day).days
        return self.common.today if days <= 0 else self.common.days_since.format(dagen=days)

    def author(self, person_id: int | None) -> str:
        return self.session.author(person_id) if person_id is not None else ""

    def owners(self) -> list[tuple[str, str]]:
        """Who can own an action, as (name, "soort:id") options: the group, the map's stakeholders, the group's
        participants."""
        owners = self.common.owners
        options = [(owners.nobody, ":"), (owners.group, "groep:")]
        stakeholders = {} if self.sources is None else self.sources.stakeholders
        options += [(s.naam, f"stakeholder:{sid}") for sid, s in stakeholders.items()]
        options += [(p.name, f"deelnemer:{p.id}") for p in self.members()]
        return options

    def members(self) -> list[Any]:
        group = self.session.ctx.group
        key = "maanden-members"
        if key not in self.session.ctx.shared:
            people = self.session.ctx.store.people(group.cohort_id) if group is not None else []
            self.session.ctx.shared[key] = [p for p in people
                                            if p.group_id == self.session.group_id and p.role == "deelnemer"]
        return list(self.session.ctx.shared[key])

    # -- writing ---------------------------------------------------------------------------------------------
    def add_status(self, action_id: str, status: str, note: str, contact: bool, *, intervention: str = "",
                   day: date | None = None) -> ItemSaveResult:
        """Write a new status update (a new item: it never overwrites one, and never conflicts)."""
        update = Status(new_id(), actie_id=action_id, status=status or ON_TRACK, notitie=note.strip(),
                        datum=(day or self.today()).isoformat(), contact=contact, door=self.session.ctx.person.id,
                        interventie=intervention)
        return self.session.put_item(update)


def checkin_days(settings: Mapping[str, Any], today: date) -> list[date]:
    """The cohort's check-in days (``terugkomritme`` in its cohort file): from ``eerste`` every ``elke_dagen`` days
    until ``tot`` (default three months after the first). Without it: every two weeks for three months from two
    weeks after Dag 4 (its date in the programme, ``content.programme``), or from two weeks after today when Dag 4 has no date."""
    from wijwerken_widgets.shared.act.calendar import check_ins

    rhythm = settings.get("terugkomritme") if isinstance(settings.get("terugkomritme"), Mapping) else None
    first = parse_day(rhythm.get("eerste")) if rhythm else None
    every = rhythm.get("elke_dagen") if rhythm else None
    every = every if isinstance(every, int) and 1 <= every <= 90 else 14
    if first is None:
        from wijwerken_widgets.content.programme import day_dates

        dag4 = day_dates(settings).get(4)
        first = (dag4 or today) + timedelta(days=14)
    until = parse_day(rhythm.get("tot")) if rhythm else None
    return check_ins(first, every, until or first + timedelta(days=91))


def previous_checkin(days: list[date], today: date) -> date | None:
    """The last check-in day on or before ``today``."""
    past = [d for d in days if d <= today]
    return past[-1] if past else None


def page_board(ctx: Context) -> Board | None:
    """The page's board (made once per page, shared by its sections), or ``None`` for someone in no group."""
    if KEY not in ctx.shared:
        session = page_act(ctx)
        ctx.shared[KEY] = None if session is None else Board(session, page_sources(ctx), texts.load())
    return ctx.shared[KEY]
