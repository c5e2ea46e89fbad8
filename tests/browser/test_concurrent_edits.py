"""Two groupmates on their own laptops (two browser contexts, two kernels) editing shared items at the same time:
nobody's edit in progress or saved text is lost (issue 11, part C)."""

from __future__ import annotations

import re
import secrets

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.test_dag2 import (
    NAAM,
    SAVE_TIMEOUT,
    SYNC_TIMEOUT,
    add_stakeholder,
    counted,
    form,
    open_dag2,
    picker,
    picker_option,
    stakeholder_count,
    status,
)
from tests.browser.test_dag3 import open_page, put_on_map
from tests.support.workbook import LOAD_TIMEOUT, Workbook

pytestmark = pytest.mark.browser


def test_a_groupmates_save_leaves_my_open_dag2_edit_intact(
    workbook: Workbook, page: Page, second_context: BrowserContext
) -> None:
    """While Anna has a stakeholder open with unsaved changes, Bram changes another field of it, edits another one
    and adds a new one: does Anna's form keep her pick and typed values (and show his field), and does her save keep
    both his change and hers?"""
    anna, bram = workbook.participant(0), workbook.participant(1)
    other = second_context.new_page()
    open_dag2(page, workbook, anna)
    add_stakeholder(page, "Buurtteam Zuid")
    add_stakeholder(page, "Huisarts Oost")
    open_dag2(other, workbook, bram)
    count = stakeholder_count(other)

    picker(page).select_option(label="Buurtteam Zuid")
    expect(form(page).locator(NAAM)).to_have_value("Buurtteam Zuid", timeout=SAVE_TIMEOUT)
    form(page).get_by_label("Notitie", exact=True).fill("Anna typt dit")
    form(page).get_by_label("Houding", exact=True).select_option(label="Voorstander")

    def bram_edits(naam: str, **choices: str) -> None:
        picker(other).select_option(label=naam)
        expect(form(other).locator(NAAM)).to_have_value(naam, timeout=SAVE_TIMEOUT)
        for label, option in choices.items():
            form(other).get_by_label(label, exact=True).select_option(label=option)
        form(other).get_by_role("button", name="Wijziging opslaan").click()
        expect(form(other).locator(".ww-notice")).to_contain_text("opgeslagen", timeout=SAVE_TIMEOUT)

    bram_edits("Buurtteam Zuid", Soort="Maatschappelijke organisatie")
    bram_edits("Huisarts Oost", Houding="Tegenstander")
    form(other).get_by_role("button", name="Nieuwe stakeholder").click()
    expect(form(other).locator(NAAM)).to_have_value("", timeout=SAVE_TIMEOUT)  # typing before that would be undone
    add_stakeholder(other, "Schoolleider")

    expect(status(page)).to_have_text(counted(count + 1), timeout=SYNC_TIMEOUT)
    expect(picker_option(page, "Schoolleider")).to_have_count(1, timeout=SYNC_TIMEOUT)
    mine = form(page)
    expect(mine.get_by_label("Soort", exact=True)).to_have_value("Maatschappelijke organisatie")  # his field
    expect(mine.locator(NAAM)).to_have_value("Buurtteam Zuid")
    expect(mine.get_by_label("Notitie", exact=True)).to_have_value("Anna typt dit")
    expect(mine.get_by_label("Houding", exact=True)).to_have_value("Voorstander")
    mine.get_by_role("button", name="Wijziging opslaan").click()
    expect(mine.locator(".ww-notice")).to_have_text("Wijziging van 'Buurtteam Zuid' opgeslagen.", timeout=SAVE_TIMEOUT)
    with workbook.store() as store:
        group_id = next(p.group_id for p in store.people(1) if p.name == anna.naam)
        saved = {i.data["naam"]: i.data for i in store.items("map", group_id) if i.kind == "stakeholder"}
    assert (saved["Buurtteam Zuid"]["notitie"], saved["Buurtteam Zuid"]["houding"]) == ("Anna typt dit",
                                                                                        "voorstander")
    assert saved["Buurtteam Zuid"]["soort"] == "maatschappelijke_organisatie"
    assert saved["Huisarts Oost"]["houding"] == "tegenstander"


DOEL = "textarea[placeholder^='Bijvoorbeeld: begrijpen hoe de wijkraad']"
OPENING = "textarea[placeholder^='Bijvoorbeeld: vertellen waarom je komt']"


def test_two_groupmates_editing_different_fields_of_one_plan_both_keep_their_text(
    workbook: Workbook, page: Page, second_context: BrowserContext
) -> None:
    """Anna writes the plan's goal while Bram, at the same moment, writes its opening: does each screen end up with
    both texts, and are both in the plan after a reload (nobody's save replaces the other's field)?"""
    naam = f"Wijkraad {secrets.token_hex(3)}"
    doel, opening = "Begrijpen waarom de wijkraad afhaakt", "Ik vertel eerst waarom ik kom"
    put_on_map(workbook, naam)
    open_page(page, workbook, "dag3.ipynb", 0, ".ww-conversation-plans")
    expect(page.locator(".ww-conversation-plans")).to_contain_text(naam, timeout=LOAD_TIMEOUT)
    page.get_by_role("button", name=f"Plan een gesprek met {naam}").click()
    expect(page.locator(".ww-plan").locator(DOEL)).to_be_visible(timeout=SYNC_TIMEOUT)
    other = second_context.new_page()
    open_page(other, workbook, "dag3.ipynb", 1, ".ww-plan")

    page.locator(".ww-plan").locator(DOEL).fill(doel)  # both type before either kernel polls the other's save
    other.locator(".ww-plan").locator(OPENING).fill(opening)
    for screen in (page, other):
        expect(screen.locator(".ww-plan .ww-save-status")).to_contain_text(re.compile("Opgeslagen|Bijgewerkt"),
                                                                            timeout=SAVE_TIMEOUT)
    for screen in (page, other):  # each screen shows the other's field too, without losing its own
        expect(screen.locator(".ww-plan").locator(DOEL)).to_have_value(doel, timeout=SYNC_TIMEOUT)
        expect(screen.locator(".ww-plan").locator(OPENING)).to_have_value(opening, timeout=SYNC_TIMEOUT)
    for screen in (page, other):
        screen.reload()
        plan = screen.locator(".ww-plan")
        expect(plan.locator(DOEL)).to_have_value(doel, timeout=LOAD_TIMEOUT)
        expect(plan.locator(OPENING)).to_have_value(opening)


def test_the_logbook_sharing_choice_is_back_on_private_after_a_group_entry(workbook: Workbook, page: Page) -> None:
    """After adding an entry for the group, is "Privé" chosen again for the next one; and is a half-written entry
    kept as a draft over a reload?"""
    tag = secrets.token_hex(4)
    open_page(page, workbook, "logboek.ipynb", 2, ".ww-logbook")
    logbook = page.locator(".ww-logbook")
    writer = logbook.locator("textarea[placeholder^='Schrijf hier je gedachten op']")
    writer.fill(f"Voor de groep {tag}")
    choice = logbook.locator(".ww-choice").first
    choice.get_by_role("button", name="Groep", exact=True).click()
    expect(choice.get_by_role("button", name="Groep", exact=True)).to_have_class(re.compile("mod-active"))
    logbook.get_by_role("button", name="Stukje toevoegen").click()
    expect(writer).to_have_value("", timeout=SAVE_TIMEOUT)
    expect(logbook).to_contain_text("Toegevoegd aan je logboek")
    expect(choice.get_by_role("button", name="Privé", exact=True)).to_have_class(re.compile("mod-active"))
    expect(choice.get_by_role("button", name="Groep", exact=True)).not_to_have_class(re.compile("mod-active"))

    writer.fill(f"Half af {tag}")
    expect(writer.locator("xpath=following::*[contains(@class, 'ww-save-status')][1]")).to_contain_text(
        "Opgeslagen", timeout=SAVE_TIMEOUT)
    page.reload()
    writer = page.locator(".ww-logbook textarea[placeholder^='Schrijf hier je gedachten op']")
    expect(writer).to_have_value(f"Half af {tag}", timeout=LOAD_TIMEOUT)


def test_near_simultaneous_saves_of_one_stakeholder_keep_both_and_nobody_hears_it_was_removed(
    workbook: Workbook, page: Page, second_context: BrowserContext
) -> None:
    """Anna and Bram save the same stakeholder at nearly the same moment, each with another field changed: does
    neither hear that it was removed, and are both changes kept?"""
    naam = f"Wijkcentrum {secrets.token_hex(2)}"
    anna, bram = workbook.participant(0), workbook.participant(1)
    other = second_context.new_page()
    open_dag2(page, workbook, anna)
    add_stakeholder(page, naam)
    open_dag2(other, workbook, bram)
    expect(picker_option(other, naam)).to_have_count(1, timeout=SYNC_TIMEOUT)
    for screen in (page, other):
        picker(screen).select_option(label=naam)
        expect(form(screen).locator(NAAM)).to_have_value(naam, timeout=SAVE_TIMEOUT)
    form(page).get_by_label("Notitie", exact=True).fill("Anna: kent de buurt")
    form(other).get_by_label("Houding", exact=True).select_option(label="Tegenstander")
    form(page).get_by_role("button", name="Wijziging opslaan").click()
    form(other).get_by_role("button", name="Wijziging opslaan").click()
    for screen in (page, other):
        expect(form(screen).locator(".ww-notice")).to_contain_text("opgeslagen", timeout=SAVE_TIMEOUT)
    for screen in (page, other):  # after both kernels polled: still open, both fields shown, nobody told "weggehaald"
        expect(form(screen).get_by_label("Houding", exact=True)).to_have_value("Tegenstander", timeout=SYNC_TIMEOUT)
        expect(form(screen).get_by_label("Notitie", exact=True)).to_have_value("Anna: kent de buurt",
                                                                               timeout=SYNC_TIMEOUT)
        expect(form(screen).locator(NAAM)).to_have_value(naam)
        expect(form(screen).locator(".ww-notice")).not_to_contain_text("weggehaald")
    with workbook.store() as store:
        group_id = next(p.group_id for p in store.people(1) if p.name == anna.naam)
        [saved] = [i.data for i in store.items("map", group_id) if i.kind == "stakeholder" and i.data["naam"] == naam]
    assert (saved["notitie"], saved["houding"]) == ("Anna: kent de buurt", "tegenstander")


def test_a_removed_stakeholder_is_put_back_on_the_first_click(workbook: Workbook, page: Page) -> None:
    """After "Weghalen", does one click on "Zet terug op de kaart" (nothing chosen by hand) bring it back, and does
    that success message go when the next one is removed?"""
    first, second = f"Bibliotheek {secrets.token_hex(2)}", f"Sportclub {secrets.token_hex(2)}"
    open_dag2(page, workbook, workbook.participant(2))
    add_stakeholder(page, first)
    add_stakeholder(page, second)
    history = page.locator(".ww-exercise:has(h2:text-is('Wat is er veranderd?'))")
    for naam in (first, second):
        picker(page).select_option(label=naam)
        expect(form(page).locator(NAAM)).to_have_value(naam, timeout=SAVE_TIMEOUT)
        form(page).get_by_role("button", name="Weghalen").click()
        expect(history.locator(".ww-history")).to_contain_text(f"haalde '{naam}' weg", timeout=SAVE_TIMEOUT)
        expect(history.locator(".ww-notice")).to_have_count(0)  # no success message of the restore before
        history.get_by_role("button", name="Zet terug op de kaart").click()
        expect(history.locator(".ww-notice")).to_have_text(f"'{naam}' staat weer op de kaart.", timeout=SAVE_TIMEOUT)
        expect(picker_option(page, naam)).to_have_count(1)
