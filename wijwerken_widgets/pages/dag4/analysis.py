"""The group's rode-draden analysis as one member sees it: the page's sections read it, and change it only through
:meth:`Analysis.act`.

It joins the Dag 4 items (:class:`~wijwerken_widgets.shared.act.session.ActSession`) and what they are about (the
consented quotes of :class:`~wijwerken_widgets.shared.act.sources.Sources`), and applies the silent phase: until the
group reveals, a member assigns only the quotes of the conversations they held and sees only their own links. A
trainer sees everything.
"""

from __future__ import annotations

from collections.abc import Callable

from wijwerken_widgets.pages.dag4 import texts
from wijwerken_widgets.shared.act import evidence
from wijwerken_widgets.shared.act.evidence import Evidence, Quote, Thresholds
from wijwerken_widgets.shared.act.items import SILENT, TOGETHER, Koppeling, Thema
from wijwerken_widgets.shared.act.session import ActSession, page_act
from wijwerken_widgets.shared.act.sources import Sources, page_sources
from wijwerken_widgets.shared.stakeholders.model import POSITIES, SOORTEN
from wijwerken_widgets.store import ItemChange, Person, StaleItems, StoreUnavailable
from wijwerken_widgets.ui.context import Context

KEY = "dag4-analysis"
MAX_THEMES = 40
MAX_NAME = 80


class Analysis:
    """One group's analysis in one kernel; ``on_change`` listeners redraw after every change, own or polled."""

    def __init__(self, ctx: Context, session: ActSession, sources: Sources) -> None:
        self.ctx, self.session, self.sources = ctx, session, sources
        content = texts.load()
        self.part, self.common = content.exercises.themes, content.common
        ev = self.part.evidence
        self.thresholds = Thresholds(ev.breed_gesprekken, ev.breed_soorten)
        self.me = ctx.person.id
        self.trainer = ctx.person.role == "trainer"

    def on_change(self, listener: Callable[[], None]) -> None:
        self.session.on_change(lambda _: listener())
        self.sources.on_change(lambda _: listener())

    # -- reading ---------------------------------------------------------------------------------------------
    @property
    def phase(self) -> str:
        """The phase this member works in (a trainer always sees everything)."""
        return TOGETHER if self.trainer else self.session.phase().fase

    def themes(self) -> list[Thema]:
        return self.session.themes()

    def quotes(self) -> list[Quote]:
        """The quotes this member assigns now."""
        return evidence.own_quotes(self.sources.quotes, phase=self.phase, person_id=self.me)

    def links(self) -> list[Koppeling]:
        """The links this member sees now."""
        return evidence.visible_links(self.session.links(), self.themes(), self.sources.quotes, phase=self.phase,
                                      person_id=self.me)

    def evidence(self) -> dict[str, Evidence]:
        return evidence.evidence(self.themes(), self.links(), self.sources.quotes, self.thresholds)

    def members(self) -> list[Person]:
        """The participants of the group."""
        if self.ctx.cohort is None:
            return []
        return [p for p in self.ctx.store.people(self.ctx.cohort.id)
                if p.group_id == self.session.group_id and p.role == "deelnemer"]

    def soort(self, key: str) -> str:
        return SOORTEN.get(key, self.common.unknown_stakeholder)

    def positie(self, key: str) -> str:
        return POSITIES.get(key, "")

    def who(self, person_id: int | None) -> str:
        return self.common.nobody if person_id is None else self.session.author(person_id)

    def theme_names(self) -> dict[str, str]:
        """Every theme ever made (removed ones too), by id: history lines name them."""
        return {item_id: Thema.of(i).naam for (kind, item_id), i in self.session.items.items() if kind == Thema.KIND}

    # -- writing ---------------------------------------------------------------------------------------------
    def act(self, build: Callable[[], list[ItemChange]]) -> str | None:
        """Save what ``build`` makes (see ``ActSession.apply``); a Dutch message when it could not be saved."""
        try:
            self.session.apply(build)
        except StoreUnavailable as exc:
            return exc.message
        except StaleItems:
            return self.part.editor.changed_meanwhile.format(wie=self.common.nobody)
        return None

    @property
    def link_phase(self) -> str:
        """The phase stored with a new link."""
        return SILENT if self.phase == SILENT else TOGETHER


def page_analysis(ctx: Context) -> Analysis | None:
    """The page's analysis (made once, shared by its sections), or ``None`` for someone in no group."""
    if KEY not in ctx.shared:
        session, sources = page_act(ctx), page_sources(ctx)
        ctx.shared[KEY] = None if session is None or sources is None else Analysis(ctx, session, sources)
    return ctx.shared[KEY]
