"""Helpers for Dag 3's tests: sessions, a Dag 2 map for the shortlist, the plans, reports and role-play driven from
Python, and what a participant reads (or the browser would receive) from a widget."""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta, timezone

import ipywidgets as widgets

from tests.support.maps import map_session
from wijwerken_widgets.pages.dag3 import texts as dag3_texts
from wijwerken_widgets.pages.dag3.plans import ConversationPlans
from wijwerken_widgets.pages.dag3.plans_editor import PlanEditor
from wijwerken_widgets.pages.dag3.reports import ConversationReports
from wijwerken_widgets.pages.dag3.roleplay import Roleplay
from wijwerken_widgets.shared.conversations.session import ConversationSession
from wijwerken_widgets.shared.stakeholders.model import validate_stakeholder
from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import Feedback

PLANS = dag3_texts.load().exercises.plans
REPORTS = dag3_texts.load().exercises.reports

GESPREK = "01-sceptische-collega"
FACILITATOR = "06-groep-zeg-jij-maar"

WETHOUDER = {"naam": "Wethouder Jansen", "soort": "bestuur", "energie_nu": "weerstand",
             "energie_gewenst": "trekker"}
BEWONER = {"naam": "Bewoner A.", "soort": "inwoner", "energie_nu": "neutraal", "energie_gewenst": "steunend"}
COLLEGA = {"naam": "Collega B.", "soort": "collega", "energie_nu": "steunend", "energie_gewenst": "steunend"}


# -- what a participant reads ------------------------------------------------------------------------------------


def html_text(widget: widgets.Widget) -> str:
    """What a participant reads in an HTML widget (tags dropped, entities resolved)."""
    return html.unescape(re.sub(r"<[^>]+>", "", widget.value))


def said(where: Feedback | widgets.Box) -> str:
    """What a form's feedback line says, or the text of the first notice in a box ("" when it shows none)."""
    if isinstance(where, Feedback):
        return where.text
    return html_text(where.children[0]) if where.children else ""


def all_widgets(root: widgets.Widget) -> list[widgets.Widget]:
    """Every widget reachable from ``root`` (children, and any widget held in a synced trait)."""
    found, stack = {}, [root]
    while stack:
        widget = stack.pop()
        if id(widget) in found:
            continue
        found[id(widget)] = widget
        for name in widget.keys:
            value = getattr(widget, name)
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, widgets.Widget):
                    stack.append(item)
    return list(found.values())


def sent(root: widgets.Widget) -> str:
    """All state the browser would receive for ``root``'s widget tree, as readable text."""
    states = (json.dumps(w.get_state(), ensure_ascii=False, default=str) for w in all_widgets(root))
    return html.unescape("\n".join(states))


# -- plans and reports -------------------------------------------------------------------------------------------


def new_session(ctx: Context) -> ConversationSession:
    """The group's conversations in a kernel that only polls when the test says so."""
    return ConversationSession(ctx, poll_seconds=None)


def new_map(ctx: Context, *people: dict) -> MapSession:
    """The group's Dag 2 map with ``people`` added (the shortlist's source)."""
    session = map_session(ctx)
    session.add([validate_stakeholder(p) for p in people])
    return session


def new_plans(ctx: Context, *people: dict) -> ConversationPlans:
    """The plans section on a map of ``people`` (no map at all without them)."""
    return ConversationPlans(new_session(ctx), new_map(ctx, *people) if people else None, PLANS)


def editor_of(plans: ConversationPlans) -> PlanEditor:
    """The editor of the plan chosen in the selector."""
    return plans.editors[plans.selector.value]


def reports_with_plan(ctx: Context) -> tuple[ConversationReports, str, str]:
    """The reports section after a plan with the Wethouder: the section, the plan's id and the stakeholder's id."""
    plans = new_plans(ctx, WETHOUDER)
    stakeholder_id = plans.map_session.map.stakeholders[0].id
    plan_id = plans.take_on(stakeholder_id)
    return ConversationReports(plans.session, REPORTS), plan_id, stakeholder_id


# -- role-play ---------------------------------------------------------------------------------------------------


class Clock:
    """An injectable ``now`` that the test moves forward."""

    def __init__(self) -> None:
        self.moment = datetime(2025, 3, 12, 9, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


def new_views(people: list[Context], scenarios, part, now=None) -> list[Roleplay]:
    """The role-play section of each of ``people``, each in their own kernel."""
    return [Roleplay(new_session(p), scenarios, part, now=now) for p in people]


def start_trio(view: Roleplay, scenario_id: str = GESPREK, others: int = 2) -> None:
    """Tick the first ``others`` groupmates, pick the scenario, press "Start het trio"."""
    for n, check in enumerate(view.choices.values()):
        check.value = n < others
    view.scenario_picker.value = scenario_id
    view.start()


def reload_all(views: list[Roleplay]) -> None:
    """What the next poll of each kernel does."""
    for view in views:
        view.session.reload()
