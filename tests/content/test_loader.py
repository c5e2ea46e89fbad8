"""Validated content is cached in the data folder, so page kernels need not build the pydantic schema."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wijwerken_widgets.content.loader import CACHE_FOLDER, ContentError, clear_cache
from wijwerken_widgets.core import paths
from wijwerken_widgets.pages.dag1 import texts as dag1_texts

DAG1_FILE, load_dag1 = dag1_texts.FILE, dag1_texts.load

SCRIPT = """
import sys
from wijwerken_widgets.pages.dag1 import texts as dag1
from wijwerken_widgets.pages.dag2 import texts as dag2
from wijwerken_widgets.pages.start import texts as start
from wijwerken_widgets.shared.coaching import load_rules
dag1 = dag1.load()
dag2.load(); start.load(); load_rules()
print(dag1.exercises.problem_statement.fields.hoofdvraag.label)
print("pydantic" in sys.modules)
"""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WIJWERKEN_HOME", str(tmp_path / "data"))
    clear_cache()
    yield tmp_path / "data"
    clear_cache()


def _kernel_like_run(home: Path) -> list[str]:
    env = {"WIJWERKEN_HOME": str(home), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=True)
    return result.stdout.splitlines()


def test_the_second_kernel_reads_the_cache_without_pydantic(home: Path) -> None:
    """Does the first load validate (with pydantic) and leave a cache, so the next kernel never imports pydantic?"""
    first = _kernel_like_run(home)
    assert first[1] == "True"
    assert len(list((home / CACHE_FOLDER).glob("*.json"))) == 4
    second = _kernel_like_run(home)
    assert second == [first[0], "False"]
    assert second[0] == load_dag1().exercises.problem_statement.fields.hoofdvraag.label


def test_an_edited_file_is_validated_again(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a trainer breaks a file that was cached, is the mistake reported instead of the old text shown?"""
    folder = tmp_path / "exercises"
    folder.mkdir()
    shutil.copy(paths.exercises_dir() / DAG1_FILE, folder / DAG1_FILE)
    assert load_dag1(folder).day == 1
    clear_cache()
    text = (folder / DAG1_FILE).read_text(encoding="utf-8")
    (folder / DAG1_FILE).write_text(text.replace("day: 1", "day: een"), encoding="utf-8")
    with pytest.raises(ContentError, match="day"):
        load_dag1(folder)


def test_a_corrupt_cache_file_is_ignored(home: Path) -> None:
    """Does a damaged cache entry fall back to validating the file?"""
    title = load_dag1().title
    for cached in (home / CACHE_FOLDER).glob("*.json"):
        cached.write_text("{not json", encoding="utf-8")
    clear_cache()
    assert load_dag1().title == title


def test_cached_content_keeps_mappings_and_lists(home: Path) -> None:
    """Are dict fields still dicts (with .items()) and list fields lists after the round trip through the cache?"""
    load_dag1()
    clear_cache()
    dag1 = load_dag1()
    options = dag1.exercises.vraagstuk_choice.options
    assert isinstance(options, dict) and set(options) == {"extern", "intern"}
    assert isinstance(options["extern"].examples, list) and options["extern"].examples
