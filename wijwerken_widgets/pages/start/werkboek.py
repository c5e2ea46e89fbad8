"""The start page's "Je werkboek": a button that makes the participant's whole werkboek (all days, the group's work,
their own logboek) and then offers it as a web page and as Markdown to download.

The files are made on the click, not when the page loads: reading every page's registry imports those pages
(``werkboek_export``).
"""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.pages.start import texts
from wijwerken_widgets.ui import texts as common_texts
from wijwerken_widgets.ui.blocks import Exercise, button, static_html

if TYPE_CHECKING:
    from wijwerken_widgets.pages.start.schema import Werkboek as Words
    from wijwerken_widgets.ui.context import Context

log = logging.getLogger(__name__)

MARKDOWN_MIME = "text/markdown"


def files(ctx: Context, words: Words) -> list[tuple[bytes, str, str, str]]:
    """The werkboek of the logged-in person as (data, file name, mime type, link text): the web page, then
    Markdown."""
    from wijwerken_widgets.core.downloads import HTML_MIME
    from wijwerken_widgets.pages.start import werkboek_export, werkboek_render

    navigation = [(p.workbook, p.name) for p in common_texts.load().navigation.pages]
    werkboek = werkboek_export.collect(ctx.store, ctx.person, words, navigation)
    stem = werkboek_render.file_stem(words, werkboek)
    page, text = f"{stem}.html", f"{stem}.md"
    return [
        (werkboek_render.to_html(werkboek, words), page, HTML_MIME, words.html_link.format(bestand=page)),
        (werkboek_render.to_markdown(werkboek, words), text, MARKDOWN_MIME, words.markdown_link.format(bestand=text)),
    ]


class WerkboekDownload(Exercise):
    """The button, a status line while the files are made, and the two download links."""

    def __init__(self, ctx: Context, words: Words) -> None:
        self.ctx, self.words = ctx, words
        self.make = button(words.button, "book")
        self.make.on_click(lambda _: self.build())
        self.result = static_html("", "ww-werkboek-result ww-feedback")  # a live region (wijwerken-a11y.js)
        super().__init__(words.title, words.instruction, [self.make, self.result])
        self.add_class("ww-werkboek")

    def build(self) -> None:
        """Make both files and show their links (or a message saying it did not work)."""
        from wijwerken_widgets.core.downloads import download_link

        words = self.words
        self.make.disabled = True
        self.result.value = f'<p class="ww-hint">{html.escape(words.busy)}</p>'
        try:
            made = files(self.ctx, words)
        except Exception:
            log.exception("werkboek download failed for person=%s", self.ctx.person.id)
            self.result.value = notice_html(words.failed, "error")
        else:
            links = "".join(f"<li>{download_link(data, name, mime, label)}</li>" for data, name, mime, label in made)
            self.result.value = (f'<ul class="ww-werkboek-links">{links}</ul>'
                                 f'<p class="ww-hint">{html.escape(words.print_hint)}</p>')
        finally:
            self.make.disabled = False


def section(ctx: Context) -> widgets.Widget:
    """The ``werkboek`` part of ``start.yaml``."""
    return WerkboekDownload(ctx, texts.load().werkboek)
