"""Dag 4's terugleggen from Python: the chosen rode draden with anonymised quotes, choosing the quotes, the
projector view, responses autosaved and seen by a groupmate, what changed afterwards, the trainer's list."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.support.dag3 import html_text, said, sent
from tests.support.dag4 import Held, act_session, hold_conversations, sources
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.pages.dag4 import feedback, texts
from wijwerken_widgets.pages.dag4.feedback import GivingBack
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.shared.act.items import SUPPORTS, TOGETHER, Fase, Koppeling, Reactie, Thema, link_id
from wijwerken_widgets.shared.act.session import ActSession
from wijwerken_widgets.ui.context import Context

PART = texts.load().exercises.feedback
WETHOUDER = {"naam": "Wethouder Jansen", "soort": "bestuur"}
ALI = {"naam": "Bewoner Ali", "soort": "inwoner"}
BEA = {"naam": "Bewoner Bea", "soort": "inwoner"}
COR = {"naam": "Bewoner Cor", "soort": "inwoner"}
DIRK = {"naam": "Bewoner Dirk", "soort": "inwoner"}
AGENT = {"naam": "Wijkagent Noord", "soort": "ketenpartner"}
NAMES = ("Jansen", "Ali", "Bea", "Cor", "Dirk", "Noord")
SECRET = "Bea is boos op het loket"


@pytest.fixture
def held(ctx: Context) -> list[Held]:
    first_name = ctx.person.name.split()[0]
    return hold_conversations(
        ctx,
        (WETHOUDER, "ja", ["Jansen wil dat het sneller gaat"]),
        (ALI, "ja", ["Niemand belt mij terug, zegt Ali", "Het loket is te ver weg"]),
        (BEA, "nee", [SECRET]),
        (COR, "ja", [f"Cor hoort het ook van {first_name}"]),
        (DIRK, "ja", ["Ik wacht al weken op antwoord"]),
        (AGENT, "ja", ["Mensen weten niet waar ze heen moeten"]),
    )


def make_theme(session: ActSession, naam: str, quote_ids: list[str], *, gekozen: bool = True, wel: str = "") -> str:
    theme = Thema(new_id(), naam=naam, wel=wel, gekozen=gekozen)
    session.put_item(theme)
    for quote_id in quote_ids:
        session.put_item(Koppeling.new(quote_id, theme.id, SUPPORTS, session.ctx.person.id, "samen"))
    return theme.id


def view(ctx: Context, *, trainer: bool = False) -> GivingBack:
    """The section's view in a kernel that only reads the store when the test says so."""
    people = [p.name for p in ctx.store.people(ctx.cohort.id)]
    return GivingBack(act_session(ctx), sources(ctx), PART, people=people, trainer=trainer)


def all_quotes(held: list[Held]) -> list[str]:
    return [q for h in held for q in h.quote_ids]


@pytest.fixture
def themed(ctx: Context, held: list[Held]) -> tuple[str, str]:
    """Two chosen rode draden and one theme that is not chosen, after the silent phase; the chosen ones' ids."""
    session = act_session(ctx)
    session.put_item(Fase(fase=TOGETHER))
    wachten = make_theme(session, "Lang wachten", [q for h in held[:5] for q in h.quote_ids],
                         wel="Inwoners die geen antwoord krijgen")
    loket = make_theme(session, "Het loket", [held[1].quote_ids[1], held[5].quote_ids[0]])
    make_theme(session, "Parkeren", [held[0].quote_ids[0]], gekozen=False)
    return wachten, loket


def test_without_chosen_rode_draden_it_says_to_choose_them_first(ctx: Context, held: list[Held]) -> None:
    make_theme(act_session(ctx), "Parkeren", held[0].quote_ids, gekozen=False)
    shown = view(ctx)
    assert shown.children == (shown.empty, shown.summary)
    assert "Kies eerst bij stap 2" in html_text(shown.empty)


def test_each_chosen_rode_draad_shows_quotes_of_distinct_conversations_without_names(
    ctx: Context, held: list[Held], themed: tuple[str, str]
) -> None:
    """Are only the chosen rode draden shown, each with up to three quotes of distinct conversations, other kinds
    first, and nowhere a stakeholder's or participant's name or a quote without consent?"""
    shown = view(ctx)
    wachten, loket = themed
    assert shown.cards_area.children == (shown.cards[wachten].widget, shown.cards[loket].widget)
    card = shown.cards[wachten]
    assert "Lang wachten" in html_text(card.heading) and "Inwoners die geen antwoord krijgen" in html_text(card.heading)
    examples = html_text(card.examples)
    # wethouder (bestuur) first, then the first resident; one quote per conversation, at most three
    assert "[een betrokkene] wil dat het sneller gaat" in examples
    assert "Niemand belt mij terug, zegt [een inwoner]" in examples
    assert "Het loket is te ver weg" not in examples  # the second quote of the same conversation
    assert examples.count("\u2014 ") == 3
    assert "\u2014 een inwoner" in examples and "\u2014 een betrokkene" in examples
    assert PART.examples.picked in examples
    browser = sent(shown)
    for name in (*NAMES, ctx.person.name.split()[0]):
        assert name not in browser, name
    assert SECRET not in browser and "Parkeren" not in html_text(shown.cards_area.children[0].children[0])


def test_the_group_chooses_the_quotes_and_a_groupmate_sees_the_choice(
    ctx: Context, groupmate: Context, held: list[Held], themed: tuple[str, str]
) -> None:
    """Is a ticked quote saved on the theme (at most three), shown instead of the picked ones, and seen by a
    groupmate; and is a fourth refused?"""
    wachten, _ = themed
    mine, theirs = view(ctx), view(groupmate)
    card = mine.cards[wachten]
    card.toggle_picker()
    assert card.choose.description == PART.examples.close_button
    checks = list(card.checks.values())
    assert len(checks) == 5 and all(not c.value for c in checks)  # every supporting quote with consent
    assert "Het loket is te ver weg" in checks[2].description
    checks[2].value = True
    theme = Thema.of(mine.session.item(Thema.KIND, wachten))
    assert theme.voorbeelden == (held[1].quote_ids[1],)
    assert PART.examples.chosen in html_text(card.examples) and "Het loket is te ver weg" in html_text(card.examples)
    for check in checks[3:5]:
        check.value = True
    checks[0].value = True  # a fourth
    assert not checks[0].value and "hoogstens 3" in said(card.message)
    assert len(Thema.of(mine.session.item(Thema.KIND, wachten)).voorbeelden) == 3
    assert theirs.session.reload() is True
    assert "Het loket is te ver weg" in html_text(theirs.cards[wachten].examples)
    checks[2].value = False
    assert Thema.of(mine.session.item(Thema.KIND, wachten)).voorbeelden == tuple(held[3].quote_ids + held[4].quote_ids)


def test_two_members_ticking_at_the_same_moment_keep_both_choices(
    ctx: Context, groupmate: Context, held: list[Held], themed: tuple[str, str]
) -> None:
    wachten, _ = themed
    mine, theirs = view(ctx), view(groupmate)
    for shown in (mine, theirs):
        shown.cards[wachten].toggle_picker()
    list(theirs.cards[wachten].checks.values())[0].value = True
    list(mine.cards[wachten].checks.values())[1].value = True  # from the older version: applied again on theirs
    assert Thema.of(mine.session.item(Thema.KIND, wachten)).voorbeelden == (held[0].quote_ids[0],
                                                                            held[1].quote_ids[0])
    assert [c.value for c in list(mine.cards[wachten].checks.values())[:3]] == [True, True, False]


def test_a_response_is_autosaved_and_a_groupmate_sees_it(
    ctx: Context, groupmate: Context, held: list[Held], themed: tuple[str, str]
) -> None:
    wachten, _ = themed
    mine, theirs = view(ctx), view(groupmate)
    card = mine.cards[wachten]
    assert [label for label, _ in card.herkenning.options] == PART.response.herkenning_options
    card.herkenning.value = "deels"
    card.controls["aanvulling"].value = "Vooral bij het eerste telefoontje."
    saved = Reactie.of(mine.session.item(Reactie.KIND, wachten))
    assert (saved.herkenning, saved.aanvulling) == ("deels", "Vooral bij het eerste telefoontje.")
    assert card.status.text.startswith("Opgeslagen")
    assert theirs.session.reload() is True
    their_card = theirs.cards[wachten]
    assert their_card.herkenning.value == "deels"
    assert their_card.controls["aanvulling"].value == "Vooral bij het eerste telefoontje."
    assert ctx.person.name in their_card.status.text  # "Bijgewerkt door …"
    their_card.controls["veranderd"].value = "We noemen het nu: niemand belt terug."
    assert mine.session.reload() is True
    assert card.controls["veranderd"].value == "We noemen het nu: niemand belt terug."


def test_the_summary_shows_what_changed_after_the_response(
    ctx: Context, held: list[Held], themed: tuple[str, str]
) -> None:
    """After a response: are a new name, a changed definition, quotes linked and unlinked, a theme no longer chosen
    and the group's own words shown per rode draad?"""
    wachten, loket = themed
    shown = view(ctx)
    assert PART.summary.empty in html_text(shown.summary)
    session = shown.session
    shown.cards[wachten].herkenning.value = "herkennen"
    shown.cards[loket].herkenning.value = "niet"
    assert PART.summary.unchanged in html_text(shown.summary)
    session.update(Thema.KIND, wachten, lambda item: {**item.data, "naam": "Niemand belt terug", "wel": "Bellen"})
    session.put_item(Koppeling.new(held[5].quote_ids[0], wachten, SUPPORTS, ctx.person.id, "samen"))
    session.put_item(Koppeling.new(held[0].quote_ids[0], wachten, SUPPORTS, ctx.person.id, "samen"),
                     base_version=session.version(Koppeling.KIND, link_id(held[0].quote_ids[0], wachten)),
                     deleted=True)
    session.update(Thema.KIND, loket, lambda item: {**item.data, "gekozen": False})
    shown.cards[wachten].controls["veranderd"].value = "Nieuwe naam, en de wijkagent hoort erbij."
    summary = html_text(shown.summary)
    assert 'De naam veranderde van "Lang wachten" in "Niemand belt terug".' in summary
    assert PART.summary.defined in summary
    assert "1 citaten erbij gekoppeld." in summary and "1 citaten losgemaakt." in summary
    assert "Herkenning: ja, ze herkennen het" in summary and "Herkenning: nee, ze herkennen het niet" in summary
    assert PART.summary.unchosen in summary
    assert "Nieuwe naam, en de wijkagent hoort erbij." in summary
    assert list(shown.cards_area.children) == [shown.cards[wachten].widget]  # no longer chosen: no card


def test_presenting_shows_the_rode_draden_large_without_names(
    ctx: Context, held: list[Held], themed: tuple[str, str]
) -> None:
    shown = view(ctx)
    assert not shown.presenting and shown.projector is None
    shown.toggle_projector()
    assert shown.presenting and shown.present.description == PART.projector.stop_button
    assert "ww-projector" in shown.projector._dom_classes
    text = html_text(shown.projector)
    assert "Lang wachten" in text and "Het loket" in text and "Parkeren" not in text
    assert "Inwoners die geen antwoord krijgen" in text and "\u2014 een betrokkene" in text
    assert "Mensen weten niet waar ze heen moeten" in text
    for name in NAMES:
        assert name not in shown.projector.value
    assert SECRET not in shown.projector.value
    shown.session.update(Thema.KIND, themed[1], lambda item: {**item.data, "naam": "Het loket van Jansen"})
    assert "Het loket van [een betrokkene]" in html_text(shown.projector)  # follows the group's changes
    shown.toggle_projector()
    assert not shown.presenting and shown.present.description == PART.projector.present_button


def test_a_functie_is_shown_when_three_conversations_share_it(ctx: Context) -> None:
    """Is the functie shown for the three wijkagenten, and the lone wethouder's not (nor his soort)?

    (The map's ``functie`` field comes with Dag 2's form; here the quotes carry it as ``Sources`` would.)"""
    held = hold_conversations(
        ctx,
        (WETHOUDER, "ja", ["Jansen wil sneller beslissen"]),
        *(({"naam": f"Agent {n}", "soort": "ketenpartner"}, "ja", [f"Ronde {i} met Agent {n}"])
          for i, n in enumerate(("Els", "Mo", "Bas"), start=1)),
    )
    session = act_session(ctx)
    session.put_item(Fase(fase=TOGETHER))
    theme_id = make_theme(session, "Veiligheid", all_quotes(held))
    found = sources(ctx)
    found.quotes = [replace(q, functie="wethouder" if q.soort == "bestuur" else "Wijkagent") for q in found.quotes]
    people = [p.name for p in ctx.store.people(ctx.cohort.id)]
    shown = GivingBack(act_session(ctx), found, PART, people=people)
    shown.cards[theme_id].toggle_picker()
    labels = [c.description for c in shown.cards[theme_id].checks.values()]
    assert labels[0] == "\u201c[een betrokkene] wil sneller beslissen\u201d (een betrokkene)"
    assert [label.rsplit(" (", 1)[1] for label in labels[1:]] == ["Wijkagent)"] * 3
    browser = sent(shown)
    assert "wethouder" not in browser.casefold() and not any(n in browser for n in ("Els", "Mo ", "Bas"))


def test_only_a_trainer_gets_the_list_of_substitutions(
    ctx: Context, store, codes, held: list[Held], themed: tuple[str, str]
) -> None:
    """Does a participant's section hold no original name at all, and a trainer's list every substitution?"""
    participant = feedback.section(ctx)
    assert PART.substitutions.title not in sent(participant)
    for name in NAMES:
        assert name not in sent(participant)
    trainer = Context.for_person(store, login(store, next(c for c in codes if c.rol == "trainer").code)[0])
    assert trainer.person.role == "trainer"
    section = feedback.section(trainer)
    [giving_back] = [w for w in section.children if isinstance(w, GivingBack)]
    listed = html_text(giving_back.substitutions)
    assert PART.substitutions.title in listed
    assert "Citaat 1 (wie het zei): Wethouder Jansen \u2192 een betrokkene" in listed
    assert "(naam in de tekst): Ali \u2192 [een inwoner]" in listed


def test_a_script_in_a_theme_or_a_quote_is_shown_as_text(ctx: Context) -> None:
    script, image = "<script>alert(1)</script>", "<img src=x onerror=alert(2)>"
    held = hold_conversations(ctx, (ALI, "ja", [f"{image} Ik wacht"]))
    session = act_session(ctx)
    theme_id = make_theme(session, f"{script} Wachten", held[0].quote_ids, wel=f"{image} erbij")
    shown = view(ctx)
    card = shown.cards[theme_id]
    card.herkenning.value = "deels"
    card.controls["aanvulling"].value = script
    card.toggle_picker()
    shown.toggle_projector()
    for widget in (card.heading, card.examples, shown.projector, shown.summary):
        assert "<script" not in widget.value and "<img" not in widget.value
    assert f"{script} Wachten" in html_text(card.heading) and f"{image} Ik wacht" in html_text(shown.projector)
    assert f"{script}" in html_text(shown.summary)
    assert image in next(iter(card.checks.values())).description  # a checkbox label is plain text


def test_choosing_again_and_again_makes_no_new_widgets(ctx: Context, held: list[Held], themed: tuple[str, str]) -> None:
    """Does opening and closing the picker and ticking and unticking keep the number of live widget models?"""
    from ipywidgets.widgets.widget import _instances

    card = view(ctx).cards[themed[0]]
    card.toggle_picker()
    check = next(iter(card.checks.values()))
    check.value, check.value = True, False
    before = len(_instances)
    for _ in range(10):
        card.toggle_picker()
        card.toggle_picker()
        check.value, check.value = True, False
    assert len(_instances) == before


def test_a_chosen_quote_whose_consent_is_withdrawn_is_no_longer_shown(
    ctx: Context, held: list[Held], themed: tuple[str, str]
) -> None:
    """Is a quote chosen for the theme left out once its conversation has no consent (or is not analysable)?"""
    session = act_session(ctx)
    bea, ali = held[2].quote_ids[0], held[1].quote_ids[0]
    session.update(Thema.KIND, themed[0], lambda item: {**item.data, "voorbeelden": [bea, ali]})
    shown = view(ctx)
    examples = html_text(shown.cards[themed[0]].examples)
    assert SECRET not in examples and "Niemand belt mij terug" in examples
    assert PART.examples.chosen in examples
