"""The logboek driven from Python: writing, editing, sharing levels as readers see them, and the trainer's export."""

from __future__ import annotations

import base64
import html
import io
import re
from datetime import datetime, timezone

import pandas as pd
import pytest

from wijwerken_widgets.people.identity import login
from wijwerken_widgets.shared.logbook import texts as logbook_texts
from wijwerken_widgets.shared.logbook.export import COLUMNS, LogbookExport, logbook_table
from wijwerken_widgets.shared.logbook.widget import EDITABLE, FREE_PROMPT, Logbook, new_entry_id
from wijwerken_widgets.store import Store
from wijwerken_widgets.store.engine import make_engine
from wijwerken_widgets.ui.context import Context


def _login(store: Store, code) -> Context:
    person, _ = login(store, code.code)
    return Context.for_person(store, person)


@pytest.fixture
def other_group(store: Store, codes, ctx: Context) -> Context:
    """A deelnemer of the cohort's other group."""
    return _login(store, next(c for c in codes if c.rol == "deelnemer" and c.groep != ctx.group.name))


@pytest.fixture
def trainer(store: Store, codes) -> Context:
    return _login(store, next(c for c in codes if c.rol == "trainer"))


@pytest.fixture
def loner(store: Store, ctx: Context) -> Context:
    """A deelnemer of the cohort who is in no group."""
    person = store.add_person(ctx.person.cohort_id, "Lotte Los", "deelnemer", "hash-lotte")
    return Context.for_person(store, person)


PART = logbook_texts.load()


def _logbook(ctx: Context, day: str = "dag3") -> Logbook:
    return Logbook(ctx, PART, day=day)


def _write(logbook: Logbook, text: str, sharing: str = "prive") -> None:
    logbook.text.value = text
    logbook.sharing.value = sharing
    logbook.add_button.click()


def _said(widget) -> str:
    """An HTML widget's text as the reader sees it (tags dropped, whitespace runs collapsed)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", widget.value)).split())


def _own(logbook: Logbook) -> list[str]:
    return [card.text.value for card in logbook.cards]


def _download(export: LogbookExport, which: str) -> bytes:
    (export.csv_button if which == "csv" else export.xlsx_button).click()
    match = re.search(r'href="data:[^;]+;base64,([^"]+)"', export.link.value)
    assert match, export.link.value
    return base64.b64decode(match.group(1))


# ---------------------------------------------------------------------------------------------- writing


def test_an_added_entry_is_listed_and_survives_a_new_page(ctx: Context) -> None:
    """Is an added entry listed at once, with its prompt and day, and there again on a new page?"""
    logbook = _logbook(ctx)
    assert "nog niets in je logboek" in _said(logbook.own_note)
    logbook.prompt.value = PART.prompts["dag3"][1]
    _write(logbook, "  Ik luisterde pas echt na de tweede vraag.  ")
    assert _own(logbook) == ["Ik luisterde pas echt na de tweede vraag."]
    assert logbook.text.value == "" and "Toegevoegd" in _said(logbook.feedback)
    assert _said(logbook.own_note) == ""

    again = _logbook(Context.for_person(ctx.store, ctx.person))
    assert _own(again) == ["Ik luisterde pas echt na de tweede vraag."]
    [card] = again.cards
    header = _said(card.widget.children[0])
    assert PART.prompts["dag3"][1] in header and "Dag 3" in header
    assert card.sharing.value == "prive"
    [stored] = ctx.store.log_entries(ctx.person.id)
    assert (stored.day, stored.prompt, stored.version) == ("dag3", PART.prompts["dag3"][1], 1)


def test_empty_text_is_refused_with_a_dutch_message(ctx: Context) -> None:
    """Is an empty entry refused with a Dutch message, and nothing stored?"""
    logbook = _logbook(ctx)
    _write(logbook, "   \n  ", "groep")
    assert "Schrijf eerst iets op" in _said(logbook.feedback)
    assert ctx.store.log_entries(ctx.person.id) == [] and logbook.cards == []


def test_prompts_of_the_given_day_come_first_and_free_writing_last(ctx: Context) -> None:
    """Are the given day's prompts offered first, other days' with their day, and free writing last?"""
    dag1 = _logbook(ctx, day="dag1")
    values = [value for _, value in dag1.prompt.options]
    assert values[:2] == PART.prompts["dag1"]
    assert dag1.prompt.value == PART.prompts["dag1"][0]
    assert dag1.prompt.options[-1] == (FREE_PROMPT, "")
    assert values[-3:-1] == PART.prompts["algemeen"]
    dag3 = _logbook(ctx)
    assert [value for _, value in dag3.prompt.options][:3] == PART.prompts["dag3"]
    assert dag3.prompt.options[3][0].startswith("Dag 1: ")

    dag3.prompt.value = ""
    _write(dag3, "Iets heel anders.")
    assert "Vrij geschreven" in _said(dag3.cards[0].widget.children[0])
    assert ctx.store.log_entries(ctx.person.id)[0].prompt == ""


def test_editing_saves_a_new_version_and_keeps_the_first_date(ctx: Context) -> None:
    """Does editing an entry save a new version while its card keeps the date it was begun?"""
    begun = datetime(2025, 3, 14, 13, 5, tzinfo=timezone.utc)
    ctx.store.save_log_entry(ctx.person.id, new_entry_id(begun), day="dag2", prompt="Wie was ik bijna vergeten?",
                             text="Eerste versie", sharing="prive", client_id="ander")
    logbook = _logbook(ctx)
    [card] = logbook.cards
    card.text.value = "Tweede versie, aangevuld"
    [stored] = ctx.store.log_entries(ctx.person.id)
    assert (stored.text, stored.version, stored.day) == ("Tweede versie, aangevuld", 2, "dag2")
    assert card.status.text.startswith("Opgeslagen")
    again = _logbook(Context.for_person(ctx.store, ctx.person))
    assert _own(again) == ["Tweede versie, aangevuld"]
    assert "14 maart 2025, 14:05 · Dag 2" in _said(again.cards[0].widget.children[0])


def test_deleting_asks_for_a_second_click_then_hides_the_entry(ctx: Context, groupmate: Context) -> None:
    """Does removing an entry ask for a second click, and then hide it from the writer and the group?"""
    logbook = _logbook(ctx)
    _write(logbook, "Dit wil ik toch niet bewaren", "groep")
    [card] = logbook.cards
    card.remove_button.click()
    assert "Zeker weten" in card.remove_button.description
    assert len(ctx.store.log_entries(ctx.person.id)) == 1  # not yet
    card.remove_button.click()
    assert logbook.cards == [] and "verwijderd" in _said(logbook.feedback)
    assert ctx.store.log_entries(ctx.person.id) == []
    assert "Dit wil ik toch niet bewaren" not in _said(_logbook(groupmate).shared_view)
    assert _own(_logbook(Context.for_person(ctx.store, ctx.person))) == []


# ---------------------------------------------------------------------------------------------- sharing


def test_a_groupmate_sees_a_group_entry_after_refresh_with_the_authors_name_escaped(
    ctx: Context, groupmate: Context
) -> None:
    """Does a groupmate see a group entry after Vernieuwen, with the author's name and the typed HTML as text?"""
    theirs = _logbook(groupmate)
    assert PART.shared_empty in _said(theirs.shared_view)
    assert PART.shared_title in _said(theirs.shared_view)
    _write(_logbook(ctx), "<script>alert('x')</script> & dan nog iets", "groep")
    assert "alert" not in theirs.shared_view.value  # not yet: the view reads on Vernieuwen
    theirs.refresh_button.click()
    assert "<script>" not in theirs.shared_view.value
    seen = _said(theirs.shared_view)
    assert "<script>alert('x')</script> & dan nog iets" in seen
    assert ctx.person.name in seen and PART.prompts["dag3"][0] in seen


def test_making_an_entry_private_hides_it_from_a_groupmate(ctx: Context, groupmate: Context) -> None:
    """Does making an entry privé later hide it from a groupmate?"""
    mine = _logbook(ctx)
    _write(mine, "Eerst voor de groep", "groep")
    theirs = _logbook(groupmate)
    assert "Eerst voor de groep" in _said(theirs.shared_view)
    mine.cards[0].sharing.value = "prive"
    assert ctx.store.log_entries(ctx.person.id)[0].sharing == "prive"
    theirs.refresh_button.click()
    assert "Eerst voor de groep" not in _said(theirs.shared_view)
    assert PART.shared_empty in _said(theirs.shared_view)


def test_a_participant_of_the_other_group_sees_nothing(ctx: Context, other_group: Context) -> None:
    """Does a participant of the other group see neither group nor trainer entries?"""
    mine = _logbook(ctx)
    _write(mine, "Voor mijn groep", "groep")
    _write(mine, "Voor de trainer", "trainer")
    seen = _said(_logbook(other_group).shared_view)
    assert "Voor mijn groep" not in seen and "Voor de trainer" not in seen and PART.shared_empty in seen


def test_the_trainer_sees_trainer_and_group_entries_with_the_group_but_not_private_ones(
    ctx: Context, trainer: Context
) -> None:
    """Does the trainer see trainer and group entries with their group, and never privé ones?"""
    mine = _logbook(ctx)
    for text, sharing in (("Geheim van mij", "prive"), ("Voor de trainer", "trainer"), ("Voor iedereen", "groep")):
        _write(mine, text, sharing)
    seen = _said(_logbook(trainer).shared_view)
    assert "Voor de trainer" in seen and "Voor iedereen" in seen and "Geheim van mij" not in seen
    assert f"{ctx.person.name} ({ctx.group.name})" in seen
    assert "gedeeld met de trainer" in seen


def test_a_participant_without_a_group_can_write_and_the_trainer_reads_it(loner: Context, trainer: Context) -> None:
    """Can a participant in no group write entries, and does the trainer read what they share?"""
    logbook = _logbook(loner)
    assert not hasattr(logbook, "refresh_button")
    assert "niet in een groep" in _said(logbook.shared_view)
    _write(logbook, "Ik werk zonder groep", "groep")
    assert _own(logbook) == ["Ik werk zonder groep"]
    assert "Lotte Los (geen groep)" in _said(_logbook(trainer).shared_view)


def test_a_trainer_can_keep_a_logbook_too(trainer: Context, ctx: Context) -> None:
    """Can a trainer keep a logbook too, without participants reading it?"""
    logbook = _logbook(trainer)
    assert "Er zijn nog geen logboekstukjes met jou gedeeld" in _said(logbook.shared_view)
    _write(logbook, "Notitie van de trainer", "groep")
    assert _own(logbook) == ["Notitie van de trainer"]
    assert "Notitie van de trainer" not in _said(_logbook(ctx).shared_view)  # trainers are in no group


# ---------------------------------------------------------------------------------------------- many entries


def test_many_entries_build_only_the_newest_cards_until_asked(ctx: Context) -> None:
    """With many entries, are only the newest built as editable cards until the participant asks for the rest?"""
    for n in range(20):
        ctx.store.save_log_entry(ctx.person.id, new_entry_id(), day="dag3", prompt="", text=f"Stukje {n}",
                                 sharing="prive", client_id="ander")
    logbook = _logbook(ctx)
    assert _own(logbook) == [f"Stukje {n}" for n in range(19, 19 - EDITABLE, -1)]  # newest first
    older_html, more = logbook.older_box.children
    assert all(f"Stukje {n}" in _said(older_html) for n in range(20 - EDITABLE))
    assert "15" in more.description
    more.click()
    assert len(logbook.cards) == 20 and logbook.older_box.children == ()
    logbook.cards[-1].text.value = "Stukje 0, herzien"
    assert ctx.store.log_entries(ctx.person.id)[0].text == "Stukje 0, herzien"


# ---------------------------------------------------------------------------------------------- store unavailable


def test_an_unavailable_store_keeps_the_typed_text(ctx: Context, write_locked) -> None:
    """When the store is unavailable, does the typed text stay (new and edited), and is it saved afterwards?"""
    logbook = _logbook(ctx)
    _write(logbook, "Al bewaard", "prive")
    with write_locked():
        _write(logbook, "Belangrijke gedachte", "trainer")
        assert "Niet bewaard" in _said(logbook.feedback)
        assert logbook.text.value == "Belangrijke gedachte"
        logbook.cards[0].text.value = "Al bewaard, aangevuld"
        assert logbook.cards[0].status.text.startswith("Niet opgeslagen")
        assert logbook.cards[0].text.value == "Al bewaard, aangevuld"
    logbook.add_button.click()
    logbook.cards[1].status.retry_button.click()
    assert [e.text for e in ctx.store.log_entries(ctx.person.id)] == ["Al bewaard, aangevuld", "Belangrijke gedachte"]


def test_a_removal_that_fails_keeps_the_entry_and_can_be_retried(ctx: Context, write_locked) -> None:
    """When a removal fails, is the entry kept, and can the removal be retried?"""
    logbook = _logbook(ctx)
    _write(logbook, "Weg ermee", "groep")
    [card] = logbook.cards
    card.remove_button.click()
    with write_locked():
        card.remove_button.click()
        assert card.status.text.startswith("Niet verwijderd")
        assert logbook.cards == [card]
    assert [e.text for e in ctx.store.log_entries(ctx.person.id)] == ["Weg ermee"]
    card.status.retry_button.click()
    assert logbook.cards == [] and ctx.store.log_entries(ctx.person.id) == []


def test_a_page_opened_while_the_store_is_away_says_so_and_can_add_once_it_is_back(ctx: Context) -> None:
    """Does a page opened while the store is away say so, and can it add the entry once the store is back?"""
    ctx.store.save_log_entry(ctx.person.id, new_entry_id(), day="dag3", prompt="", text="Van gisteren",
                             sharing="prive", client_id="ander")
    away = Context(store=Store(make_engine("sqlite:////proc/wijwerken/db.sqlite3")), person=ctx.person,
                   cohort=ctx.cohort, group=ctx.group)
    logbook = _logbook(away)
    assert "kon niet worden gelezen" in _said(logbook.own_note) and logbook.cards == []
    assert "niet bereikbaar" in _said(logbook.shared_view)
    _write(logbook, "Geschreven tijdens de storing", "groep")
    assert "Niet bewaard" in _said(logbook.feedback) and logbook.text.value == "Geschreven tijdens de storing"

    away.store = ctx.store  # the database is back
    logbook.add_button.click()
    assert _own(logbook) == ["Geschreven tijdens de storing", "Van gisteren"]
    assert _said(logbook.own_note) == ""


# ---------------------------------------------------------------------------------------------- export


def test_the_export_holds_trainer_and_group_entries_but_never_private_text(ctx: Context, trainer: Context) -> None:
    """Does the trainer's export (CSV, Excel) hold trainer and group entries, defused, but never privé text?"""
    mine = _logbook(ctx)
    for text, sharing in (("Geheim van mij", "prive"), ("Voor de trainer", "trainer"), ("=1+1 voor de groep", "groep")):
        _write(mine, text, sharing)
    frame = logbook_table(trainer.store, trainer.person)
    assert list(frame.columns) == COLUMNS
    assert list(frame["tekst"]) == ["Voor de trainer", "=1+1 voor de groep"]
    assert set(frame["deelnemer"]) == {ctx.person.name} and set(frame["groep"]) == {ctx.group.name}
    assert list(frame["gedeeld met"]) == ["trainer", "groep"] and set(frame["dag"]) == {"Dag 3"}

    export = LogbookExport(trainer)
    data = _download(export, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == ";".join(COLUMNS)
    assert "Voor de trainer" in text and "'=1+1 voor de groep" in text and "Geheim van mij" not in text
    assert 'download="logboek-gedeeld-' in export.link.value

    sheet = pd.read_excel(io.BytesIO(_download(export, "xlsx")))
    assert list(sheet["tekst"]) == ["Voor de trainer", "=1+1 voor de groep"]


def test_the_export_is_for_trainers_only(ctx: Context) -> None:
    """Is the export for trainers only?"""
    export = LogbookExport(ctx)
    assert not hasattr(export, "csv_button")
    assert "Alleen trainers" in _said(export.children[0])
