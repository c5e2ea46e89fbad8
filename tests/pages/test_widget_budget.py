"""Does a page keep the same number of live widget models however often its forms save or fail?

Every widget is a model in the kernel and in the browser; a page that makes a new widget for each notice or status
grows without end on a training day. Each page is built as its notebook builds it, then one save and one error
warm it up (rarely needed widgets, such as the retry button, are made on first use), and then 50 saves and 50
errors must leave the count of live models where it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import ipywidgets as widgets
import pytest
from ipywidgets.widgets.widget import _instances

from wijwerken_widgets.pages import dag1, dag2, dag3, dag4, logboek, pechakucha
from wijwerken_widgets.pages.dag2.entry_form import StakeholderForm
from wijwerken_widgets.pages.dag3.plans import ConversationPlans
from wijwerken_widgets.pages.dag4.themes_quotes import QuoteAssigner
from wijwerken_widgets.pages.pechakucha.download import FileMaker
from wijwerken_widgets.pages.pechakucha.editor import SlideEditor
from wijwerken_widgets.shared.logbook.widget import Logbook
from wijwerken_widgets.shared.stakeholders.model import validate_stakeholder
from wijwerken_widgets.shared.stakeholders.session import page_map
from wijwerken_widgets.store import Store
from wijwerken_widgets.store.engine import make_engine
from wijwerken_widgets.ui.context import Context

ROUNDS = 50
Locked = Callable[[], AbstractContextManager[None]]


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """The demo store, giving up on a locked database after 5 ms: the 50 errors need no more to happen."""
    Store.open(db_url).close()
    opened = Store(make_engine(db_url, lock_timeout_ms=5))
    yield opened
    opened.close()


def _tree(widget: widgets.Widget) -> Iterator[widgets.Widget]:
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _tree(child)


def _find(sections: list[widgets.Widget], kind: type) -> widgets.Widget:
    return next(w for section in sections for w in _tree(section) if isinstance(w, kind))


def _live() -> int:
    return len(_instances)


def _steady(save: Callable[[int], None], fail: Callable[[int], None], locked: Locked) -> tuple[int, int]:
    """The live model count after a warm-up save and error, and after ROUNDS more of each."""
    save(0)
    with locked():
        fail(0)
    before = _live()
    for i in range(1, ROUNDS + 1):
        save(i)
        with locked():
            fail(i)
    return before, _live()


def _typing(field: widgets.Widget) -> Callable[[int], None]:
    """Typing a new text into an autosaved field (outside a kernel, it saves at once)."""
    return lambda i: setattr(field, "value", f"Tekst {i}")


def test_dag1(ctx: Context, write_locked: Locked) -> None:
    """Dag 1: typing the hoofdvraag, saved or refused by a locked store."""
    sections = [m.section(ctx) for m in (dag1.vraagstuk_choice, dag1.problem_statement, dag1.assumptions,
                                         dag1.real_problem, dag1.summary_card)]
    field = next(w for w in _tree(sections[1]) if isinstance(w, widgets.Textarea))
    before, after = _steady(_typing(field), _typing(field), write_locked)
    assert after == before


def test_dag2(ctx: Context, write_locked: Locked) -> None:
    """Dag 2: changing a stakeholder in the form, and the form's errors (no name; a locked store)."""
    page_map(ctx).add([validate_stakeholder({"naam": "Wijkagent"})])
    sections = [m.section(ctx) for m in (dag2.entry, dag2.network, dag2.grid, dag2.energy, dag2.insight,
                                         dag2.history, dag2.export)]
    form = _find(sections, StakeholderForm)
    stakeholder = page_map(ctx).map.stakeholders[0]

    def save(i: int) -> None:
        form.load(stakeholder)
        form.fields["notitie"].value = f"Notitie {i}"
        form.submit()

    def fail(i: int) -> None:
        form.load(None)
        form.fields["naam"].value = "" if i % 2 else f"Nieuw {i}"
        form.submit()

    before, after = _steady(save, fail, write_locked)
    assert after == before


def test_dag3(ctx: Context, write_locked: Locked) -> None:
    """Dag 3: typing in a conversation plan, saved or refused by a locked store."""
    page_map(ctx, poll_seconds=None).add([validate_stakeholder({"naam": "Wethouder", "invloed": 5, "belang": 5,
                                                                "energie_nu": "weerstand", "energie_gewenst": "trekker"})])
    sections = [m.section(ctx) for m in (dag3.plans, dag3.reports, dag3.roleplay, dag3.logbook, dag3.trainer)]
    plans = _find(sections, ConversationPlans)
    plans.take_buttons.children[0].click()
    editor = next(w for w in _tree(plans.plans_area) if isinstance(w, widgets.Textarea))
    before, after = _steady(_typing(editor), _typing(editor), write_locked)
    assert after == before


def test_dag4(ctx: Context, write_locked: Locked) -> None:
    """Dag 4: linking a quote to a theme and back, saved or refused by a locked store."""
    from tests.support.dag4 import hold_conversations, sources
    from wijwerken_widgets.core.ids import new_id
    from wijwerken_widgets.shared.act.items import SUPPORTS, Thema
    from wijwerken_widgets.shared.act.session import page_act

    hold_conversations(ctx, ({"naam": "Wethouder", "soort": "bestuur"}, "ja", ["Het loket is te ver weg"]))
    sources(ctx)
    theme = Thema(new_id(), naam="Bereikbaarheid")
    page_act(ctx).put_item(theme)
    sections = [m.section(ctx) for m in (dag4.themes, dag4.vote, dag4.feedback, dag4.plan, dag4.logbook,
                                         dag4.trainer)]
    choice = _find(sections, QuoteAssigner)._selects[theme.id]

    def toggle(i: int) -> None:
        choice.value = SUPPORTS if choice.value == "" else ""

    before, after = _steady(toggle, toggle, write_locked)
    assert after == before


def test_maanden(ctx: Context, write_locked: Locked) -> None:
    """The three months: a new status for an action, written or refused by a locked store (every written status
    grows the history and the views, never the widgets)."""
    from tests.support.dag4 import sources
    from wijwerken_widgets.core.ids import new_id
    from wijwerken_widgets.pages import maanden
    from wijwerken_widgets.pages.maanden.since import SinceView
    from wijwerken_widgets.shared.act.items import Actie
    from wijwerken_widgets.shared.act.session import page_act

    sources(ctx)
    action = Actie(new_id(), wat="Inloopspreekuur", eigenaar_soort="groep", start="2027-02-01", eind="2027-04-01")
    page_act(ctx).put_item(action)
    sections = [m.section(ctx) for m in (maanden.since, maanden.monitoring, maanden.interventions, maanden.calendar,
                                         maanden.olievlek, maanden.logbook, maanden.trainer)]
    line = _find(sections, SinceView).lines[action.id]

    def update(i: int) -> None:
        line.note.value = f"Stand {i}"
        line.submit()

    before, after = _steady(update, update, write_locked)
    assert after == before


def test_logboek(ctx: Context, write_locked: Locked) -> None:
    """The logboek page: editing an entry, adding an empty one, and adding while the store is locked."""
    logbook: Logbook = logboek.logbook(ctx)
    logbook.text.value = "Eerste stukje"
    logbook.add()
    [card] = logbook.cards

    def fail(i: int) -> None:
        logbook.text.value = "" if i % 2 else f"Niet bewaard {i}"
        logbook.add()
        card.text.value = f"Niet bewaard, aangevuld {i}"

    before, after = _steady(lambda i: setattr(card.text, "value", f"Herzien {i}"), fail, write_locked)
    assert after == before
    assert len(logbook.cards) == 1


def test_pechakucha(ctx: Context, write_locked: Locked) -> None:
    """The pecha kucha: typing a slide's title and moving it, making the file, saved or refused by a locked store."""
    sections = [m.section(ctx) for m in (pechakucha.editor, pechakucha.download)]
    editor, maker = _find(sections, SlideEditor), _find(sections, FileMaker)
    editor.add_own()
    editor.add_own()

    def save(i: int) -> None:
        editor.slots[0].fields["titel"].value = f"Titel {i}"
        editor.move(0, 1)
        maker.make()

    before, after = _steady(save, _typing(editor.slots[1].fields["tekst"]), write_locked)
    assert after == before


def test_trainer(store: Store, codes, ctx: Context, write_locked: Locked) -> None:
    """The trainer page: "Vernieuwen", choosing an exercise in "Wie mist nog?" and making a download, while
    participants save (or the store is locked); reading never makes widgets."""
    from wijwerken_widgets.pages import trainer
    from wijwerken_widgets.pages.trainer.downloads import Downloads
    from wijwerken_widgets.pages.trainer.matrix import MatrixView
    from wijwerken_widgets.pages.trainer.missing import MissingView
    from wijwerken_widgets.people.identity import login

    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    coach = Context.for_person(store, person)
    sections = [m.section(coach) for m in (trainer.matrix, trainer.missing, trainer.feedback, trainer.groups,
                                           trainer.downloads)]
    matrix, missing, files = _find(sections, MatrixView), _find(sections, MissingView), _find(sections, Downloads)
    options = [value for _label, value in missing.choice.options]

    def read(i: int) -> None:
        matrix.refresh_button.click()
        missing.choice.value = options[i % len(options)]
        files.buttons[i % 2].click()

    before, after = _steady(read, read, write_locked)
    assert after == before


def test_groepswerk(store: Store, codes, ctx: Context, write_locked: Locked) -> None:
    """"Werk van de groepen": "Vernieuwen" and a download of every part, while the store is free or locked;
    reading never makes widgets."""
    from wijwerken_widgets.pages import groepswerk
    from wijwerken_widgets.pages.groepswerk.view import GroupSection
    from wijwerken_widgets.people.identity import login

    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    coach = Context.for_person(store, person)
    built = [m.section(coach) for m in (groepswerk.chooser, groepswerk.vraagstukken, groepswerk.kaart,
                                        groepswerk.gesprekken, groepswerk.rode_draden, groepswerk.logboek)]
    parts = [w for section in built for w in _tree(section) if isinstance(w, GroupSection)]
    assert len(parts) == 5

    def read(i: int) -> None:
        for part in parts:
            part.refresh_button.click()
            buttons = list(part.buttons.values())
            buttons[i % len(buttons)].click()

    before, after = _steady(read, read, write_locked)
    assert after == before
