"""The rode-draden analysis on a real store: evidence badges, consent, silent visibility, grid, saturation, merge,
split, history replay and undo, and two members linking at the same moment."""

from __future__ import annotations

import pytest

from tests.support.dag3 import new_map
from tests.support.dag4 import act_session, hold_conversations, sources
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.shared.act import evidence, history, operations
from wijwerken_widgets.shared.act.evidence import BROAD, EMERGING, EMPTY, THIN, Thresholds
from wijwerken_widgets.shared.act.items import CONTRADICTS, SILENT, SUPPORTS, TOGETHER, Thema
from wijwerken_widgets.store import StaleItems
from wijwerken_widgets.ui.context import Context

WETHOUDER = {"naam": "Wethouder Jansen", "soort": "bestuur"}
BEWONER = {"naam": "Bewoner Ali", "soort": "inwoner"}
AGENT = {"naam": "Wijkagent Noord", "soort": "ketenpartner"}
COLLEGA = {"naam": "Collega Loket", "soort": "collega"}


def theme(session, naam: str) -> str:
    made = Thema(new_id(), naam=naam)
    session.put_item(made)
    return made.id


def link(session, quote_id: str, theme_id: str, soort: str = SUPPORTS, fase: str = TOGETHER) -> None:
    me = session.ctx.person.id
    session.apply(lambda: operations.set_link(session.items, quote_id, theme_id, soort, door=me, fase=fase))


@pytest.fixture
def held(ctx: Context):
    return hold_conversations(
        ctx,
        (WETHOUDER, "ja", ["Ik wil dat het sneller gaat", "Het loket is te ver weg"]),
        (BEWONER, "nee", ["Niemand belt mij terug"]),
        (AGENT, "ja", ["Mensen weten niet waar ze heen moeten"]),
        (COLLEGA, "ja", ["We sturen mensen van het kastje naar de muur"]),
    )


def test_quotes_without_consent_never_reach_the_analysis(ctx: Context, held) -> None:
    quotes = sources(ctx).quotes
    assert [q.tekst for q in quotes] == ["Ik wil dat het sneller gaat", "Het loket is te ver weg",
                                         "Mensen weten niet waar ze heen moeten",
                                         "We sturen mensen van het kastje naar de muur"]
    assert all(q.stakeholder != "Bewoner Ali" for q in quotes)
    assert [q.order for q in quotes] == [1, 1, 3, 4]  # the order held counts the conversation without consent


def test_one_loud_voice_is_thin_and_three_conversations_of_two_kinds_are_broad(ctx: Context, held) -> None:
    session, quotes = act_session(ctx), sources(ctx).quotes
    loud, broad, empty = theme(session, "Snelheid"), theme(session, "Loket"), theme(session, "Leeg")
    for quote_id in held[0].quote_ids:  # two quotes, one conversation
        link(session, quote_id, loud)
    for h in (held[0], held[2], held[3]):
        link(session, h.quote_ids[0], broad)
    link(session, held[0].quote_ids[1], broad, CONTRADICTS)
    found = evidence.evidence(session.themes(), session.links(), quotes)
    assert (found[loud].quotes, found[loud].conversations, found[loud].badge) == (2, 1, THIN)
    assert (found[broad].conversations, found[broad].kinds, found[broad].interviewers) == (3, 3, 1)
    assert (found[broad].contradicting, found[broad].badge) == (1, BROAD)
    assert found[empty].badge == EMPTY
    stricter = evidence.evidence(session.themes(), session.links(), quotes, Thresholds(4, 2))
    assert stricter[broad].badge == EMERGING


def test_the_silent_phase_shows_a_member_only_their_own_links_and_conversations(
        ctx: Context, groupmate: Context, held) -> None:
    mine, theirs = act_session(ctx), act_session(groupmate)
    loket = theme(mine, "Loket")
    link(mine, held[0].quote_ids[0], loket, fase=SILENT)
    theirs.reload()
    link(theirs, held[2].quote_ids[0], loket, fase=SILENT)
    mine.reload()
    quotes = sources(ctx).quotes
    seen = evidence.visible_links(mine.links(), mine.themes(), quotes, phase=SILENT, person_id=ctx.person.id)
    assert [k.citaat_id for k in seen] == [held[0].quote_ids[0]]
    assert len(evidence.visible_links(mine.links(), mine.themes(), quotes, phase=TOGETHER,
                                      person_id=ctx.person.id)) == 2
    assert evidence.own_quotes(quotes, phase=SILENT, person_id=groupmate.person.id) == []  # ctx held them all


def test_two_members_linking_at_the_same_moment_both_survive(ctx: Context, groupmate: Context, held) -> None:
    mine, theirs = act_session(ctx), act_session(groupmate)
    loket = theme(mine, "Loket")
    theirs.reload()
    link(mine, held[0].quote_ids[0], loket)
    link(theirs, held[2].quote_ids[0], loket)  # theirs has not seen mine: a different item, so no conflict
    link(theirs, held[0].quote_ids[0], loket, CONTRADICTS)  # the same link: compare-and-set reloads and reapplies
    mine.reload()
    links = {(k.citaat_id, k.soort) for k in mine.links()}
    assert links == {(held[0].quote_ids[0], CONTRADICTS), (held[2].quote_ids[0], SUPPORTS)}


def test_merge_moves_the_quotes_and_split_takes_the_ticked_ones(ctx: Context, held) -> None:
    session, me = act_session(ctx), ctx.person.id
    a, b = theme(session, "Loket"), theme(session, "Bereikbaarheid")
    link(session, held[0].quote_ids[0], a)
    link(session, held[2].quote_ids[0], b)
    link(session, held[0].quote_ids[0], b)  # on both: stays one link after the merge
    session.apply(lambda: operations.merge(session.items, b, a, door=me, fase=TOGETHER))
    assert [t.naam for t in session.themes()] == ["Loket"]
    assert {k.citaat_id for k in operations.links_of(session.items, a)} == {held[0].quote_ids[0],
                                                                             held[2].quote_ids[0]}
    assert Thema.of(session.items[("thema", b)]).samengevoegd_in == a
    new, changes = operations.split(session.items, a, [held[2].quote_ids[0]], "Loket (deel 2)", door=me,
                                    fase=TOGETHER)
    session.apply(lambda: changes)
    assert [k.citaat_id for k in operations.links_of(session.items, new)] == [held[2].quote_ids[0]]
    assert [k.citaat_id for k in operations.links_of(session.items, a)] == [held[0].quote_ids[0]]


def test_history_replays_to_the_current_state_and_undo_restores_a_merge(ctx: Context, groupmate: Context,
                                                                        held) -> None:
    session, me = act_session(ctx), ctx.person.id
    a, b = theme(session, "Loket"), theme(session, "Bereikbaarheid")
    link(session, held[2].quote_ids[0], b)
    session.apply(lambda: operations.merge(session.items, b, a, door=me, fase=TOGETHER))
    versions = ctx.store.items_history("act", ctx.group.id, limit=1000)
    assert history.replay(versions) == session.items
    assert session.versions == sorted(versions, key=lambda v: v.id)  # the session keeps every version it read
    other = act_session(groupmate)  # a kernel opened later reads the whole history at once
    assert other.versions == session.versions
    merge = history.changes(versions)[0]
    earlier = history.before(merge, versions)
    assert history.describe(merge, earlier, {a: "Loket", b: "Bereikbaarheid"}) == ("samengevoegd", "Bereikbaarheid")
    session.apply(lambda: operations.undo(merge.versions, earlier))
    assert sorted(t.naam for t in session.themes()) == ["Bereikbaarheid", "Loket"]
    assert [k.citaat_id for k in operations.links_of(session.items, b)] == [held[2].quote_ids[0]]
    assert operations.links_of(session.items, a) == []


def test_undo_is_refused_when_someone_changed_the_item_since(ctx: Context, groupmate: Context, held) -> None:
    session, other = act_session(ctx), act_session(groupmate)
    a = theme(session, "Loket")
    versions = ctx.store.items_history("act", ctx.group.id)
    made = history.changes(versions)[0]
    other.reload()
    other.put("thema", a, {**other.items[("thema", a)].data, "naam": "Het loket"},
              base_version=other.version("thema", a))
    with pytest.raises(StaleItems):
        session.save(operations.undo(made.versions, history.before(made, versions)))
    assert [t.naam for t in session.themes()] == ["Het loket"]


def test_the_grid_counts_conversations_per_kind_and_saturation_sees_no_new_themes(ctx: Context) -> None:
    people = [{"naam": f"Inwoner {i}", "soort": "inwoner"} for i in range(6)]
    held = hold_conversations(ctx, *((p, "ja", [f"citaat {i}"]) for i, p in enumerate(people)))
    session, quotes = act_session(ctx), sources(ctx).quotes
    first, second = theme(session, "Eerste"), theme(session, "Tweede")
    link(session, held[0].quote_ids[0], first)
    link(session, held[1].quote_ids[0], second)
    for h in held[2:]:
        link(session, h.quote_ids[0], first)
    assert evidence.grid(session.themes(), session.links(), quotes) == {(first, "inwoner"): 5, (second, "inwoner"): 1}
    new = evidence.saturation(session.themes(), session.links(), quotes)
    assert new == [(1, 1), (2, 1), (3, 0), (4, 0), (5, 0), (6, 0)]
    assert evidence.saturated([count for _, count in new])
    assert not evidence.saturated([1, 1, 0, 1])


def test_stakeholders_without_a_conversation_are_unheard(ctx: Context, held) -> None:
    new_map(ctx, {"naam": "Ondernemer Piet", "soort": "ondernemer"})
    found = sources(ctx)
    assert [found.stakeholders[sid].naam for sid in evidence.unheard(found.stakeholders, found.held)] == [
        "Ondernemer Piet"]
