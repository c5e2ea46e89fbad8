"""Picking, ordering and editing the 20 slides, autosaved; and the file that is made only when all 20 are there,
each with an alt text."""

from __future__ import annotations

import html

import ipywidgets as widgets

from tests.pages.pechakucha.conftest import Group
from wijwerken_widgets.pages.pechakucha import deck, keys, texts
from wijwerken_widgets.pages.pechakucha.download import FileMaker
from wijwerken_widgets.pages.pechakucha.editor import SlideEditor, editor
from wijwerken_widgets.ui.context import Context

CONTENT = texts.load()


def stored(ctx: Context) -> list[dict]:
    answer = ctx.store.latest_answer(ctx.person.id, keys.SLIDES)
    return [] if answer is None else answer.value


def test_ticking_picks_in_order_counts_and_saves(demo: Group) -> None:
    view = editor(demo.member)
    first, second = view.proposals[1], view.proposals[0]
    view.boxes[first.id].value = True
    view.boxes[second.id].value = True
    assert view.count.value == "2 van 20 dia's gekozen"
    assert [s["bron"] for s in stored(demo.member)] == [first.id, second.id]
    assert stored(demo.member)[0] == {"bron": first.id, "titel": first.titel, "tekst": first.tekst,
                                      "alt": first.alt}
    view.boxes[first.id].value = False
    assert [s["bron"] for s in stored(demo.member)] == [second.id]


def test_at_most_twenty_and_the_helper_fills_up(demo: Group) -> None:
    view = editor(demo.member)
    view.pick_first()
    assert len(view.deck) == 20 and view.count.value == "20 van 20 dia's gekozen"
    assert [s.bron for s in view.deck] == [p.id for p in view.proposals[:20]]
    spare = view.proposals[20]
    view.boxes[spare.id].value = True
    assert view.boxes[spare.id].value is False and len(stored(demo.member)) == 20
    assert "Je hebt al 20 dia's" in view.feedback.text
    view.add_own()
    assert len(view.deck) == 20


def test_moving_editing_and_a_reload_keep_the_order_and_the_text(demo: Group) -> None:
    view = editor(demo.member)
    view.pick_first()
    third = view.deck[2].bron
    view.slots[2].up.click()
    assert view.deck[1].bron == third and view.slots[1].fields["titel"].value == view.deck[1].titel
    assert view.slots[0].up.disabled and view.slots[19].down.disabled
    view.slots[1].fields["titel"].value = "Mijn eigen titel"
    view.slots[1].fields["alt"].value = "x" * 400
    assert "ingekort tot 250 tekens" in view.feedback.text
    again = editor(Context.for_person(demo.member.store, demo.member.person))
    assert again.deck[1].bron == third and again.deck[1].titel == "Mijn eigen titel"
    assert len(again.deck[1].alt) == 250 and again.boxes[third].value is True
    again.slots[1].remove.click()
    assert len(again.deck) == 19 and again.boxes[third].value is False


def test_the_file_needs_exactly_twenty_slides_each_with_an_alt_text(demo: Group) -> None:
    view, maker = editor(demo.member), FileMaker(demo.member, CONTENT)
    for proposal in view.proposals[:14]:
        view.boxes[proposal.id].value = True
    assert maker.make() is None
    assert "nog 6 dia('s) nodig" in html.unescape(maker.result.value) and "download" not in maker.result.value
    view.pick_first()
    view.slots[3].fields["alt"].value = ""
    view.slots[7].fields["alt"].value = "  "
    assert maker.make() is None and "Nog geen beschrijving bij dia 4 en 8" in maker.result.value
    view.slots[3].fields["alt"].value = "Tekstdia met de hoofdvraag."
    view.slots[7].fields["alt"].value = "Tekstdia met een citaat."
    data = maker.make()
    assert data is not None and b"<title>Pecha kucha van " in data
    assert 'download="pecha-kucha-' in maker.result.value


def test_an_own_slide_starts_empty_and_must_be_typed(ctx: Context) -> None:
    view = SlideEditor(ctx, CONTENT, [])
    view.add_own()
    assert view.deck[0].own and view.slots[0].heading.value.endswith("· eigen dia</h3>")
    assert deck.problems(view.deck, 20) == deck.Problems(19, (1,), (1,))
    view.slots[0].fields["titel"].value = "Wat ik meeneem"
    view.slots[0].fields["alt"].value = "Tekstdia: wat ik meeneem."
    assert deck.problems(view.deck, 20) == deck.Problems(19)
    assert isinstance(view.slots[0].fields["tekst"], widgets.Textarea)


def test_a_stored_deck_is_read_tolerantly() -> None:
    limits = deck.limits_of(CONTENT.limits)
    rows = [{"bron": "a", "titel": "T" * 200}, {"bron": "a"}, {"titel": "geen bron"}, "rommel",
            *({"bron": f"b{n}"} for n in range(30))]
    found = deck.from_stored(rows, 20, limits)
    assert len(found) == 20 and found[0].titel == "T" * 80 and [s.bron for s in found[:2]] == ["a", "b0"]
    assert deck.from_stored(None, 20, limits) == []
    assert deck.moved(found, 0, -1) == found and deck.moved(found, 0, 1)[0].bron == "b0"
