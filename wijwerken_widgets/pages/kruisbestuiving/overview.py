"""The overview: per gemeente the shared rode draden, then the actions, side by side; below ``min_groups`` sharing
groups only how many shared (``collect.visible``). Read again on "Vernieuwen"; nothing for anyone but a trainer."""

from __future__ import annotations

import ipywidgets as widgets

from wijwerken_widgets.core.html import notice_html
from wijwerken_widgets.pages.kruisbestuiving import texts
from wijwerken_widgets.pages.kruisbestuiving.collect import contributions
from wijwerken_widgets.pages.kruisbestuiving.render import body_html
from wijwerken_widgets.shared import trainer_access as access
from wijwerken_widgets.store import StoreUnavailable
from wijwerken_widgets.ui.blocks import Exercise, button, hidden, static_html
from wijwerken_widgets.ui.context import Context


def overview_html(ctx: Context) -> str:
    """What the trainer sees; empty for anyone else."""
    if not access.for_trainer(ctx):
        return ""
    content = texts.load()
    return body_html(contributions(ctx.store, content), content)


class Overview(Exercise):
    def __init__(self, ctx: Context) -> None:
        self.ctx, content = ctx, texts.load()
        part = content.exercises.overview
        self.view = static_html("", "ww-kruis-view")
        self.refresh_button = button(content.refresh_button, "refresh")
        self.refresh_button.on_click(lambda _: self.show())
        super().__init__(part.title, part.instruction, [self.refresh_button, self.view])
        self.show()

    def show(self) -> None:
        try:
            self.view.value = overview_html(self.ctx)
        except StoreUnavailable as exc:
            self.view.value = notice_html(exc.message, "error")


def section(ctx: Context) -> widgets.Widget:
    """The ``overview`` part of ``kruisbestuiving.yaml``: only for trainers."""
    if not access.for_trainer(ctx):
        return hidden()
    return Overview(ctx)
