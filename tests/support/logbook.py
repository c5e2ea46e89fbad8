"""Helpers for the logboek's tests: a logbook widget of someone, writing an entry as a participant does, and what
the participant reads."""

from __future__ import annotations

import html
import re

from wijwerken_widgets.people.identity import login
from wijwerken_widgets.shared.logbook import texts as logbook_texts
from wijwerken_widgets.shared.logbook.widget import Logbook
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context

PART = logbook_texts.load()


def log_in(store: Store, code) -> Context:
    """A kernel of the person with the demo ``code``."""
    person, _ = login(store, code.code)
    return Context.for_person(store, person)


def new_logbook(ctx: Context, day: str = "dag3") -> Logbook:
    """The logboek as the page of ``day`` shows it."""
    return Logbook(ctx, PART, day=day)


def write_entry(logbook: Logbook, text: str, sharing: str = "prive") -> None:
    """Type ``text``, choose ``sharing``, press "Stukje toevoegen"."""
    logbook.text.value = text
    logbook.sharing.value = sharing
    logbook.add_button.click()


def said(widget) -> str:
    """An HTML widget's text as the reader sees it (tags dropped, whitespace runs collapsed; an isolated name's
    ``<bdi>`` is inline, so it leaves no space)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"</?bdi>", "", widget.value))).split())


def own_texts(logbook: Logbook) -> list[str]:
    """The texts of one's own editable entries, as listed."""
    return [card.text.value for card in logbook.cards]
