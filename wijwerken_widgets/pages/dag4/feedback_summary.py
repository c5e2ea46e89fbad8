"""Dag 4, terugleggen: "wat we veranderden na het terugleggen".

Per rode draad with a response: what the people involved said, and what changed in the theme after the group first
wrote their response down, read from the store's history of the ``act`` items (renamed, its definition changed,
quotes linked or unlinked, no longer chosen), with the group's own words about it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wijwerken_widgets.core.html import Html, escaped, format_html, name_html, plain_text_html
from wijwerken_widgets.shared.act.anonymise import Anonymiser
from wijwerken_widgets.shared.act.items import RECOGNITION, Koppeling, Reactie, Thema
from wijwerken_widgets.store import GroupItem

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag4.feedback_schema import FeedbackPart



@dataclass(frozen=True)
class Changes:
    """What changed in one theme after its first response: the name then (when renamed), whether its "wel/niet"
    changed, quotes linked and unlinked since, and whether it is no longer chosen."""

    renamed_from: str | None = None
    defined: bool = False
    linked: int = 0
    unlinked: int = 0
    unchosen: bool = False

    @property
    def any(self) -> bool:
        return bool(self.renamed_from is not None or self.defined or self.linked or self.unlinked or self.unchosen)


def has_content(response: Reactie) -> bool:
    return bool(response.herkenning or response.aanvulling.strip() or response.veranderd.strip())


def _at(versions: list[GroupItem], row: int) -> GroupItem | None:
    """The version current right after store row ``row`` (``versions`` oldest first), or ``None``."""
    before = [v for v in versions if v.id <= row]
    return before[-1] if before else None


def changes(history: Iterable[GroupItem], themes: Mapping[str, Thema]) -> dict[str, Changes]:
    """Per theme of ``themes`` (the current ones) with a response: what changed after it was first written."""
    by_item: dict[tuple[str, str], list[GroupItem]] = {}
    for version in sorted(history, key=lambda v: v.id):
        by_item.setdefault((version.kind, version.item_id), []).append(version)
    result = {}
    for theme_id, theme in themes.items():
        first = next((v.id for v in by_item.get((Reactie.KIND, theme_id), [])
                      if not v.deleted and has_content(Reactie.of(v))), None)
        if first is None:
            continue
        then_item = _at(by_item.get((Thema.KIND, theme_id), []), first)
        then = Thema.of(then_item) if then_item is not None and not then_item.deleted else None
        linked = unlinked = 0
        for (kind, _), versions in by_item.items():
            if kind != Koppeling.KIND:
                continue
            old, new = _at(versions, first), versions[-1]
            was = old is not None and not old.deleted and Koppeling.of(old).thema_id == theme_id
            now = not new.deleted and Koppeling.of(new).thema_id == theme_id
            linked, unlinked = linked + (now and not was), unlinked + (was and not now)
        result[theme_id] = Changes(
            renamed_from=then.naam if then is not None and then.naam != theme.naam else None,
            defined=then is not None and (then.wel, then.niet) != (theme.wel, theme.niet),
            linked=linked, unlinked=unlinked, unchosen=then is not None and then.gekozen and not theme.gekozen)
    return result


def summary_html(part: FeedbackPart, themes: Iterable[Thema], responses: Mapping[str, Reactie],
                 found: Mapping[str, Changes], anonymiser: Anonymiser) -> Html:
    """Per theme with a response: herkenning, what they added, what changed since, what the group changed."""
    words, labels = part.summary, dict(zip(RECOGNITION, part.response.herkenning_options))
    blocks = []
    for theme in themes:
        response = responses.get(theme.id)
        if response is None or not has_content(response):
            continue
        change = found.get(theme.id, Changes())
        lines = []
        if change.renamed_from is not None:
            lines.append(format_html(words.renamed, van=anonymiser.text(theme.id, change.renamed_from),
                                     naar=anonymiser.text(theme.id, theme.naam)))
        if change.defined:
            lines.append(escaped(words.defined))
        if change.linked:
            lines.append(format_html(words.linked, aantal=change.linked))
        if change.unlinked:
            lines.append(format_html(words.unlinked, aantal=change.unlinked))
        if change.unchosen:
            lines.append(escaped(words.unchosen))
        if not change.any:
            lines.append(escaped(words.unchanged))
        parts = [f"<h4>{name_html(anonymiser.text(theme.id, theme.naam))}</h4>",
                 f"<p>{format_html(words.herkenning, herkenning=escaped(labels[response.herkenning]))}</p>"]
        if response.aanvulling.strip():
            parts.append(f"<p><strong>{escaped(words.aanvulling)}</strong><br>{plain_text_html(response.aanvulling)}"
                         "</p>")
        parts.append("<ul>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>")
        if response.veranderd.strip():
            parts.append(f"<p><strong>{escaped(words.veranderd)}</strong><br>{plain_text_html(response.veranderd)}"
                         "</p>")
        blocks.append(f"<section class='ww-feedback-change'>{''.join(parts)}</section>")
    body = "".join(blocks) or f"<p class='ww-empty'>{escaped(words.empty)}</p>"
    return Html(f"<h3>{escaped(words.title)}</h3><p>{escaped(words.intro)}</p>{body}")
