"""Dag 4's terugleggen in real headless Chromium against `wijwerken serve`.

The group's map, its held conversations (one without consent), its themes and their quotes are put in the server's
store directly, as the group made them on Dag 2, 3 and earlier on Dag 4; participant 0 of Groep Buiten then opens
the page and presents the rode draden.
"""

from __future__ import annotations

import secrets

import pytest
from playwright.sync_api import Page, expect

from tests.support.dag4 import act_session, hold_conversations
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.shared.act.items import SUPPORTS, TOGETHER, Fase, Koppeling, Thema
from wijwerken_widgets.ui.context import Context

pytestmark = pytest.mark.browser


def seed(workbook: Workbook, tag: str) -> dict[str, list[str]]:
    """Five conversations (one without consent) and one chosen rode draad with all their quotes; returns the
    stakeholders' names and the quotes that must never be shown."""
    names = [f"Wethouder Jansen{tag}", f"Bewoner Ali{tag}", f"Bewoner Bea{tag}", f"Bewoner Cor{tag}",
             f"Bewoner Dirk{tag}"]
    secret = f"Niemand mag dit zien {tag}"
    with workbook.store() as store:
        person = next(p for p in store.people(1) if p.name == workbook.participant(0).naam)
        ctx = Context.for_person(store, person)
        held = hold_conversations(
            ctx,
            ({"naam": names[0], "soort": "bestuur"}, "ja", [f"Jansen{tag} wil dat het sneller gaat"]),
            ({"naam": names[1], "soort": "inwoner"}, "ja", [f"Niemand belt terug, zegt Ali{tag}"]),
            ({"naam": names[2], "soort": "inwoner"}, "nee", [secret]),
            ({"naam": names[3], "soort": "inwoner"}, "ja", ["Ik wacht al weken"]),
            ({"naam": names[4], "soort": "inwoner"}, "ja", ["Het loket is te ver weg"]),
        )
        session = act_session(ctx)
        session.put_item(Fase(fase=TOGETHER))
        theme = Thema(new_id(), naam=f"<script>alert(1)</script> Lang wachten {tag}",
                      wel="Inwoners die geen antwoord krijgen", gekozen=True)
        session.put_item(theme)
        for quote_id in (q for h in held for q in h.quote_ids):
            session.put_item(Koppeling.new(quote_id, theme.id, SUPPORTS, person.id, TOGETHER))
    return {"names": names, "secret": [secret]}


def test_the_projector_shows_the_rode_draad_without_names_or_quotes_without_consent(
    workbook: Workbook, page: Page
) -> None:
    tag = secrets.token_hex(3)
    seeded = seed(workbook, tag)
    page.goto(workbook.url("dag4.ipynb"))
    log_in(page, workbook.participant(0).code)
    section = page.locator(".ww-giving-back")
    expect(section).to_be_visible(timeout=LOAD_TIMEOUT)
    section.get_by_role("button", name="Presenteren").click()
    projector = section.locator(".ww-projector")
    expect(projector).to_be_visible(timeout=30_000)
    expect(projector).to_contain_text(f"<script>alert(1)</script> Lang wachten {tag}")  # shown as text
    expect(projector).to_contain_text("Inwoners die geen antwoord krijgen")
    expect(projector).to_contain_text("\u2014 een inwoner")  # three conversations with residents
    expect(projector).to_contain_text("[een betrokkene] wil dat het sneller gaat")  # a lone wethouder: vaguer
    expect(projector).to_contain_text("Niemand belt terug, zegt [een inwoner]")
    for text in (*seeded["names"], f"Jansen{tag}", f"Ali{tag}", *seeded["secret"]):
        expect(section).not_to_contain_text(text)
    assert section.locator("script").count() == 0
    assert "wethouder" not in projector.inner_text().casefold()
    expect(section.get_by_role("button", name="Stoppen met presenteren")).to_be_visible()
    quote = projector.locator("blockquote p").first
    assert quote.evaluate("element => parseFloat(getComputedStyle(element).fontSize)") >= 24  # readable from afar


def test_choosing_a_quote_and_writing_the_response_by_keyboard(workbook: Workbook, page: Page) -> None:
    """Can a participant tick a quote and answer the response with the keyboard only, is it saved, and does axe
    find nothing serious in the section with the picker and the projector open?"""
    from tests.support.accessibility import BLOCKING, run_axe

    tag = secrets.token_hex(3)
    seed(workbook, tag)
    page.goto(workbook.url("dag4.ipynb"))
    log_in(page, workbook.participant(0).code)
    card = page.locator(".ww-feedback-theme").filter(has_text=f"Lang wachten {tag}")
    expect(card).to_be_visible(timeout=LOAD_TIMEOUT)
    card.get_by_role("button", name="Zelf citaten kiezen").focus()
    page.keyboard.press("Enter")
    choice = card.get_by_role("checkbox", name="Ik wacht al weken")
    expect(choice).to_be_visible(timeout=30_000)
    choice.focus()
    page.keyboard.press("Space")
    expect(card.locator(".ww-feedback-examples")).to_contain_text("Deze citaten kozen jullie zelf", timeout=30_000)
    expect(card.locator(".ww-feedback-examples blockquote")).to_have_count(1)
    herkenning = card.get_by_label("Herkennen zij dit?")
    herkenning.focus()
    herkenning.select_option(label="deels")
    card.get_by_label("Wat voegden zij toe?").fill(f"Vooral bij het eerste telefoontje {tag}")
    expect(card.locator(".ww-save-status")).to_contain_text("Opgeslagen", timeout=30_000)
    summary = page.locator(".ww-feedback-summary")
    expect(summary).to_contain_text(f"Vooral bij het eerste telefoontje {tag}", timeout=30_000)
    expect(summary).to_contain_text("Herkenning: deels")
    page.locator(".ww-giving-back").get_by_role("button", name="Presenteren").click()
    expect(page.locator(".ww-projector")).to_be_visible(timeout=30_000)
    blocking = [v["id"] for v in run_axe(page) if v["impact"] in BLOCKING]
    assert not blocking, blocking
