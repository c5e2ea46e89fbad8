"""The shared work as HTML (on the page and in the downloaded web page) and as Markdown: per gemeente its rode
draden, then its actions. Every shared text is escaped; a list reads well linear (gemeente after gemeente) and the
page lays the gemeenten side by side with CSS (``.ww-kruis`` in ``ui/widgets.css``)."""

from __future__ import annotations

import html

from wijwerken_widgets.core.html import format_html, notice_html
from wijwerken_widgets.pages.kruisbestuiving.collect import Contribution, by_gemeente, visible
from wijwerken_widgets.pages.kruisbestuiving.schema import KruisbestuivingContent


def below_threshold(found: list[Contribution], content: KruisbestuivingContent) -> str:
    """The one sentence shown while fewer than ``min_groups`` groups have shared."""
    return content.exercises.overview.below_threshold.format(aantal=len(found),
                                                             minimum=max(3, content.min_groups))


def _group_html(number: int, item: Contribution, content: KruisbestuivingContent) -> str:
    part = content.exercises.overview
    themes = "".join(f"<li><strong>{html.escape(t.naam)}</strong>" + (f": {html.escape(t.wel)}" if t.wel else "")
                     + "</li>" for t in item.themes)
    actions = "".join(f"<li>{html.escape(a)}</li>" for a in item.actions)
    return (f"<h4>{html.escape(part.contribution.format(nummer=number))}</h4>"
            f"<h5>{html.escape(part.themes_title)}</h5>"
            + (f"<ul>{themes}</ul>" if themes else f"<p class='ww-empty'>{html.escape(part.no_themes)}</p>")
            + f"<h5>{html.escape(part.actions_title)}</h5>"
            + (f"<ul>{actions}</ul>" if actions else f"<p class='ww-empty'>{html.escape(part.no_actions)}</p>"))


def body_html(found: list[Contribution], content: KruisbestuivingContent, *, focusable: bool = True) -> str:
    """The side-by-side overview, or only the count below the threshold (the k-rule holds here too)."""
    shown = visible(found, content.min_groups)
    if shown is None:
        return notice_html(below_threshold(found, content), "info")
    part = content.exercises.overview
    grouped = by_gemeente(shown)
    count = format_html(part.count, aantal=len(shown), gemeenten=len(grouped))
    columns = []
    for gemeente, items in grouped.items():
        label = html.escape(part.region_label.format(gemeente=gemeente))
        extra = f' tabindex="0" role="region" aria-label="{label}"' if focusable else ""
        groups = "".join(_group_html(n, item, content) for n, item in enumerate(items, start=1))
        columns.append(f'<section class="ww-kruis-gemeente"{extra}><h3>{html.escape(gemeente)}</h3>{groups}</section>')
    return f'<p class="ww-kruis-count" role="status">{count}</p><div class="ww-kruis">{"".join(columns)}</div>'


def _md(text: str) -> str:
    """Shared text on one Markdown line: no HTML (escaped), no line-start markup."""
    return html.escape(" ".join(text.split()), quote=False).replace("*", "\\*").replace("_", "\\_")


def markdown(found: list[Contribution], content: KruisbestuivingContent, made_on: str) -> str:
    """The same overview as Markdown (only the count below the threshold)."""
    lines = [f"# {_md(content.title)}", "", _md(made_on), ""]
    shown = visible(found, content.min_groups)
    if shown is None:
        return "\n".join([*lines, _md(below_threshold(found, content)), ""])
    part = content.exercises.overview
    for gemeente, items in by_gemeente(shown).items():
        lines += [f"## {_md(gemeente)}", ""]
        for number, item in enumerate(items, start=1):
            lines += [f"### {_md(part.contribution.format(nummer=number))}", "", f"**{_md(part.themes_title)}**", ""]
            lines += [f"- **{_md(t.naam)}**" + (f": {_md(t.wel)}" if t.wel else "") for t in item.themes] or [
                _md(part.no_themes)]
            lines += ["", f"**{_md(part.actions_title)}**", ""]
            lines += [f"- {_md(a)}" for a in item.actions] or [_md(part.no_actions)]
            lines.append("")
    return "\n".join(lines)
