"""``wijwerken check``: a cohort file and its municipality's variant (``content/variants.py``), checked before a
training day, with file, line and field of every problem; ``wijwerken serve`` refuses a broken variant with the
same report.

The problems themselves are in Dutch (the trainer's words, as everywhere); the frame around them is Dutch or
English (``--lang``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wijwerken_widgets.content import loader
from wijwerken_widgets.content.variants import gemeente_slug, variant_folder
from wijwerken_widgets.core import paths
from wijwerken_widgets.core.problems import ContentError, Loc

__all__ = ["Report", "add_check_parser", "check_cohort", "check_variant", "cmd_check", "content_files", "frame", "variants_ok"]

YAML_SUFFIXES = (".yaml", ".yml")
PAGES = ("start", "dag1", "dag2", "dag3", "dag4", "pechakucha", "maanden", "logboek", "toegankelijkheid")
"""The workbook pages (``workbooks/<page>.ipynb``) a cohort can turn off in ``uit``."""

FRAMES = {
    "nl": {
        "ok": "In orde: {what}.",
        "problems": "{what}: {count} {noun} gevonden. Los dit op vóór de trainingsdag:",
        "one": "probleem", "many": "problemen",
        "cohort": "cohort '{slug}' ({gemeente}, {file})",
        "variant": "de aanpassingen van {gemeente} in {folder}",
        "masters": "{gemeente} gebruikt het standaardwerkboek (geen map {folder})",
        "refused": "De server start niet: {what} bevat fouten.",
    },
    "en": {
        "ok": "OK: {what}.",
        "problems": "{what}: {count} {noun} found. Fix them before the training day:",
        "one": "problem", "many": "problems",
        "cohort": "cohort '{slug}' ({gemeente}, {file})",
        "variant": "the overrides of {gemeente} in {folder}",
        "masters": "{gemeente} uses the master workbook (no folder {folder})",
        "refused": "The server does not start: {what} has errors.",
    },
}  # fmt: skip


def frame(lang: str, key: str, **values: Any) -> str:
    """One frame text in ``lang`` (``nl`` or ``en``)."""
    return FRAMES[lang][key].format(**values)


@dataclass
class Report:
    """What was checked (frame texts) and every problem found (ContentError texts: ``file:line: field: ...``)."""

    checked: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def count(self) -> int:
        """How many problems: one line each."""
        return sum(len(problem.splitlines()) for problem in self.problems)

    def text(self, lang: str) -> str:
        lines = [frame(lang, "ok", what=what) for what in self.checked] if not self.problems else []
        if self.problems:
            what = ", ".join(self.checked)
            count = self.count()
            noun = frame(lang, "one" if count == 1 else "many")
            lines.append(frame(lang, "problems", what=what, count=count, noun=noun))
            lines += self.problems
        return "\n".join(lines)


def content_files() -> dict[str, str]:
    """Every exercise file a municipality may override, by file name, with its schema (``module:Model``)."""
    from wijwerken_widgets.content import programme
    from wijwerken_widgets.pages.dag1 import texts as dag1
    from wijwerken_widgets.pages.dag2 import texts as dag2
    from wijwerken_widgets.pages.dag3 import texts as dag3
    from wijwerken_widgets.pages.dag4 import texts as dag4
    from wijwerken_widgets.pages.maanden import texts as maanden
    from wijwerken_widgets.pages.pechakucha import texts as pechakucha
    from wijwerken_widgets.pages.start import texts as start
    from wijwerken_widgets.pages.toegankelijkheid import texts as toegankelijkheid
    from wijwerken_widgets.shared import coaching
    from wijwerken_widgets.shared.logbook import texts as logboek
    from wijwerken_widgets.shared.stakeholders import texts as stakeholderkaart
    from wijwerken_widgets.ui import texts as algemeen

    modules = (algemeen, start, dag1, dag2, dag3, dag4, maanden, pechakucha, logboek, stakeholderkaart,
               toegankelijkheid, coaching, programme)
    return {module.FILE: module.SCHEMA for module in modules}


def check_variant(gemeente: str, exercises: Path | None = None, report: Report | None = None,
                  lang: str = "nl") -> Report:
    """Every override and role-play scenario in ``exercises/<gemeente>/``, merged over its master and validated."""
    from wijwerken_widgets.pages.dag3.roleplay_scenarios import SCENARIO_FOLDER, scenario_files
    from wijwerken_widgets.pages.dag3.roleplay_scenarios import SCHEMA as SCENARIO_SCHEMA

    report = report if report is not None else Report()
    exercises = exercises if exercises is not None else paths.exercises_dir()
    folder = variant_folder(gemeente, exercises)
    if folder is None:
        report.checked.append(frame(lang, "masters", gemeente=gemeente, folder=exercises / gemeente_slug(gemeente)))
        return report
    report.checked.append(frame(lang, "variant", gemeente=gemeente, folder=folder))
    known = content_files()
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower() in YAML_SUFFIXES:
            if path.name not in known:
                names = ", ".join(sorted(known))
                report.problems.append(f"{path}: dit bestand past bij geen bestand van het werkboek; een aanpassing "
                                       f"heet net als het bestand dat ze aanpast: {names}")
                continue
            try:
                loader.load_variant(exercises / path.name, path, known[path.name])
            except ContentError as error:
                report.problems.append(str(error))
    for path in scenario_files(folder / SCENARIO_FOLDER):
        try:
            loader.load_file(path, SCENARIO_SCHEMA)
        except ContentError as error:
            report.problems.append(str(error))
    return report


def cohort_file(target: str, exercises: Path | None = None) -> Path:
    """The cohort file ``target`` names: a path, or a slug or file name in ``exercises/cohorts/``."""
    from wijwerken_widgets.people.settings import load_cohort_settings

    given = Path(target).expanduser()
    if given.is_file():
        return given
    folder = (exercises if exercises is not None else paths.exercises_dir()) / "cohorts"
    candidates = sorted(p for p in folder.glob("*") if p.suffix.lower() in YAML_SUFFIXES)
    for path in candidates:
        if path.stem == target:
            return path
    for path in candidates:
        try:
            if load_cohort_settings(path).slug == target:
                return path
        except ContentError:
            continue
    raise FileNotFoundError(f"no cohort file '{target}' (a path, or a slug of a file in {folder})")


def check_cohort(target: str, exercises: Path | None = None, lang: str = "nl") -> Report:
    """The cohort file (also its ``uit``: known pages and exercises) and its municipality's variant."""
    from wijwerken_widgets.people.settings import load_cohort_settings

    exercises = exercises if exercises is not None else paths.exercises_dir()
    path = cohort_file(target, exercises)
    report = Report()
    try:
        settings = load_cohort_settings(path, checks=[lambda data: _off_problems(data, exercises),
                                                      lambda data: _step_problems(data, exercises)])
    except ContentError as error:
        gemeente = _raw_gemeente(path)
        report.checked.append(frame(lang, "cohort", slug=target, gemeente=gemeente or "?", file=path))
        report.problems.append(str(error))
        return check_variant(gemeente, exercises, report, lang) if gemeente else report
    report.checked.append(frame(lang, "cohort", slug=settings.slug, gemeente=settings.gemeente, file=path))
    return check_variant(settings.gemeente, exercises, report, lang)


def _raw_gemeente(path: Path) -> str | None:
    """The ``gemeente`` of a cohort file that does not validate, so that its variant is checked all the same."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError):
        return None
    gemeente = data.get("gemeente") if isinstance(data, dict) else None
    return gemeente.strip() or None if isinstance(gemeente, str) else None


def _step_problems(data: Any, exercises: Path) -> Iterable[tuple[Loc, str]]:
    """Steps in ``programma`` that the cohort's trajectory (``exercises/trajecten.yaml``) does not have."""
    from wijwerken_widgets.content.programme import DEFAULT, load

    entries = data.get("programma") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        return
    trajectories = load(exercises).trajecten
    trajectory = trajectories.get(data.get("traject") or DEFAULT) or trajectories[DEFAULT]
    known = [step.id for step in trajectory.stappen]
    for index, entry in enumerate(entries):
        step = entry.get("stap") if isinstance(entry, dict) else None
        if isinstance(step, str) and step not in known:
            yield ("programma", index, "stap"), f"het traject heeft geen stap '{step}' (kies uit: {', '.join(known)})"


def _off_problems(data: Any, exercises: Path) -> Iterable[tuple[Loc, str]]:
    """Names in ``uit`` that are no page or no exercise of it (tolerates data of the wrong shape)."""
    off = data.get("uit") if isinstance(data, dict) else None
    if not isinstance(off, list):
        return
    known = content_files()
    for index, entry in enumerate(off):
        if not isinstance(entry, str):
            continue
        page, _, exercise = entry.partition(".")
        if page not in PAGES:
            yield ("uit", index), f"'{page}' is geen pagina van het werkboek (kies uit: {', '.join(PAGES)})"
        elif exercise:
            try:
                content = loader.load_file(exercises / f"{page}.yaml", known[f"{page}.yaml"])
            except (ContentError, KeyError):
                continue  # reported with that file
            found = getattr(content, "exercises", None)
            names = list(vars(found)) if hasattr(found, "__dict__") else []
            if exercise not in names:
                choices = ", ".join(names) or "geen: deze pagina heeft geen losse oefeningen"
                yield ("uit", index), f"'{page}' heeft geen oefening '{exercise}' (kies uit: {choices})"


def cmd_check(args: argparse.Namespace) -> int:
    """``wijwerken check <cohort> [--lang en]``: 0 when all is in order, 1 when there are problems."""
    report = check_cohort(args.cohort, lang=args.lang)
    print(report.text(args.lang), file=sys.stderr if report.problems else sys.stdout)
    return 1 if report.problems else 0


def variants_ok(municipalities: Sequence[str]) -> bool:
    """Check every municipality's variant for ``wijwerken serve``; print the report of a broken one (English)."""
    for gemeente in municipalities:
        report = check_variant(gemeente, lang="en")
        if report.problems:
            print(frame("en", "refused", what=", ".join(report.checked)), file=sys.stderr)
            print(report.text("en"), file=sys.stderr)
            print("Check it again with: wijwerken check <cohort>  (see exercises/README-varianten.md)", file=sys.stderr)
            return False
    return True


def add_check_parser(sub: Any) -> None:
    """The ``check`` subcommand of ``wijwerken`` (``sub``: the parser's subparsers)."""
    check = sub.add_parser("check", help="check a cohort file and its municipality's variant before a training day")
    check.add_argument("cohort", help="the cohort file, or its slug or name in exercises/cohorts/")
    check.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the report's frame")
    check.set_defaults(func=cmd_check)
