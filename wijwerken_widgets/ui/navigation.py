"""Links between the workbook's pages: the navigation at the top, previous/next and the footer at the end.

The pages and their order are ``navigation.pages`` of ``algemeen.yaml`` (the one list; the start page's programme
links to the same notebooks). Every link is relative (``dag2.ipynb``): Voilà serves all workbooks side by side
(``…/voila/render/dag1.ipynb``), so the links work under any base URL or JupyterHub prefix.
"""

from __future__ import annotations

import html
from collections.abc import Collection
from typing import Any

from wijwerken_widgets.ui import texts


def _link(workbook: str, name: str, *, current: bool = False, rel: str = "") -> str:
    extra = (' aria-current="page"' if current else "") + (f' rel="{rel}"' if rel else "")
    return f'<a href="{html.escape(workbook)}"{extra}>{html.escape(name)}</a>'


def _pages(off: Collection[str]) -> list[Any]:
    """The navigation's pages, without those the cohort turned off (``off``: ``{"dag2"}``)."""
    return [p for p in texts.load().navigation.pages if p.workbook.removesuffix(".ipynb") not in off]


def nav_html(workbook: str | None, off: Collection[str] = (), *, trainer: bool = False) -> str:
    """The ``<nav>`` landmark listing every page (but those in ``off``); the current one (``workbook``) is marked
    ``aria-current``. A ``trainer`` gets a second one first, with the trainer pages and its name on screen too (a
    screen reader has it as the landmark's label already)."""
    words = texts.load().navigation

    def landmark(label: str, pages: list[Any], css: str, title: str = "") -> str:
        items = "".join(f"<li>{_link(p.workbook, p.name, current=p.workbook == workbook)}</li>" for p in pages)
        return f'<nav class="{css}" aria-label="{html.escape(label)}">{title}<ul>{items}</ul></nav>'

    own = landmark(words.trainer_label, list(words.trainer_pages), "ww-nav ww-nav-trainer",
                   f'<span class="ww-nav-title" aria-hidden="true">{html.escape(words.trainer_label)}</span>')
    return (own if trainer else "") + landmark(words.label, _pages(off), "ww-nav")


def neighbours(workbook: str | None, off: Collection[str] = ()) -> tuple[Any, Any]:
    """The pages before and after ``workbook`` in the order of the days (None at either end or off the order)."""
    steps = [p for p in _pages(off) if p.step]
    index = next((i for i, p in enumerate(steps) if p.workbook == workbook), None)
    if index is None:
        return None, None
    return (steps[index - 1] if index > 0 else None), (steps[index + 1] if index + 1 < len(steps) else None)


def end_html(workbook: str | None, off: Collection[str] = ()) -> str:
    """The end of a page: "← Terug naar …" and "Verder naar … →" (on a page in the order, skipping those in
    ``off``), then the footer."""
    words = texts.load().navigation
    before, after = neighbours(workbook, off)
    links = []
    if before is not None:
        links.append(f'<li class="ww-pager-prev">{_link(before.workbook, words.previous.format(pagina=before.name), rel="prev")}</li>')
    if after is not None:
        links.append(f'<li class="ww-pager-next">{_link(after.workbook, words.next.format(pagina=after.name), rel="next")}</li>')
    pager = (f'<nav class="ww-pager" aria-label="{html.escape(words.pager_label)}"><ul>{"".join(links)}</ul></nav>'
             if links else "")
    footer = (f'<footer class="ww-footer"><a href="{html.escape(words.footer_accessibility_workbook)}">'
              f"{html.escape(words.footer_accessibility)}</a></footer>")
    return pager + footer
