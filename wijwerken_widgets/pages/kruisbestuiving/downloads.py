"""The overview as a file for the exchange meetings, made on the click: Markdown, or a standalone web page that
works offline (``core.downloads.printable_html``: no CDN, every text escaped). The k-rule holds here too: below
``min_groups`` the file holds only the count. Nothing for anyone but a trainer."""

from __future__ import annotations

from datetime import date

import ipywidgets as widgets

from wijwerken_widgets.core.downloads import HTML_MIME, printable_html
from wijwerken_widgets.core.dutch import long_date
from wijwerken_widgets.pages.kruisbestuiving import texts
from wijwerken_widgets.pages.kruisbestuiving.collect import contributions
from wijwerken_widgets.pages.kruisbestuiving.render import body_html, markdown
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, hidden
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.files import file_link_html

MARKDOWN_MIME = "text/markdown"


def make_file(ctx: Context, extension: str, today: date | None = None) -> tuple[bytes, str, str]:
    """(data, file name, mime type) of the overview as ``md`` or ``html``; refused for anyone but a trainer."""
    if not access.for_trainer(ctx):
        raise PermissionError("only trainers download the kruisbestuiving overview")
    content = texts.load()
    part = content.exercises.downloads
    today = today or date.today()
    found = contributions(ctx.store, content)
    made_on = part.made_on.format(datum=long_date(today))
    filename = f"{part.file_name}-{today.isoformat()}.{extension}"
    ctx.store.audit("export", "cohort", None, origin="kernel", actor_id=ctx.person.id,  # every sharing cohort
                    cohort_id=ctx.person.cohort_id)
    if extension == "md":
        return markdown(found, content, made_on).encode("utf-8"), filename, MARKDOWN_MIME
    return printable_html(content.title, body_html(found, content, focusable=False), made_on), filename, HTML_MIME


class Downloads(Exercise):
    """Two buttons; a click builds the file and shows its link."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, part = ctx, texts.load().exercises.downloads
        self.failed = part.failed
        self.link = widgets.HTML(layout=styles.layout(), style=styles.html_style(), _dom_classes=("ww-feedback",))
        self.buttons = []
        for label, extension in ((part.markdown_button, "md"), (part.html_button, "html")):
            control = button(label, "download")
            control.on_click(lambda _, e=extension: self.export(e))
            self.buttons.append(control)
        super().__init__(part.title, part.instruction,
                         [widgets.HBox(self.buttons, layout=styles.plain_layout()), self.link])

    def export(self, extension: str) -> None:
        self.link.value = file_link_html(lambda: make_file(self.ctx, extension), self.failed,
                                         f"kruisbestuiving .{extension}")


def section(ctx: Context) -> widgets.Widget:
    """The ``downloads`` part of ``kruisbestuiving.yaml``: only for trainers."""
    if not access.for_trainer(ctx):
        return hidden()
    return Downloads(ctx)
