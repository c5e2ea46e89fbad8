"""A municipality's variant of the workbook, as data: partial overrides of the exercise files.

``exercises/<gemeente>/`` (the municipality's name as a slug, e.g. ``exercises/demogemeente/``) may hold files with
the same names as the master files (``dag1.yaml``) that hold only the keys they change, and a ``rollenspel/``
folder with extra role-play scenarios (a file named like a master scenario replaces it). A page of a participant of
that municipality's cohort reads the master with the override merged over it, in these steps
(``core.yaml_files.load_yaml_layers``):

1. read the master file and check it on its own (YAML syntax, keys written twice);
2. read the override and check it alike;
3. merge the override over the master (:func:`merge`): blocks merge key by key, a list or a text replaces the
   master's, and a key set to nothing (``sleutel: null`` or ``sleutel:``) takes the master's value away (the
   schema's default, or an error when the page needs it);
4. validate the result with the page's pydantic schema; a problem is reported in the file that wrote that field,
   with its line.

Which pages and exercises a cohort uses is a cohort setting (``uit`` in the cohort file): see
:func:`exercise_enabled`.

For deeper changes a municipality gets its own copy of a workbook (``wijwerken variant <gemeente> <dag>``): it lives
in the served workbooks folder, ``workbooks/<gemeente>/<dag>.ipynb`` (Voilà serves one folder, and nbval collects
that folder), and the server renders it instead of the master for that municipality's participants
(:func:`variant_notebook`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijwerken_widgets.core import paths

if TYPE_CHECKING:
    from wijwerken_widgets.core.problems import Loc
    from wijwerken_widgets.store import Cohort

__all__ = ["OFF_SETTING", "RESERVED", "exercise_enabled", "pages_off", "gemeente_slug", "merge", "variant_folder",
           "variant_notebook"]

OFF_SETTING = "uit"
"""The cohort setting listing what is turned off: ``dag2`` (the whole page) or ``dag4.vote`` (one exercise)."""
RESERVED = frozenset({"cohorts", "rollenspel", "voorbeeld"})
"""Folders of ``exercises/`` that are no municipality."""
NOT_A_BLOCK = ("een aanpassing bevat alleen de velden die anders zijn dan in het origineel, als blok "
               "(veld: waarde)")


def gemeente_slug(gemeente: str) -> str:
    """The folder name of a municipality: lower case letters, digits and hyphens ('Súdwest-Fryslân' →
    'sudwest-fryslan')."""
    ascii_text = unicodedata.normalize("NFKD", gemeente).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def variant_folder(gemeente: str, exercises: Path | None = None) -> Path | None:
    """``exercises/<gemeente-slug>/`` when that folder exists (else None: the cohort uses the masters)."""
    slug = gemeente_slug(gemeente)
    if not slug or slug in RESERVED:
        return None
    folder = (exercises if exercises is not None else paths.exercises_dir()) / slug
    return folder if folder.is_dir() else None


def variant_notebook(workbooks: Path, gemeente: str | None, notebook: str) -> str:
    """The notebook to render when a participant of ``gemeente`` asks for ``notebook`` (``dag1.ipynb``, relative to
    the served ``workbooks`` folder): the municipality's copy ``<gemeente>/dag1.ipynb`` when it exists, else
    ``notebook`` itself."""
    if not gemeente or "/" in notebook or not notebook.endswith(".ipynb"):
        return notebook
    slug = gemeente_slug(gemeente)
    copy = f"{slug}/{notebook}"
    return copy if slug and (workbooks / slug / notebook).is_file() else notebook


def merge(base: Any, override: Any, loc: Loc = ()) -> tuple[Any, list[tuple[Loc, str]]]:
    """``override`` merged over ``base`` (step 3 above) and the problems found, as ``(field path, message)``.

    The result shares no mutable part with ``override``'s blocks; ``base`` is not changed.
    """
    if not loc and not isinstance(override, dict):
        return base, [((), NOT_A_BLOCK)]
    if not (isinstance(base, dict) and isinstance(override, dict)):
        return override, []
    merged, problems = dict(base), []
    for key, value in override.items():
        if value is None:
            merged.pop(key, None)
        elif key in merged:
            merged[key], found = merge(merged[key], value, (*loc, key))
            problems += found
        else:
            merged[key] = value
    return merged, problems


def pages_off(cohort: Cohort | Mapping[str, Any] | None) -> frozenset[str]:
    """The whole pages (``"dag2"``) the cohort turned off in ``uit``: left out of its navigation."""
    settings = cohort if isinstance(cohort, Mapping) else (cohort.settings if cohort is not None else {})
    return frozenset(entry for entry in settings.get(OFF_SETTING) or () if isinstance(entry, str) and "." not in entry)


def exercise_enabled(cohort: Cohort | Mapping[str, Any] | None, page: str, exercise: str | None = None) -> bool:
    """Whether ``cohort`` (a store cohort, or its settings) uses ``page`` (``"dag4"``, the workbook's name) and, when
    given, its ``exercise`` (the key under ``exercises:`` in the page's YAML and the section's module, ``"vote"``).

    Off are the pages and exercises in the cohort setting ``uit`` (``[dag2, dag4.vote]``); everything is on
    without it, and for no cohort.
    """
    settings = cohort if isinstance(cohort, Mapping) else (cohort.settings if cohort is not None else {})
    off = settings.get(OFF_SETTING) or ()
    return page not in off and (exercise is None or f"{page}.{exercise}" not in off)
