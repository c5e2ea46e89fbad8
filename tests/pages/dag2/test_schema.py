"""dag2.yaml's schema: texts that Python completes may only use the placeholders it fills in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wijwerken_widgets.content.loader import ContentError
from wijwerken_widgets.core import paths
from wijwerken_widgets.pages.dag2 import texts


def edited(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of dag2.yaml in ``tmp_path`` with ``old`` (which occurs once) replaced by ``new``."""
    path = tmp_path / texts.FILE
    shutil.copy(paths.exercises_dir() / texts.FILE, path)
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, fragment: str) -> int:
    [line] = [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in text]
    return line


@pytest.mark.parametrize(("old", "new"), [
    ("added: \"'{naam}' staat op de kaart.\"", "added: \"'{name}' staat op de kaart.\""),
    ("added: \"'{naam}' staat op de kaart.\"", "added: \"'{naam' staat op de kaart.\""),
    ("added: \"'{naam}' staat op de kaart.\"", "added: \"'{naam:>20}' staat op de kaart.\""),
    ("added: \"'{naam}' staat op de kaart.\"", "added: \"'{}' staat op de kaart.\""),
])
def test_a_placeholder_python_cannot_fill_names_file_line_and_field(tmp_path: Path, old: str, new: str) -> None:
    """Is a misspelt, unclosed, formatted or empty placeholder an error that names file, line and field, and says
    which placeholders the text may use?"""
    path = edited(tmp_path, old, new)
    with pytest.raises(ContentError) as caught:
        texts.load(tmp_path)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line_of(path, new.split(': ')[1])}: exercises.entry.form.added: ")
    assert "{naam}" in message


def test_a_text_without_a_placeholder_may_leave_one_out(tmp_path: Path) -> None:
    """May a trainer drop a placeholder (e.g. the name) from a text, since only unknown ones break the page?"""
    edited(tmp_path, "added: \"'{naam}' staat op de kaart.\"", "added: Staat op de kaart.")
    assert texts.load(tmp_path).exercises.entry.form.added == "Staat op de kaart."


def test_counted_says_one_or_many() -> None:
    """Does a count read "1 stakeholder" for one and "3 stakeholders" (or "0 …") for any other number?"""
    stakeholders = texts.load().counts.stakeholders
    assert [texts.counted(stakeholders, n) for n in (0, 1, 3)] == ["0 stakeholders", "1 stakeholder", "3 stakeholders"]


def test_counts_fill_each_counted_placeholder_in_words() -> None:
    """Does ``texts.counts`` give every counted placeholder its noun, singular for one?"""
    assert texts.counts(texts.load(), stakeholders=1, relations=1) == {"stakeholders": "1 stakeholder",
                                                                        "relations": "1 relatie"}


def test_a_counted_placeholder_followed_by_its_noun_is_refused(tmp_path: Path) -> None:
    """Is "{relations} relaties" an error, since {relations} already reads "1 relatie" and would then say it twice?"""
    path = edited(tmp_path, "bijgewerkt, {relations}.", "bijgewerkt, {relations} relaties.")
    with pytest.raises(ContentError) as caught:
        texts.load(tmp_path)
    assert f"{path}:{line_of(path, 'bijgewerkt, {relations} relaties.')}: exercises.entry.importer" in str(caught.value)
    assert "zet er niet nog eens 'relatie' achter" in str(caught.value)
