"""The operator's cohort commands after `create`: update from a changed file, add and remove people, new codes for
everyone, trainers of several cohorts, and what a restarted server says about codes."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.app.test_cli import DEMO, wijwerken
from tests.support.voila_server import printed_codes

SLUG = "demogemeente-2026"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with the demo cohort."""
    assert wijwerken("cohort", "create", str(DEMO), data=tmp_path / "d").returncode == 0
    return tmp_path / "d"


def test_update_applies_a_changed_file_once(data: Path, tmp_path: Path) -> None:
    """Does `cohort update` add the new participant (code shown once), keep and name someone left out (a rename
    without --renamed), say that nothing changed the second time, and remove only with --remove-missing?"""
    text = DEMO.read_text(encoding="utf-8")
    text = text.replace("  - naam: Fatima El Amrani", "  - naam: Nieuwe Collega\n    functie: medewerker\n"
                        "    groep: Groep Binnen\n  - naam: Fatima El Amrani")
    changed = tmp_path / "demo.yaml"
    changed.write_text(text, encoding="utf-8")
    first = wijwerken("cohort", "update", str(changed), data=data)
    assert first.returncode == 0, first.stderr
    assert f"Cohort '{SLUG}' updated (1 change):" in first.stdout and "Code of the person added:" in first.stdout
    assert [c.naam for c in printed_codes(first.stdout)] == ["Nieuwe Collega"]

    text = text.replace("  - naam: Jeroen de Vries ", "  - naam: Jeroen de Vries-Jansen ")
    changed.write_text(text, encoding="utf-8")
    dry = wijwerken("cohort", "update", str(changed), "--dry-run", data=data)
    assert f"Cohort '{SLUG}' would change (dry run, nothing stored) (1 change):" in dry.stdout
    assert "deelnemer 'Jeroen de Vries-Jansen' added" in dry.stdout and printed_codes(dry.stdout) == []
    assert "Not in the file, kept: Jeroen de Vries. To take this person out, run again with --remove-missing" \
        in dry.stdout and "--renamed" in dry.stdout

    renamed = wijwerken("cohort", "update", str(changed), "--renamed", "Jeroen de Vries=Jeroen de Vries-Jansen",
                        data=data)
    assert "  Jeroen de Vries: name changed\n" in renamed.stdout and "Not in the file" not in renamed.stdout
    assert printed_codes(renamed.stdout) == []

    again = wijwerken("cohort", "update", str(changed), data=data)
    assert f"Cohort '{SLUG}' already matches {changed}: nothing changed." in again.stdout
    assert printed_codes(again.stdout) == []

    text = text.replace("  - naam: Nieuwe Collega\n    functie: medewerker\n    groep: Groep Binnen\n", "")
    changed.write_text(text, encoding="utf-8")
    removed = wijwerken("cohort", "update", str(changed), "--remove-missing", data=data)
    assert "deelnemer 'Nieuwe Collega' removed" in removed.stdout
    assert "6 deelnemers, 1 trainer\n" in wijwerken("cohort", "list", data=data).stdout

    unknown = wijwerken("cohort", "update", str(DEMO).replace("demogemeente", "bestaat-niet"), data=data)
    assert unknown.returncode == 2 and "Traceback" not in unknown.stderr


def test_new_codes_for_everyone_need_a_confirmation_and_a_csv(data: Path, tmp_path: Path) -> None:
    """Does `new-code --all` refuse without --yes and --csv, and with them write a new code per person?"""
    refused = wijwerken("cohort", "new-code", SLUG, "--all", data=data)
    assert refused.returncode == 2 and "--yes" in refused.stderr and "only as hashes" in refused.stderr
    out = tmp_path / "codes.csv"
    done = wijwerken("cohort", "new-code", SLUG, "--all", "--yes", "--csv", str(out), data=data)
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert len(rows) == 7 and "7 codes written to" in done.stdout
    assert {r["code"] for r in rows} == {c.code for c in printed_codes(done.stdout)}


def test_add_participant_remove_and_assign_trainer(data: Path, tmp_path: Path) -> None:
    """Do add-participant (code shown once), remove and assign-trainer say what they did, in one line each?"""
    added = wijwerken("cohort", "add-participant", SLUG, "--naam", "Nieuwe Collega", "--groep", "Groep Binnen",
                      "--functie", "OR-lid", data=data)
    assert added.returncode == 0, added.stderr
    assert [c.naam for c in printed_codes(added.stdout)] == ["Nieuwe Collega"]
    again = wijwerken("cohort", "add-participant", SLUG, "--naam", "Nieuwe Collega", "--groep", "Groep Binnen",
                      "--functie", "OR-lid", data=data)
    assert again.returncode == 2 and "already someone called 'Nieuwe Collega'" in again.stderr
    removed = wijwerken("cohort", "remove", SLUG, "Nieuwe Collega", data=data)
    assert "Nieuwe Collega is removed" in removed.stdout

    other = tmp_path / "other.yaml"
    other.write_text(DEMO.read_text(encoding="utf-8").replace(f"slug: {SLUG}", "slug: andere-2027")
                     .replace("Marieke Verhoeven", "Tara Trainer"), encoding="utf-8")
    assert wijwerken("cohort", "create", str(other), data=data).returncode == 0
    assigned = wijwerken("cohort", "assign-trainer", "andere-2027", "Marieke Verhoeven", data=data)
    assert assigned.returncode == 0, assigned.stderr
    assert f"Trainer Marieke Verhoeven of cohort '{SLUG}' now also sees the groups of cohort 'andere-2027'" \
        in assigned.stdout
    assert "(also trained by: Marieke Verhoeven)" in wijwerken("cohort", "list", data=data).stdout


def test_a_restart_says_how_to_get_a_code_back(data: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """When the store already holds a cohort, does `serve` print how to get a lost code back?"""
    from wijwerken_widgets.app import cli, serve

    monkeypatch.setattr(serve, "run_voila", lambda **_: 0)
    monkeypatch.setattr(cli, "_precompile", lambda: None)
    monkeypatch.setattr(cli, "_check_content", lambda: None)
    monkeypatch.setenv("WIJWERKEN_HOME", str(data))  # serve sets it for its kernels; restored after the test
    assert cli.main(["serve", "--data", str(data)]) == 0
    out = capsys.readouterr().out
    assert f"The store holds 1 cohort ({SLUG})." in out
    assert 'wijwerken cohort new-code COHORT "NAME"' in out
