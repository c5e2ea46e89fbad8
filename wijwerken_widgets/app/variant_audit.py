"""Variant changes in the audit trail (BIO 8.15): ``wijwerken serve`` compares each municipality's variant (its
override files ``exercises/<gemeente>/`` and notebook copies ``workbooks/<gemeente>/``) with what it served last,
and writes one ``variant_change`` line per cohort of a municipality whose variant appeared, changed or went.

What was served last is one fingerprint (SHA-256 of the files' names and bytes) per municipality in
``variant-fingerprints.json`` in the data folder: hashes only, no content.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from wijwerken_widgets.content.variants import RESERVED, gemeente_slug
from wijwerken_widgets.core import paths

if TYPE_CHECKING:
    from wijwerken_widgets.store import Store

FINGERPRINTS = "variant-fingerprints.json"


def fingerprint(gemeente: str, exercises: Path, workbooks: Path) -> str:
    """The SHA-256 of the municipality's variant files (names and bytes); empty when it has none."""
    slug = gemeente_slug(gemeente)
    if not slug or slug in RESERVED:
        return ""
    digest, found = hashlib.sha256(), False
    for label, folder in (("exercises", exercises / slug), ("workbooks", workbooks / slug)):
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_file() and ".ipynb_checkpoints" not in path.parts:
                found = True
                digest.update(f"{label}/{path.relative_to(folder).as_posix()}\0".encode() + path.read_bytes() + b"\0")
    if not found:
        return ""
    return digest.hexdigest()


def record_variant_changes(store: Store, data_dir: Path, exercises: Path | None = None,
                           workbooks: Path | None = None) -> list[str]:
    """Write a ``variant_change`` audit line for every cohort of a municipality whose variant differs from the
    last recorded one, and record the new fingerprints; the municipalities that changed."""
    exercises = exercises or paths.exercises_dir()
    workbooks = workbooks or paths.workbooks_dir()
    record = data_dir / FINGERPRINTS
    try:
        seen = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        seen = {}
    seen = seen if isinstance(seen, dict) else {}
    cohorts = store.cohorts()
    now = {gemeente: fingerprint(gemeente, exercises, workbooks) for gemeente in sorted({c.gemeente for c in cohorts})}
    changed = [g for g, value in now.items() if seen.get(gemeente_slug(g), "") != value]
    for cohort in cohorts:
        if cohort.gemeente in changed:
            store.audit("variant_change", "cohort", cohort.id, origin="cli", cohort_id=cohort.id)
    if changed:
        seen.update({gemeente_slug(g): now[g] for g in changed})
        record.write_text(json.dumps(seen, indent=1, sort_keys=True), encoding="utf-8")
    return changed
