"""The participant's whole werkboek: what is in it, for whom, and what never is."""

from __future__ import annotations

import html
import re
import sys

from tests.support.dag4 import act_session, hold_conversations
from tests.support.werkboek import as_html, as_markdown, collect, note, save
from wijwerken_widgets import pages
from wijwerken_widgets.core.ids import new_id
from wijwerken_widgets.core.keys import AnswerKey, Registry
from wijwerken_widgets.pages.dag1.keys import REGISTRY as DAG1
from wijwerken_widgets.pages.dag3.keys import reflection_key
from wijwerken_widgets.pages.start.werkboek_export import Row
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.shared.act.items import SILENT, SUPPORTS, TOGETHER, Actie, Fase, Koppeling, Thema
from wijwerken_widgets.shared.conversations.items import Feedback, Punt, Trio
from wijwerken_widgets.shared.conversations.session import ConversationSession
from wijwerken_widgets.ui.context import Context

REAL_REGISTRIES = pages.registries
VALUES = {"text": "Tekst bij {label}", "choice": "extern", "list": ["Eerste van {label}"],
          "record": {"start": "Begin van {label}"}, "records": [{"who": "Rij van {label}"}]}


def text_of(page: str) -> str:
    """What a reader of the web page sees (tags dropped, entities read)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_does_every_registered_dag1_answer_appear_with_its_label(ctx: Context) -> None:
    for answer in DAG1.answers:
        value = VALUES[answer.shape]
        value = value.format(label=answer.label) if isinstance(value, str) else value
        if isinstance(value, list):
            value = [{k: v.format(label=answer.label) for k, v in row.items()} if isinstance(row, dict)
                     else row.format(label=answer.label) for row in value]
        elif isinstance(value, dict):
            value = {k: v.format(label=answer.label) for k, v in value.items()}
        save(ctx, answer.key, value)
    page, markdown = text_of(as_html(ctx)), as_markdown(ctx)
    for answer in DAG1.answers:
        assert answer.label in page and answer.label in markdown
    for answer in DAG1.answers:
        if answer.shape != "choice":
            assert f"van {answer.label}" in page or f"bij {answer.label}" in page, answer.key
    assert "2. Probleem, doel en hoofdvraag" in page  # the exercise's title from dag1.yaml
    assert "Wie Rij van Perspectieven" in page and "Who" not in page  # a row's field gets its Dutch name


def test_is_my_place_on_the_map_shown_by_the_stakeholders_name(ctx: Context) -> None:
    [held] = hold_conversations(ctx, ({"naam": "Wijkraad Noord", "soort": "inwoner"}, "ja", []))
    save(ctx, "dag2.mijn_positie", held.stakeholder_id)
    save(ctx, "dag1.vraagstuk.soort", "extern")
    answers = {row.label: row.value for day in collect(ctx).days for part in day.answers for row in part.rows}
    assert answers["Mijn plek op de kaart"] == "Wijkraad Noord"
    assert answers["Soort vraagstuk"] == "extern"


def test_does_a_pattern_key_show_every_saved_round(ctx: Context) -> None:
    save(ctx, reflection_key("t1", 0), {"goed": "Ronde een ging goed"})
    save(ctx, reflection_key("t1", 1), {"goed": "Ronde twee ging goed"})
    page = text_of(as_html(ctx))
    assert "Ronde een ging goed" in page and "Ronde twee ging goed" in page
    assert "Wat ging goed" in page


def test_does_a_new_page_with_a_keys_py_appear_without_editing_the_exporter(ctx: Context, tmp_path,
                                                                            monkeypatch) -> None:
    """A page folder ``dag9`` with only a ``keys.py`` (not in the navigation) is found by discovery and comes last,
    under its page name, with its answers."""
    folder = tmp_path / "dag9"
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "keys.py").write_text(
        "from wijwerken_widgets.core.keys import AnswerKey, Registry\n"
        "REGISTRY = Registry(page='dag9', answers=(AnswerKey('dag9.maand', 'maand', 'Mijn maand', 'a note'),))\n")
    monkeypatch.setattr(pages, "__path__", [*pages.__path__, str(tmp_path)])
    save(ctx, "dag9.maand", "In maand drie liep het goed")
    try:
        made = collect(ctx)
    finally:
        for name in ("wijwerken_widgets.pages.dag9.keys", "wijwerken_widgets.pages.dag9"):
            sys.modules.pop(name, None)
    last = made.days[-1]
    assert (last.page, last.title) == ("dag9", "dag9")
    assert last.answers[0].rows == (Row("Mijn maand", "In maand drie liep het goed"),)


def test_are_the_three_months_status_updates_under_their_own_page(ctx: Context) -> None:
    """The months' page (found by discovery, never named by the exporter) shows a status update of an action, with
    the action it is about by name."""
    from wijwerken_widgets.store import ItemChange

    action = Actie(new_id(), wat="Inloopavond in het wijkcentrum")
    act_session(ctx).put_item(action)
    ctx.store.save_items("act", ctx.group.id, [ItemChange("status", new_id(), {
        "actie_id": action.id, "status": "hapert", "notitie": "Wijkavond gaat niet door", "door": ctx.person.id})],
        person_id=ctx.person.id, client_id="test")
    made = collect(ctx)
    [months] = [day for day in made.days if day.page == "maanden"]
    [status] = [part for part in months.group if part.title == "Stand van een actie"]
    rows = {row.label: row.value for row in status.items[0].rows}
    assert rows["Actie"] == "Inloopavond in het wijkcentrum" and rows["Notitie"] == "Wijkavond gaat niet door"
    assert rows["Door"] == ctx.person.name


def test_does_a_fake_registry_appear_when_discovery_returns_it(ctx: Context, monkeypatch) -> None:
    extra = Registry(page="pechakucha", answers=(AnswerKey("pechakucha.verhaal", "story", "Mijn verhaal", "x"),))
    monkeypatch.setattr(pages, "registries", lambda: [extra, *REAL_REGISTRIES()])
    save(ctx, "pechakucha.verhaal", "Twintig beelden")
    page = text_of(as_html(ctx))
    assert "Mijn verhaal Twintig beelden" in page
    assert page.index("Dag 4: rode draden en actieplan") < page.index("Mijn verhaal")


def test_is_a_prive_logboek_entry_in_its_owners_copy_only(ctx: Context, groupmate: Context) -> None:
    note(ctx, "Mijn geheime twijfel", "prive")
    note(ctx, "Voor de groep gedeeld", "groep")
    note(groupmate, "Wat mijn groepsgenoot privé schreef", "prive")
    mine, theirs = as_html(ctx), as_html(groupmate)
    assert "Mijn geheime twijfel" in mine and "(privé)" in text_of(mine)
    assert "Mijn geheime twijfel" not in theirs and "Mijn geheime twijfel" not in as_markdown(groupmate)
    assert "Wat mijn groepsgenoot privé schreef" not in mine
    assert "Voor de groep gedeeld" not in theirs  # the werkboek holds one's own logboek only
    assert "Mijn geheime twijfel" in as_markdown(ctx)


def test_does_a_trainer_get_their_answers_and_logboek_but_no_group(store, codes) -> None:
    trainer, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    ctx = Context.for_person(store, trainer)
    save(ctx, "dag1.probleem", "Het probleem volgens de trainer")
    note(ctx, "Notitie van de trainer")
    made = collect(ctx)
    assert made.group is None and all(not day.group for day in made.days)
    page = text_of(as_html(ctx))
    assert "Het probleem volgens de trainer" in page and "Notitie van de trainer" in page
    assert "Je zit niet in een groep" in page


def test_are_quotes_shown_only_with_consent(ctx: Context) -> None:
    hold_conversations(ctx, ({"naam": "Wijkraad Noord", "soort": "inwoner"}, "ja", ["Wij willen meedoen"]),
                       ({"naam": "Buurtbewoner", "soort": "inwoner"}, "nee", ["Dit mag niemand lezen"]),
                       ({"naam": "Ondernemer", "soort": "ondernemer"}, "onbekend", ["Nog niet gevraagd"]))
    page, markdown = text_of(as_html(ctx)), as_markdown(ctx)
    assert "Wij willen meedoen" in page and "Wij willen meedoen" in markdown
    for secret in ("Dit mag niemand lezen", "Nog niet gevraagd"):
        assert secret not in page and secret not in markdown
    assert "Wijkraad Noord" in page and "Gesprek met Buurtbewoner" in page  # the reports themselves are the group's


def test_is_role_play_feedback_shown_only_to_its_gespreksvoerder_and_observator(ctx: Context, groupmate: Context,
                                                                                 store, codes) -> None:
    third = Context.for_person(store, login(store, next(
        c for c in codes if c.groep == ctx.group.name and c.naam not in (ctx.person.name, groupmate.person.name)
    ).code)[0])
    session = ConversationSession(ctx, poll_seconds=None)
    session.put_item(Trio("trio1", (ctx.person.id, groupmate.person.id, third.person.id)))
    session.put_item(Feedback("f1", trio_id="trio1", ronde=0, voor=ctx.person.id, van=groupmate.person.id,
                              punten={"luisteren": Punt("goed", "Je vatte samen")}, tip="Vaker doorvragen"))
    assert "Vaker doorvragen" in as_html(ctx)
    assert "Vaker doorvragen" in as_html(groupmate)
    assert "Vaker doorvragen" not in as_html(third)
    assert "Je vatte samen" not in as_markdown(third)


def test_does_the_silent_phase_keep_a_groupmates_links_out(ctx: Context, groupmate: Context) -> None:
    [held] = hold_conversations(ctx, ({"naam": "Wijkraad Noord", "soort": "inwoner"}, "ja",
                                      ["Eerste citaat", "Tweede citaat"]))
    act = act_session(ctx)
    act.put_item(Fase(fase=SILENT))
    theme = Thema(new_id(), naam="Vertrouwen")
    merged = Thema(new_id(), naam="Oud thema", samengevoegd_in=theme.id)
    act.put_item(theme)
    act.put_item(merged)
    act.put_item(Koppeling.new(held.quote_ids[0], theme.id, SUPPORTS, groupmate.person.id, SILENT))
    mine = collect(ctx)
    links = [p for day in mine.days for p in day.group if p.title == "Citaat bij thema"]
    assert links == []  # the groupmate's silent link
    theirs = [p for day in collect(groupmate).days for p in day.group if p.title == "Citaat bij thema"]
    assert len(theirs[0].items) == 1
    assert "Oud thema" not in as_html(ctx) and "Vertrouwen" in as_html(ctx)
    act.put_item(Fase(fase=TOGETHER), base_version=act.items[(Fase.KIND, "fase")].version)
    shown = [p for day in collect(ctx).days for p in day.group if p.title == "Citaat bij thema"]
    assert "Eerste citaat" in text_of(str(shown))


def test_are_trios_phase_and_dots_left_out(ctx: Context) -> None:
    session = ConversationSession(ctx, poll_seconds=None)
    session.put_item(Trio("trio1", (ctx.person.id,)))
    act_session(ctx).put_item(Fase(fase=TOGETHER))
    kinds = {p.title for day in collect(ctx).days for p in day.group}
    assert not kinds & {"Rollenspeltrio", "Fase van de analyse", "Stippen"}


def test_are_references_shown_as_what_they_refer_to(ctx: Context) -> None:
    hold_conversations(ctx, ({"naam": "Wijkraad Noord", "soort": "inwoner"}, "ja", ["Wij willen meedoen"]))
    page = as_html(ctx)
    assert not re.search(r">[0-9a-f]{32}<", page)  # no bare item id anywhere
    assert "Fatima El Amrani" in text_of(page)  # who held the conversation, by name


def test_does_a_large_werkboek_stay_reasonable(ctx: Context) -> None:
    """60 conversations with 400 quotes (the Dag 4 benchmark's size), every quote in it once."""
    people = [({"naam": f"Bewoner {n}", "soort": "inwoner"}, "ja",
               [f"Citaat {n}-{q} over de wijk en wat er beter kan" for q in range(7 if n < 40 else 6)])
              for n in range(60)]
    hold_conversations(ctx, *people)
    made = collect(ctx)
    quotes = [p for day in made.days for p in day.group if p.title == "Citaat"]
    assert sum(len(p.items) for p in quotes) == 400
    page = as_html(ctx)
    assert len(page.encode()) < 2_000_000
    assert page.count("Citaat 59-5 over de wijk") >= 1
