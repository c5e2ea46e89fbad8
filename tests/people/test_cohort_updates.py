"""Changing a cohort after it was created: from a changed file (idempotent, all or nothing), one person at a time,
every code at once; and trainers who train several cohorts see those cohorts' groups and no other."""

from __future__ import annotations

import pytest

from wijwerken_widgets.people.cohort_update import update_cohort
from wijwerken_widgets.people.cohorts import (
    CohortUpdateError,
    IssuedCode,
    add_participant,
    assign_trainer,
    create_cohort,
    demo_cohort_settings,
    reissue_all,
    remove_person,
    trainer_cohorts,
)
from wijwerken_widgets.people.identity import WrongCode, login
from wijwerken_widgets.people.settings import CohortSettings, parse_cohort_settings
from wijwerken_widgets.shared.groups import page_group, trainer_groups
from wijwerken_widgets.store import Store
from wijwerken_widgets.store import roster as roster_module
from wijwerken_widgets.ui.context import Context


def changed(**changes: object) -> CohortSettings:
    """The demo cohort's settings with some top-level fields replaced."""
    data = demo_cohort_settings().model_dump(mode="json")
    data.update(changes)
    return CohortSettings.model_validate(data)


def demo_data() -> dict:
    return demo_cohort_settings().model_dump(mode="json")


def snapshot(store: Store) -> tuple:
    """Everything an update may change, to compare before and after."""
    cohort = store.cohort_by_slug("demogemeente-2026")
    assert cohort is not None
    return (cohort, store.groups(cohort.id), store.people(cohort.id))


def test_an_update_applies_the_changes_once_and_a_second_run_changes_nothing(store: Store, issued) -> None:
    """Does `update` add the new group and participant (with a code that logs in), change a functie, group and
    the programme, and report nothing to change the second time?"""
    data = demo_data()
    data["groepen"].append({"naam": "Groep Drie", "vraagstuk": "intern"})
    data["deelnemers"][0]["functie"] = "leidinggevende"
    data["deelnemers"][1]["groep"] = "Groep Drie"
    data["deelnemers"].append({"naam": "Nieuwe Collega", "functie": "medewerker", "groep": "Groep Drie"})
    data["programma"] = [{"dag": 1, "datum": "2027-01-12"}]
    settings = CohortSettings.model_validate(data)

    report = update_cohort(store, settings)
    assert "group 'Groep Drie' added" in report.changes and "programma changed" in report.changes
    assert "deelnemer 'Nieuwe Collega' added" in report.changes
    assert any(line.startswith(f"{data['deelnemers'][0]['naam']}: functie") for line in report.changes)
    assert [c.naam for c in report.added] == ["Nieuwe Collega"] and report.missing == []
    person, _ = login(store, report.added[0].code)
    assert person.name == "Nieuwe Collega" and store.group(person.group_id).name == "Groep Drie"
    moved = next(p for p in store.people(person.cohort_id) if p.name == data["deelnemers"][1]["naam"])
    assert store.group(moved.group_id).name == "Groep Drie"
    assert store.cohort(person.cohort_id).settings["programma"] == [{"dag": 1, "datum": "2027-01-12"}]

    before = snapshot(store)
    again = update_cohort(store, settings)
    assert again.changes == [] and again.added == [] and again.missing == []
    assert snapshot(store) == before
    # the codes issued at creation still log in: an update never touches them
    login(store, issued[0].code)


def test_people_missing_from_the_file_are_reported_and_removed_only_on_request(store: Store, issued) -> None:
    """Is someone left out of the file kept (and named), and only removed with remove_missing: no login any more,
    but their answers stay?"""
    data = demo_data()
    gone = data["deelnemers"].pop(0)
    code = next(c.code for c in issued if c.naam == gone["naam"])
    person, _ = login(store, code)
    store.save_answer(person.id, "dag1.test", "wat ik schreef", base_id=None, client_id="t")

    report = update_cohort(store, CohortSettings.model_validate(data))
    assert report.missing == [gone["naam"]] and report.changes == []
    login(store, code)  # still in

    removed = update_cohort(store, CohortSettings.model_validate(data), remove_missing=True)
    assert removed.removed == [gone["naam"]]
    with pytest.raises(WrongCode):
        login(store, code)
    assert store.latest_answer(person.id, "dag1.test").value == "wat ik schreef"
    assert update_cohort(store, CohortSettings.model_validate(data), remove_missing=True).changes == []


def test_a_failure_half_way_leaves_the_cohort_as_it_was(store: Store, issued) -> None:
    """When a late step fails (a gebruikersnaam already used in another cohort), are the earlier steps of the same
    update (a new group, a changed functie, the programme) rolled back too?"""
    other = parse_cohort_settings(
        "schema_version: 1\ngemeente: Andere Gemeente\nnaam: Grip 2027\n"
        "vraagstukken: " + _vraagstukken() + "\ngroepen: [{naam: A, vraagstuk: extern}]\n"
        "trainers: [{naam: Tara Trainer, gebruikersnaam: tara}]\n")
    create_cohort(store, other)
    data = demo_data()
    data["groepen"].append({"naam": "Groep Drie", "vraagstuk": "intern"})
    data["deelnemers"][0]["functie"] = "leidinggevende"
    data["programma"] = [{"dag": 1, "datum": "2027-01-12"}]
    data["deelnemers"].append({"naam": "Laat Gevonden", "functie": "medewerker", "groep": "Groep Drie",
                               "gebruikersnaam": "tara"})
    before = snapshot(store)
    with pytest.raises(CohortUpdateError, match="nothing was stored.*gebruikersnaam"):
        update_cohort(store, CohortSettings.model_validate(data))
    assert snapshot(store) == before


def test_a_store_that_fails_mid_way_stores_nothing(store: Store, issued, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the database fails after the groups and changes were written but before the new people, is none of
    it kept?"""
    data = demo_data()
    data["groepen"].append({"naam": "Groep Drie", "vraagstuk": "intern"})
    data["deelnemers"][0]["groep"] = "Groep Drie"
    data["deelnemers"].append({"naam": "Nieuwe Collega", "functie": "medewerker", "groep": "Groep Drie"})
    before = snapshot(store)

    def broken() -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(roster_module, "utc_now", broken)  # the insert of the new person
    with pytest.raises(Exception, match="disk gone|niet bereikbaar"):
        update_cohort(store, CohortSettings.model_validate(data))
    assert snapshot(store) == before


def test_a_changed_role_is_refused_and_a_gebruikersnaam_keeps_a_renamed_person(store: Store, issued) -> None:
    """Is a deelnemer listed under trainers refused (nothing stored), and is someone with a gebruikersnaam renamed
    rather than replaced?"""
    data = demo_data()
    moved = data["deelnemers"].pop(0)
    data["trainers"].append({"naam": moved["naam"]})
    with pytest.raises(CohortUpdateError, match="role cannot change"):
        update_cohort(store, CohortSettings.model_validate(data))

    data = demo_data()
    data["deelnemers"][0]["gebruikersnaam"] = "fatima"
    update_cohort(store, CohortSettings.model_validate(data))
    data["deelnemers"][0]["naam"] = "Fatima El Amrani-de Wit"
    report = update_cohort(store, CohortSettings.model_validate(data))
    assert report.added == [] and report.missing == []
    assert report.changes == ["Fatima El Amrani: name changed"]


def test_create_is_all_or_nothing(store: Store) -> None:
    """Does a create whose last participant clashes store no cohort at all?"""
    create_cohort(store, parse_cohort_settings(
        "schema_version: 1\ngemeente: Andere Gemeente\nnaam: Grip 2027\nvraagstukken: " + _vraagstukken() +
        "\ngroepen: [{naam: A, vraagstuk: extern}]\ntrainers: [{naam: Tara Trainer, gebruikersnaam: tara}]\n"))
    data = demo_data()
    data["deelnemers"][-1]["gebruikersnaam"] = "tara"
    with pytest.raises(CohortUpdateError, match="not created"):
        create_cohort(store, CohortSettings.model_validate(data))
    assert store.cohort_by_slug("demogemeente-2026") is None
    assert [c.slug for c in store.cohorts()] == ["andere-gemeente-2027"]


def test_add_participant_and_remove(store: Store, issued) -> None:
    """Does add-participant give a new deelnemer a working code, refuse a name already there or an unknown group,
    and does remove end the person's login?"""
    cohort = store.cohort_by_slug("demogemeente-2026")
    code = add_participant(store, cohort, "Nieuwe Collega", "Groep Binnen", "OR-lid")
    assert code.groep == "Groep Binnen"
    person, _ = login(store, code.code)
    assert person.functie == "OR-lid"
    with pytest.raises(CohortUpdateError, match="already someone"):
        add_participant(store, cohort, "nieuwe collega", "Groep Binnen", "OR-lid")
    with pytest.raises(LookupError, match="no group 'Groep X'"):
        add_participant(store, cohort, "Iemand Anders", "Groep X", "medewerker")
    with pytest.raises(ValueError):
        add_participant(store, cohort, "Iemand Anders", "Groep Binnen", "directeur")
    remove_person(store, cohort, "Nieuwe Collega")
    with pytest.raises(WrongCode):
        login(store, code.code)
    with pytest.raises(LookupError, match="Nobody called"):
        remove_person(store, cohort, "Nieuwe Collega")


def test_reissuing_every_code_replaces_all_of_them(store: Store, issued: list[IssuedCode]) -> None:
    """Does reissue_all give everyone a new code that logs in, while every old code stops working?"""
    cohort = store.cohort_by_slug("demogemeente-2026")
    new = reissue_all(store, cohort)
    assert sorted(c.naam for c in new) == sorted(c.naam for c in issued)
    assert {c.code for c in new}.isdisjoint(c.code for c in issued)
    with pytest.raises(WrongCode):
        login(store, issued[0].code)
    person, _ = login(store, new[0].code)
    assert person.name == new[0].naam


def _vraagstukken() -> str:
    v = "{titel: t, probleem: p, doel: d, hoofdvraag: h}"
    return f"{{extern: {v}, intern: {v}}}"


@pytest.fixture
def two_cohorts(store: Store, issued) -> tuple:
    """The demo cohort and a second one (groups A and B), with a trainer and a deelnemer each."""
    codes = create_cohort(store, parse_cohort_settings(
        "schema_version: 1\ngemeente: Andere Gemeente\nnaam: Grip 2027\nvraagstukken: " + _vraagstukken() +
        "\ngroepen: [{naam: A, vraagstuk: extern}, {naam: B, vraagstuk: intern}]\n"
        "trainers: [{naam: Tara Trainer}]\ndeelnemers: [{naam: Bas, functie: medewerker, groep: A}]\n"))
    demo_trainer = next(c for c in issued if c.rol == "trainer")
    return login(store, demo_trainer.code)[0], login(store, codes[0].code)[0]


def test_a_trainer_sees_only_the_cohorts_they_train(store: Store, two_cohorts,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Does a trainer of cohort A see only A's groups, also when ?groep= names a group of cohort B; and after being
    assigned to B (same login), B's groups too, until the assignment is taken back?"""
    demo_trainer, other_trainer = two_cohorts
    demo = store.cohort(demo_trainer.cohort_id)
    other = store.cohort(other_trainer.cohort_id)
    other_group = store.groups(other.id)[1]

    def seen() -> list[str]:
        return [g.name for g in trainer_groups(Context.for_person(store, demo_trainer))]

    assert seen() == ["Groep Buiten", "Groep Binnen"]
    assert [c.slug for c in trainer_cohorts(store, demo_trainer)] == [demo.slug]
    monkeypatch.setenv("QUERY_STRING", f"groep={other_group.id}")
    assert page_group(Context.for_person(store, demo_trainer)).name == "Groep Buiten"

    assign_trainer(store, other, "Marieke Verhoeven")
    assign_trainer(store, other, "marieke verhoeven")  # twice: nothing more
    assert seen() == ["Groep Buiten", "Groep Binnen", "A", "B"]
    assert [c.slug for c in trainer_cohorts(store, demo_trainer)] == [demo.slug, other.slug]
    assert page_group(Context.for_person(store, demo_trainer)) == other_group
    # the other cohort's own trainer still sees only their cohort
    assert [g.name for g in trainer_groups(Context.for_person(store, other_trainer))] == ["A", "B"]

    assign_trainer(store, other, "Marieke Verhoeven", unassign=True)
    assert seen() == ["Groep Buiten", "Groep Binnen"]
    assert page_group(Context.for_person(store, demo_trainer)).name == "Groep Buiten"
    with pytest.raises(CohortUpdateError, match="itself"):
        assign_trainer(store, demo, "Marieke Verhoeven")
    with pytest.raises(LookupError, match="No trainer"):
        assign_trainer(store, demo, "Fatima El Amrani")


def test_a_participant_sees_only_their_own_group(store: Store, issued, two_cohorts,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Is a deelnemer's list of groups their own group only, whatever ?groep= says?"""
    _, other_trainer = two_cohorts
    ctx = Context.for_person(store, login(store, next(c for c in issued if c.rol == "deelnemer").code)[0])
    monkeypatch.setenv("QUERY_STRING", f"groep={store.groups(other_trainer.cohort_id)[0].id}")
    assert trainer_groups(ctx) == [ctx.group] and page_group(ctx) == ctx.group
