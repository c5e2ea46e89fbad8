"""The actieplan as files to download: CSV (``;``, UTF-8 with BOM, as Dutch Excel reads it) and Excel, one row per
action with the owners and rode draden by name (``plan_views.rows``). No cell is ever a formula
(``core.downloads``)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from wijwerken_widgets.core.downloads import CSV_SEPARATOR, csv_safe, tidy_sheet, xml_text

CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _frame(columns: Sequence[str], rows: Sequence[Sequence[str]]):
    import pandas as pd

    return pd.DataFrame([list(r) for r in rows], columns=list(columns), dtype=object)


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> bytes:
    """The plan as a CSV file; a cell that starts like a formula gets a leading ``'``."""
    frame = _frame(columns, rows).map(csv_safe)
    return frame.to_csv(sep=CSV_SEPARATOR, index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx(columns: Sequence[str], rows: Sequence[Sequence[str]], sheet: str) -> bytes:
    """The plan as an Excel workbook with one sheet ``sheet``; every cell is text."""
    import pandas as pd

    frame = _frame(columns, rows).map(xml_text)
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet, index=False)
        tidy_sheet(writer.sheets[sheet], frame)
    return buffer.getvalue()
