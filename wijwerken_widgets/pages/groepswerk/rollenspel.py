"""Role-play feedback (Dag 3) a gespreksvoerder chose to share with the trainer (their own answer
``FEEDBACK_SHARED``): only theirs, only when ticked; the rest of the role-play stays with the trio."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from wijwerken_widgets.core.html import format_html, name_html, plain_text_html
from wijwerken_widgets.pages.groepswerk.view import md_text
from wijwerken_widgets.shared.conversations.items import FEEDBACK_SHARED, SPACE, Feedback

if TYPE_CHECKING:
    from wijwerken_widgets.pages.groepswerk.schema import GesprekkenPart
    from wijwerken_widgets.pages.groepswerk.work import GroupWork
    from wijwerken_widgets.store import Person, Store


def shared_feedback(store: Store, work: GroupWork) -> list[tuple[Person, list[Feedback]]]:
    """Per member who shared it, the feedback they got as gespreksvoerder (oldest first), only if it holds
    anything."""
    items = [Feedback.of(i) for i in store.items(SPACE, work.group.id) if i.kind == Feedback.KIND and not i.deleted]
    found = []
    for member in work.members:
        chosen = store.latest_answer(member.id, FEEDBACK_SHARED)
        if chosen is None or chosen.value is not True:
            continue
        mine = [f for f in items if f.voor == member.id and f.has_content]
        if mine:
            found.append((member, mine))
    return found


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()


def feedback_html(part: GesprekkenPart, found: list[tuple[Person, list[Feedback]]], names: dict[int, str]) -> str:
    words = part.roleplay
    if not found:
        return f"<h3>{html.escape(words.title)}</h3><p class='ww-hint'>{html.escape(words.none)}</p>"
    blocks = []
    for member, feedback in found:
        cards = []
        for f in feedback:
            line = format_html(words.round, nummer=(f.ronde or 0) + 1, naam=names.get(f.van or 0, words.someone))
            points = "".join(
                f"<li><strong>{html.escape(_label(key))}</strong>"
                + (f": {plain_text_html(p.oordeel)}" if p.oordeel.strip() else "")
                + (f'<div class="ww-hint">{plain_text_html(p.voorbeeld)}</div>' if p.voorbeeld.strip() else "")
                + "</li>"
                for key, p in f.punten.items() if p.filled)
            tip = (f"<p><strong>{html.escape(words.tip)}</strong> {plain_text_html(f.tip)}</p>" if f.tip.strip()
                   else "")
            cards.append(f'<div class="ww-card ww-feedback-item"><p>{line}</p>'
                         f"{f'<ul>{points}</ul>' if points else ''}{tip}</div>")
        blocks.append(f"<h4>{name_html(member.name)}</h4>{''.join(cards)}")
    return f"<h3>{html.escape(words.title)}</h3>{''.join(blocks)}"


def feedback_markdown(part: GesprekkenPart, found: list[tuple[Person, list[Feedback]]],
                      names: dict[int, str]) -> list[str]:
    words = part.roleplay
    lines = [f"## {words.title}"]
    if not found:
        return [*lines, f"*{words.none}*"]
    for member, feedback in found:
        lines.append(f"### {md_text(member.name)}")
        for f in feedback:
            lines.append(words.round.format(nummer=(f.ronde or 0) + 1, naam=md_text(names.get(f.van or 0,
                                                                                                words.someone))))
            lines += [f"- **{_label(key)}**: {md_text(p.oordeel)} {md_text(p.voorbeeld)}".rstrip()
                      for key, p in f.punten.items() if p.filled]
            if f.tip.strip():
                lines.append(f"**{words.tip}** {md_text(f.tip)}")
    return lines
