"""Dag 2 in real headless Chromium against `wijwerken serve`: the group's stakeholder map, shared and drawn.

The module's workbook is shared, and participants 0, 1 and 2 of the demo cohort are all in "Groep Buiten": their
map grows from test to test, so every test uses its own stakeholder names and checks counts relative to a read.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, BrowserContext, FrameLocator, Locator, Page, expect

from tests.support.browser import RequestLog
from tests.support.voila_server import PrintedCode
from tests.support.waiting import wait_for
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.shared.stakeholders.model import validate_relation, validate_stakeholder
from wijwerken_widgets.shared.stakeholders.session import MapSession
from wijwerken_widgets.ui.context import Context

pytestmark = pytest.mark.browser

NAAM = "input[placeholder^='Bijvoorbeeld: Wethouder']"
GROUP = "Groep Buiten"
SYNC_TIMEOUT = 45_000  # a groupmate's change: polled every 3 s; a fresh kernel also loads networkx/pyvis to redraw
SAVE_TIMEOUT = 45_000  # the first save in a kernel loads networkx, scipy and pyvis
XSS_NAME = "<img src=x onerror=alert(1)>"
XSS_NOTE = "<script>alert(2)</script> href"
QUADRANTS = ("Nauw betrekken", "Tevreden houden", "Informeren", "Monitoren")


# --- helpers ------------------------------------------------------------------------------------------------------


def status(page: Page) -> Locator:
    return page.locator(".ww-map-status")


def form(page: Page) -> Locator:
    return page.locator(".ww-stakeholder-form")


def picker(page: Page) -> Locator:
    """The form's "Stakeholder" dropdown (its option values are the names)."""
    return form(page).get_by_label("Stakeholder", exact=True)


def picker_option(page: Page, naam: str) -> Locator:
    """The picker's option for ``naam`` (its text has no-break spaces; its value is the name as typed)."""
    assert '"' not in naam and "\\" not in naam
    return picker(page).locator(f'option[value="{naam}"]')


def counted(n: int) -> re.Pattern[str]:
    """The status line saying exactly ``n`` stakeholders (so 1 does not match 11)."""
    noun = "stakeholder" if n == 1 else "stakeholders"
    return re.compile(rf"^Kaart van \u2068{GROUP}\u2069: {n} {noun}, \d+ relaties? · bijgewerkt \d\d:\d\d$")


def stakeholder_count(page: Page) -> int:
    match = re.search(r": (\d+) stakeholders?,", status(page).inner_text())
    assert match, status(page).inner_text()
    return int(match.group(1))


def open_dag2(page: Page, workbook: Workbook, participant: PrintedCode) -> None:
    """Open Dag 2, log in, and wait until the status line shows the group's map."""
    page.goto(workbook.url("dag2.ipynb"))
    log_in(page, participant.code)
    expect(status(page)).to_contain_text(f"Kaart van \u2068{GROUP}\u2069:", timeout=LOAD_TIMEOUT)
    expect(form(page).locator(NAAM)).to_be_visible(timeout=LOAD_TIMEOUT)


def add_stakeholder(page: Page, naam: str, notitie: str = "", functie: str = "", **choices: str) -> None:
    """Fill the form (``choices``: dropdown label → option label) and wait for the confirmation."""
    before = stakeholder_count(page)
    form(page).locator(NAAM).fill(naam)
    if functie:
        form(page).get_by_label("Functie of rol (optioneel)", exact=True).fill(functie)
    if notitie:
        form(page).get_by_label("Notitie", exact=True).fill(notitie)
    for label, option in choices.items():
        form(page).get_by_label(label, exact=True).select_option(label=option)
    form(page).get_by_role("button", name="Stakeholder toevoegen").click()
    expect(form(page).locator(".ww-notice")).to_have_text(f"'{naam}' staat op de kaart.", timeout=SAVE_TIMEOUT)
    expect(status(page)).to_have_text(counted(before + 1), timeout=SAVE_TIMEOUT)


def graph_frame(page: Page) -> FrameLocator:
    return page.frame_locator(".ww-graph iframe")


# --- tests --------------------------------------------------------------------------------------------------------


def test_two_groupmates_see_each_others_stakeholders_without_reloading(
    workbook: Workbook, page: Page, request_log: RequestLog, second_context: BrowserContext
) -> None:
    """When two people of one group work on the map on their own laptops, does each see the other's additions
    appear by themselves (count, picker, grid, history), and does neither browser talk to another machine?"""
    second_log = RequestLog(second_context)
    anna, bram = workbook.participant(0), workbook.participant(1)
    other = second_context.new_page()
    open_dag2(page, workbook, anna)
    open_dag2(other, workbook, bram)
    start = stakeholder_count(page)
    expect(status(other)).to_have_text(counted(start))

    add_stakeholder(page, "Wijkagent Noord", functie="Buurtregisseur")
    # Bram did nothing: only the kernel's polling can bring Anna's stakeholder to his page.
    expect(status(other)).to_have_text(counted(start + 1), timeout=SYNC_TIMEOUT)
    expect(picker_option(other, "Wijkagent Noord")).to_have_count(1, timeout=SYNC_TIMEOUT)
    expect(other.locator(".ww-grid")).to_contain_text("Wijkagent Noord", timeout=SYNC_TIMEOUT)

    add_stakeholder(other, "Bewoner Rozenstraat")
    expect(status(page)).to_have_text(counted(start + 2), timeout=SYNC_TIMEOUT)
    expect(picker_option(page, "Bewoner Rozenstraat")).to_have_count(1, timeout=SYNC_TIMEOUT)
    expect(page.locator(".ww-graph iframe")).to_have_attribute(
        "srcdoc", re.compile("Bewoner Rozenstraat"), timeout=SYNC_TIMEOUT
    )
    expect(other.locator(".ww-graph iframe")).to_have_attribute(  # Anna's functie, in the tooltip
        "srcdoc", re.compile("Buurtregisseur"), timeout=SYNC_TIMEOUT
    )
    expect(page.locator(".ww-history")).to_contain_text(
        f"{bram.naam} zette 'Bewoner Rozenstraat' op de kaart", timeout=SYNC_TIMEOUT
    )
    expect(picker_option(other, "Wijkagent Noord")).to_have_count(1)
    expect(status(other)).to_have_text(counted(start + 2))

    assert request_log.off_machine() == []
    assert second_log.off_machine() == []
    assert any("/dag2.ipynb" in url for url in second_log.urls), "the second log recorded nothing"


def test_graph_canvas_and_power_grid_are_drawn(workbook: Workbook, page: Page) -> None:
    """After adding a stakeholder, is the network drawn on a real-sized canvas in the sandboxed iframe, and does the
    invloed × belang grid show its four quadrants with the new name?"""
    open_dag2(page, workbook, workbook.participant(2))
    add_stakeholder(page, "Wethouder Sociaal Domein", Houding="Voorstander")

    iframe = page.locator(".ww-graph iframe")
    expect(iframe).to_have_attribute("sandbox", "allow-scripts")
    expect(iframe).to_have_attribute("srcdoc", re.compile("Wethouder Sociaal Domein"), timeout=SAVE_TIMEOUT)
    canvas = graph_frame(page).locator("canvas")
    expect(canvas).to_be_visible(timeout=SAVE_TIMEOUT)

    def drawn_box():
        box = canvas.bounding_box()
        return box if box and box["width"] > 300 and box["height"] > 300 else None

    box = wait_for(drawn_box, timeout=20, message="the graph canvas never got a real size")
    assert box["width"] > 300 and box["height"] > 300, box
    labels = canvas.evaluate("() => nodes.get().map(node => node.label)")
    assert "Wethouder Sociaal Domein" in labels
    # Chromium does not paint a sandboxed iframe below the fold: look at it as a participant would.
    iframe.scroll_into_view_if_needed()
    painted = ("c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; "
               "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }")
    wait_for(lambda: canvas.evaluate(painted) > 0, timeout=20, message="the graph canvas stayed blank")

    grid = page.locator(".ww-grid svg")
    expect(grid).to_be_visible()
    for title in QUADRANTS:
        expect(grid.locator("text").filter(has_text=re.compile(rf"^{title}$"))).to_have_count(1)
    expect(grid).to_contain_text("Wethouder Sociaal")


def test_html_in_a_name_and_note_is_shown_literally_and_never_runs(workbook: Workbook, page: Page) -> None:
    """Does a stakeholder named `<img src=x onerror=alert(1)>` with a `<script>` note show up as plain text in the
    grid, the energy view and the shortlist, without any dialog or image, also inside the graph's iframe?"""
    dialogs: list[str] = []
    consoled: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda msg: consoled.append(msg.text))
    open_dag2(page, workbook, workbook.participant(0))
    add_stakeholder(page, XSS_NAME, XSS_NOTE, **{"Energie nu": "Onbewust", "Gewenst": "Trekker"})

    expect(page.locator(".ww-grid")).to_contain_text(XSS_NAME, timeout=SAVE_TIMEOUT)
    expect(page.locator(".ww-energy svg")).to_contain_text(XSS_NAME)
    expect(page.locator(".ww-energy .ww-shortlist")).to_contain_text(XSS_NAME)
    expect(page.locator(".ww-history")).to_contain_text(f"'{XSS_NAME}' op de kaart")
    expect(picker_option(page, XSS_NAME)).to_have_count(1)

    iframe = page.locator(".ww-graph iframe")
    expect(iframe).to_have_attribute("srcdoc", re.compile(re.escape("onerror=alert(1)")), timeout=SAVE_TIMEOUT)
    canvas = graph_frame(page).locator("canvas")
    expect(canvas).to_be_visible(timeout=SAVE_TIMEOUT)
    nodes = canvas.evaluate("() => nodes.get().map(node => [node.label, node.title])")
    assert [XSS_NAME, f"\u2068{XSS_NAME}\u2069"] in [[label, title.split("\n")[0]] for label, title in nodes]
    assert any("<script>alert(2)</script>" in title for _, title in nodes)
    expect(graph_frame(page).locator("img[src='x']")).to_have_count(0)
    expect(graph_frame(page).locator("div.popup")).to_have_count(0)

    expect(page.locator("img[src='x']")).to_have_count(0)
    expect(page.locator(".ww-grid script, .ww-energy script")).to_have_count(0)
    assert dialogs == []
    assert [text for text in consoled if "alert" in text] == []


def test_a_removed_stakeholder_can_be_put_back(workbook: Workbook, page: Page) -> None:
    """Pick a stakeholder, click "Weghalen": is it off the map, and does "Zet terug op de kaart" under
    "Wat is er veranderd?" bring it back?"""
    naam = "Buurtcoach Oost"
    open_dag2(page, workbook, workbook.participant(1))
    add_stakeholder(page, naam)
    count = stakeholder_count(page)

    picker(page).select_option(label=naam)
    expect(form(page).locator(NAAM)).to_have_value(naam, timeout=SAVE_TIMEOUT)
    form(page).get_by_role("button", name="Weghalen").click()
    expect(form(page).locator(".ww-notice")).to_contain_text(f"'{naam}' is van de kaart gehaald", timeout=SAVE_TIMEOUT)
    expect(status(page)).to_have_text(counted(count - 1), timeout=SAVE_TIMEOUT)
    expect(picker_option(page, naam)).to_have_count(0)

    history = page.locator(".ww-exercise:has(h2:text-is('Wat is er veranderd?'))")
    expect(history.locator(".ww-history")).to_contain_text(f"haalde '{naam}' weg", timeout=SAVE_TIMEOUT)
    removed = history.get_by_label("Weggehaald", exact=True)
    expect(removed).to_be_visible(timeout=SAVE_TIMEOUT)
    removed.select_option(label=naam)
    history.get_by_role("button", name="Zet terug op de kaart").click()
    expect(history.locator(".ww-notice")).to_have_text(f"'{naam}' staat weer op de kaart.", timeout=SAVE_TIMEOUT)
    expect(status(page)).to_have_text(counted(count), timeout=SAVE_TIMEOUT)
    expect(picker_option(page, naam)).to_have_count(1)
    expect(page.locator(".ww-grid")).to_contain_text(naam)


def test_the_map_survives_a_reload(workbook: Workbook, page: Page) -> None:
    """Add a stakeholder and reload the page: is it still counted, and still in the picker?"""
    naam = "Jongerenwerk West"
    open_dag2(page, workbook, workbook.participant(2))
    add_stakeholder(page, naam)
    count = stakeholder_count(page)

    page.reload()
    expect(status(page)).to_have_text(counted(count), timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-login")).to_have_count(0)
    expect(picker_option(page, naam)).to_have_count(1)
    expect(page.locator(".ww-grid")).to_contain_text(naam)


def _graph_frame_with(page: Page, naam: str):
    """The graph iframe's frame, once vis-network has drawn a node labelled ``naam``."""
    iframe = page.locator(".ww-graph iframe")
    expect(iframe).to_have_attribute("srcdoc", re.compile(re.escape(naam)), timeout=SAVE_TIMEOUT)
    iframe.scroll_into_view_if_needed()
    frame = iframe.element_handle().content_frame()
    frame.wait_for_function(
        "name => typeof network !== 'undefined' && network.body.data.nodes.get().some(n => n.label === name)",
        arg=naam, timeout=SAVE_TIMEOUT,
    )
    return frame


def test_a_dragged_node_keeps_its_place_after_a_reload(workbook: Workbook, page: Page) -> None:
    """When a participant drags a node, does the graph show it at its new place after a reload (kept in the store
    for the group, via the page's message bridge)?"""
    naam = "Sleepbaar Knooppunt"
    open_dag2(page, workbook, workbook.participant(2))
    add_stakeholder(page, naam)
    frame = _graph_frame_with(page, naam)
    node = frame.evaluate("name => network.body.data.nodes.get().find(n => n.label === name).id", naam)
    before = frame.evaluate("id => network.getPositions([id])[id]", node)
    spot = frame.evaluate("id => network.canvasToDOM(network.getPositions([id])[id])", node)
    box = frame.locator("#mynetwork").bounding_box()
    x, y = box["x"] + spot["x"], box["y"] + spot["y"]
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 9):
        page.mouse.move(x + 10 * step, y + 3 * step, steps=2)
    page.mouse.up()
    moved = frame.evaluate("id => network.getPositions([id])[id]", node)
    assert moved["x"] > before["x"] + 20, (before, moved)
    # The template's bridge typed the new place into the graph's hidden field; ipywidgets sends it to the kernel,
    # which stores it for the group. A reload before that would drop it (like unsent typing): wait for the store.
    expect(page.locator(".ww-graph-positions input")).to_have_value(re.compile(node), timeout=10_000)
    with workbook.store() as store:
        group_id = next(p.group_id for p in store.people(1) if p.name == workbook.participant(2).naam)

        def stored_place():
            return next((item.data for item in store.items("map", group_id)
                         if item.kind == "position" and item.item_id == node and not item.deleted
                         and abs(item.data["x"] - moved["x"]) < 1 and abs(item.data["y"] - moved["y"]) < 1), None)

        wait_for(stored_place, timeout=SAVE_TIMEOUT / 1000, message="the kernel did not store the dragged position")

    # A reload draws from the store.
    page.reload()
    expect(status(page)).to_contain_text(f"Kaart van \u2068{GROUP}\u2069:", timeout=LOAD_TIMEOUT)
    after = _graph_frame_with(page, naam).evaluate("id => network.getPositions([id])[id]", node)
    assert abs(after["x"] - moved["x"]) < 1, (moved, after)
    assert abs(after["y"] - moved["y"]) < 1, (moved, after)


# --- the map as tables: keyboard, screen reader, phone -------------------------------------------------------------


def seed(workbook: Workbook, participant: PrintedCode, names: list[str], lines: list[tuple[int, int, str, int]]) -> None:
    """Put stakeholders ``names`` and relations (index van, index naar, soort, sterkte) on the participant's group
    map through the store, as a groupmate's kernel would."""
    people = [validate_stakeholder({"naam": naam, "invloed": 1 + n % 5, "belang": 5 - n % 5})
              for n, naam in enumerate(names)]
    relations = [validate_relation({"van": people[a].id, "naar": people[b].id, "soort": soort, "sterkte": sterkte})
                 for a, b, soort, sterkte in lines]
    with workbook.store() as store:
        person = next(p for p in store.people(1) if p.name == participant.naam)
        MapSession(Context.for_person(store, person), poll_seconds=None).add(people, relations)


def test_a_keyboard_user_sorts_the_table_and_reads_a_stakeholders_relations(workbook: Workbook, page: Page) -> None:
    """Without a mouse: can "Sorteer op" be changed from the keyboard (aria-sort moves to that column), and does
    choosing a stakeholder under "Relaties van" with the keyboard list its relations in words?"""
    seed(workbook, workbook.participant(1), ["Toets Spil", "Toets Buur", "Toets Verre"],
         [(0, 1, "samenwerking", 3), (0, 2, "spanning", 1)])
    open_dag2(page, workbook, workbook.participant(1))
    view = page.locator(".ww-network-table-view")
    table = view.locator("table.ww-network-table")
    expect(table.locator("th[scope=row]").filter(has_text="Toets Verre")).to_have_count(1, timeout=SAVE_TIMEOUT)
    expect(table.locator("th[aria-sort=ascending]")).to_have_text(re.compile("^Naam"))

    sort = view.get_by_label("Sorteer op", exact=True)
    sort.focus()
    page.keyboard.press("ArrowDown")  # Naam → Soort
    expect(table.locator("th[aria-sort]")).to_have_text(re.compile("^Soort"), timeout=SAVE_TIMEOUT)
    expect(table.locator("caption")).to_contain_text("gesorteerd op soort")

    page.keyboard.press("Tab")  # the table's scroll box, then the picker
    expect(view.locator(".ww-scroll")).to_be_focused()
    page.keyboard.press("Tab")
    picker_ = view.get_by_label("Relaties van", exact=True)
    expect(picker_).to_be_focused()
    page.keyboard.type("Toets Spil")  # a closed select jumps to the option typed
    details = view.locator(".ww-relations-box")
    expect(details).to_contain_text("Relaties van Toets Spil (2 relaties):", timeout=SAVE_TIMEOUT)
    expect(details.locator("li")).to_have_text(["Samenwerking (sterk) met Toets Buur",
                                                "Spanning (zwak) met Toets Verre"])


def test_on_a_phone_the_tables_carry_the_pictures_without_sideways_scrolling(workbook: Workbook, browser: Browser) -> None:
    """At 390px wide: does the page not scroll sideways, are the grid and energy pictures replaced by readable
    tables (14px or more), and does a wide table scroll only inside its own box?"""
    seed(workbook, workbook.participant(2), ["Telefoon Ondernemersvereniging Centrum Noord", "Telefoon Wijkagent"],
         [(0, 1, "informeel", 2)])
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", is_mobile=True,
                                has_touch=True)
    try:
        page = phone.new_page()
        open_dag2(page, workbook, workbook.participant(2))
        table = page.locator("table.ww-network-table")
        expect(table).to_contain_text("Telefoon Wijkagent", timeout=SAVE_TIMEOUT)
        table.scroll_into_view_if_needed()
        expect(table).to_be_visible()
        quadrants = page.locator(".ww-grid table.ww-quadrant-table")
        expect(quadrants).to_contain_text("Telefoon Wijkagent")
        expect(quadrants).to_be_visible()
        expect(page.locator(".ww-grid svg")).to_be_hidden()
        expect(page.locator(".ww-energy svg")).to_be_hidden()
        page.locator(".ww-energy summary").click()
        expect(page.locator(".ww-energy table")).to_contain_text("Telefoon Wijkagent")

        sizes = page.evaluate("""() => [...document.querySelectorAll(
            '.ww-network-table td, .ww-network-table th, .ww-quadrant-table td, .ww-quadrant-table th, ' +
            '.ww-energy-table td, .ww-map-status')]
            .map(e => parseFloat(getComputedStyle(e).fontSize))""")
        assert sizes and min(sizes) >= 14, sizes
        width = page.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], width
        # Nothing in Dag 2's exercises is cut off at the right by a box that clips it, nor reaches past the screen,
        # except inside a box that scrolls on its own (.ww-scroll).
        outside = page.evaluate("""() => [...document.querySelectorAll('.ww-exercise *')].filter(e => {
            const right = e.getBoundingClientRect().right;
            if (e.getBoundingClientRect().width === 0 || e.closest('.ww-scroll')) return false;
            for (let box = e.parentElement; box && box !== document.body; box = box.parentElement) {
              if (getComputedStyle(box).overflowX !== 'visible') return right > box.getBoundingClientRect().right + 1;
            }
            return right > window.innerWidth + 1;
          }).map(e => e.tagName + '.' + e.className)""")
        assert outside == []
        box = page.locator(".ww-network-table-view .ww-scroll")
        assert box.evaluate("e => e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX === 'auto'")

        page.get_by_role("tab", name="Importeren").click()
        upload = page.locator(".ww-upload")
        expect(upload).to_be_visible()
        count_below = upload.evaluate("""b => {
            const text = [...b.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('('));
            const range = document.createRange();
            range.setStart(text, text.textContent.lastIndexOf('('));
            range.setEnd(text, text.textContent.length);
            return range.getBoundingClientRect().top >= b.getBoundingClientRect().bottom - 1;
        }""")
        assert count_below, "the upload button shows ipywidgets' file count '(0)'"
    finally:
        phone.close()
