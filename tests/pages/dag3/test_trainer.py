"""Dag 3 for trainers: each group's conversations and rounds, broken scenario files, and what was shared with them."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from wijwerken_widgets.content import loader
from wijwerken_widgets.core import paths
from wijwerken_widgets.pages import dag3
from wijwerken_widgets.pages.dag3 import texts as dag3_texts
from wijwerken_widgets.pages.dag3.trainer import Dag3TrainerView
from wijwerken_widgets.people.identity import login
from wijwerken_widgets.shared.conversations.session import ConversationSession
from wijwerken_widgets.store import Store
from wijwerken_widgets.ui.context import Context


@pytest.fixture
def trainer(store: Store, codes) -> Context:
    person, _ = login(store, next(c for c in codes if c.rol == "trainer").code)
    return Context.for_person(store, person)


def _text(view: Dag3TrainerView) -> str:
    return html.unescape(view.overview.value)


def test_the_trainer_sees_each_groups_conversations_and_rounds(ctx: Context, trainer: Context) -> None:
    """Does the trainer see each group's conversations (names escaped) and the current round of each trio?"""
    session = ConversationSession(ctx, poll_seconds=None)
    session.put("gesprek", "g1", {"stakeholder": "<b>Wijkraad</b> Zuid", "stakeholder_id": "s1",
                                  "wie": ctx.person.id, "wanneer": "week 12"})
    session.put("citaat", "c1", {"gesprek_id": "g1", "stakeholder_id": "s1", "tekst": "Eindelijk luistert er iemand"})
    members = [p.id for p in session.members()]
    session.put("trio", "t1", {"leden": members, "rondes": [{"scenario": "01-sceptische-collega"}] * 2})
    view = Dag3TrainerView(trainer, dag3_texts.load().exercises.trainer)
    text = _text(view)
    assert f"<bdi><b>Wijkraad</b> Zuid</bdi> · <bdi>{ctx.person.name}</bdi> · <bdi>week 12</bdi> · 1 citaten" in text
    assert "<b>" not in view.overview.value  # the name is shown literally
    second = next(p.name for p in session.members() if p.id == members[1])
    assert f"ronde 2, <bdi>Alweer een nieuwe aanpak</bdi>, gespreksvoerder <bdi>{second}</bdi>" in text
    assert "Groep Binnen" in text and "Nog geen gesprekken gepland." in text


def test_a_broken_scenario_file_is_named_for_the_trainer(trainer: Context, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Is a scenario file with a mistake named for the trainer, with the field that is wrong?"""
    copy = tmp_path / "exercises"
    shutil.copytree(paths.exercises_dir(), copy)
    (copy / "rollenspel" / "08-kapot.yaml").write_text("schema_version: 1\ntitel: Kapot\nsoort: toneel\n",
                                                       encoding="utf-8")
    monkeypatch.setenv("WIJWERKEN_EXERCISES", str(copy))
    loader.clear_cache()
    try:
        text = _text(Dag3TrainerView(trainer, dag3_texts.load().exercises.trainer))
    finally:
        loader.clear_cache()
    assert "08-kapot.yaml" in text and "soort" in text


def test_participants_do_not_get_the_trainer_section(ctx: Context, trainer: Context) -> None:
    """Is the trainer section hidden for participants and shown to trainers?"""
    assert dag3.trainer.section(ctx).layout.display == "none"
    assert "Voor trainers" in html.unescape(dag3.trainer.section(trainer).children[0].value)
