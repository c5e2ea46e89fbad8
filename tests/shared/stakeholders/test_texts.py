"""The stakeholder map's messages come from stakeholderkaart.yaml, read only when there is something to say."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wijwerken_widgets.content.loader import ContentError, clear_cache
from wijwerken_widgets.core import paths
from wijwerken_widgets.shared.stakeholders import table_import, texts
from wijwerken_widgets.shared.stakeholders.model import InvalidInput, validate_relation, validate_stakeholder

SHIPPED = paths.exercises_dir() / texts.FILE


@pytest.fixture
def exercises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An exercises folder (empty to start with) that WIJWERKEN_EXERCISES points at."""
    monkeypatch.setenv("WIJWERKEN_EXERCISES", str(tmp_path))
    clear_cache()
    yield tmp_path
    clear_cache()


def test_valid_input_needs_no_text_file(exercises: Path) -> None:
    """Are a valid stakeholder, relation and pasted list checked without stakeholderkaart.yaml, which is only read
    for a message (and then missing)?"""
    assert validate_stakeholder({"naam": "Anna", "houding": "Voorstander", "invloed": "4"}).invloed == 4
    assert validate_relation({"van": "a", "naar": "b", "soort": "Formele lijn"}).soort == "formele_lijn"
    assert table_import.parse_pasted("Anna\nBob\n").problems == []
    with pytest.raises(ContentError, match=texts.FILE):
        validate_stakeholder({"naam": ""})


def test_a_trainers_wording_reaches_the_participant(exercises: Path) -> None:
    """Does an edited stakeholderkaart.yaml change what a check and an import problem say?"""
    text = SHIPPED.read_text(encoding="utf-8")
    for old, new in (('  line: "Regel {n}"', '  line: "Lijn {n}"'), ("  houding: houding", "  houding: de houding")):
        assert text.count(old) == 1
        text = text.replace(old, new)
    (exercises / texts.FILE).write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput, match="geen geldige keuze voor de houding"):
        validate_stakeholder({"naam": "Anna", "houding": "misschien"})
    [problem] = table_import.parse_pasted("Anna\nanna\n").problems
    assert problem.startswith("Lijn 2: 'anna' staat er al eerder in (lijn 1).")
