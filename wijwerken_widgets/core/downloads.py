"""Files a participant or trainer downloads without anything being written on the server: ``data:`` links, and
CSV and Excel cells that are safe to open (never a formula, never a character Excel cannot hold)."""

from __future__ import annotations

import base64
import html
import re
from typing import Any

CSV_SEPARATOR = ";"
"""What Dutch Excel expects in a CSV file."""

_FORMULA = re.compile(r"^'*[=+\-@]")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XLSX/XML text at all


def download_link(data: bytes, filename: str, mime: str) -> str:
    """An ``<a download>`` holding the file itself."""
    encoded = base64.b64encode(data).decode("ascii")
    return (f'<a class="ww-download" download="{html.escape(filename)}" href="data:{mime};base64,{encoded}">'
            f"Download {html.escape(filename)}</a>")


def csv_safe(value: Any) -> Any:
    """A cell Excel would run as a formula (``=``, ``+``, ``-``, ``@`` …) gets a leading ``'``."""
    return "'" + value if isinstance(value, str) and _FORMULA.match(value) else value


def xml_text(value: Any) -> Any:
    """Text without the control characters XML (and so Excel and GraphML) cannot hold."""
    return _XML_ILLEGAL.sub("", value) if isinstance(value, str) else value


def tidy_sheet(sheet: Any, frame: Any) -> None:
    """Column widths to fit (at most 60), a frozen header, wrapped notes, and text that is never a formula (``frame``
    is the pandas DataFrame written to ``sheet``, an openpyxl worksheet)."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    for index, column in enumerate(frame.columns, start=1):
        lines = [line for text in (column, *map(str, frame[column])) for line in text.splitlines()]
        sheet.column_dimensions[get_column_letter(index)].width = min(max(8, *map(len, lines)) + 2, 60)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # "=..." typed as a name stays text instead of becoming a formula
                if "\n" in cell.value:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
