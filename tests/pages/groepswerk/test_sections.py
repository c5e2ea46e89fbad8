"""What a trainer reads on "Werk van de groepen", and what every download holds: the Dag 1 card with its coaching
signals, the map, the conversations (quotes only with consent), the rode draden and actions, the shared logboek
(never a privé entry); every typed text escaped on the page and defused in CSV."""

from __future__ import annotations

import io

import pandas as pd

from tests.pages.groepswerk.conftest import save, text_of
from wijwerken_widgets.pages import groepswerk
from wijwerken_widgets.shared.act.items import SPACE as ACT
from wijwerken_widgets.shared.conversations.items import SPACE as TALKS
from wijwerken_widgets.shared.vraagstuk import DOEL, HOOFDVRAAG, PROBLEEM
from wijwerken_widgets.ui.context import Context

SCRIPT = "<script>alert(1)</script>"


def test_does_a_trainer_read_each_participants_vraagstuk_with_coaching_and_escaped_names(
        coach: Context, ctx: Context) -> None:
    store = ctx.store
    store.save_answer(ctx.person.id, PROBLEEM, "Inwoners weten de weg niet", client_id="t", base_id=None)
    store.save_answer(ctx.person.id, HOOFDVRAAG, "Hoe kunnen we samen met inwoners de weg vinden?", client_id="t",
                      base_id=None)
    odd = store.add_person(ctx.person.cohort_id, SCRIPT, "deelnemer", "hash-odd", group_id=ctx.group.id)
    store.save_answer(odd.id, DOEL, f"Doel {SCRIPT}", client_id="t", base_id=None)
    view = groepswerk.vraagstukken.section(coach)
    shown = view.body.value
    assert "Inwoners weten de weg niet" in shown and "Hoe kunnen we samen met inwoners de weg vinden?" in shown
    assert SCRIPT not in shown and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
    assert "Coachingssignalen" in shown and "✓ goed" in shown
    data = view.build_file("md").decode("utf-8")
    assert f"## {ctx.person.name}" in data and "Inwoners weten de weg niet" in data and f"Doel {SCRIPT}" in data


def test_does_the_map_show_as_tables_and_download_defused(coach: Context, ctx: Context) -> None:
    save(ctx.store, "map", ctx.group.id, ctx.person.id,
         ("stakeholder", "s1", {"naam": SCRIPT, "soort": "bestuur", "invloed": 5, "energie_nu": "weerstand",
                                "energie_gewenst": "trekker"}),
         ("stakeholder", "s2", {"naam": "=Wijkagent", "soort": "ketenpartner"}),
         ("relation", "r1", {"van": "s1", "naar": "s2", "soort": "spanning", "sterkte": 3}))
    view = groepswerk.kaart.section(coach)
    shown = view.body.value
    assert SCRIPT not in shown and "&lt;script&gt;" in shown and "Weerstand → Trekker" in shown
    assert "Spanning" in shown and "<caption>" in shown
    csv = view.build_file("csv").decode("utf-8-sig")
    assert "'=Wijkagent" in csv and SCRIPT in csv
    sheet = pd.read_excel(io.BytesIO(view.build_file("xlsx")))
    assert set(sheet["naam"]) == {SCRIPT, "=Wijkagent"}


def test_are_quotes_shown_only_with_consent_also_in_the_download(coach: Context, ctx: Context) -> None:
    save(ctx.store, TALKS, ctx.group.id, ctx.person.id,
         ("gesprek", "g1", {"stakeholder": "Wethouder", "wie": ctx.person.id, "doel": "Luisteren naar de wijk"}),
         ("verslag", "g1", {"gesprek_id": "g1", "toestemming": "ja", "notities": "Veel gehoord"}),
         ("citaat", "c1", {"gesprek_id": "g1", "tekst": "Mag gebruikt worden"}),
         ("gesprek", "g2", {"stakeholder": "Buurman"}),
         ("verslag", "g2", {"gesprek_id": "g2", "toestemming": "nee", "notities": "Zonder toestemming"}),
         ("citaat", "c2", {"gesprek_id": "g2", "tekst": "Niet voor jouw ogen"}),
         ("gesprek", "g3", {"stakeholder": "Ondernemer"}),
         ("citaat", "c3", {"gesprek_id": "g3", "tekst": "Nog niet gevraagd"}))
    view = groepswerk.gesprekken.section(coach)
    shown = view.body.value
    assert "Mag gebruikt worden" in shown and "Veel gehoord" in shown and ctx.person.name in shown
    assert "Niet voor jouw ogen" not in shown and "Nog niet gevraagd" not in shown
    assert "Geen toestemming voor citaten" in shown and "rollenspel" in shown
    data = view.build_file("md").decode("utf-8")
    assert "Mag gebruikt worden" in data and "Niet voor jouw ogen" not in data and "Nog niet gevraagd" not in data


def test_do_rode_draden_and_actions_show_with_named_owners(coach: Context, ctx: Context) -> None:
    view = groepswerk.rode_draden.section(coach)
    assert "nog geen rode draden" in view.body.value
    save(ctx.store, ACT, ctx.group.id, ctx.person.id,
         ("thema", "t1", {"naam": "Vertrouwen", "wel": "Samen doen", "gekozen": True}),
         ("thema", "t2", {"naam": "Geld", "wel": "Budget"}),
         ("reactie", "t1", {"herkenning": "herkennen", "aanvulling": "Klopt"}),
         ("actie", "a1", {"wat": "=Buurtgesprek", "eigenaar_soort": "deelnemer", "eigenaar": str(ctx.person.id),
                          "start": "2027-01-10"}))
    view.show()
    shown = view.body.value
    assert shown.index("Vertrouwen") < shown.index("Geld") and "gekozen als rode draad" in shown
    assert "herkennen het" in shown and "=Buurtgesprek" in shown and ctx.person.name in shown
    csv = view.build_file("csv").decode("utf-8-sig")
    assert "'=Buurtgesprek" in csv and "2027-01-10" in csv
    assert "Vertrouwen" in view.build_file("md").decode("utf-8")


def test_is_a_prive_logboek_entry_never_shown_nor_downloaded(coach: Context, ctx: Context) -> None:
    for entry, text, sharing in (("a", "Voor de trainer", "trainer"), ("b", "Mijn geheim", "prive"),
                                 ("c", f"Voor de groep {SCRIPT}", "groep")):
        ctx.store.save_log_entry(ctx.person.id, entry, day="dag1", prompt="", text=text, sharing=sharing,
                                 client_id="t")
    view = groepswerk.logboek.section(coach)
    shown = text_of(view)
    assert "Voor de trainer" in shown and "Voor de groep &lt;script&gt;" in shown
    assert "Mijn geheim" not in shown and SCRIPT not in shown
    view.buttons["md"].click()
    assert 'download="logboek-groep-' in view.link.value
    data = view.build_file("md").decode("utf-8")
    assert "Voor de trainer" in data and "Mijn geheim" not in data


def test_is_role_play_feedback_shown_only_when_its_gespreksvoerder_shared_it(
        coach: Context, ctx: Context, groupmate: Context) -> None:
    from wijwerken_widgets.pages.dag3.roleplay_feedback import sharing
    from wijwerken_widgets.pages.dag3.texts import load as dag3_texts

    feedback = {"trio_id": "t1", "ronde": 0, "van": groupmate.person.id, "soort": "gesprek",
                "punten": {"luisteren": {"oordeel": "goed", "voorbeeld": f"Vatte samen {SCRIPT}"}}, "tip": "Vraag door"}
    save(ctx.store, TALKS, ctx.group.id, groupmate.person.id,
         ("feedback", "f1", {**feedback, "voor": ctx.person.id}),
         ("feedback", "f2", {**feedback, "voor": groupmate.person.id, "tip": "Niet gedeeld"}))
    view = groepswerk.gesprekken.section(coach)
    assert "Vatte samen" not in view.body.value and "Niemand van deze groep" in view.body.value

    tick = sharing(ctx, dag3_texts().exercises.roleplay).children[0]  # as the gespreksvoerder ticks it on Dag 3
    assert tick.value is False
    tick.value = True
    ctx.flush_all()
    view = groepswerk.gesprekken.section(coach)
    shown = view.body.value
    assert "Vatte samen &lt;script&gt;" in shown and "Vraag door" in shown and "Niet gedeeld" not in shown
    assert f"feedback van <bdi>{groupmate.person.name}</bdi>" in shown
    data = view.build_file("md").decode("utf-8")
    assert "Vraag door" in data and "Niet gedeeld" not in data
