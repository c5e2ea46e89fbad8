"""The trainer's download of the logboek entries shared with them: CSV and Excel, never a privé entry."""

from __future__ import annotations

import base64
import io
import re

import pandas as pd

from tests.support.logbook import new_logbook, said, write_entry
from wijwerken_widgets.shared.logbook.export import COLUMNS, LogbookExport, logbook_table
from wijwerken_widgets.ui.context import Context


def _download(export: LogbookExport, which: str) -> bytes:
    (export.csv_button if which == "csv" else export.xlsx_button).click()
    match = re.search(r'href="data:[^;]+;base64,([^"]+)"', export.link.value)
    assert match, export.link.value
    return base64.b64decode(match.group(1))


def test_the_export_holds_trainer_and_group_entries_but_never_private_text(ctx: Context, trainer: Context) -> None:
    """Does the trainer's export (CSV, Excel) hold trainer and group entries, defused, but never privé text?"""
    mine = new_logbook(ctx)
    for text, sharing in (("Geheim van mij", "prive"), ("Voor de trainer", "trainer"), ("=1+1 voor de groep", "groep")):
        write_entry(mine, text, sharing)
    frame = logbook_table(trainer.store, trainer.person)
    assert list(frame.columns) == COLUMNS
    assert list(frame["tekst"]) == ["Voor de trainer", "=1+1 voor de groep"]
    assert set(frame["deelnemer"]) == {ctx.person.name} and set(frame["groep"]) == {ctx.group.name}
    assert list(frame["gedeeld met"]) == ["trainer", "groep"] and set(frame["dag"]) == {"Dag 3"}

    export = LogbookExport(trainer)
    data = _download(export, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == ";".join(COLUMNS)
    assert "Voor de trainer" in text and "'=1+1 voor de groep" in text and "Geheim van mij" not in text
    assert 'download="logboek-gedeeld-' in export.link.value

    sheet = pd.read_excel(io.BytesIO(_download(export, "xlsx")))
    assert list(sheet["tekst"]) == ["Voor de trainer", "=1+1 voor de groep"]


def test_the_export_is_for_trainers_only(ctx: Context) -> None:
    """Is the export for trainers only?"""
    export = LogbookExport(ctx)
    assert not hasattr(export, "csv_button")
    assert "Alleen trainers" in said(export.children[0])
