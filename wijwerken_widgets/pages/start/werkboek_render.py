"""The werkboek (``werkboek_export.Werkboek``) as files: one self-contained web page that prints on A4 with every
day on a new page (``core.downloads.printable_html``; its styles are in ``core/printable.css``), and Markdown.

Everything a person typed is escaped: in HTML it shows as text, never as markup; in Markdown every character that
would become markup gets a backslash.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from wijwerken_widgets.core.downloads import printable_html
from wijwerken_widgets.core.dutch import long_date
from wijwerken_widgets.core.html import plain_text_html
from wijwerken_widgets.pages.start.werkboek_export import Bullets, Day, LogItem, Part, Record, Row, Value, Werkboek

if TYPE_CHECKING:
    from wijwerken_widgets.pages.start.schema import Werkboek as Words

LOGBOOK_ID = "logboek"


def meta(werkboek: Werkboek, words: Words) -> str:
    """The line under the title: whose werkboek, and when it was made."""
    when = long_date(werkboek.made)
    if werkboek.group is not None:
        return words.made_for_group.format(naam=werkboek.owner, groep=werkboek.group, datum=when)
    return words.made_for.format(naam=werkboek.owner, datum=when)


def file_stem(words: Words, werkboek: Werkboek) -> str:
    return f"{words.file_name}-{werkboek.made.isoformat()}"


# -- HTML ----------------------------------------------------------------------------------------------------------


def to_html(werkboek: Werkboek, words: Words) -> bytes:
    """The werkboek as one web page without any link to elsewhere (``lang="nl"``)."""
    contents = "".join(f'<li><a href="#{_anchor(day)}">{html.escape(day.title)}</a></li>' for day in werkboek.days)
    contents += f'<li><a href="#{LOGBOOK_ID}">{html.escape(words.logbook_title)}</a></li>'
    body = [f'<nav class="ww-wb-contents" aria-label="{html.escape(words.contents)}">'
            f"<h2>{html.escape(words.contents)}</h2><ol>{contents}</ol></nav>"]
    if werkboek.group is None:
        body.append(f'<p class="ww-hint">{html.escape(words.no_group)}</p>')
    body.extend(_day_html(day, words) for day in werkboek.days)
    body.append(_logbook_html(werkboek.logbook, words))
    return printable_html(words.document_title, "\n".join(body), meta(werkboek, words))


def _anchor(day: Day) -> str:
    return "dag-" + re.sub(r"[^a-z0-9_-]", "-", day.page.lower())


def _day_html(day: Day, words: Words) -> str:
    parts = []
    if day.answers:
        parts.append(f"<h3>{html.escape(words.your_answers)}</h3>")
        parts.extend(_part_html(part) for part in day.answers)
    if day.group:
        parts.append(f"<h3>{html.escape(words.from_group)}</h3>")
        parts.extend(_part_html(part) for part in day.group)
    if not parts:
        parts.append(f'<p class="ww-missing">{html.escape(words.empty_day)}</p>')
    return (f'<section class="ww-wb-day" id="{_anchor(day)}"><h2>{html.escape(day.title)}</h2>'
            + "".join(parts) + "</section>")


def _part_html(part: Part) -> str:
    title = f"<h4>{html.escape(part.title)}</h4>" if part.title else ""
    rows = _rows_html(part.rows) if part.rows else ""
    items = ("<ul class='ww-wb-items'>" + "".join(f"<li>{_rows_html(r.rows)}</li>" for r in part.items) + "</ul>"
             if part.items else "")
    return f'<div class="ww-wb-part">{title}{rows}{items}</div>'


def _rows_html(rows: tuple[Row, ...]) -> str:
    return ("<dl class='ww-wb-rows'>"
            + "".join(f"<dt>{html.escape(r.label)}</dt><dd>{_value_html(r.value)}</dd>" for r in rows) + "</dl>")


def _value_html(value: Value) -> str:
    if isinstance(value, Record):
        return _rows_html(value.rows)
    if isinstance(value, Bullets):
        return "<ul>" + "".join(f"<li>{_value_html(v)}</li>" for v in value.values) + "</ul>"
    return plain_text_html(value)


def _logbook_html(entries: tuple[LogItem, ...], words: Words) -> str:
    head = (f'<section class="ww-wb-day ww-wb-logbook" id="{LOGBOOK_ID}"><h2>{html.escape(words.logbook_title)}</h2>'
            f"<p>{html.escape(words.logbook_intro)}</p>")
    if not entries:
        return head + f'<p class="ww-missing">{html.escape(words.empty_logbook)}</p></section>'
    items = []
    for entry in entries:
        title = words.logbook_entry.format(dag=entry.day, datum=long_date(entry.saved_at))
        sharing = getattr(words.sharing, entry.sharing, entry.sharing)
        prompt = f'<p class="ww-wb-prompt">{plain_text_html(entry.prompt)}</p>' if entry.prompt.strip() else ""
        items.append(
            f'<article class="ww-wb-entry ww-wb-{html.escape(entry.sharing)}"><h3>{html.escape(title)} '
            f'<span class="ww-wb-sharing">({html.escape(sharing)})</span></h3>{prompt}'
            f"<p>{plain_text_html(entry.text)}</p></article>"
        )
    return head + "".join(items) + "</section>"


# -- Markdown ------------------------------------------------------------------------------------------------------

_INLINE = re.compile(r"([\\`*_\[\]<>|~&#!{}])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written: markup characters get a backslash, also a list or quote marker at the
    start of a line; no line starts with spaces (that would be code)."""
    lines = []
    for line in text.strip().splitlines():
        line = _INLINE.sub(r"\\\1", line.strip())
        match = _LINE_START.match(line)
        if match and match.group(2).isdigit():
            line = line[:match.end()] + "\\" + line[match.end():]
        elif match:
            line = line[:match.start(2)] + "\\" + line[match.start(2):]
        lines.append(line)
    return "\n".join(lines)


def md_inline(text: str) -> str:
    """One line of text (a heading) that Markdown shows as written."""
    return _INLINE.sub(r"\\\1", " ".join(text.split()))


def to_markdown(werkboek: Werkboek, words: Words) -> bytes:
    """The werkboek as Markdown (UTF-8): the same headings and content as the web page."""
    out = [f"# {md_inline(words.document_title)}", "", md_escape(meta(werkboek, words)), ""]
    if werkboek.group is None:
        out += [md_escape(words.no_group), ""]
    for day in werkboek.days:
        out += [f"## {md_inline(day.title)}", ""]
        if not day.answers and not day.group:
            out += [f"*{md_escape(words.empty_day)}*", ""]
        for heading, parts in ((words.your_answers, day.answers), (words.from_group, day.group)):
            if parts:
                out += [f"### {md_inline(heading)}", ""]
                for part in parts:
                    out += _part_md(part)
    out += [f"## {md_inline(words.logbook_title)}", "", md_escape(words.logbook_intro), ""]
    if not werkboek.logbook:
        out += [f"*{md_escape(words.empty_logbook)}*", ""]
    for entry in werkboek.logbook:
        title = words.logbook_entry.format(dag=entry.day, datum=long_date(entry.saved_at))
        sharing = getattr(words.sharing, entry.sharing, entry.sharing)
        out += [f"### {md_inline(title)} ({md_inline(sharing)})", ""]
        if entry.prompt.strip():
            out += [f"*{_one_line(entry.prompt)}*", ""]
        out += [_hard_breaks(md_escape(entry.text)), ""]
    return ("\n".join(out).rstrip() + "\n").encode("utf-8")


def _part_md(part: Part) -> list[str]:
    out = [f"#### {md_inline(part.title)}", ""] if part.title else []
    if part.rows:
        out += _rows_md(part.rows, 0) + [""]
    for number, record in enumerate(part.items, start=1):  # each item a numbered list item, its fields beneath
        marker = f"{number}."
        out += [marker, *(" " * (len(marker) + 1) + line for line in _rows_md(record.rows, 0))]
    return [*out, ""] if part.items else out


def _rows_md(rows: tuple[Row, ...], depth: int) -> list[str]:
    lines = []
    pad = "  " * depth
    for row in rows:
        label = f"**{md_inline(row.label)}{'' if row.label.rstrip()[-1:] in '?:' else ':'}**"
        if isinstance(row.value, str) and "\n" not in row.value.strip():
            lines.append(f"{pad}- {label} {md_escape(row.value)}")
        else:
            lines.append(f"{pad}- {label}")
            lines += _value_md(row.value, depth + 1)
    return lines


def _value_md(value: Value, depth: int) -> list[str]:
    pad = "  " * depth
    if isinstance(value, Record):
        return _rows_md(value.rows, depth)
    if isinstance(value, Bullets):
        lines = []
        for item in value.values:
            if isinstance(item, str):
                first, *rest = md_escape(item).splitlines() or [""]
                lines.append(f"{pad}- {first}")
                lines += [f"{pad}  {line}" for line in rest]
            else:
                lines.append(f"{pad}-")
                lines += _value_md(item, depth + 1)
        return lines
    return [f"{pad}{line}" for line in _hard_breaks(md_escape(value)).splitlines()]


def _hard_breaks(text: str) -> str:
    """Keep the typed line breaks (a backslash at the end of a line is a hard break in CommonMark)."""
    return "\\\n".join(text.splitlines())


def _one_line(text: str) -> str:
    return md_inline(text)
