"""Een naam verwijderen on the trainer page: "Zoeken" says where a name occurs (never privé logboek entries),
"Verwijderen" asks first and then removes it from every version; a participant gets nothing and a forged cohort
changes nothing."""

from __future__ import annotations

import pytest

from wijwerken_widgets.pages.trainer import forget
from wijwerken_widgets.people.cohorts import create_cohort, demo_cohort_settings
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.store import ItemChange, Store
from wijwerken_widgets.ui.context import Context

NAME = "Mevrouw Jansen"


@pytest.fixture
def coach(store: Store, codes) -> Context:
    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    return Context.for_person(store, person)


def _named(ctx: Context) -> int:
    """The name on the participant's group map (two versions), in a quote and in a privé logboek entry; the group."""
    me, store = ctx.person, ctx.store
    group = me.group_id
    assert group is not None
    store.save_items("map", group, [ItemChange("stakeholder", "s1", {"naam": NAME})], person_id=me.id, client_id="t")
    store.save_items("map", group, [ItemChange("stakeholder", "s1", {"naam": NAME, "notitie": "buurvrouw"}, 1)],
                     person_id=me.id, client_id="t")
    store.save_items("gesprekken", group, [ItemChange("citaat", "c1", {"tekst": f"{NAME} zei: kom langs"})],
                     person_id=me.id, client_id="t")
    store.save_log_entry(me.id, "e1", day="dag1", prompt="", text=f"Geheim over {NAME}", sharing="prive",
                         client_id="t")
    return group


def test_a_participant_gets_no_name_removal(ctx: Context) -> None:
    assert forget.section(ctx).layout.display == "none"


def test_a_trainer_finds_the_name_then_removes_it_after_confirming(coach: Context, ctx: Context) -> None:
    group = _named(ctx)
    view = forget.section(coach)
    assert view.remove.disabled  # nothing to remove before a search
    assert "ww-draft" not in view.name._dom_classes  # the name to remove is not kept in the browser
    view.name.value = "Jo"
    view.search.click()
    assert "minstens 3 letters" in view.notice.value and view.remove.disabled
    view.name.value = "mevrouw  jansen"
    view.search.click()
    shown = view.notice.value
    assert "Stakeholder: 1 keer, in 2 opgeslagen versies" in shown and "Citaat: 1 keer" in shown
    assert coach.store.group(group).name in shown
    assert "ogboek" not in shown.replace("Privé-logboekstukjes tellen hier niet mee", "")  # privé: not even a count
    assert not view.remove.disabled

    view.remove.click()
    assert "Zeker weten" in view.remove.description and ctx.store.items("map", group)[0].data["naam"] == NAME
    view.remove.click()
    assert "is verwijderd" in view.notice.value and "herladen" in view.notice.value
    assert ctx.store.name_uses(coach.person.cohort_id, NAME) == []  # privé entry too
    assert ctx.store.items("map", group)[0].data["naam"] == "(naam verwijderd)"
    assert ctx.store.log_entries(ctx.person.id)[0].text == "Geheim over (naam verwijderd)"
    [line] = [a for a in coach.store.audit_lines() if a.action == "name_remove"]
    assert (line.actor_person_id, line.origin, line.object_id) == (coach.person.id, "kernel", coach.person.cohort_id)
    assert view.remove.disabled and view.name.value == ""


def test_a_changed_name_needs_a_new_search(coach: Context, ctx: Context) -> None:
    _named(ctx)
    view = forget.section(coach)
    view.name.value = NAME
    view.search.click()
    view.name.value = "Iemand Anders"
    assert view.remove.disabled


def test_a_forged_cohort_changes_nothing(coach: Context, store: Store) -> None:
    settings = demo_cohort_settings().model_copy(update={"slug": "elders-2026", "gemeente": "Elders"})
    create_cohort(store, settings)
    other = store.cohort_by_slug("elders-2026")
    stranger = next(p for p in store.people(other.id) if p.role == "deelnemer")
    assert stranger.group_id is not None
    store.save_items("map", stranger.group_id, [ItemChange("stakeholder", "s1", {"naam": NAME})],
                     person_id=stranger.id, client_id="t")
    view = forget.section(coach)
    view.cohort.options = [("Elders", other.id)]  # as if the browser sent another cohort
    view.cohort.value = other.id
    view.name.value = NAME
    view.search.click()
    assert "alleen in een cohort dat jij begeleidt" in view.notice.value and view.remove.disabled
    view.remove.disabled = False  # a forged button state
    view.remove.click()
    view.remove.click()
    assert "alleen in een cohort dat jij begeleidt" in view.notice.value
    assert store.items("map", stranger.group_id)[0].data["naam"] == NAME
    assert not [a for a in store.audit_lines() if a.action == "name_remove"]


def test_a_trainer_page_built_for_a_participant_refuses(coach: Context, ctx: Context) -> None:
    """Were the section built, a participant's context still removes nothing (the role comes from the login)."""
    group = _named(ctx)
    view = forget.ForgetName(coach)
    view.ctx = ctx
    view.name.value = NAME
    view.remove.disabled = False
    view.remove.click()
    view.remove.click()
    assert "alleen in een cohort dat jij begeleidt" in view.notice.value
    assert ctx.store.items("map", group)[0].data["naam"] == NAME
