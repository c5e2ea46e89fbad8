import pytest
from playwright.sync_api import Page, expect
from tests.support.dag4 import hold_conversations
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.shared.act import operations
from wijwerken_widgets.shared.act.items import Thema, Fase, TOGETHER
from wijwerken_widgets.shared.act.session import ActSession
from wijwerken_widgets.ui.context import Context
pytestmark = pytest.mark.browser

def test_shot(workbook: Workbook, page: Page) -> None:
    with workbook.store() as store:
        people = {p.name: p for p in store.people(1)}
        ctx = Context.for_person(store, people[workbook.participant(0).naam])
        held = hold_conversations(ctx, ({"naam": "Wethouder Jansen", "soort": "bestuur"}, "ja", ["Ik wil dat het sneller gaat", "Het loket is te ver weg"]),
            ({"naam": "Bewoner Ali", "soort": "inwoner"}, "nee", ["geheim"]),
            ({"naam": "Wijkagent Noord", "soort": "ketenpartner"}, "ja", ["Mensen weten niet waar ze heen moeten"]),
            ({"naam": "Collega Loket", "soort": "collega"}, "ja", ["We sturen mensen van het kastje naar de muur"]))
        s = ActSession(ctx, poll_seconds=None)
        a, b = Thema(new_id(), naam="Van het kastje naar de muur", wel="inwoners weten niet waar ze terechtkunnen"), Thema(new_id(), naam="Snelheid")
        s.put_item(a); s.put_item(b)
        for h in (held[0], held[2], held[3]):
            s.apply(lambda h=h: operations.set_link(s.items, h.quote_ids[0], a.id, "steunt", door=ctx.person.id, fase=TOGETHER))
        s.apply(lambda: operations.set_link(s.items, held[0].quote_ids[1], b.id, "steunt", door=ctx.person.id, fase=TOGETHER))
        s.put_item(Fase(fase=TOGETHER))
    page.set_viewport_size({"width": 1280, "height": 9000})
    page.goto(workbook.url("dag4.ipynb"))
    log_in(page, workbook.participant(0).code)
    expect(page.locator(".ww-evidence")).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-vote")).to_be_visible(timeout=LOAD_TIMEOUT)
    page.screenshot(path="/tmp/dag4.png")
