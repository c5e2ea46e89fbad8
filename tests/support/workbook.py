"""A participant's view of a running workbook: its pages, the printed demo codes, logging in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from playwright.sync_api import Page, expect

from tests.support.voila_server import PrintedCode, VoilaServer
from wijwerken_widgets.store import Store

LOAD_TIMEOUT = 60_000


@dataclass
class Workbook:
    """A running `wijwerken serve` and the demo codes it printed."""

    server: VoilaServer
    codes: list[PrintedCode]

    def url(self, notebook: str) -> str:
        return self.server.page_url(notebook)

    def participant(self, n: int = 0) -> PrintedCode:
        return [c for c in self.codes if c.rol == "deelnemer"][n]

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The server's own store, opened by the test: to see what the kernels saved, or to add to it."""
        store = Store.open(f"sqlite:///{self.server.data_dir / 'wijwerken.sqlite3'}")
        try:
            yield store
        finally:
            store.close()


def log_in(page: Page, code: str) -> None:
    """Type the personal code into the login form and wait for the page to greet the participant."""
    field = page.locator(".ww-login input[type=password]")
    expect(field).to_be_visible(timeout=LOAD_TIMEOUT)
    field.fill(code)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.locator(".ww-who")).to_contain_text("Ingelogd als", timeout=30_000)
