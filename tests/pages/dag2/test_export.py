"""Dag 2's downloads of the map, made in the kernel and offered as a data: link."""

from __future__ import annotations

from datetime import date

import pytest

from tests.support.maps import map_session
from wijwerken_widgets.pages.dag2.export import ExportView
from wijwerken_widgets.shared.stakeholders.model import validate_stakeholder
from wijwerken_widgets.ui.context import Context


def test_a_download_is_named_after_the_group_and_the_day(ctx: Context) -> None:
    """Does the CSV button offer a file named stakeholderkaart-<group>-<date>.csv?"""
    session = map_session(ctx)
    session.add([validate_stakeholder({"naam": "Wijkagent"})])
    view = ExportView(session)
    assert view.title == "Stakeholderkaart \u2068Groep Buiten\u2069"  # the name isolated
    [buttons] = [child for child in view.children if child is not view.link]
    assert [b.description for b in buttons.children] == ["Excel", "CSV", "Webpagina", "GraphML", "GEXF",
                                                         "Kumu (JSON)"]
    buttons.children[1].click()
    assert f'download="stakeholderkaart-groep-buiten-{date.today().isoformat()}.csv"' in view.link.value


def test_a_failed_export_says_so_in_dutch(ctx: Context, caplog: pytest.LogCaptureFixture) -> None:
    """When making a file fails, does the participant get a Dutch notice instead of a traceback?"""
    view = ExportView(map_session(ctx))

    def broken(_map) -> bytes:
        raise RuntimeError("disk full")

    view.export("csv", "text/csv", broken)
    assert "Dit bestand kon niet worden gemaakt." in view.link.value and "ww-notice-error" in view.link.value
    assert "disk full" not in view.link.value
