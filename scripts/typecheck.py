"""The type check of ``scripts/test.sh`` (and so of CI): mypy, strict below the pages, a shrinking baseline above.

Usage, from anywhere (it works in the repository root)::

    python scripts/typecheck.py            # check; exit status 0 only when everything below holds
    python scripts/typecheck.py --update   # rewrite mypy-baseline.txt from mypy's current errors

mypy is configured in ``pyproject.toml`` (``[tool.mypy]``):

- ``wijwerken_widgets.core``, ``.content``, ``.people``, ``.store`` and ``.app`` (and this script) are checked in
  strict mode and have no baseline: any error there fails the check and can never be put in the baseline.
  The frozen Alembic migrations (``store/migrations/versions``) are not checked.
- ``ui``, ``shared`` and ``pages`` are checked with mypy's defaults (plus the bodies of unannotated functions).
  Their errors are compared with ``mypy-baseline.txt`` by the ``mypy-baseline`` package (configured in
  ``[tool.mypy-baseline]``): one line per error with file, message and error code, without line numbers. The
  check fails on an error that is not in the baseline *and* on a baseline line whose error is gone, so the
  baseline only shrinks.

Updating the baseline: after fixing errors in ui/shared/pages (the check then says how many were fixed), or after
a merge changed those folders, run ``python scripts/typecheck.py --update`` and commit ``mypy-baseline.txt``.
Review its diff: after a fix it should only lose lines; new lines are new type errors that someone accepted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "mypy-baseline.txt"
BASELINED = ("wijwerken_widgets/ui/", "wijwerken_widgets/shared/", "wijwerken_widgets/pages/")
"""The folders whose errors may stand in the baseline; everything else mypy checks is strict."""


def run_mypy() -> list[str]:
    """mypy's error and note lines (exits with mypy's own status when mypy itself fails)."""
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--no-pretty", "--no-color-output"],
        cwd=ROOT, capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    if result.returncode not in (0, 1) or result.stderr.strip():
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        sys.exit(result.returncode or 2)
    return result.stdout.splitlines()


def is_baselined(line: str) -> bool:
    return line.replace("\\", "/").startswith(BASELINED)


def mypy_baseline(command: str, lines: list[str]) -> int:
    """Run ``mypy-baseline <command>`` (filter or sync) on ``lines``; its exit status."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy_baseline", command, "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT, input="".join(f"{line}\n" for line in lines), text=True, check=False,
    )  # fmt: skip
    return result.returncode


def strict_lines_in_baseline() -> list[str]:
    if not BASELINE.exists():
        return []
    return [line for line in BASELINE.read_text(encoding="utf-8").splitlines() if line and not is_baselined(line)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--update", action="store_true", help="rewrite mypy-baseline.txt from the current errors")
    args = parser.parse_args(argv)

    lines = run_mypy()
    strict = [line for line in lines if not is_baselined(line)]
    baselined = [line for line in lines if is_baselined(line)]
    if strict:
        print("\n".join(strict))
        print("\nType errors in the strict layers (core, content, "
              "people, store, app, scripts): fix them; they cannot go into the baseline.")
        return 1
    if args.update:
        status = mypy_baseline("sync", baselined)
        count = len([line for line in BASELINE.read_text(encoding="utf-8").splitlines() if line])
        print(f"{BASELINE.name}: {count} errors of ui, shared and pages.")
        return status
    if wrong := strict_lines_in_baseline():
        print("\n".join(wrong))
        print(f"\n{BASELINE.name} lists errors outside ui, shared and pages: the strict layers have no baseline.")
        return 1
    status = mypy_baseline("filter", baselined)
    if status != 0:
        print("Type check failed: fix the new errors above. When errors were fixed or a merge changed ui, shared or "
              "pages, run `python scripts/typecheck.py --update` and commit mypy-baseline.txt.")
    return status


if __name__ == "__main__":
    sys.exit(main())
