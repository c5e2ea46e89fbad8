"""The one reporter for YAML files that trainers edit: every problem as ``path:line: field: message``, in Dutch."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Annotated, Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from wijwerken_widgets.core.yaml_files import ContentError, Loc, Problem, load_yaml_model, parse_yaml_model


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Item(_Model):
    naam: Annotated[str, Field(min_length=1)]
    aantal: Annotated[int, Field(ge=1, le=5)] = 1


class Example(_Model):
    schema_version: Literal[1]
    code: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")] = "a"
    soort: Literal["gesprek", "facilitator"] = "gesprek"
    items: list[Item] = Field(min_length=1)
    per_soort: dict[Literal["extern", "intern"], str] = Field(default_factory=dict)


VALID = textwrap.dedent(
    """\
    schema_version: 1
    soort: gesprek
    items:
      - naam: Een
        aantal: 2
      - naam: Twee
    per_soort:
      extern: buiten
    """
)


def problems_of(text: str, **options: Any) -> list[str]:
    """The report for ``text`` without the file name that starts every line."""
    with pytest.raises(ContentError) as caught:
        parse_yaml_model(text, "x.yaml", Example, **options)
    lines = str(caught.value).splitlines()
    assert all(line.startswith("x.yaml") for line in lines), lines
    assert caught.value.path == "x.yaml"
    assert [problem.describe("x.yaml") for problem in caught.value.problems[: len(lines)]] == lines[:15]
    return [line.removeprefix("x.yaml:") for line in lines]


def test_a_valid_file_loads() -> None:
    example = parse_yaml_model(VALID, "x.yaml", Example)
    assert [item.aantal for item in example.items] == [2, 1]


def test_are_all_problems_reported_at_once_in_line_order() -> None:
    """One line per problem, by line, each with the field path and what is wrong, in Dutch."""
    text = (
        VALID.replace("schema_version: 1", "schema_version: 2")
        .replace("soort: gesprek", "soort: interview\ncode: Met_Hoofdletters")
        .replace("  - naam: Twee\n", "  - naam: ''\n    aantl: 3\n")
        .replace("aantal: 2", "aantal: 9")
        .replace("extern: buiten", "extrn: buiten")
    )
    assert problems_of(text) == [
        "1: schema_version: moet 1 zijn, niet 2",
        "2: soort: ongeldige waarde 'interview' (kies uit: gesprek, facilitator)",
        "3: code: 'Met_Hoofdletters' mag alleen kleine letters, cijfers en streepjes bevatten",
        "6: items[0].aantal: mag hoogstens 5 zijn, niet 9",
        "7: items[1].naam: mag niet leeg zijn",
        "8: items[1].aantl: onbekend veld (toegestaan: naam, aantal); bedoel je 'aantal'?",
        "10: per_soort.extrn: onbekende naam 'extrn' (kies uit: extern, intern)",
    ]


def test_does_a_missing_field_point_at_its_block_and_a_wrong_type_at_its_value() -> None:
    text = VALID.replace("  - naam: Een\n    aantal: 2\n", "  - aantal: twee\n")
    assert problems_of(text) == [
        "4: items[0].naam: dit veld ontbreekt",
        "4: items[0].aantal: moet een heel getal zijn, niet 'twee'",
    ]


def test_is_an_empty_list_reported() -> None:
    text = VALID.split("items:")[0] + "items: []\n"
    assert problems_of(text) == ["3: items: moet minstens één item bevatten"]


def test_is_a_key_given_twice_reported_with_both_lines() -> None:
    text = VALID.replace("soort: gesprek\n", "soort: gesprek\nsoort: facilitator\n")
    assert problems_of(text) == ["3: soort: dit veld staat er twee keer (ook op regel 2); er mag er één blijven"]


def test_do_the_callers_cross_checks_become_problems_in_the_same_format() -> None:
    def no_twins(data: Any) -> list[tuple[Loc, str]]:
        names = [item.get("naam") for item in data.get("items", [])]
        return [(("items", i, "naam"), f"'{n}' staat er al eerder in") for i, n in enumerate(names) if n in names[:i]]

    text = VALID.replace("naam: Twee", "naam: Een")
    assert problems_of(text, checks=[no_twins]) == ["6: items[1].naam: 'Een' staat er al eerder in"]


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        ("soort: Let op: dit\n", "2: ongeldige YAML: hier mag geen ': ' staan"),
        ("soort: 'niet gesloten\n", "2: ongeldige YAML: het aanhalingsteken dat hier begint wordt nergens gesloten"),
        ("soort:\n\t- tab\n", "3: ongeldige YAML: gebruik spaties om in te springen, geen tab"),
        ("soort: @gesprek\n", "2: ongeldige YAML: een waarde mag niet beginnen met '@'"),
        ("soort: !!python/name:os.system\n", "2: de tag 'tag:yaml.org,2002:python/name:os.system' is niet toegestaan"),
    ],
)
def test_is_a_yaml_mistake_reported_in_dutch_at_its_line(broken: str, expected: str) -> None:
    (line,) = problems_of(VALID.replace("soort: gesprek\n", broken))
    assert line.startswith(expected), line


def test_is_a_second_document_reported() -> None:
    (line,) = problems_of(VALID + "---\nschema_version: 1\n")
    assert line.startswith("9: ongeldige YAML: het bestand bevat meer dan één document")


def test_is_an_empty_file_reported() -> None:
    assert problems_of("# alleen commentaar\n") == ["1: het bestand is leeg"]


def test_is_a_document_that_is_no_block_reported() -> None:
    assert problems_of("- een lijst\n") == ["1: moet een blok met velden zijn (veld: waarde)"]


def test_are_missing_and_unreadable_files_reported_with_their_name(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_yaml_model(tmp_path / "weg.yaml", Example)
    assert str(caught.value) == f"{tmp_path / 'weg.yaml'}: bestand niet gevonden"
    (tmp_path / "latin1.yaml").write_bytes("naam: caf\xe9\n".encode("latin-1"))
    with pytest.raises(ContentError, match=r"latin1\.yaml: dit is geen UTF-8-tekst \(byte 9\)"):
        load_yaml_model(tmp_path / "latin1.yaml", Example)


def test_is_a_long_report_cut_off_with_a_count() -> None:
    """Are the first 15 problems listed and the rest counted (all of them are in ``problems``)?"""
    text = VALID.replace("items:\n", "items:\n" + "".join(f"  - naam: N{i}\n    x: 1\n" for i in range(20)))
    with pytest.raises(ContentError) as caught:
        parse_yaml_model(text, "x.yaml", Example)
    lines = str(caught.value).splitlines()
    assert len(caught.value.problems) == 20
    assert len(lines) == 16 and lines[-1] == "x.yaml: … en nog 5 fouten"


def test_does_a_problem_leave_out_what_it_does_not_know() -> None:
    assert Problem(3, "a.b", "fout").describe("x.yaml") == "x.yaml:3: a.b: fout"
    assert Problem(3, "", "fout").describe("x.yaml") == "x.yaml:3: fout"
    assert Problem(None, "", "fout").describe("x.yaml") == "x.yaml: fout"
    assert str(ContentError("x.yaml: iets")) == "x.yaml: iets"


def test_an_alias_bomb_is_refused_before_anything_is_built() -> None:
    """Ten lines whose aliases expand to 10⁹ values: refused at once, in Dutch, without building them (which would
    take gigabytes), while a few ordinary aliases still load."""
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for name, prev in zip("bcdefghij", "abcdefghi"):
        bomb += f"{name}: &{name} [{','.join(['*' + prev] * 10)}]\n"
    (line,) = problems_of(VALID + bomb)
    assert "te veel waarden" in line and "verwijzingen" in line, line
    few = VALID.replace("per_soort:\n  extern: buiten\n", "per_soort:\n  extern: &buiten buiten\n  intern: *buiten\n")
    assert parse_yaml_model(few, "x.yaml", Example).per_soort == {"extern": "buiten", "intern": "buiten"}


def test_very_deep_nesting_and_a_huge_file_are_refused() -> None:
    (line,) = problems_of(VALID + "diep: " + "[" * 60 + "]" * 60 + "\n")
    assert line.startswith("9: de waarden zijn hier te diep genest (meer dan 40 niveaus)"), line
    (line,) = problems_of(VALID + "# " + "x" * 1_100_000 + "\n")
    assert line.startswith(" het bestand is te groot (1100 kB); het mag hoogstens 1000 kB zijn"), line


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "groot.yaml"
    with huge.open("wb") as out:
        out.truncate(50_000_000)  # sparse: 50 MB of nothing, never read
    with pytest.raises(ContentError) as caught:
        load_yaml_model(huge, Example)
    assert str(caught.value) == f"{huge}: het bestand is te groot (50000 kB); het mag hoogstens 1000 kB zijn"
