"""What every section of the page shares: the heading, a "Vernieuwen" button, the section's HTML, and its
download buttons; a click builds the file (nothing is written on the server) and shows its link."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import ipywidgets as widgets

from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.pages.groepswerk import texts
from wijwerken_widgets.pages.groepswerk.work import GroupWork
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui import styles
from wijwerken_widgets.ui.blocks import Exercise, button, static_html
from wijwerken_widgets.ui.context import Context
from wijwerken_widgets.ui.files import file_link_html

MARKDOWN, CSV, XLSX = "md", "csv", "xlsx"
MIME = {MARKDOWN: "text/markdown", CSV: "text/csv",
        XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def file_name(stem: str, work: GroupWork, extension: str, today: date | None = None) -> str:
    """``gesprekken-groep-12-2026-12-07.md``: the part, the group's id (a name may hold anything) and the day."""
    return f"{stem}-groep-{work.group.id}-{(today or date.today()).isoformat()}.{extension}"


class GroupSection(Exercise):
    """One part of the page for one group: :meth:`body_html` draws it, :meth:`build_file` makes a download."""

    formats: Sequence[str] = (MARKDOWN,)

    def __init__(self, ctx: Context, work: GroupWork, title: str, instruction: str) -> None:
        self.ctx, self.work, self.content = ctx, work, texts.load()
        self.body = static_html("", "ww-groepswerk")
        self.link = widgets.HTML(layout=styles.layout(), style=styles.html_style(), _dom_classes=("ww-feedback",))
        self.refresh_button = button(self.content.refresh_button, "refresh")
        self.refresh_button.on_click(lambda _: self.show())
        labels = {MARKDOWN: self.content.download_markdown, CSV: self.content.download_csv,
                  XLSX: self.content.download_xlsx}
        self.buttons: dict[str, widgets.Button] = {}
        for extension in self.formats:
            control = button(labels[extension], "download")
            control.on_click(lambda _, e=extension: self.export(e))
            self.buttons[extension] = control
        super().__init__(title, instruction, [self.refresh_button, self.body,
                                              widgets.HBox(list(self.buttons.values()), layout=styles.plain_layout()),
                                              self.link])
        self.show()

    def body_html(self) -> str:
        raise NotImplementedError

    def build_file(self, extension: str) -> bytes:
        raise NotImplementedError

    def file_stem(self) -> str:
        raise NotImplementedError

    def heading(self, part_title: str) -> str:
        """The first line of a downloaded file."""
        return self.content.file_heading.format(onderdeel=part_title, groep=self.work.group.name)

    def show(self) -> None:
        try:
            self.body.value = self.body_html()
        except StoreUnavailable as exc:
            self.body.value = notice_html(exc.message, "error")

    def export(self, extension: str, build: Callable[[str], bytes] | None = None) -> None:
        def made() -> tuple[bytes, str, str]:
            data = (build or self.build_file)(extension)
            self.ctx.store.audit("export", "group", self.work.group.id, origin="kernel", actor_id=self.ctx.person.id,
                                 cohort_id=self.work.group.cohort_id)
            return data, file_name(self.file_stem(), self.work, extension), MIME[extension]

        self.link.value = file_link_html(made, self.content.download_failed, f"groepswerk {self.file_stem()}")


def md_text(text: str, missing: str = "") -> str:
    """Typed text in a Markdown file: trimmed, each line break kept (a hard break), ``missing`` in italics when
    empty."""
    text = (text or "").strip()
    if not text:
        return f"*{missing}*" if missing else ""
    return "  \n".join(line.rstrip() for line in text.splitlines())


def md_field(label: str, text: str, missing: str) -> str:
    return f"**{label}**  \n{md_text(text, missing)}"


def md_file(lines: Sequence[str]) -> bytes:
    """The file's text: the lines joined by blank lines, UTF-8."""
    return ("\n\n".join(line.rstrip("\n") for line in lines if line) + "\n").encode("utf-8")
