"""Loading the trainer-editable content files (start, Dag 1, coaching), and errors that name file, line and field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wijwerken_widgets.content.loader import ContentError, clear_cache
from wijwerken_widgets.core import paths
from wijwerken_widgets.pages.dag1 import texts as dag1_texts
from wijwerken_widgets.pages.dag2 import texts as dag2_texts
from wijwerken_widgets.pages.dag3 import texts as dag3_texts
from wijwerken_widgets.pages.dag4 import texts as dag4_texts
from wijwerken_widgets.pages.maanden import texts as maanden_texts
from wijwerken_widgets.pages.pechakucha import texts as pechakucha_texts
from wijwerken_widgets.pages.start import texts as start_texts
from wijwerken_widgets.pages.trainer import texts as trainer_texts
from wijwerken_widgets.shared import coaching
from wijwerken_widgets.shared.logbook import texts as logbook_texts
from wijwerken_widgets.shared.stakeholders import texts as map_texts
from wijwerken_widgets.ui import texts as common_texts

START_FILE, DAG1_FILE, DAG2_FILE, DAG3_FILE = start_texts.FILE, dag1_texts.FILE, dag2_texts.FILE, dag3_texts.FILE
COACHING_FILE, LOGBOOK_FILE, COMMON_FILE, MAP_FILE = coaching.FILE, logbook_texts.FILE, common_texts.FILE, map_texts.FILE
load_start, load_dag1, load_dag2, load_dag3 = start_texts.load, dag1_texts.load, dag2_texts.load, dag3_texts.load
load_coaching, load_logbook, load_common, load_map = coaching.load_rules, logbook_texts.load, common_texts.load, map_texts.load

LOADERS = {START_FILE: load_start, DAG1_FILE: load_dag1, DAG2_FILE: load_dag2, DAG3_FILE: load_dag3,
           dag4_texts.FILE: dag4_texts.load,
           maanden_texts.FILE: maanden_texts.load,
           pechakucha_texts.FILE: pechakucha_texts.load,
           trainer_texts.FILE: trainer_texts.load,
           COACHING_FILE: load_coaching, LOGBOOK_FILE: load_logbook, COMMON_FILE: load_common, MAP_FILE: load_map}


@pytest.fixture
def content_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped content files that WIJWERKEN_EXERCISES points at."""
    for name in LOADERS:
        shutil.copy(paths.exercises_dir() / name, tmp_path / name)
    monkeypatch.setenv("WIJWERKEN_EXERCISES", str(tmp_path))
    clear_cache()
    yield tmp_path
    clear_cache()


def line_of(path: Path, fragment: str) -> int:
    """1-based number of the only line containing ``fragment``."""
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line]
    assert len(lines) == 1, f"{fragment!r} is on lines {lines}"
    return lines[0]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def load_error(loader, directory: Path) -> str:
    with pytest.raises(ContentError) as caught:
        loader(directory)
    return str(caught.value)


@pytest.mark.parametrize("name", list(LOADERS))
def test_do_the_shipped_files_load(name):
    """Does every shipped content file pass its schema, with schema_version 1?"""
    assert LOADERS[name]().schema_version == 1


def test_does_the_start_page_list_the_ready_days_with_their_workbooks_and_the_later_days():
    """Does the start page link Dag 1–4 and the logboek to workbooks that exist, and list the other days in order?"""
    days = load_start().programme.days
    assert (days[0].label, days[0].phase, days[0].available, days[0].workbook) == ("Dag 1", "Look", True, "dag1.ipynb")
    assert (days[1].label, days[1].phase, days[1].available, days[1].workbook) == ("Dag 2", "Think", True, "dag2.ipynb")
    assert (days[2].label, days[2].phase, days[2].available, days[2].workbook) == ("Dag 3", "Think", True, "dag3.ipynb")
    assert (days[3].label, days[3].phase, days[3].available, days[3].workbook) == ("Dag 4", "Act", True, "dag4.ipynb")
    assert (days[4].label, days[4].available, days[4].workbook) == ("Drie maanden", True, "maanden.ipynb")
    assert (days[-1].title, days[-1].workbook) == ("Je logboek", "logboek.ipynb")
    assert [(d.available, d.workbook) for d in days if d.title == "Pecha kucha"] == [(True, "pechakucha.ipynb")]
    for day in days:
        assert day.workbook is None or (paths.workbooks_dir() / day.workbook).is_file()
    titles = [day.title for day in days]
    assert titles.index("De stakeholderkaart") < titles.index("Gesprekken en rollenspel") < titles.index("Pecha kucha")
    assert [step.phase for step in load_start().look_think_act.steps] == ["Look", "Think", "Act"]


def test_does_the_start_page_say_everything_of_the_werkboek_download():
    """Does start.yaml name every sharing level of the logboek, and fill in its file names and the owner line?"""
    from wijwerken_widgets.store.schema import SHARING

    words = load_start().werkboek
    assert all(getattr(words.sharing, level) for level in SHARING)
    assert "{bestand}" in words.html_link and "{bestand}" in words.markdown_link
    assert words.made_for_group.format(naam="A", groep="B", datum="C") != words.made_for.format(naam="A", datum="C")
    assert words.field_names["with_whom"] and words.checked != words.unchecked


def test_is_a_wrong_placeholder_in_the_werkboek_texts_reported(content_copy):
    """Does a typo in a placeholder of the werkboek's texts name the file, line and field?"""
    edit(content_copy / START_FILE, "webpagina ({bestand})", "webpagina ({bestnd})")
    error = load_error(load_start, content_copy)
    assert "start.yaml" in error and "werkboek.html_link" in error and "{bestnd}" in error


def test_does_dag1_offer_both_kinds_of_vraagstuk_and_five_why_steps():
    """Can a participant choose "van buiten naar binnen" or "de interne vraag", and dig five times why?"""
    dag1 = load_dag1()
    options = dag1.exercises.vraagstuk_choice.options
    assert {kind: option.label for kind, option in options.items()} == {
        "extern": "Van buiten naar binnen",
        "intern": "De interne vraag",
    }
    chain = dag1.exercises.real_problem.why_chain
    assert chain.steps == 5
    assert chain.step_label.format(n=3) != chain.step_label.format(n=4)


def test_do_the_loaders_read_the_folder_named_by_wijwerken_exercises(content_copy):
    """Does a trainer's edited copy (found through WIJWERKEN_EXERCISES) show up in the loaded content?"""
    edit(content_copy / DAG1_FILE, 'title: "Dag 1 · Look: het vraagstuk"', 'title: "Dag 1 · Kijken"')
    assert load_dag1().title == "Dag 1 · Kijken"


def test_is_content_cached_until_the_cache_is_cleared(content_copy):
    """Is a file read once per process, and read again after clear_cache()?"""
    first = load_start()
    edit(content_copy / START_FILE, "title: Welkom bij Grip op Loslaten", "title: Welkom terug")
    assert load_start() is first
    clear_cache()
    assert load_start().title == "Welkom terug"


def test_does_an_unknown_key_name_file_line_and_field(content_copy):
    """Does a misspelt key point at its own line and its full field name?"""
    path = content_copy / DAG1_FILE
    edit(path, "    add_button: Aanname toevoegen\n", "    add_button: Aanname toevoegen\n    add_buton: Nog een\n")
    message = load_error(load_dag1, content_copy)
    line = line_of(path, "add_buton")
    assert message == (
        f"{path}:{line}: exercises.assumptions.add_buton: onbekend veld (toegestaan: title, instruction, columns, "
        "placeholders, add_button, remove_button, remove_confirm, empty_text, examples_title, examples); bedoel je "
        "'add_button'?"
    )


def test_does_a_wrong_type_name_file_line_and_field(content_copy):
    """Does text where a number belongs point at that line and field?"""
    path = content_copy / DAG1_FILE
    edit(path, "      steps: 5\n", "      steps: vijf\n")
    message = load_error(load_dag1, content_copy)
    assert message.startswith(f"{path}:{line_of(path, 'steps: vijf')}: exercises.real_problem.why_chain.steps: ")


def test_does_a_wrong_type_in_a_list_name_the_item(content_copy):
    """Does a mistake inside a list name the item number and the line of that item?"""
    path = content_copy / COACHING_FILE
    edit(path, "    - een app\n", "    - [een, app]\n")
    message = load_error(load_coaching, content_copy)
    assert message.startswith(f"{path}:{line_of(path, '- [een, app]')}: words.solution_signals[")


def test_does_a_missing_field_point_at_the_block_it_belongs_in(content_copy):
    """Does a deleted required field name the field and the line of the block that should contain it?"""
    path = content_copy / DAG1_FILE
    edit(path, "    coaching_title: Wat valt op aan je tekst?\n", "")
    message = load_error(load_dag1, content_copy)
    line = line_of(path, "problem_statement:")
    assert message == f"{path}:{line}: exercises.problem_statement.coaching_title: dit veld ontbreekt"


def test_does_a_yaml_syntax_error_name_file_and_line(content_copy):
    """Does broken YAML (an unclosed quote) name the file and the line where the quote opens?"""
    path = content_copy / START_FILE
    edit(path, "title: Welkom bij Grip op Loslaten\n", 'title: "Welkom bij Grip op Loslaten\n')
    message = load_error(load_start, content_copy)
    opening_line = line_of(path, '"Welkom bij Grip op Loslaten')
    assert message == (
        f"{path}:{opening_line}: ongeldige YAML: het aanhalingsteken dat hier begint wordt nergens gesloten"
    )


def test_does_a_colon_in_a_text_name_its_line_with_a_hint(content_copy):
    """Does an unquoted ': ' inside a one-line text (the classic mistake) point at its line, with what to do?"""
    path = content_copy / START_FILE
    edit(path, "title: Welkom bij Grip op Loslaten\n", "title: Welkom: Grip op Loslaten\n")
    message = load_error(load_start, content_copy)
    assert message.startswith(f"{path}:{line_of(path, 'title: Welkom: Grip')}: ongeldige YAML: hier mag geen ': '")
    assert "aanhalingstekens" in message


def test_is_a_duplicate_key_an_error(content_copy):
    """Is a key written twice (YAML would silently keep the last one) reported with its line?"""
    path = content_copy / START_FILE
    edit(path, "closing: |\n", "title: Nog een titel\nclosing: |\n")
    message = load_error(load_start, content_copy)
    first = line_of(path, "title: Welkom bij Grip op Loslaten")
    assert message == (
        f"{path}:{line_of(path, 'title: Nog een titel')}: title: dit veld staat er twee keer (ook op regel {first}); "
        "er mag er één blijven"
    )


def test_is_an_empty_text_an_error(content_copy):
    """Is a title that a trainer emptied reported, so the page never shows a blank heading?"""
    path = content_copy / DAG1_FILE
    edit(path, '    title: "3. Aannames"\n', '    title: ""\n')
    message = load_error(load_dag1, content_copy)
    line = line_of(path, 'title: ""')
    assert message.startswith(f"{path}:{line}: exercises.assumptions.title: ")


def test_is_an_unknown_placeholder_in_the_step_label_an_error(content_copy):
    """Is a step label with braces other than {n} caught at load time instead of crashing the page?"""
    path = content_copy / DAG1_FILE
    edit(path, 'step_label: "Waarom? ({n})"', 'step_label: "Waarom? ({stap})"')
    message = load_error(load_dag1, content_copy)
    assert f"{line_of(path, 'step_label')}: exercises.real_problem.why_chain.step_label: " in message


def test_is_a_signal_without_letters_an_error(content_copy):
    """Is a coaching signal that can never match (only punctuation) reported?"""
    path = content_copy / COACHING_FILE
    edit(path, "minstens, helft, procent,", 'minstens, helft, "%", procent,')
    message = load_error(load_coaching, content_copy)
    assert "words.change_signals: " in message and "'%'" in message


def test_is_a_wrong_schema_version_an_error(content_copy):
    """Does a file written for another schema version say so?"""
    path = content_copy / COACHING_FILE
    edit(path, "schema_version: 1\n", "schema_version: 2\n")
    message = load_error(load_coaching, content_copy)
    assert message.startswith(f"{path}:{line_of(path, 'schema_version: 2')}: schema_version: ")


def test_are_empty_and_missing_files_errors_that_name_the_file(content_copy):
    """Does an empty or missing file give a ContentError naming the file rather than a traceback?"""
    (content_copy / START_FILE).write_text("", encoding="utf-8")
    assert load_error(load_start, content_copy) == f"{content_copy / START_FILE}:1: het bestand is leeg"
    (content_copy / DAG1_FILE).unlink()
    assert load_error(load_dag1, content_copy) == f"{content_copy / DAG1_FILE}: bestand niet gevonden"


def test_a_duplicate_checklist_key_in_dag3_names_file_and_field(content_copy: Path) -> None:
    """Two observer checklist points with the same key would overwrite each other's feedback: refused, with where."""
    path = content_copy / DAG3_FILE
    edit(path, "      - key: doorvragen\n", "      - key: open_vragen\n")
    error = load_error(load_dag3, content_copy)
    assert "dag3.yaml" in error and "checklist_gesprek" in error and "open_vragen" in error


def test_is_an_unknown_placeholder_in_a_dag3_text_named_with_what_it_may_use(content_copy: Path) -> None:
    """Is a Dag 3 text with a misspelt placeholder caught at load time, naming its line, field and the allowed ones?"""
    path = content_copy / DAG3_FILE
    edit(path, 'plan_button: "Plan een gesprek met {naam}"', 'plan_button: "Plan een gesprek met {name}"')
    error = load_error(load_dag3, content_copy)
    assert error.startswith(f"{path}:{line_of(path, 'plan_button:')}: exercises.plans.plan_button: ")
    assert "{name}" in error and "{naam}" in error


def test_is_an_unbalanced_brace_in_a_dag3_text_an_error(content_copy: Path) -> None:
    """Is a Dag 3 text with a { but no } reported instead of crashing when a participant presses a button?"""
    path = content_copy / DAG3_FILE
    edit(path, 'quotes: "{aantal} citaten"', 'quotes: "{aantal citaten"')
    assert "exercises.trainer.quotes: " in load_error(load_dag3, content_copy)


def test_is_an_unknown_placeholder_in_the_shared_texts_an_error(content_copy: Path) -> None:
    """Is a save status line with a misspelt placeholder caught when algemeen.yaml loads, not on every page?"""
    path = content_copy / COMMON_FILE
    edit(path, 'saved: "Opgeslagen {tijd}"', 'saved: "Opgeslagen {time}"')
    error = load_error(load_common, content_copy)
    assert error.startswith(f"{path}:{line_of(path, 'Opgeslagen {time}')}: save.saved: ")
    assert "{time}" in error and "{tijd}" in error


def test_is_an_unknown_placeholder_in_the_network_tooltip_an_error(content_copy: Path) -> None:
    """Is a Dag 2 tooltip line with a placeholder the drawing does not fill in caught when dag2.yaml loads?"""
    path = content_copy / DAG2_FILE
    edit(path, 'energy: "Energie: {nu} → {gewenst}"', 'energy: "Energie: {nu} → {straks}"')
    error = load_error(load_dag2, content_copy)
    assert error.startswith(f"{path}:{line_of(path, '{straks}')}: exercises.network.picture.tooltip.energy: ")


def test_is_an_unknown_placeholder_in_a_stakeholder_map_message_an_error(content_copy: Path) -> None:
    """Is an import problem with a placeholder the workbook cannot fill in caught when stakeholderkaart.yaml
    loads?"""
    path = content_copy / MAP_FILE
    edit(path, 'row: "Rij {n}"', 'row: "Rij {nummer}"')
    error = load_error(load_map, content_copy)
    assert error.startswith(f"{path}:{line_of(path, 'Rij {nummer}')}: rows.row: ")
