"""The pecha kucha page, part 2: the one HTML file (``slideshow.py``), made when the participant asks for it.

"Maak het bestand" first saves what is still being typed, reads the stored deck and says in Dutch what is still
missing (exactly 20 slides, each with an alt text and a title or text); only then is the file built and offered as
a download link (``core.downloads``): nothing is built at page load, and nothing is written on the server.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

import ipywidgets as widgets

from wijwerken_widgets.core.downloads import download_link
from wijwerken_widgets.core.dutch import long_date
from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.pages.pechakucha import deck as rules
from wijwerken_widgets.pages.pechakucha import keys, texts
from wijwerken_widgets.pages.pechakucha.slideshow import MIME, slideshow_html
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button
from wijwerken_widgets.ui.context import Context

if TYPE_CHECKING:
    from wijwerken_widgets.pages.pechakucha.schema import PechakuchaContent

log = logging.getLogger("wijwerken")


def problem_text(found: rules.Problems, content: PechakuchaContent) -> str:
    """What stands between the deck and the file, in one Dutch message (empty when it is ready)."""
    part = content.exercises.download
    lines = []
    if found.missing > 0:
        lines.append(part.missing.format(aantal=found.missing))
    elif found.missing < 0:
        lines.append(part.too_many.format(aantal=-found.missing))
    if found.empty:
        lines.append(part.empty.format(dias=rules.numbers(found.empty, part.and_word)))
    if found.no_alt:
        lines.append(part.missing_alt.format(dias=rules.numbers(found.no_alt, part.and_word)))
    return " ".join(lines)


class FileMaker(widgets.VBox):
    """The button, and the link or what is missing."""

    def __init__(self, ctx: Context, content: PechakuchaContent) -> None:
        self.ctx, self.content = ctx, content
        part = content.exercises.download
        self.make_button = button(part.make_button, "download", "ww-primary")
        self.make_button.on_click(lambda _: self.make())
        self.result = widgets.HTML("", layout=styles.layout(), style=styles.html_style(),
                                   _dom_classes=("ww-pechakucha-file",))
        super().__init__([self.make_button, self.result], layout=styles.layout())

    def make(self, today: date | None = None) -> bytes | None:
        """Build the file and show its link; returns the file (``None`` when something is missing)."""
        part = self.content.exercises.download
        today = today or date.today()
        try:
            self.ctx.flush_all()
            stored = self.ctx.store.latest_answer(self.ctx.person.id, keys.SLIDES)
            deck = rules.from_stored(stored.value if stored is not None else [], self.content.slides,
                                     rules.limits_of(self.content.limits))
            missing = problem_text(rules.problems(deck, self.content.slides), self.content)
            if missing:
                self.result.value = notice_html(missing, "warning")
                return None
            name = self.ctx.person.name
            title = part.document_title.format(naam=name)
            data = slideshow_html(deck, self.content, title, f"{name} \u00b7 {long_date(today)}")
        except StoreUnavailable as exc:
            self.result.value = notice_html(exc.message, "error")
            return None
        except Exception:
            log.exception("pecha kucha file failed")
            self.result.value = notice_html(part.failed, "error")
            return None
        filename = f"{part.file_name}-{today.isoformat()}.html"
        self.result.value = (notice_html(part.ready, "success")
                             + download_link(data, filename, MIME, part.link.format(bestand=filename)))
        return data


def section(ctx: Context) -> widgets.Widget:
    """The ``file`` part of ``pechakucha.yaml``."""
    content = texts.load()
    part = content.exercises.download
    return Exercise(part.title, part.instruction, [FileMaker(ctx, content)])
