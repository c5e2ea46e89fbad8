"""Dag 3, rollenspel: practise a conversation in a trio; roles rotate every round.

Not in a trio yet: a small form to start one with two or three groupmates. In a trio (the newest one this
participant is in): the round, who plays what, the scenario as far as this participant's role may read it (the
rolkaart is only ever put into a widget of the gesprekspartner), the shared timer, the observator's checklist, a
personal reflection, the feedback received, and "Volgende ronde" / "Nieuw trio". Groupmates see a new trio or round
after the session polls; the view is rebuilt only when the trio or its round changes.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_description import DescriptionStyle

from wijwerken_widgets.core.html import format_html, name_html, render_markdown
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.pages.dag3 import texts
from wijwerken_widgets.pages.dag3.roleplay_checklist import ObserverChecklist
from wijwerken_widgets.pages.dag3.roleplay_feedback import FeedbackView, sharing
from wijwerken_widgets.pages.dag3.roleplay_reflection import EarlierReflections, RoundReflection
from wijwerken_widgets.pages.dag3.roleplay_scenarios import ScenarioSet
from wijwerken_widgets.pages.dag3.roleplay_timer import RoundTimer
from wijwerken_widgets.shared.conversations.items import GESPREKSPARTNER, OBSERVATOR, ROLES, Ronde, Trio
from wijwerken_widgets.shared.conversations.session import ConversationSession, page_conversations
from wijwerken_widgets.store import GroupItem, StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, box, button, hidden, static_html
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import Feedback, message

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag3.roleplay_scenario_schema import Scenario
    from wijwerken_widgets.pages.dag3.schema import RoleplayPart

MIN_OTHERS, MAX_OTHERS = 2, 3
FACILITATOR = "facilitator"
"""The soort of scenario in which the gespreksvoerder facilitates a group (see ``roleplay_scenario_schema``)."""


@functools.cache
def _checkbox_style() -> CheckboxStyle:
    return CheckboxStyle()


@functools.cache
def _picker_style() -> DescriptionStyle:
    return DescriptionStyle()


class Roleplay(widgets.VBox):
    """The role-play section of one participant; ``now`` (UTC) is passed to the timer (tests)."""

    def __init__(self, session: ConversationSession, scenarios: ScenarioSet, part: RoleplayPart, *,
                 now: Callable[[], datetime] | None = None) -> None:
        self.session, self.scenarios, self.part = session, scenarios, part
        self.me = session.ctx.person.id
        self._now = now
        self._shown: tuple | None = None
        self._starting_over: str | None = None  # the trio shown when "Nieuw trio" was pressed
        self.trio: GroupItem | None = None
        self.round_index = -1
        self.role: str | None = None
        self.timer: RoundTimer | None = None
        self.checklist: ObserverChecklist | None = None
        self.reflection: RoundReflection | None = None
        self._feedback_view: FeedbackView | None = None
        self._feedback_sharing: widgets.Widget | None = None
        self.choices: dict[int, widgets.Checkbox] = {}
        self.scenario_picker: widgets.Dropdown | None = None
        self.next_picker: widgets.Dropdown | None = None
        self.feedback = Feedback()
        super().__init__([self.feedback], layout=styles.layout(), _dom_classes=("ww-roleplay",))
        session.on_change(lambda _: self.refresh())
        self.refresh()

    # -- what to show ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the start form or the current round; rebuilt only when the trio, its members or its round changed."""
        trios = self.session.trios_of(self.me)
        trio = trios[0] if trios else None
        if trio is not None and self._starting_over is not None and trio.item_id != self._starting_over:
            self._starting_over = None  # a newer trio (maybe a groupmate's) came in: show it
        if trio is None or self._starting_over is not None:
            key: tuple = ("start", self._starting_over)
        else:
            current = Trio.of(trio)
            key = ("trio", trio.item_id, len(current.rondes), current.leden)
        if key == self._shown:
            self.trio = trio if key[0] == "trio" else self.trio
            return
        self._shown = key  # first: saving what is pending notifies the session, which calls this again
        self._leave_round()
        self.feedback.clear()
        if key[0] == "start" or trio is None:
            self.trio, self.round_index, self.role = None, -1, None
            children = self._start_form()
        else:
            self.trio = trio
            children = self._round_view(trio)
        self.children = [*children, self.feedback]

    def _leave_round(self) -> None:
        """Save what is pending and stop the clock of the round that is no longer on show."""
        if self.timer is not None:
            self.timer.stop()
        if self.checklist is not None:
            self.checklist.saver.close()
        if self.reflection is not None:
            self.reflection.saver.flush()
        self.timer = self.checklist = self.reflection = None

    def _say(self, text: str, kind: str) -> None:
        self.feedback.show(text, kind)

    def soort_label(self, soort: str) -> str:
        """How a soort of scenario is called (its key when the content does not name it)."""
        return getattr(self.part.soorten, soort, soort)

    def _scenario_options(self) -> list[tuple[str, str]]:
        return [(f"{s.titel} ({self.soort_label(s.soort)}) — {s.korte_omschrijving}", sid)
                for sid, s in self.scenarios.scenarios]

    # -- starting a trio -------------------------------------------------------------------------------------
    def _start_form(self) -> list[widgets.Widget]:
        back, words = [], self.part.start
        if self._starting_over is not None:
            back_button = button(words.back_button, "arrow-left")
            back_button.on_click(lambda _: self._back())
            back = [back_button]
        try:
            others = [p for p in self.session.members() if p.id != self.me]
        except StoreUnavailable as exc:
            return [message(exc.message, "error"), *back]
        if len(others) < MIN_OTHERS:
            return [message(words.too_few_members, "info"), *back]
        if not self.scenarios.scenarios:
            return [message(words.no_scenarios, "info"), *back]
        self.choices = {p.id: widgets.Checkbox(False, description=p.name, indent=False,
                                               layout=styles.plain_layout(), style=_checkbox_style())
                        for p in others}
        self.scenario_picker = widgets.Dropdown(options=self._scenario_options(), layout=styles.layout(),
                                                style=_picker_style())
        start = button(words.button, "play", "ww-primary")
        start.on_click(lambda _: self.start())
        intro = static_html(f"<h3>{html.escape(words.title)}</h3><p>{html.escape(words.intro)}</p>", "ww-text")
        pick = static_html(f'<label class="ww-label">{html.escape(words.scenario_label)}</label>')
        return [intro, box(self.choices.values(), "ww-field ww-trio-members"), pick, self.scenario_picker,
                widgets.HBox([start, *back], layout=styles.plain_layout())]

    def start(self) -> None:
        """Save a new trio with the chosen groupmates and first scenario; refuse a wrong number in Dutch."""
        chosen, words = [pid for pid, check in self.choices.items() if check.value], self.part.start
        if len(chosen) < MIN_OTHERS:
            self._say(words.too_few.format(aantal=len(chosen)), "warning")
            return
        if len(chosen) > MAX_OTHERS:
            self._say(words.too_many.format(aantal=len(chosen)), "warning")
            return
        scenario_id = self.scenario_picker.value if self.scenario_picker is not None else None
        if scenario_id is None or self.scenarios.get(scenario_id) is None:
            self._say(words.choose_scenario, "warning")
            return
        before = self._starting_over
        self._starting_over = None
        try:
            self.session.put_item(Trio(new_id(), leden=(self.me, *chosen), rondes=(Ronde(scenario_id),)))
        except StoreUnavailable as exc:
            self._starting_over = before
            self._say(exc.message, "error")
            return
        self.refresh()
        self._say(words.started, "success")

    def _back(self) -> None:
        self._starting_over = None
        self.refresh()

    def start_over(self) -> None:
        """ "Nieuw trio": show the start form (the current trio stays as it is)."""
        if self.trio is not None:
            self._starting_over = self.trio.item_id
            self.refresh()

    # -- a round ---------------------------------------------------------------------------------------------
    def role_label(self, role: str, soort: str | None) -> str:
        """The role's name, with what it means in a facilitator scenario ("Gesprekspartner (speelt de groep)")."""
        texts = getattr(self.part.roles, role)
        extra = texts.facilitator if soort == FACILITATOR else ""
        return f"{texts.naam} ({extra})" if extra else texts.naam

    def _round_view(self, trio: GroupItem) -> list[widgets.Widget]:
        current = Trio.of(trio)
        members, rounds = current.leden, current.rondes
        controls = self._round_controls(trio, rounds)
        if not rounds or self.me not in members or len(members) < 3:
            self.round_index, self.role = -1, None
            return [message(self.part.round.unreadable, "warning"), *controls]
        index = len(rounds) - 1
        scenario_id = rounds[index].scenario
        scenario = self.scenarios.get(scenario_id) if scenario_id is not None else None
        cast = current.roles(index)
        self.round_index, self.role = index, cast[self.me]
        soort = scenario.soort if scenario is not None else None
        children: list[widgets.Widget] = [static_html(self._header_html(index, scenario, cast, soort), "ww-text")]
        if scenario is None:
            children.append(message(self.part.round.scenario_gone.format(scenario=scenario_id), "warning"))
        else:
            self.timer = RoundTimer(self.session, trio.item_id, index, scenario.duur_minuten, self.part.timer,
                                    now=self._now)
            children += [self.timer, static_html(self._scenario_html(scenario), "ww-text ww-scenario")]
            if self.role == OBSERVATOR:
                self.checklist = ObserverChecklist(self.session, self.part, scenario, trio_id=trio.item_id,
                                                   round_index=index, voor=current.lead(index),
                                                   scenario_id=scenario_id)
                children.append(self.checklist)
        self.reflection = RoundReflection(self.session.ctx, self.part, trio.item_id, index)
        earlier = EarlierReflections(self.session, self.part, self.scenarios, trio_id=trio.item_id, round_index=index)
        if self._feedback_view is None:
            self._feedback_view = FeedbackView(self.session, self.part, self.scenarios)
            self._feedback_sharing = sharing(self.session.ctx, self.part)
        return [*children, self.reflection, earlier, self._feedback_view, self._feedback_sharing, *controls]

    def _header_html(self, index: int, scenario: Scenario | None, cast: dict[int, str], soort: str | None) -> str:
        words = self.part.round
        if scenario is None:
            title, sub = words.title.format(nummer=index + 1), ""
        else:
            title = words.title_with_scenario.format(nummer=index + 1, titel=scenario.titel)
            details = words.details.format(soort=self.soort_label(scenario.soort), minuten=scenario.duur_minuten)
            sub = f'<p class="ww-hint">{html.escape(details)}</p>'
        rows = []
        for member in sorted(cast, key=lambda m: ROLES.index(cast[m])):
            name = self.session.author(member)
            label = html.escape(self.role_label(cast[member], soort))
            if member == self.me:
                me = format_html(words.me, naam=name)
                rows.append(f'<li class="ww-role-mine"><mark><strong>{me}</strong>: {label}</mark></li>')
            else:
                rows.append(f"<li>{name_html(name)}: {label}</li>")
        role = cast[self.me]
        mine = getattr(self.part.roles, role)
        help_text = mine.uitleg + ("\n\n" + mine.facilitator_uitleg if soort == FACILITATOR else "")
        my_role = html.escape(words.my_role.format(rol=self.role_label(role, soort)))
        return (f"<h3>{html.escape(title)}</h3>{sub}<ul class='ww-trio'>{''.join(rows)}</ul>"
                f'<div class="ww-notice ww-role-help"><strong>{my_role}</strong>{render_markdown(help_text)}</div>')

    def _scenario_html(self, scenario: Scenario) -> str:
        """The situation for everyone; the rolkaart only for the gesprekspartner, the assignment for the others."""
        words = self.part.round
        text = f"<h4>{html.escape(words.situation_title)}</h4>{render_markdown(scenario.situatie)}"
        if self.role == GESPREKSPARTNER:
            text += (f"<h4>{html.escape(words.rolkaart_title)}</h4>"
                     f'<div class="ww-notice ww-rolkaart">{render_markdown(scenario.rolkaart)}</div>')
        else:
            title = words.assignment_title_facilitator if scenario.soort == FACILITATOR else words.assignment_title
            text += f"<h4>{html.escape(title)}</h4>{render_markdown(scenario.opdracht_gespreksvoerder)}"
        if scenario.bron:
            text += f'<p class="ww-source">{html.escape(scenario.bron)}</p>'
        return text

    def _round_controls(self, trio: GroupItem, rounds: tuple[Ronde, ...]) -> list[widgets.Widget]:
        options = self._scenario_options()
        played = {r.scenario for r in rounds}
        fresh = [sid for _, sid in options if sid not in played]
        self.next_picker = widgets.Dropdown(options=options, value=(fresh or [options[0][1]])[0] if options else None,
                                            layout=styles.layout(), style=_picker_style())
        words = self.part.next_round
        next_button = button(words.button, "forward", "ww-primary")
        new_trio = button(words.new_trio_button, "users")
        seen = len(rounds)
        next_button.on_click(lambda _: self.next_round(trio.item_id, seen))
        new_trio.on_click(lambda _: self.start_over())
        text = static_html(f"<h4>{html.escape(words.title)}</h4><p>{html.escape(words.intro)}</p>"
                           f'<label class="ww-label">{html.escape(words.picker_label)}</label>', "ww-text")
        return [text, self.next_picker, widgets.HBox([next_button, new_trio], layout=styles.plain_layout())]

    def next_round(self, trio_id: str | None = None, seen: int | None = None) -> None:
        """Append a round with the chosen scenario, unless a trio member just did (then show theirs)."""
        trio_id = trio_id or (self.trio.item_id if self.trio is not None else None)
        seen = len(Trio.of(self.trio).rondes) if seen is None and self.trio is not None else seen
        scenario_id = self.next_picker.value if self.next_picker is not None else None
        words = self.part.next_round
        if trio_id is None or seen is None:
            return
        if scenario_id is None or self.scenarios.get(scenario_id) is None:
            self._say(words.choose_scenario, "warning")
            return
        refused: list[str] = []

        def append(item: GroupItem | None) -> dict | None:
            """The trio with one more round, unless it is gone or a member just began the next one."""
            refused.clear()
            if item is None or item.deleted:
                refused.append(words.trio_gone)
                return None
            trio = Trio.of(item)
            if len(trio.rondes) != seen:
                refused.append(words.already_started)
                return None
            return trio.with_round(scenario_id).data()

        try:
            self.session.reload()
            self.session.update(Trio.KIND, trio_id, append)
        except StoreUnavailable as exc:
            self._say(exc.message, "error")
            return
        if refused:
            self._say(refused[0], "warning" if refused[0] == words.trio_gone else "info")
            return
        self._say(words.started.format(nummer=seen + 1), "success")


def section(ctx: Context) -> widgets.Widget:
    """The ``roleplay`` part of ``dag3.yaml`` (nothing for someone in no group)."""
    from wijwerken_widgets.pages.dag3.roleplay_scenarios import load_scenarios

    part, current = texts.load().exercises.roleplay, page_conversations(ctx)
    if current is None:
        return hidden()
    return Exercise(part.title, part.instruction, [Roleplay(current, load_scenarios(), part)])
