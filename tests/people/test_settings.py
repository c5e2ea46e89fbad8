"""Loading cohort settings files: the demo file, and errors that name file, line and field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from wijwerken_widgets.core import paths
from wijwerken_widgets.core.yaml_files import ContentError
from wijwerken_widgets.people.settings import CohortSettings, load_cohort_settings

DEMO = paths.exercises_dir() / "cohorts" / "demogemeente.yaml"

VALID = textwrap.dedent(
    """\
    schema_version: 1
    gemeente: Proefstad
    naam: Grip op Loslaten 2027
    vraagstukken:
      extern: {titel: Buiten, probleem: P, doel: D, hoofdvraag: "Hoe dan?"}
      intern: {titel: Binnen, probleem: P, doel: D, hoofdvraag: "Hoe dan?"}
    groepen:
      - {naam: Groep Buiten, vraagstuk: extern}
      - {naam: Groep Binnen, vraagstuk: intern}
    trainers:
      - {naam: Tineke Trainer}
    deelnemers:
      - {naam: Anna, functie: medewerker, groep: Groep Buiten}
      - {naam: Bram, functie: leidinggevende, groep: Groep Binnen}
      - {naam: Cas, functie: OR-lid, groep: Groep Binnen}
    """
)


def write(tmp_path: Path, text: str, name: str = "proefstad.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_lines(tmp_path: Path, text: str) -> list[str]:
    """The reported problems without the file name that starts every line (``line: field: message``)."""
    path = write(tmp_path, text)
    with pytest.raises(ContentError) as caught:
        load_cohort_settings(path)
    lines = str(caught.value).splitlines()
    assert all(line.startswith(f"{path}:") for line in lines), lines
    assert len(caught.value.problems) == len(lines)
    return [line.removeprefix(f"{path}:") for line in lines]


def replace_line(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


def test_does_the_demo_cohort_file_load():
    settings = load_cohort_settings(DEMO)
    assert settings.gemeente == "Demogemeente"
    assert settings.slug == "demogemeente-2026"
    assert {g.vraagstuk for g in settings.groepen} == {"intern", "extern"}
    assert len(settings.trainers) == 1
    assert len(settings.deelnemers) >= 6
    assert {d.functie for d in settings.deelnemers} == {"medewerker", "leidinggevende", "OR-lid"}
    assert all(d.groep in {g.naam for g in settings.groepen} for d in settings.deelnemers)


def test_is_the_slug_derived_from_gemeente_and_year_when_absent(tmp_path):
    settings = load_cohort_settings(
        write(tmp_path, replace_line(VALID, "gemeente: Proefstad", "gemeente: Súdwest-Fryslân"))
    )
    assert settings.slug == "sudwest-fryslan-2027"


def test_is_an_unknown_key_reported_with_line_field_and_a_suggestion(tmp_path):
    text = replace_line(VALID, "gemeente: Proefstad\n", "gemeente: Proefstad\nslgu: proefstad\n")
    assert error_lines(tmp_path, text) == [
        "3: slgu: onbekend veld (toegestaan: schema_version, gemeente, naam, slug, vraagstukken, groepen, "
        "trainers, deelnemers, traject, start, programma, terugkomritme, bewaren, uit); bedoel je 'slug'?"
    ]


def test_is_an_unknown_key_in_a_nested_block_reported(tmp_path):
    text = replace_line(VALID, "- {naam: Tineke Trainer}", "- {naam: Tineke Trainer, email: t@example.org}")
    (line,) = error_lines(tmp_path, text)
    assert line.startswith("11: trainers[0].email: onbekend veld (toegestaan: naam, gebruikersnaam)")


def test_is_a_wrong_type_reported(tmp_path):
    text = replace_line(VALID, "naam: Grip op Loslaten 2027", "naam: 2027")
    (line,) = error_lines(tmp_path, text)
    assert line.startswith("3: naam: moet tekst zijn, niet 2027")


def test_is_a_wrong_choice_reported_with_the_options(tmp_path):
    text = replace_line(VALID, "functie: OR-lid", "functie: directeur")
    assert error_lines(tmp_path, text) == [
        "15: deelnemers[2].functie: ongeldige waarde 'directeur' "
        "(kies uit: medewerker, leidinggevende, OR-lid)"
    ]


def test_is_a_missing_field_reported_at_its_block(tmp_path):
    text = replace_line(
        VALID,
        "{naam: Bram, functie: leidinggevende, groep: Groep Binnen}",
        "{naam: Bram, groep: Groep Binnen}",
    )
    assert error_lines(tmp_path, text) == ["14: deelnemers[1].functie: dit veld ontbreekt"]


def test_is_a_reference_to_an_unknown_groep_reported_with_the_choices(tmp_path):
    text = replace_line(
        VALID,
        "{naam: Cas, functie: OR-lid, groep: Groep Binnen}",
        "{naam: Cas, functie: OR-lid, groep: Groep X}",
    )
    assert error_lines(tmp_path, text) == [
        "15: deelnemers[2].groep: groep 'Groep X' bestaat niet (kies uit: Groep Buiten, Groep Binnen)"
    ]


def test_are_duplicate_names_groups_and_usernames_reported(tmp_path):
    text = VALID.replace("{naam: Tineke Trainer}", "{naam: Anna, gebruikersnaam: anna}")
    text = replace_line(
        text, "{naam: Groep Binnen, vraagstuk: intern}", "{naam: groep buiten, vraagstuk: intern}"
    )
    text = replace_line(text, "groep: Groep Binnen}", "groep: Groep Buiten, gebruikersnaam: ANNA}")
    text = replace_line(text, "groep: Groep Binnen}", "groep: Groep Buiten}")
    assert error_lines(tmp_path, text) == [
        "9: groepen[1].naam: de groep 'groep buiten' staat er al eerder in",
        "13: deelnemers[0].naam: de naam 'Anna' komt al voor bij trainers[0]",
        "14: deelnemers[1].gebruikersnaam: de gebruikersnaam 'ANNA' komt al voor bij trainers[0]",
    ]


def test_are_direction_controls_and_zero_width_characters_left_out_of_names(tmp_path):
    """Does a name or group with U+202E or a zero-width space load without them (as the store keeps typed text),
    so that it cannot reverse what a page shows after it, and does a group reference still find its group?"""
    text = replace_line(VALID, "{naam: Groep Buiten, vraagstuk: extern}", '{naam: "Groep\u202e Buiten", vraagstuk: extern}')
    text = replace_line(text, "{naam: Anna,", '{naam: "\u2067سارة\u200b",')
    settings = load_cohort_settings(write(tmp_path, text))
    assert [g.naam for g in settings.groepen] == ["Groep Buiten", "Groep Binnen"]
    assert settings.deelnemers[0].naam == "سارة" and settings.deelnemers[0].groep == "Groep Buiten"


def test_are_names_that_differ_only_in_invisible_characters_duplicates(tmp_path):
    """Are two groups or people whose names look the same (one has a zero-width joiner) reported as given twice?"""
    text = replace_line(VALID, "{naam: Groep Binnen, vraagstuk: intern}", '{naam: "Groep\u200d Buiten", vraagstuk: intern}')
    text = text.replace("groep: Groep Binnen}", "groep: Groep Buiten}")
    text = replace_line(text, "{naam: Bram,", '{naam: "An\u200dna",')
    assert error_lines(tmp_path, text) == [
        "9: groepen[1].naam: de groep 'Groep\u200d Buiten' staat er al eerder in",
        "14: deelnemers[1].naam: de naam 'An\u200dna' komt al voor bij deelnemers[0]",
    ]


def test_is_a_key_given_twice_reported(tmp_path):
    text = replace_line(
        VALID, "naam: Grip op Loslaten 2027\n", "naam: Grip op Loslaten 2027\nnaam: Iets anders\n"
    )
    assert error_lines(tmp_path, text) == ["4: naam: dit veld staat er twee keer (ook op regel 3); er mag er één blijven"]


def test_are_all_errors_reported_at_once(tmp_path):
    text = replace_line(VALID, "schema_version: 1", "schema_version: 2")
    text = replace_line(text, "vraagstuk: intern}", "vraagstuk: binnen}")
    text = replace_line(text, "groep: Groep Binnen}", "groep: Groep Z}")
    assert [line.split(":")[0:2] for line in error_lines(tmp_path, text)] == [
        ["1", " schema_version"],
        ["9", " groepen[1].vraagstuk"],
        ["14", " deelnemers[1].groep"],
    ]


def test_is_a_yaml_syntax_error_reported_with_file_and_line(tmp_path):
    text = replace_line(
        VALID,
        "  - {naam: Anna, functie: medewerker, groep: Groep Buiten}",
        "  - {naam: Anna, functie: medewerker",
    )
    (line,) = error_lines(tmp_path, text)
    assert line.startswith("14: ongeldige YAML:")


def test_is_a_bad_indentation_reported_with_its_line(tmp_path):
    text = replace_line(VALID, "gemeente: Proefstad", "gemeente: Proefstad\n  foo: bar")
    (line,) = error_lines(tmp_path, text)
    assert line.startswith("3: ongeldige YAML: hier mag geen ': ' staan")
    assert "inspringing" in line


@pytest.mark.parametrize(
    "value",
    [
        '!!python/object/apply:os.system ["echo hacked > /tmp/wijwerken-yaml-hack"]',
        "!!python/name:os.system",
        "!!python/object:wijwerken_widgets.people.settings.CohortSettings {}",
    ],
)
def test_are_python_object_tags_refused(tmp_path, value):
    text = replace_line(VALID, "gemeente: Proefstad", f"gemeente: {value}")
    (line,) = error_lines(tmp_path, text)
    assert line.startswith("2: de tag 'tag:yaml.org,2002:python/")
    assert "niet toegestaan" in line
    assert not Path("/tmp/wijwerken-yaml-hack").exists()


def test_does_an_unclosed_quote_point_to_where_it_starts(tmp_path):
    text = replace_line(VALID, "gemeente: Proefstad", "gemeente: 's-Hertogenbosch")
    (line,) = error_lines(tmp_path, text)
    assert line == "2: ongeldige YAML: het aanhalingsteken dat hier begint wordt nergens gesloten"


def test_is_an_empty_file_reported(tmp_path):
    assert error_lines(tmp_path, "# alleen commentaar\n") == ["1: het bestand is leeg"]


def test_is_a_missing_file_reported_with_its_name(tmp_path):
    with pytest.raises(ContentError) as caught:
        load_cohort_settings(tmp_path / "bestaat-niet.yaml")
    assert str(caught.value) == f"{tmp_path / 'bestaat-niet.yaml'}: bestand niet gevonden"


def test_does_the_model_itself_refuse_bad_references():
    """Settings built in code (not from a file) are checked for cross-references too."""
    data = {
        "schema_version": 1,
        "gemeente": "X",
        "naam": "Y 2026",
        "vraagstukken": {
            k: {"titel": "t", "probleem": "p", "doel": "d", "hoofdvraag": "h"} for k in ("intern", "extern")
        },
        "groepen": [{"naam": "A", "vraagstuk": "intern"}],
        "trainers": [{"naam": "T"}],
        "deelnemers": [{"naam": "D", "functie": "medewerker", "groep": "B"}],
    }
    with pytest.raises(ValueError, match="deelnemers\\[0\\].groep: groep 'B' bestaat niet"):
        CohortSettings.model_validate(data)


def test_is_a_programme_read_with_its_dates_and_a_wrong_day_reported(tmp_path):
    """Does ``programma`` take training days 1–4 with a date, and is a day 5 or a date that is no date reported?"""
    from wijwerken_widgets.people.settings import load_cohort_settings

    good = VALID + "programma:\n  - {dag: 1, datum: 2027-01-12}\n  - {dag: 2, datum: 2027-02-02}\n"
    path = tmp_path / "goed.yaml"
    path.write_text(good, encoding="utf-8")
    settings = load_cohort_settings(path)
    assert [(d.dag, d.datum.isoformat()) for d in settings.programma] == [(1, "2027-01-12"), (2, "2027-02-02")]
    assert settings.model_dump(mode="json")["programma"][0] == {"dag": 1, "datum": "2027-01-12"}
    wrong = error_lines(tmp_path, VALID + "programma:\n  - {dag: 5, datum: 2027-01-12}\n")
    assert len(wrong) == 1 and "programma[0].dag" in wrong[0]
    (impossible,) = error_lines(tmp_path, VALID + "programma:\n  - {dag: 1, datum: 2027-13-40}\n")
    assert impossible.endswith("deze datum bestaat niet; schrijf een datum als jaar-maand-dag, bijvoorbeeld 2027-01-12")
    assert impossible.startswith(f"{len(VALID.splitlines()) + 2}:")


def test_is_a_purge_date_before_the_archive_date_refused(tmp_path):
    """Can a cohort file say to wipe the work before it is even archived? (No: the line and field are named.)"""
    ok = load_cohort_settings(write(tmp_path, VALID + "bewaren:\n  archiveren: 2027-07-01\n  verwijderen: 2028-07-01\n"))
    assert ok.bewaren is not None and str(ok.bewaren.verwijderen) == "2028-07-01"
    assert ok.model_dump(mode="json")["bewaren"] == {"archiveren": "2027-07-01", "verwijderen": "2028-07-01"}
    text = VALID + "bewaren:\n  archiveren: 2027-07-01\n  verwijderen: 2027-06-30\n"
    (line,) = error_lines(tmp_path, text)
    assert line == "16: bewaren: 'verwijderen' ligt vóór 'archiveren'"
    assert load_cohort_settings(write(tmp_path, VALID)).bewaren is None
