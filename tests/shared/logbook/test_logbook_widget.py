"""The logboek driven from Python: writing, editing, sharing levels as readers see them, the store away."""

from __future__ import annotations

from datetime import datetime, timezone

from tests.support.logbook import PART, new_logbook, own_texts, said, write_entry
from wijwerken_widgets.shared.logbook.keys import DRAFT
from wijwerken_widgets.shared.logbook.widget import EDITABLE, entry_html, new_entry_id
from wijwerken_widgets.store import LogEntry, Store
from wijwerken_widgets.store.engine import make_engine
from wijwerken_widgets.ui.context import Context

# ---------------------------------------------------------------------------------------------- writing


def test_an_added_entry_is_listed_and_survives_a_new_page(ctx: Context) -> None:
    """Is an added entry listed at once, with its prompt and day, and there again on a new page?"""
    logbook = new_logbook(ctx)
    assert "nog niets in je logboek" in said(logbook.own_note)
    logbook.prompt.value = PART.prompts["dag3"][1]
    write_entry(logbook, "  Ik luisterde pas echt na de tweede vraag.  ")
    assert own_texts(logbook) == ["Ik luisterde pas echt na de tweede vraag."]
    assert logbook.text.value == "" and "Toegevoegd" in said(logbook.feedback)
    assert said(logbook.own_note) == ""

    again = new_logbook(Context.for_person(ctx.store, ctx.person))
    assert own_texts(again) == ["Ik luisterde pas echt na de tweede vraag."]
    [card] = again.cards
    header = said(card.widget.children[0])
    assert PART.prompts["dag3"][1] in header and "Dag 3" in header
    assert card.sharing.value == "prive"
    [stored] = ctx.store.log_entries(ctx.person.id)
    assert (stored.day, stored.prompt, stored.version) == ("dag3", PART.prompts["dag3"][1], 1)


def test_after_a_group_entry_the_next_new_entry_is_private_again(ctx: Context, groupmate: Context) -> None:
    """After adding an entry shared with the group, is the sharing choice for the next entry back on "Privé", so a
    private thought does not go to the group by accident?"""
    logbook = new_logbook(ctx)
    write_entry(logbook, "Voor de groep", "groep")
    assert logbook.sharing.value == "prive" and logbook.sharing.label == PART.sharing_options.prive
    logbook.text.value = "Alleen voor mij"
    logbook.add_button.click()
    assert [(e.text, e.sharing) for e in ctx.store.log_entries(ctx.person.id)] == [("Voor de groep", "groep"),
                                                                                   ("Alleen voor mij", "prive")]
    assert [s.entry.text for s in ctx.store.shared_log_entries(groupmate.person)] == ["Voor de groep"]


def test_the_new_entry_box_is_kept_as_a_draft_until_the_entry_is_added(ctx: Context) -> None:
    """Is what I type in the new-entry box there again on a new page (a reload), and gone once it is added?"""
    logbook = new_logbook(ctx)
    logbook.text.value = "Half af: wat ik morgen anders"
    assert ctx.store.latest_answer(ctx.person.id, DRAFT.key).value == "Half af: wat ik morgen anders"
    again = new_logbook(Context.for_person(ctx.store, ctx.person))
    assert again.text.value == "Half af: wat ik morgen anders"
    again.text.value += " doe."
    again.add_button.click()
    assert own_texts(again) == ["Half af: wat ik morgen anders doe."] and again.text.value == ""
    assert new_logbook(Context.for_person(ctx.store, ctx.person)).text.value == ""


def test_empty_text_is_refused_with_a_dutch_message(ctx: Context) -> None:
    """Is an empty entry refused with a Dutch message, and nothing stored?"""
    logbook = new_logbook(ctx)
    write_entry(logbook, "   \n  ", "groep")
    assert "Schrijf eerst iets op" in said(logbook.feedback)
    assert ctx.store.log_entries(ctx.person.id) == [] and logbook.cards == []


def test_prompts_of_the_given_day_come_first_and_free_writing_last(ctx: Context) -> None:
    """Are the given day's prompts offered first, other days' with their day, and free writing last?"""
    dag1 = new_logbook(ctx, day="dag1")
    values = [value for _, value in dag1.prompt.options]
    assert values[:2] == PART.prompts["dag1"]
    assert dag1.prompt.value == PART.prompts["dag1"][0]
    assert dag1.prompt.options[-1] == (PART.free_prompt, "") == ("Eigen vraag / vrij schrijven", "")
    assert values[-3:-1] == PART.prompts["algemeen"]
    dag3 = new_logbook(ctx)
    assert [value for _, value in dag3.prompt.options][:3] == PART.prompts["dag3"]
    assert dag3.prompt.options[3][0].startswith("Dag 1: ")

    dag3.prompt.value = ""
    write_entry(dag3, "Iets heel anders.")
    assert "Vrij geschreven" in said(dag3.cards[0].widget.children[0])
    assert ctx.store.log_entries(ctx.person.id)[0].prompt == ""


def test_an_entry_belongs_to_the_day_of_its_question_not_the_page(ctx: Context) -> None:
    """Is an entry on a Dag 1 question written on the Dag 3 page stored and labelled as Dag 1, free writing as the
    page's day, and one stored earlier with its page's day shown with its question's day?"""
    logbook = new_logbook(ctx)
    logbook.prompt.value = PART.prompts["dag1"][0]
    write_entry(logbook, "Over mijn vraagstuk.")
    logbook.prompt.value = ""
    write_entry(logbook, "Vrij geschreven tekst.")
    ctx.store.save_log_entry(ctx.person.id, new_entry_id(), day="dag3", prompt=PART.prompts["dag2"][0],
                             text="Eerder opgeslagen.", sharing="prive", client_id=ctx.client_id)
    days = {e.text: e.day for e in ctx.store.log_entries(ctx.person.id)}
    assert (days["Over mijn vraagstuk."], days["Vrij geschreven tekst."]) == ("dag1", "dag3")
    again = new_logbook(Context.for_person(ctx.store, ctx.person))
    headers = {card.saver.entry.text: said(card.widget.children[0]) for card in again.cards}
    assert " · Dag 1" in headers["Over mijn vraagstuk."] and " · Dag 3" in headers["Vrij geschreven tekst."]
    assert " · Dag 2" in headers["Eerder opgeslagen."]


def test_editing_saves_a_new_version_and_keeps_the_first_date(ctx: Context) -> None:
    """Does editing an entry save a new version while its card keeps the date it was begun?"""
    begun = datetime(2025, 3, 14, 13, 5, tzinfo=timezone.utc)
    ctx.store.save_log_entry(ctx.person.id, new_entry_id(begun), day="dag2", prompt="Wie was ik bijna vergeten?",
                             text="Eerste versie", sharing="prive", client_id="ander")
    logbook = new_logbook(ctx)
    [card] = logbook.cards
    card.text.value = "Tweede versie, aangevuld"
    [stored] = ctx.store.log_entries(ctx.person.id)
    assert (stored.text, stored.version, stored.day) == ("Tweede versie, aangevuld", 2, "dag2")
    assert card.status.text.startswith("Opgeslagen")
    again = new_logbook(Context.for_person(ctx.store, ctx.person))
    assert own_texts(again) == ["Tweede versie, aangevuld"]
    assert "14 maart 2025, 14:05 · Dag 2" in said(again.cards[0].widget.children[0])


def test_deleting_asks_for_a_second_click_then_hides_the_entry(ctx: Context, groupmate: Context) -> None:
    """Does removing an entry ask for a second click, and then hide it from the writer and the group?"""
    logbook = new_logbook(ctx)
    write_entry(logbook, "Dit wil ik toch niet bewaren", "groep")
    [card] = logbook.cards
    card.remove_button.click()
    assert "Zeker weten" in card.remove_button.description
    assert len(ctx.store.log_entries(ctx.person.id)) == 1  # not yet
    card.remove_button.click()
    assert logbook.cards == [] and "verwijderd" in said(logbook.feedback)
    assert ctx.store.log_entries(ctx.person.id) == []
    assert "Dit wil ik toch niet bewaren" not in said(new_logbook(groupmate).shared_view)
    assert own_texts(new_logbook(Context.for_person(ctx.store, ctx.person))) == []


# ---------------------------------------------------------------------------------------------- sharing


def test_a_groupmate_sees_a_group_entry_after_refresh_with_the_authors_name_escaped(
    ctx: Context, groupmate: Context
) -> None:
    """Does a groupmate see a group entry after Vernieuwen, with the author's name and the typed HTML as text?"""
    theirs = new_logbook(groupmate)
    assert PART.shared_empty in said(theirs.shared_view)
    assert PART.shared_title in said(theirs.shared_view)
    write_entry(new_logbook(ctx), "<script>alert('x')</script> & dan nog iets", "groep")
    assert "alert" not in theirs.shared_view.value  # not yet: the view reads on Vernieuwen
    theirs.refresh_button.click()
    assert "<script>" not in theirs.shared_view.value
    seen = said(theirs.shared_view)
    assert "<script>alert('x')</script> & dan nog iets" in seen
    assert ctx.person.name in seen and PART.prompts["dag3"][0] in seen


def test_making_an_entry_private_hides_it_from_a_groupmate(ctx: Context, groupmate: Context) -> None:
    """Does making an entry privé later hide it from a groupmate?"""
    mine = new_logbook(ctx)
    write_entry(mine, "Eerst voor de groep", "groep")
    theirs = new_logbook(groupmate)
    assert "Eerst voor de groep" in said(theirs.shared_view)
    mine.cards[0].sharing.value = "prive"
    assert ctx.store.log_entries(ctx.person.id)[0].sharing == "prive"
    theirs.refresh_button.click()
    assert "Eerst voor de groep" not in said(theirs.shared_view)
    assert PART.shared_empty in said(theirs.shared_view)


def test_a_participant_of_the_other_group_sees_nothing(ctx: Context, other_group: Context) -> None:
    """Does a participant of the other group see neither group nor trainer entries?"""
    mine = new_logbook(ctx)
    write_entry(mine, "Voor mijn groep", "groep")
    write_entry(mine, "Voor de trainer", "trainer")
    seen = said(new_logbook(other_group).shared_view)
    assert "Voor mijn groep" not in seen and "Voor de trainer" not in seen and PART.shared_empty in seen


def test_the_trainer_sees_trainer_and_group_entries_with_the_group_but_not_private_ones(
    ctx: Context, trainer: Context
) -> None:
    """Does the trainer see trainer and group entries with their group, and never privé ones?"""
    mine = new_logbook(ctx)
    for text, sharing in (("Geheim van mij", "prive"), ("Voor de trainer", "trainer"), ("Voor iedereen", "groep")):
        write_entry(mine, text, sharing)
    seen = said(new_logbook(trainer).shared_view)
    assert "Voor de trainer" in seen and "Voor iedereen" in seen and "Geheim van mij" not in seen
    assert f"{ctx.person.name} ({ctx.group.name})" in seen
    assert "gedeeld met de trainer" in seen


def test_an_entrys_author_and_group_are_isolated(ctx: Context) -> None:
    """Are the author and the group of a shared entry each in a <bdi>, a U+202E in them removed?"""
    entry = LogEntry(id=1, person_id=1, entry_id="x", version=1, day="dag3", prompt="", text="Tekst", sharing="groep",
                     deleted=False, saved_at=datetime.now(timezone.utc), client_id="c")
    shown = entry_html(entry, PART, "\u202eسارة", "צוות 2")
    assert shown.count("<bdi>") == 2
    assert "<strong><bdi>سارة</bdi></strong> (<bdi>צוות 2</bdi>) · " in shown


def test_a_participant_without_a_group_can_write_and_the_trainer_reads_it(loner: Context, trainer: Context) -> None:
    """Can a participant in no group write entries, and does the trainer read what they share?"""
    logbook = new_logbook(loner)
    assert not hasattr(logbook, "refresh_button")
    assert "niet in een groep" in said(logbook.shared_view)
    write_entry(logbook, "Ik werk zonder groep", "groep")
    assert own_texts(logbook) == ["Ik werk zonder groep"]
    assert "Lotte Los (geen groep)" in said(new_logbook(trainer).shared_view)


def test_a_trainer_can_keep_a_logbook_too(trainer: Context, ctx: Context) -> None:
    """Can a trainer keep a logbook too, without participants reading it?"""
    logbook = new_logbook(trainer)
    assert "Er zijn nog geen logboekstukjes met jou gedeeld" in said(logbook.shared_view)
    write_entry(logbook, "Notitie van de trainer", "groep")
    assert own_texts(logbook) == ["Notitie van de trainer"]
    assert "Notitie van de trainer" not in said(new_logbook(ctx).shared_view)  # trainers are in no group


# ---------------------------------------------------------------------------------------------- many entries


def test_many_entries_build_only_the_newest_cards_until_asked(ctx: Context) -> None:
    """With many entries, are only the newest built as editable cards until the participant asks for the rest?"""
    for n in range(20):
        ctx.store.save_log_entry(ctx.person.id, new_entry_id(), day="dag3", prompt="", text=f"Stukje {n}",
                                 sharing="prive", client_id="ander")
    logbook = new_logbook(ctx)
    assert own_texts(logbook) == [f"Stukje {n}" for n in range(19, 19 - EDITABLE, -1)]  # newest first
    older_html, more = logbook.older_box.children
    assert all(f"Stukje {n}" in said(older_html) for n in range(20 - EDITABLE))
    assert "15" in more.description
    more.click()
    assert len(logbook.cards) == 20 and logbook.older_box.children == ()
    logbook.cards[-1].text.value = "Stukje 0, herzien"
    assert ctx.store.log_entries(ctx.person.id)[0].text == "Stukje 0, herzien"


# ---------------------------------------------------------------------------------------------- store unavailable


def test_an_unavailable_store_keeps_the_typed_text(ctx: Context, write_locked) -> None:
    """When the store is unavailable, does the typed text stay (new and edited), and is it saved afterwards?"""
    logbook = new_logbook(ctx)
    write_entry(logbook, "Al bewaard", "prive")
    with write_locked():
        write_entry(logbook, "Belangrijke gedachte", "trainer")
        assert "Niet bewaard" in said(logbook.feedback)
        assert logbook.text.value == "Belangrijke gedachte"
        logbook.cards[0].text.value = "Al bewaard, aangevuld"
        assert logbook.cards[0].status.text.startswith("Niet opgeslagen")
        assert logbook.cards[0].text.value == "Al bewaard, aangevuld"
    logbook.add_button.click()
    logbook.cards[1].status.retry_button.click()
    assert [e.text for e in ctx.store.log_entries(ctx.person.id)] == ["Al bewaard, aangevuld", "Belangrijke gedachte"]


def test_a_removal_that_fails_keeps_the_entry_and_can_be_retried(ctx: Context, write_locked) -> None:
    """When a removal fails, is the entry kept, and can the removal be retried?"""
    logbook = new_logbook(ctx)
    write_entry(logbook, "Weg ermee", "groep")
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
    logbook = new_logbook(away)
    assert "kon niet worden gelezen" in said(logbook.own_note) and logbook.cards == []
    assert "niet bereikbaar" in said(logbook.shared_view)
    write_entry(logbook, "Geschreven tijdens de storing", "groep")
    assert "Niet bewaard" in said(logbook.feedback) and logbook.text.value == "Geschreven tijdens de storing"

    away.store = ctx.store  # the database is back
    logbook.add_button.click()
    assert own_texts(logbook) == ["Geschreven tijdens de storing", "Van gisteren"]
    assert said(logbook.own_note) == ""
