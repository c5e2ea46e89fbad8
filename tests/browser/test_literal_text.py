"""What people type is shown as they typed it: a name with "$…$" is not turned into a formula by MathJax.

Own module, so its own `wijwerken serve`: a participant is renamed in that server's store.
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
    expect(page.locator(".ww-who")).to_contain_text(f"Ingelogd als {NAME}", timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-roleplay")).to_be_visible(timeout=LOAD_TIMEOUT)
    # ipywidgets asks the page's rendermime registry for a typesetter before each label; there is none.
    assert page.evaluate("""async () => {
        const manager = await window.jupyterapp.widgetManagerPromise.promise;
        return manager._rendermime.latexTypesetter === null;
    }""")
    expect(page.locator("mjx-container, .MathJax")).to_have_count(0)
