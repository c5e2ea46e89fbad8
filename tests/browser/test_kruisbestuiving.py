"""Kruisbestuiving in real headless Chromium against `wijwerken serve`: a group member ticks "Delen voor
kruisbestuiving" on Dag 4 and it stays ticked after a reload; the trainers' page shows only the count below three
sharing groups and, once three groups of other municipalities share (put in the store directly), their rode draden
and actions per gemeente, reachable by keyboard, without names. Also: "Wat ziet je trainer?" folds out on Dag 4."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.support.kruisbestuiving import share
from tests.support.workbook import LOAD_TIMEOUT, Workbook, log_in

pytestmark = pytest.mark.browser

SAVE_TIMEOUT = 30_000
SHARE = "Delen voor kruisbestuiving met andere gemeenten"


def test_a_member_ticks_share_on_dag4_and_it_stays_after_a_reload(workbook: Workbook, page: Page) -> None:
    page.goto(workbook.url("dag4.ipynb"))
    log_in(page, workbook.participant(0).code)
    box = page.get_by_role("checkbox", name=SHARE)
    expect(box).to_be_visible(timeout=LOAD_TIMEOUT)
    expect(box).not_to_be_checked()
    expect(page.locator(".ww-share")).to_contain_text("niet")
    box.check()
    expect(page.locator(".ww-share .ww-feedback")).to_contain_text("Opgeslagen", timeout=SAVE_TIMEOUT)
    page.reload()
    expect(page.get_by_role("checkbox", name=SHARE)).to_be_checked(timeout=LOAD_TIMEOUT)

    sees = page.locator(".ww-trainer-sees details")
    sees.locator("summary").click()
    expect(sees).to_contain_text("rode draden van je groep")
    expect(sees).to_contain_text("Privé-stukjes in je logboek ziet je trainer nooit")


def test_the_trainer_page_opens_from_three_sharing_groups(workbook: Workbook, page: Page) -> None:
    page.goto(workbook.url("kruisbestuiving.ipynb"))
    log_in(page, next(c for c in workbook.codes if c.rol == "trainer").code)
    view = page.locator(".ww-kruis-view")
    expect(view).to_contain_text(re.compile(r"\d van de minimaal 3 groepen"), timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-kruis-gemeente")).to_have_count(0)

    for gemeente, theme in (("Almere", "Eenzaamheid"), ("Breda", "Vertrouwen"), ("Delft", "Samenwerking")):
        with workbook.store() as store:
            share(store, gemeente, theme, "Fatima Yilmaz")
    page.get_by_role("button", name="Vernieuwen").click()
    columns = page.locator(".ww-kruis-gemeente")
    expect(columns.filter(has_text="Almere")).to_contain_text("Eenzaamheid", timeout=LOAD_TIMEOUT)
    expect(columns.filter(has_text="Delft")).to_contain_text("Wandeling met [een collega]")
    expect(view).not_to_contain_text("Fatima")
    first = page.get_by_role("region", name="Rode draden en acties van Almere")
    first.focus()
    expect(first).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("region", name=re.compile("Rode draden en acties van"))).not_to_have_count(0)
    expect(page.locator(".ww-kruis-gemeente:focus")).not_to_contain_text("Almere")

    page.get_by_role("button", name="Download als webpagina").click()
    expect(page.locator("a.ww-download")).to_have_attribute("download", re.compile(r"kruisbestuiving-.*\.html"))


def test_a_participant_is_refused(workbook: Workbook, page: Page) -> None:
    page.goto(workbook.url("kruisbestuiving.ipynb"))
    log_in(page, workbook.participant(1).code)
    expect(page.locator(".ww-notice")).to_contain_text("alleen voor trainers", timeout=LOAD_TIMEOUT)
    expect(page.locator(".ww-kruis-view")).to_have_count(0)
