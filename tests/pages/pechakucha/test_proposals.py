"""The proposed slides: about 30 from a full group's work, and only what may be shown — no privé logboek entry (of
anyone), nobody else's entry, no quote of a conversation without consent, and names hidden as in terugleggen."""

from __future__ import annotations

from dataclasses import replace

from tests.pages.pechakucha.conftest import (
    OWN_FOR_TRAINER,
    OWN_PRIVATE,
    OWN_SHARED,
    THEIR_PRIVATE,
    THEIR_SHARED,
    Group,
)
from tests.support.dag4 import hold_conversations
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.pages.pechakucha import texts
from wijwerken_widgets.pages.pechakucha.material import gather
from wijwerken_widgets.pages.pechakucha.proposals import Material, Proposal, proposals
from wijwerken_widgets.shared.act.items import SUPPORTS, TOGETHER, Fase, Koppeling, Thema
from wijwerken_widgets.shared.act.session import ActSession
from wijwerken_widgets.shared.conversations.items import Citaat
from wijwerken_widgets.ui.context import Context

CONTENT = texts.load()


def words(found: list[Proposal]) -> str:
    return "\n".join(f"{p.titel}\n{p.tekst}\n{p.alt}" for p in found)


def test_a_full_group_gives_about_thirty_proposals_in_the_order_of_the_story(demo: Group) -> None:
    found = proposals(gather(demo.member), CONTENT)
    assert 28 <= len(found) <= 36, [p.id for p in found]
    assert len({p.id for p in found}) == len(found)
    kinds = [p.id.split(".")[0] for p in found]
    assert kinds[:4] == ["vraagstuk", "probleem", "doel", "hoofdvraag"]
    order = ["vraagstuk", "kaart", "gesprekken", "draad", "citaat", "actie", "status", "stand", "logboek"]
    assert [kinds.index(k) for k in order] == sorted(kinds.index(k) for k in order)
    assert all(p.titel and p.alt and p.bron for p in found)
    limits = CONTENT.limits
    assert all(len(p.titel) <= limits.titel and len(p.tekst) <= limits.tekst and len(p.alt) <= limits.alt
               for p in found)
    assert "Hoe helpen we bewonersinitiatieven sneller op weg?" in words(found)
    assert "Het hapert" in words(found) and "1 klaar, 0 op schema, 1 hapert, 0 gestopt." in words(found)


def test_only_the_participants_own_shared_logboek_entries_are_proposed(demo: Group) -> None:
    """Never someone else's entry (privé or shared with the group), never the participant's own privé entry."""
    shown = words(proposals(gather(demo.member), CONTENT))
    assert OWN_SHARED in shown and OWN_FOR_TRAINER in shown
    for hidden in (OWN_PRIVATE, THEIR_PRIVATE, THEIR_SHARED):
        assert hidden not in shown
    theirs = words(proposals(gather(demo.groupmate), CONTENT))
    assert THEIR_SHARED in theirs and THEIR_PRIVATE not in theirs and OWN_SHARED not in theirs


def test_entries_handed_in_by_mistake_are_still_filtered_by_the_pure_generation(demo: Group) -> None:
    """Even given everyone's entries, the generation keeps only the participant's own non-privé ones."""
    store = demo.member.store
    everyone = [e for p in store.people(1) for e in store.log_entries(p.id)]
    material = replace(gather(demo.member), entries=everyone)
    shown = words(proposals(material, CONTENT))
    assert OWN_SHARED in shown
    assert OWN_PRIVATE not in shown and THEIR_PRIVATE not in shown and THEIR_SHARED not in shown


def _rode_draad_with_quotes(ctx: Context, *conversations: tuple[dict, str, list[str]]) -> None:
    held = hold_conversations(ctx, *conversations)
    act = ActSession(ctx, poll_seconds=None)
    act.put_item(Fase(fase=TOGETHER))
    theme = Thema(new_id(), naam="Niemand belt terug", gekozen=True)
    act.put_item(theme)
    for conversation in held:
        for quote_id in conversation.quote_ids:
            act.put_item(Koppeling.new(quote_id, theme.id, SUPPORTS, ctx.person.id, TOGETHER))


def test_a_quote_of_a_conversation_without_consent_is_never_proposed(ctx: Context) -> None:
    _rode_draad_with_quotes(
        ctx,
        ({"naam": "Bewoner Ali", "soort": "inwoner"}, "ja", ["Ik wacht al weken op antwoord"]),
        ({"naam": "Bewoner Bea", "soort": "inwoner"}, "nee", ["Bea vertelt dit alleen aan jou"]),
        ({"naam": "Bewoner Cor", "soort": "inwoner"}, "onbekend", ["Cor weet nog niet of dit mag"]),
    )
    shown = words(proposals(gather(ctx), CONTENT))
    assert "Ik wacht al weken op antwoord" in shown
    assert "alleen aan jou" not in shown and "of dit mag" not in shown


def test_names_are_hidden_as_in_terugleggen(ctx: Context) -> None:
    """Who said a quote is never named, and names inside it become a descriptor; the map is shown as counts."""
    colleague = next(p.name for p in ctx.store.people(1) if p.id != ctx.person.id)
    _rode_draad_with_quotes(
        ctx,
        ({"naam": "Wethouder Jansen", "soort": "bestuur"}, "ja", ["Jansen wil dat het sneller gaat"]),
        ({"naam": "Bewoner Ali", "soort": "inwoner"}, "ja", [f"Ali hoorde het van {colleague}"]),
    )
    found = proposals(gather(ctx), CONTENT)
    shown = words(found)
    for name in ("Jansen", "Ali", colleague, colleague.split()[0]):
        assert name not in shown, name
    assert "[een betrokkene] wil dat het sneller gaat" in shown and "[een collega]" in shown
    assert "Bestuur (1), Inwoner (1)" in shown or "Inwoner (1), Bestuur (1)" in shown


def test_a_removed_quote_or_conversation_item_is_not_proposed(ctx: Context) -> None:
    _rode_draad_with_quotes(ctx, ({"naam": "Bewoner Ali", "soort": "inwoner"}, "ja", ["Eerst gezegd, later weg"]))
    material = gather(ctx)
    removed = [replace(i, deleted=True) if i.kind == Citaat.KIND else i for i in material.conversation_items]
    assert "Eerst gezegd" not in words(proposals(replace(material, conversation_items=removed), CONTENT))


def test_nothing_but_the_vraagstuk_for_someone_without_work(ctx: Context) -> None:
    found = proposals(Material(ctx.person.id), CONTENT)
    assert found == []
    from_cohort = proposals(gather(ctx), CONTENT)
    assert [p.id for p in from_cohort] == ["vraagstuk"]
