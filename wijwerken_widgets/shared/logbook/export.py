"""Trainers: download the logboek entries shared with them (CSV or Excel) as a ``data:`` link.

Only :meth:`~wijwerken_widgets.store.logbook.LogbookStore.shared_log_entries` is read, so privé entries never reach
a file. CSV and Excel are made like Dag 2's map export: ``;`` and UTF-8 with BOM, formula-like cells defused.
"""

from __future__ import annotations

import html
import io
import logging
from datetime import date
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.dutch import LOCAL_TIME
from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.shared.logbook import texts
from wijwerken_widgets.shared.logbook.widget import author_groups, begun_at, entry_day
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import button, static_html
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.notices import message

if TYPE_CHECKING:
    import pandas as pd

    from wijwerken_widgets.store import Person, Store

log = logging.getLogger("wijwerken")

COLUMNS = ["deelnemer", "groep", "dag", "datum", "vraag", "tekst", "gedeeld met"]
SHARED_WITH = {"trainer": "trainer", "groep": "groep"}
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def logbook_table(store: Store, reader: Person) -> pd.DataFrame:
    """The entries shared with ``reader`` (oldest first), one row each, with the :data:`COLUMNS`."""
    import pandas as pd

    entries, part = store.shared_log_entries(reader), texts.load()
    groups = author_groups(store, reader.cohort_id, part) if entries else {}
    rows = [
        {
            "deelnemer": s.author,
            "groep": groups.get(s.entry.person_id, ""),
            "dag": entry_day(s.entry, part),
            "datum": begun_at(s.entry).astimezone(LOCAL_TIME).strftime("%Y-%m-%d %H:%M"),
            "vraag": s.entry.prompt,
            "tekst": s.entry.text,
            "gedeeld met": SHARED_WITH.get(s.entry.sharing, s.entry.sharing),
        }
        for s in entries
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def to_csv(frame: pd.DataFrame) -> bytes:
    """``;``-separated UTF-8 (BOM); a cell Excel would run as a formula gets a leading ``'``."""
    from wijwerken_widgets.core.downloads import CSV_SEPARATOR, csv_safe

    return frame.map(csv_safe).to_csv(sep=CSV_SEPARATOR, index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx(frame: pd.DataFrame) -> bytes:
    """One sheet "Logboek"; text cells are always text, never formulas."""
    import pandas as pd

    from wijwerken_widgets.core.downloads import tidy_sheet, xml_text

    buffer = io.BytesIO()
    frame = frame.map(xml_text)
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="Logboek", index=False)
        tidy_sheet(writer.sheets["Logboek"], frame)
    return buffer.getvalue()


class LogbookExport(widgets.VBox):
    """CSV and Excel buttons for a trainer; anyone else sees a short notice."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.words = ctx, texts.load().export
        if ctx.person.role != "trainer":
            super().__init__([message(self.words.trainers_only)], layout=styles.layout())
            return
        self.link = widgets.HTML(layout=styles.layout(), style=styles.html_style())
        self.csv_button = button(self.words.csv_button, "download")
        self.csv_button.on_click(lambda _: self.export("csv"))
        self.xlsx_button = button(self.words.excel_button, "download")
        self.xlsx_button.on_click(lambda _: self.export("xlsx"))
        intro = static_html(f'<p class="ww-hint">{html.escape(self.words.intro)}</p>')
        super().__init__([intro, widgets.HBox([self.csv_button, self.xlsx_button], layout=styles.plain_layout()),
                          self.link], layout=styles.layout())

    def export(self, extension: str) -> None:
        """Build the file (``csv`` or ``xlsx``) and show it as a download link."""
        from wijwerken_widgets.core.downloads import download_link

        try:
            frame = logbook_table(self.ctx.store, self.ctx.person)
            data = to_csv(frame) if extension == "csv" else to_xlsx(frame)
        except StoreUnavailable as exc:
            self.link.value = notice_html(exc.message, "error")
            return
        except Exception:
            log.exception("logboek export %s failed", extension)
            self.link.value = notice_html(self.words.failed, "error")
            return
        filename = f"logboek-gedeeld-{date.today().isoformat()}.{extension}"
        self.link.value = download_link(data, filename, CSV_MIME if extension == "csv" else XLSX_MIME)
