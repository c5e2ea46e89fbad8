"""Helpers for the werkboek's tests: a werkboek made as the start page makes it, as data, HTML, Markdown or the
start page's download links."""

from __future__ import annotations

import base64
import re

from wijwerken_widgets.pages.start import texts, werkboek, werkboek_export, werkboek_render
from wijwerken_widgets.ui import texts as common_texts
from wijwerken_widgets.ui.context import Context

WORDS = texts.load().werkboek
NAVIGATION = [(p.workbook, p.name) for p in common_texts.load().navigation.pages]


def collect(ctx: Context) -> werkboek_export.Werkboek:
    return werkboek_export.collect(ctx.store, ctx.person, WORDS, NAVIGATION)


def as_html(ctx: Context) -> str:
    return werkboek_render.to_html(collect(ctx), WORDS).decode("utf-8")


def as_markdown(ctx: Context) -> str:
    return werkboek_render.to_markdown(collect(ctx), WORDS).decode("utf-8")


def downloads(ctx: Context) -> dict[str, str]:
    """File name → content of the files the start page's button offers (read from its data: links)."""
    section = werkboek.WerkboekDownload(ctx, WORDS)
    section.make.click()
    found = re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"', section.result.value)
    return {name: base64.b64decode(data).decode("utf-8") for name, data in found}


def save(ctx: Context, key: str, value) -> None:
    """An answer of ``ctx``'s person, as a page saves it."""
    ctx.store.save_answer(ctx.person.id, key, value, client_id="test", base_id=None)


def note(ctx: Context, text: str, sharing: str = "prive", day: str = "dag1") -> None:
    """A logboek entry of ``ctx``'s person."""
    from wijwerken_widgets.core.ids import new_id

    ctx.store.save_log_entry(ctx.person.id, new_id(), day=day, prompt="", text=text, sharing=sharing,
                             client_id="test")
