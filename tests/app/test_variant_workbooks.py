"""A municipality's own copy of a workbook: `wijwerken variant` makes it, the server renders it for its people."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
import requests

from tests.support.voila_server import start_server, stop_server
from wijwerken_widgets.app.variant_copy import copy_workbook
from wijwerken_widgets.content.variants import variant_notebook


def _notebook(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(text)]), path)


def test_the_copy_is_chosen_only_for_its_municipality(tmp_path: Path) -> None:
    _notebook(tmp_path / "voorbeeldstad" / "dag1.ipynb", "kopie")
    assert variant_notebook(tmp_path, "Voorbeeldstad", "dag1.ipynb") == "voorbeeldstad/dag1.ipynb"
    assert variant_notebook(tmp_path, "Voorbeeldstad", "dag2.ipynb") == "dag2.ipynb"
    assert variant_notebook(tmp_path, "Demogemeente", "dag1.ipynb") == "dag1.ipynb"
    assert variant_notebook(tmp_path, None, "dag1.ipynb") == "dag1.ipynb"
    assert variant_notebook(tmp_path, "Voorbeeldstad", "voorbeeldstad/dag1.ipynb") == "voorbeeldstad/dag1.ipynb"


def test_variant_copies_a_master_once(tmp_path: Path) -> None:
    _notebook(tmp_path / "dag1.ipynb", "meester")
    copy = copy_workbook("Bergen op Zoom", "dag1", tmp_path)
    assert copy == tmp_path / "bergen-op-zoom" / "dag1.ipynb"
    assert copy.read_bytes() == (tmp_path / "dag1.ipynb").read_bytes()
    with pytest.raises(FileExistsError):
        copy_workbook("Bergen op Zoom", "dag1.ipynb", tmp_path)
    with pytest.raises(ValueError, match=r"no workbook 'dag9'.*choose from: dag1"):
        copy_workbook("Bergen op Zoom", "dag9", tmp_path)
    with pytest.raises(ValueError):
        copy_workbook("Rollenspel", "dag1", tmp_path)


def test_the_shipped_example_copy_is_tested_like_the_masters() -> None:
    """pytest collects ``workbooks/`` (nbval), so the example copy of Voorbeeldstad is run like the masters."""
    import tomllib

    root = Path(__file__).resolve().parents[2]
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "workbooks" in config["testpaths"]
    assert (root / "workbooks" / "voorbeeldstad" / "dag1.ipynb").is_file()


@pytest.mark.server
def test_the_server_renders_the_municipalitys_copy_under_the_masters_address(tmp_path: Path) -> None:
    """The test participant's cohort is of 'Testgemeente': its copy is rendered; other pages stay the master."""
    workbooks = tmp_path / "workbooks"
    _notebook(workbooks / "page.ipynb", "MASTER-PAGE")
    _notebook(workbooks / "testgemeente" / "page.ipynb", "VARIANT-PAGE")
    _notebook(workbooks / "other.ipynb", "OTHER-MASTER")
    server = start_server(data_dir=tmp_path / "data", log_path=tmp_path / "server.log", workbooks_dir=workbooks)
    try:
        page = requests.get(server.page_url("page.ipynb"), cookies=server.cookies, timeout=60)
        assert page.status_code == 200 and "VARIANT-PAGE" in page.text and "MASTER-PAGE" not in page.text
        other = requests.get(server.page_url("other.ipynb"), cookies=server.cookies, timeout=60)
        assert "OTHER-MASTER" in other.text
    finally:
        stop_server(server)
