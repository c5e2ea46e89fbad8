"""A municipality's variant as data: partial overrides merged over the master files, step by step."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wijwerken_widgets.content import loader
from wijwerken_widgets.content.variants import NOT_A_BLOCK, exercise_enabled, gemeente_slug, merge, variant_folder
from wijwerken_widgets.core import paths
from wijwerken_widgets.core.problems import ContentError
from wijwerken_widgets.core.yaml_files import load_yaml_layers
from wijwerken_widgets.pages.dag1 import texts as dag1
from wijwerken_widgets.pages.dag1.schema import Dag1Content
from wijwerken_widgets.pages.dag3.roleplay_scenarios import load_scenario, load_scenarios

SHIPPED = paths.exercises_dir()


@pytest.fixture
def exercises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped exercises, served from a fresh data folder, with no variant chosen yet."""
    folder = tmp_path / "exercises"
    shutil.copytree(SHIPPED, folder)
    monkeypatch.setenv("WIJWERKEN_EXERCISES", str(folder))
    monkeypatch.setenv("WIJWERKEN_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(loader, "_variant", {})
    loader.clear_cache()
    yield folder
    loader.clear_cache()


# --- step 3: the merge -------------------------------------------------------------------------------------


def test_blocks_merge_key_by_key_and_the_master_is_left_alone() -> None:
    master = {"title": "Dag 1", "exercises": {"a": {"title": "A", "instruction": "Doe A"}, "b": {"title": "B"}}}
    merged, problems = merge(master, {"exercises": {"a": {"instruction": "Doe A anders"}}})
    assert problems == []
    assert merged == {"title": "Dag 1", "exercises": {"a": {"title": "A", "instruction": "Doe A anders"},
                                                      "b": {"title": "B"}}}
    assert master["exercises"]["a"]["instruction"] == "Doe A"


def test_a_list_or_a_text_replaces_the_masters() -> None:
    merged, _ = merge({"examples": [1, 2, 3], "intro": "oud"}, {"examples": [4], "intro": "nieuw"})
    assert merged == {"examples": [4], "intro": "nieuw"}


def test_a_key_set_to_nothing_takes_the_masters_value_away() -> None:
    merged, _ = merge({"a": 1, "b": {"c": 2, "d": 3}}, {"a": None, "b": {"c": None}, "x": None})
    assert merged == {"b": {"d": 3}}


def test_an_override_that_is_no_block_is_refused() -> None:
    merged, problems = merge({"a": 1}, ["a"])
    assert merged == {"a": 1} and problems == [((), NOT_A_BLOCK)]


def test_municipality_folder_names() -> None:
    assert gemeente_slug("Súdwest-Fryslân") == "sudwest-fryslan"
    assert gemeente_slug("Bergen op Zoom") == "bergen-op-zoom"
    assert variant_folder("Voorbeeldstad", SHIPPED) == SHIPPED / "voorbeeldstad"
    assert variant_folder("Nergensdorp", SHIPPED) is None
    assert variant_folder("Rollenspel", SHIPPED) is None  # a folder of the masters is no municipality


def test_exercise_enabled_follows_the_cohorts_uit_setting() -> None:
    settings = {"uit": ["pechakucha", "dag4.vote"]}
    assert not exercise_enabled(settings, "pechakucha")
    assert not exercise_enabled(settings, "pechakucha", "slides")
    assert not exercise_enabled(settings, "dag4", "vote")
    assert exercise_enabled(settings, "dag4", "plan") and exercise_enabled(settings, "dag4")
    assert exercise_enabled(None, "dag4", "vote") and exercise_enabled({}, "dag1", "summary_card")


# --- steps 1, 2 and 4: read, check, validate; problems in the file that wrote them -------------------------


def test_a_problem_is_reported_in_the_override_with_its_line(tmp_path: Path) -> None:
    override = tmp_path / "dag1.yaml"
    override.write_text("intro: Welkom\nexercises:\n  real_problem:\n    titel: Wat speelt er echt?\n",
                        encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_yaml_layers([SHIPPED / "dag1.yaml", override], Dag1Content, merge)
    assert str(caught.value).startswith(f"{override}:4: exercises.real_problem.titel: onbekend veld")
    assert "bedoel je 'title'?" in str(caught.value)


def test_taking_away_a_required_text_is_reported_where_it_was_taken_away(tmp_path: Path) -> None:
    override = tmp_path / "dag1.yaml"
    override.write_text("# Dag 1 van Voorbeeldstad\ntitle:\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_yaml_layers([SHIPPED / "dag1.yaml", override], Dag1Content, merge)
    assert str(caught.value).startswith(f"{override}:2: title: ")


def test_syntax_errors_and_keys_twice_are_reported_in_the_override(tmp_path: Path) -> None:
    override = tmp_path / "dag1.yaml"
    override.write_text("intro: Welkom\nintro: Nog eens\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"dag1\.yaml:2: intro: dit veld staat er twee keer"):
        load_yaml_layers([SHIPPED / "dag1.yaml", override], Dag1Content, merge)
    override.write_text("intro: 'Welkom\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"dag1\.yaml:1: ongeldige YAML"):
        load_yaml_layers([SHIPPED / "dag1.yaml", override], Dag1Content, merge)


# --- the loader: a page of the municipality's cohort sees its variant --------------------------------------


def test_a_page_of_the_municipality_sees_its_texts_over_the_master(exercises: Path) -> None:
    master = dag1.load()
    loader.use_variant("Voorbeeldstad")
    variant = dag1.load()
    assert variant.intro.startswith("Welkom bij de eerste trainingsdag in Voorbeeldstad")
    examples = variant.exercises.problem_statement.good_examples
    assert [example.source for example in examples] == ["Uit de eerste groep van Voorbeeldstad"] * 2
    assert variant.exercises.assumptions == master.exercises.assumptions  # untouched parts come from the master
    assert variant.title == master.title
    loader.use_variant("Demogemeente")  # no folder of its own: the masters
    assert dag1.load().intro == master.intro


def test_the_resolver_names_the_municipality_and_an_edit_is_seen_after_clear_cache(
        exercises: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "_resolver", [])  # the page's resolver (ui/page.py) comes back after the test
    loader.set_variant_resolver(lambda: "Voorbeeldstad")
    assert dag1.load().intro.startswith("Welkom bij de eerste trainingsdag in Voorbeeldstad")
    (exercises / "voorbeeldstad" / "dag1.yaml").write_text("intro: Anders\n", encoding="utf-8")
    loader.clear_cache()
    assert dag1.load().intro == "Anders"


def test_the_municipalitys_own_scenarios_are_added_or_replace_the_master(exercises: Path) -> None:
    master_ids = load_scenarios().ids()
    loader.use_variant("Voorbeeldstad")
    assert load_scenarios().ids() == [*master_ids, "08-havenondernemer"]
    replaced = exercises / "voorbeeldstad" / "rollenspel" / "01-sceptische-collega.yaml"
    shutil.copy(exercises / "rollenspel" / "01-sceptische-collega.yaml", replaced)
    text = replaced.read_text(encoding="utf-8").replace("titel: Alweer een nieuwe aanpak", "titel: Ria in Voorbeeldstad")
    replaced.write_text(text, encoding="utf-8")
    scenarios = load_scenarios()
    assert scenarios.ids() == [*master_ids, "08-havenondernemer"]
    assert load_scenario("01-sceptische-collega").titel == "Ria in Voorbeeldstad"
