"""The idle warning is on a page only where the server closes open idle pages, hidden, with its times."""

from __future__ import annotations

import pytest

from wijwerken_widgets.ui.idle import IDLE_ENV, idle_html, warning_lead


def test_no_warning_where_open_pages_are_never_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(IDLE_ENV, raising=False)
    assert idle_html() == ""
    monkeypatch.setenv(IDLE_ENV, "nonsense")
    assert idle_html() == ""


def test_the_warning_is_hidden_and_says_when(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(IDLE_ENV, "2700")
    markup = idle_html()
    assert 'hidden data-seconds="2700" data-warn="300"' in markup and 'role="alert"' in markup
    assert "Over 5 minuten" in markup and ">Ik werk verder</button>" in markup
    assert warning_lead(45) == 15
