"""A municipality's variant that appears, changes or goes is one ``variant_change`` audit line per cohort of that
municipality when the server starts; an unchanged variant writes none; only hashes are kept."""

from __future__ import annotations

from pathlib import Path

from wijwerken_widgets.app.variant_audit import FINGERPRINTS, record_variant_changes
from wijwerken_widgets.store import Store


def _changes(store: Store) -> list[int | None]:
    return [line.object_id for line in store.audit_lines() if line.action == "variant_change"]


def test_each_change_of_a_variant_is_one_line_per_cohort(store: Store, tmp_path: Path) -> None:
    exercises, workbooks, data = tmp_path / "exercises", tmp_path / "workbooks", tmp_path / "data"
    for folder in (exercises, workbooks, data):
        folder.mkdir()
    first = store.add_cohort("zuid-2026", "Zuidstad", "A", {})
    second = store.add_cohort("zuid-2027", "Zuidstad", "B", {})
    other = store.add_cohort("noord-2026", "Noordstad", "C", {})

    def run() -> list[str]:
        return record_variant_changes(store, data, exercises, workbooks)

    assert run() == [] and _changes(store) == []  # no variant anywhere: nothing to record
    (exercises / "zuidstad").mkdir()
    (exercises / "zuidstad" / "dag1.yaml").write_text("intro: Welkom in Zuidstad\n", encoding="utf-8")
    assert run() == ["Zuidstad"] and _changes(store) == [first.id, second.id]
    assert run() == [] and len(_changes(store)) == 2  # unchanged
    (workbooks / "zuidstad").mkdir()
    (workbooks / "zuidstad" / "dag2.ipynb").write_text("{}", encoding="utf-8")  # a copied notebook
    assert run() == ["Zuidstad"]
    (exercises / "zuidstad" / "dag1.yaml").write_text("intro: Welkom!\n", encoding="utf-8")
    assert run() == ["Zuidstad"]
    for path in [*(exercises / "zuidstad").iterdir(), *(workbooks / "zuidstad").iterdir()]:
        path.unlink()
    assert run() == ["Zuidstad"]  # the variant went: the masters are served again
    assert len(_changes(store)) == 8 and other.id not in _changes(store)
    assert "Welkom" not in (data / FINGERPRINTS).read_text(encoding="utf-8")
