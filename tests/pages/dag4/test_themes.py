"""The rode-draden section driven from Python as participants would use it, each in their own kernel."""

from __future__ import annotations

import pytest

from tests.support.dag3 import html_text
from tests.support.dag4 import act_session, hold_conversations, sources
from wijwerken_widgets.pages.dag4.analysis import Analysis
from wijwerken_widgets.pages.dag4.themes_editor import ThemeEditor
from wijwerken_widgets.pages.dag4.themes_evidence import EvidenceView
from wijwerken_widgets.pages.dag4.themes_history import HistoryView
from wijwerken_widgets.pages.dag4.themes_phase import PhaseBar
from wijwerken_widgets.pages.dag4.themes_quotes import QuoteAssigner
from wijwerken_widgets.shared.act.items import SUPPORTS
from wijwerken_widgets.ui.context import Context

WETHOUDER = {"naam": "Wethouder Jansen", "soort": "bestuur"}
AGENT = {"naam": "Wijkagent Noord", "soort": "ketenpartner"}


def analysis_of(ctx: Context) -> Analysis:
    return Analysis(ctx, act_session(ctx), sources(ctx))


def make_theme(editor: ThemeEditor, naam: str) -> str:
    editor.chooser.value = "__nieuw__"
    editor.new_name.value = naam
    editor.create()
    return editor.chooser.value


@pytest.fixture
def held(ctx: Context, groupmate: Context):
    mine = hold_conversations(ctx, (WETHOUDER, "ja", ["Het loket is te ver weg"]))
    theirs = hold_conversations(groupmate, (AGENT, "ja", ["Mensen weten niet waar ze heen moeten"]),
                                interviewer=groupmate.person.id)
    return mine + theirs


def test_in_the_silent_phase_a_member_assigns_only_their_own_quotes_and_sees_only_their_links(
        ctx: Context, groupmate: Context, held) -> None:
    me, other = analysis_of(ctx), analysis_of(groupmate)
    loket = make_theme(ThemeEditor(me), "Loket")
    other.session.reload()
    mine, theirs = QuoteAssigner(me), QuoteAssigner(other)
    assert [q.tekst for q in me.quotes()] == ["Het loket is te ver weg"]
    mine._selects[loket].value = SUPPORTS
    theirs._draw_choices(other.sources.quote(held[1].quote_ids[0]))
    theirs._selects[loket].value = SUPPORTS
    me.session.reload()
    assert [k.citaat_id for k in me.links()] == [held[0].quote_ids[0]]  # theirs stays hidden
    assert "Mensen weten" not in html_text(mine.overview)
    bar = PhaseBar(me)
    bar._toggle_done()
    assert "1 van 3 groepsleden zijn klaar" in html_text(bar.text)
    bar._reveal()
    me.session.reload()
    assert {k.citaat_id for k in me.links()} == {held[0].quote_ids[0], held[1].quote_ids[0]}
    assert "Samen bespreken" in html_text(bar.text)


def test_a_theme_name_with_script_shows_literally_and_the_evidence_says_dun(ctx: Context, held) -> None:
    me = analysis_of(ctx)
    theme = make_theme(ThemeEditor(me), "<script>alert(1)</script>")
    QuoteAssigner(me)._selects[theme].value = SUPPORTS
    view = EvidenceView(me)
    assert "<script>" not in view.table.value and "&lt;script&gt;" in view.table.value
    assert "dun" in html_text(view.table)
    assert "Het loket is te ver weg" in html_text(view.quotes)


def test_a_second_theme_with_the_same_name_is_refused_in_dutch(ctx: Context, held) -> None:
    editor = ThemeEditor(analysis_of(ctx))
    make_theme(editor, "Loket")
    editor.chooser.value = "__nieuw__"
    editor.new_name.value = "  loket "
    editor.create()
    assert "Er is al een thema" in editor.feedback.text
    assert [t.naam for t in editor.analysis.themes()] == ["Loket"]


def test_a_merge_is_in_the_history_and_undo_brings_the_theme_back(ctx: Context, held) -> None:
    me = analysis_of(ctx)
    editor = ThemeEditor(me)
    a, b = make_theme(editor, "Loket"), make_theme(editor, "Bereikbaarheid")
    QuoteAssigner(me)._selects[b].value = SUPPORTS
    editor.chooser.value = b
    editor.merge_target.value = a
    editor.merge()
    assert [t.naam for t in me.themes()] == ["Loket"]
    view = HistoryView(me)
    assert "samengevoegd" in view.chooser.options[0][0]
    view.undo()
    assert view.feedback.text == "De wijziging is ongedaan gemaakt."
    assert sorted(t.naam for t in me.themes()) == ["Bereikbaarheid", "Loket"]


def test_dots_stay_within_the_budget_and_the_group_chooses_three_to_five(ctx: Context, groupmate: Context,
                                                                         held) -> None:
    from wijwerken_widgets.pages.dag4.vote import Vote

    me, other = analysis_of(ctx), analysis_of(groupmate)
    editor = ThemeEditor(me)
    ids = [make_theme(editor, naam) for naam in ("Loket", "Snelheid", "Vertrouwen", "Taal")]
    vote = Vote(me)
    assert "nadat jullie alles samen bekeken" in html_text(vote.empty)
    PhaseBar(me)._reveal()
    vote.dots[ids[0]].value = 4
    vote.dots[ids[1]].value = 2  # 6 > 5: refused, set back
    assert "hoogstens 5 stippen" in vote.feedback.text and vote.dots[ids[1]].value == 0
    vote.dots[ids[1]].value = 1
    other.session.reload()
    theirs = Vote(other)
    theirs.dots[ids[1]].value = 3
    me.session.reload()
    assert "Snelheid: 4 stippen van 2 mensen" in html_text(vote.results)
    assert "Loket: 4 stippen van 1 mensen" in html_text(vote.results)
    for theme_id in ids[:2]:
        vote.chosen[theme_id].value = True
    assert "Kies er minstens 3" in html_text(vote.check)
    theirs.chosen[ids[2]].value = True  # a groupmate ticks the third at the same time: both stay
    me.session.reload()
    assert [t.naam for t in me.themes() if t.gekozen] == ["Loket", "Snelheid", "Vertrouwen"]
    assert "Kies er minstens" not in html_text(vote.check)


def test_the_trainer_sees_each_groups_themes_badges_dots_and_phase(ctx: Context, store, codes, held) -> None:
    from wijwerken_widgets.pages.dag4 import trainer
    from wijwerken_widgets.people.identity import login

    me = analysis_of(ctx)
    theme = make_theme(ThemeEditor(me), "Loket <b>")
    QuoteAssigner(me)._selects[theme].value = SUPPORTS
    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    view = trainer.section(Context.for_person(store, person)).children[1]
    text = html_text(view.overview)
    assert "Groep Buiten: 1 thema's, 0 rode draden, 2 citaten, 0 acties" in text
    assert "Loket <b> · dun · 0 stippen" in text and "<b>" not in view.overview.value
    assert "de groep werkt nog in stilte" in text and "Groep Binnen: 0 thema's" in text
    assert trainer.section(ctx).layout.display == "none"  # a participant gets nothing


def test_after_the_reveal_every_conversation_shows_with_its_notes_and_consent_but_no_quote_without_it(
        ctx: Context, groupmate: Context, held) -> None:
    hold_conversations(ctx, ({"naam": "Bewoner Zonder Toestemming", "soort": "inwoner"}, "nee", ["Geheim citaat"]))
    me = analysis_of(ctx)
    PhaseBar(me)._reveal()
    text = html_text(QuoteAssigner(me).overview)
    assert "Gesprek 3: Bewoner Zonder Toestemming (inwoner, intern)" in text
    assert "Geen toestemming voor citaten" in text and "Gesprek met Bewoner Zonder Toestemming" in text  # its notes
    assert "Geheim citaat" not in text
    assert "Geheim citaat" not in sent_text(me)


def sent_text(analysis: Analysis) -> str:
    """Everything the themes part would send to the browser."""
    from tests.support.dag3 import sent
    from wijwerken_widgets.pages.dag4 import themes

    return sent(themes.section(analysis.ctx))


def test_a_trainer_watches_a_group_but_cannot_make_themes_link_quotes_or_vote(ctx: Context, store, codes,
                                                                               held) -> None:
    from tests.support.dag3 import all_widgets
    from wijwerken_widgets.pages.dag4 import themes, vote
    from wijwerken_widgets.people.identity import login

    me = analysis_of(ctx)
    loket = make_theme(ThemeEditor(me), "Loket")
    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    trainer = Context.for_person(store, person)
    section = themes.section(trainer)
    found = all_widgets(section)
    assert not any(isinstance(w, ThemeEditor) for w in found)
    [assigner] = [w for w in found if isinstance(w, QuoteAssigner)]
    assert assigner._selects[loket].disabled
    assert "Je kijkt als trainer mee" in sent_text_of(section)
    votes = vote.section(trainer).children[1]
    shown = all_widgets(votes)
    assert votes.dots and not any(w in shown for w in votes.dots.values())  # made, never shown


def sent_text_of(widget) -> str:
    from tests.support.dag3 import sent

    return sent(widget)


def test_renaming_a_theme_to_nothing_or_to_another_themes_name_is_not_saved_and_says_why(ctx: Context, held) -> None:
    editor = ThemeEditor(analysis_of(ctx))
    make_theme(editor, "Loket")
    second = make_theme(editor, "Snelheid")
    form = editor.forms[second]
    form.controls["naam"].value = "  "
    assert editor.feedback.text == "Geef het thema eerst een naam."
    form.controls["naam"].value = "loket"
    assert "Er is al een thema" in editor.feedback.text
    form.saver.flush()
    assert [t.naam for t in editor.analysis.themes()] == ["Loket", "Snelheid"]
    form.controls["naam"].value = "Snel genoeg"
    form.saver.flush()
    assert [t.naam for t in editor.analysis.themes()] == ["Loket", "Snel genoeg"] and editor.feedback.text == ""
