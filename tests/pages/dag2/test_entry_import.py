"""Dag 2's import: a pasted list or an uploaded file, previewed, then added in one save."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import openpyxl

from tests.support.maps import map_session
from wijwerken_widgets import ui
from wijwerken_widgets.pages.dag2.entry_import import StakeholderImport
from wijwerken_widgets.shared.stakeholders.model import validate_stakeholder
from wijwerken_widgets.ui.context import Context


def test_import_from_a_pasted_list_shows_a_preview_then_adds(ctx: Context) -> None:
    """Does a pasted list add only the new names, leaving what the map knows of a listed one alone?"""
    session = map_session(ctx)
    session.add([validate_stakeholder({"naam": "Wijkagent", "invloed": 5, "soort": "ketenpartner"})])
    importer = StakeholderImport(session)
    importer.paste.value = "Wijkagent\nBewoner Rozenstraat\n\nOndernemersvereniging\n"
    importer.preview_paste()
    assert "<strong>2</strong> nieuw, <strong>0</strong> bijgewerkt" in importer.preview.value
    importer.commit()
    assert sorted(s.naam for s in session.map.stakeholders) == ["Bewoner Rozenstraat", "Ondernemersvereniging",
                                                                 "Wijkagent"]
    agent = session.map.find("wijkagent")
    assert (agent.invloed, agent.soort) == (5, "ketenpartner")


def test_an_unreadable_upload_gets_a_dutch_message(ctx: Context) -> None:
    """Does a file that is no spreadsheet get a Dutch message, and no import button?"""
    importer = StakeholderImport(map_session(ctx))
    importer.upload.value = ({"name": "kaart.xlsx", "type": "", "size": 7, "content": memoryview(b"garbage"),
                              "last_modified": datetime.now(timezone.utc)},)
    assert "Dit Excel-bestand kan ik niet lezen" in importer.feedback.text
    assert importer.confirm.layout.display == "none"


def test_the_preview_counts_one_relation_in_the_singular(ctx: Context) -> None:
    """Does a file with one relation preview "1 relatie" (from counts in dag2.yaml), not "1 relaties"?"""
    book = openpyxl.Workbook()
    book.active.title = "stakeholders"
    book.active.append(["naam"])
    book.active.append(["Anna"])
    book.active.append(["Bram"])
    book.create_sheet("Relaties").append(["Van", "Naar", "Soort"])
    book["Relaties"].append(["Anna", "Bram", "Informeel contact"])
    buffer = io.BytesIO()
    book.save(buffer)
    importer = StakeholderImport(map_session(ctx))
    importer.upload.value = ({"name": "kaart.xlsx", "type": "", "size": len(buffer.getvalue()),
                              "content": memoryview(buffer.getvalue()), "last_modified": datetime.now(timezone.utc)},)
    assert "<strong>2</strong> nieuw, <strong>0</strong> bijgewerkt, <strong>1 relatie</strong>." in importer.preview.value


def test_the_file_button_hides_its_count(ctx: Context) -> None:
    """Does the file button end its text in a line break, with the class whose rule (widgets.css) cuts off the line
    where ipywidgets puts "(0)", so it reads only "Kies een bestand (CSV of Excel)"?"""
    importer = StakeholderImport(map_session(ctx))
    assert importer.upload.description == "Kies een bestand (CSV of Excel)\n"
    assert "ww-upload" in importer.upload._dom_classes
    css = (Path(ui.__file__).parent / "widgets.css").read_text(encoding="utf-8")
    rule = css.split(".jupyter-button.widget-upload.ww-upload {", 1)[1].split("}", 1)[0]
    assert "overflow: hidden" in rule and "white-space: pre" in rule  # seen in Chromium: tests/browser/test_dag2.py
