"""The start page's "Je werkboek": a button that makes the files, then two download links."""

from __future__ import annotations

from tests.support.werkboek import WORDS, downloads, note, save
from wijwerken_widgets.pages.start import werkboek
from wijwerken_widgets.ui.context import Context


def test_does_the_button_offer_the_werkboek_as_web_page_and_markdown(ctx: Context) -> None:
    save(ctx, "dag1.hoofdvraag", "Hoe krijgen inwoners grip op hun wijk?")
    note(ctx, "Alleen voor mij")
    files = downloads(ctx)
    assert sorted(name.rsplit(".", 1)[1] for name in files) == ["html", "md"]
    assert all(name.startswith(f"{WORDS.file_name}-") for name in files)
    for content in files.values():
        assert "Hoe krijgen inwoners grip op hun wijk?" in content and "Alleen voor mij" in content


def test_is_nothing_made_before_the_click(ctx: Context) -> None:
    section = werkboek.WerkboekDownload(ctx, WORDS)
    assert section.result.value == ""
    assert WORDS.button == section.make.description


def test_does_a_failure_say_so_in_dutch_and_leave_the_button_usable(ctx: Context, monkeypatch) -> None:
    def broken(*_args):
        raise RuntimeError("database weg")

    monkeypatch.setattr(werkboek, "files", broken)
    section = werkboek.WerkboekDownload(ctx, WORDS)
    section.make.click()
    assert WORDS.failed in section.result.value and "database weg" not in section.result.value
    assert not section.make.disabled
