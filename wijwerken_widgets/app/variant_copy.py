"""``wijwerken variant <gemeente> <dag>``: a municipality's own copy of a workbook, for changes deeper than the
texts (another order of the sections, a section left out or added).

The copy goes into the served workbooks folder, ``workbooks/<gemeente>/<dag>.ipynb``: Voilà serves that one
folder, the server renders the copy instead of the master for the municipality's participants
(``app/web/pages.py``, ``content.variants.variant_notebook``), and nbval tests it like the masters (pytest
collects ``workbooks/``).
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

from wijwerken_widgets.content.variants import RESERVED, gemeente_slug
from wijwerken_widgets.core import paths

__all__ = ["add_variant_parser", "cmd_variant", "copy_workbook"]


def copy_workbook(gemeente: str, day: str, workbooks: Path | None = None) -> Path:
    """Copy ``workbooks/<day>.ipynb`` to ``workbooks/<gemeente-slug>/<day>.ipynb``; the copy's path.

    ValueError for an unknown workbook or municipality name, FileExistsError when the copy exists.
    """
    folder = workbooks if workbooks is not None else paths.workbooks_dir()
    name = day if day.endswith(".ipynb") else f"{day}.ipynb"
    master = folder / name
    if "/" in name or not master.is_file():
        choices = ", ".join(sorted(path.stem for path in folder.glob("*.ipynb")))
        raise ValueError(f"There is no workbook '{day}' in {folder} (choose from: {choices}).")
    slug = gemeente_slug(gemeente)
    if not slug or slug in RESERVED:
        raise ValueError(f"'{gemeente}' cannot be the name of a municipality's folder.")
    target = folder / slug / name
    if target.exists():
        raise FileExistsError(f"{target} already exists; edit it, or remove it to start again from the master.")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(master, target)
    return target


def cmd_variant(args: argparse.Namespace) -> int:
    target = copy_workbook(args.gemeente, args.day, args.workbooks.expanduser().resolve() if args.workbooks else None)
    print(f"Copied to {target}. Participants of {args.gemeente}'s cohorts get this copy instead of the master "
          f"(the address stays the same). Keep its one code cell; test it with: pytest {target}")
    return 0


def add_variant_parser(sub: Any) -> None:
    """The ``variant`` subcommand of ``wijwerken`` (``sub``: the parser's subparsers)."""
    variant = sub.add_parser("variant", help="copy a workbook for one municipality (workbooks/<gemeente>/<dag>.ipynb), "
                                             "served instead of the master to its participants")
    variant.add_argument("gemeente", help="the municipality, as 'gemeente' in its cohort file")
    variant.add_argument("day", metavar="dag", help="the workbook to copy, e.g. dag1")
    variant.add_argument("--workbooks", type=Path, help="the served workbooks folder (default: the shipped one)")
    variant.set_defaults(func=cmd_variant)
