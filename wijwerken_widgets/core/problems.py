"""How a mistake in a file that trainers edit is reported: :class:`Problem` and :class:`ContentError`.

Every problem is one line ``path:line: field: wat er mis is`` (Dutch), leaving out the line when it is not known
and the field for a problem of the whole file (a YAML syntax error). ``core/yaml_files.py`` finds the problems;
this module is small because every page imports it (to catch :class:`ContentError`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

Loc = tuple[str | int, ...]
"""A field path as pydantic gives it: keys and list positions from the top of the document."""

MAX_REPORTED_PROBLEMS = 15
KEY_STEP = "[key]"
"""The step pydantic adds to a field path when a mapping's key (not its value) is wrong."""


@dataclass(frozen=True)
class Problem:
    """One mistake in a file: 1-based line (None when unknown), field path (may be empty) and Dutch message."""

    line: int | None
    field: str
    message: str

    def describe(self, path: str | Path) -> str:
        """``path:line: field: message``, leaving out the line or field when there is none."""
        where = f"{path}:{self.line}" if self.line is not None else str(path)
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class ContentError(Exception):
    """A file a trainer edits cannot be used; ``str(error)`` has one ``path:line: field: message`` line per
    problem. ``path`` and ``problems`` are set when :mod:`~wijwerken_widgets.core.yaml_files` raised it."""

    def __init__(self, message: str, *, path: str | Path | None = None, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.path = None if path is None else str(path)
        self.problems = tuple(problems)

    @classmethod
    def of(cls, path: str | Path, problems: Sequence[Problem]) -> ContentError:
        """The error for ``problems`` in ``path`` (the first :data:`MAX_REPORTED_PROBLEMS` are listed)."""
        lines = [problem.describe(path) for problem in problems[:MAX_REPORTED_PROBLEMS]]
        if len(problems) > MAX_REPORTED_PROBLEMS:
            lines.append(f"{path}: … en nog {len(problems) - MAX_REPORTED_PROBLEMS} fouten")
        return cls("\n".join(lines), path=path, problems=problems)


def field_name(loc: Loc) -> str:
    """``exercises.hoofdvraag.examples[2].text`` style name; empty for the document itself."""
    name = ""
    for part in loc:
        if part == KEY_STEP:
            continue
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name
