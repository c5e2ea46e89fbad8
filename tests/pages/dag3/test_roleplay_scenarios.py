"""The role-play scenarios of Dag 3: one YAML file each; a broken file is reported and never hides the others."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wijwerken_widgets.content.loader import CACHE_FOLDER, ContentError, clear_cache
from wijwerken_widgets.core import paths
from wijwerken_widgets.pages.dag3.roleplay_scenarios import SCENARIO_FOLDER, load_scenario, load_scenarios, scenario_dir

SHIPPED = paths.exercises_dir() / SCENARIO_FOLDER

VALID = """\
schema_version: 1
titel: Een ondernemer die wacht
soort: gesprek
korte_omschrijving: "Een ondernemer wacht al maanden op zijn vergunning."
duur_minuten: 10
situatie: |
  Karel heeft een bakkerij en wil een terras. Zijn aanvraag ligt al vier maanden bij de gemeente.
rolkaart: |
  Je bent Karel. Je bent boos, maar eigenlijk ben je vooral bang dat je de zomer misloopt.
opdracht_gespreksvoerder: |
  Ontdek wat er voor Karel op het spel staat.
aandachtspunten_observator:
  - Vraagt de gespreksvoerder naar wat er op het spel staat?
"""


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary data folder for the content cache, and no content remembered from other tests."""
    monkeypatch.setenv("WIJWERKEN_HOME", str(tmp_path / "data"))
    clear_cache()
    yield tmp_path / "data"
    clear_cache()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the shipped scenario folder."""
    return Path(shutil.copytree(SHIPPED, tmp_path / "rollenspel"))


def shipped_ids() -> list[str]:
    return sorted(path.stem for path in SHIPPED.glob("*.yaml"))


def line_of(path: Path, fragment: str) -> int:
    """1-based number of the only line containing ``fragment``."""
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line]
    assert len(lines) == 1, f"{fragment!r} is on lines {lines}"
    return lines[0]


# --- the shipped scenarios ---------------------------------------------------------------------------------


def test_do_all_shipped_scenarios_load_without_problems():
    """Does every shipped file pass, in file-name order, with at least six scenarios of both kinds?"""
    loaded = load_scenarios()
    assert loaded.problems == []
    assert loaded.ids() == shipped_ids()
    assert len(loaded.scenarios) >= 6
    assert {scenario.soort for _, scenario in loaded.scenarios} == {"gesprek", "facilitator"}


@pytest.mark.parametrize("scenario_id", shipped_ids())
def test_does_each_shipped_scenario_have_a_private_role_card_and_things_to_watch(scenario_id):
    """Is the role card real content of its own, not a copy of the situation everyone reads?"""
    scenario = load_scenario(scenario_id)
    assert scenario.schema_version == 1
    assert scenario.rolkaart.strip() and scenario.situatie.strip()
    assert scenario.rolkaart.strip() != scenario.situatie.strip()
    assert scenario.rolkaart.strip() not in scenario.situatie
    assert "\n" not in scenario.korte_omschrijving
    assert scenario.aandachtspunten_observator and all(
        point.strip() for point in scenario.aandachtspunten_observator
    )
    assert 3 <= scenario.duur_minuten <= 30
    for text in (
        scenario.situatie,
        scenario.rolkaart,
        scenario.opdracht_gespreksvoerder,
        scenario.bron or "",
    ):
        assert "http" not in text  # content must not link to external hosts


def test_does_the_default_folder_follow_the_exercises_setting(folder: Path, monkeypatch: pytest.MonkeyPatch):
    """With WIJWERKEN_EXERCISES set, are the scenarios read from its rollenspel folder?"""
    assert scenario_dir() == SHIPPED
    monkeypatch.setenv("WIJWERKEN_EXERCISES", str(folder.parent))
    (folder / "99-extra.yaml").write_text(VALID, encoding="utf-8")
    assert scenario_dir() == folder
    assert load_scenarios().ids()[-1] == "99-extra"


def test_do_loaded_scenarios_come_back_the_same_from_the_cache(home: Path):
    """After a restart (cache in the data folder), are the scenarios the same records, lists still lists?"""
    first = load_scenarios()
    assert len(list((home / CACHE_FOLDER).glob("*.json"))) == len(first.scenarios)
    clear_cache()
    second = load_scenarios()
    assert second.ids() == first.ids()
    for (_, a), (_, b) in zip(first.scenarios, second.scenarios):
        assert vars(a) == vars(b)
        assert isinstance(b.aandachtspunten_observator, list)


# --- adding and ignoring files -----------------------------------------------------------------------------


def test_does_adding_one_file_add_one_scenario(folder: Path):
    """Does a trainer's new file appear in file-name order, with its texts, without touching anything else?"""
    (folder / "00-ondernemer.yaml").write_text(VALID, encoding="utf-8")
    loaded = load_scenarios(folder)
    assert loaded.problems == []
    assert loaded.ids() == ["00-ondernemer", *shipped_ids()]
    added = loaded.get("00-ondernemer")
    assert (added.titel, added.soort, added.duur_minuten, added.bron) == (
        "Een ondernemer die wacht",
        "gesprek",
        10,
        None,
    )
    assert added.aandachtspunten_observator == ["Vraagt de gespreksvoerder naar wat er op het spel staat?"]
    assert load_scenario("00-ondernemer", folder).titel == "Een ondernemer die wacht"


def test_do_defaults_apply_and_yml_files_count(tmp_path: Path):
    """Does a scenario without duur_minuten take 8 minutes, and is a ``.yml`` file a scenario too?"""
    (tmp_path / "kort.yml").write_text(VALID.replace("duur_minuten: 10\n", ""), encoding="utf-8")
    loaded = load_scenarios(tmp_path)
    assert loaded.problems == []
    assert loaded.ids() == ["kort"]
    assert loaded.get("kort").duur_minuten == 8


def test_are_other_files_ignored(folder: Path):
    """Are README, notes, backups, hidden files and subfolders left alone without problems?"""
    (folder / "notities.txt").write_text("titel: geen scenario", encoding="utf-8")
    (folder / "01-sceptische-collega.yaml.bak").write_text("kapot: [", encoding="utf-8")
    (folder / ".08-verborgen.yaml").write_text("kapot: [", encoding="utf-8")
    (folder / "readme.yaml").write_text("kapot: [", encoding="utf-8")
    (folder / "oud").mkdir()
    (folder / "oud" / "09-oud.yaml").write_text(VALID, encoding="utf-8")
    (folder / "submap.yaml").mkdir()
    loaded = load_scenarios(folder)
    assert (folder / "README.md").is_file()
    assert loaded.problems == []
    assert loaded.ids() == shipped_ids()


def test_does_a_second_file_with_the_same_id_get_reported(folder: Path):
    """When ``x.yaml`` and ``x.yml`` would share one id, does the first (by name) win and is the other reported?"""
    (folder / "01-sceptische-collega.yml").write_text(VALID, encoding="utf-8")
    loaded = load_scenarios(folder)
    assert loaded.ids() == shipped_ids()
    assert loaded.get("01-sceptische-collega").titel == load_scenario("01-sceptische-collega").titel
    [problem] = loaded.problems
    assert "01-sceptische-collega.yml" in problem and "01-sceptische-collega" in problem


def test_is_a_missing_folder_a_problem_not_a_crash(tmp_path: Path):
    """Is a missing scenario folder reported as a problem rather than a crash?"""
    loaded = load_scenarios(tmp_path / "bestaat-niet")
    assert loaded.scenarios == []
    assert loaded.problems == [f"{tmp_path / 'bestaat-niet'}: folder not found"]


def test_is_an_unknown_scenario_id_an_error(folder: Path):
    """Is an id that names no file in the folder (nothing else, no paths) an error?"""
    with pytest.raises(ContentError, match="no scenario 'bestaat-niet'"):
        load_scenario("bestaat-niet", folder)
    with pytest.raises(ContentError, match="no scenario"):
        load_scenario("../rollenspel/01-sceptische-collega", folder)
    with pytest.raises(ContentError, match="no scenario"):
        load_scenario("README", folder)


# --- mistakes ----------------------------------------------------------------------------------------------

MISTAKES = {
    # name: (old, new, field, fragment of the reported line, message)
    "unknown_key": (
        "duur_minuten: 10\n",
        "duur_minuten: 10\nstemming: boos\n",
        "stemming",
        "stemming: boos",
        "onbekend veld",
    ),
    "missing_rolkaart": (
        "rolkaart: |\n  Je bent Karel. Je bent boos, maar eigenlijk ben je vooral bang dat je de zomer misloopt.\n",
        "",
        "rolkaart",
        "schema_version: 1",
        "dit veld ontbreekt",
    ),
    "too_long": (
        "duur_minuten: 10",
        "duur_minuten: 99",
        "duur_minuten",
        "duur_minuten: 99",
        "mag hoogstens 30 zijn",
    ),
    "too_short": (
        "duur_minuten: 10",
        "duur_minuten: 2",
        "duur_minuten",
        "duur_minuten: 2",
        "moet minstens 3 zijn",
    ),
    "unknown_soort": (
        "soort: gesprek",
        "soort: interview",
        "soort",
        "soort: interview",
        "kies uit: gesprek, facilitator",
    ),
    "wrong_version": ("schema_version: 1", "schema_version: 2", "schema_version", "schema_version: 2", "1"),
    "empty_titel": (
        "titel: Een ondernemer die wacht",
        'titel: ""',
        "titel",
        'titel: ""',
        "mag niet leeg zijn",
    ),
    "no_points": (
        "aandachtspunten_observator:\n  - Vraagt de gespreksvoerder naar wat er op het spel staat?\n",
        "aandachtspunten_observator: []\n",
        "aandachtspunten_observator",
        "aandachtspunten_observator: []",
        "moet minstens één item bevatten",
    ),
    "point_with_colon": (
        "  - Vraagt de gespreksvoerder naar wat er op het spel staat?\n",
        "  - Vraagt de gespreksvoerder naar wat er op het spel staat?\n  - Let op: de stilte\n",
        "aandachtspunten_observator",
        "aandachtspunten_observator:",
        'item [1] contains ": "',
    ),
    "two_line_summary": (
        'korte_omschrijving: "Een ondernemer wacht al maanden op zijn vergunning."',
        "korte_omschrijving: |\n  Een ondernemer wacht.\n  Al maanden.",
        "korte_omschrijving",
        "korte_omschrijving: |",
        "must be one line",
    ),
    "rolkaart_copies_situatie": (
        "  Je bent Karel. Je bent boos, maar eigenlijk ben je vooral bang dat je de zomer misloopt.\n",
        "  Karel heeft een bakkerij en wil een terras. Zijn aanvraag ligt al vier maanden bij de gemeente.\n",
        "rolkaart",
        "rolkaart: |",
        "is the same as situatie",
    ),
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_is_a_mistake_reported_with_file_line_and_field_while_the_others_load(folder: Path, mistake: str):
    """Does one broken file give one problem naming file, line and field, and do all other scenarios still load?"""
    old, new, field, fragment, message = MISTAKES[mistake]
    assert VALID.count(old) == 1
    broken = folder / "05b-kapot.yaml"
    broken.write_text(VALID.replace(old, new), encoding="utf-8")
    loaded = load_scenarios(folder)
    assert loaded.ids() == shipped_ids()
    [problem] = loaded.problems
    assert problem.startswith(f"{broken}:{line_of(broken, fragment)}: {field}: "), problem
    assert message in problem


def test_is_a_yaml_syntax_error_reported_with_its_line_while_the_others_load(folder: Path):
    """An unquoted ": " in a one-line text is the classic mistake: is it reported at its line?"""
    broken = folder / "00-kapot.yaml"
    broken.write_text(
        VALID.replace("titel: Een ondernemer die wacht", "titel: Wacht: een ondernemer"), "utf-8"
    )
    loaded = load_scenarios(folder)
    assert loaded.ids() == shipped_ids()
    [problem] = loaded.problems
    assert problem.startswith(f"{broken}:{line_of(broken, 'titel: Wacht')}: ongeldige YAML"), problem


def test_is_a_fixed_file_picked_up_again(folder: Path):
    """After the trainer repairs a broken file, does the scenario appear without restarting anything?"""
    path = folder / "00-ondernemer.yaml"
    path.write_text(VALID.replace("duur_minuten: 10", "duur_minuten: 99"), encoding="utf-8")
    assert "00-ondernemer" not in load_scenarios(folder).ids()
    path.write_text(VALID, encoding="utf-8")
    repaired = load_scenarios(folder)
    assert repaired.problems == []
    assert repaired.ids()[0] == "00-ondernemer"


def test_do_several_broken_files_each_get_their_own_problem(folder: Path):
    """Does each of several broken files get its own problem, and the good ones still load?"""
    (folder / "00-a.yaml").write_text(VALID.replace("soort: gesprek", "soort: x"), encoding="utf-8")
    (folder / "00-b.yaml").write_text("titel: [", encoding="utf-8")
    loaded = load_scenarios(folder)
    assert loaded.ids() == shipped_ids()
    assert len(loaded.problems) == 2
    assert "00-a.yaml" in loaded.problems[0] and "soort" in loaded.problems[0]
    assert "00-b.yaml" in loaded.problems[1] and "ongeldige YAML" in loaded.problems[1]
