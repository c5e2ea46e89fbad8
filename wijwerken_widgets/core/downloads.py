"""Files a participant or trainer downloads without anything being written on the server: ``data:`` links, and
CSV and Excel cells that are safe to open (never a formula, never a character Excel cannot hold)."""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path
from typing import Any

CSV_SEPARATOR = ";"
"""What Dutch Excel expects in a CSV file."""

PRINTABLE_CSS = Path(__file__).with_name("printable.css")
HTML_MIME = "text/html"

_FORMULA = re.compile(r"^'*[=+\-@]")
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XLSX/XML text at all


def download_link(data: bytes, filename: str, mime: str, label: str | None = None) -> str:
    """An ``<a download>`` holding the file itself; ``label`` is its text (default: "Download <filename>")."""
    encoded = base64.b64encode(data).decode("ascii")
    text = label if label is not None else f"Download {filename}"
    return (f'<a class="ww-download" download="{html.escape(filename)}" href="data:{mime};base64,{encoded}">'
            f"{html.escape(text)}</a>")


def printable_html(title: str, body_html: str, meta: str = "", lang: str = "nl") -> bytes:
    """A self-contained web page to keep or print on one A4: ``title`` (plain text) as its heading, ``meta`` (plain
    text) under it, and ``body_html`` (already escaped HTML) with the styles of ``printable.css``."""
    meta_html = f'<p class="ww-printed-meta">{html.escape(meta)}</p>' if meta else ""
    page = (f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n<style>\n{PRINTABLE_CSS.read_text(encoding='utf-8')}</style>\n"
            f"</head>\n<body>\n<main>\n<h1>{html.escape(title)}</h1>\n{meta_html}{body_html}\n</main>\n</body>\n</html>\n")
    return page.encode("utf-8")


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
