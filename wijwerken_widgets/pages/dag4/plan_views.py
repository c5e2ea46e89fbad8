"""The actieplan as text: who owns each action, the plan's rows (for the table and the files), the HTML table and
the Wij-Werken checks with the owner bar. Pure functions over the actions and the names they refer to; every typed
text is escaped (``core.html``). The words are the ``plan`` part of ``dag4.yaml``."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from wijwerken_widgets.core.dutch import long_date
from wijwerken_widgets.core.html import (
    Html,
    escaped,
    format_html,
    name_html,
    notice_html,
    plain_text_html,
    render_markdown,
)
from wijwerken_widgets.pages.dag4.plan_checks import (
    GROUP,
    NOBODY,
    PARTICIPANT,
    SHARE_ORDER,
    STAKEHOLDER,
    check,
    owner_kind,
    percentages,
)
from wijwerken_widgets.shared.act.items import ANSWERS, Actie, Thema

if TYPE_CHECKING:
    from wijwerken_widgets.pages.dag4.plan_schema import PlanPart

WAT, START, EIND = 0, 6, 7
"""Where the action's name and dates are in a row."""


@dataclass(frozen=True)
class Names:
    """Whom the plan's ids name: stakeholders of the map (id → naam), participants (person id as text → name) and
    themes (id → naam); ``unknown`` for a stakeholder or person who is no longer there."""

    stakeholders: Mapping[str, str] = field(default_factory=dict)
    people: Mapping[str, str] = field(default_factory=dict)
    themes: Mapping[str, str] = field(default_factory=dict)
    unknown: str = "?"


def action_name(action: Actie, number: int, part: PlanPart) -> str:
    """What the action is called: its "wat" (first line), or "Actie 3 (nog zonder naam)"."""
    first = action.wat.strip().splitlines()[0].strip() if action.wat.strip() else ""
    return first or part.editor.untitled.format(nummer=number)


def owner_name(action: Actie, names: Names, part: PlanPart) -> str:
    """Who owns the action, plainly: a name, "De hele groep" or "nog niemand"."""
    kind, words = owner_kind(action), part.editor.owners
    if kind == STAKEHOLDER:
        return names.stakeholders.get(action.eigenaar, names.unknown)
    if kind == PARTICIPANT:
        return names.people.get(action.eigenaar, names.unknown)
    return words.groep if kind == GROUP else words.niemand


def owner_option(kind: str, name: str, part: PlanPart) -> str:
    """An entry of the owner list: "Stakeholder: Wijkraad", "Deelnemer: Fatima", "De hele groep", "nog niemand"."""
    words = part.editor.owners
    if kind == STAKEHOLDER:
        return words.stakeholder.format(naam=name)
    if kind == PARTICIPANT:
        return words.deelnemer.format(naam=name)
    return words.groep if kind == GROUP else words.niemand


def answer_label(answer: str, part: PlanPart) -> str:
    return part.editor.morgen_options[ANSWERS.index(answer) if answer in ANSWERS else 0]


def kind_label(kind: str, labels: object) -> str:
    """The word of an owner kind in ``labels`` (a ``ShareLabels`` of the YAML)."""
    return getattr(labels, "niemand" if kind == NOBODY else kind)


def rows(actions: Sequence[Actie], names: Names, part: PlanPart) -> list[list[str]]:
    """One row per action in the columns of ``views.columns`` (dates as ISO text, rode draden by name)."""
    result = []
    for number, action in enumerate(actions, start=1):
        threads = ", ".join(names.themes[t] for t in action.draden if t in names.themes)
        result.append([action_name(action, number, part), action.waarom, threads, owner_name(action, names, part),
                       kind_label(owner_kind(action), part.views.owner_kinds), action.met_wie, action.start,
                       action.eind, action.nodig, action.merkbaar, answer_label(action.morgen, part)])
    return result


def readable_date(iso: str) -> str:
    return long_date(date.fromisoformat(iso)) if iso else ""


def table_html(actions: Sequence[Actie], names: Names, part: PlanPart) -> str:
    """Every action as one row of an escaped table (the action's name as row header, dates in Dutch)."""
    views = part.views
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in views.columns)
    body = []
    for row in rows(actions, names, part):
        cells = [readable_date(v) if i in (START, EIND) else v for i, v in enumerate(row)]
        body.append(f'<tr><th scope="row">{name_html(cells[WAT])}</th>'
                    + "".join(f"<td>{plain_text_html(c)}</td>" for c in cells[1:]) + "</tr>")
    caption = html.escape(views.table_caption.format(aantal=len(actions)))
    return (f'<div class="ww-table-wrap"><table class="ww-table ww-plan-table"><caption>{caption}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>')


def share_html(shares: Mapping[str, int], part: PlanPart) -> str:
    """The owner bar: coloured parts with their count in them, and the same as a list of text (never colour alone)."""
    words, total = part.checks, sum(shares.values())
    percent = percentages(dict(shares))
    parts, lines = [], []
    for kind in SHARE_ORDER:
        label = kind_label(kind, words.share_labels)
        line = html.escape(words.share_line.format(wie=label, aantal=shares[kind], procent=percent[kind]))
        lines.append(f'<li><span class="ww-plan-swatch ww-plan-owner-{kind or "niemand"}" aria-hidden="true">'
                     f"</span>{line}</li>")
        if shares[kind]:
            parts.append(f'<span class="ww-plan-share-part ww-plan-owner-{kind or "niemand"}" '
                         f'style="flex-grow: {shares[kind]}">{shares[kind]}</span>')
    title = html.escape(words.share_title.format(aantal=total))
    return (f'<p class="ww-plan-share-title"><strong>{title}</strong></p>'
            f'<div class="ww-plan-share" aria-hidden="true">{"".join(parts)}</div>'
            f'<ul class="ww-plan-share-list">{"".join(lines)}</ul>')


def checks_html(actions: Sequence[Actie], threads: Sequence[Thema], part: PlanPart) -> str:
    """The Wij-Werken checks: the owner bar, "wie draagt dit straks?", what misses an owner or a date, rode draden
    without an action, and the "15 %" answers, all escaped."""
    words = part.checks
    head = f"<h3>{html.escape(words.title)}</h3>{render_markdown(words.intro)}"
    if not actions:
        return head + f"<p class='ww-empty'>{html.escape(words.empty)}</p>"
    found = check(actions, threads)
    named = {a.id: action_name(a, n, part) for n, a in enumerate(actions, start=1)}
    out = [head, share_html(found.shares, part)]
    if found.carrier_warning:
        out.append(notice_html(Html(render_markdown(words.carrier_warning)), "warning"))
    elif found.shares[STAKEHOLDER]:
        out.append(notice_html(words.stakeholders_good, "success"))
    tips = [format_html(words.no_owner, naam=named[a.id]) for a in found.no_owner]
    tips += [format_html(words.no_dates, naam=named[a.id]) for a in found.no_dates]
    tips += [format_html(words.thread_without_action, thema=t.naam) for t in found.threads_without_action]
    if threads and not found.threads_without_action:
        tips.append(escaped(words.all_threads_covered))
    if tips:
        out.append('<ul class="ww-plan-tips">' + "".join(f"<li>{t}</li>" for t in tips) + "</ul>")
    answers = []
    for action in actions:
        line = format_html(words.tomorrow_line, naam=named[action.id], antwoord=answer_label(action.morgen, part))
        if action.morgen == "nee":
            line = Html(line + f'<br><span class="ww-hint">{format_html(words.tomorrow_hint, naam=named[action.id])}'
                        "</span>")
        answers.append(f"<li>{line}</li>")
    out.append(f"<h4>{html.escape(words.tomorrow_title)}</h4><ul class='ww-plan-tomorrow'>{''.join(answers)}</ul>")
    return "".join(out)
