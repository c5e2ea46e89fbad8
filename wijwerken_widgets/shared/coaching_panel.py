"""Live coaching under a text field: what is already strong, and tips with a better example."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

import ipywidgets as widgets

from wijwerken_widgets.shared.coaching import Feedback
from wijwerken_widgets.ui import styles

ICONS = {"goed": "✓", "tip": "➜"}


def feedback_html(title: str, feedback: Sequence[Feedback]) -> str:
    """The feedback as an escaped HTML list (messages come from a trainer-editable file)."""
    items = []
    for item in feedback:
        example = f'<div class="ww-coach-example">{html.escape(item.example)}</div>' if item.example else ""
        items.append(
            f'<li class="ww-coach-{item.kind}" data-rule="{html.escape(item.rule)}">'
            f'<span class="ww-coach-icon">{ICONS.get(item.kind, "•")}</span>'
            f"<span>{html.escape(item.message)}{example}</span></li>"
        )
    return f'<div class="ww-coach"><div class="ww-coach-title">{html.escape(title)}</div><ul>{"".join(items)}</ul></div>'


class CoachingPanel(widgets.HTML):
    """Re-runs ``coach(text)`` whenever the watched text widget changes."""

    def __init__(self, title: str, source: widgets.ValueWidget, coach: Callable[[str], Sequence[Feedback]]) -> None:
        self.title, self.coach = title, coach
        self.feedback: Sequence[Feedback] = coach(source.value or "")
        # Built with its first feedback: a value set after construction is one more message to the browser.
        super().__init__(feedback_html(title, self.feedback), layout=styles.layout(), style=styles.html_style())
        source.observe(lambda change: self.update(change["new"]), names="value")

    def update(self, text: str) -> None:
        self.feedback = self.coach(text or "")
        self.value = feedback_html(self.title, self.feedback)

    @property
    def rules(self) -> list[str]:
        """The ids of the rules that fired, e.g. ``["open_question", "no_solution"]``."""
        return [item.rule for item in self.feedback]
