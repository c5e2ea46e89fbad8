"""`wijwerken check` before a training day, and `wijwerken serve` refusing a broken variant with the same report."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.voila_server import ROOT
from wijwerken_widgets.app import cli
from wijwerken_widgets.content import loader


def check(*args: str, exercises: Path | None = None) -> subprocess.CompletedProcess:
    env = None
    if exercises is not None:
        import os

        env = {**os.environ, "WIJWERKEN_EXERCISES": str(exercises)}
    return subprocess.run([sys.executable, "-m", "wijwerken_widgets", "check", *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The shipped exercises, with mistakes in Voorbeeldstad's cohort file, override and role-play scenario."""
    folder = tmp_path / "exercises"
    shutil.copytree(ROOT / "exercises", folder)
    cohort = folder / "cohorts" / "voorbeeldstad.yaml"
    cohort.write_text(cohort.read_text(encoding="utf-8") + "  - dag4.stemmen\n", encoding="utf-8")
    with (folder / "voorbeeldstad" / "dag1.yaml").open("a", encoding="utf-8") as override:
        override.write("  real_problem:\n    titel: Wat speelt er echt?\n")
    scenario = folder / "voorbeeldstad" / "rollenspel" / "08-havenondernemer.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8").replace("duur_minuten: 8", "duur_minuten: 99"),
                        encoding="utf-8")
    (folder / "voorbeeldstad" / "dag7.yaml").write_text("title: Dag 7\n", encoding="utf-8")
    return folder


def test_the_shipped_example_variant_is_in_order() -> None:
    result = check("voorbeeldstad-2027")
    assert result.returncode == 0, result.stderr
    assert "In orde: cohort 'voorbeeldstad-2027'" in result.stdout
    assert "In orde: de aanpassingen van Voorbeeldstad" in result.stdout


def test_every_problem_is_named_with_file_line_and_field(broken: Path) -> None:
    result = check("voorbeeldstad-2027", exercises=broken)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "4 problemen gevonden. Los dit op vóór de trainingsdag:" in lines[0]
    assert (f"{broken}/cohorts/voorbeeldstad.yaml:64: uit[1]: 'dag4' heeft geen oefening 'stemmen' (kies uit: "
            "themes, vote, feedback, plan, logbook, trainer)") in lines
    assert any(line.startswith(f"{broken}/voorbeeldstad/dag1.yaml:21: exercises.real_problem.titel: onbekend veld")
               for line in lines)
    assert any(line.startswith(f"{broken}/voorbeeldstad/dag7.yaml: dit bestand past bij geen bestand") for line in lines)
    assert f"{broken}/voorbeeldstad/rollenspel/08-havenondernemer.yaml:8: duur_minuten: mag hoogstens 30 zijn, niet 99" \
        in lines
    assert "Traceback" not in result.stderr


def test_the_frame_is_english_on_request_and_a_file_path_works(broken: Path) -> None:
    result = check(str(broken / "cohorts" / "voorbeeldstad.yaml"), "--lang", "en", exercises=broken)
    assert result.returncode == 1
    assert "4 problems found. Fix them before the training day:" in result.stderr


def test_an_unknown_cohort_is_one_line() -> None:
    result = check("nergensdorp-2030")
    assert result.returncode == 2
    assert result.stderr.startswith("error: no cohort file 'nergensdorp-2030'")


def test_serve_refuses_a_broken_variant_with_the_same_report(broken: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """The demo cohort is Demogemeente: give it a broken override, and `serve` stops before the server starts."""
    (broken / "demogemeente").mkdir()
    (broken / "demogemeente" / "dag2.yaml").write_text("intro: Welkom\ntitel: Dag 2\n", encoding="utf-8")
    monkeypatch.setenv("WIJWERKEN_EXERCISES", str(broken))
    monkeypatch.setenv("WIJWERKEN_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(loader, "_variant", {})
    started: list[object] = []
    monkeypatch.setattr("wijwerken_widgets.app.serve.run_voila", lambda **options: started.append(options) or 0)
    loader.clear_cache()
    try:
        status = cli.main(["serve", "--data", str(tmp_path / "data"), "--port", "1"])
    finally:
        loader.clear_cache()
    err = capsys.readouterr().err
    assert status == 2 and started == []
    assert "The server does not start: the overrides of Demogemeente" in err
    assert f"{broken}/demogemeente/dag2.yaml:2: titel: onbekend veld" in err

    (broken / "demogemeente" / "dag2.yaml").write_text("intro: Welkom in Demogemeente\n", encoding="utf-8")
    loader.clear_cache()
    assert cli.main(["serve", "--data", str(tmp_path / "data"), "--port", "1"]) == 0
    assert len(started) == 1
