"""WCAG 2.1 AA with axe-core (offline) on every workbook page, logged out, as a participant and as a trainer.

Serious and critical violations fail the test unless tests/browser/axe_exceptions.yaml lists them for that view; an
exception that no longer occurs fails too, so that the list only shrinks. Every violation (any impact) is printed.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.support.accessibility import load_exceptions, run_axe, summary, unexpected_and_stale, wait_rendered
from tests.support.dag3 import new_map
from tests.support.dag4 import hold_conversations
from tests.support.kruisbestuiving import share
from tests.support.workbook import Workbook, log_in
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.shared.act.interventions import Interventie
from wijwerken_widgets.shared.act.items import Actie, Thema
from wijwerken_widgets.shared.act.monitoring import Status
from wijwerken_widgets.shared.act.session import ActSession
from wijwerken_widgets.ui.context import Context

pytestmark = pytest.mark.browser

PAGES = ["start", "dag1", "dag2", "dag3", "dag4", "maanden", "pechakucha", "logboek", "toegankelijkheid", "trainer",
         "groepswerk", "kruisbestuiving", "vandaag"]
SERVER_PAGES = {"login": "login", "login_wrong": "login", "statement": "toegankelijkheid"}
"""The server's own pages, before logging in (path under the server); ``login_wrong`` after a wrong code."""
ROLES = ["participant", "trainer"]
VIEWS = [f"{page}-{role}" for role in ROLES for page in PAGES] + [f"{page}-logged_out" for page in SERVER_PAGES]


@pytest.fixture(scope="module", autouse=True)
def _a_filled_map(workbook: Workbook) -> None:
    """The participant's group has a map, so axe also checks Dag 2's graph, its tables and Dag 3's shortlist, and a
    held conversation with a quote and a theme, so axe checks Dag 4's assignment, evidence and gaps tables, and an
    action with a status update and an open mini-interventie, so axe checks the three months' forms and views, and
    three municipalities' groups that share, so axe checks the kruisbestuiving columns."""
    with workbook.store() as store:
        for gemeente in ("Almere", "Breda", "Delft"):
            share(store, gemeente, f"Rode draad van {gemeente}", "Fatima Yilmaz")
        person = next(p for p in store.people(1) if p.name == workbook.participant(0).naam)
        ctx = Context.for_person(store, person)
        hold_conversations(ctx, ({"naam": "Wethouder Jansen", "soort": "bestuur"}, "ja", ["Het loket is te ver weg"]))
        act = ActSession(ctx, poll_seconds=None)
        act.put_item(Thema(new_id(), naam="Bereikbaarheid"))
        action = Actie(new_id(), wat="Inloopspreekuur in de wijk", eigenaar_soort="groep", start="2026-10-01",
                       eind="2026-12-01")
        act.put_item(action)
        act.put_item(Status(new_id(), action.id, "hapert", "Zaal is weg", "2026-11-01", True, person.id))
        act.put_item(Interventie(new_id(), actie_id=action.id, wie="Noor en de wijkagent", hoop="Een eigen zaal",
                                 door=person.id))
        new_map(ctx,
                {"naam": "Wijkraad <script>x</script>", "soort": "inwoner", "invloed": 2, "belang": 5,
                 "energie_nu": "weerstand", "energie_gewenst": "steunend"},
                {"naam": "Teamleider Wonen", "soort": "collega", "invloed": 5, "belang": 2},
                {"naam": "Woningcorporatie Thuis", "soort": "ketenpartner", "invloed": 4, "belang": 4,
                 "energie_nu": "steunend", "energie_gewenst": "trekker"})


def _open(workbook: Workbook, page: Page, name: str, role: str) -> None:
    if role == "logged_out":
        page.goto(workbook.server.url + SERVER_PAGES[name])
        if name == "login_wrong":
            page.locator(".ww-login input[type=password]").fill("ABCD-EFGH-JKMN-PQRS")
            page.get_by_role("button", name="Inloggen").click()
            expect(page.get_by_role("alert")).to_contain_text("Deze code kennen we niet")
        wait_rendered(page, logged_in=False)
        return
    code = workbook.participant(0) if role == "participant" else next(c for c in workbook.codes if c.rol == "trainer")
    page.goto(workbook.url("start.ipynb"))  # to the login page, and back after logging in
    log_in(page, code.code)
    page.goto(workbook.url(f"{name}.ipynb"))  # the page as it opens for someone already logged in
    wait_rendered(page, logged_in=True)
    expect(page.locator(".ww-who")).to_contain_text("Ingelogd als")


@pytest.mark.parametrize("view", VIEWS)
def test_no_serious_or_critical_axe_violations(workbook: Workbook, context: BrowserContext, page: Page, view: str) -> None:
    """Does axe find no serious or critical WCAG 2.1 A/AA violation beyond the known exceptions for this view?"""
    name, role = view.split("-", 1)
    _open(workbook, page, name, role)
    if view == "dag2-participant":
        expect(page.locator(".ww-network-table")).to_contain_text("Woningcorporatie Thuis")
    if view == "maanden-participant":
        expect(page.locator(".ww-since-line")).to_contain_text("Inloopspreekuur in de wijk")
        expect(page.locator(".ww-intervention")).to_contain_text("Noor en de wijkagent")
    if view == "kruisbestuiving-trainer":
        expect(page.locator(".ww-kruis-gemeente")).to_have_count(3)
    expect(page.get_by_role("main")).to_have_count(1)  # one main landmark with the page's one <h1>
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("main").locator("h1")).to_have_count(1)
    violations = run_axe(page)
    print("\n" + summary(view, violations))
    unexpected, stale = unexpected_and_stale(view, violations, load_exceptions())
    assert not unexpected, f"{view}: serious/critical axe violations not in axe_exceptions.yaml: {unexpected}"
    assert not stale, f"{view}: listed in axe_exceptions.yaml but no longer found, remove them: {stale}"


def test_the_exceptions_file_names_only_known_views() -> None:
    """Does every exception name a rule and only views this test opens?"""
    for exception in load_exceptions():
        assert set(exception.pages) <= set(VIEWS), exception
        assert exception.rule and exception.wcag, exception
