"""Headless Debian Chromium for tests, launched with the flags that work on this machine (see VOILA_NOTES.md)."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Playwright, Request

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=IsolateSandboxedIframes",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless; every host but 127.0.0.1 resolves to nothing."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


class RequestLog:
    """Every request URL a browser context makes (also from workers and sandboxed iframes)."""

    def __init__(self, context: BrowserContext) -> None:
        self.urls: list[str] = []
        context.on("request", self._record)

    def _record(self, request: Request) -> None:
        self.urls.append(request.url)

    def off_machine(self) -> list[str]:
        """Requested URLs whose host is not the loopback interface (data: and blob: URLs are local)."""
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme not in {"data", "blob", "about"}
            and urlsplit(url).hostname not in LOOPBACK_HOSTS
        ]
