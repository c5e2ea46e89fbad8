"""What people type is shown as they typed it: a name with "$…$" is not turned into a formula by MathJax, and a
right-to-left name does not reorder the text around it.

Own module, so its own `wijwerken serve`: a participant and the groups are renamed in that server's store.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import text

from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in

pytestmark = pytest.mark.browser

NAME = "Fatima $x^2$ \\(y\\) El Amrani"


def test_dollar_signs_in_a_name_show_literally(workbook: Workbook, page: Page) -> None:
    """Does "Ingelogd als …" (an ipywidgets Label, which ipywidgets hands to the typesetter) show the name with its
    dollar signs, and is there no MathJax output anywhere on the page?"""
    participant = workbook.participant(0)
    with workbook.store() as store:
        person = next(p for p in store.people(1) if p.name == participant.naam)
        with store.engine.begin() as conn:
            conn.execute(text("update people set name = :n where id = :i"), {"n": NAME, "i": person.id})
    page.goto(workbook.url("dag3.ipynb"))
    log_in(page, participant.code)
    # The name sits between U+2068 and U+2069 (a label is plain text: no <bdi> can go there).
    expect(page.locator(".ww-who")).to_contain_text(f"Ingelogd als \u2068{NAME}\u2069", timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-roleplay")).to_be_visible(timeout=LOAD_TIMEOUT)
    # ipywidgets asks the page's rendermime registry for a typesetter before each label; there is none.
    assert page.evaluate("""async () => {
        const manager = await window.jupyterapp.widgetManagerPromise.promise;
        return manager._rendermime.latexTypesetter === null;
    }""")
    expect(page.locator("mjx-container, .MathJax")).to_have_count(0)


GROUP_NAMES = ["فريق الشمال", "צוות דרום"]  # Arabic and Hebrew: both right to left


def test_right_to_left_group_names_keep_their_order_in_a_sentence(workbook: Workbook, page: Page) -> None:
    """Does the trainer's "Je bekijkt als trainer de kaart van: A · B" on Dag 2, with two right-to-left group names,
    show each name in a <bdi> (computed unicode-bidi: isolate) and B to the right of A? Without the isolation the
    two names and the dot between them form one right-to-left run, and B is drawn left of A."""
    with workbook.store() as store:
        groups = store.groups(1)[:2]  # the demo's Groep Buiten and Groep Binnen; its example group stays third
        with store.engine.begin() as conn:
            for group, name in zip(groups, GROUP_NAMES):
                conn.execute(text("update groups set name = :n where id = :i"), {"n": name, "i": group.id})
    trainer = next(c for c in workbook.codes if c.rol == "trainer")
    page.goto(workbook.url("dag2.ipynb"))
    log_in(page, trainer.code)
    line = page.locator(".ww-hint", has_text="Je bekijkt als trainer de kaart van:")
    expect(line).to_be_visible(timeout=LOAD_TIMEOUT)
    names = line.locator("bdi")
    expect(names).to_have_text([*GROUP_NAMES, "Voorbeeldgroep"])
    assert names.first.evaluate("e => getComputedStyle(e).unicodeBidi") == "isolate"
    first, second = (names.nth(i).bounding_box() for i in range(2))
    assert first is not None and second is not None
    assert abs(first["y"] - second["y"]) < 2, (first, second)  # one line
    assert second["x"] >= first["x"] + first["width"], (first, second)
